"""The command line: one clear line and a non-zero exit on error, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from judge_app import __version__
from judge_app.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("demo", "gui", "audit", "db"):
        assert command in out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_missing_file_is_one_line_in_the_users_language(
    tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "không có.sqlite"
    assert main(["--lang", lang, "audit", "verify", str(missing)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert str(missing) in err[0]
    assert err[0].startswith("Không tìm thấy" if lang == "vi" else "File not found")


def test_a_text_file_is_not_a_contest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "contest.sqlite"
    fake.write_text("Họ và tên,Lớp\nNguyễn Văn A,8A\n", encoding="utf-8")
    assert main(["db", "check", str(fake)]) == 2
    assert "không phải" in capsys.readouterr().err


def test_installed_script_runs_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "judge_app.cli", "db", "check", str(tmp_path / "x.sqlite")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_broken_profile_folder_still_gives_one_line(tmp_path: Path) -> None:
    """A file where the log folder should be (a roaming profile gone wrong)."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "logs").write_text("not a folder", encoding="utf-8")
    env = dict(os.environ, JUDGE_APP_HOME=str(home))
    result = subprocess.run(
        [sys.executable, "-m", "judge_app.cli", "db", "check", str(tmp_path / "x.sqlite")],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_area_commands_are_wired_into_judge_app(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Keys, unpack and seal live beside their packages; `judge-app` must reach them."""
    import zipfile

    secret = tmp_path / "pass.txt"
    secret.write_text("mật khẩu rất dài\n", encoding="utf-8")
    assert (
        main(
            [
                "--lang",
                "en",
                "key",
                "create",
                "--name",
                "GK Lê Thị Mai",
                "--passphrase-file",
                str(secret),
            ]
        )
        == 0
    )
    assert "fingerprint" in capsys.readouterr().out.lower()

    school = tmp_path / "THCS Khương Đình.zip"
    with zipfile.ZipFile(school, "w") as archive:
        archive.writestr("Bài dự thi/Nguyễn Văn A.pdf", b"%PDF-1.4\n")
        archive.writestr("__MACOSX/._x", b"junk")
    assert main(["unpack", str(school), "-o", str(tmp_path / "out")]) == 0
    assert list((tmp_path / "out").rglob("Nguyễn Văn A.pdf"))

    assert main(["codes", str(tmp_path / "missing.sqlite"), "-o", str(tmp_path / "c.csv")]) == 2


def test_building_the_parser_loads_no_database_or_document_library() -> None:
    """Every command (the GUI too) builds the parser first: it must stay cheap."""
    import subprocess
    import sys

    code = (
        "import sys, judge_app.cli as c; c.build_parser(); "
        "print(sorted(m for m in ('sqlalchemy', 'pymupdf', 'openpyxl', 'PySide6', 'numpy') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"

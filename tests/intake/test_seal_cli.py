"""The `seal`, `reveal` and `codes` commands, through a parser built as cli.py builds its own."""

from __future__ import annotations

import argparse
import getpass
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from test_seal import demo_file  # noqa: F401  (the module-scoped demo contest)

from judge_app.core.errors import JudgeAppError
from judge_app.intake.seal_cli import PASSPHRASE_ENV, add_commands


def _run(argv: list[str], lang: str = "en") -> int:
    parser = argparse.ArgumentParser(prog="judge-app")
    sub = parser.add_subparsers(dest="command")
    add_commands(sub)
    args = parser.parse_args(argv)
    result: int = args.handler(args, lang)
    return result


@pytest.fixture
def contest(demo_file: Path, tmp_path: Path) -> Path:  # noqa: F811
    copy = tmp_path / "contest.sqlite"
    shutil.copyfile(demo_file, copy)
    return copy


def _phrase(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _clear_links(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        row = connection.execute(
            "SELECT count(*) FROM identity_record WHERE participant_id IS NOT NULL"
        ).fetchone()
        return int(row[0])
    finally:
        connection.close()


def test_two_key_seal_codes_and_reveal(
    contest: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _phrase(tmp_path, "a.txt", "khoá thứ nhất của trưởng ban")
    second = _phrase(tmp_path, "b.txt", "second key of the secretary")
    keys = ["--passphrase-file", str(first), "--passphrase-file", str(second)]
    entries = _clear_links(contest)

    assert _run(["seal", str(contest), *keys, "--actor", "thu-ky"]) == 0
    assert f"Sealed {entries} identity records" in capsys.readouterr().out
    assert _clear_links(contest) == 0

    out = tmp_path / "phach.csv"
    assert _run(["codes", str(contest), "-o", str(out), *keys], lang="vi") == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfS\xe1\xbb\x91 ph\xc3\xa1ch")
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == entries + 1

    with pytest.raises(JudgeAppError) as caught:
        _run(["reveal", str(contest), "--passphrase-file", str(first)])
    assert caught.value.code == "seal_passphrase_count"

    swapped = ["--passphrase-file", str(second), "--passphrase-file", str(first)]
    with pytest.raises(JudgeAppError) as caught:
        _run(["reveal", str(contest), *swapped])
    assert caught.value.code == "reveal_before_lock"  # identities stay sealed until the lock
    early = ["--before-lock", "Trường cần gửi lại bài bị hỏng"]
    assert _run(["reveal", str(contest), *swapped, *early]) == 0
    assert "recorded in the audit log" in capsys.readouterr().out
    assert _clear_links(contest) == entries


def test_passphrase_from_the_environment(
    contest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "mật khẩu từ biến môi trường")
    assert _run(["seal", str(contest)]) == 0
    monkeypatch.setenv(PASSPHRASE_ENV, "another passphrase")
    with pytest.raises(JudgeAppError) as caught:
        _run(["reveal", str(contest), "--before-lock", "thử"])
    assert caught.value.code == "seal_wrong_passphrase"


def test_no_passphrase_without_a_terminal(contest: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    with pytest.raises(JudgeAppError) as caught:
        _run(["seal", str(contest)])
    assert caught.value.code == "seal_passphrase_missing"


def test_prompt_asks_twice_for_a_new_seal(contest: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    typed = iter(["first passphrase", "first passphrase", "second passphrase", "typo"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(typed))
    with pytest.raises(JudgeAppError) as caught:
        _run(["seal", str(contest), "--keys", "2"])
    assert caught.value.code == "seal_passphrase_mismatch"
    assert _clear_links(contest) > 0


def test_empty_or_missing_passphrase_file(contest: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(JudgeAppError) as caught:
        _run(["seal", str(contest), "--passphrase-file", str(empty)])
    assert caught.value.code == "seal_passphrase_file_empty"
    with pytest.raises(JudgeAppError) as caught:
        _run(["seal", str(contest), "--passphrase-file", str(tmp_path / "nope.txt")])
    assert caught.value.code == "file_not_found"


def test_codes_before_any_seal_needs_no_passphrase(contest: Path, tmp_path: Path) -> None:
    out = tmp_path / "list.csv"
    assert _run(["codes", str(contest), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8-sig").startswith("Code,Full name,Unit,Category")


def test_reveal_of_a_never_sealed_file(contest: Path) -> None:
    with pytest.raises(JudgeAppError) as caught:
        _run(["reveal", str(contest)])
    assert caught.value.code == "seal_not_set_up"


def test_the_key_count_matches_the_crypto_limit() -> None:
    from judge_app.intake.seal_cli import MAX_KEYS
    from judge_app.intake.seal_crypto import MAX_PASSPHRASES

    assert MAX_KEYS == MAX_PASSPHRASES

"""`judge-app contest | rubric | judge`, through a parser built as cli.py builds its own."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.exchange.passphrase import PASSPHRASE_ENV
from judge_app.intake.contest_cli import add_commands
from judge_app.intake.contest_config import load_config, sample_config_path
from judge_app.store.database import open_contest_file
from judge_app.store.models import Judge, Unit

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "resources" / "unit-list-sample.xlsx"


def _run(argv: list[str], lang: str = "en") -> int:
    parser = argparse.ArgumentParser(prog="judge-app")
    sub = parser.add_subparsers(dest="command")
    add_commands(sub)
    args = parser.parse_args(argv)
    result: int = args.handler(args, lang)
    return result


@pytest.fixture
def made(tmp_path: Path) -> Path:
    db = tmp_path / "c.sqlite"
    assert (
        _run(["contest", "init", str(db), "--config", str(sample_config_path()), "--no-head-key"])
        == 0
    )
    return db


def test_init_with_unit_list_and_head_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    phrase = tmp_path / "pass.txt"
    phrase.write_text("cụm mật khẩu của trưởng ban\n", encoding="utf-8")
    db = tmp_path / "thi.sqlite"
    argv = ["contest", "init", str(db), "--config", str(sample_config_path())]
    argv += ["--units", str(UNITS), "--passphrase-file", str(phrase), "--actor", "tb"]
    assert _run(argv, "vi") == 0
    out = capsys.readouterr().out
    assert "Đã đọc 9 đơn vị" in out and "9 đơn vị" in out
    assert "Khoá của trưởng ban TB" in out
    with open_contest_file(db) as contest, contest.read_session() as session:
        head = session.query(Judge).filter_by(is_head=True).one()
        assert head.key_fingerprint and head.key_fingerprint in out
        assert session.query(Unit).count() == 9


def test_init_reads_the_passphrase_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "một cụm mật khẩu dài")
    db = tmp_path / "thi.sqlite"
    argv = ["contest", "init", str(db), "--config", str(sample_config_path())]
    argv += ["--head-key-name", "Nguyễn Văn Hùng (trưởng ban)"]
    assert _run(argv) == 0
    assert "Head judge TB's key" in capsys.readouterr().out


def test_init_lists_every_problem_of_a_broken_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(sample_config_path().read_text(encoding="utf-8"))
    data["criteria"][0]["step"] = "0.3"
    data["questions"][2]["answer"] = "F"
    config = tmp_path / "sai.json"
    config.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "thi.sqlite"
    with pytest.raises(JudgeAppError) as caught:
        _run(["contest", "init", str(db), "--config", str(config), "--no-head-key"])
    err = capsys.readouterr().err
    assert "criteria[0].step: must be a multiple of 0.25" in err
    assert "questions[2].answer: the answer is not one of the options" in err
    assert "2 problem(s)" in describe(caught.value, "en")
    assert not db.exists()


def test_init_refuses_a_unit_list_with_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = tmp_path / "don-vi.csv"
    units.write_text(
        "Mã đơn vị;Tên đơn vị;Số CB-GV-NV\nX1;;12\nX2;Trường B;mười\n", encoding="utf-8"
    )
    db = tmp_path / "thi.sqlite"
    argv = ["contest", "init", str(db), "--config", str(sample_config_path())]
    with pytest.raises(JudgeAppError) as caught:
        _run([*argv, "--units", str(units), "--no-head-key"], "vi")
    assert caught.value.code == "unit_list_has_errors"
    err = capsys.readouterr().err
    assert "Dòng 2: thiếu tên đơn vị" in err and "Dòng 3:" in err
    assert not db.exists()


def test_init_refuses_an_existing_file(made: Path) -> None:
    with pytest.raises(JudgeAppError) as caught:
        _run(["contest", "init", str(made), "--config", str(sample_config_path()), "--no-head-key"])
    assert caught.value.code == "file_exists"


def test_export_template_show(
    made: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "export.json"
    assert _run(["contest", "export", str(made), "-o", str(out)]) == 0
    assert load_config(out) == load_config(sample_config_path())
    template = tmp_path / "mau.json"
    assert _run(["contest", "export", str(made), "-o", str(template), "--template"]) == 0
    assert load_config(template).year == 2020
    capsys.readouterr()
    assert _run(["contest", "show", str(made)], "vi") == 0
    shown = capsys.readouterr().out
    assert "Tìm hiểu dịch vụ công trực tuyến" in shown
    assert "Nhóm school (Trường MN, TH, THCS): nhận bài trước 17:00 20/08/2019" in shown
    assert "tổng 10 điểm" in shown and "trưởng ban TB Nguyễn Văn Hùng" in shown


def test_rubric_export_and_import(
    made: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric = tmp_path / "rubric.json"
    assert _run(["rubric", "export", str(made), "-o", str(rubric)]) == 0
    data = json.loads(rubric.read_text(encoding="utf-8"))
    data["criteria"][0]["guide"] = "Hướng dẫn mới"
    rubric.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert _run(["rubric", "import", str(made), str(rubric)], "vi") == 0
    assert "Đã thay hướng dẫn chấm" in capsys.readouterr().out
    again = tmp_path / "again.json"
    _run(["rubric", "export", str(made), "-o", str(again)])
    assert json.loads(again.read_text(encoding="utf-8"))["criteria"][0]["guide"] == "Hướng dẫn mới"


def test_judge_commands(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["judge", "add", str(made), "--code", "GK4", "--name", "Trần Văn Nam"]
    assert _run([*argv, "--capacity", "30", "--conflict", "PGD"]) == 0
    assert (
        _run(
            [
                "judge",
                "conflict",
                str(made),
                "--judge",
                "GK4",
                "--unit",
                "MN-TH",
                "--reason",
                "con học",
            ]
        )
        == 0
    )
    assert "declared conflicts of interest with PGD, MN-TH" in capsys.readouterr().out
    assert _run(["judge", "capacity", str(made), "--judge", "GK4", "none"]) == 0
    assert "Judge GK4: no limit on entries." in capsys.readouterr().out
    assert _run(["judge", "list", str(made), "--json"]) == 0
    judges = json.loads(capsys.readouterr().out)
    gk4 = next(j for j in judges if j["code"] == "GK4")
    assert gk4["capacity"] is None
    assert gk4["conflicts"] == [
        {"unit": "MN-TH", "reason": "con học"},
        {"unit": "PGD", "reason": ""},
    ]
    assert (
        _run(["judge", "conflict", str(made), "--judge", "GK4", "--unit", "PGD", "--remove"]) == 0
    )
    capsys.readouterr()
    assert _run(["judge", "list", str(made)], "vi") == 0
    listed = capsys.readouterr().out
    assert "* TB  Nguyễn Văn Hùng  đơn vị: PGD" in listed
    assert "- GK4  Trần Văn Nam  đơn vị: —  tối đa: —  xung đột: MN-TH" in listed
    with pytest.raises(JudgeAppError) as caught:
        _run(["judge", "add", str(made), "--code", "TB2", "--name", "X", "--head"])
    assert caught.value.code == "judge_second_head"
    with pytest.raises(SystemExit):
        _run(["judge", "capacity", str(made), "--judge", "GK4", "-3"])

"""`judge-app scores import | list`: paper scores into a workspace (all or nothing), the listing."""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from grading_helpers import build_workspace

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.store.scores_cli import add_scores_subcommands
from judge_app.store.sheet import load_int_map, load_text_map


def _run(argv: list[str], lang: str = "vi") -> int:
    parser = argparse.ArgumentParser(prog="judge-app")
    sub = parser.add_subparsers(dest="command")
    scores = sub.add_parser("scores")
    add_scores_subcommands(scores.add_subparsers(dest="scores_command"))
    args = parser.parse_args(argv)
    result: int = args.handler(args, lang)
    return result


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return build_workspace(tmp_path / "gk1.sqlite")


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


GOOD_CSV = (
    "Số phách,Nội dung,HT,ST,Câu 1,Cau2,Nhận xét,Tổng\n"
    'A01,"4,5",2.5,1,b,-,Bài viết tốt,"8,5"\n'
    "A02,3,2,0.25,A,C,,\n"
)


def test_import_csv_with_comma_and_dot(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "diem.csv"
    sheet.write_text(GOOD_CSV, encoding="utf-8")
    assert _run(["scores", "import", str(workspace), str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "2 bài, 6 điểm tiêu chí, 4 câu trắc nghiệm, 1 nhận xét, 0 bài đã nộp" in out
    criteria = _rows(workspace, "SELECT id, code FROM criterion ORDER BY sort")
    scores = [
        (entry, criterion, sheet[criterion_id])
        for entry, text in _rows(
            workspace,
            "SELECT e.code, g.scores FROM grading g JOIN entry e ON e.id = g.entry_id "
            "ORDER BY e.code",
        )
        for sheet in [load_int_map(str(text))]
        for criterion_id, criterion in criteria
        if criterion_id in sheet
    ]
    assert scores == [
        ("A01", "ND", 450),
        ("A01", "HT", 250),
        ("A01", "ST", 100),
        ("A02", "ND", 300),
        ("A02", "HT", 200),
        ("A02", "ST", 25),
    ]
    assert [
        (chosen,)
        for (sheet,) in _rows(workspace, "SELECT answers FROM grading ORDER BY id")
        for chosen in load_text_map(str(sheet)).values()
    ] == [
        ("B",),
        ("",),  # "-": left blank
        ("A",),
        ("C",),
    ]
    assert _rows(workspace, "SELECT comment FROM grading ORDER BY id") == [("Bài viết tốt",), ("",)]
    actions = [a for (a,) in _rows(workspace, "SELECT action FROM audit_log")]
    assert actions[-1] == "scores.import" and actions.count("grading.score") == 6

    assert _run(["scores", "list", str(workspace), "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing["judge"] == "GK1" and listing["criteria"] == ["ND", "HT", "ST"]
    first, second, third = listing["entries"]
    assert first["code"] == "A01" and first["status"] == "draft"
    assert first["scores"] == {"ND": "4.5", "HT": "2.5", "ST": "1"}
    assert first["answers"] == {"1": "B", "2": ""}
    assert (first["choice_points"], first["total"]) == ("0.5", "8.5")
    assert second["total"] == "5.75" and second["missing"] == []
    assert third == {
        "code": "A03",
        "category": "Giáo viên",
        "status": "not_started",
        "revision": 0,
        "answers": {},
        "choice_points": "0",
        "scores": {"ND": None, "HT": None, "ST": None},
        "total": None,
        "flags": {},
        "comment": "",
        "missing": ["ND", "HT", "ST", "Câu 1", "Câu 2"],
    }


def test_import_is_all_or_nothing_with_row_errors(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "diem.csv"
    sheet.write_text(
        "Số phách;ND;HT;ST;Câu 2\n"
        "A01;4;2;1;A\n"  # fine on its own
        "A02;5,5;1,25;x;D\n"  # above max, off the 0.5 grid, not a number, not an option
        "Z99;1;1;1;A\n"  # another judge's entry
        "A01;1;1;1;B\n",  # twice
        encoding="utf-8",
    )
    audit_rows = _rows(workspace, "SELECT count(*) FROM audit_log")
    with pytest.raises(JudgeAppError) as rejected:
        _run(["scores", "import", str(workspace), str(sheet)])
    assert describe(rejected.value).startswith(f"Không nhập gì từ {sheet}: có 6 lỗi")
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "Dòng 3, cột “ND”: Điểm 5,5 phải nằm trong khoảng 0 … 5.",
        "Dòng 3, cột “HT”: Điểm 1,25 không chia hết cho bước 0,5.",
        "Dòng 3, cột “ST”: Điểm không hợp lệ: x",
        "Dòng 3, cột “Câu 2”: Câu 2: “D” không phải là một phương án (A, B, C).",
        f"Dòng 4: Bài Z99 không được giao cho giám khảo trong không gian chấm {workspace}.",
        "Dòng 5: Bài A01 đã có ở dòng 2.",
    ]
    # Row 2 was fine, but nothing at all was imported.
    assert _rows(workspace, "SELECT count(*) FROM grading WHERE scores != '{}'") == [(0,)]
    assert _rows(workspace, "SELECT count(*) FROM grading") == [(0,)]
    assert _rows(workspace, "SELECT count(*) FROM audit_log") == audit_rows


def test_unknown_column_and_wrong_total_are_errors(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "diem.csv"
    sheet.write_text("code,ND,Tiêu chí lạ\nA01,1,2\n", encoding="utf-8")
    with pytest.raises(JudgeAppError):
        _run(["scores", "import", str(workspace), str(sheet)], lang="en")
    assert "Row 1, column “Tiêu chí lạ”: Column “Tiêu chí lạ” is not a criterion" in (
        capsys.readouterr().err
    )
    sheet.write_text("code,ND,Total\nA01,1,2\n", encoding="utf-8")
    with pytest.raises(JudgeAppError):
        _run(["scores", "import", str(workspace), str(sheet)], lang="en")
    assert "gives a total of 2 but the scores add up to 1" in capsys.readouterr().err
    assert _rows(workspace, "SELECT count(*) FROM grading WHERE scores != '{}'") == [(0,)]


def test_import_xlsx_and_submit(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["PHIẾU CHẤM — Giám khảo GK1"])  # a title above the header
    sheet.append(["Số phách", "Nội dung", "Hình thức trình bày", "Sáng tạo", "Q1", "Q2"])
    sheet.append(["A01", 4.75, 3, 1.5, "B", "C"])
    sheet.append(["A02", "2,25", 0, 0, "D", "A"])
    path = tmp_path / "diem.xlsx"
    book.save(path)
    assert _run(["scores", "import", str(workspace), str(path), "--submit"]) == 0
    assert "2 bài đã nộp" in capsys.readouterr().out
    assert _rows(workspace, "SELECT status, submitted_at IS NOT NULL FROM grading") == [
        ("SUBMITTED", 1),
        ("SUBMITTED", 1),
    ]
    assert _run(["scores", "list", str(workspace)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["code", "status", "ND", "HT", "ST", "total", "flags"]
    assert out[1].split()[:2] == ["A01", "đã"] and out[1].split()[-1] == "10,25"
    assert out[-1] == "Giám khảo GK1: đã chấm 2/3."


def test_submit_refused_for_an_incomplete_row_imports_nothing(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "diem.csv"
    sheet.write_text("code,ND,HT,ST,Q1,Q2\nA01,1,1,1,A,B\nA02,1,1,,A,B\n", encoding="utf-8")
    with pytest.raises(JudgeAppError):
        _run(["scores", "import", str(workspace), str(sheet), "--submit"])
    assert capsys.readouterr().err.strip() == ("Dòng 3: Chưa nộp được bài A02: còn thiếu ST.")
    assert _rows(workspace, "SELECT count(*) FROM grading") == [(0,)]

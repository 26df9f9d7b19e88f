"""The result outputs a board files and prints: the workbook, the result list, the annex.

Read back as a board's tools would: the XLSX with openpyxl, the PDF text and fonts with
PyMuPDF. Most tests use a hand-made results book (fast); the last ones export a locked demo
contest through `judge-app results export` exactly as the board would.
"""

from __future__ import annotations

import argparse
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pymupdf
import pytest
from results_book import CHAMPION, WINNER_UNIT, make_book
from results_contest import INVALID_REASON, TIE_KEY, build_locked_contest

from judge_app.core.errors import JudgeAppError
from judge_app.reports import results_xlsx
from judge_app.reports.results_data import ResultsBook
from judge_app.reports.results_export import WORKBOOK, export_book
from judge_app.reports.results_pdf import ANNEX, RESULT_LIST, annex_pdf, result_list_pdf
from judge_app.reports.results_xlsx import results_workbook
from judge_app.store.database import open_contest_file
from judge_app.store.results import compute_results, settle_tie


@pytest.fixture(scope="module")
def book() -> ResultsBook:
    return make_book(60)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(data: bytes) -> str:
    with pymupdf.open("pdf", data) as document:
        return _flat(" ".join(page.get_text() for page in document))


def _fonts(data: bytes) -> set[tuple[str, str]]:
    """(font name, file extension) of every font used; "" extension = not embedded."""
    with pymupdf.open("pdf", data) as document:
        return {(f[3], f[1]) for page in document for f in page.get_fonts()}


# --------------------------------------------------------------------------------- workbook


def test_workbook_has_every_sheet_with_vietnamese_headers(book: ResultsBook) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(results_workbook(book)))
    names = wb.sheetnames
    assert names[:3] == ["Tổng hợp", "Giải thưởng", "Xếp hạng chung"]
    assert "XH Học sinh lớp 6" in names and "XH Cán bộ, giáo viên, nhân viên" in names
    for name in ("Xếp hạng đơn vị", "Hòa điểm", "Bài không hợp lệ", "Điểm chi tiết"):
        assert name in names
    prizes = wb["Giải thưởng"]
    header = [c.value for c in prizes[2]]
    assert header[:4] == ["TT", "Giải", "Số phách", "Họ và tên"]
    assert prizes.freeze_panes == "B3"  # frozen under the header row
    first = [c.value for c in prizes[3]]
    assert first[1] == "Giải Nhất" and first[3] == CHAMPION and first[5] == WINNER_UNIT
    score = prizes.cell(3, header.index("Điểm") + 1)
    assert score.value == pytest.approx(9.75) and score.number_format == "0.00"
    assert prizes.cell(3, header.index("Ngày sinh") + 1).number_format == "DD/MM/YYYY"
    assert prizes.column_dimensions["D"].width == 26


def test_workbook_prizes_ties_and_pending_entries(book: ResultsBook) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(results_workbook(book)))
    rows = list(wb["Giải thưởng"].iter_rows(min_row=3, values_only=True))
    levels = [row[1] for row in rows]
    assert levels.count("Giải Nhất") == 3 and levels.count("Giải Nhì") == 6
    assert levels.count("Giải Xuất sắc dành cho người dự thi dưới 18 tuổi") == 1
    assert levels.count("Chờ phân định") == 3  # the unsettled tie's entries, not dropped
    settled = next(row for row in rows if row[2] == "P00003")
    assert "điểm thấp nhất của các giám khảo cao hơn" in settled[-1]
    ties = list(wb["Hòa điểm"].iter_rows(min_row=4, values_only=True))
    assert [t[0] for t in ties] == ["all/3", "all/29"]
    assert ties[1][-1] == "Chưa phân định: chờ Ban giám khảo quyết định"
    invalid = list(wb["Bài không hợp lệ"].iter_rows(min_row=3, values_only=True))
    assert invalid[0][:2] == ("X00001", "Học sinh lớp 7") and "lộ danh tính" in invalid[0][2]


def test_school_ranking_sheet_shows_the_formula_and_checks_it(book: ResultsBook) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(results_workbook(book)))
    sheet = wb["Xếp hạng đơn vị"]
    assert sheet["A2"].value.startswith("Công thức: Điểm =")
    header = [c.value for c in sheet[4]]
    check = header.index("Kiểm tra bằng công thức Excel") + 1
    formula = sheet.cell(5, check).value
    assert formula.startswith("=(1*IF(MAX($E$5:$E$8)>0,E5/MAX($E$5:$E$8),0)")
    assert sheet.cell(5, header.index("Tỉ lệ tham gia") + 1).number_format == "0.00%"
    assert sheet.cell(5, header.index("Giải tập thể") + 1).value == "Giải Nhất"


def test_all_scores_sheet_has_each_judge_and_criterion(book: ResultsBook) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(results_workbook(book)))
    sheet = wb["Điểm chi tiết"]
    header = [c.value for c in sheet[3]]
    for name in ("GK1: mã", "GK1: tổng", "GK2: HIEU", "GK3: SANGTAO", "Chênh lệch", "Điểm cuối"):
        assert name in header
    row = [c.value for c in sheet[4]]
    assert row[0] == "P00001" and row[header.index("GK1: mã")] == "GK1"
    assert row[header.index("Cách tính")] == "Trung bình ba giám khảo"
    assert sheet.max_row == 3 + 60


def test_workbook_of_sealed_results_leaves_names_blank() -> None:
    sealed = make_book(40, revealed=False)
    wb = openpyxl.load_workbook(io.BytesIO(results_workbook(sealed)))
    first = [c.value for c in wb["Giải thưởng"][3]]
    assert first[2] == "P00001" and first[3] is None
    summary = {r[0]: r[1] for r in wb["Tổng hợp"].iter_rows(min_row=3, values_only=True)}
    assert summary["Đã ghép phách"].startswith("Chưa")


def test_workbook_is_written_atomically(book: ResultsBook, tmp_path: Path) -> None:
    target = tmp_path / "kq.xlsx"
    target.write_bytes(b"old")
    results_xlsx.write_results_xlsx(book, target)
    assert openpyxl.load_workbook(target).sheetnames[0] == "Tổng hợp"
    assert [p.name for p in tmp_path.iterdir()] == ["kq.xlsx"]  # no temp file left


def test_an_unwritable_folder_is_a_message(book: ResultsBook, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("x")
    with pytest.raises(JudgeAppError) as caught:
        results_xlsx.write_results_xlsx(book, blocked / "kq.xlsx")
    assert caught.value.code == "results_output_unwritable"


# --------------------------------------------------------------------------------- PDFs


def test_result_list_pdf_names_winners_ties_units_and_embeds_fonts(book: ResultsBook) -> None:
    data = result_list_pdf(book)
    text = _pdf_text(data)
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "KẾT QUẢ CHẤM THI VÀ XẾP GIẢI" in text
    assert CHAMPION in text and WINNER_UNIT in text
    assert "1. Giải Nhất (3 giải)" in text
    assert "DỰ THẢO" in text  # a tie is unsettled
    assert "Phân định theo điểm thấp nhất của các giám khảo cao hơn" in text
    assert "Chưa phân định: chờ Ban giám khảo quyết định" in text
    assert "XẾP HẠNG ĐƠN VỊ" in text and "Công thức: Điểm =" in text
    assert "lộ danh tính" in text
    assert "Trang 1/" in text
    fonts = _fonts(data)
    assert fonts and all(ext == "ttf" for _, ext in fonts)
    assert all("Liberation" in name for name, _ in fonts)


def test_annex_is_the_decision_attachment_with_a_number_to_fill(book: ResultsBook) -> None:
    text = _pdf_text(annex_pdf(book))
    assert "DANH SÁCH ĐẠT GIẢI" in text
    assert "Kèm theo Quyết định số …………/QĐ-…………" in text
    assert "của Phòng Giáo dục và Đào tạo huyện Kim Động" in text
    assert "I. GIẢI CÁ NHÂN" in text and "II. GIẢI TẬP THỂ" in text
    assert CHAMPION in text
    assert "Danh sách có 29 giải cá nhân và 4 giải tập thể" in text


def test_annex_with_the_decision_number_and_no_open_tie_is_final() -> None:
    full = make_book(20)  # too few entries for the hand-made ties
    numbered = ResultsBook(**{**full.__dict__, "decision_number": "125/QĐ-PGDĐT"})
    text = _pdf_text(annex_pdf(numbered))
    assert "Quyết định số 125/QĐ-PGDĐT ngày 05 tháng 9 năm 2019" in text
    assert "DỰ THẢO" not in text


def test_export_writes_every_file_atomically(book: ResultsBook, tmp_path: Path) -> None:
    report = export_book(book, tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([WORKBOOK, RESULT_LIST, ANNEX, "giay-chung-nhan", "giay-chung-nhan.pdf"])
    assert len(report.certificates.docx) == len(book.prize_list())  # type: ignore[union-attr]
    leftovers = [p for p in tmp_path.rglob("*") if p.name.startswith(".")]
    assert leftovers == []


def test_export_of_sealed_results_says_certificates_were_not_made(tmp_path: Path) -> None:
    report = export_book(make_book(40, revealed=False), tmp_path)
    assert report.certificates is None and report.notes == ("certificates_sealed",)
    assert (tmp_path / WORKBOOK).is_file() and (tmp_path / ANNEX).is_file()


# --------------------------------------------------------------------------------- demo contest


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("results-home")))
    try:
        yield build_locked_contest(tmp_path_factory.mktemp("results"))
    finally:
        mp.undo()


def _run(argv: list[str]) -> int:
    from judge_app.reports.results_cli import add_commands as add_export
    from judge_app.store.results_cli import add_commands as add_results

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    add_export(add_results(sub)["results"])
    args = parser.parse_args(argv)
    return int(args.handler(args, "vi"))


def test_export_command_on_the_locked_demo(
    locked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contest = tmp_path / "contest.sqlite"
    shutil.copy(locked, contest)
    with open_contest_file(contest) as db:
        results = compute_results(db)
        tie = next(t for t in results.ties if t.key == TIE_KEY)
        settle_tie(db, TIE_KEY, list(reversed(tie.codes)), reason="Bốc thăm", actor="board")
        winner = next(r for r in compute_results(db).rankings["*"] if r.prize == "first")
    out = tmp_path / "ket-qua"
    assert _run(["results", "export", str(contest), "-o", str(out), "--date", "2019-09-05"]) == 0
    printed = capsys.readouterr().out
    assert "Đã xuất kết quả vào" in printed and "giấy chứng nhận" in printed
    wb = openpyxl.load_workbook(out / WORKBOOK, read_only=True)
    prizes = [row for row in wb["Giải thưởng"].iter_rows(min_row=3, values_only=True)]
    assert any(row[3] == winner.participant and row[1] == "Giải Nhất" for row in prizes)
    ties = list(wb["Hòa điểm"].iter_rows(min_row=4, values_only=True))
    assert any("Ban giám khảo quyết định thứ tự (Bốc thăm)" in str(row[-1]) for row in ties)
    invalid = list(wb["Bài không hợp lệ"].iter_rows(min_row=3, values_only=True))
    assert invalid[0][2] == INVALID_REASON
    judges = [row[0] for row in wb["Thống kê giám khảo"].iter_rows(min_row=3, values_only=True)]
    assert {"GK1", "GK2", "GK3"} <= set(judges)
    wb.close()
    text = _pdf_text((out / RESULT_LIST).read_bytes())
    assert str(winner.participant) in text and "Kim Động, ngày 05 tháng 9 năm 2019" in text
    assert "DỰ THẢO" not in text
    assert "V. THỐNG KÊ VỀ GIÁM KHẢO" in text and "Alpha Krippendorff" in text
    with pymupdf.open(out / RESULT_LIST) as document:
        assert any(page.get_images() for page in document)  # the charts, embedded
    certificates = _pdf_text((out / "giay-chung-nhan.pdf").read_bytes())
    assert str(winner.participant) in certificates and "GIẤY CHỨNG NHẬN" in certificates


def test_export_before_the_lock_is_refused(
    locked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from judge_app.store.results import unlock_for_appeal

    contest = tmp_path / "contest.sqlite"
    shutil.copy(locked, contest)
    with open_contest_file(contest) as db:
        code = compute_results(db).rankings["*"][0].code
        unlock_for_appeal(db, code, actor="board", reason="Phúc khảo")
    with pytest.raises(JudgeAppError) as caught:
        _run(["results", "export", str(contest), "-o", str(tmp_path / "out")])
    assert caught.value.code == "results_appeal_open"
    assert not (tmp_path / "out").exists()

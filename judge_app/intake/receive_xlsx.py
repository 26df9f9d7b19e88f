"""The intake report (for the board) and the receipt (for the unit) as XLSX workbooks.

The report names everyone: it stays with the board. The receipt goes back to the school, so
it lists the files as the school named them and what is wrong with them, but never an entry
code (số phách): a school that knew which code is whose would undo the anonymisation. For the
same reason a duplicate is said there without the other entry or unit.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judge_app.core.messages import render
from judge_app.fileio import write_atomically

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from judge_app.intake.receive import IntakeProblem, IntakeReport

REPORT_SHEETS = ("Bài nhận được", "Vấn đề", "Chưa có bài")
RECEIPT_SHEET = "Biên nhận"
_VIETNAM = dt.timezone(dt.timedelta(hours=7))  # as intake.receive.CONTEST_TZ

_LINKS = {"matched": "Đã ghép", "unmatched": "Cần ghép", "ambiguous": "Khớp nhiều người"}


def problem_text(problem: IntakeProblem, lang: str = "vi", *, for_unit: bool = False) -> str:
    """The problem as a sentence; `for_unit` leaves out what the unit must not learn."""
    params: dict[str, Any] = dict(problem.params)
    if problem.code == "receive_list_problem":
        inner = render(str(params.get("problem", "")), lang, **params)
        return render(problem.code, lang, row=params.get("row", "?"), problem=inner)
    if for_unit and problem.code == "receive_duplicate":
        return render("receive_duplicate_receipt", lang)
    return render(problem.code, lang, **params)


def _when(moment: dt.datetime | None) -> str:
    return f"{moment:%d/%m/%Y %H:%M}" if moment is not None else ""


def _date(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day is not None else ""


def _table(sheet: Worksheet, headers: list[str], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Font

    sheet.append(headers)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for index, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(str(r[index - 1])) for r in rows if len(r) >= index])
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = min(max(width + 2, 8), 60)


def _save(workbook: Any, path: Path) -> None:
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(Path(path), buffer.getvalue())


def write_report_xlsx(report: IntakeReport, path: Path, *, lang: str = "vi") -> None:
    """The board's intake report: received files, problems, people without an entry."""
    from openpyxl import Workbook

    workbook = Workbook()
    received = workbook.active
    assert received is not None
    received.title = REPORT_SHEETS[0]
    rows: list[list[Any]] = []
    for entry in report.entries:
        for item in entry.files:
            rows.append(
                [
                    entry.code,
                    report.unit_code,
                    entry.category,
                    entry.participant_name,
                    _date(entry.birth_date),
                    item.original_name,
                    item.size,
                    item.kind,
                    item.badge or "",
                    _when(entry.received_at),
                    "Muộn" if entry.late else "Đúng hạn",
                    _LINKS.get(entry.link, entry.link),
                    item.stored_path,
                ]
            )
    for item in report.already_received:
        rows.append(
            [
                item.entry_code,
                report.unit_code,
                "",
                "",
                "",
                item.original_name,
                item.size,
                "",
                "",
                "",
                "Đã nhận từ trước",
                "",
                "",
            ]
        )
    _table(
        received,
        [
            "Số phách",
            "Đơn vị",
            "Đối tượng",
            "Người dự thi",
            "Ngày sinh",
            "Tệp (tên gốc)",
            "Kích thước (byte)",
            "Loại",
            "Thể thức",
            "Nhận lúc",
            "Thời hạn",
            "Ghép",
            "Lưu tại",
        ],
        rows,
    )
    problems = workbook.create_sheet(REPORT_SHEETS[1])
    _table(
        problems,
        ["Số phách", "Tệp / người", "Vấn đề", "Mã"],
        [[p.entry, p.subject, problem_text(p, lang), p.code] for p in report.problems],
    )
    missing = workbook.create_sheet(REPORT_SHEETS[2])
    missing_rows: list[list[Any]] = [
        [number, person.full_name, _date(person.birth_date), person.category]
        for number, person in enumerate(report.missing, start=1)
    ]
    if not report.missing_known:
        missing_rows.append(["", render("receive_missing_sealed", lang).strip(), "", ""])
    _table(missing, ["STT", "Họ và tên", "Ngày sinh", "Đối tượng"], missing_rows)
    _save(workbook, path)


def write_receipt_xlsx(report: IntakeReport, unit: str, path: Path, *, lang: str = "vi") -> None:
    """The receipt sent back to `unit` (its name as printed): counts, files, problems."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = RECEIPT_SHEET
    sheet.append([f"BIÊN NHẬN BÀI DỰ THI – {unit}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([f"Lập lúc {dt.datetime.now(_VIETNAM):%d/%m/%Y %H:%M}"])
    if report.deadline is not None:
        sheet.append([f"Hạn nộp: trước {_when(report.deadline)}"])
    sheet.append([])
    per_category = Counter(e.category_name or e.category for e in report.entries if e.new)
    sheet.append(["Đối tượng", "Số bài nhận mới"])
    for category, count in sorted(per_category.items()):
        sheet.append([category, count])
    sheet.append(["Tổng", sum(per_category.values())])
    sheet.append([])
    sheet.append(["STT", "Tệp (tên đơn vị đặt)", "Đối tượng", "Nhận lúc", "Ghi chú"])
    number = 0
    for entry in report.entries:
        for item in entry.files:
            number += 1
            note = "Nộp muộn" if entry.late else ""
            sheet.append(
                [
                    number,
                    item.original_name,
                    entry.category_name or entry.category,
                    _when(entry.received_at),
                    note,
                ]
            )
    for item in report.already_received:
        number += 1
        sheet.append([number, item.original_name, "", "", "Đã nhận từ trước"])
    sheet.append([])
    sheet.append(["Vấn đề", "Tệp / người"])
    for problem in report.problems:
        sheet.append([problem_text(problem, lang, for_unit=True), problem.subject])
    for person in report.missing:
        sheet.append([render("receive_no_entry", lang), person.full_name])
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 50
    _save(workbook, path)

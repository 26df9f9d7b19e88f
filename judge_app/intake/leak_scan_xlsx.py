"""The leak scan's list as an XLSX workbook, for the board meeting that decides on each entry.

The workbook says which entries need the board's eyes and why (what kind of identity was found,
in which file and page, how sure, which files could not be checked), never the words found:
those are the entrant's name, which must not outlive the screen they are shown on
(`leak_scan`'s rule). The board opens the entry by its code to read them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judge_app.core.messages import render
from judge_app.fileio import write_atomically

if TYPE_CHECKING:
    from judge_app.intake.leak_scan import EntryLeakReport

SHEET = {"vi": "Dấu hiệu lộ danh tính", "en": "Identity leaks"}
HEADERS = {
    "vi": ("Số phách", "Kết quả", "Dấu hiệu", "Tệp", "Trang", "Mức độ", "Ghi chú"),
    "en": ("Code", "Result", "Found", "File", "Page", "Certainty", "Note"),
}


def leak_rows(reports: Sequence[EntryLeakReport], lang: str) -> list[list[Any]]:
    """One row per hit, and one per file that could not be checked; clean entries left out."""
    rows: list[list[Any]] = []
    for report in reports:
        status = render(f"leak_status_{report.status}", lang)
        for hit in report.hits:
            rows.append(
                [
                    report.code,
                    status,
                    render(f"leak_kind_{hit.hit.kind}", lang),
                    hit.file_number,
                    hit.page,
                    render(f"leak_confidence_{hit.hit.confidence}", lang),
                    "",
                ]
            )
        for scan in report.files:
            if scan.status == "not_checked":
                note = render("leak_status_not_checked", lang)
            elif scan.status == "unreadable":
                note = render(scan.reason, lang, **scan.reason_params) if scan.reason else ""
            else:
                continue
            rows.append([report.code, status, "", scan.file_number, "", "", note])
    return rows


def write_leak_list_xlsx(
    reports: Sequence[EntryLeakReport], path: Path, *, lang: str = "vi"
) -> None:
    """Write the list (atomically) to `path`."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    lang = lang if lang in HEADERS else "vi"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET[lang]
    headers = HEADERS[lang]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    rows = leak_rows(reports, lang)
    for row in rows:
        sheet.append(row)
    for index, header in enumerate(headers, start=1):
        width = max([len(header)] + [len(str(r[index - 1])) for r in rows])
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = min(max(width + 2, 8), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(Path(path), buffer.getvalue())

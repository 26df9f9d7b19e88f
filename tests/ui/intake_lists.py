"""Participant lists as schools send them, for the intake dialogs' tests and screenshots.

The generators live with the intake tests (tests/intake/test_participants.py): a school's
XLSX with merged title rows and the header further down, and the Windows-1258 bytes Notepad
and Excel write. They are reused here rather than copied, so both suites test the same files.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

_INTAKE_TESTS = str(Path(__file__).resolve().parent.parent / "intake")
if _INTAKE_TESTS not in sys.path:
    sys.path.append(_INTAKE_TESTS)

from test_participants import TITLE, to_cp1258, write_xlsx  # noqa: E402

__all__ = ["TITLE", "cp1258_csv", "school_xlsx", "to_cp1258", "two_sheet_xlsx", "write_xlsx"]

# The header on row 3 under one merged title row and an empty one; with a pupil outside
# grades 6–9, an impossible date, a missing name and two namesakes.
SCHOOL_ROWS: list[list[Any]] = [
    ["STT", "Họ và tên", "Ngày sinh", "Lớp", "Điện thoại", "Ghi chú"],
    [1, "Nguyễn Thị Hằng", dt.datetime(2006, 5, 9), "8A3", "0912345678", None],
    [2, "Trần Văn Minh", "12/10/2006", "9A", None, None],
    [3, "Lê Thu Trang", "31/02/2007", "6A", None, None],
    [4, None, "01/01/2007", "7A", None, None],
    [5, "Phạm Văn Nam", "01/01/2004", "10A1", None, None],
    [6, "Đỗ Minh Anh", "02/02/2006", "8B", None, "bạn nam"],
    [7, "Đỗ Minh Anh", "03/03/2007", "7C", None, "bạn nữ"],
]


def school_xlsx(path: Path, rows: list[list[Any]] | None = None) -> Path:
    """A school's XLSX: merged title on row 1, the header on row 3."""
    return write_xlsx(path, rows or SCHOOL_ROWS, title=[TITLE[2], ""], header_at=3)


def cp1258_csv(path: Path) -> Path:
    """A Windows-1258 CSV whose headers have no diacritics, as an old Excel saves it."""
    text = (
        "Stt,Ho va ten,Ngay sinh,Lop\r\n"
        "1,Nguyễn Thị Hằng,5/9/07,Lớp 8A\r\n"
        "2,Đỗ Mười,12/12/2006,9C\r\n"
        "3,Đỗ Mười,12/12/2006,9C\r\n"
    )
    path.write_bytes(to_cp1258(text))
    return path


def two_sheet_xlsx(path: Path) -> Path:
    """An instructions sheet first, the list on the second sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Hướng dẫn"
    notes.append(["Điền danh sách vào trang thứ hai."])
    sheet = book.create_sheet("DS học sinh")
    for row in SCHOOL_ROWS[:4]:
        sheet.append(row)
    book.save(path)
    return path

"""Write resources/unit-list-sample.xlsx: the unit list as the district office sends it.

A title over merged cells, the header on row 4 ("Mã đơn vị | Tên đơn vị | Nhóm | Số CB-GV-NV |
Số HS lớp 6 … lớp 9 | Email"), a totals row and a signature line, as real lists have. The four
units of resources/contest-sample.json come first with the same codes and headcounts, so
`judge-app contest init DB --config resources/contest-sample.json --units
resources/unit-list-sample.xlsx` changes nothing for them and adds the others.

Run: .venv/bin/python scripts/make_unit_list_sample.py [OUT.xlsx]
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "unit-list-sample.xlsx"

HEADER = (
    "STT",
    "Mã đơn vị",
    "Tên đơn vị",
    "Nhóm",
    "Số CB-GV-NV",
    "Số HS lớp 6",
    "Số HS lớp 7",
    "Số HS lớp 8",
    "Số HS lớp 9",
    "Email",
)
# code, name, group, staff, grade 6..9 (None: the school has no such grade), e-mail
UNITS: tuple[tuple[str, str, str, int, tuple[int, int, int, int] | None, str], ...] = (
    (
        "THCS-KD",
        "Trường THCS Khương Đình",
        "Trường",
        62,
        (310, 295, 288, 276),
        "c2khuongdinh@hanoiedu.vn",
    ),
    (
        "THCS-NC",
        "Trường THCS Nhân Chính",
        "Trường",
        58,
        (280, 272, 265, 250),
        "c2nhanchinh@hanoiedu.vn",
    ),
    ("MN-TH", "Trường Mầm non Tuổi Hoa", "Trường", 35, None, "mntuoihoa@hanoiedu.vn"),
    ("PGD", "Phòng GD&ĐT quận Thanh Xuân", "Phòng GD&ĐT", 18, None, "pgdthanhxuan@hanoiedu.vn"),
    ("THCS-TXT", "Trường THCS Thanh Xuân Trung", "Trường", 49, (240, 236, 229, 221), ""),
    ("THCS-PDP", "Trường THCS Phan Đình Phùng", "Trường", 55, (262, 250, 248, 239), ""),
    ("TH-KG", "Trường Tiểu học Kim Giang", "Trường", 41, None, ""),
    ("TH-NT", "Trường Tiểu học Nguyễn Trãi", "Trường", 44, None, ""),
    ("MN-HS", "Trường Mầm non Hoa Sữa", "Trường", 28, None, ""),
)


def build(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách đơn vị"
    sheet["A1"] = "UBND QUẬN THANH XUÂN"
    sheet["A2"] = "DANH SÁCH ĐƠN VỊ THAM GIA CUỘC THI “TÌM HIỂU DỊCH VỤ CÔNG TRỰC TUYẾN” NĂM 2019"
    sheet.merge_cells("A1:E1")
    sheet.merge_cells("A2:J2")
    sheet["A2"].font = Font(bold=True)
    sheet["A2"].alignment = Alignment(horizontal="center")
    sheet.append([])
    sheet.append(list(HEADER))
    for number, (code, name, group, staff, students, email) in enumerate(UNITS, start=1):
        grades = list(students) if students else [None] * 4
        sheet.append([number, code, name, group, staff, *grades, email or None])
    last = 4 + len(UNITS)
    sheet.append([None, None, "Tổng cộng", None, *(f"=SUM({c}5:{c}{last})" for c in "EFGHI")])
    sheet.append([])
    sheet.append([None, None, None, None, None, None, None, "Người lập biểu"])
    for column, width in zip("ABCDEFGHIJ", (5, 12, 34, 14, 12, 11, 11, 11, 11, 28), strict=True):
        sheet.column_dimensions[column].width = width
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))

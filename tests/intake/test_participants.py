"""Participant lists as schools send them: layouts, encodings, dates, problems with their rows."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from judge_app.intake.participants import (
    ColumnMapping,
    ParticipantList,
    category_kind,
    grade_of,
    guess_mapping,
    parse_participants,
    read_table,
)
from judge_app.intake.participants_columns import column_labels, header_score, normalise_header
from judge_app.intake.participants_dates import excel_serial_date, parse_birth

DEADLINE = dt.date(2019, 8, 20)  # "trước 17h00 ngày 20/8/2019"
TITLE = [
    "PHÒNG GD&ĐT QUẬN THANH XUÂN",
    "TRƯỜNG THCS KHƯƠNG ĐÌNH",
    "DANH SÁCH HỌC SINH THAM GIA CUỘC THI “TÌM HIỂU DỊCH VỤ CÔNG TRỰC TUYẾN”",
]


def write_xlsx(
    path: Path,
    rows: list[Any],
    *,
    title: list[str] | None = None,
    header_at: int = 5,
    sheet: str = "Danh sách",
    formats: dict[tuple[int, int], str] | None = None,
) -> Path:
    """A list as a school makes it: merged title rows, then the header on row `header_at`."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    width = max(len(r) for r in rows)
    for number, text in enumerate(title or [], start=1):
        ws.cell(row=number, column=1, value=text)
        ws.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row=header_at + offset, column=column, value=value)
    for (row, column), number_format in (formats or {}).items():
        ws.cell(row=row, column=column).number_format = number_format
    book.save(path)
    return path


def check(path: Path, **kwargs: Any) -> ParticipantList:
    table = read_table(path)
    return parse_participants(table, guess_mapping(table), reference_date=DEADLINE, **kwargs)


def codes(result: ParticipantList) -> list[tuple[int, str]]:
    return [(p.row, p.code) for p in result.problems]


def to_cp1258(text: str) -> bytes:
    """What Windows-1258 Notepad/Excel writes: â ê ô ơ ư ă đ precomposed, tones combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append((base + "".join(c for c in parts if c in tones)).encode("cp1258"))
    return b"".join(out)


# --- a school's real XLSX ------------------------------------------------------------------


def test_school_xlsx_with_merged_title_and_header_on_row_5(tmp_path: Path) -> None:
    rows = [
        ["STT", "Họ và tên", "Ngày sinh", "Lớp", "Ghi chú"],
        [1, "Nguyễn Thị Hằng", dt.datetime(2006, 5, 9), "8A3", None],
        [2, "Trần   Văn Minh ", 39330, "7A1", None],  # serial in a General cell
        [3, "Lê Thu Trang", "05/09/2007", "Lớp 6A", "chuyển trường"],
        [4, "Hoàng Đức Anh", "20/8/2005", "9", None],
    ]
    path = write_xlsx(tmp_path / "khuong_dinh.xlsx", rows, title=TITLE, formats={(7, 3): "General"})
    table = read_table(path)
    assert table.kind == "xlsx" and table.sheet == "Danh sách"
    assert table.rows[0].number == 1 and table.rows[0].cells == (TITLE[0],)  # merged: first cell
    mapping = guess_mapping(table)
    assert mapping.header_row == 5
    assert mapping.fields == {"seq": 0, "full_name": 1, "birth_date": 2, "grade": 3, "note": 4}
    assert mapping.confidence >= 0.9
    result = parse_participants(table, mapping, reference_date=DEADLINE)
    assert [r.row for r in result.rows] == [6, 7, 8, 9]
    assert [r.full_name for r in result.rows] == [
        "Nguyễn Thị Hằng",
        "Trần Văn Minh",
        "Lê Thu Trang",
        "Hoàng Đức Anh",
    ]
    assert [r.birth_date for r in result.rows] == [
        dt.date(2006, 5, 9),
        dt.date(2007, 9, 5),
        dt.date(2007, 9, 5),
        dt.date(2005, 8, 20),
    ]
    assert [r.category for r in result.rows] == ["g8", "g7", "g6", "g9"]
    assert result.rows[0].class_name == "8A3"
    assert result.rows[2].note == "chuyển trường"
    assert result.problems == ()
    assert result.counts() == {"g8": 1, "g7": 1, "g6": 1, "g9": 1}


def test_signatures_numbering_and_section_rows_are_not_people(tmp_path: Path) -> None:
    rows = [
        ["TT", "Họ và tên học sinh", "Ngày, tháng, năm sinh", "Ghi chú"],
        ["(1)", "(2)", "(3)", "(4)"],
        ["Khối 6", None, None, None],
        [1, "Ngô Bảo Châu", "01/02/2008", None],
        [None, "II. Khối 7", None, None],
        [2, "Đặng Thái Sơn", "03/04/2007", None],
        ["Cộng", "2 học sinh", None, None],
        [None, None, None, None],
        [None, "Thanh Xuân, ngày 15 tháng 8 năm 2019", None, None],
        [None, "Người lập biểu", None, "Hiệu trưởng"],
        [None, "Nguyễn Văn Ký", None, "Trần Thị Dấu"],
    ]
    result = check(write_xlsx(tmp_path / "l.xlsx", rows, title=TITLE, header_at=4))
    assert [(r.full_name, r.category) for r in result.rows] == [
        ("Ngô Bảo Châu", "g6"),
        ("Đặng Thái Sơn", "g7"),
    ]
    assert result.footer_row == 12
    assert result.problems == ()


def test_the_sheet_with_the_list_is_chosen_over_an_instructions_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Hướng dẫn"
    first["A1"] = "Hướng dẫn: điền danh sách ở trang sau, mỗi người một dòng."
    second = book.create_sheet("DS dự thi")
    for row in (["STT", "Họ tên", "Năm sinh", "Đơn vị"], [1, "Lý Thị Mai", 1980, "THCS Hạ Đình"]):
        second.append(row)
    path = tmp_path / "two.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.sheet == "DS dự thi" and table.sheets == ("Hướng dẫn", "DS dự thi")
    assert read_table(path, sheet="Hướng dẫn").sheet == "Hướng dẫn"
    result = parse_participants(table, guess_mapping(table), reference_date=DEADLINE)
    person = result.rows[0]
    assert (person.birth_date, person.birth_year, person.unit) == (None, 1980, "THCS Hạ Đình")
    assert codes(result) == [(2, "list_category_missing")]


def test_sheet_with_formatted_empty_rows_to_the_bottom_is_read_quickly(tmp_path: Path) -> None:
    rows = [["STT", "Họ và tên", "Lớp"], [1, "Phan Văn Khải", "8A"]]
    path = tmp_path / "long.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    ws.cell(row=400_000, column=1, value="x")  # a stray cell far below, past empty rows
    book.save(path)
    table = read_table(path)
    assert [r.number for r in table.rows] == [1, 2]


# --- CSV ------------------------------------------------------------------------------------


def test_csv_utf8_with_bom_and_semicolons(tmp_path: Path) -> None:
    text = (
        "DANH SÁCH HỌC SINH;;;\n"
        "STT;Họ và tên;Ngày sinh;Lớp\n"
        '1;Nguyễn Thị Hằng;05/09/2007;"8A3"\n'
        "2;Bùi Xuân Phái;2006-11-30;9A1\n"
    )
    path = tmp_path / "list.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    table = read_table(path)
    assert (table.kind, table.encoding, table.delimiter) == ("csv", "utf-8-sig", ";")
    result = check(path)
    assert [(r.row, r.full_name, r.birth_date, r.category) for r in result.rows] == [
        (3, "Nguyễn Thị Hằng", dt.date(2007, 9, 5), "g8"),
        (4, "Bùi Xuân Phái", dt.date(2006, 11, 30), "g9"),
    ]


def test_cp1258_round_trip_of_decomposed_tones() -> None:
    name = "Nguyễn Thị Hằng"
    encoded = to_cp1258(name)
    with pytest.raises(UnicodeDecodeError):
        encoded.decode("utf-8")
    decoded = encoded.decode("cp1258")
    assert decoded != name  # tones come back as combining marks …
    assert unicodedata.normalize("NFC", decoded) == name  # … which NFC joins


def test_csv_in_windows_1258_without_diacritics_in_the_header(tmp_path: Path) -> None:
    text = (
        "Stt,Ho va ten,Ngay sinh,Lop\r\n"
        "1,Nguyễn Thị Hằng,5/9/07,Lớp 8A\r\n"
        "2,Đỗ Mười,12/12/2006,9C\r\n"
    )
    path = tmp_path / "ds.csv"
    path.write_bytes(to_cp1258(text))
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("cp1258", ",")
    result = check(path)
    assert [r.full_name for r in result.rows] == ["Nguyễn Thị Hằng", "Đỗ Mười"]
    assert all(unicodedata.is_normalized("NFC", r.full_name) for r in result.rows)
    assert [r.birth_date for r in result.rows] == [dt.date(2007, 9, 5), dt.date(2006, 12, 12)]
    assert [r.grade for r in result.rows] == [8, 9]


def test_tab_separated_utf16_from_excel_unicode_text(tmp_path: Path) -> None:
    text = "Họ tên\tNgày sinh\tLớp\r\nTrịnh Công Sơn\t01/01/2007\t7B\r\n"
    path = tmp_path / "ds.txt"
    path.write_bytes(text.encode("utf-16"))
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert check(path).rows[0].category == "g7"


# --- other layouts ----------------------------------------------------------------------------


def test_split_family_and_given_name_columns(tmp_path: Path) -> None:
    rows = [
        ["STT", "Họ", "Tên", "Ngày sinh", "Lớp"],
        [1, "Nguyễn Thị", "Hằng", "01/06/2007", "7A"],
        [2, "Lê", "Lợi", "02/07/2006", "8B"],
    ]
    result = check(write_xlsx(tmp_path / "split.xlsx", rows, header_at=1))
    assert result.mapping.fields["last_name"] == 1 and result.mapping.fields["first_name"] == 2
    assert [r.full_name for r in result.rows] == ["Nguyễn Thị Hằng", "Lê Lợi"]


def test_name_header_merged_over_family_and_given_name(tmp_path: Path) -> None:
    rows = [
        ["STT", "Họ và tên", None, "Ngày sinh", "Lớp"],
        [1, "Nguyễn Thị", "Hằng", "01/06/2007", "7A"],
        [2, "Lê Văn", "Tám", "02/07/2006", "8B"],
    ]
    path = tmp_path / "merged.xlsx"
    write_xlsx(path, rows, title=["DANH SÁCH HỌC SINH"], header_at=2)
    table = read_table(path)
    mapping = guess_mapping(table)
    assert mapping.fields == {
        "seq": 0,
        "last_name": 1,
        "first_name": 2,
        "birth_date": 3,
        "grade": 4,
    }
    assert dict(mapping.headers)["seq"] == "STT"  # the title above is not part of the header
    result = parse_participants(table, mapping, reference_date=DEADLINE)
    assert [r.full_name for r in result.rows] == ["Nguyễn Thị Hằng", "Lê Văn Tám"]


def test_two_row_header_with_name_parts_and_birth_date_under_nam_nu(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", None, "Ngày sinh", None, "Lớp"])
    ws.append([None, "Họ đệm", "Tên", "Nam", "Nữ", None])
    ws.append([1, "Trần Quốc", "Toản", "03/03/2007", None, "7A"])
    ws.append([2, "Bùi Thị", "Xuân", None, "04/04/2006", "8A"])
    ws.merge_cells("B1:C1")
    ws.merge_cells("D1:E1")
    path = tmp_path / "namnu.xlsx"
    book.save(path)
    table = read_table(path)
    mapping = guess_mapping(table)
    assert mapping.header_row == 2
    assert mapping.fields == {
        "seq": 0,
        "last_name": 1,
        "first_name": 2,
        "birth_date_male": 3,
        "birth_date_female": 4,
        "grade": 5,
    }
    result = parse_participants(table, mapping, reference_date=DEADLINE)
    assert [(r.full_name, r.gender, r.birth_date) for r in result.rows] == [
        ("Trần Quốc Toản", "Nam", dt.date(2007, 3, 3)),
        ("Bùi Thị Xuân", "Nữ", dt.date(2006, 4, 4)),
    ]


def test_day_month_year_in_three_columns(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["TT", "Họ và tên", "Ngày sinh", None, None, "Lớp"])
    ws.append([None, None, "Ngày", "Tháng", "Năm", None])
    ws.append([1, "Mạc Đĩnh Chi", 9, 5, 2007, "7A"])
    ws.append([2, "Chu Văn An", None, None, 2006, "8C"])
    ws.merge_cells("C1:E1")
    path = tmp_path / "dmy.xlsx"
    book.save(path)
    result = check(path)
    assert [(r.birth_date, r.birth_year) for r in result.rows] == [
        (dt.date(2007, 5, 9), 2007),
        (None, 2006),
    ]


def test_staff_list_with_position_and_category(tmp_path: Path) -> None:
    rows = [
        ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Đối tượng", "SĐT", "Email"],
        [1, "Phạm Thị Lan", 1975, "Hiệu trưởng", "CBQL", 912345678, "lan@thcs.edu.vn"],
        [2, "Đỗ Văn Hùng", "14/03/1988", "Giáo viên", "GV", "0983 456 789", None],
        [3, "Vũ Thị Ánh", "20/11/2003", "Nhân viên", "NV", None, None],
        [4, "Lò Văn Pá", "01/01/1990", "Bảo vệ", None, None, None],
    ]
    title = ["TRƯỜNG THCS NHÂN CHÍNH", "DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN DỰ THI"]
    result = check(write_xlsx(tmp_path / "gv.xlsx", rows, title=title, header_at=4), unit="NC")
    assert [r.category for r in result.rows] == ["staff"] * 4
    assert result.rows[0].phone == "0912345678"  # the number cell lost its leading zero
    assert result.rows[0].email == "lan@thcs.edu.vn" and result.rows[0].unit == "NC"
    assert result.rows[1].position == "Giáo viên"
    assert codes(result) == [(7, "list_staff_under_18")]
    assert result.problems[0].severity == "warning"
    assert result.errors == []


# --- the problems, each with its row --------------------------------------------------------------


def test_every_problem_is_listed_with_its_row(tmp_path: Path) -> None:
    rows = [
        ["STT", "Họ và tên", "Ngày sinh", "Lớp", "Đối tượng"],
        [1, None, "01/01/2007", "7A", "Học sinh"],  # 6 name missing
        [2, "Hà Văn Một", "hai năm", "7A", "Học sinh"],  # 7 unreadable
        [3, "Hà Văn Hai", "31/02/2007", "7A", "Học sinh"],  # 8 no such day
        [4, "Hà Văn Ba", "01/01/2020", "7A", "Học sinh"],  # 9 after the reference date
        [5, "Hà Văn Bốn", "01/01/1935", None, "GV"],  # 10 before 1940
        [6, "Hà Văn Năm", "01/01/2000", "8A", "Học sinh"],  # 11 a 19-year-old student
        [7, "Hà Văn Sáu", "01/01/2004", "10A1", "Học sinh"],  # 12 grade 10
        [8, "Hà Văn Bảy", "01/01/2006", "8A", "Học sinh"],  # 13
        [9, "Hà Văn Bảy", "01/01/2006", "8A", "Học sinh"],  # 14 exact repeat of 13
        [10, "Hà Văn Tám", "02/02/2006", "8B", "Học sinh"],  # 15 namesake of 16
        [11, "hà văn  tám", "03/03/2007", "7C", "Học sinh"],  # 16
        [12, "Hà Văn Chín", "01/01/2006", None, None],  # 17 category missing
        [13, "Hà Văn Mười", "01/01/2006", None, "Học sinh"],  # 18 grade missing
        [14, "Hà Văn Mười Một", "01/01/1980", None, "Phụ huynh"],  # 19 unknown category
        [15, "Hà Văn Mười Hai", "12/25/2006", "8A", "HS"],  # 20 month first
    ]
    result = check(write_xlsx(tmp_path / "bad.xlsx", rows, title=["DANH SÁCH DỰ THI"]))
    assert codes(result) == [
        (6, "list_name_missing"),
        (7, "list_date_unreadable"),
        (8, "list_date_invalid"),
        (9, "list_date_future"),
        (10, "list_date_too_early"),
        (11, "list_student_age"),
        (12, "list_grade_outside"),
        (14, "list_duplicate_row"),
        (15, "list_same_name"),
        (16, "list_same_name"),
        (17, "list_category_missing"),
        (18, "list_grade_missing"),
        (19, "list_category_unknown"),
        (20, "list_date_swapped"),
    ]
    by_row = {p.row: p for p in result.problems}
    assert by_row[7].params == {"value": "hai năm"}
    assert by_row[11].params == {"date": "01/01/2000", "age": 19}
    assert by_row[12].params == {"grade": 10}
    assert by_row[14].params == {"other": 13}
    assert by_row[15].params == {"name": "Hà Văn Tám", "rows": "16"}
    assert by_row[20].params == {"value": "12/25/2006", "date": "25/12/2006"}
    assert by_row[11].severity == "warning" and by_row[14].severity == "error"
    assert len(result.rows) == 15  # every row stays, problems beside it


def test_no_header_is_an_error_naming_the_file(tmp_path: Path) -> None:
    from judge_app.core.errors import JudgeAppError

    path = write_xlsx(tmp_path / "x.xlsx", [["a", "b"], ["c", "d"]], header_at=1)
    table = read_table(path)
    mapping = guess_mapping(table)
    assert mapping.header_row is None and mapping.confidence == 0.0
    with pytest.raises(JudgeAppError) as caught:
        parse_participants(table, mapping, reference_date=DEADLINE)
    assert caught.value.code == "list_no_header" and caught.value.path == path


# --- pieces -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, dt.date(1900, 1, 1)),
        (59, dt.date(1900, 2, 28)),
        (60, None),  # 29/02/1900, which Excel invents
        (61, dt.date(1900, 3, 1)),
        (39330, dt.date(2007, 9, 5)),
        (39448.75, dt.date(2008, 1, 1)),
        (0, None),
        (-5, None),
    ],
)
def test_excel_serials_with_the_1900_leap_bug(serial: float, expected: dt.date | None) -> None:
    assert excel_serial_date(serial) == expected


@pytest.mark.parametrize(
    ("written", "date", "year"),
    [
        ("20/8/2019", dt.date(2019, 8, 20), 2019),
        ("05/09/2007", dt.date(2007, 9, 5), 2007),
        ("5/9/07", dt.date(2007, 9, 5), 2007),
        ("5/9/85", dt.date(1985, 9, 5), 1985),
        ("05-09-2007", dt.date(2007, 9, 5), 2007),
        ("05.09.2007", dt.date(2007, 9, 5), 2007),
        ("2007-09-05", dt.date(2007, 9, 5), 2007),
        ("2007-09-05 00:00:00", dt.date(2007, 9, 5), 2007),
        ("ngày 5 tháng 9 năm 2007", dt.date(2007, 9, 5), 2007),
        ("1985", None, 1985),
        ("9/1985", None, 1985),
        ("39330", dt.date(2007, 9, 5), 2007),
        (dt.datetime(2007, 9, 5, 0, 0), dt.date(2007, 9, 5), 2007),
        (1990, None, 1990),
    ],
)
def test_birth_dates_as_lists_write_them(written: Any, date: dt.date | None, year: int) -> None:
    value = parse_birth(written, DEADLINE)
    assert (value.date, value.year, value.problem) == (date, year, None)


@pytest.mark.parametrize(
    ("value", "grade"),
    [("8A3", 8), ("Lớp 8A", 8), ("8", 8), (8, 8), (8.0, 8), ("Khối 7", 7), ("6/1", 6), ("", None)],
)
def test_grade_from_class_names(value: Any, grade: int | None) -> None:
    assert grade_of(value) == grade


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("CBGV", "staff"),
        ("GV", "staff"),
        ("NV", "staff"),
        ("CBQL", "staff"),
        ("CB-GV-NV", "staff"),
        ("Giáo viên", "staff"),
        ("I. Cán bộ quản lý", "staff"),
        ("Học sinh", "student"),
        ("HS", "student"),
        ("Lớp 8A", "student"),
        ("Phụ huynh", None),
        ("Lộc", None),
    ],
)
def test_category_words(text: str, kind: str | None) -> None:
    assert category_kind(text)[0] == kind


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Họ và tên", "full_name"),
        ("HO VA TEN", "full_name"),
        ("Ho ten", "full_name"),
        ("Họ và tên người dự thi", "full_name"),
        ("Tên học sinh", "full_name"),
        ("Ngày sinh (dd/mm/yyyy)", "birth_date"),
        ("Ngày, tháng, năm sinh", "birth_date"),
        ("NS", "birth_date"),
        ("Lớp", "grade"),
        ("Đối tượng", "category"),
        ("Đơn vị", "unit"),
        ("Trường", "unit"),
        ("Chức vụ", "position"),
        ("Điện thoại", "phone"),
        ("SĐT", "phone"),
        ("E-mail", "email"),
        ("Giới tính", "gender"),
        ("Ghi chú", "note"),
        ("S.T.T", None),  # "s t t": not a header this module knows; harmless
    ],
)
def test_header_synonyms(header: str, field: str | None) -> None:
    hit = header_score(normalise_header(header))
    assert (hit[0] if hit else None) == field


def test_mapping_round_trips_through_json_and_can_be_corrected(tmp_path: Path) -> None:
    rows = [["STT", "Họ và tên", "Ngày sinh", "Lớp"], [1, "An", "01/01/2007", "7A"]]
    table = read_table(write_xlsx(tmp_path / "m.xlsx", rows, header_at=3))
    mapping = guess_mapping(table)
    assert ColumnMapping.from_json(mapping.to_json()) == mapping
    fixed = mapping.with_column("note", 2)  # the judge says column C is a note, not a date
    assert fixed.column("note") == 2 and fixed.column("birth_date") is None
    assert fixed.with_column("note", None).column("note") is None
    assert column_labels(table, mapping)[1] == (1, "B: Họ và tên")
    for bad in ("[]", "{}", '{"header_row": 0}', '{"header_row": 1, "columns": {"x": 1}}', "{"):
        with pytest.raises(ValueError):
            ColumnMapping.from_json(bad)


def test_a_remembered_mapping_is_used_while_the_headers_still_match(tmp_path: Path) -> None:
    rows = [["STT", "Tên", "Cột lạ", "Lớp"], [1, "An", "01/01/2007", "7A"]]
    table = read_table(write_xlsx(tmp_path / "r.xlsx", rows, header_at=2))
    confirmed = guess_mapping(table).with_column("birth_date", 2, "Cột lạ")
    again = guess_mapping(table, confirmed)
    assert again.column("birth_date") == 2 and again.confidence == 1.0
    other = read_table(write_xlsx(tmp_path / "o.xlsx", [["STT", "Họ và tên"], [1, "B"]]))
    assert guess_mapping(other, confirmed).column("birth_date") is None


def test_the_judge_can_point_at_the_header_row(tmp_path: Path) -> None:
    rows = [
        ["Cột 1", "Cột 2", "Cột 3"],  # a row a generator left above the real header
        ["STT", "Người dự thi", "Lớp"],
        [1, "Đinh Bộ Lĩnh", "9A"],
    ]
    table = read_table(write_xlsx(tmp_path / "h.xlsx", rows, header_at=1))
    chosen = guess_mapping(table, header_row=2)
    assert chosen.header_row == 2 and chosen.fields == {"seq": 0, "full_name": 1, "grade": 2}
    assert guess_mapping(table, header_row=1).fields == {}


def test_odd_cell_values_become_text(tmp_path: Path) -> None:
    rows = [["STT", "Họ và tên", "Ngày sinh", "Lớp"], [1, "Lê Lai", dt.time(7, 30), "8A"]]
    result = check(write_xlsx(tmp_path / "t.xlsx", rows, header_at=1))
    assert codes(result) == [(2, "list_date_unreadable")]

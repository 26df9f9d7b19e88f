"""Participant list files as they really arrive: old .xls, web-portal HTML, broken, locked, huge.

Every failure must be a `JudgeAppError` whose sentence names the file and the reason, quickly.
The .xls files are built here as real OLE compound files (the format Excel 97-2003 writes), so
the tests need neither Excel nor a writer library.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.intake.participants import (
    ListLimits,
    guess_mapping,
    load_mapping,
    parse_participants,
    read_table,
    save_mapping,
)
from judge_app.intake.participants_cli import add_commands
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, create_contest_file

DEADLINE = dt.date(2019, 8, 20)
SECTOR = 512
END, FREE, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


# --- OLE compound files and BIFF8 workbooks, minimal but real -------------------------------


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A CFB v3 file with up to three streams, each stored in normal sectors (>= 4 KB)."""
    names = list(streams)
    fat = [FATSECT, END]  # sector 0: this FAT; sector 1: the directory
    body = b""
    entries: list[tuple[int, str, int, int, int]] = [(0, "Root Entry", 5, END, 0)]
    for index, name in enumerate(names, start=1):
        data = streams[name].ljust(4096, b"\0")
        data = data.ljust(-(-len(data) // SECTOR) * SECTOR, b"\0")
        start = len(fat)
        fat += [*range(start + 1, start + len(data) // SECTOR), END]
        body += data
        entries.append((index, name, 2, start, max(len(streams[name]), 4096)))
    directory = b""
    for index, name, kind, start, size in entries:
        encoded = (name + "\0").encode("utf-16-le")
        right = index + 1 if 0 < index < len(names) else FREE
        child = 1 if kind == 5 and names else FREE
        directory += (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", FREE, right, child)
            + b"\0" * 36
            + struct.pack("<IQ", start, size if kind == 2 else 0)
        )
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0, 0)
        + struct.pack("<I", FREE) * 108
    )
    fat_sector = b"".join(struct.pack("<I", v) for v in fat).ljust(SECTOR, b"\xff")
    return header + fat_sector + directory.ljust(SECTOR, b"\0") + body


def _record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(kind: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))


def _xf(number_format: int) -> bytes:
    return _record(0x00E0, struct.pack("<HHHBBBBIiH", 0, number_format, 1, 0x20, 0, 0, 0, 0, 0, 0))


def biff8_workbook(sheet: str, rows: list[list[object]], *, encrypted: bool = False) -> bytes:
    """The "Workbook" stream of an .xls: one sheet of text, numbers and dates."""
    head = _bof(0x0005)
    if encrypted:  # FILEPASS: what Excel writes when the file is opened with a password
        head += _record(0x002F, b"\x01\x00\x01\x00\x01\x00" + b"\x00" * 48)
    book = head + _record(0x0042, struct.pack("<H", 1200)) + _xf(0) + _xf(14)  # 14: d/m/yyyy
    name = struct.pack("<BB", len(sheet), 1) + sheet.encode("utf-16-le")
    eof = _record(0x000A)
    sheet_at = len(book) + 4 + 6 + len(name) + len(eof)
    book += _record(0x0085, struct.pack("<IBB", sheet_at, 0, 0) + name) + eof
    cells = b""
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if isinstance(value, dt.date):
                serial = float((value - dt.date(1899, 12, 30)).days)
                cells += _record(0x0203, struct.pack("<HHHd", r, c, 1, serial))
            elif isinstance(value, int | float):
                cells += _record(0x0203, struct.pack("<HHHd", r, c, 0, float(value)))
            elif value is not None:
                text = str(value)
                label = struct.pack("<HHHHB", r, c, 0, len(text), 1) + text.encode("utf-16-le")
                cells += _record(0x0204, label)
    width = max(len(r) for r in rows)
    dimensions = _record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))
    return book + _bof(0x0010) + dimensions + cells + eof


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


LIST: list[list[object]] = [
    ["DANH SÁCH HỌC SINH DỰ THI"],
    [],
    ["STT", "Họ và tên", "Ngày sinh", "Lớp"],
    [1, "Nguyễn Thị Hằng", dt.date(2007, 9, 5), "8A3"],
    [2, "Phùng Văn Khắc", "12/10/2006", "9A"],
]


def error_of(path: Path, **kwargs: object) -> JudgeAppError:
    with pytest.raises(JudgeAppError) as caught:
        read_table(path, **kwargs)  # type: ignore[arg-type]
    for lang in ("vi", "en"):
        assert str(path) in describe(caught.value, lang)
    return caught.value


# --- formats that work ------------------------------------------------------------------------


def test_old_xls_with_a_date_cell(tmp_path: Path) -> None:
    path = tmp_path / "ds.xls"
    path.write_bytes(compound_file({"Workbook": biff8_workbook("Danh sách", LIST)}))
    table = read_table(path)
    assert (table.kind, table.sheet) == ("xls", "Danh sách")
    assert table.rows[1].number == 3  # the empty row 2 is left out, numbers stay the sheet's
    result = parse_participants(table, guess_mapping(table), reference_date=DEADLINE)
    assert [(r.row, r.full_name, r.birth_date, r.category) for r in result.rows] == [
        (4, "Nguyễn Thị Hằng", dt.date(2007, 9, 5), "g8"),
        (5, "Phùng Văn Khắc", dt.date(2006, 10, 12), "g9"),
    ]


def test_xlsx_saved_with_an_xls_name_is_read_by_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "ds.xls"
    path.write_bytes(xlsx_bytes(LIST))
    assert read_table(path).kind == "xlsx"


def test_web_portal_excel_export_that_is_html(tmp_path: Path) -> None:
    html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
    </head><body><table border="1">
    <tr><td colspan="4"><b>DANH SÁCH HỌC SINH THAM GIA CUỘC THI</b></td></tr>
    <tr><th>STT</th><th>Họ và tên</th><th>Ngày sinh</th><th>Lớp</th></tr>
    <tr><td>1</td><td>Nguyễn&nbsp;Thị Hằng</td><td>05/09/2007</td><td>8A3</td></tr>
    <tr><td>2</td><td>Trần Văn<br>Minh</td><td>2006-01-02</td><td>9A1</td></tr>
    </table></body></html>"""
    path = tmp_path / "export.xlsx"
    path.write_text(html, encoding="utf-8")
    table = read_table(path)
    assert table.kind == "html"
    assert table.rows[0].cells == ("DANH SÁCH HỌC SINH THAM GIA CUỘC THI",)
    result = parse_participants(table, guess_mapping(table), reference_date=DEADLINE)
    assert [(r.row, r.full_name, r.category) for r in result.rows] == [
        (3, "Nguyễn Thị Hằng", "g8"),
        (4, "Trần Văn Minh", "g9"),
    ]


def test_excel_2003_xml_export(tmp_path: Path) -> None:
    xml = """<?xml version="1.0" encoding="utf-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="HS">
  <Table>
   <Row><Cell ss:MergeAcross="3"><Data ss:Type="String">DANH SÁCH HỌC SINH</Data></Cell></Row>
   <Row ss:Index="3">
    <Cell><Data ss:Type="String">STT</Data></Cell>
    <Cell><Data ss:Type="String">Họ và tên</Data></Cell>
    <Cell ss:Index="4"><Data ss:Type="String">Ngày sinh</Data></Cell>
    <Cell><Data ss:Type="String">Lớp</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">1</Data></Cell>
    <Cell><Data ss:Type="String">Nguyễn Thị Hằng</Data></Cell>
    <Cell ss:Index="4"><Data ss:Type="DateTime">2007-09-05T00:00:00.000</Data></Cell>
    <Cell><Data ss:Type="String">8A3</Data></Cell>
   </Row>
  </Table>
 </Worksheet>
</Workbook>"""
    path = tmp_path / "export.xls"
    path.write_text(xml, encoding="utf-8")
    table = read_table(path)
    assert (table.kind, table.sheet) == ("xml2003", "HS")
    assert [r.number for r in table.rows] == [1, 3, 4]
    mapping = guess_mapping(table)
    assert mapping.fields == {"seq": 0, "full_name": 1, "birth_date": 3, "grade": 4}
    person = parse_participants(table, mapping, reference_date=DEADLINE).rows[0]
    assert (person.full_name, person.birth_date, person.category) == (
        "Nguyễn Thị Hằng",
        dt.date(2007, 9, 5),
        "g8",
    )


def test_html_header_with_rowspan_and_colspan(tmp_path: Path) -> None:
    html = """<table>
    <tr><th rowspan="2">STT</th><th rowspan="2">Họ và tên</th><th colspan="2">Ngày sinh</th>
        <th rowspan="2">Lớp</th></tr>
    <tr><th>Nam</th><th>Nữ</th></tr>
    <tr><td>1</td><td>Trần Hưng Đạo</td><td>01/02/2007</td><td></td><td>7A</td></tr>
    <tr><td>2</td><td>Nguyễn Thị Định</td><td></td><td>03/04/2006</td><td>8A</td></tr>
    </table><table><tr><td>Bảng thứ hai</td></tr></table>"""
    path = tmp_path / "export.xls"
    path.write_text(html, encoding="utf-8")
    table = read_table(path)
    assert table.rows[1].cells == (None, None, "Nam", "Nữ")
    assert table.sheets == ("table 1", "table 2")
    result = parse_participants(table, guess_mapping(table), reference_date=DEADLINE)
    assert [(r.full_name, r.gender, r.category) for r in result.rows] == [
        ("Trần Hưng Đạo", "Nam", "g7"),
        ("Nguyễn Thị Định", "Nữ", "g8"),
    ]


def test_html_export_in_utf16(tmp_path: Path) -> None:
    html = "<html><body><table><tr><td>Họ tên</td><td>Lớp</td></tr>"
    html += "<tr><td>Lý Công Uẩn</td><td>6A</td></tr></table></body></html>"
    path = tmp_path / "export.xls"
    path.write_bytes(html.encode("utf-16"))
    table = read_table(path)
    assert (table.kind, table.rows[1].cells) == ("html", ("Lý Công Uẩn", "6A"))


# --- files that cannot be lists: a clear sentence naming the file --------------------------------


def test_html_page_without_a_table(tmp_path: Path) -> None:
    path = tmp_path / "login.xlsx"
    path.write_text("<!DOCTYPE html><html><body>Phiên đăng nhập hết hạn</body></html>")
    assert error_of(path).code == "list_html_no_table"


def test_corrupt_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(xlsx_bytes(LIST)[:1500])  # an e-mail attachment cut short
    error = error_of(path)
    assert error.code == "list_corrupt"
    assert "incomplete" in describe(error, "en")


def test_zip_with_a_broken_workbook_part(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet")
    assert error_of(path).code == "list_corrupt"


@pytest.mark.parametrize("content", [b"", b"  \r\n \r\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(content)
    assert error_of(path).code == "list_empty"


def test_workbook_with_only_empty_sheets(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    path.write_bytes(xlsx_bytes([[None], [None]]))
    assert error_of(path).code == "list_empty"


def test_password_protected_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "khoa.xlsx"
    streams = {
        "EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 60,
        "EncryptedPackage": b"\x9f" * 5000,
    }
    path.write_bytes(compound_file(streams))
    error = error_of(path)
    assert error.code == "list_password"
    assert "mật khẩu" in describe(error, "vi") and "password" in describe(error, "en")


def test_password_protected_xls(tmp_path: Path) -> None:
    path = tmp_path / "khoa.xls"
    path.write_bytes(compound_file({"Workbook": biff8_workbook("S", LIST, encrypted=True)}))
    assert error_of(path).code == "list_password"


def test_damaged_xls(tmp_path: Path) -> None:
    path = tmp_path / "hong.xls"
    path.write_bytes(compound_file({"Workbook": b"\x00" * 100}))
    assert error_of(path).code == "list_corrupt"


@pytest.mark.parametrize(
    ("content", "kind"),
    [(b"%PDF-1.7\n\x00\x01binary", "PDF"), (b"<?xml version='1.0'?><svg/>", "XML")],
)
def test_not_a_spreadsheet(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(content)
    error = error_of(path)
    assert (error.code, error.params["kind"]) == ("list_unsupported", kind)


def test_word_document_sent_instead_of_the_list(tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert error_of(path).params["kind"] == "DOCX"


def test_word_97_document_sent_instead_of_the_list(tmp_path: Path) -> None:
    path = tmp_path / "ds.xls"
    path.write_bytes(compound_file({"WordDocument": b"\xec\xa5" + b"\0" * 100}))
    assert error_of(path).params["kind"] == "DOC"


def test_a_30_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as handle:
        handle.truncate(30 * 1024 * 1024)  # sparse: costs no disk
    error = error_of(path)
    assert error.code == "list_too_big"
    assert "30.0 MB" in describe(error, "en") and "20 MB" in describe(error, "en")


def test_too_many_rows(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("Họ và tên;Lớp\n" + "".join(f"Người {n};8A\n" for n in range(300)))
    error = error_of(path, limits=ListLimits(max_rows=200))
    assert (error.code, error.params) == ("list_too_many_rows", {"limit": 200})


def test_tag_soup_and_endless_tables_stop_quickly(tmp_path: Path) -> None:
    path = tmp_path / "soup.xls"
    path.write_bytes(b"<table>" + b"<tr><td>x</td><td>y</td></tr>" * 25_000)
    assert error_of(path).code == "list_too_many_rows"
    path.write_bytes(b"<html><table>" + b"<" * 1_000_000)
    assert error_of(path).code == "list_empty"


def test_csv_with_an_endless_field(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_bytes(b'"' + b"a" * 300_000)
    assert error_of(path).code == "list_corrupt"


def test_missing_file(tmp_path: Path) -> None:
    assert error_of(tmp_path / "none.xlsx").code == "file_not_found"


def test_unknown_sheet(tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(xlsx_bytes(LIST))
    assert error_of(path, sheet="Trang 9").code == "list_sheet_missing"


# --- the mapping remembered per unit -------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ContestDatabase]:
    monkeypatch.setenv("JUDGE_APP_HOME", str(tmp_path / "home"))
    database = create_contest_file(tmp_path / "contest.sqlite")
    yield database
    database.close()


def test_mapping_is_remembered_per_unit_with_an_audit_row(
    tmp_path: Path, db: ContestDatabase
) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(xlsx_bytes(LIST))
    mapping = guess_mapping(read_table(path)).with_column("note", 3, "Lớp")
    assert load_mapping(db, "KD") is None
    save_mapping(db, "KD", mapping, actor="head")
    save_mapping(db, "KD", mapping, actor="head")  # unchanged: no second audit row
    assert load_mapping(db, "KD") == mapping
    assert load_mapping(db, "NC") is None
    report = verify(db)
    assert report.ok
    rows = db.read_scalar("SELECT count(*) FROM audit_log WHERE action = 'set_list_mapping'")
    assert rows == 1
    with pytest.raises(JudgeAppError):
        save_mapping(db, "", mapping)


def test_a_damaged_remembered_mapping_is_reported(db: ContestDatabase) -> None:
    with db.write_transaction() as connection:
        connection.execute("INSERT INTO meta(key, value) VALUES ('list_mapping:KD', '{oops')")
    with pytest.raises(JudgeAppError) as caught:
        load_mapping(db, "KD")
    assert caught.value.code == "list_mapping_unreadable"


# --- `judge-app participants check` -------------------------------------------------------------


def run(argv: list[str], capsys: pytest.CaptureFixture[str], lang: str = "en") -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    code = args.handler(args, lang)
    return code, capsys.readouterr().out


def payload_problems(out: str) -> list[dict[str, object]]:
    problems: list[dict[str, object]] = json.loads(out)["problems"]
    return problems


def test_cli_lists_the_problems_by_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        "STT;Họ và tên;Ngày sinh;Lớp\n1;An;01/01/2007;7A\n2;;02/02/2007;7A\n3;Bình;31/02/2007;8A\n",
        encoding="utf-8",
    )
    code, out = run(["participants", "check", str(path), "--date", "20/08/2019"], capsys)
    assert code == 3
    assert "header on row 1, 3 people" in out and "2 errors" in out
    assert "B=Full name" in out
    assert "Row 3: name missing" in out
    assert "Row 4: the birth date “31/02/2007” does not exist" in out
    code, out = run(["participants", "check", str(path), "--json", "--unit", "KD"], capsys)
    errors = [p["row"] for p in payload_problems(out) if p["severity"] == "error"]
    assert errors == [3, 4]  # ages counted on today: warnings only
    payload = json.loads(out)
    assert code == 3
    assert payload["reference_date"] == dt.date.today().isoformat()
    assert payload["mapping"]["header_row"] == 1 and payload["delimiter"] == ";"
    assert payload["participants"][0]["unit"] == "KD"


def test_cli_uses_the_remembered_mapping(
    tmp_path: Path, db: ContestDatabase, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("STT;Tên;Cột C;Lớp\n1;An;01/01/2007;7A\n", encoding="utf-8")
    table = read_table(path)
    save_mapping(db, "KD", guess_mapping(table).with_column("birth_date", 2, "Cột C"))
    argv = ["participants", "check", str(path), "--json", "--unit", "KD", "--db", str(db.path)]
    argv += ["--date", "20/08/2019"]
    code, out = run(argv, capsys)
    assert code == 0
    assert json.loads(out)["participants"][0]["birth_date"] == "2007-01-01"


def test_cli_unreadable_file_raises_a_domain_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"")
    with pytest.raises(JudgeAppError) as caught:
        run(["participants", "check", str(path)], capsys)
    assert caught.value.code == "list_empty"

"""Read the sheets of a participant list as schools really send them: XLSX, XLS, CSV, HTML.

Schools e-mail whatever their software saved: a real workbook, an old .xls, a CSV in UTF-8 or
Windows-1258, a web portal's "Excel export" that is an HTML page renamed .xls(x). The file's
bytes decide how it is read, never its extension. Every failure is a `JudgeAppError` naming the
file and the reason (damaged, password, empty, too large), never a traceback, and every loop is
capped so a hostile or absurd file cannot hang the app.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge_app.core.errors import JudgeAppError

MB = 1024 * 1024

Cell = str | int | float | bool | dt.date | dt.datetime | None

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Office writes a password-protected XLSX/DOCX as an OLE container holding these two streams.
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # a Word 97-2003 .doc sent instead
_WORKBOOK_STREAM = "Workbook".encode("utf-16-le")
_SPREADSHEET_ML = b"urn:schemas-microsoft-com:office:spreadsheet"  # Excel 2003 XML


@dataclass(frozen=True)
class ListLimits:
    """Caps on a participant list: a real one has a few hundred rows and weighs < 1 MB."""

    max_file_bytes: int = 20 * MB
    max_rows: int = 20_000  # non-empty rows per sheet
    max_columns: int = 64
    max_sheets: int = 30
    max_unzipped_bytes: int = 200 * MB  # XLSX parts, from the zip directory (zip bombs)
    # After this many empty rows in a row past the data, the rest of the sheet is formatting
    # (Excel keeps styled empty rows down to row 1,048,576).
    max_empty_run: int = 2_000


LIMITS = ListLimits()


@dataclass(frozen=True)
class RawRow:
    """One non-empty spreadsheet row: its 1-based row number and its cells from column A."""

    number: int
    cells: tuple[Cell, ...]

    def cell(self, index: int | None) -> Cell:
        if index is None or index < 0 or index >= len(self.cells):
            return None
        return self.cells[index]


@dataclass(frozen=True)
class RawTable:
    """The cells of one sheet as read, empty rows left out (row numbers stay the sheet's)."""

    path: Path
    kind: str  # "xlsx", "xls", "csv", "html", "xml2003"
    sheet: str
    rows: tuple[RawRow, ...]
    sheets: tuple[str, ...] = ()  # every sheet of the file, for the "which sheet" choice
    encoding: str | None = None  # CSV/HTML: the encoding found
    delimiter: str | None = None  # CSV: the delimiter found

    @property
    def width(self) -> int:
        return max((len(row.cells) for row in self.rows), default=0)


def clean_text(value: str) -> str:
    """NFC (Windows-1258 and some Mac tools decompose tone marks), whitespace collapsed."""
    value = unicodedata.normalize("NFC", value.replace("\xa0", " "))
    return " ".join(value.split())


def _empty(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell(value: object) -> Cell:
    """A value as the list's reader knows it: times, durations, formulas' oddities as text."""
    if isinstance(value, str):
        return clean_text(value)
    if value is None or isinstance(value, int | float | bool | dt.date):
        return value  # datetime is a date too
    return clean_text(str(value))


def _trimmed(values: Iterable[object], max_columns: int) -> tuple[Cell, ...]:
    cells = [_cell(v) for v in itertools.islice(values, max_columns)]
    while cells and _empty(cells[-1]):
        cells.pop()
    return tuple(None if isinstance(c, str) and not c else c for c in cells)


def collect_rows(
    path: Path, numbered: Iterable[tuple[int, Iterable[object]]], limits: ListLimits
) -> tuple[RawRow, ...]:
    """Non-empty rows, stopping after a long run of empty ones and refusing absurd lengths."""
    rows: list[RawRow] = []
    empty_run = 0
    for number, values in numbered:
        cells = _trimmed(values, limits.max_columns)
        if not cells:
            empty_run += 1
            if rows and empty_run > limits.max_empty_run:
                break
            continue
        empty_run = 0
        rows.append(RawRow(number, cells))
        if len(rows) > limits.max_rows:
            raise JudgeAppError("list_too_many_rows", path, limit=limits.max_rows)
    return tuple(rows)


# --- what the file is ---------------------------------------------------------------------


def sniff_list_kind(path: Path, data: bytes, limits: ListLimits = LIMITS) -> str:
    """The reader for these bytes ("xlsx", "xls", "html", "xml2003", "csv"), or an error."""
    if not data.strip():
        raise JudgeAppError("list_empty", path)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(path, data, limits)
    if data.startswith(_OLE2):
        if any(stream in data for stream in _ENCRYPTED_STREAMS):
            raise JudgeAppError("list_password", path)
        if _WORD_STREAM in data and _WORKBOOK_STREAM not in data:
            raise JudgeAppError("list_unsupported", path, kind="DOC")
        return "xls"
    head = data[:200_000]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") and _SPREADSHEET_ML in head[:4096]:
        return "xml2003"  # before HTML: its <Table> looks like one
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head")) or (
        head.startswith(b"<") and b"<table" in head
    ):
        return "html"
    if head.startswith(b"<?xml"):
        raise JudgeAppError("list_unsupported", path, kind="XML")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "csv"
    if b"\x00" in data[:4096]:
        raise JudgeAppError("list_unsupported", path, kind=_binary_name(data))
    return "csv"


def _binary_name(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "PDF"
    if data.startswith((b"Rar!", b"7z\xbc\xaf")):
        return "RAR/7z"
    return "?"


def _zip_kind(path: Path, data: bytes, limits: ListLimits) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "mimetype" in names and archive.read("mimetype").startswith(_ODS_MIMETYPE):
                raise JudgeAppError("list_unsupported", path, kind="ODS")
            if sum(info.file_size for info in infos) > limits.max_unzipped_bytes:
                raise JudgeAppError("list_corrupt", path, reason="list_reason_zip_bomb")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise JudgeAppError("list_corrupt", path, reason="list_reason_not_a_zip") from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise JudgeAppError("list_unsupported", path, kind="XLSB")
    if "word/document.xml" in names:
        raise JudgeAppError("list_unsupported", path, kind="DOCX")
    raise JudgeAppError("list_unsupported", path, kind="ZIP")


# --- XLSX -----------------------------------------------------------------------------------


def read_xlsx(path: Path, data: bytes, limits: ListLimits) -> list[RawTable]:
    import openpyxl  # lazily: the GUI starts without it

    try:
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except JudgeAppError:
        raise
    except Exception as exc:  # openpyxl raises anything from KeyError to lxml errors
        raise JudgeAppError("list_corrupt", path, reason=type(exc).__name__) from exc
    try:
        names = tuple(book.sheetnames[: limits.max_sheets])
        tables = []
        for name in names:
            sheet = book[name]
            if not hasattr(sheet, "reset_dimensions"):
                continue  # a chart sheet
            # Some writers store a wrong <dimension> (e.g. "A1"), which would cut rows off.
            sheet.reset_dimensions()
            try:
                values = sheet.iter_rows(max_col=limits.max_columns, values_only=True)
                rows = collect_rows(path, enumerate(values, start=1), limits)
            except JudgeAppError:
                raise
            except Exception as exc:
                raise JudgeAppError("list_corrupt", path, reason=type(exc).__name__) from exc
            tables.append(RawTable(path, "xlsx", name, rows, names))
        return tables
    finally:
        book.close()


# --- XLS ------------------------------------------------------------------------------------


def read_xls(path: Path, data: bytes, limits: ListLimits) -> list[RawTable]:
    try:
        import xlrd
    except ImportError as exc:  # pragma: no cover - a dependency; guards a broken install
        raise JudgeAppError("list_unsupported", path, kind="XLS") from exc
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
    except Exception as exc:  # xlrd.XLRDError, CompDocError, struct errors on damaged files
        if "encrypt" in str(exc).lower():
            raise JudgeAppError("list_password", path) from exc
        raise JudgeAppError("list_corrupt", path, reason=type(exc).__name__) from exc
    try:
        names = tuple(book.sheet_names()[: limits.max_sheets])
        tables = []
        for index, name in enumerate(names):
            try:
                sheet = book.sheet_by_index(index)
                numbered = (
                    (r + 1, _xls_row(sheet, r, book.datemode, limits.max_columns))
                    for r in range(sheet.nrows)
                )
                rows = collect_rows(path, numbered, limits)
            except JudgeAppError:
                raise
            except Exception as exc:
                raise JudgeAppError("list_corrupt", path, reason=type(exc).__name__) from exc
            tables.append(RawTable(path, "xls", name, rows, names))
        return tables
    finally:
        book.release_resources()


def _xls_row(sheet: Any, row: int, datemode: int, max_columns: int) -> list[Cell]:
    import xlrd

    cells: list[Cell] = []
    for col in range(min(sheet.ncols, max_columns)):
        kind = sheet.cell_type(row, col)
        value = sheet.cell_value(row, col)
        if kind == xlrd.XL_CELL_DATE:
            try:
                moment = xlrd.xldate_as_datetime(value, datemode)
            except Exception:  # an impossible serial: keep the number for the date check
                cells.append(value)
                continue
            cells.append(moment.date() if moment.time() == dt.time() else moment)
        elif kind == xlrd.XL_CELL_NUMBER:
            cells.append(int(value) if float(value).is_integer() else float(value))
        elif kind == xlrd.XL_CELL_TEXT:
            cells.append(str(value))
        elif kind == xlrd.XL_CELL_BOOLEAN:
            cells.append(bool(value))
        else:
            cells.append(None)
    return cells


# --- CSV ------------------------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and the encoding found: UTF-8 (BOM or not), UTF-16 with BOM, else cp1258."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Windows-1258 writes tones as combining marks after the letter: NFC joins them.
        text = data.decode("cp1258", errors="replace")
        return unicodedata.normalize("NFC", text), "cp1258"


def sniff_delimiter(lines: Sequence[str]) -> str:
    """, ; or tab: the one that splits the sample into the most rows of one common width > 1."""
    best, best_score = ",", (-1, -1)
    for delimiter in (",", ";", "\t"):
        widths = [len(r) for r in csv.reader(lines, delimiter=delimiter) if any(r)]
        counts = Counter(w for w in widths if w > 1)
        if not counts:
            continue
        width, rows = counts.most_common(1)[0]
        score = (rows, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path, data: bytes, limits: ListLimits) -> list[RawTable]:
    text, encoding = decode_text(data)
    try:
        delimiter = sniff_delimiter(text.splitlines()[:50])
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
        numbered = ((number, row) for number, row in enumerate(reader, start=1))
        rows = collect_rows(path, numbered, limits)
    except csv.Error as exc:
        raise JudgeAppError("list_corrupt", path, reason=str(exc)) from exc
    return [RawTable(path, "csv", path.stem, rows, (path.stem,), encoding, delimiter)]


# --- HTML (web portals' "Excel export") -------------------------------------------------------


def _html_grid(rows: Iterable[list[tuple[str, int, int]]]) -> Iterator[list[str]]:
    """Rows of (text, colspan, rowspan) laid out as Excel shows them: a merged value in its
    first cell, the cells it covers empty, later cells in their true columns."""
    covered: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for cells in rows:
        row: list[str] = []
        for text, colspan, rowspan in cells:
            while covered.get(len(row), 0) > 0:  # step over cells merged from rows above
                covered[len(row)] -= 1
                row.append("")
            start = len(row)
            row.append(text)
            row.extend([""] * (colspan - 1))
            if rowspan > 1:
                for column in range(start, start + colspan):
                    covered[column] = rowspan - 1
        for column in [c for c, n in covered.items() if n and c >= len(row)]:
            covered[column] -= 1  # covered columns past this row's last cell
        yield row


def _span(value: str | None) -> int:
    return max(1, min(int(value), 64)) if value and value.isdigit() else 1


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_\-]+)""", re.I)


def _decode_html(data: bytes) -> tuple[str, str]:
    found = _META_CHARSET.search(data[:4096])
    if found and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        name = found.group(1).decode("ascii").lower()
        try:
            codecs.lookup(name)
        except LookupError:
            pass
        else:
            if name.replace("-", "").replace("_", "") not in ("utf8",):
                return unicodedata.normalize("NFC", data.decode(name, errors="replace")), name
    return decode_text(data)


def read_html(path: Path, data: bytes, limits: ListLimits) -> list[RawTable]:
    from lxml import etree  # type: ignore[import-untyped]  # no stubs
    from lxml import html as lxml_html

    text, encoding = _decode_html(data)
    # libxml2's HTML parser: C speed and recovery on any tag soup; no network, no huge nodes.
    parser = lxml_html.HTMLParser(recover=True, no_network=True, huge_tree=False)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise JudgeAppError("list_html_no_table", path) from exc
    found = root.xpath("//table[not(ancestor::table)]")[: limits.max_sheets]
    if not found:
        raise JudgeAppError("list_html_no_table", path)
    names = tuple(f"table {n}" for n in range(1, len(found) + 1))
    tables = []
    for name, table in zip(names, found, strict=True):
        rows = _html_rows(table, limits)
        grid = _html_grid(rows)
        tables.append(
            RawTable(
                path, "html", name, collect_rows(path, enumerate(grid, 1), limits), names, encoding
            )
        )
    return tables


def _html_rows(table: Any, limits: ListLimits) -> Iterator[list[tuple[str, int, int]]]:
    for tr in table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"):
        cells = []
        for cell in tr.xpath("./td | ./th")[: limits.max_columns]:
            for br in cell.iter("br"):
                br.tail = " " + (br.tail or "")
            cells.append(
                (cell.text_content(), _span(cell.get("colspan")), _span(cell.get("rowspan")))
            )
        yield cells


# --- Excel 2003 XML (SpreadsheetML), another web-portal favourite ---------------------------

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"


def _xml_value(kind: str, text: str) -> Cell:
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() else number
    if kind == "DateTime":
        try:
            moment = dt.datetime.fromisoformat(text[:19])
        except ValueError:
            return text
        return moment.date() if moment.time() == dt.time() else moment
    return text


def _xml_rows(table: Any, limits: ListLimits) -> Iterable[tuple[int, list[Cell]]]:
    number = 0
    for row in table.iterfind(f"{_SS}Row"):
        index = row.get(f"{_SS}Index")
        number = int(index) if index and index.isdigit() else number + 1
        cells: list[Cell] = []
        for cell in row.iterfind(f"{_SS}Cell"):
            column = cell.get(f"{_SS}Index")
            if column and column.isdigit():
                cells.extend([None] * (min(int(column), limits.max_columns + 1) - 1 - len(cells)))
            data = cell.find(f"{_SS}Data")
            text = "" if data is None else "".join(data.itertext())
            cells.append(_xml_value(data.get(f"{_SS}Type", "") if data is not None else "", text))
            across = cell.get(f"{_SS}MergeAcross")
            if across and across.isdigit():
                cells.extend([None] * min(int(across), limits.max_columns))
            if len(cells) > limits.max_columns:
                break
        yield number, cells


def read_xml2003(path: Path, data: bytes, limits: ListLimits) -> list[RawTable]:
    from lxml import etree  # (untyped: see read_html)

    # No entities, no network, no huge trees: the file comes from outside.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise JudgeAppError("list_corrupt", path, reason=type(exc).__name__) from exc
    tables = []
    sheets = root.findall(f"{_SS}Worksheet")[: limits.max_sheets]
    names = tuple(str(sheet.get(f"{_SS}Name") or f"Sheet{n}") for n, sheet in enumerate(sheets, 1))
    for name, sheet in zip(names, sheets, strict=True):
        table = sheet.find(f"{_SS}Table")
        rows = () if table is None else collect_rows(path, _xml_rows(table, limits), limits)
        tables.append(RawTable(path, "xml2003", name, rows, names))
    return tables


# --- entry point ----------------------------------------------------------------------------


def read_sheets(path: Path, limits: ListLimits = LIMITS) -> list[RawTable]:
    """Every sheet (or HTML table) of the list, read within `limits`."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise JudgeAppError("file_not_found", path) from exc
    except OSError as exc:
        raise JudgeAppError("list_unreadable", path, reason=exc.strerror or str(exc)) from exc
    if size > limits.max_file_bytes:
        raise JudgeAppError(
            "list_too_big",
            path,
            size_mb=f"{size / MB:.1f}",
            limit_mb=f"{limits.max_file_bytes / MB:.0f}",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise JudgeAppError("list_unreadable", path, reason=exc.strerror or str(exc)) from exc
    kind = sniff_list_kind(path, data, limits)
    readers = {
        "xlsx": read_xlsx,
        "xls": read_xls,
        "html": read_html,
        "xml2003": read_xml2003,
        "csv": read_csv,
    }
    tables = readers[kind](path, data, limits)
    if not any(table.rows for table in tables):
        raise JudgeAppError("list_empty", path)
    return tables

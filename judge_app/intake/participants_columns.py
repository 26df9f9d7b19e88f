"""Which column of a participant list holds what: the header row and the field of each column.

Schools write the headers as they like: with or without diacritics ("Họ và tên", "Ho ten"),
with notes ("Ngày sinh (dd/mm/yyyy)"), over two rows ("Ngày sinh" merged above "Ngày | Tháng |
Năm", or above "Nam | Nữ" with the date written in the column of the person's sex). The guess
is a `ColumnMapping` the head judge confirms or corrects; the confirmed one is remembered per
unit and reused while the unit's headers stay the same.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from judge_app.intake.participants_read import Cell, RawRow, RawTable, clean_text

# Fields a column can hold, in the order the mapping dialog lists them.
FIELDS: tuple[str, ...] = (
    "seq",
    "full_name",
    "last_name",
    "first_name",
    "birth_date",
    "birth_day",
    "birth_month",
    "birth_year",
    "birth_date_male",  # "Ngày sinh" over "Nam | Nữ": the date sits in the person's column
    "birth_date_female",
    "grade",
    "category",
    "unit",
    "position",
    "phone",
    "email",
    "gender",
    "note",
)
NAME_FIELDS = ("full_name", "first_name")
HEADER_SEARCH_ROWS = 20  # the header is within the first rows (title rows come before it)


def normalise_header(value: Cell) -> str:
    """Lowercase ASCII words: "Họ và tên" and "HO VA TEN:" both give "ho va ten"."""
    if value is None:
        return ""
    text = clean_text(str(value)).lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


# Normalised header texts per field. An exact match scores 1.0; a header that starts with a
# synonym of two or more words ("ho va ten hoc sinh lop 8") 0.8; a synonym of two or more words
# anywhere in the header 0.6.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("stt", "tt", "so tt", "so thu tu", "thu tu", "no"),
    "full_name": (
        "ho va ten",
        "ho ten",
        "ho va ten hoc sinh",
        "ho ten hoc sinh",
        "ten hoc sinh",
        "ho va ten hs",
        "ho va ten nguoi du thi",
        "ho ten nguoi du thi",
        "ten nguoi du thi",
        "nguoi du thi",
        "ho va ten thi sinh",
        "ho ten thi sinh",
        "ten thi sinh",
        "ho va ten can bo",
        "ho va ten giao vien",
        "ho va ten cbgv",
        "ho ten cbgv",
        "ho va ten cb gv nv",
        "full name",
        "name",
    ),
    "last_name": ("ho", "ho dem", "ho va dem", "ho va ten dem", "ho lot", "ho va chu dem"),
    "first_name": ("ten",),
    "birth_date": (
        "ngay sinh",
        "ngay thang nam sinh",
        "ngay thang sinh",
        "sinh ngay",
        "ns",
        "ngay sinh dd mm yyyy",
        "date of birth",
        "birth date",
        "dob",
    ),
    "birth_day": ("ngay",),
    "birth_month": ("thang",),
    "birth_year": ("nam sinh", "nam"),
    "grade": ("lop", "khoi", "khoi lop", "lop hoc", "hoc lop", "class", "grade"),
    "category": (
        "doi tuong",
        "doi tuong du thi",
        "bang",
        "bang du thi",
        "thanh phan",
        "category",
    ),
    "unit": (
        "don vi",
        "truong",
        "ten truong",
        "truong hoc",
        "don vi cong tac",
        "noi cong tac",
        "co quan",
        "school",
        "unit",
    ),
    "position": ("chuc vu", "chuc danh", "nhiem vu", "vi tri cong tac", "position"),
    "phone": (
        "dien thoai",
        "so dien thoai",
        "sdt",
        "so dt",
        "dt",
        "dtdd",
        "di dong",
        "dien thoai lien he",
        "phone",
    ),
    "email": ("email", "e mail", "thu dien tu", "dia chi email", "mail", "gmail"),
    "gender": ("gioi tinh", "gioi", "nam nu", "phai", "gender", "sex"),
    "note": ("ghi chu", "note", "notes"),
}

# Second header row below a merged header ("Ngày sinh" over "Ngày | Tháng | Năm").
SUB_SYNONYMS: dict[str, str] = {
    "ngay": "birth_day",
    "thang": "birth_month",
    "nam": "birth_year",  # or the male column: decided by a "nu" beside it
    "nu": "birth_date_female",
    "ho": "last_name",
    "ho dem": "last_name",
    "ho va dem": "last_name",
    "ho lot": "last_name",
    "ten": "first_name",
}
# Which parent a sub-header's fields replace.
_SUB_PARENT = {
    "birth_day": "birth_date",
    "birth_month": "birth_date",
    "birth_year": "birth_date",
    "birth_date_male": "birth_date",
    "birth_date_female": "birth_date",
    "last_name": "full_name",
    "first_name": "full_name",
}


def header_score(text: str) -> tuple[str, float] | None:
    """The field a normalised header names, and how sure (1.0 exact … 0.6 contained)."""
    if not text:
        return None
    best: tuple[str, float] | None = None
    for field, phrases in SYNONYMS.items():
        for phrase in phrases:
            if text == phrase:
                score = 1.0
            elif " " not in phrase:
                continue  # "ten", "lop", "dt" alone must match exactly (tens of false hits)
            elif text.startswith(phrase + " "):
                score = 0.8
            elif f" {phrase} " in f" {text} ":
                score = 0.6
            else:
                continue
            if best is None or score > best[1]:
                best = (field, score)
    # "lop 8a" under a header cell is data, but "lop" + words is a header ("lop hoc nam 2019").
    if best is None and re.fullmatch(r"(lop|khoi|truong|don vi)( [a-z]+)+", text):
        first = text.split()[0]
        return ("grade" if first in ("lop", "khoi") else "unit"), 0.6
    return best


@dataclass(frozen=True)
class ColumnMapping:
    """The header row (1-based sheet row; data starts below it) and each field's column.

    Columns are 0-based indexes (0 = column A). `headers` keeps each mapped column's header as
    written, so a remembered mapping is reused only while the unit's sheet still has them.
    """

    header_row: int | None
    columns: tuple[tuple[str, int], ...] = ()
    confidence: float = 0.0
    sheet: str = ""
    headers: tuple[tuple[str, str], ...] = ()

    def column(self, field: str) -> int | None:
        for name, index in self.columns:
            if name == field:
                return index
        return None

    @property
    def fields(self) -> dict[str, int]:
        return dict(self.columns)

    def with_column(self, field: str, column: int | None, header: str = "") -> ColumnMapping:
        """The mapping with `field` moved to `column` (None: unmapped); a column holds one field."""
        if field not in FIELDS:
            raise ValueError(f"unknown field {field!r}")
        columns = {f: c for f, c in self.columns if f != field and c != column}
        headers = {f: h for f, h in self.headers if f in columns}
        if column is not None:
            columns[field] = column
            headers[field] = header
        return replace(self, columns=_sorted(columns), headers=_sorted_headers(headers))

    def with_header_row(self, header_row: int | None) -> ColumnMapping:
        return replace(self, header_row=header_row)

    def to_dict(self) -> dict[str, Any]:
        return {
            "header_row": self.header_row,
            "columns": dict(self.columns),
            "confidence": round(self.confidence, 3),
            "sheet": self.sheet,
            "headers": dict(self.headers),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ColumnMapping:
        """Raises ValueError when `data` is not a mapping this module wrote."""
        try:
            header_row = data["header_row"]
            columns = {str(f): int(c) for f, c in dict(data.get("columns", {})).items()}
            headers = {str(f): str(h) for f, h in dict(data.get("headers", {})).items()}
            confidence = float(data.get("confidence", 0.0))
            sheet = str(data.get("sheet", ""))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"not a column mapping: {exc}") from exc
        if header_row is not None and (not isinstance(header_row, int) or header_row < 1):
            raise ValueError(f"bad header row {header_row!r}")
        if any(f not in FIELDS or c < 0 for f, c in columns.items()):
            raise ValueError("unknown field or negative column")
        if len(set(columns.values())) != len(columns):
            raise ValueError("two fields in one column")
        return cls(header_row, _sorted(columns), confidence, sheet, _sorted_headers(headers))

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return cls.from_dict(data)


def _sorted(columns: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(columns.items(), key=lambda item: (item[1], item[0])))


def _sorted_headers(headers: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(headers.items()))


def _match_row(row: RawRow) -> dict[str, tuple[int, float]]:
    """field -> (column, score): each field in its best column, each column one field."""
    found: list[tuple[float, int, str]] = []
    for index, value in enumerate(row.cells):
        if not isinstance(value, str):
            continue
        hit = header_score(normalise_header(value))
        if hit is not None:
            found.append((hit[1], -index, hit[0]))
    result: dict[str, tuple[int, float]] = {}
    used: set[int] = set()
    for score, negative_index, field in sorted(found, reverse=True):
        if field not in result and -negative_index not in used:
            result[field] = (-negative_index, score)
            used.add(-negative_index)
    return result


def _confidence(found: Mapping[str, tuple[int, float]]) -> float:
    name = max((found[f][1] for f in NAME_FIELDS if f in found), default=0.0)
    if not name:
        return 0.0
    identity = any(
        f in found for f in ("birth_date", "birth_year", "birth_date_male", "grade", "category")
    )
    others = len([f for f in found if f not in NAME_FIELDS])
    return round(0.5 * name + 0.25 * identity + 0.25 * min(1.0, others / 3), 3)


def _sub_header(row: RawRow, found: dict[str, tuple[int, float]]) -> dict[str, int] | None:
    """Fields of a second header row below merged cells, or None when `row` is data."""
    texts = {i: normalise_header(v) for i, v in enumerate(row.cells) if v not in (None, "")}
    if not texts:
        return None
    hits = {i: SUB_SYNONYMS[t] for i, t in texts.items() if t in SUB_SYNONYMS}
    numbering = {i for i, t in texts.items() if re.fullmatch(r"\d{1,2}", t)}
    if len(hits) < 2 or len(hits) + len(numbering) < len(texts):
        return None
    words = set(texts.values())
    fields: dict[str, int] = {}
    for index, field in hits.items():
        if field == "birth_year" and "nu" in words and not {"ngay", "thang"} & words:
            field = "birth_date_male"
        fields[field] = index
    taken = {column for column, _ in found.values()}
    parents = {_SUB_PARENT[f] for f in fields}
    # A sub-header sits under its parent's merged cell: same or later columns, no collision.
    for parent in parents:
        if parent in found:
            taken.discard(found[parent][0])
    if any(index in taken for index in fields.values()):
        return None
    return fields


def header_texts(table: RawTable, header_row: int | None) -> dict[int, str]:
    """Column index -> header text (both header rows when there are two), for the dialog."""
    if header_row is None:
        return {}
    rows = [r for r in table.rows if r.number in (header_row - 1, header_row)]
    # The row above is a first header row (merged cells above a sub-header), not a title.
    if len(rows) == 2 and sum(v not in (None, "") for v in rows[0].cells) < 2:
        rows = rows[1:]
    texts: dict[int, list[str]] = {}
    for row in rows:
        for index, value in enumerate(row.cells):
            if value not in (None, ""):
                texts.setdefault(index, []).append(clean_text(str(value)))
    return {index: " / ".join(parts) for index, parts in texts.items()}


def guess_mapping(
    table: RawTable, remembered: ColumnMapping | None = None, *, header_row: int | None = None
) -> ColumnMapping:
    """The header row and column of each field; `remembered` wins while it still fits.

    `header_row` (a sheet row number) makes the guess read that row as the header: the dialog
    calls it when the head judge points at the right row.
    """
    if remembered is not None and mapping_fits(table, remembered):
        return replace(remembered, confidence=1.0, sheet=table.sheet)
    best: tuple[float, int, dict[str, tuple[int, float]]] | None = None
    candidates = table.rows[:HEADER_SEARCH_ROWS]
    if header_row is not None:
        candidates = tuple(row for row in table.rows if row.number <= header_row)
    for position, row in enumerate(candidates):
        if header_row is not None and row.number != header_row:
            continue
        found = _match_row(row)
        if not any(f in found for f in NAME_FIELDS) and len(found) < 2:
            continue
        score = sum(s for _, s in found.values()) + 2 * any(f in found for f in NAME_FIELDS)
        if best is None or score > best[0]:
            best = (score, position, found)
    if best is None:
        return ColumnMapping(header_row, sheet=table.sheet)
    _, position, found = best
    header_row = candidates[position].number
    columns = {field: column for field, (column, _) in found.items()}
    if position + 1 < len(table.rows):
        sub = _sub_header(table.rows[position + 1], found)
        if sub is not None:
            for field in sub:
                columns.pop(_SUB_PARENT[field], None)
            columns.update(sub)
            found = {**found, **{f: (c, 1.0) for f, c in sub.items()}}
            header_row = table.rows[position + 1].number
    texts = header_texts(table, header_row)
    split = _split_name_column(table, header_row, columns, texts)
    if split is not None:
        columns.pop("full_name")
        columns.update(split)
        texts = {**texts, split["first_name"]: texts.get(split["last_name"], "")}
    headers = {field: texts.get(column, "") for field, column in columns.items()}
    return ColumnMapping(
        header_row, _sorted(columns), _confidence(found), table.sheet, _sorted_headers(headers)
    )


def _split_name_column(
    table: RawTable, header_row: int, columns: dict[str, int], texts: dict[int, str]
) -> dict[str, int] | None:
    """ "Họ và tên" merged over two columns with no sub-header: "Nguyễn Thị" | "Hằng".

    Schools split the given name off to sort by it. The column right of the name has no header
    of its own and holds one word per row.
    """
    name = columns.get("full_name")
    if name is None or "first_name" in columns or name + 1 in columns.values():
        return None
    if texts.get(name + 1):
        return None
    below = [r for r in table.rows if r.number > header_row][:30]
    names = [(r.cell(name), r.cell(name + 1)) for r in below if isinstance(r.cell(name), str)]
    given = [g for _, g in names if isinstance(g, str) and g.strip()]
    if not names or len(given) < 0.6 * len(names):
        return None
    single = [g for g in given if len(g.split()) == 1 and g.isalpha()]
    if len(single) < 0.8 * len(given):
        return None
    return {"last_name": name, "first_name": name + 1}


def mapping_fits(table: RawTable, mapping: ColumnMapping) -> bool:
    """Whether the table still has the headers the mapping was confirmed on."""
    if mapping.header_row is None or not mapping.headers:
        return False
    texts = header_texts(table, mapping.header_row)
    return all(
        normalise_header(texts.get(column, "")) == normalise_header(dict(mapping.headers)[field])
        for field, column in mapping.columns
        if field in dict(mapping.headers)
    )


def column_labels(table: RawTable, mapping: ColumnMapping) -> list[tuple[int, str]]:
    """(column index, "C: Ngày sinh") for every column, for the dialog's column choosers."""
    texts = header_texts(table, mapping.header_row)
    return [(i, f"{column_letter(i)}: {texts.get(i, '')}".rstrip(": ")) for i in range(table.width)]


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def title_text(table: RawTable, mapping: ColumnMapping) -> str:
    """The title rows above the header, normalised ("danh sach hoc sinh tham gia …")."""
    if mapping.header_row is None:
        return ""
    return " ".join(
        normalise_header(v)
        for row in table.rows
        if row.number < mapping.header_row
        for v in row.cells
        if isinstance(v, str)
    )

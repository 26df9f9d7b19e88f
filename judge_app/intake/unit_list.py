"""The unit list as the education office sends it: schools with their group and headcounts.

The office keeps its schools in a spreadsheet ("Mã đơn vị | Tên đơn vị | Nhóm | Số CB-GV-NV |
Số HS lớp 6 … lớp 9 | Email"), with a title above the header, headers with or without
diacritics, sometimes "Số học sinh" merged above "Lớp 6 | Lớp 7 | …". The file is read by the
participant-list reader (`read_sheets`: XLSX, XLS, CSV in UTF-8 or Windows-1258, HTML exports)
and its headers normalised as there (`normalise_header`), so both lists accept the same files.

Each problem is reported with its sheet row; a row is never dropped silently. A unit without a
code gets one made from its name ("Trường THCS Khương Đình" → "THCS-KD"), as the demo's codes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from judge_app.core.errors import JudgeAppError
from judge_app.intake.contest_config import (
    CODE_PATTERN,
    CategoryConfig,
    UnitConfig,
    UnitGroupConfig,
)
from judge_app.intake.participants import Problem
from judge_app.intake.participants_columns import HEADER_SEARCH_ROWS, normalise_header
from judge_app.intake.participants_read import Cell, RawRow, RawTable, clean_text, read_sheets

__all__ = ["UNIT_FIELDS", "UnitColumns", "find_unit_columns", "read_unit_list", "unit_code_from"]

UNIT_FIELDS = ("seq", "code", "name", "group", "email", "note")

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("stt", "tt", "so tt", "so thu tu"),
    "code": ("ma don vi", "ma dv", "ma truong", "ma", "ma co so", "ma so", "code", "unit code"),
    "name": (
        "ten don vi",
        "don vi",
        "truong",
        "ten truong",
        "ten co so",
        "co so giao duc",
        "ten co quan",
        "co quan",
        "unit",
        "school",
        "name",
    ),
    "group": ("nhom", "nhom don vi", "loai don vi", "loai", "khoi", "group"),
    "email": ("email", "e mail", "thu dien tu", "dia chi email", "mail"),
    "note": ("ghi chu", "note"),
}
_STAFF = re.compile(
    r"^(so )?(luong )?(cb ?gv ?nv|cbgvnv|cb gv nv|cbql gv nv|cbgv|can bo giao vien nhan vien|"
    r"can bo giao vien|can bo|cb|giao vien|staff)( .*)?$"
)
_GRADE = re.compile(r"^(so )?(luong )?(hs |hoc sinh )?(lop|khoi|grade) ?([6-9])( .*)?$")
_TOTAL = re.compile(r"^(tong cong|tong so|tong|cong)( |$)")
_LEVEL_PREFIXES = ("THPT", "THCS", "TH", "MN", "MG", "PGD", "TTGDTX")


@dataclass(frozen=True)
class UnitColumns:
    """The header row and the columns found: fields, and headcount columns per category."""

    header_row: int
    fields: dict[str, int]
    counts: dict[str, int]  # category code → column


def _field_of(text: str) -> str | None:
    for field, phrases in _SYNONYMS.items():
        if text in phrases:
            return field
    return None


def _count_category(text: str, categories: Sequence[CategoryConfig]) -> str | None:
    grade = _GRADE.match(text)
    if grade:
        for category in categories:
            if category.kind == "student" and category.grade == int(grade.group(5)):
                return category.code
        return None
    if _STAFF.match(text):
        for category in categories:
            if category.kind == "staff":
                return category.code
    return None


def _match(
    row: RawRow, categories: Sequence[CategoryConfig]
) -> tuple[dict[str, int], dict[str, int]]:
    fields: dict[str, int] = {}
    counts: dict[str, int] = {}
    for index, value in enumerate(row.cells):
        if not isinstance(value, str):
            continue
        text = normalise_header(value)
        field = _field_of(text)
        if field is not None and field not in fields:
            fields[field] = index
            continue
        category = _count_category(text, categories)
        if category is not None and category not in counts:
            counts[category] = index
    return fields, counts


def find_unit_columns(table: RawTable, categories: Sequence[CategoryConfig]) -> UnitColumns | None:
    """The header among the first rows: the row naming a unit name column and the most others.

    A "Số học sinh" cell merged above "Lớp 6 | Lớp 7 …" puts the grades on the next row: those
    headcount columns are taken from there.
    """
    best: UnitColumns | None = None
    best_score = 0
    rows = list(table.rows[:HEADER_SEARCH_ROWS])
    for position, row in enumerate(rows):
        fields, counts = _match(row, categories)
        if "name" not in fields:
            continue
        if position + 1 < len(rows):
            below = rows[position + 1]
            sub_fields, sub_counts = _match(below, categories)
            if sub_counts and not sub_fields and set(sub_counts) - set(counts):
                counts = {**sub_counts, **counts}
                row = below
        score = len(fields) + len(counts)
        if score > best_score:
            best, best_score = UnitColumns(row.number, fields, counts), score
    return best


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean_text(str(value))


def _count(value: Cell) -> int | None:
    """A headcount: a whole number ≥ 0 (a blank cell is 0); None when it is not one."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if isinstance(value, int):
        return value if value >= 0 else None
    text = str(value).strip().replace(".", "").replace(",", "").replace(" ", "")
    if text in ("", "-"):
        return 0
    return int(text) if text.isdigit() else None


def _is_number(value: Cell) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and value.strip().replace(".", "").isdigit()


def unit_code_from(name: str) -> str:
    """A short code from a unit's name: the school level, then the initials of the rest.

    "Trường THCS Khương Đình" → "THCS-KD"; "Phòng GD&ĐT quận Thanh Xuân" → "PGD-QTX".
    """
    words = normalise_header(name).upper().split()
    if words and words[0] in ("TRUONG", "PHONG"):
        first = words.pop(0)
        if first == "PHONG" and words[:1] in (["GD"], ["GIAO"]):
            words = [w for w in words if w not in ("GD", "DT", "GIAO", "DUC", "VA", "DAO", "TAO")]
            words.insert(0, "PGD")
    level = ""
    if words and words[0] in _LEVEL_PREFIXES:
        level = words.pop(0)
    elif words[:2] == ["MAM", "NON"]:
        level, words = "MN", words[2:]
    elif words[:2] == ["TIEU", "HOC"]:
        level, words = "TH", words[2:]
    initials = "".join(w[0] for w in words if w and not w.isdigit()) + "".join(
        w for w in words if w.isdigit()
    )
    code = "-".join(part for part in (level, initials[:12]) if part)
    return code or "DV"


def _group_code(text: str, groups: Sequence[UnitGroupConfig]) -> str | None:
    """The group a "Nhóm" cell names: its code or name, or the one group whose name starts
    with the cell's words ("Trường" for "Trường MN, TH, THCS"); None when unclear."""
    wanted = normalise_header(text)
    for group in groups:
        if wanted in (normalise_header(group.code), normalise_header(group.name)):
            return group.code
    starts = [g.code for g in groups if normalise_header(g.name).startswith(wanted + " ")]
    return starts[0] if wanted and len(starts) == 1 else None


def _rows(table: RawTable, columns: UnitColumns) -> list[RawRow]:
    return [row for row in table.rows if row.number > columns.header_row]


def read_unit_list(
    path: Path,
    *,
    groups: Sequence[UnitGroupConfig] = (),
    categories: Sequence[CategoryConfig] = (),
) -> tuple[list[UnitConfig], list[Problem]]:
    """Units from the office's list, and every problem with its row.

    `groups` resolve the "Nhóm" column (by code or name; without groups the text is kept as
    written); `categories` name the headcount columns (default: the seed contest's "staff" and
    "g6".."g9"). A list with no recognisable header raises `unit_list_no_header`.
    """
    path = Path(path)
    categories = categories or _DEFAULT_CATEGORIES
    tables = [t for t in read_sheets(path) if t.rows]
    found = [(t, find_unit_columns(t, categories)) for t in tables]
    usable = [(t, c) for t, c in found if c is not None]
    if not usable:
        raise JudgeAppError("unit_list_no_header", path)
    table, columns = max(usable, key=lambda tc: len(tc[1].fields) + len(tc[1].counts))
    units: list[UnitConfig] = []
    problems: list[Problem] = []
    codes: dict[str, int] = {}
    names: dict[str, int] = {}
    for row in _rows(table, columns):
        unit, row_problems = _read_row(row, columns, groups)
        if unit is None:
            problems.extend(row_problems)
            continue
        if unit.code.casefold() in codes:
            if "code" in columns.fields:
                problems.append(
                    Problem(row.number, "unit_list_duplicate_code", {"code": unit.code})
                )
                continue
            unit = _with_code(unit, _free_code(unit.code, codes))
        key = normalise_header(unit.name)
        if key in names:
            problems.append(
                Problem(
                    row.number, "unit_list_duplicate_name", {"name": unit.name, "first": names[key]}
                )
            )
            continue
        codes[unit.code.casefold()] = row.number
        names[key] = row.number
        problems.extend(row_problems)
        units.append(unit)
    if not units and not problems:
        raise JudgeAppError("list_empty", path)
    return units, problems


def _with_code(unit: UnitConfig, code: str) -> UnitConfig:
    return UnitConfig(code, unit.name, unit.group, unit.headcounts, unit.email)


def _free_code(code: str, taken: dict[str, int]) -> str:
    number = 2
    while f"{code}{number}".casefold() in taken:
        number += 1
    return f"{code}{number}"


def _read_row(
    row: RawRow, columns: UnitColumns, groups: Sequence[UnitGroupConfig]
) -> tuple[UnitConfig | None, list[Problem]]:
    fields = columns.fields
    name = _text(row.cell(fields.get("name")))
    code = _text(row.cell(fields.get("code")))
    counts = {cat: row.cell(index) for cat, index in columns.counts.items()}
    if _TOTAL.match(normalise_header(name)) and not code:
        return None, []  # "Tổng cộng": the sheet's sum row
    if not name:
        if code or any(_is_number(v) for v in counts.values()):
            return None, [Problem(row.number, "unit_list_name_missing")]
        return None, []  # notes or signatures ("Người lập biểu") below the table
    problems: list[Problem] = []
    if code and not CODE_PATTERN.match(code):
        return None, [Problem(row.number, "unit_list_code_bad", {"code": code})]
    code = code or unit_code_from(name)
    headcounts: dict[str, int] = {}
    for category, value in counts.items():
        count = _count(value)
        if count is None:
            problems.append(
                Problem(
                    row.number, "unit_list_count_bad", {"value": _text(value), "category": category}
                )
            )
        elif count or value not in (None, ""):
            headcounts[category] = count
    group_text = _text(row.cell(fields.get("group")))
    group: str | None = group_text or None
    if group_text and groups:
        group = _group_code(group_text, groups)
        if group is None:
            problems.append(Problem(row.number, "unit_list_group_unknown", {"group": group_text}))
            return None, problems
    email = _text(row.cell(fields.get("email")))
    return UnitConfig(code, name, group, headcounts, email), problems


_DEFAULT_CATEGORIES = (
    CategoryConfig("staff", "Cán bộ, giáo viên, nhân viên", "staff"),
    *(CategoryConfig(f"g{g}", f"Học sinh lớp {g}", "student", g) for g in range(6, 10)),
)

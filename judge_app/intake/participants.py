"""Participant lists (danh sách người dự thi) as schools send them, read and checked.

Three steps, each usable alone by the GUI's mapping dialog:

1. `read_table(path)`: the cells of the list's sheet (XLSX, XLS, CSV, or a web portal's HTML
   or Excel 2003 XML "Excel export"), with their sheet row numbers;
2. `guess_mapping(table)`: the header row and the column of each field; the head judge confirms
   or fixes it, and `save_mapping` remembers it for the unit;
3. `parse_participants(table, mapping, reference_date=…)`: one row per person (name, birth date,
   grade, category "staff"/"g6".."g9", unit, contact) and every problem with its row number.

Nothing here writes participants to the database: importing the checked list is the intake
step's job, after the board has seen the problems.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from judge_app.core.errors import JudgeAppError
from judge_app.intake.participants_columns import (
    FIELDS,
    ColumnMapping,
    column_labels,
    column_letter,
    guess_mapping,
    header_texts,
    mapping_fits,
    normalise_header,
    title_text,
)
from judge_app.intake.participants_dates import (
    BirthValue,
    age_on,
    excel_serial_date,
    parse_birth,
    parse_birth_parts,
)
from judge_app.intake.participants_read import (
    LIMITS,
    Cell,
    ListLimits,
    RawRow,
    RawTable,
    clean_text,
    read_sheets,
)

if TYPE_CHECKING:
    from judge_app.store.database import ContestDatabase

__all__ = [
    "FIELDS",
    "GRADES",
    "ColumnMapping",
    "ListLimits",
    "ParticipantList",
    "ParticipantRow",
    "Problem",
    "RawRow",
    "RawTable",
    "category_kind",
    "column_labels",
    "column_letter",
    "excel_serial_date",
    "grade_of",
    "guess_mapping",
    "header_texts",
    "load_mapping",
    "mapping_fits",
    "parse_participants",
    "read_table",
    "save_mapping",
]

GRADES = range(6, 10)  # lower secondary (THCS): grades 6-9
STUDENT_AGES = range(10, 17)  # 10-16 on the reference date: repeaters and early starters
STAFF_MIN_AGE = 18
EARLIEST_BIRTH_YEAR = 1940
STAFF = "staff"

Severity = Literal["error", "warning"]

# Problems the board may accept as they are (the person exists; the list looks odd).
WARNINGS = frozenset(
    {"list_student_age", "list_staff_under_18", "list_same_name", "list_date_swapped"}
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a row of the list: a message code with its parameters."""

    row: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return "warning" if self.code in WARNINGS else "error"

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "code": self.code, "severity": self.severity, **self.params}


@dataclass(frozen=True)
class ParticipantRow:
    """One person as the list gives them; `category` is "staff", "g6".."g9" or None."""

    row: int  # the sheet's row number, as the school sees it in Excel
    full_name: str
    birth_date: dt.date | None = None
    birth_year: int | None = None  # also set when the list gives only the year
    grade: int | None = None
    class_name: str = ""  # as written: "8A3"
    category: str | None = None
    unit: str = ""
    position: str = ""
    phone: str = ""
    email: str = ""
    gender: str = ""
    note: str = ""
    seq: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "full_name": self.full_name,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "birth_year": self.birth_year,
            "grade": self.grade,
            "class_name": self.class_name,
            "category": self.category,
            "unit": self.unit,
            "position": self.position,
            "phone": self.phone,
            "email": self.email,
            "gender": self.gender,
            "note": self.note,
            "seq": self.seq,
        }


@dataclass(frozen=True)
class ParticipantList:
    path: Path
    sheet: str
    mapping: ColumnMapping
    rows: tuple[ParticipantRow, ...]
    problems: tuple[Problem, ...]
    footer_row: int | None = None  # where the signatures begin (nothing read below)

    def problems_at(self, row: int) -> list[Problem]:
        return [p for p in self.problems if p.row == row]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def counts(self) -> dict[str, int]:
        """People per category ("staff", "g6".."g9", "unknown")."""
        result: dict[str, int] = defaultdict(int)
        for row in self.rows:
            result[row.category or "unknown"] += 1
        return dict(result)


def read_table(path: Path, *, sheet: str | None = None, limits: ListLimits = LIMITS) -> RawTable:
    """The sheet holding the list: `sheet` if named, else the one whose header looks best."""
    tables = read_sheets(Path(path), limits)
    if sheet is not None:
        for table in tables:
            if table.sheet == sheet:
                return table
        raise JudgeAppError("list_sheet_missing", path, sheet=sheet)
    best = max(tables, key=lambda t: (guess_mapping(t).confidence, bool(t.rows)))
    if best.rows:
        return best
    return next(t for t in tables if t.rows)  # read_sheets refuses a list with no rows at all


# --- categories and grades -------------------------------------------------------------------

_STAFF_TOKENS = frozenset({"cb", "gv", "nv", "cbql", "cbgv", "cbgvnv", "ql", "bgh", "cbnv", "gvnv"})
_STAFF_PHRASES = (
    "can bo",
    "giao vien",
    "nhan vien",
    "quan ly",
    "ban giam hieu",
    "hieu truong",
    "pho hieu truong",
    "hieu pho",
    "chuyen vien",
    "to truong",
    "tong phu trach",
    "ke toan",
    "van thu",
    "thu vien",
    "y te",
    "bao ve",
    "lao cong",
    "phuc vu",
)
_STUDENT_PHRASES = ("hoc sinh", "hs", "lop", "khoi")


def category_kind(text: str) -> tuple[str | None, int | None]:
    """("staff" | "student" | None, grade found in the text) for a category/section text."""
    words = normalise_header(text)
    if not words:
        return None, None
    # Section headings are often numbered: "I. Cán bộ quản lý", "2. Học sinh khối 7".
    words = re.sub(r"^(?:[ivx]+|\d{1,2}|[a-d])\s+(?=[a-z])", "", words)
    tokens = words.split()
    if set(tokens) <= _STAFF_TOKENS or _starts_with(words, _STAFF_PHRASES):
        return STAFF, None
    if _starts_with(words, _STUDENT_PHRASES) or re.match(r"(lop|khoi)\d", words):
        return "student", grade_of(words)
    return None, None


def _starts_with(words: str, phrases: tuple[str, ...]) -> bool:
    """Whole words only: "lop 8" is a class, "loc" is not."""
    return f"{words} ".startswith(tuple(f"{p} " for p in phrases))


def grade_of(value: Cell) -> int | None:
    """8 from 8, "8", "8A3", "Lớp 8A", "Khối 8", "HS lớp 8"; None when no number is there."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    if isinstance(value, dt.date):
        return None
    match = re.search(r"(?<!\d)(\d{1,2})(?!\d)", normalise_header(value))
    return int(match.group(1)) if match else None


# --- reading one row -----------------------------------------------------------------------

_FOOTER = re.compile(
    r"^(nguoi lap|hieu truong|thu truong|xac nhan|ky ghi ro|ky va ghi ro|ky ten|ky ho ten|"
    r"ky dong dau|an dinh danh sach|danh sach nay co|danh sach co|danh sach gom)"
    r"|ngay (\d{1,2} )?thang (\d{1,2} )?nam \d{4}$"
)
# "Tổng cộng: 35", "Cộng khối 6: 30": totals, possibly between sections, never people.
_TOTAL = re.compile(r"^(tong cong|tong so|tong|cong)( |$)")


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return clean_text(str(value))


def _phone(value: Cell) -> str:
    text = _text(value)
    # A phone typed into a number cell loses its leading 0 (0912 345 678 -> 912345678).
    if isinstance(value, int | float) and re.fullmatch(r"[1-9]\d{8}", text):
        return "0" + text
    return text


def _is_numbering(row: RawRow) -> bool:
    """A "(1) (2) (3)…" row under the header, numbering the columns."""
    values = [_text(v) for v in row.cells if v not in (None, "")]
    numbers = [re.fullmatch(r"\(?(\d{1,2})\)?", v) for v in values]
    if len(values) < 3 or not all(numbers):
        return False
    ints = [int(m.group(1)) for m in numbers if m]
    return ints[0] == 1 and all(b > a for a, b in itertools.pairwise(ints))


@dataclass
class _Context:
    """What the rows read so far say about the ones below (section headings, the title)."""

    kind: str | None = None
    grade: int | None = None


# Columns whose text may look like a signature block ("Hiệu trưởng", "ngày 5 tháng 9 năm 2007").
_NOT_FOOTER = (
    "position",
    "category",
    "note",
    "birth_date",
    "birth_date_male",
    "birth_date_female",
    "birth_year",
)
_BIRTH_COLUMNS = (("birth_date", ""), ("birth_date_male", "Nam"), ("birth_date_female", "Nữ"))


class _RowReader:
    def __init__(self, table: RawTable, mapping: ColumnMapping, reference: dt.date) -> None:
        self.mapping = mapping
        self.columns = mapping.fields
        self.reference = reference
        kind, grade = category_kind(_title_kind_text(title_text(table, mapping)))
        self.context = _Context(kind, grade)

    def value(self, row: RawRow, name: str) -> Cell:
        return row.cell(self.columns.get(name))

    def text(self, row: RawRow, name: str) -> str:
        return _text(self.value(row, name))

    def name(self, row: RawRow) -> str:
        full = self.text(row, "full_name")
        if full:
            return full
        return " ".join(p for p in (self.text(row, "last_name"), self.text(row, "first_name")) if p)

    def birth(self, row: RawRow) -> tuple[BirthValue, str]:
        """The birth value and the sex implied by a "Nam | Nữ" pair of date columns."""
        for name, sex in _BIRTH_COLUMNS:
            value = self.value(row, name)
            if value not in (None, ""):
                return parse_birth(value, self.reference), sex
        if "birth_day" not in self.columns and "birth_month" not in self.columns:
            # A "Năm sinh" column alone: staff lists write 1975 or a whole date there.
            return parse_birth(self.value(row, "birth_year"), self.reference), ""
        day, month, year = (self.value(row, f) for f in ("birth_day", "birth_month", "birth_year"))
        return parse_birth_parts(day, month, year, self.reference), ""

    def is_footer(self, row: RawRow) -> bool:
        if _seq_number(self.text(row, "seq")):
            return False
        skip = {self.columns.get(f) for f in _NOT_FOOTER}
        return any(
            index not in skip and isinstance(value, str) and _FOOTER.search(normalise_header(value))
            for index, value in enumerate(row.cells)
        )

    def is_total(self, row: RawRow) -> bool:
        return any(_TOTAL.match(normalise_header(self.value(row, f))) for f in ("seq", "full_name"))

    def section(self, row: RawRow) -> bool:
        """A heading row ("Khối 6", "II. Giáo viên"): remember it for the rows below."""
        filled = [(i, v) for i, v in enumerate(row.cells) if v not in (None, "")]
        if len(filled) != 1 or not isinstance(filled[0][1], str):
            return False
        kind, grade = category_kind(filled[0][1])
        if kind is None:
            return False
        self.context = _Context(kind, grade)
        return True

    def has_content(self, row: RawRow) -> bool:
        return any(row.cell(c) not in (None, "") for c in self.columns.values())


def _title_kind_text(title: str) -> str:
    """ "hoc sinh" or "can bo" when the title names one kind of participant only."""
    student = "hoc sinh" in title
    staff = any(p in title for p in ("can bo", "giao vien", "nhan vien", "cbgv"))
    if student and not staff:
        return "hoc sinh"
    if staff and not student:
        return "can bo"
    return ""


def _seq_number(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,5}\.?", text))


def _category(
    reader: _RowReader, row: RawRow, grade: int | None
) -> tuple[str | None, int | None, Problem | None]:
    """(category, grade, problem) from the category cell, position, grade, section or title."""
    written = reader.text(row, "category")
    kind, text_grade = category_kind(written) if written else (None, None)
    if written and kind is None:
        return None, grade, Problem(row.number, "list_category_unknown", {"value": written})
    grade = grade if grade is not None else text_grade
    if kind is None:
        position = normalise_header(reader.text(row, "position"))
        if position and not position.startswith(("hoc sinh", "lop truong", "hs")):
            kind = STAFF
        elif grade is not None:
            kind = "student"
        else:
            kind = reader.context.kind
            grade = reader.context.grade if reader.context.kind == "student" else None
    if kind == STAFF:
        return STAFF, grade, None
    if kind == "student":
        if grade is None:
            return None, None, Problem(row.number, "list_grade_missing")
        if grade not in GRADES:
            return None, grade, Problem(row.number, "list_grade_outside", {"grade": grade})
        return f"g{grade}", grade, None
    return None, grade, Problem(row.number, "list_category_missing")


def _birth_problems(
    row: int, birth: BirthValue, category: str | None, ref: dt.date
) -> list[Problem]:
    problems = []
    if birth.problem is not None:
        problems.append(Problem(row, birth.problem, dict(birth.params)))
    if birth.year is None:
        return problems
    shown = birth.date.strftime("%d/%m/%Y") if birth.date else str(birth.year)
    if (birth.date or dt.date(birth.year, 1, 1)) > ref:
        return [*problems, Problem(row, "list_date_future", {"date": shown})]
    if birth.year < EARLIEST_BIRTH_YEAR:
        return [*problems, Problem(row, "list_date_too_early", {"date": shown})]
    age = age_on(birth, ref)
    if age is None:
        return problems
    if category is not None and category != STAFF and age not in STUDENT_AGES:
        problems.append(Problem(row, "list_student_age", {"date": shown, "age": age}))
    elif category == STAFF and age < STAFF_MIN_AGE:
        problems.append(Problem(row, "list_staff_under_18", {"date": shown, "age": age}))
    return problems


def _rows_after_header(table: RawTable, mapping: ColumnMapping) -> Iterator[RawRow]:
    start = mapping.header_row or 0
    yield from (row for row in table.rows if row.number > start)


def parse_participants(
    table: RawTable,
    mapping: ColumnMapping,
    *,
    reference_date: dt.date,
    unit: str = "",
) -> ParticipantList:
    """The people on the list and its problems; `unit` fills rows without a unit column.

    `reference_date` is the day ages are counted on (the contest's deadline, e.g. 20/08/2019).
    """
    if mapping.header_row is None or not any(mapping.column(f) is not None for f in _NAMES):
        raise JudgeAppError("list_no_header", table.path, sheet=table.sheet)
    reader = _RowReader(table, mapping, reference_date)
    rows: list[ParticipantRow] = []
    problems: list[Problem] = []
    footer: int | None = None
    for raw in _rows_after_header(table, mapping):
        if reader.is_footer(raw):
            footer = raw.number
            break
        if (
            _is_numbering(raw)
            or reader.is_total(raw)
            or reader.section(raw)
            or not reader.has_content(raw)
        ):
            continue
        person, found = _read_row(reader, raw, unit)
        rows.append(person)
        problems.extend(found)
    problems.extend(_duplicates(rows))
    problems.sort(key=lambda p: (p.row, p.code))
    return ParticipantList(table.path, table.sheet, mapping, tuple(rows), tuple(problems), footer)


_NAMES = ("full_name", "last_name", "first_name")


def _read_row(reader: _RowReader, raw: RawRow, unit: str) -> tuple[ParticipantRow, list[Problem]]:
    problems: list[Problem] = []
    name = reader.name(raw)
    if not name:
        problems.append(Problem(raw.number, "list_name_missing"))
    class_name = reader.text(raw, "grade")
    category, grade, category_problem = _category(reader, raw, grade_of(reader.value(raw, "grade")))
    birth, sex = reader.birth(raw)
    problems.extend(_birth_problems(raw.number, birth, category, reader.reference))
    if category_problem is not None:
        problems.append(category_problem)
    person = ParticipantRow(
        row=raw.number,
        full_name=name,
        birth_date=birth.date,
        birth_year=birth.year,
        grade=grade,
        class_name=class_name,
        category=category,
        unit=reader.text(raw, "unit") or unit,
        position=reader.text(raw, "position"),
        phone=_phone(reader.value(raw, "phone")),
        email=reader.text(raw, "email"),
        gender=reader.text(raw, "gender") or sex,
        note=reader.text(raw, "note"),
        seq=reader.text(raw, "seq"),
    )
    return person, problems


def _identity(person: ParticipantRow) -> tuple[Any, ...]:
    """Everything but the row's number, sequence number and note."""
    return (
        person.full_name.casefold(),
        person.birth_date,
        person.birth_year,
        person.class_name.casefold(),
        person.category,
        person.unit.casefold(),
        person.position.casefold(),
        person.phone,
        person.email.casefold(),
        person.gender.casefold(),
    )


def _duplicates(rows: Sequence[ParticipantRow]) -> list[Problem]:
    """Exact repeats (errors) and namesakes: different people with one name (warnings)."""
    problems: list[Problem] = []
    by_name: dict[str, list[ParticipantRow]] = defaultdict(list)
    for person in rows:
        if person.full_name:
            by_name[person.full_name.casefold()].append(person)
    for people in by_name.values():
        if len(people) < 2:
            continue
        first_of: dict[tuple[Any, ...], ParticipantRow] = {}
        distinct: list[ParticipantRow] = []
        for person in people:
            key = _identity(person)
            if key in first_of:
                problems.append(
                    Problem(person.row, "list_duplicate_row", {"other": first_of[key].row})
                )
            else:
                first_of[key] = person
                distinct.append(person)
        if len(distinct) > 1:
            for person in distinct:
                others = ", ".join(str(p.row) for p in distinct if p is not person)
                problems.append(
                    Problem(
                        person.row, "list_same_name", {"name": person.full_name, "rows": others}
                    )
                )
    return problems


# --- remembered mappings -----------------------------------------------------------------------

MAPPING_KEY_PREFIX = "list_mapping:"


def _mapping_key(unit_code: str) -> str:
    key = f"{MAPPING_KEY_PREFIX}{unit_code}"
    if not unit_code or len(key) > 64:  # meta.key is VARCHAR(64)
        raise JudgeAppError("list_unit_code_bad", None, unit=unit_code)
    return key


def save_mapping(
    db: ContestDatabase, unit_code: str, mapping: ColumnMapping, *, actor: str = "board"
) -> None:
    """Remember the board's confirmed mapping for `unit_code` (with an audit row)."""
    from judge_app.store import audit  # SQLAlchemy only when a contest file is open
    from judge_app.store.models import Meta

    key = _mapping_key(unit_code)
    with db.session() as session, session.begin():
        row = session.get(Meta, key)
        before = None if row is None else _stored(row.value)
        if before == mapping.to_dict():
            return
        if row is None:
            session.add(Meta(key=key, value=mapping.to_json()))
        else:
            row.value = mapping.to_json()
        session.flush()
        audit.record(
            session,
            actor=actor,
            action="set_list_mapping",
            entity="meta",
            entity_key=key,
            before=before,
            after=mapping.to_dict(),
        )


def _stored(value: str) -> dict[str, Any] | None:
    try:
        return ColumnMapping.from_json(value).to_dict()
    except ValueError:
        return {"unreadable": value}


def load_mapping(db: ContestDatabase, unit_code: str) -> ColumnMapping | None:
    """The mapping remembered for `unit_code`, None when there is none."""
    from judge_app.store.models import Meta

    key = _mapping_key(unit_code)
    with db.read_session() as session:
        row = session.get(Meta, key)
        value = None if row is None else row.value
    if value is None:
        return None
    try:
        return ColumnMapping.from_json(value)
    except ValueError as exc:
        raise JudgeAppError("list_mapping_unreadable", db.path, unit=unit_code) from exc

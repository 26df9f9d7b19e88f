"""Scores typed into a spreadsheet (a judge who graded on paper, a script) into the workspace.

All or nothing: every row is applied inside ONE write transaction through the same change
builders as the grading window (same checks, same audit rows, revisions of submitted entries),
every problem is collected with its row number, and if there is any the transaction is rolled
back, so a file with one bad cell imports nothing.

Columns (header row found among the first rows, names compared without diacritics or case):
- the entry code: "code", "số phách", "mã bài", "phách";
- one per criterion: its code or its name ("ND", "Nội dung");
- one per multiple-choice question, optional: "Câu 1", "Cau1", "Q1", "Question 1"; the cell is
  the option, or "-" / "trống" for an answer left blank;
- "nhận xét" / "comment", optional: the overall comment;
- "tổng" / "total", optional: checked against the computed total (a typo catcher).
An empty cell changes nothing (it never clears a stored value). Scores accept `7,5` and `7.5`
and spreadsheet numbers. A header the app does not know is an error, never a skipped column.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.intake.participants_read import Cell, RawRow, RawTable, read_sheets
from judge_app.store import audit
from judge_app.store.database import ContestDatabase
from judge_app.store.grading import (
    BLANK,
    GradingState,
    Rubric,
    _apply_on,
    _ChangeFn,
    _Context,
    _context,
    _fold,
    _locate,
    _set_answer_change,
    _set_comment_change,
    _set_score_change,
    _state,
    _submit_on,
)

__all__ = ["ImportReport", "RowProblem", "ScoresImportError", "import_scores"]

IMPORT_ACTION = "scores.import"
HEADER_SEARCH_ROWS = 15

_CODE_HEADERS = {"code", "sophach", "phach", "mabai", "maphach", "ma"}
_COMMENT_HEADERS = {"comment", "nhanxet", "nhanxetchung", "ghichu"}
_TOTAL_HEADERS = {"total", "tong", "tongdiem", "diem", "diemtong"}
_BLANK_CELLS = {"-", "trong", "botrong", "blank", "khongtraloi"}
_QUESTION_HEADER = re.compile(r"^(?:cau|q|question|cauhoi)(\d{1,3})$")


@dataclass(frozen=True)
class RowProblem:
    """Why one row (or the header, `column` None for the whole row) cannot be imported."""

    row: int
    column: str | None
    error: JudgeAppError


class ScoresImportError(JudgeAppError):
    """The file had problems; nothing was imported. `problems` lists each with its row."""

    def __init__(self, path: Path, problems: list[RowProblem]) -> None:
        super().__init__("scores_import_rejected", path, count=len(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class ImportReport:
    path: Path
    sheet: str
    rows: int
    scores: int
    answers: int
    comments: int
    submitted: int


def _key(text: str) -> str:
    """A header as compared: no diacritics, no case, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", _fold(text))


@dataclass
class _Columns:
    code: int
    header_row: int
    criteria: dict[int, int] = field(default_factory=dict)  # column -> criterion id
    questions: dict[int, int] = field(default_factory=dict)  # column -> question id
    comment: int | None = None
    total: int | None = None
    names: dict[int, str] = field(default_factory=dict)  # column -> header as written


def _find_header(table: RawTable) -> RawRow | None:
    for row in table.rows[:HEADER_SEARCH_ROWS]:
        if any(isinstance(c, str) and _key(c) in _CODE_HEADERS for c in row.cells):
            return row
    return None


def _columns(
    table: RawTable, header: RawRow, rubric: Rubric, problems: list[RowProblem]
) -> _Columns:
    criteria = {}
    for criterion in rubric.criteria:
        criteria[_key(criterion.code)] = criterion.id
        criteria.setdefault(_key(criterion.name), criterion.id)
    questions = {q.number: q.id for q in rubric.questions}
    columns = _Columns(code=-1, header_row=header.number)
    taken: dict[str, int] = {}
    for index, cell in enumerate(header.cells):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        text = str(cell).strip()
        key = _key(text)
        columns.names[index] = text
        target: str
        question = _QUESTION_HEADER.match(key)
        if key in _CODE_HEADERS:
            target, columns.code = "code", index
        elif key in criteria:
            target = f"criterion {criteria[key]}"
            columns.criteria[index] = criteria[key]
        elif question is not None and int(question.group(1)) in questions:
            target = f"question {question.group(1)}"
            columns.questions[index] = questions[int(question.group(1))]
        elif key in _COMMENT_HEADERS:
            target, columns.comment = "comment", index
        elif key in _TOTAL_HEADERS:
            target, columns.total = "total", index
        else:
            problems.append(
                RowProblem(
                    header.number,
                    text,
                    JudgeAppError(
                        "scores_import_column_unknown",
                        table.path,
                        column=text,
                        known=", ".join(c.code for c in rubric.criteria),
                    ),
                )
            )
            continue
        if target in taken:
            problems.append(
                RowProblem(
                    header.number,
                    text,
                    JudgeAppError(
                        "scores_import_column_twice",
                        table.path,
                        column=text,
                        other=columns.names[taken[target]],
                    ),
                )
            )
        taken[target] = index
    return columns


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _points(cell: Cell, path: Path) -> Points | None:
    """A score cell: None when empty; `7,5`, `7.5` and spreadsheet numbers read exactly."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, bool | dt.date):
        raise JudgeAppError("score_invalid", path, value=str(cell))
    if isinstance(cell, int | float):
        try:
            # str() gives the shortest repr: 7.5 stays 7.5, never 7.4999…
            return Points.from_decimal(Decimal(str(cell)))
        except (InvalidOperation, JudgeAppError):
            raise JudgeAppError("score_invalid", path, value=str(cell)) from None
    return Points.parse(str(cell))


@dataclass
class _Counts:
    rows: int = 0
    scores: int = 0
    answers: int = 0
    comments: int = 0
    submitted: int = 0


def import_scores(db: ContestDatabase, path: Path, *, submit: bool = False) -> ImportReport:
    """Apply every row of `path` (CSV/XLSX/XLS) to the workspace, or nothing at all.

    With `submit` each imported entry is also submitted (refused rows are problems too).
    Raises `ScoresImportError` listing every problem by row when anything is wrong.
    """
    path = Path(path)
    context = _context(db)
    tables = read_sheets(path)
    problems: list[RowProblem] = []
    found = next(
        ((table, header) for table in tables if (header := _find_header(table)) is not None),
        None,
    )
    if found is None:
        raise JudgeAppError("scores_import_no_header", path)
    table, header = found
    columns = _columns(table, header, context.rubric, problems)
    if problems:
        raise ScoresImportError(path, problems)
    counts = _Counts()
    seen: dict[str, int] = {}
    with db.write_transaction() as connection:
        for row in table.rows:
            if row.number <= header.number:
                continue
            code = _text(row.cell(columns.code))
            if not code:
                problems.append(
                    RowProblem(row.number, None, JudgeAppError("scores_import_code_missing", path))
                )
                continue
            if code in seen:
                problems.append(
                    RowProblem(
                        row.number,
                        None,
                        JudgeAppError(
                            "scores_import_code_twice", path, entry=code, first=seen[code]
                        ),
                    )
                )
                continue
            seen[code] = row.number
            counts.rows += 1
            _import_row(connection, db, context, path, row, code, columns, submit, counts, problems)
        if problems:
            raise ScoresImportError(path, problems)
        if counts.rows == 0:
            raise JudgeAppError("scores_import_empty", path)
        audit.append(
            connection,
            actor=context.judge_code,
            action=IMPORT_ACTION,
            entity="file",
            entity_key=audit.canonical_json({"name": path.name}) or "",
            before=None,
            after={
                "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                "sheet": table.sheet,
                "rows": counts.rows,
                "scores": counts.scores,
                "answers": counts.answers,
                "comments": counts.comments,
                "submitted": counts.submitted,
            },
        )
    return ImportReport(
        path=path,
        sheet=table.sheet,
        rows=counts.rows,
        scores=counts.scores,
        answers=counts.answers,
        comments=counts.comments,
        submitted=counts.submitted,
    )


def _import_row(
    connection: sqlite3.Connection,
    db: ContestDatabase,
    context: _Context,
    path: Path,
    row: RawRow,
    code: str,
    columns: _Columns,
    submit: bool,
    counts: _Counts,
    problems: list[RowProblem],
) -> None:
    before = len(problems)
    changes: list[tuple[str, _ChangeFn]] = []
    for index, criterion_id in columns.criteria.items():
        try:
            points = _points(row.cell(index), path)
            if points is not None:
                changes.append((columns.names[index], _set_score_change(db, criterion_id, points)))
                counts.scores += 1
        except JudgeAppError as error:
            problems.append(RowProblem(row.number, columns.names[index], error))
    for index, question_id in columns.questions.items():
        text = _text(row.cell(index))
        if not text:
            continue
        chosen = BLANK if _key(text) in _BLANK_CELLS or text == "-" else text
        try:
            changes.append((columns.names[index], _set_answer_change(db, question_id, chosen)))
            counts.answers += 1
        except JudgeAppError as error:
            problems.append(RowProblem(row.number, columns.names[index], error))
    if columns.comment is not None:
        comment = _text(row.cell(columns.comment))
        if comment:
            changes.append((columns.names[columns.comment], _set_comment_change(db, comment)))
            counts.comments += 1
    expected: Points | None = None
    if columns.total is not None:
        try:
            expected = _points(row.cell(columns.total), path)
        except JudgeAppError as error:
            problems.append(RowProblem(row.number, columns.names[columns.total], error))
    if len(problems) > before:
        return
    state: GradingState | None = None
    for column, change in changes:
        try:
            state = _apply_on(connection, db, context, code, change)
        except JudgeAppError as error:
            # An unknown code fails on every change: say it once, for the row.
            problems.append(
                RowProblem(
                    row.number, None if error.code == "grading_entry_unknown" else column, error
                )
            )
            return
    if state is None:
        try:
            state = _state(connection, context, code, _locate(connection, db, context, code))
        except JudgeAppError as error:
            problems.append(RowProblem(row.number, None, error))
            return
    if expected is not None and expected != state.total:
        problems.append(
            RowProblem(
                row.number,
                columns.names.get(columns.total or 0),
                JudgeAppError(
                    "scores_import_total_mismatch",
                    path,
                    entry=code,
                    given=expected.format(),
                    computed=state.total.format(),
                ),
            )
        )
        return
    if submit:
        try:
            _submit_on(connection, db, context, code)
            counts.submitted += 1
        except JudgeAppError as error:
            problems.append(RowProblem(row.number, None, error))

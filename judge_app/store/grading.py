"""A judge's grading workspace: the rubric, the entry list and every change a judge makes.

Qt-free so the grading window, the `scores` command and the tests share one implementation.
Every setter is one committed transaction with its audit row (no Save button: a kill after the
call returns loses nothing), and every setter accepts the value it replaced, so the window's
undo is just another set (``None`` clears a score or an answer).

Rules decided here (issue #6):
- A score lies within 0 … the criterion's maximum on its step grid (0.25 by default); `7,5`
  and `7.5` are both read.
- Multiple-choice answers are scored against the key at once. An answer is recorded as the
  option chosen or as explicitly blank (``""``); ``None`` means "not recorded yet".
- Submitting needs every criterion scored and every question recorded (an option or blank),
  and no blocking flag (`BLOCKING_FLAGS`: the entry is unreadable or has missing pages: it goes
  to the head judge instead). Scores may still be typed on a flagged entry and are kept as a
  draft, so clearing the flag later (the head judge sent the pages) loses nothing.
- Editing a submitted entry is allowed: the change is logged as ``grading.revise`` (before and
  after), the grading's revision rises, and if the change leaves it incomplete or blocked the
  grading returns to draft in the same transaction. The next score file (issue #7) carries a
  higher revision than `ScoreFileRecord` holds.
"""

from __future__ import annotations

import enum
import re
import sqlite3
import unicodedata
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.store import audit
from judge_app.store.database import SQL_DIALECT, ContestDatabase, raise_translated, table_of
from judge_app.store.models import FileKind, Grading, GradingStatus
from judge_app.store.sheet import dump_map, load_int_map, load_text_map
from judge_app.store.stored import stored_now

__all__ = [
    "BLANK",
    "BLOCKING_FLAGS",
    "FLAG_CODES",
    "BankCommentRow",
    "EntryListRow",
    "GradingProgress",
    "GradingState",
    "PageNoteRow",
    "Rubric",
    "RubricCriterion",
    "RubricLevel",
    "RubricQuestion",
    "WorkspaceInfo",
    "add_bank_comment",
    "add_page_note",
    "bank_comments",
    "clear_flag",
    "grading_state",
    "last_position",
    "list_entries",
    "load_rubric",
    "parse_score_text",
    "proposed_answers",
    "remember_position",
    "remove_bank_comment",
    "remove_page_note",
    "score_problem",
    "set_answer",
    "set_comment",
    "set_criterion_comment",
    "set_flag",
    "set_score",
    "submit",
    "workspace_info",
]

FLAG_CODES: tuple[str, ...] = (
    "identity_revealed",
    "suspected_copy",
    "off_topic",
    "wrong_format",
    "unreadable",
    "missing_pages",
)
# With one of these the entry cannot be submitted (it cannot be judged as it stands); scores
# typed meanwhile stay as a draft. The other flags only inform the head judge.
BLOCKING_FLAGS: frozenset[str] = frozenset({"unreadable", "missing_pages"})
# `set_answer(..., BLANK)`: the entrant left the question unanswered (worth 0, but recorded).
BLANK = ""

POSITION_KEY = "grading.position"
BANK_SEEDED_KEY = "grading.bank_seeded"

# Built-in general comments, seeded into a workspace's comment bank on first use.
GENERAL_COMMENTS: tuple[str, ...] = (
    "Bài viết đúng chủ đề, bố cục rõ ràng, mạch lạc.",
    "Nội dung đầy đủ, hiểu biết sâu về dịch vụ công trực tuyến.",
    "Có ví dụ thực tế, liên hệ bản thân tốt.",
    "Trình bày sạch đẹp, đúng thể thức.",
    "Còn mắc lỗi chính tả, diễn đạt.",
    "Nội dung còn sơ sài, chưa trả lời đủ các yêu cầu.",
    "Chưa đúng thể thức trình bày (khổ giấy, phông chữ, cỡ chữ).",
    "Có dấu hiệu sao chép tài liệu.",
)


class GradingProgress(enum.StrEnum):
    """Where a judge is with one entry (the entry list's status column)."""

    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    FLAGGED = "flagged"  # not submitted and carrying a flag for the head judge


@dataclass(frozen=True)
class RubricQuestion:
    id: int
    number: int
    prompt: str
    options: str
    answer: str
    points: Points


@dataclass(frozen=True)
class RubricLevel:
    low: Points
    high: Points
    descriptor: str


@dataclass(frozen=True)
class RubricCriterion:
    id: int
    code: str
    name: str
    guide: str
    maximum: Points
    step: Points
    levels: tuple[RubricLevel, ...]


@dataclass(frozen=True)
class Rubric:
    questions: tuple[RubricQuestion, ...]
    criteria: tuple[RubricCriterion, ...]
    max_total: Points

    def criterion(self, criterion_id: int) -> RubricCriterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)

    def question(self, question_id: int) -> RubricQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass(frozen=True)
class WorkspaceInfo:
    contest_name: str
    judge_code: str
    judge_name: str
    round: int
    entry_count: int


@dataclass(frozen=True)
class EntryListRow:
    code: str
    category: str
    file_kinds: tuple[str, ...]
    format_badge: str | None
    progress: GradingProgress
    total: Points | None
    flagged: bool


@dataclass(frozen=True)
class PageNoteRow:
    id: int
    file_sort: int
    page: int
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class GradingState:
    code: str
    round: int
    status: GradingProgress
    revision: int
    answers: Mapping[int, str]  # question id -> chosen option ("" = left blank)
    scores: Mapping[int, Points]  # criterion id -> points (missing = not scored yet)
    criterion_comments: Mapping[int, str]
    comment: str
    flags: Mapping[str, str]  # flag code -> note
    page_notes: tuple[PageNoteRow, ...]
    choice_points: Points  # multiple-choice part scored against the key
    total: Points  # choice_points + sum of scores
    missing: tuple[str, ...]  # criterion codes and "Câu n" still needed to submit
    blocked_by: tuple[str, ...] = ()  # blocking flags present (submit refused)


@dataclass(frozen=True)
class BankCommentRow:
    id: int
    criterion_id: int | None
    text: str
    origin: str  # "contest" (rubric level descriptor), "app" (built-in) or "judge"


# ---------------------------------------------------------------------------------------------
# Scores typed by the judge


def parse_score_text(text: str) -> Points:
    """`7,5`, `7.5`, ` 7 `: the judge's typing as Points; JudgeAppError("score_invalid")."""
    return Points.parse(text)


def score_problem(points: Points, criterion: RubricCriterion) -> JudgeAppError | None:
    """Why `points` is not allowed for `criterion` (out of 0…max, off the step grid), or None."""
    if points.centi < 0 or points.centi > criterion.maximum.centi:
        return JudgeAppError(
            "score_out_of_range", value=points.format(), maximum=criterion.maximum.format()
        )
    if criterion.step.centi > 0 and points.centi % criterion.step.centi != 0:
        return JudgeAppError("score_off_grid", value=points.format(), step=criterion.step.format())
    return None


# ---------------------------------------------------------------------------------------------
# What the workspace holds (cached per open database: a workspace's rubric never changes)


@dataclass(frozen=True)
class _Context:
    contest_id: int
    contest_name: str
    judge_id: int
    judge_code: str
    judge_name: str
    rubric: Rubric


_contexts: weakref.WeakKeyDictionary[ContestDatabase, _Context] = weakref.WeakKeyDictionary()


def _status_processors() -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    column = table_of(Grading).c.status
    impl = column.type.dialect_impl(SQL_DIALECT)
    bind = impl.bind_processor(SQL_DIALECT) or (lambda v: v)
    result = impl.result_processor(SQL_DIALECT, None) or (lambda v: v)
    return bind, result


_BIND_STATUS, _READ_STATUS = _status_processors()
_DRAFT = _BIND_STATUS(GradingStatus.DRAFT)
_SUBMITTED = _BIND_STATUS(GradingStatus.SUBMITTED)


def _read(db: ContestDatabase, sql: str, params: Mapping[str, Any] | None = None) -> list[Any]:
    """Rows read on a fresh pooled connection, outside any write lock."""
    raw = db.engine.raw_connection()
    try:
        driver: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        return driver.execute(sql, dict(params or {})).fetchall()
    finally:
        raw.close()


@contextmanager
def _snapshot(db: ContestDatabase) -> Iterator[sqlite3.Connection]:
    """A deferred (read) transaction on a pooled connection: one consistent view of several
    reads that neither takes nor waits for the write lock."""
    raw = db.engine.raw_connection()
    try:
        driver: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        driver.execute("BEGIN DEFERRED")
        try:
            yield driver
        finally:
            driver.execute("ROLLBACK")
    except sqlite3.Error as exc:
        raise_translated(exc, db.path)
    finally:
        raw.close()


def _context(db: ContestDatabase) -> _Context:
    cached = _contexts.get(db)
    if cached is not None:
        return cached
    contest = _read(db, "SELECT id, name FROM contest ORDER BY id LIMIT 1")
    judges = _read(db, "SELECT id, code, name FROM judge WHERE is_head = 0 ORDER BY id", {})
    if not contest or len(judges) != 1:
        raise JudgeAppError("grading_not_a_workspace", db.path)
    contest_id, contest_name = contest[0]
    judge_id, judge_code, judge_name = judges[0]
    context = _Context(
        contest_id=contest_id,
        contest_name=contest_name,
        judge_id=judge_id,
        judge_code=judge_code,
        judge_name=judge_name,
        rubric=_load_rubric(db, contest_id),
    )
    _contexts[db] = context
    return context


def _load_rubric(db: ContestDatabase, contest_id: int) -> Rubric:
    key = {"contest": contest_id}
    questions = tuple(
        RubricQuestion(qid, number, prompt, options.upper(), answer.upper(), Points(points))
        for qid, number, prompt, options, answer, points in _read(
            db,
            "SELECT id, number, prompt, options, answer, points FROM question "
            "WHERE contest_id = :contest ORDER BY number",
            key,
        )
    )
    levels: dict[int, list[RubricLevel]] = {}
    for criterion_id, low, high, descriptor in _read(
        db,
        "SELECT l.criterion_id, l.low, l.high, l.descriptor FROM criterion_level l "
        "JOIN criterion c ON c.id = l.criterion_id WHERE c.contest_id = :contest "
        "ORDER BY l.low, l.id",
        key,
    ):
        levels.setdefault(criterion_id, []).append(
            RubricLevel(Points(low), Points(high), descriptor)
        )
    criteria = tuple(
        RubricCriterion(
            cid, code, name, guide, Points(maximum), Points(step), tuple(levels.get(cid, ()))
        )
        for cid, code, name, guide, maximum, step in _read(
            db,
            "SELECT id, code, name, guide, maximum, step FROM criterion "
            "WHERE contest_id = :contest ORDER BY sort, id",
            key,
        )
    )
    max_total = Points(
        sum(q.points.centi for q in questions) + sum(c.maximum.centi for c in criteria)
    )
    return Rubric(questions, criteria, max_total)


def load_rubric(db: ContestDatabase) -> Rubric:
    """The contest's multiple-choice questions (with the key) and written-part criteria."""
    return _context(db).rubric


def workspace_info(db: ContestDatabase) -> WorkspaceInfo:
    """Contest, judge, latest round and number of entries: the window's title bar."""
    context = _context(db)
    rows = _read(
        db,
        "SELECT COALESCE(MAX(round), 1), COUNT(DISTINCT entry_id) FROM assignment "
        "WHERE judge_id = :judge",
        {"judge": context.judge_id},
    )
    round_, count = rows[0]
    return WorkspaceInfo(
        contest_name=context.contest_name,
        judge_code=context.judge_code,
        judge_name=context.judge_name,
        round=int(round_),
        entry_count=int(count),
    )


# ---------------------------------------------------------------------------------------------
# Reading a grading


_BADGE_ORDER = {"ok": 0, "scan": 1, "warn": 2, "error": 3}


def _choice_points(rubric: Rubric, answers: Mapping[int, str]) -> Points:
    return Points(sum(q.points.centi for q in rubric.questions if answers.get(q.id) == q.answer))


def _missing(
    rubric: Rubric, answers: Mapping[int, str], scores: Mapping[int, Points]
) -> tuple[str, ...]:
    return tuple(
        [c.code for c in rubric.criteria if c.id not in scores]
        + [f"Câu {q.number}" for q in rubric.questions if q.id not in answers]
    )


def _progress(status: Any, has_content: bool, flagged: bool) -> GradingProgress:
    if status == _SUBMITTED:
        return GradingProgress.SUBMITTED
    if flagged:
        return GradingProgress.FLAGGED
    return GradingProgress.DRAFT if has_content else GradingProgress.NOT_STARTED


def list_entries(db: ContestDatabase) -> list[EntryListRow]:
    """This judge's entries (latest round of each), by code: never a name, school or file name."""
    context = _context(db)
    rubric = context.rubric
    key = {"judge": context.judge_id}
    entries = _read(
        db,
        "SELECT e.id, e.code, COALESCE(c.name, ''), MAX(a.round) FROM entry e "
        "JOIN assignment a ON a.entry_id = e.id AND a.judge_id = :judge "
        "LEFT JOIN category c ON c.id = e.category_id GROUP BY e.id ORDER BY e.code",
        key,
    )
    files: dict[int, list[tuple[str, str | None]]] = {}
    kind_of = {member.name: member.value for member in FileKind}
    for entry_id, kind, badge in _read(
        db, "SELECT entry_id, kind, format_badge FROM entry_file ORDER BY entry_id, sort"
    ):
        files.setdefault(entry_id, []).append((kind_of.get(kind, str(kind).lower()), badge))
    gradings: dict[tuple[int, int], tuple[int, Any, str, str, str]] = {
        (entry_id, round_): (gid, status, comment, scores, answers)
        for gid, entry_id, round_, status, comment, scores, answers in _read(
            db,
            "SELECT id, entry_id, round, status, comment, scores, answers FROM grading "
            "WHERE judge_id = :judge",
            key,
        )
    }
    flagged = {
        gid
        for (gid,) in _read(
            db,
            "SELECT DISTINCT f.grading_id FROM grading_flag f "
            "JOIN grading g ON g.id = f.grading_id WHERE g.judge_id = :judge",
            key,
        )
    }
    rows: list[EntryListRow] = []
    for entry_id, code, category, round_ in entries:
        entry_files = files.get(entry_id, [])
        badges = [badge for _, badge in entry_files if badge]
        grading = gradings.get((entry_id, round_))
        total: Points | None = None
        progress = GradingProgress.NOT_STARTED
        is_flagged = False
        if grading is not None:
            gid, status, comment, scores_text, answers_text = grading
            got_scores, got_answers = load_int_map(scores_text), load_text_map(answers_text)
            is_flagged = gid in flagged
            has_content = bool(got_scores or got_answers or comment or is_flagged)
            progress = _progress(status, has_content, is_flagged)
            if got_scores or got_answers:
                total = _choice_points(rubric, got_answers) + Points(sum(got_scores.values()))
        rows.append(
            EntryListRow(
                code=code,
                category=category,
                file_kinds=tuple(kind for kind, _ in entry_files),
                format_badge=max(badges, key=lambda b: _BADGE_ORDER.get(b, 0)) if badges else None,
                progress=progress,
                total=total,
                flagged=is_flagged,
            )
        )
    return rows


@dataclass
class _Grading:
    """The grading row a change applies to (None id: not created yet), its sheet (store.sheet)
    read with it. A change writes the row and then replaces the field it changed (a new dict,
    never mutated in place), so the state read back in the same transaction needs no query."""

    entry_id: int
    round: int
    id: int | None
    status: Any
    comment: str
    revision: int
    scores: dict[int, int] = field(default_factory=dict)  # criterion id -> hundredths
    answers: dict[int, str] = field(default_factory=dict)  # question id -> option, "" = blank
    criterion_comments: dict[int, str] = field(default_factory=dict)  # only non-empty ones


def _locate(
    connection: sqlite3.Connection, db: ContestDatabase, context: _Context, code: str
) -> _Grading:
    row = connection.execute(
        "SELECT e.id, MAX(a.round) FROM entry e JOIN assignment a ON a.entry_id = e.id "
        "AND a.judge_id = :judge WHERE e.code = :code GROUP BY e.id",
        {"judge": context.judge_id, "code": code},
    ).fetchone()
    if row is None:
        raise JudgeAppError("grading_entry_unknown", db.path, entry=code)
    entry_id, round_ = row
    grading = connection.execute(
        "SELECT id, status, comment, revision, scores, answers, criterion_comments FROM grading "
        "WHERE entry_id = :entry AND judge_id = :judge AND round = :round",
        {"entry": entry_id, "judge": context.judge_id, "round": round_},
    ).fetchone()
    if grading is None:
        return _Grading(entry_id, round_, None, _DRAFT, "", 0)
    grading_id, status, comment, revision, scores, answers, comments = grading
    return _Grading(
        entry_id,
        round_,
        grading_id,
        status,
        comment,
        revision,
        load_int_map(scores),
        load_text_map(answers),
        {cid: text for cid, text in load_text_map(comments).items() if text},
    )


def _state(
    connection: sqlite3.Connection, context: _Context, code: str, grading: _Grading
) -> GradingState:
    rubric = context.rubric
    # Ids ascending, however the sheet was changed in this transaction.
    answers = {qid: grading.answers[qid] for qid in sorted(grading.answers)}
    scores = {cid: Points(grading.scores[cid]) for cid in sorted(grading.scores)}
    comments = {cid: grading.criterion_comments[cid] for cid in sorted(grading.criterion_comments)}
    flags: dict[str, str] = {}
    notes: tuple[PageNoteRow, ...] = ()
    if grading.id is not None:
        key = {"grading": grading.id}
        flags = dict(
            connection.execute(
                "SELECT code, note FROM grading_flag WHERE grading_id = :grading ORDER BY code",
                key,
            ).fetchall()
        )
        notes = tuple(
            PageNoteRow(*row)
            for row in connection.execute(
                "SELECT id, file_sort, page, x, y, text FROM page_note "
                "WHERE grading_id = :grading ORDER BY file_sort, page, id",
                key,
            )
        )
    choice = _choice_points(rubric, answers)
    has_content = bool(answers or scores or comments or grading.comment or flags or notes)
    return GradingState(
        code=code,
        round=grading.round,
        status=_progress(grading.status, has_content, bool(flags)),
        revision=grading.revision,
        answers=answers,
        scores=scores,
        criterion_comments=comments,
        comment=grading.comment,
        flags=flags,
        page_notes=notes,
        choice_points=choice,
        total=choice + Points(sum(p.centi for p in scores.values())),
        missing=_missing(rubric, answers, scores),
        blocked_by=tuple(sorted(BLOCKING_FLAGS & flags.keys())),
    )


def grading_state(db: ContestDatabase, code: str) -> GradingState:
    """Everything this judge has recorded for entry `code` (latest round)."""
    context = _context(db)
    with _snapshot(db) as connection:
        grading = _locate(connection, db, context, code)
        return _state(connection, context, code, grading)


# ---------------------------------------------------------------------------------------------
# Changes: one transaction each, with the audit row


def _ensure_row(
    connection: sqlite3.Connection, context: _Context, grading: _Grading, now: str
) -> int:
    if grading.id is not None:
        return grading.id
    cursor = connection.execute(
        "INSERT INTO grading (entry_id, judge_id, round, status, comment, revision, "
        "created_at, updated_at) VALUES (:entry, :judge, :round, :status, '', 0, :now, :now)",
        {
            "entry": grading.entry_id,
            "judge": context.judge_id,
            "round": grading.round,
            "status": _DRAFT,
            "now": now,
        },
    )
    grading.id = int(cursor.lastrowid or 0)
    audit.append(
        connection,
        actor=context.judge_code,
        action="grading.create",
        entity="grading",
        entity_key=_grading_key(grading.id),
        before=None,
        after={"entry_id": grading.entry_id, "round": grading.round, "status": "draft"},
    )
    return grading.id


def _grading_key(grading_id: int) -> str:
    return f'{{"id":{int(grading_id)}}}'


@dataclass(frozen=True)
class _Change:
    """What a setter changed, for the audit row."""

    action: str
    entity: str
    entity_key: Mapping[str, Any]
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None


_ChangeFn = Callable[[sqlite3.Connection, _Context, _Grading, str], _Change | None]


def _apply(
    db: ContestDatabase,
    code: str,
    change: _ChangeFn,
) -> GradingState:
    """Run `change` in one write transaction, log it, bump the revision; the new state.

    `change` returns None when nothing changed (re-typing a stored value logs nothing). A change
    to a submitted grading is logged as ``grading.revise``, and sends the grading back to draft
    when it leaves it incomplete or blocked.
    """
    context = _context(db)
    with db.write_transaction() as connection:
        return _apply_on(connection, db, context, code, change)


def _apply_on(
    connection: sqlite3.Connection,
    db: ContestDatabase,
    context: _Context,
    code: str,
    change: _ChangeFn,
) -> GradingState:
    """`_apply` inside the caller's write transaction (the import applies many in one)."""
    grading = _locate(connection, db, context, code)
    now = stored_now()
    done = change(connection, context, grading, now)
    if done is not None:
        assert grading.id is not None
        action, after = done.action, dict(done.after or {})
        if grading.status == _SUBMITTED:
            action = "grading.revise"
            after["change"] = done.action
            state = _state(connection, context, code, grading)
            if state.missing or state.blocked_by:
                connection.execute(
                    "UPDATE grading SET status = :status, submitted_at = NULL WHERE id = :id",
                    {"status": _DRAFT, "id": grading.id},
                )
                grading.status = _DRAFT
                after["status"] = "draft"
        connection.execute(
            "UPDATE grading SET revision = revision + 1, updated_at = :now WHERE id = :id",
            {"now": now, "id": grading.id},
        )
        grading.revision += 1
        audit.append(
            connection,
            actor=context.judge_code,
            action=action,
            entity=done.entity,
            entity_key=audit.canonical_json(done.entity_key) or "",
            before=done.before,
            after=after,
        )
    return _state(connection, context, code, grading)


def _criterion(db: ContestDatabase, context: _Context, criterion_id: int) -> RubricCriterion:
    criterion = context.rubric.criterion(criterion_id)
    if criterion is None:
        raise JudgeAppError("grading_criterion_unknown", db.path, criterion=criterion_id)
    return criterion


def set_score(
    db: ContestDatabase, code: str, criterion_id: int, points: Points | None
) -> GradingState:
    """Store (or with None clear) one criterion's score, checked against its maximum and step."""
    return _apply(db, code, _set_score_change(db, criterion_id, points))


def _set_score_change(db: ContestDatabase, criterion_id: int, points: Points | None) -> _ChangeFn:
    context = _context(db)
    criterion = _criterion(db, context, criterion_id)
    if points is not None:
        if not isinstance(points, Points):
            raise TypeError(f"scores must be Points, not {type(points).__name__}")
        problem = score_problem(points, criterion)
        if problem is not None:
            raise JudgeAppError(problem.code, db.path, criterion=criterion.code, **problem.params)

    def change(
        connection: sqlite3.Connection, context: _Context, grading: _Grading, now: str
    ) -> _Change | None:
        old = grading.scores.get(criterion_id)
        new = None if points is None else points.centi
        if old == new:
            return None
        grading_id = _ensure_row(connection, context, grading, now)
        # The criterion's comment (criterion_comments) is left as it is: clearing the score
        # keeps it, and it is still there when the score is typed again.
        scores = {cid: centi for cid, centi in grading.scores.items() if cid != criterion_id}
        if new is not None:
            scores[criterion_id] = new
        _write_sheet(connection, grading_id, "scores", dump_map(scores))
        grading.scores = scores
        return _Change(
            "grading.score",
            "criterion_score",
            {"grading_id": grading_id, "criterion_id": criterion_id},
            None if old is None else {"points": old},
            None if new is None else {"points": new},
        )

    return change


# One statement per sheet column (the column names are fixed here, never from input).
_WRITE_SHEET = {
    column: f"UPDATE grading SET {column} = :value WHERE id = :id"
    for column in ("scores", "answers", "criterion_comments")
}


def _write_sheet(connection: sqlite3.Connection, grading_id: int, column: str, text: str) -> None:
    """Store one column of the grading's sheet (`text`: `store.sheet.dump_map`'s spelling)."""
    connection.execute(_WRITE_SHEET[column], {"value": text, "id": grading_id})


def _meta_set(connection: sqlite3.Connection, key: str, value: str) -> None:
    connection.execute(
        "INSERT INTO meta (key, value) VALUES (:key, :value) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        {"key": key, "value": value},
    )


def set_answer(
    db: ContestDatabase, code: str, question_id: int, chosen: str | None
) -> GradingState:
    """Record the option the entrant chose (`BLANK` = left blank; None = not recorded)."""
    return _apply(db, code, _set_answer_change(db, question_id, chosen))


def _set_answer_change(db: ContestDatabase, question_id: int, chosen: str | None) -> _ChangeFn:
    context = _context(db)
    question = context.rubric.question(question_id)
    if question is None:
        raise JudgeAppError("grading_question_unknown", db.path, question=question_id)
    new = None if chosen is None else chosen.strip().upper()
    if new is not None and new != BLANK and (len(new) != 1 or new not in question.options):
        raise JudgeAppError(
            "answer_not_an_option",
            db.path,
            value=chosen,
            number=question.number,
            options=", ".join(question.options),
        )

    def change(
        connection: sqlite3.Connection, context: _Context, grading: _Grading, now: str
    ) -> _Change | None:
        old = grading.answers.get(question_id)
        if old == new:
            return None
        grading_id = _ensure_row(connection, context, grading, now)
        answers = {qid: chosen for qid, chosen in grading.answers.items() if qid != question_id}
        if new is not None:
            answers[question_id] = new
        _write_sheet(connection, grading_id, "answers", dump_map(answers))
        grading.answers = answers
        return _Change(
            "grading.answer",
            "choice_answer",
            {"grading_id": grading_id, "question_id": question_id},
            None if old is None else {"chosen": old},
            None if new is None else {"chosen": new},
        )

    return change


def set_criterion_comment(
    db: ContestDatabase, code: str, criterion_id: int, text: str
) -> GradingState:
    """The judge's comment on one criterion ("" clears it), kept whether or not it is scored."""
    return _apply(db, code, _set_criterion_comment_change(db, criterion_id, text))


def _set_criterion_comment_change(db: ContestDatabase, criterion_id: int, text: str) -> _ChangeFn:
    context = _context(db)
    _criterion(db, context, criterion_id)

    def change(
        connection: sqlite3.Connection, context: _Context, grading: _Grading, now: str
    ) -> _Change | None:
        old = grading.criterion_comments.get(criterion_id, "")
        if old == text:
            return None
        grading_id = _ensure_row(connection, context, grading, now)
        comments = {
            cid: comment
            for cid, comment in grading.criterion_comments.items()
            if cid != criterion_id
        }
        if text:
            comments[criterion_id] = text
        _write_sheet(connection, grading_id, "criterion_comments", dump_map(comments))
        grading.criterion_comments = comments
        return _Change(
            "grading.criterion_comment",
            "criterion_score",
            {"grading_id": grading_id, "criterion_id": criterion_id},
            {"comment": old},
            {"comment": text},
        )

    return change


def set_comment(db: ContestDatabase, code: str, text: str) -> GradingState:
    """The judge's overall comment on the entry ("" clears it)."""
    return _apply(db, code, _set_comment_change(db, text))


def _set_comment_change(db: ContestDatabase, text: str) -> _ChangeFn:

    def change(
        connection: sqlite3.Connection, context: _Context, grading: _Grading, now: str
    ) -> _Change | None:
        old = grading.comment
        if old == text:
            return None
        grading_id = _ensure_row(connection, context, grading, now)
        connection.execute(
            "UPDATE grading SET comment = :comment WHERE id = :id",
            {"comment": text, "id": grading_id},
        )
        grading.comment = text
        return _Change(
            "grading.comment", "grading", {"id": grading_id}, {"comment": old}, {"comment": text}
        )

    return change


def _check_flag(db: ContestDatabase, flag: str) -> None:
    if flag not in FLAG_CODES:
        raise JudgeAppError("grading_flag_unknown", db.path, flag=flag, known=", ".join(FLAG_CODES))


def set_flag(db: ContestDatabase, code: str, flag: str, note: str) -> GradingState:
    """Raise (or re-word) a flag for the head judge, with a short note."""
    return _apply(db, code, _set_flag_change(db, flag, note))


def _set_flag_change(db: ContestDatabase, flag: str, note: str) -> _ChangeFn:
    _check_flag(db, flag)

    def change(
        connection: sqlite3.Connection, context: _Context, grading: _Grading, now: str
    ) -> _Change | None:
        old = None
        if grading.id is not None:
            row = connection.execute(
                "SELECT note FROM grading_flag WHERE grading_id = :grading AND code = :code",
                {"grading": grading.id, "code": flag},
            ).fetchone()
            old = None if row is None else row[0]
        if old == note:
            return None
        grading_id = _ensure_row(connection, context, grading, now)
        connection.execute(
            "INSERT INTO grading_flag (grading_id, code, note) VALUES (:grading, :code, :note) "
            "ON CONFLICT (grading_id, code) DO UPDATE SET note = excluded.note",
            {"grading": grading_id, "code": flag, "note": note},
        )
        return _Change(
            "grading.flag",
            "grading_flag",
            {"grading_id": grading_id, "code": flag},
            None if old is None else {"note": old},
            {"note": note},
        )

    return change


def clear_flag(db: ContestDatabase, code: str, flag: str) -> GradingState:
    """Withdraw a flag (nothing happens if it was not raised)."""
    return _apply(db, code, _clear_flag_change(db, flag))


def _clear_flag_change(db: ContestDatabase, flag: str) -> _ChangeFn:
    _check_flag(db, flag)

    def change(
        connection: sqlite3.Connection, context: _Context, grading: _Grading, now: str
    ) -> _Change | None:
        if grading.id is None:
            return None
        key = {"grading": grading.id, "code": flag}
        row = connection.execute(
            "SELECT note FROM grading_flag WHERE grading_id = :grading AND code = :code", key
        ).fetchone()
        if row is None:
            return None
        connection.execute(
            "DELETE FROM grading_flag WHERE grading_id = :grading AND code = :code", key
        )
        return _Change(
            "grading.unflag",
            "grading_flag",
            {"grading_id": grading.id, "code": flag},
            {"note": row[0]},
            None,
        )

    return change


def add_page_note(
    db: ContestDatabase, code: str, file_sort: int, page: int, x: float, y: float, text: str
) -> GradingState:
    """Pin a short note to a point of a page (x, y: fractions 0–1 of the unrotated page)."""
    return _apply(db, code, _add_page_note_change(db, code, file_sort, page, x, y, text))


def _add_page_note_change(
    db: ContestDatabase, code: str, file_sort: int, page: int, x: float, y: float, text: str
) -> _ChangeFn:
    text = text.strip()
    if not text or not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0) or page < 0 or file_sort < 0:
        raise JudgeAppError("page_note_invalid", db.path, entry=code)

    def change(
        connection: sqlite3.Connection, context: _Context, grading: _Grading, now: str
    ) -> _Change | None:
        grading_id = _ensure_row(connection, context, grading, now)
        cursor = connection.execute(
            "INSERT INTO page_note (grading_id, file_sort, page, x, y, text, created_at) "
            "VALUES (:grading, :file_sort, :page, :x, :y, :text, :now)",
            {
                "grading": grading_id,
                "file_sort": file_sort,
                "page": page,
                "x": float(x),
                "y": float(y),
                "text": text,
                "now": now,
            },
        )
        note = {"file_sort": file_sort, "page": page, "x": str(x), "y": str(y), "text": text}
        return _Change(
            "grading.page_note_add", "page_note", {"id": int(cursor.lastrowid or 0)}, None, note
        )

    return change


def remove_page_note(db: ContestDatabase, code: str, note_id: int) -> GradingState:
    """Remove one of this entry's page notes."""
    return _apply(db, code, _remove_page_note_change(db, code, note_id))


def _remove_page_note_change(db: ContestDatabase, code: str, note_id: int) -> _ChangeFn:

    def change(
        connection: sqlite3.Connection, context: _Context, grading: _Grading, now: str
    ) -> _Change | None:
        row = None
        if grading.id is not None:
            row = connection.execute(
                "SELECT file_sort, page, x, y, text FROM page_note "
                "WHERE id = :id AND grading_id = :grading",
                {"id": note_id, "grading": grading.id},
            ).fetchone()
        if row is None:
            raise JudgeAppError("page_note_unknown", db.path, entry=code, note=note_id)
        connection.execute("DELETE FROM page_note WHERE id = :id", {"id": note_id})
        file_sort, page, x, y, text = row
        before = {"file_sort": file_sort, "page": page, "x": str(x), "y": str(y), "text": text}
        return _Change("grading.page_note_remove", "page_note", {"id": note_id}, before, None)

    return change


def submit(db: ContestDatabase, code: str) -> GradingState:
    """Hand the grading in; refused (listing what is missing) when incomplete or blocked."""
    context = _context(db)
    with db.write_transaction() as connection:
        return _submit_on(connection, db, context, code)


def _submit_on(
    connection: sqlite3.Connection, db: ContestDatabase, context: _Context, code: str
) -> GradingState:
    grading = _locate(connection, db, context, code)
    state = _state(connection, context, code, grading)
    if state.blocked_by:
        raise JudgeAppError(
            "grading_blocked", db.path, entry=code, flags=", ".join(state.blocked_by)
        )
    if state.missing:
        raise JudgeAppError(
            "grading_incomplete", db.path, entry=code, missing=", ".join(state.missing)
        )
    if grading.status == _SUBMITTED:
        return state
    now = stored_now()
    grading_id = _ensure_row(connection, context, grading, now)  # a rubric of nothing too
    connection.execute(
        "UPDATE grading SET status = :status, submitted_at = :now, updated_at = :now, "
        "revision = revision + 1 WHERE id = :id",
        {"status": _SUBMITTED, "now": now, "id": grading_id},
    )
    grading.status = _SUBMITTED
    grading.revision += 1
    audit.append(
        connection,
        actor=context.judge_code,
        action="grading.submit",
        entity="grading",
        entity_key=_grading_key(grading_id),
        before={"status": "draft"},
        after={"status": "submitted", "total": state.total.centi},
    )
    return _state(connection, context, code, grading)


# ---------------------------------------------------------------------------------------------
# Comment bank


_ORIGIN_ORDER = "CASE origin WHEN 'contest' THEN 0 WHEN 'app' THEN 1 ELSE 2 END"


def _seed_bank(db: ContestDatabase, context: _Context) -> None:
    """Built-in general comments and the rubric's level descriptors, once per workspace."""
    if db.read_scalar("SELECT value FROM meta WHERE key = :key", {"key": BANK_SEEDED_KEY}):
        return
    with db.write_transaction() as connection:
        if connection.execute(
            "SELECT value FROM meta WHERE key = :key", {"key": BANK_SEEDED_KEY}
        ).fetchone():
            return
        now = stored_now()
        rows: list[dict[str, Any]] = [
            {"criterion": None, "text": text, "origin": "app", "sort": n, "now": now}
            for n, text in enumerate(GENERAL_COMMENTS)
        ]
        for criterion in context.rubric.criteria:
            for n, level in enumerate(criterion.levels):
                rows.append(
                    {
                        "criterion": criterion.id,
                        "text": level.descriptor,
                        "origin": "contest",
                        "sort": n,
                        "now": now,
                    }
                )
        connection.executemany(
            "INSERT INTO comment_bank (criterion_id, text, origin, sort, created_at) "
            "VALUES (:criterion, :text, :origin, :sort, :now)",
            rows,
        )
        _meta_set(connection, BANK_SEEDED_KEY, "1")
        audit.append(
            connection,
            actor=context.judge_code,
            action="comment_bank.seed",
            entity="comment_bank",
            entity_key="{}",
            before=None,
            after={"comments": len(rows)},
        )


def bank_comments(db: ContestDatabase, criterion_id: int | None) -> list[BankCommentRow]:
    """Reusable comments of one criterion (general ones when None): rubric's first, then the
    built-in ones, then the judge's own, each in the order added."""
    context = _context(db)
    _seed_bank(db, context)
    where = "criterion_id IS NULL" if criterion_id is None else "criterion_id = :criterion"
    return [
        BankCommentRow(*row)
        for row in _read(
            db,
            f"SELECT id, criterion_id, text, origin FROM comment_bank WHERE {where} "
            f"ORDER BY {_ORIGIN_ORDER}, sort, id",
            {"criterion": criterion_id},
        )
    ]


def add_bank_comment(db: ContestDatabase, criterion_id: int | None, text: str) -> BankCommentRow:
    """Add the judge's own reusable comment (the same text twice is kept once)."""
    context = _context(db)
    if criterion_id is not None:
        _criterion(db, context, criterion_id)
    text = text.strip()
    if not text:
        raise JudgeAppError("bank_comment_empty", db.path)
    _seed_bank(db, context)
    where = "criterion_id IS NULL" if criterion_id is None else "criterion_id = :criterion"
    with db.write_transaction() as connection:
        row = connection.execute(
            f"SELECT id, criterion_id, text, origin FROM comment_bank WHERE {where} "
            "AND text = :text",
            {"criterion": criterion_id, "text": text},
        ).fetchone()
        if row is not None:
            return BankCommentRow(*row)
        cursor = connection.execute(
            "INSERT INTO comment_bank (criterion_id, text, origin, sort, created_at) "
            "VALUES (:criterion, :text, 'judge', 0, :now)",
            {"criterion": criterion_id, "text": text, "now": stored_now()},
        )
        comment_id = int(cursor.lastrowid or 0)
        audit.append(
            connection,
            actor=context.judge_code,
            action="comment_bank.add",
            entity="comment_bank",
            entity_key=_grading_key(comment_id),
            before=None,
            after={"criterion_id": criterion_id, "text": text},
        )
        return BankCommentRow(comment_id, criterion_id, text, "judge")


def remove_bank_comment(db: ContestDatabase, comment_id: int) -> None:
    """Remove one of the judge's own comments (the rubric's and built-in ones stay)."""
    context = _context(db)
    with db.write_transaction() as connection:
        row = connection.execute(
            "SELECT criterion_id, text, origin FROM comment_bank WHERE id = :id",
            {"id": comment_id},
        ).fetchone()
        if row is None or row[2] != "judge":
            raise JudgeAppError("bank_comment_not_removable", db.path, comment=comment_id)
        connection.execute("DELETE FROM comment_bank WHERE id = :id", {"id": comment_id})
        audit.append(
            connection,
            actor=context.judge_code,
            action="comment_bank.remove",
            entity="comment_bank",
            entity_key=_grading_key(comment_id),
            before={"criterion_id": row[0], "text": row[1]},
            after=None,
        )


# ---------------------------------------------------------------------------------------------
# Resume position


def last_position(db: ContestDatabase) -> str | None:
    """The entry code the judge was on when the workspace was last used."""
    value = db.read_scalar("SELECT value FROM meta WHERE key = :key", {"key": POSITION_KEY})
    return None if value is None else str(value)


def remember_position(db: ContestDatabase, code: str) -> None:
    """Remember the entry on screen, so a reopened workspace (after a crash) returns to it.

    Window state rather than contest data: not logged in the audit chain.
    """
    with db.write_transaction() as connection:
        _meta_set(connection, POSITION_KEY, code)


# ---------------------------------------------------------------------------------------------
# Answers read from a typed entry


def _fold(text: str) -> str:
    """Lower case without Vietnamese diacritics (đ → d), so "Câu", "câu", "Cau" all match."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


# Within one line only: an option on the next line may be the question's own option list.
_GAP = r"[ \t]*"
_LABEL = r"(?:dap an|tra loi|chon)"
_ANSWER_AFTER = rf"{_GAP}(?:[:.\-–—)=]{_GAP})?(?:{_LABEL}{_GAP}[:.\-–—]?{_GAP})?([a-z])(?![\w])"
_PATTERNS = (
    # "Câu 3: B", "câu 3 - b", "câu3:B", "Cau 3 B", "Câu 3. Đáp án: B"
    re.compile(rf"\bcau{_GAP}(\d{{1,3}})" + _ANSWER_AFTER),
    # "3. B", "3) B", "3: B" at the start of a line
    re.compile(rf"(?m)^{_GAP}(\d{{1,3}}){_GAP}[.):\-–]{_GAP}([a-z])(?![\w])"),
    # a table row "| 3 | B |" or "3<TAB>B"
    re.compile(rf"(?m)^[ \t|]*(?:cau{_GAP})?(\d{{1,3}}){_GAP}[|\t]{_GAP}([a-z])[ \t|]*$"),
    # a two-column table read one cell per line: "3" then "B"
    re.compile(r"(?m)^[ \t|]*(?:cau[ \t]*)?(\d{1,3})[ \t|]*\n[ \t|]*([a-z])[ \t|]*$"),
)
_CELLS = re.compile(r"[|\t]+")
_NUMBER_CELL = re.compile(r"^(?:cau[ \t]*)?(\d{1,3})[.:]?$")
_LETTER_CELL = re.compile(r"^([a-z])[.)]?$")
_HEADER_CELL = re.compile(rf"^(?:cau|cau hoi|{_LABEL}|stt)[ \t:]*$")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELLS.split(line) if cell.strip()]


def _row_of(cells: list[str], pattern: re.Pattern[str]) -> list[str] | None:
    """The cells' captured values when every cell (but a leading label) matches `pattern`."""
    if cells and _HEADER_CELL.match(cells[0]):
        cells = cells[1:]
    found = [pattern.match(cell) for cell in cells]
    if len(cells) < 2 or not all(found):
        return None
    return [match.group(1) for match in found if match is not None]


def _grid_answers(folded: str) -> list[tuple[int, str]]:
    """Answers in a table laid out across: a row of question numbers above a row of options,
    as one line of cells each ("Câu | 1 | 2" / "Đáp án | B | D") or one cell per line."""
    lines = [line.strip() for line in folded.splitlines() if line.strip()]
    pairs: list[tuple[int, str]] = []
    for index, line in enumerate(lines[:-1]):
        numbers = _row_of(_cells(line), _NUMBER_CELL)
        letters = _row_of(_cells(lines[index + 1]), _LETTER_CELL)
        if numbers and letters and len(numbers) == len(letters):
            pairs += [(int(n), o) for n, o in zip(numbers, letters, strict=True)]
    # One cell per line: a run of number lines, an optional label line, as many letter lines.
    kinds = []
    for line in lines:
        number, letter = _NUMBER_CELL.match(line), _LETTER_CELL.match(line)
        kinds.append(
            ("n", number.group(1))
            if number
            else ("l", letter.group(1))
            if letter
            else ("h", "")
            if _HEADER_CELL.match(line)
            else ("x", "")
        )
    index = 0
    while index < len(kinds):
        start = index
        while index < len(kinds) and kinds[index][0] == "n":
            index += 1
        numbers = [value for _, value in kinds[start:index]]
        after = index + 1 if index < len(kinds) and kinds[index][0] == "h" else index
        end = after
        while end < len(kinds) and kinds[end][0] == "l":
            end += 1
        letters = [value for _, value in kinds[after:end]]
        if len(numbers) >= 2 and len(letters) == len(numbers):
            pairs += [(int(n), o) for n, o in zip(numbers, letters, strict=True)]
        index = max(index, start + 1)
    return pairs


def proposed_answers(text: str, questions: Sequence[RubricQuestion]) -> dict[int, str]:
    """Answers read from a typed entry's text: {question id: option}, for the judge to confirm.

    Only options the question offers count; a question for which the text gives two different
    options is left out (never a guess).
    """
    by_number = {q.number: q for q in questions}
    seen: dict[int, set[str]] = {}
    folded = _fold(text)
    found = [
        (int(match.group(1)), match.group(2))
        for pattern in _PATTERNS
        for match in pattern.finditer(folded)
    ]
    for number, option in found + _grid_answers(folded):
        question = by_number.get(number)
        if question is None or option.upper() not in question.options.upper():
            continue
        seen.setdefault(number, set()).add(option.upper())
    return {
        by_number[number].id: next(iter(options))
        for number, options in seen.items()
        if len(options) == 1
    }

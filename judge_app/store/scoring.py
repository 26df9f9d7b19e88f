"""The keystroke path: a judge's score and comment changes, each one committed transaction.

Every change is durable the moment the call returns (WAL + synchronous=FULL), and carries its
audit row (before → after) in the same transaction, so a crash can never keep a score without
its audit trail or the reverse. Speed matters (a judge tabs through criteria typing scores):
statements are SQLAlchemy Core, compiled once to SQL text and run on the raw driver connection
that `ContestDatabase.write_transaction` holds; the ORM and per-statement SQLAlchemy overhead
would cost more than SQLite's own commit.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Text, and_, bindparam, insert, literal_column, select, update

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points, check_score
from judge_app.store import audit
from judge_app.store.database import SQL_DIALECT, ContestDatabase, compile_sql, table_of
from judge_app.store.models import (
    Criterion,
    Entry,
    Grading,
    GradingStatus,
)
from judge_app.store.sheet import EMPTY, dump_map, load_int_map
from judge_app.store.stored import stored_now as stored_now  # re-exported (grading)
from judge_app.store.stored import stored_time as stored_time


def _bind(column: Column[Any], value: Any) -> Any:
    """`value` as SQLAlchemy would store it in `column` (enum names, DATETIME text)."""
    processor = _processor(column)
    return value if processor is None else processor(value)


@functools.cache
def _processor(column: Column[Any]) -> Callable[[Any], Any] | None:
    return column.type.dialect_impl(SQL_DIALECT).bind_processor(SQL_DIALECT)


@dataclass(frozen=True, slots=True)
class _Statements:
    score_context: str
    set_scores: str
    grading_comment: str
    set_grading_comment: str
    find_grading: str
    insert_grading: str
    grading_exists: str


@functools.cache
def _statements() -> _Statements:
    grading, entry = table_of(Grading), table_of(Entry)
    criterion = table_of(Criterion)

    # Maximum and step of the criterion (only if it belongs to the grading's contest) and the
    # grading's scores, in one round trip.
    score_context = (
        select(criterion.c.maximum, criterion.c.step, grading.c.scores)
        .select_from(
            grading.join(entry, entry.c.id == grading.c.entry_id).join(
                criterion,
                and_(
                    criterion.c.id == bindparam("criterion_id"),
                    criterion.c.contest_id == entry.c.contest_id,
                ),
            )
        )
        .where(grading.c.id == bindparam("grading_id"))
    )
    # `revision` counts changes so a merge can tell which copy of a grading is newer.
    set_scores = (
        update(grading)
        .where(grading.c.id == bindparam("grading_id"))
        .values(
            scores=bindparam("scores", type_=Text()),
            revision=grading.c.revision + literal_column("1"),
            updated_at=bindparam("now"),
        )
    )
    set_comment = (
        update(grading)
        .where(grading.c.id == bindparam("grading_id"))
        .values(
            comment=bindparam("comment"),
            revision=grading.c.revision + literal_column("1"),
            updated_at=bindparam("now"),
        )
    )
    find = select(grading.c.id).where(
        grading.c.entry_id == bindparam("entry_id"),
        grading.c.judge_id == bindparam("judge_id"),
        grading.c.round == bindparam("round"),
    )
    insert_grading = insert(grading).values(
        entry_id=bindparam("entry_id"),
        judge_id=bindparam("judge_id"),
        round=bindparam("round"),
        status=bindparam("status"),
        comment=bindparam("comment"),
        revision=bindparam("revision"),
        created_at=bindparam("now"),
        updated_at=bindparam("now"),
    )
    return _Statements(
        score_context=compile_sql(score_context),
        set_scores=compile_sql(set_scores),
        grading_comment=compile_sql(
            select(grading.c.comment).where(grading.c.id == bindparam("grading_id"))
        ),
        set_grading_comment=compile_sql(set_comment),
        find_grading=compile_sql(find),
        insert_grading=compile_sql(insert_grading),
        grading_exists=compile_sql(
            select(grading.c.id).where(grading.c.id == bindparam("grading_id"))
        ),
    )


def _missing(
    connection: sqlite3.Connection, db: ContestDatabase, grading_id: int, criterion_id: int
) -> JudgeAppError:
    exists = connection.execute(_statements().grading_exists, {"grading_id": grading_id}).fetchone()
    if exists is None:
        return JudgeAppError("grading_not_found", db.path, grading=grading_id)
    return JudgeAppError("criterion_not_found", db.path, criterion=criterion_id, grading=grading_id)


# The keystroke path writes these two JSON shapes by hand: they are what `canonical_json`
# gives for them (a test holds the two together), without the general encoder's cost.
def score_key_json(grading_id: int, criterion_id: int) -> str:
    """canonical_json({"grading_id": …, "criterion_id": …}): the audit key of one score."""
    return f'{{"criterion_id":{int(criterion_id)},"grading_id":{int(grading_id)}}}'


def points_json(centi: int) -> str:
    """canonical_json({"points": Points(centi)})."""
    return f'{{"points":{int(centi)}}}'


def set_criterion_score(
    db: ContestDatabase, grading_id: int, criterion_id: int, points: Points, actor: str
) -> None:
    """Store one criterion's score (checked against its maximum and step) with its audit row.

    Re-typing the value already stored changes nothing and logs nothing.
    """
    if not isinstance(points, Points):
        raise TypeError(f"scores must be Points, not {type(points).__name__}")
    sql = _statements()
    key = {"grading_id": grading_id, "criterion_id": criterion_id}
    with db.write_transaction() as connection:
        context = connection.execute(sql.score_context, key).fetchone()
        if context is None:
            raise _missing(connection, db, grading_id, criterion_id)
        maximum, step, stored = context
        check_score(points, Points(maximum), Points(step))
        scores = load_int_map(stored)
        old = scores.get(criterion_id)
        if old == points.centi:
            return
        scores[criterion_id] = points.centi
        connection.execute(
            sql.set_scores,
            {"grading_id": grading_id, "scores": dump_map(scores), "now": stored_now()},
        )
        audit.append_encoded(
            connection,
            actor=actor,
            action="set_score",
            entity="criterion_score",
            entity_key=score_key_json(grading_id, criterion_id),
            before_json=None if old is None else points_json(old),
            after_json=points_json(points.centi),
        )


def set_grading_comment(db: ContestDatabase, grading_id: int, comment: str, actor: str) -> None:
    """Store the judge's overall comment on a grading, with its audit row."""
    sql = _statements()
    key = {"grading_id": grading_id}
    with db.write_transaction() as connection:
        row = connection.execute(sql.grading_comment, key).fetchone()
        if row is None:
            raise JudgeAppError("grading_not_found", db.path, grading=grading_id)
        if row[0] == comment:
            return
        connection.execute(
            sql.set_grading_comment, {**key, "comment": comment, "now": stored_now()}
        )
        audit.append(
            connection,
            actor=actor,
            action="set_comment",
            entity="grading",
            entity_key=audit.canonical_json({"id": grading_id}) or "",
            before={"comment": row[0]},
            after={"comment": comment},
        )


def ensure_grading(
    db: ContestDatabase, entry_id: int, judge_id: int, round: int, *, actor: str = "system"
) -> int:
    """The id of this judge's grading of this entry in this round, created (draft) if new."""
    sql = _statements()
    key = {"entry_id": entry_id, "judge_id": judge_id, "round": round}
    with db.write_transaction() as connection:
        row = connection.execute(sql.find_grading, key).fetchone()
        if row is not None:
            return int(row[0])
        status = _bind(table_of(Grading).c.status, GradingStatus.DRAFT)
        cursor = connection.execute(
            sql.insert_grading,
            {
                **key,
                "status": status,
                "comment": "",
                "revision": 0,
                "now": stored_now(),
                # An empty sheet (the columns' Python default makes them parameters here).
                "scores": EMPTY,
                "answers": EMPTY,
                "criterion_comments": EMPTY,
            },
        )
        grading_id = int(cursor.lastrowid or 0)
        audit.append(
            connection,
            actor=actor,
            action="create",
            entity="grading",
            entity_key=audit.canonical_json({"id": grading_id}) or "",
            before=None,
            after={**key, "status": GradingStatus.DRAFT},
        )
        return grading_id

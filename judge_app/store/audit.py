"""Append-only, hash-chained audit log of every change to contest data.

Each row's hash covers its own fields and the previous row's hash, so editing or removing a row
breaks the chain from that row on. Removing the *last* rows leaves a valid shorter chain, so the
chain head (last id and hash) is also kept in the meta table, written in the same transaction
as the row. The previous hash is read inside the writer's BEGIN IMMEDIATE transaction, so two
processes can never chain onto the same row.

A hash chain shows tampering by anyone who did not recompute every later hash and the head; it
is not a signature (exchange/ signs what leaves the machine).
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import functools
import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import bindparam, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from judge_app.core.scores import Points
from judge_app.store.database import (
    AUDIT_HEAD_KEY,
    GENESIS_HASH,
    ContestDatabase,
    compile_sql,
    connect_sqlite,
    raise_translated,
    table_of,
)
from judge_app.store.models import AuditRow, Meta

__all__ = [
    "GENESIS_HASH",
    "AuditReport",
    "append",
    "append_encoded",
    "canonical_json",
    "record",
    "row_hash",
    "verify",
]


def _json_default(value: Any) -> Any:
    if isinstance(value, Points):
        return value.centi
    if isinstance(value, dt.date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, decimal.Decimal):
        return str(value)
    raise TypeError(f"cannot put {type(value).__name__} in the audit log")


# Built once: json.dumps with options builds a new encoder per call (the keystroke path logs
# every change).
_CANONICAL = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default
)
_FIELDS = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Mapping[str, Any] | None) -> str | None:
    """One spelling per value (sorted keys, no spaces, UTF-8 kept), so hashes are reproducible."""
    if value is None:
        return None
    return _CANONICAL.encode(value)


def row_hash(
    row_id: int,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_key: str,
    before: str | None,
    after: str | None,
    prev_hash: str,
) -> str:
    """sha256 of the row's fields as a JSON array: unambiguous where plain joining is not."""
    payload = _FIELDS.encode(
        [row_id, at, actor, action, entity, entity_key, before, after, prev_hash]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _parse_head(value: str | None) -> tuple[int, str] | None:
    """The stored chain head, or None when it is missing or not of the app's form."""
    if value is None:
        return None
    last_id, _, last_hash = value.partition(" ")
    if not last_id.isdigit() or len(last_hash) != 64:
        return None
    return int(last_id), last_hash


@dataclass(frozen=True, slots=True)
class _Statements:
    read_head: str
    insert_row: str
    write_head: str


@functools.cache
def _statements() -> _Statements:
    """Core statements compiled once to SQL text for the raw connection (hot path)."""
    meta = table_of(Meta)
    write_head = sqlite_insert(meta).values(key=bindparam("key"), value=bindparam("value"))
    write_head = write_head.on_conflict_do_update(
        index_elements=[meta.c.key], set_={"value": write_head.excluded.value}
    )
    return _Statements(
        read_head=compile_sql(select(meta.c.value).where(meta.c.key == bindparam("key"))),
        insert_row=compile_sql(insert(table_of(AuditRow))),
        write_head=compile_sql(write_head),
    )


def append(
    connection: sqlite3.Connection,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_key: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> int:
    """Chain one row onto the log inside the caller's open write transaction; its id.

    Works on the driver connection so the keystroke path and `record` share one implementation.
    """
    return append_encoded(
        connection,
        actor=actor,
        action=action,
        entity=entity,
        entity_key=entity_key,
        before_json=canonical_json(before),
        after_json=canonical_json(after),
    )


def append_encoded(
    connection: sqlite3.Connection,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_key: str,
    before_json: str | None,
    after_json: str | None,
) -> int:
    """`append` for callers that already hold canonical JSON (the keystroke path)."""
    sql = _statements()
    head_row = connection.execute(sql.read_head, {"key": AUDIT_HEAD_KEY}).fetchone()
    head = _parse_head(None if head_row is None else head_row[0]) or (0, GENESIS_HASH)
    row_id, prev_hash = head[0] + 1, head[1]
    at = _now()
    digest = row_hash(
        row_id, at, actor, action, entity, entity_key, before_json, after_json, prev_hash
    )
    connection.execute(
        sql.insert_row,
        {
            "id": row_id,
            "at": at,
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_key": entity_key,
            "before": before_json,
            "after": after_json,
            "prev_hash": prev_hash,
            "hash": digest,
        },
    )
    connection.execute(sql.write_head, {"key": AUDIT_HEAD_KEY, "value": f"{row_id} {digest}"})
    return row_id


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_key: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> AuditRow:
    """Log a change made through an ORM session, in that session's transaction (not committed).

    The session's first statement already took the write lock (BEGIN IMMEDIATE), so reading the
    chain head here is safe against other writers.
    """
    driver = cast(sqlite3.Connection, session.connection().connection.driver_connection)
    row_id = append(
        driver,
        actor=actor,
        action=action,
        entity=entity,
        entity_key=entity_key,
        before=before,
        after=after,
    )
    row = session.get(AuditRow, row_id)
    if row is None:  # pragma: no cover - the insert above just made it
        raise RuntimeError(f"audit row {row_id} vanished")
    return row


@dataclass(frozen=True, slots=True)
class AuditReport:
    """Outcome of `verify`: `reason` is a message code (`audit_ok` or `audit_row_edited`…)."""

    ok: bool
    rows: int
    first_bad_row: int | None
    reason: str


def verify(db: ContestDatabase) -> AuditReport:
    """Walk the whole chain and compare its end with the stored head; the first broken row.

    Reads on its own connection inside one read transaction: a consistent snapshot that does
    not hold the write lock while it hashes.
    """
    connection = connect_sqlite(db.path)
    try:
        connection.execute("BEGIN")
        return _verify(connection)
    except sqlite3.Error as exc:
        raise_translated(exc, db.path)
    finally:
        connection.close()  # ends the read transaction too


def _verify(connection: sqlite3.Connection) -> AuditReport:
    try:
        total = int(connection.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    except sqlite3.OperationalError:  # the table itself was dropped
        return AuditReport(ok=False, rows=0, first_bad_row=1, reason="audit_row_missing")
    if total == 0:
        # Every file starts with its "file.create" row: an empty log was wiped.
        return AuditReport(ok=False, rows=0, first_bad_row=1, reason="audit_row_missing")

    def broken(row: int | None, reason: str) -> AuditReport:
        return AuditReport(ok=False, rows=total, first_bad_row=row, reason=reason)

    expected_id, prev_hash = 1, GENESIS_HASH
    rows = connection.execute(
        "SELECT id, at, actor, action, entity, entity_key, before, after, prev_hash, hash "
        "FROM audit_log ORDER BY id"
    )
    for row_id, at, actor, action, entity, entity_key, before, after, prev, digest in rows:
        if row_id != expected_id:
            # Ids are assigned as head + 1, so a gap is a deleted row (or rows from a forger).
            return broken(expected_id if row_id > expected_id else row_id, "audit_row_missing")
        if prev != prev_hash:
            return broken(row_id, "audit_chain_broken")
        if row_hash(row_id, at, actor, action, entity, entity_key, before, after, prev) != digest:
            return broken(row_id, "audit_row_edited")
        expected_id, prev_hash = row_id + 1, digest
    last_id = expected_id - 1

    head_row = connection.execute(
        "SELECT value FROM meta WHERE key = ?", (AUDIT_HEAD_KEY,)
    ).fetchone()
    head = _parse_head(None if head_row is None else head_row[0])
    if head is None:
        return broken(last_id, "audit_head_missing")
    head_id, head_hash = head
    if head_id > last_id:
        return broken(last_id + 1, "audit_row_missing")  # rows cut off the end
    if head_id < last_id:
        return broken(head_id + 1, "audit_head_mismatch")  # rows added without the app
    if head_hash != prev_hash:
        return broken(head_id, "audit_head_mismatch")
    return AuditReport(ok=True, rows=total, first_bad_row=None, reason="audit_ok")

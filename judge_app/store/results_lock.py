"""The results lock (khoá điểm): final scores frozen before identities are re-attached.

Locking is allowed only when every entry is settled (agreed by the rule, decided, or invalid
by a recorded decision). It stores, in the `meta` table, a SHA-256 digest of every entry's
queue and final score, with an audit row carrying the same digest; `compute_results` refuses
when the scores in the file no longer give that digest, so a change that bypassed the checks
below cannot slip into a prize list.

While locked, `record_decision` and the merge refuse any change to an entry's gradings or
decisions. An appeal (phúc khảo) opens one entry (`unlock_for_appeal`, audited, reason
required); results stay refused until the board locks again, which needs every entry settled
again and records a new digest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, session_driver
from judge_app.store.models import Entry, FileRole, Meta

LOCK_KEY = "results_lock"  # JSON {"digest", "at", "by", "entries", "invalid"}
OPEN_KEY = "results_open"  # JSON [entry codes opened for an appeal]
TIES_KEY = "results_ties"  # JSON [{"pool", "order", "reason", "by", "at"}]: the board's orders
LOCK_ACTION = "results.lock"
UNLOCK_ACTION = "results.unlock_appeal"
SHOWN = 10  # entry codes named in a message


@dataclass(frozen=True, slots=True)
class LockState:
    locked: bool
    digest: str = ""
    at: str = ""
    by: str = ""
    open_codes: frozenset[str] = frozenset()

    @property
    def final(self) -> bool:
        """Locked with no entry open for an appeal: results may be computed."""
        return self.locked and not self.open_codes

    def frozen(self, code: str) -> bool:
        return self.locked and code not in self.open_codes


def _read_meta(connection: sqlite3.Connection, key: str) -> Any:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def state_from_connection(connection: sqlite3.Connection) -> LockState:
    lock = _read_meta(connection, LOCK_KEY)
    if not isinstance(lock, dict):
        return LockState(False)
    opened = _read_meta(connection, OPEN_KEY) or []
    return LockState(
        True,
        str(lock.get("digest", "")),
        str(lock.get("at", "")),
        str(lock.get("by", "")),
        frozenset(str(code) for code in opened),
    )


def lock_state(db: ContestDatabase) -> LockState:
    with db.read_session() as session:
        return state_from_connection(session_driver(session))


def is_locked(db: ContestDatabase) -> bool:
    """True when the results are locked and no entry is open for an appeal."""
    return lock_state(db).final


def results_digest(rows: Iterable[Any]) -> str:
    """SHA-256 over (code, queue, final centi, exact) of every entry, in code order."""
    digest = hashlib.sha256()
    for row in sorted(rows, key=lambda r: r.code):
        final = "" if row.final is None else str(row.final.centi)
        exact = "" if row.exact is None else str(row.exact)
        digest.update(f"{row.code}\t{row.queue.value}\t{final}\t{exact}\n".encode())
    return digest.hexdigest()


def _set_meta(session: Session, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=text))
    else:
        row.value = text


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _codes(codes: Sequence[str]) -> str:
    shown = ", ".join(codes[:SHOWN])
    return shown + (" …" if len(codes) > SHOWN else "")


def lock_results(db: ContestDatabase, *, actor: str) -> str:
    """Freeze every final score; the digest recorded. Refused while any entry is unsettled."""
    from judge_app.store.settlement import Queue, settle_entries

    if db.role is not FileRole.BOARD:
        raise JudgeAppError("results_not_board", db.path)
    with db.session() as session, session.begin():
        # The write lock is taken first, so no merge or decision lands between the check and
        # the digest: the settlement below is read while this transaction holds the writer.
        before = state_from_connection(session_driver(session))
        if before.final:
            raise JudgeAppError("results_already_locked", db.path, at=before.at)
        rows = settle_entries(db)
        if not rows:
            raise JudgeAppError("results_no_entries", db.path)
        settled = {Queue.AGREED, Queue.DECIDED, Queue.INVALID}
        waiting = [row for row in rows if row.queue not in settled]
        if waiting:
            counts = Counter(row.queue.value for row in waiting)
            raise JudgeAppError(
                "results_lock_unsettled",
                db.path,
                count=len(waiting),
                queues=", ".join(f"{queue} {n}" for queue, n in sorted(counts.items())),
                entries=_codes([row.code for row in waiting]),
            )
        digest = results_digest(rows)
        invalid = sum(1 for row in rows if row.queue is Queue.INVALID)
        at = _now()
        _set_meta(
            session,
            LOCK_KEY,
            {"digest": digest, "at": at, "by": actor, "entries": len(rows), "invalid": invalid},
        )
        session.execute(delete(Meta).where(Meta.key == OPEN_KEY))
        audit.record(
            session,
            actor=actor,
            action=LOCK_ACTION,
            entity="results",
            entity_key="*",
            before={"locked": before.locked, "open": sorted(before.open_codes)},
            after={"digest": digest, "entries": len(rows), "invalid": invalid},
        )
    return digest


def unlock_for_appeal(db: ContestDatabase, code: str, *, actor: str, reason: str) -> None:
    """Open one entry of locked results for an appeal; results wait for a new lock."""
    reason = reason.strip()
    if not reason:
        raise JudgeAppError("results_unlock_reason_required", db.path, entry=code)
    with db.session() as session, session.begin():
        state = state_from_connection(session_driver(session))
        if not state.locked:
            raise JudgeAppError("results_not_locked", db.path)
        if session.scalar(select(Entry.id).where(Entry.code == code)) is None:
            raise JudgeAppError("decision_unknown_entry", db.path, entry=code)
        if code in state.open_codes:
            return
        _set_meta(session, OPEN_KEY, sorted(state.open_codes | {code}))
        audit.record(
            session,
            actor=actor,
            action=UNLOCK_ACTION,
            entity="entry",
            entity_key=code,
            before={"digest": state.digest},
            after={"open": True, "reason": reason},
        )


def check_entry_open(db: ContestDatabase, code: str) -> None:
    """Refuse a decision on an entry whose score the lock froze."""
    if lock_state(db).frozen(code):
        raise JudgeAppError("results_locked_entry", db.path, entry=code)


def check_merge_allowed(
    connection: sqlite3.Connection,
    path: Path,
    judge_id: int,
    gradings: Sequence[tuple[Any, ...]],
) -> None:
    """Inside the merge's write transaction: refuse a file that would add or change a grading
    of a frozen entry. `gradings` are the merge plan's rows (entry id, round, status, comment,
    revision, submitted_at); a row equal in status and revision to the stored one is no change.
    """
    state = state_from_connection(connection)
    if not state.locked or not gradings:
        return
    stored = {
        (entry_id, round_): (status, revision)
        for entry_id, round_, status, revision in connection.execute(
            "SELECT entry_id, round, status, revision FROM grading WHERE judge_id = ?",
            (judge_id,),
        )
    }
    changed = {row[0] for row in gradings if stored.get((row[0], row[1])) != (row[2], row[4])}
    if not changed:
        return
    codes = {
        entry_id: code
        for entry_id, code in connection.execute("SELECT id, code FROM entry")
        if entry_id in changed
    }
    frozen = sorted(code for code in codes.values() if state.frozen(code))
    if frozen:
        raise JudgeAppError("results_locked_merge", path, count=len(frozen), entries=_codes(frozen))


def board_orders(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    value = _read_meta(connection, TIES_KEY)
    return [item for item in value or [] if isinstance(item, dict)]


def store_board_order(
    session: Session, pool: str, order: Sequence[str], *, reason: str, actor: str, key: str
) -> None:
    """Keep the board's order for a tie (replacing an earlier order of the same block)."""
    orders = [
        item
        for item in board_orders(session_driver(session))
        if not (item.get("pool") == pool and set(item.get("order", [])) == set(order))
    ]
    orders.append({"pool": pool, "order": list(order), "reason": reason, "by": actor, "at": _now()})
    _set_meta(session, TIES_KEY, orders)
    audit.record(
        session,
        actor=actor,
        action="results.tie_settle",
        entity="tie",
        entity_key=key,
        before=None,
        after={"pool": pool, "order": list(order), "reason": reason},
    )

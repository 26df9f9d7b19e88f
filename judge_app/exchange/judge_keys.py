"""Judges' public keys pinned in the contest file, their replacement, and their status.

The head judge pins each judge's key (`Judge.public_key`, DER, and `Judge.key_fingerprint`,
grouped form) after the judge has read its fingerprint aloud. A lost key is replaced, never
overwritten silently: the replacement's audit row keeps the retired key (fingerprint, DER, the
reason and the time), and `key_status` reads the log so the merge can refuse files signed with a
retired key. No table of its own: the hash-chained audit log already is the permanent,
tamper-evident history this needs.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.exchange import keys
from judge_app.store import audit
from judge_app.store.database import ContestDatabase
from judge_app.store.models import AuditRow, Judge

__all__ = [
    "REGISTER_ACTION",
    "REPLACE_ACTION",
    "KeyStatus",
    "PinnedKey",
    "create_head_key",
    "key_status",
    "register_judge_key",
    "replace_judge_key",
    "retired_fingerprints",
]

REGISTER_ACTION = "judge.key_register"
REPLACE_ACTION = "judge.key_replace"
KeyStatus = Literal["current", "retired", "unknown"]


@dataclass(frozen=True, slots=True)
class PinnedKey:
    """Outcome of pinning: `changed` is False when the judge already had exactly this key."""

    judge: str
    fingerprint: str
    changed: bool
    retired: str | None = None  # the replaced key's fingerprint


def _judge(session: Session, db: ContestDatabase, code: str) -> Judge:
    judges = session.scalars(select(Judge).where(Judge.code == code.strip())).all()
    if len(judges) != 1:
        raise JudgeAppError("key_judge_not_found", db.path, judge=code)
    return judges[0]


def _head_judge(session: Session, db: ContestDatabase) -> Judge:
    heads = session.scalars(select(Judge).where(Judge.is_head.is_(True))).all()
    if len(heads) != 1:
        raise JudgeAppError("key_no_head_judge", db.path, count=len(heads))
    return heads[0]


def _retired(session: Session) -> dict[str, str]:
    """Every retired fingerprint in the file → the code of the judge it belonged to."""
    rows = session.scalars(
        select(AuditRow).where(AuditRow.action == REPLACE_ACTION).order_by(AuditRow.id)
    )
    retired: dict[str, str] = {}
    for row in rows:
        before = json.loads(row.before) if row.before else {}
        if isinstance(before, dict) and isinstance(before.get("fingerprint"), str):
            retired[before["fingerprint"]] = row.entity_key
    return retired


def _check_fingerprint(path: Path, actual: str, expected: str | None) -> None:
    if expected is None:
        return
    if keys.normalise_fingerprint(expected) != actual:
        raise JudgeAppError("key_fingerprint_mismatch", path, expected=expected, actual=actual)


def _check_free(session: Session, db: ContestDatabase, judge: Judge, fingerprint: str) -> None:
    """A key belongs to one judge, once: not another judge's, not retired anywhere."""
    retired_by = _retired(session).get(fingerprint)
    if retired_by is not None:
        raise JudgeAppError("key_retired", db.path, judge=retired_by, fingerprint=fingerprint)
    other = session.scalars(
        select(Judge.code).where(Judge.key_fingerprint == fingerprint, Judge.id != judge.id)
    ).first()
    if other is not None:
        raise JudgeAppError(
            "key_used_by_other_judge", db.path, judge=other, fingerprint=fingerprint
        )


def _pin(
    db: ContestDatabase,
    session: Session,
    judge: Judge,
    der: bytes,
    fingerprint: str,
    actor: str,
    *,
    head: bool,
) -> PinnedKey:
    if judge.key_fingerprint == fingerprint:
        return PinnedKey(judge.code, fingerprint, changed=False)
    if judge.key_fingerprint is not None:
        raise JudgeAppError(
            "key_already_registered", db.path, judge=judge.code, fingerprint=judge.key_fingerprint
        )
    _check_free(session, db, judge, fingerprint)
    judge.public_key, judge.key_fingerprint = der, fingerprint
    after: dict[str, object] = {"fingerprint": fingerprint, "public_key": der.hex()}
    if head:
        after["head"] = True
    audit.record(
        session,
        actor=actor,
        action=REGISTER_ACTION,
        entity="judge",
        entity_key=judge.code,
        before={"fingerprint": None},
        after=after,
    )
    return PinnedKey(judge.code, fingerprint, changed=True)


def register_judge_key(
    db: ContestDatabase,
    judge_code: str,
    public_key_pem_path: Path,
    *,
    expected_fingerprint: str | None,
    actor: str,
) -> PinnedKey:
    """Pin a judge's first key. `expected_fingerprint` is what the judge read aloud (any
    grouping or case); a judge who already has another key needs `replace_judge_key`."""
    path = Path(public_key_pem_path)
    public_key = keys.load_public_key_file(path)
    fingerprint = keys.fingerprint(public_key)
    _check_fingerprint(path, fingerprint, expected_fingerprint)
    der = keys.public_key_der(public_key)
    with db.session() as session, session.begin():
        judge = _judge(session, db, judge_code)
        return _pin(db, session, judge, der, fingerprint, actor, head=False)


def replace_judge_key(
    db: ContestDatabase,
    judge_code: str,
    new_pem_path: Path,
    reason: str,
    actor: str,
    *,
    expected_fingerprint: str | None = None,
) -> PinnedKey:
    """Retire a judge's key (lost, leaked) for a new one, with the reason in the audit log."""
    if not reason.strip():
        raise JudgeAppError("key_reason_required")
    path = Path(new_pem_path)
    public_key = keys.load_public_key_file(path)
    fingerprint = keys.fingerprint(public_key)
    _check_fingerprint(path, fingerprint, expected_fingerprint)
    der = keys.public_key_der(public_key)
    with db.session() as session, session.begin():
        judge = _judge(session, db, judge_code)
        old_fingerprint, old_der = judge.key_fingerprint, judge.public_key
        if old_fingerprint is None or old_der is None:
            raise JudgeAppError("key_not_registered", db.path, judge=judge.code)
        if old_fingerprint == fingerprint:
            raise JudgeAppError("key_same_as_current", path, judge=judge.code)
        _check_free(session, db, judge, fingerprint)
        judge.public_key, judge.key_fingerprint = der, fingerprint
        audit.record(
            session,
            actor=actor,
            action=REPLACE_ACTION,
            entity="judge",
            entity_key=judge.code,
            before={"fingerprint": old_fingerprint, "public_key": old_der.hex()},
            after={
                "fingerprint": fingerprint,
                "public_key": der.hex(),
                "reason": reason.strip(),
                "retired": old_fingerprint,
                "retired_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            },
        )
        return PinnedKey(judge.code, fingerprint, changed=True, retired=old_fingerprint)


def all_retired_fingerprints(db: ContestDatabase) -> dict[str, str]:
    """Every replaced key's fingerprint → the code of the judge it belonged to."""
    with db.read_session() as session:
        return _retired(session)


def retired_fingerprints(db: ContestDatabase, judge_code: str) -> set[str]:
    """The judge's keys that were replaced (grouped fingerprints)."""
    with db.read_session() as session:
        _judge(session, db, judge_code)
        return {fp for fp, code in _retired(session).items() if code == judge_code.strip()}


def key_status(db: ContestDatabase, judge_code: str, fingerprint: str) -> KeyStatus:
    """Whether `fingerprint` is the judge's pinned key now, one of their retired keys, or
    neither. The merge accepts only "current"."""
    wanted = keys.normalise_fingerprint(fingerprint)
    with db.read_session() as session:
        judge = _judge(session, db, judge_code)
        if wanted is None:
            return "unknown"
        if judge.key_fingerprint == wanted:
            return "current"
        retired = _retired(session)
    return "retired" if retired.get(wanted) == judge.code else "unknown"


def create_head_key(
    db: ContestDatabase, name: str, passphrase: bytes, actor: str, *, folder: Path | None = None
) -> tuple[keys.KeyInfo, PinnedKey]:
    """At contest set-up: a new key in the local key folder, pinned to the head judge.

    Checks the head judge first, so a refusal leaves no orphan key behind.
    """
    with db.read_session() as session:
        head = _head_judge(session, db)
        if head.key_fingerprint is not None:
            raise JudgeAppError(
                "key_already_registered", db.path, judge=head.code, fingerprint=head.key_fingerprint
            )
    info = keys.create_key(name, passphrase, folder=folder)
    public_key = keys.load_public_key_file(info.public_path)
    der = keys.public_key_der(public_key)
    with db.session() as session, session.begin():
        head = _head_judge(session, db)
        pinned = _pin(db, session, head, der, info.fingerprint, actor, head=True)
    return info, pinned

"""Sealing the identity records (đầu phách) and giving entries their codes (số phách).

Sealing turns every clear link ``identity_record.participant_id`` into an encrypted blob
(`seal_crypto`) and removes the link, so that without the board's passphrase(s) nothing in the
contest file produces the code → participant mapping. What stays in clear, and why:

- `Participant` rows (name, birth date, unit, category): lists, participation rates and, after
  reveal, certificates need them. The link to an entry exists only inside the sealed blobs.
- Participant ids are handed out in import order, the same order as entries, so "participant
  17 ↔ entry 17" would undo the seal. Sealing therefore renumbers the sealed batch's participants
  by a random permutation of their own ids (the blobs hold the new ids).
- `EntryFile.original_name` (the name the school gave the file) often carries the entrant's
  name; it goes into the blob too and is blanked until reveal.
- `Entry.unit_id` and `Entry.category_id` stay in clear on the board's side (the models need
  them for conflict-of-interest checks and per-category lists). The limit this leaves: where a
  unit has a single participant in a category, that entry can be matched by elimination. A
  board that cares opens the file only to the Ban Làm phách until the lock; judges never get
  these columns (their workspaces have no units and no participants).

Old copies of the clear link: after sealing, the file is rebuilt from its live rows (VACUUM)
and the WAL emptied, because SQLite leaves an updated row's old bytes in the page's unused space;
a test scans the raw file for the old file names. Backups made before sealing (per-user backup
folder) would still hold the link in clear: a seal replaces them by one backup of the sealed file
(`_replace_clear_backups`), so the only clear copy left is whatever the board saved elsewhere.

Codes: intake asks `allocate_codes` for the codes of the entries it creates (in the same write
transaction, so two imports never draw the same code); `assign_codes` replaces any code that is
not a valid code (older files, temporary codes) before sealing.
"""

from __future__ import annotations

import base64
import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from judge_app.core.codes import is_valid_code, new_codes
from judge_app.core.errors import JudgeAppError
from judge_app.intake.seal_crypto import (
    MAX_PASSPHRASES,
    MIN_PASSPHRASE_CHARS,
    KdfParameters,
    WrongKeyError,
    check_verifier,
    derive_key,
    make_verifier,
    new_salt,
    open_payload,
    seal_payload,
)
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, raise_translated, table_of
from judge_app.store.models import (
    Category,
    Contest,
    Entry,
    IdentityRecord,
    Meta,
    Participant,
    Unit,
    utcnow,
)

SALT_KEY = "seal_salt"
KDF_KEY = "seal_kdf"
VERIFIER_KEY = "seal_verifier"
PAYLOAD_VERSION = 1


@dataclass(frozen=True, slots=True)
class Identity:
    """One opened identity record: what the board's envelope list prints."""

    code: str
    participant_id: int | None
    full_name: str
    birth_date: str | None
    unit: str | None  # unit code
    category: str | None  # category code


# ---------------------------------------------------------------------------------------------
# Codes


def allocate_codes(session: Session, count: int) -> list[str]:
    """`count` fresh codes, unique in the file; call it inside the write transaction that
    creates the entries (its BEGIN IMMEDIATE keeps another import from drawing the same)."""
    existing = set(session.scalars(select(Entry.code)))
    return new_codes(count, existing=existing)


def assign_codes(db: ContestDatabase, *, actor: str) -> int:
    """Give a real code to every entry whose code is not one (temporary or older codes).

    A sealed entry's code is part of its blob's associated data, so it is never changed.
    Files stay where they are (`stored_path` does not depend on the code).
    """
    with db.session() as session, session.begin():
        entries = list(session.scalars(select(Entry).order_by(Entry.id)))
        to_fix = [e for e in entries if not is_valid_code(e.code)]
        if not to_fix:
            return 0
        sealed = set(
            session.scalars(
                select(IdentityRecord.entry_id).where(IdentityRecord.sealed.is_not(None))
            )
        )
        for entry in to_fix:
            if entry.id in sealed:
                raise JudgeAppError("code_change_sealed", db.path, entry=entry.code)
        codes = new_codes(len(to_fix), existing={e.code for e in entries})
        for entry, code in zip(to_fix, codes, strict=True):
            old, entry.code = entry.code, code
            audit.record(
                session,
                actor=actor,
                action="entry.code",
                entity="entry",
                entity_key=code,
                before={"code": old},
                after={"code": code},
            )
    return len(to_fix)


# ---------------------------------------------------------------------------------------------
# Keys


def _meta(session: Session, key: str) -> str | None:
    row = session.get(Meta, key)
    return None if row is None else row.value


def _stored_setup(session: Session, path: Path) -> tuple[bytes, KdfParameters, bytes] | None:
    """Salt, key parameters and verifier of the file's seal; None before the first seal."""
    values = [_meta(session, k) for k in (SALT_KEY, KDF_KEY, VERIFIER_KEY)]
    if all(value is None for value in values):
        return None
    salt, kdf, verifier = values
    try:
        if salt is None or kdf is None or verifier is None:
            raise ValueError("part of the seal set-up is missing")
        decoded = base64.b64decode(salt, validate=True), base64.b64decode(verifier, validate=True)
        return decoded[0], KdfParameters.from_json(kdf), decoded[1]
    except (ValueError, KeyError, TypeError) as exc:  # binascii and json errors are ValueErrors
        raise JudgeAppError("seal_setup_damaged", path, reason=str(exc)) from exc


def seal_key_count(db: ContestDatabase) -> int | None:
    """How many passphrases this file's seal needs, or None before the first seal."""
    with db.read_session() as session:
        setup = _stored_setup(session, db.path)
    return None if setup is None else setup[1].keys


def _check_new_passphrases(passphrases: Sequence[bytes]) -> None:
    if not 1 <= len(passphrases) <= MAX_PASSPHRASES:
        raise JudgeAppError("seal_passphrase_count", needed=MAX_PASSPHRASES, given=len(passphrases))
    for phrase in passphrases:
        if len(phrase.decode("utf-8", errors="replace")) < MIN_PASSPHRASE_CHARS:
            raise JudgeAppError("seal_passphrase_short", minimum=MIN_PASSPHRASE_CHARS)
    if len(set(passphrases)) != len(passphrases):
        raise JudgeAppError("seal_passphrases_same")


def _seal_key(
    session: Session, db: ContestDatabase, passphrases: Sequence[bytes], *, create: bool
) -> bytes:
    """The key from `passphrases`, checked against the stored verifier (or set up anew)."""
    setup = _stored_setup(session, db.path)
    if setup is None:
        if not create:
            raise JudgeAppError("seal_not_set_up", db.path)
        _check_new_passphrases(passphrases)
        salt, params = new_salt(), KdfParameters(keys=len(passphrases))
        key = derive_key(list(passphrases), salt, params)
        for name, value in (
            (SALT_KEY, base64.b64encode(salt).decode("ascii")),
            (KDF_KEY, params.to_json()),
            (VERIFIER_KEY, base64.b64encode(make_verifier(key, salt)).decode("ascii")),
        ):
            session.add(Meta(key=name, value=value))
        return key
    salt, params, verifier = setup
    if len(passphrases) != params.keys:
        raise JudgeAppError(
            "seal_passphrase_count", db.path, needed=params.keys, given=len(passphrases)
        )
    key = derive_key(list(passphrases), salt, params)
    if not check_verifier(key, salt, verifier):
        raise JudgeAppError("seal_wrong_passphrase", db.path)
    return key


# ---------------------------------------------------------------------------------------------
# Seal and reveal


def _rebuild_file(db: ContestDatabase) -> None:
    """Rewrite the file from its live rows only, and empty the WAL.

    An UPDATE leaves the old bytes of a row in the page's unused space (even with SQLite's
    secure_delete, which zeroes freed cells but not every gap a page reorganisation leaves),
    and old page versions in the WAL until a checkpoint: VACUUM writes fresh pages, and the
    TRUNCATE checkpoint folds them into the file and cuts the WAL to nothing.
    """
    raw = db.engine.raw_connection()
    try:
        connection = cast(sqlite3.Connection, raw.driver_connection)
        connection.execute("VACUUM")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        raise_translated(exc, db.path)
    finally:
        raw.close()


def _sealed_participant_ids(session: Session, key: bytes, path: Path) -> set[int]:
    """Participants already inside earlier blobs: their ids must not move."""
    rows = session.execute(
        select(IdentityRecord.sealed, Entry.code, Contest.uuid)
        .join(Entry, Entry.id == IdentityRecord.entry_id)
        .join(Contest, Contest.id == Entry.contest_id)
        .where(IdentityRecord.sealed.is_not(None))
    ).all()
    ids: set[int] = set()
    for blob, code, contest_uuid in rows:
        assert blob is not None  # selected for it
        payload = _open(key, blob, contest_uuid, code, path)
        if payload.get("participant_id") is not None:
            ids.add(int(payload["participant_id"]))
    return ids


def _open(key: bytes, blob: bytes, contest_uuid: str, code: str, path: Path) -> dict[str, Any]:
    """The payload of a blob whose key the verifier accepted: failing now means the blob was
    altered or moved to another entry."""
    try:
        return open_payload(key, blob, contest_uuid, code)
    except WrongKeyError as exc:
        raise JudgeAppError("seal_record_damaged", path, entry=code) from exc


def _renumber(session: Session, participants: list[Participant], keep: set[int]) -> dict[int, int]:
    """Shuffle the ids of `participants` among themselves; old id → new id."""
    movable = sorted({p.id for p in participants} - keep)
    shuffled = list(movable)
    secrets.SystemRandom().shuffle(shuffled)
    mapping = {p.id: p.id for p in participants}
    mapping.update(zip(movable, shuffled, strict=True))
    moves = [(old, new) for old, new in mapping.items() if old != new]
    if not moves:
        return mapping
    for participant in participants:
        if participant in session:
            session.expunge(participant)
    table = table_of(Participant)
    moved = [old for old, _ in moves]
    # Through negative ids, so no two rows ever share an id on the way.
    session.execute(
        update(table).where(table.c.id.in_(moved)).values(id=-table.c.id),
    )
    for old, new in moves:
        session.execute(update(table).where(table.c.id == -old).values(id=new))
    return mapping


def seal_identities(db: ContestDatabase, passphrases: Sequence[bytes], *, actor: str) -> int:
    """Seal every identity record that still links its entry to a participant; how many.

    The first seal sets the file's salt, key parameters and verifier, with one passphrase or
    two (two board members: both are then needed for every later seal, reveal and list).
    """
    with db.session() as session, session.begin():
        key = _seal_key(session, db, passphrases, create=True)
        rows = session.execute(
            select(IdentityRecord, Entry, Contest.uuid, Participant)
            .join(Entry, Entry.id == IdentityRecord.entry_id)
            .join(Contest, Contest.id == Entry.contest_id)
            .join(Participant, Participant.id == IdentityRecord.participant_id)
            .order_by(Entry.id)
        ).all()
        if rows:
            keep = _sealed_participant_ids(session, key, db.path)
            participants = [row[3] for row in rows]
            payloads = [_payload(participant, entry) for _, entry, _, participant in rows]
            now = utcnow()
            for record, entry, _, _ in rows:
                record.participant_id = None
                record.sealed_at = now
                for entry_file in entry.files:
                    entry_file.original_name = ""
            session.flush()
            mapping = _renumber(session, participants, keep)
            for (record, entry, contest_uuid, _), payload in zip(rows, payloads, strict=True):
                payload["participant_id"] = mapping[payload["participant_id"]]
                record.sealed = seal_payload(key, payload, contest_uuid, entry.code)
            keys = len(passphrases)
            audit.record(
                session,
                actor=actor,
                action="identity.seal",
                entity="identity_record",
                entity_key="*",
                before=None,
                # A count only: the log is permanent and must never carry the mapping.
                after={"sealed": len(rows), "passphrases": keys},
            )
    if rows:
        _rebuild_file(db)
        _replace_clear_backups(db, actor)
    return len(rows)


def _replace_clear_backups(db: ContestDatabase, actor: str) -> None:
    """Backups taken before this seal hold the code → participant link in clear: make a
    checked backup of the sealed file first (never a moment without a backup), then delete the
    older ones, the kept-forever pre-migration copies included. Recorded with a count only."""
    from judge_app.store.backup import backup_contest, list_backups

    fresh = backup_contest(db, "sealed")
    removed = 0
    for old in list_backups(db.path):
        if old != fresh:
            try:
                old.unlink()
            except OSError as exc:
                raise JudgeAppError(
                    "seal_backup_not_removed", old, reason=exc.strerror or str(exc)
                ) from exc
            removed += 1
    if removed:
        with db.session() as session, session.begin():
            audit.record(
                session,
                actor=actor,
                action="backup.replace_unsealed",
                entity="backup",
                entity_key="*",
                before=None,
                after={"removed": removed, "kept": fresh.name},
            )


def _payload(participant: Participant, entry: Entry) -> dict[str, Any]:
    return {
        "v": PAYLOAD_VERSION,
        "participant_id": participant.id,
        "full_name": participant.full_name,
        "birth_date": participant.birth_date.isoformat() if participant.birth_date else None,
        "unit": participant.unit.code if participant.unit else None,
        "category": participant.category.code if participant.category else None,
        "files": [[f.sort, f.original_name] for f in entry.files],
    }


def unseal_identities(
    db: ContestDatabase,
    passphrases: Sequence[bytes],
    *,
    actor: str,
    before_lock_reason: str | None = None,
) -> int:
    """Reveal (ghép phách): restore every sealed link and file name; how many.

    Identities stay sealed until the results are locked (GUIDE §2). A board that must open
    them earlier (an entry whose school has to be reached about a damaged file, a court
    order) gives `before_lock_reason`, which the audit log keeps with the reveal.
    """
    from judge_app.store.results_lock import lock_state

    locked = lock_state(db).locked
    early = not locked and not (before_lock_reason or "").strip()
    with db.session() as session, session.begin():
        rows = session.execute(
            select(IdentityRecord, Entry, Contest.uuid)
            .join(Entry, Entry.id == IdentityRecord.entry_id)
            .join(Contest, Contest.id == Entry.contest_id)
            .where(IdentityRecord.sealed.is_not(None))
            .order_by(Entry.id)
        ).all()
        if not rows:
            return 0
        key = _seal_key(session, db, passphrases, create=False)
        if early:  # checked after the passphrases, so a typo is reported as a typo
            raise JudgeAppError("reveal_before_lock", db.path)
        for record, entry, contest_uuid in rows:
            assert record.sealed is not None  # selected for it
            payload = _open(key, record.sealed, contest_uuid, entry.code, db.path)
            participant_id = int(payload["participant_id"])
            if session.get(Participant, participant_id) is None:
                raise JudgeAppError("seal_participant_missing", db.path, entry=entry.code)
            record.participant_id = participant_id
            record.sealed = None
            record.sealed_at = None
            names = {int(sort): str(name) for sort, name in payload.get("files", [])}
            for entry_file in entry.files:
                entry_file.original_name = names.get(entry_file.sort, entry_file.original_name)
        audit.record(
            session,
            actor=actor,
            action="identity.reveal",
            entity="identity_record",
            entity_key="*",
            before=None,
            after={
                "revealed": len(rows),
                "results_locked": locked,
                "before_lock_reason": None if locked else (before_lock_reason or "").strip(),
            },
        )
    return len(rows)


def is_sealed(db: ContestDatabase) -> bool:
    """True when at least one record is sealed and none links an entry in clear."""
    with db.read_session() as session:
        clear = session.scalar(
            select(IdentityRecord.entry_id)
            .where(IdentityRecord.participant_id.is_not(None))
            .limit(1)
        )
        sealed = session.scalar(
            select(IdentityRecord.entry_id).where(IdentityRecord.sealed.is_not(None)).limit(1)
        )
    return clear is None and sealed is not None


def read_identities(
    db: ContestDatabase, passphrases: Sequence[bytes], session: Session
) -> list[Identity]:
    """Every entry's identity, sealed ones opened in memory only; sorted by code."""
    rows = session.execute(
        select(IdentityRecord, Entry.code, Contest.uuid)
        .join(Entry, Entry.id == IdentityRecord.entry_id)
        .join(Contest, Contest.id == Entry.contest_id)
        .order_by(Entry.code)
    ).all()
    key: bytes | None = None
    identities: list[Identity] = []
    for record, code, contest_uuid in rows:
        if record.sealed is not None:
            if key is None:
                key = _seal_key(session, db, passphrases, create=False)
            payload = _open(key, record.sealed, contest_uuid, code, db.path)
            identities.append(
                Identity(
                    code=code,
                    participant_id=payload.get("participant_id"),
                    full_name=str(payload.get("full_name", "")),
                    birth_date=payload.get("birth_date"),
                    unit=payload.get("unit"),
                    category=payload.get("category"),
                )
            )
        elif record.participant_id is not None:
            person = session.get(Participant, record.participant_id)
            assert person is not None  # a foreign key
            identities.append(
                Identity(
                    code=code,
                    participant_id=person.id,
                    full_name=person.full_name,
                    birth_date=person.birth_date.isoformat() if person.birth_date else None,
                    unit=person.unit.code if person.unit else None,
                    category=person.category.code if person.category else None,
                )
            )
    return identities


def unit_and_category_names(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    units = {code: name for code, name in session.execute(select(Unit.code, Unit.name))}
    categories = {
        code: name for code, name in session.execute(select(Category.code, Category.name))
    }
    return units, categories

"""Linking an intake entry to its participant by hand: the data of the review dialog.

Intake leaves a file that matches nobody, or several namesakes, as an entry of its own with no
participant ("needs linking"). The dialog shows the unit's people (`unit_participants`) next to
the entry's candidates (`ReceivedEntry.candidates`) and calls `link_entry` with the board's
choice. The audit row names the entry and its new category, never the participant: the log
outlives the seal, so it must not hold the code → person link.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from judge_app.core.errors import JudgeAppError
from judge_app.store import audit
from judge_app.store.models import Category, Entry, IdentityRecord, Participant, Unit

if TYPE_CHECKING:
    from judge_app.store.database import ContestDatabase


@dataclass(frozen=True)
class LinkChoice:
    """One person the board may link an entry to."""

    participant_id: int
    full_name: str
    birth_date: dt.date | None
    category: str  # category code, "" when unknown
    has_entry: bool  # already linked to some entry (in clear)


def unit_participants(db: ContestDatabase, unit_code: str) -> list[LinkChoice]:
    """The unit's participants, by name, with whether each already has an entry."""
    with db.read_session() as session:
        unit = session.scalars(select(Unit).where(Unit.code == unit_code)).one_or_none()
        if unit is None:
            raise JudgeAppError("receive_unit_unknown", db.path, unit=unit_code)
        linked = set(
            session.scalars(
                select(IdentityRecord.participant_id).where(
                    IdentityRecord.participant_id.is_not(None)
                )
            )
        )
        people = session.execute(
            select(Participant, Category.code)
            .outerjoin(Category, Participant.category_id == Category.id)
            .where(Participant.unit_id == unit.id)
            .order_by(Participant.full_name, Participant.id)
        )
        return [
            LinkChoice(p.id, p.full_name, p.birth_date, code or "", p.id in linked)
            for p, code in people
        ]


def link_entry(db: ContestDatabase, entry_code: str, participant_id: int, *, actor: str) -> None:
    """Link the entry `entry_code` to a participant of its unit (its category follows theirs)."""
    with db.session() as session, session.begin():
        entry = session.scalars(select(Entry).where(Entry.code == entry_code)).one_or_none()
        if entry is None:
            raise JudgeAppError("receive_link_entry_unknown", db.path, entry=entry_code)
        record = session.get(IdentityRecord, entry.id)
        if record is not None and record.sealed is not None:
            raise JudgeAppError("receive_link_sealed", db.path, entry=entry_code)
        person = session.get(Participant, participant_id)
        if person is None or person.unit_id != entry.unit_id:
            raise JudgeAppError("receive_link_other_unit", db.path, entry=entry_code)
        was_linked = record is not None and record.participant_id is not None
        if record is None:
            session.add(IdentityRecord(entry_id=entry.id, participant_id=person.id))
        else:
            record.participant_id = person.id
        before = session.get(Category, entry.category_id)
        if person.category_id is not None:
            entry.category_id = person.category_id
        after = session.get(Category, entry.category_id)
        session.flush()
        audit.record(
            session,
            actor=actor,
            action="intake.link",
            entity="entry",
            entity_key=entry.code,
            before={"linked": was_linked, "category": before.code if before else None},
            after={"linked": True, "category": after.code if after else None},
        )

"""What the board's review windows read after intake: entries still waiting for a participant,
the day a unit's list counts ages on, and the outcome of a link.

The intake report knows which entries of one run need linking; the board may also come back
days later (Board menu), when that report is gone. `entries_needing_link` reads the same facts
from the contest file: entries with no participant and no seal, their files as the school named
them (board side only), and the people whose names those file names contain (namesakes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from judge_app.core.errors import JudgeAppError
from judge_app.intake.receive_link import link_entry
from judge_app.intake.receive_match import Candidate, match_file
from judge_app.store.models import (
    Category,
    Contest,
    Entry,
    EntryFile,
    IdentityRecord,
    Participant,
    Unit,
)

if TYPE_CHECKING:
    from judge_app.intake.receive import IntakeReport
    from judge_app.store.database import ContestDatabase

UNMATCHED = "unmatched"
AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class PendingEntry:
    """An entry the board must link by hand (or leave for later)."""

    code: str
    unit_code: str
    unit_name: str
    received_at: dt.datetime | None
    file_names: tuple[str, ...]  # as the school named them: the board may see them
    link: str  # "unmatched" | "ambiguous"
    candidates: tuple[int, ...] = ()  # participant ids whose names the file names contain


@dataclass(frozen=True)
class LinkOutcome:
    """The entry after `link_pending`: its participant and the category it now has."""

    code: str
    participant_id: int
    participant_name: str
    category: str  # category code
    category_name: str


def entries_needing_link(db: ContestDatabase, unit_code: str | None = None) -> list[PendingEntry]:
    """Entries without a participant (and not sealed), by unit then code."""
    with db.read_session() as session:
        query = (
            select(Entry, Unit.id, Unit.code, Unit.name)
            .outerjoin(IdentityRecord, IdentityRecord.entry_id == Entry.id)
            .join(Unit, Unit.id == Entry.unit_id)
            .where(IdentityRecord.participant_id.is_(None), IdentityRecord.sealed.is_(None))
            .order_by(Unit.code, Entry.code)
        )
        if unit_code is not None:
            query = query.where(Unit.code == unit_code)
        rows = session.execute(query).all()
        people: dict[int, list[Candidate]] = {}
        pending: list[PendingEntry] = []
        for entry, unit_id, code, name in rows:
            if unit_id not in people:
                people[unit_id] = [
                    Candidate(pid, full_name)
                    for pid, full_name in session.execute(
                        select(Participant.id, Participant.full_name).where(
                            Participant.unit_id == unit_id
                        )
                    )
                ]
            names = tuple(
                session.scalars(
                    select(EntryFile.original_name)
                    .where(EntryFile.entry_id == entry.id)
                    .order_by(EntryFile.sort, EntryFile.id)
                )
            )
            found: set[int] = set()
            for file_name in names:
                found.update(match_file((file_name,), people[unit_id]).participant_ids)
            pending.append(
                PendingEntry(
                    entry.code,
                    code,
                    name,
                    entry.received_at,
                    names,
                    AMBIGUOUS if len(found) > 1 else UNMATCHED,
                    tuple(sorted(found)),
                )
            )
    return pending


def link_pending(
    db: ContestDatabase, entry_code: str, participant_id: int, *, actor: str
) -> LinkOutcome:
    """`link_entry` (audited), then what the entry became, for the report on screen."""
    link_entry(db, entry_code, participant_id, actor=actor)
    with db.read_session() as session:
        row = session.execute(
            select(Participant.full_name, Category.code, Category.name)
            .select_from(Entry)
            .join(Category, Category.id == Entry.category_id)
            .join(IdentityRecord, IdentityRecord.entry_id == Entry.id)
            .join(Participant, Participant.id == IdentityRecord.participant_id)
            .where(Entry.code == entry_code)
        ).one_or_none()
    if row is None:  # link_entry committed, so this is another writer racing us
        raise JudgeAppError("receive_link_entry_unknown", db.path, entry=entry_code)
    name, category, category_name = row
    return LinkOutcome(entry_code, participant_id, name, category, category_name)


def list_reference_date(db: ContestDatabase, unit_code: str | None) -> dt.date:
    """The day a list's ages are counted on, as intake counts them: the contest's reference
    date, else the unit group's deadline, else today."""
    with db.read_session() as session:
        contest = session.scalars(select(Contest)).first()
        if contest is not None and contest.reference_date is not None:
            return contest.reference_date
        if unit_code:
            unit = session.scalars(select(Unit).where(Unit.code == unit_code)).one_or_none()
            if unit is not None and unit.group is not None and unit.group.deadline is not None:
                return unit.group.deadline.date()
    return dt.date.today()


def pending_from_report(report: IntakeReport) -> list[PendingEntry]:
    """The entries of one intake run that still need a participant, with their candidates."""
    return [
        PendingEntry(
            entry.code,
            report.unit_code,
            report.unit_name,
            entry.received_at,
            tuple(f.original_name for f in entry.files),
            AMBIGUOUS if entry.link == AMBIGUOUS else UNMATCHED,
            tuple(pid for pid, _name in entry.candidates),
        )
        for entry in report.entries
        if entry.link != "matched"
    ]


def apply_link(report: IntakeReport, outcome: LinkOutcome) -> None:
    """The report on screen after the board linked one of its entries: the entry linked, its
    "needs linking" problems gone, its participant no longer without an entry."""
    for entry in report.entries:
        if entry.code == outcome.code:
            entry.link = "matched"
            entry.participant_id = outcome.participant_id
            entry.participant_name = outcome.participant_name
            entry.category = outcome.category
            entry.category_name = outcome.category_name
            entry.candidates = ()
    settled = {"receive_unmatched", "receive_ambiguous"}
    report.problems = [
        p for p in report.problems if not (p.entry == outcome.code and p.code in settled)
    ]
    report.missing = [m for m in report.missing if m.participant_id != outcome.participant_id]


def category_names(db: ContestDatabase) -> dict[str, str]:
    """Category code → its name ("g8" → "Học sinh lớp 8"), for showing people."""
    with db.read_session() as session:
        return {code: name for code, name in session.execute(select(Category.code, Category.name))}

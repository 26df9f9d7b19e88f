"""Read-only summaries of a contest file for the main window.

Qt-free so the CLI and tests can use them, and so the GUI can run them on a worker thread.
Nothing here reads a participant, an identity record or a file's original name: the
overview is what any judge may see (GUIDE: identities stay sealed until reveal).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from judge_app.store.models import Category, Contest, Entry, EntryFile, EntryStatus, FileKind, Unit


@dataclass(frozen=True)
class CategoryCount:
    """How many entries one category (đối tượng) holds."""

    code: str
    name: str
    entries: int


@dataclass(frozen=True)
class ContestOverview:
    """The header and summary line of the main window.

    `name` is None when the file holds no contest yet (a freshly created file).
    `units_total` is 0 in a judge's workspace, which carries no units.
    """

    name: str | None
    organiser: str
    entries: int
    categories: tuple[CategoryCount, ...]
    units_with_entries: int
    units_total: int


@dataclass(frozen=True)
class EntryRow:
    """One line of the entry table: what identifies an entry without naming its author."""

    code: str
    category: str
    file_kinds: tuple[FileKind, ...]
    file_count: int
    received_at: dt.datetime | None
    status: EntryStatus
    # Worst format-check badge of its files ("error" > "warn" > "scan" > "ok"); None: unchecked.
    format_badge: str | None = None


def _contest_id(session: Session) -> int | None:
    # A contest file holds one contest; the lowest id is the one if a tool ever added more.
    return session.scalar(select(func.min(Contest.id)))


def read_overview(session: Session) -> ContestOverview:
    """Name, organiser and counts of the contest in this file."""
    contest_id = _contest_id(session)
    if contest_id is None:
        return ContestOverview(None, "", 0, (), 0, 0)
    contest = session.get_one(Contest, contest_id)
    counts = session.execute(
        select(Category.code, Category.name, func.count(Entry.id))
        .outerjoin(Entry, Entry.category_id == Category.id)
        .where(Category.contest_id == contest_id)
        .group_by(Category.id)
        .order_by(Category.sort, Category.code)
    ).all()
    entries = session.scalar(select(func.count(Entry.id)).where(Entry.contest_id == contest_id))
    units_with_entries = session.scalar(
        select(func.count(func.distinct(Entry.unit_id))).where(
            Entry.contest_id == contest_id, Entry.unit_id.is_not(None)
        )
    )
    units_total = session.scalar(select(func.count(Unit.id)).where(Unit.contest_id == contest_id))
    return ContestOverview(
        name=contest.name,
        organiser=contest.organiser,
        entries=entries or 0,
        categories=tuple(CategoryCount(code, name, count) for code, name, count in counts),
        units_with_entries=units_with_entries or 0,
        units_total=units_total or 0,
    )


def read_entry_rows(session: Session) -> list[EntryRow]:
    """Every entry of the contest, ordered by code, with the kinds and number of its files."""
    contest_id = _contest_id(session)
    if contest_id is None:
        return []
    kinds: dict[int, dict[FileKind, int]] = {}
    for entry_id, kind, count in session.execute(
        select(EntryFile.entry_id, EntryFile.kind, func.count(EntryFile.id))
        .join(Entry, Entry.id == EntryFile.entry_id)
        .where(Entry.contest_id == contest_id)
        .group_by(EntryFile.entry_id, EntryFile.kind)
    ):
        kinds.setdefault(entry_id, {})[kind] = count
    badges: dict[int, list[str | None]] = {}
    for entry_id, badge in session.execute(
        select(EntryFile.entry_id, EntryFile.format_badge)
        .join(Entry, Entry.id == EntryFile.entry_id)
        .where(Entry.contest_id == contest_id)
    ):
        badges.setdefault(entry_id, []).append(badge)
    order = list(FileKind)
    rows = []
    for entry_id, code, category, received_at, status in session.execute(
        select(Entry.id, Entry.code, Category.name, Entry.received_at, Entry.status)
        .join(Category, Category.id == Entry.category_id)
        .where(Entry.contest_id == contest_id)
        .order_by(Entry.code)
    ):
        per_kind = kinds.get(entry_id, {})
        rows.append(
            EntryRow(
                code=code,
                category=category,
                file_kinds=tuple(sorted(per_kind, key=order.index)),
                file_count=sum(per_kind.values()),
                received_at=received_at,
                status=status,
                format_badge=worst_badge(badges.get(entry_id, [])),
            )
        )
    return rows


BADGE_ORDER = ("error", "warn", "scan", "ok")  # worst first


def worst_badge(badges: list[str | None]) -> str | None:
    """An entry is as good as its worst file; unchecked files don't count."""
    known = [b for b in badges if b in BADGE_ORDER]
    return min(known, key=BADGE_ORDER.index) if known else None

"""Helpers shared by the store tests (a uniquely named module: every conftest is `conftest`)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from judge_app.core.scores import Points
from judge_app.store.database import ContestDatabase
from judge_app.store.models import (
    Category,
    CategoryKind,
    Contest,
    Criterion,
    Entry,
    EntryFile,
    FileKind,
    Judge,
)
from judge_app.store.scoring import ensure_grading


@dataclass(frozen=True)
class Seeded:
    contest_id: int
    judge_id: int
    entry_ids: list[int]
    criterion_ids: list[int]
    grading_ids: list[int]


def seed_contest(
    database: ContestDatabase,
    *,
    entries: int = 10,
    criteria: int = 5,
    code: str = "C",
    path_padding: int = 0,
) -> Seeded:
    """One contest, one category, `criteria` criteria out of 10 in steps of 0.25, one judge,
    `entries` entries each with a round-1 grading. `path_padding` fattens each entry's file row
    so the database spans many pages (corruption tests)."""
    with database.session() as session, session.begin():
        contest = Contest(name=f"Cuộc thi {code}")
        session.add(contest)
        session.flush()
        category = Category(
            contest_id=contest.id, code="GV", name="Giáo viên", kind=CategoryKind.STAFF
        )
        judge = Judge(contest_id=contest.id, code=f"{code}-GK1", name="Giám khảo 1")
        rubric = [
            Criterion(
                contest_id=contest.id,
                code=f"TC{i + 1}",
                name=f"Tiêu chí {i + 1}",
                maximum=Points(1000),
                step=Points(25),
                sort=i,
            )
            for i in range(criteria)
        ]
        session.add_all([category, judge, *rubric])
        session.flush()
        rows = [
            Entry(contest_id=contest.id, code=f"{code}{i:04d}", category_id=category.id)
            for i in range(entries)
        ]
        session.add_all(rows)
        session.flush()
        if path_padding:
            session.add_all(
                EntryFile(
                    entry_id=row.id,
                    stored_path=f"bai/{row.code}/" + "x" * path_padding,
                    sha256=f"{row.id:064x}",
                    size=path_padding,
                    kind=FileKind.DOCX,
                )
                for row in rows
            )
        ids = (contest.id, judge.id, [e.id for e in rows], [c.id for c in rubric])
    contest_id, judge_id, entry_ids, criterion_ids = ids
    gradings = [ensure_grading(database, entry, judge_id, 1) for entry in entry_ids]
    return Seeded(contest_id, judge_id, entry_ids, criterion_ids, gradings)


def pragmas(connection: sqlite3.Connection) -> dict[str, object]:
    """The four settings every connection must carry."""
    return {
        name: connection.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    }


EXPECTED_PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "busy_timeout": 5000,
}

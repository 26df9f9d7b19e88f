"""How many score changes per second a judge's keystrokes can commit.

Run: `python benchmarks/bench_scores.py [--changes N]`.

Builds a contest file in a temp folder (1 contest, 1 category, 5 criteria, 1 judge, 200 entries
with a grading each), then makes N single score changes through `set_criterion_score`, each its
own committed transaction with its audit row. Beside it, measured in the same run on the same
disk: raw sqlite3 with the same pragmas doing N single-row committed inserts, the floor set by
SQLite's commit (an fsync of the WAL); and raw sqlite3 running the very statements a change
runs (read, the grading's scores and revision in one update, audit row, chain head) with
precomputed values, which separates what SQLite's commit of those pages costs from what the
Python around it costs.
The budget is 3,000 changes per second.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

from judge_app.core.scores import Points
from judge_app.store import audit, scoring
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, connect_sqlite, create_contest_file
from judge_app.store.models import Category, CategoryKind, Contest, Criterion, Entry, Judge
from judge_app.store.scoring import ensure_grading, set_criterion_score
from judge_app.store.sheet import dump_map

BUDGET_PER_SECOND = 3000
ENTRIES = 200
CRITERIA = 5


def build_contest(path: Path) -> tuple[ContestDatabase, list[int], list[int]]:
    db = create_contest_file(path)
    with db.session() as session, session.begin():
        contest = Contest(name="Benchmark")
        session.add(contest)
        session.flush()
        category = Category(contest_id=contest.id, code="GV", name="GV", kind=CategoryKind.STAFF)
        judge = Judge(contest_id=contest.id, code="GK1", name="Giám khảo 1")
        criteria = [
            Criterion(
                contest_id=contest.id,
                code=f"TC{i}",
                name=f"Tiêu chí {i}",
                maximum=Points(1000),
                step=Points(25),
                sort=i,
            )
            for i in range(CRITERIA)
        ]
        session.add_all([category, judge, *criteria])
        session.flush()
        entries = [
            Entry(contest_id=contest.id, code=f"B{i:04d}", category_id=category.id)
            for i in range(ENTRIES)
        ]
        session.add_all(entries)
        session.flush()
        entry_ids, judge_id = [e.id for e in entries], judge.id
        criterion_ids = [c.id for c in criteria]
    gradings = [ensure_grading(db, entry, judge_id, 1) for entry in entry_ids]
    return db, gradings, criterion_ids


def bench_app(folder: Path, changes: int) -> float:
    db, gradings, criteria = build_contest(folder / "contest.sqlite")
    keys = [(g, c) for g in gradings for c in criteria]
    try:
        start = time.perf_counter()
        for i in range(changes):
            grading, criterion = keys[i % len(keys)]
            # Every visit to a key stores a different value, so every call is a real change.
            value = Points(25 * ((i // len(keys)) % 40 + 1))
            set_criterion_score(db, grading, criterion, value, "GK1")
        elapsed = time.perf_counter() - start
        report = verify(db)
        if not report.ok or report.rows != 1 + len(gradings) + changes:  # 1: the file.create row
            raise SystemExit(f"audit log wrong after the benchmark: {report}")
    finally:
        db.close()
    return changes / elapsed


def bench_raw(folder: Path, changes: int) -> float:
    connection = connect_sqlite(folder / "raw.sqlite")  # the same pragmas as the app
    try:
        connection.execute("CREATE TABLE score (id INTEGER PRIMARY KEY, points INTEGER)")
        start = time.perf_counter()
        for i in range(changes):
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO score (points) VALUES (?)", (i,))
            connection.execute("COMMIT")
        elapsed = time.perf_counter() - start
    finally:
        connection.close()
    return changes / elapsed


def bench_raw_same_statements(folder: Path, changes: int) -> float:
    db, gradings, criteria = build_contest(folder / "same.sqlite")
    db.close()
    keys = [(g, c) for g in gradings for c in criteria]
    score_sql, audit_sql = scoring._statements(), audit._statements()
    now = "2024-01-01 00:00:00.000000"
    connection = connect_sqlite(folder / "same.sqlite")
    # Continue after the rows already there (the file's creation, the seeded gradings).
    head = int(connection.execute("SELECT max(id) FROM audit_log").fetchone()[0])
    # Each grading's scores column as it stands after change i, spelled beforehand.
    sheets: list[str] = []
    current: dict[int, dict[int, int]] = {grading: {} for grading in gradings}
    for i in range(changes):
        grading, criterion = keys[i % len(keys)]
        current[grading] = {**current[grading], criterion: i % 1000}
        sheets.append(dump_map(current[grading]))
    try:
        start = time.perf_counter()
        for i in range(changes):
            grading, criterion = keys[i % len(keys)]
            key = {"grading_id": grading, "criterion_id": criterion}
            head += 1
            digest = hashlib.sha256(str(i).encode()).hexdigest()
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(score_sql.score_context, key).fetchone()
            connection.execute(
                score_sql.set_scores, {"grading_id": grading, "scores": sheets[i], "now": now}
            )
            connection.execute(audit_sql.read_head, {"key": "audit_head"}).fetchone()
            connection.execute(
                audit_sql.insert_row,
                {
                    "id": head,
                    "at": now,
                    "actor": "GK1",
                    "action": "set_score",
                    "entity": "criterion_score",
                    "entity_key": "{}",
                    "before": '{"points":100}',
                    "after": '{"points":125}',
                    "prev_hash": digest,
                    "hash": digest,
                },
            )
            connection.execute(
                audit_sql.write_head, {"key": "audit_head", "value": f"{head} {digest}"}
            )
            connection.execute("COMMIT")
        elapsed = time.perf_counter() - start
    finally:
        connection.close()
    return changes / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=10_000)
    args = parser.parse_args(argv)
    # Backups and other per-user files of this run stay in the temp folder.
    with tempfile.TemporaryDirectory(prefix="bench_scores-") as tmp:
        folder = Path(tmp)
        os.environ["JUDGE_APP_HOME"] = str(folder / "home")
        raw = bench_raw(folder, args.changes)
        same = bench_raw_same_statements(folder, args.changes)
        app = bench_app(folder, args.changes)
    met = app >= BUDGET_PER_SECOND
    print(f"{args.changes:,} committed changes each; WAL, synchronous=FULL")
    print(f"set_criterion_score (row + audit row, 1 commit each):   {app:8,.0f} changes/s")
    print(f"raw sqlite3 reference (1 insert, 1 commit each):        {raw:8,.0f} commits/s")
    print(f"raw sqlite3, the same statements (no Python work):      {same:8,.0f} commits/s")
    print(f"app / raw insert: {app / raw:.0%}; app / same statements: {app / same:.0%}")
    print(f"budget {BUDGET_PER_SECOND:,}/s: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

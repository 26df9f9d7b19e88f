"""A keystroke in the grading window reaching the database: `set_score` on a 1,000-entry workspace.

Run: `python benchmarks/grading_keys.py [--changes N]`.

Builds a judge's workspace file in a temp folder (the demo's rubric shape: 4 multiple-choice
questions, 5 criteria in 0.25 steps; 1 judge; 1,000 assigned entries), then times N calls of
`judge_app.store.grading.set_score`, as the window makes them: each call finds the entry's
grading by code, checks the score, writes it with its audit row, commits (WAL, synchronous=FULL)
and reads back the whole grading state the window shows. Entries are visited in a shuffled
order, a few keystrokes each, like a judge working down a list. Beside it, measured in the same
run on the same disk: raw sqlite3 committing one single-row insert per transaction (the floor
set by SQLite's commit, an fsync of the WAL). Budget (issue #6): p95 ≤ 20 ms per keystroke.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from judge_app.core.scores import Points
from judge_app.store import grading
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, connect_sqlite, create_contest_file
from judge_app.store.models import (
    Assignment,
    Category,
    CategoryKind,
    Contest,
    Criterion,
    Entry,
    EntryStatus,
    FileRole,
    Judge,
    Question,
)

BUDGET_P95_MS = 20.0
ENTRIES = 1000
MAXIMA = (300, 300, 150, 50, 100)  # the demo's written-part criteria, in hundredths


def build_workspace(path: Path, entries: int = ENTRIES) -> ContestDatabase:
    """A workspace file as `workspace open` makes one, without the package and its files."""
    db = create_contest_file(path, FileRole.WORKSPACE)
    with db.session() as session, session.begin():
        contest = Contest(name="Benchmark")
        session.add(contest)
        session.flush()
        category = Category(
            contest_id=contest.id, code="GV", name="Giáo viên", kind=CategoryKind.STAFF
        )
        judge = Judge(contest_id=contest.id, code="GK1", name="Giám khảo 1")
        head = Judge(contest_id=contest.id, code="TB", name="Trưởng ban", is_head=True)
        session.add_all([category, judge, head])
        session.add_all(
            Question(
                contest_id=contest.id,
                number=n,
                prompt=f"Câu hỏi {n}",
                options="ABCD",
                answer="ABCD"[n % 4],
                points=Points(25),
            )
            for n in range(1, 5)
        )
        session.add_all(
            Criterion(
                contest_id=contest.id,
                code=f"TC{i}",
                name=f"Tiêu chí {i}",
                maximum=Points(maximum),
                step=Points(25),
                sort=i,
            )
            for i, maximum in enumerate(MAXIMA, start=1)
        )
        session.flush()
        rows = [
            Entry(
                contest_id=contest.id,
                code=f"B{i:04d}",
                category_id=category.id,
                status=EntryStatus.ASSIGNED,
            )
            for i in range(entries)
        ]
        session.add_all(rows)
        session.flush()
        session.add_all(Assignment(entry_id=e.id, judge_id=judge.id, round=1) for e in rows)
    return db


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def bench_keys(folder: Path, changes: int) -> list[float]:
    db = build_workspace(folder / "workspace.sqlite")
    try:
        rubric = grading.load_rubric(db)
        codes = [row.code for row in grading.list_entries(db)]
        random.Random(2019).shuffle(codes)
        timings: list[float] = []
        for i in range(changes):
            code = codes[(i // 8) % len(codes)]  # 8 keystrokes per entry, then the next one
            criterion = rubric.criteria[i % len(rubric.criteria)]
            steps = criterion.maximum.centi // criterion.step.centi
            value = Points(criterion.step.centi * ((i * 7) % (steps + 1)))
            start = time.perf_counter()
            grading.set_score(db, code, criterion.id, value)
            timings.append((time.perf_counter() - start) * 1000)
        report = verify(db)
        if not report.ok:
            raise SystemExit(f"audit log broken after the benchmark: {report}")
    finally:
        db.close()
    return timings


def bench_raw(folder: Path, changes: int) -> list[float]:
    connection = connect_sqlite(folder / "raw.sqlite")  # the same pragmas as the app
    timings: list[float] = []
    try:
        connection.execute("CREATE TABLE score (id INTEGER PRIMARY KEY, points INTEGER)")
        for i in range(changes):
            start = time.perf_counter()
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO score (points) VALUES (?)", (i,))
            connection.execute("COMMIT")
            timings.append((time.perf_counter() - start) * 1000)
    finally:
        connection.close()
    return timings


def _line(name: str, timings: list[float]) -> str:
    return (
        f"{name:<44} p50 {statistics.median(timings):6.2f} ms  "
        f"p95 {percentile(timings, 0.95):6.2f} ms  p99 {percentile(timings, 0.99):6.2f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=3000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_grading_keys-") as tmp:
        folder = Path(tmp)
        os.environ["JUDGE_APP_HOME"] = str(folder / "home")
        raw = bench_raw(folder, args.changes)
        keys = bench_keys(folder, args.changes)
    p95 = percentile(keys, 0.95)
    met = p95 <= BUDGET_P95_MS
    print(
        f"{args.changes:,} keystrokes on a workspace of {ENTRIES:,} entries; WAL, synchronous=FULL"
    )
    print(_line("grading.set_score (check, write, audit, read)", keys))
    print(_line("raw sqlite3 reference (1 insert, 1 commit)", raw))
    print(f"p95 budget {BUDGET_P95_MS:.0f} ms: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

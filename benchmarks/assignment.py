"""How long assigning a large contest takes, and how even the loads come out.

Run: `python benchmarks/assignment.py [--entries N] [--judges J] [--units U] [--seed S]`.

The issue's case: 20,000 entries from 300 units in 5 categories, 60 judges each from one of 60
of those units (so about a fifth of the entries exclude one judge), k = 2, balanced per category.
Budget: ≤ 5 s for `assign` (pure Python). Beside it, in the same run on the same data: the plain
balance (without per-category balance), and a reference that only walks every (entry, judge)
pair once, checking the conflict rule: the floor any exact method pays before choosing anything.
Then the whole `assign_round` on a contest file holding the same contest (read, plan, 40,000
rows and one audit row in one transaction), for information.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from judge_app.core.assignment import Assignment, EntrySlot, JudgeSlot, assign
from judge_app.store.database import create_contest_file
from judge_app.store.models import Category, CategoryKind, Contest, Entry, EntryStatus, Judge, Unit

BUDGET_SECONDS = 5.0
CATEGORIES = ["staff", "g6", "g7", "g8", "g9"]


def make_contest(
    n_entries: int, n_judges: int, n_units: int, seed: int
) -> tuple[list[EntrySlot], list[JudgeSlot]]:
    rng = random.Random(seed)
    units = [f"U{i:03d}" for i in range(n_units)]
    entries = [EntrySlot(i, rng.choice(units), rng.choice(CATEGORIES)) for i in range(n_entries)]
    judge_units = rng.sample(units, n_judges)
    judges = [JudgeSlot(100_000 + i, unit) for i, unit in enumerate(judge_units)]
    return entries, judges


def pair_walk(entries: list[EntrySlot], judges: list[JudgeSlot]) -> int:
    """Reference: look at every (entry, judge) pair once (an exact flow model has these arcs)."""
    eligible = 0
    for entry in entries:
        for judge in judges:
            if judge.unit != entry.unit:
                eligible += 1
    return eligible


def check(result: Assignment, entries: list[EntrySlot], judges: list[JudgeSlot], k: int) -> None:
    unit_of = {j.judge_id: j.unit for j in judges}
    for entry in entries:
        chosen = result.judges[entry.entry_id]
        if len(set(chosen)) != k or any(unit_of[j] == entry.unit for j in chosen):
            raise SystemExit(f"invariant broken for entry {entry.entry_id}: {chosen}")


def timed_assign(
    entries: list[EntrySlot], judges: list[JudgeSlot], k: int, seed: int, by_category: bool
) -> tuple[float, Assignment]:
    start = time.perf_counter()
    result = assign(entries, judges, k, seed=seed, by_category=by_category)
    return time.perf_counter() - start, result


def database_run(entries: list[EntrySlot], judges: list[JudgeSlot], k: int, seed: int) -> float:
    """`assign_round` end to end on a contest file holding the same contest."""
    from judge_app.intake.assign import assign_round

    with tempfile.TemporaryDirectory() as folder:
        db = create_contest_file(Path(folder) / "contest.sqlite")
        try:
            with db.session() as session, session.begin():
                contest = Contest(name="Benchmark")
                session.add(contest)
                session.flush()
                categories = {}
                for sort, code in enumerate(CATEGORIES):
                    category = Category(
                        contest_id=contest.id,
                        code=code,
                        name=code,
                        kind=CategoryKind.STAFF,
                        sort=sort,
                    )
                    categories[code] = category
                    session.add(category)
                unit_rows = {}
                for code in sorted({e.unit for e in entries if e.unit}):
                    unit_rows[code] = Unit(contest_id=contest.id, code=code, name=code)
                    session.add(unit_rows[code])
                session.flush()
                session.execute(
                    insert(Entry),
                    [
                        {
                            "contest_id": contest.id,
                            "code": f"E{e.entry_id:05d}",
                            "category_id": categories[e.category].id,
                            "unit_id": unit_rows[e.unit].id if e.unit else None,
                            "status": EntryStatus.READY,
                        }
                        for e in entries
                    ],
                )
                for judge in judges:
                    unit = unit_rows.get(judge.unit) if judge.unit else None
                    session.add(
                        Judge(
                            contest_id=contest.id,
                            code=f"GK{judge.judge_id}",
                            name="GK",
                            unit_id=unit.id if unit else None,
                        )
                    )
            start = time.perf_counter()
            assign_round(db, 1, k, seed, by_category=True, actor="benchmark")
            return time.perf_counter() - start
        finally:
            db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--k", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--no-db", action="store_true", help="skip the contest-file run")
    args = parser.parse_args(argv)

    entries, judges = make_contest(args.entries, args.judges, args.units, args.seed)
    start = time.perf_counter()
    pairs = pair_walk(entries, judges)
    walk = time.perf_counter() - start
    plain_time, plain = timed_assign(entries, judges, args.k, args.seed, by_category=False)
    cat_time, by_cat = timed_assign(entries, judges, args.k, args.seed, by_category=True)
    check(plain, entries, judges, args.k)
    check(by_cat, entries, judges, args.k)

    print(
        f"{args.entries:,} entries in {args.units} units, {args.judges} judges, k={args.k}, "
        f"{len(CATEGORIES)} categories; {pairs:,} eligible (entry, judge) pairs"
    )
    loads = by_cat.loads.values()
    spreads = by_cat.category_spread()
    print(
        f"assign, by category:      {cat_time:6.2f} s  loads {min(loads)}–{max(loads)} "
        f"(spread {by_cat.spread()}), per-category spread ≤ {max(spreads.values())}"
    )
    plain_loads = plain.loads.values()
    print(
        f"assign, totals only:      {plain_time:6.2f} s  loads {min(plain_loads)}–"
        f"{max(plain_loads)} (spread {plain.spread()})"
    )
    print(f"reference, one pass over every (entry, judge) pair: {walk:6.2f} s")
    if not args.no_db:
        whole = database_run(entries, judges, args.k, args.seed)
        print(f"assign_round on a contest file (read, plan, write): {whole:6.2f} s")
    met = cat_time <= BUDGET_SECONDS
    print(f"budget {BUDGET_SECONDS:g} s: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

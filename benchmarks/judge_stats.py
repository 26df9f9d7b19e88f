"""How long the judge statistics take on a large contest.

Run: `python benchmarks/judge_stats.py [--entries 20000] [--judges 60] [--resamples 1000]`.

The issue's case: 20,000 entries each graded by two of 60 judges (5 criteria, 4 multiple-choice
questions), plus a 10-entry calibration round. Budget: ≤ 5 s for the statistics from the contest
file: reading the gradings, per-judge and per-category figures, ICC and Krippendorff's α with
their intervals (1,000 bootstrap resamples each) for the total, every criterion, the
multiple-choice part and each category, and the z-scores. The contest file is generated first
(not timed) by the builder the tests use. Charts are timed apart (they are drawn on request).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "store"))

from stats_helpers import build_graded_contest

from judge_app.store.database import open_contest_file
from judge_app.store.judge_stats import compute_statistics, read_input

BUDGET_SECONDS = 5.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--charts", action="store_true", help="also time the charts")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contest.sqlite"
        started = time.perf_counter()
        build_graded_contest(
            path,
            entries=args.entries,
            judges=args.judges,
            offsets={"GK1": 25, "GK2": -25},
            calibration=10,
        )
        print(f"contest built in {time.perf_counter() - started:.1f} s (not timed)")

        started, cpu = time.perf_counter(), time.process_time()
        with open_contest_file(path) as db:
            data = read_input(db)
        read = time.perf_counter() - started
        stats = compute_statistics(data, normalise=True, resamples=args.resamples)
        total = time.perf_counter() - started
        cpu = time.process_time() - cpu
        parts = len(stats.agreement) + len(stats.agreement_by_category) + 1
        print(
            f"{len(data.counted):,} gradings, {len(stats.judges)} judges, "
            f"{parts} agreement figures × {args.resamples} resamples"
        )
        # CPU time beside the wall time: on a 2-core machine shared with other jobs the wall
        # time says more about the neighbours than about this code.
        print(
            f"read {read:.2f} s, statistics {total - read:.2f} s, total {total:.2f} s "
            f"(CPU {cpu:.2f} s)"
        )
        overall = stats.agreement[0]
        if overall.icc is not None and overall.alpha is not None:
            print(
                f"ICC(1,1) {overall.icc.value:.3f} "
                f"[{overall.icc.interval.low:.3f}, {overall.icc.interval.high:.3f}], "
                f"α {overall.alpha.value:.3f}; flagged: "
                + ", ".join(j.judge for j in stats.flagged())
            )
        if args.charts:
            from judge_app.reports.charts import statistics_charts

            started = time.perf_counter()
            charts = statistics_charts(stats)
            print(f"{len(charts)} charts in {time.perf_counter() - started:.2f} s")
    ok = total <= BUDGET_SECONDS
    print(f"budget {BUDGET_SECONDS:.0f} s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""`judge-app stats DB [--json] [--charts DIR] [--z-scores]`: the board's judge statistics.

Prints the per-judge table (overall, then per category), the agreement of the main pairs for
the total and each part with confidence intervals, the calibration round's agreement, and the
judges worth inviting to a calibration session. `--charts DIR` also writes the distribution
charts as PNG. Read only.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from judge_app.core.messages import render

if TYPE_CHECKING:
    from judge_app.core.agreement import ICC, Alpha
    from judge_app.store.judge_stats import JudgeStatistics, JudgeSummary, PartAgreement


def _number(value: Decimal | None) -> str:
    return "—" if value is None else str(value).replace(".", ",")


def _icc(icc: ICC | None) -> str:
    if icc is None:
        return "—"
    return f"{icc.value:.2f} [{icc.interval.low:.2f}; {icc.interval.high:.2f}]".replace(".", ",")


def _alpha(alpha: Alpha | None) -> str:
    if alpha is None:
        return "—"
    if alpha.interval is None:
        return f"{alpha.value:.2f}".replace(".", ",")
    low, high = alpha.interval.low, alpha.interval.high
    return f"{alpha.value:.2f} [{low:.2f}; {high:.2f}]".replace(".", ",")


def _minutes(value: float | None, scale: float = 1.0) -> str:
    return "—" if value is None else f"{value / scale:.1f}".replace(".", ",")


def _judge_line(j: JudgeSummary, lang: str) -> str:
    notes = ", ".join(render(f"stats_flag_{flag}", lang) for flag in j.flags)
    return "\t".join(
        [
            j.judge,
            j.name,
            str(j.graded),
            _number(j.mean),
            _number(j.sd),
            _number(j.leniency),
            _number(j.mean_gap),
            _icc(j.agreement),
            _minutes(j.time.median_minutes),
            _minutes(j.time.total_minutes, 60.0),
            notes,
        ]
    )


def _part_line(p: PartAgreement, lang: str) -> str:
    label = {"total": render("stats_part_total", lang), "choice": render("stats_part_choice", lang)}
    name = label.get(p.part) or (f"{p.part} – {p.name}" if p.name else p.part)
    if p.category:
        name = f"{p.category}: {name}"
    return "\t".join([name, str(p.pairs), _icc(p.icc), _icc(p.icc_mean), _alpha(p.alpha)])


def print_statistics(stats: JudgeStatistics, lang: str) -> None:
    from judge_app.store.judge_stats import SESSION_BREAK

    if not stats.totals:
        print(render("stats_no_gradings", lang))
        return
    print(render("stats_judges_heading", lang))
    print(render("stats_judge_header", lang))
    for judge in stats.judges:
        print(_judge_line(judge, lang))
    for code, rows in stats.by_category.items():
        print()
        print(render("stats_category_heading", lang, category=code))
        print(render("stats_judge_header", lang))
        for judge in rows:
            print(_judge_line(judge, lang))
    print()
    print(render("stats_agreement_heading", lang))
    print(render("stats_agreement_header", lang))
    for part in [*stats.agreement, *stats.agreement_by_category]:
        print(_part_line(part, lang))
    if stats.calibration is not None:
        print()
        print(render("stats_calibration_heading", lang, entries=stats.calibration.pairs))
        print(_part_line(stats.calibration, lang))
    print()
    flagged = stats.flagged()
    if flagged:
        names = ", ".join(
            f"{j.judge} ({', '.join(render(f'stats_flag_{f}', lang) for f in j.flags)})"
            for j in flagged
        )
        print(render("stats_flagged", lang, judges=names))
    else:
        print(
            render(
                "stats_none_flagged",
                lang,
                limit=_number(stats.leniency_limit),
                floor=f"{stats.agreement_floor:.2f}".replace(".", ","),
            )
        )
    print(render("stats_time_note", lang, minutes=int(SESSION_BREAK.total_seconds() // 60)))


def cmd_stats(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file
    from judge_app.store.judge_stats import as_dict, judge_statistics

    with open_contest_file(Path(args.db)) as db:
        stats = judge_statistics(db, normalise=args.z_scores, resamples=args.resamples)
    if args.json:
        print(json.dumps(as_dict(stats), ensure_ascii=False, indent=1))
    else:
        print_statistics(stats, lang)
    if args.charts:
        from judge_app.reports.charts import write_charts

        folder = Path(args.charts)
        written = write_charts(stats, folder, lang=lang)
        # On stderr with --json, so the JSON on stdout stays parseable.
        message = render("stats_charts_written", lang, count=len(written), path=folder)
        if args.json:
            print(message, file=sys.stderr)
        else:
            print(message)
    return 0


def _resamples(value: str) -> int:
    number = int(value)
    if not 0 <= number <= 100_000:
        raise argparse.ArgumentTypeError("0 … 100000")
    return number


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `stats` to the CLI's subparsers."""
    stats = sub.add_parser(
        "stats", help="judge statistics: leniency, agreement (ICC, α), time, charts"
    )
    stats.add_argument("db", help="the board's contest file")
    stats.add_argument("--json", action="store_true", help="print the statistics as JSON")
    stats.add_argument("--charts", metavar="DIR", help="also save the distribution charts (PNG)")
    stats.add_argument(
        "--z-scores",
        action="store_true",
        help="add each grading's z-score within its judge, rescaled (JSON only; raw kept)",
    )
    stats.add_argument(
        "--resamples",
        type=_resamples,
        default=1000,
        help="bootstrap resamples for α's interval (default 1000, seeded; 0: none)",
    )
    stats.set_defaults(handler=cmd_stats)

"""`judge-app assign …`: assign a grading round, or move a dropped judge's entries.

    judge-app assign DB --round R --per-entry K [--seed N] [--by-category] [--calibration N]
                        [--entries CODE,…] [--not-in-round R2 …] [--fix ENTRY=JUDGE[,JUDGE] …]
    judge-app assign drop DB --judge CODE --round R [--seed N] [--by-category]

`cli.build_parser` calls `add_commands(sub)`. Both forms share one sub-parser because argparse
cannot give a command both a positional DB and sub-commands: a first word `drop` selects the
second form. Only the standard library and the intake module are imported at parse time.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render

ACTOR = "cli"
DROP = "drop"


def add_commands(sub: Any) -> None:
    """Add the `assign` command to the `judge-app` sub-parsers."""
    parser = sub.add_parser(
        "assign",
        help="assign entries to judges for a round (or: assign drop DB --judge CODE --round R)",
    )
    parser.add_argument("db", metavar="DB", help="contest file (or the word 'drop', then DB)")
    parser.add_argument("drop_db", nargs="?", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--round", type=int, help="grading round, from 1 (with --third: 3)")
    parser.add_argument(
        "--third",
        action="store_true",
        help="one more judge for every entry whose two gradings differ by more than 1.5",
    )
    parser.add_argument("--per-entry", type=int, metavar="K", help="judges per entry")
    parser.add_argument("--seed", type=int, help="random seed (recorded, so a run repeats)")
    parser.add_argument(
        "--by-category", action="store_true", help="balance each judge's share per category too"
    )
    parser.add_argument(
        "--calibration",
        type=int,
        metavar="N",
        help="calibration round (chấm chung): N ≥ 10 sample entries for every judge",
    )
    parser.add_argument(
        "--entries",
        metavar="CODE,…",
        help="only these entries (e.g. those needing a third grading)",
    )
    parser.add_argument(
        "--not-in-round",
        type=int,
        action="append",
        default=[],
        metavar="R",
        help="judges of round R may not get the same entry again (repeatable)",
    )
    parser.add_argument(
        "--fix",
        action="append",
        default=[],
        metavar="ENTRY=JUDGE[,JUDGE]",
        help="manual override: this entry goes to these judges (repeatable)",
    )
    parser.add_argument("--judge", metavar="CODE", help="with drop: the judge who dropped out")
    parser.set_defaults(handler=cmd_assign)


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _overrides(items: list[str]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for item in items:
        entry, sep, judges = item.partition("=")
        if not sep or not entry.strip() or not _codes(judges):
            raise JudgeAppError("assign_bad_override", value=item)
        result.setdefault(entry.strip(), []).extend(_codes(judges))
    return result


def cmd_assign(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file

    if args.db == DROP and args.drop_db:
        return _cmd_drop(args, lang)
    if args.drop_db:
        raise JudgeAppError("assign_bad_usage", word=args.drop_db)
    if args.third:
        return _cmd_third(args, lang)
    if args.round is None:
        raise JudgeAppError("assign_missing_option", option="--round")
    if args.calibration is None and args.per_entry is None:
        raise JudgeAppError("assign_missing_option", option="--per-entry")
    from judge_app.intake.assign import assign_round

    path = Path(args.db)
    if not path.exists():
        raise JudgeAppError("file_not_found", path)
    with open_contest_file(path) as db:
        result = assign_round(
            db,
            args.round,
            args.per_entry or 1,
            args.seed,
            by_category=args.by_category,
            actor=ACTOR,
            calibration_size=args.calibration,
            entry_codes=_codes(args.entries) if args.entries is not None else None,
            exclude_rounds=args.not_in_round,
            overrides=_overrides(args.fix),
        )
    if not result.rows_added:
        print(render("assign_nothing", lang, round=args.round))
        return 0
    loads = result.loads
    print(
        render(
            "assign_done",
            lang,
            round=result.round,
            entries=result.entries_added,
            rows=result.rows_added,
            k=result.plan.k,
            low=min(loads.values()),
            high=max(loads.values()),
            seed=result.seed,
        )
    )
    _print_loads(loads, lang)
    return 0


THIRD_ROUND = 3  # chấm lần 3 (GUIDE §1): third gradings go to round 3 unless --round says


def _cmd_third(args: argparse.Namespace, lang: str) -> int:
    """Assign a third judge to each entry in the third-grading queue: never one who graded it
    already, balanced like any round; the rule of three settles it after the merge."""
    from sqlalchemy import select

    from judge_app.intake.assign import assign_round
    from judge_app.store.database import open_contest_file
    from judge_app.store.models import Assignment
    from judge_app.store.settlement import third_grading_codes

    path = Path(args.db)
    if not path.exists():
        raise JudgeAppError("file_not_found", path)
    round_ = args.round or THIRD_ROUND
    with open_contest_file(path) as db:
        codes = third_grading_codes(db)
        if not codes:
            print(render("assign_third_none", lang))
            return 0
        with db.read_session() as session:
            rounds = set(session.scalars(select(Assignment.round).distinct()))
        result = assign_round(
            db,
            round_,
            1,
            args.seed,
            actor=ACTOR,
            entry_codes=codes,
            exclude_rounds=rounds - {round_},
            overrides=_overrides(args.fix),
        )
    print(
        render(
            "assign_third_done",
            lang,
            entries=result.entries_added,
            round=round_,
            seed=result.seed,
        )
    )
    _print_loads(result.loads, lang)
    return 0


def _cmd_drop(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.assign import drop_judge
    from judge_app.store.database import open_contest_file

    if not args.judge:
        raise JudgeAppError("assign_missing_option", option="--judge")
    path = Path(args.drop_db)
    if not path.exists():
        raise JudgeAppError("file_not_found", path)
    with open_contest_file(path) as db:
        result = drop_judge(
            db,
            args.judge,
            args.round,
            args.seed,
            actor=ACTOR,
            by_category=args.by_category,
            exclude_rounds=args.not_in_round,
        )
    print(
        render(
            "assign_drop_done",
            lang,
            round=args.round,
            judge=args.judge,
            moved=result.moved,
            kept=result.kept,
            seed=result.seed,
        )
    )
    _print_loads(result.loads, lang)
    return 0


def _print_loads(loads: dict[str, int], lang: str) -> None:
    for judge, count in sorted(loads.items()):
        print(render("assign_load", lang, judge=judge, count=count))

"""`judge-app queue list` and `judge-app decide`: the head judge's work after a merge.

judge-app queue list DB [--queue discuss|third|head|…] [--json]
judge-app decide DB CODE --score S --reason "…" [--kind discussed|head]
judge-app decide DB CODE --invalid --reason "…"
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from judge_app.core.messages import render

BOARD_ACTOR = "board"


def cmd_queue_list(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file
    from judge_app.store.settlement import Queue, settle_entries

    with open_contest_file(Path(args.db)) as db:
        rows = settle_entries(db)
    counts = Counter(row.queue for row in rows)
    if args.queue:
        rows = [row for row in rows if row.queue.value == args.queue]
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "code": row.code,
                        "category": row.category,
                        "queue": row.queue.value,
                        "final": None if row.final is None else str(row.final),
                        "exact": None if row.exact is None else str(row.exact),
                        "rule": row.rule,
                        "gradings": [
                            {"judge": g.judge, "round": g.round, "total": str(g.total)}
                            for g in row.gradings
                        ],
                        "gaps": {part: str(gap) for part, gap in row.gaps},
                        "reason": row.decision,
                    }
                    for row in rows
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    for row in rows:
        totals = "  ".join(f"{g.judge}:{g.total.format()}" for g in row.gradings)
        gap = "" if row.gap is None else f"Δ{row.gap.format()}"
        final = "" if row.final is None else row.final.format()
        print(f"{row.code}\t{row.category}\t{row.queue.value}\t{final}\t{gap}\t{totals}")
    print(render("queue_summary", lang, **{q.value: counts.get(q, 0) for q in Queue}))
    return 0


def cmd_decide(args: argparse.Namespace, lang: str) -> int:
    from judge_app.core.scores import Points
    from judge_app.store.database import open_contest_file
    from judge_app.store.settlement import DecisionKind, record_decision

    kind = DecisionKind.INVALID if args.invalid else DecisionKind(args.kind)
    score = None if args.score is None else Points.parse(args.score)
    with open_contest_file(Path(args.db)) as db:
        settled = record_decision(
            db, args.code, kind=kind, score=score, reason=args.reason, actor=args.actor
        )
    shown = "—" if settled.final is None else settled.final.format()
    print(
        render("decision_recorded", lang, entry=args.code, queue=settled.queue.value, score=shown)
    )
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    queue = sub.add_parser("queue", help="where each entry stands: agreed, discuss, third grading…")
    queue_sub = queue.add_subparsers(dest="queue_command", metavar="COMMAND")
    listing = queue_sub.add_parser("list", help="list entries with their queue and final score")
    listing.add_argument("db", help="the board's contest file")
    listing.add_argument(
        "--queue",
        choices=[
            "waiting",
            "agreed",
            "discuss",
            "third",
            "third_assigned",
            "head",
            "decided",
            "invalid",
        ],
    )
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_queue_list)

    decide = sub.add_parser("decide", help="record a discussion outcome or the head judge's score")
    decide.add_argument("db", help="the board's contest file")
    decide.add_argument("code", help="the entry's code (số phách)")
    decide.add_argument("--score", help="the decided score, e.g. 7,5")
    decide.add_argument("--kind", choices=["discussed", "head"], default="head")
    decide.add_argument("--invalid", action="store_true", help="declare the entry invalid")
    decide.add_argument("--reason", required=True, help="why (goes into the record)")
    decide.add_argument("--actor", default=BOARD_ACTOR, help="who decides, for the audit log")
    decide.set_defaults(handler=cmd_decide)

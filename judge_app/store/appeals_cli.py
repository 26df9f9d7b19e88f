"""`judge-app appeal request | assign | settle | list`: appeals (phúc khảo), headless.

judge-app appeal request DB CODE --reason "…"          record it, open the entry
judge-app appeal assign DB [--seed N]                    two other judges (a third if they differ)
judge-app appeal settle DB CODE [--dialogue-record "…"]  apply the rule, record, lock again
judge-app appeal list DB [--json]                        every appeal with its state and history

`add_commands(sub, appeal_sub)` adds these beside `appeal unlock` when the results commands made
the `appeal` set (results_cli.add_commands returns it), else makes the `appeal` command itself.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from judge_app.core.messages import render

BOARD_ACTOR = "board"


def cmd_request(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.appeals import request_appeal
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        appeal = request_appeal(db, args.code, reason=args.reason, actor=args.actor)
    print(
        render(
            "appeal_requested_done",
            lang,
            number=appeal.number,
            entry=appeal.code,
            original=appeal.original.format(),
        )
    )
    return 0


def cmd_assign(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.appeals import assign_appeals
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        done = assign_appeals(db, seed=args.seed, actor=args.actor)
    if done.round is None:
        print(render("appeal_assign_nothing", lang))
        return 0
    print(
        render(
            "appeal_assigned_done", lang, round=done.round, two=len(done.two), third=len(done.third)
        )
    )
    for judge, load in sorted(done.loads.items()):
        print(f"  {judge}: {load}")
    return 0


def cmd_settle(args: argparse.Namespace, lang: str) -> int:
    from judge_app.core.scores import Points
    from judge_app.store.appeals import CHANGE_FROM, RULE_WORDS, settle_appeal
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        done = settle_appeal(db, args.code, dialogue=args.dialogue_record or "", actor=args.actor)
        maximum = db.read_scalar("SELECT max_total FROM contest LIMIT 1")
    appeal = done.appeal
    assert appeal.result is not None and appeal.new_final is not None
    if appeal.changed:
        rule = RULE_WORDS.get(appeal.rule, appeal.rule) if lang == "vi" else appeal.rule
        print(
            render(
                "appeal_settled_changed",
                lang,
                entry=appeal.code,
                original=appeal.original.format(),
                final=appeal.new_final.format(),
                rule=rule.replace("_", " "),
            )
        )
    else:
        threshold = Points((CHANGE_FROM.centi * int(maximum) + 500) // 1000)
        print(
            render(
                "appeal_settled_kept",
                lang,
                entry=appeal.code,
                result=appeal.result.format(),
                original=appeal.original.format(),
                threshold=threshold.format(),
            )
        )
    if done.relocked:
        print(render("appeal_relocked", lang, digest=done.digest[:16]))
    elif done.still_open:
        print(
            render(
                "appeal_relock_waiting",
                lang,
                count=len(done.still_open),
                entries=", ".join(done.still_open[:10]),
            )
        )
    return 0


def _plain(appeal: Any) -> dict[str, Any]:
    def score(value: Any) -> str | None:
        return None if value is None else str(value)

    return {
        "number": appeal.number,
        "code": appeal.code,
        "state": appeal.state.value,
        "reason": appeal.reason,
        "requested_by": appeal.requested_by,
        "requested_at": appeal.requested_at,
        "original": score(appeal.original),
        "original_rule": appeal.original_rule,
        "rounds": list(appeal.rounds),
        "gradings": [
            {"judge": g.judge, "round": g.round, "total": score(g.total)} for g in appeal.gradings
        ],
        "result": score(appeal.result),
        "rule": appeal.rule,
        "changed": appeal.changed,
        "new_final": score(appeal.new_final),
        "dialogue": appeal.dialogue,
        "settled_by": appeal.settled_by,
        "settled_at": appeal.settled_at,
    }


def cmd_list(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.appeals import list_appeals
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        appeals = list_appeals(db)
    if args.json:
        print(json.dumps([_plain(a) for a in appeals], ensure_ascii=False, indent=1))
        return 0
    if not appeals:
        print(render("appeal_list_empty", lang))
        return 0
    for appeal in appeals:
        totals = ", ".join(
            f"{g.judge}/{g.round}={'…' if g.total is None else g.total.format()}"
            for g in appeal.gradings
        )
        final = "" if appeal.new_final is None else f" → {appeal.new_final.format()}"
        print(
            f"{appeal.number:>3} {appeal.code:<10} {appeal.state.value:<13} "
            f"{appeal.original.format():>6}{final:<9} [{totals}] {appeal.reason}".rstrip()
        )
        if appeal.dialogue:
            print(f"      {appeal.dialogue}")
    return 0


def _actor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--actor", default=BOARD_ACTOR, help="who does this, for the audit log (default: board)"
    )


def add_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    appeal_sub: argparse._SubParsersAction[argparse.ArgumentParser] | None = None,
) -> None:
    """Add `appeal request | assign | settle | list` (into `appeal_sub` when given)."""
    if appeal_sub is None:
        appeal = sub.add_parser("appeal", help="appeals (phúc khảo)")
        appeal_sub = appeal.add_subparsers(dest="appeal_command", metavar="COMMAND")

    request = appeal_sub.add_parser("request", help="record an appeal and open the entry")
    request.add_argument("db", help="contest file")
    request.add_argument("code", help="the entry's code (số phách)")
    request.add_argument("--reason", required=True, help="the appeal's reason (recorded)")
    _actor(request)
    request.set_defaults(handler=cmd_request)

    assign = appeal_sub.add_parser(
        "assign", help="two other judges for each new appeal, a third where they differ"
    )
    assign.add_argument("db", help="contest file")
    assign.add_argument("--seed", type=int, help="seed of the draw (recorded; repeatable)")
    _actor(assign)
    assign.set_defaults(handler=cmd_assign)

    settle = appeal_sub.add_parser(
        "settle", help="apply the appeal rule to the merged gradings and lock again"
    )
    settle.add_argument("db", help="contest file")
    settle.add_argument("code", help="the entry's code (số phách)")
    settle.add_argument(
        "--dialogue-record",
        metavar="TEXT",
        help="record of the face-to-face dialogue (needed for a change of 0.5 or more)",
    )
    _actor(settle)
    settle.set_defaults(handler=cmd_settle)

    listing = appeal_sub.add_parser("list", help="every appeal with its state and history")
    listing.add_argument("db", help="contest file")
    listing.add_argument("--json", action="store_true", help="as JSON")
    listing.set_defaults(handler=cmd_list)

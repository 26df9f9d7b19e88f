"""`judge-app lock | results show | tie settle | appeal unlock`: the results stage, headless.

judge-app lock DB                                  freeze every final score (khoá điểm)
judge-app results show DB [--all] [--json]         rankings, prizes, ties, units
judge-app tie settle DB --group KEY --order A,B,… --reason "…"
judge-app appeal unlock DB CODE --reason "…"       open one entry for an appeal (phúc khảo)

`add_commands` returns the `results` and `appeal` sub-command sets, so the result exports and
the appeal flow can add their own sub-commands beside these.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from judge_app.core.messages import render

BOARD_ACTOR = "board"


def cmd_lock(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file
    from judge_app.store.results import lock_results
    from judge_app.store.results_lock import lock_state

    path = Path(args.db)
    with open_contest_file(path) as db:
        digest = lock_results(db, actor=args.actor)
        count = db.read_scalar("SELECT count(*) FROM entry")
        assert lock_state(db).final
    print(render("results_locked_done", lang, path=path, count=count, digest=digest[:16]))
    return 0


def _plain(value: Any) -> Any:
    """JSON-ready: Decimals and scores as exact text, dates in ISO form."""
    from judge_app.core.scores import Points

    if isinstance(value, Points):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _fields(item: Any) -> dict[str, Any]:
    """A result dataclass's fields, one level deep (scores stay exact text, not objects)."""
    return {field.name: _plain(getattr(item, field.name)) for field in dataclasses.fields(item)}


def _percent(fraction: Decimal, lang: str) -> str:
    text = format((fraction * 100).quantize(Decimal("0.01")), "f")
    return text.replace(".", ",") if lang == "vi" else text


def _prize(code: str, lang: str) -> str:
    return render(f"prize_{code}", lang)


def cmd_results_show(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file
    from judge_app.store.results import POOLED, compute_results

    with open_contest_file(Path(args.db)) as db:
        results = compute_results(db, lang=lang)
    if args.json:
        data = _fields(results)
        data["rankings"] = {
            key: [_fields(row) for row in rows] for key, rows in results.rankings.items()
        }
        for name in ("ties", "invalid", "units"):
            data[name] = [_fields(row) for row in getattr(results, name)]
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    print(
        render(
            "results_show_heading",
            lang,
            name=results.contest_name,
            ranked=results.ranked_entries,
            invalid=len(results.invalid),
            quality=results.quality_entries,
            share=_percent(results.quality_overall, lang),
            target=results.quality_target_percent,
        )
    )
    lists = [POOLED] if results.pooled else list(results.categories)
    for key in lists:
        rows = results.rankings.get(key, [])
        print(f"\n[{key if key == POOLED else results.categories.get(key, key)}]")
        sep = "," if lang == "vi" else "."
        for row in rows:
            if not (args.all or row.prizes or row.pending or row.tie_note):
                continue
            who = " / ".join(p for p in (row.participant, row.unit_name) if p)
            mark = "*" if row.quality else " "
            prize = " + ".join(_prize(p, lang) for p in row.prizes) or ("?" if row.pending else "-")
            print(
                f"{row.rank:>5} {row.code:<10} {row.final.format(sep):>6}{mark} {prize:<30}"
                f" {row.tie_note:<24} {who}".rstrip()
            )
    if results.ties:
        print()
        print(
            render(
                "results_show_ties", lang, count=len(results.ties), unsettled=len(results.unsettled)
            )
        )
        for tie in results.ties:
            state = tie.rule_used if tie.settled else "?"
            print(
                f"  {tie.key:<12} {tie.level:<22} {tie.exact}  [{state}]  "
                f"{', '.join(tie.order)}  {tie.reason}".rstrip()
            )
    print()
    print(render("results_show_units", lang))
    print(f"  {results.formula}")
    for unit in results.units:
        prize = _prize(unit.prize, lang) if unit.prize else ("?" if unit.pending else "-")
        score = format(unit.score.quantize(Decimal("0.0001")), "f")
        print(
            f"{unit.rank:>5} {unit.unit_code:<12} {unit.entries:>6}/{unit.headcount:<6}"
            f" {_percent(unit.participation, lang):>7}% {unit.quality_entries:>5}"
            f" {_percent(unit.quality_rate, lang):>7}%"
            f" {score.replace('.', ',') if lang == 'vi' else score} {prize:<18} {unit.unit_name}"
        )
    if results.invalid:
        print()
        print(render("results_show_invalid", lang))
        for item in results.invalid:
            print(f"  {item.code:<10} {item.category:<8} {item.reason}")
    for note in results.notes:
        print(render(note, lang))
    return 0


def cmd_tie_settle(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file
    from judge_app.store.results import settle_tie

    order = [code.strip() for code in args.order.split(",") if code.strip()]
    with open_contest_file(Path(args.db)) as db:
        tie = settle_tie(db, args.group, order, reason=args.reason, actor=args.actor)
    print(render("tie_settled_done", lang, group=tie.key, order=", ".join(tie.order)))
    return 0


def cmd_appeal_unlock(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file
    from judge_app.store.results import unlock_for_appeal

    with open_contest_file(Path(args.db)) as db:
        unlock_for_appeal(db, args.code, actor=args.actor, reason=args.reason)
    print(render("results_unlocked_done", lang, entry=args.code))
    return 0


def _actor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--actor", default=BOARD_ACTOR, help="who does this, for the audit log (default: board)"
    )


def add_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> dict[str, argparse._SubParsersAction[argparse.ArgumentParser]]:
    """Add `lock`, `results show`, `tie settle` and `appeal unlock`; returns the `results` and
    `appeal` sub-command sets for the exports and the appeal flow to extend."""
    lock = sub.add_parser("lock", help="lock every final score before reveal and prizes")
    lock.add_argument("db", help="contest file")
    _actor(lock)
    lock.set_defaults(handler=cmd_lock)

    results = sub.add_parser("results", help="rankings, prizes, ties and school ranking")
    results_sub = results.add_subparsers(dest="results_command", metavar="COMMAND")
    show = results_sub.add_parser("show", help="show the results of locked scores")
    show.add_argument("db", help="contest file")
    show.add_argument("--all", action="store_true", help="every ranked entry, not only prizes")
    show.add_argument("--json", action="store_true", help="everything as JSON")
    show.set_defaults(handler=cmd_results_show)

    tie = sub.add_parser("tie", help="ties at a prize boundary")
    tie_sub = tie.add_subparsers(dest="tie_command", metavar="COMMAND")
    settle = tie_sub.add_parser("settle", help="the board orders a tie the rule cannot settle")
    settle.add_argument("db", help="contest file")
    settle.add_argument("--group", required=True, help="the tie's key, e.g. all/3 (results show)")
    settle.add_argument("--order", required=True, help="entry codes best first, comma-separated")
    settle.add_argument("--reason", required=True, help="the board's reason (recorded)")
    _actor(settle)
    settle.set_defaults(handler=cmd_tie_settle)

    appeal = sub.add_parser("appeal", help="appeals (phúc khảo)")
    appeal_sub = appeal.add_subparsers(dest="appeal_command", metavar="COMMAND")
    unlock = appeal_sub.add_parser("unlock", help="open one entry of locked scores for an appeal")
    unlock.add_argument("db", help="contest file")
    unlock.add_argument("code", help="the entry's code (số phách)")
    unlock.add_argument("--reason", required=True, help="why (recorded)")
    _actor(unlock)
    unlock.set_defaults(handler=cmd_appeal_unlock)
    return {"results": results_sub, "appeal": appeal_sub}

"""`judge-app shortlist cut | list | assign` and `judge-app finalists export | import`, headless.

judge-app shortlist cut DB (--top N | --min-score X) [--per-category] [--round R]
judge-app shortlist list DB [--json]
judge-app shortlist assign DB --round R --per-entry K [--seed N] [--by-category]
judge-app finalists export DB (--top N | --min-score X) [--per-category] -o FILE.zip
judge-app finalists import DB FILE.zip
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from judge_app.core.messages import render

if TYPE_CHECKING:
    from judge_app.core.scores import Points
    from judge_app.store.shortlist import CutTie

BOARD_ACTOR = "board"


def _min_score(args: argparse.Namespace) -> Points | None:
    from judge_app.core.scores import Points

    return None if args.min_score is None else Points.parse(args.min_score)


def _print_ties(ties: Sequence[CutTie], lang: str) -> None:
    for tie in ties:
        print(
            render(
                "shortlist_tie_included",
                lang,
                group=tie.group,
                score=tie.score,
                count=len(tie.codes),
                entries=", ".join(tie.codes),
            )
        )


def cmd_cut(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file
    from judge_app.store.shortlist import cut_shortlist, rule_text

    with open_contest_file(Path(args.db)) as db:
        made = cut_shortlist(
            db,
            round_=args.round,
            top=args.top,
            min_score=_min_score(args),
            per_category=args.per_category,
            actor=args.actor,
        )
    rule = rule_text(made.top, made.min_score, made.per_category, lang)
    total = len(made.kept) + len(made.out)
    print(
        render(
            "shortlist_cut_done",
            lang,
            rule=rule,
            kept=len(made.kept),
            total=total,
            out=len(made.out),
        )
    )
    _print_ties(made.ties, lang)
    return 0


def cmd_list(args: argparse.Namespace, lang: str) -> int:
    from judge_app.core.errors import JudgeAppError
    from judge_app.store.database import open_contest_file
    from judge_app.store.shortlist import read_shortlist, rule_text

    with open_contest_file(Path(args.db)) as db:
        made = read_shortlist(db)
        if made is None:
            raise JudgeAppError("shortlist_none", db.path)
    if args.json:
        data = {
            "round": made.round,
            "rule": rule_text(made.top, made.min_score, made.per_category, lang),
            "top": made.top,
            "min_score": None if made.min_score is None else str(made.min_score),
            "per_category": made.per_category,
            "kept": list(made.kept),
            "out": made.out,
            "scores": {code: str(score) for code, score in made.scores.items()},
            "ties": [
                {"group": t.group, "score": str(t.score), "codes": list(t.codes)} for t in made.ties
            ],
            "by": made.by,
            "at": made.at,
        }
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    rule = rule_text(made.top, made.min_score, made.per_category, lang)
    total = len(made.kept) + len(made.out)
    print(
        render(
            "shortlist_cut_done",
            lang,
            rule=rule,
            kept=len(made.kept),
            total=total,
            out=len(made.out),
        )
    )
    for code in made.kept:
        print(f"  + {code:<10} {made.scores[code].format():>6}")
    for code in sorted(made.out):
        print(f"  - {code:<10} {made.scores[code].format():>6}")
    _print_ties(made.ties, lang)
    return 0


def cmd_assign(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file
    from judge_app.store.shortlist import assign_shortlist

    with open_contest_file(Path(args.db)) as db:
        round_, count = assign_shortlist(
            db,
            args.round,
            args.per_entry,
            args.seed,
            by_category=args.by_category,
            actor=args.actor,
        )
    print(
        render("shortlist_assigned_done", lang, round=round_, entries=count, judges=args.per_entry)
    )
    return 0


def cmd_export(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file
    from judge_app.store.shortlist import export_finalists

    with open_contest_file(Path(args.db)) as db:
        done = export_finalists(
            db,
            Path(args.output),
            top=args.top,
            min_score=_min_score(args),
            per_category=args.per_category,
            actor=args.actor,
        )
    print(
        render("finalists_exported_done", lang, path=done.path, count=done.count, files=done.files)
    )
    _print_ties(done.ties, lang)
    return 0


def cmd_import(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file
    from judge_app.store.shortlist import import_finalists

    package = Path(args.package)
    with open_contest_file(Path(args.db)) as db:
        done = import_finalists(db, package, actor=args.actor)
    print(
        render(
            "finalists_imported_done", lang, path=package, count=len(done.codes), files=done.files
        )
    )
    for source, code in done.codes.items():
        print(f"  {source} → {code}")
    return 0


def _rule(parser: argparse.ArgumentParser) -> None:
    rule = parser.add_mutually_exclusive_group(required=True)
    rule.add_argument("--top", type=int, metavar="N", help="the N best (ties at the cut all kept)")
    rule.add_argument("--min-score", metavar="X", help="every entry scoring X or more")
    parser.add_argument("--per-category", action="store_true", help="the rule in each category")


def _actor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--actor", default=BOARD_ACTOR, help="who does this, for the audit log (default: board)"
    )


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `shortlist cut | list | assign` and `finalists export | import`."""
    shortlist = sub.add_parser("shortlist", help="the shortlist after a screening round (sơ khảo)")
    shortlist_sub = shortlist.add_subparsers(dest="shortlist_command", metavar="COMMAND")
    cut = shortlist_sub.add_parser("cut", help="cut the shortlist on the screening scores")
    cut.add_argument("db", help="contest file")
    _rule(cut)
    cut.add_argument("--round", type=int, default=1, help="the screening round (default 1)")
    _actor(cut)
    cut.set_defaults(handler=cmd_cut)

    listing = shortlist_sub.add_parser("list", help="the shortlist, its rule and ties")
    listing.add_argument("db", help="contest file")
    listing.add_argument("--json", action="store_true", help="as JSON")
    listing.set_defaults(handler=cmd_list)

    assign = shortlist_sub.add_parser("assign", help="assign the main round to the shortlist")
    assign.add_argument("db", help="contest file")
    assign.add_argument("--round", type=int, required=True, help="the main round's number")
    assign.add_argument("--per-entry", type=int, default=2, help="judges per entry (default 2)")
    assign.add_argument("--seed", type=int, help="seed of the draw (recorded; repeatable)")
    assign.add_argument("--by-category", action="store_true", help="balance loads per category")
    _actor(assign)
    assign.set_defaults(handler=cmd_assign)

    finalists = sub.add_parser("finalists", help="finalists for the next tier's contest")
    finalists_sub = finalists.add_subparsers(dest="finalists_command", metavar="COMMAND")
    export = finalists_sub.add_parser(
        "export", help="package the finalists (files, identities, scores) as a zip"
    )
    export.add_argument("db", help="contest file")
    _rule(export)
    export.add_argument("-o", "--output", required=True, metavar="FILE.zip")
    _actor(export)
    export.set_defaults(handler=cmd_export)

    imported = finalists_sub.add_parser(
        "import", help="create the package's finalists as entries of this contest"
    )
    imported.add_argument("db", help="contest file (the next tier's)")
    imported.add_argument("package", metavar="FILE.zip")
    _actor(imported)
    imported.set_defaults(handler=cmd_import)

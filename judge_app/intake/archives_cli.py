"""`judge-app unpack SOURCE… -o DIR`: what intake would take from what schools sent.

A dry run of intake: files are unpacked into DIR exactly as intake will take them, but nothing
is recorded in a contest. It lists the files kept, the system junk ignored and every refusal
with its reason, so the board can ask a school to resend before the deadline. Wired into the
CLI by `add_commands`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judge_app.core.messages import render

if TYPE_CHECKING:
    from judge_app.intake.archives import UnpackReport

EXIT_REFUSALS = 2  # like `inspect`: something needs a person's attention


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    unpack = sub.add_parser(
        "unpack", help="unpack e-mails (.eml), zips, folders or files: what intake would take"
    )
    unpack.add_argument("sources", nargs="+", metavar="SOURCE")
    unpack.add_argument("-o", "--output", required=True, metavar="DIR", help="target folder")
    unpack.add_argument("--json", action="store_true", help="machine-readable output")
    unpack.set_defaults(handler=cmd_unpack)


def cmd_unpack(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.archives import unpack_sources

    report = unpack_sources([Path(s) for s in args.sources], Path(args.output))
    if args.json:
        print(json.dumps(_json(report, lang), ensure_ascii=False, indent=2))
    else:
        _print(report, lang)
    return EXIT_REFUSALS if report.refused else 0


def _json(report: UnpackReport, lang: str) -> dict[str, Any]:
    data = report.to_dict()
    for refusal in data["refused"]:
        refusal["message"] = render(refusal["code"], lang, **refusal["params"])
    return data


def _chain(chain: tuple[str, ...]) -> str:
    return " → ".join(chain)


def _print(report: UnpackReport, lang: str) -> None:
    for source in report.sources:
        if source.kind == "email":
            when = source.received.isoformat(sep=" ") if source.received else None
            print(
                render(
                    "unpack_source_email",
                    lang,
                    source=source.source_id,
                    sender=source.sender or "?",
                    subject=source.subject or "",
                    received=when or render("unpack_unknown_time", lang),
                )
            )
        else:
            print(render("unpack_source_plain", lang, source=source.source_id, path=source.path))
    for kept in report.kept:
        print(
            render(
                "unpack_kept_line",
                lang,
                stored=kept.stored,
                size=kept.size,
                chain=_chain(kept.chain),
            )
        )
    for ignored in report.ignored:
        print(render("unpack_ignored_line", lang, chain=_chain(ignored.chain)))
    for refusal in report.refused:
        reason = render(refusal.code, lang, **refusal.params)
        print(render("unpack_refused_line", lang, chain=_chain(refusal.chain), reason=reason))
    print(
        render(
            "unpack_summary",
            lang,
            kept=len(report.kept),
            target=report.target,
            ignored=len(report.ignored),
            refused=len(report.refused),
        )
    )

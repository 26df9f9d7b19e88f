"""`judge-app scan-leaks CONTEST_FILE [--json]`: entries whose text names their entrant.

For the head judge (or the Ban Làm phách): the output quotes the names found, so it belongs on
their screen only. A sealed contest needs the board's passphrase(s), asked for like `reveal`
does (`--passphrase-file`, the environment, or a prompt); the identities are opened in memory
and nothing is written to the contest file. Wired into the CLI by `add_commands`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render

if TYPE_CHECKING:
    from judge_app.intake.leak_scan import EntryLeakReport

EXIT_ATTENTION = 2  # like `inspect` and `unpack`: something needs a person's attention


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `scan-leaks` to the CLI's subparsers."""
    scan = sub.add_parser(
        "scan-leaks",
        help="find entries whose text names the entrant, the school, a phone or an e-mail",
    )
    scan.add_argument("db", metavar="CONTEST_FILE")
    scan.add_argument("--json", action="store_true", help="machine-readable output")
    scan.add_argument(
        "--passphrase-file",
        action="append",
        metavar="FILE",
        help="file whose first line is a seal passphrase (twice for the two-key seal)",
    )
    scan.set_defaults(handler=cmd_scan_leaks)


def cmd_scan_leaks(args: argparse.Namespace, lang: str) -> int:
    from judge_app.documents.service import DocumentService
    from judge_app.intake.leak_scan import build_identity_hints, has_sealed_records, scan_contest
    from judge_app.intake.seal import seal_key_count
    from judge_app.intake.seal_cli import passphrases_for
    from judge_app.store.database import open_contest_file
    from judge_app.store.models import FileRole

    path = Path(args.db)
    with open_contest_file(path) as db:
        if db.role != FileRole.BOARD:
            raise JudgeAppError("leak_scan_workspace", path)
        phrases: list[bytes] = []
        if has_sealed_records(db):
            phrases = passphrases_for(args, lang, needed=seal_key_count(db), new_seal=False)
        identities = build_identity_hints(db, phrases)
        with DocumentService(lang=lang) as service:
            reports = scan_contest(db, service, identities)
    if args.json:
        print(json.dumps([_json(r, lang) for r in reports], ensure_ascii=False, indent=2))
    else:
        _print(path, reports, lang)
    attention = any(r.status in ("hits", "unreadable") for r in reports)
    return EXIT_ATTENTION if attention else 0


def _json(report: EntryLeakReport, lang: str) -> dict[str, Any]:
    return {
        "code": report.code,
        "status": report.status,
        "strong": report.strong,
        "identity_known": report.identity_known,
        "files": [
            {
                "file": f.file_number,
                "status": f.status,
                "pages_checked": f.pages_checked,
                "pages": f.pages_total,
                "reason": render(f.reason, lang, **f.reason_params) if f.reason else None,
            }
            for f in report.files
        ],
        "hits": [
            {
                "file": h.file_number,
                "page": h.page,
                "kind": h.hit.kind,
                "confidence": h.hit.confidence,
                "text": h.hit.text,
                "start": h.hit.start,
                "end": h.hit.end,
            }
            for h in report.hits
        ],
    }


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _print(path: Path, reports: list[EntryLeakReport], lang: str) -> None:
    for report in reports:
        if report.status == "clean" and all(f.status == "clean" for f in report.files):
            continue
        print(
            render(
                "leak_scan_entry", lang, entry=report.code, status=f"leak_status_{report.status}"
            )
        )
        if not report.identity_known:
            print(render("leak_scan_no_identity", lang))
        for hit in report.hits:
            print(
                render(
                    "leak_scan_hit",
                    lang,
                    file=hit.file_number,
                    page=hit.page,
                    kind=f"leak_kind_{hit.hit.kind}",
                    confidence=f"leak_confidence_{hit.hit.confidence}",
                    text=_one_line(hit.hit.text),
                )
            )
        for scan in report.files:
            if scan.status == "not_checked":
                print(render("leak_scan_file_unchecked", lang, file=scan.file_number))
            elif scan.status == "unreadable":
                reason = render(scan.reason, lang, **scan.reason_params) if scan.reason else "?"
                print(
                    render("leak_scan_file_unreadable", lang, file=scan.file_number, reason=reason)
                )
            elif scan.pages_checked < scan.pages_total:
                print(
                    render(
                        "leak_scan_file_truncated",
                        lang,
                        file=scan.file_number,
                        checked=scan.pages_checked,
                        pages=scan.pages_total,
                    )
                )
    counts = {status: 0 for status in ("clean", "hits", "not_checked", "unreadable")}
    for report in reports:
        counts[report.status] += 1
    print(render("leak_scan_summary", lang, path=path, entries=len(reports), **counts))
    if counts["hits"]:
        print(render("leak_scan_advice", lang))

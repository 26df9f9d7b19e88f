"""`judge-app intake DB --unit UNIT SOURCE…`: receive a unit's entries, wired in by `add_commands`.

Prints a summary per status, every problem and everyone without an entry. Exit status: 0 when
nothing needs the board's attention, 3 when something does (late, unlinked, duplicate, empty,
unreadable or refused files, list problems, people without an entry).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import os
from pathlib import Path
from typing import Any

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render

EXIT_ATTENTION = 3
ACTOR_ENV = "JUDGE_APP_ACTOR"
# Statuses printed under the summary, in this order (keys of IntakeReport.counts()).
STATUSES = (
    "late",
    "needs_linking",
    "ambiguous",
    "duplicate",
    "empty",
    "unreadable",
    "other_kind",
    "refused",
    "no_entry",
)


def _actor(args: argparse.Namespace) -> str:
    """--actor, else $JUDGE_APP_ACTOR, else the login name (as the seal commands do)."""
    if args.actor:
        return str(args.actor)
    try:
        return os.environ.get(ACTOR_ENV) or getpass.getuser()
    except (KeyError, OSError):  # no user name in a container or service account
        return "cli"


def _readers() -> int:
    """Document reader children for the format check: one per core, at most two.

    Each child holds its own PyMuPDF (about 100 MB); a third gains nothing on the 2-core
    machines boards use and costs memory.
    """
    return max(1, min(2, os.cpu_count() or 1))


def parse_received(value: str) -> dt.datetime:
    """A local receipt time: "2019-08-20 16:45" (ISO; "T" and seconds accepted)."""
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise JudgeAppError("receive_received_bad", None, value=value) from exc


def add_commands(sub: Any) -> None:
    """Add `intake` to the `judge-app` sub-command parsers."""
    intake = sub.add_parser(
        "intake", help="receive a unit's entries (e-mails, zips, folders, files) into a contest"
    )
    intake.add_argument("db", metavar="DB", help="contest file")
    intake.add_argument("sources", nargs="+", metavar="SOURCE", help=".eml, .zip, folder or file")
    intake.add_argument(
        "--unit",
        metavar="UNIT",
        help="code of the sending unit; without it, every .eml (files or folders) goes to the "
        "unit that sent it (registered address, or unit code/name in the subject)",
    )
    intake.add_argument("--list", metavar="FILE", help="the unit's participant list (XLSX/XLS/CSV)")
    intake.add_argument(
        "--received",
        metavar='"YYYY-MM-DD HH:MM"',
        help="local receipt time of sources that are not e-mails (default: now)",
    )
    intake.add_argument("--report", metavar="OUT.xlsx", help="write the intake report")
    intake.add_argument("--receipt", metavar="OUT.xlsx", help="write the receipt for the unit")
    intake.add_argument("--actor", help="who does this, for the audit log (default: login name)")
    intake.add_argument(
        "--no-check", action="store_true", help="skip the format check of the new files"
    )
    intake.set_defaults(handler=cmd_intake)


def cmd_intake(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.receive import receive
    from judge_app.store.database import open_contest_file

    path = Path(args.db)
    if not path.exists():
        raise JudgeAppError("file_not_found", path)
    received = parse_received(args.received) if args.received else None
    sources = [Path(s) for s in args.sources]
    status = 0
    with open_contest_file(path) as db, contextlib.ExitStack() as stack:
        kwargs: dict[str, Any] = {
            "participant_list": Path(args.list) if args.list else None,
            "received_at": received,
            "actor": _actor(args),
        }
        services: list[Any] | None = None
        if not args.no_check:
            from judge_app.documents.service import DocumentService

            services = [stack.enter_context(DocumentService(lang=lang)) for _ in range(_readers())]
        if args.unit:
            report = receive(db, args.unit, sources, service=services, **kwargs)
            return _print_report(report, args, lang, single=True)
        from judge_app.intake.mailbox import route_emails

        if args.list:
            raise JudgeAppError("mailbox_list_needs_unit", path)
        routing = route_emails(db, sources)
        for email_path, reason in routing.unrouted:
            print(render(reason, lang, path=email_path))
            status = EXIT_ATTENTION
        for unit_code, emails in sorted(routing.by_unit.items()):
            report = receive(db, unit_code, emails, service=services, **kwargs)
            status = max(status, _print_report(report, args, lang, single=False))
    return status


def _print_report(report: Any, args: argparse.Namespace, lang: str, *, single: bool) -> int:
    """The unit's summary, problems and people without an entry; the XLSX files asked for
    (one per unit in a mailbox run: the unit's code is added to the names given)."""
    from judge_app.intake.receive import problem_text, write_receipt_xlsx, write_report_xlsx

    counts = report.counts()
    print(
        render(
            "receive_summary",
            lang,
            unit=report.unit_code,
            entries=counts["entries_new"],
            files=counts["files_new"],
            already=counts["already_received"],
            added=counts["participants_added"],
        )
    )
    for status in STATUSES:
        if counts[status]:
            label = render(f"receive_status_{status}", lang)
            print(render("receive_status_line", lang, status=label, count=counts[status]))
    if not report.missing_known:
        print(render("receive_missing_sealed", lang))
    for problem in report.problems:
        print(
            render(
                "receive_problem_line",
                lang,
                entry=problem.entry or "-",
                subject=problem.subject,
                problem=problem_text(problem, lang),
            )
        )
    for person in report.missing:
        print(
            render(
                "receive_problem_line",
                lang,
                entry="-",
                subject=person.full_name,
                problem=render("receive_no_entry", lang),
            )
        )
    if args.report:
        target = _per_unit(Path(args.report), report.unit_code, single)
        write_report_xlsx(report, target, lang=lang)
        print(render("receive_report_written", lang, path=target))
    if args.receipt:
        target = _per_unit(Path(args.receipt), report.unit_code, single)
        write_receipt_xlsx(report, report.unit_name or report.unit_code, target)
        print(render("receive_receipt_written", lang, path=target))
    return EXIT_ATTENTION if report.problems or report.missing else 0


def _per_unit(path: Path, unit_code: str, single: bool) -> Path:
    return path if single else path.with_name(f"{path.stem}-{unit_code}{path.suffix}")

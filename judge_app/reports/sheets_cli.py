"""`judge-app sheets …`: the printable documents, headless.

    judge-app sheets score FILE.jgs --contest DB -o OUT.pdf
    judge-app sheets judge DB [--judge CODE] [--round N] -o OUT.pdf|FOLDER
    judge-app sheets records DB -o OUT.pdf
    judge-app sheets merge-summary DB -o OUT.pdf [--actor NAME]

The documents are Vietnamese whatever the language; only these messages follow --lang.
PyMuPDF and the report modules are imported inside the commands (building the parser stays
cheap for every other command).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from judge_app.core.messages import render


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError("YYYY-MM-DD") from None


def cmd_sheet_score(args: argparse.Namespace, lang: str) -> int:
    from judge_app.reports.score_sheet import score_sheet_from_file

    report = score_sheet_from_file(
        Path(args.file), Path(args.contest), Path(args.output), date=args.date
    )
    print(
        render(
            "sheet_written",
            lang,
            judge=report.judge,
            round=report.round,
            entries=report.entries,
            pages=report.pages,
            path=report.path,
        )
    )
    return 0


def cmd_sheet_judge(args: argparse.Namespace, lang: str) -> int:
    from judge_app.reports.score_sheet import score_sheets_from_contest
    from judge_app.store.database import open_contest_file

    out = Path(args.output)
    with open_contest_file(Path(args.db)) as db:
        reports = score_sheets_from_contest(db, out, args.judge, round_=args.round, date=args.date)
    for report in reports:
        print(
            render(
                "sheet_written",
                lang,
                judge=report.judge,
                round=report.round,
                entries=report.entries,
                pages=report.pages,
                path=report.path,
            )
        )
    return 0


def cmd_sheet_records(args: argparse.Namespace, lang: str) -> int:
    from judge_app.reports.records import discrepancy_record
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        report = discrepancy_record(db, Path(args.output), date=args.date)
    print(
        render("record_written", lang, entries=report.entries, pages=report.pages, path=report.path)
    )
    return 0


def cmd_sheet_merge_summary(args: argparse.Namespace, lang: str) -> int:
    from judge_app.reports.records import merge_summary
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        report = merge_summary(db, Path(args.output), actor=args.actor or "", date=args.date)
    print(
        render(
            "merge_summary_written",
            lang,
            entries=report.entries,
            pages=report.pages,
            path=report.path,
        )
    )
    return 0


def _dated(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date printed on the place-and-date line (default: today)",
    )


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sheets score | judge | records | merge-summary`."""
    sheets = sub.add_parser("sheets", help="printable score sheets, records and merge summary")
    sheets_sub = sheets.add_subparsers(dest="sheets_command", metavar="COMMAND", required=True)

    score = sheets_sub.add_parser("score", help="a judge's score sheet from a score file")
    score.add_argument("file", metavar="FILE.jgs")
    score.add_argument(
        "--contest", required=True, metavar="DB", help="contest file or workspace (the rubric)"
    )
    score.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    _dated(score)
    score.set_defaults(handler=cmd_sheet_score)

    judge = sheets_sub.add_parser("judge", help="score sheets from the contest file's gradings")
    judge.add_argument("db", help="the board's contest file")
    judge.add_argument("--judge", metavar="CODE", help="one judge (default: every judge)")
    judge.add_argument("--round", type=int, metavar="N", help="one grading round")
    judge.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.pdf|FOLDER",
        help="one PDF, or a folder for one file per judge and round",
    )
    _dated(judge)
    judge.set_defaults(handler=cmd_sheet_judge)

    records = sheets_sub.add_parser("records", help="the record of discrepancies settled")
    records.add_argument("db", help="the board's contest file")
    records.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    _dated(records)
    records.set_defaults(handler=cmd_sheet_records)

    summary = sheets_sub.add_parser("merge-summary", help="which score files were merged")
    summary.add_argument("db", help="the board's contest file")
    summary.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    summary.add_argument("--actor", help="who merged, printed on the signature line")
    _dated(summary)
    summary.set_defaults(handler=cmd_sheet_merge_summary)

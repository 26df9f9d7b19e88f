"""`judge-app results export DB -o DIR`: every result output of a locked contest, headless.

    judge-app results export DB -o DIR [--template T.docx] [--date YYYY-MM-DD]
                                     [--signer NAME] [--no-certificates]

`store.results_cli.add_commands` owns `results` (and `results show`); it returns the `results`
sub-command set, which `add_commands` here extends with `export`. The reports and PyMuPDF are
imported inside the command, so building the parser stays cheap.
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


def cmd_results_export(args: argparse.Namespace, lang: str) -> int:
    from judge_app.reports.results_export import export_results
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        report = export_results(
            db,
            Path(args.output),
            template=Path(args.template) if args.template else None,
            date=args.date,
            certificates=not args.no_certificates,
            signer=args.signer,
        )
    certificates = report.certificates
    print(
        render(
            "results_exported",
            lang,
            folder=report.folder,
            prizes=report.prizes,
            certificates=len(certificates.docx) if certificates else 0,
        )
    )
    for path in report.files:
        if path.parent == report.folder:
            print(f"  {path}")
    if certificates is not None and certificates.docx:
        print(f"  {certificates.docx[0].parent}/ ({len(certificates.docx)} DOCX)")
    if report.unsettled:
        print(render("results_export_unsettled", lang, count=report.unsettled))
    for note in report.notes:
        print(render(note, lang))
    return 0


def add_commands(results: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `export` to the `results` sub-commands (from store.results_cli.add_commands)."""
    export = results.add_parser(
        "export", help="write the results workbook, result list PDFs and certificates"
    )
    export.add_argument("db", help="contest file (results locked)")
    export.add_argument("-o", "--output", required=True, help="folder for the files")
    export.add_argument(
        "--template",
        help="certificate template (DOCX with {{ho_ten}}, {{don_vi}}, {{doi_tuong}}, {{giai}}…)",
    )
    export.add_argument("--date", type=_date, help="date on the documents (default: today)")
    export.add_argument("--signer", help="name printed under the certificates' signature")
    export.add_argument(
        "--no-certificates", action="store_true", help="only the workbook and the PDF lists"
    )
    export.set_defaults(handler=cmd_results_export)

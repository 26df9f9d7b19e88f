"""`judge-app participants check FILE`: read a participant list and list its problems.

Wired into `judge_app.cli` by `add_commands(sub)`. Exit status: 0 when the list has no errors
(warnings allowed), 3 when some rows need fixing, 2 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render

if TYPE_CHECKING:
    from judge_app.intake.participants import ColumnMapping

LOW_CONFIDENCE = 0.75  # below it, the board should look at the column mapping before importing


def _date(value: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError as exc:
        raise argparse.ArgumentTypeError("dd/mm/yyyy") from exc


def add_commands(sub: Any) -> None:
    """Add `participants check` to the `judge-app` sub-command parsers."""
    participants = sub.add_parser("participants", help="participant lists (danh sách dự thi)")
    actions = participants.add_subparsers(dest="participants_command", metavar="ACTION")
    actions.required = True
    check = actions.add_parser("check", help="read a list (XLSX/XLS/CSV) and show its problems")
    check.add_argument("file", metavar="FILE")
    check.add_argument("--unit", metavar="CODE", help="the unit (school) that sent the list")
    check.add_argument(
        "--db", metavar="CONTEST", help="contest file: use the mapping remembered for --unit"
    )
    check.add_argument("--sheet", help="read this sheet (default: the one that looks like a list)")
    check.add_argument(
        "--date",
        type=_date,
        metavar="DD/MM/YYYY",
        help="day ages are counted on (default: today)",
    )
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.set_defaults(handler=cmd_participants_check)


def _remembered(args: argparse.Namespace) -> ColumnMapping | None:
    from judge_app.intake.participants import load_mapping

    if not (args.db and args.unit):
        return None
    from judge_app.store.database import open_contest_file  # SQLAlchemy only when asked

    path = Path(args.db)
    if not path.exists():
        raise JudgeAppError("file_not_found", path)
    with open_contest_file(path) as db:
        return load_mapping(db, args.unit)


def cmd_participants_check(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.participants import (
        column_letter,
        guess_mapping,
        parse_participants,
        read_table,
    )

    path = Path(args.file)
    table = read_table(path, sheet=args.sheet)
    mapping = guess_mapping(table, _remembered(args))
    if mapping.header_row is None:
        raise JudgeAppError("list_no_header", path, sheet=table.sheet)
    reference = args.date or dt.date.today()
    result = parse_participants(table, mapping, reference_date=reference, unit=args.unit or "")
    counts = result.counts()
    errors = len(result.errors)
    if args.json:
        payload = {
            "path": str(path),
            "kind": table.kind,
            "sheet": table.sheet,
            "sheets": list(table.sheets),
            "encoding": table.encoding,
            "delimiter": table.delimiter,
            "reference_date": reference.isoformat(),
            "mapping": mapping.to_dict(),
            "counts": counts,
            "footer_row": result.footer_row,
            "participants": [row.to_dict() for row in result.rows],
            "problems": [
                {**p.to_dict(), "message": render(p.code, lang, **p.params)}
                for p in result.problems
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 3 if errors else 0
    students = ", ".join(f"{c[1:]}: {n}" for c, n in sorted(counts.items()) if c.startswith("g"))
    print(
        render(
            "list_summary",
            lang,
            path=path,
            sheet=table.sheet,
            header=mapping.header_row,
            people=len(result.rows),
            staff=counts.get("staff", 0),
            students=students or "0",
            errors=errors,
            warnings=len(result.problems) - errors,
        )
    )
    columns = ", ".join(
        f"{column_letter(column)}={render('list_field_' + field, lang)}"
        for field, column in mapping.columns
    )
    print(render("list_columns", lang, columns=columns))
    if mapping.confidence < LOW_CONFIDENCE:
        print(render("list_low_confidence", lang, confidence=f"{mapping.confidence:.0%}"))
    for problem in result.problems:
        print(
            render(
                "list_problem_line",
                lang,
                row=problem.row,
                problem=render(problem.code, lang, **problem.params),
            )
        )
    return 3 if errors else 0

"""`judge-app scores import | list`: a judge's workspace from the command line.

For judges who graded on paper and for scripts. Added under the `scores` command by
`judge_app.exchange.score_file_cli.add_commands` (which owns `scores export | verify`) through
`add_scores_subcommands`. Heavy modules are imported inside the commands only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from judge_app.core.messages import describe, render
from judge_app.core.scores import Points

__all__ = ["add_scores_subcommands", "cmd_scores_import", "cmd_scores_list"]


def cmd_scores_import(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange.scores_import import ScoresImportError, import_scores
    from judge_app.store.database import open_contest_file

    workspace, source = Path(args.workspace), Path(args.file)
    with open_contest_file(workspace) as db:
        try:
            report = import_scores(db, source, submit=args.submit)
        except ScoresImportError as rejected:
            for problem in rejected.problems:
                reason = describe(problem.error, lang)
                if problem.column is None:
                    line = render("scores_import_row_problem", lang, row=problem.row, reason=reason)
                else:
                    line = render(
                        "scores_import_cell_problem",
                        lang,
                        row=problem.row,
                        column=problem.column,
                        reason=reason,
                    )
                print(line, file=sys.stderr)
            raise
    print(
        render(
            "scores_imported",
            lang,
            path=source,
            workspace=workspace,
            rows=report.rows,
            scores=report.scores,
            answers=report.answers,
            comments=report.comments,
            submitted=report.submitted,
        )
    )
    return 0


def _points(value: Points | None) -> str | None:
    return None if value is None else value.format(".")


def cmd_scores_list(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store import grading
    from judge_app.store.database import open_contest_file

    workspace = Path(args.workspace)
    with open_contest_file(workspace) as db:
        info = grading.workspace_info(db)
        rubric = grading.load_rubric(db)
        rows = grading.list_entries(db)
        states = [grading.grading_state(db, row.code) for row in rows]
    criteria = {c.id: c.code for c in rubric.criteria}
    questions = {q.id: q.number for q in rubric.questions}
    entries: list[dict[str, Any]] = [
        {
            "code": row.code,
            "category": row.category,
            "status": state.status.value,
            "revision": state.revision,
            "answers": {
                str(questions[q]): state.answers.get(q) for q in questions if q in state.answers
            },
            "choice_points": _points(state.choice_points),
            "scores": {code: _points(state.scores.get(cid)) for cid, code in criteria.items()},
            "total": _points(state.total) if row.total is not None else None,
            "flags": dict(state.flags),
            "comment": state.comment,
            "missing": list(state.missing),
        }
        for row, state in zip(rows, states, strict=True)
    ]
    if args.json:
        document = {
            "contest": info.contest_name,
            "judge": info.judge_code,
            "round": info.round,
            "criteria": list(criteria.values()),
            "entries": entries,
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    header = ["code", "status", *criteria.values(), "total", "flags"]
    table: list[list[str]] = [
        [
            row.code,
            render(f"grading_progress_{state.status.value}", lang),
            *(_shown(state.scores.get(cid), lang) for cid in criteria),
            _shown(state.total if row.total is not None else None, lang),
            ", ".join(state.flags),
        ]
        for row, state in zip(rows, states, strict=True)
    ]
    widths = [max(len(line[i]) for line in [header, *table]) for i in range(len(header))]
    for line in [header, *table]:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
    done = sum(1 for state in states if state.status is grading.GradingProgress.SUBMITTED)
    print(render("scores_list_summary", lang, done=done, total=len(entries), judge=info.judge_code))
    return 0


def _shown(value: Points | None, lang: str) -> str:
    """Vietnamese writes 7,5; "·" for not scored."""
    return "·" if value is None else value.format("," if lang == "vi" else ".")


def add_scores_subcommands(
    scores_sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """`import` and `list` under the `scores` command."""
    importer = scores_sub.add_parser(
        "import", help="import scores from a CSV/XLSX sheet into a workspace (all or nothing)"
    )
    importer.add_argument("workspace", help="the judge's workspace file")
    importer.add_argument("file", metavar="FILE.csv|xlsx")
    importer.add_argument(
        "--submit", action="store_true", help="submit every imported entry (all must be complete)"
    )
    importer.set_defaults(handler=cmd_scores_import)

    lister = scores_sub.add_parser("list", help="every entry's status, scores, total and flags")
    lister.add_argument("workspace", help="the judge's workspace file")
    lister.add_argument("--json", action="store_true", help="machine-readable output")
    lister.set_defaults(handler=cmd_scores_list)

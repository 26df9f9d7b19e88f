"""The `judge-app` command: every job the GUI does has a headless command too.

Qt is imported only inside the commands that open windows (`gui`, `demo`), so scripts, tests
and benchmarks that call the other commands never load it.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judge_app import __version__
from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import DEFAULT_LANGUAGE, LANGUAGES, describe, render
from judge_app.logs import setup_logging

if TYPE_CHECKING:
    from judge_app.documents.service import DocumentInfo, DocumentService

log = logging.getLogger("judge_app.cli")

DEMO_DEFAULT_DIR = Path("demo-contest")


def _language(args: argparse.Namespace) -> str:
    lang: str = args.lang or os.environ.get("JUDGE_APP_LANG") or DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def _platform_fallbacks() -> str | None:
    """Qt platforms to try in order, ending with offscreen, so that a missing or unreachable
    display (SSH, a server, DISPLAY set to a dead X server) falls back instead of aborting.
    None where the user chose a platform or the OS has a single one."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None
    order = [
        name
        for name, variable in (("wayland", "WAYLAND_DISPLAY"), ("xcb", "DISPLAY"))
        if os.environ.get(variable)
    ]
    return ";".join([*order, "offscreen"])


def _chosen_language(args: argparse.Namespace) -> str | None:
    """The language the user asked for on this run, or None to keep the GUI's saved choice."""
    lang: str | None = args.lang or os.environ.get("JUDGE_APP_LANG")
    return lang if lang in LANGUAGES else None


def _open_window(
    db_path: Path | None, args: argparse.Namespace, lang: str, screenshot_dir: Path
) -> int:
    """Open the main window, or, with no display, save a picture of it and say where."""
    from judge_app.ui.app import run_gui  # Qt only here

    fallbacks = _platform_fallbacks()
    if fallbacks:
        os.environ["QT_QPA_PLATFORM"] = fallbacks
    shot = screenshot_dir / "main-window.png"
    before = shot.stat().st_mtime_ns if shot.exists() else None
    code = run_gui(db_path, _chosen_language(args), headless_screenshot=shot)
    if shot.exists() and shot.stat().st_mtime_ns != before:
        print(render("no_display", lang, path=shot))
    return code


def cmd_demo(args: argparse.Namespace, lang: str) -> int:
    from judge_app.demo.build import build_demo_contest

    target = Path(args.dir)
    result = build_demo_contest(target, force=args.force)
    code = "demo_reused" if result.reused else "demo_created"
    print(render(code, lang, path=result.path, entries=result.entries, files=result.files))
    if args.no_gui:
        return 0
    return _open_window(result.path, args, lang, target.resolve())


def cmd_gui(args: argparse.Namespace, lang: str) -> int:
    db_path = Path(args.db) if args.db else None
    if db_path is not None and not db_path.exists():
        raise JudgeAppError("file_not_found", db_path)
    return _open_window(db_path, args, lang, Path.cwd())


def cmd_audit_verify(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.audit import verify
    from judge_app.store.database import open_contest_file

    path = Path(args.db)
    with open_contest_file(path) as db:
        report = verify(db)
    if report.ok:
        print(render("audit_ok", lang, path=path, rows=report.rows))
        return 0
    print(
        render("audit_broken", lang, path=path, row=report.first_bad_row, reason=report.reason),
        file=sys.stderr,
    )
    return 3


def cmd_db_check(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.database import open_contest_file

    path = Path(args.db)
    with open_contest_file(path, integrity="sync"):
        pass
    print(render("db_ok", lang, path=path))
    return 0


def cmd_db_backup(args: argparse.Namespace, lang: str) -> int:
    from judge_app.store.backup import backup_contest
    from judge_app.store.database import open_contest_file

    path = Path(args.db)
    with open_contest_file(path) as db:
        target = backup_contest(db, "manual")
    print(render("backup_done", lang, path=target))
    return 0


def _facts_dict(info: DocumentInfo, lang: str) -> dict[str, Any]:
    facts = info.facts
    return {
        "path": str(info.path),
        "kind": facts.kind.value,
        "placeholder": info.placeholder,
        "size_bytes": facts.size_bytes,
        "page_count": facts.page_count,
        "page_sizes_pt": [list(size) for size in facts.page_sizes_pt],
        "has_text": facts.has_text,
        "text_chars": facts.text_chars,
        "fonts": [{"name": f.name, "size_pt": f.size_pt, "chars": f.chars} for f in facts.fonts],
        "image_pixels": list(facts.image_pixels) if facts.image_pixels else None,
        "problems": [
            {"code": p.code, "params": p.params, "message": render(p.code, lang, **p.params)}
            for p in facts.problems
        ],
    }


def _format_report(info: DocumentInfo, service: DocumentService) -> dict[str, Any] | None:
    """The format check's verdict (None for a file that cannot be read: its reason is shown)."""
    from judge_app.documents.entry_check import format_report

    return None if info.placeholder else format_report(service, info)


def _print_facts(info: DocumentInfo, report: dict[str, Any] | None, lang: str) -> None:
    facts = info.facts
    if info.placeholder:
        return  # only the reason, on stderr
    sizes = sorted({f"{w:g} × {h:g}" for w, h in facts.page_sizes_pt})
    print(
        render(
            "inspect_summary",
            lang,
            path=info.path,
            kind=facts.kind.value.upper(),
            pages=facts.page_count,
            size=", ".join(sizes),
            size_bytes=facts.size_bytes,
        )
    )
    if not info.placeholder:
        print(
            render(
                "inspect_text",
                lang,
                has_text="word_yes" if facts.has_text else "word_no",
                chars=facts.text_chars,
            )
        )
    if facts.fonts:
        fonts = ", ".join(f"{f.name} {f.size_pt:g} pt ({f.chars})" for f in facts.fonts[:6])
        print(render("inspect_fonts", lang, fonts=fonts))
    if facts.image_pixels:
        width, height = facts.image_pixels
        print(render("inspect_image", lang, width=width, height=height))
    for problem in facts.problems:
        print(render("inspect_problem", lang, problem=render(problem.code, lang, **problem.params)))
    if report is not None:
        verdict = render(f"format_badge_{report['badge']}", lang)
        issues = [render(i["code"], lang, **i["params"]) for i in report["issues"]]
        print(render("inspect_format", lang, report="; ".join([verdict, *issues])))


def _unreadable(info: DocumentInfo, lang: str) -> None:
    problem = info.facts.problems[0]
    reason = render(problem.code, lang, **problem.params)
    print(render("document_unreadable", lang, path=info.path, reason=reason), file=sys.stderr)


def cmd_inspect(args: argparse.Namespace, lang: str) -> int:
    from judge_app.documents.service import DocumentService

    failed = False
    results = []
    with DocumentService(lang=lang) as service:
        for name in args.files:
            info = service.open(Path(name)).result()
            report = _format_report(info, service)
            if args.json:
                results.append({**_facts_dict(info, lang), "format": report})
            else:
                _print_facts(info, report, lang)
            if info.placeholder:
                failed = True
                _unreadable(info, lang)
            service.close(info.doc_id)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 2 if failed else 0


def cmd_check_format(args: argparse.Namespace, lang: str) -> int:
    from judge_app.documents.entry_check import check_contest_files
    from judge_app.documents.service import DocumentService
    from judge_app.store.database import open_contest_file

    path = Path(args.db)
    with open_contest_file(path) as db, DocumentService(lang=lang) as service:
        badges = check_contest_files(db, service, actor="board", recheck=args.recheck)
    print(
        render(
            "format_checked",
            lang,
            path=path,
            files=sum(badges.values()),
            ok=badges["ok"],
            warn=badges["warn"],
            scan=badges["scan"],
            error=badges["error"],
        )
    )
    return 0


def cmd_render(args: argparse.Namespace, lang: str) -> int:
    from PIL import Image

    from judge_app.documents.service import DocumentService
    from judge_app.fileio import write_atomically

    path, out = Path(args.file), Path(args.output)
    with DocumentService(lang=lang) as service:
        info = service.open(path).result()
        if info.placeholder:
            _unreadable(info, lang)
            return 2
        if not 1 <= args.page <= info.page_count:
            raise JudgeAppError("page_out_of_range", path, pages=info.page_count, page=args.page)
        page = service.render(info.doc_id, args.page - 1, args.dpi / 72.0).result()
    picture = Image.frombytes("RGB", (page.width, page.height), page.samples)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", dpi=(args.dpi, args.dpi))
    write_atomically(out, buffer.getvalue())
    print(
        render(
            "render_done",
            lang,
            page=args.page,
            path=path,
            out=out,
            width=page.width,
            height=page.height,
        )
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="judge-app",
        description="Chấm bài dự thi ngoại tuyến / offline grading of essay contests.",
    )
    parser.add_argument("--version", action="version", version=f"judge-app {__version__}")
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="ngôn ngữ / language (vi mặc định / default vi)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="create the demo contest and open it")
    demo.add_argument("dir", nargs="?", default=str(DEMO_DEFAULT_DIR), help="folder for it")
    demo.add_argument("--no-gui", action="store_true", help="only create it (for scripts)")
    demo.add_argument("--force", action="store_true", help="rebuild it from scratch")
    demo.set_defaults(handler=cmd_demo)

    gui = sub.add_parser("gui", help="open the main window")
    gui.add_argument("db", nargs="?", help="contest file to open")
    gui.set_defaults(handler=cmd_gui)

    audit = sub.add_parser("audit", help="audit log commands")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify_p = audit_sub.add_parser("verify", help="check the audit log's hash chain")
    verify_p.add_argument("db")
    verify_p.set_defaults(handler=cmd_audit_verify)

    db = sub.add_parser("db", help="contest file maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    check = db_sub.add_parser("check", help="full integrity check of a contest file")
    check.add_argument("db")
    check.set_defaults(handler=cmd_db_check)
    backup = db_sub.add_parser("backup", help="back the contest file up now")
    backup.add_argument("db")
    backup.set_defaults(handler=cmd_db_backup)

    inspect = sub.add_parser("inspect", help="facts and format check of entry files")
    inspect.add_argument("files", nargs="+", metavar="FILE")
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    inspect.set_defaults(handler=cmd_inspect)

    check_format = sub.add_parser(
        "check-format", help="format check of every entry file of a contest, stored for filters"
    )
    check_format.add_argument("db", metavar="CONTEST_FILE")
    check_format.add_argument("--recheck", action="store_true", help="check checked files again")
    check_format.set_defaults(handler=cmd_check_format)

    render_p = sub.add_parser("render", help="save one page of an entry file as PNG")
    render_p.add_argument("file", metavar="FILE")
    render_p.add_argument("--page", type=int, default=1, help="page number, from 1")
    render_p.add_argument("--dpi", type=_dpi, default=150.0, help="resolution (default 150)")
    render_p.add_argument("-o", "--output", required=True, metavar="OUT.png")
    render_p.set_defaults(handler=cmd_render)
    _add_area_commands(sub)
    return parser


def _add_area_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Commands that live beside their package (keys, intake): each adds its own parsers and
    imports its heavy libraries only when it runs."""
    from judge_app.exchange.cli import add_commands as add_key_commands
    from judge_app.exchange.package_cli import add_commands as add_package_commands
    from judge_app.exchange.score_file_cli import add_commands as add_score_file_commands
    from judge_app.intake.archives_cli import add_commands as add_unpack_commands
    from judge_app.intake.assign_cli import add_commands as add_assign_commands
    from judge_app.intake.contest_cli import add_commands as add_contest_commands
    from judge_app.intake.leak_scan_cli import add_commands as add_leak_commands
    from judge_app.intake.participants_cli import add_commands as add_list_commands
    from judge_app.intake.receive_cli import add_commands as add_intake_commands
    from judge_app.intake.redaction_cli import add_commands as add_redaction_commands
    from judge_app.intake.seal_cli import add_commands as add_seal_commands
    from judge_app.reports.results_cli import add_commands as add_results_export_commands
    from judge_app.reports.sheets_cli import add_commands as add_sheet_commands
    from judge_app.store.appeals_cli import add_commands as add_appeal_commands
    from judge_app.store.judge_stats_cli import add_commands as add_stats_commands
    from judge_app.store.results_cli import add_commands as add_results_commands
    from judge_app.store.settlement_cli import add_commands as add_settlement_commands
    from judge_app.store.shortlist_cli import add_commands as add_shortlist_commands

    add_contest_commands(sub)
    add_key_commands(sub)
    add_unpack_commands(sub)
    add_seal_commands(sub)
    add_assign_commands(sub)
    add_list_commands(sub)
    add_package_commands(sub)
    add_intake_commands(sub)
    add_leak_commands(sub)
    add_score_file_commands(sub)
    add_settlement_commands(sub)
    add_redaction_commands(sub)
    add_sheet_commands(sub)
    add_stats_commands(sub)
    areas = add_results_commands(sub)  # lock, results, tie, appeal: extended below
    add_results_export_commands(areas["results"])
    add_appeal_commands(sub, areas["appeal"])
    add_shortlist_commands(sub)


def _dpi(value: str) -> float:
    dpi = float(value)
    if not 10 <= dpi <= 1200:
        raise argparse.ArgumentTypeError("10 … 1200")
    return dpi


def main(argv: Sequence[str] | None = None) -> int:
    # A frozen Windows build starts the document reader child through this entry point.
    multiprocessing.freeze_support()
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = _language(args)
    handler: Callable[[argparse.Namespace, str], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    log_file = setup_logging()
    try:
        return handler(args, lang)
    except JudgeAppError as error:
        log.warning("command %s failed: %r", args.command, error)
        print(describe(error, lang), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `judge-app queue list … | head`: the reader left; say nothing more (and point stdout
        # at nothing, so the interpreter's own flush at exit does not raise again).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as error:  # the last line of defence: never a traceback on screen
        log.exception("unexpected error in %s", args.command)
        print(
            render("unexpected", lang, reason=type(error).__name__, log=log_file), file=sys.stderr
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())

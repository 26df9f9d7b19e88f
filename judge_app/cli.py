"""The `judge-app` command: every job the GUI does has a headless command too.

Qt is imported only inside the commands that open windows (`gui`, `demo`), so scripts, tests
and benchmarks that call the other commands never load it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from judge_app import __version__
from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import DEFAULT_LANGUAGE, LANGUAGES, describe, render
from judge_app.logs import setup_logging

log = logging.getLogger("judge_app.cli")

DEMO_DEFAULT_DIR = Path("demo-contest")


def _language(args: argparse.Namespace) -> str:
    lang: str = args.lang or os.environ.get("JUDGE_APP_LANG") or DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def _display_available() -> bool:
    """On Linux without X11/Wayland, Qt would abort; elsewhere a display is always there."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _chosen_language(args: argparse.Namespace) -> str | None:
    """The language the user asked for on this run, or None to keep the GUI's saved choice."""
    lang: str | None = args.lang or os.environ.get("JUDGE_APP_LANG")
    return lang if lang in LANGUAGES else None


def _open_window(
    db_path: Path | None, args: argparse.Namespace, lang: str, screenshot_dir: Path
) -> int:
    """Open the main window, or, with no display, save a picture of it and say where."""
    from judge_app.ui.app import run_gui  # Qt only here

    if _display_available():
        return run_gui(db_path, _chosen_language(args))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    shot = screenshot_dir / "main-window.png"
    code = run_gui(db_path, _chosen_language(args), screenshot=shot)
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
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
    except Exception as error:  # the last line of defence: never a traceback on screen
        log.exception("unexpected error in %s", args.command)
        print(
            render("unexpected", lang, reason=type(error).__name__, log=log_file), file=sys.stderr
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())

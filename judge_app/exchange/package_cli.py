"""`judge-app package …` and `judge-app workspace open …`.

    judge-app package DB --judge CODE [--round R] -o FILE [--passphrase-file F] [--key FP]
    judge-app workspace open PACKAGE -o WORKSPACE [--accept-fingerprint "…"]

`cli.build_parser` calls `add_commands(sub)`. Handlers take ``(args, lang)`` and raise
`JudgeAppError` for the main loop; the package modules (and `cryptography`) are imported
inside them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render

if TYPE_CHECKING:
    from judge_app.store.database import ContestDatabase

__all__ = ["add_commands", "cmd_package", "cmd_workspace_open"]

BOARD_ACTOR = "board"


def cmd_package(args: argparse.Namespace, lang: str) -> int:
    from sqlalchemy import select

    from judge_app.exchange import keys
    from judge_app.exchange.package import create_package
    from judge_app.exchange.passphrase import read_passphrase
    from judge_app.store.database import open_contest_file
    from judge_app.store.models import Judge

    db_path, out = Path(args.db), Path(args.output)
    if out.exists():  # before the passphrase prompt, not after it
        raise JudgeAppError("file_exists", out)
    with open_contest_file(db_path) as db:
        fingerprint: str | None = args.key
        if not fingerprint:
            with db.read_session() as session:
                heads = session.scalars(select(Judge).where(Judge.is_head.is_(True))).all()
            if len(heads) != 1:
                raise JudgeAppError("key_no_head_judge", db_path, count=len(heads))
            fingerprint = heads[0].key_fingerprint
            if fingerprint is None:
                raise JudgeAppError("package_no_head_key", db_path, judge=heads[0].code)
        passphrase = read_passphrase(args, confirm=False, lang=lang)
        folder = Path(args.key_folder) if args.key_folder else None
        private_key = keys.load_private_key(fingerprint, passphrase, folder=folder)
        seal_phrases = _seal_passphrases(db, args, lang)
        report = create_package(
            db,
            args.judge,
            args.round,
            out,
            private_key,
            actor=BOARD_ACTOR,
            passphrases=seal_phrases,
        )
    print(
        render(
            "package_created",
            lang,
            path=report.path,
            judge=report.judge,
            round=report.round,
            entries=report.entries,
            files=report.files,
        )
    )
    if report.redacted:
        characters = sum(count for _, _, count in report.redacted)
        print(render("package_redacted", lang, files=len(report.redacted), characters=characters))
    for note in report.notes:
        print(render(note, lang), file=sys.stderr)
    return 0


def _seal_passphrases(db: ContestDatabase, args: argparse.Namespace, lang: str) -> list[bytes]:
    """A sealed contest's passphrases, so the judges' copies can be redacted.

    In the real order of work the board seals before it packages; without these the copies
    would go out with the names on their cover pages.
    """
    from judge_app.intake.seal import seal_key_count
    from judge_app.intake.seal_cli import passphrases_for

    needed = seal_key_count(db)
    if needed is None:
        return []
    seal_args = argparse.Namespace(passphrase_file=args.seal_passphrase_file, keys=needed)
    return passphrases_for(seal_args, lang, needed=needed, new_seal=False)


def _typed_fingerprint(error: JudgeAppError, lang: str) -> str | None:
    """At a terminal, the fingerprint the judge types after hearing it; None elsewhere."""
    if not sys.stdin.isatty():
        return None
    prompt = render("workspace_prompt_fingerprint", lang, **error.params)
    try:
        heard = input(prompt + " ")
    except EOFError:
        return None
    return heard.strip() or None


def cmd_workspace_open(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange.workspace import open_package

    package, workspace = Path(args.package), Path(args.output)
    accept: str | None = args.accept_fingerprint
    try:
        report = open_package(package, workspace, accept_fingerprint=accept)
    except JudgeAppError as error:
        if error.code != "package_head_unknown" or accept is not None:
            raise
        heard = _typed_fingerprint(error, lang)
        if heard is None:
            raise
        report = open_package(package, workspace, accept_fingerprint=heard)
    if report.head_pinned_now:
        print(render("workspace_head_pinned", lang, fingerprint=report.head_fingerprint))
    print(
        render(
            "workspace_opened",
            lang,
            package=report.package,
            path=report.path,
            judge=report.judge,
            round=report.round,
            entries=report.entries_added,
            files=report.files_written,
        )
    )
    return 0


def add_commands(sub: Any) -> None:
    """Add `package` and `workspace open` to the `judge-app` sub-parsers."""
    package = sub.add_parser(
        "package", help="make a judge's signed grading package (rubric and entry copies)"
    )
    package.add_argument("db", metavar="DB", help="the board's contest file")
    package.add_argument("--judge", required=True, metavar="CODE", help="the judge's code")
    package.add_argument("--round", type=int, default=1, help="grading round (default 1)")
    package.add_argument("-o", "--output", required=True, metavar="FILE.jgp")
    package.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the head judge's passphrase from the first line of FILE "
        "(else $JUDGE_APP_PASSPHRASE, else a prompt)",
    )
    package.add_argument(
        "--key",
        metavar="FINGERPRINT",
        help="the signing key (default: the head judge's pinned key)",
    )
    package.add_argument(
        "--seal-passphrase-file",
        action="append",
        metavar="FILE",
        help="a sealed contest's passphrase (repeat for two), so names are redacted in the "
        "judges' copies (else $JUDGE_APP_SEAL_PASSPHRASE, else a prompt)",
    )
    package.add_argument(
        "--key-folder",
        metavar="DIR",
        help="where the key files are (default: this user's key folder; the demo's is "
        "demo-contest/keys)",
    )
    package.set_defaults(handler=cmd_package)

    workspace = sub.add_parser("workspace", help="a judge's workspace: open a grading package")
    workspace_sub = workspace.add_subparsers(
        dest="workspace_command", metavar="ACTION", required=True
    )
    open_p = workspace_sub.add_parser(
        "open", help="check a grading package and make (or extend) a workspace from it"
    )
    open_p.add_argument("package", metavar="PACKAGE")
    open_p.add_argument("-o", "--output", required=True, metavar="WORKSPACE")
    open_p.add_argument(
        "--accept-fingerprint",
        metavar="FINGERPRINT",
        help="the head judge's key fingerprint as read aloud (first package of a contest)",
    )
    open_p.set_defaults(handler=cmd_workspace_open)

"""`judge-app redact add | list | remove | preview`: the head judge's redaction boxes from the
command line, wired into the CLI by `add_commands`.

Pages and files count from 1 here, as on screen; a box is four fractions of the page
(x0,y0,x1,y1: left, top, right, bottom; 0,0 is the top left corner of the page as the viewer
shows it). `preview` writes one page of the judge's copy exactly as a package would carry it:
cleaned, the entrant's identity blacked out automatically, the boxes burned in. For a sealed
contest the automatic part needs the seal passphrase(s) (``--passphrase-file`` or a prompt);
without them the preview says so and shows the boxes only.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render


def _rect_text(rect: tuple[float, float, float, float]) -> str:
    return ",".join(f"{value:.4f}".rstrip("0").rstrip(".") for value in rect)


def _stale(packages: tuple[tuple[str, int], ...], lang: str) -> None:
    if packages:
        named = ", ".join(
            render("redaction_package_name", lang, judge=judge, round=round_)
            for judge, round_ in packages
        )
        print(render("redaction_packages_stale", lang, packages=named))


def cmd_add(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.redaction_boxes import add_box, parse_box
    from judge_app.intake.seal_cli import _actor
    from judge_app.store.database import open_contest_file

    rect = parse_box(args.box)
    with open_contest_file(Path(args.db)) as db:
        change = add_box(db, args.code, args.file, args.page - 1, rect, actor=_actor(args))
    box = change.box
    print(
        render(
            "redaction_box_added", lang, box=box.id, entry=box.code, file=box.file, page=args.page
        )
    )
    _stale(change.stale_packages, lang)
    return 0


def cmd_list(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.redaction_boxes import list_boxes
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        rows = list_boxes(db, args.code)
    if not rows:
        print(render("redaction_boxes_none", lang))
    for row in rows:
        print(
            render(
                "redaction_box_line",
                lang,
                box=row.id,
                entry=row.code,
                file=row.file,
                page=row.page + 1,
                rect=_rect_text(row.rect),
                by=row.created_by,
            )
        )
    return 0


def cmd_remove(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.redaction_boxes import remove_box
    from judge_app.intake.seal_cli import _actor
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        change = remove_box(db, args.box_id, actor=_actor(args))
    box = change.box
    print(
        render(
            "redaction_box_removed",
            lang,
            box=box.id,
            entry=box.code,
            file=box.file,
            page=box.page + 1,
        )
    )
    _stale(change.stale_packages, lang)
    return 0


def _seal_passphrases(args: argparse.Namespace, db: object, lang: str) -> list[bytes]:
    """The seal passphrase(s) when the contest is sealed and they can be had; else none (the
    preview then shows the boxes only, and says so)."""
    from judge_app.intake.seal import seal_key_count
    from judge_app.intake.seal_cli import PASSPHRASE_ENV, passphrases_for
    from judge_app.store.database import ContestDatabase

    assert isinstance(db, ContestDatabase)
    needed = seal_key_count(db)
    if needed is None:
        return []
    if args.passphrase_file or os.environ.get(PASSPHRASE_ENV) or sys.stdin.isatty():
        return passphrases_for(args, lang, needed=needed, new_seal=False)
    return []


def cmd_preview(args: argparse.Namespace, lang: str) -> int:
    from PIL import Image

    from judge_app.documents.service import DocumentService
    from judge_app.exchange.package import preview_copy
    from judge_app.fileio import write_atomically
    from judge_app.store.database import open_contest_file

    out = Path(args.output)
    with (
        open_contest_file(Path(args.db)) as db,
        tempfile.TemporaryDirectory(prefix="judge-app-preview-") as scratch,
    ):
        phrases = _seal_passphrases(args, db, lang)
        copy = preview_copy(db, args.code, args.file, Path(scratch), passphrases=phrases)
        with DocumentService(lang=lang) as service:
            info = service.open(copy.path).result()
            if info.placeholder:
                raise JudgeAppError("redaction_file_unreadable", copy.path)
            if not 1 <= args.page <= info.page_count:
                raise JudgeAppError(
                    "page_out_of_range", copy.path, pages=info.page_count, page=args.page
                )
            page = service.render(info.doc_id, args.page - 1, args.dpi / 72.0).result()
    picture = Image.frombytes("RGB", (page.width, page.height), page.samples)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", dpi=(args.dpi, args.dpi))
    write_atomically(out, buffer.getvalue())
    for note in copy.notes:
        print(render(note, lang))
    print(
        render(
            "redaction_preview_written",
            lang,
            page=args.page,
            entry=args.code,
            file=args.file,
            out=out,
            characters=copy.characters,
            boxes=copy.boxes,
        )
    )
    return 0


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("≥ 1")
    return number


def _dpi(value: str) -> float:
    dpi = float(value)
    if not 10 <= dpi <= 600:
        raise argparse.ArgumentTypeError("10 … 600")
    return dpi


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `redact add | list | remove | preview` to the CLI's subparsers."""
    redact = sub.add_parser(
        "redact", help="redaction boxes burned into the judges' copies (cover pages, scans)"
    )
    commands = redact.add_subparsers(dest="redact_command", required=True)

    add = commands.add_parser("add", help="add a box on a page of an entry's file")
    add.add_argument("db", help="contest file")
    add.add_argument("code", help="entry code (số phách)")
    add.add_argument("--file", type=_positive, default=1, help="file of the entry, from 1")
    add.add_argument("--page", type=_positive, required=True, help="page, from 1")
    add.add_argument(
        "--box",
        required=True,
        metavar="X0,Y0,X1,Y1",
        help="left, top, right, bottom as fractions 0–1 of the page",
    )
    add.add_argument("--actor", help="who does this, for the audit log (default: login name)")
    add.set_defaults(handler=cmd_add)

    listing = commands.add_parser("list", help="list the boxes (of one entry)")
    listing.add_argument("db", help="contest file")
    listing.add_argument("code", nargs="?", help="entry code (số phách)")
    listing.set_defaults(handler=cmd_list)

    remove = commands.add_parser("remove", help="remove a box by its number")
    remove.add_argument("db", help="contest file")
    remove.add_argument("box_id", type=_positive, metavar="BOX_ID")
    remove.add_argument("--actor", help="who does this, for the audit log (default: login name)")
    remove.set_defaults(handler=cmd_remove)

    preview = commands.add_parser(
        "preview", help="save a page of the judge's copy (automatic redaction and boxes) as PNG"
    )
    preview.add_argument("db", help="contest file")
    preview.add_argument("code", help="entry code (số phách)")
    preview.add_argument("--file", type=_positive, default=1, help="file of the entry, from 1")
    preview.add_argument("--page", type=_positive, default=1, help="page, from 1")
    preview.add_argument("--dpi", type=_dpi, default=110.0, help="resolution (110 by default)")
    preview.add_argument("-o", "--output", required=True, metavar="PAGE.png")
    preview.add_argument(
        "--passphrase-file",
        action="append",
        metavar="FILE",
        help="file whose first line is a seal passphrase (sealed contests; twice for two keys)",
    )
    preview.set_defaults(handler=cmd_preview)

"""The `judge-app key …` commands: create, list, export, show, register and replace keys.

`add_commands` plugs them into the main parser (judge_app/cli.py); every handler takes
``(args, lang)``, prints translated lines and raises `JudgeAppError` for the main loop to turn
into one translated line. `cryptography` is imported inside the handlers, so commands that do
not touch keys start without it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render

__all__ = ["BOARD_ACTOR", "add_commands"]

BOARD_ACTOR = "board"  # who the audit log names for changes made from the command line


def cmd_key_create(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange import keys
    from judge_app.exchange.passphrase import read_passphrase

    name = args.name.strip()
    if not name:
        raise JudgeAppError("key_name_required")
    passphrase = read_passphrase(args, confirm=True, lang=lang)
    if args.head:
        from judge_app.exchange.judge_keys import create_head_key
        from judge_app.store.database import open_contest_file

        db_path = Path(args.head)
        with open_contest_file(db_path) as db:
            info, pinned = create_head_key(db, name, passphrase, BOARD_ACTOR)
        print(render("key_created", lang, name=name, fingerprint=info.fingerprint))
        print(render("key_location", lang, path=info.private_path))
        print(render("key_head_pinned", lang, judge=pinned.judge, path=db_path))
        return 0
    info = keys.create_key(name, passphrase)
    print(render("key_created", lang, name=name, fingerprint=info.fingerprint))
    print(render("key_location", lang, path=info.private_path))
    return 0


def cmd_key_list(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange import keys

    found = keys.list_keys()
    if not found:
        print(render("key_list_empty", lang, path=keys.keys_dir()))
        return 0
    for info in found:
        print(
            render(
                "key_list_item",
                lang,
                fingerprint=info.fingerprint,
                name=info.name,
                created=info.created_at,
            )
        )
    return 0


def cmd_key_export(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange import keys

    out = Path(args.output)
    info = keys.export_public_key(args.fingerprint, out)
    print(render("key_exported", lang, fingerprint=info.fingerprint, path=out))
    return 0


def cmd_key_show(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange import keys

    path = Path(args.pubkey)
    fingerprint = keys.fingerprint(keys.load_public_key_file(path))
    print(render("key_fingerprint_of", lang, path=path, fingerprint=fingerprint))
    return 0


def _heard_fingerprint(args: argparse.Namespace, path: Path, lang: str) -> str:
    """The fingerprint the judge read aloud: `--fingerprint`, or typed in by the head judge.

    Typed, not a yes/no: comparing two long strings by eye is where mistakes slip through.
    """
    given: str | None = args.fingerprint
    if given:
        return given
    if not sys.stdin.isatty():
        raise JudgeAppError("key_fingerprint_required", path)
    try:
        heard = input(render("key_prompt_fingerprint", lang, path=path) + " ")
    except EOFError:
        heard = ""
    if not heard.strip():
        raise JudgeAppError("key_fingerprint_required", path)
    return heard


def cmd_key_register(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange import keys
    from judge_app.exchange.judge_keys import register_judge_key
    from judge_app.store.database import open_contest_file

    db_path, pem = Path(args.db), Path(args.pubkey)
    keys.load_public_key_file(pem)  # a bad file is refused before anyone reads anything aloud
    heard = _heard_fingerprint(args, pem, lang)
    with open_contest_file(db_path) as db:
        pinned = register_judge_key(
            db, args.judge, pem, expected_fingerprint=heard, actor=BOARD_ACTOR
        )
    code = "key_registered" if pinned.changed else "key_unchanged"
    print(render(code, lang, judge=pinned.judge, fingerprint=pinned.fingerprint, path=db_path))
    return 0


def cmd_key_replace(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange import keys
    from judge_app.exchange.judge_keys import replace_judge_key
    from judge_app.store.database import open_contest_file

    db_path, pem = Path(args.db), Path(args.pubkey)
    if not args.reason.strip():
        raise JudgeAppError("key_reason_required")
    keys.load_public_key_file(pem)
    heard = _heard_fingerprint(args, pem, lang)
    with open_contest_file(db_path) as db:
        pinned = replace_judge_key(
            db, args.judge, pem, args.reason, BOARD_ACTOR, expected_fingerprint=heard
        )
    print(
        render(
            "key_replaced",
            lang,
            judge=pinned.judge,
            fingerprint=pinned.fingerprint,
            old=pinned.retired,
            path=db_path,
        )
    )
    return 0


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase from the first line of FILE (else $JUDGE_APP_PASSPHRASE, "
        "else a prompt)",
    )


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `key` and its actions to the main parser's subcommands."""
    key = sub.add_parser("key", help="signing keys: create, export, register with a contest")
    key_sub = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)

    create = key_sub.add_parser("create", help="make a new key pair (passphrase-protected)")
    create.add_argument("--name", required=True, help="whose key it is, e.g. the judge's name")
    create.add_argument(
        "--head", metavar="CONTEST_FILE", help="also pin it as the head judge's key in this file"
    )
    _passphrase_option(create)
    create.set_defaults(handler=cmd_key_create)

    list_p = key_sub.add_parser("list", help="the keys on this computer")
    list_p.set_defaults(handler=cmd_key_list)

    export = key_sub.add_parser("export", help="write a key's public half to a file")
    export.add_argument("fingerprint", metavar="FINGERPRINT", help="the key (or its start)")
    export.add_argument("-o", "--output", required=True, metavar="FILE.pem")
    export.set_defaults(handler=cmd_key_export)

    show = key_sub.add_parser("show", help="the fingerprint of a public key file")
    show.add_argument("pubkey", metavar="PUBKEY")
    show.set_defaults(handler=cmd_key_show)

    register = key_sub.add_parser("register", help="pin a judge's key in a contest file")
    register.add_argument("db", metavar="CONTEST_FILE")
    register.add_argument("pubkey", metavar="PUBKEY")
    register.add_argument("--judge", required=True, metavar="CODE")
    register.add_argument(
        "--fingerprint", help="as the judge read it aloud (asked for when left out)"
    )
    register.set_defaults(handler=cmd_key_register)

    replace = key_sub.add_parser("replace", help="replace a judge's lost or leaked key")
    replace.add_argument("db", metavar="CONTEST_FILE")
    replace.add_argument("pubkey", metavar="PUBKEY")
    replace.add_argument("--judge", required=True, metavar="CODE")
    replace.add_argument("--reason", required=True, help="why (kept in the audit log)")
    replace.add_argument(
        "--fingerprint", help="as the judge read it aloud (asked for when left out)"
    )
    replace.set_defaults(handler=cmd_key_replace)

    from judge_app.exchange.key_backup_cli import add_key_subcommands

    add_key_subcommands(key_sub)

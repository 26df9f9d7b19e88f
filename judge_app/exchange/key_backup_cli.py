"""`judge-app key backup | restore`: the GUI's key backup and restore, headless.

    judge-app key backup FINGERPRINT -o FILE.jgk [--passphrase-file F]
    judge-app key restore FILE.jgk [--passphrase-file F]

Both ask for the key's passphrase (file, JUDGE_APP_PASSPHRASE, or a prompt): a backup is
written only when the passphrase opens the key, and a restore installs nothing unless it does.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from judge_app.core.messages import render


def cmd_key_backup(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange.key_backup import write_key_backup
    from judge_app.exchange.passphrase import read_passphrase

    passphrase = read_passphrase(args, confirm=False, lang=lang)
    backup = write_key_backup(args.fingerprint, Path(args.output), passphrase=passphrase)
    print(
        render(
            "key_backup_written",
            lang,
            name=backup.name,
            fingerprint=backup.fingerprint,
            path=backup.path,
        )
    )
    print(render("key_backup_file_warning", lang))
    return 0


def cmd_key_restore(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange.key_backup import restore_key_backup
    from judge_app.exchange.passphrase import read_passphrase

    passphrase = read_passphrase(args, confirm=False, lang=lang)
    path = Path(args.file)
    done = restore_key_backup(path, passphrase)
    code = "key_backup_restored" if done.installed else "key_backup_already_here"
    print(render(code, lang, name=done.info.name, fingerprint=done.info.fingerprint, path=path))
    return 0


def add_key_subcommands(key_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`backup` and `restore` under the `key` command (exchange/cli.py adds the others)."""
    passphrase_help = (
        "read the passphrase from the first line of FILE (else $JUDGE_APP_PASSPHRASE, else a "
        "prompt)"
    )
    backup = key_sub.add_parser(
        "backup", help="copy a key (still encrypted) to a file kept apart from this computer"
    )
    backup.add_argument("fingerprint", metavar="FINGERPRINT", help="the key (or its start)")
    backup.add_argument("-o", "--output", required=True, metavar="FILE.jgk")
    backup.add_argument("--passphrase-file", metavar="FILE", help=passphrase_help)
    backup.set_defaults(handler=cmd_key_backup)

    restore = key_sub.add_parser("restore", help="install a key from its backup file")
    restore.add_argument("file", metavar="FILE.jgk")
    restore.add_argument("--passphrase-file", metavar="FILE", help=passphrase_help)
    restore.set_defaults(handler=cmd_key_restore)

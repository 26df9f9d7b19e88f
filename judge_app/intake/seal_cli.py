"""`judge-app seal | reveal | codes`: the sealing commands, wired into the CLI by `add_commands`.

Passphrases come, in this order, from ``--passphrase-file`` (once per board member: two files
for the two-key seal), from the environment variable ``JUDGE_APP_SEAL_PASSPHRASE`` (one key
only: a variable is visible to one person), or typed at a prompt that does not echo. A new seal
asks for each passphrase twice, because a typo there would lock the identities away for good.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render

PASSPHRASE_ENV = "JUDGE_APP_SEAL_PASSPHRASE"
# seal_crypto (and so `cryptography`) is imported inside the commands only: building the
# parser must stay cheap for every other command.
MAX_KEYS = 2
ACTOR_ENV = "JUDGE_APP_ACTOR"


def _actor(args: argparse.Namespace) -> str:
    if args.actor:
        return str(args.actor)
    try:
        return os.environ.get(ACTOR_ENV) or getpass.getuser()
    except (KeyError, OSError):  # no user name in a container or service account
        return "cli"


def _read_passphrase_file(path: Path) -> bytes:
    from judge_app.intake.seal_crypto import passphrase_from_text

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise JudgeAppError("file_not_found", path) from None
    except OSError as exc:
        raise JudgeAppError("document_unreadable", path, reason=exc.strerror or str(exc)) from exc
    # The first line is the passphrase: editors add a final line end.
    phrase = passphrase_from_text(text.splitlines()[0] if text.strip() else "")
    if not phrase:
        raise JudgeAppError("seal_passphrase_file_empty", path)
    return phrase


def _prompt(count: int, lang: str, *, confirm: bool) -> list[bytes]:
    from judge_app.intake.seal_crypto import passphrase_from_text

    if not sys.stdin.isatty():
        raise JudgeAppError("seal_passphrase_missing")
    phrases = []
    for number in range(1, count + 1):
        phrase = getpass.getpass(render("seal_passphrase_prompt", lang, number=number))
        if confirm:
            again = getpass.getpass(render("seal_passphrase_repeat", lang, number=number))
            if again != phrase:
                raise JudgeAppError("seal_passphrase_mismatch")
        phrases.append(passphrase_from_text(phrase))
    return phrases


def passphrases_for(
    args: argparse.Namespace, lang: str, *, needed: int | None, new_seal: bool
) -> list[bytes]:
    """The passphrases of this run; `needed` is the file's key count (None before a seal)."""
    from judge_app.intake.seal_crypto import passphrase_from_text

    files: list[str] = args.passphrase_file or []
    if files:
        return [_read_passphrase_file(Path(name)) for name in files]
    count = needed or getattr(args, "keys", None) or 1
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env and count == 1:
        return [passphrase_from_text(from_env)]
    return _prompt(count, lang, confirm=new_seal)


def cmd_seal(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.seal import seal_identities, seal_key_count
    from judge_app.store.database import open_contest_file

    path = Path(args.db)
    with open_contest_file(path) as db:
        needed = seal_key_count(db)
        phrases = passphrases_for(args, lang, needed=needed, new_seal=needed is None)
        count = seal_identities(db, phrases, actor=_actor(args))
    print(render("seal_done", lang, path=path, count=count))
    return 0


def cmd_reveal(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.seal import seal_key_count, unseal_identities
    from judge_app.store.database import open_contest_file

    path = Path(args.db)
    with open_contest_file(path) as db:
        needed = seal_key_count(db)
        if needed is None:
            raise JudgeAppError("seal_not_set_up", path)
        phrases = passphrases_for(args, lang, needed=needed, new_seal=False)
        count = unseal_identities(
            db, phrases, actor=_actor(args), before_lock_reason=args.before_lock
        )
    print(render("reveal_done", lang, path=path, count=count))
    return 0


def cmd_codes(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.seal import seal_key_count
    from judge_app.intake.seal_list import write_code_list
    from judge_app.store.database import open_contest_file

    path, out = Path(args.db), Path(args.output)
    with open_contest_file(path) as db:
        needed = seal_key_count(db)
        # Before any seal the links are in clear: no passphrase to ask for.
        phrases = (
            [] if needed is None else passphrases_for(args, lang, needed=needed, new_seal=False)
        )
        count = write_code_list(db, phrases, out, actor=_actor(args), lang=lang)
    print(render("codes_written", lang, path=out, count=count))
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("db", help="contest file")
    parser.add_argument(
        "--passphrase-file",
        action="append",
        metavar="FILE",
        help="file whose first line is a seal passphrase (twice for the two-key seal)",
    )
    parser.add_argument("--actor", help="who does this, for the audit log (default: login name)")


def _keys(value: str) -> int:
    number = int(value)
    if not 1 <= number <= MAX_KEYS:
        raise argparse.ArgumentTypeError(f"1 … {MAX_KEYS}")
    return number


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `seal`, `reveal` and `codes` to the CLI's subparsers."""
    seal = sub.add_parser("seal", help="seal every unsealed identity record (làm phách)")
    _common(seal)
    seal.add_argument(
        "--keys",
        type=_keys,
        default=1,
        help="passphrases a new seal needs when typed at the prompt: 1, or 2 (two board members)",
    )
    seal.set_defaults(handler=cmd_seal)

    reveal = sub.add_parser("reveal", help="open the sealed identity records (ghép phách)")
    _common(reveal)
    reveal.add_argument(
        "--before-lock",
        metavar="REASON",
        help="reveal before the scores are locked (kept with the reason in the audit log)",
    )
    reveal.set_defaults(handler=cmd_reveal)

    codes = sub.add_parser("codes", help="write the code list for the board's sealed envelope")
    _common(codes)
    codes.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    codes.set_defaults(handler=cmd_codes)

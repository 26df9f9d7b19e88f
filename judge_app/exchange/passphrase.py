"""Where a key's passphrase comes from: a file, an environment variable, or a prompt.

Scripts and tests use ``--passphrase-file`` (first line) or ``JUDGE_APP_PASSPHRASE``; a person at
a terminal is asked (twice when a key is created). The passphrase is never an option's value:
it would show in the shell history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import DEFAULT_LANGUAGE, render
from judge_app.exchange.keys import MIN_PASSPHRASE_CHARS, normalise_passphrase

__all__ = ["PASSPHRASE_ENV", "read_passphrase"]

PASSPHRASE_ENV = "JUDGE_APP_PASSPHRASE"
MAX_PASSPHRASE_FILE = 64 * 1024


def _from_file(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_PASSPHRASE_FILE:
            raise JudgeAppError("key_passphrase_file_invalid", path)
        # utf-8-sig: Notepad starts UTF-8 files with a byte-order mark.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise JudgeAppError("file_not_found", path) from None
    except UnicodeDecodeError:
        raise JudgeAppError("key_passphrase_file_invalid", path) from None
    except OSError as exc:
        raise JudgeAppError("key_file_unreadable", path, reason=exc.strerror or str(exc)) from exc
    lines = text.splitlines()
    return lines[0] if lines else ""


def _from_prompt(confirm: bool, lang: str) -> str:
    if not sys.stdin.isatty():
        # getpass would fall back to reading the passphrase, echoed, from a pipe.
        raise JudgeAppError("key_passphrase_needed", env=PASSPHRASE_ENV)
    try:
        first = getpass.getpass(render("key_prompt_passphrase", lang) + " ")
        if confirm and len(first) >= MIN_PASSPHRASE_CHARS:
            again = getpass.getpass(render("key_prompt_passphrase_again", lang) + " ")
            if again != first:
                raise JudgeAppError("key_passphrase_mismatch")
    except EOFError:  # Ctrl-D at the prompt: no passphrase, refused as too short
        return ""
    return first


def read_passphrase(
    args: argparse.Namespace, *, confirm: bool, lang: str = DEFAULT_LANGUAGE
) -> bytes:
    """The passphrase as UTF-8 of its NFC form; refused when shorter than 8 characters."""
    file_name: str | None = getattr(args, "passphrase_file", None)
    if file_name:
        text = _from_file(Path(file_name))
    elif os.environ.get(PASSPHRASE_ENV):
        text = os.environ[PASSPHRASE_ENV]
    else:
        text = _from_prompt(confirm, lang)
    passphrase = normalise_passphrase(text)
    if len(passphrase.decode("utf-8")) < MIN_PASSPHRASE_CHARS:
        raise JudgeAppError("key_passphrase_too_short", minimum=MIN_PASSPHRASE_CHARS)
    return passphrase

"""A folder of many units' saved e-mails at once: which unit sent each one.

The contest mailbox is exported as .eml files; each school sends one. An e-mail belongs to the
unit whose registered address (`Unit.email`, several separated by commas or semicolons) sent
it; failing that, to the unit whose code stands as a word in the subject or the file name, or
whose name is in the subject (case and diacritics ignored). An e-mail that fits no unit, or
several, is never guessed: it is listed with the reason for the board to receive by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from judge_app.intake.email_source import EmailUnreadableError, read_email
from judge_app.intake.receive_match import fold
from judge_app.store.database import ContestDatabase
from judge_app.store.models import Unit

MAX_EMAIL_BYTES = 200 * 1024 * 1024


@dataclass
class MailboxRouting:
    by_unit: dict[str, list[Path]] = field(default_factory=dict)
    unrouted: list[tuple[Path, str]] = field(default_factory=list)  # (e-mail, message code)


def email_files(paths: list[Path]) -> list[Path]:
    """The .eml files named, and those directly or deeper inside the folders named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() == ".eml")
        else:
            found.append(path)
    return found


def _words(text: str) -> str:
    return " " + re.sub(r"[^0-9a-z]+", " ", fold(text)) + " "


def route_emails(db: ContestDatabase, paths: list[Path]) -> MailboxRouting:
    with db.read_session() as session:
        units = [(u.code, u.name, u.email) for u in session.scalars(select(Unit))]
    by_address = {
        address.strip().lower(): code
        for code, _name, emails in units
        for address in re.split(r"[,;\s]+", emails or "")
        if "@" in address
    }
    routing = MailboxRouting()
    for path in email_files(paths):
        try:
            if path.stat().st_size > MAX_EMAIL_BYTES:
                routing.unrouted.append((path, "mailbox_email_too_large"))
                continue
            message = read_email(path)
        except (OSError, EmailUnreadableError):
            routing.unrouted.append((path, "mailbox_email_unreadable"))
            continue
        sender = (message.sender or "").strip().lower()
        code = by_address.get(sender)
        if code is None:
            text = _words(f"{message.subject or ''} {path.stem}")
            by_code = {c for c, _n, _e in units if _words(c) in text}
            subject = _words(message.subject or "")
            by_name = {c for c, n, _e in units if n and _words(n) in subject}
            candidates = by_code or by_name
            if len(candidates) == 1:
                code = next(iter(candidates))
            else:
                reason = "mailbox_email_ambiguous" if candidates else "mailbox_email_no_unit"
                routing.unrouted.append((path, reason))
                continue
        routing.by_unit.setdefault(code, []).append(path)
    return routing

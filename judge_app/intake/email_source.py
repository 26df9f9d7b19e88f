"""A school's e-mail saved from the contest mailbox (.eml): its attachments and when it came.

The deadline is "received before 17:00", so the time that counts is the contest mailbox's own
stamp: the topmost `Received:` header, added by the last server, the mailbox's. The `Date:`
header is the sender's clock and is only the fallback. The sender's address and the subject
are kept because the unit (school) is usually recognisable from them.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import mimetypes
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path

MAX_FORWARD_DEPTH = 5  # e-mails forwarded inside e-mails, opaque ones only


@dataclass(frozen=True)
class EmailAttachment:
    """One attached file: its name as the sender's mail program wrote it, and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class SavedEmail:
    """What intake needs from one e-mail."""

    sender: str | None
    subject: str | None
    received: datetime | None
    attachments: tuple[EmailAttachment, ...]


class EmailUnreadableError(Exception):
    """The file cannot be read as an e-mail at all (the reason is the message)."""


def read_email(path: Path) -> SavedEmail:
    """Parse the .eml at `path` (the caller has checked its size: it is read into memory)."""
    try:
        with Path(path).open("rb") as handle:
            message = email.message_from_binary_file(handle, policy=email.policy.default)
    except (OSError, email.errors.MessageError, ValueError, UnicodeError, LookupError) as error:
        raise EmailUnreadableError(f"{type(error).__name__}: {error}") from error
    if not message.keys():
        raise EmailUnreadableError("no e-mail headers")
    return SavedEmail(
        sender=_sender(message),
        subject=_header_text(message, "Subject"),
        received=received_time(message),
        attachments=tuple(attachments(message)),
    )


def _header_text(message: Message, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, LookupError, email.errors.MessageError):
        return None  # a header so broken the parser's own decoding fails
    return " ".join(str(value).split()) if value is not None else None


def _sender(message: Message) -> str | None:
    text = _header_text(message, "From")
    if not text:
        return None
    name, address = parseaddr(text)
    return address or name or text


def _parse_date(text: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(text.strip())
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    # "-0000" means "zone unknown": RFC 5322 says treat it as UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def received_time(message: Message) -> datetime | None:
    """When the contest mailbox received `message`: topmost Received:, else Date:, else None."""
    try:
        stamps = message.get_all("Received") or []
    except (ValueError, LookupError, email.errors.MessageError):
        stamps = []
    if stamps:
        top = str(stamps[0])
        if ";" in top:
            moment = _parse_date(top.rsplit(";", 1)[1])
            if moment is not None:
                return moment
    date = _header_text(message, "Date")
    return _parse_date(date) if date else None


def attachments(message: Message, depth: int = 0) -> list[EmailAttachment]:
    """Every attached file, forwarded e-mails (message/rfc822) included; bodies are skipped."""
    found: list[EmailAttachment] = []
    for part in message.walk():
        if part.is_multipart():
            continue  # containers, parsed forwarded e-mails included: walk() goes into them
        if part.get_content_type() == "message/rfc822":
            # A forwarded e-mail some mailers base64-encode, so the parser left it opaque.
            inner = _payload(part)
            if inner and depth < MAX_FORWARD_DEPTH:
                forwarded = email.message_from_bytes(inner, policy=email.policy.default)
                found.extend(attachments(forwarded, depth + 1))
            continue
        try:
            name = part.get_filename()
        except (ValueError, LookupError, email.errors.MessageError):
            name = None
        if name is None and part.get_content_disposition() != "attachment":
            continue  # the message text, a signature logo
        if not name:
            extension = mimetypes.guess_extension(part.get_content_type()) or ".bin"
            name = f"attachment-{len(found) + 1}{extension}"
        found.append(EmailAttachment(str(name), _payload(part)))
    return found


def _payload(part: Message) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, LookupError, email.errors.MessageError):
        return b""
    return payload if isinstance(payload, bytes) else b""

"""Blacking out the entrant's identity in a judge's copy: name, own school, phone, e-mail.

Cover pages with the entrant's name are common in this contest (GUIDE §2): the judges' copies
must not show them. `redact_copy` runs on a copy that `cleaning.clean_copy` already wrote and
edits it in place (atomically): every hit of `core.leaks.find_leaks` at the chosen strength,
plus the entrant's birth date written out, becomes unreadable; everything else stays.

- DOCX (`redaction_docx`): each paragraph's text is searched as one string, so a name split
  over runs (a bold family name) is found; the hit's characters become "█" in the runs they
  sit in, formatting untouched; layout stays close (one block per letter, spaces kept).
- PDF (`redaction_pdf`): the characters are found with their boxes, covered by redaction
  annotations and removed from the page for real (`apply_redactions`), not just painted over.
- Photos, scans and other kinds: nothing can be read without OCR, so "not_checked"; the head
  judge's manual boxes for them are a later step.

Decisions:
- Only "strong" hits by default (the entrant's own name, unit, phone, e-mail; the birth date):
  weak ones ("Văn An" alone, a class, "Họ và tên:") are for the head judge's review, since
  blacking out ordinary words would damage the essay.
- A file without hits is not rewritten: its bytes stay identical.
- The report never carries what was redacted, only where and how many characters: the text of
  a hit is the entrant's name, which must not outlive the screen that shows it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from judge_app.core.leaks import IdentityHints, find_leaks
from judge_app.documents.model import DocKind, Problem
from judge_app.documents.sniff import sniff

__all__ = [
    "BLOCK",
    "Redaction",
    "RedactionReport",
    "RedactionStatus",
    "Strength",
    "identity_spans",
    "redact_copy",
    "redacted_text",
]

Strength = Literal["strong", "all"]
RedactionStatus = Literal["redacted", "clean", "not_checked", "failed"]
BLOCK = "█"


@dataclass(frozen=True, slots=True)
class Redaction:
    """Characters of one kind ("name", "unit", "birth_date"…) blacked out on one page (PDF,
    from 1) or in one paragraph (DOCX, from 1 in its part's order, `part` naming the part)."""

    kind: str
    where: int
    count: int
    part: str = ""


@dataclass(frozen=True)
class RedactionReport:
    """What `redact_copy` did: status "redacted" (the file was rewritten), "clean" (nothing
    found, file untouched), "not_checked" (no text layer: photo, scan, other kinds) or "failed"
    (the file could not be read or written: `problems` says why; it is untouched)."""

    kind: DocKind
    status: RedactionStatus
    redacted: list[Redaction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def characters(self) -> int:
        return sum(r.count for r in self.redacted)


@dataclass(frozen=True, slots=True)
class Span:
    kind: str
    start: int
    end: int


def _date_patterns(birth_date: str | dt.date) -> list[re.Pattern[str]]:
    """12/05/2006, 12.5.2006, 12-05-2006 and 2006-05-12 for one birth date."""
    try:
        day = birth_date if isinstance(birth_date, dt.date) else dt.date.fromisoformat(birth_date)
    except ValueError:
        return []
    sep = r"\s*[/.\-]\s*"
    return [
        re.compile(rf"(?<!\d)0?{day.day}{sep}0?{day.month}{sep}{day.year}(?!\d)"),
        re.compile(rf"(?<!\d){day.isoformat()}(?!\d)"),
    ]


def identity_spans(
    text: str,
    identity: IdentityHints,
    *,
    strength: Strength = "strong",
    birth_dates: Sequence[str | dt.date] = (),
) -> list[Span]:
    """The spans of `text` to black out, sorted, overlaps merged into the first one's kind."""
    spans = [
        Span(hit.kind, hit.start, hit.end)
        for hit in find_leaks(text, identity)
        if strength == "all" or hit.confidence == "strong"
    ]
    for birth_date in birth_dates:
        for pattern in _date_patterns(birth_date):
            spans += [Span("birth_date", m.start(), m.end()) for m in pattern.finditer(text)]
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.kind, last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return merged


def redacted_text(text: str) -> str:
    """`text` unreadable, its shape kept: one block per letter (combining marks dropped, so
    "Nguyễn" is six blocks however it is encoded), white space left where it was."""
    return "".join(c if c.isspace() else BLOCK for c in text if not unicodedata.combining(c))


def redact_copy(
    path: Path,
    identity: IdentityHints,
    *,
    strength: Strength = "strong",
    birth_dates: Sequence[str | dt.date] = (),
) -> RedactionReport:
    """Black out `identity` in the judge's copy at `path`, in place; see the module's notes."""
    path = Path(path)
    try:
        kind = sniff(path)
    except OSError as exc:
        problem = Problem("redact_failed", {"reason": exc.strerror or str(exc)})
        return RedactionReport(DocKind.UNKNOWN, "failed", [], [problem])
    if kind is DocKind.DOCX:
        from judge_app.documents.redaction_docx import redact_docx

        return redact_docx(path, identity, strength=strength, birth_dates=birth_dates)
    if kind is DocKind.PDF:
        from judge_app.documents.redaction_pdf import redact_pdf  # PyMuPDF: load when used

        return redact_pdf(path, identity, strength=strength, birth_dates=birth_dates)
    return RedactionReport(kind, "not_checked", [], [Problem("redact_not_checked")])

"""Redacting a PDF judge's copy: identity hits covered by black boxes and removed for real.

Each page's text is read character by character with its box (MuPDF's "rawdict"), lines joined
by a newline, so a name wrapped over two lines is one hit and gets one box per line. The boxes
become redaction annotations, applied at once: MuPDF removes the characters under them from
the page's content (copying the text or searching for the name finds nothing), paints the
boxes black and leaves pictures and line art alone. Saved with garbage collection so the
removed text is not left in unused objects. PyMuPDF is not thread-safe: call from one worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pymupdf

from judge_app.core.leaks import IdentityHints
from judge_app.documents.model import DocKind, Problem
from judge_app.documents.problems import detail
from judge_app.documents.redaction import (
    Redaction,
    RedactionReport,
    RedactionStatus,
    Strength,
    identity_spans,
)
from judge_app.fileio import write_atomically

Box = tuple[float, float, float, float]
# Ligatures split into their letters (each with its own box), so "ﬁ" is searched as "fi".
_FLAGS = pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_PRESERVE_LIGATURES
# The black box covers this share of a character's height, centred: a font's full line box
# reaches into the lines above and below, whose letters must not be removed with it.
_HEIGHT_SHARE = 0.7
# Pictures and line art under a box stay (the stubs lack these constants).
_KEEP_IMAGES: int = pymupdf.PDF_REDACT_IMAGE_NONE  # type: ignore[attr-defined]
_KEEP_LINE_ART: int = pymupdf.PDF_REDACT_LINE_ART_NONE  # type: ignore[attr-defined]


def redact_pdf(
    path: Path,
    identity: IdentityHints,
    *,
    strength: Strength = "strong",
    birth_dates: Sequence[str | dt.date] = (),
) -> RedactionReport:
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        return _failed(detail(exc))
    try:
        if doc.needs_pass:
            return _failed("encrypted")
        redacted: list[Redaction] = []
        has_text = False
        for number in range(doc.page_count):
            page = doc.load_page(number)
            text, boxes = _page_characters(page)
            has_text = has_text or bool(text.strip())
            spans = identity_spans(text, identity, strength=strength, birth_dates=birth_dates)
            for span in spans:
                chosen = boxes[span.start : span.end]
                count = sum(
                    1
                    for char, box in zip(text[span.start : span.end], chosen, strict=True)
                    if box is not None and not char.isspace()
                )
                for rect in _line_rects(chosen):
                    page.add_redact_annot(rect, fill=(0, 0, 0))
                redacted.append(Redaction(span.kind, number + 1, count))
            if spans:
                page.apply_redactions(images=_KEEP_IMAGES, graphics=_KEEP_LINE_ART)
        if not redacted:
            status: RedactionStatus = "clean" if has_text else "not_checked"
            problems = [] if has_text else [Problem("redact_not_checked")]
            return RedactionReport(DocKind.PDF, status, [], problems)
        data: bytes = doc.tobytes(garbage=3, deflate=True)
    except RuntimeError as exc:  # MuPDF's errors on a damaged file
        return _failed(detail(exc))
    finally:
        doc.close()
    write_atomically(path, data)
    return RedactionReport(DocKind.PDF, "redacted", redacted)


def _failed(reason: str) -> RedactionReport:
    problem = Problem("redact_failed", {"reason": reason})
    return RedactionReport(DocKind.PDF, "failed", [], [problem])


def _page_characters(page: pymupdf.Page) -> tuple[str, list[Box | None]]:
    """The page's text, a newline after each line, and each character's box (None for the
    newlines)."""
    chars: list[str] = []
    boxes: list[Box | None] = []
    for block in page.get_text("rawdict", flags=_FLAGS)["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                for char in span["chars"]:
                    chars.append(char["c"])
                    boxes.append(tuple(char["bbox"]))
            chars.append("\n")
            boxes.append(None)
    return "".join(chars), boxes


def _line_rects(boxes: Sequence[Box | None]) -> list[pymupdf.Rect]:
    """One rectangle per line the characters sit on (a newline starts the next one)."""
    rects: list[pymupdf.Rect] = []
    current: pymupdf.Rect | None = None
    for box in (*boxes, None):
        if box is None:
            if current is not None and not current.is_empty:
                rects.append(_trimmed(current))
            current = None
            continue
        rect = pymupdf.Rect(box)
        current = rect if current is None else current | rect
    return rects


def _trimmed(rect: pymupdf.Rect) -> pymupdf.Rect:
    margin = rect.height * (1 - _HEIGHT_SHARE) / 2
    return pymupdf.Rect(rect.x0, rect.y0 + margin, rect.x1, rect.y1 - margin)

"""Redacting a DOCX judge's copy: identity hits in the text become "█", runs kept.

Searched: the main document, headers, footers, footnotes and endnotes, text boxes included
(their paragraphs sit inside a paragraph of the part; each is searched on its own, and the
Choice and Fallback copies of a text box alike). A paragraph's text is its w:t and w:delText
pieces joined (deleted text shows when a judge turns on tracked changes), with a space for a
tab or line break so "Nguyễn<br/>Văn An" still reads as a name. Each hit's characters are
replaced inside the pieces they span, so a run's formatting never changes.

Parts are read through `DocxPackage` (size caps, no DTD, no entity expansion); the zip is
rewritten like `cleaning_docx` does (same member order, fixed dates), so the same copy always
gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from judge_app.core.errors import JudgeAppError
from judge_app.core.leaks import IdentityHints
from judge_app.documents.cleaning_docx import FIXED_ZIP_TIME
from judge_app.documents.docx_package import DocxPackage, w
from judge_app.documents.model import DocKind, Problem
from judge_app.documents.redaction import (
    BLOCK,
    Redaction,
    RedactionReport,
    Strength,
    identity_spans,
    redacted_text,
)
from judge_app.fileio import write_atomically

_TEXT_PARTS = re.compile(r"(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml")
_TEXT = (w("t"), w("delText"))
_BREAKS = (w("tab"), w("br"), w("cr"))
_PARAGRAPH = w("p")


def redact_docx(
    path: Path,
    identity: IdentityHints,
    *,
    strength: Strength = "strong",
    birth_dates: Sequence[str | dt.date] = (),
) -> RedactionReport:
    try:
        package = DocxPackage.open(path)
    except JudgeAppError as exc:
        return RedactionReport(DocKind.DOCX, "failed", [], [_problem(exc)])
    try:
        redacted: list[Redaction] = []
        changed: dict[str, bytes] = {}
        for part in _text_parts(package):
            root = package.xml(part)
            found = _redact_part(root, part, identity, strength, birth_dates)
            if found:
                redacted += found
                changed[part] = etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True
                )
        if not changed:
            return RedactionReport(DocKind.DOCX, "clean")
        data = _rewritten(package, changed)
    except JudgeAppError as exc:
        return RedactionReport(DocKind.DOCX, "failed", [], [_problem(exc)])
    finally:
        package.close()
    write_atomically(path, data)
    return RedactionReport(DocKind.DOCX, "redacted", redacted)


def _problem(error: JudgeAppError) -> Problem:
    return Problem("redact_failed", {"reason": error.code})


def _text_parts(package: DocxPackage) -> list[str]:
    folder = posixpath.dirname(package.document_part)
    parts = [package.document_part]
    for name in package.archive.namelist():
        head, base = posixpath.split(name)
        if head == folder and name not in parts and _TEXT_PARTS.fullmatch(base):
            parts.append(name)
    return parts


def _owner(element: etree._Element) -> etree._Element | None:
    """The paragraph an element's text belongs to (the innermost one: text boxes nest)."""
    parent = element.getparent()
    while parent is not None and parent.tag != _PARAGRAPH:
        parent = parent.getparent()
    return parent


def _pieces(paragraph: etree._Element) -> tuple[str, list[tuple[etree._Element, int]]]:
    """The paragraph's text and its text elements with the offset each starts at."""
    text: list[str] = []
    pieces: list[tuple[etree._Element, int]] = []
    offset = 0
    for element in paragraph.iter(*_TEXT, *_BREAKS):
        if _owner(element) is not paragraph:
            continue
        if element.tag in _BREAKS:
            piece = " "
        else:
            piece = element.text or ""
            pieces.append((element, offset))
        text.append(piece)
        offset += len(piece)
    return "".join(text), pieces


def _redact_part(
    root: etree._Element,
    part: str,
    identity: IdentityHints,
    strength: Strength,
    birth_dates: Sequence[str | dt.date],
) -> list[Redaction]:
    found: list[Redaction] = []
    for index, paragraph in enumerate(root.iter(_PARAGRAPH), start=1):
        text, pieces = _pieces(paragraph)
        if not text.strip():
            continue
        spans = identity_spans(text, identity, strength=strength, birth_dates=birth_dates)
        # From the end: a replacement may be shorter (combining marks dropped), and the
        # offsets of the pieces were taken before any change.
        done: list[Redaction] = []
        for span in reversed(spans):
            count = 0
            for element, start in pieces:
                old = element.text or ""
                lo, hi = max(span.start - start, 0), min(span.end - start, len(old))
                if lo >= hi:
                    continue
                middle = redacted_text(old[lo:hi])
                element.text = old[:lo] + middle + old[hi:]
                count += middle.count(BLOCK)
            if count:
                done.append(Redaction(span.kind, index, count, part))
        found += reversed(done)
    return found


def _rewritten(package: DocxPackage, changed: dict[str, bytes]) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in package.archive.infolist():
            name = info.filename
            data = changed.get(name)
            if data is None:
                data = b"" if name.endswith("/") else package.read(name)
            member = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.create_system = 0  # the same bytes on every OS
            member.external_attr = 0
            archive.writestr(member, data, compresslevel=6)
    return out.getvalue()

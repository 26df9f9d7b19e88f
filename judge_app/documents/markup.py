"""Plain-text and HTML files, laid out as A4 pages with the bundled Vietnamese-capable fonts.

MuPDF could open them itself, but its built-in font lacks ơ, ư and stacked Vietnamese marks;
laying them out through a Story with Liberation Serif shows the text as written. HTML is laid
out offline: MuPDF never fetches anything from the network.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

import pymupdf

from judge_app.documents.limits import MB, Limits
from judge_app.documents.model import A4_PT, DocKind, Problem
from judge_app.documents.pdf import PdfDocument, open_pdf
from judge_app.documents.problems import CORRUPT, TOO_LARGE, UnreadableError, detail
from judge_app.paths import fonts_dir

MAX_MARKUP_BYTES = 2 * MB  # ~1,000 pages of text: more is no essay
_MARGIN = 72.0
_CSS = """
@font-face { font-family: serif; src: url(LiberationSerif-Regular.ttf); }
@font-face { font-family: serif; src: url(LiberationSerif-Bold.ttf); font-weight: bold; }
@font-face { font-family: serif; src: url(LiberationSerif-Italic.ttf); font-style: italic; }
@font-face { font-family: sans; src: url(LiberationSans-Regular.ttf); }
body { font-family: serif; font-size: 13pt; }
pre { font-family: serif; white-space: pre-wrap; }
"""


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows Vietnamese (cp1258)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def layout_pdf(markup: str, max_pages: int) -> bytes:
    """HTML laid out on A4 pages, at most `max_pages` of them."""
    archive = pymupdf.Archive(str(fonts_dir()))
    story = pymupdf.Story(html=markup, user_css=_CSS, archive=archive)
    out = io.BytesIO()
    writer = pymupdf.DocumentWriter(out)
    page_rect = pymupdf.Rect(0, 0, *A4_PT)
    where = pymupdf.Rect(_MARGIN, _MARGIN, A4_PT[0] - _MARGIN, A4_PT[1] - _MARGIN)
    more, pages = 1, 0
    while more and pages < max_pages:
        device = writer.begin_page(page_rect)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
        pages += 1
    writer.close()
    return out.getvalue()


def open_markup(
    path: Path, kind: DocKind, *, limits: Limits | None = None, notes: list[Problem] | None = None
) -> PdfDocument:
    """A TEXT or HTML file as a paged document."""
    limits = limits or Limits()
    size = path.stat().st_size
    if size > MAX_MARKUP_BYTES:
        raise UnreadableError(TOO_LARGE, size=size // MB, limit=MAX_MARKUP_BYTES // MB)
    text = decode_text(path.read_bytes())
    markup = text if kind == DocKind.HTML else f"<pre>{html.escape(text)}</pre>"
    try:
        pdf = layout_pdf(markup, limits.max_pages)
    except (RuntimeError, ValueError) as error:
        raise UnreadableError(CORRUPT, detail=detail(error)) from error
    return PdfDocument(
        path, open_pdf(path, data=pdf), kind=kind, limits=limits, notes=notes, size_bytes=size
    )

"""PDF entries (typed or scanned) over PyMuPDF; also the renderer of converted DOCX files.

Safety: MuPDF has no JavaScript engine enabled here and PyMuPDF never runs a PDF's actions,
so scripts and attached files are only *reported* (a note in the facts), never executed or
extracted. Password-protected files become placeholders; files with more pages than the limit
show the first pages and say so.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pymupdf

from judge_app.documents.limits import Limits
from judge_app.documents.model import DocKind, DocumentFacts, FontUse, PageImage, Problem
from judge_app.documents.placeholder import render_page
from judge_app.documents.problems import (
    CORRUPT,
    EMBEDDED_FILES_IGNORED,
    ENCRYPTED,
    JAVASCRIPT_IGNORED,
    TOO_MANY_PAGES,
    TRUNCATED,
    UnreadableError,
    detail,
)

_SCRIPT_SCAN_XREFS = 20_000  # enough for any essay; a 2,000-page file is not scanned further
_TAIL_BYTES = 2048

pymupdf.TOOLS.mupdf_display_errors(False)  # MuPDF's repair chatter is not for the terminal
pymupdf.TOOLS.mupdf_display_warnings(False)


def _ends_with_eof(path: Path) -> bool:
    """A complete PDF ends with %%EOF (after incremental saves too); a cut one does not."""
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, 2)
            handle.seek(max(0, size - _TAIL_BYTES))
            return b"%%EOF" in handle.read()
    except OSError:
        return False


def _looks_truncated(path: Path) -> bool:
    """PDF objects at the start but no %%EOF at the end: a cut copy, not random bytes."""
    if _ends_with_eof(path):
        return False
    try:
        with path.open("rb") as handle:
            return b" obj" in handle.read(64 * 1024)
    except OSError:
        return False


def open_pdf(path: Path, data: bytes | None = None) -> pymupdf.Document:
    """Open a PDF from `path` (or from `data`), raising UnreadableError with the specific reason."""
    try:
        if data is not None:
            doc = pymupdf.open(stream=data, filetype="pdf")
        else:
            doc = pymupdf.open(path, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as error:
        if data is None and _looks_truncated(path):
            raise UnreadableError(TRUNCATED) from error
        raise UnreadableError(CORRUPT, detail=detail(error)) from error
    if doc.needs_pass:
        doc.close()
        raise UnreadableError(ENCRYPTED)
    if data is None and doc.is_repaired and _looks_truncated(path):
        # MuPDF rebuilt a cut file: its pages may be blank or half drawn. Ask for a new copy.
        doc.close()
        raise UnreadableError(TRUNCATED)
    if doc.page_count == 0:
        doc.close()
        if data is None and _looks_truncated(path):
            raise UnreadableError(TRUNCATED)
        raise UnreadableError(CORRUPT, detail="no pages")
    return doc


class PdfDocument:
    """A PDF held open by PyMuPDF. One owner: the sandbox child (or one CLI thread)."""

    def __init__(
        self,
        path: Path,
        doc: pymupdf.Document,
        *,
        kind: DocKind = DocKind.PDF,
        limits: Limits | None = None,
        notes: list[Problem] | None = None,
        size_bytes: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.kind = kind
        self.limits = limits or Limits()
        self._doc = doc
        self._notes = list(notes or [])
        self._size_bytes = size_bytes
        self._page_count = min(doc.page_count, self.limits.max_pages)
        if doc.page_count > self.limits.max_pages:
            shown = {"pages": str(doc.page_count), "shown": str(self._page_count)}
            self._notes.append(Problem(TOO_MANY_PAGES, shown))
        self._notes += _active_content_notes(doc)
        self._sizes: list[tuple[float, float]] | None = None

    @classmethod
    def open(
        cls, path: Path, *, limits: Limits | None = None, notes: list[Problem] | None = None
    ) -> PdfDocument:
        return cls(path, open_pdf(path), limits=limits, notes=notes)

    @property
    def page_count(self) -> int:
        count: int = self._page_count
        return count

    def page_sizes(self) -> list[tuple[float, float]]:
        """Upright sizes of the shown pages (the page's own /Rotate applied)."""
        if self._sizes is None:
            sizes = []
            for index in range(self._page_count):
                rect = self._doc.load_page(index).rect
                sizes.append((round(rect.width, 2), round(rect.height, 2)))
            self._sizes = sizes
        return self._sizes

    def page_size(self, index: int) -> tuple[float, float]:
        self._check(index)
        return self.page_sizes()[index]

    def render(self, index: int, zoom: float, rotation: int = 0) -> PageImage:
        self._check(index)
        return render_page(
            self._doc.load_page(index), zoom, rotation, self.limits.max_render_pixels
        )

    def text(self, index: int) -> str:
        self._check(index)
        text: str = self._doc.load_page(index).get_text("text")
        return text

    def search(self, query: str) -> list[tuple[int, list[tuple[float, float, float, float]]]]:
        """Pages with `query`, rectangles in upright page points."""
        hits: list[tuple[int, list[tuple[float, float, float, float]]]] = []
        for index in range(self._page_count):
            page = self._doc.load_page(index)
            rects = page.search_for(query)
            if rects:
                turn = page.rotation_matrix
                boxes = [(r * turn).normalize() for r in rects]
                hits.append((index, [(b.x0, b.y0, b.x1, b.y1) for b in boxes]))
        return hits

    def fonts_and_chars(self) -> tuple[list[FontUse], int]:
        """Characters per (font, size) over the first pages (`limits.facts_pages`)."""
        uses: Counter[tuple[str, float]] = Counter()
        chars = 0
        for index in range(min(self._page_count, self.limits.facts_pages)):
            page = self._doc.load_page(index)
            for block in page.get_text("dict", flags=0)["blocks"]:
                for line in block.get("lines", ()):
                    for span in line["spans"]:
                        count = len(span["text"].strip())
                        if count:
                            uses[(_base_font(span["font"]), round(span["size"] * 2) / 2)] += count
                            chars += count
        fonts = [FontUse(name, size, n) for (name, size), n in uses.most_common()]
        return fonts, chars

    def facts(self) -> DocumentFacts:
        fonts, chars = self.fonts_and_chars()
        return DocumentFacts(
            path=self.path,
            kind=self.kind,
            size_bytes=self._size_bytes if self._size_bytes is not None else _size(self.path),
            page_count=self._page_count,
            page_sizes_pt=self.page_sizes(),
            has_text=chars > 0,
            text_chars=chars,
            fonts=fonts,
            problems=list(self._notes),
        )

    def close(self) -> None:
        self._doc.close()

    def _check(self, index: int) -> None:
        if not 0 <= index < self._page_count:
            raise IndexError(f"page {index} of {self._page_count}")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _base_font(name: str) -> str:
    """'ABCDEF+TimesNewRomanPSMT' -> 'TimesNewRomanPSMT': subset tags are not the font."""
    if len(name) > 7 and name[6] == "+" and name[:6].isupper():
        return name[7:]
    return name


def _active_content_notes(doc: pymupdf.Document) -> list[Problem]:
    """Notes for JavaScript and attached files: reported so the board knows, never run."""
    notes: list[Problem] = []
    if not doc.is_pdf:
        return notes
    has_script = False
    for xref in range(1, min(doc.xref_length(), _SCRIPT_SCAN_XREFS)):
        try:
            obj = doc.xref_object(xref, compressed=True)
        except (RuntimeError, ValueError):
            continue
        if "/JavaScript" in obj or "/JS" in obj:
            has_script = True
            break
    if has_script:
        notes.append(Problem(JAVASCRIPT_IGNORED))
    try:
        embedded = doc.embfile_count()
    except (RuntimeError, ValueError):
        embedded = 0
    if embedded:
        notes.append(Problem(EMBEDDED_FILES_IGNORED, {"count": str(embedded)}))
    return notes

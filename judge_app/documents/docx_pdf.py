"""DOCX → PDF in-process, so a judge sees what the entrant wrote without LibreOffice or Word.

Pipeline (justified with measurements in docs/docx-fidelity.md): the DOCX XML, read safely
(`docx_package`), is turned into HTML + CSS of the document's own formatting (`docx_styles`,
`docx_html`), then laid out by PyMuPDF's Story with the bundled Liberation fonts onto pages of
each section's size and margins. MuPDF's own DOCX import is not used: it drops pictures,
flattens tables and ignores page size and page breaks. The caller (the document service) caches
the PDF by file hash and runs this in a worker process with a time limit.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judge_app.core.errors import JudgeAppError
from judge_app.documents.docx_html import (
    FOOTNOTE_ID,
    PAGE_MARK,
    PAGES_MARK,
    Chunk,
    HtmlWriter,
    Section,
)
from judge_app.documents.docx_package import DocxPackage, w
from judge_app.documents.docx_styles import Styles
from judge_app.documents.model import FontUse, Problem
from judge_app.paths import fonts_dir

MAX_PAGES = 2000  # a runaway layout stops here instead of filling the disk

_FACES = (
    ("DSerif", "LiberationSerif"),
    ("DSans", "LiberationSans"),
    ("DCalibri", "Carlito"),  # used only when the fonts folder holds Carlito-*.ttf
)
# Part of the render cache's key (documents.office): raise it whenever the same DOCX would now
# convert differently, so no judge is shown a PDF made by an older, buggier converter.
# 2: pictures at the foot of a page no longer swallow the text after them.
CONVERTER_VERSION = 2

_STYLES = (
    ("Regular", "normal", "normal"),
    ("Bold", "bold", "normal"),
    ("Italic", "normal", "italic"),
    ("BoldItalic", "bold", "italic"),
)
_BASE_CSS = (
    "body {margin: 0; font-family: DSerif; font-size: 10pt;}"
    "\np {margin: 0; padding: 0;}"
    "\ntable {border-collapse: collapse;}"
    "\ntd {vertical-align: top;}"
    "\ntable.keep {width: 100%; margin: 0;}"
    "\ntd.keep {padding: 0; border: none;}"
    "\nsup, sub {font-size: 65%;}"
)


def stylesheet(folder: Path) -> str:
    """@font-face rules for the bundled faces present in `folder`, then the base rules."""
    faces = [
        f'@font-face {{font-family: "{family}"; src: url({stem}-{face}.ttf); '
        f"font-weight: {weight}; font-style: {style};}}"
        for family, stem in _FACES
        for face, weight, style in _STYLES
        if (folder / f"{stem}-{face}.ttf").is_file()
    ]
    return "\n".join([*faces, _BASE_CSS])


@dataclass(frozen=True)
class DocxConversion:
    """A converted DOCX: the PDF a judge sees and the facts the format check needs."""

    pdf: bytes
    page_size_pt: tuple[float, float]  # of the first section
    fonts: list[FontUse]  # as declared in the document; largest share first
    text_chars: int
    problems: list[Problem] = field(default_factory=list)


def convert_docx(path: Path) -> DocxConversion:
    """Convert the DOCX at `path`; a broken file raises `JudgeAppError` with a docx_* code."""
    package = DocxPackage.open(path)
    try:
        writer = _walk(package, path)
    finally:
        package.close()
    problems = list(writer.problems.values())
    pdf = _render_safely(writer, problems, path)
    first = writer.sections[0]
    fonts = [
        FontUse(name, size, chars)
        for (name, size), chars in sorted(writer.fonts.items(), key=lambda item: -item[1])
    ]
    return DocxConversion(
        pdf=pdf,
        page_size_pt=(round(first.width, 2), round(first.height, 2)),
        fonts=fonts,
        text_chars=writer.text_chars,
        problems=problems,
    )


def _walk(package: DocxPackage, path: Path) -> HtmlWriter:
    document = package.xml(package.document_part)
    styles = Styles.load(
        package.optional_xml(package.related_part("/styles")),
        package.optional_xml(package.related_part("/theme")),
        package.optional_xml(package.related_part("/numbering")),
    )
    writer = HtmlWriter(package, styles, carlito=(fonts_dir() / "Carlito-Regular.ttf").is_file())
    writer.tab_stop = _default_tab_stop(package)
    try:
        writer.document(document)
    except ValueError as exc:
        raise JudgeAppError(
            "docx_bad_xml", path, part=package.document_part, reason=str(exc)
        ) from exc
    except RecursionError as exc:  # absurdly deep nesting of tables in tables
        raise JudgeAppError(
            "docx_bad_xml", path, part=package.document_part, reason="nesting"
        ) from exc
    return writer


def _default_tab_stop(package: DocxPackage) -> float:
    """settings.xml's w:defaultTabStop in points (Word's default: half an inch)."""
    settings = package.optional_xml(package.related_part("/settings"))
    stop = settings.find(w("defaultTabStop")) if settings is not None else None
    try:
        value = float(stop.get(w("val"), "720")) / 20 if stop is not None else 36.0
    except ValueError:
        value = 36.0
    return value if 6.0 <= value <= 720.0 else 36.0


def _render_safely(writer: HtmlWriter, problems: list[Problem], path: Path) -> bytes:
    """Render; if MuPDF rejects a picture's bytes, render again with pictures as boxes."""
    try:
        return _render(writer, picture_boxes=False)
    except RuntimeError:  # MuPDF raises plain RuntimeErrors (FzErrorFormat and friends)
        problems.append(Problem("docx_image_unsupported", {"format": "?"}))
    try:
        return _render(writer, picture_boxes=True)
    except RuntimeError as exc:
        raise JudgeAppError("docx_render_failed", path, reason=str(exc)) from exc


_IMG = re.compile(r'<img src="[^"]*" style="width:([\d.]+)pt;height:([\d.]+)pt"/>')
_NOTE_RULE = '<div style="border-top:0.5pt solid #000000;width:144pt;margin:0 0 2pt 0"></div>'


def _render(writer: HtmlWriter, picture_boxes: bool) -> bytes:
    import pymupdf  # heavy: kept off the import path of callers that only want the dataclass

    return _Renderer(pymupdf, writer, picture_boxes).pdf()


def _non_blank(chunks: list[Chunk]) -> list[Chunk]:
    """Drop a trailing empty chunk (a break at the very end), keep at least one page."""
    kept = list(chunks)
    while len(kept) > 1 and not kept[-1].parts:
        kept.pop()
    return kept


class _Renderer:
    """Lays the chunks out page by page with Story; draws headers, footers and footnotes.

    When the document has footnotes or a NUMPAGES field, a first pass only counts pages and
    measures each page's footnotes, so the second pass can keep room for them at the foot of
    the page (as Word does) and knows the total page count.
    """

    def __init__(self, pymupdf: Any, writer: HtmlWriter, picture_boxes: bool) -> None:
        self.pymupdf = pymupdf
        self.writer = writer
        self.picture_boxes = picture_boxes
        self.archive = pymupdf.Archive(str(fonts_dir()))
        self.css = stylesheet(fonts_dir())
        if not picture_boxes:
            for picture in writer.pictures.values():
                self.archive.add(picture.data, picture.name)
        self.total = 0
        self.reserve: dict[int, float] = {}  # page number → height its footnotes need

    def pdf(self) -> bytes:
        chunks = _non_blank(self.writer.chunks)
        needs_total = any(
            PAGES_MARK in s.header_html or PAGES_MARK in s.footer_html for s in self.writer.sections
        )
        if needs_total or self.writer.footnotes:
            self.total = self._pages(chunks, None)
        buffer = io.BytesIO()
        document = self.pymupdf.DocumentWriter(buffer)
        self._pages(chunks, document)
        document.close()
        return buffer.getvalue()

    def _html(self, chunk: Chunk) -> str:
        text = "".join(chunk.parts)
        if self.picture_boxes:
            text = _IMG.sub(
                lambda m: (
                    '<span style="display:inline-block;border:0.75pt dashed #666;'
                    f'width:{m.group(1)}pt;height:{m.group(2)}pt">[?]</span>'
                ),
                text,
            )
        return text

    def _story(self, html: str) -> Any:
        return self.pymupdf.Story(html=html, user_css=self.css, archive=self.archive)

    def _pages(self, chunks: list[Chunk], document: Any) -> int:
        """Lay every chunk out on pages of its section; draw them when `document` is given,
        else only count pages and measure footnotes. Returns the number of pages."""
        page = 0
        for chunk in chunks:
            section = self.writer.sections[chunk.section]
            story = self._story(self._html(chunk))
            page_rect = self.pymupdf.Rect(0, 0, section.width, section.height)
            more, empty_pages = 1, 0
            chunk_start = page + 1
            while more and page < MAX_PAGES:
                page += 1
                reserve = self.reserve.get(page, 0.0) if document is not None else 0.0
                bottom = max(section.height - section.bottom - reserve, section.top + 36)
                body = self.pymupdf.Rect(
                    section.left, section.top, section.width - section.right, bottom
                )
                device = document.begin_page(page_rect) if document is not None else None
                more, filled = story.place(body)
                notes = self._footnotes_on_page(story)
                if device is not None:
                    story.draw(device)
                    if notes:
                        self._draw_footnotes(device, section, notes, filled[3])
                    first = section.title_page and chunk.starts_section and page == chunk_start
                    self._margin_text(device, section, page, first)
                    document.end_page()
                else:
                    story.draw(None)  # a Story only moves on to the next page once drawn
                    if notes:
                        self.reserve[page] = self._measure(self._notes_html(notes), section)
                # An element taller than a page can make MuPDF place nothing: never loop on.
                empty_pages = empty_pages + 1 if filled[3] - filled[1] <= 0 else 0
                if empty_pages >= 3:
                    break
        return page

    def _footnotes_on_page(self, story: Any) -> list[int]:
        if not self.writer.footnotes:
            return []
        found: list[int] = []

        def record(position: Any) -> None:
            ident = str(position.id or "")
            if ident.startswith(FOOTNOTE_ID):
                number = int(ident[len(FOOTNOTE_ID) :])
                if number not in found:
                    found.append(number)

        story.element_positions(record)
        return [n for n in sorted(found) if n in self.writer.footnotes]

    def _notes_html(self, notes: list[int]) -> str:
        return _NOTE_RULE + "".join(self.writer.footnotes[n] for n in notes)

    def _measure(self, html: str, section: Section) -> float:
        story = self._story(html)
        _, filled = story.place(
            self.pymupdf.Rect(section.left, 0, section.width - section.right, section.height)
        )
        return float(filled[3] - filled[1]) + 6.0

    def _draw_footnotes(
        self, device: Any, section: Section, notes: list[int], body_end: float
    ) -> None:
        """The page's footnotes at the foot of the body area (below the text if it overran)."""
        html = self._notes_html(notes)
        height = self._measure(html, section)
        top = max(body_end + 2.0, section.height - section.bottom - height)
        story = self._story(html)
        story.place(
            self.pymupdf.Rect(section.left, 0, section.width - section.right, section.height)
        )
        story.draw(device, self.pymupdf.Matrix(1, 0, 0, 1, 0, top + 6.0))

    def _margin_text(self, device: Any, section: Section, page: int, first: bool) -> None:
        """The section's header above and footer below the body, with page fields filled in;
        a title page (w:titlePg) gets the section's first-page header/footer, maybe none."""
        total = self.total or page
        header, footer = (
            (section.first_header_html, section.first_footer_html)
            if first
            else (section.header_html, section.footer_html)
        )
        for html, is_footer in ((header, False), (footer, True)):
            if not html:
                continue
            text = html.replace(PAGE_MARK, str(page)).replace(PAGES_MARK, str(total))
            story = self._story(text)
            right = section.width - section.right
            if not is_footer:
                story.place(
                    self.pymupdf.Rect(section.left, section.header_dist, right, section.height / 3)
                )
                story.draw(device)
                continue
            _, filled = story.place(self.pymupdf.Rect(section.left, 0, right, section.height / 3))
            shift = section.height - section.footer_dist - filled[3]
            story.draw(device, self.pymupdf.Matrix(1, 0, 0, 1, 0, shift))

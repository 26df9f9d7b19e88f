"""A4 pages for the board's printed documents, laid out by PyMuPDF's Story.

Why not one big Story: a score sheet's table must repeat its header row on every page and a
signature block must never be split from its names, which Story alone does not do. So the
document is a list of blocks placed one after another down the page: flowing HTML, tables whose
rows are placed page by page under a repeated header, and blocks kept together. Each page's
footer ("Trang x/y", the score file's hash, a QR code of it) needs the page count, so the
layout runs twice: once to count pages, once to draw. Both runs make the same decisions.

Fonts are the bundled Liberation Serif 2.x (Times New Roman's metrics, every Vietnamese letter),
embedded and subset; nothing falls back to a base-14 font. PyMuPDF is imported on first use.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from judge_app.paths import fonts_dir

PAGE_WIDTH = 595.28  # A4 in points
PAGE_HEIGHT = 841.89
CM = 28.3465
# Margins of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I):
# top and bottom 2 cm, left 3 cm, right 1.5 cm.
MARGIN_TOP = 2.0 * CM
MARGIN_BOTTOM = 1.2 * CM
MARGIN_LEFT = 3.0 * CM
MARGIN_RIGHT = 1.5 * CM
FOOTER_HEIGHT = 2.2 * CM  # the QR code, the hash and the page number
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
BODY_BOTTOM = PAGE_HEIGHT - MARGIN_BOTTOM - FOOTER_HEIGHT - 6.0
MAX_PAGES = 20_000

FONT_FAMILY = "DocSerif"
CSS = f"""
@font-face {{font-family: {FONT_FAMILY}; src: url(LiberationSerif-Regular.ttf);}}
@font-face {{font-family: {FONT_FAMILY}; src: url(LiberationSerif-Bold.ttf); font-weight: bold;}}
@font-face {{font-family: {FONT_FAMILY}; src: url(LiberationSerif-Italic.ttf);
            font-style: italic;}}
@font-face {{font-family: {FONT_FAMILY}; src: url(LiberationSerif-BoldItalic.ttf);
            font-weight: bold; font-style: italic;}}
body {{font-family: {FONT_FAMILY}; font-size: 13pt; line-height: 1.15; margin: 0;}}
p {{margin: 0;}}
table {{border-collapse: collapse;}}
td, th {{vertical-align: top;}}
.c {{text-align: center;}}
.r {{text-align: right;}}
.b {{font-weight: bold;}}
.i {{font-style: italic;}}
.code {{white-space: nowrap;}}
.title {{font-size: 14pt; font-weight: bold; text-align: center; margin: 14pt 0 2pt 0;}}
.subtitle {{text-align: center; margin: 0 0 8pt 0;}}
.h {{font-weight: bold; margin: 8pt 0 3pt 0;}}
.small {{font-size: 11pt;}}
.grid td, .grid th {{border: 0.6pt solid black; padding: 1.5pt 2.5pt; font-size: 11pt;}}
.grid th {{font-weight: bold; text-align: center; vertical-align: middle;}}
.footer {{font-size: 8pt; line-height: 1.2;}}
"""


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _pymupdf() -> Any:
    import pymupdf

    return pymupdf


@dataclass(frozen=True)
class Flow:
    """HTML that flows on, continuing on the next page if it must."""

    html: str


@dataclass(frozen=True)
class KeepTogether:
    """HTML that starts a new page rather than being split (a signature block)."""

    html: str


@dataclass(frozen=True)
class Table:
    """A grid whose header row is repeated on every page; rows never split.

    `widths` are the columns' outer widths in points; `header` the cells of the header row
    (HTML), `rows` the cells of each row (HTML); `classes` per column ("c", "r" or "").
    """

    widths: Sequence[float]
    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    classes: Sequence[str] = ()
    header_rows: Sequence[Sequence[tuple[str, int]]] = ()  # extra header rows: (cell, colspan)


@dataclass(frozen=True)
class Spacer:
    height: float


Block = Flow | KeepTogether | Table | Spacer


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    subject: str = ""
    author: str = ""
    keywords: str = ""


@dataclass
class Images:
    """Pictures the HTML refers to by name (`<img src="qr.png">`)."""

    files: dict[str, bytes] = field(default_factory=dict)


FooterHtml = Callable[[int, int], str]  # (page number from 1, page count) -> HTML


def _cell_style(width: float, padding: float = 2.5, border: float = 0.6) -> str:
    """MuPDF adds padding and borders outside a cell's width: give it the inner width."""
    return f"width:{max(width - 2 * padding - border, 1.0):.1f}pt"


def table_html(table: Table, rows: Sequence[Sequence[str]], first_id: int) -> str:
    """The header row(s) and `rows`; each row's first cell carries id `row<n>` for placement."""
    total = sum(table.widths)
    out = [f'<table class="grid" style="width:{total:.1f}pt">']
    for extra in table.header_rows:
        out.append("<tr>")
        column = 0
        for cell, span in extra:
            width = sum(table.widths[column : column + span])
            attrs = f' colspan="{span}"' if span > 1 else ""
            out.append(f'<th{attrs} style="{_cell_style(width)}">{cell}</th>')
            column += span
        out.append("</tr>")
    out.append("<tr>")
    out.extend(
        f'<th style="{_cell_style(w)}">{cell}</th>'
        for w, cell in zip(table.widths, table.header, strict=True)
    )
    out.append("</tr>")
    classes = list(table.classes) or [""] * len(table.widths)
    for offset, row in enumerate(rows):
        out.append("<tr>")
        for column, (w, cell) in enumerate(zip(table.widths, row, strict=True)):
            ident = f' id="row{first_id + offset}"' if column == 0 else ""
            css = f' class="{classes[column]}"' if classes[column] else ""
            out.append(f'<td{ident}{css} style="{_cell_style(w)}">{cell}</td>')
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


class _Layout:
    """One run over the blocks; draws when given a DocumentWriter, else only counts pages."""

    def __init__(self, pymupdf: Any, images: Images) -> None:
        self.pymupdf = pymupdf
        self.archive = pymupdf.Archive(str(fonts_dir()))
        for name, data in images.files.items():
            self.archive.add(data, name)
        self.writer: Any = None
        self.device: Any = None
        self.footer: FooterHtml | None = None
        self.total = 0
        self.page = 0
        self.last_fit = 0
        self.measured: list[int] = []  # rows per page of each table, from the counting run
        self.replay: list[int] = []
        self.y = MARGIN_TOP

    def story(self, body: str) -> Any:
        return self.pymupdf.Story(html=body, user_css=CSS, archive=self.archive)

    def run(self, blocks: Sequence[Block], writer: Any, footer: FooterHtml | None) -> int:
        self.writer, self.footer = writer, footer
        self.page, self.device = 0, None
        if writer is not None:
            self.replay = list(self.measured)
        self._new_page()
        for block in blocks:
            if isinstance(block, Spacer):
                self.y += block.height
            elif isinstance(block, Flow):
                self._flow(block.html)
            elif isinstance(block, KeepTogether):
                self._keep(block.html)
            else:
                self._table(block)
        self._end_page()
        return self.page

    # --- pages

    def _new_page(self) -> None:
        self._end_page()
        if self.page >= MAX_PAGES:
            raise RuntimeError("document too long")
        self.page += 1
        self.y = MARGIN_TOP
        if self.writer is not None:
            self.device = self.writer.begin_page(self.pymupdf.Rect(0, 0, PAGE_WIDTH, PAGE_HEIGHT))

    def _end_page(self) -> None:
        if self.device is None:
            return
        if self.footer is not None:
            story = self.story(self.footer(self.page, self.total))
            top = PAGE_HEIGHT - MARGIN_BOTTOM - FOOTER_HEIGHT
            story.place(self.pymupdf.Rect(MARGIN_LEFT, top, PAGE_WIDTH - MARGIN_RIGHT, PAGE_HEIGHT))
            story.draw(self.device)
        self.writer.end_page()
        self.device = None

    def _rect(self) -> Any:
        return self.pymupdf.Rect(MARGIN_LEFT, self.y, PAGE_WIDTH - MARGIN_RIGHT, BODY_BOTTOM)

    def _draw(self, story: Any) -> None:
        story.draw(self.device)  # None only advances the story (counting run)

    # --- blocks

    def _flow(self, body: str) -> None:
        story = self.story(body)
        while True:
            more, filled = story.place(self._rect())
            self._draw(story)
            self.y = float(filled[3])
            if not more:
                return
            self._new_page()

    def _keep(self, body: str) -> None:
        story = self.story(body)
        more, filled = story.place(self._rect())
        if more and self.y > MARGIN_TOP:
            self._new_page()
            story = self.story(body)
            more, filled = story.place(self._rect())
        self._draw(story)
        self.y = float(filled[3])
        if more:  # taller than a page: let it flow on
            while more:
                self._new_page()
                more, filled = story.place(self._rect())
                self._draw(story)
                self.y = float(filled[3])

    def _table(self, table: Table) -> None:
        rows = table.rows
        done = 0
        while done < len(rows):
            if self.writer is None:
                count, bottom = self._measure_rows(table, done)
                if count == 0 and self.y > MARGIN_TOP + 1:
                    self.measured.append(0)
                    self._new_page()  # not even one row fits under the header here
                    continue
                count = max(count, 1)  # a row taller than a page is drawn cut, not looped on
                self.measured.append(count)
            else:
                if not self.replay:
                    raise RuntimeError("table layout replay ran out")
                if self.replay[0] == 0:
                    self.replay.pop(0)
                    self._new_page()
                    continue
                count = self.replay.pop(0)
                story = self.story(table_html(table, rows[done : done + count], done))
                story.place(self._rect())
                _, bottom = self._placed_rows(story, done, count)
                self._draw(story)
            self.y = bottom + 2.0
            done += count
            if done < len(rows):
                self._new_page()

    def _measure_rows(self, table: Table, done: int) -> tuple[int, float]:
        """How many whole rows fit on this page under the header, and where they end: a first
        guess from the previous page, doubled until a row is left over."""
        remaining = len(table.rows) - done
        guess = min(remaining, max(self.last_fit + 4, 12))
        while True:
            story = self.story(table_html(table, table.rows[done : done + guess], done))
            story.place(self._rect())
            placed, bottom = self._placed_rows(story, done, guess)
            if placed < guess or guess >= remaining:
                break
            guess = min(remaining, guess * 2)
        self.last_fit = max(placed, 1)
        return placed, bottom

    def _placed_rows(self, story: Any, first: int, count: int) -> tuple[int, float]:
        """How many rows of this try were placed on the page, and where the last one ends."""
        ends: dict[int, float] = {}

        def record(position: Any) -> None:
            ident = str(position.id or "")
            if ident.startswith("row"):
                number = int(ident[3:]) - first
                ends[number] = max(ends.get(number, 0.0), float(position.rect[3]))

        story.element_positions(record)
        placed = 0
        while placed < count and placed in ends:
            placed += 1
        # the last row's cells end at the tallest cell: its bottom padding and border follow
        bottom = max(ends.values(), default=self.y) + 3.0
        return placed, bottom


def render_pdf(
    blocks: Sequence[Block],
    meta: DocumentMeta,
    *,
    footer: FooterHtml | None = None,
    images: Images | None = None,
) -> bytes:
    """The document's PDF bytes: A4, fonts embedded as subsets, footer on every page."""
    pymupdf = _pymupdf()
    layout = _Layout(pymupdf, images or Images())
    layout.total = layout.run(blocks, None, None)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    drawn = layout.run(blocks, writer, footer)
    writer.close()
    if drawn != layout.total:  # the two runs must agree, or "Trang x/y" would lie
        raise RuntimeError("page count changed between layout runs")
    document = pymupdf.open("pdf", buffer.getvalue())
    try:
        document.set_metadata(
            {
                "title": meta.title,
                "subject": meta.subject,
                "author": meta.author,
                "keywords": meta.keywords,
                "creator": "judge-app",
                "producer": "judge-app (PyMuPDF)",
            }
        )
        document.subset_fonts()
        return bytes(document.tobytes(garbage=3, deflate=True))
    finally:
        document.close()


def qr_png(text: str) -> bytes:
    """A QR code of `text` (error correction M) as a small black-and-white PNG."""
    import segno

    code = segno.make(text, error="m", micro=False, boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=4, border=0)
    return buffer.getvalue()


QR_NAME = "qr.png"
QR_SIZE = 52.0  # points: 1.8 cm, a version-5 code at 0.5 mm a module


def footer_html(lines: Sequence[str], page: int, total: int, *, qr: bool) -> str:
    """A page's footer: small lines (HTML) on the left, "Trang x/y", the QR code on the right."""
    text = "".join(f'<p class="footer">{line}</p>' for line in lines)
    image = f'<img src="{QR_NAME}" width="{QR_SIZE:.0f}" height="{QR_SIZE:.0f}"/>' if qr else ""
    qr_width = QR_SIZE + 4
    page_width = 64.0
    text_width = CONTENT_WIDTH - qr_width - page_width
    return (
        f'<table style="width:{CONTENT_WIDTH:.1f}pt;border-top:0.5pt solid black"><tr>'
        f'<td style="width:{text_width:.1f}pt;padding:3pt 0 0 0">{text}</td>'
        f'<td class="c" style="width:{page_width:.1f}pt;padding:3pt 0 0 0;font-size:10pt">'
        f"Trang {page}/{total}</td>"
        f'<td class="r" style="width:{qr_width:.1f}pt;padding:3pt 0 0 0">{image}</td>'
        "</tr></table>"
    )

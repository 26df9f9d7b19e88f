"""Essays as PDF files: typed ones exported to PDF, and scans that are only page images.

Typed PDFs are laid out by PyMuPDF's Story (HTML + CSS) in Liberation Serif, the metric twin
of Times New Roman, embedded as subsets so the text extracts back with every Vietnamese mark.
Scanned PDFs hold one JPEG per page and no text layer, like a school scanner's output.

PyMuPDF is imported inside the functions: importing it costs ~0.15 s and the app keeps it off
its start-up path. Dates and the file identifier are fixed so every run writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge_app.demo.texts import TABLES, Block, Essay
from judge_app.paths import fonts_dir

# PDF page sizes in points.
A4 = (595.0, 842.0)
LETTER = (612.0, 792.0)
MARGIN = 56.7  # 2 cm

_CSS = """
@font-face {font-family: DemoSerif; src: url(LiberationSerif-Regular.ttf);}
@font-face {font-family: DemoSerif; src: url(LiberationSerif-Bold.ttf); font-weight: bold;}
@font-face {font-family: DemoSerif; src: url(LiberationSerif-Italic.ttf); font-style: italic;}
@font-face {font-family: DemoSerif; src: url(LiberationSerif-BoldItalic.ttf);
            font-weight: bold; font-style: italic;}
body {font-family: DemoSerif; font-size: 14pt; line-height: 1.3;}
h1 {font-size: 15pt; font-weight: bold; text-align: center; margin: 0 0 12pt 0;}
h2 {font-size: 14pt; font-weight: bold; margin: 8pt 0 4pt 0;}
p {text-align: justify; text-indent: 1cm; margin: 0 0 6pt 0;}
p.line {text-indent: 0; margin-left: 0.5cm;}
p.answer {text-indent: 1cm; margin: 0;}
p.caption {text-align: center; text-indent: 0; font-style: italic; font-size: 13pt;}
p.figure {text-align: center; text-indent: 0; margin: 6pt 0 2pt 0;}
p.signature {text-align: right; font-style: italic; margin-top: 12pt;}
ol {margin: 0 0 6pt 0;}
li {text-align: justify; margin-bottom: 3pt;}
table {border-collapse: collapse; margin: 4pt 0 10pt 0;}
th, td {border: 0.8pt solid black; padding: 3pt 5pt; font-size: 13pt; vertical-align: top;}
th {font-weight: bold; text-align: center;}
"""


@dataclass(frozen=True)
class PdfMeta:
    author: str
    creator: str  # the program the entrant used, e.g. "Microsoft® Word 2016"
    created: dt.datetime
    title: str = ""


def _pymupdf() -> Any:
    """PyMuPDF, imported on first use and typed as Any: its bindings carry no annotations."""
    import pymupdf

    return pymupdf


def _pdf_date(when: dt.datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%S+07'00'")  # Hanoi time, as the entrant's PC wrote it


def _essay_html(
    essay: Essay,
    blocks: Sequence[Block],
    images: Mapping[str, str],
    signature: str,
    figure_width: int,
    break_before: set[int],
) -> str:
    """The essay as HTML for Story; `break_before` holds figure indices that start a page."""
    parts = [f"<h1>{html.escape(essay.title)}</h1>"]
    in_list = False
    figure_index = 0
    for block in blocks:
        if block.kind != "item" and in_list:
            parts.append("</ol>")
            in_list = False
        text = html.escape(block.text)
        if block.kind == "heading":
            parts.append(f"<h2>{text}</h2>")
        elif block.kind == "para":
            parts.append(f"<p>{text}</p>")
        elif block.kind == "line":
            parts.append(f'<p class="line">{text}</p>')
        elif block.kind == "item":
            if not in_list:
                parts.append("<ol>")
                in_list = True
            parts.append(f"<li>{text}</li>")
        elif block.kind == "answers":
            parts.extend(
                f'<p class="answer">{html.escape(line)}</p>' for line in essay.answer_lines()
            )
        elif block.kind == "table":
            header, rows = TABLES[block.text]
            cells = "".join(f"<th>{html.escape(value)}</th>" for value in header)
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(value)}</td>" for value in row) + "</tr>"
                for row in rows
            )
            parts.append(f"<table><tr>{cells}</tr>{body}</table>")
        elif block.kind == "figure" and block.text in images:
            style = ' style="page-break-before: always"' if figure_index in break_before else ""
            parts.append(
                f'<p class="figure"{style}>'
                f'<img src="{images[block.text]}" width="{figure_width}"/></p>'
            )
            figure_index += 1
            parts.append(f'<p class="caption">{html.escape(block.caption)}</p>')
    if in_list:
        parts.append("</ol>")
    if signature:
        parts.append(f'<p class="signature">{html.escape(signature)}</p>')
    return "\n".join(parts)


# What Word calls the fonts it embeds when an entrant exports Times New Roman or Arial text: the
# demo draws with the metric-compatible Liberation files and names them as Word would, so its
# PDFs look to the format check like the PDFs schools really send.
_WORD_FONT_NAMES = {
    "Liberation Serif Bold Italic": "TimesNewRomanPS-BoldItalicMT",
    "Liberation Serif Bold": "TimesNewRomanPS-BoldMT",
    "Liberation Serif Italic": "TimesNewRomanPS-ItalicMT",
    "Liberation Serif": "TimesNewRomanPSMT",
    "Liberation Sans Bold Italic": "Arial-BoldItalicMT",
    "Liberation Sans Bold": "Arial-BoldMT",
    "Liberation Sans Italic": "Arial-ItalicMT",
    "Liberation Sans": "ArialMT",
}


def _word_font_name(name: str) -> str:
    """`ABCDEF+Liberation Serif Bold` (MuPDF's name) -> `ABCDEF+TimesNewRomanPS-BoldMT`."""
    prefix, plus, base = name.rpartition("+")
    for liberation, word in _WORD_FONT_NAMES.items():  # longest names first
        if base.startswith(liberation):
            return f"{prefix}{plus}{word}"
    return name.replace(" ", "")


def _rename_fonts_as_word(document: Any) -> None:
    for xref in range(1, document.xref_length()):
        for key in ("BaseFont", "FontName"):
            kind, value = document.xref_get_key(xref, key)
            if kind == "name" and "Liberation" in value:
                document.xref_set_key(xref, key, "/" + _word_font_name(value.lstrip("/")))


def _finish(pdf_bytes: bytes, meta: PdfMeta) -> bytes:
    """Subset fonts, stamp fixed metadata and keep the file ID, for reproducible bytes."""
    pymupdf = _pymupdf()

    with pymupdf.open("pdf", pdf_bytes) as document:
        if document.page_count and document[0].get_fonts():
            document.subset_fonts()
            _rename_fonts_as_word(document)
        stamp = _pdf_date(meta.created)
        document.set_metadata(
            {
                "title": meta.title,
                "author": meta.author,
                "creator": meta.creator,
                "producer": meta.creator,
                "creationDate": stamp,
                "modDate": stamp,
            }
        )
        data: bytes = document.tobytes(garbage=3, deflate=True, no_new_id=True)
    return data


def write_text_pdf(
    path: Path,
    essay: Essay,
    blocks: Sequence[Block],
    meta: PdfMeta,
    figures: Mapping[str, Callable[[], bytes]],
    *,
    page_size: tuple[float, float] = A4,
    signature: str = "",
) -> int:
    """Write a typed essay as a text PDF; returns the number of pages."""
    pymupdf = _pymupdf()

    archive = pymupdf.Archive(str(fonts_dir()))
    images: dict[str, str] = {}
    for block in blocks:
        if block.kind == "figure" and block.text in figures and block.text not in images:
            name = f"{block.text}.png"
            archive.add((figures[block.text](), name))
            images[block.text] = name
    figure_width = round((page_size[0] - 2 * MARGIN) * 0.75)
    # MuPDF shrinks a picture to the space left on the page instead of moving it on, as Word
    # would; when that happens, lay out again with a page break before that picture.
    breaks: set[int] = set()
    while True:
        body = _essay_html(essay, blocks, images, signature, figure_width, breaks)
        pdf_bytes, pages = _layout(pymupdf, body, archive, page_size)
        shrunk = _first_shrunk_figure(pymupdf, pdf_bytes, figure_width)
        if shrunk is None or shrunk in breaks:
            break
        breaks.add(shrunk)
    path.write_bytes(_finish(pdf_bytes, meta))
    return pages


def _layout(
    pymupdf: Any, body: str, archive: Any, page_size: tuple[float, float]
) -> tuple[bytes, int]:
    width, height = page_size
    story = pymupdf.Story(body, user_css=_CSS, archive=archive)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    mediabox = pymupdf.Rect(0, 0, width, height)
    where = pymupdf.Rect(MARGIN, MARGIN, width - MARGIN, height - MARGIN)
    pages = 0
    more = True
    while more:
        device = writer.begin_page(mediabox)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
        pages += 1
    writer.close()
    return buffer.getvalue(), pages


def _first_shrunk_figure(pymupdf: Any, pdf_bytes: bytes, figure_width: float) -> int | None:
    """Index (in reading order) of the first picture drawn narrower than asked, if any."""
    index = 0
    with pymupdf.open("pdf", pdf_bytes) as document:
        for page in document:
            for image in page.get_images(full=True):
                if page.get_image_bbox(image).width < figure_width - 0.5:
                    return index
                index += 1
    return None


def write_scanned_pdf(path: Path, page_jpegs: Sequence[bytes], meta: PdfMeta) -> None:
    """Write a PDF whose A4 pages are only scanned images: no text layer at all."""
    pymupdf = _pymupdf()

    with pymupdf.open() as document:
        for jpeg in page_jpegs:
            page = document.new_page(width=A4[0], height=A4[1])
            page.insert_image(page.rect, stream=jpeg, keep_proportion=False)
        data = document.tobytes(garbage=3, deflate=True, no_new_id=True)
    path.write_bytes(_finish(data, meta))

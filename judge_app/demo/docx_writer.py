"""Essays as Word files, the way teachers and pupils type them.

The contest asks for A4, Times New Roman 14. python-docx's template uses theme fonts (Calibri),
and Word lets a theme attribute win over an explicit font name in the same `w:rFonts`, so the
fonts are written into the document defaults and every style used, with the theme attributes
removed, for all four scripts (ascii, hAnsi, eastAsia, cs). Otherwise Word would show Calibri
for some characters and the format check would be fooled.

The saved zip is rewritten with fixed entry dates (python-docx stamps the current time) and
without the template's thumbnail, so the same essay gives the same bytes on every run.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt, RGBColor

from judge_app.demo.texts import TABLES, Block, Essay


@dataclass(frozen=True)
class Cover:
    """The cover page many entrants add: exactly what anonymisation must later hide."""

    office: str  # e.g. "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN THANH XUÂN"
    unit_name: str  # e.g. "TRƯỜNG THCS KHƯƠNG ĐÌNH"
    lines: Sequence[str]  # "Họ và tên: …", "Ngày sinh: …", "Lớp: …"


@dataclass(frozen=True)
class DocxLayout:
    font: str = "Times New Roman"
    size_pt: float = 14
    paper: str = "A4"  # "A4" | "Letter"
    cover: Cover | None = None
    pictures: bool = True
    tables: bool = True
    answers_inline: bool = False
    signature: str = ""  # a closing line such as "Người viết: …", right-aligned


@dataclass(frozen=True)
class DocxMeta:
    """Word's document properties; dates are Hanoi local time, as the entrant's clock showed."""

    author: str
    created: dt.datetime
    modified: dt.datetime
    revision: int = 1


HANOI_UTC_OFFSET = dt.timedelta(hours=7)
_STYLES_TO_FIX = ("Normal", "Heading 1", "Heading 2", "Title", "List Number", "Caption")


def _set_rfonts(rpr: Any, font: str) -> None:
    """Name the font for every script and drop theme references that would override it."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font)


def _set_size(rpr: Any, size_pt: float) -> None:
    """Set `w:sz` and `w:szCs` (half-points): Word uses szCs for complex-script runs."""
    half_points = str(round(size_pt * 2))
    size = rpr.get_or_add_sz()  # python-docx puts w:sz where the schema wants it
    size.set(qn("w:val"), half_points)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        size.addnext(size_cs)  # w:szCs must follow w:sz, or Word reports a damaged file
    size_cs.set(qn("w:val"), half_points)


def _apply_fonts(document: Any, layout: DocxLayout) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_rfonts(rpr_default, layout.font)
    _set_size(rpr_default, layout.size_pt)
    lang = rpr_default.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")
    sizes = {
        "Heading 1": layout.size_pt + 2,
        "Title": layout.size_pt + 4,
        "Caption": layout.size_pt - 1,
    }
    for name in _STYLES_TO_FIX:
        style = document.styles[name]
        style.font.name = layout.font  # creates rPr/rFonts; _set_rfonts finishes the job
        _set_rfonts(style.element.get_or_add_rPr(), layout.font)
        _set_size(style.element.get_or_add_rPr(), sizes.get(name, layout.size_pt))
        style.font.color.rgb = RGBColor(0, 0, 0)
    normal = document.styles["Normal"].paragraph_format
    normal.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.first_line_indent = Cm(1)
    normal.space_after = Pt(6)
    normal.line_spacing = 1.15
    for name in ("Heading 1", "Heading 2", "Title", "Caption", "List Number"):
        document.styles[name].paragraph_format.first_line_indent = Cm(0)
    heading1 = document.styles["Heading 1"].paragraph_format
    heading1.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading1.space_before = Pt(6)
    heading1.space_after = Pt(12)
    document.styles["Heading 2"].paragraph_format.space_before = Pt(10)
    document.styles["Heading 2"].paragraph_format.space_after = Pt(4)
    caption = document.styles["Caption"]
    caption.font.bold = False
    caption.font.italic = True
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _apply_page(document: Any, layout: DocxLayout) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    if layout.paper == "Letter":  # a US-default Word: Letter with one-inch margins
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        margin = Inches(1)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = Cm(2.5)
        section.right_margin = section.top_margin = section.bottom_margin = Cm(2.0)


def _centred(
    document: Any,
    text: str,
    *,
    bold: bool = False,
    size: float | None = None,
    space_after: float = 0,
) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    paragraph.paragraph_format.space_after = Pt(space_after)
    run = paragraph.add_run(text)
    run.bold = bold
    if size is not None:
        run.font.size = Pt(size)


def _add_cover(document: Any, cover: Cover, size_pt: float) -> None:
    _centred(document, cover.office, size=size_pt - 1)
    _centred(document, cover.unit_name, bold=True)
    _centred(document, "—————o0o—————", space_after=90)
    _centred(document, "BÀI DỰ THI", bold=True, size=size_pt + 12, space_after=12)
    _centred(document, "CUỘC THI “TÌM HIỂU DỊCH VỤ CÔNG TRỰC TUYẾN”", bold=True)
    _centred(document, "NĂM 2019", bold=True, space_after=90)
    for line in cover.lines:
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.left_indent = Cm(4)
        paragraph.paragraph_format.first_line_indent = Cm(0)
    _centred(document, "", space_after=120)
    _centred(document, "Hà Nội, tháng 8 năm 2019", size=size_pt, space_after=0)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _add_table(document: Any, name: str) -> None:
    header, rows = TABLES[name]
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row_index, values in enumerate((header, *rows)):
        for col_index, value in enumerate(values):
            cell = table.cell(row_index, col_index)
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.first_line_indent = Cm(0)
            paragraph.paragraph_format.space_after = Pt(2)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if row_index == 0 else None
            run = paragraph.add_run(value)
            run.bold = row_index == 0
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def _add_figure(document: Any, png: bytes, caption: str, width_cm: float) -> None:
    document.add_picture(io.BytesIO(png), width=Cm(width_cm))
    picture_paragraph = document.paragraphs[-1]
    picture_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture_paragraph.paragraph_format.first_line_indent = Cm(0)
    picture_paragraph.paragraph_format.space_after = Pt(2)
    document.add_paragraph(caption, style="Caption")


def _add_answers(document: Any, essay: Essay, inline: bool) -> None:
    lines = essay.answer_lines()
    if inline:
        paragraph = document.add_paragraph("; ".join(lines) + ".")
        paragraph.paragraph_format.first_line_indent = Cm(0)
        return
    for line in lines:
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.paragraph_format.space_after = Pt(0)


def _drop_thumbnail(document: Any) -> None:
    """The template's thumbnail shows a blank page; a real essay file has none or its own."""
    rels = document.part.package.rels
    for r_id in [r_id for r_id, rel in rels.items() if rel.reltype.endswith("/thumbnail")]:
        rels.pop(r_id)


def stable_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite a zip with one fixed date on every entry so equal content gives equal bytes."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def write_docx(
    path: Path,
    essay: Essay,
    blocks: Sequence[Block],
    layout: DocxLayout,
    meta: DocxMeta,
    figures: Mapping[str, Callable[[], bytes]],
) -> None:
    """Write one essay as a .docx file at `path`."""
    document = docx.Document()
    _apply_fonts(document, layout)
    _apply_page(document, layout)
    if layout.cover is not None:
        _add_cover(document, layout.cover, layout.size_pt)
    document.add_heading(essay.title, level=1)
    text_width_cm = 15.0 if layout.paper == "A4" else 14.0
    for block in blocks:
        if block.kind == "heading":
            document.add_heading(block.text, level=2)
        elif block.kind == "para":
            document.add_paragraph(block.text)
        elif block.kind == "line":
            paragraph = document.add_paragraph(block.text)
            paragraph.paragraph_format.first_line_indent = Cm(0)
            paragraph.paragraph_format.left_indent = Cm(0.5)
        elif block.kind == "item":
            document.add_paragraph(block.text, style="List Number")
        elif block.kind == "answers":
            _add_answers(document, essay, layout.answers_inline)
        elif block.kind == "table" and layout.tables:
            _add_table(document, block.text)
        elif block.kind == "figure" and layout.pictures and block.text in figures:
            _add_figure(document, figures[block.text](), block.caption, text_width_cm * 0.8)
    if layout.signature:
        paragraph = document.add_paragraph(layout.signature)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.runs[0].italic = True
    properties = document.core_properties
    properties.author = meta.author
    properties.last_modified_by = meta.author
    properties.created = meta.created - HANOI_UTC_OFFSET  # Word stores UTC
    properties.modified = meta.modified - HANOI_UTC_OFFSET
    properties.revision = meta.revision
    properties.comments = ""
    properties.title = ""
    properties.language = "vi-VN"
    _drop_thumbnail(document)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue(), meta.modified))

"""Writes resources/templates/giay-chung-nhan.docx, the default certificate template.

Run: `python scripts/make_certificate_template.py [OUT.docx]`.

A4 landscape, Times New Roman, the whole certificate inside a one-cell table with a double
border (the app's DOCX converter draws table borders; Word's page borders it does not). The
fields are the ones `judge_app.reports.certificates.FIELDS` documents, written as {{name}}; a
board may edit this file in Word (or write its own) and pass it with `--template`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

RED = RGBColor(0xB0, 0x00, 0x00)
BLUE = RGBColor(0x1F, 0x3A, 0x93)
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "resources/templates/giay-chung-nhan.docx"


def _line(
    cell_or_doc: Any,
    text: str,
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    colour: RGBColor | None = None,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    before: float = 0,
    after: float = 0,
    first: bool = False,
) -> Paragraph:
    paragraph: Paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    run = paragraph.add_run(text)
    run.font.name = "Times New Roman"
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    if colour is not None:
        run.font.color.rgb = colour
    return paragraph


def _frame(table: object) -> None:
    """A double border around the one cell."""
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "double")
        element.set(qn("w:sz"), "18")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "1F3A93")
        borders.append(element)
    tbl_pr.append(borders)


def make_template(out: Path) -> Path:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.6))
    section.top_margin, section.bottom_margin = Cm(1.3), Cm(1.0)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"  # type: ignore[attr-defined]
    normal.font.size = Pt(14)  # type: ignore[attr-defined]

    frame = document.add_table(rows=1, cols=1)
    frame.alignment = WD_TABLE_ALIGNMENT.CENTER
    _frame(frame)
    cell = frame.cell(0, 0)
    cell.width = Cm(26.5)

    head = cell.add_table(rows=1, cols=2)
    left, right = head.cell(0, 0), head.cell(0, 1)
    left.width = right.width = Cm(12.8)
    _line(left, "{{co_quan}}", size=13, first=True, before=6)
    _line(left, "{{ban_to_chuc}}", size=13, bold=True)
    _line(left, "Số: {{so_vao_so}}", size=13, before=4)
    _line(right, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True, first=True, before=6)
    _line(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, underline=True)

    _line(cell, "GIẤY CHỨNG NHẬN", size=38, bold=True, colour=RED, before=12, after=6)
    _line(cell, "Chứng nhận", size=16, italic=True, after=2)
    _line(cell, "{{ho_ten}}", size=28, bold=True, colour=BLUE, after=6)
    _line(cell, "Đơn vị: {{don_vi}}", size=16, after=2)
    _line(cell, "Đối tượng dự thi: {{doi_tuong}}", size=16, after=8)
    _line(cell, "Đã đạt {{giai}}", size=22, bold=True, colour=RED, after=4)
    _line(cell, "trong {{cuoc_thi}}", size=16, italic=True, after=26)

    _line(cell, "", size=12)  # room above the date: space after a paragraph before a table
    # is not kept by every renderer
    foot = cell.add_table(rows=1, cols=2)
    left, right = foot.cell(0, 0), foot.cell(0, 1)
    left.width = right.width = Cm(12.8)
    _line(left, "", first=True)
    _line(right, "{{noi}}, {{ngay}}", size=14, italic=True, first=True)
    _line(right, "TRƯỞNG BAN TỔ CHỨC", size=14, bold=True, before=2, after=44)
    _line(right, "{{nguoi_ky}}", size=14, bold=True, after=6)
    # python-docx leaves an empty first paragraph in the cell: give it no height.
    first = cell.paragraphs[0]
    first.paragraph_format.space_after = Pt(0)
    first.paragraph_format.line_spacing = Pt(2)
    out.parent.mkdir(parents=True, exist_ok=True)
    document.core_properties.title = "Giấy chứng nhận – mẫu của judge-app"
    document.core_properties.author = "judge-app"
    document.save(str(out))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    print(make_template(target))

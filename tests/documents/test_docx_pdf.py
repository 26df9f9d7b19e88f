"""DOCX → PDF: what the judge sees (pixels, text, pages) and what the format check reads."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import pymupdf
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Mm, Pt
from PIL import Image

from judge_app.core.errors import JudgeAppError
from judge_app.documents.docx_pdf import DocxConversion, convert_docx

VIETNAMESE = "ế ệ ấ ỹ ự"


def _png(color: tuple[int, int, int], size: tuple[int, int] = (80, 40)) -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def _document(font: str = "Times New Roman", size: int = 14) -> docx.document.Document:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    return document


def _save(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


def _pdf(conversion: DocxConversion) -> pymupdf.Document:
    return pymupdf.open("pdf", conversion.pdf)


def _dark(pixmap: pymupdf.Pixmap, x: int, y: int) -> bool:
    """A border pixel: a 0.5 pt black line at 72 dpi is a mid-grey pixel."""
    return all(channel < 170 for channel in pixmap.pixel(x, y)[:3])


def test_heading_bordered_table_and_picture_show_as_pixels(tmp_path: Path) -> None:
    document = _document()
    document.add_heading("Bài dự thi", level=1)
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for row, cells in enumerate(table.rows):
        for column, cell in enumerate(cells.cells):
            cell.text = f"Ô{row}{column}"
    document.add_picture(_png((255, 0, 0)), width=Inches(2))
    page = _pdf(convert_docx(_save(document, tmp_path / "a.docx")))[0]
    pixmap = page.get_pixmap(dpi=72)

    [picture] = page.get_image_info()
    x0, y0, x1, y1 = (round(v) for v in picture["bbox"])
    assert x1 - x0 == pytest.approx(144, abs=2)  # 2 inches
    assert pixmap.pixel((x0 + x1) // 2, (y0 + y1) // 2)[:3] == (255, 0, 0)

    assert "Bài dự thi" in page.get_text()
    [cell] = page.search_for("Ô11")
    # Above and left of the bottom-right cell's text there is a dark border line.
    above = [y for y in range(round(cell.y0) - 1, round(cell.y0) - 12, -1)]
    assert any(_dark(pixmap, round(cell.x0) + 5, y) for y in above)
    left = [x for x in range(round(cell.x0) - 1, round(cell.x0) - 14, -1)]
    assert any(_dark(pixmap, x, round((cell.y0 + cell.y1) / 2)) for x in left)


@pytest.mark.parametrize("before", range(6, 13))
def test_a_picture_at_the_foot_of_a_page_loses_no_text(tmp_path: Path, before: int) -> None:
    """MuPDF shrinks such a picture and skips what follows unless it moves on whole."""
    document = _document()
    words = [f"từ{n}" for n in range(400)]
    for number in range(16):
        if number == before:
            document.add_picture(_png((200, 0, 0), (300, 200)), width=Mm(120))
        document.add_paragraph(" ".join(words[number * 25 : (number + 1) * 25]))
    conversion = convert_docx(_save(document, tmp_path / "bai.docx"))
    with _pdf(conversion) as pdf:
        text = " ".join(page.get_text() for page in pdf)
        shown = {word for word in text.split() if word.startswith("từ")}
        assert shown == set(words), sorted(set(words) - shown)[:5]
        heights = [
            info["bbox"][3] - info["bbox"][1] for page in pdf for info in page.get_image_info()
        ]
    assert heights and min(heights) > 70 * 72 / 25.4  # drawn at its size (120×80 mm), not shrunk


def test_page_size_of_the_first_section(tmp_path: Path) -> None:
    for name, (width, height), expected in (
        ("a4", (Mm(210), Mm(297)), (595.3, 841.9)),
        ("letter", (Inches(8.5), Inches(11)), (612.0, 792.0)),
    ):
        document = _document()
        document.sections[0].page_width, document.sections[0].page_height = width, height
        document.add_paragraph("x")
        conversion = convert_docx(_save(document, tmp_path / f"{name}.docx"))
        assert conversion.page_size_pt == pytest.approx(expected, abs=0.2)
        assert _pdf(conversion)[0].rect.width == pytest.approx(expected[0], abs=0.2)


def test_landscape_second_section_gets_its_own_page_size(tmp_path: Path) -> None:
    document = _document()
    document.add_paragraph("dọc")
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_paragraph("ngang")
    pdf = _pdf(convert_docx(_save(document, tmp_path / "l.docx")))
    assert [page.rect.width > page.rect.height for page in pdf] == [False, True]


@pytest.mark.parametrize(("font", "size"), [("Times New Roman", 14), ("Arial", 12)])
def test_main_font_is_reported_as_declared(tmp_path: Path, font: str, size: int) -> None:
    document = _document(font, size)
    document.add_paragraph("Nội dung bài viết dài hơn tiêu đề. " * 10)
    document.add_heading("Tiêu đề", level=2)
    conversion = convert_docx(_save(document, tmp_path / "f.docx"))
    main = conversion.fonts[0]
    assert (main.name, main.size_pt) == (font, size)
    assert main.chars == len("Nội dung bài viết dài hơn tiêu đề. " * 10)
    assert conversion.text_chars == sum(use.chars for use in conversion.fonts)
    expected_face = "LiberationSerif" if font.startswith("Times") else "LiberationSans"
    assert any(expected_face in f[3].replace(" ", "") for f in _pdf(conversion)[0].get_fonts())


def test_vietnamese_extracts_back_in_a_bundled_font(tmp_path: Path) -> None:
    document = _document()
    document.add_paragraph(VIETNAMESE)
    page = _pdf(convert_docx(_save(document, tmp_path / "v.docx")))[0]
    assert VIETNAMESE in page.get_text()
    spans = [
        span
        for block in page.get_text("dict")["blocks"]
        for line in block.get("lines", [])
        for span in line["spans"]
        if span["text"].strip()
    ]
    # One span in Liberation: every letter came from the bundled font, no fallback face.
    assert {span["font"] for span in spans} == {"LiberationSerif"}
    [(xref, *_)] = page.get_fonts()
    font = pymupdf.Font(fontbuffer=_pdf_font(page.parent, xref))
    assert all(font.has_glyph(ord(ch)) for ch in VIETNAMESE.replace(" ", ""))


def _pdf_font(pdf: pymupdf.Document, xref: int) -> bytes:
    """The embedded font program behind a Type0 font."""
    descendant = pdf.xref_get_key(xref, "DescendantFonts")[1].strip("[] ").split()[0]
    descriptor = pdf.xref_get_key(int(descendant), "FontDescriptor")[1].split()[0]
    program = pdf.xref_get_key(int(descriptor), "FontFile2")[1].split()[0]
    return pdf.xref_stream(int(program))


def test_page_breaks_start_new_pages(tmp_path: Path) -> None:
    document = _document()
    document.add_paragraph("một")
    document.add_paragraph("hai").runs[0].add_break(WD_BREAK.PAGE)
    document.add_paragraph("ba").paragraph_format.page_break_before = True
    pdf = _pdf(convert_docx(_save(document, tmp_path / "b.docx")))
    assert [page.get_text().split() for page in pdf] == [["một", "hai"], ["ba"]]
    document.add_page_break()
    document.add_paragraph("bốn")
    pdf = _pdf(convert_docx(_save(document, tmp_path / "c.docx")))
    assert len(pdf) == 3


def test_numbered_list_numbers_appear(tmp_path: Path) -> None:
    document = _document()
    for text in ("Mở bài", "Thân bài", "Kết bài"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Ý phụ", style="List Bullet")
    text = _pdf(convert_docx(_save(document, tmp_path / "n.docx")))[0].get_text()
    assert [line.replace("\u2002", " ").strip() for line in text.splitlines()][:4] == [
        "1. Mở bài",
        "2. Thân bài",
        "3. Kết bài",
        "• Ý phụ",
    ]


def test_merged_cells_span_columns_and_rows(tmp_path: Path) -> None:
    document = _document()
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Gộp cột"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Gộp hàng"
    table.cell(2, 0).text = "Dưới"
    page = _pdf(convert_docx(_save(document, tmp_path / "m.docx")))[0]
    pixmap = page.get_pixmap(dpi=72)
    [wide] = page.search_for("Gộp cột")
    [tall] = page.search_for("Gộp hàng")
    [below] = page.search_for("Dưới")
    # No vertical border crosses the merged first row between the first two columns.
    column_border = [x for x in range(round(wide.x1) + 2, round(wide.x1) + 150)
                     if _dark(pixmap, x, round(below.y0 + below.y1) // 2)]  # fmt: skip
    assert column_border, "the lower rows have a border between their first two columns"
    assert not _dark(pixmap, column_border[0], round((wide.y0 + wide.y1) / 2))
    # The tall cell spans the rows: nothing dark right under its text inside the cell.
    assert not any(
        _dark(pixmap, round(tall.x0) + 3, y) for y in range(round(tall.y1) + 3, round(below.y0))
    )


def test_header_footer_with_page_numbers_and_footnotes_text(tmp_path: Path) -> None:
    document = _document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Mã phách 0427"
    footer = section.footer.paragraphs[0]
    footer.add_run("Trang ")
    _page_field(footer.add_run())
    document.add_paragraph("một")
    document.add_page_break()
    document.add_paragraph("hai")
    pdf = _pdf(convert_docx(_save(document, tmp_path / "h.docx")))
    assert len(pdf) == 2
    for number, page in enumerate(pdf, start=1):
        text = page.get_text()
        assert "Mã phách 0427" in text
        assert f"Trang {number}" in text


def _page_field(run: docx.text.run.Run) -> None:
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "9"),
                       ("end", None)):  # fmt: skip
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def test_unshowable_picture_becomes_a_labelled_box_and_a_problem(tmp_path: Path) -> None:
    document = _document()
    document.add_picture(_png((0, 0, 255)), width=Inches(1))
    source = _save(document, tmp_path / "p.docx")
    target = tmp_path / "emf.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item, b"\x01\x00\x00\x00 EMF fake" if item.filename.startswith(
                "word/media/") else data)  # fmt: skip
    conversion = convert_docx(target)
    assert [p.code for p in conversion.problems] == ["docx_image_unsupported"]
    page = _pdf(conversion)[0]
    assert page.get_image_info() == []
    assert "PNG" in page.get_text()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("members", "code"),
    [
        (None, "docx_not_zip"),
        ({"word/other.xml": b"<a/>"}, "docx_no_document"),
        ({"word/document.xml": b"<w:document><unclosed"}, "docx_bad_xml"),
        ({"word/document.xml": b"\x00" * 2_000_000}, "docx_too_large"),
    ],
)
def test_broken_docx_raises_specific_codes(
    tmp_path: Path, members: dict[str, bytes] | None, code: str
) -> None:
    path = tmp_path / "broken.docx"
    if members is None:
        path.write_bytes(b"This is not a zip at all")
    else:
        _zip(path, members)
    with pytest.raises(JudgeAppError) as caught:
        convert_docx(path)
    assert caught.value.code == code
    assert caught.value.path == path


def test_xml_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    path = _zip(tmp_path / "bomb.docx", {"word/document.xml": bomb})
    started = time.perf_counter()
    with pytest.raises(JudgeAppError) as caught:
        convert_docx(path)
    assert caught.value.code == "docx_unsafe_xml"
    assert time.perf_counter() - started < 1.0


def test_minimal_docx_without_styles_still_converts(tmp_path: Path) -> None:
    """A bare document.xml (no styles, no rels) is legal enough to show."""
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Chỉ có chữ</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    conversion = convert_docx(_zip(tmp_path / "bare.docx", {"word/document.xml": body}))
    assert "Chỉ có chữ" in _pdf(conversion)[0].get_text()
    assert conversion.fonts[0].name == "Times New Roman"


DATA = Path(__file__).resolve().parent.parent / "data" / "docx"


@pytest.mark.parametrize(
    ("name", "page_sizes", "pictures", "snippets"),
    [
        # Written by LibreOffice (from flat ODT / HTML), so not shaped by python-docx; the
        # page sizes and picture counts are those of LibreOffice's own PDF of the same file.
        (
            "libreoffice_everything.docx",
            [(595, 842)] * 3,
            2,
            ["Bài dự thi – mã phách 0427", "Trang 1", "Ô gộp hai cột", "Ô gộp hai hàng",
             "Hộp văn bản", "Chú thích số 1", "a)"],
        ),
        ("libreoffice_landscape.docx", [(595, 842), (842, 595)], 0, ["Phần trang ngang"]),
        ("libreoffice_from_html.docx", [(595, 842)] * 2, 1, ["Gộp hai cột", "Thứ nhất"]),
    ],
)  # fmt: skip
def test_libreoffice_written_docx_matches_libreoffice_pdf_facts(
    name: str, page_sizes: list[tuple[int, int]], pictures: int, snippets: list[str]
) -> None:
    conversion = convert_docx(DATA / name)
    pdf = _pdf(conversion)
    assert [(round(p.rect.width), round(p.rect.height)) for p in pdf] == page_sizes
    assert sum(len(page.get_image_info()) for page in pdf) == pictures
    text = "".join(page.get_text() for page in pdf)
    assert all(snippet in text for snippet in snippets)
    assert conversion.problems == []


def test_footnote_is_drawn_at_the_foot_of_its_page() -> None:
    pdf = _pdf(convert_docx(DATA / "libreoffice_everything.docx"))
    page = pdf[0]
    [note] = page.search_for("Chú thích số 1")
    [footer] = page.search_for("Trang 1")
    assert note.y0 > page.rect.height * 0.75
    assert note.y1 < footer.y0


def test_essay_framed_in_a_one_cell_table_flows_over_pages(tmp_path: Path) -> None:
    """MuPDF never splits a table row: a framed essay must not lose its later pages."""
    document = _document()
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.cell(0, 0)
    for index in range(120):
        cell.add_paragraph(f"Dòng {index} của bài viết trong khung.")
    pdf = _pdf(convert_docx(_save(document, tmp_path / "frame.docx")))
    text = "".join(page.get_text() for page in pdf)
    assert all(f"Dòng {index} " in text for index in range(120))
    assert len(pdf) >= 3


def test_numpages_field_counts_all_pages(tmp_path: Path) -> None:
    document = _document()
    footer = document.sections[0].footer.paragraphs[0]
    run = footer.add_run()
    for kind, text in (("begin", None), (None, " NUMPAGES "), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)
    footer.add_run(" trang")
    document.add_paragraph("một")
    document.add_page_break()
    document.add_paragraph("hai")
    pdf = _pdf(convert_docx(_save(document, tmp_path / "n.docx")))
    assert [("2 trang" in page.get_text()) for page in pdf] == [True, True]


def test_list_numbers_in_letters_and_roman_and_restarts() -> None:
    from judge_app.documents.docx_styles import format_number

    assert [format_number(n, "lowerLetter") for n in (1, 2, 26, 27)] == ["a", "b", "z", "aa"]
    assert [format_number(n, "upperRoman") for n in (1, 4, 9, 14, 2024)] == [
        "I", "IV", "IX", "XIV", "MMXXIV"
    ]  # fmt: skip
    assert format_number(3, "lowerRoman") == "iii"
    assert format_number(7, "decimalZero") == "07"


def test_text_box_content_is_shown_in_its_own_coloured_box() -> None:
    pdf = _pdf(convert_docx(DATA / "libreoffice_everything.docx"))
    page = next(p for p in pdf if p.search_for("Hộp văn bản"))
    [box_text] = page.search_for("Hộp văn bản")
    pixmap = page.get_pixmap(dpi=72)
    # LibreOffice's default text-box fill (#729fcf) behind the text, white outside the box.
    inside = pixmap.pixel(round(box_text.x0) + 2, round(box_text.y0) - 1)
    assert inside[:3] == (0x72, 0x9F, 0xCF)
    assert pixmap.pixel(round(box_text.x0) + 2, round(box_text.y0) - 12)[:3] == (255, 255, 255)


def test_title_page_gets_the_first_page_header(tmp_path: Path) -> None:
    document = _document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Trang bìa"
    section.header.paragraphs[0].text = "Đầu trang thường"
    document.add_paragraph("bìa")
    document.add_page_break()
    document.add_paragraph("nội dung")
    pdf = _pdf(convert_docx(_save(document, tmp_path / "t.docx")))
    texts = [page.get_text() for page in pdf]
    assert "Trang bìa" in texts[0] and "Đầu trang thường" not in texts[0]
    assert "Đầu trang thường" in texts[1] and "Trang bìa" not in texts[1]


def test_centred_table_sits_in_the_middle(tmp_path: Path) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    document = _document()
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    table.columns[0].width = Inches(2)
    table.cell(0, 0).width = Inches(2)
    table.cell(0, 0).text = "giữa"
    page = _pdf(convert_docx(_save(document, tmp_path / "c.docx")))[0]
    lines = [d["rect"] for d in page.get_drawings() if d["rect"].height > 5]
    left, right = min(r.x0 for r in lines), max(r.x1 for r in lines)
    section = document.sections[0]
    middle = (section.left_margin.pt + section.page_width.pt - section.right_margin.pt) / 2
    assert (left + right) / 2 == pytest.approx(middle, abs=2)
    assert right - left == pytest.approx(144, abs=3)


def test_leading_tab_indents_to_the_default_tab_stop(tmp_path: Path) -> None:
    document = _document()
    document.add_paragraph("\tMở đầu bằng phím tab.")
    document.add_paragraph("Họ và tên:\tNguyễn Văn A")
    page = _pdf(convert_docx(_save(document, tmp_path / "tab.docx")))[0]
    words = {w[4]: w[0] for w in page.get_text("words")}
    left = document.sections[0].left_margin.pt
    assert words["Mở"] == pytest.approx(left + 36, abs=2)  # half an inch, as Word
    assert words["Nguyễn"] > words["tên:"] + 30  # a gap, and still separate words

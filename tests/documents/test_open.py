"""Every kind opens and renders in this process; pixels land where the file put them."""

from __future__ import annotations

from pathlib import Path

from doc_makers import (
    BLUE,
    GREEN,
    PAGE_PT,
    RED,
    WHITE,
    exif_rotated_jpeg,
    near,
    pixel,
    red_box_pdf,
    red_box_png,
    simple_docx,
    two_page_tiff,
)

from judge_app.documents import open_document
from judge_app.documents.model import DocKind
from judge_app.documents.placeholder import PlaceholderDocument


def test_pdf_red_box_at_its_place_at_zoom_and_rotation(tmp_path: Path) -> None:
    doc = open_document(red_box_pdf(tmp_path / "a.pdf"))
    try:
        assert doc.kind == DocKind.PDF and doc.page_count == 1
        assert doc.page_size(0) == PAGE_PT
        page = doc.render(0, 2.0)
        assert (page.width, page.height) == (400, 600)
        assert near(pixel(page, 150, 180), RED)  # box 100-200 × 120-240 px
        assert near(pixel(page, 20, 20), WHITE)
        turned = doc.render(0, 2.0, rotation=90)
        assert (turned.width, turned.height) == (600, 400)
        # Clockwise: the point (x, y) goes to (H - y, x).
        assert near(pixel(turned, 600 - 180, 150), RED)
        assert "Bài dự thi số 7" in doc.text(0)
        facts = doc.facts()
        assert facts.has_text and facts.fonts and facts.problems == []
    finally:
        doc.close()


def test_png_page_size_from_dpi_and_box(tmp_path: Path) -> None:
    doc = open_document(red_box_png(tmp_path / "a.png"))
    try:
        assert doc.kind == DocKind.IMAGE
        assert doc.page_size(0) == (100.0, 150.0)  # 200 × 300 px at 144 dpi
        page = doc.render(0, 2.0)  # 144 dpi: the stored pixels
        assert (page.width, page.height) == (200, 300)
        assert near(pixel(page, 75, 90), RED) and near(pixel(page, 10, 10), WHITE)
        assert doc.text(0) == "" and doc.facts().image_pixels == (200, 300)
    finally:
        doc.close()


def test_exif_orientation_six_shows_upright(tmp_path: Path) -> None:
    doc = open_document(exif_rotated_jpeg(tmp_path / "IMG_0001.jpg"))
    try:
        width_pt, height_pt = doc.page_size(0)
        assert height_pt > width_pt
        page = doc.render(0, 1.0)
        assert page.height == 2 * page.width
        assert near(pixel(page, page.width // 2, page.height // 4), RED)
        assert near(pixel(page, page.width // 2, 3 * page.height // 4), BLUE)
    finally:
        doc.close()


def test_multi_page_tiff(tmp_path: Path) -> None:
    doc = open_document(two_page_tiff(tmp_path / "scan0007.tif"))
    try:
        assert doc.page_count == 2
        assert near(pixel(doc.render(0, 0.5), 5, 5), RED)
        assert near(pixel(doc.render(1, 0.5), 5, 5), GREEN)
    finally:
        doc.close()


def test_docx_opens_with_its_own_facts(tmp_path: Path) -> None:
    doc = open_document(simple_docx(tmp_path / "bai.docx"))
    try:
        assert doc.kind == DocKind.DOCX and not isinstance(doc, PlaceholderDocument)
        facts = doc.facts()
        assert facts.kind == DocKind.DOCX and facts.has_text
        assert any("Times New Roman" in font.name for font in facts.fonts)
        assert "dịch vụ công" in doc.text(0)
        assert doc.render(0, 0.5).width > 0
    finally:
        doc.close()


def test_wrong_extension_opens_by_content_with_a_note(tmp_path: Path) -> None:
    doc = open_document(red_box_pdf(tmp_path / "bai thi.docx"))
    try:
        assert doc.kind == DocKind.PDF
        assert [p.code for p in doc.facts().problems] == ["wrong_extension"]
        assert near(pixel(doc.render(0, 1.0), 75, 90), RED)
    finally:
        doc.close()


def test_html_and_text_are_laid_out_with_vietnamese_fonts(tmp_path: Path) -> None:
    saved = tmp_path / "bai thi.pdf"
    saved.write_text("<!DOCTYPE html><html><body><p>Đăng nhập để tải tệp</p></body></html>")
    text = tmp_path / "bai.txt"
    text.write_text("Ơn nghĩa sinh thành, ướt át\n", encoding="utf-8")
    for path, kind in ((saved, DocKind.HTML), (text, DocKind.TEXT)):
        doc = open_document(path)
        try:
            assert doc.kind == kind and not isinstance(doc, PlaceholderDocument)
            assert ("Đăng nhập" if kind == DocKind.HTML else "ướt át") in doc.text(0)
        finally:
            doc.close()


def test_unsupported_kinds_say_so(tmp_path: Path) -> None:
    rtf = tmp_path / "bai.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi Bai du thi\\par}")
    doc = open_document(rtf, "en")
    try:
        assert isinstance(doc, PlaceholderDocument) and doc.kind == DocKind.RTF
        assert doc.facts().problems[0].code == "unsupported_format"
        assert "bai.rtf" in doc._doc[0].get_text()  # the page names the file
        assert "PDF or DOCX" in doc._doc[0].get_text()
    finally:
        doc.close()


def test_every_demo_file_opens_and_renders(demo_files: list[Path]) -> None:
    assert len(demo_files) > 20
    for path in demo_files:
        doc = open_document(path)
        try:
            assert not isinstance(doc, PlaceholderDocument), path.name
            page = doc.render(doc.page_count - 1, 0.5)
            assert page.width > 50 and len(page.samples) == page.width * page.height * 3
            assert doc.facts().page_count == doc.page_count
        finally:
            doc.close()


def test_iphone_heic_photo_renders(tmp_path: Path) -> None:
    from PIL import Image
    from pillow_heif import register_heif_opener

    register_heif_opener()
    photo = tmp_path / "IMG_0421.HEIC"
    image = Image.new("RGB", (400, 300), (255, 255, 255))
    image.paste((220, 0, 0), (0, 0, 200, 300))
    image.save(photo, format="HEIF", quality=90)
    doc = open_document(photo, "vi")
    try:
        assert doc.kind == DocKind.IMAGE and not doc.facts().problems
        page = doc.render(0, 1.0)
        red, green, _ = pixel(page, page.width // 4, page.height // 2)
        assert red > 180 and green < 60
        red, green, _ = pixel(page, 3 * page.width // 4, page.height // 2)
        assert red > 200 and green > 200
    finally:
        doc.close()


def test_heic_without_a_reader_asks_for_another_format(tmp_path: Path) -> None:
    from judge_app.documents.image import heif_available

    photo = tmp_path / "IMG_0420.HEIC"
    photo.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(200))
    doc = open_document(photo, "en")
    try:
        if heif_available():
            assert doc.facts().problems[0].code == "corrupt"  # a header with no picture
        else:
            problem = doc.facts().problems[0]
            assert (problem.code, problem.params) == ("unsupported_format", {"format": "HEIC"})
    finally:
        doc.close()


def test_search_on_a_rotated_page_is_in_upright_points(tmp_path: Path) -> None:
    import pymupdf

    from judge_app.documents.pdf import PdfDocument

    path = tmp_path / "turned.pdf"
    with pymupdf.open() as source:
        page = source.new_page()  # A4 portrait, shown landscape by /Rotate 90
        page.set_rotation(90)
        page.insert_text((100, 100), "hello world")
        source.save(path)
    doc = PdfDocument.open(path)
    try:
        assert doc.page_size(0) == (842.0, 595.0)
        [(page_index, [rect])] = doc.search("hello")
        image = doc.render(0, 1.0)
        x0, y0, x1, y1 = (round(v) for v in rect)
        inked = [
            (x, y) for x in range(x0, x1) for y in range(y0, y1) if pixel(image, x, y)[0] < 128
        ]
        assert page_index == 0 and len(inked) > 20  # the box sits on the drawn letters
    finally:
        doc.close()


def test_a_cut_photo_shows_what_arrived_with_a_note(tmp_path: Path) -> None:
    whole = exif_rotated_jpeg(tmp_path / "whole.jpg").read_bytes()
    cut = tmp_path / "IMG_cut.jpg"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    doc = open_document(cut)
    try:
        assert not isinstance(doc, PlaceholderDocument)
        assert [p.code for p in doc.facts().problems] == ["truncated"]
        page = doc.render(0, 1.0)
        assert page.height == 2 * page.width  # upright, whole size, the lost part grey
    finally:
        doc.close()

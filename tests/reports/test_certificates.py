"""Certificates: a template's fields filled as Word writes them, one DOCX per prize, one PDF.

The DOCX files are read back with python-docx, the PDF with PyMuPDF (text and fonts).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pymupdf
import pytest
from docx.shared import Pt
from lxml import etree
from results_book import CHAMPION, WINNER_UNIT, make_book

from judge_app.core.errors import JudgeAppError
from judge_app.reports.certificates import (
    FIELDS,
    Template,
    certificates_for,
    default_template,
    fill_paragraph,
    write_certificates,
)
from judge_app.reports.results_data import ResultsBook

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def book() -> ResultsBook:
    return make_book(40)


def _split_template(path: Path) -> Path:
    """A template as Word saves an edited one: {{ho_ten}} in three runs ("{{", "ho_", "ten}}"),
    the first bold 20 pt, plus {{giai}} whole, and text around them."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Chứng nhận ông/bà ")
    first = paragraph.add_run("{{")
    first.bold = True
    first.font.size = Pt(20)
    paragraph.add_run("ho_").italic = True
    paragraph.add_run("ten}} đã đạt ")
    paragraph.add_run("{{giai}}").bold = True
    document.add_paragraph("Đơn vị: {{don_vi}} – {{doi_tuong}}")
    document.save(str(path))
    return path


def test_a_field_split_across_three_runs_keeps_the_first_runs_format(
    book: ResultsBook, tmp_path: Path
) -> None:
    template = _split_template(tmp_path / "mau.docx")
    report = write_certificates(book, tmp_path / "out", template=template)
    first = docx.Document(str(report.docx[0]))
    paragraph = first.paragraphs[0]
    assert paragraph.text == f"Chứng nhận ông/bà {CHAMPION} đã đạt Giải Nhất"
    runs = paragraph.runs
    assert runs[1].text == CHAMPION and runs[1].bold and runs[1].font.size == Pt(20)
    assert runs[2].text == "" and runs[3].text == " đã đạt "  # the field's rest is cut
    assert runs[4].text == "Giải Nhất" and runs[4].bold
    assert first.paragraphs[1].text == f"Đơn vị: {WINNER_UNIT} – Cán bộ, giáo viên, nhân viên"


def test_fill_paragraph_handles_two_fields_in_one_run_and_odd_spacing() -> None:
    xml = (
        f'<w:p xmlns:w="{W[1:-1]}"><w:r><w:t>{{{{ ho_ten }}}}, {{{{giai</w:t></w:r>'
        "<w:r><w:t>}}</w:t></w:r><w:r><w:t>!</w:t></w:r></w:p>"
    )
    paragraph = etree.fromstring(xml)
    count = fill_paragraph(paragraph, {"ho_ten": "Lê Văn Ánh", "giai": "Giải Ba"})
    texts = [t.text for t in paragraph.iter(f"{W}t")]
    assert count == 2 and "".join(texts) == "Lê Văn Ánh, Giải Ba!"
    assert texts[0] == "Lê Văn Ánh, Giải Ba"


def test_one_docx_per_prize_and_one_pdf_with_embedded_fonts(
    book: ResultsBook, tmp_path: Path
) -> None:
    report = write_certificates(book, tmp_path, signer="Nguyễn Văn Bình")
    prizes = book.prize_list()
    assert len(report.docx) == len(prizes) and report.direct
    assert report.docx[0].name == "001-giai-nhat-p00001-nguyen-thi-anh-tuyet.docx"
    assert all(path.parent.name == "giay-chung-nhan" for path in report.docx)
    text = " ".join(p.text for p in docx.Document(str(report.docx[0])).paragraphs)
    tables = docx.Document(str(report.docx[0])).tables
    cells = " ".join(c.text for t in tables for row in t.rows for c in row.cells)
    assert CHAMPION in cells + text and "{{" not in cells + text
    with pymupdf.open(report.pdf) as pdf:
        assert pdf.page_count == len(prizes)
        page = pdf[0]
        assert page.rect.width > page.rect.height  # A4 landscape
        first = " ".join(page.get_text().split())
        assert "GIẤY CHỨNG NHẬN" in first and CHAMPION in first and "Giải Nhất" in first
        assert "Nguyễn Văn Bình" in first and "Số: 001/GCN" in first
        last = " ".join(pdf[-1].get_text().split())
        assert "Giải Xuất sắc dành cho người dự thi dưới 18 tuổi" in last
        fonts = {(f[3], f[1]) for p in pdf for f in p.get_fonts()}
    assert fonts and all(ext == "ttf" and "Liberation" in name for name, ext in fonts)
    # each font embedded once for the whole file, not once per certificate
    assert len({name.split("+", 1)[1] for name, _ in fonts}) == len(fonts)


def test_a_field_only_in_the_header_falls_back_to_converting_each_file(
    book: ResultsBook, tmp_path: Path
) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Giấy khen số {{so_vao_so}}"
    document.add_paragraph("{{ho_ten}} – {{giai}}")
    document.save(str(tmp_path / "mau.docx"))
    small = make_book(8)
    report = write_certificates(small, tmp_path / "out", template=tmp_path / "mau.docx")
    assert not report.direct
    with pymupdf.open(report.pdf) as pdf:
        assert "Giấy khen số 001/GCN" in pdf[0].get_text()
        assert CHAMPION in pdf[0].get_text()


def test_an_unknown_field_is_refused_before_anything_is_written(
    book: ResultsBook, tmp_path: Path
) -> None:
    document = docx.Document()
    document.add_paragraph("{{ho_ten}} {{hoten_sai}}")
    document.save(str(tmp_path / "mau.docx"))
    with pytest.raises(JudgeAppError) as caught:
        write_certificates(book, tmp_path / "out", template=tmp_path / "mau.docx")
    assert caught.value.code == "certificate_template_unknown_field"
    assert "{{hoten_sai}}" in caught.value.params["fields"]
    assert not (tmp_path / "out").exists()


def test_a_file_that_is_not_a_docx_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "mau.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(JudgeAppError) as caught:
        Template(bad)
    assert caught.value.code == "certificate_template_unreadable"


def test_sealed_identities_make_no_certificates() -> None:
    with pytest.raises(JudgeAppError) as caught:
        certificates_for(make_book(40, revealed=False))
    assert caught.value.code == "certificates_sealed"


def test_the_shipped_template_uses_the_documented_fields() -> None:
    template = Template(default_template())
    assert {"ho_ten", "don_vi", "doi_tuong", "giai", "cuoc_thi", "ngay"} <= set(template.fields)
    assert set(template.fields) <= set(FIELDS)
    with zipfile.ZipFile(io.BytesIO(template.normalised())) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "{{ho_ten}}" in xml

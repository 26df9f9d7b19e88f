"""Redacting judges' copies: the entrant's name and school become unreadable, nothing else."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pymupdf
import pytest
from doc_makers import red_box_png
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from judge_app.core.leaks import IdentityHints
from judge_app.documents.model import DocKind
from judge_app.documents.redaction import BLOCK, identity_spans, redact_copy, redacted_text
from judge_app.paths import fonts_dir

AN = IdentityHints(
    full_name="Nguyễn Văn An",
    unit_names=("Trường THCS Khương Đình",),
    phones=("0912 345 678",),
    emails=("an.nguyen@example.com",),
)
BODY = "Dịch vụ công trực tuyến giúp người dân tiết kiệm thời gian và công sức."


def _cover_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("BÀI DỰ THI")
    document.add_paragraph("Họ và tên: Nguyễn Văn An")
    split = document.add_paragraph("Học sinh ")
    split.add_run("Nguyễn").bold = True  # the family name in its own, bold run
    split.add_run(" Văn An, lớp 8A3")
    document.add_paragraph("Trường THCS Khương Đình")
    document.add_paragraph("Ngày sinh: 12/05/2006 – điện thoại 0912.345.678")
    document.add_paragraph(BODY)
    document.add_paragraph("Em yêu những con đường an toàn của Hà Nội.")
    document.save(str(path))
    return path


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_docx_cover_page_is_blacked_out_and_the_body_kept(tmp_path: Path) -> None:
    path = _cover_docx(tmp_path / "entry.docx")
    paragraphs = len(docx.Document(str(path)).paragraphs)
    report = redact_copy(path, AN, birth_dates=("2006-05-12",))
    assert report.kind is DocKind.DOCX and report.status == "redacted"
    xml = _document_xml(path)
    for needle in ("Nguyễn Văn An", "Nguyễn", "Nguyen", "Khương Đình", "12/05/2006", "345"):
        assert needle not in xml
    assert BODY in xml and "an toàn" in xml and "BÀI DỰ THI" in xml
    reopened = docx.Document(str(path))
    assert len(reopened.paragraphs) == paragraphs
    split = reopened.paragraphs[2]
    assert [run.text for run in split.runs] == ["Học sinh ", "██████", " ███ ██, lớp 8A3"]
    assert split.runs[1].bold  # formatting untouched
    assert reopened.paragraphs[1].text == "Họ và tên: ██████ ███ ██"
    # The report says where and how much, never what.
    kinds = {(r.kind, r.where) for r in report.redacted}
    assert {("name", 2), ("name", 3), ("unit", 4), ("birth_date", 5), ("phone", 5)} <= kinds
    assert all("Nguy" not in repr(r) for r in report.redacted)


def test_docx_redaction_is_deterministic(tmp_path: Path) -> None:
    first = _cover_docx(tmp_path / "a.docx")
    second = tmp_path / "b.docx"
    second.write_bytes(first.read_bytes())
    redact_copy(first, AN)
    redact_copy(second, AN)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in archive.infolist())


def test_docx_header_and_text_box_are_searched(tmp_path: Path) -> None:
    path = tmp_path / "header.docx"
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Nguyễn Văn An – THCS Khương Đình"
    outer = document.add_paragraph("Bìa: ")
    box = parse_xml(  # a VML text box inside a run of the outer paragraph
        f'<w:pict {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><v:shape>'
        "<v:textbox><w:txbxContent><w:p><w:r><w:t>Nguyễn Văn An</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict>"
    )
    outer.add_run()._r.append(box)
    outer.add_run(" an toàn")
    document.add_paragraph(BODY)
    document.save(str(path))
    report = redact_copy(path, AN)
    assert report.status == "redacted"
    with zipfile.ZipFile(path) as archive:
        header = next(n for n in archive.namelist() if "header" in n)
        text = archive.read(header).decode("utf-8")
        body = archive.read("word/document.xml").decode("utf-8")
    assert "Nguyễn" not in text and "Khương" not in text and BLOCK in text
    assert "Nguyễn" not in body and "<w:t>██████ ███ ██</w:t>" in body
    assert "Bìa: " in body and " an toàn" in body and BODY in body


def test_file_without_hits_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph(BODY)
    document.save(str(path))
    before = path.read_bytes()
    report = redact_copy(path, AN)
    assert report.status == "clean" and report.redacted == []
    assert path.read_bytes() == before


def _name_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    font = fonts_dir() / "LiberationSerif-Regular.ttf"
    css = f"@font-face {{font-family: serif; src: url({font.name});}} * {{font-family: serif;}}"
    html = (
        "<p>BÀI DỰ THI</p><p>Họ và tên: Nguyễn Văn An</p>"
        "<p>Trường THCS Khương Đình</p>"
        f"<p>{BODY}</p>"
    )
    archive = pymupdf.Archive(str(fonts_dir()))
    page.insert_htmlbox(pymupdf.Rect(72, 72, 520, 400), html, css=css, archive=archive)
    second = doc.new_page()
    second.insert_htmlbox(
        pymupdf.Rect(72, 72, 520, 400), f"<p>{BODY}</p>", css=css, archive=archive
    )
    doc.save(str(path))
    doc.close()
    return path


def test_pdf_name_is_removed_under_a_black_box(tmp_path: Path) -> None:
    path = _name_pdf(tmp_path / "entry.pdf")
    with pymupdf.open(path) as doc:
        where = doc[0].search_for("Nguyễn Văn An")[0]
    report = redact_copy(path, AN)
    assert report.kind is DocKind.PDF and report.status == "redacted"
    assert {(r.kind, r.where) for r in report.redacted} == {("name", 1), ("unit", 1)}
    with pymupdf.open(path) as doc:
        first = doc[0].get_text()
        assert "Nguyễn" not in first and "Văn An" not in first and "Khương" not in first
        assert "Họ và tên:" in first and "BÀI DỰ THI" in first
        assert "tiết kiệm thời gian" in first
        assert "tiết kiệm thời gian" in doc[1].get_text()
        pixmap = doc[0].get_pixmap(dpi=72)
        centre = pixmap.pixel(int(where.x0 + where.width / 2), int(where.y0 + where.height / 2))
    assert max(centre) < 40  # black where the name was


def test_pdf_name_wrapped_over_two_lines_is_removed_and_tight_neighbours_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wrap.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    font = fonts_dir() / "LiberationSerif-Regular.ttf"
    css = (
        f"@font-face {{font-family: serif; src: url({font.name});}} "
        "* {font-family: serif; line-height: 1.0; margin: 0}"
    )
    html = (
        "<p>Dòng trên cùng viết liền nhau</p><p>Họ và tên: Nguyễn Văn An</p>"
        "<p>Dòng dưới cùng viết liền nhau</p>"
        "<p style='width:200px'>Bài viết này do em là học sinh Nguyễn Văn An viết</p>"
    )
    archive = pymupdf.Archive(str(fonts_dir()))
    page.insert_htmlbox(pymupdf.Rect(72, 72, 300, 400), html, css=css, archive=archive)
    doc.save(str(path))
    doc.close()
    with pymupdf.open(path) as doc:
        assert "sinh Nguyễn\nVăn An" in doc[0].get_text()  # wrapped as the test means
    report = redact_copy(path, AN)
    assert [(r.kind, r.count) for r in report.redacted] == [("name", 11), ("name", 11)]
    with pymupdf.open(path) as doc:
        text = doc[0].get_text()
    assert "Nguyễn" not in text and "Văn An" not in text
    for kept in ("Dòng trên cùng viết liền nhau", "Dòng dưới cùng viết liền nhau", "viết\n"):
        assert kept in text


def test_pdf_without_hits_is_not_rewritten(tmp_path: Path) -> None:
    path = _name_pdf(tmp_path / "other.pdf")
    before = path.read_bytes()
    stranger = IdentityHints(full_name="Trần Thị Bình", unit_names=("Trường THCS Nhân Chính",))
    assert redact_copy(path, stranger).status == "clean"
    assert path.read_bytes() == before


def test_photos_are_not_checked(tmp_path: Path) -> None:
    path = red_box_png(tmp_path / "scan.png")
    before = path.read_bytes()
    report = redact_copy(path, AN)
    assert report.status == "not_checked"
    assert [p.code for p in report.problems] == ["redact_not_checked"]
    assert path.read_bytes() == before


def test_damaged_docx_fails_without_touching_it(tmp_path: Path) -> None:
    good = _cover_docx(tmp_path / "good.docx")
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as archive:
        for info in source.infolist():
            data = source.read(info)
            archive.writestr(info, b"<w:document" if info.filename == "word/document.xml" else data)
    before = path.read_bytes()
    report = redact_copy(path, AN)
    assert report.status == "failed" and report.problems[0].code == "redact_failed"
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Văn An", "██████ ███ ██"),
        ("Nguye\u0302\u0303n", "██████"),  # decomposed marks: still one block per letter
        ("0912\u00a0345", "████\u00a0███"),
    ],
)
def test_redacted_text_keeps_the_shape(text: str, expected: str) -> None:
    assert redacted_text(text) == expected


def test_weak_hits_stay_unless_asked() -> None:
    text = "Văn An ở lớp 8A3."  # two syllables of the name: a weak hit
    assert identity_spans(text, AN) == []
    assert [s.kind for s in identity_spans(text, AN, strength="all")] == ["name", "class"]

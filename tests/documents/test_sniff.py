"""The kind comes from the bytes: renamed and mislabelled files are told apart."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from doc_makers import red_box_pdf, red_box_png, simple_docx, two_page_tiff

from judge_app.documents.model import DocKind
from judge_app.documents.sniff import sniff, sniff_bytes


def test_a_docx_that_is_a_pdf_and_a_pdf_that_is_html(tmp_path: Path) -> None:
    fake_docx = red_box_pdf(tmp_path / "bai thi.docx")
    fake_pdf = tmp_path / "bai thi.pdf"
    fake_pdf.write_text("<!DOCTYPE html><html><body>Đăng nhập Gmail</body></html>")
    assert sniff(fake_docx) == DocKind.PDF
    assert sniff(fake_pdf) == DocKind.HTML


def test_office_zips(tmp_path: Path) -> None:
    assert sniff(simple_docx(tmp_path / "a.pdf")) == DocKind.DOCX
    odt = tmp_path / "a.odt"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    assert sniff(odt) == DocKind.ODT
    plain = tmp_path / "bai.zip"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("bai.docx", "x")
    assert sniff(plain) == DocKind.ZIP


def test_truncated_docx_is_a_damaged_word_file_not_a_zip(tmp_path: Path) -> None:
    """Its first member is not [Content_Types].xml, so only its name says Word."""
    whole = tmp_path / "whole.docx"
    with zipfile.ZipFile(whole, "w") as archive:
        archive.writestr("docProps/app.xml", "x" * 5000)
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>" * 500)
    cut = tmp_path / "Bai du thi.docx"
    cut.write_bytes(whole.read_bytes()[:3000])
    assert sniff(cut) == DocKind.DOCX
    assert sniff(cut.rename(tmp_path / "bai.zip")) == DocKind.ZIP


def test_images_and_empty(tmp_path: Path) -> None:
    assert sniff(red_box_png(tmp_path / "a.jpg")) == DocKind.IMAGE
    assert sniff(two_page_tiff(tmp_path / "scan.pdf")) == DocKind.IMAGE
    (tmp_path / "zero.docx").write_bytes(b"")
    assert sniff(tmp_path / "zero.docx") == DocKind.EMPTY


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, DocKind.DOC),
        (b"{\\rtf1\\ansi hello}", DocKind.RTF),
        (b"\r\n<html><head>", DocKind.HTML),
        (b"junk before the header\n%PDF-1.7\n", DocKind.PDF),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", DocKind.IMAGE),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", DocKind.IMAGE),
        (b"GIF89a\x01\x00", DocKind.IMAGE),
        (b"MM\x00*\x00\x00\x00\x08", DocKind.IMAGE),
        ("Bài dự thi của em\r\n".encode(), DocKind.TEXT),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20, DocKind.UNKNOWN),
    ],
)
def test_magic_numbers(head: bytes, kind: DocKind) -> None:
    assert sniff_bytes(head) == kind

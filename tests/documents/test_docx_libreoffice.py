"""The optional LibreOffice path: used when installed, silently absent otherwise."""

from __future__ import annotations

from pathlib import Path

import docx
import pymupdf
import pytest

from judge_app.documents import docx_libreoffice
from judge_app.documents.docx_libreoffice import find_soffice, libreoffice_pdf


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Bài dự thi ế ệ ấ ỹ ự")
    document.save(str(path))
    return path


def test_without_libreoffice_there_is_no_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_libreoffice.shutil, "which", lambda name: None)
    monkeypatch.setattr(docx_libreoffice, "_CANDIDATES", ())
    assert find_soffice() is None
    assert libreoffice_pdf(_docx(tmp_path / "a.docx")) is None


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_pdf_holds_the_text(tmp_path: Path) -> None:
    pdf = libreoffice_pdf(_docx(tmp_path / "tên có dấu.docx"))
    assert pdf is not None
    with pymupdf.open("pdf", pdf) as document:
        assert "Bài dự thi ế ệ ấ ỹ ự" in document[0].get_text()


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_gives_none_for_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert libreoffice_pdf(broken, timeout_s=60) is None

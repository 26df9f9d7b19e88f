"""The print preview of a score sheet: made and rendered off the GUI thread, painted on the
printer page by page, and "Save as PDF" keeps the vector PDF itself."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from test_sheets import RUBRIC, _synthetic_file

from judge_app.reports.score_sheet import score_sheet_from_file
from judge_app.ui.print_preview import PdfPreviewDialog, preview_pdf


def test_preview_shows_every_page_prints_them_and_saves_the_pdf(
    qtbot: QtBot, tmp_path: Path
) -> None:
    source = _synthetic_file(tmp_path / "GK9.jgs", 70)
    shown: list[PdfPreviewDialog] = []
    window = QWidget()
    qtbot.addWidget(window)
    operation = preview_pdf(
        window,
        lambda path: score_sheet_from_file(source, RUBRIC, path),
        "phieu-cham-GK9.pdf",
        on_shown=shown.append,
    )
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    assert not operation.running
    dialog = shown[0]
    with pymupdf.open(dialog.pdf) as document:
        pages = document.page_count
    assert pages >= 2 and len(dialog.pages) == pages
    assert all(image.width() > 1000 for image in dialog.pages)  # 150 dpi A4 is 1240 wide

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setFullPage(True)
    dialog.paint_pages(printer)
    with pymupdf.open(printed) as document:
        assert document.page_count == pages

    saved = tmp_path / "kept.pdf"
    dialog.save_to(saved)
    assert saved.read_bytes() == dialog.pdf.read_bytes()  # the vector PDF, not pictures of it
    assert dialog.save_action.text() in {"Save as PDF…", "Lưu thành PDF…"}
    Path("/tmp/shots").mkdir(exist_ok=True)
    dialog.resize(900, 1000)
    dialog.grab().save("/tmp/shots/sheet-preview.png")
    dialog.close()

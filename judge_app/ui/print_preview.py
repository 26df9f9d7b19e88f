"""Print preview of the board's PDFs (score sheets, records): QPrintPreviewDialog + Save as PDF.

The PDF is made by `judge_app.reports` and its pages are rendered to images before the dialog
opens, off the GUI thread, through the document service (the sandboxed single owner of
PyMuPDF). QPrintPreviewDialog asks for pages synchronously in `paintRequested`; by then they
are ready images, so painting is only scaling. "Save as PDF…" copies the vector PDF itself,
never a re-rendering of the pictures.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QToolBar, QWidget

from judge_app.core.errors import JudgeAppError
from judge_app.ui.operation import Operation, Progress

translate = QCoreApplication.translate
PREVIEW_DPI = 150.0  # sharp on paper for text at 8 pt, and ~2 MB a page in grey


def render_pdf_pages(pdf: Path, progress: Progress | None = None) -> list[QImage]:
    """Every page of `pdf` as a grey QImage at PREVIEW_DPI (runs on a worker thread)."""
    from judge_app.documents.service import DocumentService

    with DocumentService() as service:
        info = service.open(pdf).result()
        if info.placeholder:
            reasons = ", ".join(str(p.code) for p in info.facts.problems)
            raise JudgeAppError("sheet_preview_failed", pdf, reason=reasons)
        images = []
        for index in range(info.page_count):
            if progress is not None:
                progress.check()
                progress.report(index, info.page_count)
            page = service.render(info.doc_id, index, PREVIEW_DPI / 72.0).result()
            image = QImage(
                page.samples, page.width, page.height, page.stride, QImage.Format.Format_RGB888
            )
            images.append(image.convertToFormat(QImage.Format.Format_Grayscale8))
        service.close(info.doc_id)
    return images


class PdfPreviewDialog(QPrintPreviewDialog):
    """The preview of one PDF whose pages are already rendered."""

    def __init__(self, pdf: Path, pages: list[QImage], parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        printer.setFullPage(True)
        printer.setDocName(pdf.stem)
        super().__init__(printer, parent)
        self.a4_printer = printer  # the dialog does not own it: keep it alive with the dialog
        self.pdf = pdf
        self.pages = pages
        self.setWindowTitle(
            translate("PrintPreview", "Print preview – {name}").format(name=pdf.name)
        )
        self.paintRequested.connect(self.paint_pages)
        self.save_action = QAction(translate("PrintPreview", "Save as PDF…"), self)
        self.save_action.setObjectName("savePdf")
        self.save_action.triggered.connect(self.ask_save_path)
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_action)
        else:  # pragma: no cover - Qt's preview has always had a toolbar
            self.addAction(self.save_action)
        self.resize(900, 1000)

    def paint_pages(self, printer: QPrinter) -> None:
        painter = QPainter(printer)
        try:
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            target = QRectF(0, 0, paper.width(), paper.height())
            for index, image in enumerate(self.pages):
                if index:
                    printer.newPage()
                painter.drawImage(target, image)
        finally:
            painter.end()

    def ask_save_path(self) -> QFileDialog:
        dialog = QFileDialog(self, translate("PrintPreview", "Save as PDF"), str(self.pdf.parent))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(translate("PrintPreview", "PDF documents (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self.pdf.name)
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def save_to(self, target: Path) -> None:
        from judge_app.fileio import write_atomically
        from judge_app.ui.errors import show_error

        try:
            write_atomically(target, self.pdf.read_bytes())
        except OSError as exc:
            show_error(
                self,
                JudgeAppError("sheet_unwritable", target, reason=exc.strerror or str(exc)),
            )


def preview_pdf(
    parent: QWidget,
    make_pdf: Callable[[Path], object],
    name: str,
    on_shown: Callable[[PdfPreviewDialog], None] | None = None,
) -> Operation[tuple[Path, list[QImage]]]:
    """Make a PDF with `make_pdf(path)` and render it, both off the GUI thread, then show it.

    The PDF lives in a temporary folder for the dialog's lifetime (Save as PDF keeps it).
    """
    folder = tempfile.TemporaryDirectory(prefix="judge-app-print-")
    target = Path(folder.name) / name

    def work(progress: Progress) -> tuple[Path, list[QImage]]:
        make_pdf(target)
        progress.check()
        return target, render_pdf_pages(target, progress)

    def shown(result: tuple[Path, list[QImage]]) -> None:
        path, pages = result
        dialog = PdfPreviewDialog(path, pages, parent)
        dialog.finished.connect(lambda _code: folder.cleanup())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if on_shown is not None:
            on_shown(dialog)

    def failed(error: BaseException) -> None:
        folder.cleanup()
        from judge_app.ui.errors import show_error

        show_error(parent, error)

    return Operation(work, parent=parent, on_success=shown, on_failure=failed).start()

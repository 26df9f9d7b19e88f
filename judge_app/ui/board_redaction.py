"""The redaction tool: the head judge draws black boxes over names and schools on an entry's
pages (cover pages, scans, photos), and checks the page as the judge will get it.

Pages come from the document service (rendering in its sandbox child, results delivered by
`FutureWatcher`), exactly as the viewer shows them, so a box's fractions are those of the page
the viewer shows (`intake.redaction_boxes`). Each box drawn or deleted is written at once, in
an `Operation` (one transaction with its audit row). "Preview judge's copy" makes the copy a
package would carry (`exchange.package.preview_copy`: cleaned, the entrant's identity blacked
out automatically, boxes burned) on a worker thread, and shows that file's page instead: the
review of the automatic redaction and of the boxes in one look.

Mouse: drag on the page draws a box; a click on a box selects it. Keyboard: N (or Insert)
starts a new box in the middle of the page, the arrow keys move it, Shift+arrows resize it,
Enter keeps it, Esc drops it; Delete removes the selected box; PgUp/PgDown turn pages;
Ctrl+=/Ctrl+- zoom; Ctrl+P toggles the preview. Boxes cannot be resized by their handles (they
only show which box is selected): delete and draw again.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.messages import render
from judge_app.ui.errors import log_error, show_error
from judge_app.ui.i18n import current_language
from judge_app.ui.operation import FutureWatcher, Operation, Progress
from judge_app.ui.viewer_canvas import page_pixmap

if TYPE_CHECKING:
    from judge_app.documents.model import PageImage
    from judge_app.documents.service import DocumentInfo
    from judge_app.exchange.package import PreviewCopy
    from judge_app.intake.redaction_boxes import BoxChange, BoxRow, FileRef
    from judge_app.store.database import ContestDatabase
    from judge_app.ui.viewer import DocumentPages

translate = QCoreApplication.translate
Rect = tuple[float, float, float, float]
MARGIN = 16  # pixels of grey around the page
MIN_DRAG = 4  # pixels: a shorter drag is a click
STEP = 0.01  # of the page: one arrow-key step of the keyboard's new box
HANDLE = 6  # pixels: the side of a selected box's corner handles
ZOOMS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
BOX_FILL = QColor(0, 0, 0, 150)  # semi-transparent: the head judge still sees what is hidden
DRAFT_FILL = QColor(0, 0, 0, 90)
SELECTED = QColor("#d92d20")


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


class BoxCanvas(QWidget):
    """One page and its boxes. Emits `drawn` (fractions) for a box drawn with the mouse or
    kept from the keyboard, `selected` (box id, 0 for none) and `delete_requested`."""

    drawn = Signal(object)  # Rect
    selected = Signal(int)
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redactionCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.page_size_pt = (595.0, 842.0)
        self.zoom = 1.0
        self.pixmap: QPixmap | None = None
        self.message = ""
        self.boxes: list[BoxRow] = []
        self.show_boxes = True  # off in the preview: the boxes are burned into its pixels
        self.editable = True
        self.selected_id = 0
        self.draft: Rect | None = None  # the keyboard's box, not yet kept
        self._press: QPointF | None = None
        self._drag: QRectF | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._resize()

    # ---------------------------------------------------------------- geometry

    def page_rect(self) -> QRectF:
        width, height = self.page_size_pt
        return QRectF(MARGIN, MARGIN, width * self.zoom, height * self.zoom)

    def _resize(self) -> None:
        page = self.page_rect()
        self.setFixedSize(int(page.width()) + 2 * MARGIN, int(page.height()) + 2 * MARGIN)
        self.update()

    def to_fractions(self, rect: QRectF) -> Rect:
        page = self.page_rect()
        norm = rect.normalized()
        return (
            _clamp((norm.left() - page.left()) / page.width()),
            _clamp((norm.top() - page.top()) / page.height()),
            _clamp((norm.right() - page.left()) / page.width()),
            _clamp((norm.bottom() - page.top()) / page.height()),
        )

    def to_widget(self, rect: Rect) -> QRectF:
        page = self.page_rect()
        x0, y0, x1, y1 = rect
        return QRectF(
            page.left() + x0 * page.width(),
            page.top() + y0 * page.height(),
            (x1 - x0) * page.width(),
            (y1 - y0) * page.height(),
        )

    # ---------------------------------------------------------------- state

    def set_page(self, size_pt: tuple[float, float], pixmap: QPixmap | None) -> None:
        self.page_size_pt = size_pt
        self.pixmap = pixmap
        self.message = ""
        self._resize()

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self.pixmap = pixmap
        self.update()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._resize()

    def set_message(self, text: str) -> None:
        self.message = text
        self.update()

    def set_boxes(self, boxes: list[BoxRow]) -> None:
        self.boxes = boxes
        if self.selected_id not in {box.id for box in boxes}:
            self.selected_id = 0
        self.update()

    def select(self, box_id: int) -> None:
        if box_id != self.selected_id:
            self.selected_id = box_id
            self.selected.emit(box_id)
            self.update()

    def start_draft(self) -> None:
        """The keyboard's new box: the middle of the page, moved and sized with the arrows."""
        if self.editable:
            self.draft = (0.25, 0.1, 0.75, 0.2)
            self.update()

    # ---------------------------------------------------------------- events

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus()
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        position = event.position()
        if self.show_boxes:
            for box in reversed(self.boxes):
                if self.to_widget(box.rect).contains(position):
                    self.select(box.id)
                    return None
        self.select(0)
        if self.editable and self.page_rect().contains(position):
            self._press = position
            self._drag = QRectF(position, position)
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is not None:
            self._drag = QRectF(self._press, event.position()).normalized()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        rect = QRectF(self._press, event.position()).normalized()
        self._press = self._drag = None
        self.update()
        if rect.width() >= MIN_DRAG and rect.height() >= MIN_DRAG:
            self.drawn.emit(self.to_fractions(rect))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if self.draft is not None and self._draft_key(event):
            return
        if key in (Qt.Key.Key_N, Qt.Key.Key_Insert) and not event.modifiers():
            self.start_draft()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected_id:
            self.delete_requested.emit()
        else:
            super().keyPressEvent(event)

    def _draft_key(self, event: QKeyEvent) -> bool:
        assert self.draft is not None
        x0, y0, x1, y1 = self.draft
        key = event.key()
        resize = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        moves: dict[int, tuple[float, float]] = {
            Qt.Key.Key_Left.value: (-STEP, 0.0),
            Qt.Key.Key_Right.value: (STEP, 0.0),
            Qt.Key.Key_Up.value: (0.0, -STEP),
            Qt.Key.Key_Down.value: (0.0, STEP),
        }
        if key in moves:
            dx, dy = moves[key]
            if resize:
                x1 = min(1.0, max(x0 + STEP, x1 + dx))
                y1 = min(1.0, max(y0 + STEP, y1 + dy))
            else:
                dx = min(max(dx, -x0), 1.0 - x1)
                dy = min(max(dy, -y0), 1.0 - y1)
                x0, x1, y0, y1 = x0 + dx, x1 + dx, y0 + dy, y1 + dy
            self.draft = (x0, y0, x1, y1)
            self.update()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            kept, self.draft = self.draft, None
            self.update()
            self.drawn.emit(kept)
            return True
        if key == Qt.Key.Key_Escape:
            self.draft = None
            self.update()
            return True
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#8a8f98"))
        page = self.page_rect()
        painter.fillRect(page, QColor("white"))
        if self.pixmap is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(page, self.pixmap, QRectF(self.pixmap.rect()))
        elif self.message:
            painter.setPen(QColor("#444"))
            painter.drawText(page, Qt.AlignmentFlag.AlignCenter, self.message)
        if self.show_boxes:
            for box in self.boxes:
                self._paint_box(painter, self.to_widget(box.rect), box.id == self.selected_id)
        if self.draft is not None:
            painter.setBrush(QBrush(DRAFT_FILL))
            painter.setPen(QPen(SELECTED, 2, Qt.PenStyle.DashLine))
            painter.drawRect(self.to_widget(self.draft))
        if self._drag is not None:
            painter.setBrush(QBrush(DRAFT_FILL))
            painter.setPen(QPen(SELECTED, 1, Qt.PenStyle.DashLine))
            painter.drawRect(self._drag)
        painter.end()

    @staticmethod
    def _paint_box(painter: QPainter, rect: QRectF, selected: bool) -> None:
        painter.setBrush(QBrush(BOX_FILL))
        painter.setPen(QPen(SELECTED if selected else QColor("black"), 2 if selected else 1))
        painter.drawRect(rect)
        if selected:
            painter.setBrush(QBrush(QColor("white")))
            painter.setPen(QPen(SELECTED, 1))
            for corner in (rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight()):
                painter.drawRect(
                    QRectF(corner.x() - HANDLE / 2, corner.y() - HANDLE / 2, HANDLE, HANDLE)
                )


@dataclass
class _File:
    ref: FileRef
    future: Future[DocumentInfo] | None = None
    info: DocumentInfo | None = None
    preview: DocumentInfo | None = None  # the judge's copy, opened for the preview
    boxes_at_preview: tuple[int, ...] = ()  # box ids the preview was made with
    page: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


class RedactionWindow(QWidget):
    """The redaction tool for one entry. `boxes_changed` fires after each box written or
    removed, `page_shown` after a page's pixels arrived (tests wait on both)."""

    boxes_changed = Signal()
    page_shown = Signal(int)
    preview_ready = Signal()

    def __init__(
        self,
        db: ContestDatabase,
        service: DocumentPages,
        code: str,
        parent: QWidget | None = None,
        *,
        actor: str = "board",
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("redactionWindow")
        self.db = db
        self.service = service
        self.code = code
        self.actor = actor
        self.files: list[_File] = []
        self.current = 0
        self.all_boxes: list[BoxRow] = []
        self._render_serial = 0
        self._scratch = tempfile.TemporaryDirectory(
            prefix="judge-app-redaction-", ignore_cleanup_errors=True
        )
        self._watchers: set[FutureWatcher] = set()
        self._closing = False

        self.canvas = BoxCanvas(self)
        self.canvas.drawn.connect(self._box_drawn)
        self.canvas.selected.connect(self._canvas_selected)
        self.canvas.delete_requested.connect(self.delete_selected)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("redactionScroll")
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

        self.file_combo = QComboBox(self)
        self.file_combo.setObjectName("redactionFile")
        self.file_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.file_combo.currentIndexChanged.connect(self._file_chosen)
        self.page_spin = QSpinBox(self)
        self.page_spin.setObjectName("redactionPage")
        self.page_spin.setRange(1, 1)
        self.page_spin.valueChanged.connect(lambda value: self.show_page(value - 1))
        self.page_count_label = QLabel(self)
        self.zoom_out_button = self._button("zoomOut", "−", lambda: self.step_zoom(-1))
        self.zoom_in_button = self._button("zoomIn", "+", lambda: self.step_zoom(+1))
        self.zoom_label = QLabel(self)
        self.new_button = self._button("newBox", "", self.new_box)
        self.delete_button = self._button("deleteBox", "", self.delete_selected)
        self.preview_button = self._button("preview", "", self.toggle_preview)
        self.preview_button.setCheckable(True)

        self.list_title = QLabel(self)
        self.box_list = QListWidget(self)
        self.box_list.setObjectName("redactionBoxList")
        self.box_list.currentItemChanged.connect(self._list_selected)
        self.help_label = QLabel(self)
        self.help_label.setWordWrap(True)
        self.help_label.setObjectName("redactionHelp")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("redactionStatus")

        bar = QHBoxLayout()
        self.file_label = QLabel(self)
        self.page_label = QLabel(self)
        for widget in (
            self.file_label,
            self.file_combo,
            self.page_label,
            self.page_spin,
            self.page_count_label,
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.new_button,
            self.delete_button,
            self.preview_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.list_title)
        side_layout.addWidget(self.box_list, 1)
        side_layout.addWidget(self.help_label)
        splitter = QSplitter(self)
        splitter.addWidget(self.scroll_area)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self._shortcut("Ctrl+=", lambda: self.step_zoom(+1), "Ctrl++")
        self._shortcut("Ctrl+-", lambda: self.step_zoom(-1))
        self._shortcut("PgDown", lambda: self.page_spin.setValue(self.page_spin.value() + 1))
        self._shortcut("PgUp", lambda: self.page_spin.setValue(self.page_spin.value() - 1))
        self._shortcut("Ctrl+P", self.preview_button.click)
        self.resize(1200, 760)
        self.retranslate()
        self._load()

    # ---------------------------------------------------------------- building

    def _button(self, name: str, text: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        return button

    def _shortcut(self, keys: str, slot: Any, *more: str) -> None:
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in (keys, *more)])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def _run(self, work: Any, on_success: Any, on_failure: Any = None) -> Operation[Any]:
        """Run `work` off the GUI thread; its outcome is dropped once the window closed."""

        def succeeded(result: object) -> None:
            if not self._closing:
                on_success(result)

        def failed(error: BaseException) -> None:
            if not self._closing:
                (on_failure or show_error_here)(error)

        def show_error_here(error: BaseException) -> None:
            show_error(self, error)

        operation: Operation[Any] = Operation(
            work, parent=self, on_success=succeeded, on_failure=failed
        )
        return operation.start()

    def _watch(self, future: Future[Any], callback: Any) -> None:
        watcher = FutureWatcher(future, self)
        self._watchers.add(watcher)

        def resolved(outcome: object) -> None:
            self._watchers.discard(watcher)
            watcher.deleteLater()
            if not self._closing:
                callback(outcome)

        watcher.resolved.connect(resolved)

    # ---------------------------------------------------------------- loading

    def _load(self) -> None:
        db, code = self.db, self.code

        def work(_progress: Progress) -> tuple[list[FileRef], list[BoxRow]]:
            from judge_app.intake.redaction_boxes import entry_files, list_boxes

            return entry_files(db, code), list_boxes(db, code)

        self.canvas.set_message(translate("RedactionWindow", "Opening the entry…"))
        self._run(work, self._loaded)

    def _loaded(self, found: tuple[list[FileRef], list[BoxRow]]) -> None:
        refs, boxes = found
        self.all_boxes = boxes
        self.files = [_File(ref) for ref in refs]
        for file in self.files:
            file.future = self.service.open(file.ref.path)
            self._watch(file.future, lambda outcome, f=file: self._opened(f, outcome))
        self.file_combo.blockSignals(True)
        self.file_combo.clear()
        for file in self.files:
            self.file_combo.addItem(self._file_text(file))
        self.file_combo.blockSignals(False)
        if not self.files:
            self.canvas.set_message(translate("RedactionWindow", "This entry has no files."))

    def _file_text(self, file: _File) -> str:
        return (
            translate("RedactionWindow", "File %1/%2 – %3")
            .replace("%1", str(file.ref.n))
            .replace("%2", str(len(self.files)))
            .replace("%3", file.ref.kind.upper())
        )

    def _opened(self, file: _File, outcome: object) -> None:
        if isinstance(outcome, BaseException):
            log_error(outcome)
            return
        file.info = cast("DocumentInfo", outcome)
        if self.files and file is self.files[self.current]:
            self._show_file()

    def _file_chosen(self, index: int) -> None:
        if 0 <= index < len(self.files):
            self.files[self.current].page = self.canvas_page()
            self.current = index
            self._show_file()

    def _show_file(self) -> None:
        file = self.files[self.current]
        info = self._shown_info(file)
        if info is None:
            self.canvas.set_message(translate("RedactionWindow", "Opening the file…"))
            return
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, max(1, info.page_count))
        self.page_spin.setValue(min(file.page, info.page_count - 1) + 1)
        self.page_spin.blockSignals(False)
        self.page_count_label.setText(f"/ {info.page_count}")
        editable = not info.placeholder and not self.previewing
        self.canvas.editable = editable
        self.new_button.setEnabled(editable)
        if self.zoom_label.text() == "":
            self._fit_width(info)
        self.show_page(self.page_spin.value() - 1)

    def _shown_info(self, file: _File) -> DocumentInfo | None:
        return file.preview if self.previewing else file.info

    # ---------------------------------------------------------------- pages

    @property
    def previewing(self) -> bool:
        return self.preview_button.isChecked()

    def canvas_page(self) -> int:
        return self.page_spin.value() - 1

    def current_file(self) -> _File | None:
        return self.files[self.current] if self.files else None

    def show_page(self, index: int) -> None:
        file = self.current_file()
        info = self._shown_info(file) if file is not None else None
        if file is None or info is None or not 0 <= index < info.page_count:
            return
        file.page = index
        self.canvas.set_page(info.page_sizes_pt[index], None)
        self.canvas.show_boxes = not self.previewing
        self._refresh_boxes()
        self._render()

    def _render(self) -> None:
        file = self.current_file()
        info = self._shown_info(file) if file is not None else None
        if file is None or info is None:
            return
        self._render_serial += 1
        serial, index = self._render_serial, file.page
        zoom = self.canvas.zoom * self.devicePixelRatioF()
        future = self.service.render(info.doc_id, index, zoom, 0)
        self._watch(future, lambda outcome: self._rendered(serial, index, outcome))

    def _rendered(self, serial: int, index: int, outcome: object) -> None:
        if serial != self._render_serial:
            return  # another page, zoom or mode since
        if isinstance(outcome, BaseException):
            log_error(outcome)
            self.canvas.set_message(translate("RedactionWindow", "This page could not be shown."))
            return
        image = cast("PageImage", outcome)
        self.canvas.set_pixmap(page_pixmap(image, self.devicePixelRatioF()))
        self.page_shown.emit(index)

    def _fit_width(self, info: DocumentInfo) -> None:
        width_pt = max(1.0, info.page_sizes_pt[0][0])
        available = max(200, self.scroll_area.viewport().width() - 2 * MARGIN - 4)
        self.set_zoom(min(1.25, available / width_pt))

    def set_zoom(self, zoom: float) -> None:
        self.canvas.set_zoom(zoom)
        self.zoom_label.setText(f"{round(zoom * 100)} %")
        self._render()

    def step_zoom(self, step: int) -> None:
        now = self.canvas.zoom
        if step > 0:
            self.set_zoom(next((z for z in ZOOMS if z > now + 1e-3), ZOOMS[-1]))
        else:
            self.set_zoom(next((z for z in reversed(ZOOMS) if z < now - 1e-3), ZOOMS[0]))

    # ---------------------------------------------------------------- boxes

    def page_boxes(self) -> list[BoxRow]:
        file = self.current_file()
        if file is None:
            return []
        page = file.page
        return [b for b in self.all_boxes if b.file == file.ref.n and b.page == page]

    def _refresh_boxes(self) -> None:
        boxes = self.page_boxes()
        self.canvas.set_boxes(boxes)
        self.box_list.blockSignals(True)
        self.box_list.clear()
        for box in boxes:
            item = QListWidgetItem(self._box_text(box), self.box_list)
            item.setData(Qt.ItemDataRole.UserRole, box.id)
            if box.id == self.canvas.selected_id:
                self.box_list.setCurrentItem(item)
        self.box_list.blockSignals(False)
        self.delete_button.setEnabled(bool(self.canvas.selected_id) and not self.previewing)
        total = len(self.all_boxes)
        self.list_title.setText(
            translate("RedactionWindow", "Boxes on this page: %1 (whole entry: %2)")
            .replace("%1", str(len(boxes)))
            .replace("%2", str(total))
        )

    def _box_text(self, box: BoxRow) -> str:
        return (
            translate("RedactionWindow", "Box %1: left %2 %, top %3 %, %4 × %5 %")
            .replace("%1", str(box.id))
            .replace("%2", str(round(box.x0 * 100)))
            .replace("%3", str(round(box.y0 * 100)))
            .replace("%4", str(round((box.x1 - box.x0) * 100)))
            .replace("%5", str(round((box.y1 - box.y0) * 100)))
        )

    def _canvas_selected(self, box_id: int) -> None:
        self._refresh_boxes()

    def _list_selected(self, item: QListWidgetItem | None) -> None:
        box_id = int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else 0
        self.canvas.select(box_id)
        self.delete_button.setEnabled(bool(box_id) and not self.previewing)

    def new_box(self) -> None:
        self.canvas.setFocus()
        self.canvas.start_draft()

    def _box_drawn(self, rect: Rect) -> None:
        file = self.current_file()
        if file is None or file.info is None or self.previewing:
            return
        db, code, n, page, actor = self.db, self.code, file.ref.n, file.page, self.actor
        pages = file.info.page_count

        def work(_progress: Progress) -> BoxChange:
            from judge_app.intake.redaction_boxes import add_box

            return add_box(db, code, n, page, rect, actor=actor, page_count=pages)

        self._run(work, self._changed)

    def delete_selected(self) -> None:
        box_id = self.canvas.selected_id
        if not box_id or self.previewing:
            return
        db, actor = self.db, self.actor

        def work(_progress: Progress) -> BoxChange:
            from judge_app.intake.redaction_boxes import remove_box

            return remove_box(db, box_id, actor=actor)

        self._run(work, self._changed)

    def _changed(self, change: BoxChange) -> None:
        db, code = self.db, self.code
        added = change.box.id not in {b.id for b in self.all_boxes}

        def work(_progress: Progress) -> list[BoxRow]:
            from judge_app.intake.redaction_boxes import list_boxes

            return list_boxes(db, code)

        def reloaded(boxes: list[BoxRow]) -> None:
            self.all_boxes = boxes
            self.canvas.selected_id = change.box.id if added else 0
            self._refresh_boxes()
            lang = current_language()
            key = "redaction_box_added" if added else "redaction_box_removed"
            text = render(
                key,
                lang,
                box=change.box.id,
                entry=change.box.code,
                file=change.box.file,
                page=change.box.page + 1,
            )
            if change.stale_packages:
                named = ", ".join(
                    render("redaction_package_name", lang, judge=j, round=r)
                    for j, r in change.stale_packages
                )
                text += " " + render("redaction_packages_stale", lang, packages=named)
            self.status.setText(text)
            self.boxes_changed.emit()

        self._run(work, reloaded)

    # ---------------------------------------------------------------- preview

    def toggle_preview(self) -> None:
        file = self.current_file()
        self.canvas.draft = None
        if not self.previewing or file is None:
            self._after_mode_change()
            return
        boxes = tuple(b.id for b in self.all_boxes if b.file == file.ref.n)
        if file.preview is not None and file.boxes_at_preview == boxes:
            self._after_mode_change()
            return
        self.canvas.set_pixmap(None)
        self.canvas.set_message(translate("RedactionWindow", "Making the judge's copy…"))
        self.status.setText(translate("RedactionWindow", "Making the judge's copy…"))
        db, code, n = self.db, self.code, file.ref.n
        folder = Path(self._scratch.name) / f"{n}-{len(boxes)}-{'-'.join(map(str, boxes))}"

        def work(_progress: Progress) -> PreviewCopy:
            from judge_app.exchange.package import preview_copy

            return preview_copy(db, code, n, folder)

        def made(copy: PreviewCopy) -> None:
            future = self.service.open(copy.path)
            self._watch(future, lambda outcome: self._preview_opened(file, boxes, copy, outcome))

        def failed(error: BaseException) -> None:
            self.preview_button.setChecked(False)
            self._after_mode_change()
            show_error(self, error)

        self._run(work, made, failed)

    def _preview_opened(
        self, file: _File, boxes: tuple[int, ...], copy: PreviewCopy, outcome: object
    ) -> None:
        if isinstance(outcome, BaseException):
            log_error(outcome)
            self.preview_button.setChecked(False)
            self._after_mode_change()
            return
        if file.preview is not None:
            self.service.close(file.preview.doc_id)
        file.preview = cast("DocumentInfo", outcome)
        file.boxes_at_preview = boxes
        file.notes = copy.notes
        lang = current_language()
        parts = [
            translate(
                "RedactionWindow",
                "The judge's copy: %1 characters blacked out automatically, %2 boxes burned in.",
            )
            .replace("%1", str(copy.characters))
            .replace("%2", str(copy.boxes))
        ]
        if copy.kind == "image" or (copy.characters == 0 and file.ref.kind != "docx"):
            parts.append(render("redaction_preview_not_checked", lang))
        parts += [render(note, lang) for note in copy.notes]
        self.status.setText(" ".join(parts))
        self._after_mode_change()
        self.preview_ready.emit()

    def _after_mode_change(self) -> None:
        previewing = self.previewing
        self.canvas.editable = not previewing
        self.new_button.setEnabled(not previewing)
        self.delete_button.setEnabled(bool(self.canvas.selected_id) and not previewing)
        if not previewing:
            self.status.clear()
        if self.files:
            self._show_file()

    # ---------------------------------------------------------------- text

    def retranslate(self) -> None:
        self.setWindowTitle(
            translate("RedactionWindow", "Redaction boxes – entry %1").replace("%1", self.code)
        )
        self.file_label.setText(translate("RedactionWindow", "File:"))
        self.page_label.setText(translate("RedactionWindow", "Page:"))
        self.new_button.setText(translate("RedactionWindow", "New box (N)"))
        self.delete_button.setText(translate("RedactionWindow", "Delete box (Del)"))
        self.preview_button.setText(translate("RedactionWindow", "Preview judge's copy (Ctrl+P)"))
        self.zoom_out_button.setToolTip(translate("RedactionWindow", "Zoom out (Ctrl+-)"))
        self.zoom_in_button.setToolTip(translate("RedactionWindow", "Zoom in (Ctrl+=)"))
        self.help_label.setText(
            translate(
                "RedactionWindow",
                "Drag on the page to cover a name, school or stamp. Keyboard: N starts a box, "
                "arrows move it, Shift+arrows resize it, Enter keeps it, Esc drops it. "
                "Boxes are burned into every judge's copy when packages are made.",
            )
        )
        for index, file in enumerate(self.files):
            self.file_combo.setItemText(index, self._file_text(file))
        self._refresh_boxes()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closing = True
        for file in self.files:
            for info in (file.info, file.preview):
                if info is not None:
                    self.service.close(info.doc_id)
            if file.info is None and file.future is not None:
                file.future.cancel()
        # A preview still being made writes into the folder: it goes when the window does.
        self.destroyed.connect(self._scratch.cleanup)
        super().closeEvent(event)


__all__ = ["BoxCanvas", "RedactionWindow"]

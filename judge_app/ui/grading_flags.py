"""Flags for the head judge and page notes: the two small dialogs, and the note markers.

Flags (identity revealed, suspected copy, …) each carry a short note; the dialog is keyboard
first: Space ticks a flag, Tab goes to its note, Enter confirms. Page notes are pinned to a
point of a page and drawn as numbered markers over the page area, never into the entrant's
document: the overlay paints on top of the viewer's canvas and lets every click through.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.grading_rubric import flag_name
from judge_app.ui.viewer_canvas import rotate_rect, rotated_size

if TYPE_CHECKING:
    from judge_app.store.grading import PageNoteRow
    from judge_app.ui.viewer import DocumentViewer

translate = QCoreApplication.translate
MARKER_RADIUS = 11
NOTE_MAX_CHARS = 500


class FlagDialog(QDialog):
    """Tick the problems this entry has, each with a short note; `chosen` on OK."""

    chosen = Signal(dict)  # flag code -> note, the complete new set

    def __init__(
        self,
        code: str,
        flags: Sequence[str],
        current: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("flagDialog")
        self.code = code
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.boxes: dict[str, QCheckBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        for row, flag in enumerate(flags):
            box = QCheckBox(self)
            box.setObjectName(f"flag_{flag}")
            box.setChecked(flag in current)
            note = QLineEdit(current.get(flag, ""), self)
            note.setObjectName(f"flagNote_{flag}")
            note.setMaxLength(NOTE_MAX_CHARS)
            note.setEnabled(box.isChecked())
            box.toggled.connect(note.setEnabled)
            note.textEdited.connect(lambda text, b=box: b.setChecked(b.isChecked() or bool(text)))
            grid.addWidget(box, row, 0)
            grid.addWidget(note, row, 1)
            self.boxes[flag] = box
            self.notes[flag] = note
        grid.setColumnStretch(1, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self.retranslate()
        if flags:
            self.boxes[flags[0]].setFocus()

    def result_flags(self) -> dict[str, str]:
        return {
            flag: self.notes[flag].text().strip()
            for flag, box in self.boxes.items()
            if box.isChecked()
        }

    def accept(self) -> None:
        self.chosen.emit(self.result_flags())
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(
            translate("FlagDialog", "Flag entry %1 for the head judge").replace("%1", self.code)
        )
        self.intro.setText(
            translate(
                "FlagDialog",
                "Tick what is wrong (Space) and add a short note (Tab). A flagged entry can "
                "still be scored, except when it is unreadable or pages are missing.",
            )
        )
        for flag, box in self.boxes.items():
            box.setText(flag_name(flag))
            self.notes[flag].setPlaceholderText(
                translate("FlagDialog", "Note: where, what (optional)")
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PageNoteDialog(QDialog):
    """The text of a note pinned to a page."""

    written = Signal(str)

    def __init__(self, page: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageNoteDialog")
        self.page = page
        self.label = QLabel(self)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("pageNoteText")
        self.edit.setMaxLength(NOTE_MAX_CHARS)
        self.label.setBuddy(self.edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.setWindowTitle(
            translate("PageNoteDialog", "Note on page %1").replace("%1", str(page + 1))
        )
        self.label.setText(
            translate("PageNoteDialog", "&Note (kept with your grading, not in the entry):")
        )
        self.edit.setFocus()

    def accept(self) -> None:
        text = self.edit.text().strip()
        if text:
            self.written.emit(text)
        super().accept()


class NoteOverlay(QWidget):
    """Numbered markers over the viewer's pages for the shown file's notes; Ctrl+click on a
    page asks for a new note there (`pin_requested`). Positions are fractions of the upright
    page, so they stay put through zoom and rotation."""

    pin_requested = Signal(int, float, float)  # page, x, y (0…1 of the upright page)

    def __init__(self, viewer: DocumentViewer) -> None:
        canvas = viewer.canvas
        super().__init__(canvas.viewport())
        self.setObjectName("pageNoteMarkers")
        self.viewer = viewer
        self.canvas = canvas
        self._notes: list[tuple[int, PageNoteRow]] = []  # number shown, note
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        canvas.viewport().installEventFilter(self)
        canvas.verticalScrollBar().valueChanged.connect(self.update)
        canvas.horizontalScrollBar().valueChanged.connect(self.update)
        canvas.zoom_changed.connect(self.update)
        self.resize(canvas.viewport().size())

    def set_notes(self, notes: Sequence[PageNoteRow], file_index: int) -> None:
        """The notes of the entry; only those of the shown file get a marker."""
        self._notes = [
            (number, note)
            for number, note in enumerate(notes, start=1)
            if note.file_sort == file_index
        ]
        self.update()

    def marker_centre(self, note: PageNoteRow) -> QPointF | None:
        """Where a note's marker sits in viewport pixels (None when its page is not laid out)."""
        rect = self.canvas.page_rect(note.page)
        sizes = self.canvas.displayed_sizes()
        if rect.isEmpty() or note.page >= len(sizes):
            return None
        upright = rotated_size(sizes[note.page], -self.canvas.rotation % 360)
        x, y = note.x * upright[0], note.y * upright[1]
        x0, y0, _x1, _y1 = rotate_rect((x, y, x, y), upright, self.canvas.rotation)
        scale = self.canvas.scale
        return QPointF(
            rect.left() + x0 * scale - self.canvas.horizontalScrollBar().value(),
            rect.top() + y0 * scale - self.canvas.verticalScrollBar().value(),
        )

    def page_point(self, pos: QPoint) -> tuple[int, float, float] | None:
        """The page under a viewport point and the point as fractions of the upright page."""
        content = QPointF(
            pos.x() + self.canvas.horizontalScrollBar().value(),
            pos.y() + self.canvas.verticalScrollBar().value(),
        )
        sizes = self.canvas.displayed_sizes()
        for page in range(self.canvas.page_count):
            rect = self.canvas.page_rect(page)
            if rect.isEmpty() or not rect.contains(content):
                continue
            scale = self.canvas.scale
            dx, dy = (content.x() - rect.left()) / scale, (content.y() - rect.top()) / scale
            rotation = self.canvas.rotation
            turned = sizes[page]
            back = (-rotation) % 360
            x0, y0, _x1, _y1 = rotate_rect((dx, dy, dx, dy), turned, back)
            upright = rotated_size(turned, back)
            return page, min(max(x0 / upright[0], 0.0), 1.0), min(max(y0 / upright[1], 0.0), 1.0)
        return None

    def centre_point(self) -> tuple[int, float, float] | None:
        """The point in the middle of the view (a note pinned from the keyboard goes there)."""
        viewport = self.canvas.viewport().rect()
        found = self.page_point(viewport.center())
        if found is None and self.canvas.page_count:
            return self.canvas.current_page, 0.5, 0.1
        return found

    def _note_at(self, pos: QPoint) -> PageNoteRow | None:
        for _number, note in self._notes:
            centre = self.marker_centre(note)
            if (
                centre is not None
                and (centre - QPointF(pos)).manhattanLength() <= 2 * MARKER_RADIUS
            ):
                return note
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is not self.canvas.viewport():
            return super().eventFilter(watched, event)
        kind = event.type()
        if kind == QEvent.Type.Resize:
            self.resize(self.canvas.viewport().size())
        elif (
            kind == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            found = self.page_point(event.position().toPoint())
            if found is not None:
                self.pin_requested.emit(*found)
                return True
        elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            note = self._note_at(event.pos())
            if note is not None:
                QToolTip.showText(event.globalPos(), note.text, self.canvas)
                return True
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self._notes:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        for number, note in self._notes:
            centre = self.marker_centre(note)
            if centre is None:
                continue
            box = QRectF(
                centre.x() - MARKER_RADIUS,
                centre.y() - MARKER_RADIUS,
                2 * MARKER_RADIUS,
                2 * MARKER_RADIUS,
            )
            painter.setPen(QPen(QColor("#7a4b00"), 1.5))
            painter.setBrush(QColor(255, 196, 0, 230))
            painter.drawEllipse(box)
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(number))
        painter.end()

"""What every board dialog that runs one background job shares: it cannot be closed while the
job runs (its transaction must finish), it shows the outcome in a message box and closes with
it, and it retranslates itself when the language changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from judge_app.ui.operation import Operation

if TYPE_CHECKING:
    from judge_app.store.database import ContestDatabase


class BoardDialog(QDialog):
    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor  # who the audit log names
        self.operation: Operation[Any] | None = None
        self.result_box: QMessageBox | None = None

    def retranslate(self) -> None:
        """Subclasses set their texts here (called again on a language change)."""

    def show_result(self, object_name: str, title: str, text: str) -> None:
        """The outcome in a non-blocking message box; closing it closes the dialog."""
        box = QMessageBox(self)
        box.setObjectName(object_name)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.finished.connect(lambda _code: self.accept())
        self.result_box = box
        box.open()

    def reject(self) -> None:
        if self.operation is not None and self.operation.running:
            return  # the job's transaction must finish; Close is disabled meanwhile
        super().reject()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

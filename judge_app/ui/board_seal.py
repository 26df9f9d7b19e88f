"""The board's "Seal identities…" dialog (làm phách): one or two passphrases, each typed twice.

A typo in a passphrase would lock the identities away for good, so each is typed twice and the
two must match before anything runs; `intake.seal.seal_identities` runs in an `Operation`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render
from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.errors import show_error
from judge_app.ui.i18n import current_language
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    from judge_app.store.database import ContestDatabase

translate = QCoreApplication.translate


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class SealDialog(BoardDialog):
    """Non-modal; `sealed` fires with the number of identity records sealed."""

    sealed = Signal(int)

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("sealDialog")
        self.operation: Operation[int] | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.first = _password_edit(self, "passphrase1")
        self.first_again = _password_edit(self, "passphrase1Again")
        self.two_keys = QCheckBox(self)
        self.two_keys.setObjectName("twoKeys")
        self.second = _password_edit(self, "passphrase2")
        self.second_again = _password_edit(self, "passphrase2Again")
        self.two_keys.toggled.connect(self._update_second)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel(self)
        self.form = QFormLayout()
        for widget in (self.first, self.first_again, self.two_keys, self.second):
            self.form.addRow(QLabel(), widget)
        self.form.addRow(QLabel(), self.second_again)
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runSeal")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, 0)
        self._update_second(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SealDialog", "Seal identities"))
        self.intro.setText(
            translate(
                "SealDialog",
                "Sealing hides who wrote each entry until the scores are locked. Without the "
                "passphrase the identities cannot be opened again: type it twice and keep it "
                "safe.",
            )
        )
        labels = (
            translate("SealDialog", "Passphrase:"),
            translate("SealDialog", "Passphrase again:"),
            "",
            translate("SealDialog", "Second passphrase:"),
            translate("SealDialog", "Second passphrase again:"),
        )
        for row, text in enumerate(labels):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = label.widget() if label is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)
        self.two_keys.setText(
            translate("SealDialog", "Two board members, each with a passphrase (both needed)")
        )
        self.run_button.setText(translate("SealDialog", "Seal"))

    def _update_second(self, on: bool) -> None:
        self.second.setEnabled(on)
        self.second_again.setEnabled(on)

    def passphrases(self) -> list[bytes] | None:
        """The typed passphrases, or None after telling the user what is wrong."""
        from judge_app.intake.seal_crypto import passphrase_from_text

        pairs = [(self.first, self.first_again)]
        if self.two_keys.isChecked():
            pairs.append((self.second, self.second_again))
        phrases = []
        for edit, again in pairs:
            if not edit.text():
                self.status.setText(translate("SealDialog", "Type every passphrase twice."))
                return None
            if edit.text() != again.text():
                show_error(self, JudgeAppError("seal_passphrase_mismatch"))
                return None
            phrases.append(passphrase_from_text(edit.text()))
        return phrases

    def run(self) -> Operation[int] | None:
        from judge_app.intake.seal import seal_identities

        phrases = self.passphrases()
        if phrases is None:
            return None
        db, actor = self.db, self.actor

        def work(_progress: Progress) -> int:
            return seal_identities(db, phrases, actor=actor)

        self._set_running(True)
        self.operation = Operation(work, parent=self, on_success=self._finished)
        self.operation.done.connect(lambda: self._set_running(False))
        return self.operation.start()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.run_button.setEnabled(not running)
        self.close_button.setEnabled(not running)
        if not running:
            self.status.setText("")
            for edit in (self.first, self.first_again, self.second, self.second_again):
                edit.clear()  # passphrases are never kept longer than one run

    def _finished(self, count: int) -> None:
        self.sealed.emit(count)
        self.show_result(
            "sealResult",
            translate("SealDialog", "Seal identities"),
            render("seal_done", current_language(), count=count, path=self.db.path),
        )

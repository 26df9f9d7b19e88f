"""The board's "Lock scores…" (khoá điểm) and "Reveal identities…" (ghép phách) dialogs.

Both are one step each, run off the GUI thread: `store.results.lock_results` (refused, with the
entries still unsettled counted by queue, until every entry has a final score or a decision) and
`intake.seal.unseal_identities` (the seal's passphrase or passphrases; before the lock only with
a reason the audit log keeps).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.messages import render
from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.i18n import current_language
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    from judge_app.store.database import ContestDatabase

translate = QCoreApplication.translate
INTRO_WIDTH = 520


class _OneStepDialog(BoardDialog):
    """Intro text, a form, a busy bar, Run and Close."""

    def __init__(self, db: ContestDatabase, parent: QWidget | None, *, actor: str) -> None:
        super().__init__(db, parent, actor=actor)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.intro.setMinimumWidth(INTRO_WIDTH)
        self.resize(INTRO_WIDTH + 40, 0)

    def run(self) -> Operation[object] | None:
        raise NotImplementedError

    def set_intro(self, text: str) -> None:
        """A wrapped label in a dialog sized before it is shown gets one line's height: give
        it the height its text needs at the dialog's width."""
        self.intro.setText(text)
        self.intro.setMinimumHeight(self.intro.heightForWidth(INTRO_WIDTH))

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.run_button.setEnabled(not running)
        self.close_button.setEnabled(not running)


class LockDialog(_OneStepDialog):
    """`locked` fires with the digest the lock recorded."""

    locked = Signal(str)

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("lockDialog")
        self.run_button.setObjectName("runLock")
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("LockDialog", "Lock scores"))
        self.set_intro(
            translate(
                "LockDialog",
                "Locking freezes every final score: merges and decisions are refused from then "
                "on, except for an entry opened for an appeal. Results, prizes and the reveal "
                "of identities need it. Every entry must have a final score or a decision.",
            )
        )
        self.run_button.setText(translate("LockDialog", "Lock"))

    def run(self) -> Operation[object] | None:
        from judge_app.store.results import lock_results

        db, actor = self.db, self.actor

        def work(_progress: Progress) -> object:
            return lock_results(db, actor=actor)

        self._set_running(True)
        self.operation = Operation(
            work,
            parent=self,
            on_success=self._finished,
        )
        self.operation.done.connect(lambda: self._set_running(False))
        return self.operation.start()

    def _finished(self, digest: object) -> None:
        count = self.db.read_scalar("SELECT count(*) FROM entry")
        self.locked.emit(str(digest))
        self.show_result(
            "lockResult",
            translate("LockDialog", "Lock scores"),
            render(
                "results_locked_done",
                current_language(),
                path=self.db.path,
                count=count,
                digest=str(digest)[:16],
            ),
        )


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class RevealDialog(_OneStepDialog):
    """`revealed` fires with the number of identity records opened."""

    revealed = Signal(int)

    def __init__(
        self,
        db: ContestDatabase,
        parent: QWidget | None = None,
        *,
        actor: str = "board",
        keys: int = 1,
        locked: bool = True,
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("revealDialog")
        self.run_button.setObjectName("runReveal")
        self.locked = locked
        self.phrases = [_password_edit(self, f"passphrase{n + 1}") for n in range(max(1, keys))]
        for edit in self.phrases:
            self.form.addRow(QLabel(), edit)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("beforeLockReason")
        self.form.addRow(QLabel(), self.reason)
        self.reason.setVisible(not locked)
        label = self.form.labelForField(self.reason)
        if label is not None:
            label.setVisible(not locked)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("RevealDialog", "Reveal identities"))
        if self.locked:
            intro = translate(
                "RevealDialog",
                "Revealing (ghép phách) re-attaches each entry to its participant, for the "
                "prize list and the certificates. The seal's passphrase is needed (both, when "
                "two board members sealed).",
            )
        else:
            intro = translate(
                "RevealDialog",
                "The scores are not locked yet: identities stay sealed until the lock. Reveal "
                "now only if the board must, and say why; the reason is kept in the audit log.",
            )
        self.set_intro(intro)
        for n, edit in enumerate(self.phrases):
            label = self.form.labelForField(edit)
            if isinstance(label, QLabel):
                text = translate("RevealDialog", "Passphrase %1:").replace("%1", str(n + 1))
                label.setText(
                    text if len(self.phrases) > 1 else translate("RevealDialog", "Passphrase:")
                )
        reason_label = self.form.labelForField(self.reason)
        if isinstance(reason_label, QLabel):
            reason_label.setText(translate("RevealDialog", "Why before the lock:"))
        self.run_button.setText(translate("RevealDialog", "Reveal"))

    def run(self) -> Operation[object] | None:
        from judge_app.intake.seal import unseal_identities
        from judge_app.intake.seal_crypto import passphrase_from_text

        if any(not edit.text() for edit in self.phrases):
            self.set_intro(translate("RevealDialog", "Type every passphrase."))
            return None
        phrases = [passphrase_from_text(edit.text()) for edit in self.phrases]
        reason = None if self.locked else self.reason.text()
        db, actor = self.db, self.actor

        def work(_progress: Progress) -> object:
            return unseal_identities(db, phrases, actor=actor, before_lock_reason=reason)

        self._set_running(True)
        self.operation = Operation(
            work,
            parent=self,
            on_success=self._finished,
        )
        self.operation.done.connect(self._done)
        return self.operation.start()

    def _done(self) -> None:
        self._set_running(False)
        for edit in self.phrases:
            edit.clear()  # passphrases are never kept longer than one run

    def _finished(self, count: object) -> None:
        revealed = int(count) if isinstance(count, int) else 0
        self.revealed.emit(revealed)
        self.show_result(
            "revealResult",
            translate("RevealDialog", "Reveal identities"),
            render("reveal_done", current_language(), path=self.db.path, count=revealed),
        )

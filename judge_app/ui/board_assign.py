"""The board's "Assign a grading round…" dialog.

It asks for the round, judges per entry, an optional seed and whether judges stay within a
category, runs `intake.assign.assign_round` through an `Operation`, and shows each judge's load
(and the seed, so the draw can be repeated).
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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    from judge_app.intake.assign import RoundAssignment
    from judge_app.store.database import ContestDatabase

translate = QCoreApplication.translate
CONTEXT = "AssignDialog"


def loads_text(result: RoundAssignment) -> str:
    """The message after a run: what was added, each judge's load, the seed."""
    lines = [
        translate("AssignDialog", "Round %1: %2 entries assigned (%3 assignments added).")
        .replace("%1", str(result.round))
        .replace("%2", str(result.entries_added))
        .replace("%3", str(result.rows_added)),
        "",
        translate("AssignDialog", "Entries per judge:"),
    ]
    lines += [f"  {judge}: {count}" for judge, count in sorted(result.loads.items())]
    lines += [
        "",
        translate("AssignDialog", "Seed (to repeat the draw): %1").replace("%1", str(result.seed)),
    ]
    return "\n".join(lines)


class AssignDialog(BoardDialog):
    """Non-modal; `assigned` fires with the RoundAssignment after a successful run."""

    assigned = Signal(object)

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("assignDialog")
        self.operation: Operation[RoundAssignment] | None = None
        self.round_spin = QSpinBox(self)
        self.round_spin.setObjectName("roundSpin")
        self.round_spin.setRange(1, 9)
        self.k_spin = QSpinBox(self)
        self.k_spin.setObjectName("judgesSpin")
        self.k_spin.setRange(1, 9)
        self.k_spin.setValue(2)
        self.seed_edit = QLineEdit(self)
        self.seed_edit.setObjectName("seedEdit")
        self.by_category = QCheckBox(self)
        self.by_category.setObjectName("byCategory")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel(self)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.round_spin)
        self.form.addRow(QLabel(), self.k_spin)
        self.form.addRow(QLabel(), self.seed_edit)
        self.form.addRow(QLabel(), self.by_category)
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runAssign")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("AssignDialog", "Assign a grading round"))
        for row, text in enumerate(
            (
                translate("AssignDialog", "Round:"),
                translate("AssignDialog", "Judges per entry:"),
                translate("AssignDialog", "Seed:"),
                "",
            )
        ):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = label.widget() if label is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)
        self.seed_edit.setPlaceholderText(translate("AssignDialog", "empty: a new random seed"))
        self.by_category.setText(translate("AssignDialog", "Each judge grades within one category"))
        self.run_button.setText(translate("AssignDialog", "Assign"))

    def run(self) -> Operation[RoundAssignment] | None:
        from judge_app.intake.assign import assign_round

        seed_text = self.seed_edit.text().strip()
        if seed_text and not seed_text.isdigit():
            self.status.setText(translate("AssignDialog", "The seed is a whole number, or empty."))
            return None
        db, actor = self.db, self.actor
        round_, k = self.round_spin.value(), self.k_spin.value()
        seed = int(seed_text) if seed_text else None
        by_category = self.by_category.isChecked()

        def work(_progress: Progress) -> RoundAssignment:
            return assign_round(db, round_, k, seed, by_category=by_category, actor=actor)

        self._set_running(True)
        self.status.setText(translate("AssignDialog", "Assigning…"))
        self.operation = Operation(work, parent=self, on_success=self._finished)
        self.operation.done.connect(lambda: self._set_running(False))
        return self.operation.start()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.run_button.setEnabled(not running)
        self.close_button.setEnabled(not running)
        if not running:
            self.status.setText("")

    def _finished(self, result: RoundAssignment) -> None:
        self.assigned.emit(result)
        self.show_result(
            "assignResult", translate("AssignDialog", "Round assigned"), loads_text(result)
        )

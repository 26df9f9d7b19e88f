"""The board's "Judges' keys…": which judge's key is pinned, pinning one, replacing a lost one.

A judge's score file is trusted only through the key the head judge pinned for that judge
(`exchange.judge_keys`), after the judge read its fingerprint aloud. The dialog shows the
chosen file's fingerprint in large groups and asks for what the judge read (or an explicit
confirmation that every group was compared); `register_judge_key` compares them ignoring
spaces and case. Reading the table, the key file and writing all run in `Operation`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.errors import error_text
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    from judge_app.exchange.judge_keys import PinnedKey
    from judge_app.store.database import ContestDatabase

translate = QCoreApplication.translate
CODE, NAME, UNIT, FINGERPRINT, STATUS = range(5)
MISSING_COLOUR = "#fcefc7"
GROUPS_PER_LINE = 4


@dataclass(frozen=True)
class JudgeKeyRow:
    code: str
    name: str
    unit: str
    fingerprint: str | None
    is_head: bool
    replaced: int  # how many of the judge's keys were replaced (retired)


def read_judge_keys(db: ContestDatabase) -> list[JudgeKeyRow]:
    """Every judge with their pinned key. Worker thread."""
    from sqlalchemy import select

    from judge_app.exchange.judge_keys import REPLACE_ACTION
    from judge_app.store.models import AuditRow, Judge, Unit

    with db.read_session() as session:
        replaced: dict[str, int] = {}
        for key in session.scalars(
            select(AuditRow.entity_key).where(AuditRow.action == REPLACE_ACTION)
        ):
            replaced[key] = replaced.get(key, 0) + 1
        rows = session.execute(
            select(Judge.code, Judge.name, Unit.name, Judge.key_fingerprint, Judge.is_head)
            .outerjoin(Unit, Unit.id == Judge.unit_id)
            .order_by(Judge.is_head.desc(), Judge.code)
        ).all()
    return [
        JudgeKeyRow(code, name, unit or "", fingerprint, bool(head), replaced.get(code, 0))
        for code, name, unit, fingerprint, head in rows
    ]


def fingerprint_lines(fingerprint: str) -> str:
    """'7K3M 9QXA …' as two lines of four groups: easy to read aloud group by group."""
    groups = fingerprint.split()
    lines = [
        "  ".join(groups[start : start + GROUPS_PER_LINE])
        for start in range(0, len(groups), GROUPS_PER_LINE)
    ]
    return "\n".join(lines)


def same_fingerprint(typed: str, actual: str) -> bool | None:
    """True/False once `typed` is a whole fingerprint (spaces, case, O for 0 ignored), else
    None: the comparison the register call makes, shown live."""
    from judge_app.exchange.keys import normalise_fingerprint

    normal = normalise_fingerprint(typed)
    return None if normal is None else normal == actual


class KeyFileDialog(QDialog):
    """One key file for one judge: its fingerprint, what the judge read aloud, and for a
    replacement the reason. OK writes through `register_judge_key` / `replace_judge_key`;
    a refusal (wrong fingerprint, another judge's key…) stays in the dialog to correct."""

    pinned = Signal(object)  # PinnedKey

    def __init__(
        self,
        db: ContestDatabase,
        judge: JudgeKeyRow,
        key_file: Path,
        fingerprint: str,
        parent: QWidget | None = None,
        *,
        replace: bool = False,
        actor: str = "board",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keyFileDialog")
        self.db, self.judge, self.key_file = db, judge, key_file
        self.fingerprint, self.replace, self.actor = fingerprint, replace, actor
        self.operation: Operation[PinnedKey] | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.shown = QLabel(fingerprint_lines(fingerprint), self)
        self.shown.setObjectName("fileFingerprint")
        self.shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 8 if font.pointSize() > 0 else 18)
        font.setBold(True)
        self.shown.setFont(font)
        self.shown.setStyleSheet("padding: 10px; background: #f4f6f8; border: 1px solid #c8ced6;")
        lines = fingerprint_lines(fingerprint).count("\n") + 1
        self.shown.setMinimumHeight(QFontMetrics(font).lineSpacing() * lines + 28)
        self.heard = QLineEdit(self)
        self.heard.setObjectName("heardFingerprint")
        heard_font = QFont(font)
        heard_font.setPointSize(max(font.pointSize() - 8, 10))
        self.heard.setFont(heard_font)
        self.heard.textChanged.connect(self._compare)
        self.match = QLabel(self)
        self.match.setObjectName("fingerprintMatch")
        self.confirmed = QCheckBox(self)
        self.confirmed.setObjectName("confirmedAloud")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("replaceReason")
        self.reason.setVisible(replace)
        self.status = QLabel(self)
        self.status.setObjectName("keyStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #a61b1b;")
        self.heard_label = QLabel(self)
        self.reason_label = QLabel(self)
        self.form = QFormLayout()
        self.form.addRow(self.heard_label, self.heard)
        self.form.addRow(QLabel(self), self.match)
        self.form.addRow(QLabel(self), self.confirmed)
        if replace:
            self.form.addRow(self.reason_label, self.reason)
        else:
            self.reason_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("pinKey")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.shown)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(640, 0)
        self.retranslate()
        self._compare()

    def retranslate(self) -> None:
        if self.replace:
            self.setWindowTitle(translate("KeyFileDialog", "Replace a lost key"))
            button = translate("KeyFileDialog", "Replace the key")
        else:
            self.setWindowTitle(translate("KeyFileDialog", "Register a judge's key"))
            button = translate("KeyFileDialog", "Register the key")
        self.intro.setText(
            translate(
                "KeyFileDialog",
                "Judge %1 (%2). Key file: %3\nAsk the judge to read their key's fingerprint "
                "aloud, group by group, and compare it with the fingerprint of this file:",
            )
            .replace("%1", self.judge.code)
            .replace("%2", self.judge.name)
            .replace("%3", str(self.key_file))
        )
        self.heard_label.setText(translate("KeyFileDialog", "The judge read:"))
        self.reason_label.setText(translate("KeyFileDialog", "Reason for the replacement:"))
        self.heard.setPlaceholderText(
            translate("KeyFileDialog", "type the 32 characters; spaces and case do not matter")
        )
        self.confirmed.setText(
            translate(
                "KeyFileDialog",
                "I compared every group with what the judge read aloud, and they are the same",
            )
        )
        self.reason.setPlaceholderText(
            translate("KeyFileDialog", "e.g. laptop lost, key file deleted")
        )
        self.ok_button.setText(button)
        self._compare()

    def _compare(self) -> None:
        same = same_fingerprint(self.heard.text(), self.fingerprint)
        if same is None:
            text, colour = "", ""
            if self.heard.text().strip():
                text = translate("KeyFileDialog", "Not a whole fingerprint yet")
                colour = "#7a5a00"
        elif same:
            text, colour = translate("KeyFileDialog", "✓ Same as the file"), "#1e6b2e"
        else:
            text, colour = translate("KeyFileDialog", "✗ Differs from the file"), "#a61b1b"
        self.match.setText(text)
        self.match.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")

    def expected(self) -> str | None:
        """What the head judge vouches for: the typed text, or the file's own fingerprint when
        they confirmed it group by group; None when neither."""
        typed = self.heard.text().strip()
        if typed:
            return typed
        return self.fingerprint if self.confirmed.isChecked() else None

    def run(self) -> Operation[PinnedKey] | None:
        from judge_app.exchange.judge_keys import register_judge_key, replace_judge_key

        expected = self.expected()
        if expected is None:
            self.status.setText(
                translate(
                    "KeyFileDialog",
                    "Type the fingerprint the judge reads aloud, or confirm you compared it.",
                )
            )
            return None
        reason = self.reason.text().strip()
        if self.replace and not reason:
            self.status.setText(
                translate("KeyFileDialog", "Give the reason for replacing the key.")
            )
            return None
        db, code, path, actor = self.db, self.judge.code, self.key_file, self.actor

        def work(_progress: Progress) -> PinnedKey:
            if self.replace:
                return replace_judge_key(
                    db, code, path, reason, actor, expected_fingerprint=expected
                )
            return register_judge_key(db, code, path, expected_fingerprint=expected, actor=actor)

        self.ok_button.setEnabled(False)
        self.status.setText("")
        self.operation = Operation(
            work, parent=self, on_success=self._done, on_failure=self._failed
        )
        self.operation.done.connect(lambda: self.ok_button.setEnabled(True))
        return self.operation.start()

    def _done(self, pinned: PinnedKey) -> None:
        self.pinned.emit(pinned)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        from judge_app.ui.errors import log_error

        log_error(error)
        self.status.setText(error_text(error))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        if self.operation is not None and self.operation.running:
            return
        super().reject()


class KeysDialog(BoardDialog):
    """Board → Judges' keys…: the table, and the register / replace buttons."""

    changed = Signal()

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("keysDialog")
        self.rows: list[JudgeKeyRow] = []
        self.key_dialog: KeyFileDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("judgeKeys")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (CODE, UNIT, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FINGERPRINT, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.register_key())
        self.register_button = QPushButton(self)
        self.register_button.setObjectName("registerKey")
        self.register_button.clicked.connect(lambda: self.register_key())
        self.replace_button = QPushButton(self)
        self.replace_button.setObjectName("replaceKey")
        self.replace_button.clicked.connect(lambda: self.replace_key())
        self.status = QLabel(self)
        self.status.setObjectName("keysStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.register_button)
        row.addWidget(self.replace_button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(980, 460)
        self.retranslate()
        self._update_buttons()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("KeysDialog", "Judges' keys"))
        self.intro.setText(
            translate(
                "KeysDialog",
                "A judge's score file is accepted only if it is signed with the key registered "
                "here. Register each judge's public key after the judge reads its fingerprint "
                "to you; replace a key only when it is lost.",
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                translate("KeysDialog", "Code"),
                translate("KeysDialog", "Name"),
                translate("KeysDialog", "Unit"),
                translate("KeysDialog", "Key fingerprint"),
                translate("KeysDialog", "Status"),
            ]
        )
        self.register_button.setText(translate("KeysDialog", "Register key…"))
        self.replace_button.setText(translate("KeysDialog", "Replace lost key…"))
        self._fill()

    def reload(self) -> Operation[list[JudgeKeyRow]]:
        db = self.db
        self.operation = Operation(
            lambda _progress: read_judge_keys(db), parent=self, on_success=self._loaded
        )
        return self.operation.start()

    def _loaded(self, rows: list[JudgeKeyRow]) -> None:
        self.rows = rows
        self._fill()
        self.changed.emit()

    def _status_text(self, row: JudgeKeyRow) -> str:
        if row.fingerprint is None:
            return translate("KeysDialog", "Waiting for the judge's key")
        text = translate("KeysDialog", "Registered")
        if row.is_head:
            text = translate("KeysDialog", "Head judge, registered")
        if row.replaced:
            text += translate("KeysDialog", " (replaced %1×)").replace("%1", str(row.replaced))
        return text

    def _fill(self) -> None:
        selected = self.selected()
        self.table.setRowCount(len(self.rows))
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        for number, row in enumerate(self.rows):
            missing = row.fingerprint is None
            cells = (
                row.code,
                row.name,
                row.unit,
                row.fingerprint or translate("KeysDialog", "not registered"),
                self._status_text(row),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.code)
                if column == FINGERPRINT and not missing:
                    item.setFont(mono)
                if missing:
                    item.setBackground(QColor(MISSING_COLOUR))
                self.table.setItem(number, column, item)
            if selected is not None and row.code == selected.code:
                self.table.selectRow(number)
        self._update_buttons()

    def selected(self) -> JudgeKeyRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def select_judge(self, code: str) -> None:
        for number, row in enumerate(self.rows):
            if row.code == code:
                self.table.selectRow(number)

    def _update_buttons(self) -> None:
        row = self.selected()
        self.register_button.setEnabled(row is not None and row.fingerprint is None)
        self.replace_button.setEnabled(row is not None and row.fingerprint is not None)

    def register_key(self) -> QFileDialog | None:
        row = self.selected()
        if row is None or row.fingerprint is not None:
            return None
        return self._choose_file(row, replace=False)

    def replace_key(self) -> QFileDialog | None:
        row = self.selected()
        if row is None or row.fingerprint is None:
            return None
        return self._choose_file(row, replace=True)

    def _choose_file(self, row: JudgeKeyRow, *, replace: bool) -> QFileDialog:
        dialog = QFileDialog(
            self,
            translate("KeysDialog", "The judge's public key file"),
            str(self.db.path.parent),
        )
        dialog.setObjectName("keyFileChooser")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [
                translate("KeysDialog", "Public keys (*.pub *.pem)"),
                translate("KeysDialog", "All files (*)"),
            ]
        )
        dialog.resize(900, 560)
        dialog.fileSelected.connect(lambda name: self.open_key_file(row, Path(name), replace))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def open_key_file(self, row: JudgeKeyRow, path: Path, replace: bool = False) -> Operation[str]:
        """Read the file's fingerprint (a refusal names the file), then ask for the judge's."""
        from judge_app.exchange import keys

        def work(_progress: Progress) -> str:
            return keys.fingerprint(keys.load_public_key_file(path))

        def show(fingerprint: str) -> None:
            dialog = KeyFileDialog(
                self.db, row, path, fingerprint, self, replace=replace, actor=self.actor
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.pinned.connect(self._pinned)
            self.key_dialog = dialog
            dialog.open()

        return Operation(work, parent=self, on_success=show).start()

    def _pinned(self, pinned: PinnedKey) -> None:
        if pinned.retired:
            text = translate("KeysDialog", "Key of %1 replaced: %2 (old key %3 retired).")
        else:
            text = translate("KeysDialog", "Key of %1 registered: %2.")
        self.status.setText(
            text.replace("%1", pinned.judge)
            .replace("%2", pinned.fingerprint)
            .replace("%3", pinned.retired or "")
        )
        self.reload()

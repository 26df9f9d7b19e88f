"""The board's "Make grading packages…" dialog: one signed package per grader of a round.

The head judge types the key's passphrase (never stored); the key is looked up in the user's
key folder, or in a folder the user picks (the demo keeps its head key in `<demo>/keys`). The
work, key decryption included, runs in an `Operation`: `exchange.package.create_package` for
each grader assigned in the round.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.messages import render
from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.i18n import current_language
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    from judge_app.exchange.package import PackageReport
    from judge_app.store.database import ContestDatabase

translate = QCoreApplication.translate
KEYS_FOLDER = "keys"  # where the demo (and a board that chose so) keeps the head judge's key
PACKAGES_FOLDER = "packages"


@dataclass(frozen=True)
class PackageRequest:
    round: int
    out_dir: Path
    key_folder: Path | None  # None: the user's own key folder
    passphrase: str
    # A sealed contest's passphrase(s): the identities are opened in memory only, to black the
    # names out of the judges' copies (a sealed contest without them could not be redacted).
    seal_passphrases: tuple[str, ...] = ()


def make_packages(
    db: ContestDatabase, request: PackageRequest, progress: Progress, *, actor: str
) -> list[PackageReport]:
    """Every grader's package for the round, signed with the head judge's key. Worker thread."""
    from sqlalchemy import select

    from judge_app.core.errors import JudgeAppError
    from judge_app.exchange import keys
    from judge_app.exchange.demo_packages import package_name
    from judge_app.exchange.package import create_package
    from judge_app.store.models import Assignment, Judge

    with db.read_session() as session:
        head = session.scalars(select(Judge).where(Judge.is_head.is_(True))).first()
        if head is None:
            raise JudgeAppError("key_no_head_judge", db.path, count=0)
        if head.key_fingerprint is None:
            raise JudgeAppError("package_no_head_key", db.path, judge=head.code)
        fingerprint = head.key_fingerprint
        graders = session.scalars(
            select(Judge.code)
            .join(Assignment, Assignment.judge_id == Judge.id)
            .where(Judge.is_head.is_(False), Assignment.round == request.round)
            .distinct()
            .order_by(Judge.code)
        ).all()
        if not graders:  # nothing assigned: create_package says so, naming the first grader
            graders = session.scalars(
                select(Judge.code).where(Judge.is_head.is_(False)).order_by(Judge.code).limit(1)
            ).all()
    private_key = keys.load_private_key(
        fingerprint, keys.normalise_passphrase(request.passphrase), folder=request.key_folder
    )
    from judge_app.intake.seal_crypto import passphrase_from_text

    seal_phrases = [passphrase_from_text(text) for text in request.seal_passphrases]
    request.out_dir.mkdir(parents=True, exist_ok=True)
    reports = []
    for done, code in enumerate(graders):
        progress.check()
        progress.report(done, len(graders), code)
        target = request.out_dir / package_name(code)
        reports.append(
            create_package(
                db, code, request.round, target, private_key, actor=actor, passphrases=seal_phrases
            )
        )
    progress.report(len(graders), len(graders), "")
    return reports


class PackagesDialog(BoardDialog):
    """Non-modal; `made` fires with the list of PackageReports."""

    made = Signal(object)

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("packagesDialog")
        self.operation: Operation[list[PackageReport]] | None = None
        folder = db.path.parent
        self.round_spin = QSpinBox(self)
        self.round_spin.setObjectName("roundSpin")
        self.round_spin.setRange(1, 9)
        self.out_edit = QLineEdit(str(folder / PACKAGES_FOLDER), self)
        self.out_edit.setObjectName("outFolder")
        self.out_button = QPushButton(self)
        self.out_button.clicked.connect(lambda: self._choose_folder(self.out_edit))
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("keyFolder")
        if (folder / KEYS_FOLDER).is_dir():
            self.key_edit.setText(str(folder / KEYS_FOLDER))
        self.key_button = QPushButton(self)
        self.key_button.clicked.connect(lambda: self._choose_folder(self.key_edit))
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        from judge_app.intake.seal import seal_key_count  # a meta row: quick

        self.seal_edits: list[QLineEdit] = []
        for number in range(seal_key_count(db) or 0):
            edit = QLineEdit(self)
            edit.setObjectName(f"sealPassphrase{number + 1}")
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.seal_edits.append(edit)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.round_spin)
        self.form.addRow(QLabel(), self._row(self.out_edit, self.out_button))
        self.form.addRow(QLabel(), self._row(self.key_edit, self.key_button))
        self.form.addRow(QLabel(), self.passphrase)
        for edit in self.seal_edits:
            self.form.addRow(QLabel(), edit)
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runPackages")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(640, 0)
        self.retranslate()

    @staticmethod
    def _row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        return row

    def retranslate(self) -> None:
        self.setWindowTitle(translate("PackagesDialog", "Make grading packages"))
        labels: tuple[str, ...] = (
            translate("PackagesDialog", "Round:"),
            translate("PackagesDialog", "Save packages in:"),
            translate("PackagesDialog", "Head judge's key folder:"),
            translate("PackagesDialog", "Key passphrase:"),
        )
        labels += tuple(
            translate("PackagesDialog", "Seal passphrase %1:").replace("%1", str(number + 1))
            for number in range(len(self.seal_edits))
        )
        for row, text in enumerate(labels):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = label.widget() if label is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)
        self.out_button.setText(translate("PackagesDialog", "Choose…"))
        self.key_button.setText(translate("PackagesDialog", "Choose…"))
        self.key_edit.setPlaceholderText(translate("PackagesDialog", "empty: your own key folder"))
        self.run_button.setText(translate("PackagesDialog", "Make packages"))

    def _choose_folder(self, edit: QLineEdit) -> QFileDialog:
        dialog = QFileDialog(self, "", edit.text() or str(self.db.path.parent))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.resize(900, 560)
        dialog.fileSelected.connect(edit.setText)
        dialog.open()
        return dialog

    def run(self) -> Operation[list[PackageReport]] | None:
        out_text = self.out_edit.text().strip()
        if (
            not out_text
            or not self.passphrase.text()
            or not all(edit.text() for edit in self.seal_edits)
        ):
            self.status.setText(
                translate("PackagesDialog", "Choose where to save and type the passphrase.")
            )
            return None
        key_text = self.key_edit.text().strip()
        request = PackageRequest(
            self.round_spin.value(),
            Path(out_text),
            Path(key_text) if key_text else None,
            self.passphrase.text(),
            tuple(edit.text() for edit in self.seal_edits),
        )
        db, actor = self.db, self.actor
        self._set_running(True)
        self.status.setText(translate("PackagesDialog", "Making packages…"))
        self.operation = Operation(
            lambda progress: make_packages(db, request, progress, actor=actor),
            parent=self,
            on_success=self._finished,
        )
        self.operation.progressed.connect(self._progressed)
        self.operation.done.connect(lambda: self._set_running(False))
        return self.operation.start()

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        self.run_button.setEnabled(not running)
        self.close_button.setEnabled(not running)
        if not running:
            self.status.setText("")
            self.passphrase.clear()  # never kept longer than one run
            for edit in self.seal_edits:
                edit.clear()

    def _finished(self, reports: list[PackageReport]) -> None:
        self.made.emit(reports)
        lines = [translate("PackagesDialog", "Packages written:")]
        lines += [
            translate("PackagesDialog", "%1: %2 entries, %3")
            .replace("%1", report.judge)
            .replace("%2", str(report.entries))
            .replace("%3", str(report.path))
            for report in reports
        ]
        redacted = [item for report in reports for item in report.redacted]
        if redacted:
            lines.append(
                translate("PackagesDialog", "Names blacked out in %1 files (%2 characters).")
                .replace("%1", str(len(redacted)))
                .replace("%2", str(sum(count for _, _, count in redacted)))
            )
        notes = {note for report in reports for note in report.notes}
        lines += [render(note, current_language()) for note in sorted(notes)]
        self.show_result(
            "packagesResult", translate("PackagesDialog", "Grading packages"), "\n".join(lines)
        )

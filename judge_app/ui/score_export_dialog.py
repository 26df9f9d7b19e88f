"""Judge ▸ Export score file…: sign the workspace's scores into a file for the head judge.

The judge picks the key (the one remembered for this contest), types its passphrase and where
the file goes; `exchange.score_file.export_score_file` does the rest on a worker thread. The
result names what the head judge will check: revision, entries, how many are submitted, the
file's SHA-256 and the key's fingerprint. Entries not submitted travel as drafts, which the
head judge does not count, so the dialog says so before and after.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.errors import JudgeAppError
from judge_app.exchange import keys
from judge_app.ui.errors import error_text, log_error
from judge_app.ui.judge_key_dialogs import (
    ERROR_STYLE,
    WARNING_STYLE,
    ContestRef,
    FingerprintLabel,
    SigningKeyDialog,
    documents_folder,
)
from judge_app.ui.operation import Operation

if TYPE_CHECKING:
    from judge_app.exchange.score_file import ExportReport
    from judge_app.store.database import ContestDatabase
    from judge_app.ui.settings import UiSettings

translate = QCoreApplication.translate
SHORT_HASH_CHARS = 16
MAX_REVISION = 1_000_000


@dataclass(frozen=True)
class ExportFacts:
    """What the dialog shows before exporting; read on a worker thread."""

    contest: ContestRef
    judge_code: str
    judge_name: str
    round: int
    last_revision: int
    entries: int
    submitted: int

    def revision(self, continue_above: int) -> int:
        """The revision the next export gets (as `export_score_file` numbers it)."""
        return max(self.last_revision, continue_above) + 1


def read_export_facts(db: ContestDatabase) -> ExportFacts:
    """The workspace's judge, round, counts and last revision; refuses what export refuses."""
    from sqlalchemy import func, select

    from judge_app.store.models import (
        Assignment,
        Contest,
        FileRole,
        Grading,
        GradingStatus,
        Judge,
        ScoreFileRecord,
    )

    if db.role is not FileRole.WORKSPACE:
        raise JudgeAppError("score_export_not_workspace", db.path)
    with db.read_session() as session:
        judge = session.scalars(select(Judge).where(Judge.is_head.is_(False))).first()
        contest = session.scalars(select(Contest)).first()
        if judge is None or contest is None:
            raise JudgeAppError("score_export_not_workspace", db.path)
        round_ = session.scalar(
            select(func.max(Assignment.round)).where(Assignment.judge_id == judge.id)
        )
        if round_ is None:
            raise JudgeAppError("score_export_nothing", db.path)
        entries = session.scalar(
            select(func.count())
            .select_from(Assignment)
            .where(Assignment.judge_id == judge.id, Assignment.round == round_)
        )
        submitted = session.scalar(
            select(func.count())
            .select_from(Grading)
            .join(
                Assignment,
                (Assignment.entry_id == Grading.entry_id)
                & (Assignment.judge_id == Grading.judge_id)
                & (Assignment.round == Grading.round),
            )
            .where(
                Grading.judge_id == judge.id,
                Grading.round == round_,
                Grading.status == GradingStatus.SUBMITTED,
            )
        )
        last = session.scalar(
            select(func.max(ScoreFileRecord.revision)).where(ScoreFileRecord.judge_id == judge.id)
        )
        return ExportFacts(
            ContestRef(contest.uuid, contest.name, judge.name),
            judge.code,
            judge.name,
            int(round_),
            int(last or 0),
            int(entries or 0),
            int(submitted or 0),
        )


def default_file_name(facts: ExportFacts, continue_above: int = 0) -> str:
    """'diem-GK1-vong1-lan3.jgs': judge, round and revision, so files never collide."""
    from judge_app.exchange.score_file import SUFFIX

    revision = facts.revision(continue_above)
    return f"diem-{facts.judge_code}-vong{facts.round}-lan{revision}{SUFFIX}"


def short_hash(sha256: str) -> str:
    """The first 16 hex digits in groups of four, enough to compare a printout by eye."""
    head = sha256[:SHORT_HASH_CHARS]
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4)) + "…"


def export_scores(
    db: ContestDatabase,
    target: Path,
    fingerprint: str,
    passphrase: bytes,
    continue_above: int,
    flush: Callable[[], None] | None = None,
) -> ExportReport:
    """Worker thread: what the judge typed reaches the workspace first, then sign and write."""
    from judge_app.exchange.score_file import export_score_file

    if flush is not None:
        flush()
    private_key = keys.load_private_key(fingerprint, passphrase)
    return export_score_file(db, target, private_key, continue_above=continue_above)


class ScoreExportDialog(QDialog):
    """Non-modal; `facts_ready` once the workspace is read, `exported` with the ExportReport."""

    facts_ready = Signal(object)
    exported = Signal(object)

    def __init__(
        self,
        db: ContestDatabase,
        parent: QWidget | None = None,
        *,
        settings: UiSettings | None = None,
        flush: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scoreExportDialog")
        self.db = db
        self.settings = settings
        self.flush = flush
        self.facts: ExportFacts | None = None
        self.report: ExportReport | None = None
        self.operation: Operation[ExportReport] | None = None
        self._default_name = ""
        self._confirmed: Path | None = None  # a file the save dialog allowed to overwrite

        self.summary = QLabel(self)
        self.summary.setObjectName("exportSummary")
        self.summary.setWordWrap(True)
        self.drafts = QLabel(self)
        self.drafts.setObjectName("draftWarning")
        self.drafts.setWordWrap(True)
        self.drafts.setStyleSheet(WARNING_STYLE)
        self.drafts.hide()

        self.key_combo = QComboBox(self)
        self.key_combo.setObjectName("keyChoice")
        self.key_button = QPushButton(self)
        self.key_button.setObjectName("manageKeys")
        self.key_button.clicked.connect(self.open_key_dialog)
        self.pass_edit = QLineEdit(self)
        self.pass_edit.setObjectName("exportPassphrase")
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.returnPressed.connect(self.run)
        self.target_edit = QLineEdit(self)
        self.target_edit.setObjectName("exportTarget")
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self.choose_target)
        self.form = QFormLayout()
        self.form.addRow(QLabel(self), self._row(self.key_combo, self.key_button))
        self.form.addRow(QLabel(self), self.pass_edit)
        self.form.addRow(QLabel(self), self._row(self.target_edit, self.choose_button))

        self.advanced_button = QToolButton(self)
        self.advanced_button.setObjectName("advancedToggle")
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.toggled.connect(self._toggle_advanced)
        self.advanced = QWidget(self)
        self.advanced.setObjectName("advancedPanel")
        self.advanced_text = QLabel(self.advanced)
        self.advanced_text.setWordWrap(True)
        self.continue_spin = QSpinBox(self.advanced)
        self.continue_spin.setObjectName("continueAbove")
        self.continue_spin.setRange(0, MAX_REVISION)
        self.continue_spin.setMaximumWidth(160)
        self.continue_spin.valueChanged.connect(lambda _v: self._update_default_target())
        self.advanced_form = QFormLayout()
        self.advanced_form.addRow(QLabel(self.advanced), self.continue_spin)
        advanced_layout = QVBoxLayout(self.advanced)
        advanced_layout.setContentsMargins(18, 0, 0, 0)
        advanced_layout.addWidget(self.advanced_text)
        advanced_layout.addLayout(self.advanced_form)
        self.advanced.hide()

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.error = QLabel(self)
        self.error.setObjectName("exportError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

        self.result_panel = QFrame(self)
        self.result_panel.setObjectName("exportResult")
        self.result_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.result_title = QLabel(self.result_panel)
        self.result_title.setObjectName("resultTitle")
        font = self.result_title.font()
        font.setBold(True)
        self.result_title.setFont(font)
        self.result_path = self._value_label("resultPath")
        self.result_revision = self._value_label("resultRevision")
        self.result_entries = self._value_label("resultEntries")
        self.result_hash = self._value_label("resultHash")
        self.copy_button = QPushButton(self.result_panel)
        self.copy_button.setObjectName("copyHash")
        self.copy_button.clicked.connect(self.copy_hash)
        self.result_fingerprint = FingerprintLabel(self.result_panel, scale=1.3)
        self.result_fingerprint.setObjectName("resultFingerprint")
        self.result_fingerprint.setAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.result_drafts = QLabel(self.result_panel)
        self.result_drafts.setObjectName("resultDrafts")
        self.result_drafts.setWordWrap(True)
        self.result_drafts.setStyleSheet(WARNING_STYLE)
        self.result_drafts.hide()
        self.result_form = QFormLayout()
        self.result_form.addRow(QLabel(self.result_panel), self.result_path)
        self.result_form.addRow(QLabel(self.result_panel), self.result_revision)
        self.result_form.addRow(QLabel(self.result_panel), self.result_entries)
        hash_row = QHBoxLayout()
        hash_row.addWidget(self.result_hash, 1)
        hash_row.addWidget(self.copy_button)
        self.result_form.addRow(QLabel(self.result_panel), hash_row)
        self.result_form.addRow(QLabel(self.result_panel), self.result_fingerprint)
        result_layout = QVBoxLayout(self.result_panel)
        result_layout.addWidget(self.result_title)
        result_layout.addLayout(self.result_form)
        result_layout.addWidget(self.result_drafts)
        self.result_panel.hide()

        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runExport")
        self.run_button.setEnabled(False)  # until the workspace is read
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.drafts)
        layout.addLayout(self.form)
        layout.addWidget(self.advanced_button)
        layout.addWidget(self.advanced)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.result_panel)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)
        self.resize(760, 0)
        self.reload_keys()
        self.retranslate()
        self._load_facts()

    @staticmethod
    def _row(widget: QWidget, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(widget, 1)
        row.addWidget(button)
        return row

    def _value_label(self, name: str) -> QLabel:
        label = QLabel(self.result_panel)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ScoreExportDialog", "Export score file"))
        labels = [
            translate("ScoreExportDialog", "Signing key:"),
            translate("ScoreExportDialog", "Passphrase:"),
            translate("ScoreExportDialog", "Save as:"),
        ]
        for form, texts in (
            (self.form, labels),
            (self.advanced_form, [translate("ScoreExportDialog", "Continue above revision:")]),
            (
                self.result_form,
                [
                    translate("ScoreExportDialog", "File:"),
                    translate("ScoreExportDialog", "Revision:"),
                    translate("ScoreExportDialog", "Entries:"),
                    translate("ScoreExportDialog", "SHA-256:"),
                    translate("ScoreExportDialog", "Key fingerprint:"),
                ],
            ),
        ):
            for row, text in enumerate(texts):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel):
                    widget.setText(text)
        self.key_button.setText(translate("ScoreExportDialog", "Keys…"))
        self.choose_button.setText(translate("ScoreExportDialog", "Choose…"))
        self.advanced_button.setText(translate("ScoreExportDialog", "Advanced"))
        self.advanced_text.setText(
            translate(
                "ScoreExportDialog",
                "Only for a workspace rebuilt from the package (a new computer, a lost "
                "file): the head judge refuses a revision already merged, so number this "
                "export above the last revision the head judge has. Leave it at “no” to "
                "keep the numbering as it is.",
            )
        )
        self.continue_spin.setSpecialValueText(translate("ScoreExportDialog", "no"))
        self.copy_button.setText(translate("ScoreExportDialog", "Copy"))
        self.copy_button.setToolTip(
            translate("ScoreExportDialog", "Copy the whole SHA-256 (64 digits)")
        )
        self.result_title.setText(translate("ScoreExportDialog", "Score file written"))
        self.run_button.setText(translate("ScoreExportDialog", "Export"))
        self.pass_edit.setPlaceholderText(
            translate("ScoreExportDialog", "the passphrase of your key")
        )
        self._show_facts()
        self._show_report()
        self._show_key_state()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        if self.operation is not None and self.operation.running:
            return  # the export's transaction must finish
        super().reject()

    # ------------------------------------------------------------------ facts

    def _load_facts(self) -> Operation[ExportFacts]:
        db = self.db
        return Operation(
            lambda _progress: read_export_facts(db),
            parent=self,
            on_success=self._facts_loaded,
            on_failure=self._facts_failed,
        ).start()

    def _facts_loaded(self, facts: ExportFacts) -> None:
        self.facts = facts
        self.reload_keys()
        self._update_default_target()
        self._show_facts()
        self._show_key_state()
        self.facts_ready.emit(facts)
        if self.key_combo.count():
            self.pass_edit.setFocus()

    def _facts_failed(self, error: BaseException) -> None:
        self._show_error(error)
        self.run_button.setEnabled(False)
        self.facts_ready.emit(error)

    def _show_facts(self) -> None:
        facts = self.facts
        if facts is None:
            self.summary.setText(translate("ScoreExportDialog", "Reading the workspace…"))
            return
        self.summary.setText(
            translate("ScoreExportDialog", "Judge %1 %2 — %3 — round %4: %5 entries, %6 submitted.")
            .replace("%1", facts.judge_code)
            .replace("%2", facts.judge_name)
            .replace("%3", facts.contest.name)
            .replace("%4", str(facts.round))
            .replace("%5", str(facts.entries))
            .replace("%6", str(facts.submitted))
        )
        self._show_drafts(self.drafts, facts.entries - facts.submitted, facts.entries)

    def _show_drafts(self, label: QLabel, drafts: int, entries: int) -> None:
        label.setVisible(drafts > 0)
        if drafts > 0:
            label.setText(
                translate(
                    "ScoreExportDialog",
                    "%1 of your %2 entries are not submitted yet. They go in the file as "
                    "drafts, and the head judge counts only submitted entries: submit the "
                    "ones you have finished before you export.",
                )
                .replace("%1", str(drafts))
                .replace("%2", str(entries))
            )

    # ------------------------------------------------------------------ keys

    def reload_keys(self, select: str | None = None) -> None:
        """Fill the key choice; select `select`, else the key remembered for this contest."""
        remembered = None
        if self.facts is not None and self.settings is not None:
            remembered = self.settings.signing_key(self.facts.contest.uuid)
        wanted = select or remembered or self.fingerprint()
        self.key_combo.clear()
        for info in keys.list_keys():
            text = f"{info.name} — {info.fingerprint}" if info.name else info.fingerprint
            self.key_combo.addItem(text, info.fingerprint)
            if info.fingerprint == wanted:
                self.key_combo.setCurrentIndex(self.key_combo.count() - 1)
        self._show_key_state()

    def fingerprint(self) -> str | None:
        data = self.key_combo.currentData()
        return str(data) if data else None

    def _show_key_state(self) -> None:
        has_keys = self.key_combo.count() > 0
        self.key_combo.setEnabled(has_keys)
        self.key_combo.setPlaceholderText(
            translate("ScoreExportDialog", "no signing key on this computer yet")
        )
        self.key_button.setText(
            translate("ScoreExportDialog", "Keys…")
            if has_keys
            else translate("ScoreExportDialog", "Create my key…")
        )
        ready = self.facts is not None and self.report is None
        self.run_button.setEnabled(ready and has_keys)

    def open_key_dialog(self) -> SigningKeyDialog:
        dialog = SigningKeyDialog(
            self,
            settings=self.settings,
            contest=self.facts.contest if self.facts is not None else None,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(lambda info: self.reload_keys(info.fingerprint))
        dialog.chosen.connect(self.reload_keys)
        dialog.finished.connect(lambda _code: self.reload_keys())
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ target

    def _update_default_target(self) -> None:
        """Follow the revision in the default name, unless the judge chose another file."""
        if self.facts is None:
            return
        current = self.target_edit.text().strip()
        if current and Path(current).name != self._default_name:
            return
        self._default_name = default_file_name(self.facts, self.continue_spin.value())
        folder = Path(current).parent if current else documents_folder()
        self.target_edit.setText(str(folder / self._default_name))

    def choose_target(self) -> QFileDialog:
        from judge_app.exchange.score_file import SUFFIX

        dialog = QFileDialog(self, "", self.target_edit.text())
        dialog.setObjectName("exportFileDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(SUFFIX.lstrip("."))
        dialog.setWindowTitle(translate("ScoreExportDialog", "Save the score file"))
        dialog.setNameFilters(
            [
                translate("ScoreExportDialog", "Score files (*.jgs)"),
                translate("ScoreExportDialog", "All files (*)"),
            ]
        )
        dialog.resize(900, 560)
        dialog.fileSelected.connect(self._target_chosen)
        dialog.open()
        return dialog

    def _target_chosen(self, name: str) -> None:
        self._confirmed = Path(name)  # the save dialog asked before overwriting
        self.target_edit.setText(name)

    def _toggle_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.adjustSize()

    # ------------------------------------------------------------------ export

    def run(self) -> Operation[ExportReport] | None:
        if self.facts is None or self.report is not None:
            return None
        if self.operation is not None and self.operation.running:
            return None
        fingerprint, text = self.fingerprint(), self.target_edit.text().strip()
        if fingerprint is None or not text or not self.pass_edit.text():
            self.error.setText(
                translate(
                    "ScoreExportDialog", "Choose your key, type its passphrase and where to save."
                )
            )
            self.error.show()
            return None
        target = Path(text)
        if target.exists() and target != self._confirmed:
            self._show_error(JudgeAppError("file_exists", target))
            return None
        db, flush = self.db, self.flush
        passphrase = keys.normalise_passphrase(self.pass_edit.text())
        continue_above = self.continue_spin.value()
        self.error.hide()
        self._set_running(True)
        self.operation = Operation(
            lambda _progress: export_scores(
                db, target, fingerprint, passphrase, continue_above, flush
            ),
            parent=self,
            on_success=self._exported,
            on_failure=self._failed,
        )
        self.operation.done.connect(lambda: self._set_running(False))
        return self.operation.start()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.close_button.setEnabled(not running)
        editable = not running and self.report is None  # a written file's facts stay shown
        for widget in (self.pass_edit, self.target_edit, self.choose_button, self.key_button):
            widget.setEnabled(editable)
        if running:
            self.key_combo.setEnabled(False)
            self.run_button.setEnabled(False)
        else:
            self.pass_edit.clear()  # never kept longer than one run
            if self.report is None:
                self._show_key_state()

    def _exported(self, report: ExportReport) -> None:
        self.report = report
        if self.facts is not None and self.settings is not None:
            self.settings.set_signing_key(self.facts.contest.uuid, report.fingerprint)
        self._show_report()
        self.close_button.setFocus()
        self.exported.emit(report)

    def _show_report(self) -> None:
        report = self.report
        if report is None:
            return
        for widget in (self.pass_edit, self.key_combo, self.key_button, self.target_edit):
            widget.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.result_path.setText(str(report.path))
        self.result_revision.setText(
            translate("ScoreExportDialog", "%1 (judge %2, round %3)")
            .replace("%1", str(report.revision))
            .replace("%2", report.judge)
            .replace("%3", str(report.round))
        )
        self.result_entries.setText(
            translate("ScoreExportDialog", "%1, of which %2 submitted")
            .replace("%1", str(report.entries))
            .replace("%2", str(report.submitted))
        )
        self.result_hash.setText(short_hash(report.sha256))
        self.result_hash.setToolTip(report.sha256)
        self.result_fingerprint.set_fingerprint(report.fingerprint)
        drafts = report.entries - report.submitted
        self.result_drafts.setVisible(drafts > 0)
        self.result_drafts.setText(
            translate(
                "ScoreExportDialog",
                "%1 of your %2 entries went into the file as drafts, which the head judge does "
                "not count. Submit them when you have finished and export again.",
            )
            .replace("%1", str(drafts))
            .replace("%2", str(report.entries))
        )
        self.drafts.hide()
        self.result_panel.show()

    def copy_hash(self) -> None:
        if self.report is not None:
            QGuiApplication.clipboard().setText(self.report.sha256)

    def _failed(self, error: BaseException) -> None:
        self._show_error(error)
        self.pass_edit.setFocus()

    def _show_error(self, error: BaseException) -> None:
        log_error(error)
        self.error.setText(error_text(error))
        self.error.show()

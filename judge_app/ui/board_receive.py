"""The board's "Receive entries…" dialog: one unit's sources in, the intake report out.

The dialog holds no rules: it collects the unit, the sources, the participant list and the
time of receipt, runs `intake.receive.receive` through an `Operation` (never on the GUI thread)
and shows the `IntakeReport` it returns: counts per status, the entries received, the problems
(sentences from `core.messages` in the UI language) and the two XLSX exports.

Choosing the participant list opens the column-mapping dialog (`board_columns`): the columns
the board confirms are remembered for the unit, and the run reads the list with them. Entries
that matched nobody, or several namesakes, are settled from the report in the link review
dialog (`board_link`), which updates the report on screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.i18n import QT_TRANSLATE_NOOP, current_language
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    from judge_app.documents.service import DocumentService
    from judge_app.intake.receive import IntakeReport
    from judge_app.store.database import ContestDatabase
    from judge_app.ui.board_columns import ColumnsDialog
    from judge_app.ui.board_link import LinkDialog

translate = QCoreApplication.translate
ALL_UNITS = "*"  # the unit box's last choice: a folder of many units' e-mails at once
CONTEXT = "ReceiveDialog"

# report.counts() keys → labels, in the order shown.
COUNT_LABELS: tuple[tuple[str, str], ...] = (
    ("entries_new", QT_TRANSLATE_NOOP("ReceiveDialog", "New entries")),
    ("entries_added_to", QT_TRANSLATE_NOOP("ReceiveDialog", "Entries given more files")),
    ("files_new", QT_TRANSLATE_NOOP("ReceiveDialog", "Files received")),
    ("already_received", QT_TRANSLATE_NOOP("ReceiveDialog", "Already received")),
    ("late", QT_TRANSLATE_NOOP("ReceiveDialog", "Late")),
    ("needs_linking", QT_TRANSLATE_NOOP("ReceiveDialog", "Need linking to a participant")),
    ("ambiguous", QT_TRANSLATE_NOOP("ReceiveDialog", "Match several participants")),
    ("duplicate", QT_TRANSLATE_NOOP("ReceiveDialog", "Duplicates")),
    ("empty", QT_TRANSLATE_NOOP("ReceiveDialog", "Empty files")),
    ("unreadable", QT_TRANSLATE_NOOP("ReceiveDialog", "Unreadable files")),
    ("other_kind", QT_TRANSLATE_NOOP("ReceiveDialog", "Files of another kind")),
    ("refused", QT_TRANSLATE_NOOP("ReceiveDialog", "Files refused")),
    ("no_entry", QT_TRANSLATE_NOOP("ReceiveDialog", "Participants without an entry")),
    ("participants_added", QT_TRANSLATE_NOOP("ReceiveDialog", "Participants added from the list")),
)

LINK_LABELS = {
    "matched": QT_TRANSLATE_NOOP("ReceiveDialog", "linked"),
    "unmatched": QT_TRANSLATE_NOOP("ReceiveDialog", "needs linking"),
    "ambiguous": QT_TRANSLATE_NOOP("ReceiveDialog", "several matches"),
}


def read_units(db: ContestDatabase) -> list[tuple[str, str]]:
    """(code, name) of the open contest's units. Runs on a worker thread."""
    from sqlalchemy import select

    from judge_app.store.models import Unit

    with db.read_session() as session:
        rows = session.execute(select(Unit.code, Unit.name).order_by(Unit.code)).all()
    return [(code, name) for code, name in rows]


def _table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(0, 0, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)


class ReceiveDialog(BoardDialog):
    """Non-modal work dialog; `received` fires with the report after a successful run."""

    received = Signal(object)  # IntakeReport

    def __init__(
        self,
        db: ContestDatabase,
        parent: QWidget | None = None,
        *,
        service: DocumentService | None = None,
        open_entry: Callable[[str], object] | None = None,
        actor: str = "board",
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("receiveDialog")
        self.service = service
        self.open_entry = open_entry
        self.columns_dialog: ColumnsDialog | None = None
        self.link_dialog: LinkDialog | None = None
        self.report: IntakeReport | None = None
        self.operation: Operation[IntakeReport] | None = None
        self.units_loaded: Operation[list[tuple[str, str]]] | None = None
        self.resize(900, 640)

        # --- the form
        self.form_page = QWidget(self)
        self.unit_combo = QComboBox(self.form_page)
        self.unit_combo.setObjectName("unitCombo")
        self.sources = QListWidget(self.form_page)
        self.sources.setObjectName("sourceList")
        self.add_files_button = QPushButton(self.form_page)
        self.add_files_button.setObjectName("addFiles")
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button = QPushButton(self.form_page)
        self.add_folder_button.setObjectName("addFolder")
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(self.form_page)
        self.remove_button.setObjectName("removeSource")
        self.remove_button.clicked.connect(self._remove_selected)
        self.list_edit = QLineEdit(self.form_page)
        self.list_edit.setObjectName("participantList")
        self.list_button = QPushButton(self.form_page)
        self.list_button.setObjectName("chooseList")
        self.list_button.clicked.connect(self.choose_list)
        self.columns_button = QPushButton(self.form_page)
        self.columns_button.setObjectName("checkColumns")
        self.columns_button.clicked.connect(self.check_list)
        self.columns_note = QLabel(self.form_page)
        self.columns_note.setObjectName("columnsNote")
        self.columns_note.setWordWrap(True)
        self.time_edit = QDateTimeEdit(QDateTime.currentDateTime(), self.form_page)
        self.time_edit.setObjectName("receivedAt")
        self.time_edit.setCalendarPopup(True)
        self.time_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.time_note = QLabel(self.form_page)
        self.time_note.setWordWrap(True)
        self.progress = QProgressBar(self.form_page)
        self.progress.setRange(0, 0)  # busy indicator: intake reports no steps
        self.progress.hide()
        self.status = QLabel(self.form_page)

        source_buttons = QVBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            source_buttons.addWidget(button)
        source_buttons.addStretch(1)
        source_row = QHBoxLayout()
        source_row.addWidget(self.sources, 1)
        source_row.addLayout(source_buttons)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list_edit, 1)
        list_row.addWidget(self.list_button)
        list_row.addWidget(self.columns_button)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.unit_combo)
        self.form.addRow(QLabel(), source_row)
        self.form.addRow(QLabel(), list_row)
        self.form.addRow(QLabel(), self.columns_note)
        self.form.addRow(QLabel(), self.time_edit)
        self.form.addRow(QLabel(), self.time_note)
        form_layout = QVBoxLayout(self.form_page)
        form_layout.addLayout(self.form, 1)
        form_layout.addWidget(self.progress)

        # --- the report
        self.report_page = QWidget(self)
        self.summary = QLabel(self.report_page)
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.counts_table = _table(self.report_page, "countsTable")
        self.entries_box = QGroupBox(self.report_page)
        self.entries_table = _table(self.entries_box, "entriesTable")
        QVBoxLayout(self.entries_box).addWidget(self.entries_table)
        self.problems_box = QGroupBox(self.report_page)
        self.problems_table = _table(self.problems_box, "problemsTable")
        self.problems_table.setWordWrap(True)
        QVBoxLayout(self.problems_box).addWidget(self.problems_table)
        self.save_report_button = QPushButton(self.report_page)
        self.save_report_button.setObjectName("saveReport")
        self.save_report_button.clicked.connect(self.choose_report_path)
        self.save_receipt_button = QPushButton(self.report_page)
        self.save_receipt_button.setObjectName("saveReceipt")
        self.save_receipt_button.clicked.connect(self.choose_receipt_path)
        self.review_button = QPushButton(self.report_page)
        self.review_button.setObjectName("reviewUnmatched")
        self.review_button.clicked.connect(self.review_unmatched)
        self.review_button.hide()
        save_row = QHBoxLayout()
        save_row.addWidget(self.review_button)
        save_row.addWidget(self.save_report_button)
        save_row.addWidget(self.save_receipt_button)
        save_row.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.counts_table, 1)
        top.addWidget(self.entries_box, 3)
        report_layout = QVBoxLayout(self.report_page)
        report_layout.addWidget(self.summary)
        report_layout.addLayout(top, 3)
        report_layout.addWidget(self.problems_box, 2)
        report_layout.addLayout(save_row)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.report_page)
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runReceive")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._load_units()

    # ----------------------------------------------------------------------------- texts

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ReceiveDialog", "Receive entries"))
        labels = (
            translate("ReceiveDialog", "Unit:"),
            translate("ReceiveDialog", "Sources:"),
            translate("ReceiveDialog", "Participant list:"),
            "",
            translate("ReceiveDialog", "Received at:"),
            "",
        )
        for row, text in enumerate(labels):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = label.widget() if label is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)
        self.add_files_button.setText(translate("ReceiveDialog", "Add files…"))
        self.add_folder_button.setText(translate("ReceiveDialog", "Add folder…"))
        self.remove_button.setText(translate("ReceiveDialog", "Remove"))
        self.list_edit.setPlaceholderText(
            translate("ReceiveDialog", "optional: the unit's list (XLSX, CSV, DOCX)")
        )
        self.list_button.setText(translate("ReceiveDialog", "Choose…"))
        self.columns_button.setText(translate("ReceiveDialog", "Check columns…"))
        self.time_note.setText(
            translate(
                "ReceiveDialog",
                "Files from saved e-mails count as received at the e-mail's own time; "
                "this time applies to the other files.",
            )
        )
        self.run_button.setText(translate("ReceiveDialog", "Receive"))
        self.entries_box.setTitle(translate("ReceiveDialog", "Entries received"))
        self.problems_box.setTitle(translate("ReceiveDialog", "Problems"))
        self.save_report_button.setText(translate("ReceiveDialog", "Save report (XLSX)…"))
        self.save_receipt_button.setText(
            translate("ReceiveDialog", "Save receipt for the school (XLSX)…")
        )
        if self.report is not None:
            self.show_report(self.report)

    # ----------------------------------------------------------------------------- inputs

    def _load_units(self) -> None:
        db = self.db

        def loaded(units: list[tuple[str, str]]) -> None:
            self.unit_combo.clear()
            for code, name in units:
                self.unit_combo.addItem(f"{code} — {name}", code)
            # A folder of many units' saved e-mails at once: each goes to the unit that sent it.
            self.unit_combo.addItem(
                translate("ReceiveDialog", "Every unit: each e-mail to the unit that sent it"),
                ALL_UNITS,
            )

        self.units_loaded = Operation(
            lambda _progress: read_units(db), parent=self, on_success=loaded
        ).start()

    def _file_dialog(self, title: str) -> QFileDialog:
        dialog = QFileDialog(self, title, str(self.db.path.parent))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resize(900, 560)
        return dialog

    def choose_files(self) -> QFileDialog:
        dialog = self._file_dialog(translate("ReceiveDialog", "Add files"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [
                translate(
                    "ReceiveDialog",
                    "Entries and e-mails (*.eml *.zip *.rar *.7z *.pdf *.docx *.doc *.jpg *.png)",
                ),
                translate("ReceiveDialog", "All files (*)"),
            ]
        )
        dialog.filesSelected.connect(lambda names: self.add_sources([Path(n) for n in names]))
        dialog.open()
        return dialog

    def choose_folder(self) -> QFileDialog:
        dialog = self._file_dialog(translate("ReceiveDialog", "Add folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(lambda name: self.add_sources([Path(name)]))
        dialog.open()
        return dialog

    def choose_list(self) -> QFileDialog:
        dialog = self._file_dialog(translate("ReceiveDialog", "Participant list"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.list_chosen)
        dialog.open()
        return dialog

    def list_chosen(self, name: str) -> ColumnsDialog | None:
        """A list was picked: show how its columns will be read, before anything runs."""
        self.list_edit.setText(name)
        self.columns_note.setText("")
        return self.check_list()

    def check_list(self) -> ColumnsDialog | None:
        """The column-mapping dialog for the chosen list and unit."""
        from judge_app.ui.board_columns import ColumnsDialog  # it imports this module

        text = self.list_edit.text().strip()
        unit = self.unit_combo.currentData()
        if not text or not unit:
            self.status.setText(
                translate("ReceiveDialog", "Choose a unit and the participant list first.")
            )
            return None
        dialog = ColumnsDialog(self.db, Path(text), self, unit_code=str(unit), actor=self.actor)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.mapping_saved.connect(self._columns_saved)
        self.columns_dialog = dialog
        dialog.open()
        return dialog

    def _columns_saved(self, unit: str, mapping: object) -> None:
        from judge_app.intake.participants import ColumnMapping

        if isinstance(mapping, ColumnMapping):
            self.columns_note.setText(
                translate(
                    "ReceiveDialog",
                    "Columns confirmed for %1 (header on row %2); the list will be read with them.",
                )
                .replace("%1", unit)
                .replace("%2", str(mapping.header_row))
            )

    def add_sources(self, paths: list[Path]) -> None:
        present = set(self.source_paths())
        for path in paths:
            if path not in present:
                self.sources.addItem(str(path))
                present.add(path)

    def source_paths(self) -> list[Path]:
        return [Path(self.sources.item(i).text()) for i in range(self.sources.count())]

    def _remove_selected(self) -> None:
        for item in self.sources.selectedItems():
            self.sources.takeItem(self.sources.row(item))

    # ----------------------------------------------------------------------------- running

    def run(self) -> Operation[IntakeReport] | None:
        """Receive on a worker thread; the report replaces the form when it is done."""
        if self.pages.currentWidget() is self.report_page:
            self.pages.setCurrentWidget(self.form_page)  # "Receive more" after a report
            self.sources.clear()
            self._update_run_text()
            return None
        unit = self.unit_combo.currentData()
        sources = self.source_paths()
        if not unit or not sources:
            self.status.setText(
                translate("ReceiveDialog", "Choose a unit and at least one source.")
            )
            return None
        from judge_app.intake.receive import receive

        db, service, actor = self.db, self.service, self.actor
        list_text = self.list_edit.text().strip()
        participant_list = Path(list_text) if list_text else None
        if unit == ALL_UNITS:
            return self._run_mailbox(sources)
        typed = self.time_edit.dateTime().toPython()
        # The computer's clock zone, made explicit: intake converts it to contest (Vietnam) time.
        received_at = typed.astimezone() if isinstance(typed, dt.datetime) else None

        def work(_progress: Progress) -> IntakeReport:
            return receive(
                db,
                str(unit),
                sources,
                participant_list=participant_list,
                received_at=received_at,
                actor=actor,
                service=service,
            )

        self._set_running(True)
        self.status.setText(translate("ReceiveDialog", "Receiving…"))
        self.operation = Operation(work, parent=self, on_success=self._finished)
        self.operation.done.connect(lambda: self._set_running(False))
        return self.operation.start()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.run_button.setEnabled(not running)
        self.close_button.setEnabled(not running)
        self.form_page.setEnabled(not running)
        if not running and self.report is None:
            self.status.setText("")

    def _run_mailbox(self, sources: list[Path]) -> Operation[IntakeReport] | None:
        """Every e-mail to its unit (`intake.mailbox`), one intake per unit; the reports of
        all units are merged into one summary, the e-mails no unit fits listed first."""
        from judge_app.core.messages import render
        from judge_app.intake.mailbox import route_emails
        from judge_app.intake.receive import receive

        db, service, actor = self.db, self.service, self.actor
        lang = current_language()

        def work(progress: Progress) -> list[str]:
            routing = route_emails(db, sources)
            lines = [render(reason, lang, path=path.name) for path, reason in routing.unrouted]
            units = sorted(routing.by_unit.items())
            for done, (unit_code, emails) in enumerate(units):
                progress.report(done, len(units), unit_code)
                progress.check()  # Cancel stops between two units
                report = receive(db, unit_code, emails, actor=actor, service=service)
                counts = report.counts()
                lines.append(
                    render(
                        "receive_summary",
                        lang,
                        unit=unit_code,
                        entries=counts["entries_new"],
                        files=counts["files_new"],
                        already=counts["already_received"],
                        added=counts["participants_added"],
                    )
                )
            return lines

        def finished(lines: list[str]) -> None:
            self.status.setText("")
            self.show_result(
                "mailboxResult", translate("ReceiveDialog", "Receive entries"), "\n".join(lines)
            )

        self._set_running(True)
        self.status.setText(translate("ReceiveDialog", "Receiving…"))
        operation: Operation[list[str]] = Operation(work, parent=self, on_success=finished)
        operation.done.connect(lambda: self._set_running(False))
        self.operation = operation  # type: ignore[assignment]  # BoardDialog's one job
        return operation.start()  # type: ignore[return-value]

    def _finished(self, report: IntakeReport) -> None:
        self.report = report
        self.status.setText("")
        self.show_report(report)
        self.pages.setCurrentWidget(self.report_page)
        self._update_run_text()
        self.received.emit(report)

    def _update_run_text(self) -> None:
        on_report = self.pages.currentWidget() is self.report_page
        self.run_button.setText(
            translate("ReceiveDialog", "Receive more…")
            if on_report
            else translate("ReceiveDialog", "Receive")
        )

    # ----------------------------------------------------------------------------- report

    def show_report(self, report: IntakeReport) -> None:
        from judge_app.intake.receive import problem_text

        lang = current_language()
        deadline = report.deadline.strftime("%d/%m/%Y %H:%M") if report.deadline else "—"
        self.summary.setText(
            translate("ReceiveDialog", "Unit: %1 (%2). Deadline: %3.")
            .replace("%1", report.unit_name)
            .replace("%2", report.unit_code)
            .replace("%3", deadline)
        )
        counts = report.counts()
        _fill(
            self.counts_table,
            [translate("ReceiveDialog", "Status"), translate("ReceiveDialog", "Count")],
            [[translate(CONTEXT, label), str(counts.get(key, 0))] for key, label in COUNT_LABELS],
        )
        # Every label and figure in view: the table is as wide as its columns.
        header = self.counts_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.counts_table.setMinimumWidth(
            header.length()
            + self.counts_table.verticalScrollBar().sizeHint().width()
            + 2 * self.counts_table.frameWidth()
        )
        yes, no = translate("ReceiveDialog", "yes"), translate("ReceiveDialog", "no")
        _fill(
            self.entries_table,
            [
                translate("ReceiveDialog", "Code"),
                translate("ReceiveDialog", "Category"),
                translate("ReceiveDialog", "Link"),
                translate("ReceiveDialog", "Received"),
                translate("ReceiveDialog", "Late"),
                translate("ReceiveDialog", "Files"),
            ],
            [
                [
                    entry.code,
                    entry.category_name or entry.category,
                    translate(CONTEXT, LINK_LABELS.get(entry.link, entry.link)),
                    entry.received_at.strftime("%d/%m/%Y %H:%M"),
                    yes if entry.late else no,
                    ", ".join(Path(f.original_name).name for f in entry.files),
                ]
                for entry in report.entries
            ],
        )
        _fill(
            self.problems_table,
            [
                translate("ReceiveDialog", "Entry"),
                translate("ReceiveDialog", "File or source"),
                translate("ReceiveDialog", "Problem"),
            ],
            [[p.entry, p.subject, problem_text(p, lang)] for p in report.problems],
        )
        self.problems_table.resizeRowsToContents()
        waiting = sum(1 for entry in report.entries if entry.link != "matched")
        self.review_button.setVisible(waiting > 0)
        self.review_button.setText(
            translate("ReceiveDialog", "Review %1 unmatched…").replace("%1", str(waiting))
        )

    # ----------------------------------------------------------------------------- linking

    def review_unmatched(self) -> LinkDialog | None:
        """The link review dialog for this run's entries that have no participant yet."""
        from judge_app.intake.receive_review import pending_from_report
        from judge_app.ui.board_link import LinkDialog

        if self.report is None:
            return None
        dialog = LinkDialog(
            self.db,
            self,
            pending=pending_from_report(self.report),
            open_entry=self.open_entry,
            actor=self.actor,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.linked.connect(self._entry_linked)
        self.link_dialog = dialog
        dialog.open()
        return dialog

    def _entry_linked(self, outcome: object) -> None:
        from judge_app.intake.receive_review import LinkOutcome, apply_link

        if self.report is not None and isinstance(outcome, LinkOutcome):
            apply_link(self.report, outcome)
            self.show_report(self.report)
            self.received.emit(self.report)  # the entry list shows the new category

    def _save_dialog(self, title: str, name: str) -> QFileDialog:
        dialog = self._file_dialog(title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.setNameFilters([translate("ReceiveDialog", "Excel workbooks (*.xlsx)")])
        dialog.selectFile(name)
        dialog.open()
        return dialog

    def choose_report_path(self) -> QFileDialog | None:
        if self.report is None:
            return None
        dialog = self._save_dialog(
            translate("ReceiveDialog", "Save the intake report"),
            f"bao-cao-nhan-bai-{self.report.unit_code}.xlsx",
        )
        dialog.fileSelected.connect(lambda name: self.save_report(Path(name)))
        return dialog

    def choose_receipt_path(self) -> QFileDialog | None:
        if self.report is None:
            return None
        dialog = self._save_dialog(
            translate("ReceiveDialog", "Save the receipt for the school"),
            f"bien-nhan-{self.report.unit_code}.xlsx",
        )
        dialog.fileSelected.connect(lambda name: self.save_receipt(Path(name)))
        return dialog

    def save_report(self, path: Path) -> Operation[Path] | None:
        from judge_app.intake.receive import write_report_xlsx

        return self._save(path, lambda report, lang: write_report_xlsx(report, path, lang=lang))

    def save_receipt(self, path: Path) -> Operation[Path] | None:
        from judge_app.intake.receive import write_receipt_xlsx

        return self._save(
            path,
            lambda report, lang: write_receipt_xlsx(report, report.unit_name, path, lang=lang),
        )

    def _save(
        self, path: Path, write: Callable[[IntakeReport, str], None]
    ) -> Operation[Path] | None:
        report = self.report
        if report is None:
            return None
        lang = current_language()

        def work(_progress: Progress) -> Path:
            write(report, lang)
            return path

        def saved(target: Path) -> None:
            self.status.setText(translate("ReceiveDialog", "Saved: %1").replace("%1", str(target)))

        return Operation(work, parent=self, on_success=saved).start()

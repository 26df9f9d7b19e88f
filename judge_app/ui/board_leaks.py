"""The board's identity-leak view: which entries name their entrant, school, phone or e-mail.

`intake.leak_scan.scan_contest` reads every text entry file through its own sandboxed document
service on a worker (progress, cancel); photos and scans are listed as "not checked". The view
lists what was found, where (file and page, never the school's file name) and the words as
written, filters to the hits, and opens an entry in the viewer. It decides nothing: an entry
is invalid only by a recorded board decision. The words found are the entrant's name, so they
stay on this screen; the XLSX list for the board meeting leaves them out.

A sealed contest needs the seal passphrase(s) to know whose name to look for; they are used in
memory for this scan only and cleared afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.messages import render
from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.board_preview import preview_entry
from judge_app.ui.i18n import current_language
from judge_app.ui.operation import Cancelled, Operation, Progress

if TYPE_CHECKING:
    from judge_app.intake.leak_scan import EntryLeakReport
    from judge_app.store.database import ContestDatabase

translate = QCoreApplication.translate


def run_scan(
    db: ContestDatabase, passphrases: list[str], progress: Progress, lang: str
) -> list[EntryLeakReport]:
    """Open the identities (in memory) and scan every entry. Runs on a worker thread."""
    from judge_app.documents.service import DocumentService
    from judge_app.intake.leak_scan import build_identity_hints, scan_contest
    from judge_app.intake.seal_crypto import passphrase_from_text

    identities = build_identity_hints(db, [passphrase_from_text(p) for p in passphrases])
    progress.check()

    def step(done: int, total: int) -> None:
        progress.check()  # a cancel stops the scan between two entries
        progress.report(done, total)

    with DocumentService(lang=lang) as service:
        return scan_contest(db, service, identities, progress=step)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class LeakDialog(BoardDialog):
    """Non-modal. `scanned` fires with the list of EntryLeakReports."""

    scanned = Signal(object)

    def __init__(
        self,
        db: ContestDatabase,
        parent: QWidget | None = None,
        *,
        open_entry: Callable[[str], object] | None = None,
        actor: str = "board",
    ) -> None:
        super().__init__(db, parent, actor=actor)
        from judge_app.intake.leak_scan import has_sealed_records
        from judge_app.intake.seal import seal_key_count

        self.setObjectName("leakDialog")
        self.open_entry = open_entry
        self.reports: list[EntryLeakReport] | None = None
        self.operation: Operation[list[EntryLeakReport]] | None = None
        self.saving: Operation[Path] | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        # Passphrases only when some records are sealed (quick meta and one-row reads).
        needed = (seal_key_count(db) or 1) if has_sealed_records(db) else 0
        self.seal_edits: list[QLineEdit] = []
        self.form = QFormLayout()
        for number in range(needed):
            edit = QLineEdit(self)
            edit.setObjectName(f"sealPassphrase{number + 1}")
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.seal_edits.append(edit)
            self.form.addRow(QLabel(), edit)
        self.scan_button = QPushButton(self)
        self.scan_button.setObjectName("scanLeaks")
        self.scan_button.setDefault(True)
        self.scan_button.clicked.connect(self.scan)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelScan")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar(self)
        self.progress.hide()
        run_row = QHBoxLayout()
        run_row.addWidget(self.scan_button)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.progress, 3)
        run_row.addStretch(1)

        self.summary = QLabel(self)
        self.summary.setObjectName("leakSummary")
        self.summary.setWordWrap(True)
        self.hits_only = QCheckBox(self)
        self.hits_only.setObjectName("hitsOnly")
        self.hits_only.toggled.connect(lambda _on: self._fill())
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("leakTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.show_entry())
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("showEntry")
        self.show_button.clicked.connect(self.show_entry)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveLeakList")
        self.save_button.clicked.connect(self.choose_save_path)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.hits_only)
        filter_row.addStretch(1)
        filter_row.addWidget(self.show_button)
        filter_row.addWidget(self.save_button)
        self.status = QLabel(self)
        self.status.setObjectName("leakStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addLayout(run_row)
        layout.addWidget(self.summary)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(1180, 660)
        self.retranslate()
        self._update_buttons()

    # ----------------------------------------------------------------------------- texts

    def retranslate(self) -> None:
        self.setWindowTitle(translate("LeakDialog", "Scan for identity leaks"))
        intro = translate(
            "LeakDialog",
            "Every text entry file is searched for its entrant's name (in any order, with or "
            "without diacritics), school, phone and e-mail. Photos and scans cannot be read "
            "and are listed as not checked. A hit is only a sign: invalidity is a board "
            "decision.",
        )
        if self.seal_edits:
            intro += " " + translate(
                "LeakDialog",
                "The identities are sealed: type the seal passphrase(s) to look for each "
                "entrant's name; they are used for this scan only.",
            )
        self.intro.setText(intro)
        for number in range(len(self.seal_edits)):
            label = self.form.itemAt(number, QFormLayout.ItemRole.LabelRole)
            widget = label.widget() if label is not None else None
            if isinstance(widget, QLabel):
                widget.setText(
                    translate("LeakDialog", "Seal passphrase %1:").replace("%1", str(number + 1))
                )
        self.scan_button.setText(
            translate("LeakDialog", "Scan again")
            if self.reports
            else translate("LeakDialog", "Scan")
        )
        self.cancel_button.setText(translate("LeakDialog", "Cancel"))
        self.hits_only.setText(translate("LeakDialog", "Hits only"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("LeakDialog", "Code"),
                translate("LeakDialog", "Result"),
                translate("LeakDialog", "Found"),
                translate("LeakDialog", "Where"),
                translate("LeakDialog", "Certainty"),
                translate("LeakDialog", "Words as written"),
            ]
        )
        self.show_button.setText(translate("LeakDialog", "Show the entry"))
        self.save_button.setText(translate("LeakDialog", "Save the list (XLSX)…"))
        if self.reports is not None:
            self._fill()

    # ----------------------------------------------------------------------------- scan

    def scan(self) -> Operation[list[EntryLeakReport]] | None:
        if self.operation is not None and self.operation.running:
            return None
        if not all(edit.text() for edit in self.seal_edits):
            self.status.setText(translate("LeakDialog", "Type the seal passphrase(s) first."))
            return None
        phrases = [edit.text() for edit in self.seal_edits]
        db, lang = self.db, current_language()
        self.operation = Operation(
            lambda progress: run_scan(db, phrases, progress, lang),
            parent=self,
            on_success=self._finished,
            on_failure=self._failed,
        )
        self.operation.progressed.connect(self._progressed)
        self.operation.done.connect(lambda: self._set_running(False))
        self._set_running(True)
        self.status.setText(translate("LeakDialog", "Scanning the entries…"))
        return self.operation.start()

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
            self.status.setText(translate("LeakDialog", "Stopping after this entry…"))

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(
            translate("LeakDialog", "%1 of %2 entries")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
        self.cancel_button.setVisible(running)
        self.scan_button.setEnabled(not running)
        self.close_button.setEnabled(not running)
        for edit in self.seal_edits:
            edit.setEnabled(not running)
            if not running:
                edit.clear()  # never kept longer than one scan
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        from judge_app.ui.errors import show_error

        if isinstance(error, Cancelled):
            self.status.setText(translate("LeakDialog", "Scan cancelled: nothing was changed."))
            return
        self.status.setText("")
        show_error(self, error)

    def _finished(self, reports: list[EntryLeakReport]) -> None:
        self.reports = reports
        self.status.setText("")
        self.retranslate()  # "Scan again", and the table
        self.scanned.emit(reports)

    # ----------------------------------------------------------------------------- table

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """The table's rows (code, result, found, where, certainty, words), filter applied."""
        lang = current_language()
        rows: list[tuple[str, str, str, str, str, str]] = []
        for report in self.reports or []:
            status = render(f"leak_status_{report.status}", lang)
            if not report.identity_known:
                status += " " + translate("LeakDialog", "(entrant unknown)")
            for hit in report.hits:
                where = (
                    translate("LeakDialog", "file %1, page %2")
                    .replace("%1", str(hit.file_number))
                    .replace("%2", str(hit.page))
                )
                rows.append(
                    (
                        report.code,
                        status,
                        render(f"leak_kind_{hit.hit.kind}", lang),
                        where,
                        render(f"leak_confidence_{hit.hit.confidence}", lang),
                        _one_line(hit.hit.text),
                    )
                )
            if self.hits_only.isChecked():
                continue
            for scan in report.files:
                where = translate("LeakDialog", "file %1").replace("%1", str(scan.file_number))
                if scan.status == "not_checked":
                    note = render("leak_status_not_checked", lang)
                elif scan.status == "unreadable":
                    note = render(scan.reason, lang, **scan.reason_params) if scan.reason else ""
                else:
                    continue
                rows.append((report.code, status, "—", where, "", note))
        return rows

    def _fill(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(5):
            header.resizeSection(column, min(header.sectionSize(column), 280))
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self._show_summary()
        self._update_buttons()

    def _show_summary(self) -> None:
        reports = self.reports or []
        counts = {status: 0 for status in ("clean", "hits", "not_checked", "unreadable")}
        for report in reports:
            counts[report.status] += 1
        self.summary.setText(
            translate(
                "LeakDialog",
                "%1 entries scanned: %2 with signs of identity (%3 naming the entrant), "
                "%4 not checked (photos, scans), %5 unreadable, %6 with no sign.",
            )
            .replace("%1", str(len(reports)))
            .replace("%2", str(counts["hits"]))
            .replace("%3", str(sum(r.strong for r in reports)))
            .replace("%4", str(counts["not_checked"]))
            .replace("%5", str(counts["unreadable"]))
            .replace("%6", str(counts["clean"]))
        )

    def current_code(self) -> str | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return None
        item = self.table.item(selected[0].row(), 0)
        return item.text() if item is not None else None

    def _update_buttons(self) -> None:
        running = self.operation is not None and self.operation.running
        self.show_button.setEnabled(self.open_entry is not None and self.current_code() is not None)
        self.save_button.setEnabled(bool(self.reports) and not running)
        self.hits_only.setEnabled(self.reports is not None)

    def show_entry(self) -> None:
        code = self.current_code()
        if code is not None:
            preview_entry(self, self.open_entry, code)

    # ----------------------------------------------------------------------------- export

    def choose_save_path(self) -> QFileDialog | None:
        if not self.reports:
            return None
        dialog = QFileDialog(
            self, translate("LeakDialog", "Save the list"), str(self.db.path.parent)
        )
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.setNameFilters([translate("LeakDialog", "Excel workbooks (*.xlsx)")])
        dialog.selectFile("dau-hieu-lo-danh-tinh.xlsx")
        dialog.resize(900, 560)
        dialog.fileSelected.connect(lambda name: self.save_list(Path(name)))
        dialog.open()
        return dialog

    def save_list(self, path: Path) -> Operation[Path] | None:
        """Write the list without the words found (see the module docstring), on a worker."""
        from judge_app.intake.leak_scan_xlsx import write_leak_list_xlsx

        reports = self.reports
        if not reports:
            return None
        lang = current_language()

        def work(_progress: Progress) -> Path:
            write_leak_list_xlsx(reports, path, lang=lang)
            return path

        def saved(target: Path) -> None:
            self.status.setText(translate("LeakDialog", "Saved: %1").replace("%1", str(target)))

        self.saving = Operation(work, parent=self, on_success=saved).start()
        return self.saving

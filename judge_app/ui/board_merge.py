"""The board's "Merge score files…": judges' signed score files into the contest file.

Files are added one by one, several at once or as a folder of `.jgs`; the merge runs in an
`Operation`, one file at a time through `exchange.merge.merge_score_files`, so Cancel stops
between two files (a file is merged whole or not at all, never half). The report lists every
file: merged, already merged, or REFUSED with the sentence `core.messages.describe` gives, and
the entries whose files differ from the contest's. It can be saved as XLSX for the records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.errors import error_text
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    from judge_app.exchange.merge import FileOutcome
    from judge_app.store.database import ContestDatabase

translate = QCoreApplication.translate
SUFFIX = ".jgs"
REFUSED_COLOUR = "#f6d3d3"
NOTE_COLOUR = "#fcefc7"
MERGED_COLOUR = "#dff0d8"
FILE, JUDGE, REVISION, ENTRIES, STATUS, NOTE = range(6)


@dataclass
class MergeRun:
    """What a run did: one outcome per merged file, and the files a cancel left untouched."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def merge_files(
    db: ContestDatabase, paths: list[Path], progress: Progress, *, actor: str
) -> MergeRun:
    """One merge of all the files (the contest read once, large files checked in worker
    processes); a cancel takes effect between two files. Worker thread."""
    from judge_app.exchange.merge import merge_score_files

    def report(done: int, total: int) -> None:
        progress.report(done, total, paths[done].name if done < total else "")

    progress.report(0, len(paths), paths[0].name if paths else "")
    report_ = merge_score_files(
        db, paths, actor=actor, progress=report, cancelled=lambda: progress.cancelled
    )
    run = MergeRun(list(report_.outcomes))
    run.skipped = paths[len(run.outcomes) :]
    return run


def score_files_in(folder: Path) -> list[Path]:
    """The `.jgs` files directly in `folder`, by name."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == SUFFIX)


def status_text(outcome: FileOutcome) -> str:
    from judge_app.exchange.merge import MergeStatus

    if outcome.status is MergeStatus.MERGED:
        return translate("MergeDialog", "Merged")
    if outcome.status is MergeStatus.UNCHANGED:
        return translate("MergeDialog", "Already merged")
    return translate("MergeDialog", "REFUSED")


def note_text(outcome: FileOutcome) -> str:
    """Why a file was refused, or which entries' files differ from the contest's."""
    if outcome.error is not None:
        return error_text(outcome.error)
    if outcome.unknown_files:
        return (
            translate("MergeDialog", "Files differ from the contest's in %1 entries: %2")
            .replace("%1", str(len(outcome.unknown_files)))
            .replace("%2", ", ".join(outcome.unknown_files))
        )
    return ""


def report_rows(run: MergeRun) -> list[tuple[str, str, str, str, str, str]]:
    """The report's cells, as shown and as saved."""
    rows = [
        (
            outcome.path.name,
            outcome.judge,
            str(outcome.revision) if outcome.revision else "",
            str(outcome.entries) if outcome.judge else "",
            status_text(outcome),
            note_text(outcome),
        )
        for outcome in run.outcomes
    ]
    rows += [
        (path.name, "", "", "", translate("MergeDialog", "Not merged (cancelled)"), "")
        for path in run.skipped
    ]
    return rows


def write_report_xlsx(
    path: Path, headers: list[str], rows: Sequence[tuple[str, ...]], refused: set[int]
) -> Path:
    """The report as a workbook (row numbers in `refused` coloured), written atomically.
    Worker thread."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from judge_app.fileio import write_atomically

    book = Workbook()
    sheet = book.active
    sheet.title = "merge"
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", fgColor="FF" + REFUSED_COLOUR.lstrip("#").upper())
    for number, row in enumerate(rows):
        sheet.append(list(row))
        if number in refused:
            for cell in sheet[sheet.max_row]:
                cell.fill = fill
    for letter, width in zip("ABCDEF", (28, 10, 10, 10, 18, 100), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomically(path, buffer.getvalue())
    return path


class MergeDialog(BoardDialog):
    """Non-modal; `merged` fires with the MergeRun after a run that merged something."""

    merged = Signal(object)

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("mergeDialog")
        self.operation: Operation[MergeRun] | None = None
        self.run_result: MergeRun | None = None
        self.file_dialog: QFileDialog | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.files = QListWidget(self)
        self.files.setObjectName("scoreFiles")
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addFiles")
        self.add_button.clicked.connect(lambda: self.choose_files())
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("addFolder")
        self.folder_button.clicked.connect(lambda: self.choose_folder())
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeFiles")
        self.remove_button.clicked.connect(self.remove_selected)
        side = QVBoxLayout()
        for button in (self.add_button, self.folder_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.files, 1)
        top.addLayout(side)
        top_widget = QWidget(self)
        top_widget.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        self.report = QTableWidget(0, 6, self)
        self.report.setObjectName("mergeReport")
        self.report.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.report.setWordWrap(True)
        self.report.verticalHeader().setVisible(False)
        header = self.report.horizontalHeader()
        for column in (FILE, JUDGE, REVISION, ENTRIES, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.report.itemSelectionChanged.connect(self._show_detail)
        self.detail = QLabel(self)
        self.detail.setObjectName("reportDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QVBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.report, 1)
        bottom.addWidget(self.detail)
        bottom_widget = QWidget(self)
        bottom_widget.setLayout(bottom)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top_widget)
        splitter.addWidget(bottom_widget)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([140, 420])
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("mergeStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runMerge")
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("cancelMerge")
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("saveReport")
        self.save_button.clicked.connect(lambda: self.choose_report_file())
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(1120, 640)
        self.retranslate()
        self._set_running(False)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("MergeDialog", "Merge score files"))
        self.intro.setText(
            translate(
                "MergeDialog",
                "Add the judges' score files (.jgs). Each file is checked against its judge's "
                "registered key and merged whole or not at all; a refused file changes nothing.",
            )
        )
        self.add_button.setText(translate("MergeDialog", "Add files…"))
        self.folder_button.setText(translate("MergeDialog", "Add a folder…"))
        self.remove_button.setText(translate("MergeDialog", "Remove"))
        self.report.setHorizontalHeaderLabels(self.headers())
        self.run_button.setText(translate("MergeDialog", "Merge"))
        self.cancel_button.setText(translate("MergeDialog", "Cancel after this file"))
        self.save_button.setText(translate("MergeDialog", "Save report…"))
        if self.run_result is not None:
            self._fill_report(self.run_result)

    @staticmethod
    def headers() -> list[str]:
        return [
            translate("MergeDialog", "File"),
            translate("MergeDialog", "Judge"),
            translate("MergeDialog", "Revision"),
            translate("MergeDialog", "Entries"),
            translate("MergeDialog", "Result"),
            translate("MergeDialog", "Reason / note"),
        ]

    # ------------------------------------------------------------------------ the file list

    def paths(self) -> list[Path]:
        return [
            Path(self.files.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.files.count())
        ]

    def add_paths(self, paths: list[Path]) -> int:
        """Add files, a folder's .jgs files for a folder; returns how many were new."""
        known = {p.resolve() for p in self.paths()}
        added = 0
        for path in paths:
            found = score_files_in(path) if path.is_dir() else [path]
            if path.is_dir() and not found:
                self.status.setText(
                    translate("MergeDialog", "No score file (.jgs) in %1.").replace("%1", str(path))
                )
            for item in found:
                if item.resolve() in known:
                    continue
                known.add(item.resolve())
                self.files.addItem(str(item))
                self.files.item(self.files.count() - 1).setData(Qt.ItemDataRole.UserRole, str(item))
                added += 1
        self._set_running(False)
        return added

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._set_running(False)

    def _file_dialog(self, title: str) -> QFileDialog:
        dialog = QFileDialog(self, title, str(self.db.path.parent))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resize(900, 560)
        self.file_dialog = dialog
        return dialog

    def choose_files(self) -> QFileDialog:
        dialog = self._file_dialog(translate("MergeDialog", "Judges' score files"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [
                translate("MergeDialog", "Score files (*.jgs)"),
                translate("MergeDialog", "All files (*)"),
            ]
        )
        dialog.filesSelected.connect(lambda names: self.add_paths([Path(n) for n in names]))
        dialog.open()
        return dialog

    def choose_folder(self) -> QFileDialog:
        dialog = self._file_dialog(translate("MergeDialog", "A folder of score files"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(lambda name: self.add_paths([Path(name)]))
        dialog.open()
        return dialog

    # ------------------------------------------------------------------------ the run

    def run(self) -> Operation[MergeRun] | None:
        paths = self.paths()
        if not paths:
            self.status.setText(translate("MergeDialog", "Add at least one score file."))
            return None
        db, actor = self.db, self.actor
        self.status.setText(translate("MergeDialog", "Merging…"))
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.operation = Operation(
            lambda progress: merge_files(db, paths, progress, actor=actor),
            parent=self,
            on_success=self._finished,
        )
        self.operation.progressed.connect(self._progressed)
        self.operation.done.connect(lambda: self._set_running(False))
        self._set_running(True)
        return self.operation.start()

    def cancel(self) -> None:
        if self.operation is not None and self.operation.running:
            self.operation.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(translate("MergeDialog", "Stopping after the current file…"))

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if name:
            self.status.setText(
                translate("MergeDialog", "Merging %1 (%2 of %3)…")
                .replace("%1", name)
                .replace("%2", str(done + 1))
                .replace("%3", str(total))
            )

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        for button in (self.add_button, self.folder_button, self.remove_button):
            button.setEnabled(not running)
        self.run_button.setEnabled(not running and self.files.count() > 0)
        self.cancel_button.setEnabled(running)
        self.cancel_button.setVisible(running)
        self.close_button.setEnabled(not running)
        self.save_button.setEnabled(not running and self.run_result is not None)

    def _finished(self, run: MergeRun) -> None:
        from judge_app.exchange.merge import MergeStatus

        self.run_result = run
        self._fill_report(run)
        merged = sum(1 for o in run.outcomes if o.status is MergeStatus.MERGED)
        unchanged = sum(1 for o in run.outcomes if o.status is MergeStatus.UNCHANGED)
        refused = sum(1 for o in run.outcomes if o.status is MergeStatus.REFUSED)
        text = (
            translate("MergeDialog", "%1 merged, %2 already merged, %3 refused.")
            .replace("%1", str(merged))
            .replace("%2", str(unchanged))
            .replace("%3", str(refused))
        )
        if run.skipped:
            text += " " + translate("MergeDialog", "Cancelled: %1 files not merged.").replace(
                "%1", str(len(run.skipped))
            )
        self.status.setText(text)
        self.files.clear()  # the report now says what became of each
        if merged:
            self.merged.emit(run)

    def _fill_report(self, run: MergeRun) -> None:
        rows = report_rows(run)
        self.report.setRowCount(len(rows))
        refused_word = translate("MergeDialog", "REFUSED")
        for number, cells in enumerate(rows):
            colour = None
            if cells[STATUS] == refused_word:
                colour = REFUSED_COLOUR
            elif cells[NOTE]:
                colour = NOTE_COLOUR
            elif cells[STATUS] == translate("MergeDialog", "Merged"):
                colour = MERGED_COLOUR
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column in (FILE, NOTE) else "")
                if colour is not None:
                    item.setBackground(QColor(colour))
                if column == STATUS and cells[STATUS] == refused_word:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setForeground(QColor("#8b0000"))
                self.report.setItem(number, column, item)
        self.report.resizeRowsToContents()
        # The first refusal's reason in full below the table; not selected, so its row keeps
        # its colour.
        self.report.clearSelection()
        self.detail.setText(next((c[NOTE] for c in rows if c[STATUS] == refused_word), ""))

    def _show_detail(self) -> None:
        rows = self.report.selectionModel().selectedRows()
        if not rows:
            return
        note = self.report.item(rows[0].row(), NOTE)
        self.detail.setText(note.text() if note is not None else "")

    # ------------------------------------------------------------------------ saving

    def choose_report_file(self) -> QFileDialog | None:
        if self.run_result is None:
            return None
        dialog = self._file_dialog(translate("MergeDialog", "Save the merge report"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.setNameFilters([translate("MergeDialog", "Excel workbooks (*.xlsx)")])
        dialog.selectFile("bao-cao-ghep-diem.xlsx")
        dialog.fileSelected.connect(lambda name: self.save_report(Path(name)))
        dialog.open()
        return dialog

    def save_report(self, path: Path) -> Operation[Path] | None:
        if self.run_result is None:
            return None
        headers, rows = self.headers(), report_rows(self.run_result)
        refused_word = translate("MergeDialog", "REFUSED")
        refused = {n for n, cells in enumerate(rows) if cells[STATUS] == refused_word}

        def saved(target: Path) -> None:
            self.status.setText(
                translate("MergeDialog", "Report saved: %1").replace("%1", str(target))
            )

        return Operation(
            lambda _progress: write_report_xlsx(path, headers, rows, refused),
            parent=self,
            on_success=saved,
        ).start()

"""The column-mapping dialog: which column of a school's participant list holds what.

Schools put the header anywhere, under merged titles, with or without diacritics, and split
names or birth dates over several columns. `intake.participants` guesses the mapping; here the
head judge sees the sheet's first rows (column letters, header row highlighted), the guessed
column of each field, and a live check of the rows with the chosen columns (missing names,
impossible dates, grades outside 6–9, duplicates, namesakes, each with its row). OK remembers
the mapping for the unit (`save_mapping`, audited), so the next list of that unit, and the
intake run itself, read the columns the board confirmed.

The file is read on a worker (a list may be large or hostile); the live check parses only the
first rows, which takes milliseconds on the GUI thread.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render
from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.board_receive import read_units
from judge_app.ui.errors import error_text, show_error
from judge_app.ui.i18n import current_language
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    import datetime as dt

    from judge_app.intake.participants import ColumnMapping, ParticipantList, RawRow, RawTable
    from judge_app.store.database import ContestDatabase

translate = QCoreApplication.translate

PREVIEW_ROWS = 40  # sheet rows shown: the titles, the header and the first people
PARSE_ROWS = 300  # rows below the header checked live (a school's list is rarely longer)
LABEL_CHARS = 38  # a combo item's header text beyond this is cut with "…"


@dataclasses.dataclass(frozen=True)
class LoadedList:
    """What the worker hands back: every sheet of the file, and the one that looks like the list."""

    tables: list[RawTable]
    best: int


def load_list(path: Path) -> LoadedList:
    """Read every sheet (worker thread); a broken file raises the JudgeAppError naming it."""
    from judge_app.intake.participants import guess_mapping
    from judge_app.intake.participants_read import read_sheets

    tables = read_sheets(path)
    scores = [(guess_mapping(t).confidence, bool(t.rows)) for t in tables]
    best = max(range(len(tables)), key=lambda i: scores[i])
    return LoadedList(tables, best)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def field_label(field: str, lang: str) -> str:
    return render(f"list_field_{field}", lang)


class ColumnsDialog(BoardDialog):
    """Non-modal. `mapping_saved` fires with (unit code, ColumnMapping) after OK stored it."""

    mapping_saved = Signal(str, object)

    def __init__(
        self,
        db: ContestDatabase,
        path: Path,
        parent: QWidget | None = None,
        *,
        unit_code: str | None = None,
        actor: str = "board",
    ) -> None:
        super().__init__(db, parent, actor=actor)
        from judge_app.intake.participants import FIELDS

        self.setObjectName("columnsDialog")
        self.path = Path(path)
        self.fixed_unit = unit_code
        self.tables: list[RawTable] = []
        self.table: RawTable | None = None
        self.mapping: ColumnMapping | None = None
        self.remembered: ColumnMapping | None = None
        self.parsed: ParticipantList | None = None
        self.parse_error: str = ""
        self.reference: dt.date | None = None
        self.loaded: Operation[LoadedList] | None = None
        self.units_loaded: Operation[list[tuple[str, str]]] | None = None
        self.operation: Operation[ColumnMapping] | None = None
        self._syncing = False

        # --- what and where
        self.file_label = QLabel(self)
        self.file_label.setObjectName("listFile")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("unitCombo")
        self.unit_combo.setMinimumContentsLength(24)
        self.unit_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        if unit_code:
            self.unit_combo.addItem(unit_code, unit_code)
            self.unit_combo.setEnabled(False)
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_combo.setMinimumContentsLength(16)
        self.sheet_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.header_spin = QSpinBox(self)
        self.header_spin.setObjectName("headerRow")
        self.header_spin.setRange(1, 1)
        self.header_spin.valueChanged.connect(self._header_changed)
        self.unit_label = QLabel(self)
        self.sheet_label = QLabel(self)
        self.header_label = QLabel(self)
        top = QHBoxLayout()
        for label, widget in (
            (self.unit_label, self.unit_combo),
            (self.sheet_label, self.sheet_combo),
            (self.header_label, self.header_spin),
        ):
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
            top.addSpacing(12)
        top.addStretch(1)

        # --- the sheet as it is
        self.preview = QTableWidget(0, 0, self)
        self.preview.setObjectName("sheetPreview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.preview.cellDoubleClicked.connect(self._row_double_clicked)
        self.preview_hint = QLabel(self)
        self.preview_hint.setWordWrap(True)
        self.preview_box = QGroupBox(self)
        preview_layout = QVBoxLayout(self.preview_box)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.preview_hint)

        # --- one column chooser per field, in two columns of rows
        self.fields_box = QGroupBox(self)
        self.field_labels: dict[str, QLabel] = {}
        self.field_combos: dict[str, QComboBox] = {}
        grid = QGridLayout(self.fields_box)
        half = (len(FIELDS) + 1) // 2
        for number, field in enumerate(FIELDS):
            label = QLabel(self.fields_box)
            combo = QComboBox(self.fields_box)
            combo.setObjectName(f"field_{field}")
            combo.setMinimumContentsLength(16)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.currentIndexChanged.connect(lambda _index, name=field: self._column_chosen(name))
            label.setBuddy(combo)
            row, side = number % half, number // half
            grid.addWidget(label, row, 2 * side)
            grid.addWidget(combo, row, 2 * side + 1)
            self.field_labels[field] = label
            self.field_combos[field] = combo
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        # --- the live check
        self.check_box = QGroupBox(self)
        self.summary = QLabel(self.check_box)
        self.summary.setObjectName("parseSummary")
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 3, self.check_box)
        self.problems.setObjectName("parseProblems")
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().setVisible(False)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.setWordWrap(True)
        self.problems.cellDoubleClicked.connect(self._problem_double_clicked)
        check_layout = QVBoxLayout(self.check_box)
        check_layout.addWidget(self.summary)
        check_layout.addWidget(self.problems, 1)

        lower = QWidget(self)
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.fields_box, 3)
        lower_layout.addWidget(self.check_box, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.preview_box)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        self.status = QLabel(self)
        self.status.setObjectName("columnsStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("rememberColumns")
        self.ok_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.remember)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(1240, 720)
        self.retranslate()
        if unit_code is None:
            self._load_units()
        self._load()

    # ----------------------------------------------------------------------------- texts

    def retranslate(self) -> None:
        lang = current_language()
        self.setWindowTitle(translate("ColumnsDialog", "Participant list: columns"))
        self.unit_label.setText(translate("ColumnsDialog", "&Unit:"))
        self.sheet_label.setText(translate("ColumnsDialog", "&Sheet:"))
        self.header_label.setText(translate("ColumnsDialog", "&Header row:"))
        self.preview_box.setTitle(translate("ColumnsDialog", "The sheet's first rows"))
        self.preview_hint.setText(
            translate(
                "ColumnsDialog",
                "The header row is highlighted. Double-click a row to read it as the header.",
            )
        )
        self.fields_box.setTitle(translate("ColumnsDialog", "Which column holds what"))
        self.check_box.setTitle(translate("ColumnsDialog", "Check of the first rows"))
        self.problems.setHorizontalHeaderLabels(
            [
                translate("ColumnsDialog", "Row"),
                translate("ColumnsDialog", "Kind"),
                translate("ColumnsDialog", "Problem"),
            ]
        )
        for field, label in self.field_labels.items():
            label.setText(field_label(field, lang) + ":")
        self.ok_button.setText(translate("ColumnsDialog", "Remember these columns"))
        self._show_file()
        if self.table is not None:
            self._refresh()

    def _show_file(self) -> None:
        text = translate("ColumnsDialog", "File: %1").replace("%1", str(self.path))
        table = self.table
        if table is not None and table.kind == "csv":
            text += " " + translate("ColumnsDialog", "(CSV, encoding %1, separator “%2”)").replace(
                "%1", table.encoding or "?"
            ).replace("%2", {"\t": "Tab"}.get(table.delimiter or "", table.delimiter or "?"))
        self.file_label.setText(text)

    # ----------------------------------------------------------------------------- loading

    def _load_units(self) -> None:
        db = self.db

        def loaded(units: list[tuple[str, str]]) -> None:
            self._syncing = True
            self.unit_combo.clear()
            self.unit_combo.addItem(translate("ColumnsDialog", "— choose the unit —"), None)
            for code, name in units:
                self.unit_combo.addItem(f"{code} — {name}", code)
            self._syncing = False

        self.units_loaded = Operation(
            lambda _progress: read_units(db), parent=self, on_success=loaded
        ).start()

    def _load(self) -> None:
        path = self.path

        def work(_progress: Progress) -> LoadedList:
            return load_list(path)

        self.status.setText(translate("ColumnsDialog", "Reading the list…"))
        self.loaded = Operation(
            work, parent=self, on_success=self._loaded, on_failure=self._load_failed
        ).start()

    def _load_failed(self, error: BaseException) -> None:
        """The file cannot be read: say which and why, here and in the error dialog."""
        self.status.setText(error_text(error))
        self.ok_button.setEnabled(False)
        show_error(self, error)

    def _loaded(self, loaded: LoadedList) -> None:
        self.tables = loaded.tables
        self._syncing = True
        self.sheet_combo.clear()
        for table in loaded.tables:
            self.sheet_combo.addItem(table.sheet, table.sheet)
        self.sheet_combo.setEnabled(len(loaded.tables) > 1)
        self._syncing = False
        self.status.setText("")
        self._read_remembered()
        index = loaded.best
        if self.remembered is not None and self.remembered.sheet:
            found = self.sheet_combo.findData(self.remembered.sheet)
            index = found if found >= 0 else index
        if self.sheet_combo.currentIndex() == index:
            self._sheet_changed(index)
        else:
            self.sheet_combo.setCurrentIndex(index)

    def unit_code(self) -> str | None:
        code = self.unit_combo.currentData()
        return str(code) if code else None

    def _read_remembered(self) -> None:
        """The unit's remembered mapping (a quick meta row read); a damaged one is said."""
        from judge_app.intake.participants import load_mapping
        from judge_app.intake.receive_review import list_reference_date

        unit = self.unit_code()
        self.remembered = None
        try:
            self.reference = list_reference_date(self.db, unit)
            if unit:
                self.remembered = load_mapping(self.db, unit)
        except JudgeAppError as error:
            self.status.setText(error_text(error))

    def _unit_changed(self, _index: int) -> None:
        if self._syncing or not self.tables:
            return
        self._read_remembered()
        self._sheet_changed(self.sheet_combo.currentIndex())

    def _sheet_changed(self, index: int) -> None:
        from judge_app.intake.participants import guess_mapping

        if self._syncing or not 0 <= index < len(self.tables):
            return
        table = self.tables[index]
        self.table = table
        remembered = self.remembered
        if remembered is not None and remembered.sheet and remembered.sheet != table.sheet:
            remembered = None
        self.mapping = guess_mapping(table, remembered)
        self._show_file()
        self._fill_preview()
        self._fill_combos()
        self._refresh()

    # ----------------------------------------------------------------------------- choices

    def _header_changed(self, value: int) -> None:
        from judge_app.intake.participants import guess_mapping

        if self._syncing or self.table is None:
            return
        self.mapping = guess_mapping(self.table, header_row=value)
        self._fill_combos()
        self._refresh()

    def set_header_row(self, row: int) -> None:
        """Read sheet row `row` as the header (what the spin box and a double-click do)."""
        self.header_spin.setValue(row)

    def _row_double_clicked(self, row: int, _column: int) -> None:
        item = self.preview.verticalHeaderItem(row)
        if item is not None and item.text().isdigit():
            self.set_header_row(int(item.text()))

    def _column_chosen(self, field: str) -> None:
        from judge_app.intake.participants import header_texts

        if self._syncing or self.table is None or self.mapping is None:
            return
        data = self.field_combos[field].currentData()
        column = int(data) if data is not None else None
        header = header_texts(self.table, self.mapping.header_row).get(column or 0, "")
        self.mapping = self.mapping.with_column(field, column, header if column is not None else "")
        self._sync_combos()  # the column's former field is now unmapped
        self._refresh()

    def choose_column(self, field: str, column: int | None) -> None:
        combo = self.field_combos[field]
        combo.setCurrentIndex(combo.findData(column) if column is not None else 0)

    # ----------------------------------------------------------------------------- showing

    def _fill_combos(self) -> None:
        from judge_app.intake.participants import column_labels

        table, mapping = self.table, self.mapping
        if table is None or mapping is None:
            return
        labels = column_labels(table, mapping)
        self._syncing = True
        for combo in self.field_combos.values():
            combo.clear()
            combo.addItem(translate("ColumnsDialog", "— not in the list —"), None)
            for index, text in labels:
                combo.addItem(_short(text), index)
                combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        last = max((row.number for row in table.rows), default=1)
        self.header_spin.setRange(1, max(last, 1))
        if mapping.header_row is not None:
            self.header_spin.setValue(mapping.header_row)
        self._syncing = False
        self._sync_combos()

    def _sync_combos(self) -> None:
        mapping = self.mapping
        if mapping is None:
            return
        self._syncing = True
        for field, combo in self.field_combos.items():
            column = mapping.column(field)
            combo.setCurrentIndex(max(combo.findData(column), 0) if column is not None else 0)
        self._syncing = False

    def _fill_preview(self) -> None:
        from judge_app.intake.participants import column_letter

        table = self.table
        if table is None:
            return
        rows = table.rows[:PREVIEW_ROWS]
        width = max(table.width, 1)
        self.preview.clear()
        self.preview.clearSpans()
        self.preview.setRowCount(len(rows))
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels([column_letter(i) for i in range(width)])
        self.preview.setVerticalHeaderLabels([str(row.number) for row in rows])
        # A title row (one text in column A, merged over the sheet in Excel) spans the
        # preview too, and is filled after the columns are sized, so it does not widen A.
        titles = {r for r, row in enumerate(rows) if _is_title(row)}
        for r, row in enumerate(rows):
            if r not in titles:
                for c in range(width):
                    self.preview.setItem(r, c, _preview_item(row.cell(c)))
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.resizeColumnsToContents()
        for c in range(width):
            header.resizeSection(c, min(max(header.sectionSize(c), 48), 260))
        for r in titles:
            for c in range(width):
                self.preview.setItem(r, c, _preview_item(rows[r].cell(c)))
            if width > 1:
                self.preview.setSpan(r, 0, 1, width)

    def _highlight(self) -> None:
        """Header rows in the selection colour; mapped columns named in the column heads."""
        from judge_app.intake.participants import column_letter

        table, mapping = self.table, self.mapping
        if table is None or mapping is None:
            return
        lang = current_language()
        header_rows = _header_rows(table, mapping.header_row)
        palette = self.palette()
        marked = QBrush(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight))
        marked_text = QBrush(
            palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
        )
        above = QBrush(QColor(0, 0, 0, 0))
        title = QBrush(palette.color(QPalette.ColorRole.PlaceholderText))
        plain_text = QBrush(palette.color(QPalette.ColorRole.Text))
        bold = QFont(self.preview.font())
        bold.setBold(True)
        for r in range(self.preview.rowCount()):
            head = self.preview.verticalHeaderItem(r)
            number = int(head.text()) if head is not None else 0
            for c in range(self.preview.columnCount()):
                item = self.preview.item(r, c)
                if item is None:
                    continue
                if number in header_rows:
                    item.setBackground(marked)
                    item.setForeground(marked_text)
                    item.setFont(bold)
                else:
                    item.setBackground(above)
                    before = mapping.header_row is not None and number < min(header_rows)
                    item.setForeground(title if before else plain_text)
                    item.setFont(self.preview.font())
        fields = {column: field for field, column in mapping.columns}
        for c in range(self.preview.columnCount()):
            text = column_letter(c)
            if c in fields:
                text += "\n" + field_label(fields[c], lang)
            item = self.preview.horizontalHeaderItem(c)
            if item is None:
                item = QTableWidgetItem()
                self.preview.setHorizontalHeaderItem(c, item)
            item.setText(text)

    def _refresh(self) -> None:
        """The live check with the chosen columns, and whether OK may be pressed."""
        self._highlight()
        self._parse()
        self._show_check()
        has_name = self.mapping is not None and any(
            self.mapping.column(f) is not None for f in ("full_name", "last_name", "first_name")
        )
        self.ok_button.setEnabled(
            has_name and self.mapping is not None and self.mapping.header_row is not None
        )

    def _parse(self) -> None:
        from judge_app.intake.participants import parse_participants

        self.parsed = None
        self.parse_error = ""
        table, mapping = self.table, self.mapping
        if table is None or mapping is None:
            return
        start = mapping.header_row or 0
        below = [r for r in table.rows if r.number > start][:PARSE_ROWS]
        head = [r for r in table.rows if r.number <= start]
        part = dataclasses.replace(table, rows=(*head, *below))
        reference = self.reference or _today()
        try:
            self.parsed = parse_participants(
                part, mapping, reference_date=reference, unit=self.unit_code() or ""
            )
        except JudgeAppError as error:
            self.parse_error = error_text(error)

    def _show_check(self) -> None:
        lang = current_language()
        parsed = self.parsed
        if parsed is None:
            self.summary.setText(self.parse_error)
            self.problems.setRowCount(0)
            return
        counts = parsed.counts()
        errors = len(parsed.errors)
        students = ", ".join(
            f"{code[1:]}: {n}" for code, n in sorted(counts.items()) if code.startswith("g")
        )
        text = (
            translate(
                "ColumnsDialog",
                "%1 people read (staff: %2; pupils by grade: %3; category unknown: %4). "
                "%5 errors, %6 warnings.",
            )
            .replace("%1", str(len(parsed.rows)))
            .replace("%2", str(counts.get("staff", 0)))
            .replace("%3", students or "0")
            .replace("%4", str(counts.get("unknown", 0)))
            .replace("%5", str(errors))
            .replace("%6", str(len(parsed.problems) - errors))
        )
        if self.table is not None and self.mapping is not None:
            after = [r for r in self.table.rows if r.number > (self.mapping.header_row or 0)]
            if len(after) > PARSE_ROWS:
                text += " " + translate("ColumnsDialog", "Only the first %1 rows are checked here.")
                text = text.replace("%1", str(PARSE_ROWS))
        self.summary.setText(text)
        error_kind = translate("ColumnsDialog", "error")
        warning_kind = translate("ColumnsDialog", "warning")
        self.problems.setRowCount(len(parsed.problems))
        for r, problem in enumerate(parsed.problems):
            values = (
                str(problem.row),
                error_kind if problem.severity == "error" else warning_kind,
                render(problem.code, lang, **problem.params),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, problem.row)
                self.problems.setItem(r, c, item)
        self.problems.resizeColumnToContents(0)
        self.problems.resizeColumnToContents(1)
        self.problems.resizeRowsToContents()

    def problem_rows(self) -> list[tuple[int, str]]:
        """(row, message code) of the live check, for tests and the caller."""
        return [] if self.parsed is None else [(p.row, p.code) for p in self.parsed.problems]

    def _problem_double_clicked(self, row: int, _column: int) -> None:
        """Scroll the preview to the sheet row the problem is on."""
        item = self.problems.item(row, 0)
        target = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        for r in range(self.preview.rowCount()):
            head = self.preview.verticalHeaderItem(r)
            if head is not None and head.text() == str(target):
                self.preview.selectRow(r)
                self.preview.scrollTo(self.preview.model().index(r, 0))
                return

    # ----------------------------------------------------------------------------- OK

    def remember(self) -> Operation[ColumnMapping] | None:
        """Store the mapping for the unit (audited, on a worker); the dialog closes after."""
        from judge_app.intake.participants import save_mapping

        mapping, unit = self.mapping, self.unit_code()
        if mapping is None or self.table is None:
            return None
        if unit is None:
            self.status.setText(translate("ColumnsDialog", "Choose the unit that sent the list."))
            return None
        mapping = dataclasses.replace(mapping, sheet=self.table.sheet, confidence=1.0)
        db, actor = self.db, self.actor

        def work(_progress: Progress) -> ColumnMapping:
            save_mapping(db, unit, mapping, actor=actor)
            return mapping

        def saved(result: ColumnMapping) -> None:
            self.mapping_saved.emit(unit, result)
            self.accept()

        self.ok_button.setEnabled(False)
        self.operation = Operation(work, parent=self, on_success=saved)
        self.operation.done.connect(lambda: self.ok_button.setEnabled(True))
        return self.operation.start()


def _is_title(row: RawRow) -> bool:
    return len(row.cells) == 1 and isinstance(row.cells[0], str)


def _preview_item(value: object) -> QTableWidgetItem:
    text = "" if value is None else _cell_text(value)
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


def _cell_text(value: object) -> str:
    import datetime as dt

    if isinstance(value, dt.datetime) and value.time() != dt.time():
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header_rows(table: RawTable, header_row: int | None) -> set[int]:
    """The header row, and the row above it when that is a first header row over merged cells
    (the same rule `header_texts` reads them by)."""
    if header_row is None:
        return set()
    rows = {header_row}
    above = [r for r in table.rows if r.number == header_row - 1]
    if above and sum(v not in (None, "") for v in above[0].cells) >= 2:
        rows.add(header_row - 1)
    return rows


def _today() -> dt.date:
    import datetime as dt

    return dt.date.today()

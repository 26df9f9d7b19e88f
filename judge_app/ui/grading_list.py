"""The judge's list of entries to grade: code, category, file kinds, format, status, total.

Only what `store.grading.list_entries` gives a judge: the anonymous code (số phách) and facts
about the files, never a name, school or the file name a school chose (it may carry the
entrant's name). A filter by status, sorting by any column and the progress bar
("đã chấm 37/120") sit above the table.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.contest_view import BADGE_COLOURS, badge_name, kind_name
from judge_app.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from judge_app.store.grading import EntryListRow, GradingState

translate = QCoreApplication.translate
CONTEXT = "GradingList"
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2

# Values of store.grading.GradingProgress (a StrEnum), as plain strings.
PROGRESS_NAMES: dict[str, str] = {
    "not_started": QT_TRANSLATE_NOOP("GradingList", "Not started"),
    "draft": QT_TRANSLATE_NOOP("GradingList", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("GradingList", "Submitted"),
    "flagged": QT_TRANSLATE_NOOP("GradingList", "Flagged"),
}
PROGRESS_ORDER = ("not_started", "draft", "flagged", "submitted")
# Soft tints readable on light and dark palettes (text keeps the palette's colour).
PROGRESS_COLOURS: dict[str, str] = {
    "draft": "#fcefc7",
    "submitted": "#dff0d8",
    "flagged": "#f6d3d3",
}
COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("GradingList", "Code"),
    QT_TRANSLATE_NOOP("GradingList", "Status"),
    QT_TRANSLATE_NOOP("GradingList", "Total"),
    QT_TRANSLATE_NOOP("GradingList", "Category"),
    QT_TRANSLATE_NOOP("GradingList", "Files"),
    QT_TRANSLATE_NOOP("GradingList", "Format"),
)
CODE, STATUS, TOTAL, CATEGORY, KINDS, FORMAT = range(len(COLUMNS))
FILTERS: tuple[tuple[str, str], ...] = (
    ("all", QT_TRANSLATE_NOOP("GradingList", "All entries")),
    ("todo", QT_TRANSLATE_NOOP("GradingList", "Still to grade")),
    ("not_started", QT_TRANSLATE_NOOP("GradingList", "Not started")),
    ("draft", QT_TRANSLATE_NOOP("GradingList", "Draft")),
    ("submitted", QT_TRANSLATE_NOOP("GradingList", "Submitted")),
    ("flagged", QT_TRANSLATE_NOOP("GradingList", "Flagged")),
)


def progress_name(progress: str) -> str:
    source = PROGRESS_NAMES.get(str(progress))
    return translate("GradingList", source) if source else str(progress)


def progress_of(row: EntryListRow) -> str:
    """The status shown: a flag outranks a draft (the head judge must look at it)."""
    progress = str(row.progress)
    return "flagged" if row.flagged and progress != "submitted" else progress


def is_todo(row: EntryListRow) -> bool:
    return str(row.progress) != "submitted"


class EntryListModel(QAbstractTableModel):
    """The rows of `list_entries`, updated in place as gradings change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EntryListRow] = []
        self._index: dict[str, int] = {}

    def set_rows(self, rows: list[EntryListRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._index = {row.code: n for n, row in enumerate(self._rows)}
        self.endResetModel()

    def rows(self) -> list[EntryListRow]:
        return list(self._rows)

    def row_of(self, code: str) -> EntryListRow | None:
        number = self._index.get(code)
        return self._rows[number] if number is not None else None

    def apply_state(self, state: GradingState) -> None:
        """A grading changed: its row's status, total and flag follow."""
        number = self._index.get(state.code)
        if number is None:
            return
        scored = bool(state.scores) or bool(state.answers)
        self._rows[number] = dataclasses.replace(
            self._rows[number],
            progress=state.status,
            total=state.total if scored or str(state.status) == "submitted" else None,
            flagged=bool(state.flags),
        )
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))

    def counts(self) -> tuple[int, int]:
        """(submitted, all)."""
        done = sum(1 for row in self._rows if str(row.progress) == "submitted")
        return done, len(self._rows)

    # Qt model API

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("GradingList", COLUMNS[section])
        return super().headerData(section, orientation, role)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == CODE_ROLE:
            return row.code
        if role == Qt.ItemDataRole.TextAlignmentRole and column == TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == FORMAT and row.format_badge:
                return QColor(BADGE_COLOURS.get(row.format_badge, "#ffffff"))
            if column == STATUS and progress_of(row) in PROGRESS_COLOURS:
                return QColor(PROGRESS_COLOURS[progress_of(row)])
        if role == Qt.ItemDataRole.ForegroundRole:
            tinted = (column == FORMAT and row.format_badge) or (
                column == STATUS and progress_of(row) in PROGRESS_COLOURS
            )
            if tinted:
                return QColor("#1a1a1a")  # dark text on the light tint, also in dark mode
        return None

    @staticmethod
    def _display(row: EntryListRow, column: int) -> str:
        if column == CODE:
            return row.code
        if column == CATEGORY:
            return row.category
        if column == KINDS:
            return ", ".join(kind_name(kind) for kind in dict.fromkeys(row.file_kinds))
        if column == FORMAT:
            return badge_name(row.format_badge)
        if column == STATUS:
            return progress_name(progress_of(row))
        if column == TOTAL:
            return row.total.format(",") if row.total is not None else ""
        return ""

    @staticmethod
    def _sort_key(row: EntryListRow, column: int) -> object:
        if column == STATUS:
            return (
                PROGRESS_ORDER.index(progress_of(row)) if progress_of(row) in PROGRESS_ORDER else 9
            )
        if column == TOTAL:
            return row.total.centi if row.total is not None else -1
        return EntryListModel._display(row, column)


class EntryFilter(QSortFilterProxyModel):
    """Shows the rows of one status (or all, or all not yet submitted)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._status = "all"

    def set_status(self, status: str) -> None:
        self._status = status
        self.invalidateFilter()

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._status == "all":
            return True
        model = self.sourceModel()
        assert isinstance(model, EntryListModel)
        row = model.rows()[source_row]
        if self._status == "todo":
            return is_todo(row)
        return progress_of(row) == self._status


class EntryListPanel(QWidget):
    """Filter, progress bar and table; `entry_chosen` when the judge picks an entry."""

    entry_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradingEntryList")
        self.model = EntryListModel(self)
        self.proxy = EntryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_label = QLabel(self)
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("gradingFilter")
        self.filter_label.setBuddy(self.filter_combo)
        for key, _text in FILTERS:
            self.filter_combo.addItem("", key)
        self.filter_combo.currentIndexChanged.connect(self._filter_chosen)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("gradingProgress")
        self.progress.setTextVisible(True)
        self.table = QTableView(self)
        self.table.setObjectName("gradingEntries")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # Widths measured once per list: ResizeToContents re-reads every row on each change,
        # a second per keystroke on a 1,000-entry workspace.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        self.model.dataChanged.connect(lambda *_args: self._update_progress())
        self._order: list[str] | None = None
        for signal in (
            self.proxy.layoutChanged,
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.dataChanged,
        ):
            signal.connect(self._forget_order)
        self.model.modelReset.connect(self._update_progress)
        self.retranslate()

    # ------------------------------------------------------------------ content

    def set_rows(self, rows: list[EntryListRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(CATEGORY, min(self.table.columnWidth(CATEGORY), 150))
        self._fit_status_column()

    def _fit_status_column(self) -> None:
        """Wide enough for every status in the current language, not only those in the list
        now: "Đã báo trưởng ban" appears only once an entry is flagged, and widths are not
        re-measured per change (see __init__)."""
        cell = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header_text = translate("GradingList", COLUMNS[STATUS])
        padding = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        widest = max(
            [cell.horizontalAdvance(progress_name(key)) + padding + 8 for key in PROGRESS_NAMES]
            + [header.fontMetrics().horizontalAdvance(header_text) + 24]  # sort arrow
        )
        self.table.setColumnWidth(STATUS, max(widest, header.sectionSizeHint(STATUS)))

    def apply_state(self, state: GradingState) -> None:
        self.model.apply_state(state)  # the proxy re-filters and re-sorts the row by itself

    def visible_codes(self) -> list[str]:
        """Codes in the order the judge sees them (filter and sort applied); kept until the
        order changes, since moving to the next entry asks for it several times."""
        if self._order is None:
            rows = self.model.rows()
            proxy = self.proxy
            self._order = [
                rows[proxy.mapToSource(proxy.index(r, CODE)).row()].code
                for r in range(proxy.rowCount())
            ]
        return list(self._order)

    def _forget_order(self, *_args: object) -> None:
        self._order = None

    def all_codes(self) -> list[str]:
        """Every code in the shown sort order, filtered out or not."""
        order = self.visible_codes()
        seen = set(order)
        return order + sorted(row.code for row in self.model.rows() if row.code not in seen)

    def select(self, code: str) -> None:
        """Highlight `code` without emitting `entry_chosen`."""
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, CODE)
            if index.data(CODE_ROLE) == code:
                self.table.blockSignals(True)
                self.table.setCurrentIndex(index)
                self.table.blockSignals(False)
                self.table.scrollTo(index)
                return
        self.table.clearSelection()

    def set_filter(self, key: str) -> None:
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(key)))

    def _filter_chosen(self, _index: int) -> None:
        self.proxy.set_status(str(self.filter_combo.currentData()))

    def _activated(self, index: QModelIndex) -> None:
        code = index.siblingAtColumn(CODE).data(CODE_ROLE)
        if code:
            self.entry_chosen.emit(str(code))

    def _update_progress(self) -> None:
        done, total = self.model.counts()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(
            translate("GradingList", "Graded %1/%2")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.filter_label.setText(translate("GradingList", "&Show:"))
        for number, (_key, text) in enumerate(FILTERS):
            self.filter_combo.setItemText(number, translate("GradingList", text))
        self.table.setToolTip(
            translate("GradingList", "Entries by code only. Enter or a click opens one.")
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._fit_status_column()
        self._update_progress()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""What the window shows when a contest is open: header, summary line, entry table.

The table lists entries by code (số phách) only: no participant name, no unit, no file's
original name, because whoever sits at the screen may be a judge (GUIDE: identities stay
sealed). Texts are translated when shown, so a language switch only needs a repaint.
"""

from __future__ import annotations

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
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from judge_app.store.overview import ContestOverview, EntryRow

translate = QCoreApplication.translate
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

# Values of store.models.EntryStatus / FileKind (both StrEnums), kept as plain strings so this
# module does not import SQLAlchemy at start-up.
STATUS_NAMES: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("EntryTable", "Received"),
    "ready": QT_TRANSLATE_NOOP("EntryTable", "Anonymised"),
    "assigned": QT_TRANSLATE_NOOP("EntryTable", "Assigned"),
    "graded": QT_TRANSLATE_NOOP("EntryTable", "Graded"),
    "referred": QT_TRANSLATE_NOOP("EntryTable", "Referred to the head judge"),
    "invalid": QT_TRANSLATE_NOOP("EntryTable", "Invalid"),
}
KIND_NAMES: dict[str, str] = {
    "docx": "DOCX",
    "pdf": "PDF",
    "image": QT_TRANSLATE_NOOP("EntryTable", "Image"),
    "other": QT_TRANSLATE_NOOP("EntryTable", "Other"),
}
# The format check's badge (documents.format_check), worst file of the entry.
BADGE_NAMES: dict[str, str] = {
    "ok": QT_TRANSLATE_NOOP("EntryTable", "Meets the rules"),
    "warn": QT_TRANSLATE_NOOP("EntryTable", "Check the format"),
    "scan": QT_TRANSLATE_NOOP("EntryTable", "Handwritten / scan"),
    "error": QT_TRANSLATE_NOOP("EntryTable", "Cannot be read"),
}
NOT_CHECKED = QT_TRANSLATE_NOOP("EntryTable", "Not checked")
BADGE_COLOURS: dict[str, str] = {
    "ok": "#dff0d8",
    "warn": "#fcefc7",
    "scan": "#dbe8f7",
    "error": "#f6d3d3",
}
COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("EntryTable", "Code"),
    QT_TRANSLATE_NOOP("EntryTable", "Category"),
    QT_TRANSLATE_NOOP("EntryTable", "File types"),
    QT_TRANSLATE_NOOP("EntryTable", "Files"),
    QT_TRANSLATE_NOOP("EntryTable", "Format"),
    QT_TRANSLATE_NOOP("EntryTable", "Received at"),
    QT_TRANSLATE_NOOP("EntryTable", "Status"),
)
CODE, CATEGORY, KINDS, FILES, FORMAT, RECEIVED, STATUS = range(len(COLUMNS))
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2


def status_name(status: str) -> str:
    source = STATUS_NAMES.get(str(status))
    return translate("EntryTable", source) if source else str(status)


def badge_name(badge: str | None) -> str:
    return translate("EntryTable", BADGE_NAMES.get(badge or "", NOT_CHECKED))


def kind_name(kind: str) -> str:
    source = KIND_NAMES.get(str(kind), str(kind))
    return translate("EntryTable", source) if source in KIND_NAMES.values() else source


class EntryTableModel(QAbstractTableModel):
    """Entries of the open contest, read once by `store.overview.read_entry_rows`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EntryRow] = []

    def set_rows(self, rows: list[EntryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("EntryTable", COLUMNS[section])
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
        if role == Qt.ItemDataRole.TextAlignmentRole and column == FILES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == BADGE_ROLE:
            return row.format_badge or ""
        if role == Qt.ItemDataRole.BackgroundRole and column == FORMAT and row.format_badge:
            return QColor(BADGE_COLOURS.get(row.format_badge, "#ffffff"))
        return None

    @staticmethod
    def _display(row: EntryRow, column: int) -> str:
        if column == CODE:
            return row.code
        if column == CATEGORY:
            return row.category
        if column == KINDS:
            return ", ".join(kind_name(kind) for kind in row.file_kinds)
        if column == FILES:
            return str(row.file_count)
        if column == FORMAT:
            return badge_name(row.format_badge)
        if column == RECEIVED:
            if row.received_at is None:
                return ""
            return row.received_at.strftime(
                translate("EntryTable", "%Y-%m-%d %H:%M", "strftime format of the received time")
            )
        return status_name(row.status)

    @staticmethod
    def _sort_key(row: EntryRow, column: int) -> object:
        if column == FILES:
            return row.file_count
        if column == RECEIVED:
            return row.received_at.isoformat() if row.received_at else ""
        if column == FORMAT:  # worst first
            order = ("error", "warn", "scan", "ok")
            return order.index(row.format_badge) if row.format_badge in order else len(order)
        return EntryTableModel._display(row, column)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )


class EntryFilter(QSortFilterProxyModel):
    """Sorting plus the board's filter on the format badge ("" shows every entry)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._badge: str | None = None  # None: all; "": not checked; else a badge

    def set_badge(self, badge: str | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+, where invalidateFilter is deprecated
            self.beginFilterChange()
            self._badge = badge
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._badge = badge
            self.invalidateFilter()

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._badge is None:
            return True
        model = self.sourceModel()
        badge = model.index(source_row, FORMAT, source_parent).data(BADGE_ROLE)
        return bool(badge == self._badge)


class ContestView(QWidget):
    """Header (name, organiser), summary line, and the sortable entry table.

    Double-click or Enter on a row emits `entry_activated` with the entry's code.
    """

    entry_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contestView")
        self._overview: ContestOverview | None = None
        self.name_label = QLabel(self)
        self.name_label.setObjectName("contestName")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.organiser_label = QLabel(self)
        self.organiser_label.setObjectName("contestOrganiser")
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("contestSummary")
        self.summary_label.setWordWrap(True)

        self.filter_label = QLabel(self)
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("formatFilter")
        self.filter_label.setBuddy(self.filter_combo)
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)

        self.model = EntryTableModel(self)
        self.proxy = EntryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setObjectName("entryTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CODE, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.activated.connect(self._row_activated)  # double-click, Enter/Return

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(self.name_label)
        layout.addWidget(self.organiser_label)
        layout.addSpacing(4)
        layout.addWidget(self.summary_label)
        layout.addSpacing(4)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_label)
        filters.addWidget(self.filter_combo)
        filters.addStretch(1)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self._fill_filter()

    def show_contest(self, overview: ContestOverview, rows: list[EntryRow]) -> None:
        self._overview = overview
        self.model.set_rows(rows)
        self.retranslate()

    def clear(self) -> None:
        self._overview = None
        self.model.set_rows([])

    def code_at(self, row: int) -> str | None:
        """The code on `row` of the table as sorted on screen."""
        if not 0 <= row < self.proxy.rowCount():
            return None
        return str(self.proxy.index(row, CODE).data(Qt.ItemDataRole.DisplayRole))

    def code_after(self, code: str) -> str | None:
        """The entry below `code` as the table is sorted now (the one a judge opens next)."""
        codes = [self.code_at(row) for row in range(self.proxy.rowCount())]
        if code not in codes:
            return None
        return self.code_at(codes.index(code) + 1)

    # The filter's choices: (badge or None for all, "" for not checked).
    FILTER_CHOICES: tuple[str | None, ...] = (None, "error", "warn", "scan", "ok", "")

    def _fill_filter(self) -> None:
        current = max(self.filter_combo.currentIndex(), 0)
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        for badge in self.FILTER_CHOICES:
            text = translate("ContestView", "All entries") if badge is None else badge_name(badge)
            self.filter_combo.addItem(text)
        self.filter_combo.setCurrentIndex(current)
        self.filter_combo.blockSignals(False)

    def _filter_changed(self, index: int) -> None:
        if 0 <= index < len(self.FILTER_CHOICES):
            self.proxy.set_badge(self.FILTER_CHOICES[index])

    def show_only(self, badge: str | None) -> None:
        """Filter the table on a format badge (None: every entry, "": not checked)."""
        self.filter_combo.setCurrentIndex(self.FILTER_CHOICES.index(badge))

    def _row_activated(self, index: QModelIndex) -> None:
        code = self.code_at(index.row())
        if code is not None:
            self.entry_activated.emit(code)

    def summary_text(self) -> str:
        overview = self._overview
        if overview is None:
            return ""
        parts = [translate("ContestView", "Entries: %1").replace("%1", str(overview.entries))]
        parts += [f"{item.name}: {item.entries}" for item in overview.categories]
        if overview.units_total:
            parts.append(
                translate("ContestView", "Units with entries: %1 of %2")
                .replace("%1", str(overview.units_with_entries))
                .replace("%2", str(overview.units_total))
            )
        return "  ·  ".join(parts)

    def retranslate(self) -> None:
        overview = self._overview
        if overview is not None:
            self.name_label.setText(
                overview.name
                if overview.name is not None
                else translate("ContestView", "(this file holds no contest details yet)")
            )
            self.organiser_label.setText(overview.organiser)
            self.organiser_label.setVisible(bool(overview.organiser))
            self.summary_label.setText(self.summary_text())
        self.filter_label.setText(translate("ContestView", "&Format check:"))
        self._fill_filter()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

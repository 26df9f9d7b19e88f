"""Editable tables of the set-up wizard: rows in, rows out, keyboard first.

Every list the head judge types (unit groups, categories, units, questions, criteria, levels,
judges, prize counts) is one `EditTable`: a QTableWidget whose columns are declared once
(`Column`: key, English header, kind, width), with Add / Remove buttons, Insert and Delete keys,
and `rows()` / `set_rows()` speaking the config dict's own keys. Dates show as Vietnamese
dd/MM/yyyy and scores accept the comma, so the table looks like what the board writes on paper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

CONTEXT = "SetupWizard"
translate = QCoreApplication.translate
DATETIME_FORMAT = "dd/MM/yyyy HH:mm"
DATE_FORMAT = "dd/MM/yyyy"
ValueRole = Qt.ItemDataRole.UserRole + 1  # the cell's value as the config dict holds it
# A row's values that have no column (a criterion's guide and levels, a judge's conflicts),
# kept on the row's first cell so they move and vanish with the row.
ExtraRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class Column:
    """One column. `kind`: text | int | points | bool | choice | datetime.

    `choices` gives (value, English label) pairs for a choice column; a callable is asked each
    time an editor opens (the units' groups come from another page). `translated` says
    whether the labels are English sources to translate or data (unit codes).
    """

    key: str
    header: str
    kind: str = "text"
    width: int = 120
    choices: Callable[[], list[tuple[str, str]]] | None = None
    stretch: bool = False
    translated: bool = True
    readonly: bool = False  # shown, edited elsewhere (a judge's conflicts)


def format_datetime(value: str) -> str:
    """`2019-08-20T17:00:00` → `20/08/2019 17:00`; text that is no date stays as typed."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    return moment.strftime("%d/%m/%Y %H:%M")


def _choice_label(column: Column, value: str) -> str:
    for choice, label in column.choices() if column.choices else []:
        if choice == value:
            return tr(label) if column.translated else label
    return value


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box whose entries are the column's choices (unit groups, kinds, units)."""

    def __init__(self, column: Column, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.column = column

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self.column.choices() if self.column.choices else []:
            combo.addItem(tr(label) if self.column.translated else label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(ValueRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        model.setData(index, value, ValueRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class DateTimeDelegate(QStyledItemDelegate):
    """A date-and-time editor in the Vietnamese order (20/08/2019 17:00)."""

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        editor = QDateTimeEdit(parent)
        editor.setDisplayFormat(DATETIME_FORMAT)
        editor.setCalendarPopup(True)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QDateTimeEdit)
        value = str(index.data(ValueRole) or "")
        moment = QDateTime.fromString(value, Qt.DateFormat.ISODate)
        if not moment.isValid():
            moment = QDateTime.currentDateTime()
            moment.setTime(moment.time().fromString("17:00", "HH:mm"))
        editor.setDateTime(moment)

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QDateTimeEdit)
        value = editor.dateTime().toString("yyyy-MM-ddTHH:mm:ss")
        model.setData(index, value, ValueRole)
        model.setData(index, format_datetime(value), Qt.ItemDataRole.DisplayRole)


class EditTable(QWidget):
    """A table of rows with Add and Remove; `changed` fires on any edit."""

    changed = Signal()

    def __init__(
        self, columns: Iterable[Column], parent: QWidget | None = None, *, name: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.columns = list(columns)
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setObjectName(f"{name}Table" if name else "")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.installEventFilter(self)
        self._delegates: list[QStyledItemDelegate] = []
        self.add_button = QPushButton(self)
        self.add_button.setObjectName(f"{name}Add" if name else "")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName(f"{name}Remove" if name else "")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current_row)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.table.model().rowsRemoved.connect(lambda *_args: self.changed.emit())
        self.set_columns(self.columns)

    # ------------------------------------------------------------------ columns and texts

    def set_columns(self, columns: Iterable[Column]) -> None:
        """Replace the columns, keeping every row's values under the same keys."""
        rows = self.rows() if self.table.rowCount() else []
        self.columns = list(columns)
        self.table.setRowCount(0)
        self.table.setColumnCount(len(self.columns))
        self._delegates.clear()
        header = self.table.horizontalHeader()
        for number, column in enumerate(self.columns):
            delegate: QStyledItemDelegate | None = None
            if column.kind == "choice":
                delegate = ChoiceDelegate(column, self.table)
            elif column.kind == "datetime":
                delegate = DateTimeDelegate(self.table)
            if delegate is not None:
                self._delegates.append(delegate)
                self.table.setItemDelegateForColumn(number, delegate)
            else:
                self.table.setItemDelegateForColumn(number, None)  # type: ignore[arg-type]
            if column.stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(number, column.width)
        # One column takes the spare width: the declared one, else the last.
        header.setStretchLastSection(not any(c.stretch for c in self.columns))
        self.retranslate()
        self.set_rows(rows)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([tr(c.header) for c in self.columns])
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for number, column in enumerate(self.columns):
            if not column.stretch:  # a Vietnamese header is often longer than the English
                needed = metrics.horizontalAdvance(tr(column.header)) + 28
                self.table.setColumnWidth(number, max(column.width, needed))
        self.add_button.setText(translate("SetupWizard", "Add a row"))
        self.remove_button.setText(translate("SetupWizard", "Remove the row"))
        self.add_button.setToolTip(translate("SetupWizard", "Insert key"))
        self.remove_button.setToolTip(translate("SetupWizard", "Ctrl+Delete"))
        for row in range(self.table.rowCount()):  # choice labels are translated texts
            for number, column in enumerate(self.columns):
                item = self.table.item(row, number)
                if column.kind == "choice" and item is not None:
                    value = str(item.data(ValueRole) or "")
                    item.setText(_choice_label(column, value))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ rows

    def _item(self, column: Column, value: Any) -> QTableWidgetItem:
        item = QTableWidgetItem()
        if column.kind == "bool":
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            return item
        text = "" if value is None else str(value)
        if column.kind == "points" and text:
            text = text.replace(".", QLocale().decimalPoint())
        if column.kind == "choice":
            item.setData(ValueRole, text)
            item.setText(_choice_label(column, text))
        elif column.kind == "datetime":
            item.setData(ValueRole, text)
            item.setText(format_datetime(text))
        else:
            item.setText(text)
        if column.readonly:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if column.kind in ("int", "points"):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _value(self, column: Column, item: QTableWidgetItem | None) -> Any:
        if item is None:
            return False if column.kind == "bool" else ""
        if column.kind == "bool":
            return item.checkState() == Qt.CheckState.Checked
        if column.kind in ("choice", "datetime"):
            return str(item.data(ValueRole) or "")
        text = item.text().strip()
        if column.kind == "points":
            return text.replace(",", ".")  # the config holds "0.25"; Vietnamese types 0,25
        if column.kind == "int":
            if not text:
                return None
            return int(text) if text.isdigit() else text  # the parser names a bad number
        return text

    def set_rows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        blocked = self.table.blockSignals(True)
        try:
            rows = list(rows)
            self.table.setRowCount(len(rows))
            for row, values in enumerate(rows):
                self._fill_row(row, values)
        finally:
            self.table.blockSignals(blocked)
        self.changed.emit()

    def _fill_row(self, row: int, values: Mapping[str, Any]) -> None:
        for number, column in enumerate(self.columns):
            self.table.setItem(row, number, self._item(column, values.get(column.key)))
        keys = {column.key for column in self.columns}
        extra = {key: value for key, value in values.items() if key not in keys}
        first = self.table.item(row, 0)
        if first is not None:
            first.setData(ExtraRole, extra)

    def rows(self) -> list[dict[str, Any]]:
        """Every row as {key: value}; empty cells are "" (the config parser names them)."""
        return [self.row_values(row) for row in range(self.table.rowCount())]

    def row_values(self, row: int) -> dict[str, Any]:
        values = dict(self.extra(row))
        values.update(
            (column.key, self._value(column, self.table.item(row, number)))
            for number, column in enumerate(self.columns)
        )
        return values

    def extra(self, row: int) -> dict[str, Any]:
        first = self.table.item(row, 0)
        extra = first.data(ExtraRole) if first is not None else None
        return dict(extra) if isinstance(extra, dict) else {}

    def set_extra(self, row: int, key: str, value: Any) -> None:
        first = self.table.item(row, 0)
        if first is not None:
            blocked = self.table.blockSignals(True)
            first.setData(ExtraRole, {**self.extra(row), key: value})
            self.table.blockSignals(blocked)

    def add_row(self, values: Mapping[str, Any] | None = None) -> int:
        row = self.table.rowCount()
        blocked = self.table.blockSignals(True)
        self.table.insertRow(row)
        self._fill_row(row, values or {})
        self.table.blockSignals(blocked)
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.changed.emit()
        return row

    def remove_current_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            if self.table.rowCount():
                self.table.setCurrentCell(min(row, self.table.rowCount() - 1), 0)

    def select_row(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, 0)
            item = self.table.item(row, 0)
            if item is not None:
                self.table.scrollToItem(item)

    def column_of(self, key: str) -> int:
        return next(n for n, c in enumerate(self.columns) if c.key == key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Insert adds a row; Ctrl+Delete removes the current one (Delete alone edits)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Insert:
                self.add_row()
                return True
            if (
                event.key() == Qt.Key.Key_Delete
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.remove_current_row()
                return True
        return super().eventFilter(watched, event)

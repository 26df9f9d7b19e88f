"""The table model behind "Scores and discrepancies": one row per entry's settlement.

A plain list of `store.settlement.EntrySettlement` rows with the queue filter and the code
search applied as a list of row numbers, so a 20,000-entry contest filters, sorts and scrolls
without a proxy model and `data()` does no more than format the cell asked for. Only codes,
categories, judges' codes and scores are shown: never who wrote an entry.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from judge_app.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from judge_app.store.settlement import EntrySettlement

translate = QCoreApplication.translate
CONTEXT = "MergeView"

# Values of store.settlement.Queue (a StrEnum), as plain strings: this module is imported
# when the window opens and must not pull SQLAlchemy in just for names.
QUEUE_NAMES: dict[str, str] = {
    "waiting": QT_TRANSLATE_NOOP("MergeView", "Waiting for gradings"),
    "agreed": QT_TRANSLATE_NOOP("MergeView", "Agreed"),
    "discuss": QT_TRANSLATE_NOOP("MergeView", "To discuss"),
    "third": QT_TRANSLATE_NOOP("MergeView", "Third grading"),
    "third_assigned": QT_TRANSLATE_NOOP("MergeView", "Third judge assigned"),
    "head": QT_TRANSLATE_NOOP("MergeView", "Head judge decides"),
    "decided": QT_TRANSLATE_NOOP("MergeView", "Decided"),
    "invalid": QT_TRANSLATE_NOOP("MergeView", "Invalid"),
}
# The order of the filter tabs: the head judge's work first.
QUEUE_ORDER: tuple[str, ...] = (
    "discuss",
    "third",
    "head",
    "third_assigned",
    "decided",
    "agreed",
    "waiting",
    "invalid",
)
QUEUE_COLOURS: dict[str, str] = {
    "waiting": "#eeeeee",
    "agreed": "#dff0d8",
    "discuss": "#fcefc7",
    "third": "#f9d9b8",
    "third_assigned": "#dbe8f7",
    "head": "#f6d3d3",
    "decided": "#cfe8d6",
    "invalid": "#d9d9d9",
}
RULE_NAMES: dict[str, str] = {
    "mean_of_two": QT_TRANSLATE_NOOP("MergeView", "Mean of the two judges"),
    "two_equal_of_three": QT_TRANSLATE_NOOP("MergeView", "Two equal of three"),
    "mean_of_three": QT_TRANSLATE_NOOP("MergeView", "Mean of the three judges"),
    "decision_discussed": QT_TRANSLATE_NOOP("MergeView", "Agreed after discussion"),
    "decision_head": QT_TRANSLATE_NOOP("MergeView", "Head judge's decision"),
    "decision": QT_TRANSLATE_NOOP("MergeView", "Board's decision"),
    "status": QT_TRANSLATE_NOOP("MergeView", "Entry marked invalid"),
}
COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("MergeView", "Code"),
    QT_TRANSLATE_NOOP("MergeView", "Category"),
    QT_TRANSLATE_NOOP("MergeView", "Judge 1"),
    QT_TRANSLATE_NOOP("MergeView", "Judge 2"),
    QT_TRANSLATE_NOOP("MergeView", "Judge 3"),
    QT_TRANSLATE_NOOP("MergeView", "Gap"),
    QT_TRANSLATE_NOOP("MergeView", "Status"),
    QT_TRANSLATE_NOOP("MergeView", "Final score"),
    QT_TRANSLATE_NOOP("MergeView", "Rule"),
)
CODE, CATEGORY, JUDGE1, JUDGE2, JUDGE3, GAP, QUEUE, FINAL, RULE = range(len(COLUMNS))
JUDGE_COLUMNS = (JUDGE1, JUDGE2, JUDGE3)
NUMBER_COLUMNS = {JUDGE1, JUDGE2, JUDGE3, GAP, FINAL}
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the EntrySettlement of the row


def queue_name(queue: str) -> str:
    source = QUEUE_NAMES.get(str(queue))
    return translate("MergeView", source) if source else str(queue)


def rule_name(rule: str) -> str:
    source = RULE_NAMES.get(rule)
    return translate("MergeView", source) if source else rule


def queue_tab_text(queue: str | None, count: int) -> str:
    """'Cần trao đổi (12)'; None is every entry."""
    name = translate("MergeView", "All") if queue is None else queue_name(queue)
    return f"{name} ({count})"


def _sort_key(column: int) -> Callable[[EntrySettlement], Any]:
    def judge(number: int) -> Callable[[EntrySettlement], Any]:
        return lambda row: row.gradings[number].total.centi if len(row.gradings) > number else -1

    keys: dict[int, Callable[[EntrySettlement], Any]] = {
        CODE: lambda row: row.code,
        CATEGORY: lambda row: row.category,
        JUDGE1: judge(0),
        JUDGE2: judge(1),
        JUDGE3: judge(2),
        GAP: lambda row: -1 if row.gap is None else row.gap.centi,
        QUEUE: lambda row: (
            QUEUE_ORDER.index(row.queue.value)
            if row.queue.value in QUEUE_ORDER
            else len(QUEUE_ORDER)
        ),
        FINAL: lambda row: -1 if row.final is None else row.final.centi,
        RULE: lambda row: row.rule,
    }
    return keys[column]


class SettlementModel(QAbstractTableModel):
    """Every entry's settlement; `set_queue` / `set_search` choose which rows are shown."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EntrySettlement] = []
        self._index: dict[str, int] = {}  # code → position in _rows
        self._shown: list[int] = []
        self._categories: dict[str, str] = {}
        self._queue: str | None = None
        self._search = ""
        self._sort: tuple[int, Qt.SortOrder] = (CODE, Qt.SortOrder.AscendingOrder)
        self._counts: Counter[str] = Counter()
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {queue: QBrush(QColor(colour)) for queue, colour in QUEUE_COLOURS.items()}

    # ------------------------------------------------------------------------ content

    def set_rows(
        self, rows: Sequence[EntrySettlement], categories: dict[str, str] | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._index = {row.code: number for number, row in enumerate(self._rows)}
        if categories is not None:
            self._categories = dict(categories)
        self._counts = Counter(row.queue.value for row in self._rows)
        self._shown = self._filtered()
        self.endResetModel()

    def replace(self, settled: EntrySettlement) -> int | None:
        """Put an entry's new settlement in place; returns its shown row, if still shown."""
        number = self._index.get(settled.code)
        if number is None:
            return None
        old = self._rows[number]
        self._rows[number] = settled
        self._counts[old.queue.value] -= 1
        self._counts[settled.queue.value] += 1
        if self._matches(settled) and number in self._shown:
            row = self._shown.index(number)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return row
        self._refilter()
        return self.shown_row(settled.code)

    def set_queue(self, queue: str | None) -> None:
        if queue != self._queue:
            self._queue = queue
            self._refilter()

    def set_search(self, text: str) -> None:
        text = text.strip().upper()
        if text != self._search:
            self._search = text
            self._refilter()

    @property
    def queue(self) -> str | None:
        return self._queue

    def counts(self) -> Counter[str]:
        """Entries per queue, over all rows (not only those shown)."""
        return Counter({queue: count for queue, count in self._counts.items() if count})

    def total(self) -> int:
        return len(self._rows)

    def _matches(self, row: EntrySettlement) -> bool:
        if self._queue is not None and row.queue.value != self._queue:
            return False
        return not self._search or self._search in row.code.upper()

    def _filtered(self) -> list[int]:
        shown = [number for number, row in enumerate(self._rows) if self._matches(row)]
        column, order = self._sort
        key = _sort_key(column)
        rows = self._rows
        shown.sort(key=lambda n: key(rows[n]), reverse=order == Qt.SortOrder.DescendingOrder)
        return shown

    def _refilter(self) -> None:
        self.beginResetModel()
        self._shown = self._filtered()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self._sort = (column, order)
            self.layoutAboutToBeChanged.emit()
            self._shown = self._filtered()
            self.layoutChanged.emit()

    def settlement(self, row: int) -> EntrySettlement | None:
        if 0 <= row < len(self._shown):
            return self._rows[self._shown[row]]
        return None

    def shown_row(self, code: str) -> int | None:
        number = self._index.get(code)
        if number is None:
            return None
        try:
            return self._shown.index(number)
        except ValueError:
            return None

    # ------------------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("MergeView", COLUMNS[section])
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        row = self._rows[self._shown[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == QUEUE:
            return self._brushes.get(row.queue.value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == FINAL and row.final is not None:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ROW_ROLE:
            return row
        return None

    def _display(self, row: EntrySettlement, column: int) -> str:
        if column == CODE:
            return row.code
        if column == CATEGORY:
            return self._categories.get(row.category, row.category)
        if column in JUDGE_COLUMNS:
            number = JUDGE_COLUMNS.index(column)
            if number >= len(row.gradings):
                return ""
            grading = row.gradings[number]
            return f"{grading.total.format()} · {grading.judge}"
        if column == GAP:
            return "" if row.gap is None else row.gap.format()
        if column == QUEUE:
            return queue_name(row.queue.value)
        if column == FINAL:
            return "" if row.final is None else row.final.format()
        if column == RULE:
            return rule_name(row.rule)
        return ""

    def _tooltip(self, row: EntrySettlement, column: int) -> str | None:
        if column == GAP and row.gaps:
            return "\n".join(f"{part}: {gap.format()}" for part, gap in row.gaps)
        if column == CATEGORY:
            return self._categories.get(row.category, row.category)
        if column in (QUEUE, RULE, FINAL) and row.decision:
            return row.decision
        if column == FINAL and row.exact is not None and row.final is not None:
            exact = str(row.exact).replace(".", ",")
            return translate("MergeView", "Unrounded: %1").replace("%1", exact)
        return None

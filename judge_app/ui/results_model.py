"""Table models of the results view: the ranking with its prize lines, and plain tables.

`RankingModel` holds one ranking list (`store.results.RankedEntry`) with the view's filters
applied as a list of row numbers, so a 20,000-entry pooled list filters and scrolls without a
proxy model. Prize lines: `PRIZE_BREAK_ROLE` says a row starts a new prize level, and
`PrizeLineDelegate` draws a line above it; rows in a tie at a boundary are tinted (red while the
board must still order them, yellow when a rule settled them) and carry the tie's sentence as
their tooltip. `RowsModel` shows any header + rows (ties, units, invalid entries, statistics).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from judge_app.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from judge_app.reports.results_data import ResultsBook
    from judge_app.store.results import RankedEntry, TieGroup

translate = QCoreApplication.translate
CONTEXT = "ResultsView"
Index = QModelIndex | QPersistentModelIndex

PRIZE_BREAK_ROLE = Qt.ItemDataRole.UserRole + 1  # True: a new prize level starts at this row
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the RankedEntry
PRIZE_COLOURS = {
    "first": "#fce4b0",
    "second": "#e3ebf6",
    "third": "#f3e0cf",
    "consolation": "#e6f2df",
    "excellence_u18": "#f2ddeb",
}
PENDING_COLOUR = "#f8c9c9"
TIE_COLOUR = "#fff3b0"
LINE_COLOUR = "#a00000"

PRIZE_LABELS: dict[str, str] = {
    "first": QT_TRANSLATE_NOOP("ResultsView", "First prize"),
    "second": QT_TRANSLATE_NOOP("ResultsView", "Second prize"),
    "third": QT_TRANSLATE_NOOP("ResultsView", "Third prize"),
    "consolation": QT_TRANSLATE_NOOP("ResultsView", "Consolation prize"),
    "excellence_u18": QT_TRANSLATE_NOOP("ResultsView", "Excellence (under 18)"),
    "none": QT_TRANSLATE_NOOP("ResultsView", "No prize"),
}
RANKING_COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ResultsView", "Rank"),
    QT_TRANSLATE_NOOP("ResultsView", "Code"),
    QT_TRANSLATE_NOOP("ResultsView", "Name"),
    QT_TRANSLATE_NOOP("ResultsView", "Unit"),
    QT_TRANSLATE_NOOP("ResultsView", "Category"),
    QT_TRANSLATE_NOOP("ResultsView", "Score"),
    QT_TRANSLATE_NOOP("ResultsView", "Quality"),
    QT_TRANSLATE_NOOP("ResultsView", "Prize"),
    QT_TRANSLATE_NOOP("ResultsView", "Tie at a prize boundary"),
)
RANK, CODE, NAME, UNIT, CATEGORY, SCORE, QUALITY, PRIZE, TIE = range(len(RANKING_COLUMNS))


def prize_label(level: str | None) -> str:
    return translate(CONTEXT, PRIZE_LABELS.get(level or "none", PRIZE_LABELS["none"]))


def tie_sentence(tie: TieGroup) -> str:
    from judge_app.reports.results_data import TIE_RULE_NAMES

    if not tie.settled:
        return translate("ResultsView", "Tie {key}: the board must order it").format(key=tie.key)
    if tie.rule_used == "board":
        return translate("ResultsView", "Tie {key}: ordered by the board ({reason})").format(
            key=tie.key, reason=tie.reason
        )
    rules = ", ".join(TIE_RULE_NAMES.get(r.strip(), r.strip()) for r in tie.rule_used.split(","))
    return translate("ResultsView", "Tie {key}: settled by {rules}").format(
        key=tie.key, rules=rules
    )


class RankingModel(QAbstractTableModel):
    """One ranking list; `set_filter` narrows it without copying the rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RankedEntry] = []
        self.visible: list[int] = []
        self.book: ResultsBook | None = None
        self.ties: dict[str, TieGroup] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, book: ResultsBook, key: str) -> None:
        self.beginResetModel()
        self.book = book
        self.rows = list(book.results.rankings.get(key, []))
        self.ties = book.ties_by_code()
        self.visible = list(range(len(self.rows)))
        self.endResetModel()

    def set_filter(self, text: str, prizes_only: bool) -> None:
        needle = text.strip().casefold()
        self.beginResetModel()
        self.visible = [
            n
            for n, row in enumerate(self.rows)
            if (not prizes_only or row.prizes or row.pending)
            and (
                not needle
                or needle in row.code.casefold()
                or needle in (row.participant or "").casefold()
                or needle in (row.unit_name or "").casefold()
            )
        ]
        self.endResetModel()

    def row_at(self, row: int) -> RankedEntry | None:
        if 0 <= row < len(self.visible):
            return self.rows[self.visible[row]]
        return None

    def find(self, code: str) -> int:
        for position, number in enumerate(self.visible):
            if self.rows[number].code == code:
                return position
        return -1

    # ------------------------------------------------------------------ Qt

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(RANKING_COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate(CONTEXT, RANKING_COLUMNS[section])
        return None

    @staticmethod
    def level_of(row: RankedEntry) -> str:
        if row.pending:
            return "pending"
        return row.prizes[0] if row.prizes else "none"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None or self.book is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == ROW_ROLE:
            return row
        if role == PRIZE_BREAK_ROLE:
            previous = self.row_at(index.row() - 1)
            return previous is not None and self.level_of(previous) != self.level_of(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.pending:
                return QBrush(QColor(PENDING_COLOUR))
            if row.code in self.ties and column in (RANK, CODE, TIE):
                return QBrush(QColor(TIE_COLOUR))
            colour = PRIZE_COLOURS.get(row.prizes[0]) if row.prizes else None
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and row.code in self.ties:
            return tie_sentence(self.ties[row.code])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (RANK, SCORE, QUALITY):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and column == PRIZE and row.prizes:
            return self._bold
        return None

    def _text(self, row: RankedEntry, column: int) -> str:
        assert self.book is not None
        if column == RANK:
            return str(row.rank)
        if column == CODE:
            return row.code
        if column == NAME:
            return row.participant or translate("ResultsView", "(sealed)")
        if column == UNIT:
            return row.unit_name or ""
        if column == CATEGORY:
            return self.book.category_name(row.category)
        if column == SCORE:
            return f"{row.final.to_decimal():.2f}".replace(".", ",")
        if column == QUALITY:
            return "✓" if row.quality else ""
        if column == PRIZE:
            held = [prize_label(p) for p in row.prizes]
            if row.pending:
                held.insert(0, translate("ResultsView", "Tie: waiting for the board"))
            return " + ".join(held)
        if column == TIE:
            tie = self.ties.get(row.code)
            return tie_sentence(tie) if tie else ""
        return ""


class PrizeLineDelegate(QStyledItemDelegate):
    """The cell as usual, then a line over the first row of each prize level."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if index.data(PRIZE_BREAK_ROLE):
            painter.save()
            painter.setPen(QPen(QColor(LINE_COLOUR), 2))
            rect = option.rect
            painter.drawLine(rect.left(), rect.top() + 1, rect.right(), rect.top() + 1)
            painter.restore()


class RowsModel(QAbstractTableModel):
    """A read-only table of texts with translated headers and an optional row colour."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)  # English sources, translated in headerData
        self.rows: list[list[str]] = []
        self.colours: list[str | None] = []
        self.tooltips: list[str] = []
        self.header_translate: Callable[[str], str] = lambda text: translate(CONTEXT, text)

    def set_rows(
        self,
        rows: Sequence[Sequence[object]],
        colours: Sequence[str | None] = (),
        tooltips: Sequence[str] = (),
    ) -> None:
        self.beginResetModel()
        self.rows = [["" if v is None else str(v) for v in row] for row in rows]
        self.colours = list(colours) or [None] * len(self.rows)
        self.tooltips = list(tooltips) or [""] * len(self.rows)
        self.endResetModel()

    def set_headers(self, headers: Sequence[str], translated: bool = False) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        if translated:
            self.header_translate = lambda text: text
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header_translate(self.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.BackgroundRole and self.colours[index.row()]:
            return QBrush(QColor(self.colours[index.row()]))
        if role == Qt.ItemDataRole.ToolTipRole and self.tooltips[index.row()]:
            return self.tooltips[index.row()]
        return None

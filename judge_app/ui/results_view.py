"""Board → Results…: rankings with prize lines and ties, schools, quality, statistics, export.

The window reads the locked results once (`reports.results_data.load_book`, off the GUI thread)
and shows them in tabs: the ranking of the whole contest or of one category (filter, search,
"prizes and ties only"), a line drawn where each prize level starts, ties at a boundary
highlighted with how they were settled; the board orders a tie the rule could not settle
(`store.results.settle_tie`, with its reason) from here. Other tabs: ties, the school ranking
with its formula, quality against the target, invalid entries, judge statistics when present.
"Export results…" writes the workbook, the PDFs and the certificates into a folder with a
progress bar (cancellable between files); "Preview result list…" shows the PDF as printed.
Before the lock the window says why there is nothing to show.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.messages import describe
from judge_app.ui.i18n import QT_TRANSLATE_NOOP, current_language
from judge_app.ui.operation import Cancelled, Operation, Progress
from judge_app.ui.results_model import (
    CODE,
    NAME,
    PRIZE,
    RANK,
    SCORE,
    TIE,
    UNIT,
    PrizeLineDelegate,
    RankingModel,
    RowsModel,
    prize_label,
    tie_sentence,
)

if TYPE_CHECKING:
    from judge_app.reports.results_data import ResultsBook
    from judge_app.reports.results_export import ExportReport
    from judge_app.store.database import ContestDatabase
    from judge_app.store.results import TieGroup

translate = QCoreApplication.translate
CONTEXT = "ResultsView"

TIE_HEADERS = (
    QT_TRANSLATE_NOOP("ResultsView", "Group"),
    QT_TRANSLATE_NOOP("ResultsView", "Score"),
    QT_TRANSLATE_NOOP("ResultsView", "Prize levels"),
    QT_TRANSLATE_NOOP("ResultsView", "Entries (order)"),
    QT_TRANSLATE_NOOP("ResultsView", "How it was settled"),
)
UNIT_HEADERS = (
    QT_TRANSLATE_NOOP("ResultsView", "Rank"),
    QT_TRANSLATE_NOOP("ResultsView", "Unit"),
    QT_TRANSLATE_NOOP("ResultsView", "Entries"),
    QT_TRANSLATE_NOOP("ResultsView", "Headcount"),
    QT_TRANSLATE_NOOP("ResultsView", "Participation"),
    QT_TRANSLATE_NOOP("ResultsView", "Of quality"),
    QT_TRANSLATE_NOOP("ResultsView", "Quality rate"),
    QT_TRANSLATE_NOOP("ResultsView", "Score"),
    QT_TRANSLATE_NOOP("ResultsView", "Prize"),
)
INVALID_HEADERS = (
    QT_TRANSLATE_NOOP("ResultsView", "Code"),
    QT_TRANSLATE_NOOP("ResultsView", "Category"),
    QT_TRANSLATE_NOOP("ResultsView", "Reason"),
)
QUALITY_HEADERS = (
    QT_TRANSLATE_NOOP("ResultsView", "Category"),
    QT_TRANSLATE_NOOP("ResultsView", "Ranked entries"),
    QT_TRANSLATE_NOOP("ResultsView", "Of quality"),
    QT_TRANSLATE_NOOP("ResultsView", "Share"),
)
STEP_NAMES = {
    "reading": QT_TRANSLATE_NOOP("ResultsView", "Reading the results…"),
    "workbook": QT_TRANSLATE_NOOP("ResultsView", "Writing the workbook…"),
    "result_list": QT_TRANSLATE_NOOP("ResultsView", "Writing the result list…"),
    "annex": QT_TRANSLATE_NOOP("ResultsView", "Writing the prize list annex…"),
    "certificates": QT_TRANSLATE_NOOP("ResultsView", "Writing the certificates…"),
    "done": QT_TRANSLATE_NOOP("ResultsView", "Done"),
}


def _percent(value: Any) -> str:
    from judge_app.reports.results_data import percent_text

    return percent_text(value)


def _table(parent: QWidget, model: Any, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


class SettleTieDialog(QDialog):
    """The board orders a tie the rule could not settle: codes best first, and why."""

    settled = Signal(object)  # the TieGroup as now settled

    def __init__(
        self, db: ContestDatabase, tie: TieGroup, parent: QWidget | None, actor: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settleTieDialog")
        self.db, self.tie, self.actor = db, tie, actor
        self.operation: Operation[TieGroup] | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.order = QListWidget(self)
        self.order.setObjectName("tieOrder")
        self.order.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.order.addItems(list(tie.order or tie.codes))
        self.order.setCurrentRow(0)
        self.up = QPushButton(self)
        self.up.setObjectName("tieUp")
        self.up.clicked.connect(lambda: self.move_entry(-1))
        self.down = QPushButton(self)
        self.down.setObjectName("tieDown")
        self.down.clicked.connect(lambda: self.move_entry(1))
        self.reason_label = QLabel(self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("tieReason")
        self.reason.textChanged.connect(self._update)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        moves = QVBoxLayout()
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        moves.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.order, 1)
        middle.addLayout(moves)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(middle)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(
            translate("ResultsView", "Settle a tie – {key}").format(key=self.tie.key)
        )
        levels = " / ".join(prize_label(level) for level in self.tie.level.split("/"))
        self.intro.setText(
            translate(
                "ResultsView",
                "These entries have the same score ({score}) across the prize levels {levels} "
                "and the contest's tie rule cannot tell them apart. Put them in the order the "
                "board decided, best first, and give the reason (it is recorded).",
            ).format(score=f"{self.tie.exact}".replace(".", ","), levels=levels)
        )
        self.up.setText(translate("ResultsView", "Move up"))
        self.down.setText(translate("ResultsView", "Move down"))
        self.reason_label.setText(translate("ResultsView", "Reason (recorded in the audit log):"))

    def move_entry(self, step: int) -> None:
        row = self.order.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.order.count():
            return
        item = self.order.takeItem(row)
        self.order.insertItem(target, item)
        self.order.setCurrentRow(target)

    def codes(self) -> list[str]:
        return [self.order.item(n).text() for n in range(self.order.count())]

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason.text().strip()) and self.operation is None)

    def run(self) -> Operation[TieGroup] | None:
        if not self.reason.text().strip() or self.operation is not None:
            return None
        from judge_app.store.results import settle_tie

        db, key, order, reason, actor = (
            self.db,
            self.tie.key,
            self.codes(),
            self.reason.text().strip(),
            self.actor,
        )

        def work(_progress: Progress) -> TieGroup:
            return settle_tie(db, key, order, reason=reason, actor=actor)

        def done(tie: TieGroup) -> None:
            self.operation = None
            self.settled.emit(tie)
            self.accept()

        def failed(error: BaseException) -> None:
            from judge_app.ui.errors import show_error

            self.operation = None
            self._update()
            show_error(self, error)

        self.operation = Operation(work, parent=self, on_success=done, on_failure=failed)
        self._update()
        return self.operation.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ResultsWindow(QWidget):
    """Its own window over the main one; `loaded`, `exported` and `failed` let tests wait."""

    loaded = Signal()
    failed = Signal(object)
    exported = Signal(object)
    export_failed = Signal(object)

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("resultsWindow")
        self.db, self.actor = db, actor
        self.book: ResultsBook | None = None
        self.error: BaseException | None = None
        self.export_report: ExportReport | None = None
        self.export_operation: Operation[ExportReport] | None = None
        self.settle_dialog: SettleTieDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self._running: set[Operation[Any]] = set()
        self._keys: list[str] = []

        self.summary = QLabel(self)
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("resultsTabs")

        # Ranking tab
        ranking = QWidget(self)
        self.category = QComboBox(ranking)
        self.category.setObjectName("rankingList")
        self.category.currentIndexChanged.connect(self._list_changed)
        self.prizes_only = QCheckBox(ranking)
        self.prizes_only.setObjectName("prizesOnly")
        self.prizes_only.toggled.connect(self._filter_changed)
        self.search = QLineEdit(ranking)
        self.search.setObjectName("rankingSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.textChanged.connect(self._filter_changed)
        self.settle_button = QPushButton(ranking)
        self.settle_button.setObjectName("settleTie")
        self.settle_button.clicked.connect(lambda: self.open_settle_dialog())
        self.model = RankingModel(self)
        self.table = _table(ranking, self.model, "rankingTable")
        self.table.setItemDelegate(PrizeLineDelegate(self.table))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.legend = QLabel(ranking)
        self.legend.setObjectName("rankingLegend")
        self.legend.setWordWrap(True)
        tools = QHBoxLayout()
        self.list_label = QLabel(ranking)
        tools.addWidget(self.list_label)
        tools.addWidget(self.category)
        tools.addWidget(self.prizes_only)
        tools.addStretch(1)
        tools.addWidget(self.search)
        tools.addWidget(self.settle_button)
        box = QVBoxLayout(ranking)
        box.addLayout(tools)
        box.addWidget(self.table, 1)
        box.addWidget(self.legend)
        self.tabs.addTab(ranking, "")

        # Ties, schools, quality, invalid, statistics
        self.ties_model = RowsModel(TIE_HEADERS, self)
        self.ties_table = _table(self, self.ties_model, "tiesTable")
        self.tabs.addTab(self.ties_table, "")
        schools = QWidget(self)
        self.formula = QLabel(schools)
        self.formula.setObjectName("schoolFormula")
        self.formula.setWordWrap(True)
        self.units_model = RowsModel(UNIT_HEADERS, self)
        self.units_table = _table(schools, self.units_model, "unitsTable")
        box = QVBoxLayout(schools)
        box.addWidget(self.formula)
        box.addWidget(self.units_table, 1)
        self.tabs.addTab(schools, "")
        quality = QWidget(self)
        self.quality_text = QLabel(quality)
        self.quality_text.setObjectName("qualityFigures")
        self.quality_text.setWordWrap(True)
        self.quality_model = RowsModel(QUALITY_HEADERS, self)
        self.quality_table = _table(quality, self.quality_model, "qualityTable")
        box = QVBoxLayout(quality)
        box.addWidget(self.quality_text)
        box.addWidget(self.quality_table, 1)
        self.tabs.addTab(quality, "")
        self.invalid_model = RowsModel(INVALID_HEADERS, self)
        self.invalid_table = _table(self, self.invalid_model, "invalidTable")
        self.tabs.addTab(self.invalid_table, "")
        self.stats_area = QScrollArea(self)
        self.stats_area.setObjectName("judgeStatistics")
        self.stats_area.setWidgetResizable(True)
        self.stats_note = QLabel(self)
        self.stats_note.setWordWrap(True)
        self.stats_models: list[RowsModel] = []
        self.tabs.addTab(self.stats_area, "")

        # Export row
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelExport")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshResults")
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("previewResults")
        self.preview_button.clicked.connect(lambda: self.preview_result_list())
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportResults")
        self.export_button.clicked.connect(lambda: self.ask_export_folder())
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.status, 2)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.preview_button)
        bottom.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.resize(1280, 700)
        self.retranslate()
        self._update_buttons()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ResultsView", "Results"))
        names = (
            translate("ResultsView", "Rankings"),
            translate("ResultsView", "Ties"),
            translate("ResultsView", "School ranking"),
            translate("ResultsView", "Quality"),
            translate("ResultsView", "Invalid entries"),
            translate("ResultsView", "Judge statistics"),
        )
        for number, name in enumerate(names):
            self.tabs.setTabText(number, name)
        self.list_label.setText(translate("ResultsView", "List:"))
        self.prizes_only.setText(translate("ResultsView", "Prizes and ties only"))
        self.search.setPlaceholderText(translate("ResultsView", "Code, name or unit…"))
        self.settle_button.setText(translate("ResultsView", "Settle tie…"))
        self.legend.setText(
            translate(
                "ResultsView",
                "A red line marks where a prize level starts. Yellow: tied at a prize boundary "
                "and settled by the tie rule; red: tied, the board must order these entries "
                "(select one, then Settle tie…).",
            )
        )
        self.cancel_button.setText(translate("ResultsView", "Cancel"))
        self.refresh_button.setText(translate("ResultsView", "Refresh"))
        self.preview_button.setText(translate("ResultsView", "Preview result list…"))
        self.export_button.setText(translate("ResultsView", "Export results…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 8)
        if self.book is not None:
            self._show(self.book)
        elif self.error is not None:
            self._show_error(self.error)
        self._set_column_widths()

    def _set_column_widths(self) -> None:
        metrics = self.fontMetrics()
        widths = {
            RANK: metrics.horizontalAdvance("Hạng 999") + 8,
            CODE: metrics.horizontalAdvance("XXX-XXXXXX") + 16,
            NAME: metrics.horizontalAdvance("Nguyễn Thị Ánh Tuyết") + 16,
            UNIT: metrics.horizontalAdvance("Trường THCS Thị trấn Lương Bằng") + 16,
            4: metrics.horizontalAdvance("Cán bộ, giáo viên, nhân viên") + 16,
            SCORE: metrics.horizontalAdvance("10,00") + 24,
            6: metrics.horizontalAdvance("Chất lượng") + 18,
            PRIZE: metrics.horizontalAdvance("Giải Nhất + Giải Xuất sắc (dưới 18 tuổi)") + 16,
            TIE: 200,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        for view, first in ((self.units_table, 260), (self.ties_table, 90)):
            view.setColumnWidth(1 if view is self.units_table else 0, first)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ loading

    def _start(self, operation: Operation[Any]) -> Operation[Any]:
        self._running.add(operation)
        operation.done.connect(lambda: self._running.discard(operation))
        operation.done.connect(self._update_buttons)
        operation.start()
        self._update_buttons()
        return operation

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def reload(self) -> Operation[ResultsBook]:
        from judge_app.reports.results_data import load_book

        db = self.db

        def work(_progress: Progress) -> ResultsBook:
            return load_book(db, date=dt.date.today())

        operation: Operation[ResultsBook] = Operation(
            work, parent=self, on_success=self._loaded, on_failure=self._load_failed
        )
        return self._start(operation)

    def _loaded(self, book: ResultsBook) -> None:
        if not shiboken6.isValid(self):
            return
        self.book, self.error = book, None
        self._show(book)
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.book, self.error = None, error
        self._show_error(error)
        self.failed.emit(error)

    def _show_error(self, error: BaseException) -> None:
        from judge_app.core.errors import JudgeAppError

        text = describe(error, current_language()) if isinstance(error, JudgeAppError) else ""
        self.summary.setText(
            translate("ResultsView", "<b>No results to show.</b> {reason}").format(
                reason=text or str(error)
            )
        )
        self._update_buttons()

    def _show(self, book: ResultsBook) -> None:
        r = book.results
        unsettled = len(r.unsettled)
        text = translate(
            "ResultsView",
            "<b>{name}</b> – {ranked} entries ranked, {invalid} invalid; {quality} of quality "
            "({share}, target {target} %); {ties} ties at prize boundaries.",
        ).format(
            name=r.contest_name,
            ranked=r.ranked_entries,
            invalid=len(r.invalid),
            quality=r.quality_entries,
            share=_percent(r.quality_overall),
            target=r.quality_target_percent,
            ties=len(r.ties),
        )
        if unsettled:
            text += (
                " <span style='color:#b00000'><b>"
                + translate(
                    "ResultsView", "{count} ties wait for the board: the prize list is a draft."
                ).format(count=unsettled)
                + "</b></span>"
            )
        if not r.revealed:
            text += " " + translate("ResultsView", "Identities are still sealed.")
        self.summary.setText(text)
        current = self._keys[self.category.currentIndex()] if self._keys else None
        self._keys = book.ranking_keys()
        self.category.blockSignals(True)
        self.category.clear()
        for key in self._keys:
            label = (
                translate("ResultsView", "Whole contest")
                if key == "*"
                else f"{book.category_name(key)} ({key})"
            )
            self.category.addItem(label)
        if current in self._keys:
            self.category.setCurrentIndex(self._keys.index(current))
        self.category.blockSignals(False)
        self._list_changed()
        self._show_tables(book)

    def _show_tables(self, book: ResultsBook) -> None:
        from judge_app.reports.results_data import exact_text

        r = book.results
        self.ties_model.set_rows(
            [
                [
                    t.key,
                    exact_text(t.exact),
                    " / ".join(prize_label(level) for level in t.level.split("/")),
                    ", ".join(t.order if t.settled else t.codes),
                    tie_sentence(t),
                ]
                for t in r.ties
            ],
            ["#fff3b0" if t.settled else "#f8c9c9" for t in r.ties],
        )
        self.formula.setText(
            translate("ResultsView", "Formula: {formula}").format(formula=r.formula)
        )
        self.units_model.set_rows(
            [
                [
                    u.rank,
                    f"{u.unit_name} ({u.unit_code})",
                    u.entries,
                    u.headcount,
                    _percent(u.participation),
                    u.quality_entries,
                    _percent(u.quality_rate),
                    exact_text(u.score.quantize(u.score.__class__("0.0001"))),
                    prize_label(u.prize) if u.prize else "",
                ]
                for u in r.units
            ],
            ["#fce4b0" if u.prize else ("#f8c9c9" if u.pending else None) for u in r.units],
        )
        threshold = (
            f"{r.quality_threshold.to_decimal():.2f}".replace(".", ",")
            if r.quality_threshold is not None
            else "—"
        )
        self.quality_text.setText(
            translate(
                "ResultsView",
                "Quality threshold: {threshold} points. {quality} of {ranked} ranked entries "
                "are of quality: {share} (target {target} %).",
            ).format(
                threshold=threshold,
                quality=r.quality_entries,
                ranked=r.ranked_entries,
                share=_percent(r.quality_overall),
                target=r.quality_target_percent,
            )
        )
        from decimal import Decimal

        rows = []
        for key in book.ranking_keys():
            if key == "*":
                continue
            listed = r.rankings.get(key, [])
            good = sum(1 for row in listed if row.quality)
            share = Decimal(good) / len(listed) if listed else Decimal(0)
            rows.append([book.category_name(key), len(listed), good, _percent(share)])
        self.quality_model.set_rows(rows)
        self.invalid_model.set_rows(
            [[i.code, book.category_name(i.category), i.reason] for i in r.invalid]
        )
        self._show_statistics(book)

    def _show_statistics(self, book: ResultsBook) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.stats_models = []
        if not book.judge_stats and not book.charts:
            note = QLabel(
                translate(
                    "ResultsView",
                    "Judge statistics are not available in this version of the app.",
                ),
                page,
            )
            note.setObjectName("statsUnavailable")
            box.addWidget(note)
        for table in book.judge_stats:
            box.addWidget(QLabel(f"<b>{table.title}</b>", page))
            model = RowsModel(table.header, self)
            model.set_headers(table.header, translated=True)
            model.set_rows([list(row) for row in table.rows])
            self.stats_models.append(model)
            view = _table(page, model, "statsTable")
            view.setMinimumHeight(160)
            box.addWidget(view)
        for name, png in book.charts.items():
            picture = QLabel(page)
            picture.setObjectName(f"chart:{name}")
            pixmap = QPixmap()
            pixmap.loadFromData(png)
            picture.setPixmap(pixmap.scaledToWidth(900, Qt.TransformationMode.SmoothTransformation))
            box.addWidget(picture)
        box.addStretch(1)
        self.stats_area.setWidget(page)

    def _list_changed(self) -> None:
        if self.book is None or not self._keys:
            return
        key = self._keys[max(self.category.currentIndex(), 0)]
        self.model.set_rows(self.book, key)
        self._filter_changed()

    def _filter_changed(self) -> None:
        self.model.set_filter(self.search.text(), self.prizes_only.isChecked())
        self._update_buttons()

    # ------------------------------------------------------------------ ties

    def selected_tie(self) -> TieGroup | None:
        if self.book is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is None:
            return None
        tie = self.model.ties.get(row.code)
        return tie if tie is not None and not tie.settled else None

    def select_code(self, code: str) -> bool:
        row = self.model.find(code)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def open_settle_dialog(self) -> SettleTieDialog | None:
        tie = self.selected_tie()
        if tie is None and self.book is not None and self.book.results.unsettled:
            tie = self.book.results.unsettled[0]
        if tie is None:
            return None
        dialog = SettleTieDialog(self.db, tie, self, self.actor)
        dialog.settled.connect(lambda _tie: self.reload())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settle_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ export

    def _update_buttons(self) -> None:
        if not shiboken6.isValid(self):
            return
        ready = self.book is not None and not self.busy
        self.export_button.setEnabled(ready)
        self.preview_button.setEnabled(ready)
        self.refresh_button.setEnabled(not self.busy)
        unsettled = bool(self.book and self.book.results.unsettled)
        self.settle_button.setEnabled(unsettled and not self.busy)

    def ask_export_folder(self) -> QFileDialog:
        start = str(self.db.path.parent / "ket-qua")
        dialog = QFileDialog(self, translate("ResultsView", "Export results to a folder"), start)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda name: self.export_to(Path(name)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def export_to(self, folder: Path) -> Operation[ExportReport] | None:
        if self.book is None or self.busy:
            return None
        from judge_app.reports.letterhead import parse_settings
        from judge_app.reports.results_export import export_book

        book = self.book
        settings = parse_settings(self.db.read_scalar("SELECT settings FROM contest LIMIT 1"))
        signer = settings.get("certificate_signer")

        def work(progress: Progress) -> ExportReport:
            def step(done: int, total: int, what: str) -> None:
                progress.check()
                progress.report(done, total, what)

            return export_book(
                book, folder, signer=signer if isinstance(signer, str) else "", progress=step
            )

        operation: Operation[ExportReport] = Operation(
            work, parent=self, on_success=self._exported, on_failure=self._export_failed
        )
        operation.progressed.connect(self._export_progress)
        self.export_operation = operation
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.status.setText(translate(CONTEXT, STEP_NAMES["reading"]))
        return self._start(operation)

    def _export_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        step, _, detail = what.partition(" ")
        name = translate(CONTEXT, STEP_NAMES[step]) if step in STEP_NAMES else step
        self.status.setText(f"{name} {detail}".strip())

    def cancel_export(self) -> None:
        if self.export_operation is not None:
            self.export_operation.cancel()
            self.status.setText(translate("ResultsView", "Cancelling after the current file…"))

    def _export_done(self) -> None:
        self.export_operation = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _exported(self, report: ExportReport) -> None:
        if not shiboken6.isValid(self):
            return
        self._export_done()
        self.export_report = report
        certificates = len(report.certificates.docx) if report.certificates else 0
        text = translate(
            "ResultsView",
            "Exported to {folder}: workbook, result list, annex, {count} certificates.",
        ).format(folder=report.folder, count=certificates)
        for note in report.notes:
            text += " " + describe_code(note)
        self.status.setText(text)
        self.exported.emit(report)

    def _export_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._export_done()
        if isinstance(error, Cancelled):
            self.status.setText(translate("ResultsView", "Export cancelled."))
        else:
            from judge_app.ui.errors import show_error

            self.status.setText("")
            show_error(self, error)
        self.export_failed.emit(error)

    def preview_result_list(self) -> Operation[Any] | None:
        if self.book is None or self.busy:
            return None
        from judge_app.ui.print_preview import preview_pdf

        book = self.book

        def make(path: Path) -> None:
            from judge_app.reports.results_pdf import result_list_pdf
            from judge_app.reports.results_xlsx import write_output

            write_output(path, result_list_pdf(book))

        operation = preview_pdf(self, make, "ket-qua-cuoc-thi.pdf")
        self._running.add(operation)
        operation.done.connect(lambda: self._running.discard(operation))
        operation.done.connect(self._update_buttons)
        self._update_buttons()
        return operation

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.export_operation is not None:
            self.export_operation.cancel()
        super().closeEvent(event)


def describe_code(code: str) -> str:
    from judge_app.core.messages import render

    return render(code, current_language())

"""Board → "Scores and discrepancies": the head judge's merge view (issue #7, item 5).

Every entry's standing after the merge (`store.settlement.settle_entries`) in a table model,
filtered by work queue (tabs with counts) and searched by code; the selected entry's scores
per criterion and judge with their gaps; and the head judge's acts: record a discussion's
outcome, decide a score, declare an entry invalid (each with its reason, through
`record_decision`, which writes the audit row), and assign third gradings as
`judge-app assign --third` does. Reading and writing run in `Operation`s; the window shows
codes, categories and judges, never who wrote an entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.ui.errors import error_text, log_error
from judge_app.ui.merge_model import (
    COLUMNS,
    QUEUE_COLOURS,
    QUEUE_ORDER,
    SettlementModel,
    queue_name,
    queue_tab_text,
    rule_name,
)
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    from judge_app.intake.assign import RoundAssignment
    from judge_app.store.database import ContestDatabase
    from judge_app.store.settlement import EntrySettlement

translate = QCoreApplication.translate
THIRD_ROUND = 3  # as `judge-app assign --third`
DISCUSS_COLOUR = QUEUE_COLOURS["discuss"]
THIRD_COLOUR = QUEUE_COLOURS["third"]
KIND_DISCUSSED, KIND_HEAD, KIND_INVALID = "discussed", "head", "invalid"


# ---------------------------------------------------------------------------- worker functions


@dataclass(frozen=True)
class SettlementData:
    rows: list[EntrySettlement]
    categories: dict[str, str]  # category code → name
    max_total: Points
    agree_below: Points
    discuss_upto: Points
    per_criterion: bool


def load_settlement(db: ContestDatabase) -> SettlementData:
    """Every entry's standing and the contest's rule numbers. Worker thread."""
    from sqlalchemy import select

    from judge_app.store.models import Category, Contest
    from judge_app.store.settlement import settle_entries

    rows = settle_entries(db)
    with db.read_session() as session:
        contest = session.scalars(select(Contest)).one()
        categories = {c.code: c.name for c in session.scalars(select(Category))}
        return SettlementData(
            rows,
            categories,
            contest.max_total,
            contest.agree_below,
            contest.discuss_upto,
            contest.per_criterion_rule,
        )


@dataclass(frozen=True)
class PartScores:
    label: str
    maximum: Points | None
    points: tuple[Points | None, ...]  # one per counted grading, in the row's order
    kind: str  # "criterion" (the per-criterion rule applies), "choice" or "total"

    @property
    def gap(self) -> Points | None:
        given = [p for p in self.points if p is not None]
        if len(given) < 2:
            return None
        return max(given, key=lambda p: p.centi) - min(given, key=lambda p: p.centi)


@dataclass(frozen=True)
class EntryDetail:
    code: str
    judges: tuple[str, ...]  # "GK1 (vòng 1)"
    parts: tuple[PartScores, ...]


def read_entry_detail(db: ContestDatabase, settled: EntrySettlement) -> EntryDetail:
    """The counted gradings of one entry, criterion by criterion. Worker thread."""
    from sqlalchemy import select

    from judge_app.store.models import (
        Criterion,
        Entry,
        Grading,
        GradingStatus,
        Judge,
        Question,
    )

    wanted = [(g.judge, g.round) for g in settled.gradings]
    with db.read_session() as session:
        criteria = session.scalars(select(Criterion).order_by(Criterion.sort, Criterion.id)).all()
        questions = {q.id: q for q in session.scalars(select(Question))}
        found = {
            (judge, round_): (grading_id, given, answers)
            for grading_id, judge, round_, given, answers in session.execute(
                select(Grading.id, Judge.code, Grading.round, Grading.scores, Grading.answers)
                .join(Judge, Judge.id == Grading.judge_id)
                .join(Entry, Entry.id == Grading.entry_id)
                .where(Entry.code == settled.code, Grading.status == GradingStatus.SUBMITTED)
            )
        }
        ids = [found[key][0] if key in found else None for key in wanted]
        scores: dict[tuple[int, int], Points] = {}
        choice: dict[int, Points] = {}
        counted = {i for i in ids if i is not None}
        for grading_id, given, answers in found.values():
            if grading_id not in counted:
                continue
            for criterion_id, points in given.items():
                scores[(grading_id, criterion_id)] = points
            for question_id, chosen in answers.items():
                question = questions[question_id]
                got = question.points if chosen and chosen == question.answer else Points(0)
                choice[grading_id] = choice.get(grading_id, Points(0)) + got
        parts = [
            PartScores(
                f"{criterion.code} – {criterion.name}",
                criterion.maximum,
                tuple(None if i is None else scores.get((i, criterion.id)) for i in ids),
                "criterion",
            )
            for criterion in criteria
        ]
        if questions:
            maximum = sum((q.points for q in questions.values()), Points(0))
            parts.insert(
                0,
                PartScores(
                    translate("MergeView", "Multiple choice"),
                    maximum,
                    tuple(None if i is None else choice.get(i, Points(0)) for i in ids),
                    "choice",
                ),
            )
    parts.append(
        PartScores(
            translate("MergeView", "Total"),
            None,
            tuple(g.total for g in settled.gradings),
            "total",
        )
    )
    judges = tuple(
        translate("MergeView", "%1 (round %2)").replace("%1", judge).replace("%2", str(round_))
        for judge, round_ in wanted
    )
    return EntryDetail(settled.code, judges, tuple(parts))


def assign_third(db: ContestDatabase, actor: str) -> RoundAssignment | None:
    """What `judge-app assign DB --third` does: one more judge, who has not graded it, for
    each entry in the third-grading queue (round 3). None when no entry needs one."""
    from sqlalchemy import select

    from judge_app.intake.assign import assign_round
    from judge_app.store.models import Assignment
    from judge_app.store.settlement import third_grading_codes

    codes = third_grading_codes(db)
    if not codes:
        return None
    with db.read_session() as session:
        rounds = set(session.scalars(select(Assignment.round).distinct()))
    return assign_round(
        db,
        THIRD_ROUND,
        1,
        None,
        actor=actor,
        entry_codes=codes,
        exclude_rounds=rounds - {THIRD_ROUND},
    )


def parse_decided_score(text: str, maximum: Points) -> Points:
    """'7,5' or '7.5' → Points, within 0…maximum; a JudgeAppError names what is wrong."""
    points = Points.parse(text.strip())
    if points.centi < 0 or points.centi > maximum.centi:
        raise JudgeAppError(
            "decision_score_invalid",
            entry="",
            score=points.format(),
            maximum=maximum.format(),
        )
    return points


# ---------------------------------------------------------------------------- decision dialog


class DecisionDialog(QDialog):
    """A discussion's outcome, the head judge's score, or an invalidity; always with a reason.
    OK writes through `record_decision` off the GUI thread; a refusal stays in the dialog."""

    decided = Signal(object)  # the entry's new EntrySettlement

    def __init__(
        self,
        db: ContestDatabase,
        settled: EntrySettlement,
        kind: str,
        maximum: Points,
        parent: QWidget | None = None,
        *,
        actor: str = "board",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.db, self.settled, self.kind, self.maximum, self.actor = (
            db,
            settled,
            kind,
            maximum,
            actor,
        )
        self.operation: Operation[EntrySettlement] | None = None
        self.intro = QLabel(self)
        self.intro.setObjectName("decisionIntro")
        self.intro.setWordWrap(True)
        self.score = QLineEdit(self)
        self.score.setObjectName("decisionScore")
        self.score.textChanged.connect(self._check_score)
        self.score_note = QLabel(self)
        self.score_note.setObjectName("scoreNote")
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("decisionReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.status = QLabel(self)
        self.status.setObjectName("decisionStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #a61b1b;")
        self.score_label = QLabel(self)
        self.reason_label = QLabel(self)
        self.form = QFormLayout()
        if kind != KIND_INVALID:
            self.form.addRow(self.score_label, self.score)
            self.form.addRow(QLabel(self), self.score_note)
        else:
            for widget in (self.score_label, self.score, self.score_note):
                widget.hide()
        self.form.addRow(self.reason_label, self.reason)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("recordDecision")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, 0)
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            KIND_DISCUSSED: translate("MergeView", "Record the discussion's outcome"),
            KIND_HEAD: translate("MergeView", "Head judge's decision"),
            KIND_INVALID: translate("MergeView", "Declare the entry invalid"),
        }
        self.setWindowTitle(titles[self.kind])
        row = self.settled
        totals = ", ".join(f"{g.judge}: {g.total.format()}" for g in row.gradings) or "—"
        lines = [
            translate("MergeView", "Entry %1 — %2")
            .replace("%1", row.code)
            .replace("%2", queue_name(row.queue.value)),
            translate("MergeView", "Judges' totals: %1").replace("%1", totals),
        ]
        if row.gap is not None:
            lines.append(translate("MergeView", "Gap: %1").replace("%1", row.gap.format()))
        if self.kind == KIND_DISCUSSED:
            lines.append(
                translate(
                    "MergeView",
                    "The two judges discussed the entry and agreed a score; it is recorded "
                    "with their reason in the record (biên bản).",
                )
            )
        elif self.kind == KIND_INVALID:
            lines.append(
                translate(
                    "MergeView",
                    "An invalid entry is not ranked. The reason goes into the record and "
                    "the audit log.",
                )
            )
        self.intro.setText("\n".join(lines))
        self.score_label.setText(
            translate("MergeView", "Score (0 to %1):").replace("%1", self.maximum.format())
        )
        self.reason_label.setText(translate("MergeView", "Reason:"))
        self.score.setPlaceholderText(translate("MergeView", "e.g. 7,5"))
        self.reason.setPlaceholderText(
            translate("MergeView", "Why this score or decision (required)")
        )
        self.ok_button.setText(translate("MergeView", "Record"))
        self._check_score()

    def _check_score(self) -> Points | None:
        """The score typed, shown as it will be recorded, or the reason it is not valid."""
        text = self.score.text().strip()
        if self.kind == KIND_INVALID or not text:
            self.score_note.setText("")
            return None
        try:
            points = parse_decided_score(text, self.maximum)
        except JudgeAppError:
            self.score_note.setStyleSheet("color: #a61b1b;")
            self.score_note.setText(
                translate(
                    "MergeView", "Not a valid score: a number from 0 to %1, at most two decimals."
                ).replace("%1", self.maximum.format())
            )
            return None
        self.score_note.setStyleSheet("color: #1e6b2e;")
        self.score_note.setText(
            translate("MergeView", "Will be recorded as %1").replace("%1", points.format())
        )
        return points

    def run(self) -> Operation[EntrySettlement] | None:
        from judge_app.store.settlement import DecisionKind, record_decision

        score = None
        if self.kind != KIND_INVALID:
            if not self.score.text().strip():
                self.status.setText(translate("MergeView", "Type the score."))
                self.score.setFocus()
                return None
            score = self._check_score()
            if score is None:
                self.status.setText(self.score_note.text())
                self.score.setFocus()
                return None
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.status.setText(translate("MergeView", "Give the reason: it goes into the record."))
            self.reason.setFocus()
            return None
        db, code, actor, kind = self.db, self.settled.code, self.actor, DecisionKind(self.kind)

        def work(_progress: Progress) -> EntrySettlement:
            return record_decision(db, code, kind=kind, score=score, reason=reason, actor=actor)

        self.ok_button.setEnabled(False)
        self.status.setText("")
        self.operation = Operation(
            work, parent=self, on_success=self._done, on_failure=self._failed
        )
        self.operation.done.connect(lambda: self.ok_button.setEnabled(True))
        return self.operation.start()

    def _done(self, settled: EntrySettlement) -> None:
        self.decided.emit(settled)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        log_error(error)
        self.status.setText(error_text(error))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        if self.operation is not None and self.operation.running:
            return  # the decision's transaction must finish
        super().reject()


# ---------------------------------------------------------------------------- the window


class ScoresWindow(QWidget):
    """Its own window over the main one. `loaded`, `detail_shown` and `decided` let callers
    and tests wait for the background work."""

    loaded = Signal()
    detail_shown = Signal(str)
    decided = Signal(object)
    third_assigned = Signal(object)

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("scoresWindow")
        self.db, self.actor = db, actor
        self.data: SettlementData | None = None
        self.detail: EntryDetail | None = None
        self.decision_dialog: DecisionDialog | None = None
        self.result_box: QMessageBox | None = None
        self._detail_serial = 0
        self._running: set[Operation[object]] = set()

        self.tabs = QTabBar(self)
        self.tabs.setObjectName("queueTabs")
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setDrawBase(False)
        self._tab_queues: list[str | None] = [None, *QUEUE_ORDER]
        for _queue in self._tab_queues:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.search = QLineEdit(self)
        self.search.setObjectName("codeSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(220)
        self.search.textChanged.connect(self._search_changed)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshScores")
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.third_button = QPushButton(self)
        self.third_button.setObjectName("assignThird")
        self.third_button.clicked.connect(lambda: self.assign_third())

        self.model = SettlementModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("scoresTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail_title = QLabel(self)
        self.detail_title.setObjectName("detailTitle")
        title_font = QFont(self.detail_title.font())
        title_font.setBold(True)
        title_font.setPointSize(max(title_font.pointSize() + 2, 11))
        self.detail_title.setFont(title_font)
        self.parts = QTableWidget(0, 3, self)
        self.parts.setObjectName("criterionScores")
        self.parts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.parts.verticalHeader().setVisible(False)
        self.detail_note = QLabel(self)
        self.detail_note.setObjectName("detailNote")
        self.detail_note.setWordWrap(True)
        self.discuss_button = QPushButton(self)
        self.discuss_button.setObjectName("recordDiscussion")
        self.discuss_button.clicked.connect(lambda: self.open_decision(KIND_DISCUSSED))
        self.head_button = QPushButton(self)
        self.head_button.setObjectName("headDecision")
        self.head_button.clicked.connect(lambda: self.open_decision(KIND_HEAD))
        self.invalid_button = QPushButton(self)
        self.invalid_button.setObjectName("declareInvalid")
        self.invalid_button.clicked.connect(lambda: self.open_decision(KIND_INVALID))

        tools = QHBoxLayout()
        tools.addWidget(self.search)
        tools.addStretch(1)
        tools.addWidget(self.refresh_button)
        tools.addWidget(self.third_button)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.detail_title)
        side.addWidget(self.parts, 1)
        side.addWidget(self.detail_note)
        for button in (self.discuss_button, self.head_button, self.invalid_button):
            side.addWidget(button)
        side_widget = QWidget(self)
        side_widget.setLayout(side)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(side_widget)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.summary = QLabel(self)
        self.summary.setObjectName("scoresSummary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(tools)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.summary)
        self.resize(1280, 720)
        self.splitter.setSizes([880, 400])
        self.retranslate()
        self._update_buttons()

    # ------------------------------------------------------------------------ texts

    def _set_column_widths(self) -> None:
        """Wide enough for the header and a typical cell; never measured over the rows (a
        20,000-row contest would pay for it at every language change)."""
        metrics = self.fontMetrics()
        samples = (
            "XXX-XXXX",
            "Học sinh lớp 9",
            "10,25 · GK10",
            "10,25 · GK10",
            "10,25 · GK10",
            "10,25",
            "Trưởng ban quyết định",
            "10,25",
        )
        for column, sample in enumerate(samples):
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(header))
            self.table.setColumnWidth(column, width + 24)

    def retranslate(self) -> None:
        self.setWindowTitle(
            translate("MergeView", "Scores and discrepancies — %1").replace("%1", self.db.path.name)
        )
        self.search.setPlaceholderText(translate("MergeView", "Find a code…"))
        self.refresh_button.setText(translate("MergeView", "Refresh"))
        self.third_button.setText(translate("MergeView", "Assign third gradings"))
        self.discuss_button.setText(translate("MergeView", "Record discussion outcome…"))
        self.head_button.setText(translate("MergeView", "Head judge's decision…"))
        self.invalid_button.setText(translate("MergeView", "Declare invalid…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._set_column_widths()
        self._update_tabs()
        self._show_detail(self.detail)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_tabs(self) -> None:
        counts = self.model.counts()
        for number, queue in enumerate(self._tab_queues):
            count = self.model.total() if queue is None else counts.get(queue, 0)
            self.tabs.setTabText(number, queue_tab_text(queue, count))
            if queue is not None:
                self.tabs.setTabToolTip(number, queue_name(queue))
        shown = self.model.rowCount()
        self.summary.setText(
            translate("MergeView", "%1 entries shown of %2.")
            .replace("%1", str(shown))
            .replace("%2", str(self.model.total()))
        )

    # ------------------------------------------------------------------------ loading

    def _start(self, operation: Operation[object]) -> Operation[object]:
        self._running.add(operation)
        operation.done.connect(lambda: self._running.discard(operation))
        return operation.start()

    @property
    def busy(self) -> bool:
        return any(op.running for op in self._running)

    def reload(self) -> Operation[SettlementData]:
        """Read every entry's standing again (after a merge, an assignment)."""
        db = self.db
        operation: Operation[SettlementData] = Operation(
            lambda _progress: load_settlement(db), parent=self, on_success=self._loaded
        )
        return self._start(operation)  # type: ignore[arg-type,return-value]

    def _loaded(self, data: SettlementData) -> None:
        current = self.current()
        self.data = data
        self.model.set_rows(data.rows, data.categories)
        self._update_tabs()
        if current is not None:
            self.select_code(current.code)
        self._update_buttons()
        self.loaded.emit()

    def set_queue(self, queue: str | None) -> None:
        """Show one queue (None: every entry), as its tab does."""
        self.tabs.setCurrentIndex(self._tab_queues.index(queue))

    def _tab_changed(self, number: int) -> None:
        if 0 <= number < len(self._tab_queues):
            self.model.set_queue(self._tab_queues[number])
            self._after_filter()

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)
        self._after_filter()

    def _after_filter(self) -> None:
        self._update_tabs()
        if self.model.rowCount() and self.current() is None:
            self.table.selectRow(0)
        self._update_buttons()

    # ------------------------------------------------------------------------ selection

    def current(self) -> EntrySettlement | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.settlement(rows[0].row()) if rows else None

    def select_code(self, code: str) -> bool:
        row = self.model.shown_row(code)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()
        settled = self.current()
        if settled is None:
            self._show_detail(None)
            return
        self.load_detail(settled)

    def load_detail(self, settled: EntrySettlement) -> Operation[EntryDetail]:
        self._detail_serial += 1
        serial, db = self._detail_serial, self.db

        def show(detail: EntryDetail) -> None:
            # The window may have closed (and Qt deleted its widgets) while the detail was
            # read: a late result has nothing left to show.
            if serial == self._detail_serial and shiboken6.isValid(self.table):
                self._show_detail(detail)
                self.detail_shown.emit(detail.code)

        operation: Operation[EntryDetail] = Operation(
            lambda _progress: read_entry_detail(db, settled), parent=self, on_success=show
        )
        return self._start(operation)  # type: ignore[arg-type,return-value]

    def _show_detail(self, detail: EntryDetail | None) -> None:
        self.detail = detail
        settled = self.current()
        if detail is None or settled is None or settled.code != detail.code:
            self.detail_title.setText(translate("MergeView", "Select an entry to see its scores."))
            self.parts.setRowCount(0)
            self.parts.setColumnCount(0)
            self.detail_note.setText("")
            return
        self.detail_title.setText(
            translate("MergeView", "Entry %1 — %2")
            .replace("%1", detail.code)
            .replace("%2", queue_name(settled.queue.value))
        )
        headers = [translate("MergeView", "Part"), translate("MergeView", "Max.")]
        headers += [*detail.judges, translate("MergeView", "Gap")]
        self.parts.setColumnCount(len(headers))
        self.parts.setHorizontalHeaderLabels(headers)
        self.parts.setRowCount(len(detail.parts))
        data = self.data
        for number, part in enumerate(detail.parts):
            cells = [part.label, "" if part.maximum is None else part.maximum.format()]
            cells += ["—" if p is None else p.format() for p in part.points]
            gap = part.gap
            cells.append("" if gap is None else gap.format())
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if part.kind == "total":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if column == len(cells) - 1 and gap is not None and data is not None:
                    colour = self._gap_colour(part, gap, data)
                    if colour is not None:
                        item.setBackground(QColor(colour))
                self.parts.setItem(number, column, item)
        header = self.parts.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        note = []
        if settled.final is not None:
            note.append(
                translate("MergeView", "Final score: %1 (%2)")
                .replace("%1", settled.final.format())
                .replace("%2", rule_name(settled.rule))
            )
        if settled.decision:
            note.append(translate("MergeView", "Reason: %1").replace("%1", settled.decision))
        self.detail_note.setText("\n".join(note))

    @staticmethod
    def _gap_colour(part: PartScores, gap: Points, data: SettlementData) -> str | None:
        """The rule's thresholds: the total always, each criterion when the rule says so."""
        if part.kind == "choice":
            return None  # scored against the answer key, not by the judges
        if part.kind == "criterion" and not data.per_criterion:
            return None
        if gap.centi > data.discuss_upto.centi:
            return THIRD_COLOUR
        if gap.centi >= data.agree_below.centi:
            return DISCUSS_COLOUR
        return None

    def _update_buttons(self) -> None:
        settled = self.current()
        queue = settled.queue.value if settled is not None else ""
        self.discuss_button.setEnabled(queue == "discuss")
        self.head_button.setEnabled(settled is not None and queue != "waiting")
        self.invalid_button.setEnabled(settled is not None and queue != "invalid")

    # ------------------------------------------------------------------------ decisions

    def open_decision(self, kind: str) -> DecisionDialog | None:
        settled = self.current()
        if settled is None or self.data is None:
            return None
        dialog = DecisionDialog(self.db, settled, kind, self.data.max_total, self, actor=self.actor)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(self._decided)
        self.decision_dialog = dialog
        dialog.open()
        return dialog

    def _decided(self, settled: EntrySettlement) -> None:
        row = self.table.selectionModel().selectedRows()
        old_row = row[0].row() if row else 0
        shown = self.model.replace(settled)
        self._update_tabs()
        if shown is not None:
            self.table.selectRow(shown)
            self.load_detail(settled)
        elif self.model.rowCount():
            self.table.selectRow(min(old_row, self.model.rowCount() - 1))
        self._update_buttons()
        self.decided.emit(settled)

    # ------------------------------------------------------------------------ third gradings

    def assign_third(self) -> Operation[RoundAssignment | None]:
        db, actor = self.db, self.actor
        self.third_button.setEnabled(False)

        def finished(result: RoundAssignment | None) -> None:
            from judge_app.core.messages import render
            from judge_app.ui.board_assign import loads_text
            from judge_app.ui.i18n import current_language

            if result is None:
                text = render("assign_third_none", current_language())
            else:
                done = render(
                    "assign_third_done",
                    current_language(),
                    entries=result.entries_added,
                    round=result.round,
                    seed=result.seed,
                )
                text = done + "\n\n" + loads_text(result)
            box = QMessageBox(self)
            box.setObjectName("thirdResult")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(translate("MergeView", "Third gradings"))
            box.setText(text)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.result_box = box
            box.open()
            self.third_assigned.emit(result)
            if result is not None:
                self.reload()

        operation: Operation[RoundAssignment | None] = Operation(
            lambda _progress: assign_third(db, actor), parent=self, on_success=finished
        )
        operation.done.connect(lambda: self.third_button.setEnabled(True))
        return self._start(operation)  # type: ignore[arg-type,return-value]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        dialog = self.decision_dialog
        running = dialog is not None and shiboken6.isValid(dialog) and dialog.operation
        if running and running.running:
            event.ignore()  # a decision's transaction is being written
            return
        super().closeEvent(event)

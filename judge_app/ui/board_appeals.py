"""Board → Appeals… (phúc khảo): the appeals of the locked results and the board's three steps.

The window lists every appeal (`store.appeals.list_appeals`, read off the GUI thread): entry
code, state, original score, the appeal judges' totals, the rule's result, the new score and
the dialogue record. "Record an appeal…" asks for the code and the reason (both required),
"Assign appeal judges" draws two other judges per new appeal (a third where two differ) and
shows their loads, "Settle…" shows what the rule gives before anything is written: a change of
0.5 or more (scaled to the contest's maximum) cannot be confirmed without the face-to-face
dialogue's record, as `settle_appeal` demands. Every step runs through an `Operation`; a
failure shows its translated sentence, which names the contest file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.messages import render
from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.errors import show_error
from judge_app.ui.i18n import QT_TRANSLATE_NOOP, current_language
from judge_app.ui.operation import Operation, Progress
from judge_app.ui.results_model import RowsModel

if TYPE_CHECKING:
    from judge_app.core.scores import Points
    from judge_app.store.appeals import Appeal, AppealAssignment, SettledAppeal
    from judge_app.store.database import ContestDatabase

translate = QCoreApplication.translate
CONTEXT = "AppealsWindow"

HEADERS = (
    QT_TRANSLATE_NOOP("AppealsWindow", "No."),
    QT_TRANSLATE_NOOP("AppealsWindow", "Entry code"),
    QT_TRANSLATE_NOOP("AppealsWindow", "State"),
    QT_TRANSLATE_NOOP("AppealsWindow", "Original score"),
    QT_TRANSLATE_NOOP("AppealsWindow", "Appeal judges' totals"),
    QT_TRANSLATE_NOOP("AppealsWindow", "Result"),
    QT_TRANSLATE_NOOP("AppealsWindow", "New score"),
    QT_TRANSLATE_NOOP("AppealsWindow", "Reason / dialogue record"),
)
STATE_NAMES = {
    "requested": QT_TRANSLATE_NOOP("AppealsWindow", "Requested: judges to assign"),
    "grading": QT_TRANSLATE_NOOP("AppealsWindow", "Being regraded"),
    "third_needed": QT_TRANSLATE_NOOP("AppealsWindow", "Judges differ: a third is needed"),
    "ready": QT_TRANSLATE_NOOP("AppealsWindow", "Ready to settle"),
    "settled": QT_TRANSLATE_NOOP("AppealsWindow", "Settled"),
}
RULE_NAMES = {
    "mean_of_two": QT_TRANSLATE_NOOP("AppealsWindow", "mean of the two appeal gradings"),
    "two_equal_of_three": QT_TRANSLATE_NOOP("AppealsWindow", "two of the three gradings equal"),
    "mean_of_three": QT_TRANSLATE_NOOP("AppealsWindow", "mean of the three appeal gradings"),
}
STATE_COLOURS = {"ready": "#fff3c4", "third_needed": "#ffd7d0", "settled": "#e4f2e4"}


@dataclass(frozen=True, slots=True)
class AppealsData:
    """What the window shows: the appeals, the contest's maximum (for the change rule), and
    the codes that can be appealed (for the request dialog's list)."""

    appeals: tuple[Appeal, ...]
    max_total: Points
    codes: tuple[str, ...]
    locked: bool


def load_appeals(db: ContestDatabase) -> AppealsData:
    from sqlalchemy import select

    from judge_app.store.appeals import list_appeals
    from judge_app.store.models import Contest, Entry
    from judge_app.store.results_lock import lock_state

    appeals = tuple(list_appeals(db))
    with db.read_session() as session:
        maximum = session.scalars(select(Contest.max_total)).one()
        codes = tuple(session.scalars(select(Entry.code).order_by(Entry.code)))
    return AppealsData(appeals, maximum, codes, lock_state(db).locked)


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def set_form_labels(form: QFormLayout, texts: tuple[str, ...]) -> None:
    """Set the label of each row (rows are made with an empty QLabel to retranslate)."""
    for row, text in enumerate(texts):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel):
            label.setText(text)


def rule_name(rule: str) -> str:
    return _tr(RULE_NAMES[rule]) if rule in RULE_NAMES else rule


def totals_text(appeal: Appeal) -> str:
    """ "GK4 8,75; GK5 —" : each appeal judge's total, a dash while not submitted."""
    return "; ".join(
        f"{g.judge} {g.total.format() if g.total is not None else '—'}" for g in appeal.gradings
    )


class RecordAppealDialog(BoardDialog):
    """The appeal request: entry code and reason, both required; `recorded` fires after."""

    recorded = Signal(object)  # the Appeal

    def __init__(
        self,
        db: ContestDatabase,
        codes: tuple[str, ...],
        parent: QWidget | None = None,
        *,
        actor: str = "board",
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("recordAppealDialog")
        self.operation: Operation[Appeal] | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.code = QComboBox(self)
        self.code.setObjectName("appealCode")
        self.code.setEditable(True)
        self.code.addItems(list(codes))
        self.code.setCurrentIndex(-1)
        self.code.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("appealReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(90)
        self.form = QFormLayout()
        self.form.addRow(QLabel(self), self.code)
        self.form.addRow(QLabel(self), self.reason)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("recordAppeal")
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self.code.editTextChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("AppealsWindow", "Record an appeal"))
        self.intro.setText(
            translate(
                "AppealsWindow",
                "The entry is opened in the locked results for two other judges to regrade; "
                "its current score is kept until the appeal is settled.",
            )
        )
        set_form_labels(
            self.form,
            (translate("AppealsWindow", "Entry code:"), translate("AppealsWindow", "Reason:")),
        )
        self.reason.setPlaceholderText(
            translate("AppealsWindow", "What the participant asks (required)")
        )
        self.ok.setText(translate("AppealsWindow", "Record"))

    def _update(self) -> None:
        filled = bool(self.code.currentText().strip() and self.reason.toPlainText().strip())
        idle = self.operation is None or not self.operation.running
        self.ok.setEnabled(filled and idle)
        self.cancel.setEnabled(idle)

    def run(self) -> Operation[Appeal] | None:
        code, reason = self.code.currentText().strip(), self.reason.toPlainText().strip()
        if not code or not reason or (self.operation is not None and self.operation.running):
            return None
        from judge_app.store.appeals import request_appeal

        db, actor = self.db, self.actor

        def work(_progress: Progress) -> Appeal:
            return request_appeal(db, code, reason=reason, actor=actor)

        self.operation = Operation(work, parent=self, on_success=self._done)
        self.operation.done.connect(self._update)
        self.operation.start()
        self._update()
        return self.operation

    def _done(self, appeal: Appeal) -> None:
        self.recorded.emit(appeal)
        self.accept()


class SettleAppealDialog(BoardDialog):
    """Shows the rule's outcome for a ready appeal; requires the dialogue record when the
    change is large enough to need one. `settled` fires with the SettledAppeal."""

    settled = Signal(object)

    def __init__(
        self,
        db: ContestDatabase,
        appeal: Appeal,
        max_total: Points,
        parent: QWidget | None = None,
        *,
        actor: str = "board",
    ) -> None:
        from judge_app.store.appeals import change_rule

        super().__init__(db, parent, actor=actor)
        self.setObjectName("settleAppealDialog")
        self.operation: Operation[SettledAppeal] | None = None
        self.appeal = appeal
        assert appeal.result is not None
        self.change = change_rule(appeal.original, appeal.result, max_total)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("appealOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.dialogue_label = QLabel(self)
        self.dialogue_label.setWordWrap(True)
        self.dialogue = QPlainTextEdit(self)
        self.dialogue.setObjectName("appealDialogue")
        self.dialogue.setTabChangesFocus(True)
        self.dialogue.setMinimumHeight(90)
        self.dialogue.textChanged.connect(self._update)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("settleAppeal")
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.outcome)
        layout.addWidget(self.dialogue_label)
        layout.addWidget(self.dialogue)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()
        self._update()

    @property
    def dialogue_required(self) -> bool:
        return self.change.dialogue_needed

    def retranslate(self) -> None:
        a, c = self.appeal, self.change
        assert a.result is not None
        self.setWindowTitle(
            translate("AppealsWindow", "Settle the appeal of entry {code}").format(code=a.code)
        )
        if not c.changed:
            verdict = translate(
                "AppealsWindow",
                "The result differs from the original by {difference}, less than {threshold}: "
                "<b>the score stays {original}</b>; nothing in the results changes.",
            ).format(
                difference=c.difference.format(),
                threshold=c.change_from.format(),
                original=a.original.format(),
            )
        elif c.dialogue_needed:
            verdict = translate(
                "AppealsWindow",
                "The score changes by {difference} ({threshold} or more): <b>the new score is "
                "{new}</b>, and the face-to-face dialogue with the participant must be recorded "
                "below (biên bản đối thoại trực tiếp).",
            ).format(
                difference=c.difference.format(),
                threshold=c.dialogue_from.format(),
                new=c.new_final.format(),
            )
        else:
            verdict = translate(
                "AppealsWindow",
                "The score changes by {difference} ({threshold} or more): <b>the new score is "
                "{new}</b>.",
            ).format(
                difference=c.difference.format(),
                threshold=c.change_from.format(),
                new=c.new_final.format(),
            )
        self.outcome.setText(
            translate(
                "AppealsWindow",
                "Appeal {number} of entry <b>{code}</b>: {reason}<br>Original score {original}; "
                "appeal judges: {totals}; result {result} ({rule}).<br><br>{verdict}",
            ).format(
                number=a.number,
                code=a.code,
                reason=a.reason,
                original=a.original.format(),
                totals=totals_text(a),
                result=a.result.format(),
                rule=rule_name(a.rule),
                verdict=verdict,
            )
        )
        self.dialogue_label.setText(
            translate("AppealsWindow", "Record of the face-to-face dialogue (required):")
            if self.dialogue_required
            else translate("AppealsWindow", "Record of a dialogue, if one was held (optional):")
        )
        self.ok.setText(translate("AppealsWindow", "Settle"))

    def _update(self) -> None:
        idle = self.operation is None or not self.operation.running
        given = bool(self.dialogue.toPlainText().strip())
        self.ok.setEnabled(idle and (given or not self.dialogue_required))
        self.cancel.setEnabled(idle)

    def run(self) -> Operation[SettledAppeal] | None:
        text = self.dialogue.toPlainText().strip()
        if not self.ok.isEnabled():
            return None
        from judge_app.store.appeals import settle_appeal

        db, actor, code = self.db, self.actor, self.appeal.code

        def work(_progress: Progress) -> SettledAppeal:
            return settle_appeal(db, code, dialogue=text, actor=actor)

        self.operation = Operation(work, parent=self, on_success=self._done)
        self.operation.done.connect(self._update)
        self.operation.start()
        self._update()
        return self.operation

    def _done(self, settled: SettledAppeal) -> None:
        self.settled.emit(settled)
        self.show_result(
            "appealSettled",
            translate("AppealsWindow", "Appeal settled"),
            settled_text(settled, self.change),
        )


def settled_text(settled: SettledAppeal, change: Any) -> str:
    """The outcome in the board's words (the same sentences as `judge-app appeal settle`)."""
    lang = current_language()
    a = settled.appeal
    assert a.result is not None and a.new_final is not None
    if a.changed:
        lines = [
            render(
                "appeal_settled_changed",
                lang,
                entry=a.code,
                original=a.original.format(),
                final=a.new_final.format(),
                rule=rule_name(a.rule),
            )
        ]
    else:
        lines = [
            render(
                "appeal_settled_kept",
                lang,
                entry=a.code,
                result=a.result.format(),
                threshold=change.change_from.format(),
                original=a.original.format(),
            )
        ]
    if settled.relocked:
        lines.append(render("appeal_relocked", lang, digest=settled.digest[:16]))
    elif settled.still_open:
        lines.append(
            render(
                "appeal_relock_waiting",
                lang,
                count=len(settled.still_open),
                entries=", ".join(settled.still_open),
            )
        )
    return "\n".join(lines)


def assigned_text(result: AppealAssignment) -> str:
    lang = current_language()
    if result.round is None:
        return render("appeal_assign_nothing", lang)
    lines = [
        render(
            "appeal_assigned_done",
            lang,
            round=result.round,
            two=len(result.two),
            third=len(result.third),
        ),
        "",
        translate("AppealsWindow", "Entries per judge:"),
    ]
    lines += [f"  {judge}: {count}" for judge, count in sorted(result.loads.items())]
    return "\n".join(lines)


class AppealsWindow(QWidget):
    """Its own window over the main one; `loaded` and `changed` let tests and views wait."""

    loaded = Signal()
    changed = Signal()  # an appeal was recorded, assigned or settled

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("appealsWindow")
        self.db, self.actor = db, actor
        self.data: AppealsData | None = None
        self.dialog: BoardDialog | None = None
        self.result_box: QMessageBox | None = None
        self._running: set[Operation[Any]] = set()
        self.summary = QLabel(self)
        self.summary.setObjectName("appealsSummary")
        self.summary.setWordWrap(True)
        self.model = RowsModel(HEADERS, self)
        self.model.header_translate = _tr
        self.table = QTableView(self)
        self.table.setObjectName("appealsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.open_settle_dialog())
        self.request_button = QPushButton(self)
        self.request_button.setObjectName("requestAppeal")
        self.request_button.clicked.connect(lambda: self.open_request_dialog())
        self.assign_button = QPushButton(self)
        self.assign_button.setObjectName("assignAppeals")
        self.assign_button.clicked.connect(lambda: self.assign())
        self.settle_button = QPushButton(self)
        self.settle_button.setObjectName("settleAppealButton")
        self.settle_button.clicked.connect(lambda: self.open_settle_dialog())
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshAppeals")
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.status = QLabel(self)
        self.status.setObjectName("appealsStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.request_button)
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.settle_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(1200, 560)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("AppealsWindow", "Appeals"))
        self.request_button.setText(translate("AppealsWindow", "Record an appeal…"))
        self.assign_button.setText(translate("AppealsWindow", "Assign appeal judges"))
        self.settle_button.setText(translate("AppealsWindow", "Settle…"))
        self.refresh_button.setText(translate("AppealsWindow", "Refresh"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.data is not None:
            self._show(self.data)
        metrics = self.fontMetrics()
        widths = (
            metrics.horizontalAdvance("Số 99") + 16,
            metrics.horizontalAdvance("XXX-XXXXXX") + 24,
            metrics.horizontalAdvance("Hai giám khảo lệch: cần người thứ ba") + 16,
            metrics.horizontalAdvance("Điểm ban đầu") + 20,
            metrics.horizontalAdvance("GK10 8,75; GK11 8,75; GK12 8,75") + 16,
            metrics.horizontalAdvance("Kết quả") + 24,
            metrics.horizontalAdvance("Điểm mới") + 24,
        )
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ reading

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def _start(self, operation: Operation[Any]) -> Operation[Any]:
        self._running.add(operation)
        operation.done.connect(lambda: self._running.discard(operation))
        operation.done.connect(self._update_buttons)
        operation.start()
        self._update_buttons()
        return operation

    def reload(self) -> Operation[AppealsData]:
        db = self.db

        def work(_progress: Progress) -> AppealsData:
            return load_appeals(db)

        return self._start(Operation(work, parent=self, on_success=self._loaded))

    def _loaded(self, data: AppealsData) -> None:
        if not shiboken6.isValid(self):
            return
        selected = self.selected_appeal()
        self.data = data
        self._show(data)
        if selected is not None:
            self.select_code(selected.code)
        self.loaded.emit()

    def _show(self, data: AppealsData) -> None:
        rows, colours, tips = [], [], []
        for a in data.appeals:
            note = a.dialogue or a.reason
            rows.append(
                [
                    a.number,
                    a.code,
                    _tr(STATE_NAMES[a.state.value]),
                    a.original.format(),
                    totals_text(a),
                    "" if a.result is None else a.result.format(),
                    "" if a.new_final is None else a.new_final.format(),
                    note,
                ]
            )
            colours.append(STATE_COLOURS.get(a.state.value))
            tips.append(
                translate("AppealsWindow", "Reason: {reason}").format(reason=a.reason)
                + (
                    ("\n" + translate("AppealsWindow", "Dialogue: {text}").format(text=a.dialogue))
                    if a.dialogue
                    else ""
                )
            )
        self.model.set_rows(rows, colours, tips)
        open_count = sum(1 for a in data.appeals if a.state.value != "settled")
        if not data.appeals:
            text = render("appeal_list_empty", current_language())
        else:
            text = translate("AppealsWindow", "{count} appeals, {open} not settled yet.").format(
                count=len(data.appeals), open=open_count
            )
        if not data.locked and open_count == 0:
            text += " " + translate(
                "AppealsWindow", "Appeals are taken once the scores are locked."
            )
        self.summary.setText(text)
        self._update_buttons()

    def selected_appeal(self) -> Appeal | None:
        if self.data is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.data.appeals):
            return None
        return self.data.appeals[rows[0].row()]

    def select_code(self, code: str) -> bool:
        """Select the newest appeal of `code`."""
        if self.data is None:
            return False
        found = [n for n, a in enumerate(self.data.appeals) if a.code == code]
        if not found:
            return False
        self.table.selectRow(found[-1])
        return True

    def _update_buttons(self) -> None:
        if not shiboken6.isValid(self):
            return
        idle = not self.busy and self.data is not None
        appeal = self.selected_appeal()
        self.request_button.setEnabled(idle)
        self.assign_button.setEnabled(
            idle
            and self.data is not None
            and any(a.state.value in ("requested", "third_needed") for a in self.data.appeals)
        )
        self.settle_button.setEnabled(idle and appeal is not None and appeal.state.value == "ready")
        self.refresh_button.setEnabled(not self.busy)

    # ------------------------------------------------------------------ steps

    def _after_change(self) -> None:
        self.changed.emit()
        self.reload()

    def open_request_dialog(self) -> RecordAppealDialog | None:
        if self.data is None or self.busy:
            return None
        dialog = RecordAppealDialog(self.db, self.data.codes, self, actor=self.actor)
        dialog.recorded.connect(lambda appeal: self._recorded(appeal))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _recorded(self, appeal: Appeal) -> None:
        self.status.setText(
            render(
                "appeal_requested_done",
                current_language(),
                number=appeal.number,
                entry=appeal.code,
                original=appeal.original.format(),
            )
        )
        self._after_change()

    def assign(self) -> Operation[AppealAssignment] | None:
        if self.busy:
            return None
        from judge_app.store.appeals import assign_appeals

        db, actor = self.db, self.actor

        def work(_progress: Progress) -> AppealAssignment:
            return assign_appeals(db, actor=actor)

        self.status.setText(translate("AppealsWindow", "Assigning appeal judges…"))
        return self._start(
            Operation(work, parent=self, on_success=self._assigned, on_failure=self._failed)
        )

    def _assigned(self, result: AppealAssignment) -> None:
        if not shiboken6.isValid(self):
            return
        self.status.setText("")
        box = QMessageBox(self)
        box.setObjectName("appealsAssigned")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(translate("AppealsWindow", "Appeal judges assigned"))
        box.setText(assigned_text(result))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_box = box
        box.open()
        self._after_change()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.status.setText("")
        show_error(self, error)

    def open_settle_dialog(self) -> SettleAppealDialog | None:
        appeal = self.selected_appeal()
        if appeal is None or self.data is None or self.busy or appeal.state.value != "ready":
            return None
        dialog = SettleAppealDialog(self.db, appeal, self.data.max_total, self, actor=self.actor)
        dialog.settled.connect(lambda _settled: self._after_change())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        dialog = self.dialog
        operation = dialog.operation if dialog is not None and shiboken6.isValid(dialog) else None
        if operation is not None and operation.running:
            event.ignore()  # the step's transaction must finish first
            return
        super().closeEvent(event)

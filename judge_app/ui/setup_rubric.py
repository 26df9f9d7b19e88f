"""Wizard page 5: the rubric — multiple-choice questions with their key, written criteria with
guide text, maximum, step and level descriptors — with import and export as a rubric file.

The running total against the contest's maximum is shown as the head judge types, because a
rubric whose parts do not add up is the mistake boards make most; the rules themselves (sum,
answer among the options, levels inside the maximum) are the config parser's, shown inline.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.i18n import QT_TRANSLATE_NOOP
from judge_app.ui.setup_page import ERROR_STYLE, SetupPage, help_label, select_table_row
from judge_app.ui.setup_tables import Column, EditTable, tr, translate

if TYPE_CHECKING:
    from judge_app.ui.setup_wizard import SetupWizard

RUBRIC_FILTER = QT_TRANSLATE_NOOP("SetupWizard", "Rubric files (*.json)")
CHECK_DELAY_MS = 400  # the rubric is checked again once typing pauses


def _decimal(text: object) -> Decimal | None:
    try:
        return Decimal(str(text).replace(",", "."))
    except InvalidOperation:
        return None


def _number(value: Decimal) -> str:
    """7.50 → "7,5" in the Vietnamese way; the sum label is read, not parsed."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


class RubricPage(SetupPage):
    sections = ("questions", "criteria")
    rubric_loaded = Signal()

    def __init__(self, owner: SetupWizard) -> None:
        super().__init__(owner, "rubricPage")
        self.import_button = QPushButton(self.body)
        self.import_button.setObjectName("importRubric")
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = QPushButton(self.body)
        self.export_button.setObjectName("exportRubric")
        self.export_button.clicked.connect(self.choose_export)
        self.sum_label = QLabel(self.body)
        self.sum_label.setObjectName("rubricSum")
        self.sum_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        top.addWidget(self.sum_label, 1)

        self.tabs = QTabWidget(self.body)
        self.tabs.setObjectName("rubricTabs")
        self.questions_tab = QWidget()
        self.questions = EditTable(
            [
                Column("number", QT_TRANSLATE_NOOP("SetupWizard", "No."), "int", width=50),
                Column(
                    "prompt", QT_TRANSLATE_NOOP("SetupWizard", "Question"), width=420, stretch=True
                ),
                Column("options", QT_TRANSLATE_NOOP("SetupWizard", "Options"), width=90),
                Column("answer", QT_TRANSLATE_NOOP("SetupWizard", "Answer"), width=80),
                Column("points", QT_TRANSLATE_NOOP("SetupWizard", "Points"), "points", width=70),
            ],
            self.questions_tab,
            name="questions",
        )
        self.questions_help = help_label(self.questions_tab)
        questions_layout = QVBoxLayout(self.questions_tab)
        questions_layout.addWidget(self.questions_help)
        questions_layout.addWidget(self.questions, 1)

        self.criteria_tab = QWidget()
        self.criteria = EditTable(
            [
                Column("code", QT_TRANSLATE_NOOP("SetupWizard", "Code"), width=100),
                Column(
                    "name", QT_TRANSLATE_NOOP("SetupWizard", "Criterion"), width=250, stretch=True
                ),
                Column("maximum", QT_TRANSLATE_NOOP("SetupWizard", "Maximum"), "points", width=80),
                Column("step", QT_TRANSLATE_NOOP("SetupWizard", "Step"), "points", width=60),
            ],
            self.criteria_tab,
            name="criteria",
        )
        self.detail_box = QGroupBox(self.criteria_tab)
        self.detail_box.setObjectName("criterionDetail")
        self.guide_label = QLabel(self.detail_box)
        self.guide = QPlainTextEdit(self.detail_box)
        self.guide.setObjectName("criterionGuide")
        self.guide.setTabChangesFocus(True)
        self.guide.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.guide_label.setBuddy(self.guide)
        self.levels_label = QLabel(self.detail_box)
        self.levels = EditTable(
            [
                Column("low", QT_TRANSLATE_NOOP("SetupWizard", "From"), "points", width=60),
                Column("high", QT_TRANSLATE_NOOP("SetupWizard", "To"), "points", width=60),
                Column(
                    "descriptor",
                    QT_TRANSLATE_NOOP("SetupWizard", "What an answer at this level shows"),
                    width=300,
                    stretch=True,
                ),
            ],
            self.detail_box,
            name="levels",
        )
        detail_layout = QVBoxLayout(self.detail_box)
        detail_layout.addWidget(self.guide_label)
        detail_layout.addWidget(self.guide)
        detail_layout.addWidget(self.levels_label)
        detail_layout.addWidget(self.levels, 1)
        criteria_layout = QHBoxLayout(self.criteria_tab)
        criteria_layout.addWidget(self.criteria, 5)
        criteria_layout.addWidget(self.detail_box, 4)
        self.tabs.addTab(self.questions_tab, "")
        self.tabs.addTab(self.criteria_tab, "")
        self.tabs.setMinimumHeight(380)

        self.check_label = help_label(self.body, "rubricCheck")
        self.check_label.setStyleSheet(ERROR_STYLE)
        self.check_label.hide()
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.check_label)
        self.layout_.addWidget(self.tabs, 1)

        self._detail_row = -1
        self.criteria.table.currentCellChanged.connect(self._criterion_selected)
        self.guide.textChanged.connect(self._store_detail)
        self.levels.changed.connect(self._store_detail)
        for table in (self.questions, self.criteria):
            table.changed.connect(self.update_sum)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.live_check)
        for table in (self.questions, self.criteria, self.levels):
            table.changed.connect(self._check_timer.start)
        self.retranslate()
        self._criterion_selected(-1, 0, -1, 0)

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Rubric"))
        self.setSubTitle(
            translate(
                "SetupWizard",
                "Multiple-choice questions with their answer key, and the written part's "
                "criteria with the guide judges read while grading.",
            )
        )
        self.import_button.setText(translate("SetupWizard", "Import rubric…"))
        self.export_button.setText(translate("SetupWizard", "Export rubric…"))
        self._update_tab_titles()
        self.questions_help.setText(
            translate(
                "SetupWizard",
                "Options are the letters an entrant may choose (ABCD); the answer is one of "
                "them. Each question's points count towards the maximum total.",
            )
        )
        self.guide_label.setText(translate("SetupWizard", "Grading guide:"))
        self.levels_label.setText(translate("SetupWizard", "Level descriptors (optional):"))
        self._update_detail_label()
        self.update_sum()

    # ----------------------------------------------------------------- criterion detail

    def _update_tab_titles(self) -> None:
        self.tabs.setTabText(
            0,
            translate("SetupWizard", "Multiple-choice questions (%1)").replace(
                "%1", str(self.questions.table.rowCount())
            ),
        )
        self.tabs.setTabText(
            1,
            translate("SetupWizard", "Written part: criteria (%1)").replace(
                "%1", str(self.criteria.table.rowCount())
            ),
        )

    def _update_detail_label(self) -> None:
        row = self._detail_row
        if row < 0:
            self.detail_box.setTitle(
                translate("SetupWizard", "Select a criterion to write its guide and levels")
            )
            return
        code = self.criteria.row_values(row).get("code") or str(row + 1)
        self.detail_box.setTitle(translate("SetupWizard", "Criterion %1").replace("%1", str(code)))

    def _criterion_selected(self, row: int, _column: int, previous: int, _pc: int) -> None:
        if row == self._detail_row:
            return
        self._detail_row = -1  # nothing is stored while the detail widgets are refilled
        extra = self.criteria.extra(row) if row >= 0 else {}
        self.guide.setPlainText(str(extra.get("guide", "")))
        self.levels.set_rows(extra.get("levels") or [])
        self._detail_row = row
        enabled = row >= 0
        for widget in (self.guide, self.levels):
            widget.setEnabled(enabled)
        self._update_detail_label()

    def _store_detail(self) -> None:
        row = self._detail_row
        if row < 0 or row >= self.criteria.table.rowCount():
            return
        self.criteria.set_extra(row, "guide", self.guide.toPlainText().strip())
        self.criteria.set_extra(row, "levels", self.levels.rows())

    # ----------------------------------------------------------------- sum

    def sum_parts(self) -> tuple[Decimal, Decimal]:
        """(multiple-choice points, written maximums), counting only readable numbers."""
        choice = sum(
            (d for r in self.questions.rows() if (d := _decimal(r["points"])) is not None),
            Decimal(0),
        )
        written = sum(
            (d for r in self.criteria.rows() if (d := _decimal(r["maximum"])) is not None),
            Decimal(0),
        )
        return choice, written

    def update_sum(self) -> None:
        self._update_tab_titles()
        choice, written = self.sum_parts()
        rules = getattr(self.owner, "rules_page", None)  # made after this page
        maximum = _decimal(rules.max_total.text() if rules else "10") or Decimal(0)
        total = choice + written
        text = (
            translate("SetupWizard", "Total: %1 (multiple choice) + %2 (written) = %3 of %4 points")
            .replace("%1", _number(choice))
            .replace("%2", _number(written))
            .replace("%3", _number(total))
            .replace("%4", _number(maximum))
        )
        if total != maximum:
            text += " — " + translate("SetupWizard", "the parts must add up to the maximum total.")
        self.sum_label.setText(text)
        self.sum_label.setStyleSheet("" if total == maximum else ERROR_STYLE)

    # ----------------------------------------------------------------- data

    def fill(self, data: Mapping[str, Any]) -> None:
        self._detail_row = -1
        self.questions.set_rows(data.get("questions", []))
        self.criteria.set_rows(data.get("criteria", []))
        self.criteria.table.setCurrentCell(-1, -1)
        self._criterion_selected(0 if self.criteria.table.rowCount() else -1, 0, -1, 0)
        if self.criteria.table.rowCount():
            self.criteria.select_row(0)
        self.update_sum()
        self._check_timer.stop()  # a loaded rubric is checked when the page is left
        self.show_check("")

    def collect(self, data: dict[str, Any]) -> None:
        self._store_detail()
        criteria = []
        for row in self.criteria.rows():
            if not row.get("levels"):
                row.pop("levels", None)
            row.setdefault("guide", "")
            criteria.append(row)
        data["questions"] = self.questions.rows()
        data["criteria"] = criteria

    def focus_field(self, parts: list[str | int], section: str = "") -> None:
        if section == "questions":
            self.tabs.setCurrentWidget(self.questions_tab)
            select_table_row(self.questions, parts)
            return
        self.tabs.setCurrentWidget(self.criteria_tab)
        select_table_row(self.criteria, parts)
        if len(parts) > 2 and parts[1] == "levels":
            select_table_row(self.levels, parts[2:])
        elif len(parts) > 1 and parts[1] == "guide":
            self.guide.setFocus()

    def live_check(self) -> None:
        """The parser's problems with the rubric, shown while the head judge types."""
        problems = [
            p
            for p in self.owner.backend.problems(self.owner.config())
            if self.owner.page_of(p)[0] is self
        ]
        self.show_check("\n".join(self.owner.problem_sentence(p) for p in problems[:4]))

    def show_check(self, text: str) -> None:
        """A problem the parser found in the rubric, shown above the tables as one types."""
        self.check_label.setText(text)
        self.check_label.setVisible(bool(text))

    # ----------------------------------------------------------------- rubric files

    def _file_dialog(self, save: bool) -> QFileDialog:
        dialog = QFileDialog(self, "", str(self.owner.start_folder))
        dialog.setObjectName("rubricFileDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setNameFilters([tr(RUBRIC_FILTER), translate("SetupWizard", "All files (*)")])
        if save:
            dialog.setWindowTitle(translate("SetupWizard", "Export rubric"))
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("json")
        else:
            dialog.setWindowTitle(translate("SetupWizard", "Import rubric"))
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def choose_import(self) -> QFileDialog:
        dialog = self._file_dialog(save=False)
        dialog.fileSelected.connect(lambda name: self.import_rubric(Path(name)))
        dialog.open()
        return dialog

    def choose_export(self) -> QFileDialog:
        dialog = self._file_dialog(save=True)
        dialog.fileSelected.connect(lambda name: self.export_rubric(Path(name)))
        dialog.open()
        return dialog

    def import_rubric(self, path: Path) -> None:
        """Replace the questions and criteria with a rubric file's (errors in the dialog)."""
        from judge_app.ui.errors import show_error

        try:
            rubric = self.owner.backend.read_rubric(path)
        except Exception as error:  # every failure is shown, never a traceback
            show_error(self, error)
            return
        self.fill(rubric)
        self.clear_error()
        self.rubric_loaded.emit()

    def export_rubric(self, path: Path) -> None:
        from judge_app.ui.errors import show_error

        data: dict[str, Any] = {}
        self.collect(data)
        try:
            self.owner.backend.write_rubric(data, self.owner.rules_page.max_total.text(), path)
        except Exception as error:
            show_error(self, error)
            return
        self.owner.show_status(
            translate("SetupWizard", "Rubric saved: %1").replace("%1", str(path))
        )

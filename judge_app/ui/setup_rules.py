"""Wizard pages 6–7: the grading rules (GUIDE §2) and the prize scheme with its tie rule."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.i18n import QT_TRANSLATE_NOOP
from judge_app.ui.setup_page import Form, SetupPage, help_label
from judge_app.ui.setup_tables import Column, EditTable, tr, translate

if TYPE_CHECKING:
    from judge_app.ui.setup_wizard import SetupWizard

ROUNDINGS = (
    ("half_up_2", QT_TRANSLATE_NOOP("SetupWizard", "Two decimals, half up (7.125 → 7.13)")),
    ("half_up_1", QT_TRANSLATE_NOOP("SetupWizard", "One decimal, half up")),
    ("half_up_0", QT_TRANSLATE_NOOP("SetupWizard", "Whole points, half up")),
)
PRIZE_LEVELS = (
    ("first", QT_TRANSLATE_NOOP("SetupWizard", "First prize")),
    ("second", QT_TRANSLATE_NOOP("SetupWizard", "Second prize")),
    ("third", QT_TRANSLATE_NOOP("SetupWizard", "Third prize")),
    ("consolation", QT_TRANSLATE_NOOP("SetupWizard", "Consolation prize")),
)
TIE_RULES = (
    ("higher_min_judge_score", QT_TRANSLATE_NOOP("SetupWizard", "Higher lowest judge's score")),
    ("more_agreement", QT_TRANSLATE_NOOP("SetupWizard", "Closer agreement between the judges")),
    ("earlier_receipt", QT_TRANSLATE_NOOP("SetupWizard", "Received earlier")),
)
RULE_KEYS = (
    "judges_per_entry",
    "max_total",
    "score_step",
    "agree_below",
    "discuss_upto",
    "third_mean_upto",
    "per_criterion_rule",
    "rounding",
    "quality_threshold",
    "quality_target_percent",
)


def _score_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    return edit


def _score_text(value: object) -> str:
    """A score as the UI language writes it (0,25 in Vietnamese)."""
    return "" if value is None else str(value).replace(".", QLocale().decimalPoint())


def _score_value(edit: QLineEdit) -> str | None:
    text = edit.text().strip().replace(",", ".")
    return text or None


class RulesPage(SetupPage):
    """Judges per entry, scale, step, discrepancy thresholds, rounding, the quality bar."""

    sections = RULE_KEYS

    def __init__(self, owner: SetupWizard) -> None:
        super().__init__(owner, "rulesPage")
        self.explain = help_label(self.body, "rulesHelp")
        self.judges_per_entry = QSpinBox(self.body)
        self.judges_per_entry.setObjectName("judgesPerEntry")
        self.judges_per_entry.setRange(1, 5)
        self.max_total = _score_edit(self.body, "maxTotal")
        self.score_step = QComboBox(self.body)
        self.score_step.setObjectName("scoreStep")
        self.score_step.setEditable(True)
        self.score_step.addItems([_score_text("0.25"), _score_text("0.5"), "1"])
        self.agree_below = _score_edit(self.body, "agreeBelow")
        self.discuss_upto = _score_edit(self.body, "discussUpto")
        self.third_mean_upto = _score_edit(self.body, "thirdMeanUpto")
        self.per_criterion = QCheckBox(self.body)
        self.per_criterion.setObjectName("perCriterionRule")
        self.rounding = QComboBox(self.body)
        self.rounding.setObjectName("rounding")
        for value, _label in ROUNDINGS:
            self.rounding.addItem("", value)
        self.quality_threshold = _score_edit(self.body, "qualityThreshold")
        self.quality_target = QSpinBox(self.body)
        self.quality_target.setObjectName("qualityTarget")
        self.quality_target.setRange(0, 100)
        self.quality_target.setSuffix(" %")
        self.form = Form()
        for widget in (
            self.judges_per_entry,
            self.max_total,
            self.score_step,
            self.agree_below,
            self.discuss_upto,
            self.third_mean_upto,
            self.per_criterion,
        ):
            self.form.row(widget, width=120 if widget is not self.per_criterion else 400)
        self.form.row(self.rounding, width=360)
        self.form.row(self.quality_threshold, width=120)
        self.form.row(self.quality_target, width=120)
        self.layout_.addWidget(self.explain)
        self.layout_.addLayout(self.form)
        self.layout_.addStretch(1)
        self.max_total.textChanged.connect(lambda _text: owner.rubric_page.update_sum())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Grading rules"))
        self.setSubTitle(
            translate(
                "SetupWizard", "Board defaults after the national exam rule; change what differs."
            )
        )
        self.explain.setText(
            translate(
                "SetupWizard",
                "Two judges grade each entry. A gap below the first threshold: their mean "
                "counts; up to the second: they discuss and a record is kept; above it: a third "
                "judge grades, and the mean of three counts when their largest gap is within "
                "the third threshold. Thresholds are for a 10-point total and scale with the "
                "maximum.",
            )
        )
        self.per_criterion.setText(
            translate("SetupWizard", "Apply the same thresholds to each criterion")
        )
        for number, (_value, label) in enumerate(ROUNDINGS):
            self.rounding.setItemText(number, tr(label))
        self.form.set_texts(
            [
                translate("SetupWizard", "Judges per entry:"),
                translate("SetupWizard", "Maximum total:"),
                translate("SetupWizard", "Score step:"),
                translate("SetupWizard", "Judges agree when the gap is below:"),
                translate("SetupWizard", "They discuss when the gap is up to:"),
                translate("SetupWizard", "Mean of three gradings when the gap is up to:"),
                "",
                translate("SetupWizard", "Rounding of means:"),
                translate("SetupWizard", "Quality bar (score):"),
                translate("SetupWizard", "Target share reaching the bar:"),
            ],
        )

    def fill(self, data: Mapping[str, Any]) -> None:
        self.judges_per_entry.setValue(int(data.get("judges_per_entry", 2) or 2))
        self.max_total.setText(_score_text(data.get("max_total", "10")))
        self.score_step.setCurrentText(_score_text(data.get("score_step", "0.25")))
        self.agree_below.setText(_score_text(data.get("agree_below", "1")))
        self.discuss_upto.setText(_score_text(data.get("discuss_upto", "1.5")))
        self.third_mean_upto.setText(_score_text(data.get("third_mean_upto", "2.5")))
        self.per_criterion.setChecked(bool(data.get("per_criterion_rule", True)))
        found = self.rounding.findData(data.get("rounding", "half_up_2"))
        self.rounding.setCurrentIndex(max(found, 0))
        self.quality_threshold.setText(_score_text(data.get("quality_threshold")))
        self.quality_target.setValue(int(data.get("quality_target_percent", 10) or 0))

    def collect(self, data: dict[str, Any]) -> None:
        data["judges_per_entry"] = self.judges_per_entry.value()
        data["max_total"] = _score_value(self.max_total) or ""
        data["score_step"] = self.score_step.currentText().strip().replace(",", ".")
        data["agree_below"] = _score_value(self.agree_below) or ""
        data["discuss_upto"] = _score_value(self.discuss_upto) or ""
        data["third_mean_upto"] = _score_value(self.third_mean_upto) or ""
        data["per_criterion_rule"] = self.per_criterion.isChecked()
        data["rounding"] = self.rounding.currentData()
        data["quality_threshold"] = _score_value(self.quality_threshold)
        data["quality_target_percent"] = self.quality_target.value()

    def focus_field(self, parts: list[str | int]) -> None:
        widgets: dict[str, QWidget] = {
            "judges_per_entry": self.judges_per_entry,
            "max_total": self.max_total,
            "score_step": self.score_step,
            "agree_below": self.agree_below,
            "discuss_upto": self.discuss_upto,
            "third_mean_upto": self.third_mean_upto,
            "per_criterion_rule": self.per_criterion,
            "rounding": self.rounding,
            "quality_threshold": self.quality_threshold,
            "quality_target_percent": self.quality_target,
        }
        widget = widgets.get(str(parts[0])) if parts else None
        (widget or self.max_total).setFocus()


class PrizesPage(SetupPage):
    """Individual and collective prize counts, the under-18 prize, and the tie rule order."""

    sections = ("settings",)

    def __init__(self, owner: SetupWizard) -> None:
        super().__init__(owner, "prizesPage")
        self.settings: dict[str, Any] = {}
        level_choices = lambda: list(PRIZE_LEVELS)  # noqa: E731
        self.individual_box = QGroupBox(self.body)
        self.individual = EditTable(
            [
                Column(
                    "level",
                    QT_TRANSLATE_NOOP("SetupWizard", "Prize"),
                    "choice",
                    width=200,
                    choices=level_choices,
                ),
                Column("count", QT_TRANSLATE_NOOP("SetupWizard", "How many"), "int", width=100),
                Column(
                    "min_score",
                    QT_TRANSLATE_NOOP("SetupWizard", "Lowest score (optional)"),
                    "points",
                    width=180,
                ),
            ],
            self.individual_box,
            name="individualPrizes",
        )
        self.individual.setMinimumHeight(180)
        self.per_category = QRadioButton(self.individual_box)
        self.per_category.setObjectName("perCategory")
        self.pooled = QRadioButton(self.individual_box)
        self.pooled.setObjectName("pooled")
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.per_category)
        self.scope.addButton(self.pooled)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.pooled)
        scope_row.addWidget(self.per_category)
        scope_row.addStretch(1)
        self.excellence = QCheckBox(self.individual_box)
        self.excellence.setObjectName("excellenceUnder18")
        self.excellence_also = QCheckBox(self.individual_box)
        self.excellence_also.setObjectName("excellenceAlsoRanked")
        self.excellence.toggled.connect(self.excellence_also.setEnabled)
        individual_layout = QVBoxLayout(self.individual_box)
        individual_layout.addLayout(scope_row)
        individual_layout.addWidget(self.individual)
        individual_layout.addWidget(self.excellence)
        individual_layout.addWidget(self.excellence_also)

        self.collective_box = QGroupBox(self.body)
        self.collective = EditTable(
            [
                Column(
                    "level",
                    QT_TRANSLATE_NOOP("SetupWizard", "Prize"),
                    "choice",
                    width=200,
                    choices=level_choices,
                ),
                Column("count", QT_TRANSLATE_NOOP("SetupWizard", "How many"), "int", width=100),
            ],
            self.collective_box,
            name="collectivePrizes",
        )
        self.collective.setMinimumHeight(180)
        QVBoxLayout(self.collective_box).addWidget(self.collective)

        self.tie_box = QGroupBox(self.body)
        self.tie_help = help_label(self.tie_box)
        self.tie_list = QListWidget(self.tie_box)
        self.tie_list.setObjectName("tieRule")
        self.tie_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tie_list.model().rowsMoved.connect(lambda *_args: self.retranslate())  # renumber
        self.tie_list.setMaximumHeight(self.fontMetrics().height() * 5 + 16)
        self.tie_up = QPushButton(self.tie_box)
        self.tie_up.setObjectName("tieUp")
        self.tie_down = QPushButton(self.tie_box)
        self.tie_down.setObjectName("tieDown")
        self.tie_up.clicked.connect(lambda: self._move_tie(-1))
        self.tie_down.clicked.connect(lambda: self._move_tie(1))
        tie_buttons = QVBoxLayout()
        tie_buttons.addWidget(self.tie_up)
        tie_buttons.addWidget(self.tie_down)
        tie_buttons.addStretch(1)
        tie_row = QHBoxLayout()
        tie_row.addWidget(self.tie_list, 1)
        tie_row.addLayout(tie_buttons)
        tie_layout = QVBoxLayout(self.tie_box)
        tie_layout.addWidget(self.tie_help)
        tie_layout.addLayout(tie_row)

        columns = QHBoxLayout()
        columns.addWidget(self.individual_box, 3)
        columns.addWidget(self.collective_box, 2)
        self.layout_.addLayout(columns)
        self.layout_.addWidget(self.tie_box)
        self.layout_.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Prizes"))
        self.setSubTitle(
            translate("SetupWizard", "How many prizes of each level, and how ties are broken.")
        )
        self.individual_box.setTitle(translate("SetupWizard", "Individual prizes"))
        self.collective_box.setTitle(translate("SetupWizard", "Collective prizes (units)"))
        self.per_category.setText(translate("SetupWizard", "Separately in each category"))
        self.pooled.setText(translate("SetupWizard", "All categories together"))
        self.excellence.setText(
            translate("SetupWizard", "Excellence prize for the best entrant under 18")
        )
        self.excellence_also.setText(
            translate("SetupWizard", "Its winner may also hold a ranked prize")
        )
        self.tie_box.setTitle(translate("SetupWizard", "Tie rule"))
        self.tie_help.setText(
            translate(
                "SetupWizard",
                "Entries with equal scores at a prize boundary are separated by these rules in "
                "this order; the board sees which rule decided.",
            )
        )
        self.tie_up.setText(translate("SetupWizard", "Move up"))
        self.tie_down.setText(translate("SetupWizard", "Move down"))
        labels = dict(TIE_RULES)
        for row in range(self.tie_list.count()):
            item = self.tie_list.item(row)
            item.setText(f"{row + 1}. " + tr(labels.get(item.data(Qt.ItemDataRole.UserRole), "")))

    def _move_tie(self, step: int) -> None:
        row = self.tie_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.tie_list.count():
            return
        item = self.tie_list.takeItem(row)
        self.tie_list.insertItem(target, item)
        self.tie_list.setCurrentRow(target)
        self.retranslate()

    def fill(self, data: Mapping[str, Any]) -> None:
        from judge_app.intake.contest_config import DEFAULT_SETTINGS

        given = data.get("settings") or {}
        settings = copy.deepcopy(DEFAULT_SETTINGS)
        for key, value in given.items():
            settings[key] = copy.deepcopy(value)
        self.settings = settings
        scheme = settings.get("prize_scheme", {})
        individual = scheme.get("individual", {})
        self.individual.set_rows(individual.get("levels", []))
        (self.per_category if individual.get("per_category") else self.pooled).setChecked(True)
        excellence = scheme.get("excellence_under_18", {})
        self.excellence.setChecked(bool(excellence.get("enabled", True)))
        self.excellence_also.setChecked(bool(excellence.get("may_also_hold_ranked_prize", True)))
        self.excellence_also.setEnabled(self.excellence.isChecked())
        self.collective.set_rows(scheme.get("collective", {}).get("levels", []))
        self.tie_list.clear()
        for rule in settings.get("tie_rule", []):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, rule)
            self.tie_list.addItem(item)
        self.retranslate()

    def collect(self, data: dict[str, Any]) -> None:
        settings = copy.deepcopy(self.settings)
        scheme = settings.setdefault("prize_scheme", {})
        individual = dict(scheme.get("individual", {}))
        individual["per_category"] = self.per_category.isChecked()
        individual["levels"] = [
            {**row, "min_score": row["min_score"] or None} for row in self.individual.rows()
        ]
        scheme["individual"] = individual
        excellence = dict(scheme.get("excellence_under_18", {}))
        excellence["enabled"] = self.excellence.isChecked()
        excellence["may_also_hold_ranked_prize"] = self.excellence_also.isChecked()
        scheme["excellence_under_18"] = excellence
        scheme["collective"] = {**scheme.get("collective", {}), "levels": self.collective.rows()}
        settings["tie_rule"] = [
            self.tie_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.tie_list.count())
        ]
        data["settings"] = settings

    def focus_field(self, parts: list[str | int]) -> None:
        from judge_app.ui.setup_page import select_table_row

        text = [str(p) for p in parts]
        if "collective" in text and "levels" in text:
            select_table_row(self.collective, parts[text.index("levels") + 1 :])
        elif "individual" in text and "levels" in text:
            select_table_row(self.individual, parts[text.index("levels") + 1 :])
        elif "tie_rule" in text:
            self.tie_list.setFocus()
        else:
            self.individual.table.setFocus()

"""Wizard pages 1–4: the contest itself, unit groups with their deadlines, categories, units."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from judge_app.ui.i18n import QT_TRANSLATE_NOOP
from judge_app.ui.setup_page import Form, SetupPage, help_label, select_table_row
from judge_app.ui.setup_tables import DATE_FORMAT, Column, EditTable, tr, translate

if TYPE_CHECKING:
    from judge_app.ui.setup_wizard import SetupWizard

TIERS = (
    ("school", QT_TRANSLATE_NOOP("SetupWizard", "School level")),
    ("district", QT_TRANSLATE_NOOP("SetupWizard", "District level")),
    ("city", QT_TRANSLATE_NOOP("SetupWizard", "City or province level")),
)
CATEGORY_KINDS = [
    ("staff", QT_TRANSLATE_NOOP("SetupWizard", "Staff")),
    ("student", QT_TRANSLATE_NOOP("SetupWizard", "Students")),
]


class ContestPage(SetupPage):
    """Name, organiser, tier, year, the reference date for age prizes, and the file to create."""

    sections = ("name", "organiser", "tier", "year", "reference_date", "stages")
    template_requested = Signal()

    def __init__(self, owner: SetupWizard) -> None:
        super().__init__(owner, "contestPage")
        self.template_intro = help_label(self.body)
        self.template_button = QPushButton(self.body)
        self.template_button.setObjectName("loadTemplate")
        self.template_button.clicked.connect(self.template_requested)
        self.template_label = QLabel(self.body)
        self.template_label.setObjectName("templateLoaded")
        self.template_label.setWordWrap(True)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_button)
        template_row.addWidget(self.template_label, 1)
        self.name = QLineEdit(self.body)
        self.name.setObjectName("contestName")
        self.organiser = QLineEdit(self.body)
        self.organiser.setObjectName("organiser")
        self.tier = QComboBox(self.body)
        self.tier.setObjectName("tier")
        for value, _label in TIERS:
            self.tier.addItem("", value)
        self.year = QSpinBox(self.body)
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.reference_date = QDateEdit(self.body)
        self.reference_date.setObjectName("referenceDate")
        self.reference_date.setDisplayFormat(DATE_FORMAT)
        self.reference_date.setCalendarPopup(True)
        self.reference_date.setDate(QDate.currentDate())
        self.reference_help = help_label(self.body)
        self.file_edit = QLineEdit(self.body)
        self.file_edit.setObjectName("contestFile")
        self.browse = QPushButton(self.body)
        self.browse.setObjectName("browseFile")
        self.browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse)
        self.form = Form()
        self.form.row(self.name, width=760)
        self.form.row(self.organiser, width=760)
        self.form.row(self.tier, width=300)
        self.form.row(self.year, width=120)
        self.form.row(self.reference_date, width=160)
        self.form.row(self.reference_help)
        self.form.row(file_row)
        self.file_edit.setMinimumWidth(640)
        self.layout_.addWidget(self.template_intro)
        self.layout_.addLayout(template_row)
        self.layout_.addSpacing(8)
        self.layout_.addLayout(self.form)
        self.layout_.addStretch(1)
        self.stages: list[dict[str, Any]] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Contest"))
        self.setSubTitle(
            translate(
                "SetupWizard", "What the contest is called, who runs it and where its file goes."
            )
        )
        self.template_intro.setText(
            translate(
                "SetupWizard",
                "To start from last year's contest, load its template or export: every page "
                "is filled in from it and you only change what differs.",
            )
        )
        self.template_button.setText(
            translate("SetupWizard", "Start from a template or a previous contest…")
        )
        for number, (_value, label) in enumerate(TIERS):
            self.tier.setItemText(number, tr(label))
        self.reference_help.setText(
            translate(
                "SetupWizard",
                "Ages for the prize for the best entrant under 18 are counted on this date.",
            )
        )
        self.browse.setText(translate("SetupWizard", "Choose…"))
        self.form.set_texts(
            [
                translate("SetupWizard", "Contest name:"),
                translate("SetupWizard", "Organiser:"),
                translate("SetupWizard", "Tier:"),
                translate("SetupWizard", "Year:"),
                translate("SetupWizard", "Reference date for ages:"),
                "",
                translate("SetupWizard", "Contest file to create:"),
            ]
        )

    def fill(self, data: Mapping[str, Any]) -> None:
        self.name.setText(str(data.get("name", "")))
        self.organiser.setText(str(data.get("organiser", "")))
        found = self.tier.findData(str(data.get("tier", "district")))
        self.tier.setCurrentIndex(max(found, 0))
        year = data.get("year")
        if isinstance(year, int):
            self.year.setValue(year)
        reference = QDate.fromString(str(data.get("reference_date", "")), Qt.DateFormat.ISODate)
        if reference.isValid():
            self.reference_date.setDate(reference)
        self.stages = [dict(stage) for stage in data.get("stages", []) if isinstance(stage, dict)]

    def collect(self, data: dict[str, Any]) -> None:
        data["name"] = self.name.text().strip()
        data["organiser"] = self.organiser.text().strip()
        data["tier"] = self.tier.currentData()
        data["year"] = self.year.value()
        data["reference_date"] = self.reference_date.date().toString(Qt.DateFormat.ISODate)
        if self.stages:
            data["stages"] = self.stages

    def focus_field(self, parts: list[str | int]) -> None:
        widgets: dict[str, QWidget] = {
            "name": self.name,
            "organiser": self.organiser,
            "tier": self.tier,
            "year": self.year,
            "reference_date": self.reference_date,
        }
        widget = widgets.get(str(parts[0])) if parts else None
        (widget or self.name).setFocus()

    @property
    def target(self) -> Path | None:
        text = self.file_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix else path.with_suffix(".sqlite")

    def choose_file(self) -> QFileDialog:
        from judge_app.ui.dialogs import contest_file_dialog

        folder = self.target.parent if self.target else self.owner.start_folder
        dialog = contest_file_dialog(self, create=True, folder=folder)
        dialog.fileSelected.connect(self.file_edit.setText)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class GroupsPage(SetupPage):
    """Unit groups and their deadlines; the deadline moment itself is already late."""

    sections = ("unit_groups",)

    def __init__(self, owner: SetupWizard) -> None:
        super().__init__(owner, "groupsPage")
        self.explain = help_label(self.body, "deadlineHelp")
        self.table = EditTable(
            [
                Column("code", QT_TRANSLATE_NOOP("SetupWizard", "Code"), width=110),
                Column("name", QT_TRANSLATE_NOOP("SetupWizard", "Name"), width=360, stretch=True),
                Column(
                    "deadline",
                    QT_TRANSLATE_NOOP("SetupWizard", "Deadline (date and time)"),
                    "datetime",
                    width=220,
                ),
            ],
            self.body,
            name="groups",
        )
        self.layout_.addWidget(self.explain)
        self.layout_.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Unit groups and deadlines"))
        self.setSubTitle(
            translate(
                "SetupWizard",
                "Schools and the district office may have different deadlines for their entries.",
            )
        )
        self.explain.setText(
            translate(
                "SetupWizard",
                "The deadline moment itself is late: “before 17:00 on 20/08/2019” means an "
                "entry received at 17:00 is late and one received at 16:59 is on time. Type "
                "the deadline as the rules write it.",
            )
        )

    def fill(self, data: Mapping[str, Any]) -> None:
        self.table.set_rows(data.get("unit_groups", []))

    def collect(self, data: dict[str, Any]) -> None:
        data["unit_groups"] = [
            {**row, "deadline": row["deadline"] or None} for row in self.table.rows()
        ]

    def focus_field(self, parts: list[str | int]) -> None:
        select_table_row(self.table, parts)

    def choices(self) -> list[tuple[str, str]]:
        return [(row["code"], row["code"]) for row in self.table.rows() if row["code"]]


class CategoriesPage(SetupPage):
    """Categories (đối tượng): staff, and students of one grade each."""

    sections = ("categories",)

    def __init__(self, owner: SetupWizard) -> None:
        super().__init__(owner, "categoriesPage")
        self.explain = help_label(self.body)
        self.table = EditTable(
            [
                Column("code", QT_TRANSLATE_NOOP("SetupWizard", "Code"), width=110),
                Column("name", QT_TRANSLATE_NOOP("SetupWizard", "Name"), width=360, stretch=True),
                Column(
                    "kind",
                    QT_TRANSLATE_NOOP("SetupWizard", "Kind"),
                    "choice",
                    width=150,
                    choices=lambda: CATEGORY_KINDS,
                ),
                Column("grade", QT_TRANSLATE_NOOP("SetupWizard", "Grade"), "int", width=80),
            ],
            self.body,
            name="categories",
        )
        self.layout_.addWidget(self.explain)
        self.layout_.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Categories"))
        self.setSubTitle(
            translate(
                "SetupWizard", "Who takes part: each category is ranked and counted on its own."
            )
        )
        self.explain.setText(
            translate(
                "SetupWizard",
                "Staff (managers, teachers and employees) have no grade; each student category "
                "is one grade, 6 to 9. The codes appear in unit lists and reports.",
            )
        )

    def fill(self, data: Mapping[str, Any]) -> None:
        self.table.set_rows(data.get("categories", []))

    def collect(self, data: dict[str, Any]) -> None:
        rows = []
        for row in self.table.rows():
            if row["grade"] is None:
                del row["grade"]
            rows.append(row)
        data["categories"] = rows

    def focus_field(self, parts: list[str | int]) -> None:
        select_table_row(self.table, parts)

    def codes(self) -> list[tuple[str, str]]:
        return [(row["code"], row["name"]) for row in self.table.rows() if row["code"]]


HEADCOUNT = "headcount:"  # column keys of the per-category headcounts


class UnitsPage(SetupPage):
    """Units with their group and headcounts, typed or imported from the unit list."""

    sections = ("units",)
    import_finished = Signal()

    def __init__(self, owner: SetupWizard) -> None:
        super().__init__(owner, "unitsPage")
        self.explain = help_label(self.body)
        self.import_button = QPushButton(self.body)
        self.import_button.setObjectName("importUnits")
        self.import_button.clicked.connect(self.choose_unit_list)
        self.import_status = QLabel(self.body)
        self.import_status.setObjectName("importStatus")
        self.import_status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.import_status, 1)
        self.problems = QListWidget(self.body)
        self.problems.setObjectName("unitProblems")
        self.problems.setMaximumHeight(110)
        self.problems.hide()
        self.table = EditTable(self._columns([]), self.body, name="units")
        self.table.setMinimumHeight(260)
        self.layout_.addWidget(self.explain)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.problems)
        self.layout_.addWidget(self.table, 1)
        self._categories: list[tuple[str, str]] = []
        self.retranslate()

    def _columns(self, categories: list[tuple[str, str]]) -> list[Column]:
        columns = [
            Column("code", QT_TRANSLATE_NOOP("SetupWizard", "Code"), width=100),
            Column("name", QT_TRANSLATE_NOOP("SetupWizard", "Name"), width=260),
            Column(
                "group",
                QT_TRANSLATE_NOOP("SetupWizard", "Group"),
                "choice",
                width=100,
                choices=self.owner.groups_page.choices,
                translated=False,
            ),
        ]
        columns += [Column(HEADCOUNT + code, code, "int", width=64) for code, _ in categories]
        columns.append(
            Column("email", QT_TRANSLATE_NOOP("SetupWizard", "E-mail"), width=220, stretch=True)
        )
        return columns

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Units"))
        self.setSubTitle(
            translate(
                "SetupWizard", "The schools and offices that send entries, with their headcounts."
            )
        )
        self.explain.setText(
            translate(
                "SetupWizard",
                "The headcount of each category is how many people the unit has: participation "
                "rates are counted against it. Import the unit list from a spreadsheet or type "
                "it.",
            )
        )
        self.import_button.setText(translate("SetupWizard", "Import unit list (XLSX/XLS/CSV)…"))

    def initializePage(self) -> None:  # noqa: N802
        """The headcount columns follow the categories page."""
        categories = self.owner.categories_page.codes()
        if categories != self._categories:
            self._categories = categories
            self.table.set_columns(self._columns(categories))
            for number, column in enumerate(self.table.columns):
                if column.key.startswith(HEADCOUNT):
                    name = dict(categories).get(column.key[len(HEADCOUNT) :], "")
                    header = self.table.table.horizontalHeaderItem(number)
                    if header is not None:
                        header.setToolTip(name)

    def fill(self, data: Mapping[str, Any]) -> None:
        self._categories = []
        self.initializePage()
        self.set_units(data.get("units", []))

    def set_units(self, units: list[Mapping[str, Any]]) -> None:
        rows = []
        for unit in units:
            row = {key: unit.get(key, "") for key in ("code", "name", "group", "email")}
            for code, count in dict(unit.get("headcounts") or {}).items():
                row[HEADCOUNT + code] = count
            rows.append(row)
        self.table.set_rows(rows)

    def collect(self, data: dict[str, Any]) -> None:
        units = []
        for row in self.table.rows():
            unit: dict[str, Any] = {
                "code": row["code"],
                "name": row["name"],
                "group": row["group"] or None,
            }
            unit["headcounts"] = {
                code: row[HEADCOUNT + code]
                for code, _name in self.owner.categories_page.codes()
                if row.get(HEADCOUNT + code) is not None
            }
            if row["email"]:
                unit["email"] = row["email"]
            units.append(unit)
        data["units"] = units

    def focus_field(self, parts: list[str | int]) -> None:
        if len(parts) > 2 and parts[1] == "headcounts":
            parts = [parts[0], HEADCOUNT + str(parts[2])]
        select_table_row(self.table, parts)

    def codes(self) -> list[tuple[str, str]]:
        return [(row["code"], row["code"]) for row in self.table.rows() if row["code"]]

    # ----------------------------------------------------------------- import

    def choose_unit_list(self) -> QFileDialog:
        dialog = QFileDialog(
            self, translate("SetupWizard", "Import unit list"), str(self.owner.start_folder)
        )
        dialog.setObjectName("unitListDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [
                translate("SetupWizard", "Unit lists (*.xlsx *.xls *.csv)"),
                translate("SetupWizard", "All files (*)"),
            ]
        )
        dialog.fileSelected.connect(lambda name: self.import_unit_list(Path(name)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_unit_list(self, path: Path) -> None:
        """Read the list in the background; its units replace the table's, problems listed."""
        from judge_app.ui.i18n import current_language
        from judge_app.ui.operation import Operation

        backend, lang, data = self.owner.backend, current_language(), self.owner.config()

        def work(_progress: object) -> tuple[list[dict[str, Any]], list[str]]:
            return backend.read_unit_list(path, lang, data)

        self.import_button.setEnabled(False)
        self.import_status.setText(translate("SetupWizard", "Reading %1…").replace("%1", path.name))
        operation = Operation(work, parent=self, on_success=self._imported)
        operation.done.connect(lambda: self.import_button.setEnabled(True))
        operation.failed.connect(lambda _error: self.import_status.clear())
        operation.done.connect(self.import_finished)
        operation.start()

    def _imported(self, result: tuple[list[dict[str, Any]], list[str]]) -> None:
        units, problems = result
        data: dict[str, Any] = {}
        self.collect(data)
        by_code = {unit["code"]: unit for unit in data["units"]}
        for unit in units:  # a unit already in the table is replaced by the list's row
            by_code[unit["code"]] = unit
        self.set_units(list(by_code.values()))
        self.import_status.setText(
            translate("SetupWizard", "%1 units read, %2 problems.")
            .replace("%1", str(len(units)))
            .replace("%2", str(len(problems)))
        )
        self.problems.clear()
        self.problems.addItems(problems)
        self.problems.setVisible(bool(problems))

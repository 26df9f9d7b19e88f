"""The contest set-up wizard: ten pages from a contest's name to its head judge's key.

The wizard edits one config dict (the format `judge-app contest init --config` reads, see
docs/contest-config.md): each page fills itself from it and writes its part back. Every check
is `parse_config`'s, run on the whole dict when a page is left; its problems carry the dotted
path of their key (`criteria[2].maximum`), which names the page that owns the key, so a problem
is shown on that page, at that row, in the UI language — never as a traceback. Finish runs the
creation on a worker thread (`Operation`) and hands the new file to the main window.
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget, QWizard

from judge_app.core.errors import JudgeAppError
from judge_app.ui.errors import error_text, show_error
from judge_app.ui.i18n import QT_TRANSLATE_NOOP, current_language
from judge_app.ui.operation import Operation
from judge_app.ui.setup_backend import Created, SetupBackend, reason_text
from judge_app.ui.setup_judges import JudgesPage, KeyPage, SummaryPage, readable_fingerprint
from judge_app.ui.setup_page import SetupPage
from judge_app.ui.setup_pages import CategoriesPage, ContestPage, GroupsPage, UnitsPage
from judge_app.ui.setup_rubric import RubricPage
from judge_app.ui.setup_rules import PrizesPage, RulesPage
from judge_app.ui.setup_tables import tr, translate

if TYPE_CHECKING:
    from judge_app.intake.contest_config import ConfigProblem

MAX_SHOWN_PROBLEMS = 6
TEMPLATE_FILTER = QT_TRANSLATE_NOOP("SetupWizard", "Contest set-ups (*.json)")

# The English labels of the config's keys, for "row 3, Maximum: …" (translated when shown).
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("SetupWizard", "Name"),
    "code": QT_TRANSLATE_NOOP("SetupWizard", "Code"),
    "organiser": QT_TRANSLATE_NOOP("SetupWizard", "Organiser"),
    "tier": QT_TRANSLATE_NOOP("SetupWizard", "Tier"),
    "year": QT_TRANSLATE_NOOP("SetupWizard", "Year"),
    "reference_date": QT_TRANSLATE_NOOP("SetupWizard", "Reference date for ages"),
    "deadline": QT_TRANSLATE_NOOP("SetupWizard", "Deadline (date and time)"),
    "kind": QT_TRANSLATE_NOOP("SetupWizard", "Kind"),
    "grade": QT_TRANSLATE_NOOP("SetupWizard", "Grade"),
    "group": QT_TRANSLATE_NOOP("SetupWizard", "Group"),
    "headcounts": QT_TRANSLATE_NOOP("SetupWizard", "Headcount"),
    "email": QT_TRANSLATE_NOOP("SetupWizard", "E-mail"),
    "number": QT_TRANSLATE_NOOP("SetupWizard", "No."),
    "prompt": QT_TRANSLATE_NOOP("SetupWizard", "Question"),
    "options": QT_TRANSLATE_NOOP("SetupWizard", "Options"),
    "answer": QT_TRANSLATE_NOOP("SetupWizard", "Answer"),
    "points": QT_TRANSLATE_NOOP("SetupWizard", "Points"),
    "maximum": QT_TRANSLATE_NOOP("SetupWizard", "Maximum"),
    "step": QT_TRANSLATE_NOOP("SetupWizard", "Step"),
    "guide": QT_TRANSLATE_NOOP("SetupWizard", "Grading guide"),
    "levels": QT_TRANSLATE_NOOP("SetupWizard", "Level descriptors"),
    "low": QT_TRANSLATE_NOOP("SetupWizard", "From"),
    "high": QT_TRANSLATE_NOOP("SetupWizard", "To"),
    "descriptor": QT_TRANSLATE_NOOP("SetupWizard", "What an answer at this level shows"),
    "unit": QT_TRANSLATE_NOOP("SetupWizard", "Own unit"),
    "head": QT_TRANSLATE_NOOP("SetupWizard", "Head judge"),
    "capacity": QT_TRANSLATE_NOOP("SetupWizard", "Most entries"),
    "conflicts": QT_TRANSLATE_NOOP("SetupWizard", "Declared conflicts"),
    "count": QT_TRANSLATE_NOOP("SetupWizard", "How many"),
    "min_score": QT_TRANSLATE_NOOP("SetupWizard", "Lowest score (optional)"),
    "level": QT_TRANSLATE_NOOP("SetupWizard", "Prize"),
    "tie_rule": QT_TRANSLATE_NOOP("SetupWizard", "Tie rule"),
    "max_total": QT_TRANSLATE_NOOP("SetupWizard", "Maximum total"),
    "score_step": QT_TRANSLATE_NOOP("SetupWizard", "Score step"),
    "judges_per_entry": QT_TRANSLATE_NOOP("SetupWizard", "Judges per entry"),
    "agree_below": QT_TRANSLATE_NOOP("SetupWizard", "Judges agree when the gap is below"),
    "discuss_upto": QT_TRANSLATE_NOOP("SetupWizard", "They discuss when the gap is up to"),
    "third_mean_upto": QT_TRANSLATE_NOOP(
        "SetupWizard", "Mean of three gradings when the gap is up to"
    ),
    "quality_threshold": QT_TRANSLATE_NOOP("SetupWizard", "Quality bar (score)"),
    "quality_target_percent": QT_TRANSLATE_NOOP("SetupWizard", "Target share reaching the bar"),
    "rounding": QT_TRANSLATE_NOOP("SetupWizard", "Rounding of means"),
}

_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def field_parts(field: str) -> list[str | int]:
    """`criteria[2].levels[0].low` → ["criteria", 2, "levels", 0, "low"]."""
    parts: list[str | int] = []
    for index, key in _PATH_PART.findall(field):
        parts.append(int(index) if index else key)
    return parts


def default_config() -> dict[str, Any]:
    """What a new contest starts from: the board defaults and the seed contest's categories."""
    from judge_app.intake.contest_config import DEFAULT_SETTINGS

    return {
        "tier": "district",
        "judges_per_entry": 2,
        "max_total": "10",
        "score_step": "0.25",
        "agree_below": "1",
        "discuss_upto": "1.5",
        "third_mean_upto": "2.5",
        "per_criterion_rule": True,
        "rounding": "half_up_2",
        "quality_threshold": None,
        "quality_target_percent": 10,
        "unit_groups": [
            {"code": "school", "name": translate("SetupWizard", "Schools"), "deadline": None},
            {
                "code": "office",
                "name": translate("SetupWizard", "District office"),
                "deadline": None,
            },
        ],
        "categories": [
            {
                "code": "staff",
                "name": translate("SetupWizard", "Managers, teachers and staff"),
                "kind": "staff",
            },
            *(
                {
                    "code": f"g{grade}",
                    "name": translate("SetupWizard", "Students of grade %1").replace(
                        "%1", str(grade)
                    ),
                    "kind": "student",
                    "grade": grade,
                }
                for grade in range(6, 10)
            ),
        ],
        "units": [],
        "questions": [],
        "criteria": [],
        "judges": [],
        "settings": copy.deepcopy(DEFAULT_SETTINGS),
    }


class SetupWizard(QWizard):
    """New contest, page by page. `created` fires with the new file once it exists."""

    created = Signal(Path)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        start_folder: Path | None = None,
        backend: SetupBackend | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.HaveCustomButton1)
        self.backend = backend or SetupBackend()
        self.start_folder = start_folder or Path.home()
        self.summary_page_ready = False
        self.operation: Operation[Created] | None = None
        self.outcome: Created | None = None
        self.result_box: QMessageBox | None = None
        self.template_path: Path | None = None
        self.discard_box: QMessageBox | None = None
        self._discard_confirmed = False
        self._extra: dict[str, Any] = {}  # keys of a loaded template no page edits

        self.contest_page = ContestPage(self)
        self.groups_page = GroupsPage(self)
        self.categories_page = CategoriesPage(self)
        self.units_page = UnitsPage(self)
        self.rubric_page = RubricPage(self)
        self.rules_page = RulesPage(self)
        self.prizes_page = PrizesPage(self)
        self.judges_page = JudgesPage(self)
        self.key_page = KeyPage(self)
        self.summary_page = SummaryPage(self)
        self.summary_page_ready = True
        self.pages: list[SetupPage] = [
            self.contest_page,
            self.groups_page,
            self.categories_page,
            self.units_page,
            self.rubric_page,
            self.rules_page,
            self.prizes_page,
            self.judges_page,
            self.key_page,
            self.summary_page,
        ]
        for number, page in enumerate(self.pages):
            self.setPage(number, page)
        self.contest_page.template_requested.connect(self.choose_template)
        self.customButtonClicked.connect(self._custom_button)
        self.fill(default_config())
        self._size_for_screen()
        self.retranslate()

    def _size_for_screen(self) -> None:
        """1100×700 where it fits; on a 1366×768 laptop the pages scroll instead of clipping."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        width, height = 1100, 700
        if available is not None:
            width = min(width, available.width() - 40)
            height = min(height, available.height() - 60)
        self.resize(width, height)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SetupWizard", "New contest"))
        buttons = {
            QWizard.WizardButton.BackButton: translate("SetupWizard", "< Back"),
            QWizard.WizardButton.NextButton: translate("SetupWizard", "Next >"),
            QWizard.WizardButton.FinishButton: translate("SetupWizard", "Create the contest"),
            QWizard.WizardButton.CancelButton: translate("SetupWizard", "Cancel"),
            QWizard.WizardButton.CustomButton1: translate("SetupWizard", "Save as template…"),
        }
        for button, text in buttons.items():
            self.setButtonText(button, text)
        custom = self.button(QWizard.WizardButton.CustomButton1)
        custom.setObjectName("saveTemplate")
        custom.setToolTip(
            translate(
                "SetupWizard", "Save what is typed so far as a set-up file to start from later"
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------- the dict

    def fill(self, data: Mapping[str, Any]) -> None:
        """Show `data` on every page (pages that list others' codes come after them)."""
        owned = {key for page in self.pages for key in page.sections}
        self._extra = {
            key: copy.deepcopy(value)
            for key, value in data.items()
            if key not in owned and key not in ("format", "version")
        }
        for page in self.pages:
            page.fill(data)
            page.clear_error()
        self.rubric_page.update_sum()

    def config(self) -> dict[str, Any]:
        """The set-up as typed, in the config format."""
        from judge_app.intake.contest_config import CONFIG_FORMAT, CONFIG_VERSION

        data: dict[str, Any] = {"format": CONFIG_FORMAT, "version": CONFIG_VERSION}
        data.update(copy.deepcopy(self._extra))
        for page in self.pages:
            page.collect(data)
        return data

    def error_sentence(self, error: BaseException) -> str:
        return error_text(error, current_language())

    def show_status(self, text: str) -> None:
        """A short confirmation under the current page (a file saved)."""
        page = self.currentPage()
        if isinstance(page, SetupPage):
            page.error_label.setStyleSheet("")
            page.show_error(text)

    # ----------------------------------------------------------------- problems → pages

    def page_of(self, problem: ConfigProblem) -> tuple[SetupPage, list[str | int]]:
        parts = field_parts(problem.field)
        section = str(parts[0]) if parts else ""
        if section == "max_total" and problem.reason.startswith("Σ"):
            return self.rubric_page, parts  # the parts do not add up: the rubric's problem
        if section == "criteria" and len(parts) == 1:
            return self.rubric_page, parts
        for page in self.pages:
            if section in page.sections:
                return page, parts
        return self.contest_page, parts

    def problem_sentence(self, problem: ConfigProblem) -> str:
        """ "Row 3, Maximum: not a score" in the UI language."""
        parts = field_parts(problem.field)
        rows = [p for p in parts if isinstance(p, int)]
        keys = [p for p in parts if isinstance(p, str)]
        where = []
        if rows:
            where.append(translate("SetupWizard", "row %1").replace("%1", str(rows[0] + 1)))
        if len(rows) > 1 and "levels" in keys:
            where.append(translate("SetupWizard", "level %1").replace("%1", str(rows[1] + 1)))
        label = next((FIELD_LABELS[k] for k in reversed(keys) if k in FIELD_LABELS), "")
        if label:
            where.append(tr(label))
        reason = reason_text(problem.reason, current_language())
        text = f"{', '.join(where)}: {reason}" if where else reason
        return text[:1].upper() + text[1:]

    def show_problems(self, page: SetupPage, problems: list[ConfigProblem]) -> None:
        lines = [self.problem_sentence(p) for p in problems[:MAX_SHOWN_PROBLEMS]]
        if len(problems) > MAX_SHOWN_PROBLEMS:
            lines.append(
                translate("SetupWizard", "… and %1 more.").replace(
                    "%1", str(len(problems) - MAX_SHOWN_PROBLEMS)
                )
            )
        page.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        page.show_error("\n".join(lines))
        first, parts = self.page_of(problems[0])
        section = str(parts[0]) if parts else ""
        if isinstance(first, RubricPage):
            first.focus_field(parts[1:], section)
        else:
            first.focus_field(parts[1:] if len(parts) > 1 else parts)

    def go_to(self, page: SetupPage) -> None:
        """Back to an earlier page (QWizard has no jump; Back keeps what was typed)."""
        target = self.pages.index(page)
        while self.currentId() > target:
            self.back()

    def validate_page(self, page: SetupPage) -> bool:
        """Leave `page` only when no problem belongs to it or an earlier page."""
        if self.outcome is not None:
            return True  # the contest exists: accept() validates the last page once more
        if self.running:
            return False
        for each in self.pages:
            each.clear_error()
        position = self.pages.index(page)
        if page is self.contest_page and not self._check_target():
            return False
        if page is self.key_page:
            why = self.key_page.check()
            if why:
                self.key_page.show_error(why)
                return False
        data = self.config()
        try:
            problems = self.backend.problems(data)
        except Exception as error:  # a bug in the checks: shown as such, never a traceback
            show_error(self, error)
            return False
        by_page: dict[int, list[ConfigProblem]] = {}
        for problem in problems:
            owner, _parts = self.page_of(problem)
            by_page.setdefault(self.pages.index(owner), []).append(problem)
        blocking = sorted(number for number in by_page if number <= position)
        if blocking:
            target = self.pages[blocking[0]]
            self.go_to(target)
            self.show_problems(target, by_page[blocking[0]])
            return False
        if page is self.summary_page:
            if not self._check_target():
                return False
            self.start_creation(data)
            return False  # the wizard closes when the file exists
        return True

    def _check_target(self) -> bool:
        target = self.contest_page.target
        if target is None:
            error = JudgeAppError("setup_file_required")
        elif target.exists():
            error = JudgeAppError("file_exists", target)
        else:
            return True
        self.go_to(self.contest_page)
        self.contest_page.show_error(self.error_sentence(error))
        self.contest_page.file_edit.setFocus()
        return False

    # ----------------------------------------------------------------- creation

    def start_creation(self, data: dict[str, Any]) -> Operation[Created]:
        target = self.contest_page.target
        assert target is not None
        key = self.key_page.chosen_key()
        backend = self.backend

        def work(_progress: object) -> Created:
            return backend.create(target, data, key)

        self._set_running(True)
        self.operation = Operation(
            work, parent=self, on_success=self._created, on_failure=self._failed
        )
        self.operation.done.connect(lambda: self._set_running(False))
        return self.operation.start()

    def _set_running(self, running: bool) -> None:
        self.summary_page.progress.setVisible(running)
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
            QWizard.WizardButton.CustomButton1,
        ):
            self.button(button).setEnabled(not running)

    @property
    def running(self) -> bool:
        return self.operation is not None and self.operation.running

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, JudgeAppError) and error.code == "contest_config_invalid":
            from judge_app.intake.contest_config import config_problems

            problems = list(config_problems(error))
            if problems:
                page, _parts = self.page_of(problems[0])
                self.go_to(page)
                self.show_problems(page, problems)
                return
        self.summary_page.show_error(self.error_sentence(error))
        show_error(self, error)

    def _created(self, result: Created) -> None:
        self.outcome = result
        text = translate("SetupWizard", "The contest file %1 was created.").replace(
            "%1", str(result.path)
        )
        if result.fingerprint:
            text += "\n\n" + translate("SetupWizard", "The head judge's key fingerprint is:")
            text += "\n" + readable_fingerprint(result.fingerprint)
        box = QMessageBox(self)
        box.setObjectName("setupResult")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(translate("SetupWizard", "New contest"))
        box.setText(text)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.finished.connect(lambda _code: self.accept())
        self.result_box = box
        self.created.emit(result.path)
        box.open()

    def reject(self) -> None:
        """Cancel (or Esc) past the first page asks first: the set-up may be an hour's typing."""
        if self.running:
            return  # the file is being written; Cancel is disabled meanwhile
        if self.outcome is not None or self.currentId() <= 0 or self._discard_confirmed:
            super().reject()
            return
        box = QMessageBox(self)
        box.setObjectName("discardSetup")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("SetupWizard", "New contest"))
        box.setText(
            translate(
                "SetupWizard",
                "Close the wizard and lose what was typed? To keep it, choose No and use "
                "“Save as template…”.",
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(self._discard_answered)
        self.discard_box = box
        box.open()

    def _discard_answered(self, answer: int) -> None:
        if answer == QMessageBox.StandardButton.Yes.value:
            self._discard_confirmed = True
            self.reject()

    # ----------------------------------------------------------------- templates

    def _json_dialog(self, title: str, *, save: bool) -> QFileDialog:
        dialog = QFileDialog(self, title, str(self.start_folder))
        dialog.setObjectName("templateFileDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setNameFilters([tr(TEMPLATE_FILTER), translate("SetupWizard", "All files (*)")])
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("json")
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def choose_template(self) -> QFileDialog:
        dialog = self._json_dialog(translate("SetupWizard", "Start from a template"), save=False)
        dialog.fileSelected.connect(lambda name: self.load_template(Path(name)))
        dialog.open()
        return dialog

    def load_template(self, path: Path) -> bool:
        """Prefill every page from a template or a previous contest's export."""
        try:
            data = self.backend.load(path)
        except Exception as error:  # a broken file is reported, the pages stay as they were
            show_error(self, error)
            return False
        self.fill(data)
        self.template_path = path
        self.contest_page.template_label.setText(
            translate("SetupWizard", "Loaded: %1").replace("%1", str(path))
        )
        return True

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            dialog = self._json_dialog(translate("SetupWizard", "Save as template"), save=True)
            dialog.fileSelected.connect(lambda name: self.save_template(Path(name)))
            dialog.open()

    def save_template(self, path: Path) -> bool:
        """Write the set-up typed so far (checked: a template must load again)."""
        from judge_app.fileio import write_atomically
        from judge_app.intake.contest_config import dumps_config

        data = self.config()
        problems = self.backend.problems(data)
        if problems:
            page, _parts = self.page_of(problems[0])
            self.go_to(page)
            self.show_problems(page, [p for p in problems if self.page_of(p)[0] is page])
            return False
        try:
            write_atomically(path, dumps_config(data))
        except OSError as error:
            show_error(self, JudgeAppError("database_unwritable", path, reason=str(error)))
            return False
        self.show_status(translate("SetupWizard", "Set-up saved: %1").replace("%1", str(path)))
        return True

    # ----------------------------------------------------------------- summary

    def summary_html(self) -> str:
        data = self.config()
        key = self.key_page.chosen_key()
        head = self.judges_page.head_judge()
        rows = [
            (translate("SetupWizard", "Contest name:"), data.get("name", "")),
            (translate("SetupWizard", "Organiser:"), data.get("organiser", "")),
            (translate("SetupWizard", "Year:"), str(data.get("year", ""))),
            (
                translate("SetupWizard", "Contest file to create:"),
                str(self.contest_page.target or ""),
            ),
            (translate("SetupWizard", "Unit groups"), str(len(data.get("unit_groups", [])))),
            (translate("SetupWizard", "Categories"), str(len(data.get("categories", [])))),
            (translate("SetupWizard", "Units"), str(len(data.get("units", [])))),
            (
                translate("SetupWizard", "Multiple-choice questions"),
                str(len(data.get("questions", []))),
            ),
            (
                translate("SetupWizard", "Written part: criteria"),
                str(len(data.get("criteria", []))),
            ),
            (
                translate("SetupWizard", "Maximum total:"),
                str(data.get("max_total", "")).replace(".", ","),
            ),
            (translate("SetupWizard", "Judges per entry:"), str(data.get("judges_per_entry", ""))),
            (translate("SetupWizard", "Judges"), str(len(data.get("judges", [])))),
            (translate("SetupWizard", "Head judge"), head["name"] if head else "—"),
            (
                translate("SetupWizard", "Head judge's key"),
                key.fingerprint if key else translate("SetupWizard", "later"),
            ),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:16px'><b>{html.escape(label.rstrip(':'))}:</b></td>"
            f"<td>{html.escape(value)}</td></tr>"
            for label, value in rows
        )
        return f"<table>{cells}</table>"


def export_template_dialog(parent: QWidget, db: Any, start_folder: Path) -> QFileDialog:
    """File ▸ Export contest as template…: the open contest's set-up, without its people."""
    dialog = QFileDialog(
        parent, translate("SetupWizard", "Export contest as template"), str(start_folder)
    )
    dialog.setObjectName("exportTemplateDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("json")
    dialog.setNameFilters([tr(TEMPLATE_FILTER), translate("SetupWizard", "All files (*)")])
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda name: export_template(parent, db, Path(name)))
    dialog.open()
    return dialog


def export_template(parent: QWidget, db: Any, path: Path) -> Operation[Path]:
    """Write the template on a worker thread; the status bar or the error dialog says how."""

    def work(_progress: object) -> Path:
        from judge_app.intake.contest_config import save_config
        from judge_app.intake.contest_setup import export_config

        save_config(export_config(db, template=True), path)
        return path

    def done(saved: Path) -> None:
        from PySide6.QtWidgets import QMainWindow

        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(
                translate("SetupWizard", "Template saved: %1").replace("%1", str(saved)), 15_000
            )

    return Operation(work, parent=parent, on_success=done).start()


def export_rubric_dialog(parent: QWidget, db: Any, start_folder: Path) -> QFileDialog:
    """Board ▸ Export rubric…: the open contest's rubric as a rubric file."""
    dialog = QFileDialog(parent, translate("SetupWizard", "Export rubric"), str(start_folder))
    dialog.setObjectName("exportRubricDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("json")
    dialog.setNameFilters(
        [
            translate("SetupWizard", "Rubric files (*.json)"),
            translate("SetupWizard", "All files (*)"),
        ]
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def export(name: str) -> None:
        def work(_progress: object) -> Path:
            from judge_app.intake.contest_setup import export_rubric

            export_rubric(db, Path(name))
            return Path(name)

        def done(saved: Path) -> None:
            from PySide6.QtWidgets import QMainWindow

            if isinstance(parent, QMainWindow):
                parent.statusBar().showMessage(
                    translate("SetupWizard", "Rubric saved: %1").replace("%1", str(saved)), 15_000
                )

        Operation(work, parent=parent, on_success=done).start()

    dialog.fileSelected.connect(export)
    dialog.open()
    return dialog

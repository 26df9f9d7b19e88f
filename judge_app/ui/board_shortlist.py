"""Board → Shortlist and finalists…: the cut after a screening round, and the finalists' package
for the next tier.

The window cuts the shortlist (`store.shortlist.cut_shortlist`: top N or a minimum score, per
category or over the whole contest) and shows it: every entry with its screening score, kept or
not with the recorded reason, and the entries tied at the cut highlighted and named under the
table (a cut keeps every tie, so the board sees why the list is longer than N). "Export
finalists…" writes the zip for the next tier after the lock and the reveal (written to a
temporary file and renamed by the store); "Import finalists…" reads such a zip into another
contest file chosen with a file dialog. All of it runs off the GUI thread; failures show their
translated sentence, which names the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.messages import render
from judge_app.ui.board_appeals import set_form_labels
from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.errors import show_error
from judge_app.ui.i18n import QT_TRANSLATE_NOOP, current_language
from judge_app.ui.operation import Operation, Progress
from judge_app.ui.results_model import RowsModel

if TYPE_CHECKING:
    from judge_app.core.scores import Points
    from judge_app.store.database import ContestDatabase
    from judge_app.store.shortlist import CutTie, FinalistsExport, FinalistsImport, Shortlist

translate = QCoreApplication.translate
CONTEXT = "ShortlistWindow"

HEADERS = (
    QT_TRANSLATE_NOOP("ShortlistWindow", "Category"),
    QT_TRANSLATE_NOOP("ShortlistWindow", "Entry code"),
    QT_TRANSLATE_NOOP("ShortlistWindow", "Screening score"),
    QT_TRANSLATE_NOOP("ShortlistWindow", "Shortlisted"),
    QT_TRANSLATE_NOOP("ShortlistWindow", "Note"),
)
TIE_COLOUR = "#fff3c4"
OUT_COLOUR = "#eeeeee"


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def score_text(score: Decimal) -> str:
    """An exact screening score as the board writes it: 7,5 / 7,25 / 7,333…"""
    text = f"{score.normalize():f}"
    return text.replace(".", ",")


def ties_text(ties: tuple[CutTie, ...], names: dict[str, str] | None = None) -> str:
    """The ties at the cut, one line each (the CLI's sentence), or an empty string."""
    lang = current_language()
    return "\n".join(
        render(
            "shortlist_tie_included",
            lang,
            group=(names or {}).get(t.group, t.group)
            if t.group != "*"
            else translate("ShortlistWindow", "all"),
            score=score_text(t.score),
            count=len(t.codes),
            entries=", ".join(t.codes),
        )
        for t in ties
    )


@dataclass(frozen=True, slots=True)
class ShortlistData:
    shortlist: Shortlist | None
    screening: bool  # the contest says it has a screening round
    categories: dict[str, str]  # entry code → category code
    names: dict[str, str]  # category code → name
    maximum: Points


def load_shortlist(db: ContestDatabase) -> ShortlistData:
    from sqlalchemy import select

    from judge_app.store.models import Category, Contest, Entry
    from judge_app.store.results import contest_settings
    from judge_app.store.shortlist import read_shortlist

    with db.read_session() as session:
        contest = session.scalars(select(Contest)).one()
        settings = contest_settings(contest.settings)
        categories = {
            code: category
            for code, category in session.execute(
                select(Entry.code, Category.code).join(Category, Category.id == Entry.category_id)
            )
        }
        names = {c.code: c.name for c in session.scalars(select(Category))}
        maximum = contest.max_total
    screening = bool((settings.get("rounds") or {}).get("screening"))
    return ShortlistData(read_shortlist(db), screening, categories, names, maximum)


class RuleFields(QWidget):
    """Top N or a minimum score, per category or over the whole contest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.top_radio = QRadioButton(self)
        self.top_radio.setObjectName("ruleTop")
        self.top_radio.setChecked(True)
        self.top_spin = QSpinBox(self)
        self.top_spin.setObjectName("topCount")
        self.top_spin.setRange(1, 100_000)
        self.top_spin.setValue(10)
        self.min_radio = QRadioButton(self)
        self.min_radio.setObjectName("ruleMinimum")
        self.min_edit = QLineEdit(self)
        self.min_edit.setObjectName("minimumScore")
        self.min_edit.setMaximumWidth(90)
        self.per_category = QCheckBox(self)
        self.per_category.setObjectName("perCategory")
        self.top_radio.toggled.connect(self._sync)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.top_radio)
        row.addWidget(self.top_spin)
        row.addSpacing(16)
        row.addWidget(self.min_radio)
        row.addWidget(self.min_edit)
        row.addSpacing(16)
        row.addWidget(self.per_category)
        row.addStretch(1)
        self.retranslate()
        self._sync()

    def retranslate(self) -> None:
        self.top_radio.setText(translate("ShortlistWindow", "Top"))
        self.min_radio.setText(translate("ShortlistWindow", "Score at least"))
        self.min_edit.setPlaceholderText(translate("ShortlistWindow", "e.g. 6,5"))
        self.per_category.setText(translate("ShortlistWindow", "In each category"))

    def _sync(self) -> None:
        self.top_spin.setEnabled(self.top_radio.isChecked())
        self.min_edit.setEnabled(self.min_radio.isChecked())

    def rule(self) -> tuple[int | None, Points | None, bool] | None:
        """(top, min_score, per_category), or None when the minimum is not a score."""
        from judge_app.core.errors import JudgeAppError
        from judge_app.core.scores import Points

        per_category = self.per_category.isChecked()
        if self.top_radio.isChecked():
            return self.top_spin.value(), None, per_category
        try:
            return None, Points.parse(self.min_edit.text().strip()), per_category
        except JudgeAppError:
            return None


class FinalistsExportDialog(BoardDialog):
    """Which finalists go to the next tier and where the zip goes; `exported` fires after."""

    exported = Signal(object)

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("finalistsExportDialog")
        self.operation: Operation[FinalistsExport] | None = None
        self.file_dialog: QFileDialog | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.rule = RuleFields(self)
        self.rule.top_spin.setValue(3)
        self.path = QLineEdit(str(db.path.parent / "chung-khao.zip"), self)
        self.path.setObjectName("finalistsPath")
        self.browse = QPushButton(self)
        self.browse.clicked.connect(lambda: self.ask_path())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        self.form = QFormLayout()
        self.form.addRow(QLabel(self), self.rule)
        self.form.addRow(QLabel(self), where)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("exportFinalists")
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ShortlistWindow", "Export finalists"))
        self.intro.setText(
            translate(
                "ShortlistWindow",
                "The finalists go to the next tier in one zip: their identities, scores, ranks, "
                "prizes and entry files. The scores must be locked and the identities revealed. "
                "Entries tied at the cut are all included.",
            )
        )
        set_form_labels(
            self.form,
            (translate("ShortlistWindow", "Finalists:"), translate("ShortlistWindow", "Zip file:")),
        )
        self.browse.setText(translate("ShortlistWindow", "Browse…"))
        self.ok.setText(translate("ShortlistWindow", "Export"))
        self.rule.retranslate()

    def ask_path(self) -> QFileDialog:
        dialog = QFileDialog(
            self, translate("ShortlistWindow", "Save the finalists' package"), self.path.text()
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(translate("ShortlistWindow", "Finalists package (*.zip)"))
        dialog.setDefaultSuffix("zip")
        dialog.fileSelected.connect(self.path.setText)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def run(self) -> Operation[FinalistsExport] | None:
        rule = self.rule.rule()
        target = self.path.text().strip()
        if rule is None:
            self.status.setText(translate("ShortlistWindow", "The minimum is a score such as 6,5."))
            return None
        if not target:
            self.status.setText(translate("ShortlistWindow", "Choose where to save the zip."))
            return None
        if self.operation is not None and self.operation.running:
            return None
        from judge_app.store.shortlist import export_finalists

        top, min_score, per_category = rule
        db, actor, out = self.db, self.actor, Path(target)

        def work(_progress: Progress) -> FinalistsExport:
            return export_finalists(
                db, out, top=top, min_score=min_score, per_category=per_category, actor=actor
            )

        self.status.setText(translate("ShortlistWindow", "Writing the package…"))
        self.operation = Operation(work, parent=self, on_success=self._done)
        self.operation.done.connect(self._idle)
        self._set_running(True)
        return self.operation.start()

    def _set_running(self, running: bool) -> None:
        self.ok.setEnabled(not running)
        self.cancel.setEnabled(not running)

    def _idle(self) -> None:
        if shiboken6.isValid(self):
            self._set_running(False)
            if self.result_box is None:
                self.status.setText("")

    def _done(self, done: FinalistsExport) -> None:
        text = render(
            "finalists_exported_done",
            current_language(),
            path=done.path,
            count=done.count,
            files=done.files,
        )
        ties = ties_text(done.ties)
        self.exported.emit(done)
        self.show_result(
            "finalistsExported",
            translate("ShortlistWindow", "Finalists exported"),
            text + ("\n" + ties if ties else ""),
        )


class FinalistsImportDialog(BoardDialog):
    """A finalists' zip into a contest file (the next tier's); `imported` fires after."""

    imported = Signal(object, object)  # FinalistsImport, the contest file

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("finalistsImportDialog")
        self.operation: Operation[FinalistsImport] | None = None
        self.file_dialog: QFileDialog | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.package = QLineEdit(self)
        self.package.setObjectName("packagePath")
        self.target = QLineEdit(self)
        self.target.setObjectName("targetContest")
        self.browse_package = QPushButton(self)
        self.browse_package.clicked.connect(lambda: self.ask_package())
        self.browse_target = QPushButton(self)
        self.browse_target.clicked.connect(lambda: self.ask_target())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.form = QFormLayout()
        for edit, button in (
            (self.package, self.browse_package),
            (self.target, self.browse_target),
        ):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(button)
            self.form.addRow(QLabel(self), row)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("importFinalists")
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self.package.textChanged.connect(self._update)
        self.target.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ShortlistWindow", "Import finalists"))
        self.intro.setText(
            translate(
                "ShortlistWindow",
                "Each finalist of the package becomes a participant and a new entry of the "
                "chosen contest file (the next tier's), with a new code; the files are checked "
                "against their hashes. The categories must exist there.",
            )
        )
        set_form_labels(
            self.form,
            (
                translate("ShortlistWindow", "Finalists package:"),
                translate("ShortlistWindow", "Into contest file:"),
            ),
        )
        self.browse_package.setText(translate("ShortlistWindow", "Browse…"))
        self.browse_target.setText(translate("ShortlistWindow", "Browse…"))
        self.ok.setText(translate("ShortlistWindow", "Import"))

    def _update(self) -> None:
        idle = self.operation is None or not self.operation.running
        filled = bool(self.package.text().strip() and self.target.text().strip())
        self.ok.setEnabled(idle and filled)
        self.cancel.setEnabled(idle)

    def _file_dialog(self, title: str, filter_: str, edit: QLineEdit) -> QFileDialog:
        start = edit.text() or str(self.db.path.parent)
        dialog = QFileDialog(self, title, start)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(filter_)
        dialog.fileSelected.connect(edit.setText)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def ask_package(self) -> QFileDialog:
        return self._file_dialog(
            translate("ShortlistWindow", "Open a finalists' package"),
            translate("ShortlistWindow", "Finalists package (*.zip)"),
            self.package,
        )

    def ask_target(self) -> QFileDialog:
        return self._file_dialog(
            translate("ShortlistWindow", "Contest file to import into"),
            translate("ShortlistWindow", "Contest file (*.sqlite)"),
            self.target,
        )

    def run(self) -> Operation[FinalistsImport] | None:
        package, target = Path(self.package.text().strip()), Path(self.target.text().strip())
        if not self.ok.isEnabled():
            return None
        from judge_app.store.shortlist import import_finalists

        db, actor = self.db, self.actor

        def work(_progress: Progress) -> FinalistsImport:
            if target.resolve() == db.path.resolve():
                return import_finalists(db, package, actor=actor)
            from judge_app.store.database import open_contest_file

            with open_contest_file(target) as other:
                return import_finalists(other, package, actor=actor)

        self.status.setText(translate("ShortlistWindow", "Importing…"))
        self.operation = Operation(work, parent=self, on_success=self._done)
        self.operation.done.connect(self._update)
        self.operation.start()
        self._update()
        return self.operation

    def _done(self, done: FinalistsImport) -> None:
        self.status.setText("")
        package, target = Path(self.package.text().strip()), Path(self.target.text().strip())
        lines = [
            render(
                "finalists_imported_done",
                current_language(),
                path=package,
                count=len(done.codes),
                files=done.files,
            )
        ]
        lines += [f"  {source} → {code}" for source, code in done.codes.items()]
        self.imported.emit(done, target)
        self.show_result(
            "finalistsImported",
            translate("ShortlistWindow", "Finalists imported"),
            "\n".join(lines),
        )


class ShortlistWindow(QWidget):
    """Its own window over the main one; `loaded` and `cut_done` let tests and views wait."""

    loaded = Signal()
    cut_done = Signal(object)  # the Shortlist
    imported = Signal(object, object)  # FinalistsImport, contest file

    def __init__(
        self, db: ContestDatabase, parent: QWidget | None = None, *, actor: str = "board"
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("shortlistWindow")
        self.db, self.actor = db, actor
        self.data: ShortlistData | None = None
        self.dialog: BoardDialog | None = None
        self._running: set[Operation[Any]] = set()
        self.tie_rows: list[int] = []

        self.cut_box = QGroupBox(self)
        self.round_label = QLabel(self.cut_box)
        self.round_spin = QSpinBox(self.cut_box)
        self.round_spin.setObjectName("screeningRound")
        self.round_spin.setRange(1, 9)
        self.rule = RuleFields(self.cut_box)
        self.cut_button = QPushButton(self.cut_box)
        self.cut_button.setObjectName("cutShortlist")
        self.cut_button.clicked.connect(lambda: self.cut())
        row = QHBoxLayout(self.cut_box)
        row.addWidget(self.round_label)
        row.addWidget(self.round_spin)
        row.addSpacing(16)
        row.addWidget(self.rule, 1)
        row.addWidget(self.cut_button)

        self.summary = QLabel(self)
        self.summary.setObjectName("shortlistSummary")
        self.summary.setWordWrap(True)
        self.model = RowsModel(HEADERS, self)
        self.model.header_translate = _tr
        self.table = QTableView(self)
        self.table.setObjectName("shortlistTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.ties = QLabel(self)
        self.ties.setObjectName("shortlistTies")
        self.ties.setWordWrap(True)
        self.ties.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setObjectName("shortlistStatus")
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportFinalistsButton")
        self.export_button.clicked.connect(lambda: self.open_export_dialog())
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importFinalistsButton")
        self.import_button.clicked.connect(lambda: self.open_import_dialog())
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshShortlist")
        self.refresh_button.clicked.connect(lambda: self.reload())
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.cut_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.ties)
        layout.addLayout(bottom)
        self.resize(1200, 640)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ShortlistWindow", "Shortlist and finalists"))
        self.cut_box.setTitle(
            translate("ShortlistWindow", "Cut the shortlist after the screening round")
        )
        self.round_label.setText(translate("ShortlistWindow", "Screening round:"))
        self.cut_button.setText(translate("ShortlistWindow", "Cut the shortlist"))
        self.export_button.setText(translate("ShortlistWindow", "Export finalists…"))
        self.import_button.setText(translate("ShortlistWindow", "Import finalists…"))
        self.refresh_button.setText(translate("ShortlistWindow", "Refresh"))
        self.rule.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.data is not None:
            self._show(self.data)
        metrics = self.fontMetrics()
        widths = (
            metrics.horizontalAdvance("Cán bộ, giáo viên, nhân viên") + 16,
            metrics.horizontalAdvance("XXX-XXXXXX") + 24,
            metrics.horizontalAdvance("Điểm sơ khảo") + 24,
            metrics.horizontalAdvance("Vào chung khảo") + 24,
        )
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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

    def _update_buttons(self) -> None:
        if not shiboken6.isValid(self):
            return
        idle = not self.busy and self.data is not None
        self.cut_button.setEnabled(idle and self.data is not None and self.data.screening)
        self.export_button.setEnabled(idle)
        self.import_button.setEnabled(idle)
        self.refresh_button.setEnabled(not self.busy)

    def reload(self) -> Operation[ShortlistData]:
        db = self.db

        def work(_progress: Progress) -> ShortlistData:
            return load_shortlist(db)

        return self._start(Operation(work, parent=self, on_success=self._loaded))

    def _loaded(self, data: ShortlistData) -> None:
        if not shiboken6.isValid(self):
            return
        self.data = data
        self._show(data)
        self.loaded.emit()

    def _show(self, data: ShortlistData) -> None:
        made = data.shortlist
        self.tie_rows = []
        if made is None:
            self.model.set_rows([])
            self.ties.setText("")
            self.summary.setText(
                translate("ShortlistWindow", "No shortlist has been cut yet.")
                if data.screening
                else translate(
                    "ShortlistWindow",
                    "This contest has no screening round (set it in the contest's rules), so "
                    "there is no shortlist to cut.",
                )
            )
            return
        self.round_spin.setValue(made.round)
        tied = {code: tie for tie in made.ties for code in tie.codes}
        kept = set(made.kept)
        codes = list(made.kept) + sorted(
            made.out, key=lambda c: (data.categories.get(c, ""), -made.scores[c].centi, c)
        )
        if made.per_category:
            order = {code: n for n, code in enumerate(codes)}
            codes.sort(key=lambda c: (data.categories.get(c, ""), c not in kept, order[c]))
        rows, colours, tips = [], [], []
        for n, code in enumerate(codes):
            category = data.categories.get(code, "")
            score = made.scores.get(code)
            if code in tied:
                note = translate(
                    "ShortlistWindow", "Tied at the cut ({score}): kept with the others"
                ).format(score=score_text(tied[code].score))
                colour: str | None = TIE_COLOUR
                self.tie_rows.append(n)
            elif code in kept:
                note, colour = "", None
            else:
                note, colour = made.out.get(code, ""), OUT_COLOUR
            rows.append(
                [
                    data.names.get(category, category),
                    code,
                    "" if score is None else score.format(),
                    translate("ShortlistWindow", "Yes")
                    if code in kept
                    else translate("ShortlistWindow", "No"),
                    note,
                ]
            )
            colours.append(colour)
            tips.append(note)
        self.model.set_rows(rows, colours, tips)
        self.summary.setText(
            render(
                "shortlist_cut_done",
                current_language(),
                rule=made.rule,
                kept=len(made.kept),
                total=len(made.kept) + len(made.out),
                out=len(made.out),
            )
        )
        ties = ties_text(made.ties, data.names)
        self.ties.setText(
            translate("ShortlistWindow", "Ties at the cut (highlighted):") + "\n" + ties
            if ties
            else translate("ShortlistWindow", "No tie at the cut.")
        )

    def cut(self) -> Operation[Shortlist] | None:
        rule = self.rule.rule()
        if rule is None:
            self.status.setText(translate("ShortlistWindow", "The minimum is a score such as 6,5."))
            return None
        if self.busy:
            return None
        from judge_app.store.shortlist import cut_shortlist

        top, min_score, per_category = rule
        db, actor, round_ = self.db, self.actor, self.round_spin.value()

        def work(_progress: Progress) -> Shortlist:
            return cut_shortlist(
                db,
                round_=round_,
                top=top,
                min_score=min_score,
                per_category=per_category,
                actor=actor,
            )

        self.status.setText(translate("ShortlistWindow", "Cutting the shortlist…"))
        return self._start(
            Operation(work, parent=self, on_success=self._cut, on_failure=self._failed)
        )

    def _cut(self, made: Shortlist) -> None:
        if not shiboken6.isValid(self):
            return
        self.status.setText("")
        self.cut_done.emit(made)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.status.setText("")
        show_error(self, error)

    def open_export_dialog(self) -> FinalistsExportDialog:
        dialog = FinalistsExportDialog(self.db, self, actor=self.actor)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_import_dialog(self) -> FinalistsImportDialog:
        dialog = FinalistsImportDialog(self.db, self, actor=self.actor)
        dialog.imported.connect(self.imported)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        dialog = self.dialog
        operation = dialog.operation if dialog is not None and shiboken6.isValid(dialog) else None
        if operation is not None and operation.running:
            event.ignore()  # the transaction must finish first
            return
        super().closeEvent(event)

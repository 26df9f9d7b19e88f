"""Wizard pages 8–10: the judges with their declared conflicts, the head judge's key, a summary.

The head judge's key is made on its own page (or an existing one chosen), so its fingerprint is
on screen before the contest exists: it is what every judge will compare when opening a
package. The finished contest pins it to the head judge.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from judge_app.ui.i18n import QT_TRANSLATE_NOOP
from judge_app.ui.setup_page import Form, SetupPage, help_label, select_table_row
from judge_app.ui.setup_tables import Column, EditTable, translate

if TYPE_CHECKING:
    from judge_app.exchange.keys import KeyInfo
    from judge_app.ui.setup_wizard import SetupWizard


def readable_fingerprint(fingerprint: str) -> str:
    """Eight groups of four on two lines, the way it is read aloud over the phone."""
    groups = fingerprint.split()
    return "  ".join(groups[:4]) + "\n" + "  ".join(groups[4:])


class JudgesPage(SetupPage):
    """Judges: own unit (never graded), head judge, capacity, declared conflicts."""

    sections = ("judges",)

    def __init__(self, owner: SetupWizard) -> None:
        super().__init__(owner, "judgesPage")
        self.explain = help_label(self.body)
        self.table = EditTable(
            [
                Column("code", QT_TRANSLATE_NOOP("SetupWizard", "Code"), width=80),
                Column("name", QT_TRANSLATE_NOOP("SetupWizard", "Name"), width=220, stretch=True),
                Column(
                    "unit",
                    QT_TRANSLATE_NOOP("SetupWizard", "Own unit"),
                    "choice",
                    width=110,
                    choices=self._unit_choices,
                    translated=False,
                ),
                Column("head", QT_TRANSLATE_NOOP("SetupWizard", "Head judge"), "bool", width=110),
                Column(
                    "capacity", QT_TRANSLATE_NOOP("SetupWizard", "Most entries"), "int", width=110
                ),
                Column(
                    "conflicts_text",
                    QT_TRANSLATE_NOOP("SetupWizard", "Declared conflicts"),
                    width=180,
                    readonly=True,
                ),
            ],
            self.body,
            name="judges",
        )
        self.table.setMinimumHeight(280)
        self.conflicts_box = QGroupBox(self.body)
        self.conflicts = QListWidget(self.conflicts_box)
        self.conflicts.setObjectName("conflictsList")
        QVBoxLayout(self.conflicts_box).addWidget(self.conflicts)
        self.conflicts_box.setMinimumWidth(260)
        row = QHBoxLayout()
        row.addWidget(self.table, 3)
        row.addWidget(self.conflicts_box, 1)
        self.layout_.addWidget(self.explain)
        self.layout_.addLayout(row, 1)
        self._judge_row = -1
        self.table.table.currentCellChanged.connect(lambda r, _c, _pr, _pc: self._select(r))
        self.conflicts.itemChanged.connect(self._conflict_toggled)
        self.table.table.itemChanged.connect(self._head_toggled)
        self.retranslate()

    def _unit_choices(self) -> list[tuple[str, str]]:
        return [("", "—"), *self.owner.units_page.codes()]

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Judges"))
        self.setSubTitle(
            translate("SetupWizard", "Who grades, and which units' entries each must never see.")
        )
        self.explain.setText(
            translate(
                "SetupWizard",
                "A judge never grades entries from their own unit. Tick the units a judge has "
                "declared a conflict with (a relative's school, a former school) in the list on "
                "the right. Exactly one judge is the head judge.",
            )
        )
        self._update_conflicts_title()

    def _update_conflicts_title(self) -> None:
        if self._judge_row < 0:
            self.conflicts_box.setTitle(translate("SetupWizard", "Declared conflicts"))
            return
        code = self.table.row_values(self._judge_row).get("code") or str(self._judge_row + 1)
        self.conflicts_box.setTitle(
            translate("SetupWizard", "Declared conflicts of %1").replace("%1", str(code))
        )

    def initializePage(self) -> None:  # noqa: N802
        self._select(self.table.table.currentRow())

    def _select(self, row: int) -> None:
        self._judge_row = -1
        chosen = set(self.table.extra(row).get("conflicts") or []) if row >= 0 else set()
        blocked = self.conflicts.blockSignals(True)
        self.conflicts.clear()
        for code, _label in self.owner.units_page.codes():
            name = next(
                (u["name"] for u in self.owner.units_page.table.rows() if u["code"] == code), ""
            )
            item = QListWidgetItem(f"{code} — {name}" if name else code)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            self.conflicts.addItem(item)
        self.conflicts.blockSignals(blocked)
        self.conflicts.setEnabled(row >= 0)
        self._judge_row = row
        self._update_conflicts_title()

    def _head_toggled(self, item: QTableWidgetItem) -> None:
        """One head judge: ticking one unticks the others (like radio buttons)."""
        column = self.table.column_of("head")
        if item.column() != column or item.checkState() != Qt.CheckState.Checked:
            return
        view = self.table.table
        blocked = view.blockSignals(True)
        for row in range(view.rowCount()):
            other = view.item(row, column)
            if other is not None and other is not item:
                other.setCheckState(Qt.CheckState.Unchecked)
        view.blockSignals(blocked)
        view.viewport().update()

    def _conflict_toggled(self, _item: QListWidgetItem) -> None:
        row = self._judge_row
        if row < 0:
            return
        codes = [
            self.conflicts.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.conflicts.count())
            if self.conflicts.item(n).checkState() == Qt.CheckState.Checked
        ]
        self.table.set_extra(row, "conflicts", codes)
        self._show_conflicts(row, codes)

    def _show_conflicts(self, row: int, codes: list[str]) -> None:
        item = self.table.table.item(row, self.table.column_of("conflicts_text"))
        if item is not None:
            blocked = self.table.table.blockSignals(True)
            item.setText(", ".join(codes))
            self.table.table.blockSignals(blocked)

    def fill(self, data: Mapping[str, Any]) -> None:
        rows = []
        for judge in data.get("judges", []):
            row = dict(judge)
            row["conflicts"] = list(judge.get("conflicts") or [])
            row["conflicts_text"] = ", ".join(row["conflicts"])
            rows.append(row)
        self.table.set_rows(rows)
        self._select(-1)

    def collect(self, data: dict[str, Any]) -> None:
        judges = []
        for row in self.table.rows():
            row.pop("conflicts_text", None)
            row["unit"] = row["unit"] or None
            row["conflicts"] = list(row.get("conflicts") or [])
            judges.append(row)
        data["judges"] = judges

    def focus_field(self, parts: list[str | int]) -> None:
        select_table_row(self.table, parts)
        if len(parts) > 1 and parts[1] == "conflicts":
            self.conflicts.setFocus()

    def head_judge(self) -> dict[str, Any] | None:
        heads = [row for row in self.table.rows() if row["head"]]
        return heads[0] if len(heads) == 1 else None


class KeyPage(SetupPage):
    """The head judge's signing key: a new one, one made before, or later on the command line."""

    sections = ("head_key",)
    key_created = Signal(str)

    def __init__(self, owner: SetupWizard) -> None:
        super().__init__(owner, "keyPage")
        self.explain = help_label(self.body)
        self.new_key = QRadioButton(self.body)
        self.new_key.setObjectName("keyNew")
        self.existing_key = QRadioButton(self.body)
        self.existing_key.setObjectName("keyExisting")
        self.later = QRadioButton(self.body)
        self.later.setObjectName("keyLater")
        self.choice = QButtonGroup(self)
        for button in (self.new_key, self.existing_key, self.later):
            self.choice.addButton(button)
        self.name = QLineEdit(self.body)
        self.name.setObjectName("keyName")
        self.passphrase = QLineEdit(self.body)
        self.passphrase.setObjectName("keyPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again = QLineEdit(self.body)
        self.passphrase_again.setObjectName("keyPassphraseAgain")
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_button = QPushButton(self.body)
        self.create_button.setObjectName("createKey")
        self.create_button.clicked.connect(self.create_key)
        self.progress = QProgressBar(self.body)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        create_row = QHBoxLayout()
        create_row.addWidget(self.create_button)
        create_row.addWidget(self.progress)
        self.created_label = QLabel(self.body)
        self.created_label.setObjectName("keyCreated")
        create_row.addWidget(self.created_label)
        create_row.addStretch(1)
        self.new_form = Form()
        self.new_form.row(self.name)
        self.new_form.row(self.passphrase, width=360)
        self.new_form.row(self.passphrase_again, width=360)
        self.new_form.row(create_row)
        self.new_form.setContentsMargins(24, 0, 0, 0)
        self.keys = QComboBox(self.body)
        self.keys.setObjectName("existingKeys")
        self.keys.setMaximumWidth(900)
        self.fingerprint_title = QLabel(self.body)
        self.fingerprint = QLabel(self.body)
        self.fingerprint.setObjectName("keyFingerprint")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(font)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_help = help_label(self.body)
        self.layout_.addWidget(self.explain)
        self.layout_.addWidget(self.new_key)
        self.layout_.addLayout(self.new_form)
        self.layout_.addWidget(self.existing_key)
        self.layout_.addWidget(self.keys)
        self.layout_.addWidget(self.later)
        self.layout_.addSpacing(12)
        self.layout_.addWidget(self.fingerprint_title)
        self.layout_.addWidget(self.fingerprint)
        self.layout_.addWidget(self.fingerprint_help)
        self.layout_.addStretch(1)
        self.created: KeyInfo | None = None
        self._known: list[KeyInfo] = []
        self.new_key.setChecked(True)
        self.choice.buttonToggled.connect(lambda _b, _on: self._update())
        self.keys.currentIndexChanged.connect(lambda _i: self._update())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Head judge's key"))
        self.setSubTitle(
            translate("SetupWizard", "The key that signs every grading package of this contest.")
        )
        self.explain.setText(
            translate(
                "SetupWizard",
                "Judges check each package against this key's fingerprint. The private key "
                "stays on this computer, locked with your passphrase; nobody can recover a "
                "forgotten passphrase.",
            )
        )
        self.new_key.setText(translate("SetupWizard", "Create a new key now"))
        self.existing_key.setText(translate("SetupWizard", "Use a key I made before"))
        self.later.setText(
            translate("SetupWizard", "Later (command: judge-app key create, then key register)")
        )
        self.create_button.setText(translate("SetupWizard", "Create the key"))
        self.new_form.set_texts(
            [
                translate("SetupWizard", "Key name:"),
                translate("SetupWizard", "Passphrase:"),
                translate("SetupWizard", "Passphrase again:"),
                "",
            ]
        )
        self.fingerprint_title.setText(
            translate("SetupWizard", "Fingerprint (read it aloud to the judges):")
        )
        self.fingerprint_help.setText(
            translate("SetupWizard", "It is also shown by the command judge-app key list.")
        )
        self._fill_keys()

    def initializePage(self) -> None:  # noqa: N802
        if not self.name.text():
            head = self.owner.judges_page.head_judge()
            contest = self.owner.contest_page.name.text().strip()
            name = head["name"] if head else ""
            self.name.setText(f"{name} — {contest}" if name and contest else name or contest)
        self._known = self.owner.backend.list_keys()
        self._fill_keys()

    def _fill_keys(self) -> None:
        current = self.keys.currentData()
        blocked = self.keys.blockSignals(True)
        self.keys.clear()
        for info in self._known:
            self.keys.addItem(
                f"{info.name or translate('SetupWizard', '(no name)')} — {info.fingerprint}", info
            )
        if current is not None:
            self.keys.setCurrentIndex(max(self.keys.findData(current), 0))
        self.keys.blockSignals(blocked)
        self.existing_key.setEnabled(bool(self._known))
        self._update()

    def _update(self) -> None:
        new = self.new_key.isChecked()
        for widget in (self.name, self.passphrase, self.passphrase_again, self.create_button):
            widget.setEnabled(new and self.created is None)
        self.keys.setEnabled(self.existing_key.isChecked())
        self.created_label.setText(
            translate("SetupWizard", "Key created; it is kept in the key folder.")
            if self.created is not None
            else ""
        )
        chosen = self.chosen_key()
        self.fingerprint.setText(readable_fingerprint(chosen.fingerprint) if chosen else "—")
        self.fingerprint_title.setVisible(chosen is not None)
        self.fingerprint.setVisible(chosen is not None)
        self.fingerprint_help.setVisible(chosen is not None)

    def chosen_key(self) -> KeyInfo | None:
        """The key the contest will pin to its head judge, or None (later)."""
        if self.new_key.isChecked():
            return self.created
        if self.existing_key.isChecked():
            data = self.keys.currentData()
            return data if data is not None else None
        return None

    def create_key(self) -> None:
        """Make the key pair in the background (stretching the passphrase takes ~0.1 s)."""
        from judge_app.core.errors import JudgeAppError
        from judge_app.ui.operation import Operation

        self.clear_error()
        name, phrase = self.name.text().strip(), self.passphrase.text()
        if not name:
            self.show_error(
                translate(
                    "SetupWizard", "Give the key a name (yours and the contest's, for example)."
                )
            )
            self.name.setFocus()
            return
        if phrase != self.passphrase_again.text():
            self.show_error(self.owner.error_sentence(JudgeAppError("setup_passphrase_mismatch")))
            self.passphrase_again.setFocus()
            return
        backend = self.owner.backend

        def work(_progress: object) -> KeyInfo:
            return backend.create_key(name, phrase)

        self.create_button.setEnabled(False)
        self.progress.show()
        operation = Operation(work, parent=self, on_success=self._created, on_failure=self._failed)
        operation.done.connect(self.progress.hide)
        operation.done.connect(self._update)
        operation.start()

    def _created(self, info: KeyInfo) -> None:
        self.created = info
        self._known = [*self._known, info]
        self.passphrase.clear()  # a passphrase is never kept longer than it is needed
        self.passphrase_again.clear()
        self._fill_keys()
        self.key_created.emit(info.fingerprint)

    def _failed(self, error: BaseException) -> None:
        self.show_error(self.owner.error_sentence(error))

    def isComplete(self) -> bool:  # noqa: N802
        return True

    def check(self) -> str:
        """Why the page cannot be left yet, or ""."""
        if self.new_key.isChecked() and self.created is None:
            return translate("SetupWizard", "Create the key first, or choose “Later”.")
        if self.chosen_key() is not None and self.owner.judges_page.head_judge() is None:
            return translate(
                "SetupWizard",
                "The key belongs to the head judge: tick exactly one head judge first.",
            )
        return ""


class SummaryPage(SetupPage):
    """What will be created; Finish checks everything once more and creates the file."""

    def __init__(self, owner: SetupWizard) -> None:
        super().__init__(owner, "summaryPage")
        self.summary = QTextBrowser(self.body)
        self.summary.setObjectName("summary")
        self.summary.setOpenLinks(False)
        self.progress = QProgressBar(self.body)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.layout_.addWidget(self.summary, 1)
        self.layout_.addWidget(self.progress)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Summary"))
        self.setSubTitle(
            translate(
                "SetupWizard", "Check the set-up, then press Finish to create the contest file."
            )
        )
        if self.owner.summary_page_ready:
            self.initializePage()

    def initializePage(self) -> None:  # noqa: N802
        self.summary.setHtml(self.owner.summary_html())

    def setFinalPage(self, final: bool) -> None:  # noqa: N802
        super().setFinalPage(final)

"""The board's review of entries intake could not give a participant: strays and namesakes.

A file that matches nobody on the unit's list, or several people with one name, becomes an entry
of its own "needing linking"; nothing is dropped and nothing is guessed. Here the head judge
sees each such entry (code, the file names as the school wrote them, when it arrived), the
people of its unit with the namesakes first, can open the entry in the viewer to read who wrote
it, and links it (`intake.receive_review.link_pending` → `link_entry`, audited) or leaves it for
later. Opened from the intake report ("Review N unmatched…") or from the Board menu, where it
reads the entries still waiting from the contest file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.board_dialog import BoardDialog
from judge_app.ui.board_preview import preview_entry
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    from judge_app.intake.receive_link import LinkChoice
    from judge_app.intake.receive_review import LinkOutcome, PendingEntry
    from judge_app.store.database import ContestDatabase

translate = QCoreApplication.translate

WAITING, LINKED, LATER = "waiting", "linked", "later"


def _table(parent: QWidget, name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fold(text: str) -> str:
    from judge_app.intake.receive_match import fold

    return fold(text)


class LinkDialog(BoardDialog):
    """Non-modal. `linked` fires with a LinkOutcome after each link is stored."""

    linked = Signal(object)

    def __init__(
        self,
        db: ContestDatabase,
        parent: QWidget | None = None,
        *,
        pending: list[PendingEntry] | None = None,
        open_entry: Callable[[str], object] | None = None,
        actor: str = "board",
    ) -> None:
        super().__init__(db, parent, actor=actor)
        self.setObjectName("linkDialog")
        self.open_entry = open_entry
        self.pending: list[PendingEntry] = list(pending or [])
        self.decisions: dict[str, tuple[str, str]] = {}  # code -> (state, person's name)
        self.people: dict[str, list[LinkChoice]] = {}  # unit code -> its participants
        self.category_names: dict[str, str] = {}
        self.loaded: Operation[list[PendingEntry]] | None = None
        self.people_loaded: Operation[tuple[list[LinkChoice], dict[str, str]]] | None = None
        self.operation: Operation[LinkOutcome] | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.entries_box = QGroupBox(self)
        self.entries = _table(self.entries_box, "pendingEntries", 5)
        self.entries.setWordWrap(True)
        self.entries.itemSelectionChanged.connect(self._entry_selected)
        self.preview_button = QPushButton(self.entries_box)
        self.preview_button.setObjectName("previewEntry")
        self.preview_button.clicked.connect(self.preview)
        self.later_button = QPushButton(self.entries_box)
        self.later_button.setObjectName("leaveForLater")
        self.later_button.clicked.connect(self.leave_for_later)
        entry_buttons = QHBoxLayout()
        entry_buttons.addWidget(self.preview_button)
        entry_buttons.addWidget(self.later_button)
        entry_buttons.addStretch(1)
        entries_layout = QVBoxLayout(self.entries_box)
        entries_layout.addWidget(self.entries, 1)
        entries_layout.addLayout(entry_buttons)

        self.people_box = QGroupBox(self)
        self.filter_edit = QLineEdit(self.people_box)
        self.filter_edit.setObjectName("peopleFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _text: self._fill_people())
        self.people_table = _table(self.people_box, "unitPeople", 4)
        self.people_table.itemSelectionChanged.connect(self._update_buttons)
        self.people_table.cellDoubleClicked.connect(lambda _r, _c: self.link())
        self.link_button = QPushButton(self.people_box)
        self.link_button.setObjectName("linkEntry")
        self.link_button.clicked.connect(self.link)
        people_layout = QVBoxLayout(self.people_box)
        people_layout.addWidget(self.filter_edit)
        people_layout.addWidget(self.people_table, 1)
        link_row = QHBoxLayout()
        link_row.addStretch(1)
        link_row.addWidget(self.link_button)
        people_layout.addLayout(link_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.entries_box)
        self.splitter.addWidget(self.people_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.status = QLabel(self)
        self.status.setObjectName("linkStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(1180, 640)
        self.retranslate()
        if pending is None:
            self._load()
        else:
            self._fill_entries()

    # ----------------------------------------------------------------------------- texts

    def retranslate(self) -> None:
        self.setWindowTitle(translate("LinkDialog", "Link entries to participants"))
        self.intro.setText(
            translate(
                "LinkDialog",
                "These files matched nobody on their unit's list, or several people with the "
                "same name. Open each entry to see who wrote it, then choose the person and "
                "press Link, or leave it for later. Nothing is decided without you.",
            )
        )
        self.entries_box.setTitle(translate("LinkDialog", "Entries needing a decision"))
        self.entries.setHorizontalHeaderLabels(
            [
                translate("LinkDialog", "Code"),
                translate("LinkDialog", "Unit"),
                translate("LinkDialog", "Received"),
                translate("LinkDialog", "Decision"),
                translate("LinkDialog", "Files as the school named them"),
            ]
        )
        self.preview_button.setText(translate("LinkDialog", "Show the entry"))
        self.later_button.setText(translate("LinkDialog", "Leave for later"))
        self.people_box.setTitle(translate("LinkDialog", "People of the entry's unit"))
        self.filter_edit.setPlaceholderText(
            translate("LinkDialog", "Find a name (with or without diacritics)")
        )
        self.people_table.setHorizontalHeaderLabels(
            [
                translate("LinkDialog", "Name"),
                translate("LinkDialog", "Birth date"),
                translate("LinkDialog", "Category"),
                translate("LinkDialog", "Note"),
            ]
        )
        self.link_button.setText(translate("LinkDialog", "Link to this person"))
        if self.entries.rowCount():
            self._fill_entries()
        self._update_buttons()

    # ----------------------------------------------------------------------------- entries

    def _load(self) -> None:
        from judge_app.intake.receive_review import entries_needing_link

        db = self.db

        def loaded(found: list[PendingEntry]) -> None:
            self.pending = found
            self._fill_entries()

        self.status.setText(translate("LinkDialog", "Reading the entries…"))
        self.loaded = Operation(
            lambda _progress: entries_needing_link(db), parent=self, on_success=loaded
        ).start()

    def _decision_text(self, code: str) -> str:
        state, name = self.decisions.get(code, (WAITING, ""))
        if state == LINKED:
            return translate("LinkDialog", "linked: %1").replace("%1", name)
        if state == LATER:
            return translate("LinkDialog", "left for later")
        return (
            translate("LinkDialog", "several people match")
            if self._ambiguous(code)
            else translate("LinkDialog", "matches nobody")
        )

    def _ambiguous(self, code: str) -> bool:
        return any(p.code == code and p.link == "ambiguous" for p in self.pending)

    def _fill_entries(self) -> None:
        current = self.current_entry()
        self.entries.blockSignals(True)
        self.entries.setRowCount(len(self.pending))
        for row, entry in enumerate(self.pending):
            received = f"{entry.received_at:%d/%m/%Y %H:%M}" if entry.received_at else "—"
            values = (
                entry.code,
                entry.unit_code,
                received,
                self._decision_text(entry.code),
                "\n".join(entry.file_names),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setToolTip(entry.unit_name)
                self.entries.setItem(row, column, item)
        self.entries.resizeColumnsToContents()
        self.entries.resizeRowsToContents()
        self.entries.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.entries.blockSignals(False)
        waiting = sum(1 for p in self.pending if p.code not in self.decisions)
        self.status.setText(
            translate("LinkDialog", "%1 of %2 entries still wait for a decision.")
            .replace("%1", str(waiting))
            .replace("%2", str(len(self.pending)))
            if self.pending
            else translate("LinkDialog", "No entry needs linking.")
        )
        row = next((i for i, p in enumerate(self.pending) if current and p.code == current.code), 0)
        if self.pending:
            self.entries.selectRow(row)
        self._update_buttons()

    def current_entry(self) -> PendingEntry | None:
        row = self.entries.currentRow()
        selected = self.entries.selectionModel().selectedRows()
        if not selected or not 0 <= row < len(self.pending):
            return None
        return self.pending[row]

    def select_entry(self, code: str) -> None:
        for row, entry in enumerate(self.pending):
            if entry.code == code:
                self.entries.selectRow(row)
                return

    def _entry_selected(self) -> None:
        entry = self.current_entry()
        if entry is None:
            self.people_table.setRowCount(0)
        elif entry.unit_code in self.people:
            self._fill_people()
        else:
            self._load_people(entry.unit_code)
        self._update_buttons()

    # ----------------------------------------------------------------------------- people

    def _load_people(self, unit_code: str) -> None:
        from judge_app.intake.receive_link import unit_participants
        from judge_app.intake.receive_review import category_names

        db = self.db

        def work(_progress: Progress) -> tuple[list[LinkChoice], dict[str, str]]:
            return unit_participants(db, unit_code), category_names(db)

        def loaded(found: tuple[list[LinkChoice], dict[str, str]]) -> None:
            self.people[unit_code], self.category_names = found
            self._fill_people()

        self.people_table.setRowCount(0)
        self.people_loaded = Operation(work, parent=self, on_success=loaded).start()

    def shown_people(self) -> list[LinkChoice]:
        """The unit's people as listed: the entry's candidates first, then by name; filtered."""
        entry = self.current_entry()
        if entry is None:
            return []
        people = self.people.get(entry.unit_code, [])
        wanted = _fold(self.filter_edit.text())
        if wanted:
            people = [p for p in people if wanted in _fold(p.full_name)]
        candidates = set(entry.candidates)
        return sorted(people, key=lambda p: (p.participant_id not in candidates, p.has_entry))

    def _fill_people(self) -> None:
        entry = self.current_entry()
        people = self.shown_people()
        candidates = set(entry.candidates) if entry is not None else set()
        bold = QFont(self.people_table.font())
        bold.setBold(True)
        self.people_table.setRowCount(len(people))
        for row, person in enumerate(people):
            notes = []
            if person.participant_id in candidates:
                notes.append(translate("LinkDialog", "name in the file name"))
            if person.has_entry:
                notes.append(translate("LinkDialog", "already has an entry"))
            born = f"{person.birth_date:%d/%m/%Y}" if person.birth_date else "—"
            category = self.category_names.get(person.category, person.category) or "—"
            values = (person.full_name, born, category, "; ".join(notes))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, person.participant_id)
                if person.participant_id in candidates:
                    item.setFont(bold)
                self.people_table.setItem(row, column, item)
        self.people_table.resizeColumnsToContents()
        if people and person_first_is_candidate(people, candidates):
            self.people_table.selectRow(0)
        else:
            self.people_table.clearSelection()
        if not people and entry is not None and entry.unit_code in self.people:
            self.status.setText(
                translate(
                    "LinkDialog",
                    "Nobody of unit %1 is known yet: receive the unit's participant list first.",
                ).replace("%1", entry.unit_code)
            )
        self._update_buttons()

    def chosen_person(self) -> int | None:
        selected = self.people_table.selectionModel().selectedRows()
        if not selected:
            return None
        item = self.people_table.item(selected[0].row(), 0)
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def select_person(self, name: str) -> None:
        for row in range(self.people_table.rowCount()):
            item = self.people_table.item(row, 0)
            if item is not None and item.text() == name:
                self.people_table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        busy = self.operation is not None and self.operation.running
        open_to_link = entry is not None and self.decisions.get(entry.code, ("",))[0] != LINKED
        self.preview_button.setEnabled(entry is not None and self.open_entry is not None)
        self.later_button.setEnabled(open_to_link and not busy)
        self.link_button.setEnabled(open_to_link and not busy and self.chosen_person() is not None)

    # ----------------------------------------------------------------------------- actions

    def preview(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            preview_entry(self, self.open_entry, entry.code)

    def leave_for_later(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        self.decisions[entry.code] = (LATER, "")
        self._fill_entries()
        self._select_next_waiting()

    def _select_next_waiting(self) -> None:
        for row, entry in enumerate(self.pending):
            if entry.code not in self.decisions:
                self.entries.selectRow(row)
                return

    def link(self) -> Operation[LinkOutcome] | None:
        """Link the selected entry to the selected person (audited, on a worker)."""
        from judge_app.intake.receive_review import link_pending

        entry, person = self.current_entry(), self.chosen_person()
        if entry is None or person is None or not self.link_button.isEnabled():
            return None
        db, actor, code = self.db, self.actor, entry.code

        def work(_progress: Progress) -> LinkOutcome:
            return link_pending(db, code, person, actor=actor)

        self.operation = Operation(work, parent=self, on_success=self._linked)
        self.operation.done.connect(self._update_buttons)
        self.operation.start()
        self._update_buttons()
        return self.operation

    def _linked(self, outcome: LinkOutcome) -> None:
        import dataclasses

        self.decisions[outcome.code] = (LINKED, outcome.participant_name)
        for unit, people in self.people.items():
            self.people[unit] = [
                dataclasses.replace(p, has_entry=True)
                if p.participant_id == outcome.participant_id
                else p
                for p in people
            ]
        self.linked.emit(outcome)
        self._fill_entries()
        self._select_next_waiting()


def person_first_is_candidate(people: list[LinkChoice], candidates: set[int]) -> bool:
    """Preselect the first person only when the file names point at them alone: between
    namesakes the board chooses, nothing is guessed."""
    return len(candidates) == 1 and bool(people) and people[0].participant_id in candidates

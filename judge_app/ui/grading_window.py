"""The judge's grading view: entry list | document viewer | rubric, graded by keyboard.

What the judge types goes to the workspace at once through `store.grading` (no Save button;
the "Saved" mark says when it is on disk), on the one writer thread of `GradingSession`.
Undo/redo (`grading_undo`) replays edits through the same path. The next entry's state and
files are read ahead while the judge works on this one, so moving on is instant; the entry
the judge was on is remembered in the workspace, so a crash reopens it where it was.

This view holds no rules: validity of a score, what submit needs, the multiple-choice points,
reading answers out of a typed entry all come from `store.grading`.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.ui import actions as registry
from judge_app.ui.errors import error_text
from judge_app.ui.grading_flags import FlagDialog, NoteOverlay, PageNoteDialog
from judge_app.ui.grading_list import EntryListPanel
from judge_app.ui.grading_rubric import BankLineEdit, RubricPanel, points_text
from judge_app.ui.grading_session import GradingSession
from judge_app.ui.grading_undo import FieldEdit, FieldKey
from judge_app.ui.operation import FutureWatcher
from judge_app.ui.settings import settings_file
from judge_app.ui.viewer import DocumentPages, DocumentViewer

if TYPE_CHECKING:
    from judge_app.store.database import ContestDatabase
    from judge_app.store.grading import (
        BankCommentRow,
        EntryListRow,
        GradingState,
        Rubric,
        RubricCriterion,
        WorkspaceInfo,
    )

translate = QCoreApplication.translate
CONTEXT = "GradingView"
PROPOSAL_PAGES = 12  # pages of a typed entry read for its multiple-choice answers
BLANK_TEXT = "-"  # an answer field's text for "left blank" (text "" = not recorded)
GOOD = "#1e7b34"
BAD = "#b42318"


@runtime_checkable
class PageTexts(Protocol):
    """The document service's page text (the real service has it; test fakes may not)."""

    def text(self, doc_id: str, index: int) -> Future[str]: ...


@dataclass
class WorkspaceData:
    """What the view needs once per workspace, read on the writer thread."""

    info: WorkspaceInfo
    rubric: Rubric
    rows: list[EntryListRow]
    position: str | None
    general_bank: list[BankCommentRow]
    criterion_banks: dict[int, list[BankCommentRow]] = field(default_factory=dict)


@dataclass(frozen=True)
class EntryData:
    """One entry: its grading state and its files on disk."""

    state: GradingState
    paths: list[Path]


def load_workspace(db: ContestDatabase) -> WorkspaceData:
    from judge_app.store import grading

    rubric = grading.load_rubric(db)
    return WorkspaceData(
        info=grading.workspace_info(db),
        rubric=rubric,
        rows=grading.list_entries(db),
        position=grading.last_position(db),
        general_bank=grading.bank_comments(db, None),
        criterion_banks={c.id: grading.bank_comments(db, c.id) for c in rubric.criteria},
    )


def load_entry(db: ContestDatabase, code: str) -> EntryData:
    from judge_app.store import grading
    from judge_app.ui.main_window import entry_file_paths

    return EntryData(grading.grading_state(db, code), entry_file_paths(db, code))


class LayoutSettings:
    """Splitter sizes and which side the rubric is on (UI state only, in QSettings)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(str(settings_file()), QSettings.Format.IniFormat)

    def state(self, name: str) -> QByteArray | None:
        value = self._store.value(f"grading/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, name: str, value: QByteArray) -> None:
        self._store.setValue(f"grading/{name}", value)

    @property
    def swapped(self) -> bool:
        return str(self._store.value("grading/swapped", "false")).lower() == "true"

    @swapped.setter
    def swapped(self, value: bool) -> None:
        self._store.setValue("grading/swapped", bool(value))


class GradingView(QWidget):
    """See the module docstring. `entry_shown` when an entry's state is on screen,
    `workspace_loaded` once the list and rubric are, `saved` each time the writes are done."""

    workspace_loaded = Signal()
    entry_shown = Signal(str)
    saved = Signal()
    title_changed = Signal()

    def __init__(
        self,
        db: ContestDatabase,
        parent: QWidget | None = None,
        *,
        settings: LayoutSettings | None = None,
        help_action: QAction | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gradingView")
        self.db = db
        self.session = GradingSession(db, self)
        self.session.busy_changed.connect(self._busy_changed)
        self.session.failed.connect(self._write_failed)
        self._layout_settings = settings or LayoutSettings()
        self.data: WorkspaceData | None = None
        self.current: str | None = None
        self.state: GradingState | None = None
        self._service: DocumentPages | None = None
        self._cache: dict[str, EntryData] = {}
        self._loading: dict[str, Future[EntryData]] = {}
        self._wanted: str | None = None  # asked for, waiting for its data or the service
        self._texts: dict[FieldKey, str] = {}  # what each field of the shown entry holds
        self._written: dict[FieldKey, object] = {}  # last value sent to the database
        self._proposal_serial = 0
        self._proposals_pending = False  # the shown file's text is being read for answers
        self._save_error: str | None = None
        self._closed = False
        self.undo_stack = QUndoStack(self)

        self.actions_by_id = registry.create_actions(self, registry.scoped("grading"))
        for action in self.actions_by_id.values():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        if help_action is not None:
            self.addAction(help_action)
        self.undo_stack.canUndoChanged.connect(self.actions_by_id["grading_undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self.actions_by_id["grading_redo"].setEnabled)
        self.actions_by_id["grading_undo"].setEnabled(False)
        self.actions_by_id["grading_redo"].setEnabled(False)

        self.judge_label = QLabel(self)
        self.judge_label.setObjectName("gradingJudge")
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedIndicator")
        self.saved_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.setContentsMargins(8, 4, 8, 0)
        top.addWidget(self.judge_label, 1)
        top.addWidget(self.saved_label)

        self.entry_list = EntryListPanel(self)
        self.entry_list.entry_chosen.connect(self.show_entry)
        self.viewer = DocumentViewer(self)
        self.viewer.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.viewer.thumbnails.hide()  # at 1366 px the page needs the room; Alt+PgDn pages
        # A fixed page width: a scroll bar appearing once the pages are laid out would change
        # the fit-width zoom, render the first page twice and miss the page rendered ahead.
        self.viewer.canvas.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewer.document_shown.connect(self._document_shown)
        self.viewer.file_combo.currentIndexChanged.connect(lambda _i: self._show_note_markers())
        self.notes_overlay = NoteOverlay(self.viewer)
        self.notes_overlay.pin_requested.connect(self._ask_page_note)
        self.rubric = RubricPanel(self)
        self.rubric.answer_chosen.connect(self._answer_chosen)
        self.rubric.score_edited.connect(self._score_edited)
        self.rubric.score_stepped.connect(self._score_stepped)
        self.rubric.criterion_comment_edited.connect(
            lambda cid, text: self._text_edited(
                FieldKey(self.current or "", "criterion_comment", cid), text
            )
        )
        self.rubric.comment_edited.connect(
            lambda text: self._text_edited(FieldKey(self.current or "", "comment"), text)
        )
        self.rubric.note_removal_wanted.connect(self._remove_page_note)
        self.rubric.note_activated.connect(self._go_to_note)

        self.inner = QSplitter(Qt.Orientation.Horizontal, self)
        self.inner.setObjectName("gradingSplitter")
        self.inner.setChildrenCollapsible(False)
        self.inner.addWidget(self.viewer)
        self.inner.addWidget(self.rubric)
        self.inner.setStretchFactor(0, 3)
        self.inner.setStretchFactor(1, 2)
        self.outer = QSplitter(Qt.Orientation.Horizontal, self)
        self.outer.setObjectName("gradingOuterSplitter")
        self.outer.addWidget(self.entry_list)
        self.outer.addWidget(self.inner)
        self.outer.setStretchFactor(1, 1)
        self.outer.setSizes([300, 1000])
        self.inner.setSizes([560, 460])
        if self._layout_settings.swapped:
            self.swap_sides(remember=False)
        for name, splitter in (("outer", self.outer), ("inner", self.inner)):
            saved = self._layout_settings.state(name)
            if saved is not None:
                splitter.restoreState(saved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.outer, 1)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.retranslate()

    # ------------------------------------------------------------------ opening

    def load(self) -> Future[WorkspaceData]:
        """Read the workspace (list, rubric, banks, last position) and show where the judge was."""
        return self.session.call(load_workspace, on_done=self._loaded)

    def _loaded(self, data: WorkspaceData) -> None:
        if self._closed:
            return
        self.data = data
        self.rubric.set_rubric(data.rubric)
        self.rubric.set_general_bank([row.text for row in data.general_bank])
        for cid, rows in data.criterion_banks.items():
            self.rubric.set_criterion_bank(cid, [row.text for row in rows])
        self.entry_list.set_rows(data.rows)
        self._show_judge()
        self.workspace_loaded.emit()
        codes = [row.code for row in data.rows]
        start = data.position if data.position in codes else self._next_todo(None)
        if start is None and codes:
            start = codes[0]
        if start is not None:
            self.show_entry(start)

    def set_service(self, service: DocumentPages | None) -> None:
        """The document service arrived (it starts on a worker): show the waiting entry."""
        self._service = service
        self.viewer.set_service(service)
        if service is not None and self.current is not None and self.current in self._cache:
            self._show_files(self._cache[self.current])

    @property
    def info(self) -> WorkspaceInfo | None:
        return self.data.info if self.data is not None else None

    def title_text(self) -> str:
        """The window title: judge and contest (never an entrant)."""
        info = self.info
        if info is None:
            return "judge-app"
        judge = f"{info.judge_code} {info.judge_name}".strip()
        return f"{judge} — {info.contest_name} — judge-app"

    # ------------------------------------------------------------------ entries

    def show_entry(self, code: str) -> None:
        """Show entry `code` (from the prefetch if it is there, else read it first)."""
        if self._closed or self.data is None:
            return
        self._seal_edits()
        self._wanted = code
        self.entry_list.select(code)
        cached = self._cache.get(code)
        if cached is not None:
            self._present(cached)
            return
        self._request(code)

    def _request(self, code: str) -> Future[EntryData]:
        if code in self._loading:
            return self._loading[code]

        def arrived(data: EntryData) -> None:
            self._arrived(code, data)

        def failed(error: BaseException) -> None:
            self._load_failed(code, error)

        future = self.session.call(load_entry, code, on_done=arrived, on_error=failed)
        self._loading[code] = future
        return future

    def _arrived(self, code: str, data: EntryData) -> None:
        self._loading.pop(code, None)
        if self._closed:
            return
        self._cache[code] = data
        if self._wanted == code and self.current != code:
            self._present(data)
        elif code == self._neighbour(self.current, +1):
            self._warm_next()  # its files were unknown when the shown entry came up

    def _load_failed(self, code: str, error: BaseException) -> None:
        self._loading.pop(code, None)
        if self._wanted == code:
            self.rubric.show_message(error_text(error))

    def _present(self, data: EntryData) -> None:
        code = data.state.code
        self.current = code
        self.state = data.state
        self._texts = {}
        self._written = {}
        self._fill_texts(data.state)
        self.rubric.show_entry(data.state)
        focus = QApplication.focusWidget()
        if focus is None or not self.entry_list.isAncestorOf(focus):
            self.rubric.focus_first_field()  # the judge types at once, no click needed
        self.entry_list.apply_state(data.state)
        self.entry_list.select(code)
        self.session.call(_remember_position, code)
        if self._service is not None:
            self._show_files(data)
        self.title_changed.emit()
        self._prefetch_neighbours(code)
        self.entry_shown.emit(code)

    def _show_files(self, data: EntryData) -> None:
        self.viewer.open_files(data.paths)
        self._show_note_markers()
        self._warm_next()

    def _prefetch_neighbours(self, code: str) -> None:
        """Read the next entries' state and files now, so moving on shows them at once."""
        wanted = {c for c in (self._neighbour(code, +1), self._next_todo(code)) if c}
        for other in list(self._cache):
            if other != code and other not in wanted:
                del self._cache[other]
        for other in wanted:
            if other not in self._cache:
                self._request(other).add_done_callback(lambda _f: None)
        self._warm_next()

    def _warm_next(self) -> None:
        """Have the viewer open the next entry's files and render its first page into the
        service's cache (after the shown page is drawn), so Next shows it from the cache.
        Needs the next entry's file list, which arrives with its state (`_arrived`)."""
        if self._service is None or self.current is None:
            return
        nxt = self._neighbour(self.current, +1)
        if nxt is not None and nxt in self._cache:
            self.viewer.prefetch_files(self._cache[nxt].paths)

    def _neighbour(self, code: str | None, step: int) -> str | None:
        codes = self.entry_list.visible_codes() or self.entry_list.all_codes()
        if not codes:
            return None
        if code not in codes:
            return codes[0]
        index = codes.index(code) + step
        return codes[index] if 0 <= index < len(codes) else None

    def _next_todo(self, code: str | None) -> str | None:
        """The next entry (in the list's order, wrapping) that is not submitted yet."""
        codes = self.entry_list.all_codes()
        start = codes.index(code) + 1 if code in codes else 0
        for other in codes[start:] + codes[:start]:
            row = self.entry_list.model.row_of(other)
            if other != code and row is not None and str(row.progress) != "submitted":
                return other
        return None

    def _fill_texts(self, state: GradingState) -> None:
        code = state.code
        for qid in self.rubric.questions:
            answer = state.answers.get(qid)
            self._texts[FieldKey(code, "answer", qid)] = _answer_text(answer)
        for cid in self.rubric.criteria:
            points = state.scores.get(cid)
            key = FieldKey(code, "score", cid)
            self._texts[key] = points_text(points) if points is not None else ""
            self._written[key] = points
            self._texts[FieldKey(code, "criterion_comment", cid)] = state.criterion_comments.get(
                cid, ""
            )
        self._texts[FieldKey(code, "comment")] = state.comment

    # ------------------------------------------------------------------ writes

    def _state_saved(self, state: GradingState) -> None:
        """A write came back: the list row, the prefetch and (if shown) the header follow."""
        if self._closed:
            return
        cached = self._cache.get(state.code)
        if cached is not None:
            self._cache[state.code] = EntryData(state, cached.paths)
        self.entry_list.apply_state(state)
        if state.code == self.current:
            self.state = state
            self.rubric.update_state(state)
            self._show_note_markers()

    def _write(
        self, key: FieldKey | None, function: Callable[..., GradingState], *args: Any
    ) -> None:
        def failed(error: BaseException, code: str = args[0]) -> None:
            self._write_failed(error)
            if code == self.current:
                self.rubric.show_message(error_text(error))

        if key is None:
            self.session.call(function, *args, on_done=self._state_saved, on_error=failed)
        else:
            self.session.write(key, function, *args, on_done=self._state_saved, on_error=failed)

    def apply(self, key: FieldKey, text: str) -> None:
        """Undo/redo: put `text` in the field (if its entry is shown) and write it."""
        self._texts[key] = text
        if key.code == self.current:
            self._set_field_text(key, text)
        self._write_field(key, text)

    def _set_field_text(self, key: FieldKey, text: str) -> None:
        if key.kind == "score" and key.target in self.rubric.criteria:
            self.rubric.criteria[key.target].score.setText(text)
        elif key.kind == "criterion_comment" and key.target in self.rubric.criteria:
            self.rubric.criteria[key.target].comment.setText(text)
        elif key.kind == "comment":
            self.rubric.set_comment_text(text)
        elif key.kind == "answer" and key.target in self.rubric.questions:
            self.rubric.questions[key.target].set_answer(_answer_value(text))

    def _write_field(self, key: FieldKey, text: str) -> None:
        from judge_app.store import grading

        if key.kind == "score" and key.target is not None:
            self._write_score(key, text)
        elif key.kind == "criterion_comment" and key.target is not None:
            self._write(key, grading.set_criterion_comment, key.code, key.target, text)
        elif key.kind == "comment":
            self._write(key, grading.set_comment, key.code, text)
        elif key.kind == "answer" and key.target is not None:
            self._write(key, grading.set_answer, key.code, key.target, _answer_value(text))

    def _write_score(self, key: FieldKey, text: str) -> None:
        """Check the typed score; a valid one (or an empty field) goes to the database, an
        invalid one clears the stored score so the entry cannot be submitted with a value the
        field does not show."""
        from judge_app.store import grading

        assert key.target is not None and self.data is not None
        criterion = self._criterion(key.target)
        points, problem = score_of(text, criterion)
        if problem == "":  # half typed ("7,"): wait for the rest
            return
        if key.code == self.current and key.target in self.rubric.criteria:
            self.rubric.criteria[key.target].set_problem(problem)
        if key in self._written and self._written[key] == points:
            return
        self._written[key] = points
        self._write(key, grading.set_score, key.code, key.target, points)

    def _criterion(self, criterion_id: int) -> RubricCriterion:
        assert self.data is not None
        return next(c for c in self.data.rubric.criteria if c.id == criterion_id)

    def _edit(self, key: FieldKey, text: str, label: str) -> None:
        """A field changed by the judge: an undo step (merged while in the field), a write."""
        before = self._texts.get(key, "")
        if before == text:
            return
        self._texts[key] = text
        self.undo_stack.push(FieldEdit(self, key, before, text, label))
        self._write_field(key, text)

    def _answer_chosen(self, question_id: int, option: str) -> None:
        if self.current is None:
            return
        key = FieldKey(self.current, "answer", question_id)
        text = option if option else BLANK_TEXT
        self.rubric.questions[question_id].set_answer(_answer_value(text))
        self._edit(key, text, translate("GradingView", "answer"))

    def _score_edited(self, criterion_id: int, text: str) -> None:
        if self.current is not None:
            self._edit(
                FieldKey(self.current, "score", criterion_id),
                text,
                translate("GradingView", "score"),
            )

    def _score_stepped(self, criterion_id: int, step: int) -> None:
        """Up/Down: one criterion step more or less, kept within 0…max."""
        if self.current is None or self.data is None:
            return
        box = self.rubric.criteria[criterion_id]
        criterion = box.criterion
        points, _problem = score_of(box.score.text(), criterion)
        unit = max(criterion.step.centi, 1)
        if points is None:
            value = 0
        else:
            below, off = divmod(points.centi, unit)
            value = (below + step) * unit if off == 0 else (below + (1 if step > 0 else 0)) * unit
        value = min(max(value, 0), criterion.maximum.centi)
        text = points_text(Points(value))
        box.score.setText(text)
        box.score.selectAll()
        self._score_edited(criterion_id, text)

    def _text_edited(self, key: FieldKey, text: str) -> None:
        if self.current is not None:
            self._edit(key, text, translate("GradingView", "comment"))

    def _seal_edits(self) -> None:
        """The judge left a field: the next edit is a new undo step."""
        index = self.undo_stack.index()
        command = self.undo_stack.command(index - 1) if index > 0 else None
        if isinstance(command, FieldEdit):
            command.sealed = True

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None and self.rubric.isAncestorOf(old):
            self._seal_edits()

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._save_error = None
        self._show_saved(busy)
        if not busy:
            self.saved.emit()

    def _write_failed(self, error: BaseException) -> None:
        self._save_error = error_text(error)
        self._show_saved(self.session.busy)

    def _show_saved(self, busy: bool) -> None:
        if self._save_error:
            self.saved_label.setText(
                translate("GradingView", "✗ Not saved: %1").replace("%1", self._save_error)
            )
            self.saved_label.setStyleSheet(f"color: {BAD}; font-weight: bold;")
        elif busy:
            self.saved_label.setText(translate("GradingView", "Saving…"))
            self.saved_label.setStyleSheet("")
        else:
            self.saved_label.setText(translate("GradingView", "✓ Saved"))
            self.saved_label.setStyleSheet(f"color: {GOOD}; font-weight: bold;")

    # ------------------------------------------------------------------ actions

    def submit_entry(self) -> None:
        """Ctrl+Enter: submit when every field is valid and complete (else say what is not)."""
        from judge_app.store import grading

        code = self.current
        if code is None:
            return
        invalid = self.rubric.invalid_scores()
        if invalid:
            self.rubric.show_message(
                translate("GradingView", "Correct the scores marked in red first: %1").replace(
                    "%1", ", ".join(invalid)
                )
            )
            return

        def done(state: GradingState) -> None:
            self._state_saved(state)
            if state.code == self.current:
                self.rubric.show_message(
                    translate("GradingView", "Entry %1 submitted (revision %2).")
                    .replace("%1", state.code)
                    .replace("%2", str(state.revision)),
                    error=False,
                )

        def refused(error: BaseException) -> None:
            if code == self.current:
                self.rubric.show_message(error_text(error))

        self.session.call(grading.submit, code, on_done=done, on_error=refused)

    @property
    def _target(self) -> str | None:
        """Where moves count from: the entry asked for last, even if it is still being read
        (Alt+Right twice in quick succession moves two entries, not one)."""
        return self._wanted if self._wanted is not None else self.current

    def next_entry(self) -> None:
        nxt = self._neighbour(self._target, +1)
        if nxt is not None:
            self.show_entry(nxt)

    def previous_entry(self) -> None:
        previous = self._neighbour(self._target, -1)
        if previous is not None:
            self.show_entry(previous)

    def next_ungraded(self) -> None:
        nxt = self._next_todo(self._target)
        if nxt is None:
            self.rubric.show_message(
                translate("GradingView", "Every entry is submitted."), error=False
            )
            return
        self.show_entry(nxt)

    def after_entry_shown(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the entry asked for last is on screen (now if it is)."""
        if self._wanted is None or self._wanted == self.current:
            callback()
            return

        def once(_code: str) -> None:
            if self._wanted == self.current:
                self.entry_shown.disconnect(once)
                callback()

        self.entry_shown.connect(once)

    def page_forward(self) -> None:
        self.viewer.page_forward()

    def page_back(self) -> None:
        self.viewer.page_back()

    def go_to_comment(self) -> None:
        self.rubric.focus_comment()

    def go_to_rubric(self) -> None:
        self.rubric.focus_first_field()

    def go_to_list(self) -> None:
        self.entry_list.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_bank(self) -> None:
        """Ctrl+B: the comment bank of the field being typed in (the overall comment else)."""
        widget = QApplication.focusWidget()
        if isinstance(widget, BankLineEdit) and self.rubric.isAncestorOf(widget):
            widget.show_bank()
            return
        self.rubric.focus_comment()
        self.rubric.comment.show_bank()

    def add_to_bank(self) -> None:
        """Ctrl+Shift+B: keep the comment being typed (or its selected part) for reuse."""
        from judge_app.store import grading

        widget = QApplication.focusWidget()
        criterion_id: int | None = None
        if isinstance(widget, BankLineEdit):
            text = widget.selectedText() or widget.text()
            criterion_id = next(
                (cid for cid, box in self.rubric.criteria.items() if box.comment is widget), None
            )
        else:
            box = self.rubric.comment
            text = box.textCursor().selectedText() or box.toPlainText()
        text = " ".join(text.split())
        if not text:
            self.rubric.show_message(translate("GradingView", "Type a comment first, then add it."))
            return

        def added(_row: BankCommentRow, cid: int | None = criterion_id) -> None:
            self.session.call(
                grading.bank_comments, cid, on_done=lambda rows: self._bank_loaded(cid, rows)
            )
            self.rubric.show_message(
                translate("GradingView", "Added to the comment bank."), error=False
            )

        self.session.call(
            grading.add_bank_comment,
            criterion_id,
            text,
            on_done=added,
            on_error=lambda error: self.rubric.show_message(error_text(error)),
        )

    def _bank_loaded(self, criterion_id: int | None, rows: list[BankCommentRow]) -> None:
        texts = [row.text for row in rows]
        if criterion_id is None:
            self.rubric.set_general_bank(texts)
        else:
            self.rubric.set_criterion_bank(criterion_id, texts)

    def flag_entry(self) -> FlagDialog | None:
        """Ctrl+G: flag the entry for the head judge, with notes."""
        from judge_app.store import grading

        if self.current is None or self.state is None:
            return None
        code, before = self.current, dict(self.state.flags)
        dialog = FlagDialog(code, grading.FLAG_CODES, before, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(after: dict[str, str]) -> None:
            for flag in before:
                if flag not in after:
                    self._write(None, grading.clear_flag, code, flag)
            for flag, note in after.items():
                if before.get(flag) != note:
                    self._write(None, grading.set_flag, code, flag, note)

        dialog.chosen.connect(chosen)
        self._open_dialog(dialog)
        return dialog

    def pin_note(self) -> PageNoteDialog | None:
        """Ctrl+Shift+N: a note on the page in view, at the middle of the view."""
        found = self.notes_overlay.centre_point()
        if found is None:
            return None
        return self._ask_page_note(*found)

    def _ask_page_note(self, page: int, x: float, y: float) -> PageNoteDialog | None:
        from judge_app.store import grading

        if self.current is None:
            return None
        code, file_index = self.current, max(self.viewer.current_file, 0)
        dialog = PageNoteDialog(page, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.written.connect(
            lambda text: self._write(
                None, grading.add_page_note, code, file_index, page, x, y, text
            )
        )
        self._open_dialog(dialog)
        return dialog

    def _open_dialog(self, dialog: QDialog) -> None:
        """Open `dialog` with the keys, and give them back to the field it was opened from."""
        before = QApplication.focusWidget()
        focus_back = before if before is not None and self.isAncestorOf(before) else None

        def closed() -> None:
            if focus_back is not None and shiboken6.isValid(focus_back):
                focus_back.window().activateWindow()
                focus_back.setFocus(Qt.FocusReason.OtherFocusReason)

        dialog.finished.connect(lambda _result: closed())
        dialog.open()
        dialog.activateWindow()

    def _remove_page_note(self, note_id: int) -> None:
        from judge_app.store import grading

        if self.current is not None:
            self._write(None, grading.remove_page_note, self.current, note_id)

    def _go_to_note(self, note_id: int) -> None:
        if self.state is None:
            return
        note = next((n for n in self.state.page_notes if n.id == note_id), None)
        if note is None:
            return
        if note.file_sort != self.viewer.current_file and note.file_sort < self.viewer.file_count:
            self.viewer.file_combo.setCurrentIndex(note.file_sort)
        self.viewer.go_to_page(note.page)

    def _show_note_markers(self) -> None:
        notes = self.state.page_notes if self.state is not None else ()
        self.notes_overlay.set_notes(notes, self.viewer.current_file)

    def undo(self) -> None:
        self._seal_edits()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    def swap_sides(self, *, remember: bool = True) -> None:
        """Put the rubric on the other side of the document."""
        sizes = self.inner.sizes()
        first = self.inner.widget(0)
        assert first is not None
        self.inner.insertWidget(1, first)
        self.inner.setSizes(list(reversed(sizes)))
        if remember:
            self._layout_settings.swapped = self.inner.widget(0) is self.rubric

    # ------------------------------------------------------------------ proposals

    def _document_shown(self, index: int) -> None:
        """A typed file is on screen: read its text for multiple-choice answers to propose."""
        self._show_note_markers()
        self._proposals_pending = False
        info = self.viewer.current_info
        service = self._service
        code = self.current
        if (
            info is None
            or code is None
            or self.data is None
            or not self.data.rubric.questions
            or not info.facts.has_text
            or info.placeholder
            or not isinstance(service, PageTexts)
        ):
            return
        self._proposal_serial += 1
        serial = self._proposal_serial
        self._proposals_pending = True
        pages = min(info.page_count, PROPOSAL_PAGES)
        texts: dict[int, str] = {}
        questions = self.data.rubric.questions

        def page_read(page: int, outcome: object) -> None:
            texts[page] = outcome if isinstance(outcome, str) else ""
            if len(texts) < pages or serial != self._proposal_serial:
                return
            self._proposals_pending = False
            if code != self.current:
                return
            from judge_app.store.grading import proposed_answers

            text = "\n".join(texts[p] for p in range(pages))
            self.rubric.set_proposals(proposed_answers(text, questions))

        for page in range(pages):
            watcher = FutureWatcher(service.text(info.doc_id, page), self)
            watcher.resolved.connect(
                lambda outcome, p=page, w=watcher: (w.deleteLater(), page_read(p, outcome))
            )

    @property
    def proposals_pending(self) -> bool:
        """True while the shown file's pages are read for answers to propose (tests wait)."""
        return self._proposals_pending

    # ------------------------------------------------------------------ closing, language

    def close_workspace(self) -> None:
        """Write what is queued, remember the layout, close the files (before the db closes)."""
        if self._closed:
            return
        self._closed = True
        self._layout_settings.set_state("outer", self.outer.saveState())
        self._layout_settings.set_state("inner", self.inner.saveState())
        self.session.close()
        self.viewer.close_all()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
            app.focusChanged.disconnect(self.rubric._focus_changed)

    def _show_judge(self) -> None:
        info = self.info
        if info is None:
            self.judge_label.clear()
            return
        self.judge_label.setText(
            translate("GradingView", "Judge %1 %2 · %3 · round %4")
            .replace("%1", info.judge_code)
            .replace("%2", info.judge_name)
            .replace("%3", info.contest_name)
            .replace("%4", str(info.round))
        )

    def retranslate(self) -> None:
        registry.retranslate_actions(self.actions_by_id)
        self._show_judge()
        self._show_saved(self.session.busy)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# ----------------------------------------------------------------------------- helpers


def _remember_position(db: ContestDatabase, code: str) -> None:
    from judge_app.store.grading import remember_position

    remember_position(db, code)


def _answer_text(answer: str | None) -> str:
    if answer is None:
        return ""
    return answer if answer else BLANK_TEXT


def _answer_value(text: str) -> str | None:
    if not text:
        return None
    return "" if text == BLANK_TEXT else text


def score_of(text: str, criterion: RubricCriterion) -> tuple[Points | None, str | None]:
    """(points or None, problem): problem None = fine (or empty), "" = still being typed
    ("7,"), else the sentence saying why the score is refused."""
    from judge_app.store.grading import parse_score_text, score_problem

    stripped = text.strip()
    if not stripped:
        return None, None
    try:
        points = parse_score_text(stripped)
    except JudgeAppError as error:
        if stripped[-1] in ",." and stripped[:-1].isdigit():
            return None, ""
        return None, error_text(error)
    problem = score_problem(points, criterion)
    if problem is not None:
        return None, error_text(problem)
    return points, None


__all__ = ["GradingView", "LayoutSettings", "load_entry", "load_workspace", "score_of"]

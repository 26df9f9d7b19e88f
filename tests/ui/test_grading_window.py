"""The judge's grading view, driven by keys only, on a workspace made from the demo's package.

Keys go to whatever has focus (or to an open popup, as a real keyboard's would), so these
tests prove a judge can grade without a mouse: answers by letter, scores typed with a comma
or a dot, a comment from the bank, a flag, submit, next ungraded entry, undo and redo.
Every check of what was saved reads the workspace database itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from grading_data import DemoWorkspace, build_demo_workspace, copy_workspace
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from judge_app.core.messages import render
from judge_app.core.scores import Points
from judge_app.store import grading
from judge_app.store.grading import GradingProgress, GradingState
from judge_app.ui.actions import ShortcutSheet, scoped, shortcut_text
from judge_app.ui.grading_flags import FlagDialog
from judge_app.ui.grading_rubric import QuestionRow
from judge_app.ui.grading_window import GradingView
from judge_app.ui.main_window import MainWindow

Key = Qt.Key
# Every wait is on a condition, never a sleep; the limit is generous because CI has 2 cores
# shared with other jobs, and a condition that holds ends the wait at once anyway.
WAIT_MS = 15_000
CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture(scope="session")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoWorkspace]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("grading-home")))
    try:
        made = build_demo_workspace(tmp_path_factory.mktemp("grading-demo"))
    finally:
        mp.undo()
    yield made


@pytest.fixture
def view(
    qtbot: QtBot,
    window: MainWindow,
    open_contest: Callable[[Path], MainWindow],
    demo_workspace: DemoWorkspace,
    tmp_path: Path,
) -> GradingView:
    """The main window with a private copy of GK1's workspace open, first entry shown."""
    workspace = copy_workspace(demo_workspace.workspace, tmp_path / "ws")
    window.resize(1366, 768)
    open_contest(workspace)
    qtbot.waitUntil(
        lambda: window.grading_view is not None and window.grading_view.current is not None,
        timeout=WAIT_MS,
    )
    grading_view = window.grading_view
    assert grading_view is not None
    window.activateWindow()
    qtbot.waitActive(window, timeout=WAIT_MS)
    return grading_view


# ----------------------------------------------------------------------------- helpers


def focused() -> QWidget:
    """Where a key press goes: an open popup (a completer's list) or the focus widget."""
    modal = QApplication.activeModalWidget()
    if modal is not None and QApplication.activePopupWidget() is None:
        return modal.focusWidget() or modal  # a dialog that is open takes the keys
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    return target


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    qtbot.keyClick(focused(), key, modifier)
    if QApplication.activePopupWidget() is not None or QApplication.activeModalWidget():
        return
    # A popup or dialog that closed keeps the offscreen platform's activation (a real window
    # system gives it back to the window, and its focus to the widget that had it).
    # The shown one: earlier tests' closed main windows may still wait for deletion.
    main = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "mainWindow" and w.isVisible()
    )
    if QApplication.activeWindow() is not main:
        main.windowHandle().requestActivate()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=WAIT_MS)
    last = main.focusWidget()
    if QApplication.focusWidget() is None and last is not None:
        last.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def saved(qtbot: QtBot, view: GradingView) -> None:
    """Every queued write reached the database and its outcome is on screen."""
    qtbot.waitUntil(lambda: not view.session.busy, timeout=WAIT_MS)
    view.session.flush()
    qtbot.waitUntil(lambda: not view.session.busy, timeout=WAIT_MS)


def stored(view: GradingView, code: str) -> GradingState:
    return grading.grading_state(view.db, code)


def show_shown(qtbot: QtBot, view: GradingView, before: str | None) -> str:
    qtbot.waitUntil(lambda: view.current is not None and view.current != before, timeout=WAIT_MS)
    assert view.current is not None
    return view.current


def answer_all(qtbot: QtBot, view: GradingView, letters: str) -> None:
    """Ctrl+E goes to the first open question; one letter per question."""
    press(qtbot, Key.Key_E, CTRL)
    assert isinstance(focused(), QuestionRow)
    for letter in letters:
        type_text(qtbot, letter)


def score_all(qtbot: QtBot, view: GradingView, texts: list[str]) -> None:
    """Scores typed into the fields one after the other, Enter between them."""
    for text in texts:
        widget = focused()
        assert isinstance(widget, QLineEdit) and widget.objectName().startswith("score_")
        type_text(qtbot, text)
        press(qtbot, Key.Key_Return)


# ----------------------------------------------------------------------------- tests


def test_three_entries_graded_with_the_keyboard_only(qtbot: QtBot, view: GradingView) -> None:
    rubric = view.data.rubric if view.data else None
    assert rubric is not None and len(rubric.questions) == 4 and len(rubric.criteria) == 5
    key = "".join(q.answer for q in rubric.questions)  # the demo's key: BDAC
    first = view.current
    assert first is not None

    # Entry 1: every answer right, scores with commas and dots, a comment from the bank.
    answer_all(qtbot, view, key.lower())  # lower-case letters count too
    rows = list(view.rubric.questions.values())
    assert all(row.result_label.text().startswith("✓") for row in rows)
    score_all(qtbot, view, ["2,5", "2.75", "1,25", "0.5", "1"])
    assert focused() is view.rubric.comment
    type_text(qtbot, "sao")  # three letters: the bank offers what contains them
    popup = QApplication.activePopupWidget()
    assert popup is not None, "the comment bank did not offer anything"
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Return)
    bank = [row.text for row in grading.bank_comments(view.db, None)]
    press(qtbot, Key.Key_Return, CTRL)  # submit
    saved(qtbot, view)
    state = stored(view, first)
    assert state.status is GradingProgress.SUBMITTED
    assert state.answers == {q.id: q.answer for q in rubric.questions}
    assert state.choice_points == sum((q.points for q in rubric.questions), Points(0))
    assert [state.scores[c.id] for c in rubric.criteria] == [
        Points(250),
        Points(275),
        Points(125),
        Points(50),
        Points(100),
    ]
    assert state.comment in bank and "sao" in state.comment
    assert state.total == Points(800) + state.choice_points
    assert "1/" in view.entry_list.progress.text()

    # Entry 2: wrong answers scored 0, an invalid score refused, a flag, the bank by Ctrl+B.
    press(qtbot, Key.Key_F8)  # next ungraded
    second = show_shown(qtbot, view, first)
    wrong = "".join("A" if letter != "A" else "B" for letter in key)
    answer_all(qtbot, view, wrong)
    assert all(row.result_label.text().startswith("✗") for row in rows)
    score_field = focused()
    assert isinstance(score_field, QLineEdit)
    type_text(qtbot, "3,3")
    box = next(iter(view.rubric.criteria.values()))
    expected = render("score_out_of_range", "vi", value="3,3", maximum="3")
    assert box.problem.isVisible() and box.problem.text() == expected
    press(qtbot, Key.Key_Return, CTRL)  # refused: the field is red
    saved(qtbot, view)
    assert view.rubric.message.isVisible() and "HIEU" in view.rubric.message.text()
    assert stored(view, second).status is not GradingProgress.SUBMITTED
    assert box.criterion.id not in stored(view, second).scores  # not kept while invalid
    press(qtbot, Key.Key_A, CTRL)
    type_text(qtbot, "3")
    press(qtbot, Key.Key_Down)  # one step down: 2,75
    assert score_field.text() == "2,75" and not box.problem.isVisible()
    press(qtbot, Key.Key_Return)
    score_all(qtbot, view, ["2", "1.5", "0,25", "0"])
    press(qtbot, Key.Key_B, CTRL)  # the whole bank
    assert QApplication.activePopupWidget() is not None
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_G, CTRL)  # flag
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), FlagDialog), timeout=WAIT_MS
    )
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FlagDialog)
    press(qtbot, Key.Key_Space)  # the first flag: identity revealed
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "ten truong o trang 1")
    press(qtbot, Key.Key_Return)
    saved(qtbot, view)
    assert view.rubric.flag_banner.isVisible()
    press(qtbot, Key.Key_Return, CTRL)
    saved(qtbot, view)
    state = stored(view, second)
    assert state.flags == {"identity_revealed": "ten truong o trang 1"}
    assert state.status is GradingProgress.SUBMITTED  # this flag does not block scoring
    assert state.choice_points == Points(0)
    assert state.scores[box.criterion.id] == Points(275)
    assert state.comment == grading.bank_comments(view.db, None)[0].text

    # Entry 3: half graded, then left for the next ungraded one: a draft stays.
    press(qtbot, Key.Key_F8)
    third = show_shown(qtbot, view, second)
    assert third not in (first, second)
    answer_all(qtbot, view, key)
    score_all(qtbot, view, ["1"])
    press(qtbot, Key.Key_Return, CTRL)  # incomplete: refused with what is missing
    saved(qtbot, view)
    assert view.rubric.message.isVisible()
    press(qtbot, Key.Key_F8)
    show_shown(qtbot, view, third)
    saved(qtbot, view)
    state = stored(view, third)
    assert state.status is GradingProgress.DRAFT and len(state.scores) == 1
    statuses = {row.code: row.progress for row in grading.list_entries(view.db)}
    assert statuses[first] == statuses[second] == GradingProgress.SUBMITTED
    assert "2/" in view.entry_list.progress.text()
    assert grading.last_position(view.db) == view.current


def test_undo_and_redo_go_through_the_database(qtbot: QtBot, view: GradingView) -> None:
    code = view.current
    assert code is not None
    box = next(iter(view.rubric.criteria.values()))
    box.score.setFocus()
    type_text(qtbot, "1,5")
    press(qtbot, Key.Key_Tab)  # to the criterion's comment: the score edit is one step
    type_text(qtbot, "ro rang")
    saved(qtbot, view)
    assert stored(view, code).scores[box.criterion.id] == Points(150)
    assert stored(view, code).criterion_comments[box.criterion.id] == "ro rang"

    press(qtbot, Key.Key_Z, CTRL)  # the comment goes
    saved(qtbot, view)
    assert box.comment.text() == ""
    assert stored(view, code).criterion_comments.get(box.criterion.id, "") == ""
    press(qtbot, Key.Key_Z, CTRL)  # then the score, all of "1,5" at once
    saved(qtbot, view)
    assert box.score.text() == ""
    assert box.criterion.id not in stored(view, code).scores
    press(qtbot, Key.Key_Y, CTRL)
    saved(qtbot, view)
    assert box.score.text() == "1,5"
    assert stored(view, code).scores[box.criterion.id] == Points(150)
    press(qtbot, Key.Key_Y, CTRL)
    saved(qtbot, view)
    assert stored(view, code).criterion_comments[box.criterion.id] == "ro rang"

    # Undo reaches an entry no longer on screen.
    press(qtbot, Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    show_shown(qtbot, view, code)
    press(qtbot, Key.Key_Z, CTRL)
    press(qtbot, Key.Key_Z, CTRL)
    saved(qtbot, view)
    state = stored(view, code)
    assert box.criterion.id not in state.scores
    assert state.criterion_comments.get(box.criterion.id, "") == ""


def test_the_workspace_reopens_at_the_same_entry(
    qtbot: QtBot, view: GradingView, window: MainWindow, open_contest: Callable[[Path], MainWindow]
) -> None:
    press(qtbot, Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.current == view.entry_list.visible_codes()[2], timeout=WAIT_MS)
    code = view.current
    box = next(iter(view.rubric.criteria.values()))
    box.score.setFocus()
    type_text(qtbot, "2")
    saved(qtbot, view)
    path = view.db.path
    window.close_contest()
    open_contest(path)
    qtbot.waitUntil(
        lambda: window.grading_view is not None and window.grading_view.current is not None,
        timeout=WAIT_MS,
    )
    again = window.grading_view
    assert again is not None and again.current == code
    first_box = next(iter(again.rubric.criteria.values()))
    assert first_box.score.text() == "2"


def test_every_grading_key_is_in_the_f1_sheet(qtbot: QtBot, view: GradingView) -> None:
    view.rubric.focus_first_field()
    press(qtbot, Key.Key_F1)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), ShortcutSheet), timeout=WAIT_MS
    )
    sheet = QApplication.activeModalWidget()
    assert isinstance(sheet, ShortcutSheet)
    rows = sheet.rows()
    for item in scoped("grading"):
        if item.shortcut is not None:
            assert any(keys == shortcut_text(item) for _name, keys in rows), item.id
    assert any(keys.startswith("Ctrl+Enter") for _name, keys in rows)
    sheet.close()


def _model_texts(model: QAbstractItemModel) -> list[str]:
    texts = []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    rows = model.rowCount(QModelIndex())
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            texts += [str(index.data(role)) for role in roles if index.data(role) is not None]
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        texts.append(str(header))
    return texts


def _all_texts(window: QWidget) -> list[str]:
    """Every text a judge could see or hover in the window and its child widgets."""
    texts = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.statusTip(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QPlainTextEdit):
            texts += [widget.toPlainText(), widget.placeholderText()]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget.model())
        if isinstance(widget, QMenu):
            texts += [action.text() for action in widget.actions()]
            texts += [action.toolTip() for action in widget.actions()]
    return texts


def test_no_identity_of_an_entrant_appears_anywhere(
    qtbot: QtBot, view: GradingView, window: MainWindow, demo_workspace: DemoWorkspace
) -> None:
    identities = [text.casefold() for text in demo_workspace.identities]
    assert len(identities) > 20  # names, birth dates, schools, file names
    seen = set()
    for _ in range(len(view.entry_list.all_codes())):
        code = view.current
        assert code is not None
        seen.add(code)
        # The file's facts line is up and its text read for proposed answers: all on screen.
        qtbot.waitUntil(
            lambda: view.viewer.current_info is not None and not view.proposals_pending,
            timeout=WAIT_MS,
        )
        leaks = [
            (ident, text)
            for text in _all_texts(window)
            for ident in identities
            if text and ident in text.casefold()
        ]
        assert not leaks, (code, leaks[:5])
        press(qtbot, Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(
            lambda c=code: view.current != c or len(seen) == len(view.entry_list.all_codes()),
            timeout=WAIT_MS,
        )
    assert seen == set(view.entry_list.all_codes())


def test_every_status_fits_its_column_in_vietnamese(qtbot: QtBot, view: GradingView) -> None:
    """The longest status ("Đã báo trưởng ban") fits before any entry is flagged: widths are
    measured once per list, so they must allow for every status, not only those shown."""
    from judge_app.ui.grading_list import PROGRESS_NAMES, STATUS, progress_name

    table = view.entry_list.table
    assert progress_name("flagged") == "Đã báo trưởng ban"
    width = table.columnWidth(STATUS)
    metrics = table.fontMetrics()
    for key in PROGRESS_NAMES:
        assert metrics.horizontalAdvance(progress_name(key)) + 6 <= width, key


def test_the_rubric_hints_name_the_registry_keys(
    qtbot: QtBot, view: GradingView, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from judge_app.ui import actions

    rubric = view.rubric
    assert "Ctrl+Enter: nộp" in rubric.hint.text()
    assert "F1: mọi phím tắt" in rubric.hint.text()
    assert rubric.comment.placeholderText().endswith("Ctrl+B")
    # Another key in the registry: the hints follow it.
    moved = {"grading_submit": "Ctrl+J", "grading_bank": "Ctrl+K"}
    monkeypatch.setattr(
        actions,
        "REGISTRY",
        tuple(
            dataclasses.replace(item, shortcut=moved[item.id]) if item.id in moved else item
            for item in actions.REGISTRY
        ),
    )
    rubric.retranslate()
    assert "Ctrl+J: nộp" in rubric.hint.text() and "Ctrl+Enter" not in rubric.hint.text()
    assert rubric.comment.placeholderText().endswith("Ctrl+K")


def test_next_twice_before_the_next_entry_is_read_moves_two(
    qtbot: QtBot, view: GradingView
) -> None:
    """A judge pressing Alt+Right twice fast lands two entries on, even when the first move
    still waits for the workspace (nothing read ahead: the read-ahead is dropped here)."""
    codes = view.entry_list.visible_codes()
    start = codes.index(view.current) if view.current in codes else 0
    saved(qtbot, view)
    view._cache.clear()  # as right after opening a big workspace: nothing prefetched yet
    press(qtbot, Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.current == codes[start + 2], timeout=WAIT_MS)
    press(qtbot, Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.current == codes[start + 1], timeout=WAIT_MS)

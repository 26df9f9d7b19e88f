"""Fixtures for GUI tests: a main window in Vietnamese, contest files, dialog helpers.

tests/conftest.py already runs Qt offscreen and points JUDGE_APP_HOME (settings, logs,
backups) at a fresh folder per test, so each window starts with no saved language and no
recent files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from contest_data import make_contest_file
from pytestqt.qtbot import QtBot
from ui_helpers import close_dialogs

from judge_app.ui.app import make_main_window
from judge_app.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_dialog_left_open() -> Iterator[None]:
    """A dialog a test left open must not answer the next test's `wait_for_dialog`."""
    yield
    close_dialogs()


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window as `run_gui` builds it (Vietnamese, no contest), shown."""
    win = make_main_window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


@pytest.fixture
def contest_file(tmp_path: Path) -> Path:
    return make_contest_file(tmp_path / "contest.sqlite")


@pytest.fixture
def open_contest(qtbot: QtBot, window: MainWindow) -> Callable[[Path], MainWindow]:
    """Open a file in the window and wait until it shows (the open runs on a worker)."""

    def run(path: Path) -> MainWindow:
        with qtbot.waitSignal(window.contest_loaded, timeout=10_000):
            window.open_contest_path(path)
        return window

    return run

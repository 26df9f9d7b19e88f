"""Errors reach the user as a translated dialog, and the log as details; never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_helpers import error_dialog, visible_dialogs

from judge_app.core.errors import JudgeAppError
from judge_app.ui.errors import install_error_hooks, show_error
from judge_app.ui.main_window import MainWindow


def log_text(home: Path) -> str:
    return (home / "logs" / "judge-app.log").read_text(encoding="utf-8")


def test_judge_app_error_names_the_file(qtbot: QtBot, window: MainWindow, app_home: Path) -> None:
    path = Path("/nowhere/cuộc thi.sqlite")
    show_error(window, JudgeAppError("file_not_found", path))
    box = error_dialog(qtbot)
    assert box.text() == f"Không tìm thấy tệp: {path}"
    assert box.icon() == QMessageBox.Icon.Warning
    box.close()
    assert "file_not_found" in log_text(app_home)


def test_unexpected_error_logs_the_traceback_only(
    qtbot: QtBot, window: MainWindow, app_home: Path
) -> None:
    try:
        raise RuntimeError("hỏng rồi")
    except RuntimeError as exc:
        error = exc
    show_error(window, error)
    box = error_dialog(qtbot)
    assert box.text().startswith("Lỗi không mong đợi: RuntimeError: hỏng rồi.")
    assert str(app_home / "logs" / "judge-app.log") in box.text()
    assert "Traceback" not in box.text()
    assert box.icon() == QMessageBox.Icon.Critical
    box.close()
    log = log_text(app_home)
    assert "Traceback" in log and "hỏng rồi" in log and "test_errors.py" in log


def test_the_same_error_is_not_stacked(qtbot: QtBot, window: MainWindow) -> None:
    error = JudgeAppError("database_locked", Path("/x.sqlite"))
    assert show_error(window, error) is not None
    error_dialog(qtbot)
    assert show_error(window, error) is None
    assert len(visible_dialogs(QMessageBox, "errorDialog")) == 1


def test_english_error_follows_the_ui_language(qtbot: QtBot, window: MainWindow) -> None:
    window.set_language("en")
    show_error(window, JudgeAppError("not_a_database", Path("/a.sqlite")))
    box = error_dialog(qtbot)
    assert box.text() == "/a.sqlite is not a judge-app contest file (not an SQLite database)."
    assert box.windowTitle() == "judge-app: error"
    assert box.button(QMessageBox.StandardButton.Ok).text() == "OK"


def test_hooks_route_uncaught_exceptions_to_the_dialog(
    qtbot: QtBot, window: MainWindow, app_home: Path
) -> None:
    restore = install_error_hooks()
    try:
        try:
            raise ValueError("trong một slot")
        except ValueError:
            sys.excepthook(*sys.exc_info())  # what PySide does with an exception in a slot
        box = error_dialog(qtbot)
        assert "ValueError: trong một slot" in box.text()
        box.close()
    finally:
        restore()
    assert (
        sys.excepthook is sys.__excepthook__ or sys.excepthook.__module__ != "judge_app.ui.errors"
    )
    assert "trong một slot" in log_text(app_home)


def test_hooks_bring_thread_exceptions_to_the_gui_thread(qtbot: QtBot, window: MainWindow) -> None:
    import threading

    restore = install_error_hooks()
    try:

        def fail() -> None:
            raise KeyError("luồng phụ")

        worker = threading.Thread(target=fail)
        worker.start()
        worker.join()
        box = error_dialog(qtbot)
        assert "KeyError" in box.text() and "luồng phụ" in box.text()
        box.close()
    finally:
        restore()

"""Finding and closing the dialogs a test opened (they open non-blocking)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot


def visible_dialogs(kind: type[QWidget], name: str | None = None) -> list[QWidget]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, kind)
        and widget.isVisible()
        and (name is None or widget.objectName() == name)
    ]


def wait_for_dialog(qtbot: QtBot, kind: type[QWidget], name: str | None = None) -> QWidget:
    qtbot.waitUntil(lambda: bool(visible_dialogs(kind, name)), timeout=10_000)
    return visible_dialogs(kind, name)[0]


def error_dialog(qtbot: QtBot) -> QMessageBox:
    box = wait_for_dialog(qtbot, QMessageBox, "errorDialog")
    assert isinstance(box, QMessageBox)
    return box


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.objectName() != "mainWindow":
            widget.close()
    QApplication.processEvents()

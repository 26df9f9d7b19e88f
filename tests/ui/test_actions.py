"""The action registry is the only source of menus, toolbar and the shortcut sheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from ui_helpers import wait_for_dialog

from judge_app.ui.actions import MENUS, REGISTRY, ShortcutSheet, key_sequences
from judge_app.ui.main_window import MainWindow


def menu_actions(menu: QMenu) -> list[QAction]:
    """Every action in `menu` and its submenus (separators and submenu entries left out)."""
    found: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            submenu = action.menu()
            assert isinstance(submenu, QMenu)
            found += menu_actions(submenu)
        else:
            found.append(action)
    return found


def test_every_menu_action_comes_from_the_registry(window: MainWindow) -> None:
    ids = {spec.id for spec in REGISTRY}
    in_menus: list[str] = []
    for top in window.menuBar().actions():
        submenu = top.menu()
        assert isinstance(submenu, QMenu)
        in_menus += [action.objectName() for action in menu_actions(submenu)]
    assert set(in_menus) <= ids
    fixed = [spec.id for spec in REGISTRY if not spec.template and spec.scope == "window"]
    assert sorted(name for name in in_menus if name != "open_recent") == sorted(fixed)
    window_menus = {f"menu_{m.id}" for m in MENUS if m.scope == "window"}
    assert {m.objectName() for m in window.menus.values()} == window_menus


def test_toolbar_is_built_from_the_registry(window: MainWindow) -> None:
    names = [action.objectName() for action in window.toolbar.actions()]
    assert names == [spec.id for spec in REGISTRY if spec.toolbar and spec.scope == "window"]


def test_shortcuts_come_from_the_registry(window: MainWindow) -> None:
    for spec in REGISTRY:
        if spec.template or spec.scope != "window":
            continue  # viewer actions: tests/ui/test_viewer.py
        action = window.registry_actions[spec.id]
        assert action.shortcuts() == key_sequences(spec.shortcut), spec.id
    assert window.registry_actions["shortcuts"].shortcut() == QKeySequence("F1")


def test_f1_opens_the_shortcut_sheet(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = wait_for_dialog(qtbot, ShortcutSheet)
    assert isinstance(sheet, ShortcutSheet)
    assert sheet.windowTitle() == "Phím tắt"
    rows = dict(sheet.rows())
    expected = [spec for spec in REGISTRY if spec.shortcut is not None and not spec.template]
    assert len(rows) == len(expected) == sheet.table.rowCount()
    assert rows["Phím tắt"] == "F1"
    assert rows["Thoát"] == "Ctrl+Q"
    assert rows["Mở cuộc thi…"] == "Ctrl+O"
    assert "Ctrl+W" in rows["Đóng cuộc thi"]
    items = [sheet.table.item(row, 0) for row in range(sheet.table.rowCount())]
    ids = {item.data(Qt.ItemDataRole.UserRole) for item in items if item is not None}
    assert ids == {spec.id for spec in expected}

    window.set_language("en")  # an open sheet follows the language switch
    assert sheet.windowTitle() == "Keyboard shortcuts"
    assert dict(sheet.rows())["Quit"] == "Ctrl+Q"
    qtbot.keyClick(sheet, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not sheet.isVisible())


def test_enabled_states_follow_the_contest(
    window: MainWindow, contest_file: Path, open_contest: Callable[[Path], MainWindow]
) -> None:
    actions = window.registry_actions
    assert actions["open_contest"].isEnabled() and not actions["close_contest"].isEnabled()
    open_contest(contest_file)
    assert actions["close_contest"].isEnabled()
    assert actions["clear_recent"].isEnabled()
    window.close_contest()
    assert not actions["close_contest"].isEnabled()

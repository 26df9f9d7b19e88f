"""Board → Judges' keys on the demo contest: the table of judges and their keys, registering a
key after a wrong then the right fingerprint is typed, registering by confirming every group,
replacing a lost key with its reason, and refusing a private key file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from merge_data import PASS, MergeData, merge_master, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_helpers import error_dialog, wait_for_dialog

from judge_app.exchange import keys
from judge_app.store.database import open_contest_file
from judge_app.store.models import AuditRow, Judge
from judge_app.ui.board_keys import (
    CODE,
    FINGERPRINT,
    STATUS,
    KeyFileDialog,
    KeysDialog,
    fingerprint_lines,
)
from judge_app.ui.main_window import MainWindow

OpenContest = Callable[[Path], MainWindow]


@pytest.fixture
def data(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> MergeData:
    return merge_master(tmp_path_factory).copy_to(tmp_path)


@pytest.fixture
def dialog(qtbot: QtBot, open_contest: OpenContest, data: MergeData) -> KeysDialog:
    window = open_contest(data.board)
    window.registry_actions["board_judge_keys"].trigger()
    found = wait_for_dialog(qtbot, KeysDialog, "keysDialog")
    assert isinstance(found, KeysDialog)
    qtbot.waitUntil(lambda: bool(found.rows), timeout=10_000)
    return found


def _cells(dialog: KeysDialog) -> dict[str, tuple[str, str]]:
    table = dialog.table
    return {
        table.item(r, CODE).text(): (
            table.item(r, FINGERPRINT).text(),
            table.item(r, STATUS).text(),
        )
        for r in range(table.rowCount())
    }


def _pinned(board: Path, code: str) -> str | None:
    with open_contest_file(board) as db, db.read_session() as session:
        return session.scalars(select(Judge.key_fingerprint).where(Judge.code == code)).one()


def _audit(board: Path, action: str) -> list[tuple[str, dict[str, object]]]:
    with open_contest_file(board) as db, db.read_session() as session:
        return [
            (key, json.loads(after))
            for key, after in session.execute(
                select(AuditRow.entity_key, AuditRow.after).where(AuditRow.action == action)
            )
        ]


def _choose(qtbot: QtBot, dialog: KeysDialog, code: str, path: Path, *, replace: bool) -> None:
    """Select the judge's row, press the button, pick the file in the file dialog."""
    dialog.select_judge(code)
    button = dialog.replace_button if replace else dialog.register_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    chooser.selectFile(str(path))
    chooser.accept()


def _key_dialog(qtbot: QtBot) -> KeyFileDialog:
    found = wait_for_dialog(qtbot, KeyFileDialog, "keyFileDialog")
    assert isinstance(found, KeyFileDialog)
    return found


def _reloaded(qtbot: QtBot, dialog: KeysDialog) -> None:
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        pass


def test_the_table_lists_every_judge_and_whether_their_key_is_registered(
    dialog: KeysDialog,
) -> None:
    cells = _cells(dialog)
    assert set(cells) == {"TB", "GK1", "GK2", "GK3", "GK4"}
    assert cells["GK1"] == ("chưa đăng ký", "Chờ khoá của giám khảo")
    head_fingerprint, head_status = cells["TB"]
    assert keys.normalise_fingerprint(head_fingerprint) == head_fingerprint
    assert head_status == "Trưởng ban, đã đăng ký"
    assert dialog.windowTitle() == "Khoá của giám khảo"
    dialog.select_judge("GK1")
    assert dialog.register_button.isEnabled() and not dialog.replace_button.isEnabled()
    dialog.select_judge("TB")
    assert not dialog.register_button.isEnabled() and dialog.replace_button.isEnabled()


def test_a_wrong_fingerprint_is_refused_then_the_right_one_registers_the_key(
    qtbot: QtBot, dialog: KeysDialog, data: MergeData
) -> None:
    _choose(qtbot, dialog, "GK1", data.public_keys["GK1"], replace=False)
    key_dialog = _key_dialog(qtbot)
    right = data.fingerprints["GK1"]
    assert key_dialog.shown.text() == fingerprint_lines(right)
    assert key_dialog.shown.text().count("\n") == 1  # two lines of four groups

    type_text(key_dialog.heard, data.fingerprints["GK2"])  # the judge read another key
    assert key_dialog.match.text() == "✗ Không khớp với tệp"
    qtbot.mouseClick(key_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "không khớp" in key_dialog.status.text(), timeout=10_000)
    assert "Dấu vân tay không khớp" in key_dialog.status.text()
    assert key_dialog.isVisible()
    assert _pinned(data.board, "GK1") is None

    key_dialog.heard.clear()
    qtbot.keyClicks(key_dialog.heard, right.replace(" ", "").lower())
    assert key_dialog.match.text() == "✓ Khớp với tệp"
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        qtbot.mouseClick(key_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _pinned(data.board, "GK1") == right
    assert _cells(dialog)["GK1"] == (right, "Đã đăng ký")
    assert dialog.status.text() == f"Đã đăng ký khoá của GK1: {right}."
    ((judge, after),) = _audit(data.board, "judge.key_register")[-1:]
    assert judge == "GK1" and after["fingerprint"] == right


def test_confirming_every_group_registers_without_typing(
    qtbot: QtBot, dialog: KeysDialog, data: MergeData
) -> None:
    _choose(qtbot, dialog, "GK2", data.public_keys["GK2"], replace=False)
    key_dialog = _key_dialog(qtbot)
    qtbot.mouseClick(key_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "xác nhận" in key_dialog.status.text()  # neither typed nor confirmed: nothing sent
    assert key_dialog.operation is None
    key_dialog.confirmed.setFocus()
    qtbot.keyClick(key_dialog.confirmed, Qt.Key.Key_Space)
    assert key_dialog.confirmed.isChecked()
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        qtbot.mouseClick(key_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _pinned(data.board, "GK2") == data.fingerprints["GK2"]


def test_a_lost_key_is_replaced_with_its_reason(
    qtbot: QtBot, dialog: KeysDialog, data: MergeData, tmp_path: Path
) -> None:
    from merge_data import register_keys

    register_keys(data, ("GK3",))
    dialog.reload()
    _reloaded(qtbot, dialog)
    new = keys.create_key("Giám khảo GK3 (máy mới)", PASS, folder=tmp_path / "new-key")
    _choose(qtbot, dialog, "GK3", new.public_path, replace=True)
    key_dialog = _key_dialog(qtbot)
    assert key_dialog.windowTitle() == "Thay khoá bị mất"
    type_text(key_dialog.heard, new.fingerprint)
    qtbot.mouseClick(key_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert key_dialog.status.text() == "Hãy ghi lý do thay khoá."
    type_text(key_dialog.reason, "Mất máy tính xách tay")
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        qtbot.mouseClick(key_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _pinned(data.board, "GK3") == new.fingerprint
    assert _cells(dialog)["GK3"] == (new.fingerprint, "Đã đăng ký (đã thay 1 lần)")
    ((judge, after),) = _audit(data.board, "judge.key_replace")
    assert judge == "GK3"
    assert after["reason"] == "Mất máy tính xách tay"
    assert after["retired"] == data.fingerprints["GK3"]


def test_a_private_key_file_is_refused_with_the_reason(
    qtbot: QtBot, dialog: KeysDialog, data: MergeData
) -> None:
    private = next(data.public_keys["GK1"].parent.glob("*.key"))
    _choose(qtbot, dialog, "GK4", private, replace=False)
    box = error_dialog(qtbot)
    assert "khoá BÍ MẬT" in box.text()
    box.close()
    assert _pinned(data.board, "GK4") is None

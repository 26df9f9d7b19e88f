"""The judge's signing key in the GUI: the first-run walkthrough typed with the keyboard, the
key chosen per contest, and a backup restored on an empty key folder (or refused)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from judge_app.exchange import keys
from judge_app.exchange.key_backup import write_key_backup
from judge_app.ui.judge_key_dialogs import (
    ContestRef,
    KeyBackupDialog,
    KeyRestoreDialog,
    SigningKeyDialog,
    save_public_key,
)
from judge_app.ui.main_window import MainWindow
from judge_app.ui.settings import UiSettings

PASS = "hoa sen nở sớm"
CONTEST = ContestRef("5b0c1f5e-0000-4000-8000-000000000001", "Tìm hiểu DVC", "Lê Thị Mai")
CREATE_TIMEOUT = 30_000  # scrypt on a busy 2-core machine


@pytest.fixture(autouse=True)
def vietnamese(window: MainWindow) -> MainWindow:
    """The main window is up, so the dialogs speak Vietnamese as in the app."""
    return window


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying each character, as a Vietnamese keyboard (Unikey) sends them;
    QTest.keyClicks only knows ASCII."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _show(qtbot: QtBot, dialog: SigningKeyDialog | KeyBackupDialog | KeyRestoreDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


def _create_through_dialog(qtbot: QtBot, dialog: SigningKeyDialog) -> keys.KeyInfo:
    assert dialog.pages.currentWidget() is dialog.create_page  # no key yet: the walkthrough
    dialog.name_edit.clear()
    type_text(dialog.name_edit, "Lê Thị Mai")
    type_text(dialog.pass_edit, PASS)
    type_text(dialog.again_edit, PASS)
    with qtbot.waitSignal(dialog.created, timeout=CREATE_TIMEOUT) as created:
        qtbot.keyClick(dialog.again_edit, Qt.Key.Key_Return)
    info = created.args[0]
    assert isinstance(info, keys.KeyInfo)
    return info


def test_walkthrough_creates_a_key_and_shows_its_fingerprint_large(qtbot: QtBot) -> None:
    settings = UiSettings()
    dialog = SigningKeyDialog(settings=settings, contest=CONTEST)
    _show(qtbot, dialog)
    assert dialog.windowTitle() == "Khoá ký của tôi"
    assert "chỉ máy tính này giữ" in dialog.why_label.text()
    assert dialog.name_edit.text() == "Lê Thị Mai"  # the workspace's judge, as a start

    info = _create_through_dialog(qtbot, dialog)
    assert dialog.pages.currentWidget() is dialog.done_page
    assert [k.fingerprint for k in keys.list_keys()] == [info.fingerprint]
    assert info.name == "Lê Thị Mai"
    # The fingerprint on screen is the key's, in its eight groups, larger than the text.
    assert dialog.big.fingerprint == info.fingerprint
    assert dialog.big.text().split() == info.fingerprint.split()
    assert dialog.big.font().pointSizeF() > dialog.read_aloud.font().pointSizeF() * 1.5
    assert "trưởng ban" in dialog.read_aloud.text()
    # The passphrase opens the key; the fields no longer hold it.
    keys.load_private_key(info.fingerprint, keys.normalise_passphrase(PASS))
    assert dialog.pass_edit.text() == dialog.again_edit.text() == ""
    # The new key is this contest's key from now on.
    assert settings.signing_key(CONTEST.uuid) == info.fingerprint

    # The public key file, to send to the head judge.
    target = info.private_path.parent.parent / "khoa-cong-khai.pem"
    saved: list[Path] = []
    save_public_key(dialog, info, target, saved.append, pytest.fail)
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    assert saved == [target]
    assert keys.fingerprint(keys.load_public_key_file(target)) == info.fingerprint


def test_walkthrough_says_what_is_missing_before_it_creates(qtbot: QtBot) -> None:
    dialog = SigningKeyDialog(settings=UiSettings(), contest=CONTEST)
    _show(qtbot, dialog)
    type_text(dialog.pass_edit, "ngắn")
    assert not dialog.create_button.isEnabled()
    assert dialog.problem_label.text() == "Cụm mật khẩu còn thiếu 4 ký tự."
    type_text(dialog.pass_edit, " đủ dài")
    type_text(dialog.again_edit, "khác hẳn")
    assert dialog.problem_label.text() == "Hãy gõ cùng một cụm mật khẩu hai lần."
    assert not dialog.create_button.isEnabled()
    qtbot.keyClick(dialog.again_edit, Qt.Key.Key_Return)  # refused: nothing is created
    assert keys.list_keys() == []
    dialog.again_edit.clear()
    type_text(dialog.again_edit, "ngắn đủ dài")
    assert dialog.problem_label.text() == ""
    assert dialog.create_button.isEnabled()


def test_with_keys_the_dialog_lists_them_and_remembers_mine_per_contest(qtbot: QtBot) -> None:
    phrase = keys.normalise_passphrase(PASS)
    first = keys.create_key("Máy cũ", phrase)
    second = keys.create_key("Lê Thị Mai", phrase)
    settings = UiSettings()
    dialog = SigningKeyDialog(settings=settings, contest=CONTEST)
    _show(qtbot, dialog)
    assert dialog.pages.currentWidget() is dialog.list_page
    names = {dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())}
    assert names == {first.fingerprint, second.fingerprint}
    assert dialog.mine_label.text() == "Chưa chọn khoá nào cho cuộc thi này."
    row = next(r for r in range(2) if dialog.table.item(r, 1).text() == second.fingerprint)
    dialog.table.selectRow(row)
    assert dialog.selected_big.fingerprint == second.fingerprint
    with qtbot.waitSignal(dialog.chosen) as chosen:
        _click(qtbot, dialog.use_button)
    assert chosen.args == [second.fingerprint]
    assert settings.signing_key(CONTEST.uuid) == second.fingerprint
    assert second.fingerprint in dialog.mine_label.text()
    assert dialog.table.item(row, 0).text() == "Lê Thị Mai (của tôi)"
    # Another contest has its own choice.
    assert settings.signing_key("another-contest") is None


def _backup_through_dialog(qtbot: QtBot, info: keys.KeyInfo, target: Path) -> None:
    dialog = KeyBackupDialog(fingerprint=info.fingerprint)
    _show(qtbot, dialog)
    assert "USB" in dialog.warning.text() and "ký thay bạn" not in dialog.warning.text()
    assert "bất kỳ ai có tệp" in dialog.warning.text()
    assert dialog.fingerprint() == info.fingerprint
    dialog.target_edit.setText(str(target))
    type_text(dialog.pass_edit, PASS)
    with qtbot.waitSignal(dialog.written, timeout=CREATE_TIMEOUT):
        _click(qtbot, dialog.run_button)
    assert "Đã sao lưu khoá" in dialog.message.text()
    assert dialog.pass_edit.text() == ""
    dialog.close()


def _restore_through_dialog(qtbot: QtBot, source: Path, passphrase: str) -> KeyRestoreDialog:
    dialog = KeyRestoreDialog()
    _show(qtbot, dialog)
    dialog.source_edit.setText(str(source))
    type_text(dialog.pass_edit, passphrase)
    qtbot.keyClick(dialog.pass_edit, Qt.Key.Key_Return)
    operation = dialog.operation
    assert operation is not None
    with qtbot.waitSignal(operation.done, timeout=CREATE_TIMEOUT):
        pass
    return dialog


def _new_computer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Another JUDGE_APP_HOME: an empty key folder, as on the judge's new computer."""
    monkeypatch.setenv("JUDGE_APP_HOME", str(tmp_path / "new-computer"))
    assert keys.list_keys() == []


def test_backup_then_restore_on_an_empty_key_folder_gives_the_same_key(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = keys.create_key("Lê Thị Mai", keys.normalise_passphrase(PASS))
    backup = tmp_path / "usb" / "sao-luu.jgk"
    _backup_through_dialog(qtbot, info, backup)
    assert backup.is_file()

    _new_computer(monkeypatch, tmp_path)
    dialog = _restore_through_dialog(qtbot, backup, PASS)
    assert not dialog.error.isVisible()
    assert [k.fingerprint for k in keys.list_keys()] == [info.fingerprint]
    assert dialog.big.fingerprint == info.fingerprint
    assert dialog.message.text().startswith("Đã khôi phục khoá “Lê Thị Mai”")
    keys.load_private_key(info.fingerprint, keys.normalise_passphrase(PASS))


def test_restore_refuses_a_wrong_passphrase(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = keys.create_key("Lê Thị Mai", keys.normalise_passphrase(PASS))
    backup = tmp_path / "sao-luu.jgk"
    write_key_backup(info.fingerprint, backup)
    _new_computer(monkeypatch, tmp_path)
    dialog = _restore_through_dialog(qtbot, backup, "hoa sen nở muộn")
    assert dialog.error.isVisible()
    assert dialog.error.text() == (
        f"Cụm mật khẩu này không mở được khoá trong bản sao lưu {backup}; không khôi phục gì."
    )
    assert keys.list_keys() == []
    assert not dialog.big.isVisible()


def test_restore_refuses_a_tampered_backup(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = keys.create_key("Lê Thị Mai", keys.normalise_passphrase(PASS))
    backup = tmp_path / "sao-luu.jgk"
    write_key_backup(info.fingerprint, backup)
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["files"]["private_key"] = document["files"]["private_key"].replace("M", "N", 1)
    backup.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    _new_computer(monkeypatch, tmp_path)
    dialog = _restore_through_dialog(qtbot, backup, PASS)
    assert "đã bị hỏng hoặc bị sửa" in dialog.error.text()
    assert str(backup) in dialog.error.text()
    assert keys.list_keys() == []


def test_backup_refuses_a_passphrase_that_does_not_open_the_key(
    qtbot: QtBot, tmp_path: Path
) -> None:
    info = keys.create_key("Lê Thị Mai", keys.normalise_passphrase(PASS))
    dialog = KeyBackupDialog(fingerprint=info.fingerprint)
    _show(qtbot, dialog)
    target = tmp_path / "sao-luu.jgk"
    dialog.target_edit.setText(str(target))
    type_text(dialog.pass_edit, "không phải nó")
    _click(qtbot, dialog.run_button)
    qtbot.waitUntil(dialog.error.isVisible, timeout=CREATE_TIMEOUT)
    assert dialog.error.text().startswith("Sai cụm mật khẩu cho khoá")
    assert not target.exists()


def test_judge_menu_opens_the_walkthrough_when_no_key_exists(
    qtbot: QtBot, window: MainWindow
) -> None:
    action = window.registry_actions["judge_signing_key"]
    assert action.text() == "Khoá &ký của tôi…"
    assert action.isEnabled()
    assert not window.registry_actions["judge_export_scores"].isEnabled()  # no workspace
    action.trigger()
    dialog = window.findChild(SigningKeyDialog)
    assert isinstance(dialog, SigningKeyDialog)
    assert dialog.pages.currentWidget() is dialog.create_page
    assert dialog.contest is None
    assert window.offer_signing_key() is None  # only offered over a judge's workspace

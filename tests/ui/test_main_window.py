"""The main window: Vietnamese by default, contest view, language switch, file dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from contest_data import CONTEST_NAME, ORGANISER, PARTICIPANT_NAMES, make_contest_file
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from ui_helpers import error_dialog, wait_for_dialog

from judge_app.ui.app import make_main_window
from judge_app.ui.contest_view import COLUMNS, FILES, FORMAT
from judge_app.ui.main_window import BACKUP_INTERVAL_MS, MainWindow
from judge_app.ui.settings import MAX_RECENT, UiSettings

OpenContest = Callable[[Path], MainWindow]


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def table_texts(window: MainWindow) -> list[str]:
    model = window.contest_view.table.model()
    texts = [
        str(model.headerData(column, Qt.Orientation.Horizontal))
        for column in range(model.columnCount())
    ]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            texts.append(str(model.data(model.index(row, column))))
    return texts


def test_opens_in_vietnamese(window: MainWindow) -> None:
    assert menu_titles(window) == ["&Tệp", "&Xem", "&Ban giám khảo", "&Giám khảo", "Trợ &giúp"]
    assert window.welcome.open_button.text() == "Mở cuộc thi…"
    assert window.welcome.new_button.text() == "Tạo cuộc thi mới…"
    assert window.registry_actions["open_contest"].text() == "&Mở cuộc thi…"
    assert window.path_label.text() == "Chưa mở cuộc thi nào"
    assert window.stack.currentWidget() is window.welcome
    assert not window.windowIcon().isNull()
    assert window.registry_actions["language_vi"].isChecked()
    assert not window.registry_actions["close_contest"].isEnabled()


def test_contest_shows_codes_and_never_names(
    window: MainWindow, contest_file: Path, open_contest: OpenContest
) -> None:
    open_contest(contest_file)
    view = window.contest_view
    assert window.stack.currentWidget() is view
    assert view.name_label.text() == CONTEST_NAME
    assert view.organiser_label.text() == ORGANISER
    summary = view.summary_label.text()
    assert "Bài dự thi: 12" in summary
    assert "Học sinh lớp 6: 3" in summary
    assert "Đơn vị có bài: 3/4" in summary

    codes = [view.model.index(row, 0).data() for row in range(view.model.rowCount())]
    assert codes == [f"TX-{n:03d}" for n in range(1, 13)]
    texts = table_texts(window)
    assert texts[: len(COLUMNS)] == [
        "Số phách",
        "Đối tượng",
        "Loại tệp",
        "Số tệp",
        "Thể thức",
        "Thời điểm nhận",
        "Trạng thái",
    ]
    assert "Đã làm phách" in texts and "12/08/2019 08:30" in texts
    shown = "\n".join([*texts, summary, view.name_label.text(), window.path_label.text()])
    for name in PARTICIPANT_NAMES:
        assert name not in shown  # neither as a participant nor inside a file's original name

    assert window.path_label.text() == f"Tệp cuộc thi: {contest_file}"
    assert window.count_label.text() == "Bài dự thi: 12"
    assert window.windowTitle() == "contest.sqlite — judge-app"
    assert window.registry_actions["close_contest"].isEnabled()


def test_board_filters_entries_by_format_badge(
    qtbot: QtBot, window: MainWindow, contest_file: Path, open_contest: OpenContest
) -> None:
    open_contest(contest_file)
    view = window.contest_view
    shown = view.proxy.rowCount()
    assert shown == 12
    combo = view.filter_combo
    assert combo.itemText(0) == "Tất cả bài dự thi"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Không đọc được"
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Cần xem thể thức"
    assert combo.currentText() == "Cần xem thể thức"
    badges = {view.proxy.index(r, FORMAT).data() for r in range(view.proxy.rowCount())}
    assert badges == {"Cần xem thể thức"}
    assert 0 < view.proxy.rowCount() < shown
    view.show_only(None)
    assert view.proxy.rowCount() == shown


def test_table_sorts_by_clicked_column(
    qtbot: QtBot, window: MainWindow, contest_file: Path, open_contest: OpenContest
) -> None:
    open_contest(contest_file)
    table = window.contest_view.table
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(FILES) + header.sectionSize(FILES) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    model = table.model()
    counts = [int(model.index(row, FILES).data()) for row in range(model.rowCount())]
    assert counts == sorted(counts)
    table.sortByColumn(FILES, Qt.SortOrder.DescendingOrder)
    counts = [int(model.index(row, FILES).data()) for row in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)


def test_language_switch_retranslates_everything(
    window: MainWindow, contest_file: Path, open_contest: OpenContest
) -> None:
    open_contest(contest_file)
    window.registry_actions["language_en"].trigger()
    assert menu_titles(window) == ["&File", "&View", "&Board", "&Judge", "&Help"]
    assert window.menus["recent"].title() == "Open &recent"
    assert window.registry_actions["open_contest"].text() == "&Open contest…"
    assert window.welcome.open_button.text() == "Open contest…"
    assert window.welcome.new_button.text() == "Create a new contest…"
    texts = table_texts(window)
    assert texts[:3] == ["Code", "Category", "File types"]
    assert "Anonymised" in texts and "2019-08-12 08:30" in texts
    assert window.contest_view.summary_label.text().startswith("Entries: 12")
    assert window.count_label.text() == "Entries: 12"
    assert window.path_label.text().startswith("Contest file: ")
    assert window.registry_actions["language_en"].isChecked()
    assert UiSettings().language == "en"  # remembered for the next start

    window.registry_actions["language_vi"].trigger()
    assert menu_titles(window) == ["&Tệp", "&Xem", "&Ban giám khảo", "&Giám khảo", "Trợ &giúp"]
    assert table_texts(window)[0] == "Số phách"
    assert window.welcome.open_button.text() == "Mở cuộc thi…"
    assert UiSettings().language == "vi"


def test_saved_language_is_used_and_argument_overrides(qtbot: QtBot) -> None:
    UiSettings().language = "en"
    english = make_main_window()
    qtbot.addWidget(english)
    assert menu_titles(english) == ["&File", "&View", "&Board", "&Judge", "&Help"]
    vietnamese = make_main_window(lang="vi")
    qtbot.addWidget(vietnamese)
    assert menu_titles(vietnamese) == ["&Tệp", "&Xem", "&Ban giám khảo", "&Giám khảo", "Trợ &giúp"]
    assert UiSettings().language == "en"  # an override is for this run only


def test_open_text_file_shows_translated_error_and_logs(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, app_home: Path
) -> None:
    bad = tmp_path / "bài thi.sqlite"
    bad.write_text("đây không phải cơ sở dữ liệu\n", encoding="utf-8")
    window.open_contest_path(bad)
    box = error_dialog(qtbot)
    assert box.windowTitle() == "judge-app: lỗi"
    assert str(bad) in box.text()
    assert "không phải là tệp cuộc thi" in box.text()
    assert "Traceback" not in box.text()
    assert box.button(QMessageBox.StandardButton.Ok).text() == "Đồng ý"
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.stack.currentWidget() is window.welcome
    assert not window.busy
    log = (app_home / "logs" / "judge-app.log").read_text(encoding="utf-8")
    assert "not_a_database" in log and str(bad) in log


def test_open_via_file_dialog_in_vietnamese(
    qtbot: QtBot, window: MainWindow, contest_file: Path
) -> None:
    window.registry_actions["open_contest"].trigger()
    dialog = wait_for_dialog(qtbot, QFileDialog, "contestFileDialog")
    assert isinstance(dialog, QFileDialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert {b.text() for b in buttons.buttons()} == {"&Mở", "Huỷ"}
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Tìm trong:", "&Tên tệp:", "&Kiểu tệp:"} <= labels
    assert dialog.windowTitle() == "Mở tệp cuộc thi"
    with qtbot.waitSignal(window.contest_loaded, timeout=10_000):
        dialog.selectFile(str(contest_file))
        dialog.accept()
    assert window.contest_view.model.rowCount() == 12


def test_new_button_opens_the_setup_wizard(qtbot: QtBot, window: MainWindow) -> None:
    """New contest is the set-up wizard (tests/ui/test_setup_wizard.py drives it to the end)."""
    from judge_app.ui.setup_wizard import SetupWizard

    window.welcome.new_button.click()
    wizard = wait_for_dialog(qtbot, SetupWizard, "setupWizard")
    assert isinstance(wizard, SetupWizard)
    assert wizard.windowTitle() == "Cuộc thi mới"
    wizard.reject()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert window.db is None


def test_create_refuses_an_existing_file(
    qtbot: QtBot, window: MainWindow, contest_file: Path
) -> None:
    window.create_contest_path(contest_file)
    box = error_dialog(qtbot)
    assert str(contest_file) in box.text() and "đã tồn tại" in box.text()
    box.close()
    assert window.db is None


def test_close_contest_returns_to_welcome(
    window: MainWindow, contest_file: Path, open_contest: OpenContest
) -> None:
    open_contest(contest_file)
    assert window.backup_timer.isActive()
    assert window.backup_timer.interval() == BACKUP_INTERVAL_MS == 10 * 60 * 1000
    window.registry_actions["close_contest"].trigger()
    assert window.db is None
    assert window.stack.currentWidget() is window.welcome
    assert not window.backup_timer.isActive()
    assert not window.registry_actions["close_contest"].isEnabled()
    assert window.path_label.text() == "Chưa mở cuộc thi nào"


def test_recent_files_menu_and_welcome_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, open_contest: OpenContest
) -> None:
    first = make_contest_file(tmp_path / "a.sqlite", entries=1)
    second = make_contest_file(tmp_path / "b.sqlite", entries=2)
    open_contest(first)
    open_contest(second)
    recent = [a for a in window.menus["recent"].actions() if a.objectName() == "open_recent"]
    assert [a.data() for a in recent] == [str(second), str(first)]
    assert window.welcome.recent_list.count() == 2

    window.close_contest()
    first.unlink()
    window.refresh_state()
    recent = [a for a in window.menus["recent"].actions() if a.objectName() == "open_recent"]
    assert [a.isEnabled() for a in recent] == [True, False]  # a vanished file stays, greyed
    item = window.welcome.recent_list.item(1)
    assert "(không tìm thấy tệp)" in item.text()
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled

    with qtbot.waitSignal(window.contest_loaded, timeout=10_000):
        recent[0].trigger()
    assert window.db is not None and window.db.path == second

    window.registry_actions["clear_recent"].trigger()
    assert UiSettings().recent_files() == []
    assert not window.menus["recent"].menuAction().isEnabled()


def test_recent_files_keep_at_most_eight(tmp_path: Path) -> None:
    settings = UiSettings()
    for number in range(MAX_RECENT + 3):
        settings.add_recent(tmp_path / f"{number}.sqlite")
    files = settings.recent_files()
    assert len(files) == MAX_RECENT
    assert files[0] == (tmp_path / f"{MAX_RECENT + 2}.sqlite").resolve()


def test_backup_now_writes_a_snapshot(
    qtbot: QtBot, window: MainWindow, contest_file: Path, open_contest: OpenContest
) -> None:
    from judge_app.store.backup import list_backups

    open_contest(contest_file)
    operation = window.backup_now()
    assert operation is not None
    with qtbot.waitSignal(operation.done, timeout=10_000):
        pass
    assert len(list_backups(contest_file)) == 1
    assert window.statusBar().currentMessage().startswith("Đã sao lưu: ")


def test_about_box_names_version_and_licence(qtbot: QtBot, window: MainWindow) -> None:
    from judge_app import __version__

    window.registry_actions["about"].trigger()
    box = wait_for_dialog(qtbot, QMessageBox, "aboutBox")
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "Giới thiệu judge-app"
    assert __version__ in box.text()
    assert "AGPL-3.0-or-later" in box.informativeText()
    close = box.findChild(QPushButton)
    assert close is not None and close.text() == "Đóng"
    box.close()


def test_integrity_failure_closes_the_contest(
    qtbot: QtBot, window: MainWindow, contest_file: Path, open_contest: OpenContest
) -> None:
    from concurrent.futures import Future

    from judge_app.core.errors import JudgeAppError
    from judge_app.ui.operation import FutureWatcher

    open_contest(contest_file)
    future: Future[JudgeAppError | None] = Future()
    watcher = FutureWatcher(future, window)
    watcher.resolved.connect(window._integrity_checked)
    future.set_result(
        JudgeAppError("database_corrupt", contest_file, reason="page 7", backup="no_backup")
    )
    box = error_dialog(qtbot)
    assert "bị hỏng" in box.text() and str(contest_file) in box.text()
    assert window.db is None
    box.close()


def test_model_index_data_is_none_for_invalid_index(window: MainWindow) -> None:
    assert window.contest_view.model.data(QModelIndex()) is None

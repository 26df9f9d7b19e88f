"""The column-mapping dialog on real school lists: guessed columns, the header row, the live
check, the mapping remembered per unit, the receive dialog's use of it, broken files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from contest_data import make_contest_file
from intake_lists import cp1258_csv, school_xlsx, two_sheet_xlsx, write_xlsx
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_helpers import error_dialog

from judge_app.intake.participants import load_mapping
from judge_app.intake.receive import receive
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.store.models import AuditRow, Contest
from judge_app.ui.board_columns import ColumnsDialog
from judge_app.ui.board_receive import ReceiveDialog
from judge_app.ui.main_window import MainWindow

UNIT = "THCS-KD"


@pytest.fixture
def db(tmp_path: Path, window: MainWindow) -> Iterator[ContestDatabase]:
    """A board file whose ages count on the seed contest's deadline (20/08/2019); the main
    window is up, so the UI speaks Vietnamese as the app does."""
    path = make_contest_file(tmp_path / "contest.sqlite", entries=3)
    database = open_contest_file(path)
    with database.session() as session, session.begin():
        contest = session.scalars(select(Contest)).one()
        contest.reference_date = dt.date(2019, 8, 20)
    yield database
    database.close()


def _dialog(
    qtbot: QtBot, db: ContestDatabase, path: Path, unit: str | None = UNIT
) -> ColumnsDialog:
    dialog = ColumnsDialog(db, path, unit_code=unit)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10_000)
    return dialog


def _preview_row(dialog: ColumnsDialog, number: int) -> int:
    for row in range(dialog.preview.rowCount()):
        head = dialog.preview.verticalHeaderItem(row)
        if head is not None and head.text() == str(number):
            return row
    raise AssertionError(f"sheet row {number} is not in the preview")


def test_school_list_with_the_header_on_row_3_is_guessed_and_checked(
    qtbot: QtBot, db: ContestDatabase, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, school_xlsx(tmp_path / "ds-khuong-dinh.xlsx"))
    assert dialog.windowTitle() == "Danh sách người dự thi: các cột"
    assert dialog.header_spin.value() == 3
    # The merged title is row 1; the header row is drawn in the selection colour.
    header = dialog.preview.item(_preview_row(dialog, 3), 1)
    assert header is not None and header.text() == "Họ và tên"
    highlight = dialog.palette().color(QPalette.ColorRole.Highlight)
    assert header.background().color() == highlight
    person = dialog.preview.item(_preview_row(dialog, 4), 1)
    assert person is not None and person.background().color() != highlight
    head_b = dialog.preview.horizontalHeaderItem(1)
    assert head_b is not None and head_b.text() == "B\nHọ và tên"
    # Each field's combo shows the guessed column with its header text.
    assert dialog.field_combos["full_name"].currentText() == "B: Họ và tên"
    assert dialog.field_combos["birth_date"].currentText() == "C: Ngày sinh"
    assert dialog.field_combos["grade"].currentText() == "D: Lớp"
    assert dialog.field_combos["phone"].currentText() == "E: Điện thoại"
    assert dialog.field_combos["email"].currentIndex() == 0  # not in the list
    # The live check names every problem with its sheet row.
    assert dialog.problem_rows() == [
        (6, "list_date_invalid"),
        (7, "list_name_missing"),
        (8, "list_grade_outside"),
        (9, "list_same_name"),
        (10, "list_same_name"),
    ]
    texts = [dialog.problems.item(r, 2).text() for r in range(dialog.problems.rowCount())]  # type: ignore[union-attr]
    assert "ngày sinh “31/02/2007” không có thật" in texts
    assert "thiếu họ tên" in texts
    assert dialog.summary.text().startswith("Đọc được 7 người")
    assert dialog.ok_button.isEnabled()


def test_changing_a_column_with_the_keyboard_changes_the_preview_and_the_check(
    qtbot: QtBot, db: ContestDatabase, tmp_path: Path
) -> None:
    path = school_xlsx(tmp_path / "ds.xlsx")
    dialog = _dialog(qtbot, db, path)
    combo = dialog.field_combos["full_name"]
    combo.setFocus()
    before = dialog.problem_rows()

    qtbot.keyClick(combo, Qt.Key.Key_Home)  # "— not in the list —"
    assert dialog.mapping is not None and dialog.mapping.column("full_name") is None
    assert dialog.problem_rows() == []
    assert path.name in dialog.summary.text()  # the reason names the file
    assert not dialog.ok_button.isEnabled()
    head_b = dialog.preview.horizontalHeaderItem(1)
    assert head_b is not None and head_b.text() == "B"

    qtbot.keyClick(combo, Qt.Key.Key_Down)  # column A: the numbers become the names
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # column B again
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # column C: the birth dates
    assert combo.currentText() == "C: Ngày sinh"
    assert dialog.mapping.column("full_name") == 2
    # A column holds one field: the birth date lost its column, and the check says so.
    assert dialog.field_combos["birth_date"].currentIndex() == 0
    head_c = dialog.preview.horizontalHeaderItem(2)
    assert head_c is not None and head_c.text() == "C\nHọ và tên"
    after = dialog.problem_rows()
    assert after != before
    assert (6, "list_date_invalid") not in after

    qtbot.keyClick(combo, Qt.Key.Key_Up)  # back to B
    dialog.choose_column("birth_date", 2)
    assert dialog.problem_rows() == before


def test_the_mapping_is_remembered_for_the_unit_and_preselected_next_time(
    qtbot: QtBot, db: ContestDatabase, tmp_path: Path
) -> None:
    # Headers the guess cannot know: the head judge points at them.
    rows = [
        ["Số", "Danh tính", "Sinh nhật", "Học lớp"],
        [1, "Nguyễn Thị Hằng", "05/09/2006", "8A3"],
        [2, "Trần Văn Minh", "12/10/2006", "8A1"],
    ]
    path = write_xlsx(tmp_path / "la.xlsx", rows, title=["DANH SÁCH HỌC SINH", ""], header_at=3)
    dialog = _dialog(qtbot, db, path)
    assert dialog.mapping is not None and dialog.mapping.column("full_name") is None
    assert not dialog.ok_button.isEnabled()
    dialog.header_spin.setFocus()
    dialog.header_spin.selectAll()
    qtbot.keyClicks(dialog.header_spin, "3")
    assert dialog.mapping.header_row == 3
    dialog.choose_column("full_name", 1)
    dialog.choose_column("birth_date", 2)
    dialog.choose_column("grade", 3)
    assert dialog.problem_rows() == []
    assert dialog.summary.text().startswith("Đọc được 2 người")
    with qtbot.waitSignal(dialog.mapping_saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert saved.args[0] == UNIT
    remembered = load_mapping(db, UNIT)
    assert remembered is not None
    assert remembered.fields == {"full_name": 1, "birth_date": 2, "grade": 3}
    assert remembered.header_row == 3
    with db.read_session() as session:
        actions = session.scalars(select(AuditRow.action)).all()
    assert "set_list_mapping" in actions

    again = _dialog(qtbot, db, path)
    assert again.field_combos["full_name"].currentText() == "B: Danh tính"
    assert again.field_combos["birth_date"].currentText() == "C: Sinh nhật"
    assert again.header_spin.value() == 3
    other = _dialog(qtbot, db, path, unit="THCS-NC")  # another unit: nothing remembered
    assert other.field_combos["full_name"].currentIndex() == 0

    # The intake run reads the list with the confirmed columns.
    folder = tmp_path / "empty"
    folder.mkdir()
    report = receive(db, UNIT, [folder], participant_list=path, actor="test")
    assert report.participant_list is not None
    assert report.participant_list.rows == 2 and report.participant_list.added == 2


def test_windows_1258_csv_with_headers_without_diacritics(
    qtbot: QtBot, db: ContestDatabase, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, cp1258_csv(tmp_path / "ds.csv"))
    assert "cp1258" in dialog.file_label.text()
    assert dialog.header_spin.value() == 1
    assert dialog.field_combos["full_name"].currentText() == "B: Ho va ten"
    name = dialog.preview.item(_preview_row(dialog, 2), 1)
    assert name is not None and name.text() == "Nguyễn Thị Hằng"
    assert dialog.problem_rows() == [(4, "list_duplicate_row")]


def test_a_workbook_with_an_instructions_sheet_opens_on_the_list(
    qtbot: QtBot, db: ContestDatabase, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, two_sheet_xlsx(tmp_path / "hai-trang.xlsx"))
    assert dialog.sheet_combo.isEnabled() and dialog.sheet_combo.count() == 2
    assert dialog.sheet_combo.currentText() == "DS học sinh"
    assert dialog.field_combos["full_name"].currentText() == "B: Họ và tên"
    dialog.sheet_combo.setFocus()
    qtbot.keyClick(dialog.sheet_combo, Qt.Key.Key_Up)
    assert dialog.sheet_combo.currentText() == "Hướng dẫn"
    assert dialog.parsed is None and "Hướng dẫn" in dialog.summary.text()
    assert not dialog.ok_button.isEnabled()


def test_a_broken_list_shows_the_file_and_the_reason(
    qtbot: QtBot, db: ContestDatabase, tmp_path: Path
) -> None:
    path = tmp_path / "danh-sach-hong.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook")
    dialog = ColumnsDialog(db, path, unit_code=UNIT)
    qtbot.addWidget(dialog)
    dialog.show()
    box = error_dialog(qtbot)
    assert str(path) in box.text() and "Traceback" not in box.text()
    box.close()
    assert dialog.status.text() == box.text()
    assert not dialog.ok_button.isEnabled()


def test_choosing_a_list_in_the_receive_dialog_opens_its_columns(
    qtbot: QtBot, db: ContestDatabase, tmp_path: Path
) -> None:
    dialog = ReceiveDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.unit_combo.count() > 0, timeout=10_000)
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData(UNIT))
    columns = dialog.list_chosen(str(school_xlsx(tmp_path / "ds.xlsx")))
    assert columns is not None and columns.unit_code() == UNIT
    assert not columns.unit_combo.isEnabled()
    qtbot.waitUntil(lambda: columns.ok_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(columns.mapping_saved, timeout=10_000):
        columns.ok_button.click()
    assert "THCS-KD" in dialog.columns_note.text() and "3" in dialog.columns_note.text()
    assert load_mapping(db, UNIT) is not None


def test_board_menu_check_of_a_list_asks_which_unit_sent_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    contest = make_contest_file(tmp_path / "contest.sqlite", entries=3)
    with qtbot.waitSignal(window.contest_loaded, timeout=10_000):
        window.open_contest_path(contest)
    action = window.registry_actions["board_check_list"]
    assert action.isEnabled() and action.text() == "Kiểm tra &danh sách người dự thi…"
    chooser = window.check_participant_list()
    assert chooser is not None
    chooser.close()
    dialog = window.check_list_path(school_xlsx(tmp_path / "ds.xlsx"))
    assert isinstance(dialog, ColumnsDialog)
    qtbot.waitUntil(
        lambda: dialog.table is not None and dialog.unit_combo.count() > 1, timeout=10_000
    )
    assert dialog.unit_combo.isEnabled() and dialog.unit_code() is None
    assert dialog.ok_button.isEnabled()
    assert dialog.remember() is None
    assert dialog.status.text() == "Hãy chọn đơn vị đã gửi danh sách."
    dialog.unit_combo.setFocus()
    qtbot.keyClick(dialog.unit_combo, Qt.Key.Key_Down)
    assert dialog.unit_code() is not None
    unit = dialog.unit_code()
    with qtbot.waitSignal(dialog.mapping_saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert saved.args[0] == unit
    assert window.db is not None and load_mapping(window.db, str(unit)) is not None

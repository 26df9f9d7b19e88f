"""The contest set-up wizard, driven like a head judge would: template, keys typed, Next, Finish.

Every test starts from resources/contest-sample.json loaded through "Start from a template",
walks the pages with the Next button and checks what a user relies on: the contest file holds
exactly the set-up shown, a wrong rubric keeps the user on the rubric page with the reason, a
unit list fills the table and lists its problems by row, the head judge's key is made and pinned,
and a contest exported as a template starts next year's wizard.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_helpers import wait_for_dialog

from judge_app import paths
from judge_app.exchange.keys import list_keys
from judge_app.intake.contest_config import config_to_dict, load_config
from judge_app.intake.contest_setup import create_contest, export_config
from judge_app.store.database import open_contest_file
from judge_app.store.models import Category, Contest, Criterion, Judge, Question, Unit
from judge_app.ui.app import translations
from judge_app.ui.main_window import MainWindow
from judge_app.ui.setup_tables import EditTable
from judge_app.ui.setup_wizard import SetupWizard

SAMPLE = paths.resources_dir() / "contest-sample.json"
PASSPHRASE = "mật khẩu thử nghiệm 2019"
PAGES = ("contest", "groups", "categories", "units", "rubric", "rules", "prizes", "judges", "key")


@pytest.fixture
def wizard(qtbot: QtBot, tmp_path: Path) -> Iterator[SetupWizard]:
    """The wizard alone, in Vietnamese (the app-wide translators, as the main window sets)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations(app).set_language("vi")
    wiz = SetupWizard(start_folder=tmp_path)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    yield wiz
    if wiz.operation is not None:
        wiz.operation.wait(30)


def click(qtbot: QtBot, wizard: SetupWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def load_sample(qtbot: QtBot, wizard: SetupWizard) -> None:
    """ "Start from a template…", then pick the sample in Qt's file dialog."""
    qtbot.mouseClick(wizard.contest_page.template_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, QFileDialog, "templateFileDialog")
    assert isinstance(dialog, QFileDialog)
    dialog.selectFile(str(SAMPLE))
    dialog.accept()
    qtbot.waitUntil(lambda: wizard.template_path == SAMPLE)


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying each character, as a Vietnamese keyboard (Unikey) sends them;
    QTest.keyClicks only knows ASCII."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def type_target(qtbot: QtBot, wizard: SetupWizard, target: Path) -> None:
    type_text(wizard.contest_page.file_edit, str(target))
    assert wizard.contest_page.file_edit.text() == str(target)


def go_to(qtbot: QtBot, wizard: SetupWizard, name: str) -> None:
    """Press Next until the page `name` shows; each step must be accepted."""
    target = PAGES.index(name) if name in PAGES else len(PAGES)
    while wizard.currentId() < target:
        before = wizard.currentId()
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
        page = wizard.currentPage()
        assert wizard.currentId() == before + 1, page.error_label.text()  # type: ignore[attr-defined]


def edit_cell(qtbot: QtBot, table: EditTable, row: int, key: str, text: str) -> None:
    """Select the cell, type over it and press Enter, as a user does."""
    view = table.table
    column = table.column_of(key)
    view.setFocus()
    view.setCurrentCell(row, column)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.state() == QAbstractItemView.State.EditingState
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1  # an earlier editor may wait for its deletion, hidden
    editor = editors[0]
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn
    item = view.item(row, column)
    assert item is not None
    qtbot.waitUntil(lambda: item.text() == text)


def finish(qtbot: QtBot, wizard: SetupWizard) -> Path:
    """Finish, wait for the file, close the result box; returns the new file."""
    with qtbot.waitSignal(wizard.created, timeout=20_000) as blocker:
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    box = wizard.result_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    text = box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    path = blocker.args[0]
    assert isinstance(path, Path) and str(path) in text
    return path


def test_template_to_contest_file(qtbot: QtBot, wizard: SetupWizard, tmp_path: Path) -> None:
    load_sample(qtbot, wizard)
    page = wizard.contest_page
    assert page.name.text().startswith("Cuộc thi “Tìm hiểu dịch vụ công trực tuyến”")
    assert page.reference_date.text() == "20/08/2019"
    assert wizard.groups_page.table.table.item(0, 2).text() == "20/08/2019 17:00"  # type: ignore[union-attr]
    target = tmp_path / "cuộc thi 2019.sqlite"
    type_target(qtbot, wizard, target)
    go_to(qtbot, wizard, "key")
    qtbot.mouseClick(wizard.key_page.later, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert wizard.key_page.later.isChecked()
    go_to(qtbot, wizard, "summary")
    assert "Nguyễn Văn Hùng" in wizard.summary_page.summary.toPlainText()
    assert finish(qtbot, wizard) == target

    with open_contest_file(target) as db:
        assert config_to_dict(export_config(db)) == config_to_dict(load_config(SAMPLE))
        with db.read_session() as session:
            contest = session.scalars(select(Contest)).one()
            assert contest.year == 2019 and contest.organiser.startswith("Phòng Giáo dục")
            codes = session.scalars(select(Category.code).order_by(Category.sort)).all()
            assert codes == ["staff", "g6", "g7", "g8", "g9"]
            unit = session.scalars(select(Unit).where(Unit.code == "THCS-KD")).one()
            assert {h.category.code: h.count for h in unit.headcounts}["g6"] == 310
            assert [q.answer for q in session.scalars(select(Question))] == ["B", "D", "A", "C"]
            assert session.scalars(select(Criterion.code).order_by(Criterion.sort)).all() == [
                "HIEU",
                "VIDU",
                "BOCUC",
                "TRINHBAY",
                "SANGTAO",
            ]
            head = session.scalars(select(Judge).where(Judge.is_head.is_(True))).one()
            assert head.code == "TB" and head.key_fingerprint is None


def test_wrong_answer_keeps_the_user_on_the_rubric_page(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path
) -> None:
    load_sample(qtbot, wizard)
    type_target(qtbot, wizard, tmp_path / "x.sqlite")
    go_to(qtbot, wizard, "rubric")
    rubric = wizard.rubric_page
    edit_cell(qtbot, rubric.questions, 1, "answer", "E")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is rubric
    assert "Dòng 2, Đáp án: đáp án không nằm trong các phương án" in rubric.error_text
    assert rubric.questions.table.currentRow() == 1  # the cursor is on the wrong row
    qtbot.waitUntil(lambda: "đáp án không nằm" in rubric.check_label.text())  # shown as typed

    edit_cell(qtbot, rubric.questions, 1, "answer", "D")
    rubric.tabs.setCurrentIndex(1)
    edit_cell(qtbot, rubric.criteria, 2, "maximum", "1")  # BOCUC: 1.5 → 1
    assert "9,5 trên 10 điểm" in rubric.sum_label.text()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is rubric
    assert "9.5 ≠ max_total = 10" in rubric.error_text
    assert "Traceback" not in rubric.error_text

    edit_cell(qtbot, rubric.criteria, 2, "maximum", "1,5")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.rules_page


def test_a_problem_found_at_finish_is_shown_on_its_page(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path
) -> None:
    """Ticking a head judge unticks the other; none at all keeps the user on the page."""
    load_sample(qtbot, wizard)
    type_target(qtbot, wizard, tmp_path / "x.sqlite")
    go_to(qtbot, wizard, "judges")
    judges = wizard.judges_page.table
    column = judges.column_of("head")
    heads = [judges.table.item(row, column) for row in range(2)]
    assert heads[0] is not None and heads[1] is not None
    heads[1].setCheckState(Qt.CheckState.Checked)
    assert heads[0].checkState() == Qt.CheckState.Unchecked
    assert wizard.judges_page.head_judge() == judges.row_values(1)
    heads[1].setCheckState(Qt.CheckState.Unchecked)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.judges_page
    assert "trưởng ban" in wizard.judges_page.error_text.lower()
    assert not (tmp_path / "x.sqlite").exists()


def test_an_existing_file_is_refused_on_the_first_page(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path
) -> None:
    existing = tmp_path / "old.sqlite"
    existing.write_bytes(b"keep me")
    load_sample(qtbot, wizard)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.contest_page
    assert "chọn nơi lưu tệp cuộc thi" in wizard.contest_page.error_text
    type_target(qtbot, wizard, existing)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.contest_page
    assert "đã tồn tại" in wizard.contest_page.error_text
    assert existing.read_bytes() == b"keep me"


def _unit_list(path: Path) -> Path:
    """The office's sheet: a title row, Vietnamese headers, one bad headcount, a total row."""
    rows = [
        ["DANH SÁCH ĐƠN VỊ DỰ THI NĂM 2020"],
        [],
        [
            "STT",
            "Mã đơn vị",
            "Tên đơn vị",
            "Nhóm",
            "Số CB-GV-NV",
            "Lớp 6",
            "Lớp 7",
            "Lớp 8",
            "Lớp 9",
        ],
        ["1", "THCS-KD", "Trường THCS Khương Đình", "school", "64", "300", "290", "280", "270"],
        ["2", "THCS-TX", "Trường THCS Thanh Xuân", "school", "41", "abc", "200", "190", "180"],
        ["3", "MN-HM", "Trường Mầm non Hoa Mai", "school", "27", "", "", "", ""],
        ["", "", "Tổng cộng", "", "132", "", "", "", ""],
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_unit_list_import_fills_the_table_and_lists_problems(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path
) -> None:
    load_sample(qtbot, wizard)
    type_target(qtbot, wizard, tmp_path / "x.sqlite")
    go_to(qtbot, wizard, "units")
    page = wizard.units_page
    sheet = _unit_list(tmp_path / "don-vi.csv")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, QFileDialog, "unitListDialog")
    assert isinstance(dialog, QFileDialog)
    with qtbot.waitSignal(page.import_finished, timeout=10_000):
        dialog.selectFile(str(sheet))
        dialog.accept()
    rows = {row["code"]: row for row in page.table.rows()}
    # The sample's four units stay; THCS-KD takes the list's numbers; two units are new.
    assert set(rows) == {"THCS-KD", "THCS-NC", "MN-TH", "PGD", "THCS-TX", "MN-HM"}
    assert rows["THCS-KD"]["headcount:staff"] == 64 and rows["THCS-KD"]["headcount:g6"] == 300
    assert rows["THCS-TX"]["name"] == "Trường THCS Thanh Xuân"
    assert rows["THCS-TX"]["headcount:g6"] is None  # "abc" is not taken as a number
    assert page.problems.isVisible()
    problems = [page.problems.item(n).text() for n in range(page.problems.count())]
    assert len(problems) == 1
    assert problems[0].startswith("Dòng 5: ") and "abc" in problems[0]
    assert "3 đơn vị" in page.import_status.text()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.rubric_page


def test_key_page_creates_the_head_key_and_the_contest_pins_it(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path
) -> None:
    load_sample(qtbot, wizard)
    target = tmp_path / "x.sqlite"
    type_target(qtbot, wizard, target)
    go_to(qtbot, wizard, "key")
    page = wizard.key_page
    assert page.name.text().startswith("Nguyễn Văn Hùng — Cuộc thi")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is page and "Hãy tạo khoá trước" in page.error_text

    type_text(page.passphrase, PASSPHRASE)
    type_text(page.passphrase_again, PASSPHRASE + "x")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "không giống nhau" in page.error_text
    assert list_keys() == []

    page.passphrase_again.clear()
    type_text(page.passphrase_again, PASSPHRASE)
    with qtbot.waitSignal(page.key_created, timeout=20_000) as blocker:
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    fingerprint = blocker.args[0]
    [key] = list_keys()
    assert key.fingerprint == fingerprint
    groups = fingerprint.split()
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    shown = page.fingerprint.text()
    assert shown.splitlines() == ["  ".join(groups[:4]), "  ".join(groups[4:])]
    assert page.passphrase.text() == "" and page.passphrase_again.text() == ""

    go_to(qtbot, wizard, "summary")
    assert fingerprint in wizard.summary_page.summary.toPlainText()
    finish(qtbot, wizard)
    with open_contest_file(target) as db, db.read_session() as session:
        head = session.scalars(select(Judge).where(Judge.is_head.is_(True))).one()
        assert head.key_fingerprint == fingerprint


def test_new_contest_action_opens_the_wizard_and_then_the_contest(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.registry_actions["new_contest"].trigger()
    wizard = wait_for_dialog(qtbot, SetupWizard, "setupWizard")
    assert isinstance(wizard, SetupWizard)
    assert wizard.windowTitle() == "Cuộc thi mới"
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "Tiếp >"
    load_sample(qtbot, wizard)
    type_target(qtbot, wizard, tmp_path / "mới.sqlite")
    go_to(qtbot, wizard, "key")
    qtbot.mouseClick(wizard.key_page.later, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    go_to(qtbot, wizard, "summary")
    with qtbot.waitSignal(window.contest_loaded, timeout=20_000):
        finish(qtbot, wizard)
    assert window.db is not None and window.db.path == tmp_path / "mới.sqlite"
    assert window.contest_view.name_label.text().startswith("Cuộc thi “Tìm hiểu")


def test_export_as_template_round_trip(
    qtbot: QtBot,
    window: MainWindow,
    open_contest: Callable[[Path], MainWindow],
    tmp_path: Path,
) -> None:
    contest = create_contest(tmp_path / "2019.sqlite", load_config(SAMPLE), actor="test")
    open_contest(contest)
    window.registry_actions["export_template"].trigger()
    dialog = wait_for_dialog(qtbot, QFileDialog, "exportTemplateDialog")
    assert isinstance(dialog, QFileDialog)
    template = tmp_path / "mẫu-2020.json"
    dialog.selectFile(str(template))
    dialog.accept()
    qtbot.waitUntil(template.exists, timeout=10_000)
    qtbot.waitUntil(lambda: "Đã lưu tệp mẫu" in window.statusBar().currentMessage())

    wizard = SetupWizard(start_folder=tmp_path)
    qtbot.addWidget(wizard)
    assert wizard.load_template(template)
    assert wizard.contest_page.year.value() == 2020
    assert "2020" in wizard.contest_page.name.text()
    assert wizard.contest_page.reference_date.text() == "20/08/2020"
    units = wizard.units_page.table.rows()
    assert {u["code"] for u in units} == {"THCS-KD", "THCS-NC", "MN-TH", "PGD"}
    assert all(u.get("headcount:staff") is None for u in units)  # next year's list brings them
    data = wizard.config()
    expected = config_to_dict(load_config(template))
    assert {k: v for k, v in data.items() if k != "units"} == {
        k: v for k, v in expected.items() if k != "units"
    }


def test_rubric_export_and_import_through_the_page(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path
) -> None:
    load_sample(qtbot, wizard)
    rubric = wizard.rubric_page
    saved = tmp_path / "huong-dan-cham.json"
    rubric.export_rubric(saved)
    assert saved.exists()
    wizard.fill({**wizard.config(), "questions": [], "criteria": []})
    assert rubric.criteria.table.rowCount() == 0
    rubric.import_rubric(saved)
    assert rubric.criteria.table.rowCount() == 5
    assert rubric.criteria.extra(0)["guide"].startswith("Nêu đúng khái niệm")
    assert len(rubric.criteria.extra(0)["levels"]) == 3
    assert "= 10 trên 10 điểm" in rubric.sum_label.text()


def test_cancel_after_typing_asks_first(qtbot: QtBot, wizard: SetupWizard, tmp_path: Path) -> None:
    load_sample(qtbot, wizard)
    type_target(qtbot, wizard, tmp_path / "x.sqlite")
    go_to(qtbot, wizard, "groups")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    box = wizard.discard_box
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.No).click()
    assert wizard.isVisible() and wizard.currentPage() is wizard.groups_page
    click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    box = wizard.discard_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert not (tmp_path / "x.sqlite").exists()


def test_board_export_rubric_writes_a_rubric_file_the_wizard_imports(
    qtbot: QtBot,
    window: MainWindow,
    open_contest: Callable[[Path], MainWindow],
    tmp_path: Path,
) -> None:
    contest = create_contest(tmp_path / "2019.sqlite", load_config(SAMPLE), actor="test")
    open_contest(contest)
    window.registry_actions["board_export_rubric"].trigger()
    dialog = wait_for_dialog(qtbot, QFileDialog, "exportRubricDialog")
    assert isinstance(dialog, QFileDialog)
    saved = tmp_path / "rubric"
    dialog.selectFile(str(saved))
    dialog.accept()
    saved = saved.with_suffix(".json")
    qtbot.waitUntil(saved.exists, timeout=10_000)

    wizard = SetupWizard(start_folder=tmp_path)
    qtbot.addWidget(wizard)
    wizard.rubric_page.import_rubric(saved)
    assert [q["answer"] for q in wizard.rubric_page.questions.rows()] == ["B", "D", "A", "C"]
    assert wizard.rubric_page.criteria.table.rowCount() == 5

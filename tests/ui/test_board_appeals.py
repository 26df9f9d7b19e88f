"""Board → Appeals… on a locked demo contest: record an appeal through the dialog (its meta and
audit rows), assign the appeal judges, settle with the dialogue the rule requires and without
one when the change is small, and an error naming the contest file."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.store.appeals import AppealState, assign_appeals, list_appeals, request_appeal
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.store.models import AuditRow, Decision, Judge, Meta
from judge_app.store.results_lock import lock_state
from judge_app.store.settlement import settle_entries
from judge_app.ui.board_appeals import AppealsWindow, RecordAppealDialog, SettleAppealDialog
from judge_app.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))
from merge_data import type_text
from test_appeals import _appeal_graded, _locked_demo
from ui_helpers import error_dialog, wait_for_dialog


@pytest.fixture(scope="module")
def locked_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str]]]:
    """The demo contest with three conflict-free appeal judges, graded and locked."""
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("appeals-ui-home")))
    try:
        root = tmp_path_factory.mktemp("appeals-ui") / "demo"
        path = build_demo_contest(root, packages=False).path
        with open_contest_file(path) as db:
            with db.session() as session, session.begin():
                contest_id = session.scalars(select(Judge.contest_id)).first()
                for n in (4, 5, 6):
                    session.add(Judge(contest_id=contest_id, code=f"GK{n}", name=f"GK {n}"))
            codes = _locked_demo(db)
        yield path, codes
    finally:
        mp.undo()


@pytest.fixture
def contest(locked_file: tuple[Path, list[str]], tmp_path: Path) -> tuple[Path, list[str]]:
    path, codes = locked_file
    target = tmp_path / "contest.sqlite"
    shutil.copy(path, target)
    return target, codes


def _open_window(qtbot: QtBot, main: MainWindow, action: str = "board_appeals") -> AppealsWindow:
    item = main.registry_actions[action]
    assert item.text() == "P&húc khảo…"
    item.trigger()
    window = main.findChild(AppealsWindow)
    assert window is not None
    qtbot.waitUntil(lambda: window.data is not None and not window.busy, timeout=20_000)
    return window


def _reloaded(qtbot: QtBot, window: AppealsWindow) -> None:
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        pass


def _with_db(path: Path) -> ContestDatabase:
    return open_contest_file(path, integrity="skip")


def test_record_an_appeal_through_the_dialog(
    qtbot: QtBot,
    contest: tuple[Path, list[str]],
    open_contest: Callable[[Path], MainWindow],
) -> None:
    path, codes = contest
    code = codes[0]
    window = _open_window(qtbot, open_contest(path))
    assert window.model.rowCount() == 0
    assert "Chưa có yêu cầu phúc khảo" in window.summary.text()
    assert not window.assign_button.isEnabled() and not window.settle_button.isEnabled()

    qtbot.mouseClick(window.request_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, RecordAppealDialog)
    assert isinstance(dialog, RecordAppealDialog)
    assert dialog.windowTitle() == "Ghi nhận yêu cầu phúc khảo"
    dialog.code.lineEdit().setFocus()
    qtbot.keyClicks(dialog.code.lineEdit(), code)
    assert not dialog.ok.isEnabled()  # the reason is required
    type_text(dialog.reason, "Thí sinh đề nghị chấm lại")
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    assert window.model.rowCount() == 1
    row = window.model.rows[0]
    assert row[1] == code and row[2] == "Đã yêu cầu: chờ phân công giám khảo"
    assert row[3] == "8" and row[7] == "Thí sinh đề nghị chấm lại"
    assert "bài được mở khoá" in window.status.text()
    assert window.assign_button.isEnabled()
    with _with_db(path) as db:
        with db.read_session() as session:
            meta = session.get(Meta, "appeals")
            assert meta is not None
            (item,) = json.loads(meta.value)["items"]
            assert item["code"] == code and item["original"] == 800
            assert item["reason"] == "Thí sinh đề nghị chấm lại"
            (audit,) = session.scalars(
                select(AuditRow).where(AuditRow.action == "appeal.request")
            ).all()
            assert audit.entity_key == code
        assert lock_state(db).open_codes == {code}

    # Assign the appeal judges: the loads are shown, the table says "being regraded".
    qtbot.mouseClick(window.assign_button, Qt.MouseButton.LeftButton)
    box = wait_for_dialog(qtbot, QMessageBox, "appealsAssigned")
    assert isinstance(box, QMessageBox)
    assert "Vòng chấm phúc khảo 11" in box.text() and "Số bài mỗi giám khảo" in box.text()
    loads = [line.strip() for line in box.text().splitlines() if line.startswith("  GK")]
    assert sum(1 for line in loads if line.endswith(": 1")) == 2  # two appeal judges
    box.close()
    qtbot.waitUntil(lambda: window.model.rows[0][2] == "Đang chấm phúc khảo", timeout=20_000)


def test_an_unknown_code_shows_the_error_naming_the_file(
    qtbot: QtBot,
    contest: tuple[Path, list[str]],
    open_contest: Callable[[Path], MainWindow],
) -> None:
    path, _codes = contest
    window = _open_window(qtbot, open_contest(path))
    dialog = window.open_request_dialog()
    assert dialog is not None
    qtbot.keyClicks(dialog.code.lineEdit(), "KHONG-CO")
    type_text(dialog.reason, "Lý do")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    box = error_dialog(qtbot)
    assert "KHONG-CO" in box.text()
    assert dialog.isVisible()  # the board can correct the code
    box.close()


def _ready_appeal(path: Path, code: str, *totals: str) -> None:
    with _with_db(path) as db:
        request_appeal(db, code, reason="Đề nghị phúc khảo", actor="TB")
        assign_appeals(db, seed=7, actor="TB")
        _appeal_graded(db, code, *totals)
        (appeal,) = list_appeals(db)
        assert appeal.state is AppealState.READY


def _final(path: Path, code: str) -> Points | None:
    with _with_db(path) as db:
        (row,) = settle_entries(db, [code])
        return row.final


def test_a_change_of_half_a_point_needs_the_dialogue_record(
    qtbot: QtBot,
    contest: tuple[Path, list[str]],
    open_contest: Callable[[Path], MainWindow],
) -> None:
    path, codes = contest
    code = codes[0]  # final 8
    _ready_appeal(path, code, "8.75", "8.75")
    window = _open_window(qtbot, open_contest(path))
    assert window.model.rows[0][2] == "Sẵn sàng kết luận"
    assert window.model.rows[0][5] == "8,75"
    assert not window.settle_button.isEnabled()  # nothing selected yet
    window.table.selectRow(0)
    assert window.settle_button.isEnabled()
    qtbot.mouseClick(window.settle_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, SettleAppealDialog)
    assert isinstance(dialog, SettleAppealDialog)
    outcome = dialog.outcome.text()
    assert "điểm mới là 8,75" in outcome and "đối thoại trực tiếp" in outcome
    assert "trung bình hai lần chấm phúc khảo" in outcome
    assert "(bắt buộc)" in dialog.dialogue_label.text()
    assert not dialog.ok.isEnabled()
    dialog.run()  # refused without the record: nothing written
    assert dialog.operation is None and _final(path, code) == Points(800)

    type_text(dialog.dialogue, "Đối thoại ngày 5/9: thống nhất 8,75")
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    box = wait_for_dialog(qtbot, QMessageBox, "appealSettled")
    assert isinstance(box, QMessageBox)
    assert "điểm đổi từ 8 thành 8,75" in box.text() and "khoá lại" in box.text()
    box.close()
    row = window.model.rows[0]
    assert row[2] == "Đã kết luận" and row[6] == "8,75"
    assert row[7] == "Đối thoại ngày 5/9: thống nhất 8,75"
    assert _final(path, code) == Points(875)
    with _with_db(path) as db:
        assert lock_state(db).final
        with db.read_session() as session:
            decision = session.scalars(select(Decision)).one()
            assert decision.kind == "appeal" and "Đối thoại trực tiếp" in decision.reason


def test_a_small_change_settles_without_a_dialogue(
    qtbot: QtBot,
    contest: tuple[Path, list[str]],
    open_contest: Callable[[Path], MainWindow],
) -> None:
    path, codes = contest
    code = codes[1]  # final 7.75
    _ready_appeal(path, code, "7.25", "7.5")  # mean 7.38: −0.37
    window = _open_window(qtbot, open_contest(path))
    window.table.selectRow(0)
    dialog = window.open_settle_dialog()
    assert dialog is not None and not dialog.dialogue_required
    assert "điểm mới là 7,38" in dialog.outcome.text()
    assert "(không bắt buộc)" in dialog.dialogue_label.text()
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert window.model.rows[0][6] == "7,38"
    assert _final(path, code) == Points(738)

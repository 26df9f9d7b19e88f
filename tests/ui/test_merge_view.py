"""Board → Scores and discrepancies, on the demo contest after three judges' files were merged:
queue tabs with counts, search by code, each judge's scores per criterion with the gaps, the
head judge's decisions written as Decision rows with their audit rows, third gradings assigned
as `assign --third` does; and the table model with 20,000 rows."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
import shiboken6
from merge_data import MergeData, merge_all, merge_master, type_text
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_helpers import wait_for_dialog

from judge_app.core.scores import Points
from judge_app.store.database import open_contest_file
from judge_app.store.models import Assignment, AuditRow, Decision, Entry
from judge_app.store.settlement import EntrySettlement, JudgeTotal, Queue
from judge_app.ui.main_window import MainWindow
from judge_app.ui.merge_model import COLUMNS, GAP, JUDGE1, QUEUE, SettlementModel
from judge_app.ui.merge_view import DecisionDialog, ScoresWindow

OpenContest = Callable[[Path], MainWindow]


@pytest.fixture
def merged(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> MergeData:
    data = merge_master(tmp_path_factory).copy_to(tmp_path)
    merge_all(data)
    return data


def _scores(qtbot: QtBot, window: MainWindow) -> ScoresWindow:
    window.registry_actions["board_scores"].trigger()
    scores = window.findChild(ScoresWindow)
    assert scores is not None
    qtbot.waitUntil(lambda: scores.data is not None, timeout=20_000)
    return scores


@pytest.fixture
def scores(qtbot: QtBot, open_contest: OpenContest, merged: MergeData) -> ScoresWindow:
    return _scores(qtbot, open_contest(merged.board))


def _tab_texts(scores: ScoresWindow) -> dict[str | None, str]:
    return {queue: scores.tabs.tabText(number) for number, queue in enumerate(scores._tab_queues)}


def _shown_queues(scores: ScoresWindow) -> set[str]:
    model = scores.model
    return {model.settlement(row).queue.value for row in range(model.rowCount())}  # type: ignore[union-attr]


def _select_first(qtbot: QtBot, scores: ScoresWindow) -> EntrySettlement:
    with qtbot.waitSignal(scores.detail_shown, timeout=10_000):
        scores.table.selectRow(0)
    settled = scores.current()
    assert settled is not None
    return settled


def _decisions(board: Path) -> list[tuple[str, str, Points | None, str, str]]:
    with open_contest_file(board) as db, db.read_session() as session:
        return [
            (code, kind, score, reason, by)
            for code, kind, score, reason, by in session.execute(
                select(
                    Entry.code, Decision.kind, Decision.score, Decision.reason, Decision.decided_by
                )
                .join(Entry, Entry.id == Decision.entry_id)
                .order_by(Decision.id)
            )
        ]


def _audit(board: Path, code: str) -> list[str]:
    with open_contest_file(board) as db, db.read_session() as session:
        return list(
            session.scalars(
                select(AuditRow.after).where(
                    AuditRow.action == "score.decide", AuditRow.entity_key == code
                )
            )
        )


def test_tabs_count_each_queue_in_vietnamese_and_filter_the_table(
    qtbot: QtBot, scores: ScoresWindow
) -> None:
    texts = _tab_texts(scores)
    assert texts[None] == "Tất cả (27)"
    assert texts["discuss"] == "Cần trao đổi (7)"
    assert texts["third"] == "Chấm lần 3 (7)"
    assert texts["agreed"] == "Thống nhất (13)"
    assert texts["head"] == "Trưởng ban quyết định (0)"
    assert scores.model.rowCount() == 27

    qtbot.mouseClick(scores.tabs, Qt.MouseButton.LeftButton, pos=scores.tabs.tabRect(1).center())
    assert scores.model.queue == "discuss"
    assert scores.model.rowCount() == 7
    assert _shown_queues(scores) == {"discuss"}
    index = scores.model.index(0, QUEUE)
    assert scores.model.data(index) == "Cần trao đổi"
    assert scores.model.data(scores.model.index(0, GAP)) == "1,25"

    scores.set_queue("third")
    assert _shown_queues(scores) == {"third"}
    assert scores.summary.text() == "Đang hiện 7 trong 27 bài."


def test_search_by_code_narrows_the_list(qtbot: QtBot, scores: ScoresWindow) -> None:
    code = scores.model.settlement(5).code  # type: ignore[union-attr]
    scores.search.setFocus()
    qtbot.keyClicks(scores.search, code[:5].lower())
    assert scores.model.rowCount() >= 1
    assert all(
        code[:5] in scores.model.settlement(r).code  # type: ignore[union-attr]
        for r in range(scores.model.rowCount())
    )
    qtbot.keyClicks(scores.search, code[5:].lower())
    assert scores.model.rowCount() == 1
    assert scores.current() is not None and scores.current().code == code  # type: ignore[union-attr]


def test_selecting_an_entry_shows_each_judges_criterion_scores_and_gaps(
    qtbot: QtBot, scores: ScoresWindow
) -> None:
    scores.set_queue("discuss")
    settled = _select_first(qtbot, scores)
    parts = scores.parts
    headers = [parts.horizontalHeaderItem(c).text() for c in range(parts.columnCount())]
    judges = [f"{g.judge} (vòng 1)" for g in settled.gradings]
    assert headers == ["Phần", "Tối đa", *judges, "Chênh lệch"]
    rows = {
        parts.item(r, 0).text(): [parts.item(r, c).text() for c in range(1, parts.columnCount())]
        for r in range(parts.rowCount())
    }
    hieu = next(v for k, v in rows.items() if k.startswith("HIEU"))
    vidu = next(v for k, v in rows.items() if k.startswith("VIDU"))
    assert sorted(hieu[1:3]) == ["2", "2,75"] and hieu[3] == "0,75"
    assert sorted(vidu[1:3]) == ["2", "2,5"] and vidu[3] == "0,5"
    total = rows["Tổng"]
    assert total[-1] == "1,25"
    assert set(total[1:3]) == {g.total.format() for g in settled.gradings}
    assert "Trắc nghiệm" in rows


def test_recording_a_discussion_writes_the_decision_and_its_audit_row(
    qtbot: QtBot, scores: ScoresWindow, merged: MergeData
) -> None:
    scores.set_queue("discuss")
    settled = _select_first(qtbot, scores)
    assert scores.discuss_button.isEnabled()
    qtbot.mouseClick(scores.discuss_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, DecisionDialog, "decisionDialog")
    assert isinstance(dialog, DecisionDialog)
    assert dialog.windowTitle() == "Ghi kết quả trao đổi"

    qtbot.keyClicks(dialog.score, "6,75")
    assert dialog.score_note.text() == "Sẽ ghi là 6,75"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "lý do" in dialog.status.text()  # no reason: nothing written
    assert _decisions(merged.board) == []

    type_text(dialog.reason, "Hai giám khảo thống nhất sau khi đọc lại phần ví dụ")
    with qtbot.waitSignal(scores.decided, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _decisions(merged.board) == [
        (
            settled.code,
            "discussed",
            Points(675),
            "Hai giám khảo thống nhất sau khi đọc lại phần ví dụ",
            "board",
        )
    ]
    (after,) = _audit(merged.board, settled.code)
    assert json.loads(after) == {
        "kind": "discussed",
        "reason": "Hai giám khảo thống nhất sau khi đọc lại phần ví dụ",
        "score": 675,
    }
    # The row left the discuss queue: the tab counts follow and the next entry is selected.
    texts = _tab_texts(scores)
    assert texts["discuss"] == "Cần trao đổi (6)"
    assert texts["decided"] == "Đã quyết định (1)"
    assert scores.model.rowCount() == 6
    scores.set_queue("decided")
    row = scores.model.settlement(0)
    assert row is not None and row.code == settled.code and row.final == Points(675)
    assert scores.model.data(scores.model.index(0, QUEUE)) == "Đã quyết định"


def test_head_decision_accepts_a_dot_and_refuses_a_score_off_the_scale(
    qtbot: QtBot, scores: ScoresWindow, merged: MergeData
) -> None:
    scores.set_queue("third")
    settled = _select_first(qtbot, scores)
    assert not scores.discuss_button.isEnabled()  # not in discussion
    qtbot.mouseClick(scores.head_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, DecisionDialog, "decisionDialog")
    assert isinstance(dialog, DecisionDialog)
    qtbot.keyClicks(dialog.score, "11")
    assert "không hợp lệ" in dialog.score_note.text().lower()
    type_text(dialog.reason, "Trưởng ban chấm lại")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _decisions(merged.board) == []
    dialog.score.selectAll()
    qtbot.keyClicks(dialog.score, "7.5")
    assert dialog.score_note.text() == "Sẽ ghi là 7,5"
    with qtbot.waitSignal(scores.decided, timeout=10_000):
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Space)
    assert _decisions(merged.board) == [
        (settled.code, "head", Points(750), "Trưởng ban chấm lại", "board")
    ]
    assert len(_audit(merged.board, settled.code)) == 1


def test_declaring_an_entry_invalid_needs_only_a_reason(
    qtbot: QtBot, scores: ScoresWindow, merged: MergeData
) -> None:
    settled = _select_first(qtbot, scores)
    qtbot.mouseClick(scores.invalid_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, DecisionDialog, "decisionDialog")
    assert isinstance(dialog, DecisionDialog)
    assert not dialog.score.isVisible()
    type_text(dialog.reason, "Bài ghi rõ họ tên và trường ở trang bìa")
    with qtbot.waitSignal(scores.decided, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _decisions(merged.board) == [
        (settled.code, "invalid", None, "Bài ghi rõ họ tên và trường ở trang bìa", "board")
    ]
    assert _tab_texts(scores)["invalid"] == "Không hợp lệ (1)"


def test_assign_third_gradings_gives_each_a_judge_who_has_not_graded_it(
    qtbot: QtBot, scores: ScoresWindow, merged: MergeData
) -> None:
    third = {
        r.code: {g.judge for g in r.gradings} for r in scores.data.rows if r.queue is Queue.THIRD
    }  # type: ignore[union-attr]
    assert len(third) == 7
    with qtbot.waitSignal(scores.loaded, timeout=20_000):
        qtbot.mouseClick(scores.third_button, Qt.MouseButton.LeftButton)
    box = wait_for_dialog(qtbot, QMessageBox, "thirdResult")
    assert isinstance(box, QMessageBox)
    assert "Đã phân công chấm lần 3 cho 7 bài (vòng 3" in box.text()
    with open_contest_file(merged.board) as db, db.read_session() as session:
        rows = session.execute(
            select(Entry.code, Assignment.judge_id).join(Entry).where(Assignment.round == 3)
        ).all()
        from judge_app.store.models import Judge

        judges = {j.id: j.code for j in session.scalars(select(Judge))}
    assert {code for code, _ in rows} == set(third)
    for code, judge_id in rows:
        assert judges[judge_id] not in third[code]
    texts = _tab_texts(scores)
    assert texts["third"] == "Chấm lần 3 (0)"
    assert texts["third_assigned"] == "Đã giao chấm lần 3 (7)"
    box.close()


def test_the_window_shows_no_participant_names(scores: ScoresWindow, merged: MergeData) -> None:
    from judge_app.store.models import Participant

    with open_contest_file(merged.board) as db, db.read_session() as session:
        names = list(session.scalars(select(Participant.full_name)))
    assert names
    model = scores.model
    cells = {
        str(model.data(model.index(r, c)))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    }
    assert not any(name in cell for name in names for cell in cells)


# --- 20,000 rows --------------------------------------------------------------------------

QUEUES = [Queue.AGREED] * 6 + [Queue.DISCUSS, Queue.THIRD, Queue.HEAD, Queue.DECIDED]


def _rows(count: int) -> list[EntrySettlement]:
    rows = []
    for n in range(count):
        queue = QUEUES[n % len(QUEUES)]
        a, b = Points(500 + n % 300), Points(500 + (n * 7) % 300)
        gap = Points(abs(a.centi - b.centi))
        final = Points((a.centi + b.centi) // 2) if queue is Queue.AGREED else None
        rows.append(
            EntrySettlement(
                code=f"{n:05d}-{chr(65 + n % 26)}{chr(65 + n // 26 % 26)}",
                category="g6",
                queue=queue,
                final=final,
                exact=None if final is None else Decimal(final.centi) / 100,
                rule="mean_of_two" if final is not None else "",
                gradings=(JudgeTotal("GK1", 1, a), JudgeTotal("GK2", 1, b)),
                gaps=(("total", gap),),
            )
        )
    return rows


def test_twenty_thousand_rows_populate_filter_and_scroll(qtbot: QtBot) -> None:
    rows = _rows(20_000)
    started = time.perf_counter()
    model = SettlementModel()
    model.set_rows(rows, {"g6": "Học sinh lớp 6"})
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.verticalHeader().setDefaultSectionSize(22)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    shown = time.perf_counter() - started
    assert model.rowCount() == 20_000

    started = time.perf_counter()
    for row in range(0, 20_000, 7):
        for column in range(len(COLUMNS)):
            model.data(model.index(row, column))
    per_cell_us = (time.perf_counter() - started) / (20_000 / 7 * len(COLUMNS)) * 1e6

    started = time.perf_counter()
    for fraction in (0.25, 0.5, 0.75, 1.0):
        view.scrollTo(model.index(int(19_999 * fraction), 0))
        QApplication.processEvents()
    scrolled = time.perf_counter() - started
    assert model.data(model.index(19_999, 0)) == rows[-1].code

    started = time.perf_counter()
    model.set_queue("discuss")
    filtered = time.perf_counter() - started
    assert model.rowCount() == 2_000
    assert model.counts()["agreed"] == 12_000
    model.sort(JUDGE1, Qt.SortOrder.DescendingOrder)
    first, last = model.settlement(0), model.settlement(1_999)
    assert first is not None and last is not None
    assert first.gradings[0].total.centi >= last.gradings[0].total.centi
    assert model.data(QModelIndex()) is None
    print(
        f"\n20,000 rows: shown in {shown * 1000:.0f} ms, data() {per_cell_us:.1f} µs per cell, "
        f"4 jumps in {scrolled * 1000:.0f} ms, filter in {filtered * 1000:.0f} ms"
    )


def test_the_window_follows_a_language_switch(qtbot: QtBot, scores: ScoresWindow) -> None:
    window = scores.parent()
    assert isinstance(window, MainWindow)
    window.set_language("en")
    assert _tab_texts(scores)["discuss"] == "To discuss (7)"
    header = scores.model.headerData(GAP, Qt.Orientation.Horizontal)
    assert header == "Gap"
    assert scores.third_button.text() == "Assign third gradings"
    window.set_language("vi")
    assert _tab_texts(scores)["discuss"] == "Cần trao đổi (7)"


def test_a_refused_decision_stays_in_the_dialog_with_its_reason(
    qtbot: QtBot, scores: ScoresWindow, merged: MergeData
) -> None:
    from judge_app.store.settlement import DecisionKind, record_decision

    scores.set_queue("discuss")
    settled = _select_first(qtbot, scores)
    qtbot.mouseClick(scores.discuss_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, DecisionDialog, "decisionDialog")
    assert isinstance(dialog, DecisionDialog)
    with open_contest_file(merged.board) as db:  # someone decided it meanwhile
        record_decision(
            db, settled.code, kind=DecisionKind.HEAD, score=Points(700), reason="x", actor="TB"
        )
    qtbot.keyClicks(dialog.score, "6,5")
    type_text(dialog.reason, "Thống nhất")
    operation = dialog.run()
    assert operation is not None
    qtbot.waitUntil(lambda: not operation.running, timeout=10_000)
    assert "không ở diện trao đổi" in dialog.status.text()
    assert dialog.isVisible()
    assert len(_decisions(merged.board)) == 1


def test_closing_the_contest_closes_the_window(qtbot: QtBot, scores: ScoresWindow) -> None:
    window = scores.parent()
    assert isinstance(window, MainWindow)
    assert window.show_scores() is scores  # raised, not opened twice
    window.close_contest()
    qtbot.waitUntil(lambda: not shiboken6.isValid(scores) or not scores.isVisible(), timeout=5_000)

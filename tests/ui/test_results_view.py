"""Board → Results…: the ranking with prize lines and ties, settling a tie, export with progress.

On the locked demo contest of tests/reports/results_contest.py (a tie at the first/second
boundary the rule cannot settle, one invalid entry), opened from the Board menu of the
Vietnamese main window.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from judge_app.store.database import open_contest_file
from judge_app.store.results import compute_results
from judge_app.ui.main_window import MainWindow
from judge_app.ui.results_model import PRIZE, PRIZE_BREAK_ROLE, TIE
from judge_app.ui.results_view import ResultsWindow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reports"))
from results_contest import INVALID_REASON, TIE_KEY, build_locked_contest


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("results-view-home")))
    try:
        yield build_locked_contest(tmp_path_factory.mktemp("results-view"))
    finally:
        mp.undo()


@pytest.fixture
def results(
    qtbot: QtBot,
    locked: Path,
    tmp_path: Path,
    open_contest: Callable[[Path], MainWindow],
) -> ResultsWindow:
    contest = tmp_path / "contest.sqlite"
    shutil.copy(locked, contest)
    main = open_contest(contest)
    action = main.registry_actions["board_results"]
    assert action.text() == "&Kết quả…"
    action.trigger()
    window = main.findChild(ResultsWindow)
    assert window is not None
    qtbot.waitUntil(lambda: window.book is not None, timeout=30_000)
    return window


def _column(window: ResultsWindow, column: int) -> list[str]:
    model = window.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_rankings_show_prizes_with_a_line_where_each_level_starts(
    results: ResultsWindow,
) -> None:
    book = results.book
    assert book is not None
    assert results.windowTitle() == "Kết quả"
    assert results.tabs.tabText(0) == "Xếp hạng" and results.tabs.tabText(2) == "Xếp hạng đơn vị"
    assert results.category.currentText() == "Toàn cuộc thi"
    assert results.model.rowCount() == book.results.ranked_entries == 26
    prizes = _column(results, PRIZE)
    assert prizes[0] == "Giải Nhất"
    assert prizes[3] == "Giải Nhì" and prizes[5] == "Giải Ba" and prizes[9] == "Giải Khuyến khích"
    breaks = [
        row
        for row in range(results.model.rowCount())
        if results.model.index(row, 0).data(PRIZE_BREAK_ROLE)
    ]
    assert breaks == [1, 3, 5, 9, 14]  # pending tie, second, third, consolation, no prize
    assert "dự thảo" in results.summary.text()


def test_the_unsettled_tie_is_highlighted_and_explained(results: ResultsWindow) -> None:
    ties = _column(results, TIE)
    assert ties[1] == ties[2] == f"Nhóm {TIE_KEY}: chờ Ban giám khảo quyết định"
    assert _column(results, PRIZE)[1].startswith("Bằng điểm: chờ Ban giám khảo")
    colour = results.model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
    assert colour == "#f8c9c9"
    assert results.settle_button.isEnabled()


def test_filters_narrow_to_prizes_a_category_or_a_name(
    qtbot: QtBot, results: ResultsWindow
) -> None:
    results.prizes_only.click()
    assert results.model.rowCount() == 14  # 2 + 3 + 4 + 5 places, ties included
    winner = results.model.row_at(0)
    assert winner is not None and winner.participant
    results.prizes_only.click()
    qtbot.keyClicks(results.search, winner.code.lower())  # QTest types ASCII only
    assert _column(results, 1) == [winner.code]
    results.search.setText(winner.participant.split()[-1])
    assert winner.code in _column(results, 1)
    results.search.clear()
    results.category.setCurrentIndex(1)
    key = results.book.ranking_keys()[1]  # type: ignore[union-attr]
    assert {results.model.row_at(n).category for n in range(results.model.rowCount())} == {key}  # type: ignore[union-attr]


def test_the_board_settles_the_tie_with_a_reason(qtbot: QtBot, results: ResultsWindow) -> None:
    assert results.select_code(results.model.row_at(1).code)  # type: ignore[union-attr]
    qtbot.mouseClick(results.settle_button, Qt.MouseButton.LeftButton)
    dialog = results.settle_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    first, second = dialog.codes()
    qtbot.mouseClick(dialog.down, Qt.MouseButton.LeftButton)
    assert dialog.codes() == [second, first]
    qtbot.keyClicks(dialog.reason, "Boc tham cong khai")  # QTest types ASCII only
    assert ok.isEnabled()
    with qtbot.waitSignal(results.loaded, timeout=30_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not results.book.results.unsettled  # type: ignore[union-attr]
    prizes = dict(zip(_column(results, 1), _column(results, PRIZE), strict=True))
    assert prizes[second].startswith("Giải Nhất")  # the board put it first
    assert prizes[first] == "Giải Nhì" or prizes[first].startswith("Giải Nhì")
    assert _column(results, TIE)[1] == (
        f"Nhóm {TIE_KEY}: Ban giám khảo quyết định thứ tự (Boc tham cong khai)"
    )
    assert not results.settle_button.isEnabled()
    with open_contest_file(results.db.path) as db:
        assert not compute_results(db).unsettled


def test_schools_quality_and_invalid_tabs(results: ResultsWindow) -> None:
    assert results.formula.text().startswith("Công thức:")
    assert results.units_model.rowCount() == len(results.book.results.units)  # type: ignore[union-attr]
    assert results.units_model.index(0, 8).data() == "Giải Nhất"
    assert "Ngưỡng đạt chất lượng: 8,00 điểm. 3 trong 26 bài" in results.quality_text.text()
    assert results.invalid_model.index(0, 2).data() == INVALID_REASON
    assert results.stats_area.widget() is not None


def test_export_writes_the_files_with_a_progress_bar(
    qtbot: QtBot, results: ResultsWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "ket-qua"
    seen: list[int] = []
    operation = results.export_to(folder)
    assert operation is not None
    operation.progressed.connect(lambda done, total, _what: seen.append(done))
    assert results.progress.isVisible() and not results.export_button.isEnabled()
    with qtbot.waitSignal(results.exported, timeout=60_000) as signal:
        pass
    report = signal.args[0]
    assert (folder / "ket-qua-cuoc-thi.xlsx").is_file()
    assert (folder / "danh-sach-dat-giai.pdf").is_file()
    assert report.certificates is not None and report.certificates.pdf.is_file()
    assert seen and max(seen) == 4
    assert not results.progress.isVisible() and results.export_button.isEnabled()
    assert results.status.text().startswith(f"Đã xuất vào {folder}")


def test_a_contest_not_locked_says_why(
    qtbot: QtBot, contest_file: Path, open_contest: Callable[[Path], MainWindow]
) -> None:
    main = open_contest(contest_file)
    window = main.show_results()
    assert isinstance(window, ResultsWindow)
    qtbot.waitUntil(lambda: window.error is not None, timeout=20_000)
    assert window.summary.text().startswith("<b>Chưa có kết quả để hiển thị.</b>")
    assert not window.export_button.isEnabled() and not window.preview_button.isEnabled()


def test_the_window_fits_a_1366_by_768_screen(results: ResultsWindow) -> None:
    hint = results.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    results.resize(1366, 740)
    for button in (results.export_button, results.preview_button, results.refresh_button):
        assert button.width() >= button.sizeHint().width()

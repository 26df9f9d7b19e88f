"""The redaction tool: boxes drawn with the mouse or the keyboard become rows with the page's
fractions, Delete removes them, and the preview shows the judge's copy with the box burned."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from judge_app.documents.service import DocumentService
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.ui.board_redaction import RedactionWindow

CODE = "79P-9W6"  # a typed two-page PDF of the demo
TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from judge_app.demo.build import build_demo_contest

    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("redaction-ui-home")))
    try:
        result = build_demo_contest(tmp_path_factory.mktemp("redaction-ui") / "demo")
    finally:
        mp.undo()
    return result.path.parent


@pytest.fixture
def db(demo_root: Path, tmp_path: Path) -> Iterator[ContestDatabase]:
    root = tmp_path / "demo"
    shutil.copytree(demo_root, root, ignore=shutil.ignore_patterns("packages"))
    with open_contest_file(root / "contest.sqlite") as database:
        yield database


@pytest.fixture
def service() -> Iterator[DocumentService]:
    documents = DocumentService(lang="vi")
    yield documents
    documents.shutdown()


@pytest.fixture
def window(qtbot: QtBot, db: ContestDatabase, service: DocumentService) -> RedactionWindow:
    tool = RedactionWindow(db, service, CODE, actor="head")
    qtbot.addWidget(tool)
    tool.resize(1200, 800)
    with qtbot.waitSignal(tool.page_shown, timeout=TIMEOUT_MS):
        tool.show()
    return tool


def _rows(db: ContestDatabase) -> list[tuple[int, int, float, float, float, float]]:
    with sqlite3.connect(db.path) as connection:
        return connection.execute(
            "SELECT id, page, x0, y0, x1, y1 FROM redaction_box ORDER BY id"
        ).fetchall()


def _point(tool: RedactionWindow, fx: float, fy: float) -> QPoint:
    page = tool.canvas.page_rect()
    return QPoint(round(page.left() + fx * page.width()), round(page.top() + fy * page.height()))


def _drag(qtbot: QtBot, tool: RedactionWindow, start: QPoint, end: QPoint) -> None:
    canvas = tool.canvas
    with qtbot.waitSignal(tool.boxes_changed, timeout=TIMEOUT_MS):
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), start)
        QTest.mouseMove(canvas, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
        QTest.mouseMove(canvas, end)
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), end)


def test_drawing_a_box_with_the_mouse_stores_the_pages_fractions(
    qtbot: QtBot, window: RedactionWindow, db: ContestDatabase
) -> None:
    _drag(qtbot, window, _point(window, 0.1, 0.05), _point(window, 0.6, 0.2))
    ((box_id, page, x0, y0, x1, y1),) = _rows(db)
    pixel = 1.5 / window.canvas.page_rect().width()  # a rounding pixel either way
    assert page == 0
    assert abs(x0 - 0.1) < pixel and abs(y0 - 0.05) < pixel
    assert abs(x1 - 0.6) < pixel and abs(y1 - 0.2) < pixel
    # Shown, listed and selected; written with its audit row.
    assert [b.id for b in window.canvas.boxes] == [box_id]
    assert window.box_list.count() == 1 and window.canvas.selected_id == box_id
    with sqlite3.connect(db.path) as connection:
        actions = [a for (a,) in connection.execute("SELECT action FROM audit_log")]
    assert actions[-1] == "redaction.box.add"


def test_delete_removes_the_selected_box(
    qtbot: QtBot, window: RedactionWindow, db: ContestDatabase
) -> None:
    _drag(qtbot, window, _point(window, 0.2, 0.3), _point(window, 0.4, 0.4))
    _drag(qtbot, window, _point(window, 0.5, 0.6), _point(window, 0.9, 0.7))
    assert len(_rows(db)) == 2
    # A click selects the first box; Delete removes that one only.
    QTest.mouseClick(
        window.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), _point(window, 0.3, 0.35)
    )
    first = _rows(db)[0][0]
    assert window.canvas.selected_id == first
    with qtbot.waitSignal(window.boxes_changed, timeout=TIMEOUT_MS):
        QTest.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert [row[0] for row in _rows(db)] == [first + 1]
    assert window.box_list.count() == 1
    with sqlite3.connect(db.path) as connection:
        actions = [a for (a,) in connection.execute("SELECT action FROM audit_log")]
    assert actions[-1] == "redaction.box.remove"


def test_a_click_is_not_a_box(qtbot: QtBot, window: RedactionWindow, db: ContestDatabase) -> None:
    QTest.mouseClick(
        window.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), _point(window, 0.5, 0.5)
    )
    qtbot.wait(100)
    assert _rows(db) == []


def test_the_keyboard_draws_a_box_too(
    qtbot: QtBot, window: RedactionWindow, db: ContestDatabase
) -> None:
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_N)
    for _ in range(3):
        QTest.keyClick(window.canvas, Qt.Key.Key_Right)
    for _ in range(2):
        QTest.keyClick(window.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(window.boxes_changed, timeout=TIMEOUT_MS):
        QTest.keyClick(window.canvas, Qt.Key.Key_Return)
    ((_, page, x0, y0, x1, y1),) = _rows(db)
    assert page == 0
    assert (x0, y0, x1, y1) == pytest.approx((0.28, 0.1, 0.78, 0.22))


def test_boxes_belong_to_their_page(
    qtbot: QtBot, window: RedactionWindow, db: ContestDatabase
) -> None:
    with qtbot.waitSignal(window.page_shown, timeout=TIMEOUT_MS):
        QTest.keyClick(window, Qt.Key.Key_PageDown)
    _drag(qtbot, window, _point(window, 0.1, 0.1), _point(window, 0.3, 0.3))
    assert [row[1] for row in _rows(db)] == [1]
    with qtbot.waitSignal(window.page_shown, timeout=TIMEOUT_MS):
        QTest.keyClick(window, Qt.Key.Key_PageUp)
    assert window.canvas.boxes == [] and window.box_list.count() == 0


def test_preview_shows_the_judges_copy_with_the_box_burned(
    qtbot: QtBot, window: RedactionWindow, db: ContestDatabase
) -> None:
    _drag(qtbot, window, _point(window, 0.1, 0.02), _point(window, 0.9, 0.2))
    with qtbot.waitSignal(window.preview_ready, timeout=TIMEOUT_MS):
        window.preview_button.click()
    qtbot.waitUntil(lambda: window.canvas.pixmap is not None, timeout=TIMEOUT_MS)
    assert not window.canvas.show_boxes and not window.canvas.editable
    image = window.canvas.pixmap.toImage()  # type: ignore[union-attr]
    inside = image.pixelColor(image.width() // 2, int(image.height() * 0.1))
    assert (inside.red(), inside.green(), inside.blue()) == (0, 0, 0)
    below = image.pixelColor(5, int(image.height() * 0.5))
    assert below.lightness() > 200  # the rest of the page is paper
    assert "1" in window.status.text()
    # Back to editing: the boxes show again over the original page.
    with qtbot.waitSignal(window.page_shown, timeout=TIMEOUT_MS):
        window.preview_button.click()
    assert window.canvas.show_boxes and window.canvas.editable and len(window.canvas.boxes) == 1

"""Board → Shortlist and finalists… on the demo contest: the cut through the window with the tie
at the boundary kept, highlighted and reported; the finalists exported to a zip and imported into
the next tier's contest file through the dialogs."""

from __future__ import annotations

import shutil
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from judge_app.demo.build import build_demo_contest
from judge_app.store.database import open_contest_file
from judge_app.store.models import AuditRow, Entry
from judge_app.store.shortlist import read_shortlist
from judge_app.ui.board_shortlist import (
    TIE_COLOUR,
    FinalistsExportDialog,
    FinalistsImportDialog,
    ShortlistWindow,
)
from judge_app.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))
from test_shortlist import _locked, _screened, _target
from ui_helpers import error_dialog, wait_for_dialog


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("shortlist-ui-home")))
    try:
        root = tmp_path_factory.mktemp("shortlist-ui") / "demo"
        build_demo_contest(root, packages=False)
        yield root
    finally:
        mp.undo()


@pytest.fixture
def contest(demo_root: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(demo_root, target)
    return target / "contest.sqlite"


def _open_window(qtbot: QtBot, main: MainWindow) -> ShortlistWindow:
    action = main.registry_actions["board_shortlist"]
    assert action.text() == "&Vào chung khảo và dự thi cấp trên…"
    action.trigger()
    window = main.findChild(ShortlistWindow)
    assert window is not None
    qtbot.waitUntil(lambda: window.data is not None and not window.busy, timeout=20_000)
    return window


def test_the_cut_through_the_window_keeps_and_reports_the_tie(
    qtbot: QtBot, contest: Path, open_contest: Callable[[Path], MainWindow]
) -> None:
    with open_contest_file(contest) as db:
        scores = _screened(db)
    window = _open_window(qtbot, open_contest(contest))
    assert "Chưa chọn danh sách" in window.summary.text()
    assert window.cut_button.isEnabled()

    window.rule.top_spin.clear()
    qtbot.keyClicks(window.rule.top_spin, "2")
    qtbot.mouseClick(window.rule.per_category, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        qtbot.mouseClick(window.cut_button, Qt.MouseButton.LeftButton)

    with open_contest_file(contest) as db:
        made = read_shortlist(db)
        with db.read_session() as session:
            (row,) = session.scalars(select(AuditRow).where(AuditRow.action == "shortlist.cut"))
            assert row.entity_key == "1"
    assert made is not None and made.top == 2 and made.per_category
    (tie,) = made.ties  # entries 2 and 3 of the largest category score 7.5
    assert len(tie.codes) == 2 and all(scores[c] == "7.5" for c in tie.codes)

    rows = window.model.rows
    assert len(rows) == len(scores)
    kept = [r for r in rows if r[3] == "Có"]
    assert len(kept) == len(made.kept)
    assert "vào vòng chung khảo" in window.summary.text().lower()
    for n in window.tie_rows:
        assert rows[n][1] in tie.codes and window.model.colours[n] == TIE_COLOUR
        assert rows[n][4].startswith("Bằng điểm ở ranh giới (7,5)")
    assert len(window.tie_rows) == 2
    assert "Bằng điểm ở ranh giới" in window.ties.text()
    assert all(c in window.ties.text() for c in tie.codes)
    out = [r for r in rows if r[3] == "Không"]
    assert out and all(r[4].startswith("Không vào vòng chung khảo") for r in out)


def test_a_contest_without_screening_says_why_and_a_bad_minimum_is_refused(
    qtbot: QtBot, contest: Path, open_contest: Callable[[Path], MainWindow]
) -> None:
    window = _open_window(qtbot, open_contest(contest))
    assert "không có vòng sơ khảo" in window.summary.text()
    assert not window.cut_button.isEnabled()
    qtbot.mouseClick(window.rule.min_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.rule.min_edit, "abc")
    assert window.cut() is None
    assert "ví dụ 6,5" in window.status.text()


def test_finalists_export_and_import_through_the_dialogs(
    qtbot: QtBot, contest: Path, tmp_path: Path, open_contest: Callable[[Path], MainWindow]
) -> None:
    with open_contest_file(contest) as db:
        codes = _locked(db)
    window = _open_window(qtbot, open_contest(contest))

    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, FinalistsExportDialog)
    assert isinstance(dialog, FinalistsExportDialog)
    out = tmp_path / "gui" / "chung-khao.zip"
    out.parent.mkdir()
    dialog.path.setText(str(out))
    assert dialog.rule.top_spin.value() == 3
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    box = wait_for_dialog(qtbot, QMessageBox, "finalistsExported")
    assert isinstance(box, QMessageBox)
    assert "3 bài" in box.text() and str(out) in box.text()
    box.close()
    with zipfile.ZipFile(out) as archive:
        assert "manifest.json" in archive.namelist()
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # written atomically

    target = _target(tmp_path)
    target_path = target.path
    target.close()
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    dialog2 = wait_for_dialog(qtbot, FinalistsImportDialog)
    assert isinstance(dialog2, FinalistsImportDialog)
    assert not dialog2.ok.isEnabled()
    dialog2.package.setText(str(out))
    dialog2.target.setText(str(target_path))
    with qtbot.waitSignal(window.imported, timeout=20_000):
        qtbot.mouseClick(dialog2.ok, Qt.MouseButton.LeftButton)
    box = wait_for_dialog(qtbot, QMessageBox, "finalistsImported")
    assert isinstance(box, QMessageBox)
    assert "Đã nhập 3 bài" in box.text() and all(c in box.text() for c in codes[:3])
    box.close()
    with open_contest_file(target_path) as city, city.read_session() as session:
        assert len(session.scalars(select(Entry)).all()) == 3

    # The same package again: the store refuses it and the sentence names the package.
    dialog3 = window.open_import_dialog()
    dialog3.package.setText(str(out))
    dialog3.target.setText(str(target_path))
    qtbot.mouseClick(dialog3.ok, Qt.MouseButton.LeftButton)
    error = error_dialog(qtbot)
    assert str(out) in error.text() and "đã được nhập" in error.text()
    error.close()

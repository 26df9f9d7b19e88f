"""Board → Lock scores… and Reveal identities…: the lock refused while entries are unsettled,
then recorded; the reveal with the seal's passphrase after the lock, and before it only with a
reason."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_helpers import error_dialog, wait_for_dialog

from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.intake.seal import seal_identities
from judge_app.intake.seal_crypto import passphrase_from_text
from judge_app.store.database import open_contest_file
from judge_app.store.models import (
    Assignment,
    Criterion,
    Grading,
    GradingStatus,
    IdentityRecord,
)
from judge_app.store.results_lock import lock_state
from judge_app.ui.main_window import MainWindow

PHRASE = "mật khẩu ban làm phách 2019"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("lock-home")))
    try:
        yield build_demo_contest(tmp_path_factory.mktemp("lock") / "demo").path
    finally:
        mp.undo()


def _graded_copy(demo: Path, target: Path, *, all_entries: bool = True) -> Path:
    """A copy of the demo whose round-1 judges gave every entry the same scores (agreed)."""
    shutil.copytree(demo.parent, target, ignore=shutil.ignore_patterns("packages"))
    path = target / demo.name
    with open_contest_file(path) as db, db.session() as session, session.begin():
        criteria = session.scalars(select(Criterion)).all()
        rows = session.execute(select(Assignment.entry_id, Assignment.judge_id)).all()
        if not all_entries:
            rows = rows[2:]  # the first entry's judges have not graded
        for entry_id, judge_id in rows:
            grading = Grading(
                entry_id=entry_id, judge_id=judge_id, round=1, status=GradingStatus.SUBMITTED
            )
            session.add(grading)
            session.flush()
            grading.scores = {criterion.id: Points(50) for criterion in criteria}
    return path


def test_lock_refused_while_entries_are_unsettled_then_recorded(
    qtbot: QtBot, open_contest: Callable[[Path], MainWindow], demo: Path, tmp_path: Path
) -> None:
    unsettled = _graded_copy(demo, tmp_path / "a", all_entries=False)
    window = open_contest(unsettled)
    dialog = window.lock_scores()
    assert dialog is not None
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    box = error_dialog(qtbot)
    assert "Chưa khoá được điểm" in box.text() and "1 bài chưa có điểm cuối cùng" in box.text()
    box.close()
    assert not lock_state(window.db).locked  # type: ignore[arg-type]
    dialog.close()

    settled = _graded_copy(demo, tmp_path / "b")
    window = open_contest(settled)
    dialog = window.lock_scores()
    assert dialog is not None
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    result = wait_for_dialog(qtbot, QMessageBox, "lockResult")
    assert isinstance(result, QMessageBox) and "Đã khoá điểm" in result.text()
    assert lock_state(window.db).locked  # type: ignore[arg-type]


def test_reveal_after_the_lock_and_before_it_only_with_a_reason(
    qtbot: QtBot, open_contest: Callable[[Path], MainWindow], demo: Path, tmp_path: Path
) -> None:
    path = _graded_copy(demo, tmp_path / "c")
    with open_contest_file(path) as db:
        seal_identities(db, [passphrase_from_text(PHRASE)], actor="BLP")
    window = open_contest(path)
    assert window.db is not None

    early = window.reveal_identities()
    assert early is not None
    reason = early.findChild(QLineEdit, "beforeLockReason")
    assert reason is not None and reason.isVisible()
    early.phrases[0].setText(PHRASE)
    qtbot.mouseClick(early.run_button, Qt.MouseButton.LeftButton)
    box = error_dialog(qtbot)  # no reason given: refused
    assert "--before-lock" in box.text()
    box.close()
    early.close()

    lock = window.lock_scores()
    assert lock is not None
    qtbot.mouseClick(lock.run_button, Qt.MouseButton.LeftButton)
    wait_for_dialog(qtbot, QMessageBox, "lockResult").close()

    dialog = window.reveal_identities()
    assert dialog is not None
    assert not dialog.findChild(QLineEdit, "beforeLockReason").isVisible()  # type: ignore[union-attr]
    qtbot.keyClicks(dialog.phrases[0], "wrong passphrase")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    error_dialog(qtbot).close()
    dialog.phrases[0].setText(PHRASE)  # Vietnamese text: keyClicks cannot type it
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    result = wait_for_dialog(qtbot, QMessageBox, "revealResult")
    assert isinstance(result, QMessageBox)
    with window.db.read_session() as session:
        sealed = session.scalars(
            select(IdentityRecord).where(IdentityRecord.sealed.is_not(None))
        ).all()
    assert sealed == []

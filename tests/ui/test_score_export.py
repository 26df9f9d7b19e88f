"""Judge ▸ Export score file…: the dialog signs the workspace into a file the head judge's
reader parses and verifies, says what is still a draft, and names the file in every refusal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from contest_data import make_contest_file
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from judge_app.exchange import keys
from judge_app.exchange.score_file import read_score_file
from judge_app.store import grading
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.ui.main_window import MainWindow
from judge_app.ui.score_export_dialog import ExportFacts, ScoreExportDialog
from judge_app.ui.settings import UiSettings

_STORE_TESTS = str(Path(__file__).resolve().parent.parent / "store")
if _STORE_TESTS not in sys.path:
    sys.path.append(_STORE_TESTS)

from grading_helpers import build_workspace  # noqa: E402

PASS = "hoa sen nở sớm"
TIMEOUT = 30_000


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying each character, as a Vietnamese keyboard (Unikey) sends them."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


@pytest.fixture(autouse=True)
def vietnamese(window: MainWindow) -> MainWindow:
    """The main window is up, so the dialog speaks Vietnamese as in the app."""
    return window


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[ContestDatabase]:
    """GK1's workspace with three entries; A01 graded and submitted, A02 a draft."""
    db = open_contest_file(build_workspace(tmp_path / "GK1.sqlite"))
    rubric = grading.load_rubric(db)
    for question in rubric.questions:
        grading.set_answer(db, "A01", question.id, question.answer)
    for criterion in rubric.criteria:
        grading.set_score(db, "A01", criterion.id, criterion.maximum)
    grading.submit(db, "A01")
    grading.set_score(db, "A02", rubric.criteria[0].id, rubric.criteria[0].step)
    yield db
    db.close()


@pytest.fixture
def key() -> keys.KeyInfo:
    return keys.create_key("Lê Thị Mai", keys.normalise_passphrase(PASS))


def _dialog(
    qtbot: QtBot, db: ContestDatabase, settings: UiSettings | None = None, **kwargs: object
) -> ScoreExportDialog:
    dialog = ScoreExportDialog(db, settings=settings or UiSettings(), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.facts_ready, timeout=TIMEOUT):
        dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _export(qtbot: QtBot, dialog: ScoreExportDialog, target: Path, passphrase: str = PASS) -> None:
    dialog.target_edit.setText(str(target))
    type_text(dialog.pass_edit, passphrase)
    qtbot.keyClick(dialog.pass_edit, Qt.Key.Key_Return)
    operation = dialog.operation
    assert operation is not None
    with qtbot.waitSignal(operation.done, timeout=TIMEOUT):
        pass


def test_export_writes_a_file_the_head_judge_verifies(
    qtbot: QtBot, workspace: ContestDatabase, key: keys.KeyInfo, tmp_path: Path
) -> None:
    flushed: list[bool] = []
    dialog = _dialog(qtbot, workspace, flush=lambda: flushed.append(True))
    facts = dialog.facts
    assert isinstance(facts, ExportFacts)
    assert (facts.judge_code, facts.round, facts.entries, facts.submitted) == ("GK1", 1, 3, 1)
    assert dialog.summary.text() == (
        "Giám khảo GK1 Lê Thị Mai — Cuộc thi thử — vòng 1: 3 bài, 1 bài đã nộp."
    )
    assert dialog.drafts.isVisible()
    assert dialog.drafts.text().startswith("2 trong 3 bài của bạn chưa nộp.")
    assert Path(dialog.target_edit.text()).name == "diem-GK1-vong1-lan1.jgs"
    assert dialog.fingerprint() == key.fingerprint  # the only key on this computer

    target = tmp_path / "gui" / "diem-GK1-vong1-lan1.jgs"
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT) as exported:
        _export(qtbot, dialog, target)
    report = exported.args[0]
    assert flushed == [True]  # the grading view's queued writes went first
    assert not dialog.error.isVisible()

    score_file = read_score_file(target)
    assert score_file.verify(keys.load_public_key_file(key.public_path))
    assert score_file.fingerprint == key.fingerprint == report.fingerprint
    assert (score_file.judge_code, score_file.revision) == ("GK1", 1)
    statuses = {entry["code"]: entry["status"] for entry in score_file.entries}
    assert statuses["A01"] == "submitted"
    assert statuses["A02"] == "draft"

    assert dialog.result_panel.isVisible()
    assert dialog.result_path.text() == str(target)
    assert dialog.result_revision.text() == "1 (giám khảo GK1, vòng 1)"
    assert dialog.result_entries.text() == "3, trong đó 1 bài đã nộp"
    assert dialog.result_hash.text() == (
        " ".join(report.sha256[i : i + 4] for i in range(0, 16, 4)) + "…"
    )
    assert dialog.result_fingerprint.fingerprint == key.fingerprint
    assert dialog.result_drafts.isVisible()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == report.sha256
    assert not dialog.run_button.isEnabled()  # one export per dialog
    assert dialog.pass_edit.text() == ""


def test_the_remembered_key_is_chosen_and_a_new_revision_follows(
    qtbot: QtBot, workspace: ContestDatabase, key: keys.KeyInfo, tmp_path: Path
) -> None:
    other = keys.create_key("Khoá khác", keys.normalise_passphrase("mot cum khac"))
    settings = UiSettings()
    first = _dialog(qtbot, workspace, settings)
    assert first.facts is not None
    settings.set_signing_key(first.facts.contest.uuid, key.fingerprint)
    second = _dialog(qtbot, workspace, settings)
    assert second.fingerprint() == key.fingerprint
    with qtbot.waitSignal(second.exported, timeout=TIMEOUT):
        _export(qtbot, second, tmp_path / "lan1.jgs")
    third = _dialog(qtbot, workspace, settings)
    assert Path(third.target_edit.text()).name == "diem-GK1-vong1-lan2.jgs"
    assert third.fingerprint() == key.fingerprint != other.fingerprint


def test_continue_above_a_revision_under_advanced(
    qtbot: QtBot, workspace: ContestDatabase, key: keys.KeyInfo, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, workspace)
    assert not dialog.advanced.isVisible()
    qtbot.mouseClick(dialog.advanced_button, Qt.MouseButton.LeftButton)
    assert dialog.advanced.isVisible()
    dialog.continue_spin.setValue(7)
    assert Path(dialog.target_edit.text()).name == "diem-GK1-vong1-lan8.jgs"
    target = tmp_path / "lan8.jgs"
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        _export(qtbot, dialog, target)
    assert read_score_file(target).revision == 8


def test_a_wrong_passphrase_is_refused_naming_the_key_file(
    qtbot: QtBot, workspace: ContestDatabase, key: keys.KeyInfo, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, workspace)
    target = tmp_path / "diem.jgs"
    _export(qtbot, dialog, target, "hoa sen nở muộn")
    assert dialog.error.isVisible()
    assert dialog.error.text() == f"Sai cụm mật khẩu cho khoá {key.private_path}."
    assert not target.exists()
    assert dialog.run_button.isEnabled()  # the judge can type it again
    assert not dialog.result_panel.isVisible()


def test_an_existing_file_is_not_overwritten_unasked(
    qtbot: QtBot, workspace: ContestDatabase, key: keys.KeyInfo, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, workspace)
    target = tmp_path / "diem.jgs"
    target.write_text("giữ nguyên", encoding="utf-8")
    dialog.target_edit.setText(str(target))
    type_text(dialog.pass_edit, PASS)
    qtbot.keyClick(dialog.pass_edit, Qt.Key.Key_Return)
    assert dialog.operation is None
    assert dialog.error.text().startswith(f"Tệp {target} đã tồn tại")
    assert target.read_text(encoding="utf-8") == "giữ nguyên"


def test_a_board_file_is_not_a_workspace(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_contest_file(tmp_path / "contest.sqlite")
    with open_contest_file(path) as db:
        dialog = _dialog(qtbot, db)
        assert dialog.error.text() == (
            f"{path} không phải bàn chấm của giám khảo; chỉ xuất tệp điểm từ bàn chấm."
        )
        assert not dialog.run_button.isEnabled()


def test_a_workspace_without_assignments_has_nothing_to_export(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = build_workspace(tmp_path / "ws.sqlite", codes=())
    with open_contest_file(path) as db:
        dialog = _dialog(qtbot, db)
        assert dialog.error.text() == (
            f"Bàn chấm {path} chưa có bài nào được phân công; không có gì để xuất."
        )
        assert not dialog.run_button.isEnabled()


def test_without_a_key_the_dialog_offers_to_create_one(
    qtbot: QtBot, workspace: ContestDatabase
) -> None:
    dialog = _dialog(qtbot, workspace)
    assert dialog.key_combo.count() == 0
    assert not dialog.run_button.isEnabled()
    assert dialog.key_button.text() == "Tạo khoá của tôi…"
    keys_dialog = dialog.open_key_dialog()
    assert keys_dialog.pages.currentWidget() is keys_dialog.create_page
    assert keys_dialog.name_edit.text() == "Lê Thị Mai"
    type_text(keys_dialog.pass_edit, PASS)
    type_text(keys_dialog.again_edit, PASS)
    with qtbot.waitSignal(keys_dialog.created, timeout=TIMEOUT) as created:
        qtbot.mouseClick(keys_dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.fingerprint() == created.args[0].fingerprint
    assert dialog.run_button.isEnabled()


def test_ctrl_shift_e_exports_from_the_open_workspace(
    qtbot: QtBot,
    window: MainWindow,
    open_contest: Callable[[Path], MainWindow],
    tmp_path: Path,
) -> None:
    action = window.registry_actions["judge_export_scores"]
    assert not action.isEnabled()
    path = build_workspace(tmp_path / "GK1.sqlite")
    open_contest(path)
    assert window.grading_view is not None
    assert action.isEnabled()
    assert action.text() == "&Xuất tệp điểm…"
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.findChild(ScoreExportDialog) is not None, timeout=TIMEOUT)
    dialog = window.findChild(ScoreExportDialog)
    assert isinstance(dialog, ScoreExportDialog)
    assert dialog.flush is not None  # the grading view's writer is flushed before signing
    qtbot.waitUntil(lambda: dialog.facts is not None, timeout=TIMEOUT)
    # The walkthrough is offered over a workspace while the computer has no key.
    offered = window.offer_signing_key()
    assert offered is not None and offered.contest is not None
    assert offered.pages.currentWidget() is offered.create_page
    offered.close()
    dialog.close()


def test_opening_a_package_without_a_key_offers_the_walkthrough(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first package on a computer without a key: the key dialog follows the workspace."""
    from types import SimpleNamespace

    from judge_app.ui.board_workspace import PackageOpener
    from judge_app.ui.judge_key_dialogs import SigningKeyDialog

    path = build_workspace(tmp_path / "GK1.sqlite")
    report = SimpleNamespace(
        package=tmp_path / "goi.jgp",
        path=path,
        judge="GK1",
        round=1,
        entries_added=3,
        files_written=3,
    )

    def verified(opener: PackageOpener, accept_fingerprint: str | None = None) -> None:
        opener.opened.emit(report)  # what a verified package hands over

    monkeypatch.setattr(PackageOpener, "start", verified)
    with qtbot.waitSignal(window.contest_loaded, timeout=TIMEOUT):
        window.open_package_path(report.package)
    qtbot.waitUntil(lambda: window.findChild(SigningKeyDialog) is not None, timeout=TIMEOUT)
    dialog = window.findChild(SigningKeyDialog)
    assert isinstance(dialog, SigningKeyDialog)
    assert dialog.pages.currentWidget() is dialog.create_page
    assert dialog.contest is not None and dialog.contest.judge_name == "Lê Thị Mai"
    dialog.close()

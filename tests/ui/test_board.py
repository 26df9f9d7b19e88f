"""The board's dialogs on the real demo contest: receive entries, assign a round, errors.

The demo (packages=False: nothing assigned yet) is built once per module and copied per test.
Set BOARD_SCREENSHOT_DIR to keep the receive dialog's picture (board-receive-vi.png).
"""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_helpers import error_dialog, wait_for_dialog

from judge_app.demo.build import build_demo_contest
from judge_app.exchange.demo_packages import DEMO_PASSPHRASE
from judge_app.exchange.judge_keys import create_head_key
from judge_app.exchange.keys import normalise_passphrase
from judge_app.intake.assign import assign_round
from judge_app.store.database import open_contest_file
from judge_app.store.models import IdentityRecord, Judge, Participant, Unit
from judge_app.ui.board_assign import AssignDialog
from judge_app.ui.board_packages import PackageRequest, PackagesDialog, make_packages
from judge_app.ui.board_receive import ReceiveDialog
from judge_app.ui.board_seal import SealDialog
from judge_app.ui.board_workspace import FingerprintDialog, workspace_for
from judge_app.ui.main_window import MainWindow

UNIT = "THCS-KD"


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("demo-master") / "demo"
    build_demo_contest(target, packages=False)
    return target


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo contest; returns its database file."""
    folder = shutil.copytree(demo_master, tmp_path / "demo")
    return next(folder.glob("*.sqlite"))


def _participant_without_entry(db_path: Path) -> str:
    """A THCS-KD participant with no entry yet: every demo participant has one, so one more
    joins the school's list (as an earlier list import would add them), then is read back."""
    db = open_contest_file(db_path)
    try:
        with db.session() as session, session.begin():
            colleague = session.scalars(
                select(Participant)
                .join(Unit, Unit.id == Participant.unit_id)
                .where(Unit.code == UNIT)
            ).first()
            assert colleague is not None
            session.add(
                Participant(
                    contest_id=colleague.contest_id,
                    full_name="Lê Thị Thu Hương",
                    category_id=colleague.category_id,
                    unit_id=colleague.unit_id,
                )
            )
        with db.read_session() as session:
            names = session.scalars(
                select(Participant.full_name)
                .join(Unit, Unit.id == Participant.unit_id)
                .outerjoin(IdentityRecord, IdentityRecord.participant_id == Participant.id)
                .where(Unit.code == UNIT, IdentityRecord.entry_id.is_(None))
            ).all()
    finally:
        db.close()
    assert len(names) == 1
    return names[0]


def _school_zip(folder: Path, name: str) -> Path:
    doc = pymupdf.open()
    doc.new_page(width=595, height=842).insert_text((72, 72), "Bai du thi")
    pdf: bytes = doc.tobytes()
    doc.close()
    path = folder / "bai-du-thi-THCS-KD.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"Bài dự thi - {name}.pdf", pdf)
    return path


OpenContest = Callable[[Path], MainWindow]


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _receive_dialog(qtbot: QtBot, window: MainWindow) -> ReceiveDialog:
    dialog = window.receive_entries()
    assert isinstance(dialog, ReceiveDialog)
    assert dialog.units_loaded is not None
    qtbot.waitUntil(lambda: dialog.unit_combo.count() > 0, timeout=10_000)
    return dialog


def test_receive_dialog_receives_a_zip_and_the_entry_list_grows(
    qtbot: QtBot, open_contest: OpenContest, demo: Path, tmp_path: Path
) -> None:
    name = _participant_without_entry(demo)
    source = _school_zip(tmp_path, name)
    window = open_contest(demo)
    before = window.contest_view.model.rowCount()
    dialog = _receive_dialog(qtbot, window)
    assert dialog.windowTitle() == "Nhận bài dự thi"
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData(UNIT))
    dialog.add_sources([source, source])  # the same source twice is listed once
    assert dialog.source_paths() == [source]

    with (
        qtbot.waitSignal(window.entries_reloaded, timeout=30_000),
        qtbot.waitSignal(dialog.received, timeout=30_000),
    ):
        dialog.run_button.click()
    report = dialog.report
    assert report is not None and len(report.entries) == 1
    assert dialog.pages.currentWidget() is dialog.report_page
    code = report.entries[0].code
    assert dialog.entries_table.rowCount() == 1
    assert _text(dialog.entries_table, 0, 0) == code
    assert _text(dialog.entries_table, 0, 2) == "đã ghép"
    assert window.contest_view.model.rowCount() == before + 1
    assert code in {window.contest_view.code_at(r) for r in range(before + 1)}

    counts = {
        _text(dialog.counts_table, r, 0): _text(dialog.counts_table, r, 1)
        for r in range(dialog.counts_table.rowCount())
    }
    assert counts["Bài mới"] == "1"

    dialog.resize(1100, 700)
    qtbot.waitExposed(dialog)
    picture = dialog.grab()
    assert picture.save(str(tmp_path / "board-receive-vi.png"))
    keep = os.environ.get("BOARD_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        picture.save(str(Path(keep) / "board-receive-vi.png"))

    # Both exports write real workbooks on a worker.
    for save, target in (
        (dialog.save_report, tmp_path / "report.xlsx"),
        (dialog.save_receipt, tmp_path / "receipt.xlsx"),
    ):
        operation = save(target)
        assert operation is not None
        with qtbot.waitSignal(operation.done, timeout=10_000):
            pass
        assert target.stat().st_size > 0


def test_receive_a_folder_of_many_units_e_mails(
    qtbot: QtBot, open_contest: OpenContest, demo: Path, tmp_path: Path
) -> None:
    """The unit box's last choice: each saved e-mail goes to the unit that sent it."""
    from email.message import EmailMessage

    source = _school_zip(tmp_path, _participant_without_entry(demo))
    mailbox = tmp_path / "hop-thu"
    mailbox.mkdir()
    for name, subject in (("1.eml", f"Bài dự thi {UNIT}"), ("2.eml", "Hỏi thể lệ")):
        message = EmailMessage()
        message["From"] = "school@example.vn"
        message["Subject"] = subject
        message["Date"] = "Tue, 20 Aug 2019 15:00:00 +0700"
        message.set_content("Kính gửi ban tổ chức.")
        message.add_attachment(
            source.read_bytes(), maintype="application", subtype="zip", filename=source.name
        )
        (mailbox / name).write_bytes(message.as_bytes())
    window = open_contest(demo)
    dialog = _receive_dialog(qtbot, window)
    last = dialog.unit_combo.count() - 1
    assert dialog.unit_combo.itemText(last).startswith("Mọi đơn vị")
    dialog.unit_combo.setCurrentIndex(last)
    dialog.add_sources([mailbox])
    dialog.run_button.click()
    box = wait_for_dialog(qtbot, QMessageBox, "mailboxResult")
    assert isinstance(box, QMessageBox)
    assert "2.eml" in box.text() and UNIT in box.text()  # the stray one named, the unit done
    with open_contest_file(demo) as db, db.read_session() as session:
        assert session.scalars(select(Unit).where(Unit.code == UNIT)).one() is not None


def test_receive_without_sources_says_what_is_missing(
    qtbot: QtBot, open_contest: OpenContest, demo: Path
) -> None:
    window = open_contest(demo)
    dialog = _receive_dialog(qtbot, window)
    assert dialog.run() is None
    assert dialog.status.text() == "Hãy chọn một đơn vị và ít nhất một nguồn."


def test_receive_failure_shows_the_translated_error(
    qtbot: QtBot, open_contest: OpenContest, demo: Path, tmp_path: Path
) -> None:
    window = open_contest(demo)
    dialog = _receive_dialog(qtbot, window)
    dialog.unit_combo.setItemData(0, "KHONG-CO")  # a unit the contest does not have
    dialog.unit_combo.setCurrentIndex(0)
    dialog.add_sources([tmp_path])
    operation = dialog.run()
    assert operation is not None
    box = error_dialog(qtbot)
    assert "KHONG-CO" in box.text()
    assert box.windowTitle() != "judge-app: error"  # translated
    box.close()
    qtbot.waitUntil(lambda: dialog.run_button.isEnabled())
    assert dialog.report is None


def test_assign_dialog_assigns_and_reports_loads(
    qtbot: QtBot, open_contest: OpenContest, demo: Path
) -> None:
    window = open_contest(demo)
    dialog = window.assign_round()
    assert isinstance(dialog, AssignDialog)
    dialog.seed_edit.setText("7")
    with qtbot.waitSignal(dialog.assigned, timeout=30_000) as signal:
        dialog.run_button.click()
    result = signal.args[0]
    assert result.round == 1 and result.seed == 7
    assert sum(result.loads.values()) == 2 * result.entries_added > 0
    box = wait_for_dialog(qtbot, QMessageBox, "assignResult")
    assert isinstance(box, QMessageBox)
    assert "Số bài mỗi giám khảo" in box.text()
    for judge, count in result.loads.items():
        assert f"{judge}: {count}" in box.text()
    box.close()


def test_assign_dialog_refuses_a_seed_that_is_not_a_number(
    qtbot: QtBot, open_contest: OpenContest, demo: Path
) -> None:
    window = open_contest(demo)
    dialog = window.assign_round()
    assert isinstance(dialog, AssignDialog)
    dialog.seed_edit.setText("abc")
    assert dialog.run() is None
    assert dialog.status.text() == "Hạt giống là một số nguyên, hoặc để trống."


def test_board_menu_lists_the_board_actions(window: MainWindow) -> None:
    names = [a.objectName() for a in window.menus["board"].actions()]
    # Intake first, its review right after it; then assignment, packages, the seal.
    assert names[:4] == ["board_receive", "board_check_list", "board_link", "board_leaks"]
    assert {"board_assign", "board_packages", "board_seal"} <= set(names)
    assert window.menus["board"].title() == "&Ban giám khảo"
    assert not window.registry_actions["board_receive"].isEnabled()  # no contest open


def _assigned_with_head_key(db_path: Path) -> None:
    """Round 1 assigned and the head judge's demo key in `<demo>/keys`, as the full demo has."""
    db = open_contest_file(db_path)
    try:
        with db.read_session() as session:
            head = session.scalars(select(Judge).where(Judge.is_head.is_(True))).one()
            name = head.name
        create_head_key(
            db,
            name,
            normalise_passphrase(DEMO_PASSPHRASE),
            "test",
            folder=db_path.parent / "keys",
        )
        assign_round(db, 1, 2, 2019, actor="test")
    finally:
        db.close()


def test_packages_dialog_writes_one_signed_package_per_grader(
    qtbot: QtBot, open_contest: OpenContest, demo: Path, tmp_path: Path
) -> None:
    _assigned_with_head_key(demo)
    window = open_contest(demo)
    dialog = window.make_packages()
    assert isinstance(dialog, PackagesDialog)
    assert dialog.key_edit.text() == str(demo.parent / "keys")  # the demo's own key folder
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Password
    out = tmp_path / "goi"
    dialog.out_edit.setText(str(out))
    qtbot.keyClicks(dialog.passphrase, DEMO_PASSPHRASE)
    with qtbot.waitSignal(dialog.made, timeout=60_000) as signal:
        dialog.run_button.click()
    assert len(signal.args[0]) == 3
    assert sorted(p.name for p in out.glob("*.jgp")) == [
        "goi-cham-GK1.jgp",
        "goi-cham-GK2.jgp",
        "goi-cham-GK3.jgp",
    ]
    box = wait_for_dialog(qtbot, QMessageBox, "packagesResult")
    assert isinstance(box, QMessageBox)
    assert "Đã tạo các gói chấm" in box.text()
    assert dialog.passphrase.text() == ""  # not kept after the run
    box.close()


def test_packages_of_a_sealed_contest_ask_for_the_seal_passphrase_and_redact(
    qtbot: QtBot, open_contest: OpenContest, demo: Path, tmp_path: Path
) -> None:
    from judge_app.intake.seal import seal_identities

    _assigned_with_head_key(demo)
    with open_contest_file(demo) as db:
        seal_identities(db, [b"mat-khau-niem-phong"], actor="test")
    window = open_contest(demo)
    dialog = window.make_packages()
    assert isinstance(dialog, PackagesDialog)
    assert [edit.objectName() for edit in dialog.seal_edits] == ["sealPassphrase1"]
    dialog.out_edit.setText(str(tmp_path / "goi"))
    qtbot.keyClicks(dialog.passphrase, DEMO_PASSPHRASE)
    assert dialog.run() is None  # the seal passphrase is still missing
    qtbot.keyClicks(dialog.seal_edits[0], "mat-khau-niem-phong")
    with qtbot.waitSignal(dialog.made, timeout=60_000) as signal:
        dialog.run_button.click()
    assert any(report.redacted for report in signal.args[0])
    box = wait_for_dialog(qtbot, QMessageBox, "packagesResult")
    assert isinstance(box, QMessageBox)
    assert "Đã che tên, trường" in box.text()
    assert dialog.seal_edits[0].text() == ""
    box.close()


def test_packages_dialog_wrong_passphrase_shows_the_translated_error(
    qtbot: QtBot, open_contest: OpenContest, demo: Path, tmp_path: Path
) -> None:
    _assigned_with_head_key(demo)
    window = open_contest(demo)
    dialog = window.make_packages()
    assert isinstance(dialog, PackagesDialog)
    dialog.out_edit.setText(str(tmp_path / "goi"))
    dialog.passphrase.setText("sai-mat-khau")
    operation = dialog.run()
    assert operation is not None
    box = error_dialog(qtbot)
    assert box.text().startswith("Sai cụm mật khẩu cho khoá")
    box.close()
    assert not list((tmp_path / "goi").glob("*.jgp"))


def test_seal_dialog_refuses_passphrases_that_differ_then_seals(
    qtbot: QtBot, open_contest: OpenContest, demo: Path
) -> None:
    window = open_contest(demo)
    dialog = window.seal_identities()
    assert isinstance(dialog, SealDialog)
    assert not dialog.second.isEnabled()
    qtbot.keyClicks(dialog.first, "ban-lam-phach")
    qtbot.keyClicks(dialog.first_again, "ban-lam-phac")
    assert dialog.run() is None
    box = error_dialog(qtbot)
    assert box.text() == "Hai lần nhập mật khẩu không khớp."
    box.close()

    qtbot.keyClicks(dialog.first_again, "h")
    with qtbot.waitSignal(dialog.sealed, timeout=60_000) as signal:
        dialog.run_button.click()
    assert signal.args[0] == 27  # every demo entry's identity record
    result = wait_for_dialog(qtbot, QMessageBox, "sealResult")
    assert isinstance(result, QMessageBox)
    assert result.text().startswith("Đã niêm phong 27 đầu phách")
    assert dialog.first.text() == ""  # not kept after the run
    result.close()


def test_judge_opens_a_package_after_typing_the_head_fingerprint(
    qtbot: QtBot, open_contest: OpenContest, demo: Path, tmp_path: Path
) -> None:
    _assigned_with_head_key(demo)
    board = open_contest_file(demo)
    try:
        reports = make_packages(
            board,
            PackageRequest(1, tmp_path / "goi", demo.parent / "keys", DEMO_PASSPHRASE),
            _NoProgress(),  # type: ignore[arg-type]
            actor="test",
        )
    finally:
        board.close()
    package = reports[0].path
    window = open_contest(demo)
    window.close_contest()
    assert window.registry_actions["judge_open_package"].isEnabled()
    opener = window.open_package_path(package)
    dialog = wait_for_dialog(qtbot, FingerprintDialog, "fingerprintDialog")
    assert isinstance(dialog, FingerprintDialog)
    shown = dialog.findChild(QLabel, "packageFingerprint")
    assert shown is not None and shown.text()
    qtbot.keyClicks(dialog.edit, shown.text())
    with qtbot.waitSignal(window.contest_loaded, timeout=60_000) as loaded:
        dialog.accept()
    assert loaded.args[0] == workspace_for(package)
    assert opener.workspace == workspace_for(package)
    assert window.contest_view.model.rowCount() == reports[0].entries


class _NoProgress:
    def report(self, done: int, total: int, text: str = "") -> None:
        pass

    def check(self) -> None:
        pass

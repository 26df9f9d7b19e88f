"""The identity-leak view on a real contest file with real entry files, read through the real
sandboxed document service: a planted name without diacritics is found, photos are listed as
not checked, the list filters and exports, a sealed contest asks for its passphrase."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pymupdf
import pytest
from contest_data import make_contest_file
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from viewer_fake import FakeDocumentService

from judge_app.intake.seal import seal_identities
from judge_app.store.database import open_contest_file
from judge_app.store.models import Entry, EntryFile
from judge_app.ui.board_leaks import LeakDialog
from judge_app.ui.main_window import MainWindow
from judge_app.ui.viewer import EntryViewerWindow

OpenContest = Callable[[Path], MainWindow]
PLANTED = "NGUYEN THI HONG NHUNG"  # TX-001's entrant, Nguyễn Thị Hồng Nhung, without diacritics
SEAL = "ban lam phach 2019"
SCAN_MS = 60_000


def _pdf(text: str) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 72), text, fontsize=14)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def _png(shade: int) -> bytes:
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 60), False)
    pixmap.set_rect(pixmap.irect, (shade, shade, shade))
    data: bytes = pixmap.tobytes("png")
    return data


@pytest.fixture
def contest(tmp_path: Path) -> Path:
    """Three entries: TX-001 names its entrant without diacritics, TX-002 is a clean essay
    with a photo beside it, TX-003 is three photos."""
    (tmp_path / "cuoc-thi").mkdir()
    path = make_contest_file(tmp_path / "cuoc-thi" / "contest.sqlite", entries=3)
    contents = {
        ("TX-001", 0): _pdf(f"Bai du thi. Ho va ten: {PLANTED}. Em rat thich cuoc thi nay."),
        ("TX-002", 0): _pdf("Dich vu cong truc tuyen giup nguoi dan nop ho so tu nha."),
        ("TX-002", 1): _png(200),
        ("TX-003", 0): _png(100),
        ("TX-003", 1): _png(120),
        ("TX-003", 2): _png(140),
    }
    with open_contest_file(path) as db, db.read_session() as session:
        rows = session.execute(
            select(Entry.code, EntryFile.sort, EntryFile.stored_path).join(
                Entry, Entry.id == EntryFile.entry_id
            )
        ).all()
    for code, sort, stored in rows:
        target = path.parent / stored
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(contents[(code, sort)])
    return path


def _scan(qtbot: QtBot, dialog: LeakDialog) -> None:
    with qtbot.waitSignal(dialog.scanned, timeout=SCAN_MS):
        qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)


def test_leak_view_lists_a_planted_name_without_diacritics_and_unchecked_photos(
    qtbot: QtBot, window: MainWindow, open_contest: OpenContest, contest: Path, tmp_path: Path
) -> None:
    fake = FakeDocumentService()
    window.make_document_service = lambda: fake
    open_contest(contest)
    action = window.registry_actions["board_leaks"]
    assert action.isEnabled() and action.text() == "&Quét dấu hiệu lộ danh tính…"
    dialog = window.scan_identity_leaks()
    assert isinstance(dialog, LeakDialog)
    assert dialog.windowTitle() == "Quét dấu hiệu lộ danh tính"
    assert dialog.seal_edits == []  # nothing sealed: no passphrase asked
    assert not dialog.save_button.isEnabled()
    _scan(qtbot, dialog)

    rows = dialog.rows()
    assert ("TX-001", "có dấu hiệu lộ danh tính", "họ tên", "tệp 1, trang 1", "rõ", PLANTED) in rows
    assert not [r for r in rows if r[0] == "TX-002" and r[2] != "—"]  # the essay is clean …
    assert ("TX-002", "không thấy dấu hiệu", "—", "tệp 2", "", "chưa kiểm tra được") in rows
    photos = [r for r in rows if r[0] == "TX-003"]
    assert len(photos) == 3 and all(r[1] == "chưa kiểm tra được" for r in photos)
    assert dialog.table.rowCount() == len(rows)
    assert dialog.summary.text().startswith("Đã quét 3 bài: 1 bài có dấu hiệu lộ danh tính")

    dialog.hits_only.setFocus()
    qtbot.keyClick(dialog.hits_only, Qt.Key.Key_Space)
    assert dialog.hits_only.isChecked()
    assert {r[0] for r in dialog.rows()} == {"TX-001"}
    assert dialog.table.rowCount() == len(dialog.rows())

    # The entry opens in the viewer, usable above the dialog.
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.viewer_window is not None and window.viewer_window.isVisible(),
        timeout=10_000,
    )
    viewer = window.viewer_window
    assert isinstance(viewer, EntryViewerWindow) and viewer.code == "TX-001"

    # The list for the board meeting: what and where, never the words found.
    target = tmp_path / "dau-hieu.xlsx"
    saving = dialog.save_list(target)
    assert saving is not None
    with qtbot.waitSignal(saving.done, timeout=10_000):
        pass
    book = openpyxl.load_workbook(target)
    sheet = book.active
    assert sheet is not None
    cells = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert cells[0][0] == "Số phách"
    assert ["TX-001", "có dấu hiệu lộ danh tính", "họ tên", 1, 1, "rõ", None] in cells
    assert len([row for row in cells if row[0] == "TX-003"]) == 3
    with zipfile.ZipFile(target) as archive:
        raw = b"".join(archive.read(name) for name in archive.namelist())
    assert PLANTED.encode() not in raw and b"Nhung" not in raw
    dialog.close()


def test_a_sealed_contest_needs_the_seal_passphrase_to_find_names(
    qtbot: QtBot, window: MainWindow, contest: Path
) -> None:
    db = open_contest_file(contest)
    try:
        seal_identities(db, [SEAL.encode()], actor="test")
        dialog = LeakDialog(db, window)
        qtbot.addWidget(dialog)
        dialog.show()
        assert [edit.objectName() for edit in dialog.seal_edits] == ["sealPassphrase1"]
        assert dialog.seal_edits[0].echoMode() == dialog.seal_edits[0].EchoMode.Password
        assert dialog.scan() is None
        assert dialog.status.text() == "Hãy gõ mật khẩu niêm phong trước."
        qtbot.keyClicks(dialog.seal_edits[0], SEAL)
        _scan(qtbot, dialog)
        assert any(r[0] == "TX-001" and r[5] == PLANTED for r in dialog.rows())
        assert dialog.seal_edits[0].text() == ""  # not kept after the scan
        dialog.close()
    finally:
        db.close()


def test_a_wrong_seal_passphrase_is_said_and_cancel_stops_the_scan(
    qtbot: QtBot, window: MainWindow, contest: Path
) -> None:
    from ui_helpers import error_dialog

    db = open_contest_file(contest)
    try:
        seal_identities(db, [SEAL.encode()], actor="test")
        dialog = LeakDialog(db, window)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.seal_edits[0].setText("sai mat khau roi")
        operation = dialog.scan()
        assert operation is not None
        box = error_dialog(qtbot)
        assert "Traceback" not in box.text() and box.text()
        box.close()
        qtbot.waitUntil(lambda: dialog.scan_button.isEnabled(), timeout=10_000)
        assert dialog.reports is None

        dialog.seal_edits[0].setText(SEAL)
        operation = dialog.scan()
        assert operation is not None and dialog.cancel_button.isVisible()
        assert not dialog.close_button.isEnabled()  # the scan must finish or stop first
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(operation.done, timeout=SCAN_MS):
            pass
        assert dialog.status.text() == "Đã dừng quét: không có gì thay đổi."
        assert dialog.reports is None and dialog.close_button.isEnabled()
        dialog.close()
    finally:
        db.close()

"""The link review of intake's strays and namesakes: from the intake report and from the Board
menu, a real contest file, real school files; linking writes the identity record (audited)."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
from contest_data import make_contest_file
from intake_lists import school_xlsx
from PySide6.QtCore import QEvent, QObject, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from viewer_fake import FakeDocumentService

from judge_app.intake.receive import receive
from judge_app.store.database import open_contest_file
from judge_app.store.models import AuditRow, Contest, Entry, IdentityRecord, Participant
from judge_app.ui.board_link import LinkDialog
from judge_app.ui.board_receive import ReceiveDialog
from judge_app.ui.main_window import MainWindow
from judge_app.ui.viewer import EntryViewerWindow

UNIT = "THCS-KD"
STRAY = "bai lam cuoi cung.pdf"
NAMESAKE = "Bài dự thi - Đỗ Minh Anh.pdf"
MATCHED = "Nguyễn Thị Hằng - bài dự thi.pdf"

OpenContest = Callable[[Path], MainWindow]


def _pdf(text: str) -> bytes:
    doc = pymupdf.open()
    doc.new_page(width=595, height=842).insert_text((72, 72), text)
    data: bytes = doc.tobytes()
    doc.close()
    return data


@pytest.fixture
def contest(tmp_path: Path) -> Path:
    """A contest with no entries yet (ages counted on 20/08/2019)."""
    (tmp_path / "cuoc-thi").mkdir()
    path = make_contest_file(tmp_path / "cuoc-thi" / "contest.sqlite", entries=0)
    with open_contest_file(path) as db, db.session() as session, session.begin():
        session.scalars(select(Contest)).one().reference_date = dt.date(2019, 8, 20)
    return path


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, Path]:
    """The school's zip (a matched file, a namesake, a stray) and its participant list."""
    archive = tmp_path / "bai-thi-THCS-KD.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for number, name in enumerate((MATCHED, NAMESAKE, STRAY)):
            out.writestr(name, _pdf(f"Bai du thi so {number}"))
    return archive, school_xlsx(tmp_path / "danh-sach.xlsx")


def _text(table: object, row: int, column: int) -> str:
    item = table.item(row, column)  # type: ignore[attr-defined]
    assert item is not None
    return str(item.text())


def _row_of(dialog: LinkDialog, file_name: str) -> int:
    return next(i for i, p in enumerate(dialog.pending) if file_name in p.file_names)


def test_linking_from_the_intake_report_creates_the_identity_link_and_updates_the_report(
    qtbot: QtBot, window: MainWindow, contest: Path, sources: tuple[Path, Path]
) -> None:
    archive, people = sources
    db = open_contest_file(contest)
    try:
        receiving = ReceiveDialog(db, window)
        qtbot.addWidget(receiving)
        receiving.show()
        qtbot.waitUntil(lambda: receiving.unit_combo.count() > 0, timeout=10_000)
        receiving.unit_combo.setCurrentIndex(receiving.unit_combo.findData(UNIT))
        receiving.add_sources([archive])
        receiving.list_edit.setText(str(people))
        with qtbot.waitSignal(receiving.received, timeout=30_000):
            receiving.run_button.click()
        assert receiving.review_button.isVisible()
        assert receiving.review_button.text() == "Xem 2 bài chưa ghép…"

        dialog = receiving.review_unmatched()
        assert isinstance(dialog, LinkDialog)
        assert dialog.windowTitle() == "Ghép bài với người dự thi"
        assert dialog.entries.rowCount() == 2
        # The namesake: both people called Đỗ Minh Anh come first, in bold; neither is chosen.
        dialog.entries.selectRow(_row_of(dialog, NAMESAKE))
        qtbot.waitUntil(lambda: dialog.people_table.rowCount() == 6, timeout=10_000)
        assert [_text(dialog.people_table, r, 0) for r in (0, 1)] == ["Đỗ Minh Anh"] * 2
        assert _text(dialog.people_table, 0, 3) == "tên có trong tên tệp"
        first = dialog.people_table.item(0, 0)
        assert first is not None and first.font().bold()
        assert dialog.chosen_person() is None and not dialog.link_button.isEnabled()
        assert _text(dialog.entries, _row_of(dialog, NAMESAKE), 3) == "khớp nhiều người"
        # Leave it for later: nothing is written.
        qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
        assert _text(dialog.entries, _row_of(dialog, NAMESAKE), 3) == "để xử lý sau"

        # The stray: found by typing the name without diacritics, linked.
        assert dialog.current_entry() is not None
        assert dialog.current_entry().file_names == (STRAY,)  # type: ignore[union-attr]
        assert dialog.chosen_person() is None  # nobody is guessed
        assert not dialog.link_button.isEnabled()
        qtbot.keyClicks(dialog.filter_edit, "tran van")
        assert dialog.people_table.rowCount() == 1
        dialog.people_table.setFocus()
        dialog.people_table.selectRow(0)
        code = dialog.current_entry().code  # type: ignore[union-attr]
        with qtbot.waitSignal(dialog.linked, timeout=10_000) as linked:
            qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
        assert linked.args[0].participant_name == "Trần Văn Minh"
        assert _text(dialog.entries, _row_of(dialog, STRAY), 3) == "đã ghép: Trần Văn Minh"
        assert dialog.status.text() == "Còn 0 trong 2 bài chờ quyết định."

        with db.read_session() as session:
            person = session.execute(
                select(Participant.full_name, Participant.id)
                .join(IdentityRecord, IdentityRecord.participant_id == Participant.id)
                .join(Entry, Entry.id == IdentityRecord.entry_id)
                .where(Entry.code == code)
            ).one()
            assert person.full_name == "Trần Văn Minh"
            audit = session.execute(
                select(AuditRow.action, AuditRow.entity_key).where(AuditRow.action == "intake.link")
            ).all()
            assert [(a.action, a.entity_key) for a in audit] == [("intake.link", code)]
            namesake_code = dialog.pending[_row_of(dialog, NAMESAKE)].code
            record = session.get(
                IdentityRecord,
                session.scalar(select(Entry.id).where(Entry.code == namesake_code)),
            )
            assert record is None or record.participant_id is None

        # The report on screen follows: linked, one left to review, no "matches nobody".
        report = receiving.report
        assert report is not None
        linked_entry = next(e for e in report.entries if e.code == code)
        assert linked_entry.link == "matched" and linked_entry.category == "g9"
        assert not [p for p in report.problems if p.entry == code]
        assert receiving.review_button.text() == "Xem 1 bài chưa ghép…"
        row = next(
            r
            for r in range(receiving.entries_table.rowCount())
            if _text(receiving.entries_table, r, 0) == code
        )
        assert _text(receiving.entries_table, row, 2) == "đã ghép"
        dialog.close()
        receiving.close()
    finally:
        db.close()


class _Blocked(QObject):
    """Records whether Qt blocks a window for a modal dialog."""

    def __init__(self) -> None:
        super().__init__()
        self.blocked: bool | None = None

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.WindowBlocked:
            self.blocked = True
        elif event.type() == QEvent.Type.WindowUnblocked:
            self.blocked = False
        return False


def test_board_menu_review_reads_waiting_entries_and_previews_them_in_the_viewer(
    qtbot: QtBot,
    window: MainWindow,
    open_contest: OpenContest,
    contest: Path,
    sources: tuple[Path, Path],
) -> None:
    archive, people = sources
    with open_contest_file(contest) as db:
        receive(db, UNIT, [archive], participant_list=people, actor="test")
    fake = FakeDocumentService()
    window.make_document_service = lambda: fake
    open_contest(contest)
    action = window.registry_actions["board_link"]
    assert action.isEnabled() and action.text() == "Ghép &bài chưa khớp…"
    dialog = window.link_unmatched_entries()
    assert isinstance(dialog, LinkDialog)
    qtbot.waitUntil(lambda: dialog.entries.rowCount() == 2, timeout=10_000)
    assert {p.file_names for p in dialog.pending} == {(NAMESAKE,), (STRAY,)}
    namesake = dialog.pending[_row_of(dialog, NAMESAKE)]
    assert namesake.link == "ambiguous" and len(namesake.candidates) == 2
    assert _text(dialog.entries, _row_of(dialog, STRAY), 4) == STRAY  # the board sees the name

    dialog.entries.selectRow(_row_of(dialog, STRAY))
    watcher = _Blocked()
    window.entry_viewer().installEventFilter(watcher)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.viewer_window is not None and window.viewer_window.isVisible(),
        timeout=10_000,
    )
    viewer = window.viewer_window
    assert isinstance(viewer, EntryViewerWindow)
    stray_code = dialog.pending[_row_of(dialog, STRAY)].code
    assert viewer.code == stray_code
    # The modal review dialog blocks the main window, but the viewer sits above the dialog
    # and takes input while it is open.
    qtbot.waitUntil(lambda: watcher.blocked is False, timeout=10_000)
    assert viewer.windowHandle().transientParent() is dialog.windowHandle()

    # Linking here reloads the main window's entry list.
    dialog.filter_edit.setText("Hằng")
    dialog.people_table.selectRow(0)
    with qtbot.waitSignal(window.entries_reloaded, timeout=10_000):
        dialog.link()
    dialog.close()
    assert viewer.windowHandle().transientParent() is window.windowHandle()

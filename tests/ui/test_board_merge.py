"""Board → Merge score files on the demo contest: two judges' files merged through the dialog,
one refused (an edited byte) with its Vietnamese reason and nothing written for it; a file
merged again; a folder of files; cancel between files; the report saved as XLSX."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from merge_data import MergeData, merge_master, register_keys, tampered
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from ui_helpers import wait_for_dialog

from judge_app.store.database import open_contest_file
from judge_app.ui.board_merge import (
    FILE,
    JUDGE,
    NOTE,
    NOTE_COLOUR,
    REFUSED_COLOUR,
    STATUS,
    MergeDialog,
)
from judge_app.ui.main_window import MainWindow
from judge_app.ui.merge_view import ScoresWindow

OpenContest = Callable[[Path], MainWindow]


@pytest.fixture
def data(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> MergeData:
    copied = merge_master(tmp_path_factory).copy_to(tmp_path)
    register_keys(copied, ("GK1", "GK2"))
    return copied


@pytest.fixture
def window(open_contest: OpenContest, data: MergeData) -> MainWindow:
    return open_contest(data.board)


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow) -> MergeDialog:
    window.registry_actions["board_merge"].trigger()
    found = wait_for_dialog(qtbot, MergeDialog, "mergeDialog")
    assert isinstance(found, MergeDialog)
    return found


def _run(qtbot: QtBot, dialog: MergeDialog) -> None:
    assert dialog.run_button.isEnabled()
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.operation is not None and not dialog.operation.running, timeout=20_000
    )
    qtbot.waitUntil(lambda: dialog.close_button.isEnabled(), timeout=5_000)


def _report(dialog: MergeDialog) -> list[list[str]]:
    table = dialog.report
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _counts(board: Path) -> tuple[int, int, int]:
    with open_contest_file(board) as db:
        return (
            db.read_scalar("SELECT count(*) FROM score_file"),
            db.read_scalar("SELECT count(*) FROM grading"),
            db.read_scalar("SELECT count(*) FROM audit_log WHERE action = 'scores.merge'"),
        )


def test_two_files_one_refused_show_in_the_report(
    qtbot: QtBot, dialog: MergeDialog, data: MergeData, tmp_path: Path
) -> None:
    bad = tampered(data.score_files["GK2"], tmp_path / "files" / "diem-GK2-sua.jgs")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert isinstance(chooser, QFileDialog)
    assert chooser.fileMode() is QFileDialog.FileMode.ExistingFiles
    chooser.setDirectory(str(bad.parent))
    chooser.selectFile(f'"{data.score_files["GK1"].name}" "{bad.name}"')
    chooser.accept()
    assert [Path(p).name for p in map(str, dialog.paths())] == ["diem-GK1.jgs", bad.name]

    _run(qtbot, dialog)
    rows = _report(dialog)
    assert len(rows) == 2
    merged, refused = rows
    assert merged[FILE] == "diem-GK1.jgs" and merged[JUDGE] == "GK1"
    assert merged[STATUS] == "Đã ghép" and merged[NOTE] == ""
    assert refused[FILE] == bad.name and refused[STATUS] == "KHÔNG NHẬN"
    assert "Chữ ký của tệp điểm" in refused[NOTE] and "không nhận" in refused[NOTE]
    colour = dialog.report.item(1, STATUS).background().color().name()
    assert colour == REFUSED_COLOUR
    assert dialog.detail.text() == refused[NOTE]  # the refusal is selected, its reason shown
    assert dialog.status.text() == "1 tệp đã ghép, 0 tệp đã ghép trước đây, 1 tệp không nhận."
    files, gradings, audit = _counts(data.board)
    assert (files, audit) == (1, 1)  # nothing of the refused file, one audit row for GK1's
    with open_contest_file(data.board) as db:
        judges = db.read_scalar(
            "SELECT group_concat(DISTINCT judge.code) FROM grading JOIN judge "
            "ON judge.id = grading.judge_id"
        )
    assert judges == "GK1" and gradings > 0


def test_the_same_file_again_is_already_merged_and_changes_nothing(
    qtbot: QtBot, dialog: MergeDialog, data: MergeData
) -> None:
    dialog.add_paths([data.score_files["GK1"]])
    _run(qtbot, dialog)
    before = _counts(data.board)
    assert dialog.files.count() == 0  # the list empties: the report says what became of each
    dialog.add_paths([data.score_files["GK1"]])
    _run(qtbot, dialog)
    assert _report(dialog)[0][STATUS] == "Đã ghép trước đây"
    assert _counts(data.board) == before


def test_a_folder_adds_its_score_files_and_an_unregistered_judge_is_refused(
    qtbot: QtBot, dialog: MergeDialog, data: MergeData, tmp_path: Path
) -> None:
    folder = tmp_path / "thu-muc"
    folder.mkdir()
    for path in data.score_files.values():
        shutil.copy(path, folder / path.name)
    (folder / "ghi-chu.txt").write_text("không phải tệp điểm", encoding="utf-8")
    assert dialog.add_paths([folder]) == 3
    assert dialog.add_paths([folder]) == 0  # never twice
    _run(qtbot, dialog)
    rows = {row[FILE]: row for row in _report(dialog)}
    assert rows["diem-GK1.jgs"][STATUS] == "Đã ghép"
    assert rows["diem-GK2.jgs"][STATUS] == "Đã ghép"
    assert rows["diem-GK3.jgs"][STATUS] == "KHÔNG NHẬN"
    assert "Chưa đăng ký khoá của giám khảo GK3" in rows["diem-GK3.jgs"][NOTE]


def test_cancel_stops_between_files(
    qtbot: QtBot, dialog: MergeDialog, data: MergeData, tmp_path: Path
) -> None:
    copies = []
    for number in range(6):  # the same files again: each merges or is already merged
        for path in data.score_files.values():
            copies.append(Path(shutil.copy(path, tmp_path / f"{number}-{path.name}")))
    dialog.add_paths(copies)
    operation = dialog.run()
    assert operation is not None
    assert dialog.cancel_button.isVisible() and not dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not operation.running, timeout=20_000)
    rows = _report(dialog)
    cancelled = [row for row in rows if row[STATUS] == "Chưa ghép (đã dừng)"]
    assert cancelled, "the cancel came before the last file"
    done = len(rows) - len(cancelled)
    assert rows[done:] == cancelled  # the files after the cancel, in order
    assert dialog.status.text().endswith(f"Đã dừng: {len(cancelled)} tệp chưa ghép.")
    files, _, _ = _counts(data.board)
    assert files <= done


def test_the_report_is_saved_as_xlsx(
    qtbot: QtBot, dialog: MergeDialog, data: MergeData, tmp_path: Path
) -> None:
    dialog.add_paths([data.score_files["GK1"], data.score_files["GK3"]])
    _run(qtbot, dialog)
    target = tmp_path / "bao-cao.xlsx"
    operation = dialog.save_report(target)
    assert operation is not None
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Đã lưu báo cáo"), timeout=10_000)
    sheet = openpyxl.load_workbook(target).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Tệp", "Giám khảo", "Lần xuất", "Số bài", "Kết quả", "Lý do / ghi chú"]
    assert values[1][4] == "Đã ghép" and values[2][4] == "KHÔNG NHẬN"
    assert sheet.cell(3, 1).fill.fgColor.rgb == "FF" + REFUSED_COLOUR.lstrip("#").upper()


def test_an_open_scores_window_shows_the_merged_gradings(
    qtbot: QtBot, window: MainWindow, data: MergeData
) -> None:
    scores = window.show_scores()
    assert isinstance(scores, ScoresWindow)
    qtbot.waitUntil(lambda: scores.data is not None, timeout=10_000)
    assert scores.model.counts() == {"waiting": 27}
    window.registry_actions["board_merge"].trigger()
    dialog = wait_for_dialog(qtbot, MergeDialog, "mergeDialog")
    assert isinstance(dialog, MergeDialog)
    dialog.add_paths([data.score_files["GK1"], data.score_files["GK2"]])
    with qtbot.waitSignal(scores.loaded, timeout=20_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert scores.model.counts()["waiting"] < 27


def test_entries_whose_files_differ_are_named_in_the_report(
    qtbot: QtBot, dialog: MergeDialog, data: MergeData
) -> None:
    with open_contest_file(data.board) as db, db.session() as session, session.begin():
        code = session.execute(
            text(
                "SELECT entry.code FROM assignment JOIN entry ON entry.id = assignment.entry_id "
                "JOIN judge ON judge.id = assignment.judge_id WHERE judge.code = 'GK1' "
                "ORDER BY entry.code LIMIT 1"
            )
        ).scalar_one()
        session.execute(
            text(
                "UPDATE entry_file SET sha256 = :digest WHERE entry_id = "
                "(SELECT id FROM entry WHERE code = :code)"
            ),
            {"digest": "0" * 64, "code": code},
        )
    for manifest in (data.folder / "package-manifests").glob("*.json"):  # the copies sent
        kept = json.loads(manifest.read_text(encoding="utf-8"))
        for item in kept["entries"]:
            if item["code"] == code:
                for file in item["files"]:
                    file["sha256"] = "1" * 64
        manifest.write_text(json.dumps(kept), encoding="utf-8")
    dialog.add_paths([data.score_files["GK1"]])
    _run(qtbot, dialog)
    (row,) = _report(dialog)
    assert row[STATUS] == "Đã ghép"
    assert row[NOTE] == f"Tệp bài khác với tệp của cuộc thi ở 1 bài: {code}"
    assert dialog.report.item(0, NOTE).background().color().name() == NOTE_COLOUR

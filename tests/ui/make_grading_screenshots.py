"""Draw the judge's grading view at 1366×768 (a common school laptop) in Vietnamese.

    .venv/bin/python tests/ui/make_grading_screenshots.py [OUTPUT_DIR] [--workspace DIR]

Shots: a DOCX entry beside a partly scored rubric, the end of that rubric (comment, key
reminder), the F1 shortcut sheet scrolled to its grading rows, a flagged entry.
Builds the demo contest and judge GK1's workspace in a throwaway folder (≈ 20 s), or reuses
a template folder made earlier with --workspace. JUDGE_APP_HOME is a temporary folder, so the
user's settings are left alone.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from judge_app.ui.actions import ShortcutSheet

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SIZE = (1366, 768)


def _wait(condition: Callable[[], bool], timeout_s: float = 30.0) -> bool:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def _settle(seconds: float = 0.3) -> None:
    _wait(lambda: False, seconds)


def _show_grading_rows(sheet: ShortcutSheet) -> None:
    """Scroll the F1 sheet so its grading rows are in view (the window's rows come first)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView

    from judge_app.ui.actions import spec

    table = sheet.table
    rows = [
        row
        for row in range(table.rowCount())
        if (item := table.item(row, 0)) is not None
        and spec(str(item.data(Qt.ItemDataRole.UserRole))).scope == "grading"
    ]
    if not rows:
        raise SystemExit("the F1 sheet has no grading rows")
    first = table.item(rows[0], 0)
    assert first is not None
    table.scrollToItem(first, QAbstractItemView.ScrollHint.PositionAtTop)
    table.selectRow(rows[0])


def shoot(template_root: Path, out: Path, tmp: Path) -> int:
    sys.path.insert(0, str(HERE))
    from grading_data import build_demo_workspace, copy_workspace
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from judge_app.ui.actions import ShortcutSheet
    from judge_app.ui.app import make_main_window

    template = template_root / "workspace" / "GK1.sqlite"
    if not template.exists():
        build_demo_workspace(template_root)
    workspace = copy_workspace(template, tmp / "ws")
    window = make_main_window(lang="vi")
    window.resize(*SIZE)
    window.show()
    window.open_contest_path(workspace)
    if not _wait(
        lambda: window.grading_view is not None and window.grading_view.current is not None
    ):
        print("the workspace did not open", file=sys.stderr)
        return 1
    view = window.grading_view
    assert view is not None
    # A DOCX entry, partly scored.
    docx = next(
        (row.code for row in view.entry_list.model.rows() if "docx" in row.file_kinds), None
    )
    if docx is not None and docx != view.current:
        view.show_entry(docx)
        _wait(lambda: view.current == docx)
    _wait(lambda: view.viewer.rendered_pixmap(0) is not None, 30)
    rubric = view.rubric
    rows = list(rubric.questions.values())
    for row, letter in zip(rows[:3], "BDC", strict=False):
        row.setFocus()
        QTest.keyClick(row, letter)
    boxes = list(rubric.criteria.values())
    for box, text in zip(boxes[:2], ("2,5", "1.75"), strict=False):
        box.score.setFocus()
        QTest.keyClicks(box.score, text)
    if len(boxes) > 2:
        boxes[2].score.setFocus()
        QTest.keyClicks(boxes[2].score, "1,3")  # off the 0.25 grid: shown in red
    _wait(lambda: not view.session.busy)
    _settle(0.8)
    target = out / "grading-docx-vi.png"
    window.grab().save(str(target))
    print(target)
    # The end of the rubric: overall comment and the key reminder (keys from the registry).
    bar = rubric.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    _settle(0.2)
    target = out / "grading-rubric-end-vi.png"
    rubric.grab().save(str(target))
    print(target)
    bar.setValue(0)

    sheet = ShortcutSheet(window)
    sheet.resize(760, 740)
    sheet.show()
    _show_grading_rows(sheet)
    _settle(0.3)
    target = out / "grading-f1-vi.png"
    sheet.grab().save(str(target))
    print(target)
    sheet.close()

    # A flagged entry.
    view.next_entry()
    _wait(lambda: view.current != docx)
    from judge_app.store import grading

    assert view.current is not None
    grading.set_flag(view.db, view.current, "identity_revealed", "Trang 1 có họ tên và trường")
    grading.set_flag(view.db, view.current, "wrong_format", "Khổ Letter, cỡ chữ 12")
    view.session.call(grading.grading_state, view.current, on_done=view._state_saved)
    _wait(lambda: view.state is not None and bool(view.state.flags))
    _wait(lambda: view.viewer.rendered_pixmap(view.viewer.current_page) is not None, 30)
    _settle(0.8)
    target = out / "grading-flagged-vi.png"
    window.grab().save(str(target))
    print(target)
    dialog = view.flag_entry()
    if dialog is not None:
        _settle(0.3)
        target = out / "grading-flag-dialog-vi.png"
        dialog.grab().save(str(target))
        print(target)
        dialog.close()
    window.close()
    QApplication.processEvents()
    return 0


def main(argv: list[str]) -> int:
    args = list(argv)
    template_root: Path | None = None
    if "--workspace" in args:
        at = args.index("--workspace")
        template_root = Path(args[at + 1])
        del args[at : at + 2]
    out = Path(args[0]) if args else Path("/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        os.environ["JUDGE_APP_HOME"] = str(tmp / "home")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return shoot(template_root or tmp / "template", out, tmp)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

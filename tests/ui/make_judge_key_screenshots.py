"""Draw the judge's key and score-export dialogs over the main window at 1366×768, in Vietnamese.

    .venv/bin/python tests/ui/make_judge_key_screenshots.py [OUTPUT_DIR]   (default /tmp/shots)

Shots: judgekey-create, judgekey-fingerprint, judgekey-list, judgekey-backup,
judgekey-restore-refused, export-dialog, export-result, export-error. A small workspace is
built in code; JUDGE_APP_HOME is a temporary folder, so the user's keys and settings are
left alone.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (1366, 768)
PASS = "hoa sen nở sớm"


def _wait(condition: Callable[[], bool], timeout_s: float = 30.0) -> bool:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def _type(widget: object, text: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def _shot(window: object, dialog: object, target: Path) -> None:
    """The window with the dialog drawn centred over it, as the judge sees them."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget) and isinstance(dialog, QWidget)
    _wait(lambda: False, 0.3)
    dialog.adjustSize()
    _wait(lambda: False, 0.2)
    canvas = window.grab()
    over = dialog.grab()
    painter = QPainter(canvas)
    painter.fillRect(canvas.rect(), QColor(0, 0, 0, 70))
    x = (canvas.width() - over.width()) // 2
    y = max((canvas.height() - over.height()) // 2, 0)
    painter.drawPixmap(QPoint(x, y), over)
    painter.end()
    canvas.save(str(target))
    print(target)


def shoot(out: Path, tmp: Path) -> int:
    sys.path.insert(0, str(HERE.parent / "store"))
    from grading_helpers import build_workspace

    from judge_app.exchange import keys
    from judge_app.exchange.key_backup import write_key_backup
    from judge_app.store import grading
    from judge_app.store.database import open_contest_file
    from judge_app.ui.app import make_main_window
    from judge_app.ui.judge_key_dialogs import KeyBackupDialog, KeyRestoreDialog

    path = build_workspace(tmp / "GK1.sqlite", ("A01", "A02", "A03", "A04", "A05", "A06"))
    with open_contest_file(path) as db:
        rubric = grading.load_rubric(db)
        for code in ("A01", "A02", "A03", "A04"):
            for question in rubric.questions:
                grading.set_answer(db, code, question.id, question.answer)
            for criterion in rubric.criteria:
                grading.set_score(db, code, criterion.id, criterion.maximum)
            grading.submit(db, code)
    window = make_main_window(lang="vi")
    window.resize(*SIZE)
    window.show()
    window.open_contest_path(path)
    if not _wait(lambda: window.grading_view is not None and window.grading_view.data is not None):
        print("the workspace did not open", file=sys.stderr)
        return 1
    _wait(lambda: False, 0.5)

    # The walkthrough: no key on this computer yet.
    dialog = window.show_signing_key()
    _type(dialog.pass_edit, PASS)
    _type(dialog.again_edit, PASS[:6])
    _shot(window, dialog, out / "judgekey-create.png")
    _type(dialog.again_edit, PASS[6:])
    dialog.create_key()
    if not _wait(lambda: dialog.pages.currentWidget() is dialog.done_page):
        print("the key was not created", file=sys.stderr)
        return 1
    created = dialog.created_key
    assert created is not None
    _shot(window, dialog, out / "judgekey-fingerprint.png")
    dialog.close()

    # A second key: the list, with this contest's key marked.
    keys.create_key("Máy tính ở trường", keys.normalise_passphrase("mot cum khac nua"))
    listing = window.show_signing_key()
    _shot(window, listing, out / "judgekey-list.png")
    listing.close()

    backup = KeyBackupDialog(window, fingerprint=created.fingerprint)
    backup.target_edit.setText("/media/usb/sao-luu-khoa-" + created.fingerprint[:4] + ".jgk")
    backup.show()
    _type(backup.pass_edit, PASS)
    _shot(window, backup, out / "judgekey-backup.png")
    backup.close()

    saved = tmp / "sao-luu.jgk"
    write_key_backup(created.fingerprint, saved)
    restore = KeyRestoreDialog(window)
    restore.source_edit.setText(str(saved))
    restore.show()
    _type(restore.pass_edit, "hoa sen nở muộn")
    restore.run()
    _wait(lambda: restore.error.isVisible())
    _shot(window, restore, out / "judgekey-restore-refused.png")
    restore.close()

    # Export: the dialog before, with the advanced part open.
    export = window.export_score_file()
    assert export is not None
    _wait(lambda: export.facts is not None)
    export.target_edit.setText(str(tmp / "Tài liệu" / "diem-GK1-vong1-lan1.jgs"))
    export.advanced_button.setChecked(True)
    _type(export.pass_edit, PASS)
    _shot(window, export, out / "export-dialog.png")
    export.advanced_button.setChecked(False)
    export.pass_edit.clear()
    _type(export.pass_edit, "sai mat khau")
    export.run()
    _wait(lambda: export.error.isVisible())
    _shot(window, export, out / "export-error.png")
    _type(export.pass_edit, PASS)
    export.run()
    if not _wait(lambda: export.report is not None):
        print("the export failed: " + export.error.text(), file=sys.stderr)
        return 1
    _shot(window, export, out / "export-result.png")
    export.close()
    window.close()
    return 0


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JUDGE_APP_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return shoot(out, Path(tmp))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

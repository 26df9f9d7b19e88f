"""Draw the redaction tool on the demo contest at 1366×768 into screenshots/ (gitignored).

    .venv/bin/python tests/ui/make_redaction_screenshots.py [OUTPUT_DIR] [--lang vi|en]

Builds the demo contest in a throwaway folder, opens the redaction tool on a DOCX entry with a
cover page (the entrant's name and school on page 1) and on the handwritten scan, draws a box
over the name with the mouse, and saves (a) the boxes over the page, (b) the preview of the
judge's copy (the automatic redaction and the boxes burned in), (c) the scan with a box.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SIZE = (1366, 768)
TIMEOUT_S = 90.0
COVER_ENTRY = "FG4-XQ7"  # a typed DOCX whose first page is a cover with the entrant's name
SCAN_ENTRY = "BJ8-C2X"  # the handwritten scan (PDF of images)


def main(argv: list[str]) -> int:
    lang = "vi"
    if "--lang" in argv:
        lang = argv[argv.index("--lang") + 1]
        argv = [a for a in argv if a not in ("--lang", lang)]
    out = Path(argv[0]) if argv else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JUDGE_APP_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QCoreApplication, QPoint, Qt
        from PySide6.QtTest import QTest

        from judge_app.demo.build import build_demo_contest
        from judge_app.documents.service import DocumentService
        from judge_app.store.database import open_contest_file
        from judge_app.ui.app import make_main_window
        from judge_app.ui.board_redaction import RedactionWindow

        demo = build_demo_contest(Path(tmp) / "demo")
        main_window = make_main_window(lang=lang)  # fonts and translators, as the app runs
        app = QCoreApplication.instance()
        assert app is not None

        def wait(condition: Callable[[], bool]) -> None:
            deadline = time.monotonic() + TIMEOUT_S
            while not condition():
                if time.monotonic() > deadline:
                    raise TimeoutError("the redaction tool did not finish drawing")
                app.processEvents()
                time.sleep(0.01)

        service = DocumentService(lang=lang)
        with open_contest_file(demo.path) as db:
            for code, name, box in (
                (COVER_ENTRY, "cover", (0.1, 0.07, 0.9, 0.15)),
                (SCAN_ENTRY, "scan", (0.08, 0.03, 0.92, 0.13)),
            ):
                window = RedactionWindow(db, service, code, main_window, actor="demo")
                window.resize(*SIZE)
                window.show()
                wait(lambda w=window: w.canvas.pixmap is not None)
                canvas = window.canvas
                page = canvas.page_rect()
                start = QPoint(
                    int(page.left() + box[0] * page.width()),
                    int(page.top() + box[1] * page.height()),
                )
                end = QPoint(
                    int(page.left() + box[2] * page.width()),
                    int(page.top() + box[3] * page.height()),
                )
                before = len(window.all_boxes)
                QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), start)
                QTest.mouseMove(canvas, end)
                QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), end)
                wait(lambda w=window, n=before: len(w.all_boxes) > n)
                app.processEvents()
                target = out / f"redaction-{name}-{lang}.png"
                window.grab().save(str(target))
                print(target)
                if name == "cover":
                    window.preview_button.click()
                    wait(lambda w=window: w.files[0].preview is not None)
                    wait(lambda w=window: w.canvas.pixmap is not None)
                    app.processEvents()
                    target = out / f"redaction-preview-{lang}.png"
                    window.grab().save(str(target))
                    print(target)
                window.close()
                app.processEvents()
        service.shutdown()
        main_window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

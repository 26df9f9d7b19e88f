"""Draw the document viewer on demo entry files at 1280×800 into screenshots/ (gitignored).

    .venv/bin/python tests/ui/make_viewer_screenshots.py [OUTPUT_DIR] [--lang vi|en]

Shows (a) a typed DOCX at its table and picture, (b) the sideways phone photo turned upright,
(c) the placeholder page of a broken file, with the real DocumentService. Uses a throwaway
JUDGE_APP_HOME, so the user's settings are left alone.
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
SIZE = (1280, 800)
TIMEOUT_S = 60.0


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
        from PySide6.QtCore import QCoreApplication

        from judge_app.demo.generate import generate_demo_files
        from judge_app.documents.service import DocumentService
        from judge_app.ui.app import make_main_window
        from judge_app.ui.viewer import EntryViewerWindow
        from judge_app.ui.viewer_canvas import SCALE_AT_100

        entries = generate_demo_files(Path(tmp) / "demo")
        main_window = make_main_window(lang=lang)  # fonts and translators, as the app runs
        app = QCoreApplication.instance()
        assert app is not None

        def wait(condition: Callable[[], bool]) -> None:
            deadline = time.monotonic() + TIMEOUT_S
            while not condition():
                if time.monotonic() > deadline:
                    raise TimeoutError("the viewer did not finish drawing")
                app.processEvents()
                time.sleep(0.01)

        def file_of(name: str) -> Path:
            for entry in entries:
                for demo_file in entry.files:
                    if demo_file.original_name == name:
                        return demo_file.path
            raise LookupError(name)

        broken = Path(tmp) / "0031.docx"
        broken.write_bytes(b"PK\x03\x04" + os.urandom(3000))  # a zip cut short in the mail

        service = DocumentService(lang=lang)
        window = EntryViewerWindow(main_window)
        window.viewer.set_service(service)
        window.resize(*SIZE)
        window.show()
        viewer = window.viewer

        def settled() -> bool:
            pages = viewer.canvas.visible_pages()
            thumbs_done = all(
                not viewer.thumbnails.item(i).icon().isNull()
                for i in range(viewer.thumbnails.count())
            )
            return (
                viewer.current_info is not None
                and bool(pages)
                and all(viewer.rendered_pixmap(i) is not None for i in pages)
                and thumbs_done
            )

        def shoot(name: str, code: str, paths: list[Path], setup: Callable[[], None]) -> None:
            window.show_entry(code, paths)
            wait(lambda: viewer.current_info is not None)
            setup()
            wait(settled)
            for _ in range(5):
                app.processEvents()
                time.sleep(0.05)
            wait(settled)
            target = out / f"viewer-{name}-{lang}.png"
            if not window.grab().save(str(target), "PNG"):
                raise OSError(f"could not write {target}")
            print(target)

        docx = file_of("Vuong Dinh Khai - PGD.docx")  # a table at the foot of page 1, a picture

        def at_table() -> None:
            viewer.canvas.set_scale(SCALE_AT_100 * 0.85)
            hits: list[int] = []
            viewer.search_finished.connect(hits.append)
            viewer.search("Mức độ")
            wait(lambda: bool(hits))
            viewer.search_finished.disconnect(hits.append)
            # The table's heading row near the top of the view, the picture below it.
            page = viewer.canvas.page_rect(0)
            heading = viewer.canvas.hit_rect(*viewer.search_hits()[0])
            viewer.canvas.verticalScrollBar().setValue(int(heading.top() - 0.03 * page.height()))

        shoot("docx", "0007", [docx], at_table)

        photo = file_of("IMG_20190815_191044.jpg")

        def turned() -> None:
            viewer.search("")
            viewer.fit_page()
            if viewer.rotation != 90:
                viewer.rotate_clockwise()

        shoot("rotated-photo", "0012", [photo], turned)
        shoot("placeholder", "0031", [broken], viewer.fit_page)

        two_files = [f.path for e in entries for f in e.files if len(e.files) > 1][:2]
        if two_files:
            shoot("two-files", "0015", two_files, viewer.fit_width)

        window.close()
        service.shutdown()
        main_window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Draw the results window at 1366×768 and page images of the result outputs (issue #8).

    .venv/bin/python tests/ui/make_results_screenshots.py [OUTPUT_DIR] [--lang vi|en]
                                                          [--contest LOCKED.sqlite]

The locked demo contest of tests/reports/results_contest.py (a copy of `--contest` when given):
(a) the ranking with prize lines and the unsettled tie, (b) the settle-tie dialog, (c) the school
ranking, (d) the ranking after the board ordered the tie; then the export's result list, annex
and first certificate as page images. Output: OUTPUT_DIR (default /tmp/shots)/results-*.png,
cert-*.png. Uses a throwaway JUDGE_APP_HOME.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (1366, 768)
TIMEOUT_S = 120.0


def main(argv: list[str]) -> int:
    lang = "vi"
    if "--lang" in argv:
        lang = argv[argv.index("--lang") + 1]
        argv = [a for a in argv if a not in ("--lang", lang)]
    given = None
    if "--contest" in argv:
        given = Path(argv[argv.index("--contest") + 1])
        argv = [a for a in argv if a not in ("--contest", str(given))]
    out = Path(argv[0]) if argv else Path("/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JUDGE_APP_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        sys.path.insert(0, str(HERE.parent / "reports"))
        import pymupdf
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QWidget
        from results_contest import build_locked_contest

        from judge_app.store.database import open_contest_file
        from judge_app.ui.app import make_main_window
        from judge_app.ui.results_view import ResultsWindow

        if given is not None:
            contest = Path(tmp) / "contest.sqlite"
            shutil.copy(given, contest)
        else:
            contest = build_locked_contest(Path(tmp) / "results")
        main_window = make_main_window(lang=lang)
        app = QCoreApplication.instance()
        assert app is not None

        def wait(condition: Callable[[], bool]) -> None:
            deadline = time.monotonic() + TIMEOUT_S
            while not condition():
                if time.monotonic() > deadline:
                    raise TimeoutError("a window did not finish its work")
                app.processEvents()
                time.sleep(0.01)

        def shoot(widget: QWidget, name: str, size: tuple[int, int] | None = SIZE) -> None:
            if size is not None:
                widget.resize(*size)
            widget.show()
            for _ in range(5):
                app.processEvents()
            widget.grab().save(str(out / name))
            print(out / name)

        with open_contest_file(contest) as db:
            window = ResultsWindow(db, main_window)
            window.reload()
            wait(lambda: window.book is not None)
            tie = window.book.results.unsettled[0]  # type: ignore[union-attr]
            window.select_code(tie.codes[0])
            shoot(window, "results-ranking.png")
            dialog = window.open_settle_dialog()
            assert dialog is not None
            dialog.reason.setText("Bốc thăm công khai trước Ban giám khảo")
            shoot(dialog, "results-settle-tie.png", None)
            dialog.run()
            wait(lambda: window.book is not None and not window.book.results.unsettled)
            window.tabs.setCurrentIndex(2)
            shoot(window, "results-schools.png")
            window.tabs.setCurrentIndex(0)
            window.prizes_only.setChecked(True)
            shoot(window, "results-ranking-settled.png")
            export = Path(tmp) / "ket-qua"
            window.export_to(export)
            wait(lambda: window.export_report is not None)
            shoot(window, "results-exported.png")
            for name, stem in (
                ("ket-qua-cuoc-thi.pdf", "results-list"),
                ("danh-sach-dat-giai.pdf", "results-annex"),
                ("giay-chung-nhan.pdf", "cert"),
            ):
                with pymupdf.open(export / name) as document:
                    for number, page in enumerate(document, start=1):
                        if stem == "cert" and number > 2:
                            break
                        target = out / f"{stem}-{number}.png"
                        page.get_pixmap(dpi=110).save(str(target))
                        print(target)
            window.close()
        main_window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Draw the head judge's merge windows at 1366×768 (issue #7).

    .venv/bin/python tests/ui/make_merge_screenshots.py [OUTPUT_DIR] [--lang vi|en]

The demo contest graded by three judges (tests/ui/merge_data.py): (a) the judges' keys with two
registered and the register dialog of a third, (b) the merge report with a refused file,
(c) the scores view filtered on "to discuss" with an entry's criteria, (d) the decision dialog.
Output: OUTPUT_DIR (default /tmp/shots)/merge-*.png. Uses a throwaway JUDGE_APP_HOME.
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
TIMEOUT_S = 90.0


def main(argv: list[str]) -> int:
    lang = "vi"
    if "--lang" in argv:
        lang = argv[argv.index("--lang") + 1]
        argv = [a for a in argv if a not in ("--lang", lang)]
    out = Path(argv[0]) if argv else Path("/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JUDGE_APP_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        sys.path.insert(0, str(HERE))
        from merge_data import build_merge_data, register_keys, tampered
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QWidget

        from judge_app.store.database import open_contest_file
        from judge_app.ui.app import make_main_window
        from judge_app.ui.board_keys import KeyFileDialog, KeysDialog
        from judge_app.ui.board_merge import MergeDialog
        from judge_app.ui.merge_view import KIND_DISCUSSED, ScoresWindow

        data = build_merge_data(Path(tmp) / "merge")
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
            for _ in range(10):
                app.processEvents()
                time.sleep(0.02)
            target = out / f"merge-{name}-{lang}.png"
            if not widget.grab().save(str(target), "PNG"):
                raise OSError(f"could not write {target}")
            print(target)

        register_keys(data, ("GK1", "GK2"))
        db = open_contest_file(data.board)

        # (a) the judges' keys, and registering GK3's after it was read aloud
        keys_dialog = KeysDialog(db, main_window)
        keys_dialog.show()
        wait(lambda: bool(keys_dialog.rows))
        keys_dialog.select_judge("GK3")
        shoot(keys_dialog, "keys")
        row = next(r for r in keys_dialog.rows if r.code == "GK3")
        keys_dialog.open_key_file(row, data.public_keys["GK3"])
        wait(lambda: isinstance(keys_dialog.key_dialog, KeyFileDialog))
        key_dialog = keys_dialog.key_dialog
        assert key_dialog is not None
        key_dialog.heard.setText(data.fingerprints["GK3"].lower())
        shoot(key_dialog, "key-register", None)
        key_dialog.confirmed.setChecked(True)
        key_dialog.run()
        wait(lambda: not key_dialog.isVisible())
        keys_dialog.reject()

        # (b) the merge report: three files merged, one edited by hand refused
        bad = tampered(data.score_files["GK3"], Path(tmp) / "diem-GK3-da-sua.jgs")
        merging = MergeDialog(db, main_window)
        merging.show()
        merging.add_paths(
            [data.score_files["GK1"], data.score_files["GK2"], bad, data.score_files["GK3"]]
        )
        report = merging.run()
        assert report is not None
        wait(lambda: not report.running)
        wait(lambda: merging.close_button.isEnabled())
        shoot(merging, "report")
        merging.reject()

        # (c) the scores view on "to discuss", an entry's criteria and gaps
        scores = ScoresWindow(db, main_window)
        scores.reload()
        wait(lambda: scores.data is not None)
        scores.set_queue("discuss")
        shown: list[str] = []
        scores.detail_shown.connect(shown.append)
        scores.table.selectRow(1)
        wait(lambda: bool(shown))
        shoot(scores, "view-discuss")

        # (d) the discussion's outcome
        decision = scores.open_decision(KIND_DISCUSSED)
        assert decision is not None
        decision.score.setText("6,75")
        decision.reason.setPlainText(
            "Hai giám khảo đã đọc lại phần ví dụ minh hoạ và thống nhất 6,75 điểm."
        )
        shoot(decision, "decision", None)
        decision.reject()
        scores.close()
        db.close()
        main_window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

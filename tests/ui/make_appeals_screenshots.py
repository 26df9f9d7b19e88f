"""Draw the appeals and shortlist windows at 1366×768 (issue #8).

    .venv/bin/python tests/ui/make_appeals_screenshots.py [OUTPUT_DIR] [--lang vi|en]

On a demo contest (built in a throwaway folder): (a) the appeals window with one appeal ready to
settle (a +0.75 change) and one just recorded, (b) the record dialog, (c) the settle dialog that
requires the dialogue record; then on a fresh demo with a screening round, (d) the shortlist cut
top 2 per category with the tie at the boundary, (e) the export and import dialogs.
Output: OUTPUT_DIR (default /tmp/shots)/appeals-*.png, shortlist-*.png.
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
TIMEOUT_S = 120.0


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
        sys.path.insert(0, str(HERE.parent / "store"))
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QWidget
        from sqlalchemy import select
        from test_appeals import _appeal_graded, _locked_demo
        from test_shortlist import _screened

        from judge_app.demo.build import build_demo_contest
        from judge_app.store.appeals import assign_appeals, request_appeal
        from judge_app.store.database import open_contest_file
        from judge_app.store.models import Judge
        from judge_app.ui.app import make_main_window
        from judge_app.ui.board_appeals import AppealsWindow
        from judge_app.ui.board_shortlist import ShortlistWindow

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

        appeals_path = build_demo_contest(Path(tmp) / "appeals", packages=False).path
        with open_contest_file(appeals_path) as db:
            with db.session() as session, session.begin():
                contest_id = session.scalars(select(Judge.contest_id)).first()
                for n in (4, 5, 6):
                    session.add(Judge(contest_id=contest_id, code=f"GK{n}", name=f"GK {n}"))
            codes = _locked_demo(db)
            request_appeal(
                db, codes[0], reason="Thí sinh đề nghị chấm lại phần tự luận", actor="TB"
            )
            assign_appeals(db, seed=7, actor="TB")
            _appeal_graded(db, codes[0], "8.75", "8.75")
            request_appeal(db, codes[3], reason="Phụ huynh đề nghị phúc khảo", actor="TB")
            window = AppealsWindow(db, main_window)
            window.reload()
            wait(lambda: window.data is not None and not window.busy)
            window.select_code(codes[0])
            shoot(window, "appeals-window.png")
            record = window.open_request_dialog()
            assert record is not None
            record.code.setEditText(codes[5])
            record.reason.setPlainText("Thí sinh cho rằng phần trắc nghiệm bị chấm thiếu")
            shoot(record, "appeals-record.png", None)
            record.close()
            settle = window.open_settle_dialog()
            assert settle is not None
            shoot(settle, "appeals-settle.png", None)
            settle.dialogue.setPlainText(
                "Biên bản đối thoại ngày 05/9/2019: thí sinh và hai giám khảo phúc khảo "
                "thống nhất điểm 8,75."
            )
            shoot(settle, "appeals-settle-filled.png", None)
            settle.close()
            window.close()

        shortlist_root = Path(tmp) / "shortlist"
        shortlist_path = build_demo_contest(shortlist_root, packages=False).path
        with open_contest_file(shortlist_path) as db:
            _screened(db)
            sl = ShortlistWindow(db, main_window)
            sl.reload()
            wait(lambda: sl.data is not None and not sl.busy)
            shoot(sl, "shortlist-empty.png")
            sl.rule.top_spin.setValue(2)
            sl.rule.per_category.setChecked(True)
            sl.cut()
            wait(lambda: sl.data is not None and sl.data.shortlist is not None and not sl.busy)
            shoot(sl, "shortlist-cut.png")
            export = sl.open_export_dialog()
            shoot(export, "shortlist-export.png", None)
            export.close()
            imp = sl.open_import_dialog()
            imp.package.setText(str(Path(tmp) / "chung-khao.zip"))
            shoot(imp, "shortlist-import.png", None)
            imp.close()
            sl.close()
        main_window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

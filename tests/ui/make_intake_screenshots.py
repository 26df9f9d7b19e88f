"""Draw the board's intake windows at 1366×768 into screenshots/ (gitignored).

    .venv/bin/python tests/ui/make_intake_screenshots.py [OUTPUT_DIR] [--lang vi|en]

A school's zip (an essay naming its author without diacritics, a namesake, a stray file, a
photo) and its participant list (header on row 3 under a merged title) are received into a
small contest; then (a) the intake report, (b) the column-mapping dialog of the list, (c) the
link review of the namesake and the stray, (d) the identity-leak view after a real scan.
Uses a throwaway JUDGE_APP_HOME, so the user's settings are left alone.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SIZE = (1366, 768)
TIMEOUT_S = 90.0
UNIT = "THCS-KD"


def _pdf(text: str) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 72), text, fontsize=14)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def _png() -> bytes:
    import pymupdf

    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 300, 400), False)
    pixmap.set_rect(pixmap.irect, (235, 235, 225))
    data: bytes = pixmap.tobytes("png")
    return data


def school_zip(folder: Path) -> Path:
    archive = folder / "bai-du-thi-THCS-Khuong-Dinh.zip"
    files = {
        "Bài dự thi - Nguyễn Thị Hằng.pdf": _pdf(
            "Bai du thi cua em NGUYEN THI HANG, lop 8A3. Dien thoai 0912 345 678."
        ),
        "Tran Van Minh - bai thi.pdf": _pdf("Dich vu cong truc tuyen giup nguoi dan."),
        "Bài dự thi - Đỗ Minh Anh.pdf": _pdf("Bai viet ve cong dich vu truc tuyen."),
        "bai lam cuoi cung (1).pdf": _pdf("Bai lam khong ghi ten."),
        "Lê Thu Trang/IMG_20190815_191044.png": _png(),
    }
    with zipfile.ZipFile(archive, "w") as out:
        for name, data in files.items():
            out.writestr(name, data)
    return archive


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
        os.environ["TZ"] = "Asia/Ho_Chi_Minh"  # the board's computer: times typed are local
        time.tzset()
        sys.path.insert(0, str(HERE))
        from contest_data import make_contest_file
        from intake_lists import school_xlsx
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QWidget
        from sqlalchemy import select

        from judge_app.store.database import open_contest_file
        from judge_app.store.models import Contest, Unit, UnitGroup
        from judge_app.ui.app import make_main_window
        from judge_app.ui.board_leaks import LeakDialog
        from judge_app.ui.board_receive import ReceiveDialog

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

        def shoot(widget: QWidget, name: str) -> None:
            widget.resize(*SIZE)
            widget.show()
            for _ in range(10):
                app.processEvents()
                time.sleep(0.02)
            target = out / f"intake-{name}-{lang}.png"
            if not widget.grab().save(str(target), "PNG"):
                raise OSError(f"could not write {target}")
            print(target)

        folder = Path(tmp) / "cuoc-thi"
        folder.mkdir()
        contest = make_contest_file(folder / "cuoc-thi-2019.sqlite", entries=0)
        db = open_contest_file(contest)
        with db.session() as session, session.begin():
            record = session.scalars(select(Contest)).one()
            record.reference_date = dt.date(2019, 8, 20)
            group = UnitGroup(
                contest_id=record.id,
                code="truong",
                name="Các trường",
                deadline=dt.datetime(2019, 8, 20, 17, 0),
            )
            session.add(group)
            session.flush()
            for unit in session.scalars(select(Unit)):
                unit.group_id = group.id
        people = school_xlsx(Path(tmp) / "Danh sach hoc sinh du thi - THCS Khuong Dinh.xlsx")

        # (a) the intake report
        receiving = ReceiveDialog(db, main_window, open_entry=lambda _code: None)
        receiving.show()
        wait(lambda: receiving.unit_combo.count() > 0)
        receiving.unit_combo.setCurrentIndex(receiving.unit_combo.findData(UNIT))
        receiving.add_sources([school_zip(Path(tmp))])
        receiving.list_edit.setText(str(people))
        receiving.time_edit.setDateTime(dt.datetime(2019, 8, 20, 16, 45))
        done: list[object] = []
        receiving.received.connect(done.append)
        receiving.run()
        wait(lambda: bool(done))
        shoot(receiving, "report")

        # (b) the column-mapping dialog of the school's list
        columns = receiving.check_list()
        assert columns is not None
        wait(lambda: columns.table is not None)
        shoot(columns, "columns")
        columns.reject()

        # (c) the link review: the namesake, its two candidates first
        linking = receiving.review_unmatched()
        assert linking is not None
        namesake = next(i for i, p in enumerate(linking.pending) if p.link == "ambiguous")
        linking.entries.selectRow(namesake)
        wait(lambda: linking.people_table.rowCount() > 0)
        shoot(linking, "link")
        linking.reject()
        receiving.reject()

        # (d) the identity-leak view after a real scan
        leaks = LeakDialog(db, main_window, open_entry=lambda _code: None)
        leaks.show()
        scanned: list[object] = []
        leaks.scanned.connect(scanned.append)
        leaks.scan()
        wait(lambda: bool(scanned))
        shoot(leaks, "leaks")
        leaks.reject()
        db.close()
        main_window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

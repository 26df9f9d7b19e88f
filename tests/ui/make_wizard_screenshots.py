"""Draw every page of the contest set-up wizard at 1366×768 (Vietnamese by default).

    .venv/bin/python tests/ui/make_wizard_screenshots.py [OUTPUT_DIR] [vi|en]

The wizard is filled from resources/contest-sample.json (as "start from a template" does) and
each page is grabbed after it has been shown, so what a laptop user sees is what is saved:
clipped labels, cut columns and missing diacritics show up here. Uses a throwaway
JUDGE_APP_HOME; the head judge's key is made there with a test passphrase.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("/tmp/shots")
    lang = argv[1] if len(argv) > 1 else "vi"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JUDGE_APP_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QRect
        from PySide6.QtWidgets import QApplication

        from judge_app.ui.i18n import Translations
        from judge_app.ui.setup_wizard import SetupWizard

        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        screen = app.primaryScreen()
        if screen is not None and screen.availableGeometry() != QRect(0, 0, 1366, 768):
            pass  # offscreen: the wizard sizes itself for 1366×768 below
        Translations(app).set_language(lang)
        wizard = SetupWizard(start_folder=Path(tmp))
        wizard.resize(1366 - 40, 768 - 60)
        wizard.load_template(ROOT / "resources" / "contest-sample.json")
        wizard.contest_page.file_edit.setText(str(Path(tmp) / "cuoc-thi-2019.sqlite"))
        wizard.show()
        names = [
            "contest",
            "groups",
            "categories",
            "units",
            "rubric",
            "rules",
            "prizes",
            "judges",
            "key",
            "summary",
        ]
        for number, name in enumerate(names):
            app.processEvents()
            if name == "key":
                page = wizard.key_page
                page.passphrase.setText("mật khẩu thử 2019")
                page.passphrase_again.setText("mật khẩu thử 2019")
                page.create_key()
                while page.created is None:
                    app.processEvents()
            if name == "units":
                wizard.units_page.table.select_row(0)
            app.processEvents()
            target = out / f"wizard-{number + 1:02d}-{name}-{lang}.png"
            wizard.grab().save(str(target))
            print(target, wizard.currentPage().error_text or "")
            if name == "rubric":
                table = wizard.rubric_page.questions
                good = table.table.item(1, table.column_of("answer"))
                assert good is not None
                good.setText("E")  # a wrong answer key, to see how the page says so
                wizard.next()
                app.processEvents()
                wrong = out / f"wizard-{number + 1:02d}-{name}-error-{lang}.png"
                wizard.grab().save(str(wrong))
                print(wrong)
                good.setText("D")
                wizard.rubric_page.tabs.setCurrentIndex(1)
                app.processEvents()
                written = out / f"wizard-{number + 1:02d}-{name}-written-{lang}.png"
                wizard.grab().save(str(written))
                print(written)
            if number < len(names) - 1:
                wizard.next()
                if wizard.currentId() != number + 1:
                    print("stuck on", name, wizard.currentPage().error_text)
                    return 1
        wizard.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

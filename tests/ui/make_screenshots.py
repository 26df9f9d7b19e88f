"""Draw the main window in Vietnamese and English at 1280×800 into screenshots/ (gitignored).

    .venv/bin/python tests/ui/make_screenshots.py [OUTPUT_DIR]

For looking at the UI without a display: diacritics, clipping, layout. Uses a throwaway
JUDGE_APP_HOME, so the user's settings and recent files are left alone.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JUDGE_APP_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        sys.path.insert(0, str(HERE))
        from contest_data import make_contest_file

        from judge_app.ui.app import run_gui

        contest = make_contest_file(Path(tmp) / "cuoc-thi-mau.sqlite", entries=24)
        for lang in ("vi", "en"):
            for name, path in (("contest", contest), ("welcome", None)):
                target = out / f"main-{name}-{lang}.png"
                if run_gui(path, lang, screenshot=target) != 0:
                    return 1
                print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

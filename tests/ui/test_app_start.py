"""Start-up: cheap import, window within budget, screenshot mode for headless runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from contest_data import make_contest_file
from PySide6.QtGui import QImage

from judge_app.ui.app import SCREENSHOT_SIZE, run_gui


def run_python(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, JUDGE_APP_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )


def test_importing_the_gui_loads_nothing_heavy(tmp_path: Path) -> None:
    result = run_python(
        "import sys, judge_app.ui.app\n"
        "heavy = ('sqlalchemy', 'pymupdf', 'fitz', 'docx', 'openpyxl', 'alembic', 'numpy')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_first_window_time_is_logged(tmp_path: Path) -> None:
    """Start-up time goes to the log (benchmarks/bench_startup.py measures the budget)."""
    shot = tmp_path / "start.png"
    result = run_python(
        "from pathlib import Path\n"
        "from judge_app.ui.app import run_gui\n"
        f"raise SystemExit(run_gui(None, 'vi', screenshot=Path({str(shot)!r})))",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "logs" / "judge-app.log").read_text(encoding="utf-8")
    found = re.search(r"first window shown (\d+) ms", log)
    assert found, log
    assert "Traceback" not in result.stderr


def test_screenshot_mode_draws_the_contest(tmp_path: Path) -> None:
    contest = make_contest_file(tmp_path / "c.sqlite")
    shot = tmp_path / "shots" / "main.png"
    assert run_gui(contest, "en", screenshot=shot) == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE


def test_screenshot_mode_reports_a_file_that_would_not_open(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    shot = tmp_path / "bad.png"
    assert run_gui(bad, "vi", screenshot=shot) == 2
    assert shot.is_file()

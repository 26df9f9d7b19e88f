"""GUI cold start: a new process until the first window is shown (budget 1.5 s, offscreen).

Measured on the demo contest, from just before the process is spawned, so interpreter start,
imports, QApplication, translations and fonts all count. Beside it, in the same run: a bare
PySide6 window (the floor Qt itself sets) and the time until the contest's entries are listed.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
BUDGET_S = 1.5

APP_PROBE = """
import sys, time
t0 = float(sys.argv[1])
from pathlib import Path
from PySide6.QtCore import QTimer
from judge_app.ui.app import ensure_application, make_main_window
app = ensure_application()
window = make_main_window(Path(sys.argv[2]), "vi")
marks = {}
def shown():
    marks["shown"] = time.time() - t0
def loaded(*_):
    marks["loaded"] = time.time() - t0
    app.quit()
window.contest_loaded.connect(loaded)
window.show()
QTimer.singleShot(0, shown)
QTimer.singleShot(20000, app.quit)
app.exec()
print(marks.get("shown", -1), marks.get("loaded", -1))
"""

BARE_PROBE = """
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.show()
marks = {}
def shown():
    marks["shown"] = time.time() - t0
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
print(marks["shown"], -1)
"""


def run(probe: str, *args: str, env: dict[str, str]) -> tuple[float, float]:
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", probe, repr(t0), *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=60,
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JUDGE_APP_HOME=str(Path(tmp) / "h"))
        demo = Path(tmp) / "demo"
        subprocess.run(
            [sys.executable, "-m", "judge_app.cli", "demo", str(demo), "--no-gui"],
            check=True,
            env=env,
            capture_output=True,
        )
        db = str(demo / "contest.sqlite")
        run(APP_PROBE, db, env=env)  # warm the OS file cache once, as a second start would
        bare = [run(BARE_PROBE, env=env)[0] for _ in range(RUNS)]
        app = [run(APP_PROBE, db, env=env) for _ in range(RUNS)]
    shown = statistics.median(a for a, _ in app)
    loaded = statistics.median(b for _, b in app)
    bare_s = statistics.median(bare)
    print(f"bare PySide6 window (reference):    {bare_s * 1000:7.0f} ms")
    worst = max(a for a, _ in app)
    print(f"judge-app first window shown (demo): {shown * 1000:7.0f} ms  (max {worst * 1000:.0f})")
    print(f"judge-app demo entries listed:      {loaded * 1000:7.0f} ms")
    ok = shown <= BUDGET_S
    print(f"budget: first window <= {BUDGET_S:.1f} s: {'met' if ok else 'MISSED'}")
    print(
        json.dumps(
            {
                "first_window_ms": round(shown * 1000),
                "entries_listed_ms": round(loaded * 1000),
                "bare_qt_ms": round(bare_s * 1000),
            }
        )
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""`import judge_app.core` must stay under 100 ms and load no Qt: every command pays it.

Each figure is the median of fresh interpreters; `import json` is the reference measured in the
same run, so a slow machine shows up in both numbers.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

RUNS = 9
BUDGET_MS = 100.0

PROBE = """
import sys, time
t = time.perf_counter()
import {module}
ms = (time.perf_counter() - t) * 1000
qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))
print(ms, len(qt))
"""


def measure(module: str) -> tuple[float, int]:
    times, qt = [], 0
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", PROBE.format(module=module)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        times.append(float(out[0]))
        qt = max(qt, int(out[1]))
    return statistics.median(times), qt


def main() -> int:
    results = {}
    for module in (
        "json",
        "judge_app.core",
        "judge_app.core.scores, judge_app.core.messages",
        "judge_app.store.models",
        "judge_app.cli",
    ):
        ms, qt = measure(module)
        results[module] = ms
        print(f"import {module:50s} {ms:7.1f} ms  Qt modules loaded: {qt}")
    core_ms = results["judge_app.core.scores, judge_app.core.messages"]
    ok = core_ms <= BUDGET_MS
    print(
        f"budget: import judge_app.core (+scores, messages) <= {BUDGET_MS:.0f} ms: "
        f"{'met' if ok else 'MISSED'} ({core_ms:.1f} ms)"
    )
    print(json.dumps({"core_import_ms": round(core_ms, 1)}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Run every benchmark in this folder, one process each, and say which budgets were missed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    missed = []
    # Every script here but this one; docx_fidelity needs LibreOffice and says so when absent.
    for script in sorted(p for p in HERE.glob("*.py") if p.name != Path(__file__).name):
        print(f"== {script.name}", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            missed.append(script.name)
    print("all budgets met" if not missed else f"budgets missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

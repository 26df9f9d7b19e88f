"""Run every benchmark in this folder, one process each, and say which budgets were missed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Scripts whose default is too big for a routine run: their small mode here, the full one by hand.
ARGUMENTS = {"intake.py": ["--quick", "--quiet", "--strict"]}


def main() -> int:
    missed = []
    # Every script here but this one; docx_fidelity needs LibreOffice and says so when absent.
    for script in sorted(p for p in HERE.glob("*.py") if p.name != Path(__file__).name):
        print(f"== {script.name}", flush=True)
        command = [sys.executable, str(script), *ARGUMENTS.get(script.name, [])]
        if subprocess.run(command, check=False).returncode != 0:
            missed.append(script.name)
    print("all budgets met" if not missed else f"budgets missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

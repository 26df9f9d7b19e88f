"""Entry point of the frozen build: both executables (`judge-app`, `judge-app-gui`) run this.

`multiprocessing.freeze_support()` comes first: the document reader is a "spawn" child, which a
frozen build starts as this same executable with `--multiprocessing-fork`; that call runs the
child and exits before anything else is imported. The windowed `judge-app-gui` opens the main
window when started without a command (double-click, desktop entry), or with one contest file
(a file dropped on it or opened through a file association).
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path


def gui_arguments(executable: str, argv: list[str]) -> list[str]:
    """The command line the CLI sees: `gui [FILE]` for the windowed executable's plain starts."""
    if not Path(executable).stem.lower().endswith("-gui"):
        return argv
    if not argv:
        return ["gui"]
    if len(argv) == 1 and not argv[0].startswith("-") and Path(argv[0]).is_file():
        return ["gui", argv[0]]
    return argv


def main() -> int:
    multiprocessing.freeze_support()
    from judge_app.cli import main as cli_main

    return cli_main(gui_arguments(sys.executable, sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())

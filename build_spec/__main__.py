"""Build the one-folder app: `python -m build_spec [--smoke] [--clean]` from the repository.

Runs PyInstaller on `build_spec/judge_app.spec` (output `dist/judge-app/`, work files in
`build/pyinstaller/`), then prints the build time, the folder's size and its biggest parts.
With `--smoke` it runs `build_spec/smoke.py` on the result. The same command works on Windows
and macOS (with that system's Python and `pip install -e .[build]`); there, run it from a
shell in the repository with the venv's python. Signing on Windows is a hook: set
`JUDGE_APP_SIGN_COMMAND` to a command containing `{file}` (e.g.
`signtool sign /a /fd SHA256 /tr http://timestamp.example /td SHA256 {file}`) and it runs once
per executable after the build; macOS signing goes through PyInstaller itself
(`JUDGE_APP_CODESIGN_IDENTITY`, `JUDGE_APP_ENTITLEMENTS`, read by the spec).
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

from build_spec import layout

SPEC = layout.REPO / "build_spec" / "judge_app.spec"
WORK = layout.REPO / "build" / "pyinstaller"
DIST = layout.DIST_DIR.parent


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def biggest_parts(root: Path, count: int = 12) -> list[tuple[int, str]]:
    """Sizes of the top-level items of `_internal/` (and of PySide6's and Qt's folders inside),
    biggest first: where the megabytes go."""
    internal = root / "_internal"
    items: list[Path] = []
    for folder in (internal, internal / "PySide6", internal / "PySide6" / "Qt"):
        if folder.is_dir():
            items.extend(p for p in folder.iterdir() if p.name not in ("PySide6", "Qt"))
    sized = [
        (folder_size(p) if p.is_dir() else p.lstat().st_size, str(p.relative_to(root)))
        for p in items
        if not p.is_symlink()
    ]
    return sorted(sized, reverse=True)[:count]


def executables(root: Path) -> list[Path]:
    return [root / name for name in layout.executable_names()]


def sign(root: Path) -> None:
    """Run the signing hook on each executable (Windows signtool, or any signer)."""
    command = os.environ.get("JUDGE_APP_SIGN_COMMAND")
    if not command:
        return
    for exe in executables(root):
        argv = [part.replace("{file}", str(exe)) for part in shlex.split(command, posix=True)]
        print(f"signing {exe.name}: {' '.join(argv)}", flush=True)
        subprocess.run(argv, check=True)


def build(clean: bool) -> float:
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC),
    ]  # fmt: skip
    if clean:
        command.insert(3, "--clean")
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=layout.REPO)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_spec", description=__doc__)
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    parser.add_argument("--smoke", action="store_true", help="run the smoke test afterwards")
    args = parser.parse_args(argv)
    seconds = build(args.clean)
    sign(layout.DIST_DIR)
    size = folder_size(layout.DIST_DIR)
    print(f"built {layout.DIST_DIR} in {seconds:.0f} s: {size / 1e6:.0f} MB")
    for part_size, name in biggest_parts(layout.DIST_DIR):
        print(f"  {part_size / 1e6:7.1f} MB  {name}")
    if args.smoke:
        from build_spec import smoke

        return smoke.main([str(layout.DIST_DIR)])
    return 0


if __name__ == "__main__":
    sys.exit(main())

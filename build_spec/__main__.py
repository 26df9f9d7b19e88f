"""Build the one-folder app: `python -m build_spec [--smoke] [--archive] [--clean]`.

Runs PyInstaller on `build_spec/judge_app.spec` (output `dist/judge-app/`, work files in
`build/pyinstaller/`), then prints the build time, the folder's size and its biggest parts.
With `--smoke` it runs `build_spec/smoke.py` on the result; with `--archive` it packs the folder
for judges (`dist/judge-app-<version>-<system>-<machine>.zip` on Windows, `.tar.gz` elsewhere).
The same command is meant for Windows and macOS (that system's Python 3.11+, `pip install -e
.[build]`, run from the repository with the venv's python; not tried there). Signing on Windows
is a hook: set `JUDGE_APP_SIGN_COMMAND` to a command containing `{file}` (e.g.
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


def archive(root: Path) -> Path:
    """The file handed to judges: a .zip on Windows; a .tar.gz elsewhere, because the folder
    holds symbolic links (libraries linked from _internal/) that zip would copy in full."""
    import platform
    import shutil
    from importlib.metadata import version

    system = {"win32": "windows", "darwin": "macos"}.get(layout.platform_key(), "linux")
    base = root.parent / f"{layout.APP_NAME}-{version('judge-app')}-{system}-{platform.machine()}"
    fmt = "zip" if system == "windows" else "gztar"
    return Path(shutil.make_archive(str(base), fmt, root_dir=root.parent, base_dir=root.name))


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
    parser.add_argument("--archive", action="store_true", help="pack the folder for judges")
    args = parser.parse_args(argv)
    seconds = build(args.clean)
    sign(layout.DIST_DIR)
    size = folder_size(layout.DIST_DIR)
    print(f"built {layout.DIST_DIR} in {seconds:.0f} s: {size / 1e6:.0f} MB")
    for part_size, name in biggest_parts(layout.DIST_DIR):
        print(f"  {part_size / 1e6:7.1f} MB  {name}")
    code = 0
    if args.smoke:
        from build_spec import smoke

        code = smoke.main([str(layout.DIST_DIR)])
    if args.archive and code == 0:
        packed = archive(layout.DIST_DIR)
        print(f"packed {packed} ({packed.stat().st_size / 1e6:.0f} MB)")
    return code


if __name__ == "__main__":
    sys.exit(main())

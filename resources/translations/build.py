"""Rebuild the compiled translations (.qm) from their sources (.ts).

    .venv/bin/python resources/translations/build.py            # compile every .ts to .qm
    .venv/bin/python resources/translations/build.py --update   # first re-extract the app's
                                                                # strings (lupdate), then compile
    .venv/bin/python resources/translations/build.py --check    # exit 1 if a .qm is stale
    .venv/bin/python resources/translations/build.py --update --apply vi.json
                              # and fill translations from {"Context": {"source": "bản dịch"}}

`judge_app_vi.ts` is extracted from judge_app/ui/*.py by pyside6-lupdate (translations already
made are kept; new strings arrive "unfinished" and must be translated before release; the
tests fail until they are). `qt_vi.ts` is written by hand: Qt's own strings, which Qt ships no
Vietnamese for. The .qm files are committed so an installed app needs no Qt tools.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
UI_SOURCES = ROOT / "judge_app" / "ui"
APP_TS = HERE / "judge_app_vi.ts"
LUPDATE_OPTIONS = ("-no-obsolete", "-locations", "relative", "-target-language", "vi")


def tool(name: str) -> str:
    """A PySide6 tool from the running interpreter's environment, else from PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .[dev])")
    return found


def ui_sources() -> list[Path]:
    return sorted(UI_SOURCES.glob("*.py"))


def sources() -> list[Path]:
    return sorted(HERE.glob("*.ts"))


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


def extract(ts: Path) -> None:
    """Run lupdate over the UI sources into `ts` (merging with what it holds)."""
    subprocess.run(
        [tool("pyside6-lupdate"), *map(str, ui_sources()), "-ts", str(ts), *LUPDATE_OPTIONS],
        check=True,
        capture_output=True,
    )


def apply_translations(ts: Path, table: dict[str, dict[str, str]]) -> int:
    """Fill `ts` from a {context: {source: translation}} table; returns how many were set.

    For work on several windows at once: each writes its own table, and one locked run of
    `--update --apply` merges it, instead of several people editing one .ts by hand.
    """
    from xml.etree import ElementTree

    tree = ElementTree.parse(ts)
    done = 0
    for context in tree.getroot().iter("context"):
        wanted = table.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            text = wanted.get(message.findtext("source") or "")
            translation = message.find("translation")
            if text is None or translation is None:
                continue
            translation.text = text
            translation.attrib.pop("type", None)
            done += 1
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(header + body + "\n", encoding="utf-8")
    return done


def stale() -> list[Path]:
    """The .qm files that differ from what lrelease makes of their .ts now."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in sources():
            fresh = Path(tmp) / f"{ts.stem}.qm"
            compile_ts(ts, fresh)
            shipped = ts.with_suffix(".qm")
            if not shipped.is_file() or shipped.read_bytes() != fresh.read_bytes():
                found.append(shipped)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="re-extract strings first")
    parser.add_argument("--check", action="store_true", help="only report stale .qm files")
    parser.add_argument("--apply", type=Path, action="append", default=[], help="JSON table")
    args = parser.parse_args(argv)
    if args.check:
        bad = stale()
        for qm in bad:
            print(f"stale: {qm.relative_to(ROOT)}")
        return 1 if bad else 0
    if args.update:
        extract(APP_TS)
    for table in args.apply:
        loaded = json.loads(table.read_text(encoding="utf-8"))
        print(f"{apply_translations(APP_TS, loaded)} translations from {table}")
    if args.apply:
        extract(APP_TS)  # lupdate writes the file back in its own layout
    for ts in sources():
        compile_ts(ts, ts.with_suffix(".qm"))
        print(f"built {ts.with_suffix('.qm').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

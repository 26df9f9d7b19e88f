"""The layering the whole design rests on: only judge_app/ui/ may touch Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "judge_app"
QT_ROOTS = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def _imports(tree: ast.AST, package: str = "") -> list[tuple[str, int, bool]]:
    """(module, line, at module level) for every import in a module of `package`.

    Relative imports are resolved (`from ..ui import app` in judge_app.store is
    judge_app.ui), so they cannot slip past the check.
    """
    top_level = {id(node) for node in getattr(tree, "body", [])}
    found: list[tuple[str, int, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno, id(node) in top_level) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
                names = [f"{base}.{a.name}" for a in node.names] if not node.module else [base]
            else:
                names = [base]
            found += [(name, node.lineno, id(node) in top_level) for name in names]
    return found


def _package_of(path: Path) -> str:
    """The package a module's relative imports start from: its own folder's package."""
    return ".".join(path.parent.relative_to(PACKAGE.parent).parts)


def test_only_ui_imports_qt() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for module, line, top in _imports(tree, _package_of(path)):
            root = module.split(".")[0]
            if root in QT_ROOTS:
                offenders.append(f"{rel}:{line} imports {module}")
            # cli.py may open windows, but only from inside the commands that do so.
            if module.startswith("judge_app.ui") and (rel.as_posix() != "cli.py" or top):
                offenders.append(f"{rel}:{line} imports {module}")
    assert offenders == []


def test_import_check_catches_a_qt_import() -> None:
    """The check above must be able to fail: feed it a module that imports Qt in a function."""
    tree = ast.parse("def f():\n    from PySide6.QtCore import QObject\n")
    assert [m for m, _, _ in _imports(tree)] == ["PySide6.QtCore"]


def test_import_check_resolves_relative_imports() -> None:
    tree = ast.parse("from ..ui import app\nfrom .. import ui\nfrom .audit import record\n")
    found = [m for m, _, _ in _imports(tree, "judge_app.store")]
    assert found == ["judge_app.ui", "judge_app.ui", "judge_app.store.audit"]
    assert _package_of(PACKAGE / "store" / "audit.py") == "judge_app.store"
    assert _package_of(PACKAGE / "store" / "__init__.py") == "judge_app.store"


def test_core_and_headless_packages_load_no_qt() -> None:
    code = (
        "import sys, judge_app.core.scores, judge_app.core.messages, judge_app.store.models, "
        "judge_app.store.database, judge_app.store.audit, judge_app.cli, judge_app.demo.build\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {QT_ROOTS!r})\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

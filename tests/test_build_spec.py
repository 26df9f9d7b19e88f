"""The packaging description (build_spec/) without building: what the frozen app needs ships.

The build itself takes minutes (`python -m build_spec --smoke`, in CI with
JUDGE_APP_BUILD_SMOKE=1); these checks take milliseconds and catch the usual ways a frozen
build breaks: a new resource or migration not shipped, a new Qt module or dependency excluded,
the document reader child not starting through the windowed executable.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
BUILD_SPEC = REPO / "build_spec"


def _load(name: str) -> ModuleType:
    """A module of build_spec/ by path (build_spec is not an installed package)."""
    spec = importlib.util.spec_from_file_location(f"build_spec_{name}", BUILD_SPEC / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the body runs
    spec.loader.exec_module(module)
    return module


layout = _load("layout")
entry = _load("entry")


def _shipped() -> set[tuple[str, str]]:
    """(path relative to the repo, destination folder) of every data file the spec ships."""
    return {
        (Path(source).relative_to(REPO).as_posix(), dest) for source, dest in layout.data_files()
    }


def test_every_resource_the_app_reads_ships_at_the_same_place() -> None:
    shipped = _shipped()
    resources = REPO / "resources"
    # Build scripts and translation sources are for developers; everything else is read at run time.
    needed = {
        path
        for path in resources.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".ts"} and "__pycache__" not in path.parts
    }
    assert needed, "resources/ is empty?"
    not_shipped = {Path(src).name for src, _dest in layout.data_files()}
    assert "build.py" not in not_shipped and "judge_app_vi.ts" not in not_shipped
    for path in needed:
        relative = path.relative_to(REPO)
        assert (relative.as_posix(), relative.parent.as_posix()) in shipped, relative
    folders = {dest for _src, dest in shipped if dest.startswith("resources")}
    for sub in ("resources", "resources/fonts", "resources/translations", "resources/icons"):
        assert sub in folders


def test_every_migration_ships_as_a_file_beside_the_package() -> None:
    shipped = _shipped()
    migrations = REPO / "judge_app" / "store" / "migrations"
    revisions = sorted((migrations / "versions").glob("*.py"))
    assert revisions
    for path in [*revisions, migrations / "env.py", migrations / "script.py.mako"]:
        relative = path.relative_to(REPO)
        assert (relative.as_posix(), relative.parent.as_posix()) in shipped, relative


def test_head_revision_ships() -> None:
    from judge_app.store.migrations import HEAD_REVISION

    names = {Path(src).name for src, _dest in _shipped()}
    assert f"{HEAD_REVISION}.py" in names


def _pyside_modules_imported() -> set[str]:
    found: set[str] = set()
    for path in (REPO / "judge_app").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "PySide6" not in text:
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                found.add(str(node.module).split(".")[1])
            elif isinstance(node, ast.Import):
                found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6.")}
    return found


def test_the_qt_modules_the_app_imports_are_the_ones_kept() -> None:
    imported = _pyside_modules_imported()
    assert imported == set(layout.QT_MODULES)
    assert not imported & set(layout.QT_EXCLUDED_MODULES)
    for heavy in ("QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia", "QtPdf"):
        assert f"PySide6.{heavy}" in layout.EXCLUDED_MODULES


def test_no_runtime_dependency_is_excluded() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {
        re.split(r"[<>=!~ \[;]", dep, maxsplit=1)[0].lower() for dep in project["dependencies"]
    }
    wanted = {name.replace("_", "-") for name in wanted}
    excluded_roots = set(layout.EXCLUDED_MODULES)  # whole packages; PySide6.QtX are parts
    modules_of: dict[str, set[str]] = {}
    for module, dists in packages_distributions().items():
        for dist in dists:
            modules_of.setdefault(dist.lower().replace("_", "-"), set()).add(module)
    for dist in wanted:
        modules = modules_of.get(dist, set())
        assert modules, f"{dist} is not installed: cannot check its modules"
        assert not modules & excluded_roots, f"{dist} ({modules}) is excluded from the build"


@pytest.mark.parametrize(
    ("platform", "dest", "kept"),
    [
        ("linux", "PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("linux", "PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("linux", "PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("linux", "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("linux", "PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("linux", "PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        (
            "linux",
            "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
            True,
        ),
        ("linux", "PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("linux", "PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("linux", "PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("linux", "PySide6/Qt/plugins/imageformats/libqpdf.so", False),  # would pull in QtPdf
        ("linux", "PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("linux", "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
        ("win32", "PySide6/plugins/platforms/qwindows.dll", True),
        ("win32", "PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("win32", "PySide6/plugins/imageformats/qsvg.dll", True),
        ("win32", "PySide6/plugins/platforms/qdirect2d.dll", False),
        ("darwin", "PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("darwin", "PySide6/Qt/plugins/styles/libqmacstyle.dylib", True),
        ("darwin", "PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("linux", "PySide6/Qt/lib/libQt6Core.so.6", True),  # not a plugin: left to the linker walk
    ],
)
def test_qt_plugins_kept_per_system(platform: str, dest: str, kept: bool) -> None:
    assert layout.plugin_kept(dest, platform) is kept


def test_a_library_only_a_dropped_plugin_needs_goes_with_it() -> None:
    links = {
        "/src/ext.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/src/libQt6Core.so.6": ["libicuuc.so.73"],
        "/src/libicuuc.so.73": [],
        "/src/gtk.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
        "/src/libgtk-3.so.0": ["libcairo.so.2"],
        "/src/libcairo.so.2": [],
        "/src/tls.so": ["libQt6Network.so.6"],
        "/src/libQt6Network.so.6": ["libQt6Core.so.6"],
        "/src/ctypes-only.so": [],  # nothing links to it: a hook or ctypes wanted it, it stays
    }
    binaries = {
        "PySide6/QtGui.abi3.so": "/src/ext.so",
        "PySide6/Qt/lib/libQt6Gui.so.6": "/src/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6": "/src/libQt6Core.so.6",
        "PySide6/Qt/lib/libicuuc.so.73": "/src/libicuuc.so.73",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so": "/src/gtk.so",
        "libgtk-3.so.0": "/src/libgtk-3.so.0",
        "libcairo.so.2": "/src/libcairo.so.2",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so": "/src/tls.so",
        "PySide6/Qt/lib/libQt6Network.so.6": "/src/libQt6Network.so.6",
        "libctypes-only.so": "/src/ctypes-only.so",
    }
    dropped = {
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    }
    gone = layout.unneeded_binaries(binaries, dropped, lambda src: links[src])
    assert gone == dropped | {
        "libgtk-3.so.0",
        "libcairo.so.2",
        "PySide6/Qt/lib/libQt6Network.so.6",
    }


def test_qt_translations_and_unused_data_are_dropped_but_ours_are_not() -> None:
    assert not layout.data_kept("PySide6/Qt/translations/qtbase_de.qm")
    assert not layout.data_kept("matplotlib/mpl-data/sample_data/goog.npz")
    assert layout.data_kept("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf")
    assert layout.data_kept("matplotlib/mpl-data/matplotlibrc")
    assert layout.data_kept("resources/translations/judge_app_vi.qm")


def test_stripping_is_for_linux_debug_builds_only() -> None:
    assert layout.should_strip("libpython3.11.so.1.0", "linux")
    assert layout.should_strip(
        "python3.11/lib-dynload/_decimal.cpython-311-x86_64-linux-gnu.so", "linux"
    )
    assert not layout.should_strip("PySide6/Qt/lib/libQt6Core.so.6", "linux")
    assert not layout.should_strip("python311.dll", "win32")


def test_executables_per_system() -> None:
    assert layout.executable_names("linux") == ["judge-app"]
    assert layout.executable_names("win32") == ["judge-app.exe", "judge-app-gui.exe"]
    assert layout.executable_names("darwin") == ["judge-app", "judge-app-gui"]


def test_the_windowed_executable_opens_the_main_window(tmp_path: Path) -> None:
    contest = tmp_path / "cuộc thi.sqlite"
    contest.write_bytes(b"")
    gui = "C:/Program Files/judge-app/judge-app-gui.exe"
    assert entry.gui_arguments(gui, []) == ["gui"]
    assert entry.gui_arguments(gui, [str(contest)]) == ["gui", str(contest)]
    assert entry.gui_arguments(gui, ["--version"]) == ["--version"]
    assert entry.gui_arguments(gui, ["scores", "list", "x"]) == ["scores", "list", "x"]
    # The document reader child is started as this executable with multiprocessing's own
    # arguments; freeze_support takes them before the CLI, and nothing rewrites them.
    child = ["--multiprocessing-fork", "tracker_fd=5", "pipe_handle=7"]
    assert entry.gui_arguments(gui, child) == child
    assert entry.gui_arguments("/opt/judge-app/judge-app", []) == []


def test_entry_calls_freeze_support_before_importing_the_app() -> None:
    tree = ast.parse((BUILD_SPEC / "entry.py").read_text(encoding="utf-8"))
    main = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "main")
    first = main.body[0]
    assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Call)
    assert ast.unparse(first.value) == "multiprocessing.freeze_support()"
    module_imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    assert not any("judge_app" in ast.unparse(n) for n in module_imports)


def test_the_spec_parses_and_uses_the_layout() -> None:
    text = (BUILD_SPEC / "judge_app.spec").read_text(encoding="utf-8")
    tree = ast.parse(text)
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= names
    for used in ("data_files", "EXCLUDED_MODULES", "HIDDEN_IMPORTS", "plugin_kept",
                 "unneeded_binaries", "copy_metadata", "HOOKS_CONFIG"):  # fmt: skip
        assert used in text
    for module in ("__main__", "smoke"):
        ast.parse((BUILD_SPEC / f"{module}.py").read_text(encoding="utf-8"))


def test_icons_for_windows_and_macos_are_made_from_the_png(tmp_path: Path) -> None:
    from PIL import Image

    made = layout.make_icons(tmp_path)
    with Image.open(made["ico"]) as ico:
        assert ico.format == "ICO"
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    with Image.open(made["icns"]) as icns:
        assert icns.format == "ICNS"


def test_linux_desktop_entry() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(BUILD_SPEC / "judge-app.desktop", encoding="utf-8")
    desktop = parser["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "judge-app gui %f"
    assert desktop["Icon"] == "judge-app"
    assert desktop["Terminal"] == "false"
    assert "Name[vi]" in desktop
    assert desktop["Categories"].endswith(";")


def test_build_output_stays_out_of_git_and_default_ci_does_not_build() -> None:
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").split()
    assert "build/" in ignored and "dist/" in ignored
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert 'if [ "${JUDGE_APP_BUILD_SMOKE:-}" = 1 ]; then' in ci
    setup = (REPO / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "exec .venv/bin/python -m build_spec" in setup


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")
def test_the_linux_folder_gets_a_menu_entry_its_user_can_install(tmp_path: Path) -> None:
    import os
    import subprocess

    folder = tmp_path / "giám khảo" / "judge-app"  # spaces and Vietnamese in the path
    folder.mkdir(parents=True)
    placed = {path.name for path in layout.add_linux_desktop_files(folder)}
    assert placed == {"judge-app.desktop", "install-desktop-entry.sh", "judge-app.png"}
    share = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(share)}
    subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], env=env, check=True,
                   capture_output=True)  # fmt: skip
    installed = (share / "applications" / "judge-app.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/judge-app" gui %f' in installed.splitlines()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "judge-app.png").is_file()
    subprocess.run(["sh", str(folder / "install-desktop-entry.sh"), "--remove"], env=env,
                   check=True, capture_output=True)  # fmt: skip
    assert not (share / "applications" / "judge-app.desktop").exists()


def test_windows_version_resource_carries_the_package_version(tmp_path: Path) -> None:
    path = layout.windows_version_file("1.2.3", tmp_path / "version.txt")
    text = path.read_text(encoding="utf-8")
    call = ast.parse(text, mode="eval").body  # PyInstaller evaluates this text on Windows
    assert isinstance(call, ast.Call) and ast.unparse(call.func) == "VSVersionInfo"
    assert "filevers=(1, 2, 3, 0)" in text
    assert "StringStruct('ProductVersion', '1.2.3')" in text
    assert "StringStruct('OriginalFilename', 'judge-app.exe')" in text

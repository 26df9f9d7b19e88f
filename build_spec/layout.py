"""What the one-folder build contains, as data: the spec reads it, and a cheap test checks it.

Kept apart from `judge_app.spec` because a PyInstaller spec only runs inside PyInstaller; this
module imports nothing but the standard library, so `tests/test_build_spec.py` can check the
lists (every resource folder ships, the migrations ship, Qt is trimmed) in milliseconds.

Layout of `dist/judge-app/` (PyInstaller >= 6, one-folder):
    judge-app[.exe]        console entry: the whole command line (and the GUI with `gui`)
    judge-app-gui[.exe]    Windows and macOS: windowed entry (no console window), opens the
                           main window; Linux has none (the desktop entry runs `judge-app gui`)
    _internal/             Python, libraries, `resources/` and the Alembic migrations
`sys._MEIPASS` is `_internal/`, which is what `judge_app.paths.resources_dir()` looks for, and
`judge_app/store/migrations/` sits there as files because Alembic reads revisions from disk.
"""

from __future__ import annotations

import fnmatch
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP_NAME = "judge-app"  # folder name in dist/ and the console executable
GUI_NAME = "judge-app-gui"  # the windowed executable beside it (Windows and macOS only)
DIST_DIR = REPO / "dist" / APP_NAME

# --------------------------------------------------------------------------- data files

# Everything under resources/ ships at the same place inside _internal/, except what only
# developers use: the scripts that make resources and the translation sources.
RESOURCES = "resources"
RESOURCE_EXCLUDED = ("*.py", "*.ts", "*.pyc")
# Alembic loads env.py and the revision scripts by file path at run time, so they ship as
# source files at the same place inside the bundle as the package (MIGRATIONS_DIR follows
# `__file__`, which PyInstaller sets to that place).
MIGRATION_FILES: tuple[tuple[str, str], ...] = (
    ("judge_app/store/migrations/env.py", "judge_app/store/migrations"),
    ("judge_app/store/migrations/script.py.mako", "judge_app/store/migrations"),
    ("judge_app/store/migrations/versions/*.py", "judge_app/store/migrations/versions"),
)
# Package metadata, so `importlib.metadata.version("judge-app")` (judge_app.__version__) works
# frozen; PyInstaller's copy_metadata collects the dist-info of each.
METADATA = ("judge-app",)


def resource_files(repo: Path = REPO) -> list[Path]:
    """The files of resources/ the app reads at run time."""
    return sorted(
        path
        for path in (repo / RESOURCES).rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and not any(fnmatch.fnmatch(path.name, pattern) for pattern in RESOURCE_EXCLUDED)
    )


def data_files(repo: Path = REPO) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs, every glob expanded; an empty glob is an error."""
    pairs = [(str(path), path.parent.relative_to(repo).as_posix()) for path in resource_files(repo)]
    if not pairs:
        raise FileNotFoundError(f"no resources in {repo / RESOURCES}")
    for pattern, dest in MIGRATION_FILES:
        found = sorted(repo.glob(pattern))
        if not found:
            raise FileNotFoundError(f"nothing matches {pattern} in {repo}")
        pairs.extend((str(path), dest) for path in found)
    return pairs


# --------------------------------------------------------------------------- Python modules

# Modules PyInstaller cannot see: Alembic's revision scripts and env.py are loaded from files,
# so what they import must be in the bundle already.
HIDDEN_IMPORTS = (
    "alembic",
    "alembic.op",
    "alembic.context",
    "alembic.runtime.migration",
    "alembic.autogenerate.api",
    "alembic.operations.batch",
    "alembic.ddl.sqlite",
    "sqlalchemy.dialects.sqlite",
    "judge_app.store.models",
    # Mako renders script.py.mako only when a developer makes a revision; it is small, and
    # alembic.script imports it at module level.
    "mako.template",
)

# The PySide6 modules the app imports (checked against the source by the test).
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")
# Every other PySide6 module is left out, with the Qt libraries only they need.
QT_EXCLUDED_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner",
    "QtGraphs", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors",
    "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg",
    "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel",
    "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets",
    "QtWebView", "QtXml",
)  # fmt: skip

# Development and test tools, and optional imports of our libraries that the app never uses
# (tkinter of Pillow and matplotlib; PyMuPDF 2's layout analysis). A test checks that no
# run-time dependency of pyproject.toml is on this list.
EXCLUDED_MODULES = (
    *(f"PySide6.{name}" for name in QT_EXCLUDED_MODULES),
    "pytest", "_pytest", "pytestqt", "pytest_cov", "hypothesis", "mypy", "ruff", "coverage",
    "pluggy", "onnxruntime", "networkx", "tkinter", "_tkinter", "IPython", "pandas", "scipy",
    "PyInstaller", "setuptools", "pkg_resources", "pip", "wheel", "pydoc_data", "lib2to3",
    "idlelib", "test", "yaml",
)  # fmt: skip
# Not excluded although no feature of ours uses it: fontTools (7 MB), which matplotlib imports
# at module level (figure → text → textpath → dviread); the smoke test's charts caught it.
# Data files of libraries that the app never reads (matplotlib's sample data and the toolbar
# pictures of its GUI backends), as globs on the destination path.
DATA_EXCLUDED = (
    "matplotlib/mpl-data/sample_data/*",
    "matplotlib/mpl-data/images/*",
)
# Hook options: matplotlib draws charts with Agg only (no Qt or Tk backend in the bundle).
HOOKS_CONFIG = {"matplotlib": {"backends": ["Agg"]}}

# --------------------------------------------------------------------------- Qt plugins

# Qt plugins kept, as (plugin folder, file-name glob); every other plugin is dropped, and then
# every Qt library that no kept binary links to. Globs cover Linux (lib*.so), Windows (*.dll)
# and macOS (lib*.dylib) names.
QT_PLUGINS: dict[str, tuple[tuple[str, str], ...]] = {
    "linux": (
        ("platforms", "libqxcb.so"),  # X11
        ("platforms", "libqwayland*.so"),  # Wayland (Qt >= 6.10 names it libqwayland.so)
        ("platforms", "libqoffscreen.so"),  # no display: screenshots, the smoke test
        ("platforms", "libqminimal.so"),
        ("xcbglintegrations", "*.so"),
        ("wayland-shell-integration", "libxdg-shell.so"),
        ("wayland-decoration-client", "*.so"),
        ("platforminputcontexts", "libcomposeplatforminputcontextplugin.so"),  # dead keys
        ("platforminputcontexts", "libibusplatforminputcontextplugin.so"),  # ibus-unikey
        ("platformthemes", "libqxdgdesktopportal.so"),  # the desktop's own file dialogs
        ("printsupport", "*.so"),  # CUPS
    ),
    "win32": (
        ("platforms", "qwindows.dll"),
        ("platforms", "qoffscreen.dll"),
        ("platforms", "qminimal.dll"),
        ("styles", "*.dll"),  # the Windows 11 look (qmodernwindowsstyle)
        ("printsupport", "*.dll"),
    ),
    "darwin": (
        ("platforms", "libqcocoa.dylib"),
        ("platforms", "libqoffscreen.dylib"),
        ("platforms", "libqminimal.dylib"),
        ("styles", "*.dylib"),  # the macOS look
        ("printsupport", "*.dylib"),
    ),
}
# The same on every system: pictures (SVG icon, JPEG, GIF, ICO/ICNS) and the SVG icon engine.
QT_PLUGINS_ALL: tuple[tuple[str, str], ...] = (
    ("imageformats", "*qsvg*"),
    ("imageformats", "*qjpeg*"),
    ("imageformats", "*qgif*"),
    ("imageformats", "*qico*"),
    ("imageformats", "*qicns*"),
    ("iconengines", "*qsvgicon*"),
)


def executable_names(platform: str = sys.platform) -> list[str]:
    """File names of the executables in the build folder, the console one first."""
    suffix = ".exe" if platform_key(platform) == "win32" else ""
    names = [APP_NAME] if platform_key(platform) == "linux" else [APP_NAME, GUI_NAME]
    return [name + suffix for name in names]


def platform_key(platform: str = sys.platform) -> str:
    if platform.startswith("win"):
        return "win32"
    if platform == "darwin":
        return "darwin"
    return "linux"


def plugin_kept(dest: str, platform: str = sys.platform) -> bool:
    """Whether a collected Qt plugin (destination path in the bundle) stays in the build."""
    parts = Path(dest).parts
    if "plugins" not in parts:
        return True
    index = parts.index("plugins")
    folder, name = parts[index + 1], parts[-1]
    rules = (*QT_PLUGINS[platform_key(platform)], *QT_PLUGINS_ALL)
    return any(folder == f and fnmatch.fnmatch(name, pattern) for f, pattern in rules)


def is_qt_plugin(dest: str) -> bool:
    parts = Path(dest).parts
    return len(parts) > 2 and parts[0] == "PySide6" and "plugins" in parts


# Qt's own translations: the app ships its own qt_vi.qm (Qt has no Vietnamese) and shows Qt's
# built-in English otherwise, so Qt's 30-odd languages are dropped.
def data_kept(dest: str) -> bool:
    return not is_qt_translation(dest) and not any(
        fnmatch.fnmatch(Path(dest).as_posix(), pattern) for pattern in DATA_EXCLUDED
    )


def is_qt_translation(dest: str) -> bool:
    parts = Path(dest).parts
    return len(parts) > 2 and parts[0] == "PySide6" and "translations" in parts


def unneeded_binaries(
    binaries: dict[str, str],
    dropped: set[str],
    imports_of: Callable[[str], Iterable[str]],
) -> set[str]:
    """Destinations of the binaries that only the dropped plugins needed, with those plugins.

    `binaries` maps destination to source of every collected shared library, extension and
    plugin; `imports_of(source)` names the libraries a binary links to. A library goes when a
    dropped plugin reaches it (directly or not) and nothing else does: libraries that nothing
    links to at all (loaded by ctypes, collected by a hook) stay.
    """
    by_name = {Path(dest).name: dest for dest in binaries}
    cache: dict[str, list[str]] = {}

    def reach(roots: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            dest = stack.pop()
            if dest not in cache:
                cache[dest] = [
                    hit
                    for name in imports_of(binaries[dest])
                    if (hit := by_name.get(Path(name).name)) is not None
                ]
            for hit in cache[dest]:
                if hit not in seen:
                    seen.add(hit)
                    stack.append(hit)
        return seen

    from_dropped = reach(dropped) - dropped
    kept_roots = set(binaries) - dropped - from_dropped
    needed = reach(kept_roots) | kept_roots
    return dropped | (from_dropped - needed)


# Binaries that ship with debug symbols (the interpreter built from source, some wheels'
# extensions): stripped on Linux, a 30 MB saving. Wheels' Qt and MuPDF libraries are already
# stripped; the auditwheel-repaired libraries are left alone except x265 (20 MB, checked by the
# smoke test's HEIC photo).
STRIP_ON_LINUX = (
    "libpython3*.so*",
    "python3*/lib-dynload/*.so",
    "pymupdf/_mupdf.so",
    "pymupdf/_extra.so",
    "cryptography/hazmat/bindings/_rust*.so",
    "pillow_heif.libs/libx265*",
)


def should_strip(dest: str, platform: str = sys.platform) -> bool:
    return platform_key(platform) == "linux" and any(
        fnmatch.fnmatch(dest, pattern) for pattern in STRIP_ON_LINUX
    )


def stripped_copy(source: str, dest: str, work: Path) -> str:
    """A copy of `source` without debug symbols, made once per build in `work`."""
    import shutil
    import subprocess

    target = work / "stripped" / dest
    source_path = Path(source)
    if not target.exists() or target.stat().st_mtime < source_path.stat().st_mtime:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source_path, target)
        target.chmod(0o755)
        subprocess.run(["strip", "--strip-unneeded", str(target)], check=True)
    return str(target)


# --------------------------------------------------------------------------- Linux desktop

DESKTOP_ENTRY = REPO / "build_spec" / "judge-app.desktop"
DESKTOP_INSTALLER = REPO / "build_spec" / "install-desktop-entry.sh"


def add_linux_desktop_files(folder: Path) -> list[Path]:
    """Put the desktop entry, its icon and the script that installs both for the user beside
    the executable (PyInstaller puts data files inside _internal/, out of a judge's sight)."""
    import shutil

    placed = []
    for source, name, mode in (
        (DESKTOP_ENTRY, "judge-app.desktop", 0o644),
        (DESKTOP_INSTALLER, "install-desktop-entry.sh", 0o755),
        (ICON_SOURCE, "judge-app.png", 0o644),
    ):
        target = folder / name
        shutil.copyfile(source, target)
        target.chmod(mode)
        placed.append(target)
    return placed


# --------------------------------------------------------------------------- Windows


def windows_version_file(version: str, target: Path) -> Path:
    """The version resource Explorer shows in the executables' Properties, written in the text
    form PyInstaller reads on Windows (`version=` of EXE; the form `pyi-grab_version` writes).
    `version` comes from the package metadata: "0.1.0" → file version 0.1.0.0."""
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    fixed = tuple([*numbers, 0, 0, 0, 0][:4])
    strings = {
        "CompanyName": "judge_app developers",
        "FileDescription": "Judge App: offline essay-contest grading",
        "FileVersion": version,
        "InternalName": APP_NAME,
        "LegalCopyright": "AGPL-3.0-or-later",
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": "Judge App",
        "ProductVersion": version,
    }
    structs = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={fixed}, prodvers={fixed}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {structs}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


# --------------------------------------------------------------------------- icons

ICON_SOURCE = REPO / "resources" / "icons" / "app-256.png"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def make_icons(target: Path, source: Path = ICON_SOURCE) -> dict[str, Path]:
    """Windows .ico and macOS .icns made from the 256 px PNG with Pillow (both formats can be
    written on any system), so the spec has an icon ready for whichever system builds."""
    from PIL import Image

    target.mkdir(parents=True, exist_ok=True)
    image = Image.open(source).convert("RGBA")
    ico, icns = target / "judge-app.ico", target / "judge-app.icns"
    image.save(ico, format="ICO", sizes=[(s, s) for s in ICON_SIZES])
    image.resize((512, 512), Image.Resampling.LANCZOS).save(icns, format="ICNS")
    return {"ico": ico, "icns": icns, "png": source}

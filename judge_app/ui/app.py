"""Start the desktop app: QApplication, fonts, translators, error hooks, the main window.

`run_gui` is what the CLI calls; `make_main_window` builds the same window without entering
the event loop (tests, screenshots). Importing this module loads only Qt and the UI modules:
SQLAlchemy and the document libraries are imported when a contest is opened, on a worker
thread, so the first window appears fast (budget: 1.5 s offscreen).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from judge_app import __version__, paths
from judge_app.ui.errors import install_error_hooks
from judge_app.ui.i18n import DEFAULT_LANGUAGE, Translations, normalise_language
from judge_app.ui.main_window import MainWindow
from judge_app.ui.settings import UiSettings

log = logging.getLogger("judge_app.ui")
UI_FONT_FAMILY = "Liberation Sans"  # bundled, covers Vietnamese, metrics of Arial
SCREENSHOT_SIZE = (1280, 800)
SCREENSHOT_TIMEOUT_S = 60.0

_translations: Translations | None = None
_created_at: float | None = None


def icon_path(suffix: str = "svg") -> Path:
    return paths.resources_dir() / "icons" / ("app.svg" if suffix == "svg" else "app-256.png")


def app_icon() -> QIcon:
    """The SVG where Qt's SVG plugin is present, else the 256 px PNG rendered from it."""
    icon = QIcon(str(icon_path("svg")))
    if icon.pixmap(16, 16).isNull():
        icon = QIcon(str(icon_path("png")))
    return icon


def load_fonts() -> None:
    """Register the bundled Liberation fonts and make Liberation Sans the UI font.

    A system may lack a font with Vietnamese marks (or Qt may pick one that lacks ơ/ư);
    the bundled 2.x Liberation fonts have them all.
    """
    for font_file in sorted(paths.fonts_dir().glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(font_file)) < 0:
            log.warning("could not load font %s", font_file)
    if UI_FONT_FAMILY in QFontDatabase.families():
        font = QFont(UI_FONT_FAMILY)
        size = QApplication.font().pointSizeF()
        font.setPointSizeF(max(size, 9.0) if size > 0 else 10.0)
        QApplication.setFont(font)


def ensure_application() -> QApplication:
    """The one QApplication, configured once (names, icon, fonts)."""
    global _created_at
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    elif existing is not None:
        raise RuntimeError("a QCoreApplication without widgets is already running")
    else:
        app = QApplication(sys.argv[:1])
    if app.property("judge_app_ready"):
        return app
    _created_at = time.perf_counter()
    QCoreApplication.setApplicationName("judge-app")
    QCoreApplication.setOrganizationName("judge-app")
    QCoreApplication.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    load_fonts()
    app.setProperty("judge_app_ready", True)
    return app


def translations(app: QApplication) -> Translations:
    """Translators are application-wide, so every window shares one `Translations`."""
    global _translations
    if _translations is None or _translations.app is not app:
        _translations = Translations(app)
    return _translations


def make_main_window(
    db_path: Path | None = None,
    lang: str | None = None,
    *,
    settings: UiSettings | None = None,
) -> MainWindow:
    """The main window, not yet shown. `lang` overrides the saved choice for this run only.

    With `db_path`, opening starts in the background; wait for `contest_loaded` or `idle`.
    """
    app = ensure_application()
    settings = settings or UiSettings()
    chosen = normalise_language(lang or settings.language or DEFAULT_LANGUAGE)
    translations(app).set_language(chosen)
    window = MainWindow(translations(app), settings, app.windowIcon())
    if db_path is not None:
        window.open_contest_path(Path(db_path))
    return window


def wait_until_idle(window: MainWindow, timeout_s: float = SCREENSHOT_TIMEOUT_S) -> bool:
    """Process events until the window's background work ended (screenshot mode only)."""
    app = QCoreApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout_s
    while window.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    for _ in range(3):  # let layouts settle after the last model change
        app.processEvents()
    return not window.busy


def _log_startup(stage: str) -> float:
    elapsed = (time.perf_counter() - _created_at) * 1000 if _created_at else float("nan")
    log.info("first window %s %.0f ms after QApplication was created", stage, elapsed)
    return elapsed


HEADLESS_PLATFORMS = ("offscreen", "minimal")


def run_gui(
    db_path: Path | None,
    lang: str | None = None,
    *,
    screenshot: Path | None = None,
    headless_screenshot: Path | None = None,
) -> int:
    """Run the app until the window closes; returns the exit code.

    `lang` ("vi"/"en") overrides the language saved in the settings; None uses the saved
    one (Vietnamese if none). With `screenshot`, the window is shown, drawn into that PNG at
    1280×800 and closed without entering the event loop; the return code is then 0, or 2
    when `db_path` failed to open (the reason is in the log). `headless_screenshot` is where
    that picture goes when Qt ended up on a platform nobody can see (no display).
    """
    if screenshot is not None and QCoreApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = ensure_application()
    restore_hooks = install_error_hooks()
    try:
        window = make_main_window(db_path, lang)
        if screenshot is None and app.platformName() in HEADLESS_PLATFORMS:
            # Nobody can see or close this window: an event loop would run forever.
            screenshot = headless_screenshot
            if screenshot is None:
                log.warning("no display (platform %s): not opening a window", app.platformName())
                return 2
        if screenshot is not None:
            return _screenshot(window, screenshot)
        window.show()
        QTimer.singleShot(0, lambda: _log_startup("shown"))
        return app.exec()
    finally:
        restore_hooks()


def _screenshot(window: MainWindow, target: Path) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    app = QCoreApplication.instance()
    assert app is not None
    app.processEvents()
    _log_startup("shown")
    wait_until_idle(window)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target), "PNG"):
        raise OSError(f"could not write {target}")
    failed = window.last_error is not None
    for widget in QApplication.topLevelWidgets():  # the window and any dialog it opened
        widget.close()
    app.processEvents()
    return 2 if failed else 0

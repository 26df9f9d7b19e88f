"""How failures reach the user (a translated dialog) and the details reach the log file.

Two kinds of failure: a `JudgeAppError` is expected (bad file, broken database) and its
sentence comes from `core.messages` in the UI language; anything else is a bug, whose
traceback goes to the log while the user reads the "unexpected" sentence with the log's path.
No traceback is ever shown. `install_error_hooks` routes uncaught exceptions (from slots,
threads) and Qt's own warnings through here.
"""

from __future__ import annotations

import logging
import sys
import threading
import types
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QThread,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from judge_app import logs
from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe, render
from judge_app.ui.i18n import current_language

log = logging.getLogger("judge_app.ui")
translate = QCoreApplication.translate


def log_file_path() -> Path:
    return logs.log_path()


def _short_reason(error: BaseException) -> str:
    """One line naming the failure, for the "unexpected" sentence; the rest is in the log."""
    text = " ".join(str(error).split())
    reason = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return reason if len(reason) <= 200 else reason[:199] + "…"


def error_text(error: BaseException, lang: str | None = None) -> str:
    """The sentence the user reads for `error`, in `lang` (default: the UI language)."""
    lang = lang or current_language()
    if isinstance(error, JudgeAppError):
        return describe(error, lang)
    return render("unexpected", lang, reason=_short_reason(error), log=str(log_file_path()))


def log_error(error: BaseException) -> None:
    """Write what a developer needs: code, file, parameters and the traceback."""
    logs.setup_logging()
    exc_info = (type(error), error, error.__traceback__)
    if isinstance(error, JudgeAppError):
        log.warning(
            "%s (code=%s, path=%s, params=%r)",
            describe(error, "en"),
            error.code,
            error.path,
            error.params,
            exc_info=exc_info,
        )
    else:
        log.error("Unexpected error: %s", _short_reason(error), exc_info=exc_info)


def _showing(text: str) -> bool:
    """Whether an error dialog with this very sentence is on screen now."""
    return any(
        isinstance(widget, QMessageBox)
        and widget.objectName() == "errorDialog"
        and widget.isVisible()
        and widget.text() == text
        for widget in QApplication.topLevelWidgets()
    )


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox | None:
    """Log `error` and show it in a translated, non-blocking dialog over `parent`.

    Returns the dialog (tests close it), or None when the same sentence is already on
    screen: a failure that repeats must not bury the user under identical dialogs.
    """
    log_error(error)
    text = error_text(error)
    if _showing(text):
        return None
    expected = isinstance(error, JudgeAppError)
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("ErrorDialog", "judge-app: error"))
    box.setText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.open()
    return box


class _GuiRelay(QObject):
    """Carries an exception from another thread to the GUI thread's dialog."""

    raised = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        # A bound slot of an object living on the GUI thread: the queued call lands there.
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _show(self, error: BaseException) -> None:
        show_error(_dialog_parent(), error)


def _dialog_parent() -> QWidget | None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    return app.activeWindow() or next(
        (w for w in app.topLevelWidgets() if w.isVisible() and w.objectName() == "mainWindow"),
        None,
    )


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def install_error_hooks() -> Callable[[], None]:
    """Route uncaught exceptions and Qt messages to the log and the error dialog.

    Returns a function that puts the previous hooks back (run_gui calls it on exit, so
    tests and embedding code get their own hooks again).
    """
    logs.setup_logging()
    relay = _GuiRelay()
    previous_excepthook = sys.excepthook
    previous_thread_hook = threading.excepthook
    qt_log = logging.getLogger("judge_app.qt")
    reporting = threading.local()

    def excepthook(
        kind: type[BaseException], error: BaseException, tb: types.TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            previous_excepthook(kind, error, tb)
            return
        if getattr(reporting, "active", False):  # the dialog itself failed: log only
            log.critical("Error while reporting an error", exc_info=(kind, error, tb))
            return
        reporting.active = True
        try:
            if error.__traceback__ is None:
                error = error.with_traceback(tb)
            app = QCoreApplication.instance()
            if app is not None and QThread.currentThread() is app.thread():
                show_error(_dialog_parent(), error)
            else:
                relay.raised.emit(error)
        finally:
            reporting.active = False

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s (%s)", message, context.category)
        if previous_handler is not None:
            previous_handler(kind, context, message)

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    previous_handler = qInstallMessageHandler(message_handler)

    def restore() -> None:
        sys.excepthook = previous_excepthook
        threading.excepthook = previous_thread_hook
        qInstallMessageHandler(previous_handler)
        relay.deleteLater()

    return restore

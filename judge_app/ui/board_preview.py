"""Showing an entry from a board dialog in the main window's viewer, usable at once.

Board dialogs open window-modal over the main window, and Qt blocks every window of that
hierarchy, the entry viewer included: the head judge would see the entry but could not page
through it. The viewer is made a transient child of the dialog while the dialog is open (a
modal window's own children are never blocked), and given back to the main window when the
dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from judge_app.ui.operation import Operation
from judge_app.ui.viewer import EntryViewerWindow

LIFTED = "liftsEntryViewer"  # dialog property: the restore on close is connected once


def preview_entry(dialog: QDialog, open_entry: Callable[[str], object] | None, code: str) -> object:
    """Open entry `code` through `open_entry` (MainWindow.open_entry) above `dialog`."""
    if open_entry is None:
        return None
    outcome = open_entry(code)
    if isinstance(outcome, Operation):
        outcome.done.connect(lambda: lift_viewer(dialog))
    else:
        lift_viewer(dialog)
    return outcome


def entry_viewers() -> list[EntryViewerWindow]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, EntryViewerWindow) and widget.isVisible()
    ]


def lift_viewer(dialog: QDialog) -> None:
    """Make the shown entry viewers children of `dialog` (for the modality check)."""
    if not shiboken6.isValid(dialog) or not dialog.isVisible():
        return
    over = dialog.windowHandle()
    for viewer in entry_viewers():
        handle = viewer.windowHandle()
        if over is None or handle is None or handle.transientParent() is over:
            continue
        handle.setTransientParent(over)
        viewer.raise_()
        viewer.activateWindow()
    if not dialog.property(LIFTED):
        dialog.setProperty(LIFTED, True)
        dialog.finished.connect(lambda _code: give_back_viewers())


def give_back_viewers() -> None:
    """The viewers belong to their own parent window again."""
    for widget in QApplication.topLevelWidgets():
        if not isinstance(widget, EntryViewerWindow):
            continue
        handle = widget.windowHandle()
        parent: QWidget | None = widget.parentWidget()
        owner = parent.window().windowHandle() if parent is not None else None
        if handle is not None and owner is not None and handle.transientParent() is not owner:
            handle.setTransientParent(owner)

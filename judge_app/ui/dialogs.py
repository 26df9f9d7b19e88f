"""The app's file choosers and About box.

File choosers are Qt's own widgets (DontUseNativeDialog), not the platform's: the platform
dialog would speak the system's language, while Qt's widget speaks Vietnamese through
qt_vi.qm like the rest of the app. Dialogs open non-blocking (`open()`), so the event loop
keeps running and tests can drive them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QMessageBox, QSplitter, QWidget

from judge_app import __version__

translate = QCoreApplication.translate
CONTEST_SUFFIX = "sqlite"


def contest_file_dialog(parent: QWidget, *, create: bool, folder: Path) -> QFileDialog:
    """A chooser for a contest file; the caller connects `fileSelected` and calls `open()`."""
    dialog = QFileDialog(parent)
    dialog.setObjectName("contestFileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setDirectory(str(folder))
    dialog.setNameFilters(
        [
            translate("FileDialogs", "Contest files (*.sqlite)"),
            translate("FileDialogs", "All files (*)"),
        ]
    )
    if create:
        dialog.setWindowTitle(translate("FileDialogs", "Create a new contest file"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(CONTEST_SUFFIX)
        # Replacing an existing contest file would destroy its data: the caller refuses it
        # with its own message instead of Qt's "replace?" question.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
    else:
        dialog.setWindowTitle(translate("FileDialogs", "Open a contest file"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.resize(900, 560)
    sidebar = dialog.findChild(QSplitter)
    if sidebar is not None:  # Qt's default sidebar cuts "Máy tính" to "Má…"
        sidebar.setSizes([170, 730])
    return dialog


def about_box(parent: QWidget, icon: QIcon) -> QMessageBox:
    """Version and licence; non-blocking."""
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(translate("AboutBox", "About judge-app"))
    box.setIconPixmap(icon.pixmap(64, 64))
    description = translate(
        "AboutBox",
        "Offline grading of essay contests: anonymous entries, rubric scoring, "
        "signed score files, merged results.",
    )
    licence = translate(
        "AboutBox",
        "Licence: GNU Affero General Public License, version 3 or later (AGPL-3.0-or-later).",
    )
    fonts = translate(
        "AboutBox", "Bundled fonts: Liberation Sans and Liberation Serif (SIL Open Font License)."
    )
    version = translate("AboutBox", "Version %1").replace("%1", __version__)
    box.setText(f"<h3>judge-app</h3><p>{version}</p>")
    box.setInformativeText(
        f"<p>{description}</p><p>{licence}</p><p>{fonts}</p>"
        f"<p>Qt {qVersion()}, PySide6 {pyside_version}</p>"
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.open()
    return box

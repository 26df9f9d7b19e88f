"""The judge's "Open grading package…": verify a package and build the grading workspace.

The first package of a contest on this computer names a head judge's key nobody pinned yet
(`package_head_unknown`): the judge is shown the package's fingerprint and types the one the
head judge reads aloud; `exchange.workspace.open_package` compares them and pins the key. All
verification runs in an `Operation`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.errors import JudgeAppError
from judge_app.ui.errors import show_error
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    from judge_app.exchange.workspace import WorkspaceReport

translate = QCoreApplication.translate
HEAD_UNKNOWN = "package_head_unknown"
WORKSPACE_SUFFIX = ".sqlite"


def workspace_for(package: Path) -> Path:
    """Where a package's workspace goes: next to it, same name (goi-cham-GK1.sqlite)."""
    return package.with_suffix(WORKSPACE_SUFFIX)


def package_file_dialog(parent: QWidget, folder: Path) -> QFileDialog:
    dialog = QFileDialog(parent)
    dialog.setObjectName("packageFileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(translate("PackageOpener", "Open a grading package"))
    dialog.setDirectory(str(folder))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(
        [
            translate("PackageOpener", "Grading packages (*.jgp)"),
            translate("PackageOpener", "All files (*)"),
        ]
    )
    dialog.resize(900, 560)
    return dialog


class FingerprintDialog(QDialog):
    """Shows the package's fingerprint; the judge types the one the head judge reads aloud."""

    def __init__(self, fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fingerprintDialog")
        self.setWindowTitle(translate("PackageOpener", "Confirm the head judge's key"))
        intro = QLabel(
            translate(
                "PackageOpener",
                "This computer does not know the head judge's key for this contest yet. Ask "
                "the head judge to read the key's fingerprint aloud and type it below. The "
                "package says:",
            ),
            self,
        )
        intro.setWordWrap(True)
        shown = QLabel(fingerprint, self)
        shown.setObjectName("packageFingerprint")
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = shown.font()
        font.setFamily("monospace")
        font.setBold(True)
        shown.setFont(font)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("heardFingerprint")
        self.edit.setPlaceholderText(
            translate("PackageOpener", "the fingerprint the head judge reads to you")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(shown)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(560, 0)


class PackageOpener(QObject):
    """One package's opening: verify (asking for the fingerprint if needed), then `opened`."""

    opened = Signal(object)  # WorkspaceReport

    def __init__(self, parent: QWidget, package: Path, workspace: Path | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.package = package
        self.workspace = workspace or workspace_for(package)
        self.fingerprint_dialog: FingerprintDialog | None = None

    def start(self, accept_fingerprint: str | None = None) -> Operation[WorkspaceReport]:
        from judge_app.exchange.workspace import open_package

        package, workspace = self.package, self.workspace

        def work(_progress: Progress) -> WorkspaceReport:
            return open_package(package, workspace, accept_fingerprint=accept_fingerprint)

        return Operation(
            work,
            parent=self.parent_widget,
            on_success=self.opened.emit,
            on_failure=self._failed,
        ).start()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, JudgeAppError) and error.code == HEAD_UNKNOWN:
            self.ask_fingerprint(str(error.params.get("fingerprint", "")))
        else:
            show_error(self.parent_widget, error)

    def ask_fingerprint(self, fingerprint: str) -> FingerprintDialog:
        dialog = FingerprintDialog(fingerprint, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start(dialog.edit.text().strip()))
        self.fingerprint_dialog = dialog
        dialog.open()
        return dialog

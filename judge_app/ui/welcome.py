"""What the window shows when no contest is open: open, create, or pick a recent file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate
PATH_ROLE = Qt.ItemDataRole.UserRole


class WelcomePanel(QWidget):
    """Buttons mirror the registry's actions (same handler, same enabled state)."""

    open_requested = Signal(Path)

    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self._files: list[Path] = []

        logo = QLabel(self)
        logo.setPixmap(icon.pixmap(QSize(72, 72)))
        self._title = QLabel("judge-app", self)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.8)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._subtitle = QLabel(self)
        self._subtitle.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addStretch(1)
        heading.addWidget(self._title)
        heading.addWidget(self._subtitle)
        heading.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addSpacing(12)
        top.addLayout(heading, 1)

        self.open_button = QPushButton(self)
        self.open_button.setObjectName("welcomeOpen")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("welcomeNew")
        for button in (self.open_button, self.new_button):
            button.setMinimumHeight(36)
        self.open_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)

        self._recent_label = QLabel(self)
        bold = QFont(self.font())
        bold.setBold(True)
        self._recent_label.setFont(bold)
        self.recent_list = QListWidget(self)
        self.recent_list.setObjectName("welcomeRecent")
        self.recent_list.setAlternatingRowColors(True)
        self.recent_list.itemActivated.connect(self._activated)
        self._no_recent = QLabel(self)
        self._no_recent.setEnabled(False)

        column = QVBoxLayout()
        column.addSpacing(24)
        column.addLayout(top)
        column.addSpacing(24)
        column.addLayout(buttons)
        column.addSpacing(24)
        column.addWidget(self._recent_label)
        column.addWidget(self.recent_list)
        column.addWidget(self._no_recent)
        column.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(760)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addWidget(holder, 4)
        outer.addStretch(1)
        self.retranslate()

    def bind_actions(self, open_action: QAction, new_action: QAction) -> None:
        """Make the buttons trigger the registry's actions and follow their enabled state."""
        for button, action in ((self.open_button, open_action), (self.new_button, new_action)):
            button.clicked.connect(action.trigger)
            button.setIcon(action.icon())
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            button.setEnabled(action.isEnabled())

    def set_recent_files(self, files: list[Path]) -> None:
        self._files = list(files)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_list.clear()
        missing = translate("WelcomePanel", "(file not found)")
        for path in self._files:
            exists = path.is_file()
            text = f"{path.name}  —  {path.parent}"
            item = QListWidgetItem(text if exists else f"{text}  {missing}")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 12))
            if not exists:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(self._files))
        self._no_recent.setVisible(not self._files)
        # As tall as its items (at most MAX_RECENT), so a short list is not a big empty box.
        rows = max(1, self.recent_list.count())
        frame = 2 * self.recent_list.frameWidth()
        self.recent_list.setFixedHeight(rows * (self.recent_list.sizeHintForRow(0) or 20) + frame)

    def _activated(self, item: QListWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.open_requested.emit(Path(item.data(PATH_ROLE)))

    def retranslate(self) -> None:
        self._subtitle.setText(
            translate(
                "WelcomePanel",
                "Grading essay contests offline: anonymous entries, score sheets, merged results.",
            )
        )
        self.open_button.setText(translate("WelcomePanel", "Open contest…"))
        self.new_button.setText(translate("WelcomePanel", "Create a new contest…"))
        self._recent_label.setText(translate("WelcomePanel", "Recent contests"))
        self._no_recent.setText(
            translate("WelcomePanel", "No contest has been opened on this computer yet.")
        )
        self._fill_recent()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

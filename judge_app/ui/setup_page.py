"""What every page of the set-up wizard shares: a body that scrolls, an error line that does not.

A 1366×768 laptop leaves about 600 pixels for a wizard page, less than the rubric or the
judges need: each page's body sits in a scroll area, and the error line sits below it, always in
view, so the message about a wrong cell is never scrolled away. A page names the config keys
it owns (`sections`), which is how a `field` path from the config parser finds its page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from judge_app.ui.setup_tables import EditTable, tr

if TYPE_CHECKING:
    from judge_app.ui.setup_wizard import SetupWizard

ERROR_STYLE = "color: #b00020; font-weight: bold;"


def help_label(parent: QWidget, name: str = "") -> QLabel:
    """A wrapped explanatory line in the page's own words."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class Form(QFormLayout):
    """A form whose row labels are kept, so a language change can set their texts again."""

    FIELD_WIDTH = 640  # a name or a path, not the whole 1300-pixel line

    def __init__(self) -> None:
        super().__init__()
        self.labels: list[QLabel] = []
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)

    def row(self, field: QWidget | QLayout, *, width: int | None = None) -> QLabel:
        label = QLabel()
        self.labels.append(label)
        if isinstance(field, QWidget):
            field.setMinimumWidth(width or self.FIELD_WIDTH)
            label.setBuddy(field)
        self.addRow(label, field)
        return label

    def set_texts(self, texts: list[str]) -> None:
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)


class SetupPage(QWizardPage):
    """A wizard page: `fill` from the config dict, `collect` into it, `retranslate` its texts."""

    sections: tuple[str, ...] = ()

    def __init__(self, owner: SetupWizard, name: str) -> None:
        super().__init__(owner)
        self.owner = owner
        self.setObjectName(name)
        self.body = QWidget()
        self.body.setObjectName(f"{name}Body")
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName(f"{name}Scroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.body)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("pageError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setContentsMargins(9, 0, 9, 4)  # in line with the page's text
        self.error_label.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller, 1)
        outer.addWidget(self.error_label)
        self.layout_ = QVBoxLayout(self.body)

    # ----------------------------------------------------------------- data

    def fill(self, data: Mapping[str, Any]) -> None:
        """Show what `data` (a config dict) says for this page's sections."""

    def collect(self, data: dict[str, Any]) -> None:
        """Write this page's sections into `data`."""

    def retranslate(self) -> None:
        """Set every text (again after a language change)."""

    def focus_field(self, parts: list[str | int]) -> None:
        """Put the cursor where the field `parts` (after the section key) is typed."""

    # ----------------------------------------------------------------- errors

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    @property
    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() else ""

    # ----------------------------------------------------------------- wizard hooks

    def cleanupPage(self) -> None:  # noqa: N802
        """Going Back keeps what was typed (QWizard would reset registered fields)."""

    def validatePage(self) -> bool:  # noqa: N802
        return self.owner.validate_page(self)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def select_table_row(table: EditTable, parts: list[str | int]) -> None:
    """Select the row a field path like [2, "code"] names, and its cell when known."""
    if not parts or not isinstance(parts[0], int):
        table.table.setFocus()
        return
    row = parts[0]
    table.select_row(row)
    if len(parts) > 1 and isinstance(parts[1], str):
        keys = [c.key for c in table.columns]
        if parts[1] in keys:
            table.table.setCurrentCell(row, keys.index(parts[1]))
    table.table.setFocus()


__all__ = ["Form", "SetupPage", "help_label", "select_table_row", "tr"]

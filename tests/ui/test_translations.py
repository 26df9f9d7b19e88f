"""Translation files: complete, compiled, and Qt's own dialogs speak Vietnamese."""

from __future__ import annotations

import importlib.util
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QTranslator
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from judge_app.ui.i18n import translations_dir

BUILD_SCRIPT = translations_dir() / "build.py"
Key = tuple[str, str, str]  # context, source, comment


def load_build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_build", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> dict[Key, ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            assert translation is not None
            found[key] = translation
    return found


def finished(translation: ET.Element) -> bool:
    if translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = translation.findall("numerusform")
    texts = [f.text for f in forms] if forms else [translation.text]
    return all(text and text.strip() for text in texts)


def test_every_ui_string_has_a_vietnamese_translation(tmp_path: Path) -> None:
    """lupdate over judge_app/ui into a fresh .ts; each string must be translated in ours."""
    build = load_build_module()
    fresh = tmp_path / "fresh_vi.ts"
    build.extract(fresh)
    wanted = messages(fresh)
    assert len(wanted) > 50  # lupdate found the strings at all
    ours = messages(translations_dir() / "judge_app_vi.ts")
    missing = [key for key in wanted if key not in ours or not finished(ours[key])]
    assert missing == [], "run resources/translations/build.py --update, then translate these"
    unused = [key for key in ours if key not in wanted]
    assert unused == [], "strings no longer in the code: run build.py --update"


def test_qt_strings_are_all_translated() -> None:
    ours = messages(translations_dir() / "qt_vi.ts")
    assert [key for key, tr in ours.items() if not finished(tr)] == []
    sources = {source for _, source, _ in ours}
    for text in ("OK", "Cancel", "&Yes", "&No", "File &name:", "Show Details...", "Cu&t"):
        assert text in sources


def test_compiled_files_match_their_sources() -> None:
    build = load_build_module()
    assert build.stale() == [], "run: python resources/translations/build.py"


def test_build_script_check_mode_runs() -> None:
    result = subprocess.run(
        [__import__("sys").executable, str(BUILD_SCRIPT), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_standard_message_box_buttons_are_vietnamese(qtbot: QtBot, window: QWidget) -> None:
    buttons = (
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Close
    )
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?", buttons, window)
    box.setDetailedText("chi tiết")
    box.open()
    qtbot.waitExposed(box)
    texts = {box.button(b).text() for b in QMessageBox.StandardButton if b & buttons and b}
    assert texts == {"Đồng ý", "Huỷ", "&Có", "&Không", "Lưu", "Đóng"}
    details = [b for b in box.findChildren(QPushButton) if "chi tiết" in b.text()]
    assert [b.text() for b in details] == ["Hiện chi tiết..."]
    box.close()


def test_line_edit_context_menu_is_vietnamese(qtbot: QtBot) -> None:
    from judge_app.ui.app import make_main_window

    window = make_main_window()  # installs the Vietnamese translators
    qtbot.addWidget(window)
    edit = QLineEdit("chữ")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert menu is not None
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert {"&Hoàn tác", "&Làm lại", "Cắ&t", "&Sao chép", "&Dán", "Xoá", "Chọn tất cả"} <= set(
        texts
    )
    menu.deleteLater()


class Recorder(QTranslator):
    """Installed last (asked first): notes what Qt asks for, answers "no translation"."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[Key] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        self.asked.add((context, source, disambiguation or ""))
        return None  # a null string: Qt goes on to the next translator

    def isEmpty(self) -> bool:  # noqa: N802
        return False


@pytest.fixture
def recorder(window: QWidget) -> Iterator[Recorder]:
    app = QCoreApplication.instance()
    assert app is not None
    spy = Recorder()
    app.installTranslator(spy)
    yield spy
    app.removeTranslator(spy)


# Qt asks for every key name when it parses a shortcut, and for every paper size when it
# fills a combo box; those names stay as printed on keys and in paper catalogues. QMimeType
# names the type of every file the dialog happens to list (hundreds exist, and which ones
# depends on the folders around): qt_vi.ts covers the kinds a contest board meets, not all.
NOT_TRANSLATED_CONTEXTS = {"QShortcut", "QPageSize", "QMimeType"}


def test_every_qt_string_our_dialogs_show_is_vietnamese(
    qtbot: QtBot, window: QWidget, recorder: Recorder, tmp_path: Path
) -> None:
    (tmp_path / "bài.sqlite").write_bytes(b"SQLite format 3\x00" + bytes(2000))
    (tmp_path / "bài.pdf").write_bytes(b"%PDF-1.4\n" + bytes(2000))
    (tmp_path / "thư mục").mkdir()
    shown: list[QWidget] = []
    for accept in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(window, "?", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(accept)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.open()
        qtbot.waitExposed(dialog)
        tree = dialog.findChild(QTreeView)
        assert tree is not None
        qtbot.waitUntil(lambda view=tree: view.model().rowCount(view.rootIndex()) == 3)  # type: ignore[misc]
        tree.customContextMenuRequested.emit(QPoint(4, 4))  # Rename/Delete/Show hidden…
        shown.append(dialog)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "?",
        "?",
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        window,
    )
    box.setDetailedText("?")
    box.open()
    shown.append(box)
    printer = QPrinter()
    print_dialog = QPrintDialog(printer, window)
    print_dialog.show()
    shown.append(print_dialog)
    plain, line = QPlainTextEdit(), QLineEdit()
    for editor in (plain, line):
        qtbot.addWidget(editor)
        menu = editor.createStandardContextMenu()
        assert menu is not None
        menu.setParent(editor)  # deleted with the editor
    for widget in shown:
        qtbot.waitExposed(widget)
    QCoreApplication.processEvents()
    for widget in QCoreApplication.instance().topLevelWidgets():  # type: ignore[union-attr]
        if widget.isVisible() and widget is not window:
            widget.close()

    qt_vi = QTranslator()
    assert qt_vi.load(str(translations_dir() / "qt_vi.qm"))
    app_contexts = {context for context, _, _ in messages(translations_dir() / "judge_app_vi.ts")}
    asked = {
        key
        for key in recorder.asked
        if key[0] not in NOT_TRANSLATED_CONTEXTS and key[0] not in app_contexts
    }
    assert len(asked) > 100  # the file dialogs, message box and print dialog were shown
    untranslated = sorted(key for key in asked if not qt_vi.translate(*key))
    assert untranslated == []
    buttons = shown[0].findChild(QDialogButtonBox)
    assert buttons is not None

"""The document viewer, driven by real key presses, against the document service.

Each test runs with the real `DocumentService` when its sandbox is installed, and with
`viewer_fake.FakeDocumentService` (PyMuPDF on one thread) in any case, so the viewer's own
behaviour is tested even while the conversion pipeline changes.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import wait_for_dialog
from viewer_fake import FakeDocumentService

from judge_app.documents.model import PageImage
from judge_app.paths import fonts_dir
from judge_app.ui.actions import ShortcutSheet, key_sequences, scoped
from judge_app.ui.app import make_main_window
from judge_app.ui.main_window import MainWindow
from judge_app.ui.viewer import DocumentPages, DocumentViewer, EntryViewerWindow, paper_name
from judge_app.ui.viewer_canvas import MARGIN_PX, page_pixmap, rotate_rect, rotated_size

TIMEOUT_MS = 20_000
REAL_SERVICE = importlib.util.find_spec("judge_app.documents.sandbox") is not None


@pytest.fixture(params=["real", "fake"])
def service(request: pytest.FixtureRequest) -> Iterator[DocumentPages]:
    if request.param == "real":
        if not REAL_SERVICE:
            pytest.skip("judge_app.documents.sandbox is not there yet")
        from judge_app.documents.service import DocumentService

        real = DocumentService()
        yield real
        real.shutdown()
    else:
        fake = FakeDocumentService()
        yield fake
        fake.shutdown()


@pytest.fixture
def viewer(qtbot: QtBot, service: DocumentPages) -> Iterator[DocumentViewer]:
    make_main_window()  # the app as it runs: fonts, Vietnamese translators
    widget = DocumentViewer()
    qtbot.addWidget(widget)
    widget.set_service(service)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    yield widget
    widget.close_all()  # before the service shuts down
    widget.close()


def numbered_pdf(path: Path, pages: int = 3) -> Path:
    """A4 pages, each with a big page number and a Vietnamese line that contains "số"."""
    font = str(fonts_dir() / "LiberationSerif-Regular.ttf")
    doc = pymupdf.open()
    for number in range(1, pages + 1):
        page = doc.new_page(width=595.28, height=841.89)
        page.insert_text((200, 420), str(number), fontsize=220, fontname="lsr", fontfile=font)
        page.insert_text(
            (72, 700), f"Đây là trang số {number}.", fontsize=20, fontname="lsr", fontfile=font
        )
    doc.save(path)
    doc.close()
    return path


def open_and_wait(qtbot: QtBot, viewer: DocumentViewer, path: Path) -> None:
    with qtbot.waitSignal(viewer.document_shown, timeout=TIMEOUT_MS):
        viewer.open_file(path)
    wait_rendered(qtbot, viewer, viewer.current_page)


def wait_rendered(qtbot: QtBot, viewer: DocumentViewer, index: int) -> None:
    qtbot.waitUntil(lambda: viewer.rendered_pixmap(index) is not None, timeout=TIMEOUT_MS)


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying `text`, as a Vietnamese input method sends them.

    (QTest.keyClicks aborts on letters outside Latin-1, such as ố.)
    """
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def focus_pages(qtbot: QtBot, viewer: DocumentViewer) -> None:
    viewer.canvas.setFocus()
    qtbot.waitUntil(lambda: viewer.canvas.hasFocus())


@pytest.fixture
def pdf3(tmp_path: Path) -> Path:
    return numbered_pdf(tmp_path / "ba-trang.pdf")


def test_page_keys_move_between_pages(qtbot: QtBot, viewer: DocumentViewer, pdf3: Path) -> None:
    open_and_wait(qtbot, viewer, pdf3)
    assert viewer.page_count == 3
    assert viewer.page_label.text() == "Trang 1/3"
    focus_pages(qtbot, viewer)

    qtbot.keyClick(viewer.canvas, Qt.Key.Key_PageDown)
    assert viewer.page_label.text() == "Trang 2/3"
    page_two = viewer.canvas.page_rect(1)
    assert viewer.canvas.verticalScrollBar().value() == int(page_two.top()) - MARGIN_PX
    wait_rendered(qtbot, viewer, 1)

    qtbot.keyClick(viewer.canvas, Qt.Key.Key_End)
    assert viewer.page_label.text() == "Trang 3/3"
    assert viewer.current_page == 2
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_PageUp)
    assert viewer.page_label.text() == "Trang 2/3"
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Home)
    assert viewer.page_label.text() == "Trang 1/3"
    assert viewer.canvas.verticalScrollBar().value() == 0


def test_page_forward_works_without_focus(qtbot: QtBot, viewer: DocumentViewer, pdf3: Path) -> None:
    """The grading workspace turns pages while the judge types in the rubric."""
    open_and_wait(qtbot, viewer, pdf3)
    viewer.search_edit.setFocus()
    viewer.page_forward()
    viewer.page_forward()
    viewer.page_forward()  # past the end stays on the last page
    assert viewer.current_page == 2
    viewer.page_back()
    assert viewer.page_label.text() == "Trang 2/3"
    assert viewer.search_edit.hasFocus()


def test_one_page_at_a_time(qtbot: QtBot, viewer: DocumentViewer, pdf3: Path) -> None:
    open_and_wait(qtbot, viewer, pdf3)
    focus_pages(qtbot, viewer)
    qtbot.keySequence(viewer.canvas, QKeySequence("Ctrl+2"))
    assert viewer.actions_by_id["viewer_single_page"].isChecked()
    laid_out = [i for i in range(3) if not viewer.canvas.page_rect(i).isEmpty()]
    assert laid_out == [0]
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_PageDown)
    assert viewer.page_label.text() == "Trang 2/3"
    assert [i for i in range(3) if not viewer.canvas.page_rect(i).isEmpty()] == [1]
    wait_rendered(qtbot, viewer, 1)
    qtbot.keySequence(viewer.canvas, QKeySequence("Ctrl+2"))  # back to the continuous view
    assert all(not viewer.canvas.page_rect(i).isEmpty() for i in range(3))
    assert viewer.current_page == 1


def test_ctrl_plus_zooms_in_and_pixels_grow(
    qtbot: QtBot, viewer: DocumentViewer, pdf3: Path
) -> None:
    open_and_wait(qtbot, viewer, pdf3)
    before = viewer.rendered_pixmap(0)
    assert before is not None
    focus_pages(qtbot, viewer)
    qtbot.keySequence(viewer.canvas, QKeySequence("Ctrl+="))
    wait_rendered(qtbot, viewer, viewer.current_page)
    after = viewer.rendered_pixmap(viewer.current_page)
    assert after is not None and after.width() > before.width()
    assert not viewer.actions_by_id["viewer_fit_width"].isChecked()

    qtbot.keySequence(viewer.canvas, QKeySequence("Ctrl+-"))
    qtbot.keySequence(viewer.canvas, QKeySequence("Ctrl+-"))
    wait_rendered(qtbot, viewer, viewer.current_page)
    smaller = viewer.rendered_pixmap(viewer.current_page)
    assert smaller is not None and smaller.width() < before.width()

    qtbot.keySequence(viewer.canvas, QKeySequence("Ctrl+1"))  # fit page: a whole page in view
    assert viewer.actions_by_id["viewer_fit_page"].isChecked()
    rect = viewer.canvas.page_rect(viewer.current_page)
    assert rect.height() <= viewer.canvas.viewport().height()
    qtbot.keySequence(viewer.canvas, QKeySequence("Ctrl+0"))  # fit width
    rect = viewer.canvas.page_rect(viewer.current_page)
    assert abs(rect.width() - (viewer.canvas.viewport().width() - 2 * MARGIN_PX)) <= 1


def test_ctrl_wheel_zooms(qtbot: QtBot, viewer: DocumentViewer, pdf3: Path) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    open_and_wait(qtbot, viewer, pdf3)
    scale = viewer.canvas.scale
    centre = QPointF(viewer.canvas.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(viewer.canvas.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewer.canvas.viewport(), event)
    assert viewer.canvas.scale > scale


def test_ctrl_r_rotates_and_is_remembered(qtbot: QtBot, viewer: DocumentViewer, pdf3: Path) -> None:
    open_and_wait(qtbot, viewer, pdf3)
    upright = viewer.rendered_pixmap(0)
    assert upright is not None and upright.height() > upright.width()  # portrait A4
    focus_pages(qtbot, viewer)
    qtbot.keySequence(viewer.canvas, QKeySequence("Ctrl+R"))
    assert viewer.rotation == 90
    wait_rendered(qtbot, viewer, viewer.current_page)
    turned = viewer.rendered_pixmap(viewer.current_page)
    assert turned is not None and turned.width() > turned.height()  # now landscape

    open_and_wait(qtbot, viewer, pdf3)  # the same file again: still turned
    assert viewer.rotation == 90
    pixmap = viewer.rendered_pixmap(viewer.current_page)
    assert pixmap is not None and pixmap.width() > pixmap.height()

    for _ in range(3):  # a full turn forgets it again
        qtbot.keySequence(viewer.canvas, QKeySequence("Ctrl+R"))
    assert viewer.rotation == 0
    open_and_wait(qtbot, viewer, pdf3)
    assert viewer.rotation == 0


def test_search_marks_hits_and_f3_steps(qtbot: QtBot, viewer: DocumentViewer, pdf3: Path) -> None:
    open_and_wait(qtbot, viewer, pdf3)
    qtbot.keySequence(viewer.canvas, QKeySequence("Ctrl+F"))
    assert viewer.search_edit.hasFocus()
    type_text(viewer.search_edit, "số")
    with qtbot.waitSignal(viewer.search_finished, timeout=TIMEOUT_MS) as found:
        qtbot.keyClick(viewer.search_edit, Qt.Key.Key_Return)
    assert found.args is not None and found.args[0] >= 1
    hits = viewer.search_hits()
    assert {page for page, _ in hits} == {0, 1, 2}
    assert viewer.hits_label.text() == "Kết quả 1/3"
    # The mark sits on the line of text, low on the page (y ≈ 700 of 842 pt).
    page, rect = hits[0]
    marked = viewer.canvas.hit_rect(page, rect)
    page_rect = viewer.canvas.page_rect(page)
    assert page_rect.contains(marked)
    assert (marked.top() - page_rect.top()) / page_rect.height() > 0.7

    viewer.canvas.setFocus()
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_F3)
    assert viewer.hits_label.text() == "Kết quả 2/3"
    assert viewer.current_page == 1
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.hits_label.text() == "Kết quả 1/3"

    viewer.search("không có chữ này")
    qtbot.waitUntil(lambda: viewer.hits_label.text() == "Không tìm thấy", timeout=TIMEOUT_MS)
    assert viewer.search_hits() == []


def test_search_hits_follow_rotation(qtbot: QtBot, viewer: DocumentViewer, pdf3: Path) -> None:
    open_and_wait(qtbot, viewer, pdf3)
    with qtbot.waitSignal(viewer.search_finished, timeout=TIMEOUT_MS):
        viewer.search("Đây là trang")
    page = viewer.search_hits()[0][0]
    viewer.rotate_clockwise()
    marked = QRectF()
    for hit_page, rect in viewer.search_hits():
        if hit_page == page:  # a hit may come as several rectangles (words, characters)
            marked = marked.united(viewer.canvas.hit_rect(page, rect))
    page_rect = viewer.canvas.page_rect(page)
    assert page_rect.contains(marked)
    # Text low on a portrait page sits on the left of the page turned clockwise.
    assert (marked.left() - page_rect.left()) / page_rect.width() < 0.3
    assert marked.height() > marked.width()  # the line now runs downwards


def test_thumbnails_one_per_page(qtbot: QtBot, viewer: DocumentViewer, pdf3: Path) -> None:
    rendered: set[int] = set()
    viewer.thumbnail_rendered.connect(rendered.add)  # before opening: they may come fast
    open_and_wait(qtbot, viewer, pdf3)
    assert viewer.thumbnails.count() == 3
    qtbot.waitUntil(lambda: rendered == {0, 1, 2}, timeout=TIMEOUT_MS)
    viewer.thumbnails.setCurrentRow(2)  # a click on a thumbnail goes to its page
    assert viewer.current_page == 2
    assert viewer.page_label.text() == "Trang 3/3"
    viewer.page_back()
    assert viewer.thumbnails.currentRow() == 1


def test_broken_file_shows_the_placeholder_page(
    qtbot: QtBot, viewer: DocumentViewer, tmp_path: Path
) -> None:
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a real office document" * 20)
    open_and_wait(qtbot, viewer, broken)
    info = viewer.current_info
    assert info is not None and info.placeholder
    assert viewer.page_count == info.page_count >= 1
    pixmap = viewer.rendered_pixmap(0)
    assert pixmap is not None and not pixmap.isNull()
    assert "không hiển thị được" in viewer.facts_label.text()
    assert viewer.thumbnails.count() == info.page_count


def test_a_photo_has_no_text_to_search(
    qtbot: QtBot, viewer: DocumentViewer, tmp_path: Path
) -> None:
    from PIL import Image

    photo = tmp_path / "anh.jpg"
    Image.new("RGB", (400, 300), (200, 190, 170)).save(photo)  # a landscape phone shot
    open_and_wait(qtbot, viewer, photo)
    assert viewer.file_combo.itemText(0) == "Tệp 1/1 – Ảnh"
    assert "không có lớp chữ" in viewer.facts_label.text()
    with qtbot.waitSignal(viewer.search_finished, timeout=TIMEOUT_MS) as found:
        viewer.search("số")
    assert found.args == [0]
    assert viewer.hits_label.text() == "Không có chữ để tìm"
    viewer.rotate_clockwise()  # still says why, not "not found"
    assert viewer.hits_label.text() == "Không có chữ để tìm"
    wait_rendered(qtbot, viewer, 0)
    pixmap = viewer.rendered_pixmap(0)
    assert pixmap is not None and pixmap.height() > pixmap.width()


def test_files_of_an_entry_are_numbered_not_named(
    qtbot: QtBot, viewer: DocumentViewer, tmp_path: Path
) -> None:
    first = numbered_pdf(tmp_path / "Nguyen Van A - bai du thi.pdf", pages=2)
    second = numbered_pdf(tmp_path / "Nguyen Van A - phu luc.pdf", pages=1)
    with qtbot.waitSignal(viewer.document_shown, timeout=TIMEOUT_MS):
        viewer.open_files([first, second])
    combo = viewer.file_combo
    qtbot.waitUntil(lambda: combo.itemText(1) == "Tệp 2/2 – PDF", timeout=TIMEOUT_MS)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Tệp 1/2 – PDF", "Tệp 2/2 – PDF"]
    shown = [label.text() for label in (viewer.facts_label, viewer.kind_badge, viewer.page_label)]
    assert not any("Nguyen" in text for text in shown)
    with qtbot.waitSignal(viewer.document_shown, timeout=TIMEOUT_MS):
        qtbot.keyClick(viewer.canvas, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert viewer.current_file == 1
    assert viewer.page_label.text() == "Trang 1/1"


def test_stale_renders_are_ignored(qtbot: QtBot, pdf3: Path) -> None:
    """Pixels for a zoom the judge has already left never replace the current ones."""
    make_main_window()
    slow = FakeDocumentService(delay_s=0.05)
    widget = DocumentViewer()
    qtbot.addWidget(widget)
    widget.set_service(slow)
    widget.resize(800, 600)
    widget.show()
    try:
        with qtbot.waitSignal(widget.document_shown, timeout=TIMEOUT_MS):
            widget.open_file(pdf3)
        for _ in range(4):
            widget.zoom_in()
        wait_rendered(qtbot, widget, 0)
        key = widget.canvas.render_key()
        pixmap = widget.rendered_pixmap(0)
        assert pixmap is not None
        expected = round(595.28 * key[0])
        assert abs(pixmap.width() - expected) <= 1
    finally:
        widget.close()
        slow.shutdown()


def test_only_visible_pages_are_rendered_and_the_next_prefetched(
    qtbot: QtBot, tmp_path: Path
) -> None:
    make_main_window()
    fake = FakeDocumentService()
    widget = DocumentViewer()
    qtbot.addWidget(widget)
    widget.set_service(fake)
    widget.resize(800, 600)
    widget.show()
    try:
        open_and_wait(qtbot, widget, numbered_pdf(tmp_path / "muoi.pdf", pages=10))
        visible = widget.canvas.visible_pages()
        assert len(visible) < 10
        big = [r for r in fake.renders if r[2] > 0.5]  # leave the thumbnails out
        assert {index for _, index, _, _ in big} == set(visible)
        assert fake.prefetches[-1][1] == [visible[-1] + 1, visible[-1] + 2]
    finally:
        widget.close_all()
        widget.close()
        fake.shutdown()


def test_viewer_shortcuts_come_from_the_registry(viewer: DocumentViewer) -> None:
    specs = scoped("viewer")
    assert {spec.id for spec in specs} == set(viewer.actions_by_id)
    for spec in specs:
        assert viewer.actions_by_id[spec.id].shortcuts() == key_sequences(spec.shortcut), spec.id
    menu_ids = [a.objectName() for a in viewer.context_menu.actions() if not a.isSeparator()]
    assert menu_ids == [spec.id for spec in specs]


def test_f1_sheet_lists_the_viewer_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = wait_for_dialog(qtbot, ShortcutSheet)
    assert isinstance(sheet, ShortcutSheet)
    rows = dict(sheet.rows())
    assert rows["Phóng to"] == "Ctrl+=, Ctrl++"
    assert rows["Thu nhỏ"] == "Ctrl+-"
    assert rows["Vừa chiều rộng"] == "Ctrl+0"
    assert rows["Vừa trang"] == "Ctrl+1"
    assert rows["Xoay phải 90°"] == "Ctrl+R"
    assert rows["Trang sau"] == "PgDown"
    assert rows["Trang trước"] == "PgUp"
    assert rows["Trang đầu"] == "Home"
    assert rows["Trang cuối"] == "End"
    assert rows["Tìm chữ…"] == "Ctrl+F"
    assert rows["Kết quả tiếp theo"] == "F3"
    where = {
        sheet.table.item(row, 0).text(): sheet.table.item(row, 2).text()  # type: ignore[union-attr]
        for row in range(sheet.table.rowCount())
    }
    assert where["Trang sau"] == "Trình xem tài liệu"
    assert where["Thoát"] == "Cửa sổ chính"
    sheet.close()


def test_double_click_on_an_entry_opens_its_files(
    qtbot: QtBot, window: MainWindow, contest_file: Path, open_contest: Callable[[Path], MainWindow]
) -> None:
    fake = FakeDocumentService()
    window.make_document_service = lambda: fake
    open_contest(contest_file)
    table = window.contest_view.table
    table.setFocus()
    table.selectRow(0)
    code = window.contest_view.code_at(0)
    assert code is not None
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.viewer_window is not None and window.viewer_window.isVisible(),
        timeout=TIMEOUT_MS,
    )
    viewer_window = window.viewer_window
    assert isinstance(viewer_window, EntryViewerWindow)
    assert viewer_window.windowTitle() == f"Bài dự thi {code} – judge-app"
    viewer = viewer_window.viewer
    assert viewer.file_count >= 1
    qtbot.waitUntil(lambda: viewer.current_info is not None, timeout=TIMEOUT_MS)
    # The demo contest's files are not on disk: each shows its placeholder page.
    assert viewer.current_info is not None and viewer.current_info.placeholder
    assert viewer.file_combo.itemText(0).startswith(f"Tệp 1/{viewer.file_count}")
    next_code = window.contest_view.code_after(code)
    assert next_code is not None
    qtbot.waitUntil(lambda: len(fake.opened) > viewer.file_count, timeout=TIMEOUT_MS)  # next entry
    assert all(next_code in str(path) for path in fake.opened[viewer.file_count :])
    window.close()


def test_view_menu_shows_the_selected_entry(
    qtbot: QtBot, window: MainWindow, contest_file: Path, open_contest: Callable[[Path], MainWindow]
) -> None:
    fake = FakeDocumentService()
    window.make_document_service = lambda: fake
    action = window.registry_actions["open_entry"]
    assert not action.isEnabled()  # no contest yet
    open_contest(contest_file)
    assert action.isEnabled()
    window.contest_view.table.selectRow(2)
    code = window.contest_view.code_at(2)
    action.trigger()
    qtbot.waitUntil(lambda: window.viewer_window is not None, timeout=TIMEOUT_MS)
    assert window.viewer_window is not None
    qtbot.waitUntil(lambda: window.viewer_window.code == code, timeout=TIMEOUT_MS)  # type: ignore[union-attr]
    window.close()  # closes the viewer's documents, then shuts the service down
    assert fake.closed


# ----------------------------------------------------------------------------- geometry


def test_rotate_rect_turns_clockwise() -> None:
    size = (100.0, 200.0)  # portrait
    top_left = (0.0, 0.0, 10.0, 20.0)
    assert rotated_size(size, 90) == (200.0, 100.0)
    assert rotate_rect(top_left, size, 0) == top_left
    assert rotate_rect(top_left, size, 90) == (180.0, 0.0, 200.0, 10.0)  # top right
    assert rotate_rect(top_left, size, 180) == (90.0, 180.0, 100.0, 200.0)  # bottom right
    assert rotate_rect(top_left, size, 270) == (0.0, 90.0, 20.0, 100.0)  # bottom left


def test_paper_names() -> None:
    assert paper_name((595.28, 841.89)) == "A4"
    assert paper_name((841.89, 595.28)) == "A4"
    assert paper_name((612, 792)) == "Letter"
    assert paper_name((283.46, 283.46)) == "100 × 100 mm"


def test_pixmaps_are_sharp_on_high_dpi_screens() -> None:
    image = PageImage(4, 2, bytes(range(24)))
    pixmap = page_pixmap(image, 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.deviceIndependentSize().toSize() == QSize(2, 1)
    back = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB888)
    assert back.pixelColor(1, 0).getRgb()[:3] == (3, 4, 5)  # type: ignore[index]


def test_opening_a_contest_warms_the_document_service(
    qtbot: QtBot, window: MainWindow, contest_file: Path, open_contest: Callable[[Path], MainWindow]
) -> None:
    """The sandbox child starts while the judge looks at the list, not on the first entry."""
    made: list[FakeDocumentService] = []

    def make() -> FakeDocumentService:
        made.append(FakeDocumentService())
        return made[-1]

    window.make_document_service = make
    open_contest(contest_file)
    assert window.documents is None  # not competing with the first drawing of the list
    qtbot.waitUntil(lambda: window.documents is not None, timeout=TIMEOUT_MS)
    assert made == [window.documents]
    window.close()

"""The document viewer: one entry's files, page by page, for a judge to read and grade.

The viewer talks only to `documents.service.DocumentService` (or anything with the same
methods): every call returns a future, delivered back on the GUI thread by `FutureWatcher`, so
rendering never blocks the window. Only the pages in view are asked for (plus the next two as
a prefetch); a result that arrives for an old zoom, rotation or file is dropped, or shown
stretched until the right pixels come. Files are named by their number in the entry
("Tệp 1/2 – DOCX"), never by the name the school gave them: it may carry the entrant's name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QIcon, QKeyEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from judge_app.documents.model import A4_PT, LETTER_PT, DocKind, PageImage
from judge_app.ui import actions as registry
from judge_app.ui.errors import log_error
from judge_app.ui.i18n import QT_TRANSLATE_NOOP
from judge_app.ui.operation import FutureWatcher
from judge_app.ui.settings import settings_file
from judge_app.ui.viewer_canvas import (
    SCALE_AT_100,
    ZOOM_STEP,
    PageCanvas,
    Rect,
    ZoomMode,
    page_pixmap,
    render_zoom,
)

if TYPE_CHECKING:
    from judge_app.documents.service import DocumentInfo, SearchHit

translate = QCoreApplication.translate
T = TypeVar("T")

PREFETCH_AHEAD = 2  # pages after the last visible one
KEEP_AROUND = 3  # rendered pages kept in memory on each side of the view
THUMB_WIDTH = 96  # logical pixels
THUMB_HEIGHT = 136
POINTS_PER_MM = 72 / 25.4

KIND_NAMES: dict[DocKind, str] = {
    DocKind.PDF: "PDF",
    DocKind.DOCX: "DOCX",
    DocKind.IMAGE: QT_TRANSLATE_NOOP("DocumentViewer", "Image"),
    DocKind.ODT: "ODT",
    DocKind.DOC: "DOC",
    DocKind.RTF: "RTF",
    DocKind.HTML: "HTML",
    DocKind.TEXT: QT_TRANSLATE_NOOP("DocumentViewer", "Plain text"),
    DocKind.ZIP: "ZIP",
    DocKind.EMPTY: QT_TRANSLATE_NOOP("DocumentViewer", "Empty file"),
    DocKind.UNKNOWN: QT_TRANSLATE_NOOP("DocumentViewer", "Unknown format"),
}


class DocumentPages(Protocol):
    """What the viewer needs of a document service (`DocumentService` has exactly this)."""

    def open(self, path: Path) -> Future[DocumentInfo]: ...

    def render(
        self, doc_id: str, index: int, zoom: float, rotation: int = 0
    ) -> Future[PageImage]: ...

    def search(self, doc_id: str, query: str) -> Future[list[SearchHit]]: ...

    def prefetch(self, doc_id: str, indices: list[int], zoom: float, rotation: int = 0) -> None: ...

    def close(self, doc_id: str) -> None: ...

    def shutdown(self) -> None: ...


# ----------------------------------------------------------------------------- texts


def kind_name(kind: DocKind) -> str:
    return translate("DocumentViewer", KIND_NAMES.get(kind, str(kind)))


def paper_name(size_pt: tuple[float, float]) -> str:
    """A4, Letter (either way up), else the size in millimetres."""
    width, height = sorted(size_pt)
    for name, (w, h) in (("A4", A4_PT), ("Letter", LETTER_PT)):
        if abs(width - w) <= 3 and abs(height - h) <= 3:
            return name
    w_mm, h_mm = (round(v / POINTS_PER_MM) for v in size_pt)
    return f"{w_mm} × {h_mm} mm"


def facts_text(info: DocumentInfo) -> str:
    """The line under the toolbar: pages, paper, fonts, text or scan (what the rules check)."""
    facts = info.facts
    parts = [translate("DocumentViewer", "Pages: %1").replace("%1", str(info.page_count))]
    if info.kind is DocKind.IMAGE and facts.image_pixels is not None:
        parts.append("{} × {} px".format(*facts.image_pixels))
    elif info.page_sizes_pt:
        papers = {paper_name(size) for size in info.page_sizes_pt}
        paper = paper_name(info.page_sizes_pt[0])
        if len(papers) > 1:
            paper = translate("DocumentViewer", "%1 and other sizes").replace("%1", paper)
        parts.append(translate("DocumentViewer", "Paper: %1").replace("%1", paper))
    if facts.fonts:
        font = facts.fonts[0]
        parts.append(
            translate("DocumentViewer", "Main font: %1 %2 pt")
            .replace("%1", font.name)
            .replace("%2", f"{font.size_pt:g}")
        )
    if facts.has_text:
        parts.append(translate("DocumentViewer", "has text"))
    else:
        parts.append(translate("DocumentViewer", "scan or photo: no text"))
    return "  ·  ".join(parts)


def thumbnail_icon(pixmap: QPixmap) -> QIcon:
    """The page as it is, also when selected (styles tint selected icons, hiding the page)."""
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pixmap, mode)
    return icon


# ----------------------------------------------------------------------------- settings


class ViewerSettings:
    """UI state of the viewer in QSettings: each file's rotation, the zoom mode.

    A file is known by the SHA-256 of its absolute path (the ini file then holds no names).
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(str(settings_file()), QSettings.Format.IniFormat)

    @staticmethod
    def _file_key(path: Path) -> str:
        digest = hashlib.sha256(str(Path(path).resolve()).encode("utf-8")).hexdigest()
        return f"viewer/rotation/{digest[:32]}"

    def rotation(self, path: Path) -> int:
        value = self._store.value(self._file_key(path), 0)
        try:
            return int(str(value)) % 360
        except ValueError:
            return 0

    def set_rotation(self, path: Path, rotation: int) -> None:
        key = self._file_key(path)
        if rotation % 360:
            self._store.setValue(key, rotation % 360)
        else:
            self._store.remove(key)

    @property
    def zoom_mode(self) -> ZoomMode:
        try:
            return ZoomMode(str(self._store.value("viewer/zoom_mode", ZoomMode.FIT_WIDTH.value)))
        except ValueError:  # a setting from another version: start from the default
            return ZoomMode.FIT_WIDTH

    @zoom_mode.setter
    def zoom_mode(self, mode: ZoomMode) -> None:
        self._store.setValue("viewer/zoom_mode", mode.value)


# ----------------------------------------------------------------------------- viewer


@dataclass
class _File:
    """One file of the entry being shown."""

    number: int  # 1-based, as the judge sees it
    path: Path
    future: Future[DocumentInfo]
    info: DocumentInfo | None = None
    rotation: int = 0
    page: int = 0  # where the judge was in this file


_RenderKey = tuple[str, int, float, int, bool]  # doc_id, page, zoom, rotation, thumbnail


class DocumentViewer(QWidget):
    """Pages of one entry's files, with zoom, rotation, thumbnails and text search.

    Signals let tests and the grading workspace wait without sleeping: `document_shown`
    when a file's layout is on screen, `page_rendered` when a page's pixels arrive,
    `search_finished` with the number of hits.
    """

    document_shown = Signal(int)  # index of the file in the entry
    page_rendered = Signal(int)
    thumbnail_rendered = Signal(int)
    search_finished = Signal(int)
    current_page_changed = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        settings: ViewerSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentViewer")
        self._service: DocumentPages | None = None
        self._settings = settings or ViewerSettings()
        self._files: list[_File] = []
        self._shown: _File | None = None
        self._warm: dict[Path, Future[DocumentInfo]] = {}  # next entry's files, opened early
        self._warm_wanted: list[Path] = []  # to open once the shown page is drawn
        self._pending: dict[_RenderKey, tuple[Future[PageImage], FutureWatcher]] = {}
        self._last_prefetch: tuple[str, tuple[int, ...], float, int] | None = None
        self._hits: list[tuple[int, Rect]] = []
        self._hit_index = -1
        self._search_query = ""
        self._search_serial = 0
        self._search_note = ""  # shown instead of a count: no text, searching, failed

        self.actions_by_id = registry.create_actions(self, registry.scoped("viewer"))
        for action in self.actions_by_id.values():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        self.file_combo = QComboBox(self)
        self.file_combo.setObjectName("viewerFiles")
        self.file_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.file_combo.currentIndexChanged.connect(self._file_chosen)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("viewerToolbar")
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.addWidget(self.file_combo)
        self.toolbar.addSeparator()
        registry.build_toolbar(self.toolbar, self.actions_by_id, scope="viewer")
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("viewerZoom")
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("8888 %") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.toolbar.addWidget(self.zoom_label)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("viewerSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(180)
        self.search_edit.returnPressed.connect(self._search_entered)
        self.search_edit.installEventFilter(self)
        self.toolbar.addWidget(self.search_edit)
        self.hits_label = QLabel(self)
        self.hits_label.setObjectName("viewerHits")
        self.toolbar.addWidget(self.hits_label)

        self.kind_badge = QLabel(self)
        self.kind_badge.setObjectName("viewerKind")
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("viewerFacts")
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("viewerPage")
        bold = self.page_label.font()
        bold.setBold(True)
        self.page_label.setFont(bold)
        facts_row = QHBoxLayout()
        facts_row.setContentsMargins(8, 2, 8, 2)
        facts_row.addWidget(self.kind_badge)
        facts_row.addSpacing(6)
        facts_row.addWidget(self.facts_label, 1)
        facts_row.addWidget(self.page_label)

        self._thumbs_timer = QTimer(self)
        self._thumbs_timer.setSingleShot(True)
        self._thumbs_timer.setInterval(30)
        self._thumbs_timer.timeout.connect(self._request_thumbnails)
        self.thumbnails = QListWidget(self)
        self.thumbnails.setObjectName("viewerThumbnails")
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, THUMB_HEIGHT))
        self.thumbnails.setSpacing(4)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setFixedWidth(THUMB_WIDTH + 44)
        self.thumbnails.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.thumbnails.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        strip = self.thumbnails.palette()
        strip.setColor(QPalette.ColorRole.Base, QColor("#e4e6e8"))  # white pages stand out
        self.thumbnails.setPalette(strip)
        self.thumbnails.currentRowChanged.connect(self._thumbnail_chosen)
        self.thumbnails.verticalScrollBar().valueChanged.connect(
            lambda _v: self._thumbs_timer.start()
        )

        self.canvas = PageCanvas(self)
        self.canvas.pixels_wanted.connect(self._request_pages)
        self.canvas.current_page_changed.connect(self._page_changed)
        self.canvas.zoom_changed.connect(self._zoom_changed)
        self.context_menu = QMenu(self)
        registry.fill_scope_menu(self.context_menu, "viewer", self.actions_by_id)
        self.canvas.context_menu = self.context_menu
        self.setFocusProxy(self.canvas)

        pages = QHBoxLayout()
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        pages.addWidget(self.thumbnails)
        pages.addWidget(self.canvas, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addLayout(facts_row)
        layout.addLayout(pages, 1)

        mode = self._settings.zoom_mode
        self.canvas.set_zoom_mode(mode if mode is not ZoomMode.CUSTOM else ZoomMode.FIT_WIDTH)
        self.retranslate()

    # ------------------------------------------------------------------------- public API

    def set_service(self, service: DocumentPages | None) -> None:
        """The service every page comes from; files already open stay with the old one."""
        self._service = service

    def open_file(self, path: Path) -> None:
        self.open_files([path])

    def open_files(self, paths: Sequence[Path]) -> None:
        """Show an entry's files (the first one now); earlier files are closed."""
        if self._service is None:
            raise RuntimeError("DocumentViewer.set_service() first")
        self._close_files()
        self._warm_wanted = []  # the caller names the next entry again (prefetch_files)
        for number, path in enumerate(paths, start=1):
            path = Path(path)
            future = self._warm.pop(path, None) or self._service.open(path)
            file = _File(number, path, future, rotation=self._settings.rotation(path))
            self._files.append(file)
            self._watch(future, partial(self._file_opened, file))
        self._fill_file_combo()
        self._show_file(0)

    def prefetch_files(self, paths: Sequence[Path]) -> None:
        """Open the next entry's files early, and render the first file's first page into the
        service's cache (`_warm_opened`), so they show at once when the judge moves on.

        The opens start once the shown file's first page is on screen: the service serves
        opens before renders, and a DOCX conversion must not delay the page being read.
        """
        self._warm_wanted = [Path(p) for p in paths]
        for path in [p for p in self._warm if p not in self._warm_wanted]:
            self._discard(self._warm.pop(path))
        if self._shown is None or self.canvas.pixmap(self.canvas.current_page) is not None:
            self._start_warm()

    def _start_warm(self) -> None:
        if self._service is None:
            return
        for path in self._warm_wanted:
            if path not in self._warm:
                future = self._service.open(path)
                self._warm[path] = future
                if path == self._warm_wanted[0]:
                    self._watch(future, partial(self._warm_opened, path, future))
        self._warm_wanted = []

    def _warm_opened(self, path: Path, future: Future[DocumentInfo], outcome: object) -> None:
        """The next entry's first file opened: render its first page into the service's
        cache at the zoom it will be shown at, so moving on needs no render at all."""
        service = self._service
        if service is None or self._warm.get(path) is not future:
            return  # shown already (its page is asked for as the visible one) or dropped
        if isinstance(outcome, BaseException):
            return  # reported when the entry is shown, like any file that fails to open
        info = cast("DocumentInfo", outcome)
        if info.page_sizes_pt:
            zoom, rotation = self.canvas.first_page_key(
                info.page_sizes_pt, self._settings.rotation(path)
            )
            service.render(info.doc_id, 0, zoom, rotation)

    def close_all(self) -> None:
        """Close every document (before the service shuts down)."""
        self._close_files()
        for future in self._warm.values():
            self._discard(future)
        self._warm.clear()
        self._warm_wanted = []
        self._fill_file_combo()
        self.canvas.show_message("")

    @property
    def file_count(self) -> int:
        return len(self._files)

    @property
    def current_file(self) -> int:
        return self._files.index(self._shown) if self._shown in self._files else -1

    @property
    def current_info(self) -> DocumentInfo | None:
        return self._shown.info if self._shown is not None else None

    @property
    def current_page(self) -> int:
        return self.canvas.current_page

    @property
    def page_count(self) -> int:
        return self.canvas.page_count

    @property
    def rotation(self) -> int:
        return self.canvas.rotation

    def rendered_pixmap(self, index: int) -> QPixmap | None:
        """Page `index`'s pixels at the current zoom and rotation, if they have arrived."""
        return self.canvas.pixmap(index)

    def search_hits(self) -> list[tuple[int, Rect]]:
        return list(self._hits)

    # ------------------------------------------------------------------------- actions

    def page_forward(self) -> None:
        """Next page; the grading workspace calls this while focus stays in the rubric."""
        self.canvas.go_to_page(self.canvas.current_page + 1)

    def page_back(self) -> None:
        self.canvas.go_to_page(self.canvas.current_page - 1)

    def first_page(self) -> None:
        self.canvas.go_to_page(0)

    def last_page(self) -> None:
        self.canvas.go_to_page(self.canvas.page_count - 1)

    def go_to_page(self, index: int) -> None:
        self.canvas.go_to_page(index)

    def zoom_in(self) -> None:
        self.canvas.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.canvas.zoom_by(1 / ZOOM_STEP)

    def fit_width(self) -> None:
        self.canvas.set_zoom_mode(ZoomMode.FIT_WIDTH)
        self._settings.zoom_mode = ZoomMode.FIT_WIDTH

    def fit_page(self) -> None:
        self.canvas.set_zoom_mode(ZoomMode.FIT_PAGE)
        self._settings.zoom_mode = ZoomMode.FIT_PAGE

    def toggle_single_page(self) -> None:
        self.canvas.set_single_page(not self.canvas.single_page)
        self.actions_by_id["viewer_single_page"].setChecked(self.canvas.single_page)

    def rotate_clockwise(self) -> None:
        """Turn the shown file 90° clockwise and remember it for that file."""
        file = self._shown
        if file is None or file.info is None:
            return
        file.rotation = (file.rotation + 90) % 360
        self._settings.set_rotation(file.path, file.rotation)
        self._cancel_stale()
        self.canvas.set_rotation(file.rotation)
        self._reset_thumbnails()
        self._show_hits()

    def next_file(self) -> None:
        if self._files:
            self.file_combo.setCurrentIndex((self.current_file + 1) % len(self._files))

    def previous_file(self) -> None:
        if self._files:
            self.file_combo.setCurrentIndex((self.current_file - 1) % len(self._files))

    def start_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def search(self, query: str) -> None:
        """Find `query` in the shown file; `search_finished` tells how many hits."""
        self.search_edit.setText(query)
        self._run_search(query)

    def next_hit(self) -> None:
        self._step_hit(+1)

    def previous_hit(self) -> None:
        self._step_hit(-1)

    # ------------------------------------------------------------------------- files

    def _watch(self, future: Future[T], callback: Callable[[object], None]) -> FutureWatcher:
        """Run `callback(result or exception)` on the GUI thread when `future` finishes."""
        watcher = FutureWatcher(future, self)

        def resolved(outcome: object) -> None:
            watcher.deleteLater()
            callback(outcome)

        watcher.resolved.connect(resolved)
        return watcher

    def _discard(self, future: Future[DocumentInfo]) -> None:
        """Close a document now or, if it is still opening, as soon as it opened."""
        service = self._service
        if service is None:
            return

        def close(done: Future[DocumentInfo]) -> None:
            if not done.cancelled() and done.exception() is None:
                service.close(done.result().doc_id)

        future.add_done_callback(close)

    def _close_files(self) -> None:
        self._cancel_all()
        for file in self._files:
            self._discard(file.future)
        self._files = []
        self._shown = None
        self._clear_search()

    def _fill_file_combo(self) -> None:
        self.file_combo.blockSignals(True)
        try:
            self.file_combo.clear()
            for file in self._files:
                self.file_combo.addItem(self._file_label(file))
            self.file_combo.setCurrentIndex(0 if self._files else -1)
        finally:
            self.file_combo.blockSignals(False)
        self.file_combo.setEnabled(bool(self._files))  # readable even with one file
        for action_id in ("viewer_next_file", "viewer_previous_file"):
            self.actions_by_id[action_id].setEnabled(len(self._files) > 1)

    def _file_label(self, file: _File) -> str:
        text = (
            translate("DocumentViewer", "File %1/%2")
            .replace("%1", str(file.number))
            .replace("%2", str(len(self._files)))
        )
        return text if file.info is None else f"{text} – {kind_name(file.info.kind)}"

    def _file_opened(self, file: _File, outcome: object) -> None:
        if file not in self._files:
            return  # the judge moved on; _discard closes it
        if isinstance(outcome, BaseException):
            log_error(outcome)
            if file is self._shown:
                self.canvas.show_message(
                    translate("DocumentViewer", "This file could not be opened.")
                )
            return
        file.info = cast("DocumentInfo", outcome)
        self.file_combo.setItemText(file.number - 1, self._file_label(file))
        if file is self._shown:
            self._show_document()

    def _file_chosen(self, index: int) -> None:
        if 0 <= index < len(self._files):
            self._show_file(index)

    def _show_file(self, index: int) -> None:
        if self._shown is not None:
            self._shown.page = self.canvas.current_page
        self._cancel_all()
        self._clear_search()
        self._shown = self._files[index] if 0 <= index < len(self._files) else None
        if self._shown is not None and self._shown.info is not None:
            self._show_document()
        else:
            self.thumbnails.clear()
            self.kind_badge.clear()
            self.kind_badge.setStyleSheet("")
            self.facts_label.clear()
            self.canvas.show_message(
                translate("DocumentViewer", "Opening the file…")
                if self._shown is not None
                else translate("DocumentViewer", "No file to show")
            )
            self._update_page_label()

    def _show_document(self) -> None:
        file = self._shown
        assert file is not None and file.info is not None
        info = file.info
        self.canvas.set_pages(info.page_sizes_pt, file.rotation, file.page)
        self._reset_thumbnails()
        self._show_facts(info)
        self._update_page_label()
        if self._search_query:
            self._run_search(self._search_query)
        self.document_shown.emit(self._files.index(file))

    def _show_facts(self, info: DocumentInfo) -> None:
        self.kind_badge.setText(kind_name(info.kind))
        colour = QColor("#b42318") if info.placeholder else QColor("#1f5f99")
        self.kind_badge.setStyleSheet(
            f"background: {colour.name()}; color: white; font-weight: bold;"
            " border-radius: 3px; padding: 1px 6px;"
        )
        if info.placeholder:
            self.facts_label.setText(
                translate("DocumentViewer", "This file cannot be shown: the page below says why.")
            )
        else:
            self.facts_label.setText(facts_text(info))

    # ------------------------------------------------------------------------- rendering

    def _doc_id(self) -> str | None:
        file = self._shown
        return file.info.doc_id if file is not None and file.info is not None else None

    def _request_pages(self) -> None:
        """Ask for the visible pages the canvas lacks, then prefetch the next ones."""
        doc_id, service = self._doc_id(), self._service
        if doc_id is None or service is None:
            return
        self._cancel_stale()
        zoom, rotation = self.canvas.render_key()
        visible = self.canvas.visible_pages()
        for index in visible:
            if self.canvas.pixmap(index) is None:
                self._render(doc_id, index, zoom, rotation, thumbnail=False)
        if visible:
            keep = set(range(visible[0] - KEEP_AROUND, visible[-1] + KEEP_AROUND + 1))
            self.canvas.drop_far_pixmaps(keep)
            ahead = [
                i
                for i in range(visible[-1] + 1, visible[-1] + 1 + PREFETCH_AHEAD)
                if i < self.canvas.page_count
            ]
            request = (doc_id, tuple(ahead), zoom, rotation)
            if ahead and request != self._last_prefetch:  # scrolling asks many times a second
                self._last_prefetch = request
                service.prefetch(doc_id, ahead, zoom, rotation)
        self._update_page_label()

    def _render(
        self, doc_id: str, index: int, zoom: float, rotation: int, *, thumbnail: bool
    ) -> None:
        key = (doc_id, index, zoom, rotation, thumbnail)
        if key in self._pending or self._service is None:
            return
        future = self._service.render(doc_id, index, zoom, rotation)
        watcher = self._watch(future, partial(self._rendered, key))
        self._pending[key] = (future, watcher)

    def _rendered(self, key: _RenderKey, outcome: object) -> None:
        self._pending.pop(key, None)
        doc_id, index, zoom, rotation, thumbnail = key
        if isinstance(outcome, BaseException):
            log_error(outcome)
            return
        if doc_id != self._doc_id() or not isinstance(outcome, PageImage):
            return  # another file is shown now
        if rotation != self.canvas.rotation:
            return  # turned since: useless even as a preview
        dpr = self.canvas.device_pixel_ratio()
        pixmap = page_pixmap(outcome, dpr)
        if thumbnail:
            item = self.thumbnails.item(index)
            if item is not None and zoom == self._thumb_zoom(index):
                item.setIcon(thumbnail_icon(pixmap))
                self.thumbnail_rendered.emit(index)
            return
        if (zoom, rotation) != self.canvas.render_key() and self.canvas.pixmap(index) is not None:
            return  # an old zoom, and the right pixels are already there
        self.canvas.set_pixmap(index, (zoom, rotation), pixmap)
        if (zoom, rotation) == self.canvas.render_key():
            if self._warm_wanted:
                self._start_warm()
            self.page_rendered.emit(index)

    def _cancel_stale(self) -> None:
        """Withdraw requests for another zoom, rotation or file that have not started."""
        doc_id = self._doc_id()
        zoom, rotation = self.canvas.render_key()
        for key, (future, watcher) in list(self._pending.items()):
            other_file = key[0] != doc_id
            stale_page = not key[4] and (key[2], key[3]) != (zoom, rotation)
            stale_thumb = key[4] and key[3] != rotation
            if (other_file or stale_page or stale_thumb) and future.cancel():
                watcher.deleteLater()
                del self._pending[key]

    def _cancel_all(self) -> None:
        for key, (future, watcher) in list(self._pending.items()):
            if future.cancel():
                watcher.deleteLater()
                del self._pending[key]

    # ------------------------------------------------------------------------- thumbnails

    def _thumb_zoom(self, index: int) -> float:
        sizes = self.canvas.displayed_sizes()
        width, height = sizes[index]
        scale = min(THUMB_WIDTH / max(width, 1.0), THUMB_HEIGHT / max(height, 1.0))
        return render_zoom(scale, self.canvas.device_pixel_ratio())

    def _reset_thumbnails(self) -> None:
        """One item per page, grey until its small render arrives."""
        self.thumbnails.blockSignals(True)
        try:
            self.thumbnails.clear()
            for index, size in enumerate(self.canvas.displayed_sizes()):
                width, height = size
                scale = min(THUMB_WIDTH / max(width, 1.0), THUMB_HEIGHT / max(height, 1.0))
                grey = QPixmap(max(1, round(width * scale)), max(1, round(height * scale)))
                grey.fill(QColor("#d4d6d8"))
                item = QListWidgetItem(thumbnail_icon(grey), str(index + 1))
                item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
                self.thumbnails.addItem(item)
            self.thumbnails.setCurrentRow(self.canvas.current_page)
        finally:
            self.thumbnails.blockSignals(False)
        self._thumbs_timer.start()

    def _request_thumbnails(self) -> None:
        doc_id = self._doc_id()
        if doc_id is None:
            return
        view = self.thumbnails.viewport().rect()
        for index in range(self.thumbnails.count()):
            item = self.thumbnails.item(index)
            if self.thumbnails.visualItemRect(item).intersects(view.adjusted(0, -200, 0, 200)):
                self._render(
                    doc_id, index, self._thumb_zoom(index), self.canvas.rotation, thumbnail=True
                )

    def _thumbnail_chosen(self, row: int) -> None:
        if row >= 0 and row != self.canvas.current_page:
            self.canvas.go_to_page(row)

    # ------------------------------------------------------------------------- page, zoom

    def _page_changed(self, index: int) -> None:
        self.thumbnails.blockSignals(True)
        self.thumbnails.setCurrentRow(index)
        self.thumbnails.blockSignals(False)
        self._update_page_label()
        self.current_page_changed.emit(index)

    def _update_page_label(self) -> None:
        count = self.canvas.page_count
        if count == 0:
            self.page_label.clear()
            return
        self.page_label.setText(
            translate("DocumentViewer", "Page %1/%2")
            .replace("%1", str(self.canvas.current_page + 1))
            .replace("%2", str(count))
        )

    def _zoom_changed(self) -> None:
        percent = round(self.canvas.scale / SCALE_AT_100 * 100)
        self.zoom_label.setText(f"{percent} %")
        mode = self.canvas.zoom_mode
        self.actions_by_id["viewer_fit_width"].setChecked(mode is ZoomMode.FIT_WIDTH)
        self.actions_by_id["viewer_fit_page"].setChecked(mode is ZoomMode.FIT_PAGE)

    # ------------------------------------------------------------------------- search

    def _search_entered(self) -> None:
        query = self.search_edit.text().strip()
        if query and query == self._search_query and self._hits:
            self.next_hit()
        else:
            self._run_search(query)

    def _run_search(self, query: str) -> None:
        query = query.strip()
        doc_id, service = self._doc_id(), self._service
        self._search_serial += 1
        self._hits, self._hit_index = [], -1
        self._search_query = query
        self.canvas.set_hits({}, None)
        if not query or doc_id is None or service is None or self._shown is None:
            self.hits_label.clear()
            return
        info = self._shown.info
        if info is not None and not info.facts.has_text:
            self._set_search_note(QT_TRANSLATE_NOOP("DocumentViewer", "No text to search in"))
            self.search_finished.emit(0)
            return
        self._set_search_note(QT_TRANSLATE_NOOP("DocumentViewer", "Searching…"))
        self._watch(
            service.search(doc_id, query), partial(self._searched, self._search_serial, doc_id)
        )

    def _searched(self, serial: int, doc_id: str, outcome: object) -> None:
        if serial != self._search_serial or doc_id != self._doc_id():
            return  # a newer search or another file
        if isinstance(outcome, BaseException):
            log_error(outcome)
            self._set_search_note(QT_TRANSLATE_NOOP("DocumentViewer", "Search failed"))
            self.search_finished.emit(0)
            return
        self._search_note = ""
        hits = cast("list[SearchHit]", outcome)
        self._hits = [(hit.page, rect) for hit in hits for rect in hit.rects]
        current = self.canvas.current_page
        self._hit_index = next((i for i, hit in enumerate(self._hits) if hit[0] >= current), 0)
        if not self._hits:
            self._hit_index = -1
        self._show_hits(reveal=True)
        self.search_finished.emit(len(self._hits))

    def _step_hit(self, step: int) -> None:
        if not self._hits:
            if self.search_edit.text().strip() and not self._search_query:
                self._run_search(self.search_edit.text())
            return
        self._hit_index = (self._hit_index + step) % len(self._hits)
        self._show_hits(reveal=True)

    def _show_hits(self, *, reveal: bool = False) -> None:
        by_page: dict[int, list[Rect]] = {}
        for page, rect in self._hits:
            if 0 <= page < self.canvas.page_count:
                by_page.setdefault(page, []).append(rect)
        active = self._hits[self._hit_index] if 0 <= self._hit_index < len(self._hits) else None
        self.canvas.set_hits(by_page, active)
        if active is not None and reveal:
            self.canvas.reveal_hit(*active)
        if not self._search_query:
            self.hits_label.clear()
        elif self._search_note:
            self.hits_label.setText(translate("DocumentViewer", self._search_note))
        elif not self._hits:
            self.hits_label.setText(translate("DocumentViewer", "Not found"))
        else:
            self.hits_label.setText(
                translate("DocumentViewer", "Match %1 of %2")
                .replace("%1", str(self._hit_index + 1))
                .replace("%2", str(len(self._hits)))
            )

    def _set_search_note(self, note: str) -> None:
        self._search_note = note
        self.hits_label.setText(translate("DocumentViewer", note))

    def _clear_search(self) -> None:
        self._search_note = ""
        self._search_serial += 1
        self._hits, self._hit_index = [], -1
        self.canvas.set_hits({}, None)
        self.hits_label.clear()

    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802
        """Esc in the search box clears the marks and gives the keys back to the pages."""
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.search_edit.clear()
            self._search_query = ""
            self._clear_search()
            self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------------- language

    def retranslate(self) -> None:
        registry.retranslate_actions(self.actions_by_id)
        registry.fill_scope_menu(self.context_menu, "viewer", self.actions_by_id)
        self.toolbar.setWindowTitle(translate("DocumentViewer", "Viewer toolbar"))
        self.search_edit.setPlaceholderText(translate("DocumentViewer", "Search the text…"))
        self.thumbnails.setToolTip(translate("DocumentViewer", "Pages"))
        for file in self._files:
            self.file_combo.setItemText(file.number - 1, self._file_label(file))
        if self._shown is not None and self._shown.info is not None:
            self._show_facts(self._shown.info)
        self._update_page_label()
        self._zoom_changed()
        if self._search_query:
            self._show_hits()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# ----------------------------------------------------------------------------- window


class EntryViewerWindow(QWidget):
    """A window showing one entry's files by its code; the main window reuses it per entry."""

    def __init__(
        self, parent: QWidget | None = None, *, help_action: QAction | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("entryViewerWindow")
        self.code = ""
        self.viewer = DocumentViewer(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.viewer)
        if help_action is not None:
            self.addAction(help_action)  # F1 works here too: it lists the viewer's keys
        self.resize(1100, 800)
        self.retranslate()

    def show_entry(self, code: str, paths: Sequence[Path]) -> None:
        self.code = code
        self.viewer.open_files(paths)
        self.viewer.setFocus()  # the page keys work at once
        self.retranslate()

    def retranslate(self) -> None:
        if self.code:
            self.setWindowTitle(
                translate("DocumentViewer", "Entry %1 – judge-app").replace("%1", self.code)
            )
        else:
            self.setWindowTitle("judge-app")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.viewer.close_all()
        super().closeEvent(event)


__all__ = [
    "DocumentPages",
    "DocumentViewer",
    "EntryViewerWindow",
    "ViewerSettings",
    "facts_text",
    "paper_name",
]

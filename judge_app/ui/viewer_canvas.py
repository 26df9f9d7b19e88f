"""The page area of the document viewer: lays pages out, paints them, scrolls, zooms.

It knows page sizes, the zoom and the rotation, and paints whatever pixels it has been given;
where pixels are missing it paints a grey box of the page's size, so the layout never jumps
when they arrive. It never asks for pixels itself: it signals `pixels_wanted` and the viewer,
which owns the document service, decides what to render. Painting by hand (not one QLabel per
page) keeps a 200-page file as cheap as a 2-page one: only visible pages cost anything.
"""

from __future__ import annotations

import enum
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

from judge_app.documents.model import PageImage

Size = tuple[float, float]
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1

GAP_PX = 12  # between pages
MARGIN_PX = 16  # around the pages
MIN_SCALE = 0.1  # logical pixels per point: 10 % of print size at 72 dpi
MAX_SCALE = 8.0
ZOOM_STEP = 1.25
# 100 % means the paper's real size on a standard 96 dpi screen.
SCALE_AT_100 = 96 / 72

BACKGROUND = QColor("#5b5f63")
PLACEHOLDER = QColor("#d4d6d8")
HIT_FILL = QColor(255, 230, 0, 110)  # semi-transparent yellow: the text stays readable
ACTIVE_HIT_FILL = QColor(255, 150, 0, 130)
ACTIVE_HIT_PEN = QColor(230, 110, 0)


class ZoomMode(enum.StrEnum):
    FIT_WIDTH = "fit_width"
    FIT_PAGE = "fit_page"
    CUSTOM = "custom"


# ----------------------------------------------------------------------------- geometry


def rotated_size(size: Size, rotation: int) -> Size:
    """Width, height of a page after turning it clockwise by `rotation` degrees."""
    width, height = size
    return (height, width) if rotation % 180 == 90 else (width, height)


def rotate_rect(rect: Rect, size: Size, rotation: int) -> Rect:
    """A rectangle in upright page points, in the points of the page turned clockwise.

    Turning clockwise moves the top edge to the right: (x, y) goes to (h - y, x) for 90°.
    """
    x0, y0, x1, y1 = rect
    width, height = size
    rotation %= 360
    if rotation == 90:
        return (height - y1, x0, height - y0, x1)
    if rotation == 180:
        return (width - x1, height - y1, width - x0, height - y0)
    if rotation == 270:
        return (y0, width - x1, y1, width - x0)
    return (x0, y0, x1, y1)


def fit_width_scale(sizes: list[Size], viewport_width: float) -> float:
    """The scale at which the widest page fills the view's width (minus margins)."""
    widest = max((w for w, _ in sizes), default=0.0)
    if widest <= 0:
        return 1.0
    return clamp_scale((viewport_width - 2 * MARGIN_PX) / widest)


def fit_page_scale(sizes: list[Size], viewport: QSize) -> float:
    """The scale at which the largest page fits whole in the view."""
    if not sizes:
        return 1.0
    widest = max(w for w, _ in sizes)
    tallest = max(h for _, h in sizes)
    if widest <= 0 or tallest <= 0:
        return 1.0
    return clamp_scale(
        min(
            (viewport.width() - 2 * MARGIN_PX) / widest,
            (viewport.height() - 2 * MARGIN_PX) / tallest,
        )
    )


def clamp_scale(scale: float) -> float:
    return min(MAX_SCALE, max(MIN_SCALE, scale))


def render_zoom(scale: float, device_pixel_ratio: float) -> float:
    """The service's zoom (1.0 = 72 dpi) that gives one image pixel per device pixel.

    Rounded like the service's cache key, so a page asked for twice hits its cache.
    """
    return round(scale * device_pixel_ratio, 4)


def page_pixmap(image: PageImage, device_pixel_ratio: float) -> QPixmap:
    """Packed RGB888 pixels as a pixmap that paints at its logical size on high-DPI screens."""
    qimage = QImage(
        image.samples, image.width, image.height, image.stride, QImage.Format.Format_RGB888
    ).copy()  # the QImage above borrows the bytes; the copy owns its own
    qimage.setDevicePixelRatio(device_pixel_ratio)
    return QPixmap.fromImage(qimage)


# ----------------------------------------------------------------------------- canvas


class PageCanvas(QAbstractScrollArea):
    """Pages stacked vertically (or one at a time), scrolled; see the module docstring."""

    pixels_wanted = Signal()  # the visible pages or the render key changed
    current_page_changed = Signal(int)
    zoom_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # PageUp/PageDown/Home/End, arrows
        self.viewport().setAutoFillBackground(False)
        self._sizes: list[Size] = []  # upright, in points
        self._rotation = 0
        self._scale = 1.0
        self._mode = ZoomMode.FIT_WIDTH
        self._single = False
        self._current = 0
        self._rects: list[QRectF] = []  # per page, in content coordinates; empty if hidden
        self._content = QSize(0, 0)
        self._pixmaps: dict[int, tuple[tuple[float, int], QPixmap]] = {}
        self._hits: dict[int, list[Rect]] = {}
        self._active_hit: tuple[int, Rect] | None = None
        self._message = ""
        self._setting_scroll = False
        self.context_menu: QMenu | None = None
        self._wanted = QTimer(self)  # many scroll steps per frame ask for pixels once
        self._wanted.setSingleShot(True)
        self._wanted.setInterval(0)
        self._wanted.timeout.connect(self.pixels_wanted)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())

    # ------------------------------------------------------------------------- state

    def set_pages(self, sizes: list[Size], rotation: int, current: int = 0) -> None:
        """Show a new document (sizes in upright points); pixels arrive later."""
        self._sizes = list(sizes)
        self._rotation = rotation % 360
        self._pixmaps.clear()
        self._hits.clear()
        self._active_hit = None
        self._message = ""
        self._current = min(max(current, 0), max(len(sizes) - 1, 0))
        self._relayout(keep_position=False)
        self.go_to_page(self._current)

    def show_message(self, text: str) -> None:
        """No pages, a line of text in the middle (opening…, no file)."""
        self._sizes = []
        self._pixmaps.clear()
        self._hits.clear()
        self._active_hit = None
        self._message = text
        self._relayout(keep_position=False)

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    @property
    def current_page(self) -> int:
        return self._current

    @property
    def rotation(self) -> int:
        return self._rotation

    @property
    def scale(self) -> float:
        """Logical pixels per point."""
        return self._scale

    @property
    def zoom_mode(self) -> ZoomMode:
        return self._mode

    @property
    def single_page(self) -> bool:
        return self._single

    def device_pixel_ratio(self) -> float:
        return float(self.viewport().devicePixelRatioF())

    def render_key(self) -> tuple[float, int]:
        """(service zoom, rotation) that the pixels on screen should have now."""
        return render_zoom(self._scale, self.device_pixel_ratio()), self._rotation

    def displayed_sizes(self) -> list[Size]:
        return [rotated_size(size, self._rotation) for size in self._sizes]

    def page_rect(self, index: int) -> QRectF:
        """Page `index` in content coordinates (logical pixels); empty if not laid out."""
        return self._rects[index] if 0 <= index < len(self._rects) else QRectF()

    def set_rotation(self, rotation: int) -> None:
        rotation %= 360
        if rotation == self._rotation:
            return
        self._rotation = rotation
        self._relayout(keep_position=True)
        self.zoom_changed.emit()

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        self._mode = mode
        self._relayout(keep_position=True)
        self.zoom_changed.emit()

    def set_scale(self, scale: float) -> None:
        """A chosen zoom (leaves the fit modes)."""
        self._mode = ZoomMode.CUSTOM
        self._scale = clamp_scale(scale)
        self._relayout(keep_position=True)
        self.zoom_changed.emit()

    def zoom_by(self, factor: float) -> None:
        self.set_scale(self._scale * factor)

    def set_single_page(self, single: bool) -> None:
        if single == self._single:
            return
        self._single = single
        self._relayout(keep_position=False)
        self.go_to_page(self._current)

    # ------------------------------------------------------------------------- pixels

    def set_pixmap(self, index: int, key: tuple[float, int], pixmap: QPixmap) -> None:
        if 0 <= index < len(self._sizes):
            self._pixmaps[index] = (key, pixmap)
            self.viewport().update()

    def pixmap(self, index: int) -> QPixmap | None:
        """The page's pixels if they match the current zoom and rotation."""
        found = self._pixmaps.get(index)
        return found[1] if found is not None and found[0] == self.render_key() else None

    def drop_far_pixmaps(self, keep: set[int]) -> None:
        """Free pages far from the view (the service's cache keeps them cheaply)."""
        for index in [i for i in self._pixmaps if i not in keep]:
            del self._pixmaps[index]

    def visible_pages(self) -> list[int]:
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        return [
            index
            for index, rect in enumerate(self._rects)
            if not rect.isEmpty() and rect.bottom() >= top and rect.top() <= bottom
        ]

    # ------------------------------------------------------------------------- search hits

    def set_hits(self, hits: dict[int, list[Rect]], active: tuple[int, Rect] | None) -> None:
        self._hits = hits
        self._active_hit = active
        self.viewport().update()

    def hit_rect(self, page: int, rect: Rect) -> QRectF:
        """A hit (upright page points) in content coordinates, through zoom and rotation."""
        base = self.page_rect(page)
        x0, y0, x1, y1 = rotate_rect(rect, self._sizes[page], self._rotation)
        s = self._scale
        return QRectF(base.left() + x0 * s, base.top() + y0 * s, (x1 - x0) * s, (y1 - y0) * s)

    def reveal_hit(self, page: int, rect: Rect) -> None:
        """Scroll so the hit is visible, a third of the way down the view."""
        if self._single and page != self._current:
            self.go_to_page(page)
        target = self.hit_rect(page, rect)
        self._set_scroll(int(target.top() - self.viewport().height() / 3))
        left = self.horizontalScrollBar().value()
        if target.left() < left or target.right() > left + self.viewport().width():
            self.horizontalScrollBar().setValue(int(target.left() - 2 * MARGIN_PX))
        self._set_current(page)
        self.viewport().update()

    # ------------------------------------------------------------------------- navigation

    def go_to_page(self, index: int) -> None:
        if not self._sizes:
            return
        index = min(max(index, 0), len(self._sizes) - 1)
        changed = index != self._current
        self._current = index
        if self._single and changed:
            self._relayout(keep_position=False)  # lay out the new page alone
        self._set_scroll(int(self.page_rect(index).top()) - MARGIN_PX)
        if changed:
            self.current_page_changed.emit(index)
        self._wanted.start()

    def _set_current(self, index: int) -> None:
        if index != self._current:
            self._current = index
            self.current_page_changed.emit(index)
        self._wanted.start()

    def _set_scroll(self, value: int) -> None:
        self._setting_scroll = True
        try:
            self.verticalScrollBar().setValue(value)
        finally:
            self._setting_scroll = False
        self.viewport().update()

    def _scrolled(self, value: int) -> None:
        self.viewport().update()
        self._wanted.start()
        if self._setting_scroll or self._single or not self._rects:
            return
        # The page under the upper third of the view is the one being read.
        probe = value + self.viewport().height() / 3
        bar = self.verticalScrollBar()
        if value >= bar.maximum() and bar.maximum() > 0:
            index = len(self._rects) - 1  # scrolled to the end: the last page is in view
        else:
            index = next(
                (i for i, rect in enumerate(self._rects) if rect.bottom() + GAP_PX >= probe),
                len(self._rects) - 1,
            )
        self._set_current(index)

    # ------------------------------------------------------------------------- layout

    def _fit_scale(self) -> float:
        sizes = self.displayed_sizes()
        if self._single and sizes:
            sizes = [sizes[self._current]]
        return self._scale_for(sizes)

    def _scale_for(self, displayed: list[Size]) -> float:
        if self._mode is ZoomMode.FIT_WIDTH:
            return fit_width_scale(displayed, self.viewport().width())
        if self._mode is ZoomMode.FIT_PAGE:
            return fit_page_scale(displayed, self.viewport().size())
        return self._scale

    def first_page_key(self, sizes: list[Size], rotation: int) -> tuple[float, int]:
        """(service zoom, rotation) the first page of a document with these upright page
        sizes would be drawn at if it were shown now: the viewer renders the next entry's
        first page ahead with it, so showing that entry is a render-cache hit."""
        displayed = [rotated_size(size, rotation) for size in sizes]
        if self._single:
            displayed = displayed[:1]
        return render_zoom(self._scale_for(displayed), self.device_pixel_ratio()), rotation % 360

    def _relayout(self, *, keep_position: bool) -> None:
        """Recompute page rectangles; keep the reader's spot on the current page if asked."""
        anchor_page, anchor_fraction = self._current, 0.0
        old = self.page_rect(self._current)
        if keep_position and not old.isEmpty():
            anchor_fraction = (self.verticalScrollBar().value() + MARGIN_PX - old.top()) / max(
                old.height(), 1.0
            )
        self._scale = self._fit_scale()
        sizes = self.displayed_sizes()
        widest = max((w for w, _ in sizes), default=0.0) * self._scale
        content_width = math.ceil(widest + 2 * MARGIN_PX)
        y = float(MARGIN_PX)
        self._rects = []
        for index, (width, height) in enumerate(sizes):
            if self._single and index != self._current:
                self._rects.append(QRectF())
                continue
            w, h = width * self._scale, height * self._scale
            x = max(MARGIN_PX, (max(content_width, self.viewport().width()) - w) / 2)
            self._rects.append(QRectF(round(x), round(y), round(w), round(h)))
            y += round(h) + GAP_PX
        content_height = math.ceil(y - GAP_PX + MARGIN_PX) if sizes else 0
        self._content = QSize(content_width, content_height)
        self._update_scrollbars()
        if keep_position:
            rect = self.page_rect(anchor_page)
            if not rect.isEmpty():
                self._set_scroll(int(rect.top() + anchor_fraction * rect.height()) - MARGIN_PX)
        self.viewport().update()
        self._wanted.start()

    def _update_scrollbars(self) -> None:
        # A range change may move the bar; that is not the reader scrolling to another page.
        self._setting_scroll = True
        try:
            self._set_ranges()
        finally:
            self._setting_scroll = False

    def _set_ranges(self) -> None:
        view = self.viewport().size()
        vertical = self.verticalScrollBar()
        vertical.setRange(0, max(0, self._content.height() - view.height()))
        vertical.setPageStep(view.height())
        vertical.setSingleStep(40)
        horizontal = self.horizontalScrollBar()
        horizontal.setRange(0, max(0, self._content.width() - view.width()))
        horizontal.setPageStep(view.width())
        horizontal.setSingleStep(40)

    # ------------------------------------------------------------------------- Qt events

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._relayout(keep_position=True)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Space reads on, a screenful at a time (PageDown jumps a whole page).
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + int(self.viewport().height() * 0.9))
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        if self.context_menu is not None:
            self.context_menu.popup(event.globalPos())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), BACKGROUND)
        if self._message:
            painter.setPen(QColor("white"))
            painter.drawText(
                self.viewport().rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._message,
            )
        painter.translate(
            QPointF(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        )
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        key = self.render_key()
        for index in self.visible_pages():
            rect = self._rects[index]
            painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 70))  # a soft edge
            found = self._pixmaps.get(index)
            if found is not None and found[0][1] == self._rotation:
                # Exact pixels, or (just after a zoom) the old ones stretched until new arrive.
                painter.drawPixmap(rect, found[1], QRectF(found[1].rect()))
                if found[0] != key:
                    painter.fillRect(rect, QColor(255, 255, 255, 40))
            else:
                painter.fillRect(rect, PLACEHOLDER)
            for hit in self._hits.get(index, []):
                active = self._active_hit == (index, hit)
                area = self.hit_rect(index, hit).adjusted(-1, -1, 1, 1)
                painter.fillRect(area, ACTIVE_HIT_FILL if active else HIT_FILL)
                if active:
                    painter.setPen(QPen(ACTIVE_HIT_PEN, 1.5))
                    painter.drawRect(area)
        painter.end()

"""The Qt-free document API the viewer uses: open, render, text, search, prefetch, close.

Every call returns a `concurrent.futures.Future` at once; one dispatcher thread serves the
requests by asking the sandbox child process (the single owner of PyMuPDF and Pillow, with
time and memory limits) to do the work. Requests the judge is waiting for go before prefetches,
and among them the newest goes first: a judge paging fast sees the page they stopped on, not
the dozen they flipped past. Rendered pages are kept in a byte-bounded LRU cache, so a page
seen before comes back as an already-finished future.

A bad file never raises here: its future resolves with a placeholder document (one page that
names the file and the reason), like any other document.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from judge_app.documents.limits import Limits
from judge_app.documents.model import DocKind, DocumentFacts, PageImage

log = logging.getLogger(__name__)

T = TypeVar("T")

# Request classes, served in this order; within a class the newest request first.
_CONTROL = 0  # start, close: cheap, served in the order given
_VISIBLE = 1  # render, text, search: the judge is waiting
_OPEN = 2  # opens: the first render of a document pulls its open forward (see _handle)
_PREFETCH = 3  # pages the judge will probably want next


@dataclass(frozen=True)
class DocumentInfo:
    """What the viewer needs to lay out a document before any page is rendered."""

    doc_id: str
    path: Path
    kind: DocKind
    page_count: int
    page_sizes_pt: list[tuple[float, float]]  # upright, before the judge's rotation
    facts: DocumentFacts
    placeholder: bool  # True when the file could not be shown and this is the "why" page


@dataclass(frozen=True)
class SearchHit:
    """Where a search query occurs: page index and rectangles (x0, y0, x1, y1).

    Rectangles are in points of the page as `page_sizes_pt` gives it (upright, origin top
    left), before any rotation the judge applies in the viewer.
    """

    page: int
    rects: list[tuple[float, float, float, float]]


@dataclass
class _Request:
    kind: str  # "open", "close", "render", "text", "search", "prefetch"
    doc_id: str
    future: Future[Any] | None
    args: tuple[Any, ...] = ()
    generation: int = 0  # prefetches of an older generation are dropped


@dataclass
class _Doc:
    path: Path
    info: DocumentInfo | None = None


class PageCache:
    """Rendered pages by (doc, page, zoom, rotation), evicting the least recently used.

    Bounded by the bytes of the pixels, not the count: one page at 300 % is worth many
    thumbnails.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, int, float, int], PageImage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def bytes_used(self) -> int:
        return self._bytes

    def get(self, key: tuple[str, int, float, int]) -> PageImage | None:
        with self._lock:
            image = self._items.get(key)
            if image is not None:
                self._items.move_to_end(key)
            return image

    def put(self, key: tuple[str, int, float, int], image: PageImage) -> None:
        size = len(image.samples)
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old.samples)
            self._items[key] = image
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, evicted = self._items.popitem(last=False)
                self._bytes -= len(evicted.samples)

    def drop_document(self, doc_id: str) -> None:
        with self._lock:
            for key in [k for k in self._items if k[0] == doc_id]:
                self._bytes -= len(self._items.pop(key).samples)


def _zoom_key(zoom: float) -> float:
    """Zooms that differ by less than a pixel in a page are the same cached image."""
    return round(zoom, 4)


class DocumentService:
    """Opens and renders entry files off the caller's thread; see the module docstring."""

    def __init__(
        self,
        *,
        cache_bytes: int = 256 * 1024 * 1024,
        lang: str = "vi",
        limits: Limits | None = None,
        cache_dir: Path | None = None,
        allow_debug: bool = False,
    ) -> None:
        from judge_app.documents.sandbox import Sandbox  # keeps multiprocessing off import
        from judge_app.paths import data_dir

        if cache_dir is None:
            cache_dir = data_dir() / "render-cache"
        self.lang = lang
        self.limits = limits or Limits()
        self.cache = PageCache(cache_bytes)
        self._sandbox = Sandbox(
            limits=self.limits, lang=lang, cache_dir=cache_dir, allow_debug=allow_debug
        )
        self._docs: dict[str, _Doc] = {}
        self._queue: list[tuple[int, int, _Request]] = []
        self._seq = itertools.count()
        self._ids = itertools.count(1)
        self._prefetch_generation = 0
        self._cond = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._serve, name="document-service", daemon=True)
        self._thread.start()
        self._enqueue(_Request("start", "", None), _CONTROL)  # warm the child up now

    # ----------------------------------------------------------------- public API

    def open(self, path: Path) -> Future[DocumentInfo]:
        path = Path(path)
        doc_id = f"d{next(self._ids)}"
        future: Future[DocumentInfo] = Future()
        with self._cond:
            self._docs[doc_id] = _Doc(path)
        self._enqueue(_Request("open", doc_id, future, (path,)), _OPEN)
        return future

    def render(self, doc_id: str, index: int, zoom: float, rotation: int = 0) -> Future[PageImage]:
        key = (doc_id, index, _zoom_key(zoom), rotation % 360)
        cached = self.cache.get(key)
        if cached is not None:
            done: Future[PageImage] = Future()
            done.set_result(cached)
            return done
        future: Future[PageImage] = Future()
        self._enqueue(_Request("render", doc_id, future, key[1:]), _VISIBLE)
        return future

    def text(self, doc_id: str, index: int) -> Future[str]:
        future: Future[str] = Future()
        self._enqueue(_Request("text", doc_id, future, (index,)), _VISIBLE)
        return future

    def search(self, doc_id: str, query: str) -> Future[list[SearchHit]]:
        future: Future[list[SearchHit]] = Future()
        self._enqueue(_Request("search", doc_id, future, (query,)), _VISIBLE)
        return future

    def prefetch(self, doc_id: str, indices: list[int], zoom: float, rotation: int = 0) -> None:
        """Render these pages into the cache when nothing else waits; a newer call replaces it."""
        with self._cond:
            self._prefetch_generation += 1
            generation = self._prefetch_generation
            self._queue = [item for item in self._queue if item[2].kind != "prefetch"]
            heapq.heapify(self._queue)
        # Enqueue in reverse so that, newest first, the first index listed is served first.
        for index in reversed(indices):
            args = (index, _zoom_key(zoom), rotation % 360)
            if self.cache.get((doc_id, *args)) is None:
                self._enqueue(_Request("prefetch", doc_id, None, args, generation), _PREFETCH)

    def close(self, doc_id: str) -> None:
        """Forget the document: its cached pages, its waiting requests, its state in the child.

        Waiting requests for it (its open too, if not served yet) are cancelled.
        """
        with self._cond:
            kept = []
            for item in self._queue:
                request = item[2]
                if request.doc_id == doc_id and request.kind != "close":
                    if request.future is not None:
                        request.future.cancel()
                else:
                    kept.append(item)
            self._queue = kept
            heapq.heapify(self._queue)
        self.cache.drop_document(doc_id)
        self._enqueue(_Request("close", doc_id, None), _CONTROL)

    def shutdown(self) -> None:
        """Stop the dispatcher and the child; waiting futures are cancelled."""
        with self._cond:
            if self._stopping:
                return
            self._stopping = True
            for _, _, request in self._queue:
                if request.future is not None:
                    request.future.cancel()
            self._queue.clear()
            self._cond.notify_all()
        self._thread.join()
        self._sandbox.close()

    def __enter__(self) -> DocumentService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    # ----------------------------------------------------------------- dispatcher

    def _enqueue(self, request: _Request, priority: int) -> None:
        with self._cond:
            if self._stopping:
                if request.future is not None:
                    request.future.cancel()
                return
            # Newest first within a class: a decreasing sequence number sorts earlier.
            heapq.heappush(self._queue, (priority, -next(self._seq), request))
            self._cond.notify()

    def _next(self) -> _Request | None:
        with self._cond:
            while not self._queue and not self._stopping:
                self._cond.wait()
            if self._stopping:
                return None
            # Starts and closes run in the order given.
            if self._queue[0][0] == _CONTROL:
                controls = [item for item in self._queue if item[0] == _CONTROL]
                first = min(controls, key=lambda item: -item[1])
                self._queue.remove(first)
                heapq.heapify(self._queue)
                return first[2]
            return heapq.heappop(self._queue)[2]

    def _take_open(self, doc_id: str) -> _Request | None:
        with self._cond:
            for item in self._queue:
                if item[2].kind == "open" and item[2].doc_id == doc_id:
                    self._queue.remove(item)
                    heapq.heapify(self._queue)
                    return item[2]
        return None

    def _serve(self) -> None:
        while True:
            request = self._next()
            if request is None:
                return
            if request.future is not None and not request.future.set_running_or_notify_cancel():
                continue
            if request.kind == "prefetch" and request.generation != self._prefetch_generation:
                continue
            try:
                self._handle(request)
            except Exception as error:  # a bug must reach the caller, not kill the thread
                log.exception("document request %s failed", request.kind)
                if request.future is not None and not request.future.done():
                    request.future.set_exception(error)

    def _handle(self, request: _Request) -> None:
        sandbox = self._sandbox
        if request.kind == "start":
            sandbox.start()
            return
        if request.kind == "close":
            with self._cond:
                self._docs.pop(request.doc_id, None)
            sandbox.close_document(request.doc_id)
            return
        doc = self._docs.get(request.doc_id)
        if doc is None:
            raise KeyError(f"unknown or closed document {request.doc_id}")
        if request.kind == "open":
            info = sandbox.open_document(request.doc_id, doc.path)
            doc.info = info
            _resolve(request.future, info)
            return
        if doc.info is None:
            # Opens wait behind visible work, so a render can come first: open it now.
            pending = self._take_open(request.doc_id)
            if pending is None:
                raise KeyError(f"document {request.doc_id} failed to open")
            if pending.future is not None and not pending.future.set_running_or_notify_cancel():
                pending.future = None  # its caller gave up on it, not on this render
            self._handle(pending)
        assert doc.info is not None
        if request.kind in ("render", "prefetch"):
            index, zoom, rotation = request.args
            key = (request.doc_id, index, zoom, rotation)
            image = self.cache.get(key)
            if image is None:
                image = sandbox.render(request.doc_id, doc.path, index, zoom, rotation)
                self.cache.put(key, image)
            _resolve(request.future, image)
        elif request.kind == "text":
            _resolve(request.future, sandbox.text(request.doc_id, doc.path, request.args[0]))
        elif request.kind == "search":
            hits = sandbox.search(request.doc_id, doc.path, request.args[0])
            _resolve(request.future, [SearchHit(page, rects) for page, rects in hits])
        else:  # pragma: no cover - the public API makes only the kinds above
            raise ValueError(request.kind)


def _resolve(future: Future[T] | None, value: T) -> None:
    if future is not None and not future.done():
        future.set_result(value)


__all__ = ["DocumentInfo", "DocumentService", "PageCache", "SearchHit"]

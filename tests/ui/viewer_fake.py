"""A small stand-in for `documents.service.DocumentService`, for viewer tests.

Same methods, same futures, one worker thread owning PyMuPDF (as the real service's sandbox
does). It opens PDFs and images with PyMuPDF and turns anything else into a one-page
placeholder document, so the viewer can be tested before, and independently of, the real
conversion pipeline. `delay_s` slows renders down to expose stale-result handling.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pymupdf

from judge_app.documents.model import DocKind, DocumentFacts, PageImage
from judge_app.documents.service import DocumentInfo, SearchHit
from judge_app.paths import fonts_dir

KINDS = {".pdf": DocKind.PDF, ".jpg": DocKind.IMAGE, ".jpeg": DocKind.IMAGE, ".png": DocKind.IMAGE}


class FakeDocumentService:
    def __init__(self, *, delay_s: float = 0.0) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fake-documents")
        self._docs: dict[str, Any] = {}
        self._ids = 0
        self._lock = threading.Lock()
        self.delay_s = delay_s
        self.renders: list[tuple[str, int, float, int]] = []
        self.prefetches: list[tuple[str, list[int]]] = []
        self.closed: list[str] = []
        self.opened: list[Path] = []

    def open(self, path: Path) -> Future[DocumentInfo]:
        with self._lock:
            self._ids += 1
            doc_id = f"f{self._ids}"
        self.opened.append(Path(path))
        return self._pool.submit(self._open, doc_id, Path(path))

    def _open(self, doc_id: str, path: Path) -> DocumentInfo:
        kind = KINDS.get(path.suffix.lower(), DocKind.UNKNOWN)
        placeholder = False
        try:
            if kind is DocKind.UNKNOWN:
                raise ValueError("unsupported")
            doc = pymupdf.open(path)
            if doc.page_count == 0:
                raise ValueError("empty")
        except Exception:
            placeholder, doc = True, self._placeholder(path)
        self._docs[doc_id] = doc
        pages = [doc[number] for number in range(doc.page_count)]
        sizes = [(page.rect.width, page.rect.height) for page in pages]
        text = "".join(page.get_text() for page in pages) if not placeholder else ""
        facts = DocumentFacts(
            path=path,
            kind=kind,
            size_bytes=path.stat().st_size if path.exists() else 0,
            page_count=doc.page_count,
            page_sizes_pt=sizes,
            has_text=bool(text.strip()),
            text_chars=len(text),
            fonts=[],
        )
        return DocumentInfo(doc_id, path, kind, doc.page_count, sizes, facts, placeholder)

    @staticmethod
    def _placeholder(path: Path) -> Any:
        doc = pymupdf.open()
        page = doc.new_page(width=595.28, height=841.89)
        font = str(fonts_dir() / "LiberationSans-Regular.ttf")
        page.insert_text(
            (60, 120), "Không mở được tệp này", fontsize=24, fontname="ls", fontfile=font
        )
        page.insert_text((60, 160), path.suffix or "?", fontsize=16, fontname="ls", fontfile=font)
        return doc

    def render(self, doc_id: str, index: int, zoom: float, rotation: int = 0) -> Future[PageImage]:
        self.renders.append((doc_id, index, zoom, rotation))
        return self._pool.submit(self._render, doc_id, index, zoom, rotation)

    def _render(self, doc_id: str, index: int, zoom: float, rotation: int) -> PageImage:
        if self.delay_s:
            time.sleep(self.delay_s)
        page = self._docs[doc_id][index]
        matrix = pymupdf.Matrix(zoom, zoom).prerotate(rotation)
        pix = page.get_pixmap(matrix=matrix, colorspace=pymupdf.csRGB, alpha=False)
        samples = pix.samples
        if pix.stride != pix.width * 3:
            samples = b"".join(
                samples[row * pix.stride : row * pix.stride + pix.width * 3]
                for row in range(pix.height)
            )
        return PageImage(pix.width, pix.height, samples)

    def text(self, doc_id: str, index: int) -> Future[str]:
        return self._pool.submit(lambda: str(self._docs[doc_id][index].get_text()))

    def search(self, doc_id: str, query: str) -> Future[list[SearchHit]]:
        def run() -> list[SearchHit]:
            hits = []
            doc = self._docs[doc_id]
            for number in range(doc.page_count):
                rects = [tuple(r) for r in doc[number].search_for(query)]
                if rects:
                    hits.append(SearchHit(number, rects))
            return hits

        return self._pool.submit(run)

    def prefetch(self, doc_id: str, indices: list[int], zoom: float, rotation: int = 0) -> None:
        self.prefetches.append((doc_id, list(indices)))

    def close(self, doc_id: str) -> None:
        self.closed.append(doc_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

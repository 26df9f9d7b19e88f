"""The viewer's API: futures, newest-first order, the page cache, prefetch, search, DOCX cache."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from doc_makers import RED, near, pixel, red_box_pdf, simple_docx

from judge_app.documents.model import PageImage
from judge_app.documents.service import DocumentService, PageCache


def test_open_render_text_and_cache(service: DocumentService, tmp_path: Path) -> None:
    info = service.open(red_box_pdf(tmp_path / "a.pdf", pages=3)).result(timeout=30)
    assert info.page_count == 3 and info.page_sizes_pt == [(200.0, 300.0)] * 3
    first = service.render(info.doc_id, 1, 2.0).result(timeout=30)
    assert near(pixel(first, 150, 180), RED)
    again = service.render(info.doc_id, 1, 2.0)
    assert again.done() and again.result() is first  # from the cache, no round trip
    assert "Bài dự thi" in service.text(info.doc_id, 2).result(timeout=30)
    service.close(info.doc_id)
    assert all(key[0] != info.doc_id for key in service.cache._items)


def test_search_gives_rects_in_page_points(service: DocumentService, tmp_path: Path) -> None:
    info = service.open(red_box_pdf(tmp_path / "a.pdf", pages=2)).result(timeout=30)
    hits = service.search(info.doc_id, "dự thi").result(timeout=30)
    assert [hit.page for hit in hits] == [0, 1]
    x0, y0, x1, y1 = hits[0].rects[0]
    assert 20 <= x0 < x1 <= 200 and 180 < y0 < y1 <= 205  # the text line sits at y = 200
    assert service.search(info.doc_id, "không có").result(timeout=30) == []
    service.close(info.doc_id)


def test_newest_request_is_served_first(service: DocumentService, tmp_path: Path) -> None:
    info = service.open(red_box_pdf(tmp_path / "a.pdf", pages=12)).result(timeout=30)
    order: list[int] = []
    lock = threading.Lock()

    def note(page: int) -> Callable[[Future[PageImage]], None]:
        def done(_: Future[PageImage]) -> None:
            with lock:
                order.append(page)

        return done

    futures = []
    for page in range(12):
        future = service.render(info.doc_id, page, 3.0)
        future.add_done_callback(note(page))
        futures.append(future)
    for future in futures:
        future.result(timeout=30)
    # Page 0 (and maybe 1) was taken before the rest arrived; the rest came newest first.
    assert order.index(11) < order.index(2) < order.index(11) + 10
    late = [page for page in order if page >= 2]
    assert late == sorted(late, reverse=True)
    service.close(info.doc_id)


def test_prefetch_fills_the_cache_and_a_newer_one_replaces_it(
    service: DocumentService, tmp_path: Path
) -> None:
    info = service.open(red_box_pdf(tmp_path / "a.pdf", pages=5)).result(timeout=30)
    service.prefetch(info.doc_id, [1, 2, 3], 1.0)
    deadline = time.monotonic() + 10
    while service.cache.get((info.doc_id, 3, 1.0, 0)) is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert service.render(info.doc_id, 3, 1.0).done()
    service.close(info.doc_id)


def test_cancelled_requests_are_skipped(service: DocumentService, tmp_path: Path) -> None:
    info = service.open(red_box_pdf(tmp_path / "a.pdf", pages=8)).result(timeout=30)
    futures: list[Future[PageImage]] = [service.render(info.doc_id, i, 2.5) for i in range(8)]
    for future in futures[1:7]:
        future.cancel()
    assert futures[7].result(timeout=30).width == 500
    service.close(info.doc_id)


def test_page_cache_is_bounded_by_bytes() -> None:
    cache = PageCache(max_bytes=3 * 300)
    for page in range(5):
        cache.put(("d", page, 1.0, 0), PageImage(10, 10, bytes(300)))
    assert cache.bytes_used == 900
    assert cache.get(("d", 0, 1.0, 0)) is None and cache.get(("d", 4, 1.0, 0)) is not None


def test_docx_conversion_is_cached_on_disk_by_file_hash(tmp_path: Path) -> None:
    docx = simple_docx(tmp_path / "bai.docx")
    digest = hashlib.sha256(docx.read_bytes()).hexdigest()
    cache = tmp_path / "render-cache"
    with DocumentService(cache_dir=cache) as service:
        first = service.open(docx).result(timeout=30)
    assert (cache / f"{digest}.pdf").read_bytes().startswith(b"%PDF")
    assert (cache / f"{digest}.json").is_file()
    assert not list(cache.glob("*.tmp"))
    with DocumentService(cache_dir=cache) as service:
        second = service.open(docx).result(timeout=30)
        assert second.facts == first.facts and not second.placeholder
    (cache / f"{digest}.json").write_text("{broken")
    with DocumentService(cache_dir=cache) as service:
        assert not service.open(docx).result(timeout=30).placeholder  # converted again


def test_a_cached_conversion_cut_short_is_made_again(tmp_path: Path) -> None:
    """The cache is written without fsync: after a power cut the PDF may be shorter."""
    docx = simple_docx(tmp_path / "bai.docx")
    digest = hashlib.sha256(docx.read_bytes()).hexdigest()
    cache = tmp_path / "render-cache"
    with DocumentService(cache_dir=cache) as service:
        service.open(docx).result(timeout=30)
    pdf = cache / f"{digest}.pdf"
    pdf.write_bytes(pdf.read_bytes()[:100])
    with DocumentService(cache_dir=cache) as service:
        again = service.open(docx).result(timeout=30)
    assert not again.placeholder
    assert len(pdf.read_bytes()) > 100  # converted and stored again


def test_the_disk_cache_is_pruned_least_recently_used_first(tmp_path: Path) -> None:
    import os

    from judge_app.documents.office import prune_cache

    cache = tmp_path / "render-cache"
    cache.mkdir()
    for n in range(10):  # 10 conversions of 1,000 bytes, used at times 0…9
        (cache / f"d{n}.pdf").write_bytes(b"%PDF" + bytes(994))  # with its 2-byte JSON: 1,000
        (cache / f"d{n}.json").write_bytes(b"{}")
        os.utime(cache / f"d{n}.json", (1_000_000 + n, 1_000_000 + n))
    assert prune_cache(cache, max_bytes=20_000) == 0  # under the limit: nothing goes
    deleted = prune_cache(cache, max_bytes=5_000)
    left = sorted(p.stem for p in cache.glob("*.json"))
    assert deleted == 6 and left == ["d6", "d7", "d8", "d9"]  # back under 80 % of 5,000
    assert sorted(p.stem for p in cache.glob("*.pdf")) == left


def test_default_disk_cache_is_under_the_data_dir(app_home: Path, tmp_path: Path) -> None:
    with DocumentService() as service:
        service.open(simple_docx(tmp_path / "bai.docx")).result(timeout=30)
    assert list((app_home / "data" / "render-cache").glob("*.pdf"))


def test_render_and_close_before_the_open_is_served(
    service: DocumentService, tmp_path: Path
) -> None:
    pdf = red_box_pdf(tmp_path / "a.pdf", pages=2)
    opened = service.open(pdf)
    page = service.render(opened_id(service), 1, 1.0)  # no waiting for the open
    assert near(pixel(page.result(timeout=30), 75, 90), RED)
    assert opened.result(timeout=30).page_count == 2
    closing = service.open(pdf)
    doc_id = opened_id(service)
    waiting = service.render(doc_id, 0, 1.0)
    service.close(doc_id)
    assert (closing.cancelled() or closing.done()) and (waiting.cancelled() or waiting.done())


def opened_id(service: DocumentService) -> str:
    """The id of the document opened last (ids are handed out in order)."""
    return max(service._docs, key=lambda doc_id: int(doc_id[1:]))

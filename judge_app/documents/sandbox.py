"""A child process that owns every parser of untrusted entry files, under time and memory limits.

Why a process and not a thread: a parser stuck in C (MuPDF on a crafted PDF, zlib on a bomb)
cannot be interrupted from inside its own process, and RLIMIT_AS does not exist on Windows.
So the parent sends one request at a time over a pipe, waits at most the request's timeout,
polls the child's resident memory every 50 ms, and on a breach kills the child and answers with
a placeholder saying "timeout" or "memory". The next request starts a fresh child, which
reopens the documents it needs. The child is also PyMuPDF's single owner (it is not
thread-safe). It is started with the "spawn" method, the only one Windows and macOS support
safely.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from judge_app.documents.limits import MB, Limits
from judge_app.documents.memory import resident_bytes
from judge_app.documents.model import A4_PT, DocKind, DocumentFacts, PageImage, Problem
from judge_app.documents.problems import CORRUPT, MEMORY, PAGE_FAILED, TIMEOUT, detail
from judge_app.documents.service import DocumentInfo

log = logging.getLogger(__name__)

POLL_S = 0.05  # memory watchdog period
START_TIMEOUT_S = 60.0  # spawning imports Python + PyMuPDF: slow only on a cold disk
CLOSE_TIMEOUT_S = 2.0
TRUSTED_TIMEOUT_S = 10.0  # drawing our own placeholder page: no untrusted bytes involved


class SandboxBreachError(Exception):
    """The child broke a limit or died; `problem` says which (timeout, memory, crash)."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.code)


@dataclass
class _OpenDoc:
    path: Path
    forced: Problem | None  # set after the file broke a limit: reopen as a placeholder
    info: DocumentInfo | None = None


class Sandbox:
    """The parent's handle on the child. Not thread-safe: one dispatcher thread uses it."""

    def __init__(
        self,
        *,
        limits: Limits | None = None,
        lang: str = "vi",
        cache_dir: Path | None = None,
        allow_debug: bool = False,
    ) -> None:
        self.limits = limits or Limits()
        self.lang = lang
        self.cache_dir = cache_dir
        self.allow_debug = allow_debug
        self.restarts = 0  # children killed for breaking a limit or dying (for tests, logs)
        self._process: Any = None  # multiprocessing's SpawnProcess (untyped in typeshed)
        self._conn: Connection | None = None
        self._docs: dict[str, _OpenDoc] = {}
        self._in_child: set[str] = set()

    # ----------------------------------------------------------------- process

    def start(self) -> None:
        """Start the child if it is not running (and wait until it has imported its readers)."""
        if self._process is not None and self._process.is_alive():
            return
        self._stop()
        context = multiprocessing.get_context("spawn")
        parent_conn, child_conn = context.Pipe()
        process = context.Process(
            target=_child_main,
            args=(child_conn, self.limits, self.lang, self.cache_dir, self.allow_debug),
            name="judge-app-documents",
            daemon=True,
        )
        process.start()
        child_conn.close()
        self._process, self._conn = process, parent_conn
        self._in_child.clear()
        if not parent_conn.poll(START_TIMEOUT_S):
            self._kill()
            raise RuntimeError("the document reader process did not start")
        parent_conn.recv()  # "ready"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def close(self) -> None:
        """Stop the child politely, then firmly."""
        if self._conn is not None and self._process is not None and self._process.is_alive():
            with contextlib.suppress(OSError, BrokenPipeError):
                self._conn.send(("quit", ()))
            self._process.join(CLOSE_TIMEOUT_S)
        self._stop()

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
            self._process.close()
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn = None, None
        self._in_child.clear()

    def _kill(self) -> None:
        self.restarts += 1
        self._stop()

    def call(self, op: str, *args: Any, timeout: float) -> Any:
        """Run one request in the child; SandboxBreachError when it breaks a limit or dies."""
        self.start()
        conn, process = self._conn, self._process
        assert conn is not None and process is not None
        try:
            conn.send((op, args))
        except (OSError, BrokenPipeError) as error:
            self._kill()
            raise SandboxBreachError(Problem(CORRUPT, {"detail": detail(error)})) from error
        deadline = time.monotonic() + timeout
        while True:
            if conn.poll(min(POLL_S, max(0.0, deadline - time.monotonic()))):
                try:
                    status, value = conn.recv()
                except (EOFError, OSError) as error:  # the child died mid-answer (a crash)
                    self._kill()
                    raise SandboxBreachError(
                        Problem(CORRUPT, {"detail": "the reader crashed"})
                    ) from error
                if status == "error":
                    raise RuntimeError(value)  # a bug in the child, not a bad file
                return value
            if not process.is_alive():
                self._kill()
                raise SandboxBreachError(Problem(CORRUPT, {"detail": "the reader crashed"}))
            if time.monotonic() > deadline:
                log.warning("document request %s timed out after %.1f s", op, timeout)
                self._kill()
                raise SandboxBreachError(Problem(TIMEOUT, {"seconds": f"{timeout:g}"}))
            if resident_bytes(process.pid) > self.limits.memory_bytes:
                log.warning("document request %s broke the memory limit", op)
                self._kill()
                raise SandboxBreachError(
                    Problem(MEMORY, {"limit": str(self.limits.memory_bytes // MB)})
                )

    # ----------------------------------------------------------------- documents

    def open_document(self, doc_id: str, path: Path) -> DocumentInfo:
        """Open `path` in the child; a file that breaks a limit becomes a placeholder."""
        self._docs[doc_id] = _OpenDoc(Path(path), None)
        return self._ensure_open(doc_id)

    def _ensure_open(self, doc_id: str) -> DocumentInfo:
        doc = self._docs[doc_id]
        if doc_id in self._in_child and doc.info is not None and self._alive():
            return doc.info
        try:
            answer = self.call(
                "open", doc_id, doc.path, doc.forced, timeout=self.limits.open_timeout_s
            )
        except SandboxBreachError as failure:
            doc.forced = failure.problem
            answer = self.call("open", doc_id, doc.path, doc.forced, timeout=TRUSTED_TIMEOUT_S)
        self._in_child.add(doc_id)
        kind, sizes, facts, placeholder = answer
        doc.info = DocumentInfo(doc_id, doc.path, kind, len(sizes), sizes, facts, placeholder)
        return doc.info

    def _alive(self) -> bool:
        return self._process is not None and bool(self._process.is_alive())

    def render(self, doc_id: str, path: Path, index: int, zoom: float, rotation: int) -> PageImage:
        """Page pixels; a page that breaks a limit is drawn as a page saying why."""
        info = self._ensure_open(doc_id)
        try:
            image: PageImage = self.call(
                "render", doc_id, index, zoom, rotation, timeout=self.limits.render_timeout_s
            )
            return image
        except SandboxBreachError as failure:
            size = info.page_sizes_pt[index] if 0 <= index < info.page_count else A4_PT
            problem = Problem(
                PAGE_FAILED, {"page": str(index + 1), "detail": _reason(failure.problem, self.lang)}
            )
            page: PageImage = self.call(
                "problem_page", path.name, problem, size, zoom, rotation, timeout=TRUSTED_TIMEOUT_S
            )
            return page

    def text(self, doc_id: str, path: Path, index: int) -> str:
        self._ensure_open(doc_id)
        try:
            text: str = self.call("text", doc_id, index, timeout=self.limits.render_timeout_s)
        except SandboxBreachError:
            return ""
        return text

    def search(
        self, doc_id: str, path: Path, query: str
    ) -> list[tuple[int, list[tuple[float, float, float, float]]]]:
        self._ensure_open(doc_id)
        try:
            hits: list[tuple[int, list[tuple[float, float, float, float]]]] = self.call(
                "search", doc_id, query, timeout=self.limits.render_timeout_s * 4
            )
        except SandboxBreachError:
            return []
        return hits

    def close_document(self, doc_id: str) -> None:
        self._docs.pop(doc_id, None)
        if doc_id in self._in_child and self._alive():
            self._in_child.discard(doc_id)
            with contextlib.suppress(SandboxBreachError):
                self.call("close", doc_id, timeout=self.limits.render_timeout_s)

    def debug(self, op: str, *args: Any, timeout: float = 5.0) -> Any:
        """Test-only requests (allow_debug): "sleep" seconds, "allocate" bytes."""
        return self.call(f"debug_{op}", *args, timeout=timeout)


def _reason(problem: Problem, lang: str) -> str:
    from judge_app.core.messages import render

    return render(problem.code, lang, **problem.params)


# --------------------------------------------------------------------- the child


def _limit_address_space(limits: Limits) -> None:
    """A second line behind the RSS watchdog where the OS has one (not Windows)."""
    if sys.platform.startswith("win"):
        return
    try:
        import resource

        cap = max(limits.memory_bytes * 3, 3 * 1024 * MB)
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):
        pass


def _child_main(
    conn: Connection, limits: Limits, lang: str, cache_dir: Path | None, allow_debug: bool
) -> None:
    """Serve requests until told to quit or the parent goes away."""
    _limit_address_space(limits)
    # Broken files are routine here, not news for the terminal: the parent reports outcomes.
    logging.getLogger().addHandler(logging.NullHandler())
    logging.getLogger().setLevel(logging.CRITICAL)
    from judge_app.documents import image, office, opening, pdf, placeholder  # noqa: F401

    docs: dict[str, Any] = {}
    conn.send(("ready", None))
    while True:
        try:
            op, args = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            break
        if op == "quit":
            break
        try:
            answer = ("ok", _serve(op, args, docs, limits, lang, cache_dir, allow_debug))
        except Exception as error:  # a bug: report it, keep serving
            answer = ("error", f"{op}: {detail(error)}")
        try:
            conn.send(answer)
        except (OSError, BrokenPipeError):
            break
    for doc in docs.values():
        with contextlib.suppress(Exception):
            doc.close()
    conn.close()


def _serve(
    op: str,
    args: tuple[Any, ...],
    docs: dict[str, Any],
    limits: Limits,
    lang: str,
    cache_dir: Path | None,
    allow_debug: bool,
) -> Any:
    from judge_app.documents.opening import open_document, placeholder
    from judge_app.documents.placeholder import PlaceholderDocument, problem_page

    if op == "open":
        doc_id, path, forced = args
        old = docs.pop(doc_id, None)
        if old is not None:
            old.close()
        if forced is not None:
            from judge_app.documents.sniff import sniff

            try:
                kind = sniff(path)
            except OSError:
                kind = DocKind.UNKNOWN
            doc = placeholder(path, forced, kind=kind, lang=lang)
        else:
            doc = open_document(path, lang, limits=limits, cache_dir=cache_dir)
        docs[doc_id] = doc
        facts: DocumentFacts = doc.facts()
        sizes = [doc.page_size(i) for i in range(doc.page_count)]
        return facts.kind, sizes, facts, isinstance(doc, PlaceholderDocument)
    if op == "render":
        doc_id, index, zoom, rotation = args
        doc = docs[doc_id]
        try:
            return doc.render(index, zoom, rotation)
        except MemoryError:
            problem = Problem(PAGE_FAILED, {"page": str(index + 1), "detail": MEMORY})
            size = doc.page_size(index) if 0 <= index < doc.page_count else A4_PT
            return problem_page(doc.path.name, problem, size, zoom, rotation, lang)
        except Exception as error:  # one broken page: say so on that page, keep the others
            problem = Problem(PAGE_FAILED, {"page": str(index + 1), "detail": detail(error)})
            size = doc.page_size(index) if 0 <= index < doc.page_count else A4_PT
            return problem_page(doc.path.name, problem, size, zoom, rotation, lang)
    if op == "text":
        doc_id, index = args
        try:
            return docs[doc_id].text(index)
        except (RuntimeError, ValueError, IndexError, OSError):
            return ""
    if op == "search":
        doc_id, query = args
        search = getattr(docs[doc_id], "search", None)
        return search(query) if search is not None and query.strip() else []
    if op == "problem_page":
        name, problem, size, zoom, rotation = args
        return problem_page(name, problem, size, zoom, rotation, lang)
    if op == "close":
        doc = docs.pop(args[0], None)
        if doc is not None:
            doc.close()
        return None
    if op == "ping":
        return "pong"
    if allow_debug and op == "debug_sleep":
        time.sleep(float(args[0]))
        return None
    if allow_debug and op == "debug_allocate":
        hog = bytearray(int(args[0]))  # touched pages count in RSS
        for offset in range(0, len(hog), 4096):
            hog[offset] = 1
        time.sleep(5)
        return len(hog)
    raise ValueError(f"unknown request {op}")

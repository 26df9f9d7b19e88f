"""Long work off the GUI thread, with its outcome back on the GUI thread.

The GUI must never block (GUIDE §3): opening a big contest file, backups, later rendering and
merging all go through `Operation`, after Anki's CollectionOp. The work function runs on a
QThreadPool thread and gets a `Progress` to report on and to check for cancellation; success,
failure and progress arrive as Qt signals, queued onto the GUI thread. A failure nobody
handles goes to the error dialog, so no exception is ever lost.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, ClassVar, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from judge_app.ui.errors import show_error

T = TypeVar("T")


class Cancelled(Exception):  # noqa: N818 - reads as the outcome, like asyncio.CancelledError
    """Raised inside work functions by `Progress.check()` after the user cancelled."""


class Progress:
    """The work function's handle: report how far it got, notice a cancel request."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._relay.progressed.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop the work here if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled


class _Relay(QObject):
    """Signals the worker thread emits; connected queued so slots run on the GUI thread."""

    progressed = Signal(int, int, str)
    finished = Signal(bool, object)  # ok, result or exception


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._progress = progress
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as exc:  # handed to the GUI thread, which reports or re-raises it
            self._relay.finished.emit(False, exc)
        else:
            self._relay.finished.emit(True, result)


class Operation(QObject, Generic[T]):
    """One piece of background work. Connect to the signals or pass callbacks, then `start()`.

    `on_failure` defaults to the error dialog over `parent`; a `Cancelled` failure is quiet.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()

    # Keeps running operations alive: the caller may drop its reference right after start().
    _running: ClassVar[set[Operation[Any]]] = set()

    def __init__(
        self,
        work: Callable[[Progress], T],
        *,
        parent: QWidget | None = None,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__()
        self._work = work
        self._parent = parent
        self._on_success = on_success
        self._on_failure = on_failure
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()
        self._progress = Progress(self._relay)
        self._finished = threading.Event()
        self._relay.progressed.connect(self._forward_progress, Qt.ConnectionType.QueuedConnection)
        self._relay.finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def start(self) -> Operation[T]:
        Operation._running.add(self)
        self._pool.start(_Job(self._work, self._progress, self._relay))
        return self

    def cancel(self) -> None:
        self._progress._cancel.set()

    @property
    def running(self) -> bool:
        return self in Operation._running

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the work function returned (its outcome is delivered on the next
        event-loop turn). For shutdown and tests; never call it from a GUI handler."""
        return self._finished.wait(timeout_s)

    @Slot(int, int, str)
    def _forward_progress(self, done: int, total: int, text: str) -> None:
        self.progressed.emit(done, total, text)

    @Slot(bool, object)
    def _finish(self, ok: bool, outcome: object) -> None:
        self._finished.set()
        Operation._running.discard(self)
        try:
            if ok:
                self.succeeded.emit(outcome)
                if self._on_success is not None:
                    self._on_success(outcome)  # type: ignore[arg-type]
            else:
                assert isinstance(outcome, BaseException)
                self.failed.emit(outcome)
                if self._on_failure is not None:
                    self._on_failure(outcome)
                elif not isinstance(outcome, Cancelled):
                    show_error(self._parent, outcome)
        finally:
            self.done.emit()


class _Dispatcher(QObject):
    """Carries futures' outcomes from whatever thread resolved them to the GUI thread.

    It lives as long as the application, so a worker thread always emits on a live object.
    Emitting on the watcher itself from another thread raced with the watcher's deletion (its
    window closed): a segfault once in a few dozen test runs.
    """

    deliver = Signal(object, object)  # weak reference to the watcher, outcome

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _deliver(self, ref: weakref.ref[FutureWatcher], outcome: object) -> None:
        watcher = ref()
        if watcher is None or not shiboken6.isValid(watcher):
            return  # its window closed meanwhile: nobody is left to tell
        watcher.resolved.emit(outcome)


_dispatcher: _Dispatcher | None = None


def _the_dispatcher() -> _Dispatcher:
    """Made on first use, which is on the GUI thread (watchers are made there)."""
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    return _dispatcher


class FutureWatcher(QObject):
    """Delivers a `concurrent.futures.Future`'s outcome on the GUI thread.

    The store's integrity check and the document service resolve futures on their own
    threads; the outcome travels through the application-long `_Dispatcher`, and is dropped
    if this watcher was deleted in the meantime.
    """

    resolved = Signal(object)  # the result, or the exception the future raised

    def __init__(self, future: Future[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        dispatcher = _the_dispatcher()
        ref = weakref.ref(self)

        def done(finished: Future[Any]) -> None:
            if finished.cancelled():
                return
            error = finished.exception()
            dispatcher.deliver.emit(ref, error if error is not None else finished.result())

        future.add_done_callback(done)

"""The grading window's one line to the workspace database: ordered writes off the GUI thread.

Every change a judge makes goes to `store.grading` at once (no Save button), but a committed
SQLite transaction with `synchronous=FULL` waits for the disk, and the window must never wait
for the disk. So calls run on one writer thread, in the order they were made (a read after a
write sees it). A change to a field that is still waiting in the queue replaces the waiting
value instead of queueing another commit: a judge typing fast costs one commit per pause, not
one per keystroke, and the value that reaches the disk is always the last one typed.

Outcomes come back on the GUI thread (`FutureWatcher`); `busy_changed` drives the "Saving… /
Saved" indicator and `failed` the error line, so no failure is silent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from judge_app.ui.errors import log_error
from judge_app.ui.operation import FutureWatcher

if TYPE_CHECKING:
    from judge_app.store.database import ContestDatabase

T = TypeVar("T")


class GradingSession(QObject):
    """Runs `store.grading` calls for one open workspace, in order, on one thread."""

    busy_changed = Signal(bool)  # True while a write is queued or running
    failed = Signal(object)  # the exception of a call that had no own error handler

    def __init__(self, db: ContestDatabase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="grading-writer")
        self._lock = threading.Lock()
        self._latest: dict[Hashable, tuple[Callable[..., Any], tuple[Any, ...]]] = {}
        self._waiting: dict[Hashable, Future[Any]] = {}
        self._pending = 0
        self._closed = False

    # ------------------------------------------------------------------ calls

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def call(
        self,
        function: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        """Run `function(db, *args)` after everything queued before it."""
        return self._submit(None, function, args, on_done, on_error)

    def write(
        self,
        key: Hashable,
        function: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        """Like `call`, but a later write with the same `key` still waiting replaces this one
        (the score field of one criterion of one entry, say). Callbacks of the first write
        are kept; they receive the outcome of the value finally written."""
        with self._lock:
            if key in self._waiting:
                self._latest[key] = (function, args)
                return self._waiting[key]
        return self._submit(key, function, args, on_done, on_error)

    def _submit(
        self,
        key: Hashable | None,
        function: Callable[..., T],
        args: tuple[Any, ...],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> Future[T]:
        if self._closed:
            raise RuntimeError("the grading session is closed")
        db = self.db

        def run() -> T:
            fn, call_args = function, args
            if key is not None:
                with self._lock:
                    fn, call_args = self._latest.pop(key)
                    del self._waiting[key]
            return fn(db, *call_args)

        with self._lock:
            future: Future[T] = self._executor.submit(run)
            if key is not None:
                self._latest[key] = (function, args)
                self._waiting[key] = future
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        watcher = FutureWatcher(future, self)

        def resolved(outcome: object) -> None:
            watcher.deleteLater()
            self._pending -= 1
            try:
                if isinstance(outcome, BaseException):
                    log_error(outcome)
                    if on_error is not None:
                        on_error(outcome)
                    else:
                        self.failed.emit(outcome)
                elif on_done is not None:
                    on_done(outcome)  # type: ignore[arg-type]
            finally:
                if self._pending == 0:
                    self.busy_changed.emit(False)

        watcher.resolved.connect(resolved)
        return future

    def flush(self, timeout_s: float = 30.0) -> None:
        """Block until every queued call has run (closing the workspace, tests)."""
        if self._closed:
            return
        self._executor.submit(lambda: None).result(timeout=timeout_s)

    def close(self) -> None:
        """Finish what is queued (nothing typed is dropped), then stop the thread."""
        if self._closed:
            return
        self._closed = True
        self._executor.shutdown(wait=True)

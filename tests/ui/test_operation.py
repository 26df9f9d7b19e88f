"""Background work reports back on the GUI thread; failures reach the error dialog."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import error_dialog

from judge_app.core.errors import JudgeAppError
from judge_app.ui.main_window import MainWindow
from judge_app.ui.operation import Cancelled, FutureWatcher, Operation, Progress


def gui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_success_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    worker_threads: list[threading.Thread] = []
    seen: list[tuple[int, int, str, bool]] = []
    results: list[tuple[int, bool]] = []

    def work(progress: Progress) -> int:
        worker_threads.append(threading.current_thread())
        for done in range(1, 4):
            progress.report(done, 3, f"bước {done}")
        return 42

    operation = Operation(work, on_success=lambda v: results.append((v, on_gui())))
    operation.progressed.connect(lambda d, t, s: seen.append((d, t, s, on_gui())))

    def on_gui() -> bool:
        return QThread.currentThread() is gui_thread()

    with qtbot.waitSignal(operation.done, timeout=5000):
        operation.start()
    assert worker_threads[0] is not threading.main_thread()
    assert results == [(42, True)]
    assert seen == [(1, 3, "bước 1", True), (2, 3, "bước 2", True), (3, 3, "bước 3", True)]
    assert not operation.running


def test_failure_goes_to_the_error_dialog_by_default(qtbot: QtBot, window: MainWindow) -> None:
    def work(_progress: Progress) -> None:
        raise JudgeAppError("database_locked", "/x/cuộc thi.sqlite")

    operation = Operation(work, parent=window)
    with qtbot.waitSignal(operation.failed, timeout=5000) as blocker:
        operation.start()
    assert isinstance(blocker.args[0], JudgeAppError)
    box = error_dialog(qtbot)
    assert (
        "/x/cuộc thi.sqlite" in box.text() and "đang được một chương trình khác ghi" in box.text()
    )
    box.close()


def test_custom_failure_handler_and_quiet_cancel(qtbot: QtBot) -> None:
    started = threading.Event()
    release = threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        release.wait(5)
        progress.check()

    failures: list[BaseException] = []
    operation = Operation(work, on_failure=failures.append)
    operation.start()
    assert started.wait(5)
    operation.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], Cancelled)
    assert operation.wait(1)


def test_future_watcher_reports_on_the_gui_thread(qtbot: QtBot) -> None:
    future: Future[JudgeAppError | None] = Future()
    watcher = FutureWatcher(future)
    error = JudgeAppError("database_corrupt", "/a.sqlite", reason="r", backup="b")
    with qtbot.waitSignal(watcher.resolved, timeout=5000) as blocker:
        threading.Thread(target=future.set_result, args=(error,)).start()
    assert blocker.args == [error]

    failing: Future[None] = Future()
    watcher2 = FutureWatcher(failing)
    with qtbot.waitSignal(watcher2.resolved, timeout=5000) as blocker:
        failing.set_exception(OSError("đĩa lỗi"))
    assert isinstance(blocker.args[0], OSError)


def test_watchers_of_a_closed_window_are_dropped_not_crashed(qtbot: QtBot) -> None:
    """A viewer closed while pages still render: the outcomes must go nowhere, safely."""
    owner = QWidget()
    futures: list[Future[int]] = [Future() for _ in range(200)]
    seen: list[object] = []
    for future in futures:
        FutureWatcher(future, owner).resolved.connect(seen.append)
    owner.deleteLater()
    qtbot.wait(10)  # the watchers are gone with their owner

    def resolve() -> None:
        for number, future in enumerate(futures):
            future.set_result(number)

    worker = threading.Thread(target=resolve)
    worker.start()
    worker.join()
    qtbot.wait(50)  # deliveries arrive, find no watcher, and are dropped
    assert seen == []
    survivor: Future[int] = Future()
    kept = FutureWatcher(survivor)
    with qtbot.waitSignal(kept.resolved, timeout=5000) as blocker:
        threading.Thread(target=survivor.set_result, args=(7,)).start()
    assert blocker.args == [7]


@pytest.mark.parametrize("value", [None, 0, "x"])
def test_any_result_value_is_delivered(qtbot: QtBot, value: object) -> None:
    operation = Operation(lambda _p: value)
    with qtbot.waitSignal(operation.succeeded, timeout=5000) as blocker:
        operation.start()
    assert blocker.args == [value]

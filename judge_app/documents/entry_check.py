"""The format check of a contest's entry files, stored so the board can see and filter it.

Files are opened through the sandboxed `DocumentService` (schools' files are untrusted), the
check's verdict is written on each `EntryFile` row, and one audit row records the pass.

Many files are checked by a `FormatChecker`: one worker thread per document service, so with one
reader child per core a contest's files are checked on every core, and the caller can go on
with its own work (intake stores the next entries) while the children read.
"""

from __future__ import annotations

import json
import queue
import threading
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from judge_app.documents.format_check import check
from judge_app.store import audit
from judge_app.store.models import EntryFile

if TYPE_CHECKING:
    from judge_app.documents.service import DocumentInfo, DocumentService
    from judge_app.store.database import ContestDatabase

_BATCH = 500  # ids per IN (...): far below SQLite's limit on bound parameters


def format_report(service: DocumentService, info: DocumentInfo) -> dict[str, Any]:
    """The check's verdict as JSON-ready data; a file that cannot be read is an "error"."""
    text = ""
    if not info.placeholder:
        pages = min(info.page_count, service.limits.facts_pages)
        text = "\n".join(service.text(info.doc_id, index).result() for index in range(pages))
    report: dict[str, Any] = check(info.facts, text).to_dict()
    return report


class FormatChecker:
    """Checks files on a pool of document services; `submit` returns the report's future.

    One worker thread per service, all taking from one queue: a slow file holds up one reader,
    not the others. Futures resolve with `format_report`'s data; a bug (never a bad file, which
    becomes an "error" badge) resolves them with its exception. `close` cancels what has not
    started and waits for the workers.
    """

    def __init__(self, services: DocumentService | Sequence[DocumentService]) -> None:
        pool = list(services) if isinstance(services, Sequence) else [services]
        if not pool:
            raise ValueError("a FormatChecker needs at least one document service")
        self._queue: queue.SimpleQueue[tuple[Path, Future[dict[str, Any]]] | None] = (
            queue.SimpleQueue()
        )
        self._pending: list[Future[dict[str, Any]]] = []
        self._workers = [
            threading.Thread(
                target=self._work, args=(service,), name=f"format-check-{n}", daemon=True
            )
            for n, service in enumerate(pool)
        ]
        for worker in self._workers:
            worker.start()

    def submit(self, path: Path) -> Future[dict[str, Any]]:
        future: Future[dict[str, Any]] = Future()
        self._pending.append(future)
        self._queue.put((Path(path), future))
        return future

    def close(self) -> None:
        for future in self._pending:
            future.cancel()  # only those not started; running ones finish
        for _ in self._workers:
            self._queue.put(None)
        for worker in self._workers:
            worker.join()

    def __enter__(self) -> FormatChecker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _work(self, service: DocumentService) -> None:
        while (item := self._queue.get()) is not None:
            path, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                info = service.open(path).result()
                try:
                    report = format_report(service, info)
                finally:
                    service.close(info.doc_id)
            except BaseException as error:  # the caller's result() raises it
                future.set_exception(error)
            else:
                future.set_result(report)


def check_contest_files(
    db: ContestDatabase,
    service: DocumentService | Sequence[DocumentService],
    *,
    actor: str,
    recheck: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Counter[str]:
    """Check every entry file not checked yet (all with `recheck`); the badges counted.

    With several services (one reader child each), files are checked on all of them at once.
    """
    root = db.path.parent
    with db.read_session() as session:
        query = select(EntryFile.id, EntryFile.stored_path).order_by(EntryFile.id)
        if not recheck:
            query = query.where(EntryFile.format_badge.is_(None))
        todo = list(session.execute(query))
    results: dict[int, dict[str, Any]] = {}
    if todo:
        with FormatChecker(service) as checker:
            futures = [(file_id, checker.submit(root / path)) for file_id, path in todo]
            for done, (file_id, future) in enumerate(futures, start=1):
                results[file_id] = future.result()
                if progress is not None:
                    progress(done, len(todo))
    return save_format_reports(db, results, actor=actor)


def save_format_reports(
    db: ContestDatabase, reports: Mapping[int, dict[str, Any]], *, actor: str
) -> Counter[str]:
    """Write each file's report (by `EntryFile` id) and one audit row; the badges counted."""
    badges: Counter[str] = Counter(report["badge"] for report in reports.values())
    if not reports:
        return badges
    with db.session() as session, session.begin():
        ids = list(reports)
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            for row in session.scalars(select(EntryFile).where(EntryFile.id.in_(batch))):
                report = reports[row.id]
                row.format_badge = report["badge"]
                row.format_report = json.dumps(report, ensure_ascii=False, sort_keys=True)
        audit.record(
            session,
            actor=actor,
            action="format.check",
            entity="entry_file",
            entity_key="*",
            before=None,
            after={"files": len(reports), "badges": dict(sorted(badges.items()))},
        )
    return badges

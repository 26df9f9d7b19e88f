"""The format check of a contest's entry files, stored so the board can see and filter it.

Files are opened through the sandboxed `DocumentService` (schools' files are untrusted), the
check's verdict is written on each `EntryFile` row, and one audit row records the pass.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from judge_app.documents.format_check import check
from judge_app.store import audit
from judge_app.store.models import EntryFile

if TYPE_CHECKING:
    from judge_app.documents.service import DocumentInfo, DocumentService
    from judge_app.store.database import ContestDatabase

def format_report(service: DocumentService, info: DocumentInfo) -> dict[str, Any]:
    """The check's verdict as JSON-ready data; a file that cannot be read is an "error"."""
    text = ""
    if not info.placeholder:
        pages = min(info.page_count, service.limits.facts_pages)
        text = "\n".join(service.text(info.doc_id, index).result() for index in range(pages))
    report: dict[str, Any] = check(info.facts, text).to_dict()
    return report


def check_contest_files(
    db: ContestDatabase,
    service: DocumentService,
    *,
    actor: str,
    recheck: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Counter[str]:
    """Check every entry file not checked yet (all with `recheck`); the badges counted."""
    root = db.path.parent
    with db.read_session() as session:
        query = select(EntryFile.id, EntryFile.stored_path).order_by(EntryFile.id)
        if not recheck:
            query = query.where(EntryFile.format_badge.is_(None))
        todo = list(session.execute(query))
    results: dict[int, dict[str, Any]] = {}
    for done, (file_id, stored_path) in enumerate(todo, start=1):
        info = service.open(root / stored_path).result()
        try:
            results[file_id] = format_report(service, info)
        finally:
            service.close(info.doc_id)
        if progress is not None:
            progress(done, len(todo))
    badges: Counter[str] = Counter(report["badge"] for report in results.values())
    if not results:
        return badges
    with db.session() as session, session.begin():
        for file_id, report in results.items():
            row = session.get(EntryFile, file_id)
            if row is not None:
                row.format_badge = report["badge"]
                row.format_report = json.dumps(report, ensure_ascii=False, sort_keys=True)
        audit.record(
            session,
            actor=actor,
            action="format.check",
            entity="entry_file",
            entity_key="*",
            before=None,
            after={"files": len(results), "badges": dict(sorted(badges.items()))},
        )
    return badges

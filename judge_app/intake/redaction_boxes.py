"""The head judge's redaction boxes: rectangles drawn on pages of an entry file (a cover page
with the entrant's name, a school stamp on a scan) that are burned into the judges' copies.

A box belongs to one entry file, named as the board sees it: the entry's code and the file's
number in the entry (1, 2…, the viewer's "File 1/2" order). Its page counts from 0 here and from
1 on screen and on the command line; its corners are fractions (0–1) of the page as the viewer
shows it before any turn by the user, so they hold at every zoom and resolution. Burning is
`documents.redaction_burn`, called when a package is made (`exchange.package`).

Decisions:
- Boxes may change at any time, also after packages were made: the board may find a name late.
  A package already made does not change by itself, so each change says which packages hold
  the entry's old copy (`BoxChange.stale_packages`: a grader assigned the entry whose package for
  that round was made before the change); the board remakes and resends those.
- Each add and remove is one transaction with its audit row (`redaction.box.add` / `.remove`),
  which names the entry code, file number, page and corners: never a name, nor the file's name.
- A box must lie inside the page, have a width and height of at least `MIN_SIDE`, and sit on a
  page the file has: the page count comes from opening the file in the document service's
  sandbox (`page_count_of`), or from the caller that already opened it (the redaction window).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.documents.redaction_burn import PageBox
from judge_app.store import audit
from judge_app.store.database import ContestDatabase
from judge_app.store.models import Assignment, AuditRow, Entry, EntryFile, Judge, RedactionBox

__all__ = [
    "ADD_ACTION",
    "MIN_SIDE",
    "REMOVE_ACTION",
    "BoxChange",
    "BoxRow",
    "FileRef",
    "add_box",
    "boxes_by_file",
    "entry_file",
    "entry_files",
    "list_boxes",
    "page_count_of",
    "parse_box",
    "remove_box",
    "stale_packages",
]

ADD_ACTION = "redaction.box.add"
REMOVE_ACTION = "redaction.box.remove"
PACKAGE_ACTION = "package.create"  # exchange.package.CREATE_ACTION (not imported: cryptography)
MIN_SIDE = 0.002  # of the page's width or height: ~1 mm on A4; a click is not a box
_DIGITS = 5  # fractions are stored rounded: 1/100,000 of a page is far below a pixel

Rect = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class FileRef:
    """An entry file as the board names it: entry code and number (from 1)."""

    id: int
    entry_id: int
    code: str
    n: int
    path: Path
    kind: str


@dataclass(frozen=True, slots=True)
class BoxRow:
    id: int
    code: str
    file: int  # from 1
    page: int  # from 0
    x0: float
    y0: float
    x1: float
    y1: float
    created_by: str
    created_at: dt.datetime

    @property
    def rect(self) -> Rect:
        return (self.x0, self.y0, self.x1, self.y1)


@dataclass(frozen=True, slots=True)
class BoxChange:
    """A box added or removed, and the packages made before it that hold the old copy
    (judge code, round)."""

    box: BoxRow
    stale_packages: tuple[tuple[str, int], ...] = ()


def parse_box(text: str) -> Rect:
    """ "x0,y0,x1,y1" in fractions, as typed on the command line."""
    parts = [part.strip() for part in text.replace(";", ",").split(",")]
    try:
        values = [float(part) for part in parts]
    except ValueError:
        raise JudgeAppError("redaction_box_format", text=text) from None
    if len(values) != 4 or not all(math.isfinite(v) for v in values):
        raise JudgeAppError("redaction_box_format", text=text)
    return (values[0], values[1], values[2], values[3])


def _files_of(session: Session, db: ContestDatabase, entry: Entry) -> list[FileRef]:
    stored = session.scalars(
        select(EntryFile)
        .where(EntryFile.entry_id == entry.id)
        .order_by(EntryFile.sort, EntryFile.id)
    ).all()
    root = db.path.parent
    return [
        FileRef(f.id, entry.id, entry.code, n, root / f.stored_path, f.kind.value)
        for n, f in enumerate(stored, start=1)
    ]


def entry_files(db: ContestDatabase, code: str) -> list[FileRef]:
    """The files of entry `code` in the viewer's order."""
    with db.read_session() as session:
        entry = _entry(session, db, code)
        return _files_of(session, db, entry)


def entry_file(db: ContestDatabase, code: str, n: int) -> FileRef:
    files = entry_files(db, code)
    if not 1 <= n <= len(files):
        raise JudgeAppError(
            "redaction_file_not_found", db.path, entry=code, file=n, files=len(files)
        )
    return files[n - 1]


def _entry(session: Session, db: ContestDatabase, code: str) -> Entry:
    entry = session.scalars(select(Entry).where(Entry.code == code.strip().upper())).first()
    if entry is None:
        entry = session.scalars(select(Entry).where(Entry.code == code.strip())).first()
    if entry is None:
        raise JudgeAppError("redaction_entry_not_found", db.path, entry=code)
    return entry


def page_count_of(path: Path, lang: str = "vi") -> int:
    """Pages of an entry file as the viewer shows them, read in the sandboxed reader process.
    A file that cannot be shown (damaged, hostile…) carries no boxes: it never reaches a judge."""
    from judge_app.documents.service import DocumentService

    with DocumentService(lang=lang) as service:
        info = service.open(path).result()
    if info.placeholder:
        raise JudgeAppError("redaction_file_unreadable", path)
    return info.page_count


def _check(rect: Rect, page: int, pages: int, path: Path) -> Rect:
    x0, y0, x1, y1 = (round(v, _DIGITS) for v in rect)
    if not all(math.isfinite(v) and 0.0 <= v <= 1.0 for v in (x0, y0, x1, y1)):
        raise JudgeAppError("redaction_box_outside", path, box=_text(rect))
    if x1 - x0 < MIN_SIDE or y1 - y0 < MIN_SIDE:
        raise JudgeAppError("redaction_box_empty", path, box=_text(rect))
    if not 0 <= page < pages:
        raise JudgeAppError("redaction_page_missing", path, page=page + 1, pages=pages)
    return (x0, y0, x1, y1)


def _text(rect: Rect) -> str:
    return ",".join(f"{v:g}" for v in rect)


def _row(box: RedactionBox, ref: FileRef) -> BoxRow:
    return BoxRow(
        box.id,
        ref.code,
        ref.n,
        box.page,
        box.x0,
        box.y0,
        box.x1,
        box.y1,
        box.created_by,
        box.created_at,
    )


def _audit_after(row: BoxRow) -> dict[str, object]:
    return {
        "box": row.id,
        "entry": row.code,
        "file": row.file,
        "page": row.page + 1,
        "rect": [row.x0, row.y0, row.x1, row.y1],
    }


def add_box(
    db: ContestDatabase,
    code: str,
    file: int,
    page: int,
    rect: Rect,
    *,
    actor: str,
    page_count: int | None = None,
) -> BoxChange:
    """Add a box on `page` (from 0) of file `file` (from 1) of entry `code`; see the module."""
    ref = entry_file(db, code, file)
    pages = page_count if page_count is not None else page_count_of(ref.path)
    x0, y0, x1, y1 = _check(rect, page, pages, ref.path)
    with db.session() as session, session.begin():
        box = RedactionBox(
            entry_file_id=ref.id, page=page, x0=x0, y0=y0, x1=x1, y1=y1, created_by=actor
        )
        session.add(box)
        session.flush()
        row = _row(box, ref)
        audit.record(
            session,
            actor=actor,
            action=ADD_ACTION,
            entity="redaction_box",
            entity_key=str(box.id),
            before=None,
            after=_audit_after(row),
        )
        stale = stale_packages(session, ref.entry_id)
    return BoxChange(row, stale)


def remove_box(db: ContestDatabase, box_id: int, *, actor: str) -> BoxChange:
    """Remove box `box_id` (its number in `list_boxes`)."""
    with db.session() as session, session.begin():
        box = session.get(RedactionBox, box_id)
        if box is None:
            raise JudgeAppError("redaction_box_not_found", db.path, box=box_id)
        stored = session.get(EntryFile, box.entry_file_id)
        assert stored is not None  # the foreign key holds it
        entry = session.get(Entry, stored.entry_id)
        assert entry is not None
        ref = next(f for f in _files_of(session, db, entry) if f.id == stored.id)
        row = _row(box, ref)
        session.delete(box)
        audit.record(
            session,
            actor=actor,
            action=REMOVE_ACTION,
            entity="redaction_box",
            entity_key=str(box_id),
            before=_audit_after(row),
            after=None,
        )
        stale = stale_packages(session, ref.entry_id)
    return BoxChange(row, stale)


def list_boxes(
    db: ContestDatabase, code: str | None = None, file: int | None = None
) -> list[BoxRow]:
    """Every box (of entry `code`, of its file `file`), by entry, file, page and place."""
    with db.read_session() as session:
        entries = (
            [_entry(session, db, code)]
            if code is not None
            else list(session.scalars(select(Entry).order_by(Entry.code)))
        )
        rows: list[BoxRow] = []
        for entry in entries:
            refs = {ref.id: ref for ref in _files_of(session, db, entry)}
            if not refs:
                continue
            boxes = session.scalars(
                select(RedactionBox).where(RedactionBox.entry_file_id.in_(refs))
            ).all()
            rows += [_row(box, refs[box.entry_file_id]) for box in boxes]
    if file is not None:
        rows = [row for row in rows if row.file == file]
    return sorted(rows, key=lambda r: (r.code, r.file, r.page, r.y0, r.x0, r.id))


def boxes_by_file(session: Session) -> dict[int, list[PageBox]]:
    """Entry file id → its boxes, for burning into the judges' copies."""
    found: dict[int, list[PageBox]] = {}
    for box in session.scalars(select(RedactionBox).order_by(RedactionBox.id)):
        found.setdefault(box.entry_file_id, []).append(
            PageBox(box.page, box.x0, box.y0, box.x1, box.y1)
        )
    return found


def stale_packages(session: Session, entry_id: int) -> tuple[tuple[str, int], ...]:
    """Packages (judge code, round) already made for a grader assigned entry `entry_id`: they
    hold its copy as it was before now, so the board must remake them."""
    assigned = session.execute(
        select(Judge.code, Assignment.round)
        .join(Assignment, Assignment.judge_id == Judge.id)
        .where(Assignment.entry_id == entry_id)
    ).all()
    if not assigned:
        return ()
    wanted = {(code, round_) for code, round_ in assigned}
    made: set[tuple[str, int]] = set()
    rows = session.scalars(
        select(AuditRow.after).where(
            AuditRow.action == PACKAGE_ACTION,
            AuditRow.entity_key.in_([code for code, _ in wanted]),
        )
    ).all()
    for after in rows:
        facts = json.loads(after) if after else {}
        key = (str(facts.get("judge")), int(facts.get("round", 0)))
        if key in wanted:
            made.add(key)
    return tuple(sorted(made))


def burn_list(boxes: Sequence[BoxRow]) -> list[PageBox]:
    """The boxes of one file as `redaction_burn` takes them."""
    return [PageBox(b.page, b.x0, b.y0, b.x1, b.y1) for b in boxes]

"""The identity-leak scan of a contest: every text entry file searched for its entrant.

For the head judge's screen only. The identities come from the board's side (the sealed records
opened in memory with the board's passphrases, or the clear links before sealing); the report
names files by their number in the entry (1-based), never by the name the school gave them,
and nothing here writes to the contest file, the audit log or the log: a hit's text is the
entrant's name, which must not outlive the screen it is shown on.

Files are read through the sandboxed `DocumentService` (schools' files are untrusted). A file
without a text layer (photo, scan) is "not checked": without an OCR engine for Vietnamese
nobody can say what its pictures show. An entry is never judged here; flagging it for the
board is the whole job.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.leaks import IdentityHints, LeakHit, contact_details, find_leaks
from judge_app.store.models import Contest, Entry, EntryFile, IdentityRecord, Participant, Unit

if TYPE_CHECKING:
    from judge_app.documents.service import DocumentService
    from judge_app.store.database import ContestDatabase

ScanStatus = Literal["clean", "hits", "not_checked", "unreadable"]

NO_IDENTITY = IdentityHints(full_name="")


@dataclass(frozen=True)
class FileLeakHit:
    """A hit in one file of an entry: file number and page count from 1."""

    file_number: int
    page: int
    hit: LeakHit


@dataclass(frozen=True)
class FileScan:
    """What the scan could do with one file of an entry."""

    file_number: int
    status: ScanStatus
    pages_checked: int = 0
    pages_total: int = 0
    reason: str | None = None  # problem code of an unreadable file (core.messages)
    reason_params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class EntryLeakReport:
    """One entry's result. Status: "hits" if any file has one; else "unreadable" if a file
    could not be opened; else "not_checked" if no file had text; else "clean" (files without
    text are still listed in `files` as not checked)."""

    entry_id: int
    code: str
    status: ScanStatus
    identity_known: bool
    files: list[FileScan] = field(default_factory=list)
    hits: list[FileLeakHit] = field(default_factory=list)

    @property
    def strong(self) -> bool:
        """At least one hit that names the entrant themself (not a weak hint)."""
        return any(h.hit.confidence == "strong" for h in self.hits)


# ---------------------------------------------------------------------------------------------
# Identities


def has_sealed_records(db: ContestDatabase) -> bool:
    """True when opening the identities needs the board's passphrases."""
    with db.read_session() as session:
        sealed = session.scalar(
            select(IdentityRecord.entry_id).where(IdentityRecord.sealed.is_not(None)).limit(1)
        )
    return sealed is not None


def _common_phrases(session: Session) -> list[str]:
    """Names printed on every entry (organiser, contest): never a sign of one unit."""
    phrases: list[str] = []
    for name, organiser in session.execute(select(Contest.name, Contest.organiser)):
        phrases += [p for p in (name, organiser) if p]
    return phrases


def build_identity_hints(
    db: ContestDatabase, passphrases: Sequence[bytes] = ()
) -> dict[int, IdentityHints]:
    """Entry id → what to look for, from the identity records.

    Sealed records are opened in memory with `passphrases` (`seal.read_identities`); clear
    links (before sealing, as in the demo) need none. Name from the participant, unit names
    from the participant's unit (else the entry's), phones and e-mails parsed from the
    participant's contact field; the class is not recorded, so it stays unknown.
    """
    from judge_app.intake.seal import read_identities  # cryptography, only when needed

    with db.read_session() as session:
        identities = read_identities(db, passphrases, session)
        entries = {
            code: (entry_id, unit_id)
            for entry_id, code, unit_id in session.execute(
                select(Entry.id, Entry.code, Entry.unit_id)
            )
        }
        units_by_code = {code: name for code, name in session.execute(select(Unit.code, Unit.name))}
        units_by_id = {uid: name for uid, name in session.execute(select(Unit.id, Unit.name))}
        common = _common_phrases(session)
        hints: dict[int, IdentityHints] = {}
        for identity in identities:
            if identity.code not in entries:
                continue
            entry_id, entry_unit = entries[identity.code]
            unit_name = units_by_code.get(identity.unit or "") or units_by_id.get(entry_unit or -1)
            phones: list[str] = []
            emails: list[str] = []
            if identity.participant_id is not None:
                person = session.get(Participant, identity.participant_id)
                if person is not None and person.contact:
                    phones, emails = contact_details(person.contact)
            hints[entry_id] = IdentityHints(
                full_name=identity.full_name,
                unit_names=(unit_name,) if unit_name else (),
                phones=tuple(phones),
                emails=tuple(emails),
                common_phrases=tuple(common),
            )
    return hints


# ---------------------------------------------------------------------------------------------
# Scan


def _scan_file(
    service: DocumentService, path: Path, number: int, hints: IdentityHints
) -> tuple[FileScan, list[FileLeakHit]]:
    info = service.open(path).result()
    try:
        if info.placeholder:
            problem = info.facts.problems[0] if info.facts.problems else None
            return FileScan(
                number,
                "unreadable",
                reason=problem.code if problem else None,
                reason_params=dict(problem.params) if problem else {},
            ), []
        if not info.facts.has_text:
            return FileScan(number, "not_checked", pages_total=info.page_count), []
        pages = min(info.page_count, service.limits.facts_pages)
        hits = [
            FileLeakHit(number, index + 1, hit)
            for index in range(pages)
            for hit in find_leaks(service.text(info.doc_id, index).result(), hints)
        ]
    finally:
        service.close(info.doc_id)
    status: ScanStatus = "hits" if hits else "clean"
    return FileScan(number, status, pages_checked=pages, pages_total=info.page_count), hits


def _entry_status(files: Sequence[FileScan], hits: Sequence[FileLeakHit]) -> ScanStatus:
    if hits:
        return "hits"
    if any(f.status == "unreadable" for f in files):
        return "unreadable"
    if all(f.status == "not_checked" for f in files):
        return "not_checked"
    return "clean"


def scan_contest(
    db: ContestDatabase,
    service: DocumentService,
    identities: Mapping[int, IdentityHints],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[EntryLeakReport]:
    """Scan every entry of the contest file; one report per entry, by code.

    An entry missing from `identities` is still scanned for phones, e-mails, school names and
    self-introductions (`identity_known` is False).
    """
    root = db.path.parent
    with db.read_session() as session:
        rows = session.execute(
            select(Entry.id, Entry.code, EntryFile.stored_path)
            .join(EntryFile, EntryFile.entry_id == Entry.id, isouter=True)
            .order_by(Entry.code, EntryFile.sort, EntryFile.id)
        ).all()
    by_entry: dict[int, tuple[str, list[str]]] = {}
    for entry_id, code, stored_path in rows:
        files = by_entry.setdefault(entry_id, (code, []))[1]
        if stored_path is not None:
            files.append(stored_path)
    reports = []
    for done, (entry_id, (code, stored_paths)) in enumerate(by_entry.items(), start=1):
        hints = identities.get(entry_id, NO_IDENTITY)
        scans: list[FileScan] = []
        hits: list[FileLeakHit] = []
        for number, stored_path in enumerate(stored_paths, start=1):
            scan, file_hits = _scan_file(service, root / stored_path, number, hints)
            scans.append(scan)
            hits += file_hits
        reports.append(
            EntryLeakReport(
                entry_id=entry_id,
                code=code,
                status=_entry_status(scans, hits),
                identity_known=entry_id in identities,
                files=scans,
                hits=hits,
            )
        )
        if progress is not None:
            progress(done, len(by_entry))
    return reports

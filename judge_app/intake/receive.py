"""Receiving a unit's entries: sources in, entries with codes and stored files out, and a report.

`receive(db, unit, sources, …)` runs the whole intake of one unit (school or office):

1. the sources (saved e-mails, zips, folders, single files) are unpacked by `archives` into a
   temporary folder inside the contest folder (`.intake-tmp/`), removed at the end;
2. the unit's participant list, when given, adds the people not known yet (same normalised
   name and birth date = same person);
3. each file is matched to a participant by its name and folders (`receive_match`); the files
   of one participant form one entry; a file that matches nobody, or several people, becomes an
   entry of its own with no participant ("needs linking"), so nothing is ever lost;
4. each content is stored once, as `files/<sha256[:2]>/<sha256><ext>` (a stored path says
   neither who wrote it nor which school sent it; the school's name for the file stays in
   `EntryFile.original_name`, board side only);
5. late, duplicate, empty, unreadable files, unlinked files and people without an entry go in
   the `IntakeReport` (`receive_xlsx` writes it, and the receipt sent back to the unit).

Re-running on the same source adds nothing: a content already in one of the unit's entries is
counted as "already received" and skipped. The same content in another unit, or for another
participant, is a duplicate: stored once, linked to both entries, and reported.

All database writes of a run are one transaction with one audit row ("intake", counts only: the
log is permanent and travels with the file, so it names nobody). Files are moved into `files/`
before the commit: if the commit fails they stay there unreferenced, which is harmless because
a path is its content's hash and the next run reuses it.

Times: the e-mail's receipt stamp is converted to Vietnam time (UTC+7, no daylight saving),
the zone the deadlines are written in; entries store that local time without a zone.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.documents.model import DocKind
from judge_app.documents.sniff import EXTENSIONS, sniff
from judge_app.fileio import fsync_directory
from judge_app.intake.archives import ArchiveLimits, UnpackedFile, unpack_sources
from judge_app.intake.receive_match import Candidate, Match, fold, match_file
from judge_app.intake.receive_xlsx import problem_text, write_receipt_xlsx, write_report_xlsx
from judge_app.intake.seal import allocate_codes
from judge_app.store import audit
from judge_app.store.models import (
    Category,
    Contest,
    Entry,
    EntryFile,
    EntryStatus,
    FileKind,
    FileRole,
    IdentityRecord,
    Participant,
    Unit,
)

if TYPE_CHECKING:
    from judge_app.documents.entry_check import FormatChecker
    from judge_app.documents.service import DocumentService
    from judge_app.intake.participants import ParticipantList
    from judge_app.store.database import ContestDatabase

__all__ = [
    "IntakeProblem",
    "IntakeReport",
    "ListSummary",
    "MissingParticipant",
    "ReceivedEntry",
    "ReceivedFile",
    "problem_text",
    "receive",
    "write_receipt_xlsx",
    "write_report_xlsx",
]

CONTEST_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")  # Vietnam: UTC+7 all year
TEMP_FOLDER = ".intake-tmp"
DEFAULT_LIMITS = ArchiveLimits()
FILES_FOLDER = "files"
_BATCH = 500  # values per IN (...): far below SQLite's limit on bound parameters

# Entry outcomes of a file's match.
MATCHED = "matched"
UNMATCHED = "unmatched"
AMBIGUOUS = "ambiguous"

_KINDS = {DocKind.PDF: FileKind.PDF, DocKind.DOCX: FileKind.DOCX, DocKind.IMAGE: FileKind.IMAGE}
_SUFFIXES = {
    DocKind.PDF: ".pdf",
    DocKind.DOCX: ".docx",
    DocKind.ODT: ".odt",
    DocKind.DOC: ".doc",
    DocKind.RTF: ".rtf",
}
_IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", ".png"),
    (b"\xff\xd8", ".jpg"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
    (b"GIF8", ".gif"),
    (b"BM", ".bmp"),
    (b"RIFF", ".webp"),
)


@dataclass(frozen=True)
class ReceivedFile:
    """One file taken from the sources, as the unit named it and as the contest stores it."""

    original_name: str  # the name inside the source, folders included
    chain: tuple[str, ...]  # source → attachment → zip … → member
    sha256: str
    size: int
    kind: str  # FileKind value, or the DocKind of a file that is not stored
    stored_path: str = ""  # relative to the contest folder; "" when not stored (empty file)
    entry_code: str = ""  # the entry holding it ("" for an empty file)
    badge: str | None = None  # the format check's badge, once checked


@dataclass
class ReceivedEntry:
    """An entry this run created (or added files to), with its link to a participant."""

    code: str
    category: str  # category code
    link: str  # "matched" | "unmatched" | "ambiguous"
    received_at: dt.datetime
    late: bool
    new: bool  # False when the files were added to the participant's existing entry
    participant_id: int | None = None
    participant_name: str = ""
    category_name: str = ""
    birth_date: dt.date | None = None
    candidates: tuple[tuple[int, str], ...] = ()  # (participant id, name) for the review dialog
    files: list[ReceivedFile] = field(default_factory=list)


@dataclass(frozen=True)
class IntakeProblem:
    """Something the board (and the unit) must know: a message code and its parameters.

    `subject` is the file as the unit named it, or the person; `entry` the code, if any.
    """

    code: str
    subject: str
    entry: str = ""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MissingParticipant:
    """Someone of the unit with no entry after this run."""

    participant_id: int
    full_name: str
    birth_date: dt.date | None
    category: str  # category code, "" when unknown


@dataclass(frozen=True)
class ListSummary:
    """The participant list read in this run."""

    path: Path
    sheet: str
    rows: int
    added: int
    confidence: float
    low_confidence: bool


@dataclass
class IntakeReport:
    contest_path: Path
    unit_code: str
    unit_name: str
    deadline: dt.datetime | None
    entries: list[ReceivedEntry] = field(default_factory=list)
    already_received: list[ReceivedFile] = field(default_factory=list)
    problems: list[IntakeProblem] = field(default_factory=list)
    missing: list[MissingParticipant] = field(default_factory=list)
    # False when the unit's links are sealed: who has no entry cannot be told then.
    missing_known: bool = True
    participant_list: ListSummary | None = None
    refused: int = 0  # files the sources held but unpacking refused (their problems say why)

    @property
    def files(self) -> list[ReceivedFile]:
        return [f for entry in self.entries for f in entry.files]

    def counts(self) -> dict[str, int]:
        """Figures per status, for the CLI summary and the audit row (no names)."""
        problems = Counter(p.code for p in self.problems)
        return {
            "entries_new": sum(e.new for e in self.entries),
            "entries_added_to": sum(not e.new for e in self.entries),
            "files_new": len(self.files),
            "already_received": len(self.already_received),
            "late": sum(e.late for e in self.entries),
            "needs_linking": sum(e.link != MATCHED for e in self.entries),
            "ambiguous": sum(e.link == AMBIGUOUS for e in self.entries),
            "duplicate": problems["receive_duplicate"],
            "empty": problems["receive_empty"],
            "unreadable": problems["receive_unreadable"],
            "other_kind": problems["receive_other_kind"],
            "refused": self.refused,
            "no_entry": len(self.missing),
            "participants_added": self.participant_list.added if self.participant_list else 0,
        }


# --- the run -------------------------------------------------------------------------------------


def receive(
    db: ContestDatabase,
    unit_code: str,
    sources: list[Path],
    *,
    participant_list: Path | None = None,
    received_at: dt.datetime | None = None,
    actor: str,
    service: DocumentService | Sequence[DocumentService] | None = None,
    limits: ArchiveLimits = DEFAULT_LIMITS,
) -> IntakeReport:
    """Receive `sources` for the unit `unit_code` (see the module docstring).

    `received_at` (local time) applies to files that do not come from an e-mail; without it
    they count as received now. With a `service` (or several: one reader child per core), the
    new files get their format badges and the unreadable ones are reported. Each new file is
    handed to the check as soon as it is stored, so the readers work while the entries are
    still being written.
    """
    if db.role != FileRole.BOARD:
        raise JudgeAppError("receive_not_board", db.path)
    root = db.path.parent
    with db.read_session() as session:
        unit = session.scalars(select(Unit).where(Unit.code == unit_code)).one_or_none()
        if unit is None:
            raise JudgeAppError("receive_unit_unknown", db.path, unit=unit_code)
        deadline = unit.group.deadline if unit.group is not None else None
        report = IntakeReport(db.path, unit.code, unit.name, deadline)
        reference = _reference_date(session, deadline)
    parsed = None
    if participant_list is not None:
        parsed = _read_list(db, unit_code, participant_list, reference, report)
    default_time = _local(received_at) if received_at is not None else _now()
    temp_root = root / TEMP_FOLDER
    temp = temp_root / uuid.uuid4().hex
    checker = _checker(service)
    checked: dict[str, dict[str, Any]] = {}
    try:
        unpacked = unpack_sources([Path(s) for s in sources], temp, limits=limits)
        kept, lists = _split_lists(unpacked.kept)
        if lists:
            # Schools send their participant list in the same e-mail or zip as the entries: a
            # spreadsheet is never an entry. Without a list given, the first one sent is the
            # unit's list; the others (or all, when one was given) are named in the report.
            used = None
            if parsed is None:
                used = lists[0]
                try:
                    parsed = _read_list(db, unit_code, temp / used.stored, reference, report)
                except JudgeAppError as error:  # a broken list must not stop the entries
                    report.problems.append(
                        IntakeProblem(
                            "receive_list_attachment_unreadable",
                            used.name,
                            params={"path": used.name, "reason": error.code},
                        )
                    )
            for item in lists:
                if item is not used:
                    report.problems.append(
                        IntakeProblem(
                            "receive_list_attachment_unused",
                            item.name,
                            params={"path": item.name},
                        )
                    )
        report.refused = len(unpacked.refused)
        for refusal in unpacked.refused:
            # The source by its own name: the board's folders are nobody else's business.
            chain = (Path(refusal.chain[0]).name, *refusal.chain[1:]) if refusal.chain else ()
            report.problems.append(
                IntakeProblem(refusal.code, " → ".join(chain), params=dict(refusal.params))
            )
        with db.session() as session, session.begin():
            run = _Run(session, root, temp, report, default_time, checker)
            run.load(unit_code, {item.sha256 for item in kept})
            if parsed is not None:
                run.add_participants(parsed)
            run.take(kept)
            run.find_missing()
            run.sync_files()
            audit.record(
                session,
                actor=actor,
                action="intake",
                entity="unit",
                entity_key=unit_code,
                before=None,
                after=report.counts(),
            )
        checked = {sha: future.result() for sha, future in run.checks.items()}
    finally:
        if checker is not None:
            checker.close()
        shutil.rmtree(temp, ignore_errors=True)
        if temp_root.is_dir() and not any(temp_root.iterdir()):
            temp_root.rmdir()
    if service is not None and report.files:
        _check_formats(db, service, actor, report, checked)
    return report


def _checker(
    service: DocumentService | Sequence[DocumentService] | None,
) -> FormatChecker | None:
    if service is None:
        return None
    from judge_app.documents.entry_check import FormatChecker

    return FormatChecker(service)


LIST_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".ods")


def _split_lists(
    items: Sequence[UnpackedFile],
) -> tuple[list[UnpackedFile], list[UnpackedFile]]:
    """(entry files, participant lists) by name: entries are DOCX, PDF or pictures."""
    entries: list[UnpackedFile] = []
    lists: list[UnpackedFile] = []
    for item in items:
        (lists if item.name.lower().endswith(LIST_SUFFIXES) else entries).append(item)
    return entries, lists


def _reference_date(session: Session, deadline: dt.datetime | None) -> dt.date:
    contest = session.scalars(select(Contest)).first()
    if contest is not None and contest.reference_date is not None:
        return contest.reference_date
    return deadline.date() if deadline is not None else dt.date.today()


def _local(moment: dt.datetime) -> dt.datetime:
    """A local (Vietnam) time without zone; naive times are taken as already local."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(CONTEST_TZ).replace(tzinfo=None)


def _now() -> dt.datetime:
    return dt.datetime.now(CONTEST_TZ).replace(tzinfo=None, microsecond=0)


def _read_list(
    db: ContestDatabase, unit_code: str, path: Path, reference: dt.date, report: IntakeReport
) -> ParticipantList:
    from judge_app.intake.participants import (
        guess_mapping,
        load_mapping,
        parse_participants,
        read_table,
    )
    from judge_app.intake.participants_cli import LOW_CONFIDENCE

    remembered = load_mapping(db, unit_code)
    # The sheet the board chose in the column dialog, when the workbook still has it; a
    # workbook without it is read from its best-looking sheet (and the columns guessed again).
    table = None
    if remembered is not None and remembered.sheet:
        try:
            table = read_table(Path(path), sheet=remembered.sheet)
        except JudgeAppError as error:
            if error.code != "list_sheet_missing":
                raise
    if table is None:
        table = read_table(Path(path))
    mapping = guess_mapping(table, remembered)
    parsed = parse_participants(table, mapping, reference_date=reference, unit=unit_code)
    low = mapping.confidence < LOW_CONFIDENCE
    report.participant_list = ListSummary(
        Path(path), table.sheet, len(parsed.rows), 0, mapping.confidence, low
    )
    if low:
        report.problems.append(
            IntakeProblem(
                "receive_list_low_confidence",
                Path(path).name,
                params={"path": Path(path).name, "confidence": f"{mapping.confidence:.0%}"},
            )
        )
    for problem in parsed.problems:
        report.problems.append(
            IntakeProblem(
                "receive_list_problem",
                Path(path).name,
                params={"row": problem.row, "problem": problem.code, **problem.params},
            )
        )
    return parsed


def _check_formats(
    db: ContestDatabase,
    service: DocumentService | Sequence[DocumentService],
    actor: str,
    report: IntakeReport,
    checked: dict[str, dict[str, Any]],
) -> None:
    """Save the checks made during the run, check any file still unchecked, read the badges."""
    from judge_app.documents.entry_check import check_contest_files, save_format_reports

    by_id: dict[int, dict[str, Any]] = {}
    shas = list(checked)
    with db.read_session() as session:
        for start in range(0, len(shas), _BATCH):
            unchecked = session.execute(
                select(EntryFile.id, EntryFile.sha256).where(
                    EntryFile.sha256.in_(shas[start : start + _BATCH]),
                    EntryFile.format_badge.is_(None),
                )
            )
            by_id.update({file_id: checked[sha] for file_id, sha in unchecked})
    save_format_reports(db, by_id, actor=actor)
    check_contest_files(db, service, actor=actor)
    with db.read_session() as session:
        rows = session.execute(
            select(EntryFile.sha256, EntryFile.format_badge).where(
                EntryFile.sha256.in_({f.sha256 for f in report.files})
            )
        )
        badges = {sha: badge for sha, badge in rows}
    for entry in report.entries:
        entry.files = [_with_badge(f, badges.get(f.sha256)) for f in entry.files]
        for item in entry.files:
            if item.badge == "error":
                report.problems.append(
                    IntakeProblem("receive_unreadable", item.original_name, entry.code)
                )


def _with_badge(item: ReceivedFile, badge: str | None) -> ReceivedFile:
    from dataclasses import replace

    return replace(item, badge=badge)


# --- inside the transaction ------------------------------------------------------------------


@dataclass(frozen=True)
class _Known:
    """A content already in the contest: which entry, unit and (clear) participant hold it."""

    entry_id: int
    code: str
    unit_id: int | None
    unit_code: str
    participant_id: int | None


@dataclass
class _Incoming:
    kept: UnpackedFile
    match: Match
    kind: DocKind
    received: dt.datetime


class _Run:
    def __init__(
        self,
        session: Session,
        root: Path,
        temp: Path,
        report: IntakeReport,
        default_time: dt.datetime,
        checker: FormatChecker | None = None,
    ) -> None:
        self.session = session
        self.root = root
        self.temp = temp
        self.report = report
        self.default_time = default_time
        self.checker = checker
        self.checks: dict[str, Future[dict[str, Any]]] = {}  # sha256 → its format check

    def load(self, unit_code: str, shas: set[str]) -> None:
        """The unit, its people and entries, and where the contest already holds `shas`."""
        session = self.session
        unit = session.scalars(select(Unit).where(Unit.code == unit_code)).one()
        self.unit = unit
        self.contest_id = unit.contest_id
        self.categories = {c.id: c for c in session.scalars(select(Category))}
        self.people = {
            p.id: p
            for p in session.scalars(select(Participant).where(Participant.unit_id == unit.id))
        }
        self.seq: dict[int, str] = {}
        # Only the contents this run brings: the whole contest's files (20,000 rows late in a
        # large intake) would be read again for every unit.
        self.known: dict[str, list[_Known]] = defaultdict(list)
        wanted = sorted(shas)
        for start in range(0, len(wanted), _BATCH):
            rows = session.execute(
                select(
                    EntryFile.sha256,
                    Entry.id,
                    Entry.code,
                    Entry.unit_id,
                    Unit.code,
                    IdentityRecord.participant_id,
                )
                .join(Entry, EntryFile.entry_id == Entry.id)
                .outerjoin(Unit, Entry.unit_id == Unit.id)
                .outerjoin(IdentityRecord, IdentityRecord.entry_id == Entry.id)
                .where(EntryFile.sha256.in_(wanted[start : start + _BATCH]))
                .order_by(Entry.id)
            )
            for sha, entry_id, code, unit_id, unit_code_, participant_id in rows:
                self.known[sha].append(
                    _Known(entry_id, code, unit_id, unit_code_ or "", participant_id)
                )
        self.unsynced: list[Path] = []  # files moved into place, not yet fsynced
        self.identities: list[tuple[Entry, int | None]] = []  # written after one flush
        links = session.execute(
            select(IdentityRecord.participant_id, Entry)
            .join(Entry, IdentityRecord.entry_id == Entry.id)
            .where(Entry.unit_id == unit.id, IdentityRecord.participant_id.is_not(None))
            .order_by(Entry.id)
        )
        self.entry_of: dict[int, Entry] = {}
        for participant_id, entry in links:
            if participant_id is not None:
                self.entry_of.setdefault(participant_id, entry)
        self.sealed = (
            session.scalar(
                select(IdentityRecord.entry_id)
                .join(Entry, IdentityRecord.entry_id == Entry.id)
                .where(Entry.unit_id == unit.id, IdentityRecord.sealed.is_not(None))
                .limit(1)
            )
            is not None
        )

    # participants

    def add_participants(self, parsed: ParticipantList) -> None:
        by_code = {c.code: c for c in self.categories.values()}
        index = {self._person_key(p.full_name, p.birth_date): p for p in self.people.values()}
        added: list[Participant] = []
        numbers: list[tuple[Participant, str]] = []
        for row in parsed.rows:
            if not row.full_name:
                continue
            key = self._person_key(row.full_name, row.birth_date)
            person = index.get(key)
            if person is None:
                category = by_code.get(row.category) if row.category else None
                person = Participant(
                    contest_id=self.contest_id,
                    full_name=row.full_name,
                    birth_date=row.birth_date,
                    category_id=category.id if category else None,
                    unit_id=self.unit.id,
                    contact="; ".join(v for v in (row.phone, row.email) if v),
                )
                self.session.add(person)
                index[key] = person
                added.append(person)
            if row.seq:
                numbers.append((person, row.seq))
        self.session.flush()  # one flush gives every new person an id
        self.people.update((person.id, person) for person in added)
        self.seq.update((person.id, seq) for person, seq in numbers)
        summary = self.report.participant_list
        if summary is not None:
            self.report.participant_list = ListSummary(
                summary.path,
                summary.sheet,
                summary.rows,
                len(added),
                summary.confidence,
                summary.low_confidence,
            )

    @staticmethod
    def _person_key(name: str, birth: dt.date | None) -> tuple[str, dt.date | None]:
        return fold(name), birth

    # files

    def take(self, kept: list[UnpackedFile]) -> None:
        candidates = [
            Candidate(p.id, p.full_name, self.seq.get(p.id, "")) for p in self.people.values()
        ]
        groups: dict[tuple[str, int], list[_Incoming]] = {}
        seen: dict[str, tuple[str, int]] = {}
        for position, item in enumerate(kept):
            match = match_file(item.chain, candidates)
            if item.size == 0:
                name = self._name(match.participant_id)
                self.report.problems.append(
                    IntakeProblem("receive_empty", item.name, params={"person": name or "-"})
                )
                continue
            if self._already(item, match.participant_id):
                continue
            key = (
                ("p", match.participant_id) if match.participant_id is not None else ("f", position)
            )
            earlier = seen.get(item.sha256)
            if earlier == key or (earlier is not None and match.participant_id is None):
                # The same content twice in one run (the zip and the e-mail, say): one file.
                continue
            seen.setdefault(item.sha256, key)
            kind = sniff(self.temp / item.stored)
            moment = _local(item.received) if item.received is not None else self.default_time
            groups.setdefault(key, []).append(_Incoming(item, match, kind, moment))
        fresh = [key for key in groups if not self._appendable(key)]
        codes = iter(allocate_codes(self.session, len(fresh)))
        owner: dict[str, str] = {}  # sha256 → code of this run's first entry holding it
        for key, incoming in groups.items():
            self._make_entry(key, incoming, codes, owner)
        # One flush for every new entry and file (batched INSERTs), then their identity records.
        self.session.flush()
        self.session.add_all(
            IdentityRecord(entry_id=entry.id, participant_id=participant_id)
            for entry, participant_id in self.identities
        )
        self.session.flush()

    def _already(self, item: UnpackedFile, participant_id: int | None) -> bool:
        for known in self.known.get(item.sha256, ()):
            if known.unit_id != self.unit.id:
                continue
            if (
                participant_id is None
                or known.participant_id is None
                or known.participant_id == participant_id
            ):
                self.report.already_received.append(
                    ReceivedFile(
                        item.name,
                        item.chain,
                        item.sha256,
                        item.size,
                        "",
                        entry_code=known.code,
                    )
                )
                return True
        return False

    def _appendable(self, key: tuple[str, int]) -> bool:
        if key[0] != "p":
            return False
        entry = self.entry_of.get(key[1])
        return entry is not None and entry.status == EntryStatus.RECEIVED

    def _name(self, participant_id: int | None) -> str:
        person = self.people.get(participant_id) if participant_id is not None else None
        return person.full_name if person is not None else ""

    def _make_entry(
        self,
        key: tuple[str, int],
        incoming: list[_Incoming],
        codes: Any,
        owner: dict[str, str],
    ) -> None:
        match = incoming[0].match
        person = self.people.get(key[1]) if key[0] == "p" else None
        moment = max(i.received for i in incoming)
        category, guessed = self._category(person, match)
        entry = self.entry_of.get(key[1]) if self._appendable(key) else None
        new = entry is None
        if entry is None:
            entry = Entry(
                contest_id=self.contest_id,
                code=next(codes),
                category_id=category.id,
                unit_id=self.unit.id,
                received_at=moment,
                status=EntryStatus.RECEIVED,
            )
            self.session.add(entry)
            self.identities.append((entry, person.id if person is not None else None))
            if person is not None and person.id in self.entry_of:
                self.report.problems.append(
                    IntakeProblem(
                        "receive_second_entry",
                        person.full_name,
                        entry.code,
                        {"entry": self.entry_of[person.id].code},
                    )
                )
        else:
            entry.received_at = max(entry.received_at or moment, moment)
            category = self.categories.get(entry.category_id, category)
        late = self.report.deadline is not None and moment >= self.report.deadline
        record = ReceivedEntry(
            code=entry.code,
            category=category.code,
            category_name=category.name,
            link=match.outcome if person is None else MATCHED,
            received_at=moment,
            late=late,
            new=new,
            participant_id=person.id if person is not None else None,
            participant_name=person.full_name if person is not None else "",
            birth_date=person.birth_date if person is not None else None,
            candidates=tuple((pid, self._name(pid)) for pid in match.participant_ids)
            if person is None
            else (),
        )
        sort = len(entry.files)
        for item in incoming:
            stored = self._store(item)
            entry.files.append(
                EntryFile(
                    sort=sort,
                    stored_path=stored,
                    sha256=item.kept.sha256,
                    size=item.kept.size,
                    kind=_KINDS.get(item.kind, FileKind.OTHER),
                    original_name=item.kept.name,
                )
            )
            sort += 1
            record.files.append(
                ReceivedFile(
                    item.kept.name,
                    item.kept.chain,
                    item.kept.sha256,
                    item.kept.size,
                    _KINDS.get(item.kind, FileKind.OTHER).value,
                    stored,
                    entry.code,
                )
            )
            self._file_problems(item, entry.code, owner)
        self._entry_problems(record, guessed, person)
        self.report.entries.append(record)

    def _category(self, person: Participant | None, match: Match) -> tuple[Category, bool]:
        """The entry's category and whether it is a stand-in the board must confirm."""
        if person is not None and person.category_id in self.categories:
            return self.categories[person.category_id], False
        options = {
            self.people[pid].category_id for pid in match.participant_ids if pid in self.people
        }
        if len(options) == 1:
            only = options.pop()
            if only in self.categories:
                return self.categories[only], person is not None
        unit_options = {p.category_id for p in self.people.values()} - {None}
        if len(unit_options) == 1:
            only = unit_options.pop()
            if only in self.categories:
                return self.categories[only], person is not None
        first = min(self.categories.values(), key=lambda c: (c.sort, c.id))
        return first, True

    def _file_problems(self, item: _Incoming, code: str, owner: dict[str, str]) -> None:
        sha = item.kept.sha256
        others = [k for k in self.known.get(sha, ()) if k.code != code]
        if others:
            first = others[0]
            self.report.problems.append(
                IntakeProblem(
                    "receive_duplicate",
                    item.kept.name,
                    code,
                    {"entry": first.code, "unit": first.unit_code or "-"},
                )
            )
        elif sha in owner and owner[sha] != code:
            self.report.problems.append(
                IntakeProblem(
                    "receive_duplicate",
                    item.kept.name,
                    code,
                    {"entry": owner[sha], "unit": self.unit.code},
                )
            )
        owner.setdefault(sha, code)
        if item.kind not in _KINDS:
            self.report.problems.append(
                IntakeProblem("receive_other_kind", item.kept.name, code, {"kind": item.kind.value})
            )

    def _entry_problems(
        self, record: ReceivedEntry, guessed: bool, person: Participant | None
    ) -> None:
        subject = record.participant_name or ", ".join(f.original_name for f in record.files)
        if record.late and self.report.deadline is not None:
            self.report.problems.append(
                IntakeProblem(
                    "receive_late",
                    subject,
                    record.code,
                    {
                        "received": f"{record.received_at:%d/%m/%Y %H:%M}",
                        "deadline": f"{self.report.deadline:%d/%m/%Y %H:%M}",
                    },
                )
            )
        if record.link == UNMATCHED:
            self.report.problems.append(
                IntakeProblem(
                    "receive_unmatched", subject, record.code, {"category": record.category}
                )
            )
        elif record.link == AMBIGUOUS:
            names = ", ".join(name for _, name in record.candidates)
            self.report.problems.append(
                IntakeProblem("receive_ambiguous", subject, record.code, {"names": names})
            )
        elif guessed and person is not None:
            self.report.problems.append(
                IntakeProblem(
                    "receive_category_unknown", subject, record.code, {"category": record.category}
                )
            )

    def _store(self, item: _Incoming) -> str:
        """Move the file to its content-addressed place (once per content); its relative path."""
        sha = item.kept.sha256
        source = self.temp / item.kept.stored
        relative = f"{FILES_FOLDER}/{sha[:2]}/{sha}{_suffix(item.kind, source, item.kept.name)}"
        target = self.root / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            source.replace(target)
            self.unsynced.append(target)
        if self.checker is not None and sha not in self.known and sha not in self.checks:
            self.checks[sha] = self.checker.submit(target)
        return relative

    def sync_files(self) -> None:
        """Make the moved files and their names durable before the commit that refers to them.

        Done once at the end, not per file: the first fsync flushes the file system's journal
        with most of the others' data, so the rest cost little (one per file cost more than
        the copying on a busy disk).
        """
        for path in self.unsynced:
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
        for folder in sorted({path.parent for path in self.unsynced}):
            fsync_directory(folder)
        self.unsynced.clear()

    def find_missing(self) -> None:
        if self.sealed:
            self.report.missing_known = False
            return
        linked = set(
            self.session.scalars(
                select(IdentityRecord.participant_id).where(
                    IdentityRecord.participant_id.is_not(None)
                )
            )
        )
        for person in sorted(self.people.values(), key=lambda p: p.id):
            if person.id in linked:
                continue
            category = self.categories.get(person.category_id) if person.category_id else None
            self.report.missing.append(
                MissingParticipant(
                    person.id,
                    person.full_name,
                    person.birth_date,
                    category.code if category else "",
                )
            )


def _suffix(kind: DocKind, path: Path, name: str) -> str:
    if kind in _SUFFIXES:
        return _SUFFIXES[kind]
    if kind == DocKind.IMAGE:
        given = Path(name).suffix.lower()
        if given in EXTENSIONS[DocKind.IMAGE]:
            return ".jpg" if given in {".jpeg", ".jpe", ".jfif"} else given
        with path.open("rb") as handle:
            head = handle.read(16)
        for magic, suffix in _IMAGE_MAGIC:
            if head.startswith(magic):
                return suffix
    return ".bin"

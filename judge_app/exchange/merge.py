"""The head judge's merge of judges' signed score files into the contest file.

Trust comes only from the contest file: each file is verified against the key the head judge
pinned for that judge (`key register`), never a key the file names. A file is merged whole or
not at all (one transaction); a refused file leaves the database exactly as it was and the
report says why. Files are independent: one refusal does not stop the others.

Replay and rollback: the contest file records every merged file's revision and hash
(`score_file`). An older revision than one merged is refused; the same revision with the same
bytes is "already merged" (no change); the same revision with other bytes is refused loudly,
since two different files then claim to be one export.

Evidence: each merged file is copied under the contest folder (`score-files/<judge>/`) and
recorded by one audit row with its hash, not one row per score.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.exchange import keys
from judge_app.exchange.judge_keys import retired_fingerprints
from judge_app.exchange.package import PACKAGE_EVIDENCE_DIR, evidence_label
from judge_app.exchange.score_file import MAX_NUMBER, ScoreFile, file_bytes, read_score_file
from judge_app.fileio import write_atomically
from judge_app.store import audit
from judge_app.store.database import ContestDatabase
from judge_app.store.models import (
    Assignment,
    Contest,
    Criterion,
    Entry,
    EntryFile,
    FileRole,
    Judge,
    Question,
)
from judge_app.store.results_lock import check_merge_allowed
from judge_app.store.scoring import stored_now, stored_time

MERGE_ACTION = "scores.merge"
EVIDENCE_DIR = "score-files"


class MergeStatus(enum.StrEnum):
    MERGED = "merged"
    UNCHANGED = "unchanged"  # byte-identical to a file merged before
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    path: Path
    status: MergeStatus
    judge: str = ""
    revision: int = 0
    entries: int = 0
    error: JudgeAppError | None = None
    # Entries whose file hashes match neither the board's files nor a package copy.
    unknown_files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MergeReport:
    outcomes: tuple[FileOutcome, ...] = field(default_factory=tuple)

    @property
    def merged(self) -> int:
        return sum(1 for o in self.outcomes if o.status is MergeStatus.MERGED)

    @property
    def refused(self) -> int:
        return sum(1 for o in self.outcomes if o.status is MergeStatus.REFUSED)


Progress = Callable[[int, int], None]


def merge_score_files(
    db: ContestDatabase,
    paths: Sequence[Path],
    *,
    actor: str,
    progress: Progress | None = None,
) -> MergeReport:
    """Merge each file on its own; the report has one outcome per file, in order."""
    if db.role is not FileRole.BOARD:
        raise JudgeAppError("merge_not_board", db.path)
    known_hashes = _known_file_hashes(db)
    contest = _contest_lookups(db)
    outcomes = []
    for done, path in enumerate(paths):
        try:
            outcomes.append(_merge_one(db, Path(path), actor, known_hashes, contest))
        except JudgeAppError as error:
            outcomes.append(FileOutcome(Path(path), MergeStatus.REFUSED, error=error))
        if progress is not None:
            progress(done + 1, len(paths))
    return MergeReport(tuple(outcomes))


def _known_file_hashes(db: ContestDatabase) -> dict[str, set[str]]:
    """Entry code → hashes a judge may have seen: the board's files and, where the packages'
    manifests were kept, the judges' cleaned copies."""
    known: dict[str, set[str]] = {}
    with db.read_session() as session:
        for code, digest in session.execute(
            select(Entry.code, EntryFile.sha256).join(EntryFile, EntryFile.entry_id == Entry.id)
        ):
            known.setdefault(code, set()).add(digest)
    folder = db.path.parent / PACKAGE_EVIDENCE_DIR
    if folder.is_dir():
        for manifest in sorted(folder.glob("*.json")):
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
                for item in data.get("entries", []):
                    for file in item.get("files", []):
                        known.setdefault(str(item["code"]), set()).add(str(file["sha256"]))
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                continue  # a damaged kept manifest only weakens the check; the merge goes on
    return known


def _refuse(code: str, path: Path, **params: Any) -> JudgeAppError:
    return JudgeAppError(code, path, **params)


@dataclass(frozen=True, slots=True)
class _Criterion:
    id: int
    code: str
    maximum: int
    step: int


@dataclass(frozen=True, slots=True)
class _Question:
    id: int
    options: str
    answer: str
    points: int


@dataclass(frozen=True, slots=True)
class _ContestLookups:
    uuid: str
    entries: dict[str, int]
    criteria: dict[str, _Criterion]
    questions: dict[str, _Question]


def _contest_lookups(db: ContestDatabase) -> _ContestLookups:
    """Read once per merge: 20 files share one contest."""
    with db.read_session() as session:
        contest = session.scalars(select(Contest)).one()
        return _ContestLookups(
            contest.uuid,
            {code: entry_id for code, entry_id in session.execute(select(Entry.code, Entry.id))},
            {
                c.code: _Criterion(c.id, c.code, c.maximum.centi, c.step.centi)
                for c in session.scalars(select(Criterion))
            },
            {
                str(q.number): _Question(q.id, q.options, q.answer, q.points.centi)
                for q in session.scalars(select(Question))
            },
        )


def _judge(session: Session, score_file: ScoreFile) -> Judge:
    judge = session.scalars(select(Judge).where(Judge.code == score_file.judge_code)).first()
    if judge is None or judge.is_head:
        raise _refuse("merge_unknown_judge", score_file.path, judge=score_file.judge_code)
    return judge


def _check_key(db: ContestDatabase, judge: Judge, score_file: ScoreFile) -> None:
    path = score_file.path
    claimed = keys.normalise_fingerprint(score_file.fingerprint) or score_file.fingerprint
    if judge.public_key is None or judge.key_fingerprint is None:
        raise _refuse("merge_key_not_registered", path, judge=judge.code)
    if claimed in retired_fingerprints(db, judge.code):
        raise _refuse("merge_key_replaced", path, judge=judge.code, fingerprint=claimed)
    if claimed != judge.key_fingerprint:
        raise _refuse(
            "merge_key_mismatch",
            path,
            judge=judge.code,
            fingerprint=claimed,
            pinned=judge.key_fingerprint,
        )
    public_key = keys.public_key_from_der(judge.public_key, db.path)
    if not score_file.verify(public_key):
        raise _refuse("merge_bad_signature", path, judge=judge.code)


def _already_merged(
    connection: sqlite3.Connection, judge_id: int, judge_code: str, score_file: ScoreFile
) -> bool:
    """True when this exact file was merged before (nothing to do); refuses a replay and a
    second file that claims a revision already merged. Runs inside the write transaction, so
    two merges of one judge's files cannot both pass it."""
    same = connection.execute(
        "SELECT sha256 FROM score_file WHERE judge_id = ? AND revision = ?",
        (judge_id, score_file.revision),
    ).fetchone()
    if same is not None:
        if same[0] == score_file.sha256:
            return True
        raise _refuse(
            "merge_revision_conflict",
            score_file.path,
            judge=judge_code,
            revision=score_file.revision,
        )
    newest = connection.execute(
        "SELECT max(revision) FROM score_file WHERE judge_id = ?", (judge_id,)
    ).fetchone()[0]
    if newest is not None and score_file.revision < newest:
        raise _refuse(
            "merge_revision_old",
            score_file.path,
            judge=judge_code,
            revision=score_file.revision,
            newest=newest,
        )
    return False


def _merge_one(
    db: ContestDatabase,
    path: Path,
    actor: str,
    known_hashes: dict[str, set[str]],
    contest: _ContestLookups,
) -> FileOutcome:
    score_file = read_score_file(path)
    if score_file.contest_uuid != contest.uuid:
        raise _refuse("merge_other_contest", path)
    with db.read_session() as session:
        judge = _judge(session, score_file)
        _check_key(db, judge, score_file)
        judge_id, judge_code = judge.id, judge.code
        assigned = {
            (entry_id, round_)
            for entry_id, round_ in session.execute(
                select(Assignment.entry_id, Assignment.round).where(Assignment.judge_id == judge_id)
            )
        }
    plan = _plan(score_file, judge_code, contest, assigned, known_hashes)
    with db.write_transaction() as connection:
        if _already_merged(connection, judge_id, judge_code, score_file):
            return FileOutcome(
                path, MergeStatus.UNCHANGED, judge_code, score_file.revision, plan.entries
            )
        # Locked results: no grading of a frozen entry may change (an appeal opens one).
        check_merge_allowed(connection, path, judge_id, plan.gradings)
        _write(connection, judge_id, plan)
        stored = _keep_evidence(db, judge_code, score_file)
        connection.execute(
            "INSERT INTO score_file (judge_id, round, revision, sha256, stored_path, entries, "
            "exported_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                judge_id,
                score_file.round,
                score_file.revision,
                score_file.sha256,
                stored,
                plan.entries,
                str(score_file.body["exported_at"]),
                stored_now(),
            ),
        )
        audit.append(
            connection,
            actor=actor,
            action=MERGE_ACTION,
            entity="score_file",
            entity_key=judge_code,
            before=None,
            after={
                "sha256": score_file.sha256,
                "revision": score_file.revision,
                "round": score_file.round,
                "entries": plan.entries,
                "unknown_files": len(plan.unknown_files),
                "stored": stored,
            },
        )
    return FileOutcome(
        path,
        MergeStatus.MERGED,
        judge_code,
        score_file.revision,
        plan.entries,
        unknown_files=tuple(plan.unknown_files),
    )


def _keep_evidence(db: ContestDatabase, judge_code: str, score_file: ScoreFile) -> str:
    """Copy the file under the contest folder; relative path. Written before the commit: a
    failed commit leaves an unreferenced copy, never a record without its evidence."""
    safe = evidence_label(judge_code)
    relative = f"{EVIDENCE_DIR}/{safe}/{safe}-v{score_file.revision}-{score_file.sha256[:12]}.jgs"
    target = db.path.parent / relative
    # The bytes that were verified, not a second read of a file that may have changed since.
    data = file_bytes(score_file.signed, score_file.signature)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
    except OSError as exc:
        raise JudgeAppError("database_unwritable", target, reason=exc.strerror or str(exc)) from exc
    return relative


# ---------------------------------------------------------------------------------------------
# Checking a file's entries and turning them into rows (before the write lock is taken)

_STATUS = {"draft": "DRAFT", "submitted": "SUBMITTED"}  # GradingStatus as the column stores it


@dataclass(slots=True)
class _Plan:
    entries: int = 0
    # (entry id, round, status, comment, revision, submitted_at)
    gradings: list[tuple[int, int, str, str, int, str | None]] = field(default_factory=list)
    # keyed by (entry id, round): (criterion id, centi, comment) / (question id, chosen) / …
    scores: dict[tuple[int, int], list[tuple[int, int, str]]] = field(default_factory=dict)
    answers: dict[tuple[int, int], list[tuple[int, str]]] = field(default_factory=dict)
    flags: dict[tuple[int, int], list[tuple[str, str]]] = field(default_factory=dict)
    notes: dict[tuple[int, int], list[tuple[int, int, float, float, str]]] = field(
        default_factory=dict
    )
    unknown_files: list[str] = field(default_factory=list)


_POINTS: dict[str, int] = {}


def _centi(text: str) -> int:
    """Hundredths of a score the reader has already checked; cached (a file repeats a few
    dozen values)."""
    value = _POINTS.get(text)
    if value is None:
        value = _POINTS[text] = Points.parse(text).centi
    return value


def _malformed(path: Path, reason: str) -> JudgeAppError:
    return JudgeAppError("score_file_malformed", path, reason=reason)


def _plan(
    score_file: ScoreFile,
    judge_code: str,
    contest: _ContestLookups,
    assigned: set[tuple[int, int]],
    known_hashes: dict[str, set[str]],
) -> _Plan:
    path = score_file.path
    items = score_file.entries
    not_assigned = [
        item["code"]
        for item in items
        if (contest.entries.get(item["code"]), item["round"]) not in assigned
    ]
    if not_assigned:
        raise _refuse(
            "merge_not_assigned",
            path,
            judge=judge_code,
            count=len(not_assigned),
            entries=", ".join(not_assigned[:10]),
        )
    plan = _Plan(entries=len(items))
    for item in items:
        status = item["status"]
        if status == "not_started":
            continue
        stored_status = _STATUS.get(status)
        code, round_ = item["code"], item["round"]
        if stored_status is None:
            raise _malformed(path, f"{code}.status")
        key = (contest.entries[code], round_)
        if not {f["sha256"] for f in item["files"]} <= known_hashes.get(code, set()):
            plan.unknown_files.append(code)
        comments = item["criterion_comments"]
        total = 0
        scores = []
        for criterion_code, text in item["scores"].items():
            criterion = contest.criteria.get(criterion_code)
            if criterion is None:
                raise _refuse("merge_unknown_criterion", path, entry=code, criterion=criterion_code)
            centi = _centi(text)
            if not 0 <= centi <= criterion.maximum or (criterion.step and centi % criterion.step):
                raise _refuse("merge_score_invalid", path, entry=code, criterion=criterion_code)
            total += centi
            scores.append((criterion.id, centi, str(comments.get(criterion_code, ""))))
        answers = []
        for number, chosen in item["answers"].items():
            question = contest.questions.get(number)
            if question is None or (chosen and chosen not in question.options):
                raise _refuse("merge_unknown_question", path, entry=code, question=number)
            if chosen and chosen == question.answer:
                total += question.points
            answers.append((question.id, chosen))
        if _centi(item["total"]) != total:
            raise _refuse("merge_total_mismatch", path, entry=code, total=item["total"])
        notes = []
        for note in item["page_notes"]:
            try:
                place = (
                    int(note.get("file", 1)) - 1,
                    int(note.get("page", 1)) - 1,
                    float(note.get("x", "0")),
                    float(note.get("y", "0")),
                )
            except (TypeError, ValueError):
                raise _malformed(path, f"{code}.page_notes") from None
            if not (0 <= place[0] < MAX_NUMBER and 0 <= place[1] < MAX_NUMBER):
                raise _malformed(path, f"{code}.page_notes")
            notes.append((*place, str(note["text"])))
        submitted = item.get("submitted_at")
        plan.gradings.append(
            (
                key[0],
                round_,
                stored_status,
                item["comment"],
                int(item["revision"]),
                _when(submitted) if isinstance(submitted, str) else None,
            )
        )
        plan.scores[key] = scores
        plan.answers[key] = answers
        plan.flags[key] = [(flag, str(note)) for flag, note in item["flags"].items()]
        plan.notes[key] = notes
    return plan


def _when(text: str) -> str | None:
    try:
        moment = dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None
    return stored_time(moment)


def _write(connection: sqlite3.Connection, judge_id: int, plan: _Plan) -> None:
    """The plan's rows, replacing this judge's earlier rows for the same entries and rounds:
    batched statements on the raw connection (a file holds up to tens of thousands)."""
    now = stored_now()
    existing = {
        (entry_id, round_): grading_id
        for grading_id, entry_id, round_ in connection.execute(
            "SELECT id, entry_id, round FROM grading WHERE judge_id = ?", (judge_id,)
        )
    }
    updates, inserts = [], []
    for entry_id, round_, status, comment, revision, submitted in plan.gradings:
        grading_id = existing.get((entry_id, round_))
        if grading_id is None:
            inserts.append(
                (entry_id, judge_id, round_, status, comment, revision, now, now, submitted)
            )
        else:
            updates.append((status, comment, revision, now, submitted, grading_id))
    if updates:
        connection.executemany(
            "UPDATE grading SET status = ?, comment = ?, revision = ?, updated_at = ?, "
            "submitted_at = ? WHERE id = ?",
            updates,
        )
        old = [(grading_id,) for *_, grading_id in updates]
        for table in ("criterion_score", "choice_answer", "grading_flag", "page_note"):
            connection.executemany(f"DELETE FROM {table} WHERE grading_id = ?", old)
    if inserts:
        connection.executemany(
            "INSERT INTO grading (entry_id, judge_id, round, status, comment, revision, "
            "created_at, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            inserts,
        )
        existing = {
            (entry_id, round_): grading_id
            for grading_id, entry_id, round_ in connection.execute(
                "SELECT id, entry_id, round FROM grading WHERE judge_id = ?", (judge_id,)
            )
        }
    connection.executemany(
        "INSERT INTO criterion_score (grading_id, criterion_id, points, comment, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            (existing[key], criterion_id, centi, comment, now)
            for key, rows in plan.scores.items()
            for criterion_id, centi, comment in rows
        ),
    )
    connection.executemany(
        "INSERT INTO choice_answer (grading_id, question_id, chosen) VALUES (?, ?, ?)",
        (
            (existing[key], question_id, chosen)
            for key, rows in plan.answers.items()
            for question_id, chosen in rows
        ),
    )
    connection.executemany(
        "INSERT INTO grading_flag (grading_id, code, note) VALUES (?, ?, ?)",
        ((existing[key], flag, note) for key, rows in plan.flags.items() for flag, note in rows),
    )
    connection.executemany(
        "INSERT INTO page_note (grading_id, file_sort, page, x, y, text, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (existing[key], file_sort, page, x, y, text, now)
            for key, rows in plan.notes.items()
            for file_sort, page, x, y, text in rows
        ),
    )

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

import enum
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points, check_score
from judge_app.exchange import keys
from judge_app.exchange.judge_keys import retired_fingerprints
from judge_app.exchange.score_file import ScoreFile, read_score_file
from judge_app.fileio import write_atomically
from judge_app.store import audit
from judge_app.store.database import ContestDatabase
from judge_app.store.models import (
    Assignment,
    ChoiceAnswer,
    Contest,
    Criterion,
    CriterionScore,
    Entry,
    EntryFile,
    FileRole,
    Grading,
    GradingFlag,
    GradingStatus,
    Judge,
    PageNote,
    Question,
    ScoreFileRecord,
    utcnow,
)

MERGE_ACTION = "scores.merge"
EVIDENCE_DIR = "score-files"
PACKAGE_EVIDENCE_DIR = "package-manifests"


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
    outcomes = []
    for done, path in enumerate(paths):
        try:
            outcomes.append(_merge_one(db, Path(path), actor, known_hashes))
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
        import json

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


def _check_revision(session: Session, judge: Judge, score_file: ScoreFile) -> bool:
    """True when this exact file was merged before (nothing to do)."""
    same = session.scalars(
        select(ScoreFileRecord).where(
            ScoreFileRecord.judge_id == judge.id,
            ScoreFileRecord.revision == score_file.revision,
        )
    ).first()
    if same is not None:
        if same.sha256 == score_file.sha256:
            return True
        raise _refuse(
            "merge_revision_conflict",
            score_file.path,
            judge=judge.code,
            revision=score_file.revision,
        )
    newest = session.scalar(
        select(func.max(ScoreFileRecord.revision)).where(ScoreFileRecord.judge_id == judge.id)
    )
    if newest is not None and score_file.revision < newest:
        raise _refuse(
            "merge_revision_old",
            score_file.path,
            judge=judge.code,
            revision=score_file.revision,
            newest=newest,
        )
    return False


def _merge_one(
    db: ContestDatabase, path: Path, actor: str, known_hashes: dict[str, set[str]]
) -> FileOutcome:
    score_file = read_score_file(path)
    with db.session() as session, session.begin():
        contest = session.scalars(select(Contest)).one()
        if score_file.contest_uuid != contest.uuid:
            raise _refuse("merge_other_contest", path)
        judge = _judge(session, score_file)
        _check_key(db, judge, score_file)
        if _check_revision(session, judge, score_file):
            return FileOutcome(
                path,
                MergeStatus.UNCHANGED,
                judge.code,
                score_file.revision,
                len(score_file.entries),
            )
        unknown = _write_gradings(session, judge, score_file, known_hashes)
        stored = _keep_evidence(db, judge.code, score_file)
        session.add(
            ScoreFileRecord(
                judge_id=judge.id,
                round=score_file.round,
                revision=score_file.revision,
                sha256=score_file.sha256,
                stored_path=stored,
                entries=len(score_file.entries),
                exported_at=str(score_file.body["exported_at"]),
            )
        )
        audit.record(
            session,
            actor=actor,
            action=MERGE_ACTION,
            entity="score_file",
            entity_key=judge.code,
            before=None,
            after={
                "sha256": score_file.sha256,
                "revision": score_file.revision,
                "round": score_file.round,
                "entries": len(score_file.entries),
                "unknown_files": len(unknown),
                "stored": stored,
            },
        )
    return FileOutcome(
        path,
        MergeStatus.MERGED,
        judge.code,
        score_file.revision,
        len(score_file.entries),
        unknown_files=tuple(unknown),
    )


def _keep_evidence(db: ContestDatabase, judge_code: str, score_file: ScoreFile) -> str:
    """Copy the file under the contest folder; relative path. Written before the commit: a
    failed commit leaves an unreferenced copy, never a record without its evidence."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in judge_code) or "judge"
    relative = f"{EVIDENCE_DIR}/{safe}/{safe}-v{score_file.revision}-{score_file.sha256[:12]}.jgs"
    target = db.path.parent / relative
    data = score_file.path.read_bytes()
    if hashlib.sha256(data).hexdigest() != score_file.sha256:
        raise _refuse("merge_file_changed", score_file.path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
    except OSError as exc:
        raise JudgeAppError("database_unwritable", target, reason=exc.strerror or str(exc)) from exc
    return relative


@dataclass(frozen=True, slots=True)
class _Lookups:
    entries: dict[str, int]
    criteria: dict[str, Criterion]
    questions: dict[str, Question]
    assigned: set[tuple[int, int]]  # (entry id, round) assigned to this judge


def _lookups(session: Session, judge: Judge) -> _Lookups:
    return _Lookups(
        {code: entry_id for code, entry_id in session.execute(select(Entry.code, Entry.id))},
        {c.code: c for c in session.scalars(select(Criterion))},
        {str(q.number): q for q in session.scalars(select(Question))},
        {
            (entry_id, round_)
            for entry_id, round_ in session.execute(
                select(Assignment.entry_id, Assignment.round).where(Assignment.judge_id == judge.id)
            )
        },
    )


def _checked_points(path: Path, code: str, text: str, criterion: Criterion) -> Points:
    points = Points.parse(text)
    try:
        check_score(points, criterion.maximum, criterion.step)
    except JudgeAppError:
        raise _refuse("merge_score_invalid", path, entry=code, criterion=criterion.code) from None
    return points


def _write_gradings(
    session: Session, judge: Judge, score_file: ScoreFile, known_hashes: dict[str, set[str]]
) -> list[str]:
    path = score_file.path
    look = _lookups(session, judge)
    not_assigned = [
        item["code"]
        for item in score_file.entries
        if (look.entries.get(item["code"]), item["round"]) not in look.assigned
    ]
    if not_assigned:
        raise _refuse(
            "merge_not_assigned",
            path,
            judge=judge.code,
            count=len(not_assigned),
            entries=", ".join(not_assigned[:10]),
        )
    unknown_files: list[str] = []
    now = utcnow()
    for item in score_file.entries:
        if item["status"] == "not_started":
            continue
        code, round_ = item["code"], item["round"]
        entry_id = look.entries[code]
        seen = {f["sha256"] for f in item["files"]}
        if not seen <= known_hashes.get(code, set()):
            unknown_files.append(code)
        grading = session.scalars(
            select(Grading).where(
                Grading.entry_id == entry_id,
                Grading.judge_id == judge.id,
                Grading.round == round_,
            )
        ).first()
        if grading is None:
            grading = Grading(entry_id=entry_id, judge_id=judge.id, round=round_, created_at=now)
            session.add(grading)
        try:
            status = GradingStatus(item["status"])
        except ValueError:
            raise _refuse("score_file_malformed", path, reason=f"{code}.status") from None
        grading.status = status
        grading.comment = item["comment"]
        grading.revision = item["revision"]
        grading.updated_at = now
        submitted = item.get("submitted_at")
        grading.submitted_at = _when(submitted) if isinstance(submitted, str) else None
        session.flush()
        for table in (CriterionScore, ChoiceAnswer, GradingFlag, PageNote):
            session.execute(delete(table).where(table.grading_id == grading.id))
        comments = item["criterion_comments"]
        for criterion_code, text in item["scores"].items():
            criterion = look.criteria.get(criterion_code)
            if criterion is None:
                raise _refuse("merge_unknown_criterion", path, entry=code, criterion=criterion_code)
            session.add(
                CriterionScore(
                    grading_id=grading.id,
                    criterion_id=criterion.id,
                    points=_checked_points(path, code, text, criterion),
                    comment=comments.get(criterion_code, ""),
                    updated_at=now,
                )
            )
        for number, chosen in item["answers"].items():
            question = look.questions.get(number)
            if question is None or (chosen and chosen not in question.options):
                raise _refuse("merge_unknown_question", path, entry=code, question=number)
            session.add(ChoiceAnswer(grading_id=grading.id, question_id=question.id, chosen=chosen))
        _check_total(path, item, look)
        for flag, note in item["flags"].items():
            session.add(GradingFlag(grading_id=grading.id, code=flag, note=note))
        for note in item["page_notes"]:
            session.add(
                PageNote(
                    grading_id=grading.id,
                    file_sort=int(note.get("file", 1)) - 1,
                    page=int(note.get("page", 1)) - 1,
                    x=float(note.get("x", "0")),
                    y=float(note.get("y", "0")),
                    text=note["text"],
                    created_at=now,
                )
            )
    return unknown_files


def _check_total(path: Path, item: dict[str, Any], look: _Lookups) -> None:
    """The total must be what the scores and the answer key give: a file whose sum disagrees
    with its parts was not made by this app, whatever its signature."""
    total = sum((Points.parse(v) for v in item["scores"].values()), Points(0))
    for number, chosen in item["answers"].items():
        question = look.questions[number]
        if chosen and chosen == question.answer:
            total = total + question.points
    if Points.parse(item["total"]) != total:
        raise _refuse("merge_total_mismatch", path, entry=item["code"], total=item["total"])


def _when(text: str) -> Any:
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None

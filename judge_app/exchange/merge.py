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

Speed: the contest is read once (`MergeContext`); reading, verifying and checking a file needs
no database (`merge_check.prepare`), so a large merge does that in worker processes, one per
core, while this process writes the files already checked, in the order given. A grading is
one row (its sheet in the row, `store.sheet`): 20 files of 10,000 entries are 200,000 rows.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import sqlite3
import time
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.exchange.judge_keys import all_retired_fingerprints
from judge_app.exchange.merge_check import (
    INCOMING_SUFFIX,
    CriterionRule,
    JudgeKey,
    MergeContext,
    Prepared,
    QuestionRule,
    Refusal,
    assignment_key,
    prepare,
    rebuild,
    worker_prepare,
    worker_start,
)
from judge_app.exchange.package import PACKAGE_EVIDENCE_DIR, evidence_label
from judge_app.fileio import fsync_directory
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, session_driver
from judge_app.store.models import (
    Contest,
    Criterion,
    Entry,
    EntryFile,
    FileRole,
    Judge,
    Question,
)
from judge_app.store.results_lock import check_merge_allowed
from judge_app.store.stored import stored_now

MERGE_ACTION = "scores.merge"
EVIDENCE_DIR = "score-files"
# Checked files' copies wait here until their transaction moves them under EVIDENCE_DIR.
INCOMING_DIR = ".merge-incoming"
STALE_SECONDS = 3600  # a copy this old was left by a merge that was killed


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

# Worker processes pay off once there is real work: starting one costs about 0.2 s.
POOL_MIN_BYTES = 16 * 1024 * 1024


def merge_score_files(
    db: ContestDatabase,
    paths: Sequence[Path],
    *,
    actor: str,
    progress: Progress | None = None,
    workers: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MergeReport:
    """Merge each file on its own; the report has one outcome per file, in order.

    `workers`: processes that read and check files while this one writes (None: one per
    core when the files are large enough to repay starting them; 0: all in this process).
    `cancelled` is asked before each file: once it says yes, the files left are not touched
    (the report then has fewer outcomes than files; none is ever half merged).
    """
    if db.role is not FileRole.BOARD:
        raise JudgeAppError("merge_not_board", db.path)
    files = [Path(path) for path in paths]
    incoming = db.path.parent / INCOMING_DIR
    _clear_stale(incoming)
    try:
        return _merge_all(db, files, actor, progress, workers, cancelled)
    finally:
        with contextlib.suppress(OSError):
            incoming.rmdir()  # only when empty: another merge may be using it


def _clear_stale(incoming: Path) -> None:
    """Copies a killed merge left behind (never one a running merge still needs)."""
    if not incoming.is_dir():
        return
    limit = time.time() - STALE_SECONDS
    for part in incoming.glob(f"*{INCOMING_SUFFIX}"):
        with contextlib.suppress(OSError):
            if part.stat().st_mtime < limit:
                part.unlink()


def _merge_all(
    db: ContestDatabase,
    files: list[Path],
    actor: str,
    progress: Progress | None,
    workers: int | None,
    cancelled: Callable[[], bool] | None,
) -> MergeReport:
    outcomes = []
    checked = _prepared(files, db, workers)
    for done, (path, prepared) in enumerate(checked):
        if cancelled is not None and cancelled():
            checked.close()  # stops the workers; what they were checking is dropped
            break
        try:
            if isinstance(prepared, tuple):
                raise rebuild(prepared)
            outcomes.append(_commit(db, prepared, actor))
        except JudgeAppError as error:
            outcomes.append(FileOutcome(path, MergeStatus.REFUSED, error=error))
        if progress is not None:
            progress(done + 1, len(files))
    return MergeReport(tuple(outcomes))


def _pool_size(files: list[Path], workers: int | None) -> int:
    if workers is not None:
        return min(workers, len(files))
    if len(files) < 2:
        return 0
    size = 0
    for path in files:
        try:
            size += path.stat().st_size
        except OSError:
            continue  # the reader names the file and the reason
    return min(os.cpu_count() or 1, len(files)) if size >= POOL_MIN_BYTES else 0


def _prepared(
    files: list[Path], db: ContestDatabase, workers: int | None
) -> Generator[tuple[Path, Prepared | Refusal], None, None]:
    """Each file checked, in the order given (in worker processes when worth it; in this
    process when they cannot start, e.g. a program without a main-module guard).

    Worker processes are started first and handed the contest once it is read: reading it
    and starting them (a fresh interpreter each) take about as long, so both run at once.
    """
    context: list[MergeContext] = []

    def contest() -> MergeContext:
        if not context:
            context.append(merge_context(db))
        return context[0]

    done = 0
    size = _pool_size(files, workers)
    if size >= 1:
        spawn = get_context("spawn")
        handoff = spawn.SimpleQueue()
        try:
            with ProcessPoolExecutor(
                max_workers=size,
                mp_context=spawn,
                initializer=worker_start,
                initargs=(handoff,),
            ) as pool:
                try:
                    results = pool.map(worker_prepare, [str(path) for path in files])
                    sent: MergeContext | None = None
                    try:
                        sent = contest()  # while the workers start
                    finally:  # always answer them: None stops them (the error goes up)
                        for _ in range(size):
                            handoff.put(sent)
                    for result in results:
                        yield files[done], result
                        done += 1
                finally:  # a cancel or an error: files not started yet are not checked at all
                    pool.shutdown(cancel_futures=True)
        except (OSError, RuntimeError):  # BrokenProcessPool is a RuntimeError
            pass  # what is left is checked here; nothing was written for it
    for path in files[done:]:
        yield path, prepare(path, contest())


def merge_context(db: ContestDatabase) -> MergeContext:
    """The contest as the checks need it, read once per merge (20 files share one contest)."""
    retired = all_retired_fingerprints(db)
    with db.read_session() as session:
        contest = session.scalars(select(Contest)).one()
        driver = session_driver(session)  # 100,000 entries, 200,000 assignments: plain rows
        assigned: dict[int, list[int]] = {}
        for judge_id, entry_id, round_ in driver.execute(
            "SELECT judge_id, entry_id, round FROM assignment"
        ):
            pairs = assigned.get(judge_id)
            if pairs is None:
                pairs = assigned[judge_id] = []
            pairs.append(assignment_key(entry_id, round_))
        return MergeContext(
            contest.uuid,
            dict(driver.execute("SELECT code, id FROM entry").fetchall()),
            {
                c.code: CriterionRule(c.id, c.maximum.centi, c.step.centi)
                for c in session.scalars(select(Criterion))
            },
            {
                str(q.number): QuestionRule(q.id, q.options, q.answer, q.points.centi)
                for q in session.scalars(select(Question))
            },
            {
                judge.code: JudgeKey(
                    judge.id,
                    judge.code,
                    judge.is_head,
                    judge.public_key,
                    judge.key_fingerprint,
                    frozenset(fp for fp, code in retired.items() if code == judge.code),
                )
                for judge in session.scalars(select(Judge))
            },
            {judge_id: frozenset(keys) for judge_id, keys in assigned.items()},
            _known_file_hashes(db, session),
            str(db.path.parent / INCOMING_DIR),
        )


def _known_file_hashes(db: ContestDatabase, session: Session) -> dict[str, frozenset[str]]:
    """Entry code → hashes a judge may have seen: the board's files and, where the packages'
    manifests were kept, the judges' cleaned copies."""
    known: dict[str, set[str]] = {}
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
    return {code: frozenset(hashes) for code, hashes in known.items()}


def _already_merged(connection: sqlite3.Connection, prepared: Prepared) -> bool:
    """True when this exact file was merged before (nothing to do); refuses a replay and a
    second file that claims a revision already merged. Runs inside the write transaction, so
    two merges of one judge's files cannot both pass it."""
    same = connection.execute(
        "SELECT sha256 FROM score_file WHERE judge_id = ? AND revision = ?",
        (prepared.judge_id, prepared.revision),
    ).fetchone()
    if same is not None:
        if same[0] == prepared.sha256:
            return True
        raise JudgeAppError(
            "merge_revision_conflict",
            prepared.path,
            judge=prepared.judge_code,
            revision=prepared.revision,
        )
    newest = connection.execute(
        "SELECT max(revision) FROM score_file WHERE judge_id = ?", (prepared.judge_id,)
    ).fetchone()[0]
    if newest is not None and prepared.revision < newest:
        raise JudgeAppError(
            "merge_revision_old",
            prepared.path,
            judge=prepared.judge_code,
            revision=prepared.revision,
            newest=newest,
        )
    return False


def _commit(db: ContestDatabase, prepared: Prepared, actor: str) -> FileOutcome:
    try:
        return _commit_staged(db, prepared, actor)
    finally:  # not merged (already merged, refused, failed): its staged copy goes
        Path(prepared.evidence).unlink(missing_ok=True)


def _commit_staged(db: ContestDatabase, prepared: Prepared, actor: str) -> FileOutcome:
    path, judge_code = prepared.path, prepared.judge_code
    with db.write_transaction() as connection:
        if _already_merged(connection, prepared):
            return FileOutcome(
                path, MergeStatus.UNCHANGED, judge_code, prepared.revision, prepared.entries
            )
        # Locked results: no grading of a frozen entry may change (an appeal opens one).
        check_merge_allowed(connection, path, prepared.judge_id, prepared.gradings)
        _write(connection, prepared)
        stored = _keep_evidence(db, prepared)
        connection.execute(
            "INSERT INTO score_file (judge_id, round, revision, sha256, stored_path, entries, "
            "exported_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                prepared.judge_id,
                prepared.round,
                prepared.revision,
                prepared.sha256,
                stored,
                prepared.entries,
                prepared.exported_at,
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
                "sha256": prepared.sha256,
                "revision": prepared.revision,
                "round": prepared.round,
                "entries": prepared.entries,
                "unknown_files": len(prepared.unknown_files),
                "stored": stored,
            },
        )
    return FileOutcome(
        path,
        MergeStatus.MERGED,
        judge_code,
        prepared.revision,
        prepared.entries,
        unknown_files=tuple(prepared.unknown_files),
    )


def _keep_evidence(db: ContestDatabase, prepared: Prepared) -> str:
    """Move the checked file's copy under the contest folder; relative path. Done before the
    commit: a failed commit leaves an unreferenced copy, never a record without its evidence."""
    safe = evidence_label(prepared.judge_code)
    relative = f"{EVIDENCE_DIR}/{safe}/{safe}-v{prepared.revision}-{prepared.sha256[:12]}.jgs"
    target = db.path.parent / relative
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        Path(prepared.evidence).replace(target)
        fsync_directory(target.parent)
    except OSError as exc:
        raise JudgeAppError("database_unwritable", target, reason=exc.strerror or str(exc)) from exc
    return relative


def _write(connection: sqlite3.Connection, prepared: Prepared) -> None:
    """The file's rows, replacing this judge's earlier rows for the same entries and rounds.

    One batched upsert on the raw connection (a file holds tens of thousands of gradings): the
    judge and the time are written into the statement, so the checker's rows go in as they
    came, and no scan of the judge's earlier gradings is needed (`grading` has no index on the
    judge alone; its unique key finds each row).
    """
    judge_id = int(prepared.judge_id)
    now = stored_now()  # our own "YYYY-MM-DD HH:MM:SS.ffffff": safe to write as a literal
    in_file = {(row[0], row[1]) for row in prepared.gradings}
    # Flags and page notes are few: the ones of gradings this file replaces go.
    replaced = [
        (grading_id,)
        for grading_id, entry_id, round_ in connection.execute(
            "SELECT id, entry_id, round FROM grading WHERE judge_id = ? AND id IN ("
            "SELECT grading_id FROM grading_flag UNION SELECT grading_id FROM page_note)",
            (judge_id,),
        )
        if (entry_id, round_) in in_file
    ]
    for table in ("grading_flag", "page_note"):
        connection.executemany(f"DELETE FROM {table} WHERE grading_id = ?", replaced)
    connection.executemany(
        "INSERT INTO grading (judge_id, created_at, updated_at, entry_id, round, status, "
        "comment, revision, submitted_at, scores, answers, criterion_comments) "
        f"VALUES ({judge_id}, '{now}', '{now}', ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (entry_id, judge_id, round) DO UPDATE SET status = excluded.status, "
        "comment = excluded.comment, revision = excluded.revision, "
        "updated_at = excluded.updated_at, submitted_at = excluded.submitted_at, "
        "scores = excluded.scores, answers = excluded.answers, "
        "criterion_comments = excluded.criterion_comments",
        prepared.gradings,
    )
    if prepared.flags or prepared.notes:
        find = "SELECT id FROM grading WHERE entry_id = ? AND judge_id = ? AND round = ?"

        def grading_of(entry_id: int, round_: int) -> int:
            return int(connection.execute(find, (entry_id, judge_id, round_)).fetchone()[0])

        connection.executemany(
            "INSERT INTO grading_flag (grading_id, code, note) VALUES (?, ?, ?)",
            (
                (grading_of(entry_id, round_), flag, note)
                for entry_id, round_, flag, note in prepared.flags
            ),
        )
        connection.executemany(
            "INSERT INTO page_note (grading_id, file_sort, page, x, y, text, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (grading_of(entry_id, round_), *place, now)
                for entry_id, round_, *place in prepared.notes
            ),
        )

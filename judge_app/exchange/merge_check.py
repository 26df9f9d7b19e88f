"""Checking one score file against the contest without touching the database.

The head judge's merge (`exchange.merge`) reads the contest once into a `MergeContext`, then
checks each file here: read and verify it against the key pinned for its judge, check every
entry against the rubric and the assignment, and turn it into the rows to write (`Prepared`).
Nothing here opens the contest file, so a large merge runs these checks in worker processes
(one per core, started with "spawn" on every OS) while the one writer inserts the files
already checked; a small merge runs them in-process. Both paths call the same `prepare`.

A refusal comes back as a `Refusal` (code, path, params), not an exception object: it crosses
a process boundary, and the error is rebuilt in the parent.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from judge_app.core.errors import JudgeAppError
from judge_app.core.perf import no_cyclic_gc
from judge_app.core.scores import Points
from judge_app.exchange import keys
from judge_app.exchange.score_format import (
    MAX_NUMBER,
    EntriesFile,
    file_bytes,
    read_entries,
)
from judge_app.fileio import write_atomically
from judge_app.store.sheet import MapSpeller, dump_map
from judge_app.store.stored import stored_time

INCOMING_SUFFIX = ".jgs-part"
_STATUS = {"draft": "DRAFT", "submitted": "SUBMITTED"}  # GradingStatus as the column stores it


@dataclass(frozen=True, slots=True)
class CriterionRule:
    id: int
    maximum: int
    step: int


@dataclass(frozen=True, slots=True)
class QuestionRule:
    id: int
    options: str
    answer: str
    points: int


@dataclass(frozen=True, slots=True)
class JudgeKey:
    """What the contest file pins for one judge (read once per merge)."""

    id: int
    code: str
    is_head: bool
    public_key: bytes | None
    fingerprint: str | None
    retired: frozenset[str]


@dataclass(frozen=True, slots=True)
class MergeContext:
    """The contest as the checks need it; picklable, sent once to each worker process."""

    uuid: str
    entries: dict[str, int]  # entry code → id
    criteria: dict[str, CriterionRule]  # by code, as score files name them
    questions: dict[str, QuestionRule]  # by number (text), as score files name them
    judges: dict[str, JudgeKey]  # by code
    assigned: dict[int, frozenset[int]]  # judge id → assignment_key(entry id, round)
    known_hashes: dict[str, frozenset[str]]  # entry code → hashes a judge may have seen
    incoming: str  # folder for the checked files' evidence copies, until each is merged


def assignment_key(entry_id: int, round_: int) -> int:
    """(entry id, round) as one integer: sets of ints travel to a worker process several
    times faster than sets of pairs (rounds are below 2**31, see MAX_NUMBER)."""
    return entry_id * 4_294_967_296 + round_


# One grading row as the merge writes it: entry id, round, status, comment, revision,
# submitted_at, then the sheet (scores, answers, criterion comments: store.sheet JSON).
GradingRow = tuple[int, int, str, str, int, str | None, str, str, str]


@dataclass(slots=True)
class Prepared:
    """A checked file: everything the writer needs, nothing it must look up again."""

    path: Path
    judge_id: int
    judge_code: str
    round: int
    revision: int
    sha256: str
    exported_at: str
    # The verified bytes, copied by the checker into the incoming folder (`stage_evidence`);
    # the writer moves the copy into place in the file's transaction, or deletes it.
    evidence: str
    entries: int = 0
    gradings: list[GradingRow] = field(default_factory=list)
    # keyed by (entry id, round): (code, note) / (file_sort, page, x, y, text)
    flags: list[tuple[int, int, str, str]] = field(default_factory=list)
    notes: list[tuple[int, int, int, int, float, float, str]] = field(default_factory=list)
    unknown_files: list[str] = field(default_factory=list)


Refusal = tuple[str, str, dict[str, object]]  # error code, path, params


def refusal(error: JudgeAppError) -> Refusal:
    return (error.code, str(error.path or ""), dict(error.params))


def rebuild(found: Refusal) -> JudgeAppError:
    code, path, params = found
    return JudgeAppError(code, path or None, **params)


def prepare(path: Path, context: MergeContext) -> Prepared | Refusal:
    """Read, verify and check one file; the rows to write, or why it is refused."""
    try:
        with no_cyclic_gc():
            return _prepare(path, context)
    except JudgeAppError as error:
        return refusal(error)


def _prepare(path: Path, context: MergeContext) -> Prepared:
    score_file = read_entries(path)
    if score_file.contest_uuid != context.uuid:
        raise JudgeAppError("merge_other_contest", path)
    judge = context.judges.get(score_file.judge_code)
    if judge is None or judge.is_head:
        raise JudgeAppError("merge_unknown_judge", path, judge=score_file.judge_code)
    _check_key(judge, score_file)
    prepared = Prepared(
        path,
        judge.id,
        judge.code,
        score_file.round,
        score_file.revision,
        score_file.sha256,
        score_file.exported_at,
        "",
    )
    _plan(prepared, score_file, context, context.assigned.get(judge.id, frozenset()))
    prepared.evidence = stage_evidence(
        Path(context.incoming), file_bytes(score_file.signed, score_file.signature)
    )
    return prepared


def stage_evidence(incoming: Path, data: bytes) -> str:
    """The file's verified bytes written (durably) under a unique name in `incoming`: the bytes
    that were checked, not a second read of a file that may have changed since. Written by the
    checker, so 100 MB of score files never travel back to the writer through a pipe."""
    try:
        incoming.mkdir(parents=True, exist_ok=True)
        target = incoming / f"{uuid.uuid4().hex}{INCOMING_SUFFIX}"
        write_atomically(target, data)
    except OSError as exc:
        raise JudgeAppError(
            "database_unwritable", incoming, reason=exc.strerror or str(exc)
        ) from exc
    return str(target)


def _check_key(judge: JudgeKey, score_file: EntriesFile) -> None:
    path = score_file.path
    claimed = keys.normalise_fingerprint(score_file.fingerprint) or score_file.fingerprint
    if judge.public_key is None or judge.fingerprint is None:
        raise JudgeAppError("merge_key_not_registered", path, judge=judge.code)
    if claimed in judge.retired:
        raise JudgeAppError("merge_key_replaced", path, judge=judge.code, fingerprint=claimed)
    if claimed != judge.fingerprint:
        raise JudgeAppError(
            "merge_key_mismatch",
            path,
            judge=judge.code,
            fingerprint=claimed,
            pinned=judge.fingerprint,
        )
    if not score_file.verify(keys.public_key_from_der(judge.public_key, path)):
        raise JudgeAppError("merge_bad_signature", path, judge=judge.code)


_POINTS: dict[str, int] = {}


def _centi(text: str) -> int:
    """Hundredths of a score the reader has already checked; remembered (a file repeats a
    few dozen values)."""
    value = _POINTS.get(text)
    if value is None:
        value = Points.parse(text).centi
        if len(_POINTS) < 10_000:
            _POINTS[text] = value
    return value


def _malformed(path: Path, reason: str) -> JudgeAppError:
    return JudgeAppError("score_file_malformed", path, reason=reason)


def _plan(
    prepared: Prepared,
    score_file: EntriesFile,
    context: MergeContext,
    assigned: frozenset[int],
) -> None:
    path = score_file.path
    items = score_file.entries
    entries = context.entries
    not_assigned = [
        item.code
        for item in items
        if assignment_key(entries.get(item.code, -1), item.round) not in assigned
    ]
    if not_assigned:
        raise JudgeAppError(
            "merge_not_assigned",
            path,
            judge=prepared.judge_code,
            count=len(not_assigned),
            entries=", ".join(not_assigned[:10]),
        )
    prepared.entries = len(items)
    known = context.known_hashes
    empty: frozenset[str] = frozenset()
    gradings, unknown_files = prepared.gradings, prepared.unknown_files
    # (criterion code, score text) → (criterion id, hundredths), once checked against the
    # rubric; (question number, letter) → (question id, points if right): a file of 10,000
    # entries repeats a few hundred pairs, so each is checked once.
    scored: dict[tuple[str, str], tuple[int, int]] = {}
    answered: dict[tuple[str, str], tuple[int, int]] = {}
    commented: dict[str, int] = {}
    speller = MapSpeller()
    sheets: dict[tuple[tuple[str, str], ...], tuple[str, int]] = {}  # answers → (text, points)
    for item in items:
        status = item.status
        if status == "not_started":
            continue
        stored_status = _STATUS.get(status)
        code, round_ = item.code, item.round
        if stored_status is None:
            raise _malformed(path, f"{code}.status")
        entry_id = entries[code]
        files = item.files
        if files:
            seen = known.get(code, empty)
            for file in files:
                if file.sha256 not in seen:
                    unknown_files.append(code)
                    break
        total = 0
        ids: list[int] = []
        points: list[int] = []
        for pair in item.scores.items():
            found = scored.get(pair)
            if found is None:
                found = scored[pair] = _score(path, code, pair, context)
            ids.append(found[0])
            points.append(found[1])
            total += found[1]
        scores_text = speller.ints(tuple(ids), points)
        sheet = tuple(item.answers.items())  # a few hundred answer sheets repeat
        known_sheet = sheets.get(sheet)
        if known_sheet is None:
            ids = []
            letters: list[str] = []
            right = 0
            for pair in sheet:
                got = answered.get(pair)
                if got is None:
                    got = answered[pair] = _answer(path, code, pair, context)
                ids.append(got[0])
                letters.append(pair[1])
                right += got[1]
            known_sheet = sheets[sheet] = (speller.texts(tuple(ids), letters), right)
        answers_text = known_sheet[0]
        total += known_sheet[1]
        if _centi(item.total) != total:
            raise JudgeAppError("merge_total_mismatch", path, entry=code, total=item.total)
        criterion_comments: dict[int, str] = {}
        for criterion_code, text in item.criterion_comments.items():
            criterion_id = commented.get(criterion_code)
            if criterion_id is None:
                criterion = context.criteria.get(criterion_code)
                if criterion is None:
                    raise JudgeAppError(
                        "merge_unknown_criterion", path, entry=code, criterion=criterion_code
                    )
                criterion_id = commented[criterion_code] = criterion.id
            if text:
                criterion_comments[criterion_id] = text
        if item.page_notes:
            _notes(prepared, path, code, entry_id, round_, item.page_notes)
        for flag, note in item.flags.items():
            prepared.flags.append((entry_id, round_, flag, note))
        submitted = item.submitted_at
        gradings.append(
            (
                entry_id,
                round_,
                stored_status,
                item.comment,
                item.revision,
                _when(submitted) if isinstance(submitted, str) else None,
                scores_text,
                answers_text,
                dump_map(criterion_comments),
            )
        )


def _score(path: Path, entry: str, pair: tuple[str, str], context: MergeContext) -> tuple[int, int]:
    criterion_code, text = pair
    criterion = context.criteria.get(criterion_code)
    if criterion is None:
        raise JudgeAppError("merge_unknown_criterion", path, entry=entry, criterion=criterion_code)
    centi = _centi(text)
    if not 0 <= centi <= criterion.maximum or (criterion.step and centi % criterion.step):
        raise JudgeAppError("merge_score_invalid", path, entry=entry, criterion=criterion_code)
    return criterion.id, centi


def _answer(
    path: Path, entry: str, pair: tuple[str, str], context: MergeContext
) -> tuple[int, int]:
    number, chosen = pair
    question = context.questions.get(number)
    if question is None or (chosen and chosen not in question.options):
        raise JudgeAppError("merge_unknown_question", path, entry=entry, question=number)
    return question.id, question.points if chosen and chosen == question.answer else 0


def _notes(
    prepared: Prepared,
    path: Path,
    code: str,
    entry_id: int,
    round_: int,
    notes: list[dict[str, str | int]],
) -> None:
    for note in notes:
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
        prepared.notes.append((entry_id, round_, *place, str(note["text"])))


_WHEN: dict[str, str | None] = {}


def _when(text: str) -> str | None:
    """An ISO time as the DateTime column stores it (remembered: exports stamp few times)."""
    if text in _WHEN:
        return _WHEN[text]
    try:
        moment = dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        stored = None
    else:
        stored = stored_time(moment)
    if len(_WHEN) < 10_000:
        _WHEN[text] = stored
    return stored


# Worker processes ----------------------------------------------------------------------------

_WORKER_CONTEXT: list[MergeContext | None] = []


class ContextSource(Protocol):
    def get(self) -> MergeContext | None: ...


def worker_start(source: ContextSource) -> None:
    """Initializer of a worker process: waits for the contest, sent once the parent has read
    it (None: the parent could not and is stopping; the worker then takes no file)."""
    _WORKER_CONTEXT[:] = [source.get()]


def worker_prepare(path: str) -> Prepared | Refusal:
    context = _WORKER_CONTEXT[0]
    if context is None:  # an error of the task, not of the pool: the parent stops quickly
        raise RuntimeError("the merge stopped before the contest was read")
    return prepare(Path(path), context)

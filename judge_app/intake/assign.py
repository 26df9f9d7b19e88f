"""Assignment, database side: read entries, graders and a round's rows; write the new rows.

The rules live in `judge_app.core.assignment`; this module only translates between the contest
file (codes, unit and category rows) and that pure plan, and writes the result in one
transaction with one audit row for the whole batch (a round of 20,000 entries must not write
40,000 audit rows, and the batch's seed makes it reproducible anyway).

Graders are the judges who are not the head judge (the head settles disputes instead). A judge
never grades an entry of their own unit nor of a unit they declared a conflict with
(`JudgeConflict`), and never takes more entries in a round than their `Judge.capacity`. In a
round after the first, `exclude_rounds` declares the judges of those rounds in conflict with
the entry, so a third grading goes to a third judge.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import NoReturn

from sqlalchemy import Text, delete, insert, or_, select, type_coerce, update
from sqlalchemy.orm import Session

from judge_app.core.assignment import (
    Assignment,
    Conflicts,
    EntrySlot,
    JudgeSlot,
    assign,
    calibration,
    reassign_dropped,
)
from judge_app.core.errors import JudgeAppError
from judge_app.store import audit
from judge_app.store.database import ContestDatabase
from judge_app.store.models import Assignment as AssignmentRow
from judge_app.store.models import (
    Category,
    Contest,
    Entry,
    EntryStatus,
    Grading,
    GradingStatus,
    Judge,
    JudgeConflict,
    Unit,
)
from judge_app.store.sheet import EMPTY

__all__ = ["RoundAssignment", "assign_round", "drop_judge", "graded_entries", "new_seed"]

# Entries that take part in grading: anonymised (ready) or already assigned in some round.
ASSIGNABLE = (EntryStatus.READY, EntryStatus.ASSIGNED)


@dataclass(frozen=True, slots=True)
class RoundAssignment:
    """What a call did: the plan, the seed it used, and codes to show the user."""

    round: int
    seed: int
    plan: Assignment
    rows_added: int
    entries_added: int
    loads: dict[str, int]  # judge code → entries in the round
    moved: int = 0  # drop_judge: entries that went to another judge
    kept: int = 0  # drop_judge: graded entries that stayed with the dropped judge


def new_seed() -> int:
    """A fresh seed for a run the user gave none; it is recorded so the run can be repeated."""
    return random.SystemRandom().randrange(1, 2**31)


@dataclass(frozen=True, slots=True)
class _Contest:
    entries: dict[int, EntrySlot]  # every entry, whatever its status
    assignable: list[int]  # ids of entries that take part in grading (ready or assigned)
    codes: dict[int, str]  # entry id → code
    judges: dict[int, JudgeSlot]
    judge_codes: dict[int, str]
    declared: frozenset[tuple[int, str]]  # (judge id, unit code): declared conflicts of interest


def _load(session: Session, db: ContestDatabase) -> _Contest:
    contest_ids = session.scalars(select(Contest.id)).all()
    if len(contest_ids) != 1:
        raise JudgeAppError("assign_no_contest", db.path)
    entries: dict[int, EntrySlot] = {}
    assignable: list[int] = []
    codes: dict[int, str] = {}
    rows = session.execute(
        select(Entry.id, Entry.code, Unit.code, Category.code, Entry.status)
        .join(Category, Category.id == Entry.category_id)
        .outerjoin(Unit, Unit.id == Entry.unit_id)
        .order_by(Entry.id)
    )
    for entry_id, code, unit, category, status in rows:
        entries[entry_id] = EntrySlot(entry_id, unit, category)
        codes[entry_id] = code
        if status in ASSIGNABLE:
            assignable.append(entry_id)
    judges: dict[int, JudgeSlot] = {}
    judge_codes: dict[int, str] = {}
    judge_rows = session.execute(
        select(Judge.id, Judge.code, Unit.code, Judge.capacity)
        .outerjoin(Unit, Unit.id == Judge.unit_id)
        .where(Judge.is_head.is_(False))
        .order_by(Judge.id)
    )
    for judge_id, code, unit, capacity in judge_rows:
        judges[judge_id] = JudgeSlot(judge_id, unit, capacity)
        judge_codes[judge_id] = code
    if not judges:
        raise JudgeAppError("assign_no_judges")
    declared = frozenset(
        (judge_id, unit)
        for judge_id, unit in session.execute(
            select(JudgeConflict.judge_id, Unit.code).join(Unit, Unit.id == JudgeConflict.unit_id)
        )
    )
    return _Contest(entries, assignable, codes, judges, judge_codes, declared)


def _round_rows(session: Session, round_: int) -> dict[int, set[int]]:
    """entry id → judge ids assigned in `round_`."""
    result: dict[int, set[int]] = {}
    rows = session.execute(
        select(AssignmentRow.entry_id, AssignmentRow.judge_id).where(AssignmentRow.round == round_)
    )
    for entry_id, judge_id in rows:
        result.setdefault(entry_id, set()).add(judge_id)
    return result


def _earlier_judges(session: Session, rounds: Collection[int]) -> frozenset[tuple[int, int]]:
    """(judge, entry) pairs of the given rounds: those judges may not grade the entry again."""
    if not rounds:
        return frozenset()
    rows = session.execute(
        select(AssignmentRow.judge_id, AssignmentRow.entry_id).where(
            AssignmentRow.round.in_(list(rounds))
        )
    )
    return frozenset((judge_id, entry_id) for judge_id, entry_id in rows)


def _pick_entries(
    contest: _Contest, entry_codes: Collection[str] | None, db: ContestDatabase
) -> list[EntrySlot]:
    if entry_codes is None:
        return [contest.entries[entry_id] for entry_id in contest.assignable]
    by_code = {code: entry_id for entry_id, code in contest.codes.items()}
    unknown = sorted(set(entry_codes) - by_code.keys())
    if unknown:
        raise JudgeAppError("assign_unknown_entry", db.path, entry=", ".join(unknown))
    return [contest.entries[by_code[code]] for code in sorted(set(entry_codes))]


def _judge_id(contest: _Contest, code: str, db: ContestDatabase) -> int:
    for judge_id, judge_code in contest.judge_codes.items():
        if judge_code == code:
            return judge_id
    raise JudgeAppError("assign_unknown_judge", db.path, judge=code)


def _infeasible_codes(error: JudgeAppError, contest: _Contest, db: ContestDatabase) -> NoReturn:
    """Re-raise a core error about entry or judge ids with the codes the user knows."""
    if error.code == "assign_infeasible":
        ids = error.params.get("entries", ())
        codes = [contest.codes.get(i, str(i)) for i in ids]
        raise JudgeAppError(
            "assign_infeasible", db.path, entries=", ".join(codes), count=len(codes)
        ) from error
    if error.code == "assign_override_conflict":
        entry = contest.codes.get(error.params.get("entry", -1), "?")
        judge = contest.judge_codes.get(error.params.get("judge", -1), "?")
        raise JudgeAppError(
            "assign_override_conflict", db.path, entry=entry, judge=judge
        ) from error
    raise error


def assign_round(
    db: ContestDatabase,
    round: int,
    k: int,
    seed: int | None = None,
    *,
    by_category: bool = False,
    actor: str,
    calibration_size: int | None = None,
    entry_codes: Collection[str] | None = None,
    exclude_rounds: Collection[int] = (),
    overrides: Mapping[str, Collection[str]] | None = None,
) -> RoundAssignment:
    """Give every assignable entry (or those of `entry_codes`) k judges in round `round`.

    Rows already in the round stay and count; `overrides` (entry code → judge codes) are the
    board's manual choices, checked against conflicts. With `calibration_size`, the round is a
    chấm chung instead: that many sample entries, every grader on each (k is not used).
    """
    if round < 1:
        raise JudgeAppError("assign_bad_round", round=round)
    seed = new_seed() if seed is None else seed
    with db.session() as session, session.begin():
        contest = _load(session, db)
        entries = _pick_entries(contest, entry_codes, db)
        existing = _round_rows(session, round)
        conflicts = Conflicts(
            pairs=_earlier_judges(session, set(exclude_rounds) - {round}), units=contest.declared
        )
        fixed = _overrides(contest, overrides or {}, db)
        if calibration_size is None:
            _check_capacity(contest, entries, existing, k, db)
        try:
            if calibration_size is not None:
                plan = calibration(
                    entries,
                    contest.judges.values(),
                    calibration_size,
                    seed=seed,
                    conflicts=conflicts,
                )
                plan = _without_existing(plan, existing)
            else:
                plan = assign(
                    entries,
                    contest.judges.values(),
                    k,
                    seed=seed,
                    existing=existing,
                    fixed=fixed,
                    conflicts=conflicts,
                    by_category=by_category,
                )
        except JudgeAppError as error:
            _infeasible_codes(error, contest, db)
        rows = _write_rows(session, plan.added, round)
        loads = {contest.judge_codes[j]: n for j, n in plan.loads.items()}
        if rows:
            after: dict[str, object] = {
                "round": round,
                "k": plan.k,
                "seed": seed,
                "entries": len(plan.added),
                "loads": loads,
                "by_category": by_category,
            }
            if calibration_size is not None:
                after["calibration"] = calibration_size
            audit.record(
                session,
                actor=actor,
                action="assign",
                entity="round",
                entity_key=str(round),
                before=None,
                after=after,
            )
    return RoundAssignment(round, seed, plan, rows, len(plan.added), loads)


def _check_capacity(
    contest: _Contest,
    entries: Collection[EntrySlot],
    existing: Mapping[int, set[int]],
    k: int,
    db: ContestDatabase,
) -> None:
    """Refuse up front, with both numbers, a round the judges' capacities cannot hold.

    Only when every grader has a capacity (one without is unlimited); finer shortfalls (caps
    that conflicts make unusable) still end in `assign_infeasible`, naming the entries.
    """
    capacities = [j.capacity for j in contest.judges.values() if j.active]
    if not capacities or any(c is None for c in capacities):
        return
    chosen = {e.entry_id for e in entries}
    needed = sum(max(k, len(existing.get(e, ()))) for e in chosen) + sum(
        len(judges) for e, judges in existing.items() if e not in chosen
    )
    available = sum(c for c in capacities if c is not None)
    if needed > available:
        raise JudgeAppError("assign_capacity_short", db.path, needed=needed, available=available)


def _overrides(
    contest: _Contest, overrides: Mapping[str, Collection[str]], db: ContestDatabase
) -> dict[int, set[int]]:
    by_code = {code: entry_id for entry_id, code in contest.codes.items()}
    fixed: dict[int, set[int]] = {}
    for entry_code, judge_codes in overrides.items():
        if entry_code not in by_code:
            raise JudgeAppError("assign_unknown_entry", db.path, entry=entry_code)
        fixed[by_code[entry_code]] = {_judge_id(contest, code, db) for code in judge_codes}
    return fixed


def _without_existing(plan: Assignment, existing: Mapping[int, set[int]]) -> Assignment:
    """A calibration plan minus the rows the round already holds (running it twice adds none)."""
    added = {}
    for entry_id, judges in plan.added.items():
        fresh = tuple(j for j in judges if j not in existing.get(entry_id, set()))
        if fresh:
            added[entry_id] = fresh
    return Assignment(plan.k, plan.judges, added, plan.loads, plan.category_loads)


def _write_rows(session: Session, added: Mapping[int, tuple[int, ...]], round_: int) -> int:
    values = [
        {"entry_id": entry_id, "judge_id": judge_id, "round": round_}
        for entry_id, judges in added.items()
        for judge_id in judges
    ]
    if not values:
        return 0
    session.execute(insert(AssignmentRow), values)
    ready = [entry_id for entry_id in added]
    for start in range(0, len(ready), 500):  # SQLite caps the number of bound parameters
        session.execute(
            update(Entry)
            .where(Entry.id.in_(ready[start : start + 500]), Entry.status == EntryStatus.READY)
            .values(status=EntryStatus.ASSIGNED)
        )
    return len(values)


def graded_entries(session: Session, judge_id: int, round_: int) -> set[int]:
    """Entries this judge has graded in the round: submitted, or a draft holding any score."""
    # An empty sheet is stored as exactly `sheet.EMPTY` (canonical spelling).
    has_score = or_(
        type_coerce(Grading.scores, Text) != EMPTY,
        type_coerce(Grading.answers, Text) != EMPTY,
    )
    rows = session.scalars(
        select(Grading.entry_id).where(
            Grading.judge_id == judge_id,
            Grading.round == round_,
            or_(Grading.status == GradingStatus.SUBMITTED, has_score),
        )
    )
    return set(rows)


def drop_judge(
    db: ContestDatabase,
    judge_code: str,
    round: int,
    seed: int | None = None,
    *,
    actor: str,
    by_category: bool = False,
    exclude_rounds: Collection[int] = (),
) -> RoundAssignment:
    """Move a judge who dropped out off their ungraded entries of the round; graded ones stay.

    Each moved entry gets one other judge, least-loaded first, with the same conflict rules;
    one audit row records the batch.
    """
    seed = new_seed() if seed is None else seed
    with db.session() as session, session.begin():
        contest = _load(session, db)
        judge_id = _judge_id(contest, judge_code, db)
        existing = _round_rows(session, round)
        if not existing:
            raise JudgeAppError("assign_round_empty", db.path, round=round)
        k = max(len(judges) for judges in existing.values())
        current = Assignment(k, {e: tuple(sorted(j)) for e, j in existing.items()}, {}, {})
        graded = graded_entries(session, judge_id, round)
        mine = {e for e, judges in existing.items() if judge_id in judges}
        moving = mine - graded
        entries = [contest.entries[e] for e in existing if e in contest.entries]
        conflicts = Conflicts(
            pairs=_earlier_judges(session, set(exclude_rounds) - {round}), units=contest.declared
        )
        try:
            plan = reassign_dropped(
                current,
                judge_id,
                graded,
                entries,
                contest.judges.values(),
                seed=seed,
                conflicts=conflicts,
                by_category=by_category,
            )
        except JudgeAppError as error:
            _infeasible_codes(error, contest, db)
        moving_list = sorted(moving)
        for start in range(0, len(moving_list), 500):
            session.execute(
                delete(AssignmentRow).where(
                    AssignmentRow.round == round,
                    AssignmentRow.judge_id == judge_id,
                    AssignmentRow.entry_id.in_(moving_list[start : start + 500]),
                )
            )
        rows = _write_rows(session, plan.added, round)
        loads = {contest.judge_codes[j]: n for j, n in plan.loads.items()}
        if moving:
            audit.record(
                session,
                actor=actor,
                action="assign.drop",
                entity="round",
                entity_key=str(round),
                before={"judge": judge_code, "entries": len(mine)},
                after={
                    "round": round,
                    "judge": judge_code,
                    "seed": seed,
                    "moved": len(moving),
                    "kept": len(mine & graded),
                    "loads": loads,
                },
            )
    return RoundAssignment(
        round, seed, plan, rows, len(plan.added), loads, moved=len(moving), kept=len(mine & graded)
    )

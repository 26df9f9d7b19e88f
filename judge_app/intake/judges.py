"""The board's judge table: adding judges, their declared conflicts of interest and capacity.

A judge never grades their own unit; beyond that the board records declared conflicts (a judge
whose child attends another school, a judge who coached a unit's entrants) as `JudgeConflict`
rows, and a capacity (most entries in one round) for judges who can give less time. Assignment
(`judge_app.intake.assign`) reads both. Every change is one transaction with its audit row.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.intake.contest_config import CODE_PATTERN, JudgeConfig
from judge_app.store import audit
from judge_app.store.database import ContestDatabase
from judge_app.store.models import (
    Assignment,
    Contest,
    Entry,
    Grading,
    Judge,
    JudgeConflict,
    Unit,
)

__all__ = [
    "ConflictingAssignment",
    "JudgeInfo",
    "add_judge",
    "add_judge_rows",
    "list_judges",
    "set_judge_capacity",
    "set_judge_conflicts",
]


@dataclass(frozen=True, slots=True)
class JudgeInfo:
    """A judge as the board sees them in the judge table."""

    code: str
    name: str
    unit: str | None
    head: bool
    capacity: int | None
    conflicts: tuple[tuple[str, str], ...]  # (unit code, reason)
    fingerprint: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "unit": self.unit,
            "head": self.head,
            "capacity": self.capacity,
            "conflicts": [{"unit": u, "reason": r} for u, r in self.conflicts],
            "fingerprint": self.fingerprint,
        }


@dataclass(frozen=True, slots=True)
class ConflictingAssignment:
    """An entry already assigned to the judge from a unit now declared in conflict."""

    entry: str
    round: int
    graded: bool


def _contest(session: Session, db: ContestDatabase) -> Contest:
    contests = session.scalars(select(Contest)).all()
    if len(contests) != 1:
        raise JudgeAppError("assign_no_contest", db.path)
    return contests[0]


def _units(session: Session, contest: Contest) -> dict[str, Unit]:
    return {u.code: u for u in session.scalars(select(Unit).where(Unit.contest_id == contest.id))}


def _judge(session: Session, db: ContestDatabase, code: str) -> Judge:
    judge = session.scalars(select(Judge).where(Judge.code == code.strip())).one_or_none()
    if judge is None:
        raise JudgeAppError("judge_unknown", db.path, judge=code)
    return judge


def _unit(units: dict[str, Unit], db: ContestDatabase, code: str) -> Unit:
    unit = units.get(code.strip())
    if unit is None:
        raise JudgeAppError("judge_unit_unknown", db.path, unit=code)
    return unit


def add_judge_rows(
    session: Session,
    db: ContestDatabase,
    contest: Contest,
    judges: Sequence[JudgeConfig],
    *,
    actor: str,
) -> list[Judge]:
    """Judge rows with their conflicts, one `judge.add` audit row each (caller's transaction)."""
    units = _units(session, contest)
    existing = {code.casefold() for code in session.scalars(select(Judge.code))}
    heads = session.scalars(select(Judge.code).where(Judge.is_head.is_(True))).all()
    added = []
    for spec in judges:
        if not CODE_PATTERN.match(spec.code):
            raise JudgeAppError("judge_code_bad", db.path, judge=spec.code)
        if not spec.name.strip():
            raise JudgeAppError("judge_name_missing", db.path, judge=spec.code)
        if spec.code.casefold() in existing:
            raise JudgeAppError("judge_exists", db.path, judge=spec.code)
        if spec.head and heads:
            raise JudgeAppError("judge_second_head", db.path, judge=spec.code, head=heads[0])
        if spec.capacity is not None and spec.capacity < 1:
            raise JudgeAppError("judge_capacity_bad", db.path, capacity=spec.capacity)
        judge = Judge(
            contest_id=contest.id,
            code=spec.code,
            name=spec.name.strip(),
            unit=_unit(units, db, spec.unit) if spec.unit else None,
            is_head=spec.head,
            capacity=spec.capacity,
        )
        for unit_code in dict.fromkeys(spec.conflicts):
            judge.conflicts.append(JudgeConflict(unit=_unit(units, db, unit_code), reason=""))
        session.add(judge)
        existing.add(spec.code.casefold())
        if spec.head:
            heads = [spec.code]
        audit.record(
            session,
            actor=actor,
            action="judge.add",
            entity="judge",
            entity_key=spec.code,
            before=None,
            after={
                "name": judge.name,
                "unit": spec.unit,
                "head": spec.head,
                "capacity": spec.capacity,
                "conflicts": sorted(set(spec.conflicts)),
            },
        )
        added.append(judge)
    session.flush()
    return added


def add_judge(db: ContestDatabase, judge: JudgeConfig, *, actor: str) -> None:
    """One more judge (a second head judge is refused: the board has one head)."""
    with db.session() as session, session.begin():
        add_judge_rows(session, db, _contest(session, db), [judge], actor=actor)


def _conflicting(
    session: Session, judge: Judge, unit_ids: Collection[int]
) -> list[ConflictingAssignment]:
    if not unit_ids:
        return []
    rows = session.execute(
        select(Entry.id, Entry.code, Assignment.round)
        .join(Assignment, Assignment.entry_id == Entry.id)
        .where(Assignment.judge_id == judge.id, Entry.unit_id.in_(list(unit_ids)))
        .order_by(Assignment.round, Entry.code)
    ).all()
    graded = set(
        session.execute(
            select(Grading.entry_id, Grading.round).where(Grading.judge_id == judge.id)
        ).all()
    )
    return [
        ConflictingAssignment(code, round_, (entry_id, round_) in graded)
        for entry_id, code, round_ in rows
    ]


def set_judge_conflicts(
    db: ContestDatabase,
    judge_code: str,
    unit_codes: Collection[str],
    reason: str,
    *,
    actor: str,
) -> list[ConflictingAssignment]:
    """Make `unit_codes` the judge's declared conflicts (new ones get `reason`, kept ones keep
    theirs). Returns the entries of those units the judge already holds, so the board can move
    them (`assign drop`): a declaration never silently rewrites an existing assignment."""
    with db.session() as session, session.begin():
        contest = _contest(session, db)
        judge = _judge(session, db, judge_code)
        units = _units(session, contest)
        wanted = {_unit(units, db, code).id: code.strip() for code in unit_codes}
        if judge.unit_id is not None and judge.unit_id in wanted:
            raise JudgeAppError(
                "judge_conflict_own_unit", db.path, judge=judge.code, unit=wanted[judge.unit_id]
            )
        before = {c.unit.code: c.reason for c in judge.conflicts}
        for conflict in list(judge.conflicts):
            if conflict.unit_id not in wanted:
                judge.conflicts.remove(conflict)
        present = {c.unit_id for c in judge.conflicts}
        for unit_id, code in wanted.items():
            if unit_id not in present:
                judge.conflicts.append(JudgeConflict(unit=units[code], reason=reason.strip()))
        session.flush()
        after = {c.unit.code: c.reason for c in judge.conflicts}
        if after != before:
            audit.record(
                session,
                actor=actor,
                action="judge.conflicts",
                entity="judge",
                entity_key=judge.code,
                before={"conflicts": before},
                after={"conflicts": after},
            )
        new_units = [uid for uid in wanted if uid not in {units[u].id for u in before}]
        return _conflicting(session, judge, new_units)


def set_judge_capacity(
    db: ContestDatabase, judge_code: str, capacity: int | None, *, actor: str
) -> None:
    """Most entries the judge takes in one round; None lifts the cap."""
    if capacity is not None and capacity < 1:
        raise JudgeAppError("judge_capacity_bad", db.path, capacity=capacity)
    with db.session() as session, session.begin():
        judge = _judge(session, db, judge_code)
        if judge.capacity == capacity:
            return
        audit.record(
            session,
            actor=actor,
            action="judge.capacity",
            entity="judge",
            entity_key=judge.code,
            before={"capacity": judge.capacity},
            after={"capacity": capacity},
        )
        judge.capacity = capacity


def list_judges(db: ContestDatabase) -> list[JudgeInfo]:
    """Every judge, head judge first, then by code."""
    with db.read_session() as session:
        judges = session.scalars(select(Judge).order_by(Judge.is_head.desc(), Judge.code)).all()
        return [
            JudgeInfo(
                code=j.code,
                name=j.name,
                unit=j.unit.code if j.unit else None,
                head=j.is_head,
                capacity=j.capacity,
                conflicts=tuple(sorted((c.unit.code, c.reason) for c in j.conflicts)),
                fingerprint=j.key_fingerprint,
            )
            for j in judges
        ]

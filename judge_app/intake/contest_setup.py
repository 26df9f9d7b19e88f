"""A contest file from a configuration, and the configuration back from a contest file.

`create_contest` writes a new board contest file holding the whole set-up of a `ContestConfig`
(contest row with its rules and settings, stages, unit groups, categories, units and headcounts,
rubric, judges with declared conflicts and capacity) in one transaction, with a
`contest.create` audit row and one `judge.add` row per judge. `export_config` reads it back;
with `template=True` it is next year's starting point (see `export_config` for what a template
keeps and drops). The rubric travels alone too (`export_rubric` / `import_rubric`), so a board
can reuse or share a grading guide; importing one is refused once grading has begun.

The unit list reader (`read_unit_list`) and the judge table (`add_judge`…) live in their own
modules and are re-exported here, so set-up code has one place to import from.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.fileio import sha256_file
from judge_app.intake.contest_config import (
    ContestConfig,
    RubricConfig,
    UnitConfig,
    config_to_dict,
    load_rubric,
    parse_config,
    save_rubric,
)
from judge_app.intake.judges import (
    add_judge,
    add_judge_rows,
    list_judges,
    set_judge_capacity,
    set_judge_conflicts,
)
from judge_app.intake.unit_list import read_unit_list
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, create_contest_file, sqlite_file_parts
from judge_app.store.models import (
    Assignment,
    Base,
    Category,
    CategoryKind,
    Contest,
    Criterion,
    CriterionLevel,
    Entry,
    FileRole,
    Grading,
    Headcount,
    Judge,
    Participant,
    Question,
    Stage,
    Unit,
    UnitGroup,
)

__all__ = [
    "ContestSummary",
    "add_contest_setup",
    "add_judge",
    "contest_summary",
    "create_contest",
    "export_config",
    "export_rubric",
    "import_rubric",
    "list_judges",
    "merge_units",
    "read_unit_list",
    "set_judge_capacity",
    "set_judge_conflicts",
]


def _canonical_settings(settings: Any) -> str:
    return json.dumps(settings, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _add_rubric(contest: Contest, rubric: RubricConfig) -> None:
    for q in rubric.questions:
        contest.questions.append(
            Question(
                number=q.number,
                prompt=q.prompt,
                options=q.options,
                answer=q.answer,
                points=q.points,
            )
        )
    for sort, c in enumerate(rubric.criteria):
        criterion = Criterion(
            code=c.code, name=c.name, guide=c.guide, maximum=c.maximum, step=c.step, sort=sort
        )
        for level in c.levels:
            criterion.levels.append(
                CriterionLevel(low=level.low, high=level.high, descriptor=level.descriptor)
            )
        contest.criteria.append(criterion)


def _rubric_summary(rubric: RubricConfig) -> dict[str, Any]:
    return {
        "max_total": rubric.max_total,
        "questions": len(rubric.questions),
        "criteria": [c.code for c in rubric.criteria],
    }


def add_contest_setup(
    session: Session, db: ContestDatabase, config: ContestConfig, *, actor: str
) -> Contest:
    """Write the whole set-up into `session` (the caller's transaction) with its audit rows."""
    rules = config.rules
    contest = Contest(
        name=config.name,
        organiser=config.organiser,
        tier=config.tier,
        year=config.year,
        reference_date=config.reference_date,
        judges_per_entry=rules.judges_per_entry,
        max_total=rules.max_total,
        score_step=rules.score_step,
        agree_below=rules.agree_below,
        discuss_upto=rules.discuss_upto,
        third_mean_upto=rules.third_mean_upto,
        per_criterion_rule=rules.per_criterion_rule,
        rounding=rules.rounding,
        quality_threshold=rules.quality_threshold,
        quality_target_percent=rules.quality_target_percent,
        settings=_canonical_settings(config.settings),
    )
    session.add(contest)
    for stage in config.stages:
        contest.stages.append(Stage(number=stage.number, name=stage.name))
    groups: dict[str, UnitGroup] = {}
    for group in config.unit_groups:
        groups[group.code] = UnitGroup(code=group.code, name=group.name, deadline=group.deadline)
        contest.unit_groups.append(groups[group.code])
    categories: dict[str, Category] = {}
    for sort, cat in enumerate(config.categories):
        categories[cat.code] = Category(
            code=cat.code, name=cat.name, kind=CategoryKind(cat.kind), grade=cat.grade, sort=sort
        )
        contest.categories.append(categories[cat.code])
    for unit_cfg in config.units:
        unit = Unit(
            code=unit_cfg.code,
            name=unit_cfg.name,
            group=groups[unit_cfg.group] if unit_cfg.group else None,
            email=unit_cfg.email,
        )
        contest.units.append(unit)
        for cat_code, count in unit_cfg.headcounts.items():
            unit.headcounts.append(Headcount(category=categories[cat_code], count=count))
    _add_rubric(contest, config.rubric)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="contest.create",
        entity="contest",
        entity_key=contest.uuid,
        before=None,
        after={
            "name": contest.name,
            "organiser": contest.organiser,
            "year": contest.year,
            "unit_groups": {
                g.code: g.deadline.isoformat() if g.deadline else None for g in config.unit_groups
            },
            "categories": [c.code for c in config.categories],
            "units": [u.code for u in config.units],
            "questions": len(config.questions),
            "criteria": [c.code for c in config.criteria],
            "rules": {
                key: value for key, value in config_to_dict(config).items() if key in _RULE_KEYS
            },
            "settings": dict(config.settings),
        },
    )
    add_judge_rows(session, db, contest, config.judges, actor=actor)
    return contest


_RULE_KEYS = (
    "judges_per_entry",
    "max_total",
    "score_step",
    "agree_below",
    "discuss_upto",
    "third_mean_upto",
    "per_criterion_rule",
    "rounding",
    "quality_threshold",
    "quality_target_percent",
)


def create_contest(path: Path, config: ContestConfig, *, actor: str) -> Path:
    """A new board contest file at `path` holding `config`; an existing file is never touched."""
    path = Path(path)
    db = create_contest_file(path, FileRole.BOARD)
    try:
        with db.session() as session, session.begin():
            add_contest_setup(session, db, config, actor=actor)
    except BaseException:
        db.close()
        for part in sqlite_file_parts(path):
            part.unlink(missing_ok=True)
        raise
    db.close()
    return path


def merge_units(config: ContestConfig, units: list[UnitConfig]) -> ContestConfig:
    """`config` with the units of a unit list: same code replaces, new codes are added.

    The result is checked again (`parse_config`), so a list's unknown group or category is
    reported like any config problem.
    """
    by_code = {u.code: u for u in config.units}
    for unit in units:
        by_code[unit.code] = unit
    merged = replace(config, units=tuple(by_code.values()))
    return parse_config(config_to_dict(merged))


# --------------------------------------------------------------------------- export


def _one_contest(session: Session, db: ContestDatabase) -> Contest:
    contests = session.scalars(select(Contest)).all()
    if len(contests) != 1:
        raise JudgeAppError("assign_no_contest", db.path)
    return contests[0]


def _points(value: Any) -> str | None:
    return None if value is None else str(value)


def _rubric_dict(session: Session, contest: Contest) -> dict[str, Any]:
    questions = session.scalars(
        select(Question).where(Question.contest_id == contest.id).order_by(Question.number)
    ).all()
    criteria = session.scalars(
        select(Criterion).where(Criterion.contest_id == contest.id).order_by(Criterion.sort)
    ).all()
    return {
        "max_total": str(contest.max_total),
        "questions": [
            {
                "number": q.number,
                "prompt": q.prompt,
                "options": q.options,
                "answer": q.answer,
                "points": str(q.points),
            }
            for q in questions
        ],
        "criteria": [
            {
                "code": c.code,
                "name": c.name,
                "maximum": str(c.maximum),
                "step": str(c.step),
                "guide": c.guide,
            }
            | (
                {
                    "levels": [
                        {"low": str(lv.low), "high": str(lv.high), "descriptor": lv.descriptor}
                        for lv in c.levels
                    ]
                }
                if c.levels
                else {}
            )
            for c in criteria
        ],
    }


def _contest_dict(session: Session, contest: Contest) -> dict[str, Any]:
    units = session.scalars(
        select(Unit).where(Unit.contest_id == contest.id).order_by(Unit.id)
    ).all()
    groups = session.scalars(
        select(UnitGroup).where(UnitGroup.contest_id == contest.id).order_by(UnitGroup.id)
    ).all()
    judges = session.scalars(
        select(Judge).where(Judge.contest_id == contest.id).order_by(Judge.id)
    ).all()
    try:
        settings = json.loads(contest.settings or "{}")
    except json.JSONDecodeError:
        settings = {}  # an unreadable value is reported by parse_config as a wrong shape
    sort_of = {c.id: c.sort for c in contest.categories}
    return {
        "name": contest.name,
        "organiser": contest.organiser,
        "tier": contest.tier,
        "year": contest.year,
        "reference_date": contest.reference_date.isoformat() if contest.reference_date else None,
        "judges_per_entry": contest.judges_per_entry,
        "score_step": str(contest.score_step),
        "agree_below": str(contest.agree_below),
        "discuss_upto": str(contest.discuss_upto),
        "third_mean_upto": str(contest.third_mean_upto),
        "per_criterion_rule": contest.per_criterion_rule,
        "rounding": contest.rounding,
        "quality_threshold": _points(contest.quality_threshold),
        "quality_target_percent": contest.quality_target_percent,
        "stages": [{"number": s.number, "name": s.name} for s in contest.stages],
        "unit_groups": [
            {
                "code": g.code,
                "name": g.name,
                "deadline": g.deadline.isoformat() if g.deadline else None,
            }
            for g in groups
        ],
        "categories": [
            {"code": c.code, "name": c.name, "kind": c.kind.value}
            | ({"grade": c.grade} if c.grade is not None else {})
            for c in contest.categories
        ],
        "units": [
            {
                "code": u.code,
                "name": u.name,
                "group": u.group.code if u.group else None,
                "email": u.email,
                "headcounts": {
                    h.category.code: h.count
                    for h in sorted(u.headcounts, key=lambda h: sort_of.get(h.category_id, 0))
                },
            }
            for u in units
        ],
        "judges": [
            {
                "code": j.code,
                "name": j.name,
                "unit": j.unit.code if j.unit else None,
                "head": j.is_head,
                "capacity": j.capacity,
                "conflicts": sorted(c.unit.code for c in j.conflicts),
            }
            for j in judges
        ],
        "settings": settings,
        **_rubric_dict(session, contest),
    }


def _next_year(value: dt.date) -> dt.date:
    year = value.year + 1
    day = min(value.day, calendar.monthrange(year, value.month)[1])  # 29 Feb → 28 Feb
    return value.replace(year=year, day=day)


def _as_template(data: dict[str, Any]) -> dict[str, Any]:
    """Next year's starting point from this year's set-up (see `export_config`)."""
    year = data.get("year")
    if isinstance(year, int):
        data["year"] = year + 1
        data["name"] = data["name"].replace(str(year), str(year + 1))
    if data.get("reference_date"):
        data["reference_date"] = _next_year(
            dt.date.fromisoformat(data["reference_date"])
        ).isoformat()
    for group in data["unit_groups"]:
        if group.get("deadline"):
            moment = dt.datetime.fromisoformat(group["deadline"])
            shifted = _next_year(moment.date())
            group["deadline"] = dt.datetime.combine(shifted, moment.time()).isoformat()
    for unit in data["units"]:
        unit["headcounts"] = {}
    for judge in data["judges"]:
        judge["conflicts"] = []
        judge["capacity"] = None
    return data


def export_config(db: ContestDatabase, *, template: bool = False) -> ContestConfig:
    """The contest's set-up as a configuration: `create_contest` on it makes the same set-up.

    Never in any export: participants, entries and their files, identity records, assignments,
    gradings, the audit log, judges' keys (a key belongs to a person, not to the set-up) and the
    reasons given for declared conflicts. A template (`template=True`, next year's contest)
    also drops each unit's headcounts (next year's list brings new numbers) and the judges'
    declared conflicts and capacity (they are declared for one contest), and moves the year,
    the reference date and the deadlines one year on (the name's year too); the board checks
    them in the wizard before creating the new contest.
    """
    with db.read_session() as session:
        contest = _one_contest(session, db)
        data = _contest_dict(session, contest)
    if template:
        data = _as_template(data)
    return parse_config(data, db.path)


def export_rubric(db: ContestDatabase, path: Path) -> RubricConfig:
    """Write the contest's rubric to a rubric file (`judge-app-rubric`, version 1)."""
    from judge_app.intake.contest_config import parse_rubric

    with db.read_session() as session:
        contest = _one_contest(session, db)
        data = _rubric_dict(session, contest)
    rubric = parse_rubric(data, db.path)
    save_rubric(rubric, Path(path))
    return rubric


def _grading_started(session: Session) -> tuple[int, int]:
    assignments = session.scalar(select(func.count()).select_from(Assignment)) or 0
    gradings = session.scalar(select(func.count()).select_from(Grading)) or 0
    return assignments, gradings


def import_rubric(db: ContestDatabase, path: Path, *, actor: str) -> RubricConfig:
    """Replace the contest's questions and criteria (and its maximum) with a rubric file's.

    Refused once any entry is assigned or graded: scores given against one rubric must never be
    read against another. The contest's own comment bank entries of the old criteria go too.
    """
    path = Path(path)
    rubric = load_rubric(path)
    digest, _ = sha256_file(path)
    if db.role != FileRole.BOARD:
        raise JudgeAppError("rubric_not_board", db.path)
    with db.session() as session, session.begin():
        contest = _one_contest(session, db)
        assignments, gradings = _grading_started(session)
        if assignments or gradings:
            raise JudgeAppError(
                "rubric_locked", db.path, assignments=assignments, gradings=gradings
            )
        if contest.quality_threshold is not None and contest.quality_threshold > rubric.max_total:
            raise JudgeAppError(
                "rubric_below_quality",
                path,
                max_total=rubric.max_total,
                quality=contest.quality_threshold,
            )
        old = _rubric_dict(session, contest)
        session.execute(delete(Question).where(Question.contest_id == contest.id))
        session.execute(delete(Criterion).where(Criterion.contest_id == contest.id))
        session.expire(contest, ["questions", "criteria"])
        contest.max_total = rubric.max_total
        _add_rubric(contest, rubric)
        session.flush()
        audit.record(
            session,
            actor=actor,
            action="rubric.import",
            entity="contest",
            entity_key=contest.uuid,
            before={
                "max_total": old["max_total"],
                "questions": len(old["questions"]),
                "criteria": [c["code"] for c in old["criteria"]],
            },
            after={**_rubric_summary(rubric), "file": path.name, "sha256": digest},
        )
    return rubric


# --------------------------------------------------------------------------- summary


@dataclass(frozen=True)
class ContestSummary:
    """What `contest show` prints: the set-up at a glance and how far the contest is."""

    config: ContestConfig
    entries: int
    participants: int
    assignments: int
    gradings: int
    keys_pinned: int


def contest_summary(db: ContestDatabase) -> ContestSummary:
    config = export_config(db)
    with db.read_session() as session:

        def count(model: type[Base]) -> int:
            return session.scalar(select(func.count()).select_from(model)) or 0

        return ContestSummary(
            config=config,
            entries=count(Entry),
            participants=count(Participant),
            assignments=count(Assignment),
            gradings=count(Grading),
            keys_pinned=session.scalar(
                select(func.count()).select_from(Judge).where(Judge.key_fingerprint.is_not(None))
            )
            or 0,
        )

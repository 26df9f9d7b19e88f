"""Assignment against a real contest file: the demo contest (27 entries in 4 units; graders GK1
of THCS-NC, GK2 of THCS-KD, GK3 of MN-TH; head judge TB of PGD).

The demo is built once per module; every test works on its own copy of the contest file.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from judge_app.core.assignment import CALIBRATION_MINIMUM
from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.intake.assign import assign_round, drop_judge
from judge_app.intake.assign_cli import add_commands
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.store.models import Assignment as AssignmentRow
from judge_app.store.models import (
    AuditRow,
    Criterion,
    Entry,
    EntryStatus,
    Grading,
    GradingStatus,
    Judge,
    Unit,
)
from judge_app.store.scoring import ensure_grading, set_criterion_score

GRADERS = {"GK1": "THCS-NC", "GK2": "THCS-KD", "GK3": "MN-TH"}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("assign-home")))
    try:
        target = tmp_path_factory.mktemp("assign") / "demo"
        return build_demo_contest(target, packages=False).path
    finally:
        mp.undo()


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Iterator[ContestDatabase]:
    copy = tmp_path / "contest.sqlite"
    shutil.copyfile(demo_file, copy)
    database = open_contest_file(copy)
    yield database
    database.close()


def rows(db: ContestDatabase, round_: int) -> list[tuple[str, str, str | None, str]]:
    """(entry code, judge code, entry's unit code, judge's unit code) of a round."""
    with db.read_session() as session:
        result = session.execute(
            select(Entry.code, Judge.code, Unit.code)
            .select_from(AssignmentRow)
            .join(Entry, Entry.id == AssignmentRow.entry_id)
            .join(Judge, Judge.id == AssignmentRow.judge_id)
            .outerjoin(Unit, Unit.id == Entry.unit_id)
            .where(AssignmentRow.round == round_)
            .order_by(Entry.code, Judge.code)
        )
        return [(e, j, u, GRADERS[j]) for e, j, u in result]


def audit_rows(db: ContestDatabase, action: str) -> list[AuditRow]:
    with db.read_session() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action)))


def by_entry(assigned: list[tuple[str, str, str | None, str]]) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for entry, judge, _, _ in assigned:
        result.setdefault(entry, set()).add(judge)
    return result


def test_main_round_two_judges_each_never_from_the_entrys_school(db: ContestDatabase) -> None:
    result = assign_round(db, 1, 2, 2019, actor="test")
    assigned = rows(db, 1)
    assert all(entry_unit != judge_unit for _, _, entry_unit, judge_unit in assigned)
    judges = by_entry(assigned)
    assert len(judges) == 27 and all(len(j) == 2 for j in judges.values())
    assert result.rows_added == 54 and result.entries_added == 27
    assert set(result.loads) == set(GRADERS)  # the head judge grades nothing
    # As even as the schools allow: THCS-NC's 11 entries can only go to GK2 and GK3, THCS-KD's 9
    # to GK1 and GK3, MN-TH's 4 to GK1 and GK2; only PGD's 3 are free, and they go to GK1/GK2.
    assert result.loads == {"GK1": 16, "GK2": 18, "GK3": 20}
    with db.read_session() as session:
        statuses = set(session.scalars(select(Entry.status)))
    assert statuses == {EntryStatus.ASSIGNED}
    # One audit row for the batch, with the seed that makes it repeatable.
    (row,) = audit_rows(db, "assign")
    after = json.loads(row.after or "{}")
    assert after == {
        "round": 1,
        "k": 2,
        "seed": 2019,
        "entries": 27,
        "loads": result.loads,
        "by_category": False,
    }
    assert verify(db).ok
    # Running it again finds every entry served: no rows, no audit row.
    again = assign_round(db, 1, 2, 7, actor="test")
    assert again.rows_added == 0 and len(audit_rows(db, "assign")) == 1
    assert rows(db, 1) == assigned


def test_by_category_keeps_the_totals_as_even_as_without(db: ContestDatabase) -> None:
    result = assign_round(db, 1, 2, 2019, by_category=True, actor="test")
    assert result.loads == {"GK1": 16, "GK2": 18, "GK3": 20}
    assert all(eu != ju for _, _, eu, ju in rows(db, 1))


def test_same_seed_same_rows(demo_file: Path, tmp_path: Path) -> None:
    outcomes = []
    for name in ("a", "b"):
        copy = tmp_path / f"{name}.sqlite"
        shutil.copyfile(demo_file, copy)
        with open_contest_file(copy) as database:
            assign_round(database, 1, 1, 42, by_category=True, actor="test")
            outcomes.append(rows(database, 1))
    assert outcomes[0] == outcomes[1]


def test_screening_round_and_a_judge_dropping_out(db: ContestDatabase) -> None:
    assign_round(db, 1, 1, 5, actor="test")
    before = by_entry(rows(db, 1))
    with db.read_session() as session:
        gk1 = session.scalars(select(Judge.id).where(Judge.code == "GK1")).one()
        criterion = session.scalars(select(Criterion.id)).first()
        ids = {code: entry_id for code, entry_id in session.execute(select(Entry.code, Entry.id))}
    theirs = sorted(code for code, judges in before.items() if "GK1" in judges)
    assert len(theirs) >= 4
    submitted, scored, empty_draft = theirs[:3]
    for code in (submitted, scored, empty_draft):
        ensure_grading(db, ids[code], gk1, 1, actor="test")
    assert criterion is not None
    grading = ensure_grading(db, ids[scored], gk1, 1, actor="test")
    set_criterion_score(db, grading, criterion, Points(100), "test")
    with db.session() as session, session.begin():
        session.execute(
            update(Grading)
            .where(Grading.entry_id == ids[submitted], Grading.judge_id == gk1)
            .values(status=GradingStatus.SUBMITTED)
        )

    result = drop_judge(db, "GK1", 1, 11, actor="test")
    after = by_entry(rows(db, 1))
    assert result.kept == 2 and result.moved == len(theirs) - 2
    assert after[submitted] == {"GK1"} and after[scored] == {"GK1"}
    for code in theirs[2:]:
        assert after[code] != {"GK1"} and len(after[code]) == 1
    for code, judges in before.items():
        if "GK1" not in judges:
            assert after[code] == judges  # nobody else's entries move
    assert all(eu != ju for _, _, eu, ju in rows(db, 1))
    (row,) = audit_rows(db, "assign.drop")
    assert json.loads(row.after or "{}")["moved"] == result.moved
    assert "GK1" not in result.loads
    assert verify(db).ok


def test_dropping_a_judge_when_two_must_grade_names_the_entries_left_short(
    db: ContestDatabase,
) -> None:
    """THCS-KD's entries can go to GK1 and GK3 only: without GK1 they cannot have two."""
    assign_round(db, 1, 2, 3, actor="test")
    with pytest.raises(JudgeAppError) as caught:
        drop_judge(db, "GK1", 1, 3, actor="test")
    assert caught.value.code == "assign_infeasible"
    # THCS-KD's entries had GK1 and GK3, MN-TH's GK1 and GK2: each is left with one judge.
    short = {e for e, _, unit, _ in rows(db, 1) if unit in {"THCS-KD", "MN-TH"}}
    assert set(caught.value.params["entries"].split(", ")) == short
    assert caught.value.params["count"] == len(short) == 13
    assert caught.value.path == db.path
    assert audit_rows(db, "assign.drop") == []  # nothing was written


def test_third_grading_goes_to_a_judge_who_has_not_graded_the_entry(db: ContestDatabase) -> None:
    assign_round(db, 1, 2, 8, actor="test")
    first = by_entry(rows(db, 1))
    # Entries whose remaining judge is not from the entry's school.
    units = {e: u for e, _, u, _ in rows(db, 1)}
    possible = [
        code
        for code, judges in first.items()
        if GRADERS[next(iter(set(GRADERS) - judges))] != units[code]
    ]
    assert possible
    chosen = possible[:3]
    result = assign_round(db, 3, 1, 8, actor="test", entry_codes=chosen, exclude_rounds=[1])
    third = by_entry(rows(db, 3))
    assert set(third) == set(chosen) and result.rows_added == len(chosen)
    for code in chosen:
        assert third[code].isdisjoint(first[code])
    with pytest.raises(JudgeAppError) as caught:
        assign_round(db, 4, 1, 8, actor="test", entry_codes=["NO-SUCH"])
    assert caught.value.code == "assign_unknown_entry"


def test_manual_overrides(db: ContestDatabase) -> None:
    entries = rows_of_units(db)
    nc_entry = next(code for code, unit in entries.items() if unit == "THCS-NC")
    assign_round(db, 1, 2, 1, actor="test", overrides={nc_entry: ["GK2"]})
    assert "GK2" in by_entry(rows(db, 1))[nc_entry]
    with pytest.raises(JudgeAppError) as caught:
        assign_round(db, 2, 2, 1, actor="test", overrides={nc_entry: ["GK1"]})
    assert caught.value.code == "assign_override_conflict"
    assert caught.value.params == {"entry": nc_entry, "judge": "GK1"}


def rows_of_units(db: ContestDatabase) -> dict[str, str | None]:
    with db.read_session() as session:
        result = session.execute(
            select(Entry.code, Unit.code).outerjoin(Unit, Unit.id == Entry.unit_id)
        )
        return {code: unit for code, unit in result}


def test_calibration_round(db: ContestDatabase) -> None:
    # Only 3 demo entries come from a unit no grader belongs to: too few for chấm chung.
    with pytest.raises(JudgeAppError) as caught:
        assign_round(db, 1, 2, 1, actor="test", calibration_size=CALIBRATION_MINIMUM)
    assert caught.value.code == "calibration_too_few"
    with db.session() as session, session.begin():
        session.execute(update(Judge).values(unit_id=None))  # graders from outside the schools
    result = assign_round(db, 1, 2, 1, actor="test", calibration_size=CALIBRATION_MINIMUM)
    judges = by_entry([(e, j, u, "") for e, j, u, _ in _raw_rows(db, 1)])
    assert len(judges) == CALIBRATION_MINIMUM
    assert all(j == set(GRADERS) for j in judges.values())
    assert result.loads == dict.fromkeys(GRADERS, CALIBRATION_MINIMUM)
    (row,) = audit_rows(db, "assign")
    assert json.loads(row.after or "{}")["calibration"] == CALIBRATION_MINIMUM


def _raw_rows(db: ContestDatabase, round_: int) -> list[tuple[str, str, str | None, str]]:
    with db.read_session() as session:
        result = session.execute(
            select(Entry.code, Judge.code)
            .select_from(AssignmentRow)
            .join(Entry, Entry.id == AssignmentRow.entry_id)
            .join(Judge, Judge.id == AssignmentRow.judge_id)
            .where(AssignmentRow.round == round_)
        )
        return [(e, j, None, "") for e, j in result]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="judge-app")
    sub = parser.add_subparsers(dest="command")
    add_commands(sub)
    args = parser.parse_args(argv)
    code = args.handler(args, "en")
    return code, capsys.readouterr().out


def test_cli_assign_and_drop(db: ContestDatabase, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(db.path)
    db.close()
    code, out = _run(["assign", path, "--round", "1", "--per-entry", "1", "--seed", "4"], capsys)
    assert code == 0
    assert "Round 1: assigned 27 entries (27 gradings, 1 per entry)" in out
    assert "(seed 4)" in out and "  GK1: " in out
    code, out = _run(["assign", path, "--round", "1", "--per-entry", "1"], capsys)
    assert "nothing changed" in out
    code, out = _run(["assign", "drop", path, "--judge", "GK2", "--round", "1"], capsys)
    assert code == 0 and "moved judge GK2's" in out and "GK2:" not in out
    with pytest.raises(JudgeAppError) as caught:
        _run(["assign", path, "--round", "2"], capsys)
    assert caught.value.params == {"option": "--per-entry"}
    with pytest.raises(JudgeAppError) as caught:
        _run(["assign", "drop", path, "--round", "1"], capsys)
    assert caught.value.params == {"option": "--judge"}
    with pytest.raises(JudgeAppError) as caught:
        _run(["assign", path, "--round", "2", "--per-entry", "1", "--fix", "X"], capsys)
    assert caught.value.code == "assign_bad_override"

"""Appeals (phúc khảo) on the demo contest: request, two other judges (a third when they differ),
the ≥ 0.25 change rule, the dialogue for a change ≥ 0.5, the new lock, and the commands."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.intake.assign import assign_round
from judge_app.store.appeals import (
    APPEAL_FIRST_ROUND,
    AppealState,
    assign_appeals,
    list_appeals,
    request_appeal,
    rule_of_appeal,
    settle_appeal,
)
from judge_app.store.appeals_cli import add_commands
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.store.models import (
    Assignment,
    AuditRow,
    Criterion,
    Decision,
    Entry,
    Grading,
    GradingStatus,
    Judge,
)
from judge_app.store.results import compute_results, lock_results
from judge_app.store.results_lock import lock_state
from judge_app.store.settlement import Queue, settle_entries

MAXIMA = (300, 300, 150, 50, 100)  # the demo's criteria (the choices left blank here)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("appeal-home")))
    try:
        root = tmp_path_factory.mktemp("appeals") / "demo"
        yield build_demo_contest(root, packages=False).path
    finally:
        mp.undo()


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Iterator[ContestDatabase]:
    target = tmp_path / "contest.sqlite"
    shutil.copy(demo_file, target)
    with open_contest_file(target) as opened:
        with opened.session() as session, session.begin():
            contest_id = session.scalars(select(Judge.contest_id)).first()
            for n in (4, 5, 6):  # appeal judges from no school: free of conflicts
                session.add(Judge(contest_id=contest_id, code=f"GK{n}", name=f"Giám khảo {n}"))
        yield opened


def _split(total: str) -> list[Points]:
    left = Points.parse(total).centi
    out = []
    for maximum in MAXIMA:
        take = min(left, maximum)
        out.append(Points(take))
        left -= take
    assert left == 0, total
    return out


def _grade(db: ContestDatabase, code: str, judge: str, round_: int, total: str) -> None:
    with db.session() as session, session.begin():
        entry_id = session.scalars(select(Entry.id).where(Entry.code == code)).one()
        judge_id = session.scalars(select(Judge.id).where(Judge.code == judge)).one()
        criteria = session.scalars(select(Criterion).order_by(Criterion.sort)).all()
        grading = Grading(
            entry_id=entry_id,
            judge_id=judge_id,
            round=round_,
            status=GradingStatus.SUBMITTED,
            submitted_at=dt.datetime(2019, 9, 1, 8, 0),
        )
        session.add(grading)
        session.flush()
        grading.scores = {
            criterion.id: points for criterion, points in zip(criteria, _split(total), strict=True)
        }


def _judges(db: ContestDatabase, code: str, round_: int) -> list[str]:
    with db.read_session() as session:
        return sorted(
            session.scalars(
                select(Judge.code)
                .join(Assignment, Assignment.judge_id == Judge.id)
                .join(Entry, Entry.id == Assignment.entry_id)
                .where(Entry.code == code, Assignment.round == round_)
            )
        )


def _codes(db: ContestDatabase) -> list[str]:
    with db.read_session() as session:
        return list(session.scalars(select(Entry.code).order_by(Entry.code)))


def _locked_demo(db: ContestDatabase) -> list[str]:
    """Every entry graded in round 1 by its two assigned judges (entry i: 8 − 0.25 i, the two
    agreeing), then the scores locked."""
    assign_round(db, 1, 2, seed=1, actor="TB")
    codes = _codes(db)
    for i, code in enumerate(codes):
        total = str(Points(800 - 25 * i))
        for judge in _judges(db, code, 1):
            _grade(db, code, judge, 1, total)
    lock_results(db, actor="TB")
    return codes


def _final(db: ContestDatabase, code: str) -> Points | None:
    (row,) = settle_entries(db, [code])
    return row.final


def _audit(db: ContestDatabase, action: str) -> list[AuditRow]:
    with db.read_session() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action)))


def _appeal_graded(db: ContestDatabase, code: str, *totals: str) -> list[str]:
    """The appeal judges of `code` (latest appeal rounds) grade with these totals."""
    (appeal,) = [a for a in list_appeals(db) if a.code == code and a.state != "settled"]
    judges = [g for g in appeal.gradings if g.total is None]
    for grading, total in zip(judges, totals, strict=False):
        _grade(db, code, grading.judge, grading.round, total)
    return [g.judge for g in judges]


# ---------------------------------------------------------------------------------------------


def test_the_rule_of_appeal() -> None:
    p = Points.parse
    assert rule_of_appeal([p("7")]) is None
    two = rule_of_appeal([p("7"), p("7.75")])
    assert two is not None and two.result == p("7.38") and two.rule == "mean_of_two"
    wide = rule_of_appeal([p("6"), p("7")])  # 1.0 apart: not agreed, a third judge
    assert wide is not None and wide.result is None and wide.rule == "third_needed"
    equal = rule_of_appeal([p("6"), p("7"), p("7")])
    assert equal is not None and equal.result == p("7") and equal.rule == "two_equal_of_three"
    three = rule_of_appeal([p("5"), p("7"), p("9.5")])  # spread 4.5: still the mean
    assert three is not None and three.result == p("7.17") and three.rule == "mean_of_three"


def test_an_appeal_changing_the_score_needs_its_dialogue_then_relocks(
    db: ContestDatabase,
) -> None:
    codes = _locked_demo(db)
    code = codes[0]  # final 8
    first_digest = lock_state(db).digest
    earlier = set(_judges(db, code, 1))
    with pytest.raises(JudgeAppError) as caught:
        request_appeal(db, code, reason="  ", actor="TB")
    assert caught.value.code == "appeal_reason_required"
    assert not lock_state(db).open_codes and not list_appeals(db)

    appeal = request_appeal(db, code, reason="Thí sinh đề nghị chấm lại", actor="TB")
    assert appeal.state is AppealState.REQUESTED and appeal.original == Points(800)
    assert lock_state(db).open_codes == {code}
    with pytest.raises(JudgeAppError) as caught:
        request_appeal(db, code, reason="lần nữa", actor="TB")
    assert caught.value.code == "appeal_already_open"
    with pytest.raises(JudgeAppError) as caught:
        settle_appeal(db, code, actor="TB")
    assert caught.value.code == "appeal_not_assigned"

    assigned = assign_appeals(db, seed=7, actor="TB")
    assert assigned.round == APPEAL_FIRST_ROUND and assigned.two == (code,)
    appeal_judges = set(_judges(db, code, APPEAL_FIRST_ROUND))
    assert len(appeal_judges) == 2 and not appeal_judges & earlier
    assert "TB" not in appeal_judges

    _appeal_graded(db, code, "8.75", "8.75")  # result 8.75: +0.75 from 8
    # The appeal gradings never count as a third grading of the main round.
    (row,) = settle_entries(db, [code])
    assert row.rule == "mean_of_two" and row.final == Points(800)
    assert len(row.gradings) == 2

    with pytest.raises(JudgeAppError) as caught:
        settle_appeal(db, code, actor="TB")
    error = caught.value
    assert error.code == "appeal_dialogue_required"
    assert "--dialogue-record" in describe(error, "en") and "đối thoại" in describe(error, "vi")
    assert _final(db, code) == Points(800)

    done = settle_appeal(
        db, code, dialogue="Đối thoại ngày 5/9: hai bên thống nhất điểm 8,75", actor="TB"
    )
    assert done.appeal.state is AppealState.SETTLED and done.appeal.changed
    assert done.appeal.new_final == Points(875) and done.relocked
    assert lock_state(db).final and lock_state(db).digest != first_digest
    assert _final(db, code) == Points(875)
    with db.read_session() as session:
        decision = session.scalars(select(Decision).order_by(Decision.id.desc())).first()
        assert decision is not None and decision.kind == "appeal"
        assert "8,75" in decision.reason and "Đối thoại" in decision.reason
    (settled,) = _audit(db, "appeal.settle")
    history = json.loads(settled.after or "{}")
    assert history["original"] == 800 and history["new_final"] == 875  # hundredths
    assert [g["total"] for g in history["gradings"]] == [875, 875]
    assert history["dialogue"].startswith("Đối thoại")
    results = compute_results(db)
    ranked = {row.code: row.final for rows in results.rankings.values() for row in rows}
    assert ranked[code] == Points(875)
    assert verify(db).ok


def test_an_appeal_under_a_quarter_keeps_the_score_and_the_digest(db: ContestDatabase) -> None:
    codes = _locked_demo(db)
    code = codes[2]  # final 7.5
    digest = lock_state(db).digest
    request_appeal(db, code, reason="Đề nghị phúc khảo", actor="TB")
    assign_appeals(db, seed=3, actor="TB")
    _appeal_graded(db, code, "7.5", "7.75")  # mean 7.63: +0.13 < 0.25
    done = settle_appeal(db, code, actor="TB")
    assert not done.appeal.changed and done.appeal.result == Points(763)
    assert done.appeal.new_final == Points(750)
    assert _final(db, code) == Points(750)
    assert lock_state(db).digest == digest and lock_state(db).final
    with db.read_session() as session:
        assert session.scalars(select(Decision)).first() is None


def test_a_quarter_change_needs_no_dialogue(db: ContestDatabase) -> None:
    codes = _locked_demo(db)
    code = codes[1]  # final 7.75
    request_appeal(db, code, reason="Đề nghị phúc khảo", actor="TB")
    assign_appeals(db, seed=3, actor="TB")
    _appeal_graded(db, code, "7.25", "7.5")  # mean 7.38: −0.37, between 0.25 and 0.5
    done = settle_appeal(db, code, actor="TB")
    assert done.appeal.changed and _final(db, code) == Points(738)


def test_two_differing_appeal_judges_call_a_third(db: ContestDatabase) -> None:
    codes = _locked_demo(db)
    code, other = codes[0], codes[3]
    request_appeal(db, code, reason="Đề nghị phúc khảo", actor="TB")
    request_appeal(db, other, reason="Đề nghị phúc khảo", actor="TB")
    assign_appeals(db, seed=5, actor="TB")
    first_two = _appeal_graded(db, code, "6.5", "8")  # 1.5 apart
    (appeal,) = [a for a in list_appeals(db) if a.code == code]
    assert appeal.state is AppealState.THIRD_NEEDED
    with pytest.raises(JudgeAppError) as caught:
        settle_appeal(db, code, actor="TB")
    assert caught.value.code == "appeal_third_needed"
    again = assign_appeals(db, seed=5, actor="TB")
    assert again.round == APPEAL_FIRST_ROUND + 1 and again.third == (code,) and not again.two
    (third,) = _judges(db, code, APPEAL_FIRST_ROUND + 1)
    assert third not in first_two and third not in _judges(db, code, 1)
    _appeal_graded(db, code, "8")
    # The main rule still sees two gradings; the settlement of the entry is unchanged.
    (row,) = settle_entries(db, [code])
    assert row.queue is Queue.AGREED and len(row.gradings) == 2
    done = settle_appeal(db, code, dialogue="Biên bản đối thoại số 2", actor="TB")
    assert done.appeal.rule == "two_equal_of_three" and done.appeal.new_final == Points(800)
    assert not done.appeal.changed  # 8 is the original: kept
    # Another appeal is still open: no new lock yet, and the message says so.
    assert not done.relocked and done.still_open == (other,)
    assert not lock_state(db).final


def test_a_lock_during_an_appeal_freezes_it_until_it_is_requested_again(
    db: ContestDatabase,
) -> None:
    code = _locked_demo(db)[4]  # final 7
    request_appeal(db, code, reason="Đề nghị phúc khảo", actor="TB")
    assign_appeals(db, seed=1, actor="TB")
    _appeal_graded(db, code, "7.25", "7.5")  # merged: mean 7.38
    lock_results(db, actor="TB")  # the board locks again before the appeal is settled
    with pytest.raises(JudgeAppError) as caught:
        settle_appeal(db, code, actor="TB")
    assert caught.value.code == "appeal_entry_frozen"
    again = request_appeal(db, code, reason="Mở lại để kết thúc phúc khảo", actor="TB")
    assert again.number == 1 and again.state is AppealState.READY
    done = settle_appeal(db, code, actor="TB")
    assert done.appeal.changed and _final(db, code) == Points(738) and done.relocked
    assert len(list_appeals(db)) == 1


def test_an_invalid_entry_cannot_be_appealed_and_nothing_before_the_lock(
    db: ContestDatabase,
) -> None:
    code = _codes(db)[0]
    with pytest.raises(JudgeAppError) as caught:
        request_appeal(db, code, reason="x", actor="TB")
    assert caught.value.code == "appeal_results_not_locked"


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    add_commands(sub)
    args = parser.parse_args(argv)
    result: int = args.handler(args, "en")
    return result


def test_the_commands(db: ContestDatabase, capsys: pytest.CaptureFixture[str]) -> None:
    code = _locked_demo(db)[0]
    path = str(db.path)
    assert _run(["appeal", "request", path, code, "--reason", "Đề nghị"]) == 0
    assert "Appeal 1 of entry" in capsys.readouterr().out
    assert _run(["appeal", "assign", path, "--seed", "2"]) == 0
    assert f"--round {APPEAL_FIRST_ROUND}" in capsys.readouterr().out
    _appeal_graded(db, code, "9", "9")
    with pytest.raises(JudgeAppError) as caught:
        _run(["appeal", "settle", path, code])
    assert caught.value.code == "appeal_dialogue_required"
    assert _run(["appeal", "settle", path, code, "--dialogue-record", "Đã đối thoại"]) == 0
    out = capsys.readouterr().out
    assert "changes from 8 to 9" in out and "locked again" in out
    assert _run(["appeal", "list", path, "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["state"] == "settled" and listed["new_final"] == "9"
    assert [g["total"] for g in listed["gradings"]] == ["9", "9"]
    assert _run(["appeal", "list", path]) == 0
    assert code in capsys.readouterr().out

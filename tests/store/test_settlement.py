"""The discrepancy rule applied to a contest file: queues, decisions, third gradings."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from judge_app.cli import main
from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.store.models import (
    Assignment,
    AuditRow,
    Criterion,
    Entry,
    Grading,
    GradingStatus,
    Judge,
)
from judge_app.store.settlement import (
    DecisionKind,
    Queue,
    record_decision,
    settle_entries,
    third_grading_codes,
)

# HIEU 3, VIDU 3, BOCUC 1.5, TRINHBAY 0.5, SANGTAO 1 in the demo rubric (+ 4 × 0.25 choices)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("settle-home")))
    try:
        root = tmp_path_factory.mktemp("settle") / "demo"
        yield build_demo_contest(root).path
    finally:
        mp.undo()


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Iterator[ContestDatabase]:
    target = tmp_path / "contest.sqlite"
    shutil.copy(demo_file, target)
    with open_contest_file(target) as opened:
        yield opened


def _pairs(db: ContestDatabase) -> list[tuple[str, list[str]]]:
    """Entries with their two round-1 judges."""
    with db.read_session() as session:
        rows = session.execute(
            select(Entry.code, Judge.code)
            .join(Assignment, Assignment.entry_id == Entry.id)
            .join(Judge, Judge.id == Assignment.judge_id)
            .where(Assignment.round == 1)
            .order_by(Entry.code, Judge.code)
        ).all()
    found: dict[str, list[str]] = {}
    for entry, judge in rows:
        found.setdefault(entry, []).append(judge)
    return sorted(found.items())


def _grade(
    db: ContestDatabase,
    entry: str,
    judge: str,
    scores: list[str],
    *,
    round_: int = 1,
    submitted: bool = True,
) -> None:
    with db.session() as session, session.begin():
        entry_id = session.scalars(select(Entry.id).where(Entry.code == entry)).one()
        judge_id = session.scalars(select(Judge.id).where(Judge.code == judge)).one()
        criteria = session.scalars(select(Criterion).order_by(Criterion.sort)).all()
        grading = Grading(
            entry_id=entry_id,
            judge_id=judge_id,
            round=round_,
            status=GradingStatus.SUBMITTED if submitted else GradingStatus.DRAFT,
        )
        session.add(grading)
        session.flush()
        grading.scores = {
            criterion.id: Points.parse(text)
            for criterion, text in zip(criteria, scores, strict=True)
        }


def _one(db: ContestDatabase, code: str) -> object:
    (row,) = settle_entries(db, [code])
    return row


def test_two_close_gradings_agree_at_the_mean(db: ContestDatabase) -> None:
    (code, (a, b)), *_ = _pairs(db)
    _grade(db, code, a, ["2.5", "2.5", "1", "0.5", "0.5"])  # 7
    _grade(db, code, b, ["2.5", "2.75", "1", "0.5", "0.75"])  # 7.5
    row = _one(db, code)
    assert row.queue is Queue.AGREED  # type: ignore[attr-defined]
    assert row.final == Points(725)  # type: ignore[attr-defined]
    assert row.gap == Points(50)  # type: ignore[attr-defined]


def test_a_draft_does_not_count(db: ContestDatabase) -> None:
    (code, (a, b)), *_ = _pairs(db)
    _grade(db, code, a, ["2.5", "2.5", "1", "0.5", "0.5"])
    _grade(db, code, b, ["2.5", "2.5", "1", "0.5", "0.5"], submitted=False)
    assert _one(db, code).queue is Queue.WAITING  # type: ignore[attr-defined]


def test_a_discussed_gap_needs_a_recorded_outcome(db: ContestDatabase) -> None:
    (code, (a, b)), *_ = _pairs(db)
    _grade(db, code, a, ["2", "2", "1", "0.5", "0.5"])  # 6
    _grade(db, code, b, ["2.5", "2.5", "1.25", "0.5", "0.5"])  # 7.25: gap 1.25
    assert _one(db, code).queue is Queue.DISCUSS  # type: ignore[attr-defined]
    with pytest.raises(JudgeAppError) as caught:
        record_decision(
            db, code, kind=DecisionKind.DISCUSSED, score=Points(650), reason=" ", actor="TB"
        )
    assert caught.value.code == "decision_reason_required"
    settled = record_decision(
        db,
        code,
        kind=DecisionKind.DISCUSSED,
        score=Points(675),
        reason="Hai giám khảo thống nhất sau trao đổi",
        actor="TB",
    )
    assert settled.queue is Queue.DECIDED and settled.final == Points(675)
    with db.read_session() as session:
        row = session.scalars(select(AuditRow).order_by(AuditRow.id.desc())).first()
        assert row is not None and row.action == "score.decide"
    assert verify(db).ok


def test_a_wide_gap_goes_to_a_third_judge_then_the_rule_of_three(db: ContestDatabase) -> None:
    (code, (a, b)), *_ = _pairs(db)
    _grade(db, code, a, ["1.5", "1.5", "1", "0.5", "0.5"])  # 5
    _grade(db, code, b, ["2.5", "2.5", "1", "0.5", "0.5"])  # 7: gap 2.0
    assert _one(db, code).queue is Queue.THIRD  # type: ignore[attr-defined]
    assert code in third_grading_codes(db)
    with db.session() as session, session.begin():
        third = session.scalars(
            select(Judge).where(Judge.is_head.is_(False), Judge.code.not_in([a, b]))
        ).first()
        assert third is not None
        entry_id = session.scalars(select(Entry.id).where(Entry.code == code)).one()
        session.add(Assignment(entry_id=entry_id, judge_id=third.id, round=3))
        third_code = third.code
    assert _one(db, code).queue is Queue.THIRD_ASSIGNED  # type: ignore[attr-defined]
    _grade(db, code, third_code, ["2", "2", "1", "0.5", "0.5"], round_=3)  # 6
    row = _one(db, code)
    assert row.queue is Queue.AGREED  # type: ignore[attr-defined]
    assert row.final == Points(600)  # type: ignore[attr-defined]  # mean of 5, 7, 6
    assert row.rule == "mean_of_three"  # type: ignore[attr-defined]


def test_a_gap_in_one_criterion_only_is_discussed(db: ContestDatabase) -> None:
    (code, (a, b)), *_ = _pairs(db)
    _grade(db, code, a, ["3", "2", "1", "0.5", "0.5"])  # 7
    _grade(db, code, b, ["2", "3", "1", "0.5", "0.5"])  # 7, but HIEU and VIDU differ by 1.0
    row = _one(db, code)
    assert row.queue is Queue.DISCUSS  # type: ignore[attr-defined]
    assert ("HIEU", Points(100)) in row.gaps  # type: ignore[attr-defined]


def test_an_invalid_entry_is_listed_with_its_reason(db: ContestDatabase) -> None:
    (code, _), *_ = _pairs(db)
    row = record_decision(
        db, code, kind=DecisionKind.INVALID, score=None, reason="Bài ghi tên trường", actor="TB"
    )
    assert row.queue is Queue.INVALID and row.decision == "Bài ghi tên trường"


def test_cli_queue_list_and_decide(db: ContestDatabase, capsys: pytest.CaptureFixture[str]) -> None:
    (code, (a, b)), *_ = _pairs(db)
    _grade(db, code, a, ["1.5", "1.5", "1", "0.5", "0.5"])
    _grade(db, code, b, ["2", "2.25", "1", "0.5", "0.5"])  # gap 1.25
    path = db.path
    db.close()
    assert main(["queue", "list", str(path), "--json", "--queue", "discuss"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [row["code"] for row in listed] == [code]
    assert listed[0]["gaps"]["total"] == "1.25"
    assert (
        main(
            [
                "decide",
                str(path),
                code,
                "--score",
                "5,75",
                "--kind",
                "discussed",
                "--reason",
                "Đã trao đổi",
            ]
        )
        == 0
    )
    assert "5,75" in capsys.readouterr().out
    assert main(["--lang", "en", "decide", str(path), code, "--score", "11", "--reason", "x"]) == 2
    assert "not valid" in capsys.readouterr().err


def test_cli_assigns_a_third_judge_who_has_not_graded_the_entry(
    db: ContestDatabase, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.read_session() as session:
        judge_units = dict(
            session.execute(select(Judge.code, Judge.unit_id).where(Judge.is_head.is_(False))).all()
        )
        entry_units = dict(session.execute(select(Entry.code, Entry.unit_id)).all())
    # an entry whose remaining grader is not from its own unit (else no one may grade it)
    code, (a, b) = next(
        (code, pair)
        for code, pair in _pairs(db)
        if all(judge_units[j] != entry_units[code] for j in set(judge_units) - set(pair))
    )
    _grade(db, code, a, ["1.5", "1.5", "1", "0.5", "0.5"])
    _grade(db, code, b, ["2.5", "2.5", "1", "0.5", "0.5"])  # gap 2.0
    path = db.path
    db.close()
    assert main(["--lang", "en", "assign", str(path), "--third", "--seed", "7"]) == 0
    assert "third grading for 1 entries" in capsys.readouterr().out
    with open_contest_file(path) as reopened:
        with reopened.read_session() as session:
            third = session.scalars(
                select(Judge.code)
                .join(Assignment, Assignment.judge_id == Judge.id)
                .join(Entry, Entry.id == Assignment.entry_id)
                .where(Entry.code == code, Assignment.round == 3)
            ).all()
        assert len(third) == 1 and third[0] not in {a, b}
        (row,) = settle_entries(reopened, [code])
        assert row.queue is Queue.THIRD_ASSIGNED
    assert main(["--lang", "en", "assign", str(path), "--third"]) == 0
    assert "No entry needs a third grading" in capsys.readouterr().out


def test_a_whole_contest_settles_as_the_rule_settles_each_entry(tmp_path: Path) -> None:
    """The whole-contest pass remembers outcomes by totals and criterion gaps; each entry must
    still get exactly what the pure rule gives it on its own (queue, final, exact, gaps)."""
    from stats_helpers import build_graded_contest

    from judge_app.core.discrepancy import Thresholds, settle_two
    from judge_app.store.models import Contest, Grading, GradingStatus, Question

    built = build_graded_contest(tmp_path / "many.sqlite", entries=600, judges=6, noise=90)
    with open_contest_file(built.path) as db:
        settled = {row.code: row for row in settle_entries(db)}
        # A few entries (a decision on one) read only their own rows, and settle the same.
        few = [*sorted(settled)[::97], "NO-SUCH-CODE"]
        assert settle_entries(db, few) == [settled[code] for code in few if code in settled]
        assert settle_entries(db, []) == []
        with db.read_session() as session:
            contest = session.scalars(select(Contest)).one()
            codes = {c.id: c.code for c in session.scalars(select(Criterion))}
            key = {q.id: (q.answer, q.points) for q in session.scalars(select(Question))}
            thresholds = Thresholds(
                contest.agree_below,
                contest.discuss_upto,
                contest.third_mean_upto,
                contest.per_criterion_rule,
            )
            gradings: dict[str, list[Grading]] = {}
            for grading in session.scalars(
                select(Grading).where(Grading.status == GradingStatus.SUBMITTED)
            ):
                gradings.setdefault(grading.entry.code, []).append(grading)
            queues = set()
            for code, pair in gradings.items():
                pair.sort(key=lambda g: (g.round, g.submitted_at))
                totals = tuple(
                    sum(g.scores.values(), Points(0))
                    + sum(
                        (key[q][1] for q, chosen in g.answers.items() if chosen == key[q][0]),
                        Points(0),
                    )
                    for g in pair
                )
                first, second = pair
                criteria = sorted(
                    (codes[cid], first.scores[cid], second.scores[cid])
                    for cid in first.scores
                    if cid in second.scores
                )
                expected = settle_two(
                    (totals[0], totals[1]),
                    criteria,
                    thresholds=thresholds,
                    max_total=contest.max_total,
                    rounding=contest.rounding,
                )
                got = settled[code]
                assert [t.total for t in got.gradings] == list(totals), code
                assert got.gaps == tuple((p.part, p.gap) for p in expected.parts), code
                assert (got.final, got.exact) == (expected.final, expected.exact), code
                queues.add(got.queue)
    assert {Queue.AGREED, Queue.DISCUSS, Queue.THIRD} <= queues  # every branch was exercised

"""Results on the demo contest: lock, rankings, prizes with ties, the under-18 prize, quality,
school ranking, decisions refused after the lock, the commands."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, update

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.store.models import (
    AuditRow,
    Contest,
    Criterion,
    Entry,
    Grading,
    GradingStatus,
    IdentityRecord,
    Judge,
    Participant,
)
from judge_app.store.results import (
    POOLED,
    compute_results,
    is_locked,
    lock_results,
    settle_tie,
    unlock_for_appeal,
)
from judge_app.store.results_cli import add_commands
from judge_app.store.settlement import DecisionKind, record_decision

# The demo rubric's criteria, in order, with their maxima: 3 + 3 + 1.5 + 0.5 + 1 = 9 (the
# multiple-choice part is left unanswered here, so a total is the criteria's sum).
MAXIMA = (300, 300, 150, 50, 100)
REFERENCE = dt.date(2019, 8, 20)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("results-home")))
    try:
        root = tmp_path_factory.mktemp("results") / "demo"
        yield build_demo_contest(root, packages=False).path
    finally:
        mp.undo()


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Iterator[ContestDatabase]:
    target = tmp_path / "contest.sqlite"
    shutil.copy(demo_file, target)
    with open_contest_file(target) as opened:
        yield opened


def _codes(db: ContestDatabase) -> list[str]:
    with db.read_session() as session:
        return list(session.scalars(select(Entry.code).order_by(Entry.code)))


def _split(total: str) -> list[Points]:
    """Criterion scores summing to `total` (filled from the first criterion on)."""
    left = Points.parse(total).centi
    out = []
    for maximum in MAXIMA:
        take = min(left, maximum)
        out.append(Points(take))
        left -= take
    assert left == 0, total
    return out


def _grade(db: ContestDatabase, code: str, *totals: str) -> None:
    """Submitted gradings by GK1, GK2 (and GK3) with these totals."""
    with db.session() as session, session.begin():
        entry_id = session.scalars(select(Entry.id).where(Entry.code == code)).one()
        criteria = session.scalars(select(Criterion).order_by(Criterion.sort)).all()
        for number, total in enumerate(totals, start=1):
            judge_id = session.scalars(select(Judge.id).where(Judge.code == f"GK{number}")).one()
            grading = Grading(
                entry_id=entry_id,
                judge_id=judge_id,
                round=1 if number < 3 else 3,
                status=GradingStatus.SUBMITTED,
                submitted_at=dt.datetime(2019, 9, 1, 8, number),
            )
            session.add(grading)
            session.flush()
            grading.scores = {
                criterion.id: points
                for criterion, points in zip(criteria, _split(total), strict=True)
            }


def _score(i: int) -> str:
    return str(Decimal(900 - 25 * i) / 100)


def _grade_all(db: ContestDatabase, skip: tuple[str, ...] = (), **given: tuple[str, ...]) -> None:
    """Every entry graded by two agreeing judges: entry i (by code) gets 9 − 0.25 i, unless
    `given` names its totals."""
    for i, code in enumerate(_codes(db)):
        if code in skip:
            continue
        totals = given.get(code, (_score(i), _score(i)))
        _grade(db, code, *totals)


def _error(excinfo: pytest.ExceptionInfo[JudgeAppError]) -> JudgeAppError:
    return excinfo.value


def _set_birth(db: ContestDatabase, code: str, birth: dt.date) -> None:
    with db.session() as session, session.begin():
        participant_id = session.scalars(
            select(IdentityRecord.participant_id)
            .join(Entry, Entry.id == IdentityRecord.entry_id)
            .where(Entry.code == code)
        ).one()
        session.execute(
            update(Participant).where(Participant.id == participant_id).values(birth_date=birth)
        )


def _settings(db: ContestDatabase, settings: dict[str, object]) -> None:
    with db.session() as session, session.begin():
        session.execute(update(Contest).values(settings=json.dumps(settings)))


def _audit(db: ContestDatabase, action: str) -> list[AuditRow]:
    with db.read_session() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action)))


# ---------------------------------------------------------------------------------------------


def test_results_are_refused_before_the_lock(db: ContestDatabase) -> None:
    _grade_all(db)
    with pytest.raises(JudgeAppError) as excinfo:
        compute_results(db)
    assert _error(excinfo).code == "results_not_locked"
    assert "chưa được khoá" in describe(_error(excinfo), "vi")
    assert not is_locked(db)


def test_the_lock_is_refused_while_entries_are_unsettled(db: ContestDatabase) -> None:
    first, second, *_ = _codes(db)
    _grade_all(db, skip=(first,), **{second: ("7", "8.25")})  # a 1.25 gap: discuss
    with pytest.raises(JudgeAppError) as excinfo:
        lock_results(db, actor="TB")
    error = _error(excinfo)
    assert error.code == "results_lock_unsettled"
    assert error.params["count"] == 2
    assert error.params["queues"] == "discuss 1, waiting 1"
    assert first in error.params["entries"] and second in error.params["entries"]
    assert first in describe(error, "en")
    assert not _audit(db, "results.lock") and not is_locked(db)
    # Settled, the lock goes through.
    _grade(db, first, "5", "5")
    record_decision(
        db,
        second,
        kind=DecisionKind.DISCUSSED,
        score=Points(775),
        reason="Hai GK thống nhất",
        actor="TB",
    )
    digest = lock_results(db, actor="TB")
    assert is_locked(db)
    (row,) = _audit(db, "results.lock")
    assert json.loads(row.after or "{}")["digest"] == digest
    assert verify(db).ok
    with pytest.raises(JudgeAppError) as excinfo:
        lock_results(db, actor="TB")
    assert _error(excinfo).code == "results_already_locked"


def test_rankings_prizes_quality_and_units_of_the_locked_demo(db: ContestDatabase) -> None:
    codes = _codes(db)
    _grade_all(db)
    record_decision(
        db,
        codes[5],
        kind=DecisionKind.INVALID,
        score=None,
        reason="Bài chép lại tài liệu",
        actor="TB",
    )
    lock_results(db, actor="TB")
    results = compute_results(db)
    assert results.locked and results.revealed and results.pooled
    assert results.invalid[0].code == codes[5]
    assert results.invalid[0].reason == "Bài chép lại tài liệu"
    pooled = results.rankings[POOLED]
    assert len(pooled) == 26 == results.ranked_entries
    assert codes[5] not in {row.code for row in pooled}
    assert [row.code for row in pooled[:3]] == codes[:3]
    assert [row.rank for row in pooled[:7]] == [1, 2, 3, 4, 5, 6, 7]
    assert pooled[0].final == Points(900) and pooled[0].exact == Decimal("9")
    # 26 entrants for 3 + 6 + 9 + 12 places: every one wins, the last level is short.
    held = [row.prize for row in pooled]
    assert held.count("first") == 3 and held.count("second") == 6
    assert held.count("third") == 9 and held.count("consolation") == 8
    assert results.ties == [] and not results.unsettled
    # Every category has its own ranking, rank within the category.
    assert set(results.categories) == {"staff", "g6", "g7", "g8", "g9"}
    assert sum(len(results.rankings[c]) for c in results.categories) == 26
    for code in results.categories:
        assert [row.rank for row in results.rankings[code]] == list(
            range(1, len(results.rankings[code]) + 1)
        )
    # Identities are in clear in the demo: names and units are shown.
    assert all(row.participant and row.unit_code for row in pooled)
    # Quality: threshold 8 → 9, 8.75, 8.5, 8.25, 8 (entries 0–4).
    assert results.quality_threshold == Points(800)
    assert [row.quality for row in pooled[:6]] == [True] * 5 + [False]
    assert results.quality_entries == 5
    assert results.quality_overall == Decimal("0.1923")  # 5 / 26
    assert results.quality_target_percent == 10
    # Units: participation over the set-up's headcounts (staff + pupils of grades 6–9).
    kd = next(u for u in results.units if u.unit_code == "THCS-KD")
    assert kd.headcount == 62 + 310 + 295 + 288 + 276
    assert kd.participation == (Decimal(kd.entries) / kd.headcount).quantize(Decimal("1e-4"))
    assert kd.group == "school" and kd.unit_name == "Trường THCS Khương Đình"
    assert sum(u.entries for u in results.units) == 26
    assert [u.rank for u in results.units] == sorted(u.rank for u in results.units)
    assert [u.prize for u in results.units] == ["first", "first", "first", "second"]
    assert "Điểm đơn vị" in results.formula and "tỉ lệ tham gia" in results.formula


def test_decisions_are_refused_after_the_lock_until_an_appeal_opens_the_entry(
    db: ContestDatabase,
) -> None:
    codes = _codes(db)
    _grade_all(db)
    lock_results(db, actor="TB")
    with pytest.raises(JudgeAppError) as excinfo:
        record_decision(
            db, codes[3], kind=DecisionKind.HEAD, score=Points(950), reason="sửa", actor="TB"
        )
    assert _error(excinfo).code == "results_locked_entry"
    with pytest.raises(JudgeAppError) as excinfo:
        unlock_for_appeal(db, codes[3], actor="TB", reason="  ")
    assert _error(excinfo).code == "results_unlock_reason_required"
    unlock_for_appeal(db, codes[3], actor="TB", reason="Đơn phúc khảo ngày 15/10/2019")
    (row,) = _audit(db, "results.unlock_appeal")
    assert row.entity_key == codes[3] and "15/10/2019" in (row.after or "")
    assert not is_locked(db)
    with pytest.raises(JudgeAppError) as excinfo:
        compute_results(db)
    assert _error(excinfo).code == "results_appeal_open"
    # Another entry stays frozen; the opened one takes the appeal's outcome.
    with pytest.raises(JudgeAppError):
        record_decision(
            db, codes[4], kind=DecisionKind.HEAD, score=Points(950), reason="sửa", actor="TB"
        )
    record_decision(
        db,
        codes[3],
        kind=DecisionKind.HEAD,
        score=Points(950),
        reason="Kết quả phúc khảo",
        actor="TB",
    )
    lock_results(db, actor="TB")  # a new lock after the appeal
    assert len(_audit(db, "results.lock")) == 2
    results = compute_results(db)
    assert results.rankings[POOLED][0].code == codes[3]
    assert results.rankings[POOLED][0].final == Points(950)
    with pytest.raises(JudgeAppError):
        record_decision(
            db, codes[3], kind=DecisionKind.HEAD, score=Points(100), reason="x", actor="TB"
        )


def test_a_change_behind_the_locks_back_is_caught(db: ContestDatabase) -> None:
    _grade_all(db)
    lock_results(db, actor="TB")
    with db.session() as session, session.begin():
        grading = session.scalars(select(Grading).limit(1)).one()
        grading.scores = dict.fromkeys(grading.scores, Points(0))
    with pytest.raises(JudgeAppError) as excinfo:
        compute_results(db)
    assert _error(excinfo).code == "results_changed_since_lock"


def _same_receipt_pair(db: ContestDatabase) -> tuple[str, str]:
    """Two entries received in the same e-mail (same moment): the tie rule cannot part them."""
    with db.read_session() as session:
        rows = session.execute(select(Entry.code, Entry.received_at).order_by(Entry.code)).all()
    seen: dict[object, str] = {}
    for code, received in rows:
        if received in seen:
            return seen[received], code
        seen[received] = code
    raise AssertionError("the demo has no two entries of one e-mail")


def test_a_tie_at_the_first_prize_boundary_waits_for_the_board(db: ContestDatabase) -> None:
    x, y = _same_receipt_pair(db)
    others = [code for code in _codes(db) if code not in (x, y)]
    given = {code: (_score(i), _score(i)) for i, code in enumerate(others)}  # 9, 8.75, …
    given[others[2]] = ("9", "9")  # two entries at 9 (rank 1): one first place is left
    given[x] = given[y] = ("8.75", "8.75")  # three at 8.75 (rank 3) for that one place
    given[others[1]] = ("8.5", "9")  # mean 8.75 too, but its lowest judge gave 8.5
    for code, totals in given.items():
        _grade(db, code, *totals)
    lock_results(db, actor="TB")
    results = compute_results(db)
    (tie,) = results.ties
    assert tie.key == "all/3" and tie.category == POOLED and not tie.settled
    assert tie.level == "first/second" and set(tie.codes) == {x, y, others[1]}
    assert tie.order[2] == others[1]  # the rule puts it last: it gets second
    by_code = {row.code: row for row in results.rankings[POOLED]}
    assert by_code[others[1]].prize == "second" and not by_code[others[1]].pending
    assert by_code[x].pending and by_code[x].prize is None  # never broken silently
    assert by_code[y].pending and by_code[x].rank == by_code[y].rank == 3
    assert [row.prize for row in results.rankings[POOLED]].count("first") == 2
    # The board decides, with a reason; wrong orders are refused.
    with pytest.raises(JudgeAppError) as excinfo:
        settle_tie(db, "all/3", [x, y, others[1]], reason="", actor="TB")
    assert _error(excinfo).code == "tie_reason_required"
    with pytest.raises(JudgeAppError) as excinfo:
        settle_tie(db, "all/3", [x, y], reason="r", actor="TB")
    assert _error(excinfo).code == "tie_order_mismatch"
    with pytest.raises(JudgeAppError) as excinfo:
        settle_tie(db, "all/3", [others[1], x, y], reason="r", actor="TB")
    assert _error(excinfo).code == "tie_order_against_rule"
    with pytest.raises(JudgeAppError) as excinfo:
        settle_tie(db, "all/9", [x, y], reason="r", actor="TB")
    assert _error(excinfo).code == "tie_unknown_group"
    reason = "Ban giám khảo biểu quyết: bài có hình minh hoạ phù hợp hơn"
    settled = settle_tie(db, "all/3", [y, x, others[1]], reason=reason, actor="TB")
    assert settled.settled and settled.rule_used == "board" and settled.reason == reason
    results = compute_results(db)
    by_code = {row.code: row for row in results.rankings[POOLED]}
    assert by_code[y].prize == "first" and by_code[x].prize == "second"
    assert not results.unsettled
    (row,) = _audit(db, "results.tie_settle")
    assert row.entity_key == "all/3" and reason in (row.after or "")
    assert verify(db).ok


def test_a_tie_the_rule_settles_is_shown_with_the_rule(db: ContestDatabase) -> None:
    codes = _codes(db)
    given = {code: (_score(i), _score(i)) for i, code in enumerate(codes)}
    given[codes[1]] = ("9", "9")  # two at 9: one first place left
    given[codes[2]] = ("8.5", "9")  # mean 8.75, lowest judge 8.5
    given[codes[3]] = ("8.75", "8.75")  # 8.75, lowest judge 8.75: wins the last first place
    for code, totals in given.items():
        _grade(db, code, *totals)
    lock_results(db, actor="TB")
    results = compute_results(db)
    (tie,) = results.ties
    assert tie.settled and tie.rule_used == "higher_min_judge_score"
    assert tie.key == "all/3" and tie.order == (codes[3], codes[2])
    assert tie.level == "first/second"
    by_code = {row.code: row for row in results.rankings[POOLED]}
    assert by_code[codes[3]].prize == "first" and by_code[codes[2]].prize == "second"
    assert "higher_min_judge_score" in by_code[codes[2]].tie_note


def test_the_under_18_prize_counts_a_birthday_on_the_reference_date_as_18(
    db: ContestDatabase,
) -> None:
    codes = _codes(db)
    _grade_all(db)
    with db.read_session() as session:
        assert session.scalars(select(Contest.reference_date)).one() == REFERENCE
    for code in codes:  # everyone adult, then three chosen birth dates
        _set_birth(db, code, dt.date(1990, 1, 1))
    _set_birth(db, codes[0], dt.date(2001, 8, 20))  # 18 on the reference date: not eligible
    _set_birth(db, codes[1], dt.date(2001, 8, 21))  # 17 until tomorrow: eligible
    _set_birth(db, codes[2], dt.date(2005, 4, 21))
    lock_results(db, actor="TB")
    results = compute_results(db)
    by_code = {row.code: row for row in results.rankings[POOLED]}
    assert by_code[codes[0]].prizes == ("first",)
    assert by_code[codes[1]].prizes == ("first", "excellence_u18")  # may hold both (default)
    assert by_code[codes[2]].prizes == ("first",)
    # A scheme where the excellence winner may not hold a ranked prize: the best under-18
    # entrant without one gets it.
    _settings(
        db,
        {
            "prize_scheme": {
                "individual": {
                    "levels": [{"level": "first", "count": 1}, {"level": "second", "count": 1}]
                },
                "excellence_under_18": {"may_also_hold_ranked_prize": False},
            }
        },
    )
    results = compute_results(db)
    by_code = {row.code: row for row in results.rankings[POOLED]}
    assert by_code[codes[0]].prizes == ("first",)
    assert by_code[codes[1]].prizes == ("second",)
    assert by_code[codes[2]].prizes == ("excellence_u18",)
    assert sum(1 for row in by_code.values() if row.prizes) == 3


def test_per_category_prizes_minimum_score_and_share_cap(db: ContestDatabase) -> None:
    _grade_all(db)
    lock_results(db, actor="TB")
    _settings(
        db,
        {
            "prize_scheme": {
                "individual": {
                    "per_category": True,
                    "max_share_percent": 50,
                    "levels": [
                        {"level": "first", "count": 1, "min_score": "8"},
                        {"level": "second", "count": 5, "min_score": None},
                    ],
                }
            }
        },
    )
    results = compute_results(db)
    assert not results.pooled and POOLED not in results.rankings
    for code in results.categories:
        rows = results.rankings[code]
        winners = [row for row in rows if row.prize]
        assert len(winners) <= len(rows) * 50 // 100
        cap = len(rows) * 50 // 100
        firsts = [row for row in rows if row.prize == "first"]
        seconds = [row for row in rows if row.prize == "second"]
        assert len(firsts) == (1 if cap >= 1 and rows[0].final >= Points(800) else 0)
        assert len(seconds) == min(5, cap - min(1, cap))
        assert len(winners) == len(firsts) + len(seconds)


def test_identities_stay_hidden_while_sealed(db: ContestDatabase) -> None:
    from judge_app.intake.seal import seal_identities, unseal_identities

    _grade_all(db)
    phrase = [b"mat-khau-ban-lam-phach-2019"]
    seal_identities(db, phrase, actor="BLP")
    lock_results(db, actor="TB")
    results = compute_results(db)
    assert not results.revealed
    assert all(
        row.participant is None and row.unit_code is None for row in results.rankings[POOLED]
    )
    assert "results_note_u18_sealed" in results.notes
    assert all("excellence_u18" not in row.prizes for row in results.rankings[POOLED])
    unseal_identities(db, phrase, actor="BLP")
    results = compute_results(db)
    assert results.revealed and results.rankings[POOLED][0].participant


# ---------------------------------------------------------------------------------------------
# The commands


def _run(argv: list[str], lang: str = "en") -> int:
    parser = argparse.ArgumentParser(prog="judge-app")
    sub = parser.add_subparsers(dest="command")
    add_commands(sub)
    args = parser.parse_args(argv)
    result: int = args.handler(args, lang)
    return result


def test_the_commands(db: ContestDatabase, capsys: pytest.CaptureFixture[str]) -> None:
    x, y = _same_receipt_pair(db)
    others = [code for code in _codes(db) if code not in (x, y)]
    for i, code in enumerate(others):
        _grade(db, code, _score(i), _score(i))
    _grade(db, x, "9", "9")
    _grade(db, y, "9", "9")  # shares first place with others[0]: no boundary, no tie
    path = str(db.path)
    with pytest.raises(JudgeAppError):
        _run(["results", "show", path])
    assert _run(["lock", path], "vi") == 0
    assert "Đã khoá điểm" in capsys.readouterr().out
    assert _run(["results", "show", path], "vi") == 0
    out = capsys.readouterr().out
    assert "Kết quả" in out and "Xếp hạng tập thể" in out and "Điểm đơn vị" in out
    assert _run(["results", "show", path, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["locked"] is True and data["ranked_entries"] == 27
    assert data["rankings"]["*"][0]["final"] == "9"
    assert data["units"][0]["rank"] == 1 and data["quality_overall"]
    assert _run(["appeal", "unlock", path, x, "--reason", "Đơn phúc khảo"]) == 0
    assert x in capsys.readouterr().out
    with pytest.raises(JudgeAppError) as excinfo:
        _run(["tie", "settle", path, "--group", "all/1", "--order", f"{x},{y}", "--reason", "r"])
    assert _error(excinfo).code == "results_appeal_open"


def test_the_tie_command(db: ContestDatabase, capsys: pytest.CaptureFixture[str]) -> None:
    x, y = _same_receipt_pair(db)
    others = [code for code in _codes(db) if code not in (x, y)]
    for i, code in enumerate(others):
        total = "9" if i == 1 else _score(i)  # two at 9, then x and y at 8.75 for one place
        _grade(db, code, total, total)
    _grade(db, x, "8.75", "8.75")
    _grade(db, y, "8.75", "8.75")
    path = str(db.path)
    _run(["lock", path])
    capsys.readouterr()
    _run(["results", "show", path])
    out = capsys.readouterr().out
    assert "all/3" in out and "first/second" in out
    argv = ["tie", "settle", path, "--group", "all/3", "--order", f"{y},{x}"]
    assert _run([*argv, "--reason", "Biểu quyết 5/7"], "vi") == 0
    assert f"{y}, {x}" in capsys.readouterr().out
    by_code = {row.code: row for row in compute_results(db).rankings[POOLED]}
    assert by_code[y].prize == "first" and by_code[x].prize == "second"
    assert by_code[x].tie_note == "all/3: board"


def test_school_ranking_weights_in_the_contest_configuration() -> None:
    from judge_app.intake.contest_config import parse_config, read_json, sample_config_path

    data = read_json(sample_config_path())
    config = parse_config(data)
    assert config.settings["school_ranking"]["weights"] == {
        "entries": 1,
        "participation": 1,
        "quality": 1,
    }
    data["settings"]["school_ranking"] = {"weights": {"entries": 2}}
    assert parse_config(data).settings["school_ranking"]["weights"]["entries"] == 2
    data["settings"]["school_ranking"] = {
        "weights": {"entries": 0, "participation": 0, "quality": 0}
    }
    with pytest.raises(JudgeAppError) as excinfo:
        parse_config(data)
    assert [p.field for p in excinfo.value.params["problems"]] == [
        "settings.school_ranking.weights"
    ]
    data["settings"]["school_ranking"] = {"weights": {"entries": -1, "size": 1}}
    with pytest.raises(JudgeAppError) as excinfo:
        parse_config(data)
    assert {p.field for p in excinfo.value.params["problems"]} == {
        "settings.school_ranking.weights.entries",
        "settings.school_ranking.weights.size",
    }

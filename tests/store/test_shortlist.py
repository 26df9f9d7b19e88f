"""Shortlists after a screening round and finalists for the next tier, on the demo contest: the
cut with ties at the boundary kept and reported, the main round on the shortlist only, the cut
entries settled as not ranked, and the finalists' package exported and imported elsewhere."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, update

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.intake.assign import assign_round
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, create_contest_file, open_contest_file
from judge_app.store.models import (
    Assignment,
    Category,
    CategoryKind,
    Contest,
    Criterion,
    Entry,
    EntryFile,
    Grading,
    GradingStatus,
    IdentityRecord,
    Judge,
    Participant,
)
from judge_app.store.results import compute_results, lock_results
from judge_app.store.settlement import Queue, settle_entries
from judge_app.store.shortlist import (
    Candidate,
    assign_shortlist,
    cut,
    cut_shortlist,
    export_finalists,
    import_finalists,
    read_shortlist,
)
from judge_app.store.shortlist_cli import add_commands

MAXIMA = (300, 300, 150, 50, 100)


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("shortlist-home")))
    try:
        root = tmp_path_factory.mktemp("shortlist") / "demo"
        build_demo_contest(root, packages=False)
        yield root
    finally:
        mp.undo()


@pytest.fixture
def db(demo_root: Path, tmp_path: Path) -> Iterator[ContestDatabase]:
    """A copy of the whole demo folder (the entry files live beside the contest file)."""
    target = tmp_path / "demo"
    shutil.copytree(demo_root, target)
    with open_contest_file(target / "contest.sqlite") as opened:
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


def _judges_of(db: ContestDatabase, round_: int) -> dict[str, list[str]]:
    with db.read_session() as session:
        rows = session.execute(
            select(Entry.code, Judge.code)
            .join(Assignment, Assignment.entry_id == Entry.id)
            .join(Judge, Judge.id == Assignment.judge_id)
            .where(Assignment.round == round_)
        ).all()
    found: dict[str, list[str]] = {}
    for entry, judge in rows:
        found.setdefault(entry, []).append(judge)
    return found


def _by_category(db: ContestDatabase) -> dict[str, list[str]]:
    with db.read_session() as session:
        rows = session.execute(
            select(Category.code, Entry.code)
            .join(Entry, Entry.category_id == Category.id)
            .order_by(Category.code, Entry.code)
        ).all()
    found: dict[str, list[str]] = {}
    for category, code in rows:
        found.setdefault(category, []).append(code)
    return found


def _screening_on(db: ContestDatabase) -> None:
    with db.session() as session, session.begin():
        session.execute(
            update(Contest).values(settings=json.dumps({"rounds": {"screening": True}}))
        )


def _screened(db: ContestDatabase) -> dict[str, str]:
    """Round 1 as a one-judge screening round; entry i of each category scores 8 − 0.5 i, except
    the third of the largest category, equal to the second (a tie at a top-2 cut)."""
    _screening_on(db)
    assign_round(db, 1, 1, seed=4, actor="TB")
    judges = _judges_of(db, 1)
    scores: dict[str, str] = {}
    groups = _by_category(db)
    largest = max(groups, key=lambda c: len(groups[c]))
    for category, codes in groups.items():
        for i, code in enumerate(codes):
            points = Points(800 - 50 * i)
            if category == largest and i == 2:
                points = Points(750)
            scores[code] = str(points)
            (judge,) = judges[code]
            _grade(db, code, judge, 1, scores[code])
    return scores


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    add_commands(sub)
    args = parser.parse_args(argv)
    result: int = args.handler(args, "en")
    return result


# ---------------------------------------------------------------------------------------------


def test_the_cut_keeps_every_tie_at_the_boundary() -> None:
    def c(code: str, category: str, score: str) -> Candidate:
        return Candidate(code, category, Decimal(score), Points.parse(score))

    items = [
        c("A1", "g6", "9"),
        c("A2", "g6", "8.5"),
        c("A3", "g6", "8.5"),
        c("A4", "g6", "7"),
        c("B1", "g7", "6"),
        c("B2", "g7", "5"),
        c("B3", "g7", "4"),
    ]
    per = cut(items, top=2, per_category=True)
    assert per.kept == ("A1", "A2", "A3", "B1", "B2")
    assert per.out == ("A4", "B3")
    (tie,) = per.ties
    assert tie.group == "g6" and tie.codes == ("A2", "A3") and tie.score == Decimal("8.5")
    overall = cut(items, top=3)
    assert overall.kept == ("A1", "A2", "A3") and not overall.ties
    above = cut(items, min_score=Points(600))
    assert above.kept == ("A1", "A2", "A3", "A4", "B1") and not above.ties
    few = cut(items, top=5, per_category=True)  # fewer entries than places: all kept
    assert set(few.kept) == {i.code for i in items} and not few.out


def test_a_shortlist_cut_per_category_feeds_the_main_round(
    db: ContestDatabase, capsys: pytest.CaptureFixture[str]
) -> None:
    scores = _screened(db)
    groups = _by_category(db)
    largest = max(groups, key=lambda c: len(groups[c]))
    made = cut_shortlist(db, round_=1, top=2, per_category=True, actor="TB")
    # Two per category, and the tie at place 2 of the largest category kept whole.
    expected = {code for codes in groups.values() for code in codes[:2]} | {groups[largest][2]}
    assert set(made.kept) == expected
    (tie,) = made.ties
    assert tie.group == largest and set(tie.codes) == set(groups[largest][1:3])
    assert made.scores[groups[largest][2]] == Points(750)
    assert read_shortlist(db) == made

    # The cut entries are settled as not ranked, with the reason; the kept wait for grading.
    rows = {row.code: row for row in settle_entries(db)}
    out = sorted(set(scores) - expected)
    assert out and all(rows[code].queue is Queue.INVALID for code in out)
    assert rows[out[0]].rule == "shortlist" and "sơ khảo" in rows[out[0]].decision
    assert all(rows[code].queue is Queue.WAITING and not rows[code].gradings for code in expected)

    # The main round: only the shortlisted entries get judges.
    round_, count = assign_shortlist(db, 2, 2, seed=9, actor="TB")
    assert (round_, count) == (2, len(expected))
    main = _judges_of(db, 2)
    assert set(main) == expected and all(len(j) == 2 for j in main.values())
    for code, judges in main.items():
        for judge in judges:
            _grade(db, code, judge, 2, "6")
    rows = {row.code: row for row in settle_entries(db)}
    assert all(rows[code].queue is Queue.AGREED and len(rows[code].gradings) == 2 for code in main)
    # With main gradings in, the cut can no longer be redone.
    with pytest.raises(JudgeAppError) as caught:
        cut_shortlist(db, round_=1, top=3, actor="TB")
    assert caught.value.code == "shortlist_main_started"
    lock_results(db, actor="TB")
    results = compute_results(db)
    assert {item.code for item in results.invalid} == set(out)
    assert verify(db).ok

    assert _run(["shortlist", "list", str(db.path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert set(listed["kept"]) == expected and listed["ties"][0]["group"] == largest


def test_the_cut_is_refused_without_a_screening_round_or_with_ungraded_entries(
    db: ContestDatabase,
) -> None:
    with pytest.raises(JudgeAppError) as caught:
        cut_shortlist(db, top=2, actor="TB")
    assert caught.value.code == "shortlist_no_screening"
    assert "screening" in describe(caught.value, "en")
    _screening_on(db)
    assign_round(db, 1, 1, seed=4, actor="TB")
    judges = _judges_of(db, 1)
    first, *rest = sorted(judges)
    for code in rest:
        _grade(db, code, judges[code][0], 1, "5")
    with pytest.raises(JudgeAppError) as caught:
        cut_shortlist(db, top=2, actor="TB")
    assert caught.value.code == "shortlist_ungraded" and caught.value.params["entries"] == first
    with pytest.raises(JudgeAppError) as caught:
        cut_shortlist(db, top=0, actor="TB")
    assert caught.value.code == "shortlist_bad_rule"
    assert read_shortlist(db) is None


def _locked(db: ContestDatabase) -> list[str]:
    """Every entry graded by two agreeing judges (entry i: 9 − 0.25 i), locked; codes by score."""
    assign_round(db, 1, 2, seed=1, actor="TB")
    judges = _judges_of(db, 1)
    codes = sorted(judges)
    for i, code in enumerate(codes):
        for judge in judges[code]:
            _grade(db, code, judge, 1, str(Points(900 - 25 * i)))
    lock_results(db, actor="TB")
    return codes


def _target(tmp_path: Path) -> ContestDatabase:
    """The next tier's contest: the same category codes, no units yet."""
    (tmp_path / "city").mkdir(exist_ok=True)
    target = create_contest_file(tmp_path / "city" / "contest.sqlite")
    with target.session() as session, session.begin():
        contest = Contest(name="Cuộc thi cấp thành phố", tier="city")
        session.add(contest)
        session.flush()
        session.add(
            Category(contest_id=contest.id, code="staff", name="CBGV", kind=CategoryKind.STAFF)
        )
        for grade in (6, 7, 8, 9):
            session.add(
                Category(
                    contest_id=contest.id,
                    code=f"g{grade}",
                    name=f"Lớp {grade}",
                    kind=CategoryKind.STUDENT,
                    grade=grade,
                )
            )
    return target


def test_finalists_round_trip_names_scores_and_file_bytes(
    db: ContestDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "chung-khao.zip"
    with pytest.raises(JudgeAppError) as caught:
        export_finalists(db, out, top=3, actor="TB")
    assert caught.value.code == "finalists_not_locked"
    codes = _locked(db)
    assert _run(["finalists", "export", str(db.path), "--top", "3", "-o", str(out)]) == 0
    assert "3 finalists" in capsys.readouterr().out
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = archive.namelist()
    assert [f["source_code"] for f in manifest["finalists"]] == codes[:3]
    assert [f["final"] for f in manifest["finalists"]] == ["9", "8.75", "8.5"]
    assert [item.name for item in out.parent.iterdir()] == [out.name]  # no temp file left

    # Who the finalists are, from the board's file.
    with db.read_session() as session:
        people = {
            code: (name, birth)
            for code, name, birth in session.execute(
                select(Entry.code, Participant.full_name, Participant.birth_date)
                .join(IdentityRecord, IdentityRecord.entry_id == Entry.id)
                .join(Participant, Participant.id == IdentityRecord.participant_id)
            )
        }
        files = {
            code: [
                (db.path.parent / stored).read_bytes()
                for stored in session.scalars(
                    select(EntryFile.stored_path)
                    .join(Entry, Entry.id == EntryFile.entry_id)
                    .where(Entry.code == code)
                    .order_by(EntryFile.sort)
                )
            ]
            for code in codes[:3]
        }
    assert sum(len(v) for v in files.values()) <= len(names) - 1

    with _target(tmp_path) as target:
        done = import_finalists(target, out, actor="TB")
        assert list(done.codes) == codes[:3]
        with target.read_session() as session:
            for source, new in done.codes.items():
                entry = session.scalars(select(Entry).where(Entry.code == new)).one()
                person = session.scalars(
                    select(Participant)
                    .join(IdentityRecord, IdentityRecord.participant_id == Participant.id)
                    .where(IdentityRecord.entry_id == entry.id)
                ).one()
                assert (person.full_name, person.birth_date) == people[source]
                stored = [
                    (target.path.parent / f.stored_path).read_bytes()
                    for f in sorted(entry.files, key=lambda f: f.sort)
                ]
                assert stored == files[source]
                assert all(f.stored_path.startswith("files/") for f in entry.files)
                assert entry.unit is not None
        with pytest.raises(JudgeAppError) as caught:
            import_finalists(target, out, actor="TB")
        assert caught.value.code == "finalists_already_imported"
        assert verify(target).ok


def test_a_tampered_package_and_unrevealed_identities_are_refused(
    db: ContestDatabase, tmp_path: Path
) -> None:
    _locked(db)
    out = tmp_path / "f.zip"
    export_finalists(db, out, min_score=Points(850), per_category=True, actor="TB")
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(bad, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("files/") and not copy.namelist()[1:]:
                data = data[:-1] + bytes([data[-1] ^ 1])
            copy.writestr(info, data)
    with _target(tmp_path) as target:
        with pytest.raises(JudgeAppError) as caught:
            import_finalists(target, bad, actor="TB")
        assert caught.value.code == "finalists_bad_package"
        with target.read_session() as session:
            assert session.scalars(select(Entry)).first() is None
    # Identities sealed again: no export.
    with db.session() as session, session.begin():
        session.execute(update(IdentityRecord).values(participant_id=None, sealed=b"x"))
    with pytest.raises(JudgeAppError) as caught:
        export_finalists(db, tmp_path / "g.zip", top=1, actor="TB")
    assert caught.value.code == "finalists_not_revealed"
    assert not (tmp_path / "g.zip").exists()

"""Judge statistics on real contest files: leniency, agreement, time spent, z-scores, flags."""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from stats_helpers import build_graded_contest

from judge_app.core.agreement import icc_oneway, krippendorff_alpha
from judge_app.core.scores import Points
from judge_app.store.database import create_contest_file, open_contest_file
from judge_app.store.judge_stats import (
    BULK_GAP,
    as_dict,
    judge_statistics,
    read_input,
)
from judge_app.store.models import (
    Category,
    CategoryKind,
    Contest,
    Criterion,
    Entry,
    Grading,
    GradingStatus,
    Judge,
)


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 entries, 6 judges; GK1 gives a quarter point more per criterion (+1.25 on the
    total), GK2 a quarter less; GK6 grades with a lot of noise."""
    path = tmp_path_factory.mktemp("stats") / "contest.sqlite"
    build_graded_contest(
        path, entries=400, judges=6, offsets={"GK1": 25, "GK2": -25}, seed=4, calibration=10
    )
    return path


def _small(path: Path, rows: list[tuple[str, str, str, list[str], dt.datetime | None]]) -> Path:
    """A contest with one criterion out of 10 and the given gradings:
    (entry, judge, category, [score], submitted_at)."""
    db = create_contest_file(path)
    try:
        with db.session() as session, session.begin():
            contest = Contest(name="Nhỏ")
            session.add(contest)
            session.flush()
            for code in ("GV", "HS6"):
                session.add(
                    Category(contest_id=contest.id, code=code, name=code, kind=CategoryKind.STAFF)
                )
            criterion = Criterion(
                contest_id=contest.id, code="TC1", name="Nội dung", maximum=Points(1000)
            )
            session.add(criterion)
            for code in sorted({r[1] for r in rows}):
                session.add(Judge(contest_id=contest.id, code=code, name=f"Tên {code}"))
            session.flush()
            categories = {c.code: c.id for c in session.scalars(select(Category))}
            judges = {j.code: j.id for j in session.scalars(select(Judge))}
            entries: dict[str, int] = {}
            for entry, judge, category, scores, when in rows:
                if entry not in entries:
                    row = Entry(contest_id=contest.id, code=entry, category_id=categories[category])
                    session.add(row)
                    session.flush()
                    entries[entry] = row.id
                grading = Grading(
                    entry_id=entries[entry],
                    judge_id=judges[judge],
                    round=1,
                    status=GradingStatus.SUBMITTED,
                    submitted_at=when,
                )
                session.add(grading)
                session.flush()
                grading.scores = {criterion.id: Points.parse(scores[0])}
    finally:
        db.close()
    return path


T0 = dt.datetime(2019, 8, 26, 8, 0)


def test_hand_computed_leniency_mean_and_agreement(tmp_path: Path) -> None:
    rows = [
        ("B1", "GK1", "GV", ["8"], T0),
        ("B1", "GK2", "GV", ["7"], T0),
        ("B2", "GK1", "GV", ["6.5"], T0 + dt.timedelta(minutes=5)),
        ("B2", "GK3", "GV", ["6"], T0),
        ("B3", "GK2", "HS6", ["5"], T0 + dt.timedelta(minutes=4)),
        ("B3", "GK3", "HS6", ["5.25"], T0 + dt.timedelta(minutes=6)),
    ]
    path = _small(tmp_path / "small.sqlite", rows)
    with open_contest_file(path) as db:
        stats = judge_statistics(db, resamples=200)
    judges = {j.judge: j for j in stats.judges}
    gk1, gk2, gk3 = judges["GK1"], judges["GK2"], judges["GK3"]
    assert (gk1.graded, gk2.graded, gk3.graded) == (2, 2, 2)
    assert gk1.mean == Decimal("7.25") and gk1.sd == Decimal("1.06")  # 8 and 6.5
    # GK1: (8 − 7) and (6.5 − 6): +0.75 on average; GK2: (7 − 8), (5 − 5.25): −0.625 → −0.63.
    assert gk1.leniency == Decimal("0.75")
    assert gk2.leniency == Decimal("-0.63")
    assert gk3.leniency == Decimal("-0.13")  # (6 − 6.5), (5.25 − 5): −0.125
    assert gk1.mean_gap == Decimal("0.75") and gk1.compared == 2 and gk1.pairs == 2
    assert gk1.name == "Tên GK1"
    # Too few pairs to flag anyone, however lenient.
    assert stats.flagged() == []
    # Agreement on the three pairs, the same as computing it by hand.
    total = stats.agreement[0]
    assert total.part == "total" and total.pairs == 3
    pairs = [(8.0, 7.0), (6.5, 6.0), (5.0, 5.25)]
    expected = icc_oneway(pairs)
    assert expected is not None and total.icc is not None and total.icc_mean is not None
    assert total.icc.value == pytest.approx(expected[0].value)
    assert total.icc_mean.value == pytest.approx(expected[1].value)
    assert total.alpha is not None
    assert total.alpha.value == pytest.approx(krippendorff_alpha(pairs))
    # One criterion and no questions: the criterion repeats the total, no "choice" part.
    assert [p.part for p in stats.agreement] == ["total", "TC1"]
    # Per category: GK1 only in GV.
    assert {j.judge for j in stats.by_category["GV"]} == {"GK1", "GK2", "GK3"}
    assert {j.judge for j in stats.by_category["HS6"]} == {"GK2", "GK3"}
    hs6 = {j.judge: j for j in stats.by_category["HS6"]}
    assert hs6["GK2"].leniency == Decimal("-0.25")
    summaries = {c.code: c for c in stats.category_summaries}
    assert (summaries["GV"].entries, summaries["GV"].gradings) == (2, 4)
    assert summaries["HS6"].mean == Decimal("5.13")  # 5.125 half up
    # Time: GK1 submitted 5 minutes after its first; GK2 4 minutes after.
    assert gk1.time.median_minutes == 5.0 and gk1.time.timed == 1
    assert gk1.time.total_minutes == 10.0  # the untimed first grading counts at the median
    assert gk3.time.median_minutes == 6.0


def test_time_ignores_breaks_and_batches(tmp_path: Path) -> None:
    rows = [
        ("B1", "GK1", "GV", ["5"], T0),
        ("B2", "GK1", "GV", ["5"], T0 + dt.timedelta(minutes=6)),  # 6 min: counted
        ("B3", "GK1", "GV", ["5"], T0 + dt.timedelta(hours=3)),  # a break: not counted
        ("B4", "GK1", "GV", ["5"], T0 + dt.timedelta(hours=3) + BULK_GAP / 2),  # a batch
        ("B1", "GK2", "GV", ["5"], None),  # never submitted with a time
        ("B2", "GK2", "GV", ["5"], None),
        ("B3", "GK2", "GV", ["6"], None),
        ("B4", "GK2", "GV", ["6"], None),
    ]
    path = _small(tmp_path / "times.sqlite", rows)
    with open_contest_file(path) as db:
        stats = judge_statistics(db, resamples=0)
    judges = {j.judge: j for j in stats.judges}
    assert judges["GK1"].time.timed == 1
    assert judges["GK1"].time.median_minutes == 6.0
    assert judges["GK1"].time.total_minutes == 24.0  # 4 gradings × the 6-minute median
    assert judges["GK2"].time.median_minutes is None
    assert judges["GK2"].time.total_minutes is None
    # resamples=0: α without an interval.
    alpha = stats.agreement[0].alpha
    assert alpha is not None and alpha.interval is None


def test_lenient_and_severe_judges_are_flagged(graded: Path) -> None:
    with open_contest_file(graded) as db:
        stats = judge_statistics(db, resamples=200)
    judges = {j.judge: j for j in stats.judges}
    assert stats.leniency_limit == Decimal("0.50")
    # GK1: +0.25 on five criteria = +1.25 over an unbiased judge; against co-judges that
    # include GK2 (−1.25) now and then, about +1.5.
    gk1, gk2 = judges["GK1"], judges["GK2"]
    assert gk1.leniency is not None and Decimal("1.0") < gk1.leniency < Decimal("1.9")
    assert gk2.leniency is not None and Decimal("-1.9") < gk2.leniency < Decimal("-1.0")
    assert gk1.flags == ("lenient",) and gk2.flags == ("severe",)
    for code in ("GK3", "GK4", "GK5", "GK6"):
        assert "lenient" not in judges[code].flags and "severe" not in judges[code].flags
    assert [j.judge for j in stats.flagged()][:2] in (["GK1", "GK2"], ["GK2", "GK1"])
    # Every grading counted once: 400 entries × 2 judges (calibration round left out).
    assert sum(j.graded for j in stats.judges) == 800
    assert len(stats.totals) == 800
    assert sum(c.entries for c in stats.category_summaries) == 400
    # Agreement: a part per criterion, then the multiple-choice points.
    parts = [p.part for p in stats.agreement]
    assert parts == ["total", "HIEU", "VIDU", "BOCUC", "TRINHBAY", "SANGTAO", "choice"]
    total = stats.agreement[0]
    assert total.pairs == 400 and total.icc is not None and total.alpha is not None
    assert total.alpha.interval is not None and total.icc.interval.level == 0.95
    assert total.alpha.interval.low < total.alpha.value < total.alpha.interval.high
    assert total.icc.interval.low < total.icc.value < total.icc.interval.high
    # Judges record the same answers: the multiple-choice part agrees perfectly.
    choice = stats.agreement[-1]
    assert choice.icc is not None and choice.icc.value == pytest.approx(1.0)
    assert [p.category for p in stats.agreement_by_category] == ["GV", "HS6"]
    # The calibration round: 10 entries graded by all six judges.
    assert stats.calibration is not None and stats.calibration.pairs == 10
    assert stats.calibration.icc is not None and stats.calibration.icc.ratings == 6


def test_judge_who_agrees_with_nobody_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "noisy.sqlite"
    build_graded_contest(path, entries=300, judges=6, noise=25, seed=9)
    # GK6's scores shuffled between its entries: the same spread and mean, no agreement.
    with open_contest_file(path) as db, db.session() as session, session.begin():
        gk6 = session.scalars(select(Judge.id).where(Judge.code == "GK6")).one()
        gradings = session.scalars(
            select(Grading).where(Grading.judge_id == gk6).order_by(Grading.id)
        ).all()
        scores = [[g.scores[c] for c in sorted(g.scores)] for g in gradings]
        random.Random(0).shuffle(scores)
        for grading, shuffled in zip(gradings, scores, strict=True):
            grading.scores = dict(zip(sorted(grading.scores), shuffled, strict=True))
    with open_contest_file(path) as db:
        stats = judge_statistics(db, resamples=100)
    judges = {j.judge: j for j in stats.judges}
    gk6 = judges["GK6"]
    assert gk6.agreement is not None and gk6.agreement.value < 0.3
    assert gk6.flags == ("low_agreement",)
    assert gk6.mean_gap is not None
    for code in ("GK1", "GK2", "GK3", "GK4", "GK5"):
        assert judges[code].flags == (), code
        assert judges[code].mean_gap is not None and judges[code].mean_gap < gk6.mean_gap
    assert stats.flagged() == [gk6]


def test_z_scores_beside_raw_scores(graded: Path) -> None:
    with open_contest_file(graded) as db:
        plain = judge_statistics(db, resamples=0)
        stats = judge_statistics(db, resamples=0, normalise=True)
    assert plain.normalised == []
    assert len(stats.normalised) == 800
    assert stats.contest_mean is not None and stats.contest_sd is not None
    # Raw totals are untouched; each judge's z-scores average 0 and rescaled totals sit at the
    # contest's mean for each judge.
    raw = {(t.code, t.judge): t.total for t in stats.totals}
    by_judge: dict[str, list[float]] = {}
    for row in stats.normalised:
        assert raw[(row.code, row.judge)] == row.raw
        assert row.z is not None and row.rescaled is not None
        by_judge.setdefault(row.judge, []).append(row.z)
    for values in by_judge.values():
        assert sum(values) / len(values) == pytest.approx(0, abs=1e-3)
    gk1 = [r for r in stats.normalised if r.judge == "GK1"]
    rescaled_mean = Decimal(sum(r.rescaled.centi for r in gk1 if r.rescaled)) / len(gk1) / 100
    assert abs(rescaled_mean - stats.contest_mean) < Decimal("0.01")
    raw_mean = sum(r.raw.to_decimal() for r in gk1) / len(gk1)
    assert raw_mean - stats.contest_mean > Decimal("0.8")  # the lenient judge, before


def test_reading_matches_settlement_totals(graded: Path) -> None:
    from judge_app.store.settlement import settle_entries

    with open_contest_file(graded) as db:
        data = read_input(db)
        settled = settle_entries(db)
    by_code = {(s.code, g.judge): g.total.centi for s in settled for g in s.gradings}
    assert {(s.code, s.judge): s.total for s in data.counted} == by_code
    assert len(data.calibration) == 60


def test_empty_contest_and_json(tmp_path: Path) -> None:
    path = _small(tmp_path / "empty.sqlite", [])
    with open_contest_file(path) as db:
        stats = judge_statistics(db)
    assert stats.judges == [] and stats.totals == [] and stats.calibration is None
    assert stats.agreement[0].icc is None and stats.agreement[0].alpha is None
    data = as_dict(stats)
    assert json.loads(json.dumps(data))["judges"] == []


def test_as_dict_is_json(graded: Path) -> None:
    with open_contest_file(graded) as db:
        stats = judge_statistics(db, resamples=50, normalise=True)
    data = json.loads(json.dumps(as_dict(stats), ensure_ascii=False))
    assert data["flagged"][:2] in (["GK1", "GK2"], ["GK2", "GK1"])
    first = data["judges"][0]
    assert first["judge"] == "GK1" and first["flags"] == ["lenient"]
    assert first["agreement"]["form"] == "ICC(1,1)"
    assert data["agreement"][0]["alpha"]["resamples"] == 50
    assert len(data["normalised"]) == 800


def _run_cli(argv: list[str], lang: str = "vi") -> int:
    import argparse

    from judge_app.store.judge_stats_cli import add_commands

    parser = argparse.ArgumentParser(prog="judge-app")
    sub = parser.add_subparsers(dest="command")
    add_commands(sub)
    args = parser.parse_args(argv)
    result: int = args.handler(args, lang)
    return result


def test_cli_table_in_vietnamese_with_charts(
    graded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    charts = tmp_path / "bieu-do"
    assert _run_cli(["stats", str(graded), "--resamples", "100", "--charts", str(charts)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Giám khảo (điểm toàn bài, mọi đối tượng):"
    assert lines[1].startswith("Mã\tHọ tên\tSố bài\tĐiểm TB")
    gk1 = next(line for line in lines if line.startswith("GK1\t"))
    cells = gk1.split("\t")
    assert cells[1] == "Giám khảo 1" and cells[-1] == "chấm rộng tay"
    assert "," in cells[3]  # decimal comma, as Vietnamese write it
    assert "Đối tượng GV:" in out and "Đối tượng HS6:" in out
    assert "Toàn bài\t400\t" in out and "Trắc nghiệm\t400\t1,00" in out
    assert "Buổi chấm chung (10 bài):" in out
    assert "Nên mời vào buổi chấm chung: GK" in out and "chấm chặt tay" in out
    assert "Đã lưu 4 biểu đồ vào" in out
    assert len(list(charts.glob("*.png"))) == 4


def test_cli_json_and_english(graded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run_cli(["stats", str(graded), "--json", "--z-scores", "--resamples", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["judges"][0]["judge"] == "GK1"
    assert data["agreement"][0]["alpha"]["interval"] is None  # --resamples 0
    assert len(data["normalised"]) == 800
    assert _run_cli(["stats", str(graded), "--resamples", "0"], lang="en") == 0
    out = capsys.readouterr().out
    assert out.startswith("Judges (totals, every category):")
    assert "Suggested for a calibration session:" in out


def test_cli_on_a_contest_without_gradings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _small(tmp_path / "none.sqlite", [])
    assert _run_cli(["stats", str(path)], lang="en") == 0
    assert (
        capsys.readouterr().out.strip() == "No grading has been submitted yet: no judge statistics."
    )


def test_cli_refuses_a_bad_resample_count(graded: Path) -> None:
    with pytest.raises(SystemExit):
        _run_cli(["stats", str(graded), "--resamples", "-1"])

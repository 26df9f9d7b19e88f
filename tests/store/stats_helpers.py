"""A graded contest file for the judge-statistics tests and benchmark, built with plain SQL.

Entries are graded by pairs of judges drawn per entry (as the assignment does), each judge with
an offset (leniency) and noise, on a rubric of written criteria in 0.25 steps plus
multiple-choice questions; submissions are spaced by a few minutes per judge.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from judge_app.core.scores import Points
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, create_contest_file
from judge_app.store.models import Category, CategoryKind, Contest, Criterion, Judge, Question
from judge_app.store.sheet import dump_map

# code, maximum (hundredths)
CRITERIA = [("HIEU", 300), ("VIDU", 300), ("BOCUC", 150), ("TRINHBAY", 50), ("SANGTAO", 100)]
QUESTIONS = 4  # 0.25 point each, answer "A"
CATEGORIES = [("GV", "Cán bộ, giáo viên, nhân viên"), ("HS6", "Học sinh lớp 6")]
START = dt.datetime(2019, 8, 26, 8, 0)


@dataclass(frozen=True)
class GradedContest:
    path: Path
    offsets: dict[str, int]  # judge code → hundredths added to each criterion's true score


def build_graded_contest(
    path: Path,
    *,
    entries: int = 200,
    judges: int = 6,
    offsets: dict[str, int] | None = None,
    noise: int = 25,
    seed: int = 1,
    calibration: int = 0,
    minutes: tuple[int, int] = (3, 9),
) -> GradedContest:
    """A contest file with `entries` entries, each graded (submitted) by two of `judges`.

    `offsets` shifts a judge's every criterion score (e.g. {"GK1": 25}: a quarter point more
    per criterion, 1.25 on the total); `noise` is the spread of each criterion score in
    hundredths, `calibration` entries are also graded by every judge in round 9, recorded as
    a calibration round.
    """
    rng = random.Random(seed)
    codes = [f"GK{i + 1}" for i in range(judges)]
    shifts = {code: 0 for code in codes} | (offsets or {})
    db = create_contest_file(path)
    try:
        _fill(db, rng, entries, codes, shifts, noise, calibration, minutes)
    finally:
        db.close()
    return GradedContest(path, shifts)


def _fill(
    db: ContestDatabase,
    rng: random.Random,
    entries: int,
    codes: list[str],
    shifts: dict[str, int],
    noise: int,
    calibration: int,
    minutes: tuple[int, int],
) -> None:
    with db.session() as session, session.begin():
        contest = Contest(name="Cuộc thi thống kê")
        session.add(contest)
        session.flush()
        session.add_all(
            Category(contest_id=contest.id, code=code, name=name, kind=CategoryKind.STAFF, sort=i)
            for i, (code, name) in enumerate(CATEGORIES)
        )
        session.add_all(
            Criterion(
                contest_id=contest.id,
                code=code,
                name=f"Tiêu chí {code}",
                maximum=Points(maximum),
                step=Points(25),
                sort=i,
            )
            for i, (code, maximum) in enumerate(CRITERIA)
        )
        session.add_all(
            Question(
                contest_id=contest.id,
                number=i + 1,
                prompt=f"Câu {i + 1}",
                answer="A",
                points=Points(25),
            )
            for i in range(QUESTIONS)
        )
        session.add_all(
            Judge(contest_id=contest.id, code=code, name=f"Giám khảo {code[2:]}") for code in codes
        )
        session.flush()
        if calibration:
            audit.record(
                session,
                actor="test",
                action="assign",
                entity="round",
                entity_key="9",
                before=None,
                after={"calibration": calibration},
            )
        category_ids = [c for c in session.scalars(select(Category.id).order_by(Category.sort))]
        contest_id = contest.id
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("BEGIN")  # one transaction: the connection commits each row otherwise
        judge_ids = dict(cursor.execute("SELECT code, id FROM judge").fetchall())
        criterion_ids = [row[0] for row in cursor.execute("SELECT id FROM criterion ORDER BY sort")]
        question_ids = [row[0] for row in cursor.execute("SELECT id FROM question ORDER BY number")]
        clock = {code: START for code in codes}
        gradings = []
        grading_id = 0

        def grade(entry_id: int, judge: str, round_: int, true: list[int], right: int) -> None:
            nonlocal grading_id
            grading_id += 1
            clock[judge] += dt.timedelta(minutes=rng.uniform(*minutes))
            when = clock[judge].isoformat(sep=" ", timespec="microseconds")
            scores: dict[int, int] = {}
            for criterion_id, (_, maximum), base in zip(criterion_ids, CRITERIA, true, strict=True):
                value = base + shifts[judge] + round(rng.gauss(0, noise) / 25) * 25
                scores[criterion_id] = max(0, min(maximum, value))
            answers = {
                question_id: "A" if i < right else "B" for i, question_id in enumerate(question_ids)
            }
            gradings.append(
                (
                    grading_id,
                    entry_id,
                    judge_ids[judge],
                    round_,
                    dump_map(scores),
                    dump_map(answers),
                    when,
                    when,
                    when,
                )
            )

        for i in range(entries):
            cursor.execute(
                "INSERT INTO entry (contest_id, code, category_id, status, created_at) "
                "VALUES (?, ?, ?, 'RECEIVED', ?)",
                (contest_id, f"B{i + 1:05d}", category_ids[i % len(category_ids)], START),
            )
            entry_id = cursor.lastrowid
            assert entry_id is not None
            quality = rng.uniform(0.3, 0.95)
            true = [
                round(maximum * quality * rng.uniform(0.85, 1.15) / 25) * 25
                for _, maximum in CRITERIA
            ]
            true = [max(0, min(m, t)) for t, (_, m) in zip(true, CRITERIA, strict=True)]
            right = rng.randint(1, QUESTIONS)
            first, second = rng.sample(codes, 2)
            grade(entry_id, first, 1, true, right)
            grade(entry_id, second, 1, true, right)
            if i < calibration:
                for judge in codes:
                    grade(entry_id, judge, 9, true, right)
        cursor.executemany(
            "INSERT INTO grading (id, entry_id, judge_id, round, scores, answers, status, "
            "comment, revision, created_at, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, "
            "'SUBMITTED', '', 1, ?, ?, ?)",
            gradings,
        )
        connection.commit()
    finally:
        connection.close()

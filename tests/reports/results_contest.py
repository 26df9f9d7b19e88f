"""A locked demo contest with results, for the output and results-view tests and screenshots.

The demo contest (27 entries, identities in clear, two judges per entry in round 1) gets both
judges' scores written straight into the contest file (as a merge would leave them), a smaller
prize scheme (2 first, 3 second, 4 third, 5 consolation) so prize lines fall inside the list,
the tie rule "higher lowest judge score" only, and entries 2 and 3 graded identically by both
judges: a tie at the first/second boundary that the rule cannot settle (the board must). One
entry is declared invalid with a reason. Then the board locks.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.store.models import (
    Assignment,
    Contest,
    Criterion,
    Entry,
    Grading,
    GradingStatus,
    Judge,
)
from judge_app.store.results import lock_results
from judge_app.store.settlement import DecisionKind, record_decision

INVALID_REASON = "Bài ghi họ tên và tên trường ở trang đầu (lộ danh tính)"
TIE_KEY = "all/2"


def _parts(total_centi: int, maxima: list[int]) -> list[int]:
    """Spread a total over the criteria, filling each up to its maximum in turn."""
    out = []
    left = total_centi
    for maximum in maxima:
        take = min(maximum, left)
        out.append(take)
        left -= take
    return out


def grade_all(db: ContestDatabase) -> list[str]:
    """Both round-1 judges grade every entry; returns the codes best first."""
    with db.session() as session, session.begin():
        criteria = session.scalars(select(Criterion).order_by(Criterion.sort)).all()
        maxima = [c.maximum.centi for c in criteria]
        pairs: dict[int, list[int]] = {}
        for entry_id, judge_id in session.execute(
            select(Assignment.entry_id, Assignment.judge_id)
            .where(Assignment.round == 1)
            .order_by(Assignment.entry_id, Assignment.judge_id)
        ):
            pairs.setdefault(entry_id, []).append(judge_id)
        entries = session.scalars(select(Entry).order_by(Entry.code)).all()
        order = []
        for index, entry in enumerate(entries):
            base = max(850 - 25 * index, 300)
            if index == 2:
                base = 850 - 25  # the same as entry 1: a tie the rule cannot settle
            totals = (base, base - 25)
            for judge_id, total in zip(pairs[entry.id], totals, strict=False):
                grading = Grading(
                    entry_id=entry.id,
                    judge_id=judge_id,
                    round=1,
                    status=GradingStatus.SUBMITTED,
                )
                session.add(grading)
                session.flush()
                grading.scores = {
                    criterion.id: Points(points)
                    for criterion, points in zip(criteria, _parts(total, maxima), strict=True)
                }
            order.append(entry.code)
        contest = session.scalars(select(Contest)).one()
        settings = json.loads(contest.settings or "{}")
        scheme = settings.setdefault("prize_scheme", {})
        scheme["individual"] = {
            "per_category": False,
            "max_share_percent": None,
            "levels": [
                {"level": "first", "count": 2, "min_score": None},
                {"level": "second", "count": 3, "min_score": None},
                {"level": "third", "count": 4, "min_score": None},
                {"level": "consolation", "count": 5, "min_score": None},
            ],
        }
        scheme["collective"] = {
            "levels": [{"level": "first", "count": 1}, {"level": "second", "count": 1}]
        }
        settings["tie_rule"] = ["higher_min_judge_score"]
        settings["place"] = "Kim Động"
        settings["board_name"] = [
            "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN KIM ĐỘNG",
            "BAN TỔ CHỨC CUỘC THI",
        ]
        contest.settings = json.dumps(settings, ensure_ascii=False)
        if contest.quality_threshold is None:
            contest.quality_threshold = Points(700)
        head = session.scalars(select(Judge).where(Judge.is_head.is_(True))).first()
        if head is not None and not head.name:
            head.name = "Đỗ Văn Khải"
    return order


def build_locked_contest(folder: Path) -> Path:
    """The demo contest under `folder`, graded, one entry invalid, locked."""
    path = build_demo_contest(folder / "demo").path
    with open_contest_file(path) as db:
        order = grade_all(db)
        record_decision(
            db,
            order[-1],
            kind=DecisionKind.INVALID,
            score=None,
            reason=INVALID_REASON,
            actor="board",
        )
        lock_results(db, actor="board")
    return path

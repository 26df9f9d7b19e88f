"""A judge's workspace built in code (no package, no files): fast fixtures for the grading tests.

The rubric has the demo's shape in small: two multiple-choice questions and three written-part
criteria with different maxima and steps (one with level descriptors).
"""

from __future__ import annotations

from pathlib import Path

from judge_app.core.scores import Points
from judge_app.store.database import create_contest_file
from judge_app.store.models import (
    Assignment,
    Category,
    CategoryKind,
    Contest,
    Criterion,
    CriterionLevel,
    Entry,
    EntryFile,
    EntryStatus,
    FileKind,
    FileRole,
    Judge,
    Question,
)

JUDGE = "GK1"
CODES = ("A01", "A02", "A03")
NOT_ASSIGNED = "Z99"


def build_workspace(path: Path, codes: tuple[str, ...] = CODES) -> Path:
    """A workspace file for judge GK1 with `codes` assigned in round 1 (and one entry not)."""
    db = create_contest_file(path, FileRole.WORKSPACE)
    with db, db.session() as session, session.begin():
        contest = Contest(name="Cuộc thi thử", max_total=Points(1050))
        session.add(contest)
        session.flush()
        staff = Category(
            contest_id=contest.id, code="GV", name="Giáo viên", kind=CategoryKind.STAFF
        )
        judge = Judge(contest_id=contest.id, code=JUDGE, name="Lê Thị Mai")
        head = Judge(contest_id=contest.id, code="TB", name="Trưởng ban", is_head=True)
        session.add_all([staff, judge, head])
        session.add_all(
            [
                Question(
                    contest_id=contest.id,
                    number=1,
                    prompt="Câu hỏi một",
                    options="ABCD",
                    answer="B",
                    points=Points(50),
                ),
                Question(
                    contest_id=contest.id,
                    number=2,
                    prompt="Câu hỏi hai",
                    options="ABC",
                    answer="C",
                    points=Points(50),
                ),
            ]
        )
        content = Criterion(
            contest_id=contest.id,
            code="ND",
            name="Nội dung",
            guide="Hiểu biết về dịch vụ công trực tuyến",
            maximum=Points(500),
            step=Points(25),
            sort=1,
        )
        content.levels = [
            CriterionLevel(low=Points(0), high=Points(200), descriptor="Sơ sài, thiếu ý."),
            CriterionLevel(low=Points(225), high=Points(500), descriptor="Đầy đủ, chính xác."),
        ]
        session.add_all(
            [
                content,
                Criterion(
                    contest_id=contest.id,
                    code="HT",
                    name="Hình thức trình bày",
                    maximum=Points(300),
                    step=Points(50),
                    sort=2,
                ),
                Criterion(
                    contest_id=contest.id,
                    code="ST",
                    name="Sáng tạo",
                    maximum=Points(150),
                    step=Points(25),
                    sort=3,
                ),
            ]
        )
        session.flush()
        entries = [
            Entry(
                contest_id=contest.id, code=code, category_id=staff.id, status=EntryStatus.ASSIGNED
            )
            for code in (*codes, NOT_ASSIGNED)
        ]
        session.add_all(entries)
        session.flush()
        for entry in entries:
            session.add(
                EntryFile(
                    entry_id=entry.id,
                    sort=0,
                    stored_path=f"ws-files/{entry.code}/1.docx",
                    sha256="0" * 64,
                    size=1,
                    kind=FileKind.DOCX,
                    format_badge="ok",
                )
            )
            if entry.code != NOT_ASSIGNED:
                session.add(Assignment(entry_id=entry.id, judge_id=judge.id, round=1))
    return path

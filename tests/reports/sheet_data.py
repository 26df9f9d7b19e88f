"""A graded, merged demo contest for the printable documents' tests and screenshots.

The demo contest (round 1, two judges per entry) is packaged; GK1, GK2 and GK3 each open their
workspace, grade every assigned entry straight in the tables, export a signed score file, and
the board merges them all. Scores are chosen from the entry's code so pairs of judges agree,
differ by 1.25 (discuss) or by 2.0 (third grading). Then the board records a discussion's outcome
and a head judge's decision, as the merge view would.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.exchange import keys
from judge_app.exchange.demo_packages import make_demo_packages
from judge_app.exchange.judge_keys import register_judge_key
from judge_app.exchange.merge import MergeReport, merge_score_files
from judge_app.exchange.score_file import export_score_file
from judge_app.exchange.workspace import open_package
from judge_app.store.database import open_contest_file
from judge_app.store.models import (
    Assignment,
    Criterion,
    Entry,
    Grading,
    GradingFlag,
    GradingStatus,
    Judge,
    PageNote,
    Question,
    utcnow,
)
from judge_app.store.settlement import DecisionKind, Queue, record_decision, settle_entries

PASS = keys.normalise_passphrase("giam-khao-in-phieu")


@dataclass(frozen=True)
class Graded:
    board: Path
    workspaces: dict[str, Path]
    score_files: dict[str, Path]
    merge: MergeReport
    fingerprints: dict[str, str]
    judge_names: dict[str, str]
    criteria: dict[str, str]  # code → name
    discussed: str  # entry code settled by the judges' discussion
    head_decided: str  # entry code decided by the head judge


def _offset(code: str) -> int:
    """0: the judges agree, 1: they differ by 1.25 (discuss), 2: by 2.0 (third grading)."""
    return sum(ord(ch) for ch in code) % 3


def grade_workspace(workspace: Path) -> list[str]:
    """Grade every assigned entry; the second judge of a pair (by code order) differs."""
    with open_contest_file(workspace) as db, db.session() as session, session.begin():
        judge = session.scalars(select(Judge).where(Judge.is_head.is_(False))).one()
        criteria = session.scalars(select(Criterion).order_by(Criterion.sort)).all()
        questions = session.scalars(select(Question).order_by(Question.number)).all()
        entries = session.scalars(
            select(Entry)
            .join(Assignment, Assignment.entry_id == Entry.id)
            .where(Assignment.judge_id == judge.id)
            .order_by(Entry.code)
        ).all()
        for n, entry in enumerate(entries):
            grading = Grading(entry_id=entry.id, judge_id=judge.id, round=1)
            session.add(grading)
            session.flush()
            grading.status = GradingStatus.SUBMITTED
            grading.submitted_at = utcnow()
            grading.revision = 1
            grading.comment = f"Bài viết đúng chủ đề, bố cục rõ ràng ({judge.code}, bài {n + 1})."
            offset = _offset(entry.code) if judge.code == "GK2" else 0
            wide = [c.id for c in criteria if c.maximum.centi >= 250]  # room for the gaps
            bumps = {0: (0, 0), 1: (75, 50), 2: (100, 100)}[offset]
            scores: dict[int, Points] = {}
            for criterion in criteria:
                bump = bumps[wide.index(criterion.id)] if criterion.id in wide[:2] else 0
                scores[criterion.id] = Points(min(criterion.maximum.centi, 100 + bump))
            grading.scores = scores
            grading.criterion_comments = {criteria[0].id: "Nêu được lợi ích của dịch vụ công"}
            grading.answers = {question.id: question.answer for question in questions}
            if n == 0:
                session.add(GradingFlag(grading_id=grading.id, code="off_topic", note="lạc đề"))
                session.add(
                    PageNote(
                        grading_id=grading.id, page=1, x=0.25, y=0.5, text="Ý hay, dẫn chứng đúng"
                    )
                )
        return [e.code for e in entries]


def build_graded_contest(root: Path, home: Path) -> Graded:
    """Build, grade, export, merge and settle (see the module docstring)."""
    result = build_demo_contest(root / "demo", packages=False)
    made = make_demo_packages(result.path, root / "packages")
    workspaces: dict[str, Path] = {}
    files: dict[str, Path] = {}
    fingerprints: dict[str, str] = {}
    public: dict[str, Path] = {}
    private: dict[str, ec.EllipticCurvePrivateKey] = {}
    for package in made.packages:
        code = package.stem.removeprefix("goi-cham-")
        ws = root / "ws" / code / f"{code}.sqlite"
        ws.parent.mkdir(parents=True)
        open_package(
            package, ws, accept_fingerprint=made.head_fingerprint, pinned_keys_dir=home / "pins"
        )
        workspaces[code] = ws
        folder = root / "keys" / code
        info = keys.create_key(f"Giám khảo {code}", PASS, folder=folder)
        fingerprints[code] = info.fingerprint
        public[code] = info.public_path
        private[code] = keys.load_private_key(info.fingerprint, PASS, folder=folder)
        grade_workspace(ws)
        out = root / "exports" / f"{code}-1.jgs"
        with open_contest_file(ws) as db:
            export_score_file(db, out, private[code])
        files[code] = out
    with open_contest_file(result.path) as db:
        for code, pem in public.items():
            register_judge_key(db, code, pem, expected_fingerprint=None, actor="board")
        report = merge_score_files(db, list(files.values()), actor="Trưởng ban")
        settled = settle_entries(db)
        discuss = next(s.code for s in settled if s.queue is Queue.DISCUSS)
        third = next(s.code for s in settled if s.queue is Queue.THIRD)
        record_decision(
            db,
            discuss,
            kind=DecisionKind.DISCUSSED,
            score=Points.parse("8.5"),
            reason="Hai giám khảo trao đổi, thống nhất bài làm đạt ý tiêu chí 3",
            actor="GK1, GK2",
        )
        record_decision(
            db,
            third,
            kind=DecisionKind.HEAD,
            score=Points.parse("7.75"),
            reason="Trưởng ban đọc lại bài, lấy điểm giữa hai lần chấm",
            actor="Trưởng ban",
        )
        with db.read_session() as session:
            names = {j.code: j.name for j in session.scalars(select(Judge))}
            criteria = {c.code: c.name for c in session.scalars(select(Criterion))}
    return Graded(
        result.path, workspaces, files, report, fingerprints, names, criteria, discuss, third
    )

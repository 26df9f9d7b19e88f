"""The demo contest after a round of grading, for the head judge's merge windows and their
screenshots: three judges' workspaces graded so that entries fall in every queue, each judge's
key (unregistered on the board), and each judge's signed score file.

Built once per test session (`merge_master`) and copied per test (`fresh_copy`). The gaps
are planned from the board's round-1 assignment: entry number i (by code) gets a gap of
0.5 (agreed), 1.25 (discuss), 2.0 (third grading) or 0 (agreed), in turn.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.exchange import keys
from judge_app.exchange.demo_packages import make_demo_packages
from judge_app.exchange.judge_keys import register_judge_key
from judge_app.exchange.merge import merge_score_files
from judge_app.exchange.score_file import export_score_file
from judge_app.exchange.workspace import open_package
from judge_app.store.database import open_contest_file
from judge_app.store.models import (
    Assignment,
    Criterion,
    Entry,
    Grading,
    GradingStatus,
    Judge,
    Question,
)

PASS = keys.normalise_passphrase("giam-khao-demo")
JUDGES = ("GK1", "GK2", "GK3")
# Criterion code → (first judge's score, second judge's extra for gaps 0.5, 1.25, 2.0, 0).
BASE = {"HIEU": "2", "VIDU": "2", "BOCUC": "1", "TRINHBAY": "0.5", "SANGTAO": "0.5"}
EXTRA: tuple[dict[str, str], ...] = (
    {"HIEU": "0.25", "VIDU": "0.25"},
    {"HIEU": "0.75", "VIDU": "0.5"},
    {"HIEU": "1", "VIDU": "1"},
    {},
)


@dataclass(frozen=True)
class MergeData:
    folder: Path  # the board's contest folder
    board: Path
    public_keys: dict[str, Path]
    fingerprints: dict[str, str]
    score_files: dict[str, Path]

    def copy_to(self, target: Path) -> MergeData:
        """A fresh copy of the board's folder and the score files under `target`."""
        folder = shutil.copytree(self.folder, target / "board", ignore=_ignore)
        files = target / "files"
        files.mkdir()
        return MergeData(
            folder,
            folder / self.board.name,
            self.public_keys,
            self.fingerprints,
            {code: Path(shutil.copy(p, files / p.name)) for code, p in self.score_files.items()},
        )


_ignore = shutil.ignore_patterns("packages")
_master: dict[str, MergeData] = {}


def merge_master(factory: pytest.TempPathFactory) -> MergeData:
    """Built on first use in a test session (~20 s), then reused."""
    if "data" not in _master:
        _master["data"] = build_merge_data(factory.mktemp("merge-master"))
    return _master["data"]


def _plan(board: Path) -> dict[str, tuple[str, int]]:
    """Entry code → (its first round-1 judge, which gap it gets)."""
    with open_contest_file(board) as db, db.read_session() as session:
        rows = session.execute(
            select(Entry.code, Judge.code)
            .join(Assignment, Assignment.entry_id == Entry.id)
            .join(Judge, Judge.id == Assignment.judge_id)
            .where(Assignment.round == 1)
            .order_by(Entry.code, Judge.code)
        ).all()
    plan: dict[str, tuple[str, int]] = {}
    for entry, judge in rows:
        if entry not in plan:
            plan[entry] = (judge, len(plan) % len(EXTRA))
    return plan


def _grade(workspace: Path, plan: dict[str, tuple[str, int]]) -> None:
    """Submit every assigned entry of the workspace with the planned scores."""
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
        now = dt.datetime(2019, 9, 2, 9, 0)
        for n, entry in enumerate(entries):
            first, gap = plan[entry.code]
            extra = {} if judge.code == first else EXTRA[gap]
            grading = Grading(
                entry_id=entry.id,
                judge_id=judge.id,
                round=1,
                status=GradingStatus.SUBMITTED,
                comment=f"Bài viết tốt, lập luận chặt chẽ ({n % 10})",
                revision=1,
                submitted_at=now + dt.timedelta(minutes=n),
            )
            session.add(grading)
            session.flush()
            grading.scores = {
                criterion.id: Points.parse(BASE.get(criterion.code, "0.5"))
                + Points.parse(extra.get(criterion.code, "0"))
                for criterion in criteria
            }
            grading.answers = {question.id: "B" for question in questions}


def _add_free_judge(board: Path) -> None:
    """A fourth judge from no school, free to grade any entry a third time (the demo's
    three judges each have a school, which rules some third gradings out)."""
    with open_contest_file(board) as db, db.session() as session, session.begin():
        contest_id = session.scalars(select(Judge.contest_id)).first()
        session.add(Judge(contest_id=contest_id, code="GK4", name="Phạm Thu Trang"))


def build_merge_data(root: Path) -> MergeData:
    home = root / "home"
    demo = build_demo_contest(root / "demo", packages=False)
    made = make_demo_packages(demo.path, root / "packages")
    plan = _plan(demo.path)
    _add_free_judge(demo.path)
    public, fingerprints, files = {}, {}, {}
    (root / "files").mkdir()
    for package in made.packages:
        code = package.stem.removeprefix("goi-cham-")
        workspace = root / "ws" / code / f"{code}.sqlite"
        workspace.parent.mkdir(parents=True)
        open_package(
            package,
            workspace,
            accept_fingerprint=made.head_fingerprint,
            pinned_keys_dir=home / "pins",
        )
        info = keys.create_key(f"Giám khảo {code}", PASS, folder=root / "keys" / code)
        public[code], fingerprints[code] = info.public_path, info.fingerprint
        _grade(workspace, plan)
        private = keys.load_private_key(info.fingerprint, PASS, folder=root / "keys" / code)
        out = root / "files" / f"diem-{code}.jgs"
        with open_contest_file(workspace) as db:
            export_score_file(db, out, private)
        files[code] = out
    return MergeData(demo.path.parent, demo.path, public, fingerprints, files)


def register_keys(data: MergeData, codes: tuple[str, ...] = JUDGES) -> None:
    with open_contest_file(data.board) as db:
        for code in codes:
            register_judge_key(
                db, code, data.public_keys[code], expected_fingerprint=None, actor="TB"
            )


def merge_all(data: MergeData) -> None:
    """Keys registered and every judge's file merged: the board's file after the merge."""
    register_keys(data)
    with open_contest_file(data.board) as db:
        report = merge_score_files(db, list(data.score_files.values()), actor="TB")
    assert report.refused == 0, [o.error for o in report.outcomes if o.error]


def tampered(source: Path, target: Path) -> Path:
    """The same file with one digit of a comment changed: the signature no longer holds."""
    text = source.read_text(encoding="utf-8")
    at = text.index("chặt chẽ (") + len("chặt chẽ (")
    digit = "9" if text[at] != "9" else "8"
    target.write_text(text[:at] + digit + text[at + 1 :], encoding="utf-8")
    return target


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying each character, as a Vietnamese keyboard (Unikey) sends them;
    QTest.keyClicks only knows ASCII."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )

"""After a judge has graded in a demo workspace (scores, answers, comments from the bank, flags,
page notes, a revision, an import), neither the workspace's bytes nor anything the grading API
gives the window holds a participant's name, school, birth date or original file name."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.exchange.scores_import import import_scores
from judge_app.exchange.workspace import open_package
from judge_app.store import grading
from judge_app.store.audit import verify
from judge_app.store.database import open_contest_file


@dataclass(frozen=True)
class Demo:
    board: Path
    package: Path
    fingerprint: str


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("grading-identity-home")))
    try:
        root = tmp_path_factory.mktemp("grading-identity") / "demo"
        result = build_demo_contest(root)
    finally:
        mp.undo()
    with sqlite3.connect(result.path) as connection:
        (fingerprint,) = connection.execute(
            "SELECT key_fingerprint FROM judge WHERE is_head = 1"
        ).fetchone()
    yield Demo(result.path, root / "packages" / "goi-cham-GK1.jgp", fingerprint)


def _needles(board: Path) -> set[str]:
    """Every participant name, unit name, birth date (two spellings), original file name."""
    with sqlite3.connect(board) as connection:
        needles = {n for (n,) in connection.execute("SELECT full_name FROM participant")}
        needles |= {n for (n,) in connection.execute("SELECT name FROM unit")}
        needles |= {n for (n,) in connection.execute("SELECT original_name FROM entry_file")}
        for (born,) in connection.execute("SELECT birth_date FROM participant"):
            if born:
                year, month, day = born.split("-")
                needles |= {born, f"{day}/{month}/{year}"}
    needles.discard("")
    assert len(needles) > 50
    return needles


def _found(data: bytes, needles: set[str]) -> list[str]:
    return [
        needle
        for needle in needles
        if needle.encode() in data or unicodedata.normalize("NFD", needle).encode() in data
    ]


def _grade_everything(workspace: Path, sheet: Path) -> list[str]:
    """A day of grading through the API; returns every text the API handed back."""
    shown: list[str] = []
    with open_contest_file(workspace) as db:
        rubric = grading.load_rubric(db)
        info = grading.workspace_info(db)
        shown += [info.contest_name, info.judge_name]
        rows = grading.list_entries(db)
        shown += [repr(row) for row in rows]
        general = grading.bank_comments(db, None)
        for n, row in enumerate(rows):
            for question in rubric.questions:
                grading.set_answer(db, row.code, question.id, "ABCD"[n % 4])
            for criterion in rubric.criteria:
                bank = grading.bank_comments(db, criterion.id)
                shown += [c.text for c in bank]
                if bank:
                    grading.set_criterion_comment(db, row.code, criterion.id, bank[0].text)
                grading.set_score(db, row.code, criterion.id, criterion.maximum)
            grading.set_comment(db, row.code, general[n % len(general)].text)
            grading.remember_position(db, row.code)
            if n == 1:
                grading.set_flag(db, row.code, "identity_revealed", "Trang bìa có họ tên")
                grading.add_page_note(db, row.code, 0, 0, 0.5, 0.1, "Họ tên ở đây")
            grading.submit(db, row.code)
        grading.set_score(db, rows[0].code, rubric.criteria[0].id, Points(0))  # a revision
        own = grading.add_bank_comment(db, None, "Cần trích dẫn văn bản pháp luật.")
        shown.append(own.text)
        sheet.write_text(
            f"code,{rubric.criteria[1].code},Nhận xét\n{rows[2].code},0,Chấm lại theo giấy\n",
            encoding="utf-8",
        )
        import_scores(db, sheet)
        shown += [repr(grading.grading_state(db, row.code)) for row in grading.list_entries(db)]
        assert verify(db).ok
    return shown


def test_graded_workspace_holds_no_identity(demo: Demo, tmp_path: Path) -> None:
    workspace = tmp_path / "gk1.sqlite"
    open_package(
        demo.package,
        workspace,
        accept_fingerprint=demo.fingerprint,
        pinned_keys_dir=tmp_path / "trust",
    )
    shown = _grade_everything(workspace, tmp_path / "paper.csv")
    needles = _needles(demo.board)
    assert _found("\n".join(shown).encode(), needles) == []
    parts = sorted(tmp_path.glob("gk1.sqlite*"))
    assert parts and sum(len(p.read_bytes()) for p in parts) > 0
    for part in parts:
        assert _found(part.read_bytes(), needles) == [], part.name
    # The grading really is in those bytes (the check looked at the right file).
    data = workspace.read_bytes()
    assert "Cần trích dẫn văn bản pháp luật.".encode() in data
    assert "Chấm lại theo giấy".encode() in data

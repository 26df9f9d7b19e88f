"""Signed-exchange fixtures built in code in about a second (no demo, no packages): a judge's
graded workspace, a real export of it, the board's contest file it merges into, and re-signing
an edited body with the judge's own key (so only the check under test can refuse it).

A uniquely named module, imported by the tests of this folder (every conftest is `conftest`).
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from judge_app.exchange import keys
from judge_app.exchange.judge_keys import register_judge_key
from judge_app.exchange.score_file import HEADER, canonical_bytes, export_score_file, file_bytes
from judge_app.store import grading
from judge_app.store.database import create_contest_file, open_contest_file
from judge_app.store.models import (
    Assignment,
    Category,
    Contest,
    Criterion,
    Entry,
    EntryFile,
    Judge,
    Question,
)

_STORE_TESTS = str(Path(__file__).resolve().parent.parent / "store")
if _STORE_TESTS not in sys.path:
    sys.path.append(_STORE_TESTS)

from grading_helpers import JUDGE, build_workspace  # noqa: E402

__all__ = ["JUDGE", "Exported", "board_for", "build_workspace", "export_graded", "resigned"]


@dataclass(frozen=True)
class Exported:
    """One real export of GK1's workspace: A01 submitted with a flag, a page note and comments,
    A02 a draft, A03 not started."""

    path: Path
    workspace: Path
    body: dict[str, Any]
    key: ec.EllipticCurvePrivateKey

    def public_pem(self, folder: Path) -> Path:
        path = folder / "GK1.pem"
        path.write_bytes(
            self.key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        )
        return path


def export_graded(folder: Path) -> Exported:
    """Build GK1's workspace in `folder`, grade it through the grading API, export it."""
    key = ec.generate_private_key(ec.SECP256R1())
    workspace = build_workspace(folder / "GK1.sqlite")
    with open_contest_file(workspace) as db:
        rubric = grading.load_rubric(db)
        for question in rubric.questions:
            grading.set_answer(db, "A01", question.id, question.answer)
        for criterion in rubric.criteria:
            grading.set_score(db, "A01", criterion.id, criterion.step)
        first = rubric.criteria[0]
        grading.set_criterion_comment(db, "A01", first.id, "Nắm vững quy trình")
        grading.set_comment(db, "A01", "Bài viết tốt, lập luận chặt chẽ")
        grading.set_flag(db, "A01", "off_topic", "lạc đề một phần")
        grading.add_page_note(db, "A01", 0, 0, 0.25, 0.5, "Ý hay ở đây")
        grading.submit(db, "A01")
        grading.set_score(db, "A02", first.id, first.maximum)
        out = folder / "diem-GK1.jgs"
        export_score_file(db, out, key)
    body = json.loads(out.read_bytes().split(b"\n")[1])
    return Exported(out, workspace, body, key)


def signed_file(exported: Exported, target: Path, body_line: bytes) -> Path:
    """A file whose signature by the judge's key is valid for exactly these bytes."""
    signed = HEADER + body_line + b"\n"
    target.write_bytes(file_bytes(signed, keys.sign(exported.key, signed)))
    return target


def resigned(exported: Exported, target: Path, change: Callable[[dict[str, Any]], Any]) -> Path:
    """The export's body after `change`, signed again by the judge's own key."""
    body = copy.deepcopy(exported.body)
    change(body)
    return signed_file(exported, target, canonical_bytes(body))


def board_for(exported: Exported, board: Path) -> Path:
    """The board's contest file the workspace came from (same contest id, rubric, entries,
    files and assignments), with GK1's public key pinned."""
    with open_contest_file(exported.workspace) as ws, ws.read_session() as source:
        contest = source.scalars(select(Contest)).one()
        categories = list(source.scalars(select(Category)))
        judges = list(source.scalars(select(Judge)))
        questions = list(source.scalars(select(Question)))
        criteria = list(source.scalars(select(Criterion)))
        entries = list(source.scalars(select(Entry)))
        files = list(source.scalars(select(EntryFile)))
        assignments = list(source.scalars(select(Assignment)))
        source.expunge_all()
    columns = {
        Contest: ("id", "uuid", "name", "max_total"),
        Category: ("id", "contest_id", "code", "name", "kind"),
        Judge: ("id", "contest_id", "code", "name", "is_head"),
        Question: ("id", "contest_id", "number", "prompt", "options", "answer", "points"),
        Criterion: ("id", "contest_id", "code", "name", "maximum", "step", "sort"),
        Entry: ("id", "contest_id", "code", "category_id", "status"),
        EntryFile: ("id", "entry_id", "sort", "stored_path", "sha256", "size", "kind"),
        Assignment: ("id", "entry_id", "judge_id", "round"),
    }
    with create_contest_file(board) as db:
        with db.session() as session, session.begin():
            for rows in ([contest], categories, judges, questions, criteria, entries, files):
                for row in rows:
                    kind = type(row)
                    session.add(kind(**{name: getattr(row, name) for name in columns[kind]}))
                session.flush()
            for row in assignments:
                session.add(Assignment(**{n: getattr(row, n) for n in columns[Assignment]}))
        register_judge_key(
            db,
            JUDGE,
            exported.public_pem(board.parent),
            expected_fingerprint=keys.fingerprint(exported.key.public_key()),
            actor="TB",
        )
    return board

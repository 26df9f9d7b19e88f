"""The whole flow on the demo contest, headless, as a board and three judges would run it:
packages → workspaces → keyboard-level grading calls → signed score files → merge → a
discrepancy settled with its reason → lock → results, workbook, result list, certificates and
score sheets. Each step uses the same functions the CLI and the windows call."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pymupdf
import pytest
from sqlalchemy import select

from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.exchange import keys
from judge_app.exchange.judge_keys import register_judge_key
from judge_app.exchange.merge import MergeStatus, merge_score_files
from judge_app.exchange.score_file import export_score_file, read_score_file
from judge_app.exchange.workspace import open_package
from judge_app.reports.results_export import export_results
from judge_app.reports.score_sheet import score_sheets_from_contest
from judge_app.store import grading
from judge_app.store.audit import verify
from judge_app.store.database import open_contest_file
from judge_app.store.models import Judge, Participant
from judge_app.store.results import compute_results, lock_results
from judge_app.store.settlement import DecisionKind, Queue, record_decision, settle_entries

PASS = keys.normalise_passphrase("mat-khau-giam-khao")
DELTA = {"GK1": 0, "GK2": 25, "GK3": 50}  # each judge a little more generous: gaps < 1.0


@pytest.fixture(scope="module")
def flow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    mp = pytest.MonkeyPatch()
    home = tmp_path_factory.mktemp("e2e-home")
    mp.setenv("JUDGE_APP_HOME", str(home))
    try:
        yield tmp_path_factory.mktemp("e2e")
    finally:
        mp.undo()


def _score(code: str, maximum: int, step: int, delta: int) -> Points:
    """A deterministic score on the step grid from the code, shifted per judge."""
    seed = int(hashlib.sha256(code.encode()).hexdigest()[:6], 16)
    base = (seed % (maximum // step + 1)) * step
    return Points(max(0, min(maximum, base - (base % step) + delta - delta % step)))


def _grade_workspace(ws: Path, judge: str, discuss: str) -> None:
    with open_contest_file(ws) as db:
        rubric = grading.load_rubric(db)
        for row in grading.list_entries(db):
            for question in rubric.questions:
                grading.set_answer(db, row.code, question.id, question.answer)
            for n, criterion in enumerate(rubric.criteria):
                delta = DELTA[judge] if n == 0 else 0
                points = _score(row.code, criterion.maximum.centi, criterion.step.centi, delta)
                if row.code == discuss and n == 0:  # 0 against full marks: a wide gap
                    points = Points(0) if judge == "GK1" else criterion.maximum
                grading.set_score(db, row.code, criterion.id, points)
            grading.set_comment(db, row.code, "Bài làm có ý, trình bày rõ ràng.")
            grading.submit(db, row.code)


def test_demo_contest_from_packages_to_certificates(flow: Path) -> None:
    root = flow / "demo"
    board = build_demo_contest(root).path
    with open_contest_file(board) as db, db.read_session() as session:
        head_fp = session.scalars(select(Judge.key_fingerprint).where(Judge.is_head)).one()
        names = set(session.scalars(select(Participant.full_name)))
    assert head_fp is not None

    # Judges open their packages, make keys; the head judge pins them.
    files = []
    discuss = None
    for judge in ("GK1", "GK2", "GK3"):
        ws = flow / f"{judge}.sqlite"
        open_package(
            root / "packages" / f"goi-cham-{judge}.jgp",
            ws,
            accept_fingerprint=head_fp,
            pinned_keys_dir=flow / "pins",
        )
        info = keys.create_key(f"Giám khảo {judge}", PASS, folder=flow / "keys" / judge)
        with open_contest_file(board) as db:
            register_judge_key(
                db, judge, info.public_path, expected_fingerprint=info.fingerprint, actor="TB"
            )
        with open_contest_file(ws) as db:
            codes = [row.code for row in grading.list_entries(db)]
        if judge == "GK1":
            discuss = codes[0]
        assert discuss is not None
        _grade_workspace(ws, judge, discuss)
        key = keys.load_private_key(info.fingerprint, PASS, folder=flow / "keys" / judge)
        out = flow / f"diem-{judge}.jgs"
        with open_contest_file(ws) as db:
            report = export_score_file(db, out, key)
        assert report.submitted == report.entries == len(codes)
        assert read_score_file(out).verify(key.public_key())
        files.append(out)

    # The board merges; one entry needs a discussion, recorded with its reason.
    with open_contest_file(board) as db:
        merged = merge_score_files(db, files, actor="TB")
        assert [o.status for o in merged.outcomes] == [MergeStatus.MERGED] * 3
        assert all(o.unknown_files == () for o in merged.outcomes)
        queues = {row.code: row.queue for row in settle_entries(db)}
        assert queues[discuss] in (Queue.DISCUSS, Queue.THIRD)
        assert {q for code, q in queues.items() if code != discuss} == {Queue.AGREED}
        record_decision(
            db,
            discuss,
            kind=DecisionKind.HEAD,
            score=Points(700),
            reason="Trưởng ban quyết định sau khi xem lại bài cùng hai giám khảo",
            actor="TB",
        )
        lock_results(db, actor="TB")
        results = compute_results(db)
        ranked = [entry for rows in results.rankings.values() for entry in rows]
        assert ranked and all(entry.participant in names for entry in ranked)
        assert any(entry.prize for entry in ranked)
        report = export_results(db, flow / "ket-qua")
        sheets = score_sheets_from_contest(db, flow / "phieu-cham.pdf")
        assert verify(db).ok

    # The outputs hold the people and the Vietnamese texts.
    book = openpyxl.load_workbook(report.workbook, read_only=True)
    cells = {
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    book.close()
    winner = next(entry for entry in ranked if entry.prize)
    assert winner.participant in cells
    with pymupdf.open(report.result_list) as pdf:
        text = "".join(page.get_text() for page in pdf)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text.upper().replace("HOÀ", "HÒA")
    assert winner.participant is not None and winner.participant in text
    assert sheets
    with pymupdf.open(flow / "phieu-cham.pdf") as pdf:
        assert "PHIẾU CHẤM" in "".join(page.get_text() for page in pdf).upper()

"""The head judge's merge at its edges: a file signed by the right key that still cannot be
taken (unknown judge, criterion or question, a score off the scale, a total that is not the sum,
damaged page notes, an unknown status) is refused with its reason and the contest file is left
exactly as it was; the merge goes on past what only weakens a check (a damaged kept manifest, an
unreadable submission time) and reports its progress."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from signed_exchange import Exported, board_for, export_graded, resigned

from judge_app.core.errors import JudgeAppError
from judge_app.exchange import merge
from judge_app.exchange.merge import (
    EVIDENCE_DIR,
    INCOMING_DIR,
    MergeReport,
    MergeStatus,
    merge_score_files,
)
from judge_app.exchange.merge_check import worker_prepare, worker_start
from judge_app.exchange.package import PACKAGE_EVIDENCE_DIR
from judge_app.store.audit import verify
from judge_app.store.database import open_contest_file, session_driver


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Exported, Path]]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("home")))
    try:
        exported = export_graded(tmp_path_factory.mktemp("merge-edges-ws"))
        board = board_for(exported, tmp_path_factory.mktemp("merge-edges-board") / "contest.sqlite")
        yield exported, board
    finally:
        mp.undo()


@pytest.fixture
def exported(made: tuple[Exported, Path]) -> Exported:
    return made[0]


@pytest.fixture
def board(made: tuple[Exported, Path], tmp_path: Path) -> Path:
    """A fresh copy of the board's contest file (GK1's key pinned, nothing merged)."""
    copy = tmp_path / "board" / "contest.sqlite"
    shutil.copytree(made[1].parent, copy.parent)
    return copy


def _merge(board: Path, *files: Path, **kwargs: Any) -> MergeReport:
    with open_contest_file(board) as db:
        return merge_score_files(db, list(files), actor="TB", **kwargs)


_TABLES = ("grading", "grading_flag", "page_note")


def _snapshot(board: Path) -> tuple[int, ...]:
    with open_contest_file(board) as db:
        counts = [db.read_scalar(f"SELECT count(*) FROM {t}") for t in _TABLES]
        counts += [db.read_scalar("SELECT count(*) FROM score_file")]
        sheets = "SELECT group_concat(scores || answers || criterion_comments, '|') FROM grading"
        counts += [hash(db.read_scalar(sheets))]
        counts += [db.read_scalar("SELECT count(*) FROM audit_log")]
    return tuple(counts)


def _refusal(board: Path, path: Path) -> JudgeAppError:
    before = _snapshot(board)
    (outcome,) = _merge(board, path).outcomes
    assert outcome.status is MergeStatus.REFUSED and outcome.error is not None
    assert outcome.error.path == path
    assert _snapshot(board) == before  # nothing written
    assert not (board.parent / EVIDENCE_DIR).exists()  # no evidence kept of a refused file
    assert not (board.parent / INCOMING_DIR).exists()  # nor a copy staged for it
    return outcome.error


def _a01(body: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in body["entries"] if e["code"] == "A01")


def test_the_export_merges_and_reports_progress(
    exported: Exported, board: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.jgs"
    junk.write_bytes(b"PK\x03\x04 not a score file")
    seen: list[tuple[int, int]] = []
    report = _merge(
        board, junk, exported.path, progress=lambda done, total: seen.append((done, total))
    )
    assert seen == [(1, 2), (2, 2)]
    assert [o.status for o in report.outcomes] == [MergeStatus.REFUSED, MergeStatus.MERGED]
    assert (report.merged, report.refused) == (1, 1)
    with open_contest_file(board) as db:
        # A01 submitted and A02 a draft are merged; A03, not started, is not a grading.
        assert db.read_scalar("SELECT count(*) FROM grading") == 2
        assert db.read_scalar("SELECT text FROM page_note") == "Ý hay ở đây"
        assert verify(db).ok


def test_merging_into_a_judges_workspace_is_refused(exported: Exported, tmp_path: Path) -> None:
    workspace = tmp_path / "GK1.sqlite"
    shutil.copy(exported.workspace, workspace)
    with open_contest_file(workspace) as db, pytest.raises(JudgeAppError) as caught:
        merge_score_files(db, [exported.path], actor="TB")
    assert caught.value.code == "merge_not_board" and caught.value.path == workspace


@pytest.mark.parametrize(
    "manifest", ["{ cut", "[]", '{"entries": [{"files": [{}]}]}', '{"entries": [7]}']
)
def test_a_damaged_kept_package_manifest_does_not_stop_the_merge(
    exported: Exported, board: Path, manifest: str
) -> None:
    kept = board.parent / PACKAGE_EVIDENCE_DIR
    kept.mkdir()
    (kept / "goi-cham-GK1.json").write_text(manifest, encoding="utf-8")
    (outcome,) = _merge(board, exported.path).outcomes
    assert outcome.status is MergeStatus.MERGED
    assert outcome.unknown_files == ()  # the board's own files still vouch for the hashes


@pytest.mark.parametrize("claimed", ["GK7", "TB"], ids=["unknown", "head judge"])
def test_a_file_claiming_a_judge_the_board_does_not_have_is_refused(
    exported: Exported, board: Path, tmp_path: Path, claimed: str
) -> None:
    path = resigned(exported, tmp_path / "who.jgs", lambda b: b["judge"].update(code=claimed))
    error = _refusal(board, path)
    assert error.code == "merge_unknown_judge" and error.params["judge"] == claimed


def test_evidence_that_cannot_be_kept_refuses_the_file_and_writes_nothing(
    exported: Exported, board: Path
) -> None:
    (board.parent / EVIDENCE_DIR).write_bytes(b"a file where the evidence folder goes")
    before = _snapshot(board)
    (outcome,) = _merge(board, exported.path).outcomes
    assert outcome.status is MergeStatus.REFUSED and outcome.error is not None
    assert outcome.error.code == "database_unwritable" and outcome.error.params["reason"]
    assert _snapshot(board) == before


_ENTRY_EDITS: list[tuple[str, Callable[[dict[str, Any]], Any], str]] = [
    ("status unknown", lambda e: e.update(status="final"), "score_file_malformed"),
    (
        "criterion unknown",
        lambda e: e["scores"].update(XX=e["scores"].pop("ND")),
        "merge_unknown_criterion",
    ),
    ("score above the maximum", lambda e: e["scores"].update(ND="9"), "merge_score_invalid"),
    ("score off the step", lambda e: e["scores"].update(HT="0.25"), "merge_score_invalid"),
    ("question unknown", lambda e: e["answers"].update({"9": "A"}), "merge_unknown_question"),
    ("option unknown", lambda e: e["answers"].update({"1": "E"}), "merge_unknown_question"),
    ("total not the sum", lambda e: e.update(total="9.75"), "merge_total_mismatch"),
    (
        "comment under an unknown criterion",
        lambda e: e["criterion_comments"].update(XX="Ý lạ"),
        "merge_unknown_criterion",
    ),
    (
        "page note position in words",
        lambda e: e["page_notes"][0].update(x="giữa trang"),
        "score_file_malformed",
    ),
    (
        "page note on a page past 2**31",
        lambda e: e["page_notes"][0].update(page=2**40),
        "score_file_malformed",
    ),
    (
        "page note page not a number",
        lambda e: e["page_notes"][0].update(page="hai"),
        "score_file_malformed",
    ),
]


@pytest.mark.parametrize(
    ("change", "code"),
    [(change, code) for _, change, code in _ENTRY_EDITS],
    ids=[name for name, _, _ in _ENTRY_EDITS],
)
def test_a_signed_entry_the_contest_cannot_take_is_refused_whole(
    exported: Exported,
    board: Path,
    tmp_path: Path,
    change: Callable[[dict[str, Any]], Any],
    code: str,
) -> None:
    path = resigned(exported, tmp_path / "edited.jgs", lambda body: change(_a01(body)))
    error = _refusal(board, path)
    assert error.code == code
    assert "A01" in str(error.params.get("entry", error.params.get("reason", "")))


def test_an_unreadable_submission_time_is_left_empty(
    exported: Exported, board: Path, tmp_path: Path
) -> None:
    """The scores are the judge's and signed; only the time they were submitted is unknown."""
    path = resigned(
        exported, tmp_path / "when.jgs", lambda body: _a01(body).update(submitted_at="hôm qua")
    )
    (outcome,) = _merge(board, path).outcomes
    assert outcome.status is MergeStatus.MERGED
    with open_contest_file(board) as db:
        assert db.read_scalar("SELECT count(*) FROM grading WHERE status = 'SUBMITTED'") == 1
        assert db.read_scalar("SELECT submitted_at FROM grading WHERE status = 'SUBMITTED'") is None


def _stored(board: Path) -> list[tuple[Any, ...]]:
    """What a merge leaves: every grading with its sheet, flags, notes and the files kept."""
    with open_contest_file(board) as db, db.read_session() as session:
        driver = session_driver(session)
        rows = driver.execute(
            "SELECT e.code, g.round, g.status, g.comment, g.revision, g.submitted_at, g.scores, "
            "g.answers, g.criterion_comments FROM grading g JOIN entry e ON e.id = g.entry_id "
            "ORDER BY e.code"
        ).fetchall()
        rows += driver.execute("SELECT code, note FROM grading_flag ORDER BY code").fetchall()
        rows += driver.execute("SELECT page, x, y, text FROM page_note ORDER BY id").fetchall()
        rows += driver.execute(
            "SELECT revision, sha256, stored_path, entries FROM score_file ORDER BY id"
        ).fetchall()
    return rows


def test_worker_processes_merge_exactly_what_this_process_merges(
    exported: Exported, board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large merge reads and checks files in worker processes (started with spawn); the
    contest file must come out the same, refusals included, in the order given."""
    junk = tmp_path / "junk.jgs"
    junk.write_bytes(b"PK\x03\x04 not a score file")
    edited = resigned(exported, tmp_path / "edited.jgs", lambda b: _a01(b).update(total="9.75"))
    missing = tmp_path / "gone.jgs"
    files = [junk, exported.path, missing, edited, exported.path]
    alone = tmp_path / "alone" / "contest.sqlite"
    shutil.copytree(board.parent, alone.parent)

    monkeypatch.setattr(merge, "POOL_MIN_BYTES", 1)  # these few KB count as a large merge
    started: list[int] = []

    class Pool(ProcessPoolExecutor):  # the real pool, counted
        def __init__(self, **options: Any) -> None:
            started.append(options["max_workers"])
            super().__init__(**options)

    monkeypatch.setattr(merge, "ProcessPoolExecutor", Pool)
    pooled = _merge(board, *files)
    assert started == [min(os.cpu_count() or 1, len(files))]
    single = _merge(alone, *files, workers=0)

    def summary(report: MergeReport) -> list[tuple[Any, ...]]:
        return [
            (o.path, o.status, o.judge, o.entries, o.error.code if o.error else None)
            for o in report.outcomes
        ]

    assert summary(pooled) == summary(single)
    for folder in (board.parent, alone.parent):  # staged copies moved into place or removed
        assert not (folder / INCOMING_DIR).exists()
        assert len(list((folder / EVIDENCE_DIR).rglob("*.jgs"))) == 1
    assert [o.status for o in pooled.outcomes] == [
        MergeStatus.REFUSED,
        MergeStatus.MERGED,
        MergeStatus.REFUSED,
        MergeStatus.REFUSED,  # a second file claiming the revision already merged
        MergeStatus.UNCHANGED,
    ]
    refused = [o.error for o in pooled.outcomes if o.error is not None]
    assert [e.code for e in refused] == [
        "score_file_malformed",
        "file_not_found",
        "merge_total_mismatch",
    ]
    assert refused[2].params["entry"] == "A01" and refused[2].path == edited
    assert _stored(board) == _stored(alone)


class _BreaksAfterOne:
    """A pool whose worker dies after the first file: checked in the caller, as a worker would."""

    def __init__(self, **options: Any) -> None:
        self.options = options

    def __enter__(self) -> _BreaksAfterOne:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, work: Callable[[str], Any], paths: list[str]) -> Iterator[Any]:
        self.options["initializer"](*self.options["initargs"])  # gets the contest sent
        yield work(paths[0])
        raise BrokenProcessPool("a worker process was killed")

    def shutdown(self, *, cancel_futures: bool) -> None:
        assert cancel_futures


def test_files_a_broken_worker_pool_left_are_checked_here(
    exported: Exported, board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = resigned(exported, tmp_path / "edited.jgs", lambda b: _a01(b).update(total="9.75"))
    monkeypatch.setattr(merge, "ProcessPoolExecutor", _BreaksAfterOne)
    report = _merge(board, edited, exported.path, workers=2)
    assert [o.status for o in report.outcomes] == [MergeStatus.REFUSED, MergeStatus.MERGED]
    assert report.outcomes[0].error is not None
    assert report.outcomes[0].error.code == "merge_total_mismatch"
    with open_contest_file(board) as db:
        assert db.read_scalar("SELECT count(*) FROM score_file") == 1


@pytest.mark.parametrize("workers", [0, 2], ids=["in this process", "worker processes"])
def test_a_cancel_leaves_the_files_after_it_untouched(
    exported: Exported, board: Path, tmp_path: Path, workers: int
) -> None:
    junk = tmp_path / "junk.jgs"
    junk.write_bytes(b"not a score file")
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # the first file goes through, then the head judge cancels

    report = _merge(board, junk, exported.path, junk, workers=workers, cancelled=cancelled)
    assert [o.status for o in report.outcomes] == [MergeStatus.REFUSED]
    with open_contest_file(board) as db:
        assert db.read_scalar("SELECT count(*) FROM grading") == 0
        assert db.read_scalar("SELECT count(*) FROM score_file") == 0


def test_copies_a_killed_merge_left_are_cleared(exported: Exported, board: Path) -> None:
    incoming = board.parent / INCOMING_DIR
    incoming.mkdir()
    old, fresh = incoming / "a.jgs-part", incoming / "b.jgs-part"
    for part in (old, fresh):
        part.write_bytes(b"half a score file")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    (outcome,) = _merge(board, exported.path).outcomes
    assert outcome.status is MergeStatus.MERGED
    assert not old.exists() and fresh.exists()  # another merge may still need a fresh one


def test_a_copy_that_cannot_be_staged_refuses_the_file_and_writes_nothing(
    exported: Exported, board: Path
) -> None:
    (board.parent / INCOMING_DIR).write_bytes(b"a file where the folder goes")
    before = _snapshot(board)
    (outcome,) = _merge(board, exported.path).outcomes
    assert outcome.status is MergeStatus.REFUSED and outcome.error is not None
    assert outcome.error.code == "database_unwritable"
    assert _snapshot(board) == before


def test_a_contest_that_cannot_be_read_stops_the_workers_and_is_reported(
    exported: Exported, board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker processes start before the contest is read; when reading it fails they are
    told to stop (no merge hangs waiting for them) and the head judge gets the reason."""

    def unreadable(db: object) -> None:
        raise JudgeAppError("database_corrupt", board, reason="test")

    monkeypatch.setattr(merge, "merge_context", unreadable)
    with pytest.raises(JudgeAppError) as caught:
        _merge(board, exported.path, exported.path, workers=2)
    assert caught.value.code == "database_corrupt"
    worker_start(SimpleQueueOf(None))  # what such a worker does with the stop:
    with pytest.raises(RuntimeError):
        worker_prepare(str(exported.path))  # it takes no file


class SimpleQueueOf:
    def __init__(self, value: object) -> None:
        self.value = value

    def get(self) -> object:
        return self.value

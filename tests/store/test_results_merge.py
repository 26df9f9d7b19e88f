"""The merge after the lock: a judge's new score file that changes a locked entry is refused
whole; the same file again is no change; an appeal opens the entry and the file merges."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from merge_data import PASS, MergeData, merge_all, merge_master

from judge_app.core.scores import Points
from judge_app.exchange import keys
from judge_app.exchange.merge import MergeStatus, merge_score_files
from judge_app.exchange.score_file import export_score_file
from judge_app.store.database import open_contest_file
from judge_app.store.models import Entry, Grading
from judge_app.store.results import (
    compute_results,
    lock_results,
    unlock_for_appeal,
)
from judge_app.store.settlement import (
    DecisionKind,
    Queue,
    record_decision,
    settle_entries,
)


def _settle_everything(board: Path) -> None:
    """The head judge decides every entry the rule left open (lowest judge's total)."""
    with open_contest_file(board) as db:
        for row in settle_entries(db):
            if row.queue not in (Queue.AGREED, Queue.DECIDED, Queue.INVALID):
                low = min(g.total for g in row.gradings)
                record_decision(
                    db,
                    row.code,
                    kind=DecisionKind.HEAD,
                    score=low,
                    reason="TB quyết định",
                    actor="TB",
                )


def _regrade(data: MergeData, master_root: Path, tmp_path: Path) -> tuple[Path, str]:
    """GK1 changes one submitted grading in a copy of its workspace and exports again."""
    workspace = tmp_path / "ws-GK1.sqlite"
    shutil.copy(master_root / "ws" / "GK1" / "GK1.sqlite", workspace)
    with open_contest_file(workspace) as db:
        with db.session() as session, session.begin():
            grading = session.scalars(select(Grading).order_by(Grading.id)).first()
            assert grading is not None
            code = session.scalars(select(Entry.code).where(Entry.id == grading.entry_id)).one()
            assert grading.scores
            grading.scores = {**grading.scores, min(grading.scores): Points(0)}
            grading.revision += 1
        private = keys.load_private_key(
            data.fingerprints["GK1"], PASS, folder=master_root / "keys" / "GK1"
        )
        out = tmp_path / "diem-GK1-v2.jgs"
        export_score_file(db, out, private)
    return out, code


def test_a_score_file_changing_a_locked_entry_is_refused(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    master = merge_master(tmp_path_factory)
    data = master.copy_to(tmp_path)
    merge_all(data)
    _settle_everything(data.board)
    with open_contest_file(data.board) as db:
        digest = lock_results(db, actor="TB")
        # The same files again: already merged, nothing changes, nothing refused.
        again = merge_score_files(db, list(data.score_files.values()), actor="TB")
        assert {o.status for o in again.outcomes} == {MergeStatus.UNCHANGED}
    changed, code = _regrade(data, master.folder.parent, tmp_path)
    with open_contest_file(data.board) as db:
        (outcome,) = merge_score_files(db, [changed], actor="TB").outcomes
        assert outcome.status is MergeStatus.REFUSED
        assert outcome.error is not None and outcome.error.code == "results_locked_merge"
        assert code in outcome.error.params["entries"]
        assert outcome.error.params["count"] == 1
        assert compute_results(db).lock_digest == digest  # nothing moved
        # An appeal opens the entry: the same file now merges.
        unlock_for_appeal(db, code, actor="TB", reason="Đơn phúc khảo")
        (outcome,) = merge_score_files(db, [changed], actor="TB").outcomes
        assert outcome.status is MergeStatus.MERGED, outcome.error

"""The keystroke path: each change committed with its audit row, checked, and crash-proof."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from unittest import mock

import pytest
from sqlalchemy import select
from store_helpers import Seeded, seed_contest

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, connect_sqlite, open_contest_file
from judge_app.store.models import AuditRow, Grading, GradingStatus
from judge_app.store.scoring import ensure_grading, set_criterion_score, set_grading_comment


def _audit_rows(db: ContestDatabase) -> list[AuditRow]:
    with db.session() as session:
        return list(session.scalars(select(AuditRow).order_by(AuditRow.id)))


def _score(db: ContestDatabase, grading: int, criterion: int) -> Points | None:
    with db.session() as session:
        row = session.get(Grading, grading)
        return None if row is None else row.scores.get(criterion)


def test_score_is_stored_with_its_audit_row(db: ContestDatabase, seeded: Seeded) -> None:
    grading, criterion = seeded.grading_ids[0], seeded.criterion_ids[1]
    before = len(_audit_rows(db))
    set_criterion_score(db, grading, criterion, Points(750), "gk1")
    set_criterion_score(db, grading, criterion, Points(825), "gk1")
    assert _score(db, grading, criterion) == Points(825)
    first, second = _audit_rows(db)[before:]
    key = json.dumps({"criterion_id": criterion, "grading_id": grading}, separators=(",", ":"))
    assert (first.actor, first.action, first.entity, first.entity_key) == (
        "gk1",
        "set_score",
        "criterion_score",
        key,
    )
    assert (first.before, first.after) == (None, '{"points":750}')
    assert (second.before, second.after) == ('{"points":750}', '{"points":825}')
    with db.session() as session:
        row = session.get(Grading, grading)
        assert row is not None and row.revision == 2
    assert verify(db).ok


def test_timestamps_are_written_as_sqlalchemy_writes_them() -> None:
    from judge_app.store import scoring, stored
    from judge_app.store.database import SQL_DIALECT, table_of

    column = table_of(Grading).c.updated_at
    processor = column.type.dialect_impl(SQL_DIALECT).bind_processor(SQL_DIALECT)
    assert processor is not None
    for moment in (dt.datetime(2019, 8, 20, 16, 59, 59, 999999), dt.datetime(2019, 8, 20, 17)):
        with mock.patch.object(stored, "utcnow", return_value=moment):
            assert stored.stored_now() == processor(moment)
            assert scoring.stored_now() == processor(moment)  # the name the writers import


@pytest.mark.parametrize("centi", [0, 25, 750, 1000, 123456])
def test_hand_written_json_is_canonical(centi: int) -> None:
    from judge_app.store.audit import canonical_json
    from judge_app.store.scoring import points_json, score_key_json

    assert points_json(centi) == canonical_json({"points": Points(centi)})
    assert score_key_json(centi + 1, 7) == canonical_json(
        {"grading_id": centi + 1, "criterion_id": 7}
    )


def test_retyping_the_same_score_logs_nothing(db: ContestDatabase, seeded: Seeded) -> None:
    grading, criterion = seeded.grading_ids[0], seeded.criterion_ids[0]
    set_criterion_score(db, grading, criterion, Points(500), "gk1")
    count = len(_audit_rows(db))
    set_criterion_score(db, grading, criterion, Points(500), "gk1")
    assert len(_audit_rows(db)) == count


@pytest.mark.parametrize(
    ("points", "code"), [(Points(1025), "score_out_of_range"), (Points(710), "score_off_grid")]
)
def test_invalid_score_changes_nothing(
    db: ContestDatabase, seeded: Seeded, points: Points, code: str
) -> None:
    grading, criterion = seeded.grading_ids[0], seeded.criterion_ids[0]
    set_criterion_score(db, grading, criterion, Points(500), "gk1")
    count = len(_audit_rows(db))
    with pytest.raises(JudgeAppError) as caught:
        set_criterion_score(db, grading, criterion, points, "gk1")
    assert caught.value.code == code
    assert _score(db, grading, criterion) == Points(500)
    assert len(_audit_rows(db)) == count


def test_floats_are_refused(db: ContestDatabase, seeded: Seeded) -> None:
    with pytest.raises(TypeError):
        set_criterion_score(
            db,
            seeded.grading_ids[0],
            seeded.criterion_ids[0],
            7.5,  # type: ignore[arg-type]
            "gk1",
        )


def test_unknown_grading_or_foreign_criterion(db: ContestDatabase, seeded: Seeded) -> None:
    other = seed_contest(db, entries=1, criteria=1, code="K")
    cases = [
        (99999, seeded.criterion_ids[0], "grading_not_found"),
        (seeded.grading_ids[0], 99999, "criterion_not_found"),
        (seeded.grading_ids[0], other.criterion_ids[0], "criterion_not_found"),
    ]
    for grading, criterion, code in cases:
        with pytest.raises(JudgeAppError) as caught:
            set_criterion_score(db, grading, criterion, Points(500), "gk1")
        assert caught.value.code == code
        assert caught.value.path == db.path


def test_grading_comment(db: ContestDatabase, seeded: Seeded) -> None:
    grading = seeded.grading_ids[2]
    set_grading_comment(db, grading, "Bài viết sâu sắc, dẫn chứng thuyết phục.", "gk1")
    set_grading_comment(db, grading, "Bài viết sâu sắc, dẫn chứng thuyết phục.", "gk1")
    last = _audit_rows(db)[-1]
    assert (last.action, last.before) == ("set_comment", '{"comment":""}')
    assert last.after == '{"comment":"Bài viết sâu sắc, dẫn chứng thuyết phục."}'
    with db.session() as session:
        row = session.get(Grading, grading)
        assert row is not None
        assert row.comment.startswith("Bài viết")
        assert row.revision == 1
    with pytest.raises(JudgeAppError) as caught:
        set_grading_comment(db, 424242, "x", "gk1")
    assert caught.value.code == "grading_not_found"


def test_ensure_grading_is_idempotent(db: ContestDatabase, seeded: Seeded) -> None:
    entry, judge = seeded.entry_ids[0], seeded.judge_id
    assert ensure_grading(db, entry, judge, 1) == seeded.grading_ids[0]
    count = len(_audit_rows(db))
    third = ensure_grading(db, entry, judge, 3, actor="trưởng ban")
    assert ensure_grading(db, entry, judge, 3) == third
    rows = _audit_rows(db)[count:]
    assert [(r.action, r.entity, r.actor) for r in rows] == [("create", "grading", "trưởng ban")]
    with db.session() as session:
        grading = session.get(Grading, third)
        assert grading is not None
        assert (grading.round, grading.status, grading.revision) == (3, GradingStatus.DRAFT, 0)


def test_failed_change_rolls_back_and_the_writer_carries_on(
    db: ContestDatabase, seeded: Seeded
) -> None:
    count = len(_audit_rows(db))
    with pytest.raises(sqlite3.IntegrityError) as caught:
        ensure_grading(db, 987654, seeded.judge_id, 1)  # no such entry: foreign keys are on
    assert caught.value.__cause__ is None
    assert len(_audit_rows(db)) == count
    set_criterion_score(db, seeded.grading_ids[0], seeded.criterion_ids[0], Points(600), "gk1")
    assert verify(db).ok


def test_two_connections_writing_at_once_keep_one_chain(
    contest_path: Path, db: ContestDatabase, seeded: Seeded
) -> None:
    """Two writers (think: two windows on one file) never fork the chain: BEGIN IMMEDIATE."""
    errors: list[BaseException] = []

    def judge(name: str, gradings: list[int]) -> None:
        try:
            with open_contest_file(contest_path, integrity="skip") as own:
                for turn in range(40):
                    grading = gradings[turn % len(gradings)]
                    criterion = seeded.criterion_ids[(turn // len(gradings)) % 5]
                    set_criterion_score(own, grading, criterion, Points(25 * (turn + 1)), name)
        except BaseException as exc:  # reported below
            errors.append(exc)

    half = len(seeded.grading_ids) // 2
    threads = [
        threading.Thread(target=judge, args=("gk1", seeded.grading_ids[:half])),
        threading.Thread(target=judge, args=("gk2", seeded.grading_ids[half:])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = verify(db)
    assert report.ok
    assert sum(1 for r in _audit_rows(db) if r.action == "set_score") == 80


def test_one_database_shared_by_threads(db: ContestDatabase, seeded: Seeded) -> None:
    """The GUI thread and a worker may both save through one ContestDatabase."""
    errors: list[BaseException] = []

    def type_scores(grading: int) -> None:
        try:
            for turn in range(30):
                criterion = seeded.criterion_ids[turn % 5]
                set_criterion_score(db, grading, criterion, Points(25 * (turn + 1)), "gk1")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=type_scores, args=(g,)) for g in seeded.grading_ids[:3]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert verify(db).ok
    assert sum(1 for r in _audit_rows(db) if r.action == "set_score") == 90


# --- a crash in the middle of typing ----------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from judge_app.core.scores import Points
    from judge_app.store.database import open_contest_file
    from judge_app.store.scoring import set_criterion_score

    path = Path(sys.argv[1])
    gradings = [int(x) for x in sys.argv[2].split(",")]
    criteria = [int(x) for x in sys.argv[3].split(",")]
    keys = [(g, c) for c in criteria for g in gradings]
    db = open_contest_file(path, integrity="skip")
    i = 0
    while True:
        grading, criterion = keys[i % len(keys)]
        value = 25 * ((i // len(keys)) % 40 + 1)
        set_criterion_score(db, grading, criterion, Points(value), "child")
        print(i, flush=True)  # only after the commit returned
        i += 1
    """
)


def _expected(i: int, keys: list[tuple[int, int]]) -> tuple[tuple[int, int], Points]:
    return keys[i % len(keys)], Points(25 * ((i // len(keys)) % 40 + 1))


def test_sigkill_loses_no_reported_commit(
    contest_path: Path, db: ContestDatabase, seeded: Seeded, tmp_path: Path
) -> None:
    db.close()
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    gradings, criteria = seeded.grading_ids, seeded.criterion_ids
    keys = [(g, c) for c in criteria for g in gradings]
    command = [
        sys.executable,
        str(script),
        str(contest_path),
        ",".join(map(str, gradings)),
        ",".join(map(str, criteria)),
    ]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy()
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        reported: list[int] = []
        while len(reported) < 250:
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"child stopped early: {child.stderr.read()}")
            reported.append(int(line))
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
    reported += [int(line) for line in rest.splitlines(keepends=True) if line.endswith("\n")]
    assert reported == list(range(len(reported)))
    last = reported[-1]

    expected: dict[tuple[int, int], Points] = {}
    for i in reported:
        key, value = _expected(i, keys)
        expected[key] = value
    # The child may have committed one more change and died before printing it.
    unreported_key, unreported_value = _expected(last + 1, keys)

    with open_contest_file(contest_path) as reopened:
        with reopened.session() as session:
            stored = {
                (row.id, criterion): points
                for row in session.scalars(select(Grading))
                for criterion, points in row.scores.items()
            }
        report = verify(reopened)
    assert report.ok, report
    for key in keys:
        if key == unreported_key and stored.get(key) == unreported_value:
            continue
        assert stored.get(key) == expected.get(key), key
    # The file's creation is row 1; seeding logged one row per grading.
    set_score_rows = report.rows - 1 - len(gradings)
    assert set_score_rows in (len(reported), len(reported) + 1)


def test_deleting_a_judge_cannot_take_their_scores_with_it(
    db: ContestDatabase, seeded: Seeded
) -> None:
    set_criterion_score(db, seeded.grading_ids[0], seeded.criterion_ids[0], Points(300), "gk1")
    connection = connect_sqlite(db.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            connection.execute("DELETE FROM judge")
        assert connection.execute(
            "SELECT count(*) FROM grading WHERE scores != '{}'"
        ).fetchone() == (1,)
    finally:
        connection.close()


def test_deleting_a_criterion_cannot_take_its_scores_with_it(
    db: ContestDatabase, seeded: Seeded
) -> None:
    set_criterion_score(db, seeded.grading_ids[0], seeded.criterion_ids[0], Points(300), "gk1")
    connection = connect_sqlite(db.path)
    try:
        # No foreign key since the sheet moved into the grading row (0004): a trigger guards it.
        with pytest.raises(sqlite3.IntegrityError, match="criterion has scores"):
            connection.execute("DELETE FROM criterion")
        assert connection.execute("SELECT count(*) FROM criterion").fetchone()[0] > 0
    finally:
        connection.close()

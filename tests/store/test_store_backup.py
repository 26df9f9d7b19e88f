"""Backups: where they go, what they hold, how many stay; a damaged file names the newest one."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path

import pytest
from store_helpers import seed_contest

from judge_app import paths
from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.core.scores import Points
from judge_app.store import backup as backup_module
from judge_app.store.backup import (
    backup_contest,
    contest_backup_dir,
    list_backups,
    newest_backup,
)
from judge_app.store.database import (
    ContestDatabase,
    connect_sqlite,
    create_contest_file,
    open_contest_file,
)
from judge_app.store.scoring import set_criterion_score
from judge_app.store.sheet import load_int_map

NAME = re.compile(r"^\d{6}-\d{8}T\d{6}Z-[A-Za-z0-9_-]+\.sqlite$")


def _count(path: Path, table: str) -> int:
    connection = connect_sqlite(path)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def _scores(path: Path) -> dict[int, dict[int, int]]:
    """Grading id → its scores, for the gradings holding any."""
    connection = connect_sqlite(path)
    try:
        rows = connection.execute("SELECT id, scores FROM grading ORDER BY id").fetchall()
    finally:
        connection.close()
    return {grading_id: load_int_map(text) for grading_id, text in rows if load_int_map(text)}


def test_backup_location_and_name(db: ContestDatabase, judge_home: Path) -> None:
    target = backup_contest(db, "manual")
    digest = hashlib.sha256(os.fsencode(db.path.resolve())).hexdigest()[:8]
    assert target.parent == paths.backup_dir() / f"contest-{digest}"
    assert target.parent == contest_backup_dir(db.path)
    assert paths.backup_dir().is_relative_to(judge_home)
    assert NAME.match(target.name), target.name
    assert target.name.endswith("-manual.sqlite")
    # Atomic write: nothing but finished backups in the folder.
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_backup_is_a_consistent_copy_taken_while_the_app_writes(db: ContestDatabase) -> None:
    data = seed_contest(db)
    set_criterion_score(db, data.grading_ids[0], data.criterion_ids[0], Points(900), "gk1")
    holder = connect_sqlite(db.path)
    holder.execute("BEGIN IMMEDIATE")  # another writer mid-transaction does not block a backup
    try:
        target = backup_contest(db, "timer")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _scores(target) == {data.grading_ids[0]: {data.criterion_ids[0]: 900}}
    assert _count(target, "grading") == len(data.grading_ids)
    with open_contest_file(target) as copy:  # a backup opens like any contest file
        assert copy.role.value == "board"


def test_backup_of_a_closed_file_by_path(contest_path: Path, db: ContestDatabase) -> None:
    db.close()
    target = backup_contest(contest_path, "cli")
    assert newest_backup(contest_path) == target
    assert not Path(f"{target}-wal").exists()


def test_backup_of_a_file_with_another_page_size(contest_path: Path, db: ContestDatabase) -> None:
    db.close()
    connection = connect_sqlite(contest_path)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("PRAGMA page_size=8192")
        connection.execute("VACUUM")
        connection.execute("PRAGMA journal_mode=WAL")
    finally:
        connection.close()
    target = backup_contest(contest_path, "page-size")
    copy = connect_sqlite(target)
    try:
        assert copy.execute("PRAGMA page_size").fetchone()[0] == 8192
        assert copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        copy.close()


def test_reason_is_made_safe_for_a_file_name(db: ContestDatabase) -> None:
    target = backup_contest(db, "trước khi gộp / merge")
    assert NAME.match(target.name), target.name


def test_backups_rotate_to_keep(db: ContestDatabase) -> None:
    made = [backup_contest(db, f"n{i}", keep=3) for i in range(5)]
    assert list_backups(db.path) == list(reversed(made[-3:]))
    assert newest_backup(db.path) == made[-1]
    assert not made[0].exists() and not made[1].exists()


def test_default_keeps_ten(db: ContestDatabase) -> None:
    made = [backup_contest(db, "timer") for _ in range(12)]
    assert list_backups(db.path) == list(reversed(made[-10:]))


def test_pre_migration_backups_are_never_rotated_out(db: ContestDatabase) -> None:
    first = backup_contest(db, "pre-migration")
    for _ in range(4):
        backup_contest(db, "timer", keep=2)
    assert first.exists()
    assert len(list_backups(db.path)) == 3


def test_a_clock_set_back_does_not_make_the_new_backup_look_old(
    db: ContestDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Future(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:
            return dt.datetime(2030, 1, 1, tzinfo=tz)

    monkeypatch.setattr(backup_module.dt, "datetime", Future)
    for _ in range(3):
        backup_contest(db, "timer", keep=3)
    monkeypatch.undo()
    latest = backup_contest(db, "timer", keep=3)
    assert latest.exists()
    assert newest_backup(db.path) == latest


def test_path_that_is_not_utf8_can_be_backed_up(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/b\xe0i"))
    folder.mkdir()
    with create_contest_file(folder / "c.sqlite") as db:
        assert backup_contest(db, "manual").exists()


def test_keep_must_be_positive(db: ContestDatabase) -> None:
    with pytest.raises(ValueError):
        backup_contest(db, "x", keep=0)


def test_same_name_in_two_folders_has_two_backup_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with create_contest_file(tmp_path / "a" / "c.sqlite") as one:
        first = backup_contest(one, "x")
    with create_contest_file(tmp_path / "b" / "c.sqlite") as two:
        second = backup_contest(two, "x")
    assert first.parent != second.parent
    assert list_backups(tmp_path / "a" / "c.sqlite") == [first]


def test_no_backups_yet(tmp_path: Path) -> None:
    assert list_backups(tmp_path / "never.sqlite") == []
    assert newest_backup(tmp_path / "never.sqlite") is None


def test_backup_of_missing_file(tmp_path: Path) -> None:
    with pytest.raises(JudgeAppError) as caught:
        backup_contest(tmp_path / "gone.sqlite", "x")
    assert caught.value.code == "file_not_found"


# --- damaged files ----------------------------------------------------------------------------


def _damage(path: Path) -> None:
    """Overwrite one whole page in the middle of the file, page header included."""
    page_size = 4096
    size = path.stat().st_size
    assert size > 2 * 1024 * 1024, "needs a file of a few MB so the middle is a b-tree page"
    offset = (size // 2) // page_size * page_size
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(b"\xa5" * page_size)


@pytest.fixture
def damaged(contest_path: Path, db: ContestDatabase) -> Path:
    seed_contest(db, entries=3000, path_padding=1000)
    backup_contest(db, "older", keep=10)
    backup_contest(db, "newest", keep=10)
    db.close()
    _damage(contest_path)
    return contest_path


def test_damaged_file_names_the_newest_backup(damaged: Path) -> None:
    with pytest.raises(JudgeAppError) as caught:
        open_contest_file(damaged)
    error = caught.value
    assert error.code == "database_corrupt"
    assert error.path == damaged
    assert error.params["backup"] == str(newest_backup(damaged))
    assert error.params["backup"].endswith("-newest.sqlite")
    assert error.params["reason"]
    assert str(newest_backup(damaged)) in describe(error, "en")


def test_damaged_file_found_by_the_background_check(damaged: Path) -> None:
    with open_contest_file(damaged, integrity="background") as database:
        outcome = database.integrity_future.result(timeout=60)
    assert isinstance(outcome, JudgeAppError)
    assert outcome.code == "database_corrupt"
    assert outcome.params["backup"] == str(newest_backup(damaged))


def test_damaged_file_without_backup_says_so(contest_path: Path, db: ContestDatabase) -> None:
    seed_contest(db, entries=3000, path_padding=1000)
    db.close()
    _damage(contest_path)
    with pytest.raises(JudgeAppError) as caught:
        open_contest_file(contest_path)
    assert caught.value.code == "database_corrupt"
    assert caught.value.params["backup"] == "no_backup"

"""Creating and opening contest files: errors the user sees, pragmas, locking, integrity."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, select, text
from sqlalchemy.pool import QueuePool
from store_helpers import EXPECTED_PRAGMAS, Seeded, pragmas, seed_contest

import judge_app
from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.store import database as database_module
from judge_app.store.database import (
    ContestDatabase,
    IntegrityMode,
    connect_sqlite,
    create_contest_file,
    open_contest_file,
)
from judge_app.store.models import Contest, FileRole, Meta
from judge_app.store.scoring import set_criterion_score
from judge_app.store.sheet import load_int_map

REPO = Path(__file__).resolve().parents[2]


# --- creating ---------------------------------------------------------------------------------


def test_create_writes_meta_rows(db: ContestDatabase) -> None:
    with db.session() as session:
        meta = {row.key: row.value for row in session.scalars(select(Meta))}
    assert meta["role"] == "board"
    assert meta["app_version"] == judge_app.__version__
    created = dt.datetime.fromisoformat(meta["created_at"])
    assert abs(created - dt.datetime.now(dt.UTC).replace(tzinfo=None)) < dt.timedelta(minutes=1)
    assert db.role is FileRole.BOARD


def test_workspace_role_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "gk1.sqlite"
    with create_contest_file(path, FileRole.WORKSPACE) as created:
        assert created.role is FileRole.WORKSPACE
    with open_contest_file(path) as reopened:
        assert reopened.role is FileRole.WORKSPACE


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "existing.sqlite"
    path.write_bytes(b"precious")
    with pytest.raises(JudgeAppError) as caught:
        create_contest_file(path)
    assert caught.value.code == "file_exists"
    assert caught.value.path == path
    assert path.read_bytes() == b"precious"


def test_create_in_missing_folder_is_unwritable(tmp_path: Path) -> None:
    with pytest.raises(JudgeAppError) as caught:
        create_contest_file(tmp_path / "no" / "such" / "folder.sqlite")
    assert caught.value.code == "database_unwritable"


def test_session_does_not_expire_on_commit(db: ContestDatabase) -> None:
    with db.session() as session:
        contest = Contest(name="Viết về thầy cô")
        session.add(contest)
        session.commit()
    assert contest.name == "Viết về thầy cô"  # readable after the session is gone


def test_close_is_idempotent_and_releases_connections(db: ContestDatabase, seeded: Seeded) -> None:
    set_criterion_score(db, seeded.grading_ids[0], seeded.criterion_ids[0], Points(500), "gk1")
    db.close()
    db.close()
    pool = db.engine.pool
    assert isinstance(pool, QueuePool)
    assert pool.checkedout() == 0
    with pytest.raises(RuntimeError):
        set_criterion_score(db, seeded.grading_ids[0], seeded.criterion_ids[0], Points(750), "x")


# --- opening: what is not a contest file -----------------------------------------------------


def _code(path: Path) -> str:
    with pytest.raises(JudgeAppError) as caught:
        open_contest_file(path)
    assert caught.value.path == path
    return caught.value.code


def test_missing_file(tmp_path: Path) -> None:
    assert _code(tmp_path / "missing.sqlite") == "file_not_found"


def test_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Danh sách thí sinh\n", encoding="utf-8")
    assert _code(path) == "not_a_database"


def test_zip_renamed_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "bai_du_thi.sqlite"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("bai.docx", "x" * 1000)
    assert _code(path) == "not_a_database"


def test_empty_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    assert _code(path) == "not_a_database"


def test_foreign_sqlite_file_is_not_a_contest_file(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = connect_sqlite(path)
    connection.execute("CREATE TABLE things (x)")
    connection.close()
    assert _code(path) == "not_a_database"


def test_other_alembic_managed_file_is_not_a_contest_file(tmp_path: Path) -> None:
    path = tmp_path / "other_app.sqlite"
    connection = connect_sqlite(path)
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    connection.execute("INSERT INTO alembic_version VALUES ('1a2b3c4d5e6f')")
    connection.close()
    assert _code(path) == "not_a_database"


def test_newer_schema_is_refused(contest_path: Path, db: ContestDatabase) -> None:
    db.close()
    connection = connect_sqlite(contest_path)
    connection.execute("UPDATE alembic_version SET version_num = 'zzzz_from_the_future'")
    connection.close()
    with pytest.raises(JudgeAppError) as caught:
        open_contest_file(contest_path)
    assert caught.value.code == "database_too_new"
    assert caught.value.params["revision"] == "zzzz_from_the_future"


def test_invalid_integrity_mode(contest_path: Path, db: ContestDatabase) -> None:
    with pytest.raises(ValueError, match="integrity"):
        open_contest_file(contest_path, integrity="later")  # type: ignore[arg-type]


# --- pragmas and transactions -----------------------------------------------------------------


def test_every_pool_connection_has_the_pragmas(db: ContestDatabase) -> None:
    with db.engine.connect() as one, db.engine.connect() as two, db.engine.connect() as three:
        drivers = [c.connection.driver_connection for c in (one, two, three)]
        assert len({id(d) for d in drivers}) == 3
        for driver in drivers:
            assert isinstance(driver, sqlite3.Connection)
            assert pragmas(driver) == EXPECTED_PRAGMAS


def test_session_and_writer_connections_have_the_pragmas(
    db: ContestDatabase, seeded: Seeded
) -> None:
    with db.session() as session:
        driver = session.connection().connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        assert pragmas(driver) == EXPECTED_PRAGMAS
    with db.write_transaction() as writer:
        assert pragmas(writer) == EXPECTED_PRAGMAS


def test_connect_sqlite_has_the_pragmas(db: ContestDatabase) -> None:
    connection = connect_sqlite(db.path)
    try:
        assert pragmas(connection) == EXPECTED_PRAGMAS
        assert connection.isolation_level is None
    finally:
        connection.close()


def test_transactions_begin_immediate(db: ContestDatabase) -> None:
    """A session that only read still holds the write lock: no deferred-lock upgrade later."""
    seen: list[str] = []

    def remember(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        with db.session() as session:
            session.execute(text("SELECT 1"))
            assert "BEGIN IMMEDIATE" in seen
            other = connect_sqlite(db.path)
            try:
                other.execute("PRAGMA busy_timeout=0")
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)


def test_a_reader_never_blocks_a_keystroke(contest_path: Path, db: ContestDatabase) -> None:
    """A window showing the contest holds a read session; scores must still save at once."""
    data = seed_contest(db, entries=1)
    with db.read_session() as session:
        before = session.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
        other = connect_sqlite(db.path)
        try:
            other.execute("PRAGMA busy_timeout=0")
            other.execute("BEGIN IMMEDIATE")  # would raise "locked" if the reader held the lock
            other.execute("ROLLBACK")
        finally:
            other.close()
        set_criterion_score(db, data.grading_ids[0], data.criterion_ids[0], Points(250), "gk1")
        # The reader keeps its snapshot until it ends.
        again = session.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
        assert again == before
    with db.read_session() as session:
        after = session.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
    assert after == before + 1


def test_locked_database_after_busy_timeout(
    contest_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 100)
    with create_contest_file(contest_path) as db:
        data = seed_contest(db, entries=1)
        holder = connect_sqlite(contest_path)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(JudgeAppError) as keystroke:
                set_criterion_score(
                    db, data.grading_ids[0], data.criterion_ids[0], Points(500), "gk1"
                )
            assert keystroke.value.code == "database_locked"
            assert keystroke.value.path == contest_path
            with pytest.raises(JudgeAppError) as orm, db.session() as session:
                session.add(Contest(name="x"))
                session.commit()
            assert orm.value.code == "database_locked"
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        # The lock is gone: both paths work again.
        set_criterion_score(db, data.grading_ids[0], data.criterion_ids[0], Points(500), "gk1")
        with db.session() as session:
            session.add(Contest(name="y"))
            session.commit()


# --- integrity --------------------------------------------------------------------------------


def test_background_check_of_a_sound_file(contest_path: Path, db: ContestDatabase) -> None:
    db.close()
    with open_contest_file(contest_path, integrity="background") as reopened:
        assert reopened.integrity_future.result(timeout=30) is None


def test_large_files_are_checked_in_the_background(
    contest_path: Path, db: ContestDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.close()
    monkeypatch.setattr(database_module, "SYNC_CHECK_LIMIT", 0)
    with open_contest_file(contest_path) as reopened:
        assert reopened._integrity_check is not None
        assert reopened.integrity_future.result(timeout=30) is None


def test_sync_and_skip_leave_a_resolved_future(contest_path: Path, db: ContestDatabase) -> None:
    db.close()
    modes: tuple[IntegrityMode, ...] = ("sync", "skip")
    for mode in modes:
        with open_contest_file(contest_path, integrity=mode) as reopened:
            assert reopened.integrity_future.done()
            assert reopened.integrity_future.result() is None


def test_close_stops_a_running_background_check(contest_path: Path, db: ContestDatabase) -> None:
    db.close()
    reopened = open_contest_file(contest_path, integrity="background")
    reopened.close()
    assert reopened.integrity_future.done()


# --- the one place that connects ---------------------------------------------------------------


def test_only_database_module_calls_sqlite3_connect() -> None:
    package = REPO / "judge_app"
    allowed = package / "store" / "database.py"
    offenders = [
        str(path.relative_to(REPO))
        for path in package.rglob("*.py")
        if path != allowed and "sqlite3.connect(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_store_never_imports_qt() -> None:
    store = REPO / "judge_app" / "store"
    assert [p.name for p in store.rglob("*.py") if "PySide6" in p.read_text("utf-8")] == []


def test_engine_is_an_engine(db: ContestDatabase) -> None:
    assert isinstance(db.engine, Engine)
    assert db.path.name == "contest.sqlite"
    assert "contest.sqlite" in repr(db)


def test_closed_contest_is_whole_in_its_main_file(contest_path: Path, tmp_path: Path) -> None:
    """A board copies only `contest.sqlite` to a USB stick after closing the app."""
    with create_contest_file(contest_path) as db:
        data = seed_contest(db, entries=1)
        set_criterion_score(db, data.grading_ids[0], data.criterion_ids[0], Points(275), "gk1")
    wal = Path(f"{contest_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    copy = tmp_path / "usb" / "contest.sqlite"
    copy.parent.mkdir()
    copy.write_bytes(contest_path.read_bytes())
    with open_contest_file(copy) as reopened:
        scores = reopened.read_scalar(
            "SELECT scores FROM grading WHERE id = :id", {"id": data.grading_ids[0]}
        )
    assert load_int_map(scores) == {data.criterion_ids[0]: 275}

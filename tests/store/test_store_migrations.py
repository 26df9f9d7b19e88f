"""Migrations: models and revisions never drift; upgrades back up first and lose nothing."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from store_helpers import EXPECTED_PRAGMAS, pragmas, seed_contest

from judge_app.core.scores import Points
from judge_app.store import database as database_module
from judge_app.store.audit import verify
from judge_app.store.backup import list_backups
from judge_app.store.database import (
    ContestDatabase,
    connect_sqlite,
    create_contest_file,
    open_contest_file,
    run_migration,
    script_directory,
)
from judge_app.store.migrations import HEAD_REVISION, MIGRATIONS_DIR
from judge_app.store.models import Base, Grading, Question
from judge_app.store.scoring import set_criterion_score
from judge_app.store.sheet import dump_map, load_int_map


def test_head_constant_matches_the_revision_files() -> None:
    assert script_directory().get_current_head() == HEAD_REVISION


def test_migrated_file_matches_models(db: ContestDatabase) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def _fingerprint(path: Path) -> dict[str, Any]:
    """Columns, keys, indexes and CHECK constraints of every table: what compare_metadata
    does not look at (CHECK constraints) included."""
    connection = connect_sqlite(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT IN ('alembic_version', 'sqlite_sequence') ORDER BY name"
            )
        ]
        result: dict[str, Any] = {}
        for table in tables:
            sql = connection.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", (table,)
            ).fetchone()[0]
            result[table] = {
                "columns": connection.execute(f"PRAGMA table_info('{table}')").fetchall(),
                "foreign_keys": sorted(
                    row[2:] for row in connection.execute(f"PRAGMA foreign_key_list('{table}')")
                ),
                "indexes": sorted(
                    (row[1], row[2], row[3])
                    for row in connection.execute(f"PRAGMA index_list('{table}')")
                ),
                "checks": sorted(re.findall(r"CONSTRAINT (\w+) CHECK \(([^)]*)\)", sql)),
            }
        return result
    finally:
        connection.close()


def test_migration_builds_the_same_schema_as_the_models(
    db: ContestDatabase, tmp_path: Path
) -> None:
    reference = tmp_path / "create_all.sqlite"
    engine = create_engine(f"sqlite:///{reference}")
    Base.metadata.create_all(engine)
    engine.dispose()
    assert _fingerprint(db.path) == _fingerprint(reference)


def test_audit_log_triggers_exist(db: ContestDatabase) -> None:
    with db.engine.connect() as connection:
        names = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).scalars()
        # The audit log's, and since 0004 the ones keeping a criterion or question that a
        # grading's sheet names (the foreign keys of the old score tables).
        assert list(names) == [
            "audit_log_no_delete",
            "audit_log_no_update",
            "criterion_in_use",
            "question_in_use",
        ]


def test_opening_an_up_to_date_file_does_not_load_alembic_scripts(
    contest_path: Path, db: ContestDatabase
) -> None:
    db.close()
    script_directory.cache_clear()
    with open_contest_file(contest_path):
        pass
    assert script_directory.cache_info().currsize == 0


def test_alembic_runs_on_a_connection_with_the_app_pragmas(tmp_path: Path) -> None:
    """The connection Alembic migrates on comes from the engine's connect listener.

    foreign_keys is deliberately OFF while the revisions run (batch mode drops and recreates
    tables; with it on, the drop would cascade ON DELETE into child tables) and ON again on the
    same connection afterwards.
    """
    during: dict[int, dict[str, object]] = {}
    drivers: dict[int, sqlite3.Connection] = {}

    def inspect(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("CREATE TABLE"):
            driver = conn.connection.driver_connection
            drivers[id(driver)] = driver
            during.setdefault(id(driver), pragmas(driver))

    event.listen(Engine, "before_cursor_execute", inspect)
    try:
        database = create_contest_file(tmp_path / "hooked.sqlite")
    finally:
        event.remove(Engine, "before_cursor_execute", inspect)
    try:
        assert len(during) == 1  # one connection ran the whole migration
        (seen,) = during.values()
        assert seen == {**EXPECTED_PRAGMAS, "foreign_keys": 0}
        (driver,) = drivers.values()
        assert pragmas(driver) == EXPECTED_PRAGMAS  # restored on the same pool connection
    finally:
        database.close()


# --- upgrading an older file ------------------------------------------------------------------

NEXT_REVISION = f'''
"""Test-only revision: rebuilds grading (a parent with ON DELETE CASCADE children)."""
import sqlalchemy as sa
from alembic import op

revision = "0099_test"
down_revision = "{HEAD_REVISION}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("grading", recreate="always") as batch:
        batch.add_column(sa.Column("extra", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("grading", recreate="always") as batch:
        batch.drop_column("extra")
'''


def test_older_file_is_backed_up_then_upgraded_without_loss(
    contest_path: Path, db: ContestDatabase
) -> None:
    data = seed_contest(db)
    for grading in data.grading_ids:
        for criterion in data.criterion_ids:
            set_criterion_score(db, grading, criterion, Points(750), "gk1")
    db.close()
    assert list_backups(contest_path) == []

    with pytest.MonkeyPatch.context() as patch:
        scripts = contest_path.parent / "migrations"
        shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
        (scripts / "versions" / "0099_test.py").write_text(NEXT_REVISION, encoding="utf-8")
        patch.setattr(database_module, "MIGRATIONS_DIR", scripts)
        patch.setattr(database_module, "HEAD_REVISION", "0099_test")
        script_directory.cache_clear()
        try:
            with open_contest_file(contest_path) as upgraded:
                with upgraded.session() as session:
                    sheets = session.scalars(select(Grading.scores)).all()
                assert len(sheets) == len(data.grading_ids)
                assert all(set(sheet) == set(data.criterion_ids) for sheet in sheets)
                assert {p for sheet in sheets for p in sheet.values()} == {Points(750)}
                assert verify(upgraded).ok
                assert upgraded.read_scalar("SELECT version_num FROM alembic_version") == (
                    "0099_test"
                )
                added = upgraded.read_scalar(
                    "SELECT count(*) FROM pragma_table_info('grading') WHERE name = 'extra'"
                )
                assert added == 1
        finally:
            script_directory.cache_clear()

    backups = list_backups(contest_path)
    assert len(backups) == 1
    assert backups[0].name.endswith("-pre-migration.sqlite")
    copy = connect_sqlite(backups[0])
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
        saved = [load_int_map(text) for (text,) in copy.execute("SELECT scores FROM grading")]
        assert sum(len(scores) for scores in saved) == 50
    finally:
        copy.close()


def test_file_migrated_down_to_base_is_upgraded(contest_path: Path, db: ContestDatabase) -> None:
    run_migration(db.engine, "base", downgrade=True)
    db.close()
    with open_contest_file(contest_path) as reopened:
        assert reopened.read_scalar("SELECT version_num FROM alembic_version") == HEAD_REVISION
        with reopened.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    assert len(list_backups(contest_path)) == 1


# --- 0004: the sheet moves into the grading row ----------------------------------------------

SHEET_BEFORE = "0003_score_files"
SHEET_AFTER = "0004_sheet_in_row"


def test_sheet_rows_move_into_the_grading_row_and_back(db: ContestDatabase) -> None:
    """A file at 0003 keeps scores and answers in `criterion_score`/`choice_answer`; 0004 puts
    the same scores, answers and comments in the grading row, and 0003 again gives the rows
    back."""
    data = seed_contest(db, entries=3, criteria=3)
    with db.session() as session, session.begin():
        session.add_all(
            Question(
                contest_id=data.contest_id,
                number=n,
                prompt=f"Câu {n}",
                answer="A",
                points=Points(25),
            )
            for n in (1, 2)
        )
    with db.read_session() as session:
        questions = list(session.scalars(select(Question.id).order_by(Question.number)))
    run_migration(db.engine, SHEET_BEFORE, downgrade=True)
    first, second, third = data.grading_ids
    c1, c2, c3 = data.criterion_ids
    q1, q2 = questions
    scores = [  # grading, criterion, points, comment
        (first, c1, 750, "Lập luận chặt chẽ"),
        (first, c3, 25, ""),
        (second, c2, 1000, 'Dẫn chứng "hay", đủ'),
    ]
    answers = [(first, q1, "B"), (first, q2, ""), (third, q2, "A")]  # "" = left blank
    # Before 0004 a comment typed on a criterion not scored yet waited in meta.
    pending = [(f"grading.cc.{third}.{c1}", "Chưa chấm: thiếu trang 2")]
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO criterion_score (grading_id, criterion_id, points, comment, updated_at) "
            "VALUES (?, ?, ?, ?, '2019-09-01 08:00:00.000000')",
            scores,
        )
        connection.exec_driver_sql(
            "INSERT INTO choice_answer (grading_id, question_id, chosen) VALUES (?, ?, ?)",
            answers,
        )
        connection.exec_driver_sql("INSERT INTO meta (key, value) VALUES (?, ?)", pending)

    run_migration(db.engine, SHEET_AFTER)
    tables = db.read_scalar(
        "SELECT count(*) FROM sqlite_master WHERE name IN ('criterion_score', 'choice_answer')"
    )
    assert tables == 0
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT id, scores, answers, criterion_comments FROM grading ORDER BY id"
        ).fetchall()
    assert [tuple(row) for row in rows] == [
        (
            first,
            dump_map({c1: 750, c3: 25}),
            dump_map({q1: "B", q2: ""}),
            dump_map({c1: "Lập luận chặt chẽ"}),
        ),
        (second, dump_map({c2: 1000}), "{}", dump_map({c2: 'Dẫn chứng "hay", đủ'})),
        (third, "{}", dump_map({q2: "A"}), dump_map({c1: "Chưa chấm: thiếu trang 2"})),
    ]
    waiting = "SELECT key, value FROM meta WHERE key LIKE 'grading.cc.%' ORDER BY key"
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql(waiting).fetchall() == []
    with db.read_session() as session:
        graded = {g.id: g for g in session.scalars(select(Grading))}
    assert graded[first].scores == {c1: Points(750), c3: Points(25)}
    assert graded[first].answers == {q1: "B", q2: ""}
    assert graded[first].criterion_comments == {c1: "Lập luận chặt chẽ"}
    assert graded[second].scores == {c2: Points(1000)}
    assert graded[third].scores == {} and graded[third].answers == {q2: "A"}
    assert graded[third].criterion_comments == {c1: "Chưa chấm: thiếu trang 2"}

    run_migration(db.engine, SHEET_BEFORE, downgrade=True)
    with db.engine.connect() as connection:
        restored_scores = connection.exec_driver_sql(
            "SELECT grading_id, criterion_id, points, comment FROM criterion_score "
            "ORDER BY grading_id, criterion_id"
        ).fetchall()
        restored_answers = connection.exec_driver_sql(
            "SELECT grading_id, question_id, chosen FROM choice_answer "
            "ORDER BY grading_id, question_id"
        ).fetchall()
        restored_pending = connection.exec_driver_sql(waiting).fetchall()
        columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info('grading')")}
    assert [tuple(row) for row in restored_scores] == scores
    assert [tuple(row) for row in restored_answers] == answers
    assert [tuple(row) for row in restored_pending] == pending
    assert not columns & {"scores", "answers", "criterion_comments"}
    assert db.read_scalar("SELECT version_num FROM alembic_version") == SHEET_BEFORE

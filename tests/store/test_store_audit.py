"""The audit log: canonical rows, an unbroken chain, and tampering found at the first bad row."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from store_helpers import Seeded

from judge_app.core.scores import Points
from judge_app.store.audit import (
    GENESIS_HASH,
    AuditReport,
    canonical_json,
    record,
    row_hash,
    verify,
)
from judge_app.store.database import ContestDatabase, connect_sqlite
from judge_app.store.models import AuditRow, CategoryKind
from judge_app.store.scoring import set_criterion_score


def test_canonical_json() -> None:
    value = {
        "b": Points(750),
        "a": dt.date(2019, 8, 20),
        "at": dt.datetime(2019, 8, 20, 17, 0),
        "name": "Nguyễn Thị Hoà",
        "kind": CategoryKind.STAFF,
    }
    assert canonical_json(value) == (
        '{"a":"2019-08-20","at":"2019-08-20T17:00:00","b":750,"kind":"staff",'
        '"name":"Nguyễn Thị Hoà"}'
    )
    assert canonical_json(None) is None
    with pytest.raises(TypeError):
        canonical_json({"x": object()})


def test_record_chains_rows_in_the_session_transaction(db: ContestDatabase) -> None:
    with db.session() as session:
        first = record(
            session,
            actor="trưởng ban",
            action="update",
            entity="contest",
            entity_key="1",
            before={"name": "Cũ"},
            after={"name": "Mới"},
        )
        second = record(
            session,
            actor="x",
            action="delete",
            entity="contest",
            entity_key="1",
            before={"name": "Mới"},
            after=None,
        )
        session.commit()
    assert (first.id, second.id) == (2, 3)  # row 1 is the file's creation
    assert first.prev_hash != GENESIS_HASH
    assert second.prev_hash == first.hash
    assert first.before == '{"name":"Cũ"}'
    assert second.after is None
    assert first.hash == row_hash(
        2,
        first.at,
        "trưởng ban",
        "update",
        "contest",
        "1",
        first.before,
        first.after,
        first.prev_hash,
    )
    assert verify(db) == AuditReport(ok=True, rows=3, first_bad_row=None, reason="audit_ok")


def test_rolled_back_record_leaves_no_trace(db: ContestDatabase) -> None:
    with db.session() as session:
        record(session, actor="x", action="a", entity="e", entity_key="k", before=None, after={})
        session.rollback()
    with db.session() as session:
        record(session, actor="x", action="a", entity="e", entity_key="k", before=None, after={})
        session.commit()
    report = verify(db)
    assert report.ok and report.rows == 2


def test_new_file_starts_its_log_with_its_creation(db: ContestDatabase) -> None:
    assert verify(db) == AuditReport(ok=True, rows=1, first_bad_row=None, reason="audit_ok")


def test_wiped_log_and_head_are_found(db: ContestDatabase) -> None:
    db.close()
    _tamper(db.path, "DELETE FROM audit_log", "DELETE FROM meta WHERE key = 'audit_head'")
    assert _verify_file(db.path).reason == "audit_row_missing"


def test_wiped_log_with_head_reset_to_genesis_is_found(db: ContestDatabase) -> None:
    db.close()
    _tamper(
        db.path,
        "DELETE FROM audit_log",
        f"UPDATE meta SET value = '0 {GENESIS_HASH}' WHERE key = 'audit_head'",
    )
    assert not _verify_file(db.path).ok


def test_garbled_head_is_reported_not_crashed(db: ContestDatabase) -> None:
    db.close()
    _tamper(db.path, "UPDATE meta SET value = 'x' WHERE key = 'audit_head'")
    assert _verify_file(db.path).reason == "audit_head_missing"


def test_dropped_log_table_is_reported(db: ContestDatabase) -> None:
    db.close()
    _tamper(db.path, "DROP TABLE audit_log")
    report = _verify_file(db.path)
    assert (report.ok, report.reason) == (False, "audit_row_missing")


def test_triggers_refuse_update_and_delete(db: ContestDatabase, seeded: Seeded) -> None:
    connection = connect_sqlite(db.path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            connection.execute("UPDATE audit_log SET actor = 'someone else'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            connection.execute("DELETE FROM audit_log WHERE id = 1")
    finally:
        connection.close()
    assert verify(db).ok


# --- tampering with a hand editor (which can drop the triggers) -------------------------------


@pytest.fixture
def ten_changes(db: ContestDatabase, seeded: Seeded) -> Path:
    """A log of exactly twelve rows (file creation and seeding included), the app closed."""
    existing = verify(db).rows
    grading, criterion = seeded.grading_ids[0], seeded.criterion_ids[0]
    for step in range(12 - existing):
        set_criterion_score(db, grading, criterion, Points(25 * (step + 1)), "gk1")
    assert verify(db) == AuditReport(ok=True, rows=12, first_bad_row=None, reason="audit_ok")
    db.close()
    return db.path


def _tamper(path: Path, *statements: str) -> None:
    connection = connect_sqlite(path)
    try:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("DROP TRIGGER audit_log_no_delete")
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def _verify_file(path: Path) -> AuditReport:
    from judge_app.store.database import open_contest_file

    with open_contest_file(path) as database:
        return verify(database)


def test_edited_row_is_found(ten_changes: Path) -> None:
    _tamper(ten_changes, """UPDATE audit_log SET "after" = '{"points":1000}' WHERE id = 5""")
    report = _verify_file(ten_changes)
    assert (report.ok, report.first_bad_row, report.reason) == (False, 5, "audit_row_edited")
    assert report.rows == 12


def test_edited_and_rehashed_row_breaks_the_next_link(ten_changes: Path) -> None:
    connection = connect_sqlite(ten_changes)
    try:
        row = connection.execute("SELECT * FROM audit_log WHERE id = 5").fetchone()
        fields = dict(
            zip(
                [c[0] for c in connection.execute("SELECT * FROM audit_log").description],
                row,
                strict=True,
            )
        )
    finally:
        connection.close()
    forged_after = '{"points":1000}'
    forged_hash = row_hash(
        5,
        fields["at"],
        fields["actor"],
        fields["action"],
        fields["entity"],
        fields["entity_key"],
        fields["before"],
        forged_after,
        fields["prev_hash"],
    )
    _tamper(
        ten_changes,
        f"""UPDATE audit_log SET "after" = '{forged_after}', hash = '{forged_hash}' WHERE id = 5""",
    )
    report = _verify_file(ten_changes)
    assert (report.ok, report.first_bad_row, report.reason) == (False, 6, "audit_chain_broken")


def test_deleted_middle_row_is_found(ten_changes: Path) -> None:
    _tamper(ten_changes, "DELETE FROM audit_log WHERE id = 5")
    report = _verify_file(ten_changes)
    assert (report.ok, report.first_bad_row, report.reason) == (False, 5, "audit_row_missing")
    assert report.rows == 11


def test_deleted_last_row_is_found_through_the_stored_head(ten_changes: Path) -> None:
    _tamper(ten_changes, "DELETE FROM audit_log WHERE id = 12")
    report = _verify_file(ten_changes)
    assert (report.ok, report.first_bad_row, report.reason) == (False, 12, "audit_row_missing")


def test_well_formed_row_appended_behind_the_apps_back_is_found(ten_changes: Path) -> None:
    connection = connect_sqlite(ten_changes)
    try:
        last_hash = connection.execute("SELECT hash FROM audit_log WHERE id = 12").fetchone()[0]
    finally:
        connection.close()
    at = "2019-08-20T17:00:00.000000+00:00"
    forged = row_hash(13, at, "gk1", "set_score", "criterion_score", "k", None, "{}", last_hash)
    _tamper(
        ten_changes,
        'INSERT INTO audit_log (id, at, actor, action, entity, entity_key, "after", '
        f"prev_hash, hash) VALUES (13, '{at}', 'gk1', 'set_score', 'criterion_score', 'k', "
        f"'{{}}', '{last_hash}', '{forged}')",
    )
    report = _verify_file(ten_changes)
    assert (report.ok, report.first_bad_row, report.reason) == (False, 13, "audit_head_mismatch")


def test_missing_head_is_found(ten_changes: Path) -> None:
    _tamper(ten_changes, "DELETE FROM meta WHERE key = 'audit_head'")
    report = _verify_file(ten_changes)
    assert (report.ok, report.first_bad_row, report.reason) == (False, 12, "audit_head_missing")


def test_audit_row_model_reads_what_append_wrote(db: ContestDatabase, seeded: Seeded) -> None:
    set_criterion_score(db, seeded.grading_ids[0], seeded.criterion_ids[0], Points(825), "gk1")
    with db.session() as session:
        last = session.query(AuditRow).order_by(AuditRow.id.desc()).first()
    assert last is not None
    assert last.action == "set_score"
    assert last.after == '{"points":825}'

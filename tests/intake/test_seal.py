"""Sealing the demo contest's identity records: nothing maps a code to a person without the key."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from judge_app.core.codes import is_valid_code
from judge_app.core.errors import JudgeAppError
from judge_app.intake import seal_crypto
from judge_app.intake.seal import (
    KDF_KEY,
    SALT_KEY,
    allocate_codes,
    assign_codes,
    is_sealed,
    read_identities,
    seal_identities,
    unseal_identities,
)
from judge_app.intake.seal_list import write_code_list
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.store.models import AuditRow, Entry, IdentityRecord, Participant

ONE = [b"mat khau ban lam phach"]
TWO = [b"khoa thu nhat 2019", "khoá thứ hai của thư ký".encode()]
EARLY = "Kiểm thử: ghép phách trước khi khoá điểm"
ACTOR = "ban-lam-phach"

LINK_SQL = (
    "SELECT e.code, p.full_name FROM entry e "
    "JOIN identity_record i ON i.entry_id = e.id JOIN participant p ON p.id = i.participant_id"
)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo contest, built once; each test works on its own copy of the contest file."""
    from judge_app.demo.build import build_demo_contest

    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("seal-home")))
    try:
        result = build_demo_contest(tmp_path_factory.mktemp("seal") / "demo")
    finally:
        mp.undo()
    return result.path


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Iterator[ContestDatabase]:
    copy = tmp_path / "contest.sqlite"
    shutil.copyfile(demo_file, copy)
    with open_contest_file(copy) as database:
        yield database


def _raw(db: ContestDatabase, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(db.path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def _snapshot(db: ContestDatabase) -> dict[str, tuple[Any, ...]]:
    """code → everything that identifies its entrant, read through the clear link."""
    rows = _raw(
        db,
        "SELECT e.code, p.full_name, p.birth_date, u.code, c.code, "
        "(SELECT group_concat(f.sort || ':' || f.original_name, '|') FROM entry_file f "
        " WHERE f.entry_id = e.id) "
        "FROM entry e JOIN identity_record i ON i.entry_id = e.id "
        "JOIN participant p ON p.id = i.participant_id "
        "LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN category c ON c.id = p.category_id",
    )
    return {row[0]: row[1:] for row in rows}


def _names(db: ContestDatabase) -> list[str]:
    return [row[0] for row in _raw(db, "SELECT full_name FROM participant")]


def test_demo_codes_are_valid_codes(db: ContestDatabase) -> None:
    codes = [row[0] for row in _raw(db, "SELECT code FROM entry")]
    assert codes and all(is_valid_code(code) for code in codes)


def test_sealing_leaves_no_way_from_a_code_to_a_name(db: ContestDatabase) -> None:
    before = _snapshot(db)
    assert before and len(_raw(db, LINK_SQL)) == len(before)
    names = _names(db)

    assert seal_identities(db, ONE, actor=ACTOR) == len(before)

    assert is_sealed(db)
    assert _raw(db, LINK_SQL) == []
    assert _raw(db, "SELECT count(*) FROM identity_record WHERE participant_id IS NOT NULL") == [
        (0,)
    ]
    # The people are still there (lists, certificates), the link is not.
    assert sorted(_names(db)) == sorted(names)
    blobs = [row[0] for row in _raw(db, "SELECT sealed FROM identity_record")]
    assert len(blobs) == len(before) and all(blobs)
    for blob in blobs:
        for name in names:
            assert name.encode("utf-8") not in blob
        # Padded: the length says nothing about the name inside.
        assert (len(blob) - 1 - seal_crypto.NONCE_BYTES - 16) % seal_crypto.PAD_TO == 0
    # File names as the schools gave them carry names: sealed too.
    assert _raw(db, "SELECT count(*) FROM entry_file WHERE original_name != ''") == [(0,)]
    # The log records the seal, never who is behind which code.
    log = " ".join(str(row) for row in _raw(db, "SELECT before, after FROM audit_log"))
    assert not any(name in log for name in names)
    assert verify(db).ok


def test_participant_ids_no_longer_follow_the_entry_order(db: ContestDatabase) -> None:
    # The demo adds each participant with its entry, so ids line up: a join on id would undo
    # the seal unless the ids are shuffled.
    aligned = _raw(db, "SELECT count(*) FROM identity_record WHERE participant_id = entry_id")[0][0]
    total = _raw(db, "SELECT count(*) FROM identity_record")[0][0]
    assert aligned == total
    seal_identities(db, ONE, actor=ACTOR)
    with db.read_session() as session:
        identities = read_identities(db, ONE, session)
        entry_ids = {e.code: e.id for e in session.query(Entry)}
    same = sum(1 for i in identities if i.participant_id == entry_ids[i.code])
    # A random permutation keeps one id in place on average; 9 or more is a one-in-a-million.
    assert same < 9 < total
    # …and the shuffled ids still name the right people.
    by_id = {row[0]: row[1] for row in _raw(db, "SELECT id, full_name FROM participant")}
    assert all(by_id[i.participant_id] == i.full_name for i in identities)


def test_unseal_restores_exactly(db: ContestDatabase) -> None:
    before = _snapshot(db)
    seal_identities(db, ONE, actor=ACTOR)
    assert unseal_identities(db, ONE, actor=ACTOR, before_lock_reason=EARLY) == len(before)
    assert _snapshot(db) == before
    assert not is_sealed(db)
    assert _raw(db, "SELECT count(*) FROM identity_record WHERE sealed IS NOT NULL") == [(0,)]
    actions = [row[0] for row in _raw(db, "SELECT action FROM audit_log ORDER BY id")]
    assert actions[-2:] == ["identity.seal", "identity.reveal"]
    assert verify(db).ok


def test_wrong_passphrase_is_refused_clearly(db: ContestDatabase) -> None:
    seal_identities(db, ONE, actor=ACTOR)
    wrong = [b"not the passphrase"]
    attempts: list[Callable[[], int]] = [
        lambda: unseal_identities(db, wrong, actor=ACTOR, before_lock_reason=EARLY),
        lambda: seal_identities(db, wrong, actor=ACTOR),
        lambda: write_code_list(db, wrong, db.path.parent / "list.csv", actor=ACTOR),
    ]
    for attempt in attempts:
        with pytest.raises(JudgeAppError) as caught:
            attempt()
        assert caught.value.code == "seal_wrong_passphrase"
        assert caught.value.path == db.path
    assert is_sealed(db)
    assert not (db.path.parent / "list.csv").exists()
    assert verify(db).ok


def test_two_passphrases_are_both_needed(db: ContestDatabase) -> None:
    before = _snapshot(db)
    seal_identities(db, TWO, actor=ACTOR)
    for alone in ([TWO[0]], [TWO[1]]):
        with pytest.raises(JudgeAppError) as caught:
            unseal_identities(db, alone, actor=ACTOR, before_lock_reason=EARLY)
        assert caught.value.code == "seal_passphrase_count"
    with pytest.raises(JudgeAppError) as caught:
        unseal_identities(
            db, [TWO[0], b"a guess at the other"], actor=ACTOR, before_lock_reason=EARLY
        )
    assert caught.value.code == "seal_wrong_passphrase"

    # Not just the count check: a key from one passphrase opens nothing.
    salt, params, blob, code, contest_uuid = _seal_material(db)
    for alone in ([TWO[0]], [TWO[1]]):
        key = seal_crypto.derive_key(alone, salt, params)
        with pytest.raises(seal_crypto.WrongKeyError):
            seal_crypto.open_payload(key, blob, contest_uuid, code)
    both = seal_crypto.derive_key(TWO, salt, params)
    assert seal_crypto.open_payload(both, blob, contest_uuid, code)["full_name"]

    # Either board member may type first.
    unseal_identities(db, list(reversed(TWO)), actor=ACTOR, before_lock_reason=EARLY)
    assert _snapshot(db) == before


def _seal_material(
    db: ContestDatabase,
) -> tuple[bytes, seal_crypto.KdfParameters, bytes, str, str]:
    import base64

    salt = base64.b64decode(_raw(db, "SELECT value FROM meta WHERE key = ?", SALT_KEY)[0][0])
    params = seal_crypto.KdfParameters.from_json(
        _raw(db, "SELECT value FROM meta WHERE key = ?", KDF_KEY)[0][0]
    )
    blob, code, contest_uuid = _raw(
        db,
        "SELECT i.sealed, e.code, c.uuid FROM identity_record i "
        "JOIN entry e ON e.id = i.entry_id JOIN contest c ON c.id = e.contest_id LIMIT 1",
    )[0]
    return salt, params, blob, code, contest_uuid


def test_a_blob_moved_to_another_entry_does_not_open(db: ContestDatabase) -> None:
    seal_identities(db, ONE, actor=ACTOR)
    (a, blob_a), (b, blob_b) = _raw(
        db, "SELECT entry_id, sealed FROM identity_record ORDER BY entry_id LIMIT 2"
    )
    connection = sqlite3.connect(db.path)
    with connection:
        connection.execute("UPDATE identity_record SET sealed = ? WHERE entry_id = ?", (blob_b, a))
        connection.execute("UPDATE identity_record SET sealed = ? WHERE entry_id = ?", (blob_a, b))
    connection.close()
    with pytest.raises(JudgeAppError) as caught:
        unseal_identities(db, ONE, actor=ACTOR, before_lock_reason=EARLY)
    assert caught.value.code == "seal_record_damaged"
    # Nothing was half-revealed.
    assert _raw(db, LINK_SQL) == []


def test_a_late_entry_is_sealed_with_the_same_key(db: ContestDatabase) -> None:
    seal_identities(db, ONE, actor=ACTOR)
    with db.session() as session, session.begin():
        template = session.query(Entry).order_by(Entry.id).first()
        assert template is not None
        (code,) = allocate_codes(session, 1)
        person = Participant(
            contest_id=template.contest_id, full_name="Trần Thị Muộn", unit_id=template.unit_id
        )
        entry = Entry(
            contest_id=template.contest_id,
            code=code,
            category_id=template.category_id,
            unit_id=template.unit_id,
        )
        session.add_all([person, entry])
        session.flush()
        session.add(IdentityRecord(entry_id=entry.id, participant_id=person.id))
    assert not is_sealed(db)
    assert seal_identities(db, ONE, actor=ACTOR) == 1
    assert is_sealed(db)
    total = _raw(db, "SELECT count(*) FROM entry")[0][0]
    assert unseal_identities(db, ONE, actor=ACTOR, before_lock_reason=EARLY) == total
    assert _snapshot(db)[code][0] == "Trần Thị Muộn"
    assert verify(db).ok


def test_new_passphrases_must_be_usable(db: ContestDatabase) -> None:
    for phrases, error in (
        ([b"short"], "seal_passphrase_short"),
        ([b"same same same", b"same same same"], "seal_passphrases_same"),
        ([b"one passphrase", b"two passphrase", b"three passphrase"], "seal_passphrase_count"),
        ([], "seal_passphrase_count"),
    ):
        with pytest.raises(JudgeAppError) as caught:
            seal_identities(db, phrases, actor=ACTOR)
        assert caught.value.code == error
    assert _raw(db, "SELECT count(*) FROM meta WHERE key LIKE 'seal_%'") == [(0,)]
    assert not is_sealed(db)


def test_unseal_of_a_never_sealed_file_is_a_no_op(db: ContestDatabase) -> None:
    assert unseal_identities(db, ONE, actor=ACTOR, before_lock_reason=EARLY) == 0


def test_the_sealed_file_keeps_no_old_copy_of_the_file_names(db: ContestDatabase) -> None:
    originals = [row[0] for row in _raw(db, "SELECT original_name FROM entry_file")]
    telling = [name for name in originals if len(name) >= 12]
    assert telling
    seal_identities(db, ONE, actor=ACTOR)
    data = b"".join(
        part.read_bytes() for part in (db.path, Path(f"{db.path}-wal")) if part.exists()
    )
    found = [name for name in telling if name.encode("utf-8") in data]
    assert found == []


def test_backups_from_before_the_seal_are_replaced_by_a_sealed_one(db: ContestDatabase) -> None:
    from judge_app.store.backup import backup_contest, list_backups

    originals = [row[0] for row in _raw(db, "SELECT original_name FROM entry_file")]
    telling = [name for name in originals if len(name) >= 12]
    backup_contest(db, "manual")
    backup_contest(db, "pre-migration")
    clear = list_backups(db.path)
    assert len(clear) == 2
    assert any(name.encode("utf-8") in clear[0].read_bytes() for name in telling)

    seal_identities(db, ONE, actor=ACTOR)

    left = list_backups(db.path)
    assert len(left) == 1 and left[0] not in clear
    data = left[0].read_bytes()
    assert [name for name in telling if name.encode("utf-8") in data] == []
    actions = [row[0] for row in _raw(db, "SELECT action FROM audit_log")]
    assert actions[-1] == "backup.replace_unsealed"
    assert verify(db).ok


def test_code_list_for_the_envelope(db: ContestDatabase, tmp_path: Path) -> None:
    before = _snapshot(db)
    seal_identities(db, TWO, actor=ACTOR)
    out = tmp_path / "phach.csv"
    assert write_code_list(db, TWO, out, actor=ACTOR) == len(before)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["Số phách", "Họ và tên", "Đơn vị", "Đối tượng"]
    assert [row[0] for row in rows[1:]] == sorted(before)
    assert {row[0]: row[1] for row in rows[1:]} == {code: v[0] for code, v in before.items()}
    units = dict(_raw(db, "SELECT code, name FROM unit"))
    assert all(row[2] == units[before[row[0]][2]] for row in rows[1:])
    # Still sealed: the list was made in memory.
    assert is_sealed(db)
    assert _raw(db, "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1") == [
        ("identity.code_list",)
    ]
    assert verify(db).ok


def test_code_list_escapes_formulas(db: ContestDatabase, tmp_path: Path) -> None:
    connection = sqlite3.connect(db.path)
    with connection:
        connection.execute("UPDATE participant SET full_name = '=HYPERLINK(\"x\")' WHERE id = 1")
    connection.close()
    out = tmp_path / "list.csv"
    write_code_list(db, [], out, actor=ACTOR, lang="en")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "Code"
    assert '\'=HYPERLINK("x")' in [row[1] for row in rows]


def test_assign_codes_replaces_temporary_codes(db: ContestDatabase) -> None:
    connection = sqlite3.connect(db.path)
    with connection:
        connection.execute("UPDATE entry SET code = 'TMP-0001' WHERE id = 1")
    connection.close()
    assert assign_codes(db, actor=ACTOR) == 1
    (code,) = _raw(db, "SELECT code FROM entry WHERE id = 1")[0]
    assert is_valid_code(code)
    assert assign_codes(db, actor=ACTOR) == 0
    assert verify(db).ok


def test_a_sealed_entry_keeps_its_code(db: ContestDatabase) -> None:
    seal_identities(db, ONE, actor=ACTOR)
    connection = sqlite3.connect(db.path)
    with connection:
        connection.execute("UPDATE entry SET code = 'TMP-0001' WHERE id = 1")
    connection.close()
    with pytest.raises(JudgeAppError) as caught:
        assign_codes(db, actor=ACTOR)
    assert caught.value.code == "code_change_sealed"


def test_an_edited_seal_set_up_is_reported(db: ContestDatabase) -> None:
    seal_identities(db, ONE, actor=ACTOR)
    connection = sqlite3.connect(db.path)
    with connection:
        # Would make scrypt ask for 128 GiB if it were believed.
        connection.execute(
            "UPDATE meta SET value = ? WHERE key = ?",
            ('{"kdf": "scrypt", "n": 1073741824, "r": 8, "p": 1, "keys": 1}', KDF_KEY),
        )
    connection.close()
    with pytest.raises(JudgeAppError) as caught:
        unseal_identities(db, ONE, actor=ACTOR, before_lock_reason=EARLY)
    assert caught.value.code == "seal_setup_damaged"


def test_reveal_before_the_lock_needs_a_recorded_reason(db: ContestDatabase) -> None:
    seal_identities(db, ONE, actor=ACTOR)
    with pytest.raises(JudgeAppError) as caught:
        unseal_identities(db, ONE, actor=ACTOR)
    assert caught.value.code == "reveal_before_lock"
    with pytest.raises(JudgeAppError):
        unseal_identities(db, ONE, actor=ACTOR, before_lock_reason="   ")
    assert unseal_identities(db, ONE, actor=ACTOR, before_lock_reason=EARLY) > 0
    with db.read_session() as session:
        row = session.scalars(select(AuditRow).order_by(AuditRow.id.desc())).first()
        assert row is not None and EARLY in (row.after or "")

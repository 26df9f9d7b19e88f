"""Keys: local key files, fingerprints, signatures, and pinning judges' keys in a contest file."""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from sqlalchemy import select

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.exchange import keys
from judge_app.exchange.cli import add_commands
from judge_app.exchange.judge_keys import (
    REGISTER_ACTION,
    REPLACE_ACTION,
    create_head_key,
    key_status,
    register_judge_key,
    replace_judge_key,
    retired_fingerprints,
)
from judge_app.exchange.passphrase import PASSPHRASE_ENV, read_passphrase
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, create_contest_file
from judge_app.store.models import AuditRow, Contest, Judge

PASSPHRASE = "mật khẩu dài đủ".encode()
FINGERPRINT_RE = re.compile(r"^([0-9A-HJKMNP-TV-Z]{4} ){7}[0-9A-HJKMNP-TV-Z]{4}$")


@pytest.fixture(autouse=True)
def _no_passphrase_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)


@pytest.fixture
def contest(tmp_path: Path) -> Iterator[ContestDatabase]:
    """A real contest file with a head judge TB and two judges GK1, GK2."""
    db = create_contest_file(tmp_path / "contest.sqlite")
    with db.session() as session, session.begin():
        row = Contest(name="Cuộc thi thử")
        session.add(row)
        session.flush()
        for code, head in (("TB", True), ("GK1", False), ("GK2", False)):
            session.add(Judge(contest_id=row.id, code=code, name=f"Giám khảo {code}", is_head=head))
    try:
        yield db
    finally:
        db.close()


def _pem_of(tmp_path: Path, name: str, private_key: object) -> Path:
    assert isinstance(private_key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey)
    path = tmp_path / name
    path.write_bytes(
        private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return path


def _new_judge_key(tmp_path: Path, name: str) -> tuple[Path, str]:
    """A judge's exported public key file and its fingerprint."""
    key = ec.generate_private_key(ec.SECP256R1())
    return _pem_of(tmp_path, name, key), keys.fingerprint(key.public_key())


def _code(excinfo: pytest.ExceptionInfo[JudgeAppError]) -> str:
    return excinfo.value.code


# Local key files -------------------------------------------------------------------------


def test_create_key_writes_an_encrypted_pkcs8_key_that_opens_with_its_passphrase(
    app_home: Path,
) -> None:
    info = keys.create_key("Nguyễn Văn A", PASSPHRASE)

    assert info.private_path.parent == app_home / "data" / "keys"
    pem = info.private_path.read_bytes()
    kdf_line, _, block = pem.partition(b"\n")
    assert kdf_line.startswith(b"judge-app-kdf: scrypt n=32768 r=8 p=1 salt=")
    assert block.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert b"BEGIN PRIVATE KEY" not in pem
    # The plain passphrase alone does not open the PKCS#8 block: it must be stretched first.
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(block, password=PASSPHRASE)
    if os.name == "posix":
        assert stat.S_IMODE(info.private_path.stat().st_mode) == 0o600
    assert not list(info.private_path.parent.glob("*.tmp"))
    sidecar = json.loads(info.private_path.with_suffix(".json").read_text(encoding="utf-8"))
    assert sidecar["name"] == "Nguyễn Văn A" and sidecar["fingerprint"] == info.fingerprint

    private_key = keys.load_private_key(info.fingerprint, PASSPHRASE)
    assert keys.fingerprint(private_key.public_key()) == info.fingerprint
    assert keys.fingerprint(keys.load_public_key_file(info.public_path)) == info.fingerprint

    with pytest.raises(JudgeAppError) as wrong:
        keys.load_private_key(info.fingerprint, b"not the passphrase")
    assert _code(wrong) == "key_wrong_passphrase"
    assert str(info.private_path) in describe(wrong.value, "en")


def test_an_edited_cost_line_cannot_make_scrypt_eat_memory(app_home: Path) -> None:
    info = keys.create_key("GK", PASSPHRASE)
    data = info.private_path.read_bytes()
    info.private_path.write_bytes(data.replace(b"n=32768", b"n=1073741824", 1))
    with pytest.raises(JudgeAppError) as damaged:
        keys.load_private_key(info.fingerprint, PASSPHRASE)
    assert _code(damaged) == "key_file_damaged"


def test_create_key_refuses_a_short_passphrase(app_home: Path) -> None:
    with pytest.raises(JudgeAppError) as short:
        keys.create_key("A", b"1234567")
    assert _code(short) == "key_passphrase_too_short"
    assert not list((app_home / "data").rglob("*.key"))


def test_fingerprint_is_stable_160_bits_and_readable_aloud() -> None:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    printed = keys.fingerprint(key)
    assert printed == keys.fingerprint(key)
    assert FINGERPRINT_RE.match(printed), printed
    assert not set("ILOU") & set(printed)
    assert len(printed.replace(" ", "")) * 5 == 160 >= 80
    assert printed != keys.fingerprint(ec.generate_private_key(ec.SECP256R1()).public_key())
    # What a listener writes down: any case or grouping, O for 0, I or L for 1.
    heard = printed.lower().replace(" ", "-").replace("0", "o").replace("1", "l")
    assert keys.normalise_fingerprint(heard) == printed
    assert keys.normalise_fingerprint(printed[:-1]) is None
    assert keys.normalise_fingerprint(printed[:-1] + "U") is None


def test_fingerprint_matches_a_known_value() -> None:
    """Pinned against an independent computation so the format never drifts silently."""
    der = bytes(range(91))
    assert keys.fingerprint_of_der(der) == keys.fingerprint_of_der(der)
    import base64
    import hashlib

    rfc = base64.b32encode(hashlib.sha256(der).digest()[:20]).decode()
    table = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", keys.CROCKFORD)
    assert keys.fingerprint_of_der(der).replace(" ", "") == rfc.translate(table)


def test_list_find_and_export(tmp_path: Path) -> None:
    first = keys.create_key("A", PASSPHRASE)
    second = keys.create_key("B", PASSPHRASE)
    assert {k.fingerprint for k in keys.list_keys()} == {first.fingerprint, second.fingerprint}
    assert keys.find_key(first.fingerprint.replace(" ", "").lower()[:8]) == first

    out = tmp_path / "gk1.pem"
    keys.export_public_key(first.fingerprint, out)
    assert out.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    assert keys.fingerprint(keys.load_public_key_file(out)) == first.fingerprint
    with pytest.raises(JudgeAppError) as exists:
        keys.export_public_key(first.fingerprint, out)
    assert _code(exists) == "file_exists"
    with pytest.raises(JudgeAppError) as missing:
        keys.find_key("ZZZZ ZZZZ")
    assert _code(missing) == "key_not_found"


def test_a_swapped_private_key_file_is_refused() -> None:
    first = keys.create_key("A", PASSPHRASE)
    second = keys.create_key("B", PASSPHRASE)
    first.private_path.write_bytes(second.private_path.read_bytes())
    with pytest.raises(JudgeAppError) as swapped:
        keys.load_private_key(first.fingerprint, PASSPHRASE)
    assert _code(swapped) == "key_file_damaged"


def test_sign_and_verify_round_trip_and_a_flipped_byte_fails() -> None:
    private_key = ec.generate_private_key(ec.SECP256R1())
    public_key = private_key.public_key()
    data = "Phiếu chấm GK1: 8,75".encode()
    signature = keys.sign(private_key, data)
    assert keys.verify_signature(public_key, data, signature)

    flipped = bytearray(data)
    flipped[-1] ^= 1
    assert not keys.verify_signature(public_key, bytes(flipped), signature)
    bad_signature = bytearray(signature)
    bad_signature[len(signature) // 2] ^= 1
    assert not keys.verify_signature(public_key, data, bytes(bad_signature))
    assert not keys.verify_signature(public_key, data, b"garbage")
    other = ec.generate_private_key(ec.SECP256R1()).public_key()
    assert not keys.verify_signature(other, data, signature)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"not a key at all", "key_file_invalid"),
        (b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "key_file_invalid"),
        (b"", "key_file_invalid"),
    ],
)
def test_garbage_public_key_file_is_refused_naming_the_file(
    tmp_path: Path, content: bytes, code: str
) -> None:
    path = tmp_path / "rác.pem"
    path.write_bytes(content)
    with pytest.raises(JudgeAppError) as refused:
        keys.load_public_key_file(path)
    assert _code(refused) == code
    assert refused.value.path == path
    assert str(path) in describe(refused.value, "vi")


def test_other_key_types_curves_and_private_keys_are_refused(tmp_path: Path) -> None:
    rsa_path = _pem_of(tmp_path, "rsa.pem", rsa.generate_private_key(65537, 2048))
    with pytest.raises(JudgeAppError) as wrong_type:
        keys.load_public_key_file(rsa_path)
    assert _code(wrong_type) == "key_wrong_type" and wrong_type.value.path == rsa_path
    assert "RSA" in describe(wrong_type.value, "en")

    p384 = _pem_of(tmp_path, "p384.pem", ec.generate_private_key(ec.SECP384R1()))
    with pytest.raises(JudgeAppError) as wrong_curve:
        keys.load_public_key_file(p384)
    assert _code(wrong_curve) == "key_wrong_curve" and wrong_curve.value.path == p384

    info = keys.create_key("A", PASSPHRASE)
    with pytest.raises(JudgeAppError) as private:
        keys.load_public_key_file(info.private_path)
    assert _code(private) == "key_file_is_private"

    with pytest.raises(JudgeAppError) as missing:
        keys.load_public_key_file(tmp_path / "none.pem")
    assert _code(missing) == "file_not_found"


# Pinning in the contest file -------------------------------------------------------------


def _audit_rows(db: ContestDatabase, action: str) -> list[AuditRow]:
    with db.read_session() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action)))


def test_register_with_the_fingerprint_read_aloud_pins_the_key(
    tmp_path: Path, contest: ContestDatabase
) -> None:
    pem, printed = _new_judge_key(tmp_path, "gk1.pem")
    heard = printed.lower().replace(" ", "-")
    pinned = register_judge_key(contest, "GK1", pem, expected_fingerprint=heard, actor="board")
    assert pinned.changed and pinned.fingerprint == printed

    with contest.read_session() as session:
        judge = session.scalars(select(Judge).where(Judge.code == "GK1")).one()
        assert judge.key_fingerprint == printed
        assert judge.public_key == keys.public_key_der(keys.load_public_key_file(pem))
    (row,) = _audit_rows(contest, REGISTER_ACTION)
    assert row.entity_key == "GK1" and row.actor == "board"
    assert json.loads(row.after or "{}")["fingerprint"] == printed
    assert audit.verify(contest).ok
    assert key_status(contest, "GK1", printed) == "current"

    again = register_judge_key(contest, "GK1", pem, expected_fingerprint=None, actor="board")
    assert not again.changed
    assert len(_audit_rows(contest, REGISTER_ACTION)) == 1


def test_register_refuses_a_fingerprint_that_does_not_match(
    tmp_path: Path, contest: ContestDatabase
) -> None:
    pem, printed = _new_judge_key(tmp_path, "gk1.pem")
    _, other = _new_judge_key(tmp_path, "other.pem")
    with pytest.raises(JudgeAppError) as mismatch:
        register_judge_key(contest, "GK1", pem, expected_fingerprint=other, actor="board")
    assert _code(mismatch) == "key_fingerprint_mismatch" and mismatch.value.path == pem
    assert printed in describe(mismatch.value, "en")
    assert key_status(contest, "GK1", printed) == "unknown"
    assert _audit_rows(contest, REGISTER_ACTION) == []


def test_a_second_key_needs_replacement_and_a_key_belongs_to_one_judge(
    tmp_path: Path, contest: ContestDatabase
) -> None:
    first, first_fp = _new_judge_key(tmp_path, "first.pem")
    second, _ = _new_judge_key(tmp_path, "second.pem")
    register_judge_key(contest, "GK1", first, expected_fingerprint=first_fp, actor="board")
    with pytest.raises(JudgeAppError) as already:
        register_judge_key(contest, "GK1", second, expected_fingerprint=None, actor="board")
    assert _code(already) == "key_already_registered"
    with pytest.raises(JudgeAppError) as shared:
        register_judge_key(contest, "GK2", first, expected_fingerprint=None, actor="board")
    assert _code(shared) == "key_used_by_other_judge"
    with pytest.raises(JudgeAppError) as nobody:
        register_judge_key(contest, "GK9", second, expected_fingerprint=None, actor="board")
    assert _code(nobody) == "key_judge_not_found"


def test_replace_retires_the_old_key_with_the_reason_in_the_audit_log(
    tmp_path: Path, contest: ContestDatabase
) -> None:
    old, old_fp = _new_judge_key(tmp_path, "old.pem")
    new, new_fp = _new_judge_key(tmp_path, "new.pem")
    with pytest.raises(JudgeAppError) as not_yet:
        replace_judge_key(contest, "GK1", new, "mất máy", "board")
    assert _code(not_yet) == "key_not_registered"
    register_judge_key(contest, "GK1", old, expected_fingerprint=old_fp, actor="board")
    with pytest.raises(JudgeAppError) as no_reason:
        replace_judge_key(contest, "GK1", new, "  ", "board")
    assert _code(no_reason) == "key_reason_required"
    with pytest.raises(JudgeAppError) as same:
        replace_judge_key(contest, "GK1", old, "mất máy", "board")
    assert _code(same) == "key_same_as_current"

    pinned = replace_judge_key(
        contest, "GK1", new, "Mất máy tính xách tay", "board", expected_fingerprint=new_fp
    )
    assert pinned.retired == old_fp and pinned.fingerprint == new_fp

    (row,) = _audit_rows(contest, REPLACE_ACTION)
    before, after = json.loads(row.before or "{}"), json.loads(row.after or "{}")
    assert before["fingerprint"] == old_fp
    assert bytes.fromhex(before["public_key"]) == keys.public_key_der(
        keys.load_public_key_file(old)
    )
    assert after["reason"] == "Mất máy tính xách tay" and after["retired"] == old_fp
    assert after["retired_at"]
    assert audit.verify(contest).ok

    assert key_status(contest, "GK1", old_fp) == "retired"
    assert key_status(contest, "GK1", new_fp.lower()) == "current"
    assert key_status(contest, "GK2", old_fp) == "unknown"
    assert key_status(contest, "GK1", "not a fingerprint") == "unknown"
    assert retired_fingerprints(contest, "GK1") == {old_fp}
    assert retired_fingerprints(contest, "GK2") == set()

    # The lost key is dead for everyone: nobody can pin it again.
    with pytest.raises(JudgeAppError) as retired:
        register_judge_key(contest, "GK2", old, expected_fingerprint=None, actor="board")
    assert _code(retired) == "key_retired"


def test_create_head_key_pins_a_new_key_to_the_head_judge(contest: ContestDatabase) -> None:
    info, pinned = create_head_key(contest, "Trưởng ban", PASSPHRASE, "board")
    assert pinned.judge == "TB" and pinned.fingerprint == info.fingerprint
    assert key_status(contest, "TB", info.fingerprint) == "current"
    (row,) = _audit_rows(contest, REGISTER_ACTION)
    assert json.loads(row.after or "{}")["head"] is True

    with pytest.raises(JudgeAppError) as twice:
        create_head_key(contest, "Trưởng ban", PASSPHRASE, "board")
    assert _code(twice) == "key_already_registered"
    assert len(keys.list_keys()) == 1  # the refusal made no orphan key


def test_create_head_key_without_a_head_judge_is_refused(tmp_path: Path) -> None:
    with (
        create_contest_file(tmp_path / "empty.sqlite") as db,
        pytest.raises(JudgeAppError) as no_head,
    ):
        create_head_key(db, "Trưởng ban", PASSPHRASE, "board")
    assert _code(no_head) == "key_no_head_judge"
    assert keys.list_keys() == []


# Passphrases ------------------------------------------------------------------------------


def _args(**values: object) -> argparse.Namespace:
    return argparse.Namespace(**{"passphrase_file": None, **values})


def test_passphrase_from_file_first_line_bom_and_vietnamese_either_way(tmp_path: Path) -> None:
    composed = "mật khẩu của tôi"
    decomposed = unicodedata.normalize("NFD", composed)
    path = tmp_path / "pass.txt"
    path.write_text("\ufeff" + decomposed + "\r\nsecond line\n", encoding="utf-8")
    from_file = read_passphrase(_args(passphrase_file=str(path)), confirm=True)
    assert from_file == composed.encode("utf-8")


def test_passphrase_from_environment_and_too_short(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "from-the-environment")
    assert read_passphrase(_args(), confirm=False) == b"from-the-environment"
    monkeypatch.setenv(PASSPHRASE_ENV, "short")
    with pytest.raises(JudgeAppError) as short:
        read_passphrase(_args(), confirm=False)
    assert _code(short) == "key_passphrase_too_short"


def test_empty_passphrase_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(JudgeAppError) as empty:
        read_passphrase(_args(passphrase_file=str(path)), confirm=False)
    assert _code(empty) == "key_passphrase_too_short"


def test_prompt_asks_twice_on_create_and_refuses_without_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    with pytest.raises(JudgeAppError) as no_tty:
        read_passphrase(_args(), confirm=True)
    assert _code(no_tty) == "key_passphrase_needed"

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    answers = iter(["passphrase-1", "passphrase-2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(JudgeAppError) as mismatch:
        read_passphrase(_args(), confirm=True)
    assert _code(mismatch) == "key_passphrase_mismatch"

    answers = iter(["passphrase-1", "passphrase-1"])
    assert read_passphrase(_args(), confirm=True) == b"passphrase-1"


# CLI handlers -----------------------------------------------------------------------------


def _run(argv: list[str], lang: str = "en") -> int:
    """Dispatch like judge_app.cli.main: handler, and a JudgeAppError as one line."""
    parser = argparse.ArgumentParser(prog="judge-app")
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args, lang)
    except JudgeAppError as error:
        print(describe(error, lang), file=sys.stderr)
        return 2
    return code


def test_cli_create_list_export_show_register_replace(
    tmp_path: Path, contest: ContestDatabase, capsys: pytest.CaptureFixture[str]
) -> None:
    pass_file = tmp_path / "pass.txt"
    pass_file.write_text("a long passphrase\n", encoding="utf-8")
    db_path = str(contest.path)

    assert _run(["key", "list"]) == 0
    assert "No keys" in capsys.readouterr().out

    assert _run(["key", "create", "--name", "GK 1", "--passphrase-file", str(pass_file)]) == 0
    out = capsys.readouterr().out
    printed = re.search(r"Fingerprint: (\S{4}(?: \S{4}){7})", out)
    assert printed is not None, out
    fingerprint = printed.group(1)
    assert "Private key" in out

    assert _run(["key", "list"]) == 0
    assert fingerprint in capsys.readouterr().out

    pem = tmp_path / "gk1.pem"
    assert _run(["key", "export", fingerprint[:9], "-o", str(pem)]) == 0
    assert str(pem) in capsys.readouterr().out

    assert _run(["key", "show", str(pem)]) == 0
    assert fingerprint in capsys.readouterr().out

    # Without --fingerprint and without a terminal to type it into: refused, one line.
    assert _run(["key", "register", db_path, str(pem), "--judge", "GK1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--fingerprint" in err

    wrong = _new_judge_key(tmp_path, "x.pem")[1]
    argv = ["key", "register", db_path, str(pem), "--judge", "GK1", "--fingerprint", wrong]
    assert _run(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Fingerprints differ" in err

    argv[-1] = fingerprint.replace(" ", "-").lower()
    assert _run(argv) == 0
    assert "pinned for judge GK1" in capsys.readouterr().out
    assert key_status(contest, "GK1", fingerprint) == "current"

    new_pem, new_fp = _new_judge_key(tmp_path, "new.pem")
    replace = ["key", "replace", db_path, str(new_pem), "--judge", "GK1", "--fingerprint", new_fp]
    assert _run([*replace, "--reason", "mất máy"]) == 0
    assert "retired" in capsys.readouterr().out
    assert key_status(contest, "GK1", fingerprint) == "retired"


def test_cli_errors_are_one_translated_line(
    tmp_path: Path, contest: ContestDatabase, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage = tmp_path / "rác.pem"
    garbage.write_text("hello", encoding="utf-8")
    assert _run(["key", "show", str(garbage)], lang="vi") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(garbage) in err and "khoá công khai" in err

    assert _run(["key", "export", "ZZZZ", "-o", str(tmp_path / "o.pem")]) == 2
    assert "No key on this computer" in capsys.readouterr().err

    short = tmp_path / "short.txt"
    short.write_text("short\n", encoding="utf-8")
    assert _run(["key", "create", "--name", "A", "--passphrase-file", str(short)]) == 2
    assert "at least 8" in capsys.readouterr().err


def test_cli_create_head_key(
    tmp_path: Path,
    contest: ContestDatabase,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "a long passphrase")
    assert _run(["key", "create", "--name", "Trưởng ban", "--head", str(contest.path)]) == 0
    out = capsys.readouterr().out
    assert "head judge TB" in out
    (info,) = keys.list_keys()
    assert key_status(contest, "TB", info.fingerprint) == "current"
    assert keys.load_private_key(info.fingerprint, b"a long passphrase")


def test_cli_register_asks_for_the_fingerprint_at_a_terminal(
    tmp_path: Path,
    contest: ContestDatabase,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pem, printed = _new_judge_key(tmp_path, "gk2.pem")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    typed = iter(["", printed.lower()])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(typed))
    argv = ["key", "register", str(contest.path), str(pem), "--judge", "GK2"]
    assert _run(argv) == 2  # nothing typed: nothing pinned
    assert "--fingerprint" in capsys.readouterr().err
    assert _run(argv) == 0
    assert key_status(contest, "GK2", printed) == "current"

"""A judge's key backup: what restores, and every backup refused (nothing installed)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.exchange import keys
from judge_app.exchange.key_backup import read_key_backup, restore_key_backup, write_key_backup

PASS = keys.normalise_passphrase("mật khẩu của Mai")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[keys.KeyInfo, Path]:
    """One key (scrypt costs ~0.1 s a time) and its backup, shared read-only by the tests."""
    folder = tmp_path_factory.mktemp("keys")
    info = keys.create_key("Lê Thị Mai", PASS, folder=folder)
    backup = tmp_path_factory.mktemp("usb") / "khoa-mai.jgk"
    write_key_backup(info.fingerprint, backup, passphrase=PASS, folder=folder)
    return info, backup


def _refused(backup: Path, folder: Path, passphrase: bytes = PASS) -> JudgeAppError:
    with pytest.raises(JudgeAppError) as caught:
        restore_key_backup(backup, passphrase, folder=folder)
    assert keys.list_keys(folder=folder) == []  # nothing installed
    return caught.value


def test_restore_into_an_empty_key_folder_gives_the_same_key(
    made: tuple[keys.KeyInfo, Path], tmp_path: Path
) -> None:
    info, backup = made
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    folder = tmp_path / "new-computer"
    restored = restore_key_backup(backup, PASS, folder=folder)
    assert restored.installed
    assert restored.info.fingerprint == info.fingerprint
    assert restored.info.name == "Lê Thị Mai"
    assert restored.info.created_at == info.created_at
    # The key files are the originals, byte for byte, and the key signs as before.
    assert restored.info.private_path.read_bytes() == info.private_path.read_bytes()
    assert restored.info.public_path.read_bytes() == info.public_path.read_bytes()
    assert stat.S_IMODE(restored.info.private_path.stat().st_mode) == 0o600
    key = keys.load_private_key(info.fingerprint, PASS, folder=folder)
    public = keys.load_public_key_file(info.public_path)
    assert keys.verify_signature(public, b"diem", keys.sign(key, b"diem"))
    # Restoring again changes nothing.
    again = restore_key_backup(backup, PASS, folder=folder)
    assert not again.installed and again.info.fingerprint == info.fingerprint


def test_the_backup_holds_the_encrypted_key_only_and_warns(
    made: tuple[keys.KeyInfo, Path],
) -> None:
    info, backup = made
    text = backup.read_text(encoding="utf-8")
    assert "ENCRYPTED PRIVATE KEY" in text
    assert "BEGIN PRIVATE KEY" not in text  # never the decrypted key
    document = json.loads(text)
    assert document["fingerprint"] == info.fingerprint
    assert "Ai có cả tệp này và cụm mật khẩu" in document["warning"][0]
    assert read_key_backup(backup).fingerprint == info.fingerprint


def test_backup_refuses_a_passphrase_that_does_not_open_the_key(
    made: tuple[keys.KeyInfo, Path], tmp_path: Path
) -> None:
    info, _ = made
    target = tmp_path / "khoa.jgk"
    with pytest.raises(JudgeAppError) as caught:
        write_key_backup(
            info.fingerprint,
            target,
            passphrase=keys.normalise_passphrase("không phải nó"),
            folder=info.private_path.parent,
        )
    assert caught.value.code == "key_wrong_passphrase"
    assert not target.exists()


def test_a_wrong_passphrase_at_restore_is_refused(
    made: tuple[keys.KeyInfo, Path], tmp_path: Path
) -> None:
    _, backup = made
    error = _refused(backup, tmp_path / "k", keys.normalise_passphrase("mat khau sai"))
    assert error.code == "key_backup_wrong_passphrase"
    assert describe(error, "vi").startswith("Cụm mật khẩu này không mở được khoá")
    assert str(backup) in describe(error, "vi")


def test_a_backup_with_an_edited_byte_is_refused(
    made: tuple[keys.KeyInfo, Path], tmp_path: Path
) -> None:
    _, backup = made
    document = json.loads(backup.read_text(encoding="utf-8"))
    pem = document["files"]["private_key"]
    middle = pem.index("\n", pem.index("-----BEGIN")) + 10
    flipped = "A" if pem[middle] != "A" else "B"
    document["files"]["private_key"] = pem[:middle] + flipped + pem[middle + 1 :]
    tampered = tmp_path / "sua.jgk"
    tampered.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    error = _refused(tampered, tmp_path / "k")
    assert error.code == "key_backup_damaged"
    assert "bị hỏng hoặc bị sửa" in describe(error, "vi")


def test_a_backup_carrying_someone_elses_public_key_is_refused(
    made: tuple[keys.KeyInfo, Path], tmp_path: Path
) -> None:
    """A forger who also fixes the checksum: the key pair itself does not hold together."""
    from judge_app.exchange.key_backup import _checksum

    _, backup = made
    other = keys.create_key("Người khác", PASS, folder=tmp_path / "other")
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["files"]["public_key"] = other.public_path.read_text(encoding="utf-8")
    document["fingerprint"] = other.fingerprint
    document["sha256"] = _checksum(document["files"])
    forged = tmp_path / "gia.jgk"
    forged.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    error = _refused(forged, tmp_path / "k")
    assert error.code == "key_backup_foreign"
    assert other.fingerprint in describe(error, "vi")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b'{"format": "judge-app-scores"}',
        b"\xff\xfe",
        b'{"format": "judge-app-key-backup", "version": 1, "files": {}}',
    ],
)
def test_files_that_are_not_key_backups_are_refused(
    made: tuple[keys.KeyInfo, Path], tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "khac.jgk"
    path.write_bytes(content)
    error = _refused(path, tmp_path / "k")
    assert error.code == "key_backup_invalid"
    assert error.path == path


def test_a_truncated_backup_is_refused(made: tuple[keys.KeyInfo, Path], tmp_path: Path) -> None:
    _, backup = made
    cut = tmp_path / "cut.jgk"
    cut.write_bytes(backup.read_bytes()[:-40])
    assert _refused(cut, tmp_path / "k").code == "key_backup_invalid"


def test_a_newer_format_is_named(made: tuple[keys.KeyInfo, Path], tmp_path: Path) -> None:
    _, backup = made
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["version"] = 2
    newer = tmp_path / "moi.jgk"
    newer.write_text(json.dumps(document), encoding="utf-8")
    error = _refused(newer, tmp_path / "k")
    assert error.code == "key_backup_version"
    assert "phiên bản 2" in describe(error, "vi")


def _run(argv: list[str]) -> int:
    """`judge-app key backup|restore` through its own parser (as the main parser wires it)."""
    import argparse

    from judge_app.exchange.key_backup_cli import add_key_subcommands

    parser = argparse.ArgumentParser(prog="judge-app")
    sub = parser.add_subparsers(dest="command")
    key = sub.add_parser("key")
    add_key_subcommands(key.add_subparsers(dest="key_command"))
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args, "vi"))
    except JudgeAppError as error:
        print(describe(error, "vi"))
        return 2


def test_cli_backup_and_restore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JUDGE_APP_HOME", str(tmp_path / "old"))
    info = keys.create_key("Lê Thị Mai", PASS)
    phrase = tmp_path / "pass.txt"
    phrase.write_text("mật khẩu của Mai\n", encoding="utf-8")
    backup = tmp_path / "usb" / "mai.jgk"
    prefix = info.fingerprint[:4]
    assert _run(["key", "backup", prefix, "-o", str(backup), "--passphrase-file", str(phrase)]) == 0
    out = capsys.readouterr().out
    assert f"Đã sao lưu khoá “Lê Thị Mai” ({info.fingerprint}) vào {backup}" in out
    assert "Ai có cả tệp này và cụm mật khẩu" in out

    monkeypatch.setenv("JUDGE_APP_HOME", str(tmp_path / "new"))
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("mật khẩu của ai khác\n", encoding="utf-8")
    assert _run(["key", "restore", str(backup), "--passphrase-file", str(wrong)]) == 2
    assert "không mở được khoá" in capsys.readouterr().out
    assert keys.list_keys() == []
    assert _run(["key", "restore", str(backup), "--passphrase-file", str(phrase)]) == 0
    assert capsys.readouterr().out.startswith("Đã khôi phục khoá “Lê Thị Mai”")
    assert [k.fingerprint for k in keys.list_keys()] == [info.fingerprint]
    assert _run(["key", "restore", str(backup), "--passphrase-file", str(phrase)]) == 0
    assert "đã có sẵn trên máy này" in capsys.readouterr().out

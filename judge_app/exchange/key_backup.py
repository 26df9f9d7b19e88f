"""A judge's key backup: the key files copied as they are into one file, and restoring it.

A judge who loses the computer (or reinstalls it) loses the signing key, and the head judge
then has to retire it and pin a new one. A backup on a USB stick avoids that. The backup is
one UTF-8 JSON file (``.jgk``) holding, unchanged, the key folder's three files: the private
key (already encrypted with the passphrase: scrypt + PKCS#8, see `keys`), the public key and
the name/creation sidecar, plus a SHA-256 over them so a damaged copy is told apart from a
wrong passphrase. Nothing is decrypted to write it; the passphrase may be checked first so
nobody backs up a key they can no longer open.

Restoring trusts nothing in the file: the passphrase must open the private key, and the
private key, the public key and the fingerprint the file claims must all be the same key.
Only then are the files installed in the key folder (never over an existing key).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render
from judge_app.exchange import keys
from judge_app.fileio import write_atomically

__all__ = [
    "SUFFIX",
    "KeyBackup",
    "RestoredKey",
    "read_key_backup",
    "restore_key_backup",
    "write_key_backup",
]

FORMAT = "judge-app-key-backup"
VERSION = 1
SUFFIX = ".jgk"
MAX_BACKUP_BYTES = 64 * 1024  # three small text files; anything bigger is not ours
_FILES = ("private_key", "public_key", "sidecar")
_ENCRYPTED_MARK = "-----BEGIN ENCRYPTED PRIVATE KEY-----"


@dataclass(frozen=True, slots=True)
class KeyBackup:
    """A backup file read and checked for shape and checksum (the key is not opened yet)."""

    path: Path
    fingerprint: str
    name: str
    created_at: str
    private_key: str  # the key folder's <ID>.key, byte for byte
    public_key: str  # <ID>.pub
    sidecar: str  # <ID>.json


@dataclass(frozen=True, slots=True)
class RestoredKey:
    """Outcome of a restore: `installed` is False when the key was already on this computer."""

    info: keys.KeyInfo
    installed: bool


def _checksum(files: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in _FILES:
        data = files[name].encode("utf-8")
        digest.update(b"%s %d\n" % (name.encode("ascii"), len(data)))
        digest.update(data)
    return digest.hexdigest()


def _read_text(path: Path) -> str:
    """A key file's text exactly (bytes, no newline translation)."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise JudgeAppError("file_not_found", path) from None
    except UnicodeDecodeError:
        raise JudgeAppError("key_file_damaged", path) from None
    except OSError as exc:
        raise JudgeAppError("key_file_unreadable", path, reason=exc.strerror or str(exc)) from exc


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def write_key_backup(
    fingerprint_text: str,
    out_path: Path,
    *,
    passphrase: bytes | None = None,
    folder: Path | None = None,
) -> KeyBackup:
    """Copy a local key's files into the backup `out_path` (0600, written atomically).

    With `passphrase`, the key must open with it first: a backup that cannot be opened is
    worse than none, because the judge would count on it.
    """
    info = keys.find_key(fingerprint_text, folder=folder)
    private_text = _read_text(info.private_path)
    if _ENCRYPTED_MARK not in private_text:
        raise JudgeAppError("key_file_damaged", info.private_path)
    public_key = keys.load_public_key_file(info.public_path)
    if keys.fingerprint(public_key) != info.fingerprint:
        raise JudgeAppError("key_file_damaged", info.public_path)
    if passphrase is not None:
        keys.load_private_key(info.fingerprint, passphrase, folder=folder)
    sidecar_path = info.private_path.with_suffix(".json")
    sidecar = _read_text(sidecar_path) if sidecar_path.exists() else ""
    files = {
        "private_key": private_text,
        "public_key": _read_text(info.public_path),
        "sidecar": sidecar,
    }
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "warning": [render("key_backup_file_warning", lang) for lang in ("vi", "en")],
        "fingerprint": info.fingerprint,
        "name": info.name,
        "created_at": info.created_at,
        "backed_up_at": _utc_now(),
        "files": files,
        "sha256": _checksum(files),
    }
    data = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    out_path = Path(out_path)
    try:
        write_atomically(out_path, data, mode=0o600)
    except OSError as exc:
        raise JudgeAppError(
            "database_unwritable", out_path, reason=exc.strerror or str(exc)
        ) from exc
    return KeyBackup(out_path, info.fingerprint, info.name, info.created_at, **files)


def read_key_backup(path: Path) -> KeyBackup:
    """Parse a backup file and check its shape and checksum; the key itself is not opened."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BACKUP_BYTES:
            raise JudgeAppError("key_backup_invalid", path)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise JudgeAppError("file_not_found", path) from None
    except OSError as exc:
        raise JudgeAppError("key_file_unreadable", path, reason=exc.strerror or str(exc)) from exc
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise JudgeAppError("key_backup_invalid", path) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise JudgeAppError("key_backup_invalid", path)
    if document.get("version") != VERSION:
        raise JudgeAppError("key_backup_version", path, version=document.get("version"))
    files = document.get("files")
    texts = [document.get(k) for k in ("fingerprint", "name", "created_at", "sha256")]
    if (
        not isinstance(files, dict)
        or not all(isinstance(files.get(name), str) for name in _FILES)
        or not all(isinstance(text, str) for text in texts)
    ):
        raise JudgeAppError("key_backup_invalid", path)
    checked = {name: str(files[name]) for name in _FILES}
    if _checksum(checked) != document["sha256"]:
        raise JudgeAppError("key_backup_damaged", path)
    grouped = keys.normalise_fingerprint(str(document["fingerprint"]))
    if grouped is None:
        raise JudgeAppError("key_backup_invalid", path)
    return KeyBackup(path, grouped, str(document["name"]), str(document["created_at"]), **checked)


def _stage(backup: KeyBackup, folder: Path) -> tuple[Path, Path, Path]:
    stem = keys.compact_fingerprint(backup.fingerprint)
    paths = (folder / f"{stem}.key", folder / f"{stem}.pub", folder / f"{stem}.json")
    for target, text in zip(
        paths, (backup.private_key, backup.public_key, backup.sidecar), strict=True
    ):
        target.write_bytes(text.encode("utf-8"))
    return paths


def _opened(backup: KeyBackup, passphrase: bytes) -> None:
    """The backup's key pair opens with `passphrase` and is the key the file names.

    The files are staged in a private temporary folder so `keys` checks them exactly as it
    checks the key folder (scrypt header bounds, curve, private half matching the name).
    """
    with tempfile.TemporaryDirectory(prefix="judge-app-restore-") as temp:
        _, public_path, _ = _stage(backup, Path(temp))
        try:
            public_key = keys.load_public_key_file(public_path)
        except JudgeAppError:
            raise JudgeAppError("key_backup_damaged", backup.path) from None
        if keys.fingerprint(public_key) != backup.fingerprint:
            raise JudgeAppError("key_backup_foreign", backup.path, fingerprint=backup.fingerprint)
        try:
            keys.load_private_key(backup.fingerprint, passphrase, folder=Path(temp))
        except JudgeAppError as error:
            if error.code == "key_wrong_passphrase":
                raise JudgeAppError("key_backup_wrong_passphrase", backup.path) from None
            # The private half is not the key the public half and the name say it is.
            raise JudgeAppError(
                "key_backup_foreign", backup.path, fingerprint=backup.fingerprint
            ) from None


def restore_key_backup(path: Path, passphrase: bytes, *, folder: Path | None = None) -> RestoredKey:
    """Check the backup `path` against `passphrase` and install its key in the key folder.

    A key already on this computer is left as it is (its passphrase may differ from the
    backup's); a damaged, foreign or wrongly unlocked backup installs nothing.
    """
    backup = read_key_backup(path)
    _opened(backup, passphrase)
    target = keys.keys_dir(folder)
    stem = keys.compact_fingerprint(backup.fingerprint)
    private_path = target / f"{stem}.key"
    if private_path.exists():
        return RestoredKey(keys.find_key(backup.fingerprint, folder=folder), installed=False)
    # Same order as `keys.create_key`: a crash leaves at worst a harmless public file.
    try:
        write_atomically(target / f"{stem}.pub", backup.public_key.encode("utf-8"), mode=0o644)
        if backup.sidecar:
            write_atomically(target / f"{stem}.json", backup.sidecar.encode("utf-8"), mode=0o644)
        write_atomically(private_path, backup.private_key.encode("utf-8"), mode=0o600)
    except OSError as exc:
        raise JudgeAppError(
            "database_unwritable", private_path, reason=exc.strerror or str(exc)
        ) from exc
    return RestoredKey(keys.find_key(backup.fingerprint, folder=folder), installed=True)

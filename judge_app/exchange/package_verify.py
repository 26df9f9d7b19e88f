"""Reading and verifying a grading package (format: see `package`), trust on first use.

Checks, each refusal naming the package and saying which check failed:
zip structure (not a zip / truncated), member names (no absolute paths, no ``..``, no
duplicates), manifest and signature present, format and version, the manifest's shape, the head
judge's key (pinned for the contest, or accepted now by the fingerprint the head judge read
aloud), the signature over the exact manifest bytes, no member missing or outside the manifest,
and every file's size and SHA-256.

Pins live in ``paths.data_dir()/trusted-heads/<contest-uuid>.pub`` (PEM): once a contest's head
key is pinned on this computer, a package of that contest signed by any other key is refused.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from judge_app import paths
from judge_app.core.errors import JudgeAppError
from judge_app.exchange import keys
from judge_app.exchange.package import FORMAT, MANIFEST, SIGNATURE, VERSION, member_path

__all__ = [
    "ManifestEntry",
    "ManifestFile",
    "VerifiedPackage",
    "pin_head_key",
    "pinned_head_key",
    "trusted_heads_dir",
    "verify_package",
]

MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_SIGNATURE_BYTES = 1024
MAX_MEMBERS = 200_000
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_SUFFIX = re.compile(r"^(\.[a-z0-9]{1,8})?$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class ManifestFile:
    n: int
    kind: str
    sha256: str
    size: int
    path: str  # the member's name: files/<code>/<n>.<ext>


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    code: str
    category: str
    files: tuple[ManifestFile, ...]


@dataclass(frozen=True, slots=True)
class VerifiedPackage:
    """A package whose every check passed; `manifest` is the parsed, signed JSON."""

    path: Path
    manifest: dict[str, Any]
    manifest_sha256: str
    contest_uuid: str
    round: int
    judge_code: str
    judge_name: str
    head_fingerprint: str
    head_public_key: ec.EllipticCurvePublicKey
    entries: tuple[ManifestEntry, ...]
    newly_trusted: bool  # the head key was accepted now and is not pinned yet


def trusted_heads_dir() -> Path:
    return paths.data_dir() / "trusted-heads"


def _pin_file(folder: Path, contest_uuid: str) -> Path:
    return folder / f"{contest_uuid}.pub"


def pinned_head_key(
    contest_uuid: str, folder: Path | None = None
) -> ec.EllipticCurvePublicKey | None:
    path = _pin_file(trusted_heads_dir() if folder is None else Path(folder), contest_uuid)
    if not path.exists():
        return None
    return keys.load_public_key_file(path)


def pin_head_key(
    contest_uuid: str, public_key: ec.EllipticCurvePublicKey, folder: Path | None = None
) -> Path:
    """Remember the contest's head key on this computer (refuses to change an existing pin)."""
    from judge_app.fileio import write_atomically

    folder = trusted_heads_dir() if folder is None else Path(folder)
    path = _pin_file(folder, contest_uuid)
    current = pinned_head_key(contest_uuid, folder)
    if current is not None:
        if keys.public_key_der(current) != keys.public_key_der(public_key):
            raise JudgeAppError(
                "package_head_changed",
                path,
                fingerprint=keys.fingerprint(public_key),
                pinned=keys.fingerprint(current),
            )
        return path
    pem = public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    write_atomically(path, pem)
    return path


# Zip structure --------------------------------------------------------------------------


def _open_zip(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise JudgeAppError("file_not_found", path)
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        code = "package_truncated" if head == ZIP_MAGIC else "package_not_zip"
        raise JudgeAppError(code, path) from None
    except (OSError, EOFError, ValueError) as exc:
        raise JudgeAppError("package_truncated", path, reason=str(exc)) from None


def _safe_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or ":" in name:
        return False
    parts = PurePosixPath(name).parts
    return all(part not in ("", ".", "..") for part in parts) and not name.endswith("/")


def _members(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise JudgeAppError("package_extra_member", path, member=f"{len(infos)} members")
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if not _safe_name(info.filename) or info.filename in members:
            raise JudgeAppError("package_bad_member_name", path, member=info.filename)
        members[info.filename] = info
    return members


def _read(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes; a CRC or header mismatch means its bytes were changed."""
    try:
        return archive.read(info)
    except zipfile.BadZipFile:
        raise JudgeAppError("package_member_edited", path, member=info.filename) from None
    except (OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise JudgeAppError("package_truncated", path, reason=str(exc)) from None


# Manifest -------------------------------------------------------------------------------


def _invalid(path: Path, reason: str) -> JudgeAppError:
    return JudgeAppError("package_manifest_invalid", path, reason=reason)


def _field(path: Path, data: Any, key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise _invalid(path, key)
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise _invalid(path, key)
    return value


def _entries(path: Path, manifest: dict[str, Any]) -> tuple[ManifestEntry, ...]:
    entries: list[ManifestEntry] = []
    seen: set[str] = set()
    for raw in _field(path, manifest, "entries", list):
        code = _field(path, raw, "code", str)
        if not _CODE.match(code) or code in seen:
            raise _invalid(path, f"entries.code {code!r}")
        seen.add(code)
        files: list[ManifestFile] = []
        for number, item in enumerate(_field(path, raw, "files", list), start=1):
            n = _field(path, item, "n", int)
            member = _field(path, item, "path", str)
            sha = _field(path, item, "sha256", str)
            size = _field(path, item, "size", int)
            suffix = PurePosixPath(member).suffix
            if (
                n != number
                or not _SUFFIX.match(suffix)
                or member != member_path(code, n, suffix)
                or not _SHA256.match(sha)
                or size < 0
            ):
                raise _invalid(path, f"entries.files {member!r}")
            files.append(ManifestFile(n, _field(path, item, "kind", str), sha, size, member))
        entries.append(ManifestEntry(code, _field(path, raw, "category", str), tuple(files)))
    return tuple(entries)


def _parse(path: Path, data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _invalid(path, "JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _invalid(path, "format")
    version = manifest.get("version")
    if version != VERSION:
        raise JudgeAppError("package_wrong_version", path, version=version, supported=VERSION)
    return manifest


def _claimed_key(path: Path, manifest: dict[str, Any]) -> ec.EllipticCurvePublicKey:
    head = _field(path, manifest, "head", dict)
    try:
        der = base64.b64decode(_field(path, head, "public_key", str), validate=True)
    except (binascii.Error, ValueError):
        raise _invalid(path, "head.public_key") from None
    return keys.public_key_from_der(der, path)


# Verification ---------------------------------------------------------------------------


def _trusted_key(
    path: Path,
    contest_uuid: str,
    claimed: ec.EllipticCurvePublicKey,
    manifest_bytes: bytes,
    signature: bytes,
    accept_fingerprint: str | None,
    pinned_keys_dir: Path | None,
) -> tuple[ec.EllipticCurvePublicKey, bool]:
    """The key that must have signed, and whether it is accepted now (not pinned yet)."""
    claimed_fp = keys.fingerprint(claimed)
    pinned = pinned_head_key(contest_uuid, pinned_keys_dir)
    if pinned is not None:
        if keys.public_key_der(pinned) != keys.public_key_der(claimed):
            if keys.verify_signature(claimed, manifest_bytes, signature):
                raise JudgeAppError(
                    "package_head_changed",
                    path,
                    fingerprint=claimed_fp,
                    pinned=keys.fingerprint(pinned),
                )
            raise JudgeAppError("package_bad_signature", path)
        if not keys.verify_signature(pinned, manifest_bytes, signature):
            raise JudgeAppError("package_bad_signature", path)
        return pinned, False
    if not keys.verify_signature(claimed, manifest_bytes, signature):
        raise JudgeAppError("package_bad_signature", path)
    if accept_fingerprint is None:
        raise JudgeAppError("package_head_unknown", path, fingerprint=claimed_fp)
    if keys.normalise_fingerprint(accept_fingerprint) != claimed_fp:
        raise JudgeAppError(
            "package_head_mismatch", path, expected=accept_fingerprint, actual=claimed_fp
        )
    return claimed, True


def verify_package(
    package_path: Path,
    *,
    accept_fingerprint: str | None = None,
    pinned_keys_dir: Path | None = None,
) -> VerifiedPackage:
    """Every check of the module docstring; a `JudgeAppError` naming the package otherwise.

    Pins nothing: the caller pins (`pin_head_key`) once it has used the package.
    """
    path = Path(package_path)
    with _open_zip(path) as archive:
        members = _members(path, archive)
        if MANIFEST not in members:
            raise JudgeAppError("package_manifest_missing", path)
        if SIGNATURE not in members:
            raise JudgeAppError("package_signature_missing", path)
        if members[MANIFEST].file_size > MAX_MANIFEST_BYTES:
            raise _invalid(path, "size")
        if members[SIGNATURE].file_size > MAX_SIGNATURE_BYTES:
            raise JudgeAppError("package_bad_signature", path)
        manifest_bytes = _read(path, archive, members[MANIFEST])
        signature = _read(path, archive, members[SIGNATURE])
        manifest = _parse(path, manifest_bytes)
        contest = _field(path, manifest, "contest", dict)
        contest_uuid = _field(path, contest, "uuid", str)
        if not re.match(r"^[0-9a-fA-F-]{1,64}$", contest_uuid):
            raise _invalid(path, "contest.uuid")
        claimed = _claimed_key(path, manifest)
        key, newly = _trusted_key(
            path,
            contest_uuid,
            claimed,
            manifest_bytes,
            signature,
            accept_fingerprint,
            pinned_keys_dir,
        )
        # Signed from here on: the shape is checked to catch the app's own bugs, not forgers.
        entries = _entries(path, manifest)
        listed = {f.path: f for entry in entries for f in entry.files}
        for name in sorted(set(members) - set(listed) - {MANIFEST, SIGNATURE}):
            raise JudgeAppError("package_extra_member", path, member=name)
        for name, item in listed.items():
            info = members.get(name)
            if info is None:
                raise JudgeAppError("package_member_missing", path, member=name)
            if info.file_size != item.size:
                raise JudgeAppError("package_member_edited", path, member=name)
            if hashlib.sha256(_read(path, archive, info)).hexdigest() != item.sha256:
                raise JudgeAppError("package_member_edited", path, member=name)
        judge = _field(path, manifest, "judge", dict)
        return VerifiedPackage(
            path=path,
            manifest=manifest,
            manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
            contest_uuid=contest_uuid,
            round=_field(path, manifest, "round", int),
            judge_code=_field(path, judge, "code", str),
            judge_name=_field(path, judge, "name", str),
            head_fingerprint=keys.fingerprint(key),
            head_public_key=key,
            entries=entries,
            newly_trusted=newly,
        )

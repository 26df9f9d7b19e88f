"""A person's signing keys: ECDSA P-256 pairs kept in the per-user data folder.

Each key lives under ``paths.data_dir()/keys`` as three files named by its fingerprint:
``<ID>.key`` (the private key, PKCS#8 PEM encrypted with the owner's passphrase, 0600),
``<ID>.pub`` (the public key, SubjectPublicKeyInfo PEM) and ``<ID>.json`` (name, creation time).

The fingerprint is what two people compare over the phone before the head judge pins a judge's
key, so it is made to be read aloud: SHA-256 of the DER public key, first 160 bits, in Crockford
base32 (digits and letters without I L O U, so nothing sounds or looks like something else),
eight groups of four.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from judge_app import paths
from judge_app.core.errors import JudgeAppError
from judge_app.fileio import write_atomically

__all__ = [
    "FINGERPRINT_BITS",
    "MIN_PASSPHRASE_CHARS",
    "KeyInfo",
    "compact_fingerprint",
    "create_key",
    "export_public_key",
    "find_key",
    "fingerprint",
    "fingerprint_of_der",
    "keys_dir",
    "list_keys",
    "load_private_key",
    "load_public_key_file",
    "normalise_fingerprint",
    "normalise_passphrase",
    "public_key_der",
    "public_key_from_der",
    "sign",
    "verify_signature",
]

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Crockford's decoding aliases: what a listener may write for a character they heard or saw.
_ALIASES = {"O": "0", "I": "1", "L": "1"}
_SEPARATORS = " -_.:\t"
FINGERPRINT_BITS = 160
FINGERPRINT_CHARS = FINGERPRINT_BITS // 5  # 32
GROUP = 4
MIN_PREFIX_CHARS = 4  # `key export 7K3M` finds a local key by a prefix this long
MIN_PASSPHRASE_CHARS = 8
MAX_PUBLIC_KEY_FILE = 64 * 1024  # a P-256 PEM is ~180 bytes; anything huge is not a key
CURVE = ec.SECP256R1


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """A key in the local key folder. `fingerprint` is the grouped, read-aloud form."""

    fingerprint: str
    name: str
    created_at: str  # ISO-8601 UTC, "" when the sidecar is missing
    private_path: Path
    public_path: Path


# Fingerprints ----------------------------------------------------------------------------


def public_key_der(public_key: ec.EllipticCurvePublicKey) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _base32(data: bytes) -> str:
    number, bits = int.from_bytes(data, "big"), len(data) * 8
    return "".join(CROCKFORD[(number >> shift) & 31] for shift in range(bits - 5, -1, -5))


def _grouped(compact: str) -> str:
    return " ".join(compact[i : i + GROUP] for i in range(0, len(compact), GROUP))


def fingerprint_of_der(der: bytes) -> str:
    """The grouped fingerprint of a DER SubjectPublicKeyInfo."""
    digest = hashlib.sha256(der).digest()[: FINGERPRINT_BITS // 8]
    return _grouped(_base32(digest))


def fingerprint(public_key: ec.EllipticCurvePublicKey) -> str:
    """'7K3M 9QXA …': 8 groups of 4 Crockford base32 characters (160 bits)."""
    return fingerprint_of_der(public_key_der(public_key))


def compact_fingerprint(text: str) -> str:
    """`text` without separators, upper case, Crockford aliases resolved (no validation)."""
    cleaned = "".join(ch for ch in text.upper() if ch not in _SEPARATORS)
    return "".join(_ALIASES.get(ch, ch) for ch in cleaned)


def normalise_fingerprint(text: str) -> str | None:
    """The grouped form of a fingerprint as a person typed it (any grouping, case, O for 0…),
    or None when it is not a whole fingerprint."""
    compact = compact_fingerprint(text)
    if len(compact) != FINGERPRINT_CHARS or any(ch not in CROCKFORD for ch in compact):
        return None
    return _grouped(compact)


# Files ----------------------------------------------------------------------------------


def keys_dir(folder: Path | None = None) -> Path:
    """The key folder: the per-user one, or `folder` (the demo keeps its keys in its own)."""
    folder = paths.data_dir() / "keys" if folder is None else Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # where the OS has no POSIX modes this is a no-op
        folder.chmod(0o700)
    return folder


def _check_passphrase(passphrase: bytes) -> None:
    try:
        chars = len(passphrase.decode("utf-8"))
    except UnicodeDecodeError:
        chars = len(passphrase)
    if chars < MIN_PASSPHRASE_CHARS:
        raise JudgeAppError("key_passphrase_too_short", minimum=MIN_PASSPHRASE_CHARS)


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def create_key(name: str, passphrase: bytes, *, folder: Path | None = None) -> KeyInfo:
    """A new ECDSA P-256 key pair in the key folder; the private half encrypted (PKCS#8)."""
    _check_passphrase(passphrase)
    private_key = ec.generate_private_key(CURVE())
    public_key = private_key.public_key()
    grouped = fingerprint(public_key)
    stem = compact_fingerprint(grouped)
    folder = keys_dir(folder)
    private_path, public_path = folder / f"{stem}.key", folder / f"{stem}.pub"
    created = _utc_now()
    # Public half and sidecar first: a crash leaves at worst a harmless public file, never a
    # private key that `list_keys` cannot describe.
    public_pem = public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    write_atomically(public_path, public_pem, mode=0o644)
    sidecar = {"name": name, "created_at": created, "fingerprint": grouped, "algorithm": "P-256"}
    text = json.dumps(sidecar, ensure_ascii=False, indent=2) + "\n"
    write_atomically(folder / f"{stem}.json", text.encode("utf-8"), mode=0o644)
    salt = os.urandom(16)
    private_pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(_stretch(passphrase, salt, *SCRYPT_COST)),
    )
    header = _kdf_header(salt, *SCRYPT_COST)
    write_atomically(private_path, header + private_pem, mode=0o600)
    return KeyInfo(grouped, name, created, private_path, public_path)


# cryptography writes encrypted PKCS#8 with PBKDF2 at a fixed 2,048 rounds: far too few against
# someone who stole a laptop's key file and guesses an 8-character passphrase offline. The
# passphrase is first stretched with scrypt (~0.1 s, 32 MiB), and the stretched value is the
# PKCS#8 password. Salt and cost sit in a text line before the PEM block (PEM readers skip it),
# so the key file stays one self-contained file to back up.
SCRYPT_COST = (2**15, 8, 1)  # n, r, p
_KDF_PREFIX = b"judge-app-kdf: scrypt"


def _stretch(passphrase: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    derived = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase)
    return base64.b64encode(derived)


def _kdf_header(salt: bytes, n: int, r: int, p: int) -> bytes:
    return b"%s n=%d r=%d p=%d salt=%s\n" % (_KDF_PREFIX, n, r, p, base64.b64encode(salt))


def _read_kdf(data: bytes, path: Path) -> tuple[bytes, int, int, int] | None:
    """Salt and cost from the key file's first line; None for a plain PKCS#8 file."""
    first = data.split(b"\n", 1)[0].strip()
    if not first.startswith(_KDF_PREFIX):
        return None
    try:
        fields = dict(item.split(b"=", 1) for item in first[len(_KDF_PREFIX) :].split())
        n, r, p = int(fields[b"n"]), int(fields[b"r"]), int(fields[b"p"])
        salt = base64.b64decode(fields[b"salt"], validate=True)
    except (KeyError, ValueError) as exc:
        raise JudgeAppError("key_file_damaged", path) from exc
    # Bounds: an edited file must not make scrypt allocate gigabytes.
    if not (2**14 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4):
        raise JudgeAppError("key_file_damaged", path)
    return salt, n, r, p


def _info(private_path: Path) -> KeyInfo:
    stem = private_path.stem
    name, created = "", ""
    try:
        sidecar = json.loads(private_path.with_suffix(".json").read_text(encoding="utf-8"))
        name, created = str(sidecar.get("name", "")), str(sidecar.get("created_at", ""))
    except (OSError, ValueError, AttributeError):
        pass  # the sidecar only describes the key; the key files are what count
    grouped = normalise_fingerprint(stem) or stem
    return KeyInfo(grouped, name, created, private_path, private_path.with_suffix(".pub"))


def list_keys(*, folder: Path | None = None) -> list[KeyInfo]:
    """The keys in the local key folder, oldest first."""
    found = [
        _info(path)
        for path in keys_dir(folder).glob("*.key")
        if normalise_fingerprint(path.stem) is not None
    ]
    return sorted(found, key=lambda info: (info.created_at, info.fingerprint))


def find_key(fingerprint_text: str, *, folder: Path | None = None) -> KeyInfo:
    """The local key with this fingerprint, or with a unique prefix of it (≥ 4 characters)."""
    wanted = compact_fingerprint(fingerprint_text)
    if len(wanted) < MIN_PREFIX_CHARS:
        raise JudgeAppError("key_not_found", fingerprint=fingerprint_text)
    matches = [
        info
        for info in list_keys(folder=folder)
        if compact_fingerprint(info.fingerprint).startswith(wanted)
    ]
    if not matches:
        raise JudgeAppError("key_not_found", fingerprint=fingerprint_text)
    if len(matches) > 1:
        raise JudgeAppError("key_ambiguous", fingerprint=fingerprint_text, count=len(matches))
    return matches[0]


def load_private_key(
    fingerprint_text: str, passphrase: bytes, *, folder: Path | None = None
) -> ec.EllipticCurvePrivateKey:
    """Decrypt a local private key; a wrong passphrase is `key_wrong_passphrase`."""
    info = find_key(fingerprint_text, folder=folder)
    try:
        data = info.private_path.read_bytes()
    except OSError as exc:
        raise JudgeAppError("file_not_found", info.private_path) from exc
    if b"-----BEGIN ENCRYPTED PRIVATE KEY-----" not in data:
        raise JudgeAppError("key_file_damaged", info.private_path)
    kdf = _read_kdf(data, info.private_path)
    password = passphrase if kdf is None else _stretch(passphrase, *kdf)
    try:
        key = serialization.load_pem_private_key(data, password=password)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        # OpenSSL cannot tell a wrong passphrase from a damaged ciphertext; the first is
        # what happens in practice, and the file's header was checked above.
        raise JudgeAppError("key_wrong_passphrase", info.private_path) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, CURVE):
        raise JudgeAppError("key_file_damaged", info.private_path)
    if fingerprint(key.public_key()) != info.fingerprint:
        # The file was swapped or renamed: signing with it would claim someone else's name.
        raise JudgeAppError("key_file_damaged", info.private_path)
    return key


def export_public_key(fingerprint_text: str, out_path: Path) -> KeyInfo:
    """Write a local key's public half (SubjectPublicKeyInfo PEM) to `out_path`.

    Never overwrites a file: the head judge may keep several judges' keys in one folder.
    """
    info = find_key(fingerprint_text)
    public_key = load_public_key_file(info.public_path)
    if fingerprint(public_key) != info.fingerprint:
        raise JudgeAppError("key_file_damaged", info.public_path)
    out_path = Path(out_path)
    if out_path.exists():
        raise JudgeAppError("file_exists", out_path)
    pem = public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    try:
        write_atomically(out_path, pem, mode=0o644)
    except OSError as exc:
        raise JudgeAppError(
            "database_unwritable", out_path, reason=exc.strerror or str(exc)
        ) from exc
    return info


def _checked_public_key(key: object, path: Path) -> ec.EllipticCurvePublicKey:
    if not isinstance(key, ec.EllipticCurvePublicKey):
        kind = type(key).__name__.removesuffix("PublicKey").removeprefix("_") or "?"
        raise JudgeAppError("key_wrong_type", path, kind=kind)
    if not isinstance(key.curve, CURVE):
        raise JudgeAppError("key_wrong_curve", path, curve=key.curve.name)
    return key


def load_public_key_file(path: Path) -> ec.EllipticCurvePublicKey:
    """A P-256 public key from a PEM file; anything else is refused naming the file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PUBLIC_KEY_FILE:
            raise JudgeAppError("key_file_invalid", path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise JudgeAppError("file_not_found", path) from None
    except OSError as exc:
        raise JudgeAppError("key_file_unreadable", path, reason=exc.strerror or str(exc)) from exc
    if b"PRIVATE KEY-----" in data:
        # Someone sent their private key instead of the exported public one: say so, because
        # that key is no longer secret and must be replaced.
        raise JudgeAppError("key_file_is_private", path)
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm):
        raise JudgeAppError("key_file_invalid", path) from None
    return _checked_public_key(key, path)


def public_key_from_der(der: bytes, source: Path | str | None = None) -> ec.EllipticCurvePublicKey:
    """A P-256 public key from DER (as pinned in the contest file)."""
    try:
        key = serialization.load_der_public_key(der)
    except (ValueError, UnsupportedAlgorithm):
        raise JudgeAppError("key_file_invalid", source) from None
    return _checked_public_key(key, Path(source or "?"))


# Signatures -------------------------------------------------------------------------------


def sign(private_key: ec.EllipticCurvePrivateKey, data: bytes) -> bytes:
    """ECDSA with SHA-256; a DER-encoded signature."""
    return private_key.sign(data, ec.ECDSA(hashes.SHA256()))


def verify_signature(public_key: ec.EllipticCurvePublicKey, data: bytes, signature: bytes) -> bool:
    """True when `signature` (DER) is `public_key`'s ECDSA-SHA-256 signature of `data`."""
    try:
        public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        return False
    return True


def normalise_passphrase(text: str) -> bytes:
    """UTF-8 of the NFC form: Vietnamese typing tools send composed or decomposed letters
    (ơ as one code point or o + horn), and the same passphrase must open the key either way."""
    return unicodedata.normalize("NFC", text).encode("utf-8")

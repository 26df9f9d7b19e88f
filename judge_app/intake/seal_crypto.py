"""The cryptography of the sealed identity records (đầu phách): keys, verifier, blobs.

No database here: `seal.py` stores what this module makes.

- Key: each passphrase goes through scrypt (n=2**15, r=8, p=1, 32 bytes) with the contest file's
  random 16-byte salt; the one or two results are sorted (so the order the two board members
  type them in does not matter) and joined, and HKDF-SHA256 turns them into the 256-bit seal
  key. With two passphrases the key depends on both scrypt outputs: one passphrase alone gives
  a different key, which opens nothing.
- Verifier: a known text sealed with the key, so a wrong passphrase is reported as such
  instead of as damaged records.
- Blob: ``version (1 byte) | nonce (12 random bytes) | AES-256-GCM ciphertext and tag``. The
  associated data is the contest's uuid and the entry's code, so a blob copied onto another
  entry (or into another contest) fails to open.
- Payload: JSON, padded with spaces to a multiple of 256 bytes so the blob's length does not
  give away the length of the name inside it.
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

BLOB_VERSION = 1
NONCE_BYTES = 12
SALT_BYTES = 16
KEY_BYTES = 32
PAD_TO = 256
MIN_PASSPHRASE_CHARS = 8
MAX_PASSPHRASES = 2
VERIFIER_TEXT = b"judge_app seal verifier v1"
_AAD_PREFIX = b"judge_app/seal/v1\x00"
_VERIFIER_AAD = b"judge_app/seal/verifier/v1\x00"


class WrongKeyError(Exception):
    """The key does not open this blob (wrong passphrase, or a blob moved or altered)."""


@dataclass(frozen=True, slots=True)
class KdfParameters:
    """What is stored beside the salt so a later version can still derive the same key."""

    n: int = 2**15
    r: int = 8
    p: int = 1
    keys: int = 1  # how many passphrases the seal needs (1, or 2 for the two-key option)

    def to_json(self) -> str:
        return json.dumps(
            {"kdf": "scrypt", "n": self.n, "r": self.r, "p": self.p, "keys": self.keys},
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> KdfParameters:
        """Parameters read back from a file; ValueError for anything this version would not
        write (an edited file must not make the app allocate gigabytes in scrypt)."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("kdf") != "scrypt":
            raise ValueError("unknown key derivation")
        params = cls(n=int(data["n"]), r=int(data["r"]), p=int(data["p"]), keys=int(data["keys"]))
        if not (
            2**14 <= params.n <= 2**20
            and params.n & (params.n - 1) == 0
            and 1 <= params.r <= 16
            and 1 <= params.p <= 4
            and 1 <= params.keys <= MAX_PASSPHRASES
        ):
            raise ValueError(f"key parameters out of range: {params}")
        return params


def passphrase_from_text(text: str) -> bytes:
    """A typed or file-read passphrase as bytes: line end dropped, Unicode NFC.

    NFC because Vietnamese keyboards (Unikey, the Windows and macOS ones) may send the same
    letter precomposed or as a base letter plus combining marks.
    """
    return unicodedata.normalize("NFC", text.rstrip("\r\n")).encode("utf-8")


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(passphrases: list[bytes], salt: bytes, params: KdfParameters) -> bytes:
    """The seal key from every passphrase; order-independent, all of them needed."""
    if not passphrases:
        raise ValueError("no passphrase")
    stretched = sorted(
        Scrypt(salt=salt, length=KEY_BYTES, n=params.n, r=params.r, p=params.p).derive(phrase)
        for phrase in passphrases
    )
    info = b"judge_app seal key v1; passphrases=%d" % len(passphrases)
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info)
    return hkdf.derive(b"".join(stretched))


def make_verifier(key: bytes, salt: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, VERIFIER_TEXT, _VERIFIER_AAD + salt)


def check_verifier(key: bytes, salt: bytes, verifier: bytes) -> bool:
    try:
        plain = AESGCM(key).decrypt(
            verifier[:NONCE_BYTES], verifier[NONCE_BYTES:], _VERIFIER_AAD + salt
        )
    except InvalidTag:
        return False
    return plain == VERIFIER_TEXT


def associated_data(contest_uuid: str, entry_code: str) -> bytes:
    return _AAD_PREFIX + contest_uuid.encode("utf-8") + b"\x00" + entry_code.encode("utf-8")


def seal_payload(key: bytes, payload: dict[str, Any], contest_uuid: str, entry_code: str) -> bytes:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    plain = text.encode("utf-8")
    plain += b" " * (-len(plain) % PAD_TO)
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, plain, associated_data(contest_uuid, entry_code))
    return bytes([BLOB_VERSION]) + nonce + sealed


def open_payload(key: bytes, blob: bytes, contest_uuid: str, entry_code: str) -> dict[str, Any]:
    """The payload inside `blob`, or WrongKeyError when the key or the entry does not match."""
    if len(blob) < 1 + NONCE_BYTES + 16 or blob[0] != BLOB_VERSION:
        raise WrongKeyError("not a sealed identity record")
    nonce, sealed = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        plain = AESGCM(key).decrypt(nonce, sealed, associated_data(contest_uuid, entry_code))
    except InvalidTag as exc:
        raise WrongKeyError("the key or the entry does not match") from exc
    data: dict[str, Any] = json.loads(plain.decode("utf-8"))
    return data

"""Keys at their edges: the damaged, swapped, renamed, foreign and oversized files a judge's
computer really ends up with, each refused with a sentence that names the file (never a
traceback), and the older key files that must keep opening."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.exchange import keys

PASSPHRASE = keys.normalise_passphrase("hoa sen nở sớm")


def _refusal(call: object, *args: object, **kwargs: object) -> JudgeAppError:
    with pytest.raises(JudgeAppError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value


def _plain_pkcs8_key(folder: Path, private_key: object, fingerprint_of: str) -> Path:
    """A key file as judge-app wrote them before the scrypt line (and as OpenSSL writes them):
    encrypted PKCS#8 whose password is the passphrase itself, named by `fingerprint_of`."""
    assert isinstance(private_key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey)
    folder.mkdir(parents=True, exist_ok=True)
    stem = keys.compact_fingerprint(fingerprint_of)
    path = folder / f"{stem}.key"
    path.write_bytes(
        private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(PASSPHRASE),
        )
    )
    return path


# Passphrases -----------------------------------------------------------------------------


def test_a_passphrase_given_as_raw_bytes_counts_bytes_when_it_is_not_utf8(
    tmp_path: Path,
) -> None:
    """A caller holding a passphrase in a legacy 8-bit encoding gets the same 8-unit minimum
    (counted in bytes, since the bytes are not text), and the key opens with those bytes."""
    legacy = b"m\xe2\xf2t kh\xe2\xd2u"  # "mật khẩu" in Windows' Vietnamese code page (cp1258)
    assert unicodedata.normalize("NFC", legacy.decode("cp1258")) == "mật khẩu"
    with pytest.raises(UnicodeDecodeError):
        legacy.decode("utf-8")
    info = keys.create_key("GK1", legacy, folder=tmp_path)
    key = keys.load_private_key(info.fingerprint, legacy, folder=tmp_path)
    assert keys.fingerprint(key.public_key()) == info.fingerprint

    short = _refusal(keys.create_key, "GK1", b"\xe2\xf4\xea" * 2, folder=tmp_path / "short")
    assert short.code == "key_passphrase_too_short"
    assert not list((tmp_path / "short").glob("*.key"))


# Private key files -----------------------------------------------------------------------


def test_a_key_file_from_before_passphrase_stretching_still_opens(tmp_path: Path) -> None:
    private_key = ec.generate_private_key(ec.SECP256R1())
    grouped = keys.fingerprint(private_key.public_key())
    path = _plain_pkcs8_key(tmp_path, private_key, grouped)
    assert not path.read_bytes().startswith(b"judge-app-kdf")

    opened = keys.load_private_key(grouped, PASSPHRASE, folder=tmp_path)
    assert keys.fingerprint(opened.public_key()) == grouped
    wrong = _refusal(keys.load_private_key, grouped, b"khong phai mat khau", folder=tmp_path)
    assert wrong.code == "key_wrong_passphrase" and wrong.path == path


@pytest.mark.parametrize(
    "cost_line",
    [
        b"judge-app-kdf: scrypt n=32768 r=8 p=1",  # salt cut off
        b"judge-app-kdf: scrypt n=3276x r=8 p=1 salt=c2FsdHNhbHRzYWx0c2FsdA==",
        b"judge-app-kdf: scrypt n=32768 r=8 p=1 salt=c2Fsd!!!",
        b"judge-app-kdf: scrypt n=32768 r=8 p=1 salt=c2FsdHNhbHRzYWx0c2FsdA== junk",
        b"judge-app-kdf: scrypt n=32768 r=0 p=1 salt=c2FsdHNhbHRzYWx0c2FsdA==",
    ],
)
def test_a_damaged_cost_line_is_refused_naming_the_key_file(
    tmp_path: Path, cost_line: bytes
) -> None:
    info = keys.create_key("GK1", PASSPHRASE, folder=tmp_path)
    block = info.private_path.read_bytes().split(b"\n", 1)[1]
    info.private_path.write_bytes(cost_line + b"\n" + block)
    damaged = _refusal(keys.load_private_key, info.fingerprint, PASSPHRASE, folder=tmp_path)
    assert damaged.code == "key_file_damaged" and damaged.path == info.private_path
    assert str(info.private_path) in describe(damaged, "vi")


@pytest.mark.parametrize(
    "content",
    [
        b"",  # emptied (a sync tool, a full disk)
        b"judge-app-kdf: scrypt n=32768 r=8 p=1 salt=c2FsdA==\n",  # cut after the cost line
        b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",  # decrypted by hand
    ],
)
def test_a_key_file_without_its_encrypted_block_is_damaged(tmp_path: Path, content: bytes) -> None:
    info = keys.create_key("GK1", PASSPHRASE, folder=tmp_path)
    info.private_path.write_bytes(content)
    damaged = _refusal(keys.load_private_key, info.fingerprint, PASSPHRASE, folder=tmp_path)
    assert damaged.code == "key_file_damaged" and damaged.path == info.private_path


@pytest.mark.parametrize(
    "foreign",
    [
        lambda: ec.generate_private_key(ec.SECP384R1()),
        lambda: rsa.generate_private_key(65537, 2048),
    ],
    ids=["P-384", "RSA"],
)
def test_a_key_file_swapped_for_another_kind_of_key_is_refused(
    tmp_path: Path, foreign: object
) -> None:
    """The passphrase opens it, but a key that is not P-256 never signs in a judge's name."""
    info = keys.create_key("GK1", PASSPHRASE, folder=tmp_path)
    _plain_pkcs8_key(tmp_path, foreign(), info.fingerprint)  # type: ignore[operator]
    damaged = _refusal(keys.load_private_key, info.fingerprint, PASSPHRASE, folder=tmp_path)
    assert damaged.code == "key_file_damaged" and damaged.path == info.private_path


def test_a_key_file_pointing_nowhere_is_not_found(tmp_path: Path) -> None:
    """A key folder restored from a backup with a link to a USB stick that is not plugged in."""
    info = keys.create_key("GK1", PASSPHRASE, folder=tmp_path)
    info.private_path.unlink()
    info.private_path.symlink_to(tmp_path / "usb" / "missing.key")
    assert [k.fingerprint for k in keys.list_keys(folder=tmp_path)] == [info.fingerprint]
    missing = _refusal(keys.load_private_key, info.fingerprint, PASSPHRASE, folder=tmp_path)
    assert missing.code == "file_not_found" and missing.path == info.private_path


# The key folder --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sidecar",
    [None, "{ cut", "[]"],
    ids=["missing", "not JSON", "not an object"],
)
def test_a_key_whose_description_is_lost_is_still_listed_and_opens(
    tmp_path: Path, sidecar: str | None
) -> None:
    info = keys.create_key("Lê Thị Mai", PASSPHRASE, folder=tmp_path)
    description = info.private_path.with_suffix(".json")
    if sidecar is None:
        description.unlink()
    else:
        description.write_text(sidecar, encoding="utf-8")
    (listed,) = keys.list_keys(folder=tmp_path)
    assert (listed.fingerprint, listed.name, listed.created_at) == (info.fingerprint, "", "")
    assert keys.load_private_key(info.fingerprint[:9], PASSPHRASE, folder=tmp_path)


def test_a_fingerprint_needs_four_characters_to_find_a_key(tmp_path: Path) -> None:
    info = keys.create_key("GK1", PASSPHRASE, folder=tmp_path)
    compact = keys.compact_fingerprint(info.fingerprint)
    short = _refusal(keys.find_key, compact[:3], folder=tmp_path)
    assert short.code == "key_not_found" and short.params["fingerprint"] == compact[:3]
    assert keys.find_key(compact[:4], folder=tmp_path) == info


def test_a_copied_key_under_a_near_name_makes_a_prefix_ambiguous(tmp_path: Path) -> None:
    """Two keys starting alike (here a copy renamed by hand): the prefix names neither, the
    whole fingerprint names the real one, and the renamed copy never signs."""
    info = keys.create_key("GK1", PASSPHRASE, folder=tmp_path)
    compact = keys.compact_fingerprint(info.fingerprint)
    other = compact[:-1] + ("0" if compact[-1] != "0" else "1")
    for suffix in (".key", ".pub", ".json"):
        shutil.copy(info.private_path.with_suffix(suffix), tmp_path / f"{other}{suffix}")

    ambiguous = _refusal(keys.find_key, compact[:6], folder=tmp_path)
    assert ambiguous.code == "key_ambiguous" and ambiguous.params["count"] == 2
    assert "2" in describe(ambiguous, "vi")
    assert keys.find_key(info.fingerprint, folder=tmp_path) == info
    renamed = _refusal(keys.load_private_key, other, PASSPHRASE, folder=tmp_path)
    assert renamed.code == "key_file_damaged"


# Public keys -----------------------------------------------------------------------------


def test_export_refuses_a_public_file_swapped_for_another_judges(tmp_path: Path) -> None:
    mine = keys.create_key("GK1", PASSPHRASE)
    theirs = keys.create_key("GK2", PASSPHRASE)
    mine.public_path.write_bytes(theirs.public_path.read_bytes())
    out = tmp_path / "gk1.pem"
    swapped = _refusal(keys.export_public_key, mine.fingerprint, out)
    assert swapped.code == "key_file_damaged" and swapped.path == mine.public_path
    assert not out.exists()


def test_export_to_a_place_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    info = keys.create_key("GK1", PASSPHRASE)
    blocker = tmp_path / "usb"
    blocker.write_bytes(b"a file where a folder was expected")
    out = blocker / "gk1.pem"
    unwritable = _refusal(keys.export_public_key, info.fingerprint, out)
    assert unwritable.code == "database_unwritable" and unwritable.path == out
    assert unwritable.params["reason"]


def test_a_huge_file_offered_as_a_public_key_is_refused_unread(tmp_path: Path) -> None:
    info = keys.create_key("GK1", PASSPHRASE)
    huge = tmp_path / "gk1.pem"
    pem = info.public_path.read_bytes()
    huge.write_bytes(pem + b"\n" * (keys.MAX_PUBLIC_KEY_FILE + 1 - len(pem)))
    refused = _refusal(keys.load_public_key_file, huge)
    assert refused.code == "key_file_invalid" and refused.path == huge
    huge.write_bytes(pem + b"\n" * (keys.MAX_PUBLIC_KEY_FILE - len(pem)))  # at the limit: read
    assert keys.fingerprint(keys.load_public_key_file(huge)) == info.fingerprint


def test_a_folder_offered_as_a_public_key_is_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "gk1.pem"
    folder.mkdir()
    refused = _refusal(keys.load_public_key_file, folder)
    assert refused.code == "key_file_unreadable" and refused.path == folder
    assert refused.params["reason"] and str(folder) in describe(refused, "en")


def test_a_damaged_pinned_key_in_the_contest_file_is_refused(tmp_path: Path) -> None:
    contest = tmp_path / "contest.sqlite"
    good = ec.generate_private_key(ec.SECP256R1()).public_key()
    der = keys.public_key_der(good)
    assert keys.fingerprint(keys.public_key_from_der(der, contest)) == keys.fingerprint(good)
    for damaged in (der[:-1], b"", b"\x30" + der[1:40]):
        refused = _refusal(keys.public_key_from_der, damaged, contest)
        assert refused.code == "key_file_invalid" and refused.path == contest
    rsa_der = (
        rsa.generate_private_key(65537, 2048)
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    assert _refusal(keys.public_key_from_der, rsa_der, contest).code == "key_wrong_type"
    assert _refusal(keys.public_key_from_der, b"").path is None  # no file to name


def test_a_stored_fingerprint_with_separators_and_aliases_is_normalised() -> None:
    grouped = keys.fingerprint(ec.generate_private_key(ec.SECP256R1()).public_key())
    spoken = grouped.replace("0", "o").replace("1", "l").lower().replace(" ", "-")
    assert keys.normalise_fingerprint(spoken) == grouped
    assert keys.normalise_fingerprint(grouped[:-1]) is None
    assert keys.normalise_fingerprint(grouped[:-1] + "U") is None  # U is not Crockford

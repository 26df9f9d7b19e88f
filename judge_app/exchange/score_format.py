"""Reading a judge's score file (.jgs) and the format's constants, without the database.

The format is described in `exchange.score_file` and docs/score-file.md. This half imports
no SQLAlchemy: the merge reads files in worker processes, and each one starts faster without it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from cryptography.hazmat.primitives.asymmetric import ec

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.exchange import keys

FORMAT = "judge-app-scores"
VERSION = 1
ALGORITHM = "ECDSA-P256-SHA256"
SUFFIX = ".jgs"
MAX_FILE_BYTES = 256 * 1024 * 1024  # 20,000 entries take a few MB; beyond this is not ours
MAX_NUMBER = 2**31 - 1  # rounds and revisions: SQLite stores up to 2**63, but no contest needs more


HEADER = f"{FORMAT} {VERSION}\n".encode("ascii")
_HEADER_PREFIX = f"{FORMAT} ".encode("ascii")


def canonical_bytes(value: Any) -> bytes:
    """The one spelling of the body a judge's app writes (one line, sorted keys)."""
    text = json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def signed_part(body: Any) -> bytes:
    """What the signature covers: the header line and the body line."""
    return HEADER + canonical_bytes(body) + b"\n"


def file_bytes(signed: bytes, signature: bytes) -> bytes:
    return signed + f"{ALGORITHM} ".encode("ascii") + base64.b64encode(signature) + b"\n"


@dataclass(frozen=True, slots=True)
class ScoreFile:
    """A parsed score file whose bytes are canonical; the signature is not checked yet."""

    path: Path
    body: dict[str, Any]
    signature: bytes
    sha256: str
    signed: bytes  # the exact bytes the signature covers

    @property
    def contest_uuid(self) -> str:
        return str(self.body["contest"]["uuid"])

    @property
    def judge_code(self) -> str:
        return str(self.body["judge"]["code"])

    @property
    def revision(self) -> int:
        return int(self.body["revision"])

    @property
    def round(self) -> int:
        return int(self.body["round"])

    @property
    def fingerprint(self) -> str:
        return str(self.body["key_fingerprint"])

    @property
    def entries(self) -> list[dict[str, Any]]:
        return list(self.body["entries"])

    def verify(self, public_key: ec.EllipticCurvePublicKey) -> bool:
        return keys.verify_signature(public_key, self.signed, self.signature)


# ---------------------------------------------------------------------------------------------
# Reading


def _malformed(path: Path, reason: str) -> JudgeAppError:
    return JudgeAppError("score_file_malformed", path, reason=reason)


def _need(path: Path, data: Mapping[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise _malformed(path, key)
    return value


_ENTRY_FIELDS: tuple[tuple[str, type], ...] = (
    ("code", str),
    ("round", int),
    ("status", str),
    ("scores", dict),
    ("answers", dict),
    ("comment", str),
    ("criterion_comments", dict),
    ("flags", dict),
    ("page_notes", list),
    ("files", list),
    ("total", str),
    ("revision", int),
)


def _check_entry(path: Path, item: Any) -> None:
    """Shape of one entry; exact type checks (a bool is not a round) in a tight loop, since a
    merge reads 200,000 of them."""
    if type(item) is not dict:
        raise _malformed(path, "entries")
    for key, kind in _ENTRY_FIELDS:
        if type(item.get(key)) is not kind:
            raise _malformed(path, f"entries.{key}")
    if not (0 <= item["round"] <= MAX_NUMBER and 0 <= item["revision"] <= MAX_NUMBER):
        raise _malformed(path, f"entries.{item['code']}.round")
    seen = _POINTS_SEEN
    for value in item["scores"].values():
        # The type first: a list or an object is not even hashable for the set look-up.
        if type(value) is not str or (value not in seen and not _is_points(value)):
            raise _malformed(path, f"entries.{item['code']}.scores")
    if item["total"] not in seen and not _is_points(item["total"]):
        raise _malformed(path, f"entries.{item['code']}.total")
    for group in ("answers", "criterion_comments", "flags"):
        for value in item[group].values():
            if type(value) is not str:
                raise _malformed(path, f"entries.{item['code']}.{group}")
    for note in item["page_notes"]:
        if type(note) is not dict or type(note.get("text")) is not str:
            raise _malformed(path, f"entries.{item['code']}.page_notes")
    for file in item["files"]:
        if type(file) is not dict or type(file.get("sha256")) is not str:
            raise _malformed(path, f"entries.{item['code']}.files")


_POINTS_SEEN: set[str] = set()


def _is_points(value: str) -> bool:
    """A decimal score string; remembered (callers look in `_POINTS_SEEN` first), since a
    large file repeats a few dozen values."""
    try:
        Points.parse(value)
    except JudgeAppError:
        return False
    if len(_POINTS_SEEN) < 10_000:
        _POINTS_SEEN.add(value)
    return True


@dataclass(frozen=True, slots=True)
class _Layout:
    data: bytes
    body: bytes  # line 2, the JSON
    signed: bytes
    signature: bytes


def _layout(path: Path) -> _Layout:
    """The three lines checked byte by byte; the body not parsed yet."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise JudgeAppError("score_file_too_large", path, size_mb=size // (1024 * 1024))
        data = path.read_bytes()
    except FileNotFoundError:
        raise JudgeAppError("file_not_found", path) from None
    except OSError as exc:
        raise JudgeAppError("file_unreadable", path, reason=exc.strerror or str(exc)) from exc
    if not data.strip():
        raise _malformed(path, "empty")
    if not data.startswith(_HEADER_PREFIX):
        raise _malformed(path, "header")
    first_end = data.find(b"\n")
    if first_end < 0:
        raise _malformed(path, "layout")  # cut inside the header line: not a newer version
    if data[: first_end + 1] != HEADER:
        version = data[len(_HEADER_PREFIX) : first_end].decode("ascii", "replace")[:20]
        raise JudgeAppError("score_file_version", path, version=version)
    body_end = data.find(b"\n", first_end + 1)
    if body_end < 0 or not data.endswith(b"\n") or data.count(b"\n", body_end + 1) != 1:
        raise _malformed(path, "layout")
    signed, signature_line = data[: body_end + 1], data[body_end + 1 : -1]
    algorithm, _, encoded = signature_line.partition(b" ")
    if algorithm != ALGORITHM.encode("ascii"):
        raise _malformed(path, "signature")
    try:
        raw_signature = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise _malformed(path, "signature") from None
    if not raw_signature or base64.b64encode(raw_signature) != encoded:
        raise _malformed(path, "signature")
    return _Layout(data, data[first_end + 1 : body_end], signed, raw_signature)


def read_score_file(path: Path) -> ScoreFile:
    """Parse and check the shape of a score file; refuses any byte that is not canonical."""
    layout = _layout(path)
    data, signed, raw_signature = layout.data, layout.signed, layout.signature
    try:
        body = json.loads(
            layout.body.decode("utf-8"),
            parse_float=_no_float,
            parse_constant=_no_float,
        )
    except (ValueError, RecursionError):
        # ValueError covers bad UTF-8, bad JSON, a float (`_FloatError`) and an integer longer
        # than Python converts (4,300 digits): all a damaged body, never a traceback.
        raise _malformed(path, "json") from None
    if not isinstance(body, dict):
        raise _malformed(path, "layout")
    if body.get("format") != FORMAT or body.get("version") != VERSION:
        raise _malformed(path, "format")
    contest = _need(path, body, "contest", dict)
    _need(path, contest, "uuid", str)
    judge = _need(path, body, "judge", dict)
    _need(path, judge, "code", str)
    for key, kind in (
        ("round", int),
        ("revision", int),
        ("key_fingerprint", str),
        ("exported_at", str),
        ("audit_head", str),
        ("entries", list),
        ("summary", list),
    ):
        _need(path, body, key, kind)
    if not (0 <= body["round"] <= MAX_NUMBER and 0 <= body["revision"] <= MAX_NUMBER):
        raise _malformed(path, "revision")
    codes = set()
    for item in body["entries"]:
        _check_entry(path, item)
        if item["code"] in codes:
            raise _malformed(path, f"entries.{item['code']}")
        codes.add(item["code"])
    return ScoreFile(path, body, raw_signature, hashlib.sha256(data).hexdigest(), signed)


class _FloatError(ValueError):
    pass


def _no_float(_text: str) -> Any:
    """Floats never appear in a score file: scores and positions are strings."""
    raise _FloatError


# ---------------------------------------------------------------------------------------------
# The merge's fast reading: files exactly as this app's export writes them


class FileRef(msgspec.Struct, forbid_unknown_fields=True):
    n: int
    sha256: str


class EntryItem(msgspec.Struct, forbid_unknown_fields=True):
    """One entry of a score file, typed: what the merge's checks read."""

    code: str
    round: int
    status: str
    revision: int
    answers: dict[str, str]
    scores: dict[str, str]
    criterion_comments: dict[str, str]
    comment: str
    flags: dict[str, str]
    page_notes: list[dict[str, str | int]]
    files: list[FileRef]
    total: str
    choice_points: str = "0"
    submitted_at: str | None = None


class _Contest(msgspec.Struct, forbid_unknown_fields=True):
    uuid: str
    name: str


class _Judge(msgspec.Struct, forbid_unknown_fields=True):
    code: str
    name: str


class _Body(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    version: int
    app_version: str
    contest: _Contest
    round: int
    judge: _Judge
    key_fingerprint: str
    revision: int
    exported_at: str
    audit_head: str
    entries: list[EntryItem]
    summary: list[str]


_DECODER = msgspec.json.Decoder(_Body)


@dataclass(frozen=True, slots=True)
class EntriesFile:
    """A score file read for the merge: the header facts and the typed entries."""

    path: Path
    contest_uuid: str
    judge_code: str
    round: int
    revision: int
    fingerprint: str
    exported_at: str
    entries: list[EntryItem]
    signature: bytes
    sha256: str
    signed: bytes

    def verify(self, public_key: ec.EllipticCurvePublicKey) -> bool:
        return keys.verify_signature(public_key, self.signed, self.signature)


def read_entries(path: Path) -> EntriesFile:
    """The file's entries for the merge, refused for exactly the reasons `read_score_file`
    gives. A file shaped exactly as this app exports it is decoded straight into typed entries
    (msgspec: twice as fast as parsing and then checking dicts, 200,000 entries per merge);
    anything else (an unknown field, a float, another spelling) goes through
    `read_score_file`, which accepts it or names what is wrong."""
    layout = _layout(path)
    try:
        body = _DECODER.decode(layout.body)
    except (msgspec.MsgspecError, ValueError, RecursionError):
        body = None
    if body is None or not _fast_checks(body):
        return _entries_of(read_score_file(path))
    return EntriesFile(
        path,
        body.contest.uuid,
        body.judge.code,
        body.round,
        body.revision,
        body.key_fingerprint,
        body.exported_at,
        body.entries,
        layout.signature,
        hashlib.sha256(layout.data).hexdigest(),
        layout.signed,
    )


def _fast_checks(body: _Body) -> bool:
    """What the typed decoding leaves to check; False sends the file to the general reader."""
    if body.format != FORMAT or body.version != VERSION:
        return False
    if not (0 <= body.round <= MAX_NUMBER and 0 <= body.revision <= MAX_NUMBER):
        return False
    seen = _POINTS_SEEN
    codes: set[str] = set()
    for item in body.entries:
        if not (0 <= item.round <= MAX_NUMBER and 0 <= item.revision <= MAX_NUMBER):
            return False
        for value in item.scores.values():
            if value not in seen and not _is_points(value):
                return False
        if item.total not in seen and not _is_points(item.total):
            return False
        for note in item.page_notes:
            if type(note.get("text")) is not str:
                return False
        if item.code in codes:
            return False
        codes.add(item.code)
    return True


def _entries_of(score_file: ScoreFile) -> EntriesFile:
    """A file the general reader accepted, in the merge's typed form (its shape is checked)."""
    entries = [
        EntryItem(
            code=item["code"],
            round=item["round"],
            status=item["status"],
            revision=item["revision"],
            answers=item["answers"],
            scores=item["scores"],
            criterion_comments=item["criterion_comments"],
            comment=item["comment"],
            flags=item["flags"],
            page_notes=item["page_notes"],
            files=[FileRef(0, file["sha256"]) for file in item["files"]],
            total=item["total"],
            submitted_at=item.get("submitted_at"),
        )
        for item in score_file.entries
    ]
    return EntriesFile(
        score_file.path,
        score_file.contest_uuid,
        score_file.judge_code,
        score_file.round,
        score_file.revision,
        score_file.fingerprint,
        str(score_file.body["exported_at"]),
        entries,
        score_file.signature,
        score_file.sha256,
        score_file.signed,
    )

"""The signed score file at each of its checks: a file that is truncated, garbled, of another
version, oversized, carries floats, duplicate codes or values of the wrong kind is refused with
the reason a head judge reads (never a traceback, never misread), and export refuses files it
cannot sign for. Bodies are re-signed with the judge's own key, so the shape check alone
refuses them: the signature would not."""

from __future__ import annotations

import base64
import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from signed_exchange import Exported, build_workspace, export_graded, resigned, signed_file

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.core.scores import Points
from judge_app.exchange import keys
from judge_app.exchange.score_file import (
    MAX_FILE_BYTES,
    ScoreFile,
    canonical_bytes,
    export_score_file,
    file_bytes,
    read_score_file,
    signed_part,
    summary_path,
    summary_text,
)
from judge_app.store.database import create_contest_file, open_contest_file
from judge_app.store.models import Contest, FileRole


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("home")))
    try:
        yield export_graded(tmp_path_factory.mktemp("score-file-edges"))
    finally:
        mp.undo()


def _refused(path: Path) -> JudgeAppError:
    with pytest.raises(JudgeAppError) as caught:
        read_score_file(path)
    assert caught.value.path == path
    assert str(path) in describe(caught.value, "vi") and str(path) in describe(caught.value, "en")
    return caught.value


def _malformed_at(path: Path) -> str:
    error = _refused(path)
    assert error.code == "score_file_malformed"
    return str(error.params["reason"])


def _entry(body: dict[str, Any], code: str = "A01") -> dict[str, Any]:
    return next(e for e in body["entries"] if e["code"] == code)


# The export the edits start from ------------------------------------------------------------


def test_the_export_reads_back_and_a_resigned_copy_is_byte_identical(
    exported: Exported, tmp_path: Path
) -> None:
    parsed = read_score_file(exported.path)
    assert parsed.verify(exported.key.public_key())
    assert (parsed.judge_code, parsed.round, parsed.revision) == ("GK1", 1, 1)
    assert parsed.contest_uuid == exported.body["contest"]["uuid"]
    assert parsed.fingerprint == keys.fingerprint(exported.key.public_key())
    assert [(e["code"], e["status"]) for e in parsed.entries] == [
        ("A01", "submitted"),
        ("A02", "draft"),
        ("A03", "not_started"),
    ]
    a01 = _entry(parsed.body)
    assert a01["flags"] == {"off_topic": "lạc đề một phần"}
    assert a01["page_notes"][0]["text"] == "Ý hay ở đây" and a01["page_notes"][0]["x"] == "0.2500"
    assert Points.parse(a01["total"]) == sum(
        (Points.parse(v) for v in a01["scores"].values()), Points.parse(a01["choice_points"])
    )
    assert summary_text(parsed).startswith("Tệp điểm của giám khảo GK1")
    assert summary_path(exported.path).read_text(encoding="utf-8").startswith(summary_text(parsed))
    # The edits below change one thing each; unchanged, the re-signing gives the same bytes
    # (ECDSA signatures differ, the signed part does not).
    copy_ = resigned(exported, tmp_path / "same.jgs", lambda body: None)
    assert read_score_file(copy_).signed == parsed.signed


# Size and reading ---------------------------------------------------------------------------


def test_a_file_far_larger_than_any_score_file_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.jgs"
    with huge.open("wb") as sparse:  # sparse: takes no disk space, stat says 256 MiB + 1
        sparse.truncate(MAX_FILE_BYTES + 1)
    error = _refused(huge)
    assert error.code == "score_file_too_large" and error.params["size_mb"] == 256


def test_a_missing_score_file_is_not_found(tmp_path: Path) -> None:
    assert _refused(tmp_path / "diem-GK1.jgs").code == "file_not_found"


def test_a_folder_chosen_as_a_score_file_is_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "diem-GK1.jgs"
    folder.mkdir()
    error = _refused(folder)
    assert error.code == "file_unreadable" and error.params["reason"]


# Header, layout and signature line -----------------------------------------------------------


def test_a_file_of_a_newer_format_version_names_the_version(
    exported: Exported, tmp_path: Path
) -> None:
    newer = tmp_path / "newer.jgs"
    newer.write_bytes(
        exported.path.read_bytes().replace(b"judge-app-scores 1\n", b"judge-app-scores 2\n", 1)
    )
    error = _refused(newer)
    assert error.code == "score_file_version" and error.params["version"] == "2"
    assert "2" in describe(error, "vi") and "judge-app" in describe(error, "vi")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\n\n  \n", "empty"),
        (b"PK\x03\x04 a zip, not a score file", "header"),
        (b"judge-app-scores 1", "layout"),  # cut inside the first line: not "a newer version"
        (b"judge-app-scores 1\n", "layout"),
        (b'judge-app-scores 1\n{"format":"judge-app-scores"}\n', "layout"),  # no signature
    ],
    ids=["blank", "foreign", "cut-in-header", "header-only", "no-signature-line"],
)
def test_a_truncated_or_foreign_file_is_refused_at_its_first_check(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "cut.jgs"
    path.write_bytes(content)
    assert _malformed_at(path) == reason


_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def test_the_signature_line_must_match_its_pattern_exactly(
    exported: Exported, tmp_path: Path
) -> None:
    lines = exported.path.read_bytes().split(b"\n")
    signed = lines[0] + b"\n" + lines[1] + b"\n"
    # A DER signature of 70 or 71 bytes: its base64 ends in padding, and the character before
    # the padding carries bits the decoder ignores (a 72-byte one has neither; sign again).
    raw = keys.sign(exported.key, signed)
    while len(raw) % 3 == 0:
        raw = keys.sign(exported.key, signed)
    encoded = base64.b64encode(raw)
    stem, padding = encoded.rstrip(b"="), encoded[len(encoded.rstrip(b"=")) :]
    twin = stem[:-1] + bytes([_B64[_B64.index(stem[-1]) ^ 1]]) + padding
    assert twin != encoded and base64.b64decode(twin, validate=True) == raw
    algorithm = b"ECDSA-P256-SHA256"
    variants = {
        "another algorithm": b"RSA-SHA256 " + encoded,
        "two spaces": algorithm + b"  " + encoded,
        "not base64": algorithm + b" " + stem[:-2] + b"!!" + padding,
        "unpadded": algorithm + b" " + stem,
        "empty": algorithm + b" ",
        # the same signature spelled twice would make two files of one export
        "non-canonical base64": algorithm + b" " + twin,
    }
    for name, line in variants.items():
        path = tmp_path / f"{name}.jgs"
        path.write_bytes(signed + line + b"\n")
        assert _malformed_at(path) == "signature", name
    ok = tmp_path / "ok.jgs"
    ok.write_bytes(signed + algorithm + b" " + encoded + b"\n")
    parsed = read_score_file(ok)
    assert parsed.signature == raw and parsed.verify(exported.key.public_key())


# The body -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body_line",
    [
        b'{"total":7.5}',
        b'{"x":1e3}',
        b'{"x":NaN}',
        b'{"x":Infinity}',
        b'{"x":-Infinity}',
        b'{"round":' + b"1" * 5000 + b"}",  # more digits than Python converts
        '{"code":"A01"}'.encode("utf-16"),
        b'{"entries":[' * 100_000,  # nested until the parser gives up
        b'{"code":"A01"',
    ],
    ids=[
        "float",
        "exponent",
        "NaN",
        "Infinity",
        "-Infinity",
        "5000-digit",
        "not UTF-8",
        "deep",
        "cut",
    ],
)
def test_floats_nan_and_unreadable_json_are_refused(
    exported: Exported, tmp_path: Path, body_line: bytes
) -> None:
    path = signed_file(exported, tmp_path / "json.jgs", body_line)
    assert _malformed_at(path) == "json"


def test_a_body_that_is_not_an_object_or_not_this_format_is_refused(
    exported: Exported, tmp_path: Path
) -> None:
    listed = signed_file(exported, tmp_path / "list.jgs", canonical_bytes([exported.body]))
    assert _malformed_at(listed) == "layout"
    for change in (
        lambda body: body.update(format="judge-app-package"),
        lambda body: body.update(version=2),
        lambda body: body.pop("version"),
    ):
        assert _malformed_at(resigned(exported, tmp_path / "fmt.jgs", change)) == "format"


_BODY_EDITS: list[tuple[str, Callable[[dict[str, Any]], Any], str]] = [
    ("contest as text", lambda b: b.update(contest="Cuộc thi thử"), "contest"),
    ("contest without uuid", lambda b: b["contest"].pop("uuid"), "uuid"),
    ("judge as a list", lambda b: b.update(judge=["GK1"]), "judge"),
    ("judge code a number", lambda b: b["judge"].update(code=1), "code"),
    ("round true", lambda b: b.update(round=True), "round"),
    ("revision as text", lambda b: b.update(revision="1"), "revision"),
    ("no fingerprint", lambda b: b.pop("key_fingerprint"), "key_fingerprint"),
    ("exported_at null", lambda b: b.update(exported_at=None), "exported_at"),
    ("audit head a number", lambda b: b.update(audit_head=7), "audit_head"),
    ("entries an object", lambda b: b.update(entries={}), "entries"),
    ("summary as text", lambda b: b.update(summary="tóm tắt"), "summary"),
    ("an entry as text", lambda b: b["entries"].__setitem__(0, "A01"), "entries"),
    ("an entry without status", lambda b: _entry(b).pop("status"), "entries.status"),
    ("an entry round true", lambda b: _entry(b).update(round=True), "entries.round"),
    ("an entry revision as text", lambda b: _entry(b).update(revision="1"), "entries.revision"),
    # numbers SQLite cannot store would stop the merge after the signature check
    ("a revision past 2**31", lambda b: b.update(revision=2**63), "revision"),
    ("a negative round", lambda b: b.update(round=-1), "revision"),
    ("an entry round past 2**31", lambda b: _entry(b).update(round=10**30), "entries.A01.round"),
    ("files an object", lambda b: _entry(b).update(files={}), "entries.files"),
    (
        "a score with three decimals",
        lambda b: _entry(b)["scores"].update(ND="2.125"),
        "entries.A01.scores",
    ),
    ("a score as a number", lambda b: _entry(b)["scores"].update(ND=2), "entries.A01.scores"),
    ("a score as a list", lambda b: _entry(b)["scores"].update(ND=["2"]), "entries.A01.scores"),
    ("a negative score", lambda b: _entry(b)["scores"].update(ND="-2"), "entries.A01.scores"),
    ("a total in words", lambda b: _entry(b).update(total="mười"), "entries.A01.total"),
    ("an answer a number", lambda b: _entry(b)["answers"].update({"1": 2}), "entries.A01.answers"),
    (
        "a criterion comment null",
        lambda b: _entry(b)["criterion_comments"].update(ND=None),
        "entries.A01.criterion_comments",
    ),
    ("a flag note a list", lambda b: _entry(b)["flags"].update(off_topic=[]), "entries.A01.flags"),
    (
        "a page note as text",
        lambda b: _entry(b).update(page_notes=["Ý hay ở đây"]),
        "entries.A01.page_notes",
    ),
    (
        "a page note without text",
        lambda b: _entry(b)["page_notes"][0].pop("text"),
        "entries.A01.page_notes",
    ),
    ("a file as text", lambda b: _entry(b).update(files=["0" * 64]), "entries.A01.files"),
    (
        "a file without its hash",
        lambda b: _entry(b)["files"][0].pop("sha256"),
        "entries.A01.files",
    ),
    (
        "one entry twice",
        lambda b: b["entries"].append(copy.deepcopy(_entry(b, "A02"))),
        "entries.A02",
    ),
]


@pytest.mark.parametrize(
    ("change", "reason"),
    [(change, reason) for _, change, reason in _BODY_EDITS],
    ids=[name for name, _, _ in _BODY_EDITS],
)
def test_each_field_of_the_wrong_kind_is_refused_naming_it(
    exported: Exported,
    tmp_path: Path,
    change: Callable[[dict[str, Any]], Any],
    reason: str,
) -> None:
    path = resigned(exported, tmp_path / "edited.jgs", change)
    assert _malformed_at(path) == reason
    assert reason in describe(_refused(path), "en")


def test_a_signature_over_other_bytes_is_read_but_does_not_verify(
    exported: Exported, tmp_path: Path
) -> None:
    """Reading checks the shape; whether the judge signed it is `verify`'s answer, against the
    key the head judge pinned."""
    data = exported.path.read_bytes()
    other = ec.generate_private_key(ec.SECP256R1())
    lines = data.split(b"\n")
    signed = lines[0] + b"\n" + lines[1] + b"\n"
    path = tmp_path / "other-key.jgs"
    path.write_bytes(file_bytes(signed, keys.sign(other, signed)))
    parsed = read_score_file(path)
    assert isinstance(parsed, ScoreFile)
    assert not parsed.verify(exported.key.public_key())
    assert parsed.verify(other.public_key())
    assert signed_part(parsed.body) == parsed.signed


# Export --------------------------------------------------------------------------------------


def _audit_rows(path: Path) -> int:
    with open_contest_file(path) as db:
        return int(db.read_scalar("SELECT count(*) FROM audit_log"))


def test_export_from_a_workspace_without_assignments_writes_nothing(tmp_path: Path) -> None:
    workspace = build_workspace(tmp_path / "GK9.sqlite", codes=())
    before = _audit_rows(workspace)
    out = tmp_path / "diem-GK9.jgs"
    key = ec.generate_private_key(ec.SECP256R1())
    with open_contest_file(workspace) as db, pytest.raises(JudgeAppError) as caught:
        export_score_file(db, out, key)
    assert caught.value.code == "score_export_nothing" and caught.value.path == workspace
    assert not out.exists() and not summary_path(out).exists()
    assert _audit_rows(workspace) == before
    with open_contest_file(workspace) as db:
        assert db.read_scalar("SELECT count(*) FROM score_file") == 0


def test_export_from_a_workspace_without_its_judge_is_refused(tmp_path: Path) -> None:
    """A workspace file whose judge is missing (made by hand, or not from a package)."""
    path = tmp_path / "empty.sqlite"
    with create_contest_file(path, FileRole.WORKSPACE) as db:
        with db.session() as session, session.begin():
            session.add(Contest(name="Cuộc thi thử"))
        out = tmp_path / "x.jgs"
        with pytest.raises(JudgeAppError) as caught:
            export_score_file(db, out, ec.generate_private_key(ec.SECP256R1()))
    assert caught.value.code == "score_export_not_workspace" and caught.value.path == path
    assert not out.exists()


def test_export_from_the_board_file_is_refused(tmp_path: Path) -> None:
    """Only a judge's workspace signs scores: the board's file holds every judge's."""
    path = tmp_path / "contest.sqlite"
    with create_contest_file(path) as db, pytest.raises(JudgeAppError) as caught:
        export_score_file(db, tmp_path / "x.jgs", ec.generate_private_key(ec.SECP256R1()))
    assert caught.value.code == "score_export_not_workspace" and caught.value.path == path

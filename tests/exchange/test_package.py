"""Grading packages: format, signature, refusals of tampered packages, no identity in the bytes."""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import io
import json
import shutil
import sqlite3
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.demo.build import build_demo_contest
from judge_app.exchange import keys
from judge_app.exchange.demo_packages import DEMO_PASSPHRASE
from judge_app.exchange.package import MANIFEST, SIGNATURE, canonical_manifest
from judge_app.exchange.package_cli import add_commands
from judge_app.exchange.package_verify import verify_package
from judge_app.exchange.workspace import files_dir, open_package


@dataclass(frozen=True)
class Demo:
    db: Path
    packages: dict[str, Path]
    fingerprint: str
    keys_folder: Path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The demo contest with its packages, built once for the module."""
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("package-home")))
    try:
        root = tmp_path_factory.mktemp("package-demo") / "demo"
        result = build_demo_contest(root)  # assigns round 1 and writes the packages
    finally:
        mp.undo()
    made = sorted((root / "packages").glob("goi-cham-*.jgp"))
    packages = {path.stem.removeprefix("goi-cham-"): path for path in made}
    with zipfile.ZipFile(made[0]) as archive:
        fingerprint = json.loads(archive.read(MANIFEST))["head"]["fingerprint"]
    yield Demo(result.path, packages, fingerprint, root / "keys")


def _head_key(demo: Demo) -> ec.EllipticCurvePrivateKey:
    return keys.load_private_key(
        demo.fingerprint, keys.normalise_passphrase(DEMO_PASSPHRASE), folder=demo.keys_folder
    )


def _members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _write(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return path


def _resigned(
    source: Path,
    target: Path,
    key: ec.EllipticCurvePrivateKey,
    change: Callable[[dict[str, object]], None],
) -> Path:
    """`source` with its manifest changed by `change`, properly signed by `key`."""
    members = dict(_members(source))
    manifest = json.loads(members[MANIFEST])
    change(manifest)
    data = canonical_manifest(manifest)
    members[MANIFEST] = data
    members[SIGNATURE] = keys.sign(key, data)
    return _write(target, list(members.items()))


def _refusal(package: Path, tmp_path: Path, accept: str | None) -> JudgeAppError:
    workspace = tmp_path / "ws" / "judge.sqlite"
    with pytest.raises(JudgeAppError) as caught:
        open_package(
            package, workspace, accept_fingerprint=accept, pinned_keys_dir=tmp_path / "trust"
        )
    assert not workspace.exists()  # a refused package leaves nothing behind
    assert not files_dir(workspace).exists()
    assert caught.value.path == package
    assert str(package) in describe(caught.value, "vi")
    return caught.value


# Making packages ----------------------------------------------------------------------


def test_one_package_per_grader_and_an_audit_row_each(demo: Demo) -> None:
    assert sorted(demo.packages) == ["GK1", "GK2", "GK3"]
    with sqlite3.connect(demo.db) as connection:
        rows = connection.execute(
            "SELECT entity_key, after FROM audit_log WHERE action = 'package.create' ORDER BY id"
        ).fetchall()
    assert [code for code, _ in rows] == ["GK1", "GK2", "GK3"]
    for code, after_text in rows:
        after = json.loads(after_text)
        assert set(after) == {"judge", "round", "entries", "manifest_sha256"}
        members = dict(_members(demo.packages[code]))
        assert after["manifest_sha256"] == hashlib.sha256(members[MANIFEST]).hexdigest()
        assert after["entries"] == len(json.loads(members[MANIFEST])["entries"])


def test_format_is_stored_deterministic_canonical_and_signed(demo: Demo) -> None:
    package = demo.packages["GK1"]
    with zipfile.ZipFile(package) as archive:
        infos = archive.infolist()
        manifest_bytes = archive.read(MANIFEST)
        signature = archive.read(SIGNATURE)
    assert [i.filename for i in infos[:2]] == [MANIFEST, SIGNATURE]
    assert all(i.compress_type == zipfile.ZIP_STORED for i in infos)
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
    manifest = json.loads(manifest_bytes)
    assert canonical_manifest(manifest) == manifest_bytes  # canonical as written
    assert manifest["format"] == "judge-app/grading-package" and manifest["version"] == 1
    assert manifest["judge"]["code"] == "GK1" and manifest["round"] == 1
    assert manifest["head"]["fingerprint"] == demo.fingerprint
    public = keys.public_key_from_der(base64.b64decode(manifest["head"]["public_key"]))
    assert keys.fingerprint(public) == demo.fingerprint
    assert keys.verify_signature(public, manifest_bytes, signature)
    listed = [f["path"] for e in manifest["entries"] for f in e["files"]]
    assert [i.filename for i in infos[2:]] == listed

    with sqlite3.connect(demo.db) as connection:
        assigned = {
            code
            for (code,) in connection.execute(
                "SELECT e.code FROM assignment a JOIN entry e ON e.id = a.entry_id "
                "JOIN judge j ON j.id = a.judge_id WHERE j.code = 'GK1' AND a.round = 1"
            )
        }
        answers = dict(connection.execute("SELECT number, answer FROM question").fetchall())
        criteria = connection.execute("SELECT count(*) FROM criterion").fetchone()[0]
    assert {e["code"] for e in manifest["entries"]} == assigned
    # The judge scores the multiple-choice part with the answer key, so it travels.
    assert {q["number"]: q["answer"] for q in manifest["rubric"]["questions"]} == answers
    assert len(manifest["rubric"]["criteria"]) == criteria
    assert any(c["levels"] for c in manifest["rubric"]["criteria"])


def test_package_refuses_to_overwrite_and_needs_the_head_key(demo: Demo, tmp_path: Path) -> None:
    from judge_app.exchange.package import create_package
    from judge_app.store.database import open_contest_file

    other = ec.generate_private_key(ec.SECP256R1())
    with open_contest_file(demo.db) as db:
        with pytest.raises(JudgeAppError) as caught:
            create_package(db, "GK1", 1, demo.packages["GK1"], _head_key(demo), actor="t")
        assert caught.value.code == "file_exists"
        with pytest.raises(JudgeAppError) as caught:
            create_package(db, "GK1", 1, tmp_path / "x.jgp", other, actor="t")
        assert caught.value.code == "package_key_not_head"
        with pytest.raises(JudgeAppError) as caught:
            create_package(db, "GK1", 7, tmp_path / "x.jgp", _head_key(demo), actor="t")
        assert caught.value.code == "package_no_entries"
        with pytest.raises(JudgeAppError) as caught:
            create_package(db, "TB", 1, tmp_path / "x.jgp", _head_key(demo), actor="t")
        assert caught.value.code == "package_judge_is_head"
        with pytest.raises(JudgeAppError) as caught:  # a file cleaning refuses stops it
            create_package(
                db,
                "GK1",
                1,
                tmp_path / "x.jgp",
                _head_key(demo),
                actor="t",
                make_copy=lambda source, target: "unreadable_docx",
            )
        assert caught.value.code == "package_file_refused"
        assert caught.value.params["reason"] == "unreadable_docx"
    assert not (tmp_path / "x.jgp").exists()


# No identity in the bytes ------------------------------------------------------------------


def _identity_needles(db: Path) -> set[str]:
    """Every participant name, unit name, birth date (two spellings), original file name."""
    with sqlite3.connect(db) as connection:
        needles = {n for (n,) in connection.execute("SELECT full_name FROM participant")}
        needles |= {n for (n,) in connection.execute("SELECT name FROM unit")}
        needles |= {n for (n,) in connection.execute("SELECT original_name FROM entry_file")}
        for (born,) in connection.execute("SELECT birth_date FROM participant"):
            if born:
                year, month, day = born.split("-")
                needles |= {born, f"{day}/{month}/{year}"}
    needles.discard("")
    assert len(needles) > 50
    return needles


def _leaks(label: str, data: bytes, needles: set[str], *, nested: bool) -> list[str]:
    forms = {
        needle: {needle.encode(), unicodedata.normalize("NFD", needle).encode()}
        for needle in needles
    }
    found = [f"{label}: {n}" for n, spellings in forms.items() if any(s in data for s in spellings)]
    if nested and data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                found += _leaks(
                    f"{label}!{info.filename}", archive.read(info), needles, nested=True
                )
    return found


def _package_and_workspace_bytes(demo: Demo, tmp_path: Path) -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    for code, package in demo.packages.items():
        found.append((package.name, package.read_bytes()))
        found += [(f"{package.name}!{name}", data) for name, data in _members(package)]
        workspace = tmp_path / f"{code}.sqlite"
        open_package(
            package,
            workspace,
            accept_fingerprint=demo.fingerprint,
            pinned_keys_dir=tmp_path / "trust",
        )
        for part in sorted(tmp_path.glob(f"{code}.sqlite*")):
            found.append((part.name, part.read_bytes()))
        found += [
            (path.relative_to(tmp_path).as_posix(), path.read_bytes())
            for path in sorted(files_dir(workspace).rglob("*"))
            if path.is_file()
        ]
    return found


def test_packages_and_workspaces_carry_no_identity(demo: Demo, tmp_path: Path) -> None:
    """Raw bytes of each package, each of its members, each workspace file and entry file."""
    needles = _identity_needles(demo.db)
    leaks: list[str] = []
    for label, data in _package_and_workspace_bytes(demo, tmp_path):
        leaks += _leaks(label, data, needles, nested=False)
        assert b"entries/" not in data or label.endswith((".docx", ".pdf"))  # no board paths
    assert leaks == []


def test_judges_copies_carry_no_identity_in_their_metadata(demo: Demo, tmp_path: Path) -> None:
    """Inside the DOCX files too (properties, comments, revisions): cleaned copies."""
    needles = _identity_needles(demo.db)
    leaks: list[str] = []
    for label, data in _package_and_workspace_bytes(demo, tmp_path):
        leaks += _leaks(label, data, needles, nested=True)
    assert [leak for leak in leaks if "!word/document.xml: " not in leak] == []


def test_judges_copies_carry_no_identity_in_their_text(demo: Demo, tmp_path: Path) -> None:
    """Cover pages and signatures name the entrant: the copies have them blacked out."""
    needles = _identity_needles(demo.db)
    leaks: list[str] = []
    for label, data in _package_and_workspace_bytes(demo, tmp_path):
        leaks += _leaks(label, data, needles, nested=True)
    assert leaks == []


def test_package_report_says_how_much_was_redacted(demo: Demo, tmp_path: Path) -> None:
    from judge_app.exchange.package import create_package
    from judge_app.store.database import open_contest_file

    with open_contest_file(demo.db) as db:
        report = create_package(db, "GK1", 1, tmp_path / "r.jgp", _head_key(demo), actor="t")
        plain = create_package(
            db, "GK1", 1, tmp_path / "p.jgp", _head_key(demo), actor="t", redact=False
        )
    assert report.notes == () and report.redacted
    assert all(characters > 0 for _, _, characters in report.redacted)
    needles = _identity_needles(demo.db)
    assert _leaks("r", (tmp_path / "r.jgp").read_bytes(), needles, nested=True) == []
    assert _leaks("p", (tmp_path / "p.jgp").read_bytes(), needles, nested=True) != []
    assert plain.redacted == ()


def test_a_copy_that_cannot_be_redacted_stops_the_package(
    demo: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from judge_app.documents import redaction
    from judge_app.documents.model import DocKind, Problem
    from judge_app.exchange.package import create_package
    from judge_app.store.database import open_contest_file

    def failing(path: Path, *args: object, **kwargs: object) -> redaction.RedactionReport:
        problem = Problem("redact_failed", {"reason": "docx_bad_xml"})
        return redaction.RedactionReport(DocKind.DOCX, "failed", [], [problem])

    monkeypatch.setattr(redaction, "redact_copy", failing)
    with open_contest_file(demo.db) as db, pytest.raises(JudgeAppError) as caught:
        create_package(db, "GK1", 1, tmp_path / "x.jgp", _head_key(demo), actor="t")
    assert caught.value.code == "package_file_refused"
    assert caught.value.params["reason"] == "docx_bad_xml"
    assert not (tmp_path / "x.jgp").exists()


def test_sealed_identities_redact_only_with_the_passphrases(demo: Demo, tmp_path: Path) -> None:
    from judge_app.exchange.package import create_package
    from judge_app.intake.seal import seal_identities
    from judge_app.store.database import open_contest_file

    root = tmp_path / "demo"
    shutil.copytree(demo.db.parent, root, ignore=shutil.ignore_patterns("packages"))
    phrase = [b"mat khau ban lam phach"]
    with open_contest_file(root / demo.db.name) as db:
        seal_identities(db, phrase, actor="test")
        skipped = create_package(db, "GK1", 1, tmp_path / "s.jgp", _head_key(demo), actor="t")
        opened = create_package(
            db, "GK1", 1, tmp_path / "o.jgp", _head_key(demo), actor="t", passphrases=phrase
        )
    assert skipped.notes == ("redact_identities_sealed",) and skipped.redacted == ()
    assert opened.notes == () and opened.redacted
    assert describe(JudgeAppError("redact_identities_sealed", None), "vi")


# Refusals ---------------------------------------------------------------------------------


def test_flipped_byte_in_a_file_member_is_refused_as_edited(demo: Demo, tmp_path: Path) -> None:
    package = demo.packages["GK1"]
    with zipfile.ZipFile(package) as archive:
        info = archive.infolist()[2]
    data = bytearray(package.read_bytes())
    # Local header: 30 bytes + name + extra, then the stored data.
    name_len = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    data[start + info.file_size // 2] ^= 0x01
    tampered = tmp_path / "flipped.jgp"
    tampered.write_bytes(bytes(data))
    error = _refusal(tampered, tmp_path, demo.fingerprint)
    assert error.code == "package_member_edited"
    assert error.params["member"] == info.filename


def test_edited_member_with_a_matching_crc_is_refused(demo: Demo, tmp_path: Path) -> None:
    """Rewritten by a zip tool (CRC right): the manifest's SHA-256 still catches it."""
    members = _members(demo.packages["GK1"])
    name, data = members[2]
    members[2] = (name, data[:-1] + bytes([data[-1] ^ 0xFF]))
    error = _refusal(_write(tmp_path / "edited.jgp", members), tmp_path, demo.fingerprint)
    assert (error.code, error.params["member"]) == ("package_member_edited", name)


def test_replaced_manifest_is_refused_as_bad_signature(demo: Demo, tmp_path: Path) -> None:
    members = dict(_members(demo.packages["GK1"]))
    manifest = json.loads(members[MANIFEST])
    manifest["entries"] = manifest["entries"][1:]  # hide an entry from the judge
    members[MANIFEST] = canonical_manifest(manifest)
    error = _refusal(_write(tmp_path / "m.jgp", list(members.items())), tmp_path, demo.fingerprint)
    assert error.code == "package_bad_signature"


def test_manifest_signed_by_another_key_claiming_the_head_is_refused(
    demo: Demo, tmp_path: Path
) -> None:
    other = ec.generate_private_key(ec.SECP256R1())
    forged = _resigned(demo.packages["GK1"], tmp_path / "f.jgp", other, lambda m: None)
    assert _refusal(forged, tmp_path, demo.fingerprint).code == "package_bad_signature"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ("extra", "package_extra_member"),
        ("missing", "package_member_missing"),
        ("no_manifest", "package_manifest_missing"),
        ("no_signature", "package_signature_missing"),
        ("slip", "package_bad_member_name"),
        ("duplicate", "package_bad_member_name"),
    ],
)
def test_structural_changes_are_refused(demo: Demo, tmp_path: Path, change: str, code: str) -> None:
    members = _members(demo.packages["GK1"])
    if change == "extra":
        members.append(("files/ZZZ-ZZZ/1.pdf", b"%PDF-1.4 not listed"))
    elif change == "missing":
        members.pop()
    elif change == "no_manifest":
        members = [m for m in members if m[0] != MANIFEST]
    elif change == "no_signature":
        members = [m for m in members if m[0] != SIGNATURE]
    elif change == "slip":
        members.append(("../evil.txt", b"x"))
    else:
        members.append(members[2])
    with pytest.warns(UserWarning) if change == "duplicate" else contextlib.nullcontext():
        package = _write(tmp_path / f"{change}.jgp", members)
    error = _refusal(package, tmp_path, demo.fingerprint)
    assert error.code == code


def test_not_a_zip_and_truncated_are_told_apart(demo: Demo, tmp_path: Path) -> None:
    not_zip = tmp_path / "x.jgp"
    not_zip.write_bytes(b"%PDF-1.7 this is a PDF, not a package")
    assert _refusal(not_zip, tmp_path, None).code == "package_not_zip"
    truncated = tmp_path / "t.jgp"
    data = demo.packages["GK1"].read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    assert _refusal(truncated, tmp_path, None).code == "package_truncated"
    empty = tmp_path / "e.jgp"
    empty.write_bytes(b"")
    assert _refusal(empty, tmp_path, None).code == "package_not_zip"


def test_wrong_version_is_refused(demo: Demo, tmp_path: Path) -> None:
    def bump(manifest: dict[str, object]) -> None:
        manifest["version"] = 2

    package = _resigned(demo.packages["GK1"], tmp_path / "v2.jgp", _head_key(demo), bump)
    error = _refusal(package, tmp_path, demo.fingerprint)
    assert (error.code, error.params["version"]) == ("package_wrong_version", 2)


def test_verified_package_lists_the_entries(demo: Demo, tmp_path: Path) -> None:
    package = verify_package(
        demo.packages["GK2"], accept_fingerprint=demo.fingerprint, pinned_keys_dir=tmp_path
    )
    assert package.judge_code == "GK2" and package.round == 1
    assert package.newly_trusted and package.head_fingerprint == demo.fingerprint
    assert all(entry.files for entry in package.entries)
    assert list(tmp_path.iterdir()) == []  # verifying alone pins nothing


# Commands -------------------------------------------------------------------------------


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    code: int = args.handler(args, "en")
    return code


def test_package_and_workspace_commands(
    demo: Demo, tmp_path: Path, app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    user_keys = app_home / "data" / "keys"
    shutil.copytree(demo.keys_folder, user_keys)
    phrase = tmp_path / "phrase.txt"
    phrase.write_text(DEMO_PASSPHRASE + "\n", encoding="utf-8")
    out = tmp_path / "gk3.jgp"
    assert _run(["package", str(demo.db), "--judge", "GK3", "-o", str(out),
                 "--passphrase-file", str(phrase)]) == 0  # fmt: skip
    assert "GK3" in capsys.readouterr().out
    workspace = tmp_path / "gk3" / "cham.sqlite"
    with pytest.raises(JudgeAppError) as caught:
        _run(["workspace", "open", str(out), "-o", str(workspace)])
    assert caught.value.code == "package_head_unknown"
    assert caught.value.params["fingerprint"] == demo.fingerprint
    heard = demo.fingerprint.lower().replace(" ", "-")
    assert _run(["workspace", "open", str(out), "-o", str(workspace),
                 "--accept-fingerprint", heard]) == 0  # fmt: skip
    said = capsys.readouterr().out
    assert demo.fingerprint in said and str(workspace) in said
    assert (app_home / "data" / "trusted-heads").is_dir()
    # The second time no fingerprint is needed: the key is pinned.
    assert _run(["workspace", "open", str(out), "-o", str(workspace)]) == 0


def test_package_command_redacts_a_sealed_contest(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The board seals before it packages: the command must still black the names out."""
    import shutil

    from judge_app.cli import main

    folder = tmp_path / "demo"
    shutil.copytree(demo.db.parent, folder, ignore=shutil.ignore_patterns("packages"))
    secret = tmp_path / "seal.txt"
    secret.write_text("mật khẩu niêm phong\n", encoding="utf-8")
    head = tmp_path / "head.txt"
    head.write_text(DEMO_PASSPHRASE + "\n", encoding="utf-8")
    contest = str(folder / "contest.sqlite")
    assert main(["seal", contest, "--passphrase-file", str(secret)]) == 0
    out = tmp_path / "gk1.jgp"
    assert (
        main(
            [
                "--lang",
                "en",
                "package",
                contest,
                "--judge",
                "GK1",
                "-o",
                str(out),
                "--passphrase-file",
                str(head),
                "--key-folder",
                str(folder / "keys"),
                "--seal-passphrase-file",
                str(secret),
            ]
        )
        == 0
    )
    assert "Blacked out" in capsys.readouterr().out

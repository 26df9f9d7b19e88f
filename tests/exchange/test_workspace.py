"""A judge's workspace built from a grading package: contents, trust on first use, refusals."""

from __future__ import annotations

import base64
import json
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from judge_app.core.errors import JudgeAppError
from judge_app.demo.build import build_demo_contest
from judge_app.exchange import keys
from judge_app.exchange.demo_packages import DEMO_PASSPHRASE, make_demo_packages
from judge_app.exchange.package import MANIFEST, SIGNATURE, canonical_manifest
from judge_app.exchange.workspace import files_dir, open_package, verify_entry_file
from judge_app.store.database import open_contest_file
from judge_app.store.models import (
    Assignment,
    Criterion,
    Entry,
    EntryFile,
    FileRole,
    Judge,
    Question,
)


@dataclass(frozen=True)
class Demo:
    db: Path
    packages: dict[str, Path]
    fingerprint: str
    keys_folder: Path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("workspace-home")))
    try:
        root = tmp_path_factory.mktemp("workspace-demo") / "demo"
        result = build_demo_contest(root)
        made = make_demo_packages(result.path, root / "packages")
    finally:
        mp.undo()
    packages = {path.stem.removeprefix("goi-cham-"): path for path in made.packages}
    yield Demo(result.path, packages, made.head_fingerprint, made.keys_folder)


def _head_key(demo: Demo) -> ec.EllipticCurvePrivateKey:
    return keys.load_private_key(
        demo.fingerprint, keys.normalise_passphrase(DEMO_PASSPHRASE), folder=demo.keys_folder
    )


def _resigned(
    source: Path,
    target: Path,
    key: ec.EllipticCurvePrivateKey,
    change: Callable[[dict[str, object]], None],
) -> Path:
    with zipfile.ZipFile(source) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    manifest = json.loads(members[MANIFEST])
    change(manifest)
    data = canonical_manifest(manifest)
    members[MANIFEST], members[SIGNATURE] = data, keys.sign(key, data)
    listed = {f["path"] for e in manifest["entries"] for f in e["files"]} | {MANIFEST, SIGNATURE}
    members = {name: member for name, member in members.items() if name in listed}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for name, member in members.items():
            archive.writestr(name, member)
    return target


def _open(demo: Demo, package: Path, workspace: Path, trust: Path, accept: bool = True) -> None:
    open_package(
        package,
        workspace,
        accept_fingerprint=demo.fingerprint if accept else None,
        pinned_keys_dir=trust,
    )


def test_workspace_holds_rubric_entries_files_and_the_round(demo: Demo, tmp_path: Path) -> None:
    workspace = tmp_path / "GK1.sqlite"
    report = open_package(
        demo.packages["GK1"],
        workspace,
        accept_fingerprint=demo.fingerprint,
        pinned_keys_dir=tmp_path / "trust",
    )
    assert report.head_pinned_now and report.judge == "GK1" and report.round == 1
    with open_contest_file(demo.db) as board, board.read_session() as session:
        gk1 = session.scalars(select(Judge).where(Judge.code == "GK1")).one()
        assigned = set(
            session.scalars(
                select(Entry.code)
                .join(Assignment, Assignment.entry_id == Entry.id)
                .where(Assignment.judge_id == gk1.id, Assignment.round == 1)
            )
        )
        board_rubric = [
            (c.code, c.maximum, len(c.levels)) for c in session.scalars(select(Criterion))
        ]
        board_answers = {q.number: q.answer for q in session.scalars(select(Question))}
    with open_contest_file(workspace) as db:
        assert db.role is FileRole.WORKSPACE
        with db.read_session() as session:
            assert set(session.scalars(select(Entry.code))) == assigned
            assert report.entries_added == len(assigned)
            assert all(e.unit_id is None for e in session.scalars(select(Entry)))
            rubric = [
                (c.code, c.maximum, len(c.levels)) for c in session.scalars(select(Criterion))
            ]
            assert sorted(rubric) == sorted(board_rubric)
            assert {q.number: q.answer for q in session.scalars(select(Question))} == board_answers
            files = session.scalars(select(EntryFile)).all()
            assert len(files) == report.files_written > 0
            assert all(f.original_name == "" for f in files)
            prefix = files_dir(workspace).name + "/"
            assert all(f.stored_path.startswith(prefix) for f in files)
            judges = {j.code: j for j in session.scalars(select(Judge))}
            assert judges["TB"].is_head and judges["TB"].key_fingerprint == demo.fingerprint
            assert session.scalars(select(Assignment.round)).all() == [1] * len(assigned)
            codes = [(e.code, len(e.files)) for e in session.scalars(select(Entry))]
        for code, count in codes:
            for n in range(1, count + 1):
                assert verify_entry_file(db, code, n)
        with pytest.raises(JudgeAppError) as caught:
            verify_entry_file(db, codes[0][0], 99)
        assert caught.value.code == "workspace_file_unknown"
        # A file changed on disk after opening fails its check when next opened.
        changed = workspace.parent / files[0].stored_path
        changed.write_bytes(changed.read_bytes() + b"\0")
        entry_code = next(e for e in codes if e[0] in changed.parts)[0]
        assert not verify_entry_file(db, entry_code, int(changed.stem))
    with sqlite3.connect(workspace) as connection:
        assert connection.execute("SELECT count(*) FROM participant").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM identity_record").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM unit").fetchone() == (0,)
        (after,) = connection.execute(
            "SELECT after FROM audit_log WHERE action = 'workspace.open'"
        ).fetchone()
    assert json.loads(after)["manifest_sha256"] == report.manifest_sha256


def test_first_package_needs_the_fingerprint_read_aloud(demo: Demo, tmp_path: Path) -> None:
    trust, workspace = tmp_path / "trust", tmp_path / "w.sqlite"
    with pytest.raises(JudgeAppError) as caught:
        _open(demo, demo.packages["GK2"], workspace, trust, accept=False)
    assert caught.value.code == "package_head_unknown"
    assert caught.value.params["fingerprint"] == demo.fingerprint
    wrong = "0000 " * 7 + "0000"
    with pytest.raises(JudgeAppError) as caught:
        open_package(
            demo.packages["GK2"], workspace, accept_fingerprint=wrong, pinned_keys_dir=trust
        )
    assert caught.value.code == "package_head_mismatch"
    assert not workspace.exists() and not trust.exists()
    # Heard with other grouping and case: accepted, then pinned for the contest.
    heard = demo.fingerprint.replace(" ", "").lower()
    open_package(demo.packages["GK2"], workspace, accept_fingerprint=heard, pinned_keys_dir=trust)
    assert len(list(trust.glob("*.pub"))) == 1
    again = tmp_path / "again.sqlite"
    _open(demo, demo.packages["GK2"], again, trust, accept=False)  # pinned: no question


def test_another_head_key_after_the_pin_is_refused(demo: Demo, tmp_path: Path) -> None:
    trust = tmp_path / "trust"
    _open(demo, demo.packages["GK1"], tmp_path / "first.sqlite", trust)
    other = ec.generate_private_key(ec.SECP256R1())

    def claim_other_head(manifest: dict[str, object]) -> None:
        head = manifest["head"]
        assert isinstance(head, dict)
        head["public_key"] = base64.b64encode(keys.public_key_der(other.public_key())).decode()
        head["fingerprint"] = keys.fingerprint(other.public_key())

    forged = _resigned(demo.packages["GK1"], tmp_path / "o.jgp", other, claim_other_head)
    workspace = tmp_path / "second.sqlite"
    with pytest.raises(JudgeAppError) as caught:
        open_package(
            forged,
            workspace,
            accept_fingerprint=keys.fingerprint(other.public_key()),
            pinned_keys_dir=trust,
        )
    assert caught.value.code == "package_head_changed"
    assert caught.value.params["pinned"] == demo.fingerprint
    assert not workspace.exists()


def test_package_of_another_contest_is_foreign_to_the_workspace(demo: Demo, tmp_path: Path) -> None:
    trust, workspace = tmp_path / "trust", tmp_path / "w.sqlite"
    _open(demo, demo.packages["GK1"], workspace, trust)

    def other_contest(manifest: dict[str, object]) -> None:
        contest = manifest["contest"]
        assert isinstance(contest, dict)
        contest["uuid"] = "00000000-0000-4000-8000-000000000000"

    foreign = _resigned(demo.packages["GK1"], tmp_path / "f.jgp", _head_key(demo), other_contest)
    before = workspace.read_bytes()
    with pytest.raises(JudgeAppError) as caught:
        _open(demo, foreign, workspace, trust)
    assert caught.value.code == "package_foreign_contest"
    assert caught.value.path == foreign
    assert workspace.read_bytes() == before


def test_other_judge_and_board_file_are_refused(demo: Demo, tmp_path: Path) -> None:
    trust, workspace = tmp_path / "trust", tmp_path / "w.sqlite"
    _open(demo, demo.packages["GK1"], workspace, trust)
    with pytest.raises(JudgeAppError) as caught:
        _open(demo, demo.packages["GK2"], workspace, trust)
    assert caught.value.code == "package_other_judge"
    with pytest.raises(JudgeAppError) as caught:
        _open(demo, demo.packages["GK2"], demo.db, trust)
    assert caught.value.code == "workspace_not_workspace"


def test_a_later_round_extends_the_workspace(demo: Demo, tmp_path: Path) -> None:
    trust, workspace = tmp_path / "trust", tmp_path / "w.sqlite"
    _open(demo, demo.packages["GK1"], workspace, trust)

    def round_three(manifest: dict[str, object]) -> None:
        entries = manifest["entries"]
        assert isinstance(entries, list)
        manifest["round"], manifest["entries"] = 3, entries[:2]

    third = _resigned(demo.packages["GK1"], tmp_path / "r3.jgp", _head_key(demo), round_three)
    report = open_package(third, workspace, pinned_keys_dir=trust)
    assert (report.round, report.entries_added, report.files_written) == (3, 0, 0)
    with sqlite3.connect(workspace) as connection:
        rounds = dict(
            connection.execute("SELECT round, count(*) FROM assignment GROUP BY round").fetchall()
        )
    assert rounds[3] == 2 and rounds[1] > 2

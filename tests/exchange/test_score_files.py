"""Signed score files: export from a judge's workspace, verify, merge into the contest file,
and every refusal the head judge relies on (nothing written when a file is refused)."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from judge_app.cli import main
from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.demo.build import build_demo_contest
from judge_app.exchange import keys
from judge_app.exchange.demo_packages import make_demo_packages
from judge_app.exchange.judge_keys import register_judge_key, replace_judge_key
from judge_app.exchange.merge import MergeStatus, merge_score_files
from judge_app.exchange.score_file import (
    export_score_file,
    file_bytes,
    read_score_file,
    signed_part,
    summary_path,
)
from judge_app.exchange.workspace import open_package
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.store.models import (
    Assignment,
    Criterion,
    Entry,
    Grading,
    GradingFlag,
    GradingStatus,
    Judge,
    PageNote,
    Question,
    ScoreFileRecord,
)

PASS = keys.normalise_passphrase("giam-khao-mot")


@dataclass(frozen=True)
class Setup:
    board: Path
    workspaces: dict[str, Path]
    keys_folder: Path
    fingerprints: dict[str, str]
    public_keys: dict[str, Path]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    mp = pytest.MonkeyPatch()
    home = tmp_path_factory.mktemp("scores-home")
    mp.setenv("JUDGE_APP_HOME", str(home))
    try:
        root = tmp_path_factory.mktemp("scores-demo") / "demo"
        result = build_demo_contest(root, packages=False)
        made = make_demo_packages(result.path, root / "packages")
        judge_keys = tmp_path_factory.mktemp("judge-keys")
        workspaces, fingerprints, public = {}, {}, {}
        for package in made.packages:
            code = package.stem.removeprefix("goi-cham-")
            ws = tmp_path_factory.mktemp(f"ws-{code}") / f"{code}.sqlite"
            open_package(
                package,
                ws,
                accept_fingerprint=made.head_fingerprint,
                pinned_keys_dir=home / "pins",
            )
            workspaces[code] = ws
            info = keys.create_key(f"Giám khảo {code}", PASS, folder=judge_keys / code)
            fingerprints[code] = info.fingerprint
            public[code] = info.public_path
    finally:
        mp.undo()
    yield Setup(result.path, workspaces, judge_keys, fingerprints, public)


@dataclass(frozen=True)
class Case:
    board: Path
    workspace: Path
    setup: Setup
    tmp: Path

    def private_key(self, code: str = "GK1") -> ec.EllipticCurvePrivateKey:
        return keys.load_private_key(
            self.setup.fingerprints[code], PASS, folder=self.setup.keys_folder / code
        )


@pytest.fixture
def case(built: Setup, tmp_path: Path) -> Case:
    """Fresh copies of the board's file and GK1's workspace, GK1's key registered."""
    board = tmp_path / "board" / "contest.sqlite"
    shutil.copytree(built.board.parent, board.parent, ignore=shutil.ignore_patterns("packages"))
    workspace = tmp_path / "ws" / "GK1.sqlite"
    shutil.copytree(built.workspaces["GK1"].parent, workspace.parent)
    with open_contest_file(board) as db:
        for code, pem in built.public_keys.items():
            register_judge_key(db, code, pem, expected_fingerprint=None, actor="board")
    return Case(board, workspace, built, tmp_path)


def _grade(workspace: Path, count: int, *, submit: bool = True, bump: int = 0) -> list[str]:
    """Grade the first `count` entries straight in the workspace's tables."""
    with open_contest_file(workspace) as db, db.session() as session, session.begin():
        judge = session.scalars(select(Judge).where(Judge.is_head.is_(False))).one()
        criteria = session.scalars(select(Criterion).order_by(Criterion.sort)).all()
        questions = session.scalars(select(Question).order_by(Question.number)).all()
        entries = session.scalars(
            select(Entry)
            .join(Assignment, Assignment.entry_id == Entry.id)
            .where(Assignment.judge_id == judge.id)
            .order_by(Entry.code)
        ).all()[:count]
        for n, entry in enumerate(entries):
            grading = session.scalars(
                select(Grading).where(Grading.entry_id == entry.id, Grading.judge_id == judge.id)
            ).first()
            if grading is None:
                grading = Grading(entry_id=entry.id, judge_id=judge.id, round=1)
                session.add(grading)
                session.flush()
            grading.status = GradingStatus.SUBMITTED if submit else GradingStatus.DRAFT
            grading.comment = f"Bài viết tốt, lập luận chặt chẽ ({n})"
            grading.revision += 1
            grading.scores = {
                criterion.id: Points(min(criterion.maximum.centi, 100 + 25 * ((n + bump) % 4)))
                for criterion in criteria
            }
            grading.answers = {question.id: "B" for question in questions}
            if n == 0:
                session.merge(GradingFlag(grading_id=grading.id, code="off_topic", note="lạc đề"))
                session.add(
                    PageNote(grading_id=grading.id, page=0, x=0.25, y=0.5, text="Ý hay ở đây")
                )
        return [e.code for e in entries]


def _board_gradings(board: Path) -> dict[str, tuple[str, dict[str, Points], dict[int, str]]]:
    with open_contest_file(board) as db, db.read_session() as session:
        judge = session.scalars(select(Judge).where(Judge.code == "GK1")).one()
        criteria = {c.id: c.code for c in session.scalars(select(Criterion))}
        out = {}
        for grading in session.scalars(select(Grading).where(Grading.judge_id == judge.id)):
            code = session.get(Entry, grading.entry_id).code  # type: ignore[union-attr]
            scores = {criteria[cid]: points for cid, points in grading.scores.items()}
            answers = dict(grading.answers)
            out[code] = (grading.status.value, scores, answers)
        return out


def _export(case: Case, name: str = "GK1-1.jgs", **kwargs: int) -> Path:
    out = case.tmp / name
    with open_contest_file(case.workspace) as db:
        export_score_file(db, out, case.private_key(), **kwargs)
    return out


def _merge(case: Case, *files: Path) -> list[MergeStatus]:
    with open_contest_file(case.board) as db:
        report = merge_score_files(db, list(files), actor="board")
    return [o.status for o in report.outcomes]


def _refusal(case: Case, path: Path) -> str:
    with open_contest_file(case.board) as db:
        report = merge_score_files(db, [path], actor="board")
    (outcome,) = report.outcomes
    assert outcome.status is MergeStatus.REFUSED
    assert outcome.error is not None
    return outcome.error.code


def _sheets(db: ContestDatabase) -> list[dict[int, Points]]:
    with db.read_session() as session:
        return list(session.scalars(select(Grading.scores)))


def _score_count(db: ContestDatabase) -> int:
    return sum(len(scores) for scores in _sheets(db))


def _score_sum(db: ContestDatabase) -> int:
    return sum(points.centi for scores in _sheets(db) for points in scores.values())


def _snapshot(board: Path) -> tuple[int, int, int]:
    with open_contest_file(board) as db:
        return (
            db.read_scalar("SELECT count(*) FROM grading"),
            _score_count(db),
            db.read_scalar("SELECT count(*) FROM audit_log"),
        )


# --- round trip -----------------------------------------------------------------------------


def test_export_then_merge_equals_the_workspace(case: Case) -> None:
    codes = _grade(case.workspace, 3)
    out = _export(case)
    with open_contest_file(case.board) as db:
        (outcome,) = merge_score_files(db, [out], actor="board").outcomes
    assert outcome.status is MergeStatus.MERGED
    assert outcome.unknown_files == ()  # the judge's cleaned copies are the packaged ones

    merged = _board_gradings(case.board)
    assert sorted(merged) == codes
    with open_contest_file(case.workspace) as db, db.read_session() as session:
        criteria = {c.id: c.code for c in session.scalars(select(Criterion))}
        for grading in session.scalars(select(Grading)):
            code = session.get(Entry, grading.entry_id).code  # type: ignore[union-attr]
            assert merged[code][0] == "submitted"
            assert merged[code][1] == {criteria[c]: p for c, p in grading.scores.items()}
    with open_contest_file(case.board) as db:
        assert db.read_scalar("SELECT count(*) FROM grading_flag") == 1
        assert db.read_scalar("SELECT text FROM page_note") == "Ý hay ở đây"
        rows = db.read_scalar("SELECT count(*) FROM audit_log WHERE action = 'scores.merge'")
        assert rows == 1  # one row per file, not per score
        stored = db.read_scalar("SELECT stored_path FROM score_file")
        assert (case.board.parent / stored).read_bytes() == out.read_bytes()
        assert verify(db).ok


def test_the_file_is_readable_and_its_summary_is_signed(case: Case) -> None:
    _grade(case.workspace, 2)
    out = _export(case)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("judge-app-scores 1\n") and text.count("\n") == 3
    assert "Tệp điểm của giám khảo GK1" in text
    beside = summary_path(out).read_text(encoding="utf-8")
    assert "Tệp điểm của giám khảo GK1" in beside and "SHA-256" in beside
    parsed = read_score_file(out)
    assert parsed.revision == 1 and parsed.judge_code == "GK1"
    assert parsed.fingerprint == case.setup.fingerprints["GK1"]
    assert all(isinstance(e["total"], str) for e in parsed.entries)
    # the summary is inside the signed body
    assert "summary" in parsed.body


def test_merging_the_same_file_again_changes_nothing(case: Case) -> None:
    _grade(case.workspace, 2)
    out = _export(case)
    assert _merge(case, out) == [MergeStatus.MERGED]
    before = _snapshot(case.board)
    assert _merge(case, out) == [MergeStatus.UNCHANGED]
    assert _snapshot(case.board) == before


def test_each_export_has_a_higher_revision_and_a_newer_one_replaces_scores(case: Case) -> None:
    _grade(case.workspace, 2)
    first = _export(case, "a.jgs")
    _grade(case.workspace, 2, bump=1)
    second = _export(case, "b.jgs")
    assert read_score_file(second).revision == 2
    assert _merge(case, first, second) == [MergeStatus.MERGED, MergeStatus.MERGED]
    with open_contest_file(case.workspace) as db:
        expected = _score_sum(db)
    with open_contest_file(case.board) as db:
        assert _score_sum(db) == expected


def test_a_rebuilt_workspace_continues_above_a_given_revision(case: Case) -> None:
    _grade(case.workspace, 1)
    out = _export(case, continue_above=41)
    assert read_score_file(out).revision == 42


def test_criterion_comments_travel_with_their_scores(case: Case) -> None:
    (code,) = _grade(case.workspace, 1)
    with open_contest_file(case.workspace) as db, db.session() as session, session.begin():
        first, second = session.scalars(select(Criterion).order_by(Criterion.sort)).all()[:2]
        grading = session.scalars(select(Grading)).one()
        grading.scores = {cid: p for cid, p in grading.scores.items() if cid != second.id}
        grading.criterion_comments = {first.id: "Ý rõ ràng", second.id: "chưa chấm"}
        codes = first.code, second.code
    (item,) = [e for e in read_score_file(_export(case)).entries if e["code"] == code]
    assert codes[1] not in item["scores"]
    # the comment on the criterion not scored yet stays in the workspace
    assert item["criterion_comments"] == {codes[0]: "Ý rõ ràng"}


# --- refusals: nothing written --------------------------------------------------------------


def _flip(path: Path, at: int, target: Path) -> Path:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("where", [0.02, 0.3, 0.5, 0.75, 0.98])
def test_one_flipped_byte_anywhere_is_refused(case: Case, where: float) -> None:
    _grade(case.workspace, 3)
    out = _export(case)
    bad = _flip(out, int(len(out.read_bytes()) * where), case.tmp / "bad.jgs")
    before = _snapshot(case.board)
    assert _refusal(case, bad) in {
        "score_file_malformed",
        "score_file_version",
        "merge_bad_signature",
        "merge_other_contest",
        "merge_unknown_judge",
        "merge_key_mismatch",
        "merge_not_assigned",
        "merge_total_mismatch",
    }
    assert _snapshot(case.board) == before


def _resign(case: Case, source: Path, target: Path, change: object, key_code: str) -> Path:
    body = json.loads(source.read_bytes().split(b"\n")[1])
    change(body)  # type: ignore[operator]
    signed = signed_part(body)
    target.write_bytes(file_bytes(signed, keys.sign(case.private_key(key_code), signed)))
    return target


def test_a_score_changed_and_resigned_by_another_judge_is_refused(case: Case) -> None:
    _grade(case.workspace, 2)
    out = _export(case)

    def raise_score(body: dict[str, object]) -> None:
        entries = body["entries"]
        assert isinstance(entries, list)
        entries[0]["scores"] = {k: "3" for k in entries[0]["scores"]}

    # signed by GK2's key while claiming GK1's: the pinned key of GK1 does not verify it
    forged = _resign(case, out, case.tmp / "forged.jgs", raise_score, "GK2")
    assert _refusal(case, forged) == "merge_bad_signature"

    def own_key(body: dict[str, object]) -> None:
        raise_score(body)
        body["key_fingerprint"] = case.setup.fingerprints["GK2"]

    # honest about the key it used, but that is not the key pinned for GK1
    claimed = _resign(case, out, case.tmp / "claimed.jgs", own_key, "GK2")
    assert _refusal(case, claimed) == "merge_key_mismatch"


def test_an_added_space_is_refused_even_though_json_would_forgive_it(case: Case) -> None:
    _grade(case.workspace, 1)
    out = _export(case)
    spaced = case.tmp / "spaced.jgs"
    spaced.write_bytes(out.read_bytes().replace(b'"entries":[', b'"entries": [', 1))
    assert _refusal(case, spaced) == "merge_bad_signature"
    trailing = case.tmp / "trailing.jgs"
    trailing.write_bytes(out.read_bytes() + b"\n")
    assert _refusal(case, trailing) == "score_file_malformed"


def test_replay_of_an_older_revision_is_refused(case: Case) -> None:
    _grade(case.workspace, 2)
    first = _export(case, "a.jgs")
    _grade(case.workspace, 2, bump=2)
    second = _export(case, "b.jgs")
    assert _merge(case, second) == [MergeStatus.MERGED]
    before = _snapshot(case.board)
    assert _refusal(case, first) == "merge_revision_old"
    assert _snapshot(case.board) == before


def test_two_different_files_with_one_revision_are_refused_loudly(case: Case) -> None:
    _grade(case.workspace, 2)
    first = _export(case, "a.jgs")
    assert _merge(case, first) == [MergeStatus.MERGED]
    # a workspace restored from a backup exports revision 1 again, with other scores
    with open_contest_file(case.workspace) as db, db.session() as session, session.begin():
        session.query(ScoreFileRecord).delete()
    _grade(case.workspace, 2, bump=3)
    again = _export(case, "again.jgs")
    assert read_score_file(again).revision == 1
    assert _refusal(case, again) == "merge_revision_conflict"


def test_a_file_from_another_contest_is_refused(case: Case) -> None:
    _grade(case.workspace, 1)
    out = _export(case)
    other = _resign(
        case,
        out,
        case.tmp / "other.jgs",
        lambda body: body["contest"].update(uuid="00000000-0000-4000-8000-000000000000"),
        "GK1",
    )
    assert _refusal(case, other) == "merge_other_contest"


def test_entries_not_assigned_to_the_judge_are_refused(case: Case) -> None:
    _grade(case.workspace, 2)
    out = _export(case)
    with open_contest_file(case.board) as db, db.read_session() as session:
        gk1 = session.scalars(select(Judge.id).where(Judge.code == "GK1")).one()
        theirs = set(
            session.scalars(
                select(Entry.code)
                .join(Assignment, Assignment.entry_id == Entry.id)
                .where(Assignment.judge_id == gk1)
            )
        )
        stranger = session.scalars(select(Entry.code).where(Entry.code.not_in(theirs))).first()
    assert stranger is not None

    def mix(body: dict[str, object]) -> None:
        entries = body["entries"]
        assert isinstance(entries, list)
        entries[0]["code"] = stranger

    mixed = _resign(case, out, case.tmp / "mixed.jgs", mix, "GK1")
    assert _refusal(case, mixed) == "merge_not_assigned"


def test_a_truncated_file_is_refused(case: Case) -> None:
    _grade(case.workspace, 2)
    out = _export(case)
    cut = case.tmp / "cut.jgs"
    cut.write_bytes(out.read_bytes()[: len(out.read_bytes()) // 2])
    assert _refusal(case, cut) == "score_file_malformed"
    empty = case.tmp / "empty.jgs"
    empty.write_bytes(b"")
    assert _refusal(case, empty) == "score_file_malformed"


def test_a_replaced_key_is_refused_for_new_files(case: Case) -> None:
    _grade(case.workspace, 1)
    out = _export(case)
    new = keys.create_key("GK1 mới", PASS, folder=case.tmp / "newkey")
    with open_contest_file(case.board) as db:
        replace_judge_key(db, "GK1", new.public_path, "mất máy", actor="board")
    assert _refusal(case, out) == "merge_key_replaced"


def test_an_unregistered_judge_key_is_refused(case: Case, tmp_path: Path) -> None:
    _grade(case.workspace, 1)
    out = _export(case)
    with open_contest_file(case.board) as db, db.session() as session, session.begin():
        judge = session.scalars(select(Judge).where(Judge.code == "GK1")).one()
        judge.public_key, judge.key_fingerprint = None, None
    assert _refusal(case, out) == "merge_key_not_registered"


def test_a_refused_file_does_not_stop_the_others(case: Case) -> None:
    _grade(case.workspace, 2)
    good = _export(case)
    bad = case.tmp / "junk.jgs"
    bad.write_bytes(b"PK\x03\x04 not a score file")
    assert _merge(case, bad, good) == [MergeStatus.REFUSED, MergeStatus.MERGED]


def test_files_the_judge_saw_that_differ_are_flagged_per_entry(case: Case) -> None:
    codes = _grade(case.workspace, 2)
    out = _export(case)

    def other_file(body: dict[str, object]) -> None:
        entries = body["entries"]
        assert isinstance(entries, list)
        entries[1]["files"][0]["sha256"] = hashlib.sha256(b"another file").hexdigest()

    changed = _resign(case, out, case.tmp / "seen.jgs", other_file, "GK1")
    with open_contest_file(case.board) as db:
        report = merge_score_files(db, [changed], actor="board")
    (outcome,) = report.outcomes
    assert outcome.status is MergeStatus.MERGED
    assert codes[1] in outcome.unknown_files


def test_export_refuses_a_board_file(case: Case) -> None:
    with open_contest_file(case.board) as db, pytest.raises(JudgeAppError) as caught:
        export_score_file(db, case.tmp / "x.jgs", case.private_key())
    assert caught.value.code == "score_export_not_workspace"


# --- command line -----------------------------------------------------------------------------


def test_cli_verify_and_merge(
    case: Case, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _grade(case.workspace, 2)
    out = _export(case)
    pem = case.setup.public_keys["GK1"]
    assert main(["--lang", "en", "scores", "verify", str(out), "--key", str(pem)]) == 0
    printed = capsys.readouterr().out
    assert "Valid signature" in printed and "GK1" in printed
    other = case.setup.public_keys["GK2"]
    assert main(["--lang", "en", "scores", "verify", str(out), "--key", str(other)]) == 1
    assert "does NOT match" in capsys.readouterr().out
    assert main(["merge", str(case.board), str(out)]) == 0
    assert "Đã ghép" in capsys.readouterr().out
    assert main(["merge", str(case.board), str(case.tmp / "missing.jgs")]) == 1
    assert "KHÔNG NHẬN" in capsys.readouterr().out
    # Worker processes asked for by hand: the same file again changes nothing.
    missing = str(case.tmp / "missing.jgs")
    assert main(["merge", str(case.board), str(out), missing, "--workers", "2"]) == 1
    printed = capsys.readouterr().out
    assert "KHÔNG NHẬN" in printed and str(out) in printed

"""The identity-leak scan of the demo contest, through the real sandboxed document reader."""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from judge_app.core.errors import JudgeAppError
from judge_app.demo import roster
from judge_app.documents.service import DocumentService
from judge_app.intake.leak_scan import EntryLeakReport, build_identity_hints, scan_contest
from judge_app.intake.leak_scan_cli import add_commands
from judge_app.intake.seal import seal_identities
from judge_app.store.database import open_contest_file

PICTURE_FORMS = {roster.PHOTO, roster.PHONE_SCAN, roster.TIFF, roster.SCAN_PDF}
PLAN = {plan.name: plan for plan in roster.ENTRIES}


def _names_itself(plan: roster.PlannedEntry) -> bool:
    """The demo's entries whose text carries the entrant's name: cover page, signature, or
    the pupil who introduces himself in the body."""
    readable = plan.form in (roster.DOCX, roster.PDF)
    return readable and (plan.cover or plan.signature or plan.essay == "hs_hoang_nam")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo contest, built once (≈ 4 s) and only read by the tests that share it."""
    from judge_app.demo.build import build_demo_contest

    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("leak-home")))
    try:
        return build_demo_contest(tmp_path_factory.mktemp("leaks") / "demo").path
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def scanned(demo_file: Path) -> tuple[dict[str, EntryLeakReport], int]:
    """name → report, and the audit rows before the scan."""
    with open_contest_file(demo_file) as db:
        audit_rows = _audit_rows(demo_file)
        identities = build_identity_hints(db)
        with DocumentService() as service:
            reports = scan_contest(db, service, identities)
    names = {r.code: identities[r.entry_id].full_name for r in reports}
    return {names[r.code]: r for r in reports}, audit_rows


def _audit_rows(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        count: int = connection.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        return count
    finally:
        connection.close()


def test_every_entry_that_names_its_entrant_is_flagged(
    scanned: tuple[dict[str, EntryLeakReport], int],
) -> None:
    reports, _ = scanned
    assert set(reports) == set(PLAN)
    expected = {name for name, plan in PLAN.items() if _names_itself(plan)}
    named = {name for name, r in reports.items() if any(h.hit.kind == "name" for h in r.hits)}
    # Every cover page and signature, and no name anywhere else (no false positives).
    assert named == expected
    for name in expected:
        report = reports[name]
        assert report.status == "hits" and report.strong
        hit = next(h for h in report.hits if h.hit.kind == "name")
        assert hit.hit.text == name and hit.file_number == 1 and hit.page >= 1


def test_the_pupil_who_names_himself_and_his_school(
    scanned: tuple[dict[str, EntryLeakReport], int],
) -> None:
    report = scanned[0]["Lê Hoàng Nam"]
    found = {(h.hit.kind, h.hit.text, h.hit.confidence) for h in report.hits}
    assert ("name", "Lê Hoàng Nam", "strong") in found
    assert ("unit", "Trường THCS Nhân Chính", "strong") in found
    assert ("phrase", "Em tên là", "weak") in found


def test_photos_and_scans_are_not_checked(
    scanned: tuple[dict[str, EntryLeakReport], int],
) -> None:
    reports, _ = scanned
    pictures = {name for name, plan in PLAN.items() if plan.form in PICTURE_FORMS}
    assert {name for name, r in reports.items() if r.status == "not_checked"} == pictures
    # A text essay with a screenshot beside it: the essay is checked, the picture is not.
    two_files = reports["Trịnh Thu Trang"]
    assert two_files.status == "clean"
    assert [(f.file_number, f.status) for f in two_files.files] == [
        (1, "clean"),
        (2, "not_checked"),
    ]


def test_most_other_entries_are_clean(scanned: tuple[dict[str, EntryLeakReport], int]) -> None:
    reports, _ = scanned
    others = {
        name: r
        for name, r in reports.items()
        if not _names_itself(PLAN[name]) and PLAN[name].form not in PICTURE_FORMS
    }
    flagged = {name: r for name, r in others.items() if r.status != "clean"}
    # The one left names another school in her essay: a weak hint, never her name.
    assert set(flagged) == {"Ngô Phương Linh"}
    assert all(h.hit.confidence == "weak" for h in flagged["Ngô Phương Linh"].hits)
    assert len(others) - len(flagged) >= 10


def test_the_scan_writes_nothing(
    demo_file: Path, scanned: tuple[dict[str, EntryLeakReport], int]
) -> None:
    assert _audit_rows(demo_file) == scanned[1]


def test_sealed_identities_are_opened_in_memory(demo_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "contest.sqlite"
    shutil.copyfile(demo_file, copy)
    phrase = [b"mat khau ban lam phach"]
    with open_contest_file(demo_file) as db:
        clear = build_identity_hints(db)
    with open_contest_file(copy) as db:
        seal_identities(db, phrase, actor="test")
        with pytest.raises(JudgeAppError):
            build_identity_hints(db)
        sealed = build_identity_hints(db, phrase)
    assert {k: v.full_name for k, v in sealed.items()} == {k: v.full_name for k, v in clear.items()}
    assert sealed.keys() == clear.keys()
    some = next(iter(sealed.values()))
    assert some.unit_names and some.common_phrases


def test_an_unreadable_file_is_said(demo_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    shutil.copytree(demo_file.parent, folder)
    with open_contest_file(folder / demo_file.name) as db:
        identities = build_identity_hints(db)
        target = next(
            k for k, v in identities.items() if v.full_name == "Lương Thị Hồng"
        )  # a DOCX with no leak
        row = db.read_scalar(
            "SELECT stored_path FROM entry_file WHERE entry_id = :e", {"e": target}
        )
        (folder / row).write_bytes(b"PK\x03\x04 not really a zip")
        with DocumentService() as service:
            reports = {r.entry_id: r for r in scan_contest(db, service, identities)}
    report = reports[target]
    assert report.status == "unreadable"
    assert report.files[0].status == "unreadable" and report.files[0].reason


def _run(argv: list[str], lang: str = "en") -> int:
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers())
    args = parser.parse_args(argv)
    code: int = args.handler(args, lang)
    return code


def test_command_reports_for_the_head_judge(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["scan-leaks", str(demo_file), "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert len(data) == len(PLAN)
    hits = [h for entry in data for h in entry["hits"] if h["kind"] == "name"]
    assert {h["text"] for h in hits} == {n for n, p in PLAN.items() if _names_itself(p)}
    # Files are numbered; the names schools gave them never appear.
    out = json.dumps(data, ensure_ascii=False)
    assert all(plan.file_name not in out for plan in PLAN.values())

    assert _run(["scan-leaks", str(demo_file)], lang="vi") == 2
    text = capsys.readouterr().out
    assert "họ tên (rõ): “Lê Hoàng Nam”" in text
    assert "chưa kiểm tra" in text
    assert "đã quét 27 bài" in text

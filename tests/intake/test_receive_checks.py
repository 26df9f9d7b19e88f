"""Intake with the format check on several document readers, as `judge-app intake` runs it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from docx import Document
from sqlalchemy import select

from judge_app.documents.entry_check import FormatChecker, check_contest_files
from judge_app.documents.service import DocumentService
from judge_app.intake.receive import receive
from judge_app.intake.receive_cli import _readers
from judge_app.intake.receive_match import Candidate, fold, match_file
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, create_contest_file
from judge_app.store.models import AuditRow, Category, CategoryKind, Contest, EntryFile, Unit

ACTOR = "tester"


def _pdf(text: str) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 72), text)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def _docx(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def services() -> Iterator[list[DocumentService]]:
    with DocumentService(lang="vi") as one, DocumentService(lang="vi") as two:
        yield [one, two]


@pytest.fixture
def contest(tmp_path: Path) -> Iterator[ContestDatabase]:
    folder = tmp_path / "contest"
    folder.mkdir()
    db = create_contest_file(folder / "contest.judge")
    with db.session() as session, session.begin():
        contest = Contest(name="Thi viết", reference_date=dt.date(2019, 8, 20))
        session.add(contest)
        contest.categories.append(
            Category(code="staff", name="CBGV-NV", kind=CategoryKind.STAFF, sort=0)
        )
        contest.units.append(Unit(code="THCS-KD", name="Trường THCS Kim Đồng"))
    yield db
    db.close()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _checks(db: ContestDatabase) -> list[AuditRow]:
    with db.read_session() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == "format.check")))


def test_two_readers_check_every_new_file_once(
    contest: ContestDatabase, services: list[DocumentService], tmp_path: Path
) -> None:
    good = _pdf("Bai du thi cua An " * 30)
    members = {f"Bài {n}.pdf": _pdf(f"Bai so {n} " * 40) for n in range(8)}
    members["Bài tốt.pdf"] = good
    members["Bản sao/Bài tốt.pdf"] = good  # same content twice: stored once, checked once
    members["Bài hỏng.pdf"] = b"%PDF-1.4\n" + b"\x00garbage" * 50
    members["Bài word.docx"] = _docx("Bài dự thi viết bằng tiếng Việt có dấu. " * 20)
    source = _zip(tmp_path / "kd.zip", members)
    report = receive(
        contest,
        "THCS-KD",
        [source],
        received_at=dt.datetime(2019, 8, 20, 9, 0),
        actor=ACTOR,
        service=services,
    )
    badges = {f.original_name: f.badge for f in report.files}
    assert badges["Bài hỏng.pdf"] == "error"
    assert all(badge is not None for badge in badges.values())
    assert badges["Bài word.docx"] in ("ok", "warn")
    assert [p.subject for p in report.problems if p.code == "receive_unreadable"] == [
        "Bài hỏng.pdf"
    ]
    with contest.read_session() as session:
        rows = list(session.scalars(select(EntryFile)))
    assert rows and all(row.format_badge is not None and row.format_report for row in rows)
    checks = _checks(contest)
    assert len(checks) == 1  # one audit row for the run's checks, none from the fallback
    # Every file is in place, fsynced and named by its hash, and the temporary folder is gone.
    root = contest.path.parent
    assert all((root / row.stored_path).is_file() for row in rows)
    assert not (root / ".intake-tmp").exists()
    assert audit.verify(contest).ok

    again = receive(contest, "THCS-KD", [source], actor=ACTOR, service=services)
    assert not again.entries and len(again.already_received) == len(members)
    assert len(_checks(contest)) == 1  # nothing new, nothing checked


def test_files_left_unchecked_are_checked_by_the_next_run(
    contest: ContestDatabase, services: list[DocumentService], tmp_path: Path
) -> None:
    first = _zip(tmp_path / "a.zip", {"Bài một.pdf": _pdf("Bai mot " * 40)})
    receive(contest, "THCS-KD", [first], actor=ACTOR, service=None)  # --no-check
    second = _zip(tmp_path / "b.zip", {"Bài hai.pdf": _pdf("Bai hai " * 40)})
    receive(contest, "THCS-KD", [second], actor=ACTOR, service=services)
    with contest.read_session() as session:
        badges = list(session.scalars(select(EntryFile.format_badge)))
    assert len(badges) == 2 and None not in badges
    assert check_contest_files(contest, services, actor=ACTOR) == {}


def test_format_checker_spreads_files_and_cancels_on_close(
    services: list[DocumentService], tmp_path: Path
) -> None:
    paths = []
    for n in range(6):
        path = tmp_path / f"{n}.pdf"
        path.write_bytes(_pdf(f"Trang {n} " * 40))
        paths.append(path)
    with FormatChecker(services) as checker:
        reports = [checker.submit(path) for path in paths]
        assert {future.result()["pages"] for future in reports} == {1}
    checker = FormatChecker(services[0])
    waiting = [checker.submit(path) for path in paths * 5]
    checker.close()
    assert all(future.done() for future in waiting)
    assert any(future.cancelled() for future in waiting)


def test_readers_one_per_core_at_most_two() -> None:
    assert 1 <= _readers() <= 2


def test_fold_treats_eth_as_d() -> None:
    # "Ð" (U+00D0) is typed for "Đ" by old converters; the list and the file name may differ.
    assert fold("Lương Hồng \u00d0ông") == fold("Lương Hồng Đông") == "luong hong dong"
    people = [Candidate(1, "Lương Hồng Đông")]
    assert (
        match_file(("x.zip", "Bài dự thi_LuongHong\u00d0ong_8C.docx"), people).participant_id == 1
    )

"""Receiving entries: sources made here (zip, saved e-mails, a list), a small contest file."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pymupdf
import pytest
from docx import Document
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from judge_app.core.messages import CATALOGUE
from judge_app.intake.receive import (
    IntakeReport,
    receive,
    write_receipt_xlsx,
    write_report_xlsx,
)
from judge_app.intake.receive_match import Candidate, fold, match_file
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, create_contest_file, open_contest_file
from judge_app.store.models import (
    AuditRow,
    Category,
    CategoryKind,
    Contest,
    Entry,
    EntryFile,
    IdentityRecord,
    Participant,
    Unit,
    UnitGroup,
)

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


def _eml(
    path: Path,
    received: str,
    attachments: list[tuple[str, bytes]],
    *,
    subject: str = "Bài dự thi",
    sender: str = "School <school@example.vn>",
) -> Path:
    message = EmailMessage()
    message["Received"] = f"from mail.school.vn by mx.contest.vn; {received}"
    message["Date"] = "Tue, 20 Aug 2019 10:00:00 +0700"
    message["From"] = sender
    message["To"] = "contest@example.vn"
    message["Subject"] = subject
    message.set_content("Kính gửi ban tổ chức.")
    for name, data in attachments:
        message.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    path.write_bytes(message.as_bytes())
    return path


@pytest.fixture
def contest(tmp_path: Path) -> Iterator[ContestDatabase]:
    folder = tmp_path / "contest"
    folder.mkdir()
    db = create_contest_file(folder / "contest.judge")
    with db.session() as session, session.begin():
        contest = Contest(name="Thi viết", reference_date=dt.date(2019, 8, 20))
        session.add(contest)
        school = UnitGroup(code="school", name="Trường", deadline=dt.datetime(2019, 8, 20, 17))
        office = UnitGroup(code="office", name="Phòng", deadline=dt.datetime(2019, 8, 22))
        contest.unit_groups.extend([school, office])
        contest.categories.append(
            Category(code="staff", name="CBGV-NV", kind=CategoryKind.STAFF, sort=0)
        )
        for grade in range(6, 10):
            contest.categories.append(
                Category(
                    code=f"g{grade}",
                    name=f"Khối {grade}",
                    kind=CategoryKind.STUDENT,
                    grade=grade,
                    sort=grade,
                )
            )
        for code, group in (("THCS-KD", school), ("THCS-NC", school), ("PGD", office)):
            contest.units.append(Unit(code=code, name=f"Trường {code}", group=group))
    yield db
    db.close()


@pytest.fixture
def sources(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "mail"
    folder.mkdir()
    binh = _pdf("Bai du thi cua Binh")
    listing = Workbook()
    sheet = listing.active
    assert sheet is not None
    sheet.append(["DANH SÁCH HỌC SINH DỰ THI"])
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Lớp"])
    sheet.append([1, "Nguyễn Văn An", "05/03/2008", "6A"])
    sheet.append([2, "Trần Thị Bình", "06/04/2007", "7B"])
    sheet.append([3, "Lê Văn Cường", "07/05/2006", "8A"])
    sheet.append([4, "Lê Văn Cường", "08/06/2005", "9A"])
    sheet.append([5, "Nguyễn Thị Em", "09/07/2008", "6B"])
    sheet.append([6, "Hoàng Văn Giang", "10/08/2007", "7A"])
    sheet.append([7, "Phạm Thu Dung", "11/09/2006", "8B"])
    sheet.append([8, "Võ Minh Khoa", "12/10/2005", "9B"])
    listing.save(folder / "Danh sách THCS-KD.xlsx")
    with zipfile.ZipFile(folder / "THCS-KD.zip", "w") as archive:
        archive.writestr("Bài dự thi - Nguyễn Văn An.docx", _docx("Bài của An"))
        archive.writestr("Khối 7/Trần Thị Bình.pdf", binh)
        archive.writestr("Lê Văn Cường.pdf", _pdf("Bai cua Cuong"))
        archive.writestr("scan_001.pdf", _pdf("Khong ro cua ai"))
        archive.writestr("Phạm Thu Dung.pdf", b"")
        archive.writestr("NguyenThiEm.pdf", _pdf("Bai cua Em"))
        archive.writestr("STT 8 - bai du thi.pdf", _pdf("Bai cua Khoa"))
    late = _eml(
        folder / "late.eml",
        "Tue, 20 Aug 2019 17:01:00 +0700",
        [("Trần Thị Bình.pdf", binh), ("Đỗ Văn Hùng.pdf", _pdf("Bai cua Hung"))],
    )
    on_time = _eml(
        folder / "on-time.eml",
        "Tue, 20 Aug 2019 16:59:00 +0700",
        [("Bài dự thi - Lý Thị Lan.pdf", _pdf("Bai cua Lan"))],
    )
    return {
        "zip": folder / "THCS-KD.zip",
        "list": folder / "Danh sách THCS-KD.xlsx",
        "late": late,
        "on_time": on_time,
    }


def _tree(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def _school_run(contest: ContestDatabase, sources: dict[str, Path]) -> IntakeReport:
    return receive(
        contest,
        "THCS-KD",
        [sources["zip"]],
        participant_list=sources["list"],
        received_at=dt.datetime(2019, 8, 20, 16, 45),
        actor=ACTOR,
        service=None,
    )


def test_fold_and_match() -> None:
    assert fold("Bài dự thi - NGUYỄN Văn Đức_lớp6") == "bai du thi nguyen van duc lop6"
    people = [Candidate(1, "Nguyễn Văn An", "1"), Candidate(2, "Văn An", "2")]
    assert match_file(("x.zip", "NguyenVanAn.docx"), people[:1]).participant_id == 1
    assert match_file(("x.zip", "nguyen van an.pdf"), people).outcome == "ambiguous"
    assert match_file(("x.zip", "Nguyen Van Anh.pdf"), people[:1]).outcome == "unmatched"
    assert match_file(("x.zip", "2. bai.pdf"), people).participant_id == 2
    assert match_file(("x.zip", "Lop 6/STT 01.pdf"), people).participant_id == 1
    assert match_file(("x.zip", "Nguyễn Văn An/bai.pdf"), people[:1]).participant_id == 1


def test_school_zip_creates_entries(contest: ContestDatabase, sources: dict[str, Path]) -> None:
    outside_before = _tree(sources["zip"].parent)
    report = _school_run(contest, sources)
    root = contest.path.parent
    assert _tree(sources["zip"].parent) == outside_before  # nothing written beside the sources
    assert not (root / ".intake-tmp").exists()
    assert report.participant_list is not None and report.participant_list.added == 8

    by_name = {e.participant_name: e for e in report.entries if e.participant_name}
    assert set(by_name) == {"Nguyễn Văn An", "Trần Thị Bình", "Nguyễn Thị Em", "Võ Minh Khoa"}
    assert by_name["Nguyễn Văn An"].category == "g6"
    assert by_name["Trần Thị Bình"].category == "g7"
    assert not any(e.late for e in report.entries)
    ambiguous = [e for e in report.entries if e.link == "ambiguous"]
    assert len(ambiguous) == 1 and len(ambiguous[0].candidates) == 2
    unmatched = [e for e in report.entries if e.link == "unmatched"]
    assert [f.original_name for e in unmatched for f in e.files] == ["scan_001.pdf"]
    codes = {p.code for p in report.problems}
    assert {"receive_ambiguous", "receive_unmatched", "receive_empty"} <= codes
    assert {m.full_name for m in report.missing} == {
        "Hoàng Văn Giang",
        "Phạm Thu Dung",
        "Lê Văn Cường",
    }

    with contest.read_session() as session:
        entries = list(session.scalars(select(Entry)))
        assert len(entries) == 6
        assert all(
            len(e.code) >= 4 and e.received_at == dt.datetime(2019, 8, 20, 16, 45) for e in entries
        )
        files = list(session.scalars(select(EntryFile)))
        assert len(files) == 6
        an = next(f for f in files if f.original_name == "Bài dự thi - Nguyễn Văn An.docx")
        assert an.stored_path == f"files/{an.sha256[:2]}/{an.sha256}.docx"
        assert an.kind.value == "docx"
        binh = next(f for f in files if f.original_name == "Khối 7/Trần Thị Bình.pdf")
        assert (root / binh.stored_path).is_file()
        links = {
            r[0]: r[1]
            for r in session.execute(select(IdentityRecord.entry_id, IdentityRecord.participant_id))
        }
        assert sum(pid is None for pid in links.values()) == 2  # ambiguous + unmatched
        assert session.query(Participant).count() == 8
    stored = list((root / "files").rglob("*"))
    assert len([p for p in stored if p.is_file()]) == 6


def test_rerun_adds_nothing(contest: ContestDatabase, sources: dict[str, Path]) -> None:
    _school_run(contest, sources)
    root = contest.path.parent
    tree = _tree(root / "files")
    again = _school_run(contest, sources)
    assert again.entries == []
    assert len(again.already_received) == 6
    assert again.participant_list is not None and again.participant_list.added == 0
    assert _tree(root / "files") == tree
    with contest.read_session() as session:
        assert session.query(Entry).count() == 6
        assert session.query(Participant).count() == 8


def test_email_lateness_and_duplicate(contest: ContestDatabase, sources: dict[str, Path]) -> None:
    _school_run(contest, sources)
    late = receive(contest, "THCS-NC", [sources["late"]], actor=ACTOR)
    assert len(late.entries) == 2
    assert all(e.late for e in late.entries)
    assert all(e.received_at == dt.datetime(2019, 8, 20, 17, 1) for e in late.entries)
    duplicate = [p for p in late.problems if p.code == "receive_duplicate"]
    assert len(duplicate) == 1 and duplicate[0].params["unit"] == "THCS-KD"
    assert sum(p.code == "receive_late" for p in late.problems) == 2
    assert late.counts()["late"] == 2

    on_time = receive(contest, "THCS-NC", [sources["on_time"]], actor=ACTOR)
    assert [e.late for e in on_time.entries] == [False]
    assert on_time.entries[0].received_at == dt.datetime(2019, 8, 20, 16, 59)

    with contest.read_session() as session:
        binh = list(
            session.scalars(select(EntryFile).where(EntryFile.original_name.like("%Bình.pdf")))
        )
        assert len(binh) == 2 and binh[0].stored_path == binh[1].stored_path


def test_audit_names_nobody(contest: ContestDatabase, sources: dict[str, Path]) -> None:
    _school_run(contest, sources)
    receive(contest, "THCS-NC", [sources["late"]], actor=ACTOR)
    assert audit.verify(contest).ok
    with contest.read_session() as session:
        rows = list(session.scalars(select(AuditRow).where(AuditRow.action == "intake")))
        names = [p.full_name for p in session.scalars(select(Participant))]
    assert len(rows) == 2
    for row in rows:
        text = f"{row.entity_key} {row.before} {row.after}"
        for name in names:
            assert name not in text and fold(name) not in fold(text)


def test_report_and_receipt_xlsx(
    contest: ContestDatabase, sources: dict[str, Path], tmp_path: Path
) -> None:
    report = _school_run(contest, sources)
    out = tmp_path / "report.xlsx"
    write_report_xlsx(report, out)
    book = load_workbook(out)
    assert book.sheetnames == ["Bài nhận được", "Vấn đề", "Chưa có bài"]
    received = [list(r) for r in book["Bài nhận được"].iter_rows(min_row=2, values_only=True)]
    assert len(received) == 6
    assert any(
        r[3] == "Nguyễn Văn An" and r[5] == "Bài dự thi - Nguyễn Văn An.docx" for r in received
    )
    problems = [r[3] for r in book["Vấn đề"].iter_rows(min_row=2, values_only=True)]
    assert "receive_ambiguous" in problems and "receive_empty" in problems
    missing = [r[1] for r in book["Chưa có bài"].iter_rows(min_row=2, values_only=True)]
    assert "Hoàng Văn Giang" in missing

    receipt = tmp_path / "receipt.xlsx"
    write_receipt_xlsx(report, "Trường THCS Kim Đồng", receipt)
    sheet = load_workbook(receipt).active
    assert sheet is not None
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "Khối 7/Trần Thị Bình.pdf" in cells
    assert "Hoàng Văn Giang" in cells
    codes = {e.code for e in report.entries}
    assert not codes & set(cells)  # the school never learns an entry code


def test_unknown_unit(contest: ContestDatabase, sources: dict[str, Path]) -> None:
    from judge_app.core.errors import JudgeAppError

    with pytest.raises(JudgeAppError) as caught:
        receive(contest, "NOPE", [sources["zip"]], actor=ACTOR)
    assert caught.value.code == "receive_unit_unknown"


def test_messages_cover_receive_codes() -> None:
    for code in (
        "receive_late",
        "receive_duplicate",
        "receive_unmatched",
        "receive_ambiguous",
        "receive_empty",
        "receive_no_entry",
    ):
        assert code in CATALOGUE


def test_format_check_reports_unreadable(contest: ContestDatabase, tmp_path: Path) -> None:
    from judge_app.documents.service import DocumentService

    folder = tmp_path / "pgd"
    folder.mkdir()
    (folder / "Bài tốt.pdf").write_bytes(_pdf("Bai tot"))
    (folder / "Bài hỏng.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    with DocumentService(lang="vi") as service:
        report = receive(
            contest,
            "PGD",
            [folder],
            received_at=dt.datetime(2019, 8, 21, 9, 0),
            actor=ACTOR,
            service=service,
        )
    badges = {f.original_name: f.badge for f in report.files}
    assert badges["Bài hỏng.pdf"] == "error"
    assert badges["Bài tốt.pdf"] not in (None, "error")
    unreadable = [p for p in report.problems if p.code == "receive_unreadable"]
    assert [p.subject for p in unreadable] == ["Bài hỏng.pdf"]
    assert not any(e.late for e in report.entries)  # the office's deadline is 22/08
    assert audit.verify(contest).ok


def test_cli_intake(
    contest: ContestDatabase,
    sources: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import argparse

    from judge_app.intake.receive_cli import add_commands

    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    path = contest.path
    contest.close()
    report, receipt = tmp_path / "r.xlsx", tmp_path / "b.xlsx"
    args = parser.parse_args(
        [
            "intake",
            str(path),
            "--unit",
            "THCS-KD",
            "--list",
            str(sources["list"]),
            "--received",
            "2019-08-20 16:45",
            "--report",
            str(report),
            "--receipt",
            str(receipt),
            "--no-check",
            "--actor",
            "cli-test",
            str(sources["zip"]),
        ]
    )
    assert args.handler(args, "en") == 3  # ambiguous, unmatched, empty, missing people
    out = capsys.readouterr().out
    assert "Unit THCS-KD: 6 new entries, 6 new files" in out
    assert "needs linking: 2" in out
    assert load_workbook(report).sheetnames[0] == "Bài nhận được"
    assert load_workbook(receipt).active is not None

    bad = parser.parse_args(["intake", str(path), "--unit", "X", "--received", "nope", "a"])
    from judge_app.core.errors import JudgeAppError

    with pytest.raises(JudgeAppError) as caught:
        bad.handler(bad, "en")
    assert caught.value.code == "receive_received_bad"


def test_new_file_joins_the_participants_entry(
    contest: ContestDatabase, sources: dict[str, Path], tmp_path: Path
) -> None:
    first = _school_run(contest, sources)
    an = next(e for e in first.entries if e.participant_name == "Nguyễn Văn An")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "Nguyễn Văn An - phụ lục.pdf").write_bytes(_pdf("Phu luc"))
    (extra / "scan_001 copy.pdf").write_bytes((extra / "Nguyễn Văn An - phụ lục.pdf").read_bytes())
    again = receive(
        contest, "THCS-KD", [extra, extra / "scan_001 copy.pdf"], actor=ACTOR, received_at=None
    )
    assert [(e.code, e.new) for e in again.entries if e.participant_name] == [(an.code, False)]
    with contest.read_session() as session:
        entry = session.scalars(select(Entry).where(Entry.code == an.code)).one()
        assert [f.sort for f in entry.files] == [0, 1]


def test_link_an_unmatched_entry(contest: ContestDatabase, sources: dict[str, Path]) -> None:
    from judge_app.core.errors import JudgeAppError
    from judge_app.intake.receive_link import link_entry, unit_participants

    report = _school_run(contest, sources)
    ambiguous = next(e for e in report.entries if e.link == "ambiguous")
    choices = unit_participants(contest, "THCS-KD")
    assert len(choices) == 8
    chosen = ambiguous.candidates[1][0]
    assert not next(c for c in choices if c.participant_id == chosen).has_entry
    link_entry(contest, ambiguous.code, chosen, actor=ACTOR)
    with contest.read_session() as session:
        entry = session.scalars(select(Entry).where(Entry.code == ambiguous.code)).one()
        assert session.get(IdentityRecord, entry.id).participant_id == chosen  # type: ignore[union-attr]
        person = session.get(Participant, chosen)
        assert person is not None and entry.category_id == person.category_id
        other_unit = session.scalars(select(Unit).where(Unit.code == "PGD")).one()
        stranger = Participant(contest_id=entry.contest_id, full_name="X", unit_id=other_unit.id)
    with contest.session() as session, session.begin():
        session.add(stranger)
    with pytest.raises(JudgeAppError) as caught:
        link_entry(contest, ambiguous.code, stranger.id, actor=ACTOR)
    assert caught.value.code == "receive_link_other_unit"
    assert audit.verify(contest).ok


def test_refusals_and_workspace(tmp_path: Path, contest: ContestDatabase) -> None:
    from judge_app.core.errors import JudgeAppError
    from judge_app.store.models import FileRole

    report = receive(contest, "PGD", [tmp_path / "missing.zip"], actor=ACTOR)
    assert report.refused == 1
    assert report.problems[0].subject == "missing.zip"
    assert report.entries == []
    workspace = create_contest_file(tmp_path / "judge.judge", FileRole.WORKSPACE)
    with workspace, pytest.raises(JudgeAppError) as caught:
        receive(workspace, "PGD", [], actor=ACTOR)
    assert caught.value.code == "receive_not_board"


def test_the_sheet_chosen_in_the_column_dialog_is_the_one_read(
    contest: ContestDatabase, sources: dict[str, Path], tmp_path: Path
) -> None:
    """A workbook whose first-looking sheet is a summary: the board picked "Danh sách" once."""
    from judge_app.intake.participants import guess_mapping, read_table, save_mapping

    book = load_workbook(sources["list"])
    summary = book.create_sheet("Tổng hợp", 0)
    summary.append(["STT", "Họ và tên", "Ngày sinh", "Lớp"])
    for n in range(1, 21):  # longer than the real list: the sheet a guess would pick
        summary.append([n, f"Người Không Dự Thi {n}", "01/01/2007", "7A"])
    book["Sheet"].title = "Danh sách"
    two_sheets = tmp_path / "hai-trang.xlsx"
    book.save(two_sheets)
    assert read_table(two_sheets).sheet == "Tổng hợp"
    chosen = read_table(two_sheets, sheet="Danh sách")
    save_mapping(contest, "THCS-KD", guess_mapping(chosen, None), actor=ACTOR)

    report = receive(
        contest,
        "THCS-KD",
        [sources["zip"]],
        participant_list=two_sheets,
        received_at=dt.datetime(2019, 8, 20, 16, 45),
        actor=ACTOR,
        service=None,
    )
    assert report.participant_list is not None
    assert report.participant_list.sheet == "Danh sách"
    with contest.read_session() as session:
        names = set(session.scalars(select(Participant.full_name)))
    assert "Trần Thị Bình" in names and "Người Không Dự Thi 1" not in names


def test_a_list_sent_in_the_e_mail_is_the_participant_list_not_an_entry(
    contest: ContestDatabase, sources: dict[str, Path], tmp_path: Path
) -> None:
    """Schools send the zip of entries and their list in one e-mail."""
    mail = _eml(
        tmp_path / "thu-truong.eml",
        "Tue, 20 Aug 2019 16:30:00 +0700",
        [
            ("Danh sách dự thi.xlsx", sources["list"].read_bytes()),
            ("THCS-KD.zip", sources["zip"].read_bytes()),
            ("Bản sao danh sách.csv", "STT;Họ và tên\n1;Ai Đó\n".encode()),
        ],
    )
    report = receive(contest, "THCS-KD", [mail], actor=ACTOR, service=None)
    assert report.participant_list is not None
    assert report.participant_list.path.name == "Danh sách dự thi.xlsx"
    with contest.read_session() as session:
        names = set(session.scalars(select(Participant.full_name)))
        stored = [f.original_name for f in session.scalars(select(EntryFile))]
    assert "Trần Thị Bình" in names and "Ai Đó" not in names
    assert not any(name.endswith((".xlsx", ".csv")) for name in stored)
    unused = [p for p in report.problems if p.code == "receive_list_attachment_unused"]
    assert [p.params["path"] for p in unused] == ["Bản sao danh sách.csv"]


def test_a_broken_list_in_the_e_mail_does_not_stop_the_entries(
    contest: ContestDatabase, sources: dict[str, Path], tmp_path: Path
) -> None:
    mail = _eml(
        tmp_path / "thu.eml",
        "Tue, 20 Aug 2019 16:30:00 +0700",
        [("Danh sách.xlsx", b"PK\x03\x04 not really a workbook"), ("An.pdf", _pdf("Bai cua An"))],
    )
    report = receive(contest, "THCS-KD", [mail], actor=ACTOR, service=None)
    assert [p.code for p in report.problems if "list" in p.code] == [
        "receive_list_attachment_unreadable"
    ]
    assert report.files


def test_a_folder_of_many_units_e_mails_is_received_unit_by_unit(
    contest: ContestDatabase,
    sources: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from judge_app.cli import main

    with contest.session() as session, session.begin():
        unit = session.scalars(select(Unit).where(Unit.code == "THCS-KD")).one()
        unit.email = "c2khuongdinh@hanoiedu.vn; vanthu.kd@gmail.com"
    mailbox = tmp_path / "hop-thu"
    mailbox.mkdir()
    _eml(  # known address, subject says nothing useful
        mailbox / "1.eml",
        "Tue, 20 Aug 2019 16:00:00 +0700",
        [
            ("Danh sách.xlsx", sources["list"].read_bytes()),
            ("bai.zip", sources["zip"].read_bytes()),
        ],
        sender="Văn thư <VanThu.KD@gmail.com>",
    )
    _eml(  # unit code in the subject
        mailbox / "2.eml",
        "Tue, 20 Aug 2019 15:00:00 +0700",
        [("Lê Thị Hoa.pdf", _pdf("Bai cua Hoa"))],
        subject="Nộp bài dự thi - THCS-NC",
    )
    _eml(
        mailbox / "3.eml", "Tue, 20 Aug 2019 15:00:00 +0700", [("x.pdf", _pdf("?"))], subject="Hỏi"
    )
    path = contest.path
    contest.close()
    assert main(["--lang", "en", "intake", str(path), str(mailbox), "--no-check"]) == 3
    out = capsys.readouterr().out
    assert "No unit is known to have sent" in out and "3.eml" in out
    with open_contest_file(path) as db, db.read_session() as session:
        units = {
            code: count
            for code, count in session.execute(
                select(Unit.code, func.count(Entry.id))
                .join(Entry, Entry.unit_id == Unit.id)
                .group_by(Unit.code)
            )
        }
    assert units["THCS-KD"] >= 5 and units["THCS-NC"] == 1 and "PGD" not in units

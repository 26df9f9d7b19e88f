from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from judge_app.intake.archives import unpack_sources
from judge_app.intake.email_source import read_email

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ICT = timezone(timedelta(hours=7))


def _school_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Lớp 6A/Nguyễn Thị Hồng Nhung.docx", b"essay 1")
        archive.writestr("Lớp 7B/Trần Văn Đức.pdf", PDF)
        archive.writestr("__MACOSX/._x", b"junk")
    return buffer.getvalue()


def _school_email(path: Path) -> Path:
    message = EmailMessage()
    # Topmost Received: the contest mailbox's server, the time that counts for the deadline.
    message["Received"] = (
        "from mx.gmail.com by mail.pgd.edu.vn with ESMTPS id abc; Mon, 19 Aug 2019 16:59:30 +0700"
    )
    message["Received"] = "from [10.0.0.5] by smtp.school.edu.vn; Mon, 19 Aug 2019 16:58:10 +0700"
    message["Date"] = "Mon, 19 Aug 2019 10:00:00 +0700"  # the sender's clock: not used
    message["From"] = "Trường THCS Nguyễn Du <thcs.nguyendu@school.edu.vn>"
    message["To"] = "cuocthi@pgd.edu.vn"
    message["Subject"] = "Bài dự thi trường THCS Nguyễn Du"
    message.set_content("Kính gửi Ban tổ chức, trường gửi bài dự thi.")
    message.add_attachment(
        _school_zip(), maintype="application", subtype="zip", filename="Bài dự thi.zip"
    )
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="Danh sách.pdf")
    message.add_attachment(
        b"docx bytes",
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="Bài dự thi.docx",
    )
    forwarded = EmailMessage()
    forwarded["From"] = "gv@school.edu.vn"
    forwarded["Subject"] = "Fwd"
    forwarded.set_content("bài của em")
    forwarded.add_attachment(PDF, maintype="application", subtype="pdf", filename="Lê Na.pdf")
    message.add_attachment(forwarded)
    path.write_bytes(message.as_bytes(policy=SMTP))
    return path


def test_email_attachments_are_taken_with_the_mailbox_time(tmp_path: Path) -> None:
    eml = _school_email(tmp_path / "THCS Nguyễn Du.eml")
    raw = eml.read_bytes()
    assert b"filename*=utf-8''B%C3%A0i%20d%E1%BB%B1%20thi.docx" in raw  # RFC 2231 on the wire
    report = unpack_sources([eml], tmp_path / "out")
    received = datetime(2019, 8, 19, 16, 59, 30, tzinfo=ICT)
    [source] = report.sources
    assert (source.kind, source.received) == ("email", received)
    assert source.sender == "thcs.nguyendu@school.edu.vn"
    assert source.subject == "Bài dự thi trường THCS Nguyễn Du"
    assert [str(k.stored) for k in report.kept] == [
        "01 THCS Nguyễn Du/Bài dự thi/Lớp 6A/Nguyễn Thị Hồng Nhung.docx",
        "01 THCS Nguyễn Du/Bài dự thi/Lớp 7B/Trần Văn Đức.pdf",
        "01 THCS Nguyễn Du/Danh sách.pdf",
        "01 THCS Nguyễn Du/Bài dự thi.docx",
        "01 THCS Nguyễn Du/Lê Na.pdf",
    ]
    assert all(k.received == received for k in report.kept)
    assert report.kept[0].chain == (
        str(eml),
        "Bài dự thi.zip",
        "Lớp 6A/Nguyễn Thị Hồng Nhung.docx",
    )
    assert (tmp_path / "out" / report.kept[3].stored).read_bytes() == b"docx bytes"
    assert len(report.ignored) == 1
    assert report.refused == []


def test_received_falls_back_to_date_and_then_to_none(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Received"] = "from somewhere without a date"
    message["Date"] = "Tue, 20 Aug 2019 16:59:59 +0700"
    message.set_content("x")
    (tmp_path / "a.eml").write_bytes(bytes(message))
    assert read_email(tmp_path / "a.eml").received == datetime(2019, 8, 20, 16, 59, 59, tzinfo=ICT)
    bare = EmailMessage()
    bare["Subject"] = "no dates"
    bare["Date"] = "Tue, 20 Aug 2019 09:59:59 -0000"
    (tmp_path / "b.eml").write_bytes(bytes(bare))
    assert read_email(tmp_path / "b.eml").received == datetime(2019, 8, 20, 9, 59, 59, tzinfo=UTC)
    nothing = EmailMessage()
    nothing["Subject"] = "x"
    (tmp_path / "c.eml").write_bytes(bytes(nothing))
    assert read_email(tmp_path / "c.eml").received is None


def test_rfc2047_name_without_disposition_and_an_email_without_attachments(
    tmp_path: Path,
) -> None:
    raw = (
        b"Received: by mx; Mon, 19 Aug 2019 08:00:00 +0700\r\n"
        b"From: a@b.vn\r\nSubject: =?utf-8?b?QsOgaSBk4buxIHRoaQ==?=\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
        b"--XX\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
        b'--XX\r\nContent-Type: application/pdf; name="=?utf-8?b?QsOgaSBk4buxIHRoaS5wZGY=?="\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--XX--\r\n"
    )
    (tmp_path / "old.eml").write_bytes(raw)
    plain = EmailMessage()
    plain["From"] = "x@y.vn"
    plain.set_content("forgot the file")
    (tmp_path / "empty.eml").write_bytes(bytes(plain))
    garbage = tmp_path / "garbage.eml"
    garbage.write_bytes(b"\x00\x01\x02 not an e-mail")
    report = unpack_sources(
        [tmp_path / "old.eml", tmp_path / "empty.eml", garbage], tmp_path / "out"
    )
    assert [k.name for k in report.kept] == ["Bài dự thi.pdf"]
    assert report.sources[0].subject == "Bài dự thi"
    assert [r.code for r in report.refused] == [
        "unpack_email_no_attachments",
        "unpack_email_unreadable",
    ]


def test_emails_inside_a_folder_keep_their_own_time(tmp_path: Path) -> None:
    folder = tmp_path / "mailbox"
    folder.mkdir()
    _school_email(folder / "a.eml")
    (folder / "b.pdf").write_bytes(PDF)
    report = unpack_sources([folder], tmp_path / "out")
    by_name = {k.name: k for k in report.kept}
    assert by_name["b.pdf"].received is None
    assert by_name["Lê Na.pdf"].received is not None
    assert str(by_name["Lê Na.pdf"].stored) == "01 mailbox/a/Lê Na.pdf"
    assert [s.kind for s in report.sources] == ["folder", "email"]

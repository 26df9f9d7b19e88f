"""A small contest file for UI tests and screenshots: Vietnamese categories, sealed names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from judge_app.store.database import create_contest_file
from judge_app.store.models import (
    Category,
    CategoryKind,
    Contest,
    Entry,
    EntryFile,
    EntryStatus,
    FileKind,
    IdentityRecord,
    Participant,
    Unit,
)

CONTEST_NAME = "Cuộc thi “Tìm hiểu dịch vụ công trực tuyến” năm 2019"
ORGANISER = "Phòng Giáo dục và Đào tạo quận Thanh Xuân"
PARTICIPANT_NAMES = ("Nguyễn Thị Hồng Nhung", "Trần Văn Đức", "Lê Hoàng Yến")
CATEGORIES = (
    ("staff", "Cán bộ, giáo viên, nhân viên", CategoryKind.STAFF, None),
    ("g6", "Học sinh lớp 6", CategoryKind.STUDENT, 6),
    ("g7", "Học sinh lớp 7", CategoryKind.STUDENT, 7),
    ("g8", "Học sinh lớp 8", CategoryKind.STUDENT, 8),
    ("g9", "Học sinh lớp 9", CategoryKind.STUDENT, 9),
)
STATUSES = list(EntryStatus)


BADGES = ("ok", "warn", "scan", "error", None)


def make_contest_file(path: Path, entries: int = 12) -> Path:
    """A board file with `entries` entries spread over the categories, units and statuses."""
    db = create_contest_file(path)
    try:
        with db.session() as session, session.begin():
            contest = Contest(name=CONTEST_NAME, organiser=ORGANISER, year=2019)
            session.add(contest)
            session.flush()
            categories = [
                Category(
                    contest_id=contest.id, code=code, name=name, kind=kind, grade=grade, sort=number
                )
                for number, (code, name, kind, grade) in enumerate(CATEGORIES)
            ]
            units = [
                Unit(contest_id=contest.id, code=code, name=name)
                for code, name in (
                    ("THCS-KD", "Trường THCS Khương Đình"),
                    ("THCS-NC", "Trường THCS Nhân Chính"),
                    ("MN-TH", "Trường Mầm non Tuổi Hoa"),
                    ("PGD", "Phòng GD&ĐT quận Thanh Xuân"),
                )
            ]
            session.add_all([*categories, *units])
            session.flush()
            start = dt.datetime(2019, 8, 12, 8, 30)
            kinds = (FileKind.DOCX, FileKind.PDF, FileKind.IMAGE)
            for number in range(entries):
                entry = Entry(
                    contest_id=contest.id,
                    code=f"TX-{number + 1:03d}",
                    category_id=categories[number % len(categories)].id,
                    unit_id=units[number % 3].id,
                    received_at=start + dt.timedelta(hours=7 * number, minutes=13 * number),
                    status=STATUSES[number % len(STATUSES)],
                )
                session.add(entry)
                session.flush()
                for sort in range(1 + number % 3):
                    session.add(
                        EntryFile(
                            entry_id=entry.id,
                            sort=sort,
                            stored_path=f"entries/{entry.code}/{sort}.bin",
                            sha256=f"{number:032d}{sort:032d}",
                            size=1000 + sort,
                            kind=kinds[(number + sort) % len(kinds)],
                            original_name=f"{PARTICIPANT_NAMES[number % 3]} bài {sort}.docx",
                            # Every badge and "not checked" across the entries.
                            format_badge=BADGES[(number + sort) % len(BADGES)],
                        )
                    )
                name = PARTICIPANT_NAMES[number % len(PARTICIPANT_NAMES)]
                participant = Participant(contest_id=contest.id, full_name=name)
                session.add(participant)
                session.flush()
                session.add(IdentityRecord(entry_id=entry.id, participant_id=participant.id))
    finally:
        db.close()
    return path

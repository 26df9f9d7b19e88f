"""store.overview: what the main window reads, and nothing that identifies an entrant."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from contest_data import CONTEST_NAME, ORGANISER, PARTICIPANT_NAMES, make_contest_file

from judge_app.store.database import create_contest_file, open_contest_file
from judge_app.store.models import EntryStatus, FileKind
from judge_app.store.overview import read_entry_rows, read_overview


def test_overview_of_a_contest(tmp_path: Path) -> None:
    path = make_contest_file(tmp_path / "c.sqlite", entries=7)
    with open_contest_file(path) as db, db.session() as session:
        overview = read_overview(session)
        rows = read_entry_rows(session)
    assert overview.name == CONTEST_NAME and overview.organiser == ORGANISER
    assert overview.entries == 7
    assert [(c.code, c.entries) for c in overview.categories] == [
        ("staff", 2),
        ("g6", 2),
        ("g7", 1),
        ("g8", 1),
        ("g9", 1),
    ]
    assert (overview.units_with_entries, overview.units_total) == (3, 4)
    assert [row.code for row in rows] == [f"TX-{n:03d}" for n in range(1, 8)]
    first, third = rows[0], rows[2]
    assert first.category == "Cán bộ, giáo viên, nhân viên"
    assert first.file_kinds == (FileKind.DOCX,) and first.file_count == 1
    assert third.file_kinds == (FileKind.DOCX, FileKind.PDF, FileKind.IMAGE)
    assert third.file_count == 3
    assert first.received_at == dt.datetime(2019, 8, 12, 8, 30)
    assert first.status is EntryStatus.RECEIVED
    text = repr(overview) + repr(rows)
    for name in PARTICIPANT_NAMES:
        assert name not in text


def test_overview_of_an_empty_file(tmp_path: Path) -> None:
    with create_contest_file(tmp_path / "new.sqlite") as db, db.session() as session:
        overview = read_overview(session)
        assert read_entry_rows(session) == []
    assert overview.name is None and overview.entries == 0 and overview.categories == ()

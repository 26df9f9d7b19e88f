"""`judge-app demo DIR --no-gui` must give a contest a new user can really work with."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import docx
import pymupdf
import pytest
from PIL import Image
from sqlalchemy import select

from judge_app.cli import main
from judge_app.core.codes import is_valid_code
from judge_app.store.database import open_contest_file
from judge_app.store.models import (
    Category,
    Contest,
    Criterion,
    Entry,
    EntryFile,
    IdentityRecord,
    Judge,
    Participant,
    Question,
)


def test_demo_contest_entries_open(demo_dir: Path) -> None:
    db_path = demo_dir / "contest.sqlite"
    with open_contest_file(db_path) as db, db.session() as session:
        entries = session.scalars(select(Entry)).all()
        assert len(entries) >= 24
        kinds = set()
        for entry in entries:
            assert entry.files, entry.code
            for f in entry.files:
                path = demo_dir / f.stored_path
                data = path.read_bytes()
                assert hashlib.sha256(data).hexdigest() == f.sha256
                kinds.add(f.kind.value)
                if f.kind.value == "docx":
                    assert docx.Document(str(path)).paragraphs
                elif f.kind.value == "pdf":
                    with pymupdf.open(path) as pdf:
                        assert pdf.page_count >= 1
                        pdf[0].get_pixmap(dpi=30)
                else:
                    with Image.open(path) as image:
                        image.load()
        assert kinds == {"docx", "pdf", "image"}


def test_demo_contest_setup_follows_the_seed_contest(demo_dir: Path) -> None:
    with open_contest_file(demo_dir / "contest.sqlite") as db, db.session() as session:
        contest = session.scalars(select(Contest)).one()
        assert "dịch vụ công trực tuyến" in contest.name
        codes = {c.code for c in session.scalars(select(Category))}
        assert codes == {"staff", "g6", "g7", "g8", "g9"}
        criteria = session.scalars(select(Criterion)).all()
        questions = session.scalars(select(Question)).all()
        assert 4 <= len(criteria) <= 6
        total = sum(c.maximum.centi for c in criteria) + sum(q.points.centi for q in questions)
        assert total == 1000
        assert all(c.step.centi == 25 for c in criteria)
        assert session.scalars(select(Judge).where(Judge.is_head)).one()
        # Every entry's only link to a person is its identity record.
        assert session.query(IdentityRecord).count() == session.query(Entry).count()
        assert session.query(Participant).count() == session.query(Entry).count()
        assert session.query(EntryFile).count() >= session.query(Entry).count()


def test_students_come_only_from_lower_secondary_schools(demo_dir: Path) -> None:
    with open_contest_file(demo_dir / "contest.sqlite") as db, db.session() as session:
        for entry in session.scalars(select(Entry)):
            if entry.category.code != "staff":
                assert entry.unit is not None and entry.unit.code.startswith("THCS")


def test_demo_again_reopens_instead_of_overwriting(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (demo_dir / "contest.sqlite").stat().st_mtime_ns
    assert main(["--lang", "en", "demo", str(demo_dir), "--no-gui"]) == 0
    assert "existing demo contest" in capsys.readouterr().out
    assert (demo_dir / "contest.sqlite").stat().st_mtime_ns == before


def test_audit_verify_on_demo_then_tampered(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite"
    with sqlite3.connect(demo_dir / "contest.sqlite") as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    assert main(["audit", "verify", str(copy)]) == 0
    assert "nguyên vẹn" in capsys.readouterr().out
    raw = sqlite3.connect(copy)
    for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        raw.execute(f'DROP TRIGGER "{name}"')
    raw.execute("UPDATE audit_log SET actor='someone else' WHERE id=2")
    raw.commit()
    raw.close()
    assert main(["audit", "verify", str(copy)]) == 3
    assert "dòng 2" in capsys.readouterr().err


def test_demo_refuses_a_folder_with_other_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("không phải cuộc thi", encoding="utf-8")
    assert main(["demo", str(tmp_path), "--no-gui"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(tmp_path) in err[0]


def test_stored_paths_reveal_no_name_or_school(demo_dir: Path) -> None:
    with open_contest_file(demo_dir / "contest.sqlite") as db, db.read_session() as session:
        for f in session.scalars(select(EntryFile)):
            parts = f.stored_path.split("/")
            assert parts[0] == "entries" and parts[1] == f.entry.code, f.stored_path
            assert parts[2].split(".")[0].isdigit(), f.stored_path
    # Every folder is named by an entry code (số phách), nothing else.
    assert all(is_valid_code(p.name) for p in (demo_dir / "entries").iterdir())


def test_force_rebuilds_a_demo_but_never_a_real_contest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from judge_app.store.database import create_contest_file

    real = tmp_path / "real"
    real.mkdir()
    create_contest_file(real / "contest.sqlite").close()
    (real / "entries").mkdir()
    (real / "entries" / "school.docx").write_bytes(b"entry")
    assert main(["demo", str(real), "--force", "--no-gui"]) == 2
    assert (real / "entries" / "school.docx").read_bytes() == b"entry"
    assert "--force" in capsys.readouterr().err


def test_demo_into_a_file_path_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "afile"
    target.write_text("x", encoding="utf-8")
    assert main(["--lang", "en", "demo", str(target), "--no-gui"]) == 2
    assert capsys.readouterr().err.strip() == f"{target} is a file, not a folder."


def test_demo_files_carry_their_format_badge(demo_dir: Path) -> None:
    """Intake-time format check: the wrong-format entries are flagged, scans are scans."""
    with open_contest_file(demo_dir / "contest.sqlite") as db, db.read_session() as session:
        files = session.scalars(select(EntryFile)).all()
        badges = {f.original_name: f.format_badge for f in files}
    assert None not in badges.values()
    assert badges["bai thi luong thi hong.docx"] == "warn"  # Arial 12 on Letter
    assert badges["Bai du thi Phan Thi Lan Anh.pdf"] == "warn"  # Letter
    assert {b for name, b in badges.items() if name.lower().endswith((".jpg", ".tif"))} == {"scan"}
    assert list(badges.values()).count("ok") >= 12


def test_check_format_command_rechecks(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "contest.sqlite"
    with sqlite3.connect(demo_dir / "contest.sqlite") as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    (tmp_path / "entries").symlink_to(demo_dir / "entries")
    assert main(["--lang", "en", "check-format", str(copy)]) == 0
    assert "Checked the format of 0 files" in capsys.readouterr().out  # all done at intake
    assert main(["--lang", "en", "check-format", str(copy), "--recheck"]) == 0
    out = capsys.readouterr().out
    assert "cannot be read" in out and ", 0 cannot be read" in out

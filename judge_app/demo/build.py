"""Build the demo contest: the seed contest's set-up from resources/contest-sample.json (written
through the same `add_contest_setup` as `judge-app contest init`), the generated entry files,
and a board contest file that holds them, so a new user can try every step.

The demo is rebuilt only on request (`--force`); running `judge-app demo` again on the same
folder reopens what is there, so a user's grading in the demo is never thrown away silently.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge_app.core.codes import new_codes
from judge_app.core.errors import JudgeAppError
from judge_app.demo.spec import DemoEntry
from judge_app.fileio import sha256_file
from judge_app.intake.contest_config import ContestConfig, load_config, sample_config_path
from judge_app.intake.contest_setup import add_contest_setup
from judge_app.store import audit
from judge_app.store.backup import backup_contest
from judge_app.store.database import ContestDatabase, create_contest_file, open_contest_file
from judge_app.store.models import (
    Contest,
    Entry,
    EntryFile,
    EntryStatus,
    FileKind,
    IdentityRecord,
    Meta,
    Participant,
)

CONTEST_FILE = "contest.sqlite"
ACTOR = "demo"
DEMO_MARK = "demo"  # meta key: this file was made by `judge-app demo` and may be rebuilt


@dataclass(frozen=True)
class DemoResult:
    path: Path
    entries: int
    files: int
    reused: bool


def demo_config() -> ContestConfig:
    """The seed contest of resources/contest-sample.json, judges included (TB heads the board;
    GK1–GK3 grade, each from a different school)."""
    return load_config(sample_config_path())


# Real intake draws codes from the OS's cryptographic generator; the demo seeds its own so that
# every build of it has the same codes (screenshots, guides and tests name them).
DEMO_CODE_SEED = 2019


def build_demo_contest(target: Path, *, force: bool = False, packages: bool = True) -> DemoResult:
    """The demo contest in `target`; with `packages`, round 1 is assigned and each judge's
    signed grading package written (tests of assignment itself start from the unassigned demo).
    """
    target = target.resolve()
    db_path = target / CONTEST_FILE
    if db_path.exists() and not force:
        with open_contest_file(db_path) as db, db.read_session() as session:
            entries = session.query(Entry).count()
            files = session.query(EntryFile).count()
        return DemoResult(db_path, entries, files, reused=True)
    if target.exists() and not target.is_dir():
        raise JudgeAppError("not_a_folder", target)
    if target.exists() and any(target.iterdir()):
        if not force or not _is_demo(db_path):
            # --force rebuilds only what the demo made: never a real contest's folder.
            raise JudgeAppError("demo_exists", target)
        backup_contest(db_path, "pre-demo-rebuild")
        db_path.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        for made in ("entries", "keys", "packages"):
            shutil.rmtree(target / made, ignore_errors=True)
    try:
        target.mkdir(parents=True, exist_ok=True)
        from judge_app.demo.generate import generate_demo_files  # heavy: PDF/image libraries

        demo_entries = generate_demo_files(target)
        codes = new_codes(len(demo_entries), existing=set(), rng=random.Random(DEMO_CODE_SEED))
        stored = _store_by_code(target, codes, demo_entries)
    except OSError as exc:
        raise JudgeAppError("database_unwritable", target, reason=exc.strerror or str(exc)) from exc
    config = demo_config()
    with create_contest_file(db_path) as db:
        with db.session() as session, session.begin():
            session.add(Meta(key=DEMO_MARK, value="1"))
            contest = add_contest_setup(session, db, config, actor=ACTOR)
            files = _add_entries(session, contest, demo_entries, codes, stored, target)
        _check_formats(db)
    if packages:
        _make_packages(db_path, target)
    return DemoResult(db_path, len(demo_entries), files, reused=False)


def _make_packages(db_path: Path, target: Path) -> None:
    """Round 1 assigned (k=2) and one signed grading package per judge, ready to open.

    The head judge's demo key lives in `target/keys` (passphrase in DEMO_PASSPHRASE), never in
    the user's own key folder.
    """
    from judge_app.exchange.demo_packages import make_demo_packages

    make_demo_packages(db_path, target / "packages")


def _check_formats(db: ContestDatabase) -> None:
    """Badges for the entry list, as intake will give them; through the sandboxed reader."""
    from judge_app.documents.entry_check import check_contest_files
    from judge_app.documents.service import DocumentService

    with DocumentService() as service:
        check_contest_files(db, service, actor=ACTOR)


def _is_demo(db_path: Path) -> bool:
    if not db_path.is_file():
        return False
    with open_contest_file(db_path) as db:
        mark = db.read_scalar("SELECT value FROM meta WHERE key = :k", {"k": DEMO_MARK})
    return bool(mark == "1")


def _store_by_code(root: Path, codes: list[str], demo_entries: list[DemoEntry]) -> list[list[Path]]:
    """Move each entry's files to `entries/<code>/<n>.<ext>`, as intake stores them.

    Schools name files after the entrant ("Bai du thi - Nguyen Thi Ha.docx") and group them by
    school; a stored path must reveal neither, since it travels with the entry. The name the
    school gave stays in `EntryFile.original_name`, on the board's side only.
    """
    stored: list[list[Path]] = []
    for code, demo in zip(codes, demo_entries, strict=True):
        folder = root / "entries" / code
        folder.mkdir(parents=True, exist_ok=True)
        paths_for_entry = []
        for number, demo_file in enumerate(demo.files, start=1):
            destination = folder / f"{number}{demo_file.path.suffix.lower()}"
            demo_file.path.replace(destination)
            paths_for_entry.append(destination)
        stored.append(paths_for_entry)
    for leftover in sorted((root / "entries").iterdir()):
        if leftover.is_dir() and leftover.name not in set(codes):
            shutil.rmtree(leftover)
    return stored


def _add_entries(
    session: Any,
    contest: Contest,
    demo_entries: list[DemoEntry],
    codes: list[str],
    stored: list[list[Path]],
    root: Path,
) -> int:
    categories = {c.code: c for c in contest.categories}
    units = {u.code: u for u in contest.units}
    files = 0
    for code, demo, stored_files in zip(codes, demo_entries, stored, strict=True):
        participant = Participant(
            contest_id=contest.id,
            full_name=demo.participant_name,
            birth_date=demo.birth_date,
            category=categories[demo.category_code],
            unit=units[demo.unit_code],
        )
        entry = Entry(
            contest_id=contest.id,
            code=code,
            category=categories[demo.category_code],
            unit=units[demo.unit_code],
            received_at=demo.received_at,
            status=EntryStatus.READY,
        )
        session.add_all([participant, entry])
        hashes = []
        for sort, (demo_file, path) in enumerate(zip(demo.files, stored_files, strict=True)):
            digest, size = sha256_file(path)
            entry.files.append(
                EntryFile(
                    sort=sort,
                    stored_path=path.relative_to(root).as_posix(),
                    sha256=digest,
                    size=size,
                    kind=FileKind(demo_file.kind),
                    original_name=demo_file.original_name,
                )
            )
            hashes.append(digest)
            files += 1
        session.flush()
        session.add(IdentityRecord(entry_id=entry.id, participant_id=participant.id))
        audit.record(
            session,
            actor=ACTOR,
            action="entry.import",
            entity="entry",
            entity_key=code,
            before=None,
            # No unit here: the log is permanent and travels with the file; the unit is in the
            # entry row (board side), the person only in the identity record.
            after={"category": demo.category_code, "files": hashes},
        )
    return files

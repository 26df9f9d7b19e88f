"""Build the demo contest: the contest set-up from resources/demo/contest.json, the generated
entry files, and a board contest file that holds them, so a new user can try every step.

The demo is rebuilt only on request (`--force`); running `judge-app demo` again on the same
folder reopens what is there, so a user's grading in the demo is never thrown away silently.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from judge_app import paths
from judge_app.core.codes import new_codes
from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.demo.spec import DemoEntry
from judge_app.fileio import sha256_file
from judge_app.store import audit
from judge_app.store.backup import backup_contest
from judge_app.store.database import ContestDatabase, create_contest_file, open_contest_file
from judge_app.store.models import (
    Category,
    CategoryKind,
    Contest,
    Criterion,
    CriterionLevel,
    Entry,
    EntryFile,
    EntryStatus,
    FileKind,
    Headcount,
    IdentityRecord,
    Judge,
    Meta,
    Participant,
    Question,
    Stage,
    Unit,
    UnitGroup,
)

CONTEST_FILE = "contest.sqlite"
ACTOR = "demo"
DEMO_MARK = "demo"  # meta key: this file was made by `judge-app demo` and may be rebuilt

# Judges of the demo board; later issues give them keys, packages and gradings.
DEMO_JUDGES: list[dict[str, Any]] = [
    {"code": "TB", "name": "Nguyễn Văn Hùng", "unit": "PGD", "is_head": True},
    {"code": "GK1", "name": "Lê Thị Mai", "unit": "THCS-NC", "is_head": False},
    {"code": "GK2", "name": "Phạm Quốc Bảo", "unit": "THCS-KD", "is_head": False},
    {"code": "GK3", "name": "Đỗ Thị Lan Anh", "unit": "MN-TH", "is_head": False},
]


@dataclass(frozen=True)
class DemoResult:
    path: Path
    entries: int
    files: int
    reused: bool


def demo_config() -> dict[str, Any]:
    with (paths.resources_dir() / "demo" / "contest.json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _points(text: str) -> Points:
    return Points.from_decimal(Decimal(text))


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
            contest = _add_setup(session, config)
            files = _add_entries(session, contest, demo_entries, codes, stored, target)
            _add_judges(session, contest)
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


def _add_setup(session: Any, config: dict[str, Any]) -> Contest:
    contest = Contest(
        name=config["name"],
        organiser=config["organiser"],
        tier=config["tier"],
        year=config["year"],
        reference_date=dt.date.fromisoformat(config["reference_date"]),
        judges_per_entry=config["judges_per_entry"],
        max_total=_points(config["max_total"]),
        score_step=_points(config["score_step"]),
        quality_threshold=_points(config["quality_threshold"]),
        quality_target_percent=config["quality_target_percent"],
    )
    session.add(contest)
    for stage in config["stages"]:
        contest.stages.append(Stage(number=stage["number"], name=stage["name"]))
    groups = {}
    for group in config["unit_groups"]:
        groups[group["code"]] = UnitGroup(
            code=group["code"],
            name=group["name"],
            deadline=dt.datetime.fromisoformat(group["deadline"]),
        )
        contest.unit_groups.append(groups[group["code"]])
    categories = {}
    for sort, cat in enumerate(config["categories"]):
        categories[cat["code"]] = Category(
            code=cat["code"],
            name=cat["name"],
            kind=CategoryKind(cat["kind"]),
            grade=cat.get("grade"),
            sort=sort,
        )
        contest.categories.append(categories[cat["code"]])
    for unit_cfg in config["units"]:
        unit = Unit(code=unit_cfg["code"], name=unit_cfg["name"], group=groups[unit_cfg["group"]])
        contest.units.append(unit)
        for cat_code, count in unit_cfg["headcounts"].items():
            unit.headcounts.append(Headcount(category=categories[cat_code], count=count))
    for q in config["questions"]:
        contest.questions.append(
            Question(
                number=q["number"],
                prompt=q["prompt"],
                options=q["options"],
                answer=q["answer"],
                points=_points(q["points"]),
            )
        )
    for sort, c in enumerate(config["criteria"]):
        criterion = Criterion(
            code=c["code"],
            name=c["name"],
            guide=c["guide"],
            maximum=_points(c["maximum"]),
            step=_points(c["step"]),
            sort=sort,
        )
        for level in c.get("levels", []):
            criterion.levels.append(
                CriterionLevel(
                    low=_points(level["low"]),
                    high=_points(level["high"]),
                    descriptor=level["descriptor"],
                )
            )
        contest.criteria.append(criterion)
    session.flush()
    audit.record(
        session,
        actor=ACTOR,
        action="contest.create",
        entity="contest",
        entity_key=contest.uuid,
        before=None,
        after={
            "name": contest.name,
            "categories": [c["code"] for c in config["categories"]],
            "units": [u["code"] for u in config["units"]],
            "questions": len(config["questions"]),
            "criteria": [c["code"] for c in config["criteria"]],
        },
    )
    return contest


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


def _add_judges(session: Any, contest: Contest) -> None:
    units = {u.code: u for u in contest.units}
    for spec in DEMO_JUDGES:
        judge = Judge(
            contest_id=contest.id,
            code=spec["code"],
            name=spec["name"],
            unit=units[spec["unit"]],
            is_head=spec["is_head"],
        )
        session.add(judge)
        audit.record(
            session,
            actor=ACTOR,
            action="judge.add",
            entity="judge",
            entity_key=spec["code"],
            before=None,
            after={"name": spec["name"], "unit": spec["unit"], "head": spec["is_head"]},
        )

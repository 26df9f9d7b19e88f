"""A judge's workspace: the contest file a grading package becomes on the judge's computer.

`open_package` verifies the package (`package_verify`), then writes a ``workspace`` contest
file holding only what the package carries: the contest's name and scoring settings, the
categories, the rubric (with the multiple-choice answer key), the judge, the head judge (with
the pinned key), the entries (code, category, status) with their files, and the round's
assignments. Entry files go to ``<workspace-stem>-files/<code>/<n>.<ext>`` beside the workspace
file, which the `EntryFile.stored_path` rows name relative to the workspace's folder; their
original names stay empty. A second package of the same contest and judge (another round, a
third grading) adds its entries and assignments to the same workspace.

Each entry file is hashed again when first opened (`verify_entry_file`): the folder is plain
files anyone on the computer can change after the package was checked.
"""

from __future__ import annotations

import hashlib
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.exchange import keys
from judge_app.exchange.package_verify import (
    ManifestEntry,
    VerifiedPackage,
    pin_head_key,
    verify_package,
)
from judge_app.fileio import sha256_file, write_atomically
from judge_app.store import audit
from judge_app.store.database import (
    ContestDatabase,
    create_contest_file,
    open_contest_file,
    sqlite_file_parts,
    table_of,
)
from judge_app.store.models import (
    Assignment,
    Category,
    CategoryKind,
    Contest,
    Criterion,
    CriterionLevel,
    Entry,
    EntryFile,
    EntryStatus,
    FileKind,
    FileRole,
    Judge,
    Question,
)

__all__ = ["OPEN_ACTION", "WorkspaceReport", "files_dir", "open_package", "verify_entry_file"]

OPEN_ACTION = "workspace.open"
ACTOR = "judge"


@dataclass(frozen=True, slots=True)
class WorkspaceReport:
    path: Path
    package: Path
    contest: str
    judge: str
    round: int
    entries_added: int
    files_written: int
    head_fingerprint: str
    head_pinned_now: bool
    manifest_sha256: str


def files_dir(workspace_path: Path) -> Path:
    """The folder beside the workspace file that holds its entry files."""
    workspace_path = Path(workspace_path)
    return workspace_path.parent / f"{workspace_path.stem}-files"


def open_package(
    package_path: Path,
    workspace_path: Path,
    *,
    accept_fingerprint: str | None = None,
    pinned_keys_dir: Path | None = None,
) -> WorkspaceReport:
    """Verify `package_path` and build (or extend) the workspace at `workspace_path`.

    `accept_fingerprint` is the head judge's fingerprint as read aloud; it is needed only the
    first time this computer sees a package of the contest, and then pins the key.
    """
    package = verify_package(
        package_path, accept_fingerprint=accept_fingerprint, pinned_keys_dir=pinned_keys_dir
    )
    workspace_path = Path(workspace_path)
    created = not workspace_path.exists()
    if created:
        try:
            workspace_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise JudgeAppError(
                "database_unwritable", workspace_path, reason=exc.strerror or str(exc)
            ) from exc
    db = (
        create_contest_file(workspace_path, FileRole.WORKSPACE)
        if created
        else open_contest_file(workspace_path)
    )
    written: list[Path] = []
    try:
        with db:
            if not created:
                _check_existing(db, package)
            new_entries = _new_entries(db, package)
            _write_files(package, _targets(new_entries, workspace_path), written)
            _write_rows(db, package, new_entries, workspace_path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        if created:
            for part in sqlite_file_parts(workspace_path):
                part.unlink(missing_ok=True)
        raise
    if package.newly_trusted:
        pin_head_key(package.contest_uuid, package.head_public_key, pinned_keys_dir)
    return WorkspaceReport(
        path=workspace_path,
        package=package.path,
        contest=str(package.manifest["contest"].get("name", "")),
        judge=package.judge_code,
        round=package.round,
        entries_added=len(new_entries),
        files_written=len(written),
        head_fingerprint=package.head_fingerprint,
        head_pinned_now=package.newly_trusted,
        manifest_sha256=package.manifest_sha256,
    )


def _check_existing(db: ContestDatabase, package: VerifiedPackage) -> None:
    if db.role is not FileRole.WORKSPACE:
        raise JudgeAppError("workspace_not_workspace", db.path)
    with db.read_session() as session:
        uuids = session.scalars(select(Contest.uuid)).all()
        if uuids and list(uuids) != [package.contest_uuid]:
            raise JudgeAppError(
                "package_foreign_contest",
                package.path,
                workspace=str(db.path),
                contest=package.contest_uuid,
                workspace_contest=", ".join(uuids),
            )
        graders = session.scalars(select(Judge.code).where(Judge.is_head.is_(False))).all()
        if graders and list(graders) != [package.judge_code]:
            raise JudgeAppError(
                "package_other_judge",
                package.path,
                workspace=str(db.path),
                judge=package.judge_code,
                workspace_judge=", ".join(graders),
            )


def _points(value: Any) -> Points:
    return Points(int(value))


def _add_setup(session: Session, manifest: dict[str, Any], package: VerifiedPackage) -> Contest:
    """Contest, categories, rubric, judge and head judge: written once, by the first package."""
    data = manifest["contest"]
    contest = Contest(
        uuid=package.contest_uuid,
        name=str(data.get("name", "")),
        year=data.get("year"),
        max_total=_points(data.get("max_total", 1000)),
        score_step=_points(data.get("score_step", 25)),
        rounding=str(data.get("rounding", "half_up_2")),
    )
    session.add(contest)
    session.flush()
    for item in manifest.get("categories", []):
        session.add(
            Category(
                contest_id=contest.id,
                code=item["code"],
                name=item["name"],
                kind=CategoryKind(item["kind"]),
                grade=item.get("grade"),
                sort=item.get("sort", 0),
            )
        )
    rubric = manifest.get("rubric", {})
    for item in rubric.get("questions", []):
        session.add(
            Question(
                contest_id=contest.id,
                number=item["number"],
                prompt=item["prompt"],
                options=item["options"],
                answer=item["answer"],
                points=_points(item["points"]),
            )
        )
    for item in rubric.get("criteria", []):
        criterion = Criterion(
            contest_id=contest.id,
            code=item["code"],
            name=item["name"],
            guide=item.get("guide", ""),
            maximum=_points(item["maximum"]),
            step=_points(item["step"]),
            sort=item.get("sort", 0),
        )
        criterion.levels = [
            CriterionLevel(
                low=_points(level["low"]),
                high=_points(level["high"]),
                descriptor=level["descriptor"],
            )
            for level in item.get("levels", [])
        ]
        session.add(criterion)
    head = manifest["head"]
    session.add(
        Judge(
            contest_id=contest.id,
            code=str(head.get("code", "")),
            name=str(head.get("name", "")),
            is_head=True,
            key_fingerprint=package.head_fingerprint,
            public_key=keys.public_key_der(package.head_public_key),
        )
    )
    session.add(Judge(contest_id=contest.id, code=package.judge_code, name=package.judge_name))
    session.flush()
    return contest


def _new_entries(db: ContestDatabase, package: VerifiedPackage) -> list[ManifestEntry]:
    """The package's entries the workspace does not hold yet (all of them in a new one)."""
    with db.read_session() as session:
        known = set(session.scalars(select(Entry.code)).all())
    return [entry for entry in package.entries if entry.code not in known]


def _relative(workspace_path: Path, member: str) -> str:
    """`EntryFile.stored_path` of a member: relative to the workspace's folder."""
    return f"{files_dir(workspace_path).name}/{member.removeprefix('files/')}"


def _targets(entries: list[ManifestEntry], workspace_path: Path) -> list[tuple[str, Path]]:
    return [
        (item.path, workspace_path.parent / _relative(workspace_path, item.path))
        for entry in entries
        for item in entry.files
    ]


def _write_rows(
    db: ContestDatabase,
    package: VerifiedPackage,
    new_entries: list[ManifestEntry],
    workspace_path: Path,
) -> None:
    """Every row in one transaction, with the audit row naming the package's manifest."""
    manifest = package.manifest
    with db.session() as session, session.begin():
        contest = session.scalars(select(Contest)).first()
        if contest is None:
            try:
                contest = _add_setup(session, manifest, package)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                # Signed, so the head judge's app wrote it: a version skew, not a forgery.
                raise JudgeAppError(
                    "package_manifest_invalid", package.path, reason=repr(exc)
                ) from exc
        categories = {
            code: id_ for code, id_ in session.execute(select(Category.code, Category.id))
        }
        judge_id = session.scalars(
            select(Judge.id).where(Judge.code == package.judge_code, Judge.is_head.is_(False))
        ).one()
        for entry in new_entries:
            if entry.category not in categories:
                raise JudgeAppError(
                    "package_manifest_invalid", package.path, reason=f"category {entry.category}"
                )
        if new_entries:  # Core inserts: 500 entries' rows in milliseconds
            session.execute(
                insert(table_of(Entry)),
                [
                    {
                        "contest_id": contest.id,
                        "code": e.code,
                        "category_id": categories[e.category],
                        "status": EntryStatus.ASSIGNED,
                    }
                    for e in new_entries
                ],
            )
        known = {code: id_ for code, id_ in session.execute(select(Entry.code, Entry.id))}
        file_rows: list[dict[str, Any]] = []
        for entry in new_entries:
            for item in entry.files:
                file_rows.append(
                    {
                        "entry_id": known[entry.code],
                        "sort": item.n - 1,
                        "stored_path": _relative(workspace_path, item.path),
                        "sha256": item.sha256,
                        "size": item.size,
                        "kind": _kind(item.kind),
                        "original_name": "",
                    }
                )
        if file_rows:
            session.execute(insert(table_of(EntryFile)), file_rows)
        assigned = set(
            session.scalars(
                select(Assignment.entry_id).where(
                    Assignment.judge_id == judge_id, Assignment.round == package.round
                )
            ).all()
        )
        assignment_rows = [
            {"entry_id": known[e.code], "judge_id": judge_id, "round": package.round}
            for e in package.entries
            if known[e.code] not in assigned
        ]
        if assignment_rows:
            session.execute(insert(table_of(Assignment)), assignment_rows)
        audit.record(
            session,
            actor=ACTOR,
            action=OPEN_ACTION,
            entity="package",
            entity_key=package.manifest_sha256,
            before=None,
            after={
                "manifest_sha256": package.manifest_sha256,
                "judge": package.judge_code,
                "round": package.round,
                "entries": len(package.entries),
                "entries_added": len(new_entries),
                "head_fingerprint": package.head_fingerprint,
                "head_pinned_now": package.newly_trusted,
            },
        )


def _kind(value: str) -> FileKind:
    try:
        return FileKind(value)
    except ValueError:
        return FileKind.OTHER


def _write_files(
    package: VerifiedPackage, targets: list[tuple[str, Path]], written: list[Path]
) -> None:
    """Copy the verified members out, listing each in `written` (for clean-up on failure);
    each is hashed again as it is read, since the package could have changed meanwhile."""
    expected = {f.path: f.sha256 for entry in package.entries for f in entry.files}
    with zipfile.ZipFile(package.path) as archive:
        for member, target in targets:
            try:
                data = archive.read(member)
            except (KeyError, zipfile.BadZipFile):
                raise JudgeAppError("package_member_edited", package.path, member=member) from None
            if hashlib.sha256(data).hexdigest() != expected[member]:
                raise JudgeAppError("package_member_edited", package.path, member=member)
            try:
                write_atomically(target, data)
            except OSError as exc:
                raise JudgeAppError(
                    "database_unwritable", target, reason=exc.strerror or str(exc)
                ) from exc
            written.append(target)


# Checking a file when it is first opened ------------------------------------------------

_checked: dict[tuple[str, str, int, int], str] = {}
_checked_lock = threading.Lock()


def verify_entry_file(db: ContestDatabase, code: str, n: int) -> bool:
    """Whether file `n` (from 1) of entry `code` still has the hash the package gave it.

    Hashed the first time it is asked for; again only when the file's size or modification
    time changed. A missing file is False; an unknown entry or file number is an error.
    """
    with db.read_session() as session:
        row = session.execute(
            select(EntryFile.stored_path, EntryFile.sha256)
            .join(Entry, Entry.id == EntryFile.entry_id)
            .where(Entry.code == code, EntryFile.sort == n - 1)
        ).first()
    if row is None:
        raise JudgeAppError("workspace_file_unknown", db.path, entry=code, n=n)
    stored_path, expected = row
    path = db.path.parent / stored_path
    try:
        stat = path.stat()
    except OSError:
        return False
    key = (str(path.resolve()), expected, stat.st_size, stat.st_mtime_ns)
    with _checked_lock:
        if _checked.get(key) == expected:
            return True
    try:
        actual, _ = sha256_file(path)
    except OSError:
        return False
    if actual != expected:
        return False
    with _checked_lock:
        _checked[key] = expected
    return True

"""Backups of a contest file through SQLite's online backup API.

A backup is a consistent snapshot even while the app writes (the API copies under a read
transaction), is checked (quick_check) before it lands atomically (temp file, fsync, rename),
and lives outside the contest folder in the per-user backup directory, one folder per contest
file. The newest N routine backups are kept; backups taken before a migration are never rotated
out, because they are the only copy in the old schema. Order comes from a sequence number in
the name, not the clock, so a clock set back never makes a new backup look old.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
from pathlib import Path

from judge_app import paths
from judge_app.core.errors import JudgeAppError
from judge_app.fileio import fsync_directory
from judge_app.store.database import (
    ContestDatabase,
    connect_sqlite,
    raise_translated,
    sqlite_file_parts,
)

DEFAULT_KEEP = 10
SUFFIX = ".sqlite"
KEEP_FOREVER_REASONS = ("pre-migration",)
_REASON_CHARS = re.compile(r"[^A-Za-z0-9_-]+")
_SEQUENCE = re.compile(r"^(\d{6,})-")


def contest_backup_dir(path: Path) -> Path:
    """`<backup_dir>/<stem>-<8 hex of sha256(absolute path)>`: two files named alike stay apart."""
    absolute = Path(path).resolve()
    # fsencode: a path that is not valid UTF-8 (old USB sticks, Windows-1258 names) still works.
    digest = hashlib.sha256(os.fsencode(absolute)).hexdigest()[:8]
    return paths.backup_dir() / f"{absolute.stem}-{digest}"


def _sequence(path: Path) -> int:
    match = _SEQUENCE.match(path.name)
    return int(match.group(1)) if match else -1


def list_backups(path: Path) -> list[Path]:
    """Backups of the contest file at `path`, newest first (by their sequence number)."""
    folder = contest_backup_dir(path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.suffix == SUFFIX and _sequence(p) >= 0]
    return sorted(found, key=lambda p: (_sequence(p), p.name), reverse=True)


def newest_backup(path: Path) -> Path | None:
    backups = list_backups(path)
    return backups[0] if backups else None


def _label(reason: str) -> str:
    return _REASON_CHARS.sub("_", reason).strip("_-")[:40] or "backup"


def _backup_name(reason: str, folder: Path) -> Path:
    """`<sequence>-<UTC time>-<reason>.sqlite`: the sequence orders, the time informs."""
    existing = [_sequence(p) for p in folder.iterdir() if p.suffix == SUFFIX]
    number = max(existing, default=0) + 1
    now = dt.datetime.now(dt.UTC)
    stamp = f"{now:%Y%m%dT%H%M%S}Z"
    target = folder / f"{number:06d}-{stamp}-{_label(reason)}{SUFFIX}"
    while target.exists():
        number += 1
        target = folder / f"{number:06d}-{stamp}-{_label(reason)}{SUFFIX}"
    return target


def backup_contest(
    db_or_path: ContestDatabase | Path, reason: str, *, keep: int = DEFAULT_KEEP
) -> Path:
    """Snapshot the contest file into its backup folder; drop all but the newest `keep`."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    source_path = db_or_path.path if isinstance(db_or_path, ContestDatabase) else Path(db_or_path)
    if not source_path.is_file():
        raise JudgeAppError("file_not_found", source_path)
    folder = contest_backup_dir(source_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _backup_name(reason, folder)
    except OSError as exc:
        raise JudgeAppError("database_unwritable", folder, reason=exc.strerror or str(exc)) from exc
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        source = connect_sqlite(source_path)
        try:
            destination = connect_sqlite(temporary)
            try:
                # A WAL-mode target cannot change its page size, and the backup API must copy
                # the source's: set it on the still-empty target first. The copy's header
                # comes from the source, so the finished backup is in WAL mode again.
                page_size = int(source.execute("PRAGMA page_size").fetchone()[0])
                destination.execute("PRAGMA journal_mode=DELETE")
                destination.execute(f"PRAGMA page_size={page_size}")
                source.backup(destination)
            finally:
                destination.close()  # checkpoints the copy into the temp file itself
        finally:
            source.close()
        _check_copy(temporary, source_path)
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        temporary.replace(target)  # atomic rename over nothing: a reader sees all or none
        fsync_directory(folder)
    except sqlite3.Error as exc:
        raise_translated(exc, source_path)
    except OSError as exc:
        raise JudgeAppError("database_unwritable", target, reason=exc.strerror or str(exc)) from exc
    finally:
        for leftover in sqlite_file_parts(temporary):
            leftover.unlink(missing_ok=True)
    _rotate(source_path, keep)
    return target


def _check_copy(copy: Path, source_path: Path) -> None:
    """A damaged file must not push good backups out: check the copy before it counts."""
    from judge_app.store.database import corrupt_error

    connection = connect_sqlite(copy)
    try:
        rows = [r[0] for r in connection.execute("PRAGMA quick_check").fetchall()]
    finally:
        connection.close()
    if rows != ["ok"]:
        raise corrupt_error(source_path, "; ".join(str(r) for r in rows[:3]))


def _rotate(path: Path, keep: int) -> None:
    routine = [p for p in list_backups(path) if not p.stem.endswith(KEEP_FOREVER_REASONS)]
    for old in routine[keep:]:
        old.unlink(missing_ok=True)

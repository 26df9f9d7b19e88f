"""Opening, creating and migrating a contest file; the one place that connects to SQLite.

Every connection gets the same pragmas (WAL, synchronous=FULL, foreign keys, busy timeout) from
one `connect` listener, so pool connections, Alembic's and any later one behave alike. Every
transaction starts with ``BEGIN IMMEDIATE`` (SQLAlchemy's documented pysqlite recipe): a writer
takes the write lock up front instead of upgrading a read lock later, which is what deadlocks
two writers in SQLite. The price: any open transaction, even one that only read, holds the
write lock, so end sessions' transactions promptly (``with db.session() as s, s.begin(): ...``).
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, InvalidStateError
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, NoReturn, cast

from sqlalchemy import Engine, Table, create_engine, event
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import URL, Connection, ExceptionContext
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection
from sqlalchemy.sql import ClauseElement

import judge_app
from judge_app.core.errors import JudgeAppError
from judge_app.store.migrations import HEAD_REVISION, MIGRATIONS_DIR
from judge_app.store.models import Base, FileRole, Meta
from judge_app.store.stored import utcnow

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Read at each connect, so a test can shorten it.
BUSY_TIMEOUT_MS = 5000
# Files up to this size are checked before `open_contest_file` returns; larger ones in the
# background, because quick_check reads every page (seconds for hundreds of MB).
SYNC_CHECK_LIMIT = 64 * 1024 * 1024
SQLITE_MAGIC = b"SQLite format 3\x00"
AUDIT_HEAD_KEY = "audit_head"
GENESIS_HASH = "0" * 64

IntegrityMode = Literal["auto", "sync", "background", "skip"]

# Compiled SQL for the hot paths uses named parameters, which sqlite3 binds from a dict.
SQL_DIALECT = sqlite_dialect.dialect(paramstyle="named")


def session_driver(session: Session) -> sqlite3.Connection:
    """The session's own sqlite3 connection (same transaction), for bulk reads where ORM rows
    and result wrappers would cost more than SQLite itself (100,000-entry settlements)."""
    return cast(sqlite3.Connection, session.connection().connection.driver_connection)


def table_of(model: type[Base]) -> Table:
    """The mapped table, typed as a Table (mypy sees `__table__` as a bare FromClause)."""
    return cast(Table, model.__table__)


def compile_sql(statement: ClauseElement) -> str:
    """SQL text of a Core statement, for code that runs it on the raw connection (hot path)."""
    return str(statement.compile(dialect=SQL_DIALECT))


# ---------------------------------------------------------------------------------------------
# Connections and errors


def apply_pragmas(connection: sqlite3.Connection, path: Path) -> None:
    """The settings every connection needs; called for raw and pooled connections alike."""
    # Autocommit at the driver level: we emit BEGIN IMMEDIATE / COMMIT ourselves.
    connection.isolation_level = None
    try:
        connection.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
        mode = connection.execute("PRAGMA journal_mode=WAL").fetchone()
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as exc:
        raise_translated(exc, path)
    if mode is None or str(mode[0]).lower() != "wal":
        raise JudgeAppError("database_unwritable", path, reason=f"journal_mode={mode}")


def connect_sqlite(path: Path) -> sqlite3.Connection:
    """A raw sqlite3 connection with the app's pragmas (backup API, integrity checks).

    The caller closes it. Nothing else in the package calls `sqlite3.connect`.
    """
    try:
        connection = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
    except sqlite3.Error as exc:
        raise_translated(exc, path)
    try:
        apply_pragmas(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection


def translate_error(exc: BaseException, path: Path) -> JudgeAppError | None:
    """The user-facing error behind an sqlite3 failure, or None when it is a programming error."""
    if not isinstance(exc, sqlite3.Error) or isinstance(exc, sqlite3.IntegrityError):
        return None
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return JudgeAppError("database_locked", path)
    if "file is not a database" in text:
        return JudgeAppError("not_a_database", path)
    if "malformed" in text or "corrupt" in text:
        return corrupt_error(path, str(exc))
    if any(
        word in text
        for word in ("unable to open", "readonly", "read-only", "disk i/o", "full", "permission")
    ):
        return JudgeAppError("database_unwritable", path, reason=str(exc))
    return None


def raise_translated(exc: sqlite3.Error, path: Path) -> NoReturn:
    """Raise the user-facing error for `exc`, or `exc` itself when it is a programming error."""
    error = translate_error(exc, path)
    if error is None:
        raise exc
    raise error from exc


def corrupt_error(path: Path, reason: str) -> JudgeAppError:
    """database_corrupt naming the newest backup, because that is what the user needs next."""
    from judge_app.store.backup import newest_backup

    newest = newest_backup(path)
    return JudgeAppError(
        "database_corrupt", path, reason=reason, backup=str(newest) if newest else "no_backup"
    )


READ_ONLY_OPTION = "judge_app_read_only"


def _make_engine(path: Path) -> Engine:
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        apply_pragmas(cast(sqlite3.Connection, dbapi_connection), path)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Readers take a deferred snapshot (WAL lets them run beside a writer); everything
        # else takes the write lock at BEGIN so two writers never deadlock on an upgrade.
        if connection.get_execution_options().get(READ_ONLY_OPTION):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        error = translate_error(context.original_exception, path)
        if error is not None:
            raise error from context.original_exception

    return engine


# ---------------------------------------------------------------------------------------------
# The open file


class ContestDatabase:
    """An open contest file: its engine, ORM sessions, and the raw connection for keystrokes."""

    path: Path
    engine: Engine
    integrity_future: Future[JudgeAppError | None]

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            bind=engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False
        )
        self._role: FileRole | None = None
        self._write_lock = threading.Lock()
        self._writer: PoolProxiedConnection | None = None
        self._integrity_check: _IntegrityCheck | None = None
        self.integrity_future = Future()
        self.integrity_future.set_result(None)
        self._closed = False

    def session(self) -> Session:
        """A new ORM session; its first statement takes the write lock until commit/rollback."""
        return self._sessions()

    def read_session(self) -> Session:
        """A session for reading only: a snapshot that never blocks (nor waits for) a writer.

        Screens and reports use it, so a window left open cannot stall a judge's keystrokes or
        a merge in another process. Writing through it is a programming error.
        """
        return self._read_sessions()

    @property
    def role(self) -> FileRole:
        if self._role is None:
            value = self.read_scalar("SELECT value FROM meta WHERE key = 'role'")
            if value is None:
                raise JudgeAppError("not_a_database", self.path)
            self._role = FileRole(value)
        return self._role

    def read_scalar(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        """One value read outside any transaction, so it takes no write lock."""
        raw = self.engine.raw_connection()
        try:
            driver = cast(sqlite3.Connection, raw.driver_connection)
            row = driver.execute(sql, params or {}).fetchone()
        except sqlite3.Error as exc:
            raise_translated(exc, self.path)
        finally:
            raw.close()
        return None if row is None else row[0]

    @contextmanager
    def write_transaction(self) -> Iterator[sqlite3.Connection]:
        """One BEGIN IMMEDIATE … COMMIT on a raw connection kept for the hot path.

        SQLAlchemy's per-statement work costs more than SQLite's commit here, so the keystroke
        path runs precompiled Core SQL on the driver connection. Not re-entrant.
        """
        with self._write_lock:
            if self._closed:
                raise RuntimeError(f"{self.path} is closed")
            if self._writer is None:
                self._writer = self.engine.raw_connection()
            connection = cast(sqlite3.Connection, self._writer.driver_connection)
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise_translated(exc, self.path)
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException as exc:
                self._rollback(connection)
                if isinstance(exc, sqlite3.Error):
                    raise_translated(exc, self.path)
                raise

    def _rollback(self, connection: sqlite3.Connection) -> None:
        if not connection.in_transaction:
            return
        try:
            connection.execute("ROLLBACK")
        except sqlite3.Error:
            # The connection is unusable; drop it so the next write gets a fresh one. The
            # original error is what the caller must see.
            if self._writer is not None:
                self._writer.invalidate()
                self._writer = None

    def close(self) -> None:
        """Stop a background check, return the raw connection and close every pooled one."""
        if self._closed:
            return
        self._closed = True
        if self._integrity_check is not None:
            self._integrity_check.stop()
        with self._write_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
        self.engine.dispose()
        self._checkpoint()

    def _checkpoint(self) -> None:
        """Fold the WAL into the main file, so the closed contest is whole in one file.

        Committed transactions live in `-wal` until a checkpoint; a board that copies the
        `.sqlite` file to a USB stick after closing the app must get every score.
        """
        try:
            connection = connect_sqlite(self.path)
        except (sqlite3.Error, JudgeAppError, OSError):
            return  # read-only media or the file is gone: nothing to fold, nothing lost
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # another process still has it open; it checkpoints when it closes
        finally:
            connection.close()

    def __enter__(self) -> ContestDatabase:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ContestDatabase({str(self.path)!r})"


# ---------------------------------------------------------------------------------------------
# Integrity


def quick_check(
    path: Path, on_connect: Callable[[sqlite3.Connection], None] | None = None
) -> JudgeAppError | None:
    """Run ``PRAGMA quick_check``; the error to show, or None when the file is sound."""
    try:
        connection = connect_sqlite(path)
    except JudgeAppError as exc:
        if exc.code in ("not_a_database", "database_corrupt"):
            return corrupt_error(path, exc.params.get("reason", exc.code))
        return exc
    try:
        if on_connect is not None:
            on_connect(connection)
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if "interrupt" in str(exc).lower():
            return None
        return translate_error(exc, path) or corrupt_error(path, str(exc))
    finally:
        connection.close()
    if [tuple(row) for row in rows] == [("ok",)]:
        return None
    return corrupt_error(path, "; ".join(str(row[0]) for row in rows[:3]))


class _IntegrityCheck:
    """quick_check in a plain thread; `stop()` interrupts it when the file is closed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Left PENDING (never set running) so `stop()` can still cancel it.
        self.future: Future[JudgeAppError | None] = Future()
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._stopped = False
        self._thread = threading.Thread(
            target=self._run, name=f"quick_check {path.name}", daemon=True
        )
        self._thread.start()

    def _remember(self, connection: sqlite3.Connection) -> None:
        with self._lock:
            self._connection = connection
            if self._stopped:
                connection.interrupt()

    def _run(self) -> None:
        try:
            outcome: JudgeAppError | BaseException | None = quick_check(
                self.path, on_connect=self._remember
            )
        except BaseException as exc:  # handed to whoever polls the future, never swallowed
            outcome = exc
        with self._lock:
            self._connection = None
        self._settle(outcome)

    def _settle(self, outcome: JudgeAppError | BaseException | None) -> None:
        try:
            if isinstance(outcome, BaseException) and not isinstance(outcome, JudgeAppError):
                self.future.set_exception(outcome)
            else:
                self.future.set_result(outcome)
        except InvalidStateError:
            pass  # cancelled by stop(): nobody is waiting any more

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._connection is not None:
                self._connection.interrupt()
        self.future.cancel()
        self._thread.join()


# ---------------------------------------------------------------------------------------------
# Migrations


def alembic_config() -> Config:
    """Alembic's configuration built in code: the package folder is the script location."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@functools.cache
def script_directory() -> ScriptDirectory:
    """Loaded only when a file is not at `HEAD_REVISION` (it parses every revision file)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def run_migration(engine: Engine, target: str = "head", *, downgrade: bool = False) -> None:
    """Upgrade (or downgrade) the file in one transaction, with foreign keys off meanwhile.

    The connection comes from the engine with every pragma, but foreign keys are switched off
    for the migration itself: Alembic's batch mode drops and recreates tables, and with
    foreign keys on, dropping a parent table cascades its ON DELETE rules and empties the child
    tables. SQLite's own procedure for schema changes does the same; `foreign_key_check` runs
    before the commit and the pragma is restored afterwards. `legacy_alter_table` is on for the
    same copy-and-rename: the triggers guarding criteria and questions (0004) name `grading`,
    and a rename checked against them would fail while the copy is still `_alembic_tmp_grading`.
    """
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        driver = cast(sqlite3.Connection, connection.connection.driver_connection)
        driver.execute("PRAGMA foreign_keys=OFF")
        driver.execute("PRAGMA legacy_alter_table=ON")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                if downgrade:
                    command.downgrade(config, target)
                else:
                    command.upgrade(config, target)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:  # rolls the whole migration back; the file stays as it was
                    raise corrupt_error(
                        Path(str(engine.url.database)), f"foreign_key_check: {broken[:3]}"
                    )
        finally:
            driver.execute("PRAGMA legacy_alter_table=OFF")
            driver.execute("PRAGMA foreign_keys=ON")


def _schema_revision(engine: Engine, path: Path) -> str | None:
    """The file's Alembic revision; None for a file migrated down to base."""
    raw = engine.raw_connection()
    try:
        driver = cast(sqlite3.Connection, raw.driver_connection)
        tables = {
            name
            for (name,) in driver.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name IN ('alembic_version', 'meta')"
            )
        }
        row = None
        if "alembic_version" in tables:
            row = driver.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as exc:
        raise_translated(exc, path)
    finally:
        raw.close()
    # Another program's SQLite file (even one managed by Alembic) has no `meta` table.
    if "alembic_version" not in tables or (row is not None and "meta" not in tables):
        raise JudgeAppError("not_a_database", path)
    return None if row is None else str(row[0])


def _bring_to_head(engine: Engine, path: Path) -> None:
    revision = _schema_revision(engine, path)
    if revision == HEAD_REVISION:
        return
    if revision is not None:
        from alembic.util import CommandError

        try:
            known = script_directory().get_revision(revision)
        except CommandError:
            known = None
        if known is None:
            raise JudgeAppError("database_too_new", path, revision=revision)
    from judge_app.store.backup import backup_contest

    backup_contest(path, "pre-migration")
    run_migration(engine, "head")


# ---------------------------------------------------------------------------------------------
# Public entry points


def create_contest_file(path: Path, role: FileRole = FileRole.BOARD) -> ContestDatabase:
    """A new contest file at the newest schema; never overwrites an existing file."""
    path = Path(path)
    try:
        # Claiming the name with O_EXCL makes "refuse to overwrite" race-free; SQLite treats
        # the empty file as an empty database.
        with path.open("xb"):
            pass
    except FileExistsError:
        raise JudgeAppError("file_exists", path) from None
    except OSError as exc:
        raise JudgeAppError("database_unwritable", path, reason=exc.strerror or str(exc)) from exc
    engine: Engine | None = None
    try:
        engine = _make_engine(path)
        run_migration(engine, "head")
        with engine.begin() as connection:
            meta = table_of(Meta)
            connection.execute(
                meta.insert(),
                [
                    {"key": "role", "value": FileRole(role).value},
                    {"key": "app_version", "value": judge_app.__version__},
                    {"key": "created_at", "value": utcnow().isoformat()},
                    {"key": AUDIT_HEAD_KEY, "value": f"0 {GENESIS_HASH}"},
                ],
            )
        db = ContestDatabase(path, engine)
        # The first audit row: a log is never legitimately empty, so `verify` can tell a
        # wiped log (rows and head deleted together) from a new file.
        from judge_app.store import audit

        with db.write_transaction() as raw:
            audit.append(
                raw,
                actor="system",
                action="file.create",
                entity="file",
                entity_key=FileRole(role).value,
                before=None,
                after={"role": FileRole(role).value, "app_version": judge_app.__version__},
            )
    except BaseException:
        if engine is not None:
            engine.dispose()
        for leftover in sqlite_file_parts(path):
            leftover.unlink(missing_ok=True)
        raise
    return db


def open_contest_file(path: Path, *, integrity: IntegrityMode = "auto") -> ContestDatabase:
    """Open an existing contest file: check it, migrate it (after a backup) if it is older.

    ``integrity``: "auto" checks files up to 64 MiB now and larger ones in the background
    (poll ``integrity_future``); "sync", "background" force one way; "skip" trusts the file.
    """
    if integrity not in ("auto", "sync", "background", "skip"):
        raise ValueError(f"integrity must be auto, sync, background or skip, not {integrity!r}")
    path = Path(path)
    if not path.is_file():
        raise JudgeAppError("file_not_found", path)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise JudgeAppError("database_unwritable", path, reason=exc.strerror or str(exc)) from exc
    if header != SQLITE_MAGIC:
        raise JudgeAppError("not_a_database", path)

    if integrity == "auto":
        integrity = "sync" if path.stat().st_size <= SYNC_CHECK_LIMIT else "background"
    if integrity == "sync":
        problem = quick_check(path)
        if problem is not None:
            raise problem

    engine = _make_engine(path)
    try:
        _bring_to_head(engine, path)
        database = ContestDatabase(path, engine)
    except BaseException:
        engine.dispose()
        raise
    if integrity == "background":
        check = _IntegrityCheck(path)
        database._integrity_check = check
        database.integrity_future = check.future
    return database


def sqlite_file_parts(path: Path) -> list[Path]:
    """The database file and the WAL/shm files SQLite keeps beside it."""
    return [path, Path(f"{path}-wal"), Path(f"{path}-shm")]

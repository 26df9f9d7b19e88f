"""Alembic migrations of the contest file, run from code (no alembic.ini at run time).

`HEAD_REVISION` lets `open_contest_file` compare a file's `alembic_version` row with the newest
schema without loading Alembic's script directory; a test keeps it equal to the real head.

To add a revision after changing `models.py`: migrate a scratch file to head with
`create_contest_file`, then call `alembic.command.revision(cfg, message, autogenerate=True,
rev_id="000N_slug")` with `cfg = judge_app.store.database.alembic_config()` and
`cfg.attributes["connection"]` set to a connection of that file; check the result by hand,
then update `HEAD_REVISION`. Batch operations recreate tables: re-create the audit_log
triggers in any revision that touches that table.
"""

from __future__ import annotations

from pathlib import Path

HEAD_REVISION = "0004_sheet_in_row"

MIGRATIONS_DIR = Path(__file__).resolve().parent

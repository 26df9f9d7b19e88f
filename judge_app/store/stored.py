"""Column values spelt as SQLAlchemy stores them, for the raw-SQL writers (keystrokes,
grading changes, the merge and its worker processes, which must not import SQLAlchemy)."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def stored_time(moment: dt.datetime) -> str:
    """`moment` as SQLAlchemy stores a DateTime in SQLite (a test pins the two formats
    together)."""
    return moment.isoformat(sep=" ", timespec="microseconds")


def stored_now() -> str:
    return stored_time(utcnow())

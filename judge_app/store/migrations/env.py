"""Alembic environment: always runs on the connection `judge_app.store.database` hands over.

That connection comes from the contest file's engine, so it carries the app's pragmas, and the
caller owns the transaction: a migration is all or nothing.
"""

from __future__ import annotations

from typing import Any, Literal

import sqlalchemy as sa
from alembic import context
from alembic.autogenerate.api import AutogenContext

from judge_app.store.models import Base, PointsType


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write app types as the plain SQL types they store, so revisions never import models."""
    if type_ == "type" and isinstance(obj, PointsType):
        return "sa.Integer()"
    if type_ == "type" and isinstance(obj, sa.Enum):
        return f"sa.String(length={obj.length})"
    return False


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError(
            "judge_app migrations run only through judge_app.store.database "
            "(put a connection in config.attributes['connection'])"
        )
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters most things by copying the table
        transactional_ddl=True,
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()

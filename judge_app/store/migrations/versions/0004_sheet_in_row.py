"""A grading's sheet in its row: scores, answers and criterion comments as JSON maps.

The rows of `criterion_score` and `choice_answer` move into `grading.scores`, `.answers` and
`.criterion_comments` (canonical spelling of `judge_app.store.sheet`), and the two tables go:
a board merging 200,000 gradings writes 200,000 rows instead of 2,000,000. Columns are added
with ADD COLUMN (no batch copy of `grading`, whose children cascade).

Revision ID: 0004_sheet_in_row
Revises: 0003_score_files
Create Date: 2026-11-23 19:00:00
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from judge_app.store.sheet import dump_map, load_int_map, load_text_map

revision: str = "0004_sheet_in_row"
down_revision: str | None = "0003_score_files"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("scores", "answers", "criterion_comments")
_PENDING = "grading.cc."  # meta key of a criterion comment without a score, before 0004

# The foreign keys from a score to its criterion and from an answer to its question went with
# the tables: these keep a criterion or question that a sheet names from being deleted.
TRIGGER_NAMES = ("criterion_in_use", "question_in_use")
TRIGGERS = (
    "CREATE TRIGGER criterion_in_use BEFORE DELETE ON criterion WHEN EXISTS ("
    "SELECT 1 FROM grading WHERE json_type(scores, '$.\"' || OLD.id || '\"') IS NOT NULL "
    "OR json_type(criterion_comments, '$.\"' || OLD.id || '\"') IS NOT NULL) "
    "BEGIN SELECT RAISE(ABORT, 'criterion has scores'); END",
    "CREATE TRIGGER question_in_use BEFORE DELETE ON question WHEN EXISTS ("
    "SELECT 1 FROM grading WHERE json_type(answers, '$.\"' || OLD.id || '\"') IS NOT NULL) "
    "BEGIN SELECT RAISE(ABORT, 'question has answers'); END",
)


def upgrade() -> None:
    for name in _COLUMNS:
        op.add_column("grading", sa.Column(name, sa.Text(), server_default="{}", nullable=False))
    connection = op.get_bind()
    scores: dict[int, dict[int, int]] = defaultdict(dict)
    comments: dict[int, dict[int, str]] = defaultdict(dict)
    answers: dict[int, dict[int, str]] = defaultdict(dict)
    for grading_id, criterion_id, points, comment in connection.exec_driver_sql(
        "SELECT grading_id, criterion_id, points, comment FROM criterion_score"
    ):
        scores[grading_id][criterion_id] = int(points)
        if comment:
            comments[grading_id][criterion_id] = str(comment)
    for grading_id, question_id, chosen in connection.exec_driver_sql(
        "SELECT grading_id, question_id, chosen FROM choice_answer"
    ):
        answers[grading_id][question_id] = str(chosen)
    # A comment typed before its criterion had a score waited in meta; the sheet holds it now.
    for key, text in connection.exec_driver_sql(
        f"SELECT key, value FROM meta WHERE key LIKE '{_PENDING}%'"
    ):
        grading_text, _, criterion_text = key[len(_PENDING) :].partition(".")
        if grading_text.isdigit() and criterion_text.isdigit() and text:
            comments[int(grading_text)].setdefault(int(criterion_text), str(text))
    connection.exec_driver_sql(f"DELETE FROM meta WHERE key LIKE '{_PENDING}%'")
    for column, values in (
        ("scores", scores),
        ("answers", answers),
        ("criterion_comments", comments),
    ):
        if values:
            connection.exec_driver_sql(
                f"UPDATE grading SET {column} = ? WHERE id = ?",
                [(dump_map(value), grading_id) for grading_id, value in values.items()],
            )
    op.drop_table("criterion_score")
    op.drop_table("choice_answer")
    for statement in TRIGGERS:
        connection.exec_driver_sql(statement)


def downgrade() -> None:
    connection = op.get_bind()
    for name in TRIGGER_NAMES:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    op.create_table(
        "criterion_score",
        sa.Column("grading_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["criterion.id"],
            name=op.f("fk_criterion_score_criterion_id_criterion"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["grading_id"],
            ["grading.id"],
            name=op.f("fk_criterion_score_grading_id_grading"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("grading_id", "criterion_id", name=op.f("pk_criterion_score")),
    )
    op.create_table(
        "choice_answer",
        sa.Column("grading_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("chosen", sa.String(length=1), nullable=False),
        sa.ForeignKeyConstraint(
            ["grading_id"],
            ["grading.id"],
            name=op.f("fk_choice_answer_grading_id_grading"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_choice_answer_question_id_question"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("grading_id", "question_id", name=op.f("pk_choice_answer")),
    )
    score_rows, answer_rows, meta_rows = [], [], []
    for grading_id, scores, answers, comments, updated in connection.exec_driver_sql(
        "SELECT id, scores, answers, criterion_comments, updated_at FROM grading"
    ):
        notes = load_text_map(comments)
        for criterion_id, points in load_int_map(scores).items():
            score_rows.append(
                (grading_id, criterion_id, points, notes.get(criterion_id, ""), updated)
            )
        for question_id, chosen in load_text_map(answers).items():
            answer_rows.append((grading_id, question_id, chosen))
        scored = load_int_map(scores)
        for criterion_id, text in notes.items():
            if criterion_id not in scored:
                meta_rows.append((f"{_PENDING}{grading_id}.{criterion_id}", text))
    if score_rows:
        connection.exec_driver_sql("INSERT INTO criterion_score VALUES (?, ?, ?, ?, ?)", score_rows)
    if answer_rows:
        connection.exec_driver_sql("INSERT INTO choice_answer VALUES (?, ?, ?)", answer_rows)
    if meta_rows:
        connection.exec_driver_sql("INSERT INTO meta (key, value) VALUES (?, ?)", meta_rows)
    for name in _COLUMNS:  # SQLite's own DROP COLUMN: a batch copy of grading would cascade
        connection.exec_driver_sql(f"ALTER TABLE grading DROP COLUMN {name}")

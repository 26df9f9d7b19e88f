"""The contest database: SQLAlchemy 2 typed models.

One schema serves both files the app writes:
- the board's contest file (role ``board``): everything, including participants and the sealed
  identity records;
- a judge's workspace file (role ``workspace``): the same tables, but the package that builds it
  copies only codes, categories, files, the rubric, the judge's assignments and gradings. The
  ``participant`` and ``identity_record`` tables stay empty there, and ``entry.unit_id`` is NULL.

Why one schema: a judge's gradings go into the board's file row for row at merge, and every
query, migration and audit rule is written once.

Identity: ``entry`` has no link to its participant. The only link lives in ``identity_record``,
which the intake issue seals (encrypts) at anonymisation; reveal re-opens it after the lock.
``entry.unit_id`` stays in clear on the board's side because conflict-of-interest checks need it
(a judge never grades their own school); it is never written into anything a judge receives.

Scores are integer hundredths (`Points`), stored through the `PointsType` column type.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from judge_app.core.scores import Points
from judge_app.store import sheet
from judge_app.store.stored import utcnow as utcnow  # re-exported: models name it too


class PointsType(TypeDecorator[Points]):
    """Stores `Points` as an INTEGER of hundredths so no float ever touches a score."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Points | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Points):
            raise TypeError(f"scores must be Points, not {type(value).__name__}")
        return value.centi

    def process_result_value(self, value: int | None, dialect: Dialect) -> Points | None:
        return None if value is None else Points(value)


class PointsMap(TypeDecorator[dict[int, Points]]):
    """A grading's scores as the canonical JSON map of `store.sheet` (hundredths, never floats)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: dict[int, Points] | None, dialect: Dialect) -> str:
        if not value:
            return sheet.EMPTY
        for points in value.values():
            if not isinstance(points, Points):
                raise TypeError(f"scores must be Points, not {type(points).__name__}")
        return sheet.dump_map({int(key): points.centi for key, points in value.items()})

    def process_result_value(self, value: str | None, dialect: Dialect) -> dict[int, Points]:
        return {key: Points(centi) for key, centi in sheet.load_int_map(value).items()}


class TextMap(TypeDecorator[dict[int, str]]):
    """Id → text (answers, criterion comments) as the canonical JSON map of `store.sheet`."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: dict[int, str] | None, dialect: Dialect) -> str:
        return sheet.dump_map({int(key): str(text) for key, text in (value or {}).items()})

    def process_result_value(self, value: str | None, dialect: Dialect) -> dict[int, str]:
        return sheet.load_text_map(value)


def new_uuid() -> str:
    return str(uuid.uuid4())


# Deterministic constraint names: migrations can name what they alter, and SQLite's reflected
# names match the models so autogenerate finds no drift.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class FileRole(enum.StrEnum):
    BOARD = "board"
    WORKSPACE = "workspace"


class CategoryKind(enum.StrEnum):
    STAFF = "staff"
    STUDENT = "student"


class EntryStatus(enum.StrEnum):
    RECEIVED = "received"  # in the contest, not yet anonymised/assigned
    READY = "ready"  # anonymised, can be assigned
    ASSIGNED = "assigned"
    GRADED = "graded"  # final score settled
    REFERRED = "referred"  # sent to the head judge (flag) instead of normal grading
    INVALID = "invalid"  # by a recorded board decision only


class GradingStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class FileKind(enum.StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    IMAGE = "image"
    OTHER = "other"


class Meta(Base):
    """Key/value facts about the file itself (its role, who made it, with which version)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Contest(Base):
    __tablename__ = "contest"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(Text)
    organiser: Mapped[str] = mapped_column(Text, default="")
    tier: Mapped[str] = mapped_column(String(32), default="district")  # school/district/city
    year: Mapped[int | None] = mapped_column(Integer)
    # Age-based prizes (best entrant under 18) count age on this date.
    reference_date: Mapped[dt.date | None] = mapped_column(Date)
    judges_per_entry: Mapped[int] = mapped_column(Integer, default=2)
    max_total: Mapped[Points] = mapped_column(PointsType, default=Points(1000))
    score_step: Mapped[Points] = mapped_column(PointsType, default=Points(25))
    # Discrepancy rule for a 10-point total (GUIDE §2), scaled by max_total/10 where applied.
    agree_below: Mapped[Points] = mapped_column(PointsType, default=Points(100))
    discuss_upto: Mapped[Points] = mapped_column(PointsType, default=Points(150))
    third_mean_upto: Mapped[Points] = mapped_column(PointsType, default=Points(250))
    per_criterion_rule: Mapped[bool] = mapped_column(default=True)
    rounding: Mapped[str] = mapped_column(String(16), default="half_up_2")
    quality_threshold: Mapped[Points | None] = mapped_column(PointsType)
    quality_target_percent: Mapped[int] = mapped_column(Integer, default=10)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Canonical JSON of the set-up parts only later stages read (prize scheme, tie rule, round
    # plan, age rule): see docs/contest-config.md. A JSON column, not tables, because the
    # results issue owns their meaning and a template must round-trip them unchanged.
    settings: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")

    stages: Mapped[list[Stage]] = relationship(back_populates="contest", order_by="Stage.number")
    unit_groups: Mapped[list[UnitGroup]] = relationship(back_populates="contest")
    categories: Mapped[list[Category]] = relationship(
        back_populates="contest", order_by="Category.sort"
    )
    units: Mapped[list[Unit]] = relationship(back_populates="contest", order_by="Unit.code")
    questions: Mapped[list[Question]] = relationship(
        back_populates="contest", order_by="Question.number"
    )
    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="contest", order_by="Criterion.sort"
    )


class Stage(Base):
    """A tier of the contest (sơ khảo / chung khảo); grading rounds 1-3 happen inside one."""

    __tablename__ = "stage"
    __table_args__ = (UniqueConstraint("contest_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    contest: Mapped[Contest] = relationship(back_populates="stages")


class UnitGroup(Base):
    """Schools and the district office have different deadlines; the deadline is exclusive."""

    __tablename__ = "unit_group"
    __table_args__ = (UniqueConstraint("contest_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    # Entries must be received strictly before this local time ("trước 17h00").
    deadline: Mapped[dt.datetime | None] = mapped_column(DateTime)
    contest: Mapped[Contest] = relationship(back_populates="unit_groups")


class Category(Base):
    """Đối tượng: staff, or students of one grade."""

    __tablename__ = "category"
    __table_args__ = (UniqueConstraint("contest_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[CategoryKind] = mapped_column(Enum(CategoryKind, native_enum=False))
    grade: Mapped[int | None] = mapped_column(Integer)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    contest: Mapped[Contest] = relationship(back_populates="categories")


class Unit(Base):
    """A school or office that submits entries."""

    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("contest_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("unit_group.id"))
    email: Mapped[str] = mapped_column(Text, default="")
    contest: Mapped[Contest] = relationship(back_populates="units")
    group: Mapped[UnitGroup | None] = relationship()
    headcounts: Mapped[list[Headcount]] = relationship(back_populates="unit")


class Headcount(Base):
    """How many people of a category a unit has: the denominator of participation rates."""

    __tablename__ = "headcount"
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True
    )
    category_id: Mapped[int] = mapped_column(
        ForeignKey("category.id", ondelete="CASCADE"), primary_key=True
    )
    count: Mapped[int] = mapped_column(
        Integer, CheckConstraint("count >= 0", name="count_nonnegative")
    )
    unit: Mapped[Unit] = relationship(back_populates="headcounts")
    category: Mapped[Category] = relationship()


class Participant(Base):
    """A person who entered. Board file only; never copied into a judge's workspace."""

    __tablename__ = "participant"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    full_name: Mapped[str] = mapped_column(Text)
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    contact: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[Category | None] = relationship()
    unit: Mapped[Unit | None] = relationship()


class Entry(Base):
    """Bài dự thi, known to judges only by its code (số phách)."""

    __tablename__ = "entry"
    __table_args__ = (UniqueConstraint("contest_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    # In clear on the board's side for conflict-of-interest checks only; NULL in workspaces.
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[EntryStatus] = mapped_column(
        Enum(EntryStatus, native_enum=False), default=EntryStatus.RECEIVED
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    category: Mapped[Category] = relationship()
    unit: Mapped[Unit | None] = relationship()
    files: Mapped[list[EntryFile]] = relationship(
        back_populates="entry", order_by="EntryFile.sort", cascade="all, delete-orphan"
    )


class IdentityRecord(Base):
    """Đầu phách: the only link from an entry to its participant.

    Before anonymisation `participant_id` holds the link in clear. Sealing (intake issue)
    encrypts it into `sealed` and sets `participant_id` to NULL; reveal reverses that after
    the results are locked.
    """

    __tablename__ = "identity_record"
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
    )
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id"))
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    sealed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class EntryFile(Base):
    __tablename__ = "entry_file"
    __table_args__ = (Index("ix_entry_file_sha256", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"))
    sort: Mapped[int] = mapped_column(Integer, default=0)
    # Relative to the folder of the contest file, with forward slashes.
    stored_path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[FileKind] = mapped_column(Enum(FileKind, native_enum=False))
    # As the school named it: may carry the entrant's name, so board side only.
    original_name: Mapped[str] = mapped_column(Text, default="")
    # The format check (A4, Times New Roman 14, Vietnamese…): "ok" | "warn" | "scan" | "error",
    # NULL until checked; the report is the check's JSON (documents.format_check.to_dict()).
    format_badge: Mapped[str | None] = mapped_column(String(8))
    format_report: Mapped[str | None] = mapped_column(Text)
    entry: Mapped[Entry] = relationship(back_populates="files")


class Question(Base):
    """A multiple-choice question (trắc nghiệm) with its answer key."""

    __tablename__ = "question"
    __table_args__ = (UniqueConstraint("contest_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    prompt: Mapped[str] = mapped_column(Text)
    options: Mapped[str] = mapped_column(String(16), default="ABCD")
    answer: Mapped[str] = mapped_column(String(1))
    points: Mapped[Points] = mapped_column(PointsType)
    contest: Mapped[Contest] = relationship(back_populates="questions")


class Criterion(Base):
    """A written-part criterion (tự luận): guide text, maximum and step."""

    __tablename__ = "criterion"
    __table_args__ = (UniqueConstraint("contest_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    guide: Mapped[str] = mapped_column(Text, default="")
    maximum: Mapped[Points] = mapped_column(PointsType)
    step: Mapped[Points] = mapped_column(PointsType, default=Points(25))
    sort: Mapped[int] = mapped_column(Integer, default=0)
    contest: Mapped[Contest] = relationship(back_populates="criteria")
    levels: Mapped[list[CriterionLevel]] = relationship(
        back_populates="criterion", order_by="CriterionLevel.low", cascade="all, delete-orphan"
    )


class CriterionLevel(Base):
    """A level descriptor: what an answer worth `low`..`high` looks like."""

    __tablename__ = "criterion_level"
    id: Mapped[int] = mapped_column(primary_key=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"))
    low: Mapped[Points] = mapped_column(PointsType)
    high: Mapped[Points] = mapped_column(PointsType)
    descriptor: Mapped[str] = mapped_column(Text)
    criterion: Mapped[Criterion] = relationship(back_populates="levels")


class Judge(Base):
    __tablename__ = "judge"
    __table_args__ = (UniqueConstraint("contest_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    is_head: Mapped[bool] = mapped_column(default=False)
    key_fingerprint: Mapped[str | None] = mapped_column(String(128))
    public_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Most entries this judge takes in one round (None: no limit); assignment balances below it.
    capacity: Mapped[int | None] = mapped_column(Integer)
    unit: Mapped[Unit | None] = relationship()
    conflicts: Mapped[list[JudgeConflict]] = relationship(
        back_populates="judge", cascade="all, delete-orphan"
    )


class JudgeConflict(Base):
    """A declared conflict of interest: the judge never grades this unit's entries (beyond their
    own unit, which is always a conflict)."""

    __tablename__ = "judge_conflict"
    judge_id: Mapped[int] = mapped_column(
        ForeignKey("judge.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    judge: Mapped[Judge] = relationship(back_populates="conflicts")
    unit: Mapped[Unit] = relationship()


class RedactionBox(Base):
    """A box the head judge drew on a page of an entry file (a cover page with a name, a school
    stamp); burned into the judges' copy. Coordinates are fractions (0–1) of the unrotated page,
    so they hold whatever resolution the page is rendered at."""

    __tablename__ = "redaction_box"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_file_id: Mapped[int] = mapped_column(ForeignKey("entry_file.id", ondelete="CASCADE"))
    page: Mapped[int] = mapped_column(Integer, CheckConstraint("page >= 0", name="page_valid"))
    x0: Mapped[float] = mapped_column(Float)
    y0: Mapped[float] = mapped_column(Float)
    x1: Mapped[float] = mapped_column(Float)
    y1: Mapped[float] = mapped_column(Float)
    created_by: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Assignment(Base):
    """Which judge grades which entry in which grading round (1, 2, or 3 for a third grading)."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("entry_id", "judge_id", "round"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(
        Integer, CheckConstraint("round >= 1", name="round_positive"), default=1
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    entry: Mapped[Entry] = relationship()
    judge: Mapped[Judge] = relationship()


class Grading(Base):
    """One judge's grading of one entry in one round, its sheet in the row (store.sheet)."""

    __tablename__ = "grading"
    __table_args__ = (UniqueConstraint("entry_id", "judge_id", "round"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    # RESTRICT: a judge's confirmed scores never vanish as a side effect of deleting an
    # entry or a judge; removing them is an explicit, audited act.
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="RESTRICT"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="RESTRICT"))
    round: Mapped[int] = mapped_column(
        Integer, CheckConstraint("round >= 1", name="round_positive"), default=1
    )
    status: Mapped[GradingStatus] = mapped_column(
        Enum(GradingStatus, native_enum=False), default=GradingStatus.DRAFT
    )
    comment: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    entry: Mapped[Entry] = relationship()
    judge: Mapped[Judge] = relationship()
    # The sheet (store.sheet): criterion id → score, question id → letter ("" = left blank),
    # criterion id → comment. Assign a new dict to change one: in-place edits are not tracked.
    scores: Mapped[dict[int, Points]] = mapped_column(PointsMap, default=dict, server_default="{}")
    answers: Mapped[dict[int, str]] = mapped_column(TextMap, default=dict, server_default="{}")
    criterion_comments: Mapped[dict[int, str]] = mapped_column(
        TextMap, default=dict, server_default="{}"
    )
    flags: Mapped[list[GradingFlag]] = relationship(
        back_populates="grading", cascade="all, delete-orphan"
    )
    page_notes: Mapped[list[PageNote]] = relationship(
        back_populates="grading", cascade="all, delete-orphan"
    )


class GradingFlag(Base):
    """A problem a judge reports to the head judge (identity revealed, copy, off topic…)."""

    __tablename__ = "grading_flag"
    grading_id: Mapped[int] = mapped_column(
        ForeignKey("grading.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="")
    grading: Mapped[Grading] = relationship(back_populates="flags")


class PageNote(Base):
    """A judge's short note pinned to a point of a page (x, y: fractions of the unrotated page);
    kept with the grading and printed on the score sheet, never drawn on the entrant's file."""

    __tablename__ = "page_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    grading_id: Mapped[int] = mapped_column(ForeignKey("grading.id", ondelete="CASCADE"))
    file_sort: Mapped[int] = mapped_column(Integer, default=0)
    page: Mapped[int] = mapped_column(Integer, default=0)
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    grading: Mapped[Grading] = relationship(back_populates="page_notes")


class BankComment(Base):
    """A reusable comment: from the contest's rubric (origin "contest") or a judge's own."""

    __tablename__ = "comment_bank"
    id: Mapped[int] = mapped_column(primary_key=True)
    criterion_id: Mapped[int | None] = mapped_column(
        ForeignKey("criterion.id", ondelete="CASCADE")
    )  # None: a general comment
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(16), default="judge")
    sort: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ScoreFileRecord(Base):
    """A judge's signed score file: in a workspace, each export made; on the board, each file
    merged (kept as evidence under the contest folder). Revisions strictly increase per judge."""

    __tablename__ = "score_file"
    __table_args__ = (UniqueConstraint("judge_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="RESTRICT"))
    round: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    stored_path: Mapped[str] = mapped_column(Text, default="")  # relative to the contest folder
    entries: Mapped[int] = mapped_column(Integer, default=0)
    exported_at: Mapped[str] = mapped_column(String(32))  # as signed in the file (ISO-8601 UTC)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    judge: Mapped[Judge] = relationship()


class Decision(Base):
    """A recorded human decision on an entry's score: the outcome of a discussion (1.0–1.5
    gap), the head judge's decision, or a board decision on validity. The reason is required."""

    __tablename__ = "decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(16))  # discussed / head / invalid / appeal
    score: Mapped[Points | None] = mapped_column(PointsType)
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditRow(Base):
    """Append-only log of every change; each row carries the hash of the one before it."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))  # ISO-8601 UTC, text so the hash is stable
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_key: Mapped[str] = mapped_column(Text)
    before: Mapped[str | None] = mapped_column(Text)  # canonical JSON, or NULL
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)

"""A judge's signed score file (.jgs): what the judge gave, provably from that judge.

Format, version 1 (documented in docs/score-file.md). UTF-8 text, exactly three lines:

    judge-app-scores 1
    {"audit_head":…,"contest":{…},"entries":[…],…,"summary":[…]}
    ECDSA-P256-SHA256 <base64 of the DER signature>

Line 2, the body, is canonical JSON (`canonical_bytes`: sorted keys, no spaces, non-ASCII as
UTF-8); line 3 signs the exact bytes of lines 1 and 2 (the newline after line 2 included).
Nothing outside the signature is read except line 3 itself, which must match its pattern
exactly, so any edited byte anywhere is refused. Verifying the signed bytes as they are (instead
of re-spelling the parsed JSON) keeps a 200,000-entry merge within seconds.

The body holds every fact, the human-readable summary lines included, so the signature covers
what a person reads too; `export_score_file` also writes the summary beside the file (.txt)
for a person without the app. Scores are decimal strings ("7.5"), never JSON numbers, so no
float touches them; page-note positions are strings with four decimals for the same reason.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from judge_app import __version__
from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.exchange import keys
from judge_app.fileio import write_atomically
from judge_app.store import audit
from judge_app.store.database import AUDIT_HEAD_KEY, ContestDatabase
from judge_app.store.models import (
    Assignment,
    Contest,
    Criterion,
    Entry,
    FileRole,
    Grading,
    Judge,
    Meta,
    Question,
    ScoreFileRecord,
)

FORMAT = "judge-app-scores"
VERSION = 1
ALGORITHM = "ECDSA-P256-SHA256"
SUFFIX = ".jgs"
MAX_FILE_BYTES = 256 * 1024 * 1024  # 20,000 entries take a few MB; beyond this is not ours
EXPORT_ACTION = "scores.export"
MAX_NUMBER = 2**31 - 1  # rounds and revisions: SQLite stores up to 2**63, but no contest needs more


HEADER = f"{FORMAT} {VERSION}\n".encode("ascii")
_HEADER_PREFIX = f"{FORMAT} ".encode("ascii")


def canonical_bytes(value: Any) -> bytes:
    """The one spelling of the body a judge's app writes (one line, sorted keys)."""
    text = json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def signed_part(body: Any) -> bytes:
    """What the signature covers: the header line and the body line."""
    return HEADER + canonical_bytes(body) + b"\n"


def file_bytes(signed: bytes, signature: bytes) -> bytes:
    return signed + f"{ALGORITHM} ".encode("ascii") + base64.b64encode(signature) + b"\n"


def points_text(points: Points) -> str:
    return points.format(".")


def position_text(value: float) -> str:
    return f"{min(max(value, 0.0), 1.0):.4f}"


@dataclass(frozen=True, slots=True)
class ScoreFile:
    """A parsed score file whose bytes are canonical; the signature is not checked yet."""

    path: Path
    body: dict[str, Any]
    signature: bytes
    sha256: str
    signed: bytes  # the exact bytes the signature covers

    @property
    def contest_uuid(self) -> str:
        return str(self.body["contest"]["uuid"])

    @property
    def judge_code(self) -> str:
        return str(self.body["judge"]["code"])

    @property
    def revision(self) -> int:
        return int(self.body["revision"])

    @property
    def round(self) -> int:
        return int(self.body["round"])

    @property
    def fingerprint(self) -> str:
        return str(self.body["key_fingerprint"])

    @property
    def entries(self) -> list[dict[str, Any]]:
        return list(self.body["entries"])

    def verify(self, public_key: ec.EllipticCurvePublicKey) -> bool:
        return keys.verify_signature(public_key, self.signed, self.signature)


@dataclass(frozen=True, slots=True)
class ExportReport:
    path: Path
    judge: str
    round: int
    revision: int
    entries: int
    submitted: int
    sha256: str
    fingerprint: str


# ---------------------------------------------------------------------------------------------
# Reading


def _malformed(path: Path, reason: str) -> JudgeAppError:
    return JudgeAppError("score_file_malformed", path, reason=reason)


def _need(path: Path, data: Mapping[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise _malformed(path, key)
    return value


_ENTRY_FIELDS: tuple[tuple[str, type], ...] = (
    ("code", str),
    ("round", int),
    ("status", str),
    ("scores", dict),
    ("answers", dict),
    ("comment", str),
    ("criterion_comments", dict),
    ("flags", dict),
    ("page_notes", list),
    ("files", list),
    ("total", str),
    ("revision", int),
)


def _check_entry(path: Path, item: Any) -> None:
    """Shape of one entry; exact type checks (a bool is not a round) in a tight loop, since a
    merge reads 200,000 of them."""
    if type(item) is not dict:
        raise _malformed(path, "entries")
    for key, kind in _ENTRY_FIELDS:
        if type(item.get(key)) is not kind:
            raise _malformed(path, f"entries.{key}")
    if not (0 <= item["round"] <= MAX_NUMBER and 0 <= item["revision"] <= MAX_NUMBER):
        raise _malformed(path, f"entries.{item['code']}.round")
    seen = _POINTS_SEEN
    for value in item["scores"].values():
        # The type first: a list or an object is not even hashable for the set look-up.
        if type(value) is not str or (value not in seen and not _is_points(value)):
            raise _malformed(path, f"entries.{item['code']}.scores")
    if item["total"] not in seen and not _is_points(item["total"]):
        raise _malformed(path, f"entries.{item['code']}.total")
    for group in ("answers", "criterion_comments", "flags"):
        for value in item[group].values():
            if type(value) is not str:
                raise _malformed(path, f"entries.{item['code']}.{group}")
    for note in item["page_notes"]:
        if type(note) is not dict or type(note.get("text")) is not str:
            raise _malformed(path, f"entries.{item['code']}.page_notes")
    for file in item["files"]:
        if type(file) is not dict or type(file.get("sha256")) is not str:
            raise _malformed(path, f"entries.{item['code']}.files")


_POINTS_SEEN: set[str] = set()


def _is_points(value: str) -> bool:
    """A decimal score string; remembered (callers look in `_POINTS_SEEN` first), since a
    large file repeats a few dozen values."""
    try:
        Points.parse(value)
    except JudgeAppError:
        return False
    if len(_POINTS_SEEN) < 10_000:
        _POINTS_SEEN.add(value)
    return True


def read_score_file(path: Path) -> ScoreFile:
    """Parse and check the shape of a score file; refuses any byte that is not canonical."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise JudgeAppError("score_file_too_large", path, size_mb=size // (1024 * 1024))
        data = path.read_bytes()
    except FileNotFoundError:
        raise JudgeAppError("file_not_found", path) from None
    except OSError as exc:
        raise JudgeAppError("file_unreadable", path, reason=exc.strerror or str(exc)) from exc
    if not data.strip():
        raise _malformed(path, "empty")
    if not data.startswith(_HEADER_PREFIX):
        raise _malformed(path, "header")
    first_end = data.find(b"\n")
    if first_end < 0:
        raise _malformed(path, "layout")  # cut inside the header line: not a newer version
    if data[: first_end + 1] != HEADER:
        version = data[len(_HEADER_PREFIX) : first_end].decode("ascii", "replace")[:20]
        raise JudgeAppError("score_file_version", path, version=version)
    body_end = data.find(b"\n", first_end + 1)
    if body_end < 0 or not data.endswith(b"\n") or data.count(b"\n", body_end + 1) != 1:
        raise _malformed(path, "layout")
    signed, signature_line = data[: body_end + 1], data[body_end + 1 : -1]
    algorithm, _, encoded = signature_line.partition(b" ")
    if algorithm != ALGORITHM.encode("ascii"):
        raise _malformed(path, "signature")
    try:
        raw_signature = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise _malformed(path, "signature") from None
    if not raw_signature or base64.b64encode(raw_signature) != encoded:
        raise _malformed(path, "signature")
    try:
        body = json.loads(
            data[first_end + 1 : body_end].decode("utf-8"),
            parse_float=_no_float,
            parse_constant=_no_float,
        )
    except (ValueError, RecursionError):
        # ValueError covers bad UTF-8, bad JSON, a float (`_FloatError`) and an integer longer
        # than Python converts (4,300 digits): all a damaged body, never a traceback.
        raise _malformed(path, "json") from None
    if not isinstance(body, dict):
        raise _malformed(path, "layout")
    if body.get("format") != FORMAT or body.get("version") != VERSION:
        raise _malformed(path, "format")
    contest = _need(path, body, "contest", dict)
    _need(path, contest, "uuid", str)
    judge = _need(path, body, "judge", dict)
    _need(path, judge, "code", str)
    for key, kind in (
        ("round", int),
        ("revision", int),
        ("key_fingerprint", str),
        ("exported_at", str),
        ("audit_head", str),
        ("entries", list),
        ("summary", list),
    ):
        _need(path, body, key, kind)
    if not (0 <= body["round"] <= MAX_NUMBER and 0 <= body["revision"] <= MAX_NUMBER):
        raise _malformed(path, "revision")
    codes = set()
    for item in body["entries"]:
        _check_entry(path, item)
        if item["code"] in codes:
            raise _malformed(path, f"entries.{item['code']}")
        codes.add(item["code"])
    return ScoreFile(path, body, raw_signature, hashlib.sha256(data).hexdigest(), signed)


class _FloatError(ValueError):
    pass


def _no_float(_text: str) -> Any:
    """Floats never appear in a score file: scores and positions are strings."""
    raise _FloatError


# ---------------------------------------------------------------------------------------------
# Export (judge's side)


def _workspace_judge(session: Session, db: ContestDatabase) -> Judge:
    judge = session.scalars(select(Judge).where(Judge.is_head.is_(False))).first()
    if judge is None:
        raise JudgeAppError("score_export_not_workspace", db.path)
    return judge


@dataclass(frozen=True, slots=True)
class _Rubric:
    questions: dict[int, Question]
    criteria: dict[int, Criterion]


def _entry_payload(
    grading: Grading | None, entry: Entry, round_: int, rubric: _Rubric
) -> dict[str, Any]:
    files = [{"n": f.sort + 1, "sha256": f.sha256} for f in sorted(entry.files, key=_sort)]
    if grading is None:
        return {
            "code": entry.code,
            "round": round_,
            "status": "not_started",
            "revision": 0,
            "answers": {},
            "scores": {},
            "criterion_comments": {},
            "comment": "",
            "flags": {},
            "page_notes": [],
            "files": files,
            "total": "0",
            "choice_points": "0",
            "submitted_at": None,
        }
    questions, criteria = rubric.questions, rubric.criteria
    answers = {str(questions[a.question_id].number): a.chosen for a in grading.answers}
    choice = sum(
        (
            questions[a.question_id].points
            for a in grading.answers
            if a.chosen and a.chosen == questions[a.question_id].answer
        ),
        Points(0),
    )
    scores = {criteria[s.criterion_id].code: points_text(s.points) for s in grading.scores}
    total = sum((s.points for s in grading.scores), choice)
    return {
        "code": entry.code,
        "round": round_,
        "status": grading.status.value,
        "revision": grading.revision,
        "answers": answers,
        "scores": scores,
        "criterion_comments": {
            criteria[s.criterion_id].code: s.comment for s in grading.scores if s.comment
        },
        "comment": grading.comment,
        "flags": {f.code: f.note for f in grading.flags},
        "page_notes": [
            {
                "file": n.file_sort + 1,
                "page": n.page + 1,
                "x": position_text(n.x),
                "y": position_text(n.y),
                "text": n.text,
            }
            for n in sorted(grading.page_notes, key=lambda n: (n.file_sort, n.page, n.id))
        ],
        "files": files,
        "total": points_text(total),
        "choice_points": points_text(choice),
        "submitted_at": (
            grading.submitted_at.isoformat(timespec="seconds") if grading.submitted_at else None
        ),
    }


def _sort(item: Any) -> int:
    return int(item.sort)


def _summary(body: Mapping[str, Any], judge_name: str) -> list[str]:
    """Lines a person reads before trusting a file (Vietnamese, the board's language)."""
    entries = body["entries"]
    submitted = sum(1 for e in entries if e["status"] == "submitted")
    flagged = sum(1 for e in entries if e["flags"])
    lines = [
        f"Tệp điểm của giám khảo {body['judge']['code']} — {judge_name}",
        f"Cuộc thi: {body['contest']['name']}",
        f"Vòng chấm {body['round']}, lần xuất {body['revision']}, lúc {body['exported_at']} (UTC)",
        f"{len(entries)} bài: {submitted} đã nộp điểm, {flagged} có báo cáo",
        f"Khoá ký: {body['key_fingerprint']}",
    ]
    for item in entries:
        marks = ", ".join(f"{code} {value}" for code, value in sorted(item["scores"].items()))
        lines.append(f"{item['code']}: {item['total']} ({item['status']}) {marks}".rstrip())
    return lines


def export_score_file(
    db: ContestDatabase,
    out_path: Path,
    private_key: ec.EllipticCurvePrivateKey,
    *,
    continue_above: int = 0,
    now: dt.datetime | None = None,
) -> ExportReport:
    """Sign the workspace's gradings into `out_path`; each export gets the next revision.

    `continue_above` lets a rebuilt workspace (new computer, lost file) go on above the last
    revision the head judge has merged: the merge refuses a revision it has seen already.
    """
    if db.role is not FileRole.WORKSPACE:
        raise JudgeAppError("score_export_not_workspace", db.path)
    public_key = private_key.public_key()
    fingerprint = keys.fingerprint(public_key)
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    with db.session() as session, session.begin():
        judge = _workspace_judge(session, db)
        contest = session.scalars(select(Contest)).one()
        head = session.get(Meta, AUDIT_HEAD_KEY)
        assignments = session.execute(
            select(Assignment.round, Entry)
            .join(Entry, Entry.id == Assignment.entry_id)
            .where(Assignment.judge_id == judge.id)
            .options(selectinload(Entry.files))
            .order_by(Assignment.round, Entry.code)
        ).all()
        if not assignments:
            raise JudgeAppError("score_export_nothing", db.path)
        rubric = _Rubric(
            {q.id: q for q in session.scalars(select(Question))},
            {c.id: c for c in session.scalars(select(Criterion))},
        )
        rounds = {round_ for round_, _ in assignments}
        round_ = max(rounds)
        gradings = {
            (g.entry_id, g.round): g
            for g in session.scalars(
                select(Grading)
                .where(Grading.judge_id == judge.id)
                .options(
                    selectinload(Grading.scores),
                    selectinload(Grading.answers),
                    selectinload(Grading.flags),
                    selectinload(Grading.page_notes),
                )
            )
        }
        last = session.scalar(
            select(func.max(ScoreFileRecord.revision)).where(ScoreFileRecord.judge_id == judge.id)
        )
        revision = max(last or 0, continue_above) + 1
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "app_version": __version__,
            "contest": {"uuid": contest.uuid, "name": contest.name},
            "round": round_,
            "judge": {"code": judge.code, "name": judge.name},
            "key_fingerprint": fingerprint,
            "revision": revision,
            "exported_at": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "audit_head": head.value if head is not None else "",
            "entries": [
                _entry_payload(gradings.get((entry.id, r)), entry, r, rubric)
                for r, entry in assignments
                if r == round_
            ],
        }
        body["summary"] = _summary(body, judge.name)
        signed = signed_part(body)
        data = file_bytes(signed, keys.sign(private_key, signed))
        digest = hashlib.sha256(data).hexdigest()
        record = ScoreFileRecord(
            judge_id=judge.id,
            round=round_,
            revision=revision,
            sha256=digest,
            stored_path=str(out_path),
            entries=len(body["entries"]),
            exported_at=body["exported_at"],
        )
        session.add(record)
        audit.record(
            session,
            actor=judge.code,
            action=EXPORT_ACTION,
            entity="score_file",
            entity_key=str(revision),
            before=None,
            after={"sha256": digest, "entries": len(body["entries"]), "round": round_},
        )
    # After the commit: a file that fails to write only leaves a gap in the revisions; a file
    # written before a failed commit would let the next export reuse its revision.
    write_atomically(out_path, data)
    summary = "\n".join(body["summary"]) + f"\nSHA-256: {digest}\n"
    write_atomically(summary_path(out_path), summary.encode("utf-8"))
    submitted = sum(1 for e in body["entries"] if e["status"] == "submitted")
    return ExportReport(
        out_path,
        judge.code,
        round_,
        revision,
        len(body["entries"]),
        submitted,
        digest,
        fingerprint,
    )


def summary_path(score_path: Path) -> Path:
    """The readable summary written beside a score file (not signed: the file is)."""
    return score_path.with_name(score_path.name + ".txt")


def summary_text(score_file: ScoreFile) -> str:
    return "\n".join(str(line) for line in score_file.body["summary"])

"""A judge's signed score file (.jgs): what the judge gave, provably from that judge.

Format, version 1 (documented in docs/score-file.md). The file is UTF-8 text, one JSON object
written in the one canonical spelling `canonical_bytes` makes (sorted keys, one-space indent,
no escapes of non-ASCII, newline at the end):

    {"body": {...}, "signature": {"algorithm": "ECDSA-P256-SHA256", "value": "<base64 DER>"}}

The signature is over `canonical_bytes(body)`; the body holds every fact, the human-readable
summary included, so the signature covers everything a person or the merge reads. A reader
re-spells the parsed object and refuses the file unless the bytes are identical: an edited
byte anywhere (even a space the JSON parser would forgive) is refused, not silently accepted.

Scores are decimal strings ("7.5"), never JSON numbers, so no float touches them; page-note
positions are strings with four decimals for the same reason.
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


def canonical_bytes(value: Any) -> bytes:
    """The one spelling of a JSON value this format accepts (readable: one-space indent)."""
    text = json.dumps(
        value,
        sort_keys=True,
        indent=1,
        separators=(",", ": "),
        ensure_ascii=False,
        allow_nan=False,
    )
    return (text + "\n").encode("utf-8")


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

    def signed_bytes(self) -> bytes:
        return canonical_bytes(self.body)

    def verify(self, public_key: ec.EllipticCurvePublicKey) -> bool:
        return keys.verify_signature(public_key, self.signed_bytes(), self.signature)


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


def _check_entry(path: Path, item: Any) -> None:
    if not isinstance(item, dict):
        raise _malformed(path, "entries")
    for key, kind in (
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
    ):
        _need(path, item, key, kind)
    for value in (*item["scores"].values(), item["total"]):
        try:
            Points.parse(value)
        except (JudgeAppError, TypeError):
            raise _malformed(path, f"entries.{item['code']}.scores") from None
    for group in ("answers", "criterion_comments", "flags"):
        if not all(isinstance(v, str) for v in item[group].values()):
            raise _malformed(path, f"entries.{item['code']}.{group}")
    for note in item["page_notes"]:
        if not isinstance(note, dict) or not isinstance(note.get("text"), str):
            raise _malformed(path, f"entries.{item['code']}.page_notes")
    for file in item["files"]:
        if not isinstance(file, dict) or not isinstance(file.get("sha256"), str):
            raise _malformed(path, f"entries.{item['code']}.files")


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
    try:
        parsed = json.loads(data.decode("utf-8"), parse_float=_no_float, parse_constant=_no_float)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, _FloatError):
        raise _malformed(path, "json") from None
    if not isinstance(parsed, dict) or set(parsed) != {"body", "signature"}:
        raise _malformed(path, "layout")
    body, signature = parsed["body"], parsed["signature"]
    if not isinstance(body, dict) or not isinstance(signature, dict):
        raise _malformed(path, "layout")
    if body.get("format") != FORMAT:
        raise _malformed(path, "format")
    version = body.get("version")
    if version != VERSION:
        raise JudgeAppError("score_file_version", path, version=str(version))
    if signature.get("algorithm") != ALGORITHM:
        raise _malformed(path, "signature.algorithm")
    try:
        raw_signature = base64.b64decode(str(signature.get("value", "")), validate=True)
    except (binascii.Error, ValueError):
        raise _malformed(path, "signature.value") from None
    if canonical_bytes(parsed) != data:
        raise JudgeAppError("score_file_edited", path)
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
    codes = set()
    for item in body["entries"]:
        _check_entry(path, item)
        if item["code"] in codes:
            raise _malformed(path, f"entries.{item['code']}")
        codes.add(item["code"])
    return ScoreFile(path, body, raw_signature, hashlib.sha256(data).hexdigest())


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
        signature = keys.sign(private_key, canonical_bytes(body))
        data = canonical_bytes(
            {
                "body": body,
                "signature": {
                    "algorithm": ALGORITHM,
                    "value": base64.b64encode(signature).decode("ascii"),
                },
            }
        )
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


def summary_text(score_file: ScoreFile) -> str:
    return "\n".join(str(line) for line in score_file.body["summary"])

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

import datetime as dt
import hashlib
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
from judge_app.exchange.score_format import ALGORITHM as ALGORITHM
from judge_app.exchange.score_format import FORMAT as FORMAT
from judge_app.exchange.score_format import HEADER as HEADER
from judge_app.exchange.score_format import MAX_FILE_BYTES as MAX_FILE_BYTES
from judge_app.exchange.score_format import MAX_NUMBER as MAX_NUMBER
from judge_app.exchange.score_format import SUFFIX as SUFFIX
from judge_app.exchange.score_format import VERSION as VERSION
from judge_app.exchange.score_format import ScoreFile as ScoreFile
from judge_app.exchange.score_format import canonical_bytes as canonical_bytes
from judge_app.exchange.score_format import file_bytes as file_bytes
from judge_app.exchange.score_format import read_score_file as read_score_file
from judge_app.exchange.score_format import signed_part as signed_part
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

EXPORT_ACTION = "scores.export"


def points_text(points: Points) -> str:
    return points.format(".")


def position_text(value: float) -> str:
    return f"{min(max(value, 0.0), 1.0):.4f}"


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
    sheet_answers, sheet_scores = grading.answers, grading.scores
    answers = {str(questions[qid].number): chosen for qid, chosen in sheet_answers.items()}
    choice = sum(
        (
            questions[qid].points
            for qid, chosen in sheet_answers.items()
            if chosen and chosen == questions[qid].answer
        ),
        Points(0),
    )
    scores = {criteria[cid].code: points_text(points) for cid, points in sheet_scores.items()}
    total = sum(sheet_scores.values(), choice)
    return {
        "code": entry.code,
        "round": round_,
        "status": grading.status.value,
        "revision": grading.revision,
        "answers": answers,
        "scores": scores,
        # A comment travels with its criterion's score, as it always has: one on a criterion
        # not scored yet stays in the workspace until the score is given.
        "criterion_comments": {
            criteria[cid].code: text
            for cid, text in grading.criterion_comments.items()
            if text and cid in sheet_scores
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

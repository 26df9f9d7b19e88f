"""Grading packages: one signed file per judge, made by the head judge from the board's file.

Format (version 1), a zip file with the extension ``.jgp``:

- every member STORED (entry files are already compressed; a judge's laptop need not inflate),
  timestamps fixed at 1980-01-01 00:00, members in a fixed order: ``manifest.json``,
  ``manifest.sig``, then the entry files in the manifest's order;
- ``manifest.json``: canonical JSON (sorted keys, UTF-8, no spaces) of::

      {"format": "judge-app/grading-package", "version": 1, "created_at": ISO-8601 UTC,
       "contest": {"uuid", "name", "year", "max_total", "score_step", "rounding"},
       "round": R,
       "judge": {"code", "name"},
       "head": {"code", "name", "fingerprint", "public_key": base64 DER SubjectPublicKeyInfo},
       "categories": [{"code", "name", "kind", "grade", "sort"}],
       "rubric": {"questions": [{"number", "prompt", "options", "answer", "points"}],
                  "criteria": [{"code", "name", "guide", "maximum", "step", "sort",
                                "levels": [{"low", "high", "descriptor"}]}]},
       "entries": [{"code", "category",
                    "files": [{"n", "kind", "sha256", "size", "path": "files/<code>/<n>.<ext>"}]}]}

  Points are integer hundredths. The multiple-choice answer key travels with the rubric: the
  judge scores those questions with it. Nothing about a participant travels: no name, unit,
  birth date, receipt time or original file name; entry files are the judges' (cleaned)
  copies, and the hashes are those of the copies.
- ``manifest.sig``: ECDSA P-256 / SHA-256 signature (DER) of the exact bytes of
  ``manifest.json`` by the head judge's key.

Judges' copies are cleaned (`judge_copy`), then redacted: the entrant's name, own school, phone,
e-mail and birth date found in a DOCX's or PDF's text are blacked out (`documents.redaction`),
then the head judge's redaction boxes (`intake.redaction_boxes`) are burned in
(`documents.redaction_burn`: a DOCX with boxes travels as the PDF of our rendering, its member
``files/<code>/<n>.pdf`` and kind "pdf"); the manifest's hash is that of the burned copy,
with the identities the board's file holds (clear links, or sealed records opened in memory
with the passphrases given). Sealed records without passphrases: copies go unredacted and the
report says so (`PackageReport.notes`). Photos and scans cannot be searched without OCR.

The public key inside the manifest only says which key claims to have signed; trust comes from
the key the judge's computer pinned for the contest (see `package_verify`). The board keeps
one audit row per package (``package.create``: judge, round, number of entries, manifest hash),
which says which copies went to which judge without naming any entry.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from judge_app.core.errors import JudgeAppError
from judge_app.core.leaks import IdentityHints
from judge_app.exchange import keys
from judge_app.fileio import fsync_directory, sha256_file, write_atomically
from judge_app.intake.redaction_boxes import boxes_by_file
from judge_app.store import audit
from judge_app.store.database import ContestDatabase
from judge_app.store.models import (
    Assignment,
    Category,
    Contest,
    Criterion,
    Entry,
    EntryFile,
    Judge,
    Question,
)

if TYPE_CHECKING:
    from judge_app.documents.redaction_burn import PageBox

__all__ = [
    "CREATE_ACTION",
    "EXTENSION",
    "FORMAT",
    "MANIFEST",
    "SIGNATURE",
    "VERSION",
    "PackageReport",
    "PreviewCopy",
    "canonical_manifest",
    "create_package",
    "member_path",
    "preview_copy",
]

FORMAT = "judge-app/grading-package"
VERSION = 1
EXTENSION = ".jgp"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CREATE_ACTION = "package.create"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

# Makes the judge's copy of one entry file at target; None, or the reason it refused to.
CopyMaker = Callable[[Path, Path], str | None]


@dataclass(frozen=True, slots=True)
class PackageReport:
    path: Path
    judge: str
    round: int
    entries: int
    files: int
    manifest_sha256: str
    # (entry code, file number, characters blacked out) of each redacted copy: never the text.
    redacted: tuple[tuple[str, int, int], ...] = ()
    notes: tuple[str, ...] = ()  # message codes, e.g. "redact_identities_sealed"
    # (entry code, file number, boxes burned) of each copy with the head judge's boxes.
    boxes: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class _Identity:
    hints: IdentityHints
    birth_dates: tuple[str, ...]


def _identities(
    db: ContestDatabase, passphrases: Sequence[bytes]
) -> tuple[dict[int, _Identity], tuple[str, ...]]:
    """Entry id → what to black out in its copies, and notes ("sealed, not redacted")."""
    from judge_app.intake.leak_scan import build_identity_hints, has_sealed_records
    from judge_app.intake.seal import read_identities

    if not passphrases and has_sealed_records(db):
        return {}, ("redact_identities_sealed",)
    hints = build_identity_hints(db, passphrases)
    with db.read_session() as session:
        ids = {code: entry_id for code, entry_id in session.execute(select(Entry.code, Entry.id))}
        births = {
            ids[identity.code]: (identity.birth_date,)
            for identity in read_identities(db, passphrases, session)
            if identity.birth_date and identity.code in ids
        }
    found = {entry_id: _Identity(h, births.get(entry_id, ())) for entry_id, h in hints.items()}
    return found, ()


def _redact(copy: Path, identity: _Identity, source: Path, code: str) -> int:
    """Black out the entrant in the judge's copy; the number of characters blacked out."""
    from judge_app.documents.redaction import redact_copy  # PyMuPDF for PDFs: load when used

    report = redact_copy(copy, identity.hints, birth_dates=identity.birth_dates)
    if report.status == "failed":
        # A copy that may still show the name goes to nobody: the head judge sees the entry.
        problem = report.problems[0] if report.problems else None
        # The failure's own reason (a message code or MuPDF's words), said inside the sentence.
        reason = (problem.params.get("reason") if problem else None) or "redact_failed"
        raise JudgeAppError("package_file_refused", source, entry=code, reason=reason)
    return report.characters


def _burn(copy: Path, boxes: Sequence[PageBox], source: Path, code: str) -> tuple[Path, str]:
    """Burn the head judge's boxes into the copy: where the copy is now, and its kind."""
    from judge_app.documents.redaction_burn import burn_boxes  # PyMuPDF: load when used

    report = burn_boxes(copy, boxes)
    if report.failed:
        problem = report.problems[0]
        reason = problem.params.get("reason") or problem.code
        raise JudgeAppError("package_file_refused", source, entry=code, reason=reason)
    return report.path, report.kind.value


def canonical_manifest(manifest: Mapping[str, Any]) -> bytes:
    """The one spelling of a manifest that is signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def member_path(code: str, n: int, suffix: str) -> str:
    return f"files/{code}/{n}{suffix.lower()}"


def judge_copy(source: Path, target: Path) -> str | None:
    """The judge's copy of an entry file: `documents.cleaning.clean_copy` (document properties,
    comments, revision authors, PDF metadata, EXIF removed). None when written, else the
    problem code of a file cleaning refused (damaged, protected, too large)."""
    from judge_app.documents.cleaning import clean_copy  # PyMuPDF for PDFs: load when used

    report = clean_copy(source, target)
    if report.written:
        return None
    return report.problems[0].code if report.problems else "clean_refused"


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, whatever OS made the package: same bytes everywhere
    return info


def _one(session: Session, db: ContestDatabase, code: str) -> Judge:
    judge = session.scalars(select(Judge).where(Judge.code == code.strip())).first()
    if judge is None:
        raise JudgeAppError("package_judge_not_found", db.path, judge=code)
    return judge


def _head(session: Session, db: ContestDatabase) -> Judge:
    heads = session.scalars(select(Judge).where(Judge.is_head.is_(True))).all()
    if len(heads) != 1:
        raise JudgeAppError("key_no_head_judge", db.path, count=len(heads))
    head = heads[0]
    if head.public_key is None or head.key_fingerprint is None:
        raise JudgeAppError("package_no_head_key", db.path, judge=head.code)
    return head


def _rubric(session: Session) -> dict[str, Any]:
    questions = session.scalars(select(Question).order_by(Question.number)).all()
    criteria = session.scalars(
        select(Criterion).options(selectinload(Criterion.levels)).order_by(Criterion.sort)
    ).all()
    return {
        "questions": [
            {
                "number": q.number,
                "prompt": q.prompt,
                "options": q.options,
                "answer": q.answer,
                "points": q.points.centi,
            }
            for q in questions
        ],
        "criteria": [
            {
                "code": c.code,
                "name": c.name,
                "guide": c.guide,
                "maximum": c.maximum.centi,
                "step": c.step.centi,
                "sort": c.sort,
                "levels": [
                    {"low": lv.low.centi, "high": lv.high.centi, "descriptor": lv.descriptor}
                    for lv in c.levels
                ],
            }
            for c in criteria
        ],
    }


@dataclass(frozen=True, slots=True)
class _File:
    source: Path
    member: str
    n: int
    kind: str
    sha256: str  # of the stored file, checked before copying
    file_id: int = 0


def _entries(
    session: Session, db: ContestDatabase, judge: Judge, round_: int
) -> list[tuple[Entry, list[_File]]]:
    rows = session.scalars(
        select(Entry)
        .join(Assignment, Assignment.entry_id == Entry.id)
        .where(Assignment.judge_id == judge.id, Assignment.round == round_)
        .options(selectinload(Entry.files), selectinload(Entry.category))
        .order_by(Entry.code)
    ).all()
    root = db.path.parent
    found: list[tuple[Entry, list[_File]]] = []
    for entry in rows:
        files = [
            _File(
                source=root / stored.stored_path,
                member=member_path(entry.code, n, Path(stored.stored_path).suffix),
                n=n,
                kind=stored.kind.value,
                sha256=stored.sha256,
                file_id=stored.id,
            )
            for n, stored in enumerate(entry.files, start=1)
        ]
        found.append((entry, files))
    return found


def create_package(
    db: ContestDatabase,
    judge_code: str,
    round_: int,
    out_path: Path,
    private_key: ec.EllipticCurvePrivateKey,
    *,
    actor: str,
    make_copy: CopyMaker = judge_copy,
    passphrases: Sequence[bytes] = (),
    redact: bool = True,
) -> PackageReport:
    """Write `judge_code`'s package for `round_` to `out_path` (never over an existing file),
    signed with `private_key`, which must be the head judge's pinned key. With `redact`, each
    copy is redacted after `make_copy` (see the module's notes); `passphrases` open sealed
    identity records for that, in memory only."""
    out_path = Path(out_path)
    if out_path.exists():
        raise JudgeAppError("file_exists", out_path)
    with db.read_session() as session:
        judge = _one(session, db, judge_code)
        if judge.is_head:
            raise JudgeAppError("package_judge_is_head", db.path, judge=judge.code)
        head = _head(session, db)
        signer = keys.fingerprint(private_key.public_key())
        if signer != head.key_fingerprint:
            raise JudgeAppError(
                "package_key_not_head",
                db.path,
                fingerprint=signer,
                head=head.key_fingerprint,
                judge=head.code,
            )
        contest = session.scalars(select(Contest)).one()
        categories = session.scalars(select(Category).order_by(Category.sort)).all()
        entries = _entries(session, db, judge, round_)
        if not entries:
            raise JudgeAppError("package_no_entries", db.path, judge=judge.code, round=round_)
        manifest_head: dict[str, Any] = {
            "code": head.code,
            "name": head.name,
            "fingerprint": head.key_fingerprint,
            "public_key": base64.b64encode(head.public_key or b"").decode("ascii"),
        }
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "contest": {
                "uuid": contest.uuid,
                "name": contest.name,
                "year": contest.year,
                "max_total": contest.max_total.centi,
                "score_step": contest.score_step.centi,
                "rounding": contest.rounding,
            },
            "round": round_,
            "judge": {"code": judge.code, "name": judge.name},
            "head": manifest_head,
            "categories": [
                {
                    "code": c.code,
                    "name": c.name,
                    "kind": c.kind.value,
                    "grade": c.grade,
                    "sort": c.sort,
                }
                for c in categories
            ],
            "rubric": _rubric(session),
        }
        judge_name = judge.code
        entry_rows = [
            (entry.id, entry.code, entry.category.code, files) for entry, files in entries
        ]
        all_boxes = boxes_by_file(session)
    identities, notes = _identities(db, passphrases) if redact else ({}, ())
    redacted: list[tuple[str, int, int]] = []
    burned: list[tuple[str, int, int]] = []

    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".package-", dir=out_path.parent) as scratch:
        copies: list[tuple[Path, str]] = []
        manifest_entries: list[dict[str, Any]] = []
        for entry_id, code, category, files in entry_rows:
            identity = identities.get(entry_id)
            listed = []
            for item in files:
                _check_source(item)
                copy = Path(scratch) / f"{len(copies)}{Path(item.member).suffix}"
                refused = make_copy(item.source, copy)
                if refused is not None:
                    # An entry whose file cannot be cleaned goes to the head judge (referred),
                    # not to a grader with the file left out or uncleaned.
                    raise JudgeAppError(
                        "package_file_refused", item.source, entry=code, reason=refused
                    )
                if identity is not None:
                    characters = _redact(copy, identity, item.source, code)
                    if characters:
                        redacted.append((code, item.n, characters))
                member, kind = item.member, item.kind
                boxes = all_boxes.get(item.file_id, [])
                if boxes:
                    copy, kind = _burn(copy, boxes, item.source, code)
                    member = member_path(code, item.n, copy.suffix)
                    burned.append((code, item.n, len(boxes)))
                digest, size = sha256_file(copy)
                listed.append(
                    {
                        "n": item.n,
                        "kind": kind,
                        "sha256": digest,
                        "size": size,
                        "path": member,
                    }
                )
                copies.append((copy, member))
            manifest_entries.append({"code": code, "category": category, "files": listed})
        manifest["entries"] = manifest_entries
        manifest_bytes = canonical_manifest(manifest)
        signature = keys.sign(private_key, manifest_bytes)
        temp = Path(scratch) / "package.zip"
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            archive.writestr(_zip_info(MANIFEST), manifest_bytes)
            archive.writestr(_zip_info(SIGNATURE), signature)
            for copy, member in copies:
                with copy.open("rb") as source, archive.open(_zip_info(member), "w") as target:
                    shutil.copyfileobj(source, target, 1 << 20)
        with temp.open("rb") as handle:
            os.fsync(handle.fileno())
        if out_path.exists():  # appeared while the copies were made
            raise JudgeAppError("file_exists", out_path)
        try:
            temp.replace(out_path)
        except OSError as exc:
            raise JudgeAppError(
                "database_unwritable", out_path, reason=exc.strerror or str(exc)
            ) from exc
        fsync_directory(out_path.parent)

    manifest_sha256 = hashlib.sha256(manifest_bytes).hexdigest()
    _keep_manifest(db, judge_name, round_, manifest_sha256, manifest_bytes)
    with db.session() as session, session.begin():
        audit.record(
            session,
            actor=actor,
            action=CREATE_ACTION,
            entity="judge",
            entity_key=judge_name,
            before=None,
            after={
                "judge": judge_name,
                "round": round_,
                "entries": len(manifest_entries),
                "manifest_sha256": manifest_sha256,
            },
        )
    return PackageReport(
        out_path,
        judge_name,
        round_,
        len(manifest_entries),
        len(copies),
        manifest_sha256,
        tuple(redacted),
        notes,
        tuple(burned),
    )


PACKAGE_EVIDENCE_DIR = "package-manifests"


def evidence_label(judge_code: str) -> str:
    """A judge's code as it names the evidence files kept beside the contest file (package
    manifests, merged score files): letters, digits, '-' and '_' only."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in judge_code) or "judge"


def _keep_manifest(
    db: ContestDatabase, judge: str, round_: int, digest: str, manifest: bytes
) -> None:
    """Keep the signed manifest beside the contest file: it holds the hashes of the judges'
    copies, which the merge compares with the files each judge says they saw."""
    target = (
        db.path.parent
        / PACKAGE_EVIDENCE_DIR
        / f"{evidence_label(judge)}-r{round_}-{digest[:12]}.json"
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, manifest)
    except OSError as exc:
        raise JudgeAppError("database_unwritable", target, reason=exc.strerror or str(exc)) from exc


def _check_source(item: _File) -> None:
    """The board's stored file must still be the one intake recorded."""
    if not item.source.is_file():
        raise JudgeAppError("file_not_found", item.source)
    digest, _ = sha256_file(item.source)
    if digest != item.sha256:
        raise JudgeAppError("package_source_changed", item.source)


@dataclass(frozen=True, slots=True)
class PreviewCopy:
    """A judge's copy made for the head judge to review: where, its kind, the characters the
    automatic redaction blacked out, the boxes burned, and notes (message codes)."""

    path: Path
    kind: str
    characters: int
    boxes: int
    notes: tuple[str, ...] = ()


def preview_copy(
    db: ContestDatabase,
    code: str,
    n: int,
    folder: Path,
    *,
    passphrases: Sequence[bytes] = (),
) -> PreviewCopy:
    """File `n` of entry `code` as a package would carry it (cleaned, identities blacked out,
    boxes burned), written in `folder`: the review of the automatic redaction and the boxes.
    Worker thread or CLI only (PyMuPDF)."""
    from judge_app.documents.redaction_burn import BURN_LOCK
    from judge_app.intake.redaction_boxes import burn_list, entry_file, list_boxes

    ref = entry_file(db, code, n)
    with db.read_session() as session:
        stored = session.get(EntryFile, ref.id)
        sha = stored.sha256 if stored is not None else ""
    _check_source(_File(ref.path, "", n, ref.kind, sha, ref.id))
    folder.mkdir(parents=True, exist_ok=True)
    copy = Path(folder) / f"{ref.code}-{n}{ref.path.suffix.lower()}"
    with BURN_LOCK:  # one PyMuPDF user at a time among the board's workers
        refused = judge_copy(ref.path, copy)
    if refused is not None:
        raise JudgeAppError("package_file_refused", ref.path, entry=ref.code, reason=refused)
    identities, notes = _identities(db, passphrases)
    identity = identities.get(ref.entry_id)
    characters = 0
    if identity is not None:
        with BURN_LOCK:
            characters = _redact(copy, identity, ref.path, ref.code)
    boxes = burn_list(list_boxes(db, ref.code, n))
    kind = ref.kind
    if boxes:
        copy, kind = _burn(copy, boxes, ref.path, ref.code)
    return PreviewCopy(copy, kind, characters, len(boxes), notes)

"""Shortlists after a screening round (sơ khảo) and finalists for the next tier (chung khảo cấp
trên): the cut, the main round's entries, and the package the next tier's contest imports.

Shortlist (`cut_shortlist`): the contest says it has a screening round (`settings.rounds.
screening`); one judge (or more: their mean) graded each entry in that round. The cut keeps the
top N (overall or per category) or every entry scoring at least X. **Ties at the cut are all
kept and reported** (a top 10 with three entries equal at place 10 keeps twelve): the board is
never shown a silent cut, and dropping an entry that scored exactly as a kept one could not be
justified. The cut is recorded in the meta key `shortlist` (kept codes, screening scores, and for
each entry cut the reason), the screening round in `round_purposes` so the two-judge rule never
counts its gradings, with one audit row. Settlement then settles the cut entries as not ranked
(queue invalid, rule "shortlist", the reason), so the lock and the results list them with why.
The cut may be redone until a main-round grading exists or the scores are locked.
`assign_shortlist` gives only the kept entries their judges (`assign_round(entry_codes=…)`).

Finalists (`export_finalists`): after the lock and the reveal, the top N or those at or above a
score (per category or overall, ties at the cut kept) go into one zip: `manifest.json`
(format "judge-app-finalists" 1: the contest, the rule, each finalist's identity, category,
unit, final and exact score, rank, prizes and files with their SHA-256) and each stored entry
file once under `files/`. The zip is written to a temporary file beside the target and renamed.
`import_finalists` reads such a zip into another contest file: every file's hash is checked, the
categories must exist there (by code), missing units are created, each finalist becomes a
participant and a new entry with a fresh code, its files stored by content hash under the
contest folder as intake stores them, and its identity record in clear (the next tier seals it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render
from judge_app.core.scores import Points, round_score
from judge_app.fileio import fsync_directory, sha256_file
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, session_driver
from judge_app.store.models import (
    Category,
    Contest,
    Entry,
    EntryFile,
    EntryStatus,
    FileKind,
    IdentityRecord,
    Meta,
    Participant,
    Unit,
)
from judge_app.store.settlement import (
    ROUND_PURPOSES_KEY,
    SHORTLIST_KEY,
    Queue,
    excluded_rounds,
    settle_entries,
)
from judge_app.store.sheet import load_int_map, load_text_map

__all__ = [
    "FINALISTS_FORMAT",
    "Candidate",
    "Cut",
    "CutTie",
    "FinalistsExport",
    "FinalistsImport",
    "Shortlist",
    "assign_shortlist",
    "cut",
    "cut_shortlist",
    "export_finalists",
    "import_finalists",
    "read_shortlist",
]

SCREENING_PURPOSE = "screening"
FINALISTS_FORMAT = "judge-app-finalists"
FINALISTS_VERSION = 1
IMPORTS_KEY = "finalists_imports"  # meta JSON {"items": [{"sha256", "at", "source", "count"}]}
MANIFEST = "manifest.json"
MAX_MANIFEST = 20 * 1024 * 1024
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,8}$")
_SHA = re.compile(r"^[0-9a-f]{64}$")
_BLOCK = 1 << 20


# ---------------------------------------------------------------------------------------------
# The cut (pure)


@dataclass(frozen=True, slots=True)
class Candidate:
    code: str
    category: str
    exact: Decimal  # ranks use the exact score
    final: Points  # a minimum score is compared with the published (rounded) score


@dataclass(frozen=True, slots=True)
class CutTie:
    """Entries equal at the boundary of a top-N cut: all kept, more than N in the group."""

    group: str  # category code, or "*" for the whole contest
    score: Decimal
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cut:
    kept: tuple[str, ...]  # best first within each group
    out: tuple[str, ...]
    ties: tuple[CutTie, ...]


ALL = "*"


def cut(
    candidates: Iterable[Candidate],
    *,
    top: int | None = None,
    min_score: Points | None = None,
    per_category: bool = False,
) -> Cut:
    """Keep the top `top` (ties at the boundary all kept) or those with `final` ≥ `min_score`."""
    if (top is None) == (min_score is None):
        raise ValueError("exactly one of top and min_score")
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for item in candidates:
        groups[item.category if per_category else ALL].append(item)
    kept: list[str] = []
    out: list[str] = []
    ties: list[CutTie] = []
    for group in sorted(groups):
        items = sorted(groups[group], key=lambda c: (-c.exact, c.code))
        if min_score is not None:
            chosen = [c for c in items if c.final >= min_score]
        else:
            assert top is not None
            if len(items) <= top:
                chosen = items
            else:
                boundary = items[top - 1].exact
                chosen = [c for c in items if c.exact >= boundary]
                if len(chosen) > top:
                    equal = tuple(c.code for c in items if c.exact == boundary)
                    ties.append(CutTie(group, boundary, equal))
        names = {c.code for c in chosen}
        kept.extend(c.code for c in chosen)
        out.extend(c.code for c in items if c.code not in names)
    return Cut(tuple(kept), tuple(sorted(out)), tuple(ties))


def rule_text(
    top: int | None, min_score: Points | None, per_category: bool, lang: str = "vi"
) -> str:
    """The cut's rule in words (kept with the shortlist, shown in each cut entry's reason)."""
    if top is not None:
        scope = render("shortlist_scope_category", lang) if per_category else ""
        return render("shortlist_rule_top", lang, count=top, scope=scope)
    assert min_score is not None
    text = render("shortlist_rule_min", lang, score=min_score.format())
    return text + (render("shortlist_scope_category", lang) if per_category else "")


def _check_rule(
    db: ContestDatabase, top: int | None, min_score: Points | None, maximum: Points
) -> None:
    if (top is None) == (min_score is None) or (top is not None and top < 1):
        raise JudgeAppError("shortlist_bad_rule", db.path, maximum=maximum.format())
    if min_score is not None and not 0 <= min_score.centi <= maximum.centi:
        raise JudgeAppError("shortlist_bad_rule", db.path, maximum=maximum.format())


# ---------------------------------------------------------------------------------------------
# Reading helpers


def _read(session: Session, key: str) -> dict[str, Any]:
    row = session.get(Meta, key)
    value = json.loads(row.value) if row is not None else {}
    return value if isinstance(value, dict) else {}


def _write(session: Session, key: str, value: Mapping[str, Any]) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=text))
    else:
        row.value = text


def _settings(session: Session) -> dict[str, Any]:
    from judge_app.store.results import contest_settings

    return contest_settings(session.scalars(select(Contest.settings)).one())


def round_totals(connection: sqlite3.Connection, round_: int) -> dict[str, list[Points]]:
    """Entry code → the totals of its submitted gradings in `round_` (criteria + choices)."""
    key = {
        qid: (answer, points)
        for qid, answer, points in connection.execute("SELECT id, answer, points FROM question")
    }
    found: dict[str, list[Points]] = defaultdict(list)
    for code, scores, answers in connection.execute(
        "SELECT e.code, g.scores, g.answers FROM grading g JOIN entry e ON e.id = g.entry_id "
        "WHERE g.status = 'SUBMITTED' AND g.round = ? ORDER BY g.id",
        (round_,),
    ):
        centi = sum(load_int_map(scores).values())
        for question_id, chosen in load_text_map(answers).items():
            answer, points = key[question_id]
            if chosen and chosen == answer:
                centi += points
        found[code].append(Points(centi))
    return dict(found)


# ---------------------------------------------------------------------------------------------
# Shortlist


@dataclass(frozen=True, slots=True)
class Shortlist:
    round: int
    rule: str  # in words, Vietnamese (as recorded)
    top: int | None
    min_score: Points | None
    per_category: bool
    kept: tuple[str, ...]
    out: dict[str, str]  # code → reason
    scores: dict[str, Points]  # code → screening score (published)
    ties: tuple[CutTie, ...]
    by: str
    at: str


def _shortlist_of(data: Mapping[str, Any]) -> Shortlist:
    min_score = data.get("min_score")
    return Shortlist(
        round=int(data["round"]),
        rule=str(data.get("rule", "")),
        top=None if data.get("top") is None else int(data["top"]),
        min_score=None if min_score is None else Points(int(min_score)),
        per_category=bool(data.get("per_category")),
        kept=tuple(data.get("kept", [])),
        out={str(k): str(v) for k, v in (data.get("out") or {}).items()},
        scores={str(k): Points(int(v)) for k, v in (data.get("scores") or {}).items()},
        ties=tuple(
            CutTie(str(t["group"]), Decimal(str(t["score"])), tuple(t["codes"]))
            for t in data.get("ties", [])
        ),
        by=str(data.get("by", "")),
        at=str(data.get("at", "")),
    )


def read_shortlist(db: ContestDatabase) -> Shortlist | None:
    with db.read_session() as session:
        data = _read(session, SHORTLIST_KEY)
    return _shortlist_of(data) if data.get("round") is not None else None


def cut_shortlist(
    db: ContestDatabase,
    *,
    round_: int = 1,
    top: int | None = None,
    min_score: Points | None = None,
    per_category: bool = False,
    actor: str,
) -> Shortlist:
    """Cut the shortlist on the screening round's scores; record it (audited)."""
    from judge_app.store.results_lock import lock_state

    if lock_state(db).locked:
        raise JudgeAppError("shortlist_locked", db.path)
    with db.read_session() as session:
        contest = session.scalars(select(Contest)).one()
        maximum, rounding = contest.max_total, contest.rounding
        if not (_settings(session).get("rounds") or {}).get("screening"):
            raise JudgeAppError("shortlist_no_screening", db.path)
        connection = session_driver(session)
        totals = round_totals(connection, round_)
        side = excluded_rounds(session) - {round_}
        main = sorted(
            code
            for code, graded in connection.execute(
                "SELECT DISTINCT e.code, g.round FROM grading g JOIN entry e ON e.id = g.entry_id"
            )
            if graded != round_ and graded not in side
        )
        categories = {
            code: category
            for code, category in connection.execute(
                "SELECT e.code, c.code FROM entry e JOIN category c ON c.id = e.category_id"
            )
        }
    _check_rule(db, top, min_score, maximum)
    if main:
        raise JudgeAppError("shortlist_main_started", db.path, entries=", ".join(main[:10]))
    if not totals:
        raise JudgeAppError("shortlist_round_empty", db.path, round=round_)
    invalid = {
        row.code
        for row in settle_entries(db)
        if row.queue is Queue.INVALID and row.rule != "shortlist"
    }
    candidates = []
    ungraded = []
    for code in sorted(categories):
        if code in invalid:
            continue
        scores = totals.get(code)
        if not scores:
            ungraded.append(code)
            continue
        exact = Decimal(sum(s.centi for s in scores)) / (100 * len(scores))
        candidates.append(Candidate(code, categories[code], exact, round_score(exact, rounding)))
    if ungraded:
        raise JudgeAppError(
            "shortlist_ungraded",
            db.path,
            count=len(ungraded),
            round=round_,
            entries=", ".join(ungraded[:10]) + (" …" if len(ungraded) > 10 else ""),
        )
    result = cut(candidates, top=top, min_score=min_score, per_category=per_category)
    rule = rule_text(top, min_score, per_category)
    published = {c.code: c.final for c in candidates}
    record = {
        "round": round_,
        "rule": rule,
        "top": top,
        "min_score": None if min_score is None else min_score.centi,
        "per_category": per_category,
        "kept": list(result.kept),
        "out": {
            code: render("shortlist_out_reason", "vi", score=published[code].format(), rule=rule)
            for code in result.out
        },
        "scores": {code: score.centi for code, score in published.items()},
        "ties": [
            {"group": t.group, "score": str(t.score), "codes": list(t.codes)} for t in result.ties
        ],
        "by": actor,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    with db.session() as session, session.begin():
        before = _read(session, SHORTLIST_KEY)
        purposes = _read(session, ROUND_PURPOSES_KEY)
        if before.get("round") is not None and before["round"] != round_:
            purposes.pop(str(before["round"]), None)
        purposes[str(round_)] = SCREENING_PURPOSE
        _write(session, ROUND_PURPOSES_KEY, purposes)
        _write(session, SHORTLIST_KEY, record)
        audit.record(
            session,
            actor=actor,
            action="shortlist.cut",
            entity="round",
            entity_key=str(round_),
            before={"kept": len(before.get("kept", []))} if before else None,
            after={
                "rule": {"top": top, "min_score": min_score, "per_category": per_category},
                "kept": list(result.kept),
                "out": len(result.out),
                "ties": record["ties"],
            },
        )
    return _shortlist_of(record)


def assign_shortlist(
    db: ContestDatabase,
    round_: int,
    k: int,
    seed: int | None = None,
    *,
    by_category: bool = False,
    actor: str,
) -> tuple[int, int]:
    """Assign the main round to the shortlisted entries only; (round, entries)."""
    from judge_app.intake.assign import assign_round

    shortlist = read_shortlist(db)
    if shortlist is None:
        raise JudgeAppError("shortlist_none", db.path)
    if round_ == shortlist.round:
        raise JudgeAppError("assign_bad_round", db.path, round=round_)
    done = assign_round(
        db,
        round_,
        k,
        seed,
        by_category=by_category,
        actor=actor,
        entry_codes=shortlist.kept,
    )
    return done.round, len(shortlist.kept)


# ---------------------------------------------------------------------------------------------
# Finalists: export


@dataclass(frozen=True, slots=True)
class FinalistsExport:
    path: Path
    count: int
    files: int
    ties: tuple[CutTie, ...]
    sha256: str


def _finalist_rows(db: ContestDatabase, codes: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Identity and files of the chosen entries, straight from the board's file."""
    wanted = set(codes)
    with db.read_session() as session:
        c = session_driver(session)
        people = {
            code: {
                "full_name": name,
                "birth_date": birth,
                "contact": contact or "",
            }
            for code, name, birth, contact in c.execute(
                "SELECT e.code, p.full_name, p.birth_date, p.contact FROM identity_record r "
                "JOIN entry e ON e.id = r.entry_id JOIN participant p ON p.id = r.participant_id"
            )
            if code in wanted
        }
        files: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for code, stored, sha, size, kind, original in c.execute(
            "SELECT e.code, f.stored_path, f.sha256, f.size, f.kind, f.original_name FROM "
            "entry_file f JOIN entry e ON e.id = f.entry_id ORDER BY e.code, f.sort, f.id"
        ):
            if code in wanted:
                files[code].append(
                    {
                        "stored": stored,
                        "sha256": sha,
                        "size": size,
                        "kind": str(kind).lower(),
                        "original_name": original or "",
                    }
                )
    return {code: {"person": people.get(code), "files": files.get(code, [])} for code in codes}


def _suffix_of(stored: str) -> str:
    suffix = Path(stored).suffix.lower()
    return suffix if _SUFFIX.match(suffix) else ".bin"


def export_finalists(
    db: ContestDatabase,
    out: Path,
    *,
    top: int | None = None,
    min_score: Points | None = None,
    per_category: bool = False,
    actor: str,
) -> FinalistsExport:
    """Write the finalists' package for the next tier (locked, revealed results only)."""
    from judge_app.store.results import compute_results
    from judge_app.store.results_lock import lock_state

    if not lock_state(db).final:
        raise JudgeAppError("finalists_not_locked", db.path)
    results = compute_results(db)
    if not results.revealed:
        raise JudgeAppError("finalists_not_revealed", db.path)
    with db.read_session() as session:
        contest = session.scalars(select(Contest)).one()
        _check_rule(db, top, min_score, contest.max_total)
        source = {
            "name": contest.name,
            "uuid": contest.uuid,
            "tier": contest.tier,
            "year": contest.year,
            "max_total": str(contest.max_total),
        }
        category_rows = {
            c.code: {"code": c.code, "name": c.name, "kind": c.kind.value, "grade": c.grade}
            for c in session.scalars(select(Category).order_by(Category.sort, Category.id))
        }
    ranked = {row.code: row for key, rows in results.rankings.items() if key != "*" for row in rows}
    chosen = cut(
        (Candidate(r.code, r.category, r.exact, r.final) for r in ranked.values()),
        top=top,
        min_score=min_score,
        per_category=per_category,
    )
    rule = rule_text(top, min_score, per_category)
    if not chosen.kept:
        raise JudgeAppError("finalists_none", db.path, rule=rule)
    facts = _finalist_rows(db, chosen.kept)
    root = db.path.parent
    finalists = []
    blobs: dict[str, Path] = {}  # member name → file on disk
    for code in chosen.kept:
        row = ranked[code]
        files = []
        for item in facts[code]["files"]:
            path = root / item["stored"]
            if not path.is_file() or sha256_file(path) != (item["sha256"], item["size"]):
                raise JudgeAppError("finalists_file_missing", path, entry=code)
            member = f"files/{item['sha256']}{_suffix_of(item['stored'])}"
            blobs[member] = path
            files.append(
                {
                    "name": member,
                    "sha256": item["sha256"],
                    "size": item["size"],
                    "kind": item["kind"],
                    "original_name": item["original_name"],
                }
            )
        person = facts[code]["person"] or {}
        finalists.append(
            {
                "source_code": code,
                "category": row.category,
                "final": str(row.final),
                "exact": str(row.exact),
                "rank": row.rank,
                "prizes": list(row.prizes),
                "participant": {
                    "full_name": person.get("full_name") or row.participant or "",
                    "birth_date": person.get("birth_date"),
                    "contact": person.get("contact", ""),
                },
                "unit": {"code": row.unit_code, "name": row.unit_name},
                "files": files,
            }
        )
    manifest = {
        "format": FINALISTS_FORMAT,
        "version": FINALISTS_VERSION,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "source": source,
        "rule": {
            "text": rule,
            "top": top,
            "min_score": None if min_score is None else str(min_score),
            "per_category": per_category,
        },
        "lock_digest": results.lock_digest,
        "categories": [category_rows[c] for c in sorted({ranked[k].category for k in chosen.kept})],
        "ties": [
            {"group": t.group, "score": str(t.score), "codes": list(t.codes)} for t in chosen.ties
        ],
        "finalists": finalists,
    }
    digest = _write_zip(out, manifest, blobs)
    with db.session() as session, session.begin():
        audit.record(
            session,
            actor=actor,
            action="finalists.export",
            entity="package",
            entity_key=out.name,
            before=None,
            after={
                "rule": manifest["rule"],
                "codes": list(chosen.kept),
                "files": len(blobs),
                "sha256": digest,
            },
        )
    return FinalistsExport(out, len(finalists), len(blobs), chosen.ties, digest)


def _write_zip(out: Path, manifest: Mapping[str, Any], blobs: Mapping[str, Path]) -> str:
    """The zip in a temp file beside `out`, fsynced, renamed over it; its SHA-256."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "w+b") as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
                text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
                archive.writestr(MANIFEST, text.encode())
                for member, path in sorted(blobs.items()):
                    # Entry files are DOCX/PDF/JPEG: already compressed, stored as they are.
                    archive.write(path, member, compress_type=zipfile.ZIP_STORED)
            raw.flush()
            os.fsync(raw.fileno())
        digest = sha256_file(temp)[0]
        temp.replace(out)
        fsync_directory(out.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return digest


# ---------------------------------------------------------------------------------------------
# Finalists: import


@dataclass(frozen=True, slots=True)
class FinalistsImport:
    codes: dict[str, str]  # source code → new code
    files: int
    units_added: tuple[str, ...]


def _bad(path: Path, reason: str) -> JudgeAppError:
    return JudgeAppError("finalists_bad_package", path, reason=reason)


def _read_manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        raise _bad(path, MANIFEST) from None
    if info.file_size > MAX_MANIFEST:
        raise _bad(path, f"{MANIFEST} > {MAX_MANIFEST} B")
    try:
        data = json.loads(archive.read(info).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _bad(path, f"{MANIFEST}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FINALISTS_FORMAT:
        raise _bad(path, "format")
    if not isinstance(data.get("version"), int) or data["version"] > FINALISTS_VERSION:
        raise _bad(path, "version")
    finalists = data.get("finalists")
    if not isinstance(finalists, list) or not finalists:
        raise _bad(path, "finalists")
    for number, item in enumerate(finalists):
        if not isinstance(item, dict) or not isinstance(item.get("participant"), dict):
            raise _bad(path, f"finalists[{number}]")
        if not str(item["participant"].get("full_name", "")).strip():
            raise _bad(path, f"finalists[{number}].participant.full_name")
        for f in item.get("files", []):
            if not (
                isinstance(f, dict)
                and _SHA.match(str(f.get("sha256", "")))
                and f.get("name") == f"files/{f['sha256']}{_suffix_of(str(f['name']))}"
                and isinstance(f.get("size"), int)
            ):
                raise _bad(path, f"finalists[{number}].files")
    return data


def _extract(archive: zipfile.ZipFile, member: str, size: int, sha: str, target: Path) -> bool:
    """Copy one member to `target` (content-addressed) after checking its size and hash; False
    when the member does not match what the manifest says."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".import", suffix=".tmp")
    temp = Path(temp_name)
    digest = hashlib.sha256()
    written = 0
    try:
        with os.fdopen(handle, "wb") as out, archive.open(member) as source:
            for block in iter(lambda: source.read(_BLOCK), b""):
                written += len(block)
                if written > size:  # never trust a member to be as small as it says
                    return False
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if written != size or digest.hexdigest() != sha:
            return False
        if target.exists():
            return True
        temp.replace(target)
        return True
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _date(text: Any) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def import_finalists(db: ContestDatabase, package: Path, *, actor: str) -> FinalistsImport:
    """Create the package's finalists as participants and entries of this contest."""
    from judge_app.intake.receive import CONTEST_TZ, FILES_FOLDER
    from judge_app.intake.seal import allocate_codes

    package = Path(package)
    if not package.is_file():
        raise JudgeAppError("file_not_found", package)
    package_sha = sha256_file(package)[0]
    try:
        archive = zipfile.ZipFile(package)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _bad(package, str(exc) or type(exc).__name__) from exc
    root = db.path.parent
    stored: list[Path] = []
    with archive:
        manifest = _read_manifest(archive, package)
        with db.read_session() as session:
            done = _read(session, IMPORTS_KEY).get("items", [])
            earlier = next((i for i in done if i.get("sha256") == package_sha), None)
            if earlier is not None:
                raise JudgeAppError("finalists_already_imported", package, at=earlier.get("at"))
            categories = {c.code: c.id for c in session.scalars(select(Category))}
        needed = sorted({str(f["category"]) for f in manifest["finalists"]})
        missing = [code for code in needed if code not in categories]
        if missing:
            raise JudgeAppError(
                "finalists_unknown_category", package, categories=", ".join(missing)
            )
        # Files first (content-addressed, as intake stores them): an unreferenced file left by
        # a failed commit is harmless, the next run reuses it.
        names = set(archive.namelist())
        for item in manifest["finalists"]:
            for f in item.get("files", []):
                member = str(f["name"])
                target = root / FILES_FOLDER / f["sha256"][:2] / member.removeprefix("files/")
                if member not in names or not _extract(
                    archive, member, int(f["size"]), str(f["sha256"]), target
                ):
                    raise _bad(package, member)
                stored.append(target)
    for folder in sorted({p.parent for p in stored}):
        fsync_directory(folder)
    now = dt.datetime.now(CONTEST_TZ).replace(tzinfo=None, microsecond=0)
    mapping: dict[str, str] = {}
    units_added: list[str] = []
    files = 0
    with db.session() as session, session.begin():
        contest = session.scalars(select(Contest)).one()
        units = {u.code: u for u in session.scalars(select(Unit))}
        codes = iter(allocate_codes(session, len(manifest["finalists"])))
        for item in manifest["finalists"]:
            unit_data = item.get("unit") or {}
            unit = None
            unit_code = str(unit_data.get("code") or "").strip()
            if unit_code:
                unit = units.get(unit_code)
                if unit is None:
                    unit = Unit(
                        contest_id=contest.id,
                        code=unit_code,
                        name=str(unit_data.get("name") or unit_code),
                    )
                    session.add(unit)
                    session.flush()
                    units[unit_code] = unit
                    units_added.append(unit_code)
            person = item["participant"]
            category_id = categories[str(item["category"])]
            participant = Participant(
                contest_id=contest.id,
                full_name=str(person["full_name"]).strip(),
                birth_date=_date(person.get("birth_date")),
                category_id=category_id,
                unit_id=None if unit is None else unit.id,
                contact=str(person.get("contact") or ""),
            )
            entry = Entry(
                contest_id=contest.id,
                code=next(codes),
                category_id=category_id,
                unit_id=None if unit is None else unit.id,
                received_at=now,
                status=EntryStatus.RECEIVED,
            )
            for sort, f in enumerate(item.get("files", [])):
                sha = str(f["sha256"])
                entry.files.append(
                    EntryFile(
                        sort=sort,
                        stored_path=f"{FILES_FOLDER}/{sha[:2]}/{str(f['name']).removeprefix('files/')}",
                        sha256=sha,
                        size=int(f["size"]),
                        kind=_kind(f.get("kind")),
                        original_name=str(f.get("original_name") or ""),
                    )
                )
                files += 1
            session.add_all([participant, entry])
            session.flush()
            session.add(IdentityRecord(entry_id=entry.id, participant_id=participant.id))
            mapping[str(item.get("source_code", ""))] = entry.code
        data = _read(session, IMPORTS_KEY)
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        data["items"] = [
            *data.get("items", []),
            {
                "sha256": package_sha,
                "at": at,
                "source": (manifest.get("source") or {}).get("name", ""),
                "count": len(mapping),
            },
        ]
        _write(session, IMPORTS_KEY, data)
        # Codes and counts only: the log is permanent and travels with the file.
        audit.record(
            session,
            actor=actor,
            action="finalists.import",
            entity="package",
            entity_key=package_sha,
            before=None,
            after={
                "source": manifest.get("source"),
                "entries": mapping,
                "files": files,
                "units_added": units_added,
            },
        )
    return FinalistsImport(mapping, files, tuple(units_added))


def _kind(value: Any) -> FileKind:
    try:
        return FileKind(str(value).lower())
    except ValueError:
        return FileKind.OTHER

"""Appeals (phúc khảo) of locked results, GUIDE §2: request, regrading by two other judges (a third
if they differ), the ≥ 0.25 change rule, a recorded dialogue for changes ≥ 0.5, then a new lock.

Flow, each step audited:
1. `request_appeal` (results locked, the entry has a final score): opens the entry
   (`unlock_for_appeal`) and records the request with the original final.
2. `assign_appeals`: every requested appeal gets two judges, never a judge who graded or was
   assigned the entry before (all earlier rounds are passed to `assign_round` as
   `exclude_rounds`), nor the head judge. The judges work in a dedicated appeal round (11, 12, …)
   recorded in the meta key `round_purposes`, so settlement never counts an appeal grading as a
   third grading of the main round. When the two appeal gradings are not agreed by the contest's
   rule for two gradings (`settle_two`: a gap of `agree_below`, scaled to the maximum, or more),
   the next `assign_appeals` gives the entry a third judge in a new appeal round.
3. The judges' score files are merged as usual (the open entry takes them).
4. `settle_appeal`: the appeal's result is the mean of the two agreeing gradings, or with three:
   two equal stand, else the mean of three (rounded by the contest's rule). The score changes only
   when the result differs from the original final by 0.25 or more; a change of 0.5 or more
   needs the face-to-face dialogue's record (đối thoại trực tiếp, a biên bản). Both thresholds
   are for a 10-point total and scale with the contest's maximum like the discrepancy rule.
   A changed score is written as a `Decision` of kind "appeal" (newest decision wins in
   settlement); a kept score writes no decision, so the entry's settlement, exact score and the
   lock digest stay as they were. Then the scores are locked again (`lock_results`) unless
   another entry is still open for an appeal.

Where things live (no new table): the appeal records, with their full history, are a JSON list in
the meta key `appeals`; every change to it is one transaction with its audit row (`appeal.*`).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.discrepancy import Outcome, Thresholds, settle_two
from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points, round_score
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, session_driver
from judge_app.store.models import Contest, Decision, Entry, Meta
from judge_app.store.results_lock import lock_results, lock_state, unlock_for_appeal
from judge_app.store.settlement import ROUND_PURPOSES_KEY, Queue, settle_entries
from judge_app.store.sheet import load_int_map, load_text_map

__all__ = [
    "APPEAL_FIRST_ROUND",
    "Appeal",
    "AppealAssignment",
    "AppealGrading",
    "AppealRuling",
    "AppealState",
    "ChangeRule",
    "assign_appeals",
    "change_rule",
    "list_appeals",
    "request_appeal",
    "rule_of_appeal",
    "settle_appeal",
]

APPEALS_KEY = "appeals"  # meta JSON {"items": [appeal record, …]}
APPEAL_PURPOSE = "appeal"
APPEAL_FIRST_ROUND = 11  # appeal rounds stay clear of the main rounds (1, 2, third grading 3)
DECISION_KIND = "appeal"
CHANGE_FROM = Points(25)  # for a 10-point total: a smaller difference keeps the original
DIALOGUE_FROM = Points(50)  # for a 10-point total: a change this large needs a dialogue record
# The decision's reason is the board's record, written in the board's language (Vietnamese).
RULE_WORDS = {
    "mean_of_two": "trung bình hai lần chấm phúc khảo",
    "two_equal_of_three": "hai trong ba lần chấm bằng nhau",
    "mean_of_three": "trung bình ba lần chấm phúc khảo",
}


class AppealState(enum.StrEnum):
    REQUESTED = "requested"  # no appeal judge assigned yet
    GRADING = "grading"  # judges assigned, their gradings not all in
    THIRD_NEEDED = "third_needed"  # the two appeal gradings differ: a third judge is needed
    READY = "ready"  # the result can be settled
    SETTLED = "settled"


@dataclass(frozen=True, slots=True)
class AppealGrading:
    judge: str
    round: int
    total: Points | None  # None: assigned, not submitted yet


@dataclass(frozen=True, slots=True)
class AppealRuling:
    """The appeal rule applied to the appeal gradings (pure: see `rule_of_appeal`)."""

    result: Points | None  # None: a third grading is needed
    exact: Decimal | None
    rule: str  # "mean_of_two" | "two_equal_of_three" | "mean_of_three" | "third_needed"
    gap: Points  # between the first two appeal gradings


@dataclass(frozen=True, slots=True)
class Appeal:
    number: int
    code: str
    reason: str
    requested_by: str
    requested_at: str
    original: Points
    original_rule: str
    rounds: tuple[int, ...]
    state: AppealState
    gradings: tuple[AppealGrading, ...]
    result: Points | None = None
    new_final: Points | None = None
    changed: bool = False
    dialogue: str = ""
    settled_by: str = ""
    settled_at: str = ""
    rule: str = ""


@dataclass(frozen=True, slots=True)
class AppealAssignment:
    round: int | None  # None: nothing to assign
    two: tuple[str, ...]  # entries that got their two appeal judges
    third: tuple[str, ...]  # entries that got a third
    loads: dict[str, int]


@dataclass(frozen=True, slots=True)
class ChangeRule:
    """What settling would do to the score: shown to the board before it settles."""

    difference: Points  # |result - original|
    change_from: Points  # thresholds scaled to the contest's maximum
    dialogue_from: Points
    changed: bool  # the result replaces the original
    dialogue_needed: bool  # a face-to-face dialogue's record is required
    new_final: Points


@dataclass(frozen=True, slots=True)
class SettledAppeal:
    appeal: Appeal
    relocked: bool
    still_open: tuple[str, ...]  # entries still open for an appeal (no new lock yet)
    digest: str = ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _read(session: Session, key: str) -> dict[str, Any]:
    row = session.get(Meta, key)
    value = json.loads(row.value) if row is not None else {}
    return value if isinstance(value, dict) else {}


def _write(session: Session, key: str, value: dict[str, Any]) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=text))
    else:
        row.value = text


def _scaled(points: Points, max_total: Points) -> Points:
    """A 10-point threshold for a contest out of `max_total` (as the discrepancy rule scales)."""
    return Points((points.centi * max_total.centi + 500) // 1000)


# ---------------------------------------------------------------------------------------------
# The rule (pure)


def rule_of_appeal(
    totals: Sequence[Points],
    *,
    thresholds: Thresholds = Thresholds(),
    max_total: Points = Points(1000),
    rounding: str = "half_up_2",
) -> AppealRuling | None:
    """The appeal's result from its gradings in order; None while fewer than two are in.

    Two gradings the contest's rule agrees (gap below `agree_below`, scaled) give their mean;
    otherwise a third is needed. With three, two equal stand, else the mean of the three.
    """
    if len(totals) < 2:
        return None
    first, second = totals[0], totals[1]
    gap = Points(abs(first.centi - second.centi))
    if len(totals) == 2:
        two = settle_two((first, second), thresholds=thresholds, max_total=max_total)
        if two.outcome is not Outcome.AGREED:
            return AppealRuling(None, None, "third_needed", gap)
        exact = Decimal(first.centi + second.centi) / 200
        return AppealRuling(round_score(exact, rounding), exact, "mean_of_two", gap)
    three = list(totals[:3])
    for score in three:
        if three.count(score) >= 2:
            return AppealRuling(score, score.to_decimal(), "two_equal_of_three", gap)
    exact = Decimal(sum(t.centi for t in three)) / 300
    return AppealRuling(round_score(exact, rounding), exact, "mean_of_three", gap)


def change_rule(original: Points, result: Points, max_total: Points = Points(1000)) -> ChangeRule:
    """The ≥ 0.25 change rule and the ≥ 0.5 dialogue rule (10-point thresholds, scaled)."""
    change_from = _scaled(CHANGE_FROM, max_total)
    dialogue_from = _scaled(DIALOGUE_FROM, max_total)
    difference = Points(abs(result.centi - original.centi))
    changed = difference >= change_from
    return ChangeRule(
        difference,
        change_from,
        dialogue_from,
        changed,
        difference >= dialogue_from,
        result if changed else original,
    )


# ---------------------------------------------------------------------------------------------
# Reading


@dataclass(frozen=True, slots=True)
class _Rule:
    thresholds: Thresholds
    max_total: Points
    rounding: str


def _rule(session: Session) -> _Rule:
    contest = session.scalars(select(Contest)).one()
    thresholds = Thresholds(
        contest.agree_below, contest.discuss_upto, contest.third_mean_upto, False
    )
    return _Rule(thresholds, contest.max_total, contest.rounding)


def _appeal_gradings(
    connection: sqlite3.Connection, code: str, rounds: Sequence[int]
) -> list[AppealGrading]:
    """The entry's appeal assignments in `rounds`, with the submitted totals, in grading order."""
    if not rounds:
        return []
    marks = ",".join("?" * len(rounds))
    entry = connection.execute("SELECT id FROM entry WHERE code = ?", (code,)).fetchone()
    if entry is None:
        return []
    key = {
        qid: (answer, points)
        for qid, answer, points in connection.execute("SELECT id, answer, points FROM question")
    }
    rows = connection.execute(
        "SELECT j.code, a.round, g.id, g.status, g.submitted_at, g.scores, g.answers "
        "FROM assignment a "
        "JOIN judge j ON j.id = a.judge_id LEFT JOIN grading g ON g.entry_id = a.entry_id "
        f"AND g.judge_id = a.judge_id AND g.round = a.round WHERE a.entry_id = ? "
        f"AND a.round IN ({marks})",
        (entry[0], *rounds),
    ).fetchall()
    found: list[tuple[tuple[int, int, str], AppealGrading]] = []
    for judge, round_, grading_id, status, submitted, scores, answers in rows:
        total: Points | None = None
        if grading_id is not None and str(status).upper() == "SUBMITTED":
            centi = sum(load_int_map(scores).values())
            for question_id, chosen in load_text_map(answers).items():
                answer, points = key[question_id]
                if chosen and chosen == answer:
                    centi += points
            total = Points(int(centi))
        order = (round_, 0 if total is not None else 1, str(submitted or ""))
        found.append((order, AppealGrading(judge, round_, total)))
    found.sort(key=lambda item: item[0])
    return [grading for _, grading in found]


def _appeal_of(item: dict[str, Any], connection: sqlite3.Connection, rule: _Rule) -> Appeal:
    rounds = tuple(int(r) for r in item.get("rounds", []))
    code = str(item["code"])
    outcome = item.get("outcome")
    base = Appeal(
        number=int(item["number"]),
        code=code,
        reason=str(item["reason"]),
        requested_by=str(item.get("requested_by", "")),
        requested_at=str(item.get("requested_at", "")),
        original=Points(int(item["original"])),
        original_rule=str(item.get("original_rule", "")),
        rounds=rounds,
        state=AppealState.REQUESTED,
        gradings=(),
    )
    if isinstance(outcome, dict):
        return replace(
            base,
            state=AppealState.SETTLED,
            gradings=tuple(
                AppealGrading(str(g["judge"]), int(g["round"]), Points(int(g["total"])))
                for g in outcome.get("gradings", [])
            ),
            result=Points(int(outcome["result"])),
            new_final=Points(int(outcome["new_final"])),
            changed=bool(outcome.get("changed")),
            dialogue=str(outcome.get("dialogue", "")),
            settled_by=str(outcome.get("by", "")),
            settled_at=str(outcome.get("at", "")),
            rule=str(outcome.get("rule", "")),
        )
    gradings = tuple(_appeal_gradings(connection, code, rounds))
    submitted = [g.total for g in gradings if g.total is not None]
    ruling = rule_of_appeal(
        submitted, thresholds=rule.thresholds, max_total=rule.max_total, rounding=rule.rounding
    )
    if not gradings:
        state = AppealState.REQUESTED
    elif ruling is None:
        state = AppealState.GRADING
    elif ruling.result is None:
        state = AppealState.THIRD_NEEDED if len(gradings) < 3 else AppealState.GRADING
    else:
        state = AppealState.READY
    return replace(
        base,
        state=state,
        gradings=gradings,
        result=None if ruling is None else ruling.result,
        rule="" if ruling is None else ruling.rule,
    )


def list_appeals(db: ContestDatabase) -> list[Appeal]:
    """Every appeal of the contest, oldest first, with its state and history."""
    with db.read_session() as session:
        rule = _rule(session)
        items = _read(session, APPEALS_KEY).get("items", [])
        connection = session_driver(session)
        return [_appeal_of(item, connection, rule) for item in items]


def _open_item(items: list[dict[str, Any]], code: str) -> dict[str, Any] | None:
    return next((i for i in items if i["code"] == code and not i.get("outcome")), None)


# ---------------------------------------------------------------------------------------------
# Request


def request_appeal(db: ContestDatabase, code: str, *, reason: str, actor: str) -> Appeal:
    """Record an appeal of entry `code` and open it in the locked results."""
    reason = reason.strip()
    if not reason:
        raise JudgeAppError("appeal_reason_required", db.path, entry=code)
    state = lock_state(db)
    if not state.locked:
        raise JudgeAppError("appeal_results_not_locked", db.path)
    with db.read_session() as session:
        items = _read(session, APPEALS_KEY).get("items", [])
        if session.scalar(select(Entry.id).where(Entry.code == code)) is None:
            raise JudgeAppError("decision_unknown_entry", db.path, entry=code)
    pending = _open_item(items, code)
    if pending is not None:
        if not state.frozen(code):
            raise JudgeAppError(
                "appeal_already_open", db.path, entry=code, at=pending["requested_at"]
            )
        # Locked again before the appeal was settled: reopen the same appeal.
        unlock_for_appeal(db, code, actor=actor, reason=reason)
        return next(a for a in list_appeals(db) if a.number == pending["number"])
    (current,) = settle_entries(db, [code])
    if current.queue not in (Queue.AGREED, Queue.DECIDED) or current.final is None:
        raise JudgeAppError("appeal_entry_not_scored", db.path, entry=code, queue=current.queue)
    unlock_for_appeal(db, code, actor=actor, reason=reason)
    with db.session() as session, session.begin():
        data = _read(session, APPEALS_KEY)
        items = list(data.get("items", []))
        if _open_item(items, code) is not None:  # a request that raced this one
            raise JudgeAppError("appeal_already_open", db.path, entry=code, at="")
        number = max((int(i["number"]) for i in items), default=0) + 1
        item = {
            "number": number,
            "code": code,
            "reason": reason,
            "requested_by": actor,
            "requested_at": _now(),
            "original": current.final.centi,
            "original_exact": str(current.exact),
            "original_rule": current.rule,
            "rounds": [],
            "outcome": None,
        }
        items.append(item)
        _write(session, APPEALS_KEY, {**data, "items": items})
        audit.record(
            session,
            actor=actor,
            action="appeal.request",
            entity="entry",
            entity_key=code,
            before={"final": current.final, "rule": current.rule},
            after={"appeal": number, "reason": reason},
        )
    return next(a for a in list_appeals(db) if a.number == number)


# ---------------------------------------------------------------------------------------------
# Assignment


def _next_round(session: Session) -> int:
    """A fresh appeal round (a marked appeal round with no row yet is reused)."""
    connection = session_driver(session)
    used = {int(r) for (r,) in connection.execute("SELECT DISTINCT round FROM assignment")}
    purposes = _read(session, ROUND_PURPOSES_KEY)
    empty = sorted(
        int(r) for r, what in purposes.items() if what == APPEAL_PURPOSE and int(r) not in used
    )
    if empty:
        return empty[0]
    marked = {int(r) for r in purposes}
    return max([APPEAL_FIRST_ROUND - 1, *used, *marked]) + 1


def assign_appeals(db: ContestDatabase, *, seed: int | None = None, actor: str) -> AppealAssignment:
    """Two judges for each new appeal, a third where the two differ, in a new appeal round."""
    from judge_app.intake.assign import assign_round, new_seed

    appeals = list_appeals(db)
    two = sorted(a.code for a in appeals if a.state is AppealState.REQUESTED)
    third = sorted(a.code for a in appeals if a.state is AppealState.THIRD_NEEDED)
    if not two and not third:
        return AppealAssignment(None, (), (), {})
    seed = new_seed() if seed is None else seed
    with db.session() as session, session.begin():
        round_ = _next_round(session)
        earlier = sorted(
            {r for (r,) in session_driver(session).execute("SELECT DISTINCT round FROM assignment")}
            - {round_}
        )
        purposes = _read(session, ROUND_PURPOSES_KEY)
        purposes[str(round_)] = APPEAL_PURPOSE
        _write(session, ROUND_PURPOSES_KEY, purposes)
        data = _read(session, APPEALS_KEY)
        items = list(data.get("items", []))
        for item in items:
            if item["code"] in (*two, *third) and not item.get("outcome"):
                item["rounds"] = sorted({*item.get("rounds", []), round_})
        _write(session, APPEALS_KEY, {**data, "items": items})
        # The round is marked before any judge is assigned in it, so no appeal grading can
        # ever be read as a main-round grading.
        audit.record(
            session,
            actor=actor,
            action="appeal.assign",
            entity="round",
            entity_key=str(round_),
            before=None,
            after={"two": two, "third": third, "seed": seed, "exclude_rounds": earlier},
        )
    loads: dict[str, int] = {}
    if two:
        done = assign_round(
            db, round_, 2, seed, actor=actor, entry_codes=two, exclude_rounds=earlier
        )
        loads.update(done.loads)
    if third:
        done = assign_round(
            db, round_, 1, seed, actor=actor, entry_codes=third, exclude_rounds=earlier
        )
        loads.update(done.loads)
    return AppealAssignment(round_, tuple(two), tuple(third), loads)


# ---------------------------------------------------------------------------------------------
# Settlement


def settle_appeal(
    db: ContestDatabase, code: str, *, dialogue: str = "", actor: str, relock: bool = True
) -> SettledAppeal:
    """Apply the appeal rule and the change rule to entry `code`, record it, lock again."""
    dialogue = dialogue.strip()
    appeal = next(
        (a for a in list_appeals(db) if a.code == code and a.state is not AppealState.SETTLED), None
    )
    if appeal is None:
        raise JudgeAppError("appeal_unknown", db.path, entry=code)
    if appeal.state is AppealState.REQUESTED:
        raise JudgeAppError("appeal_not_assigned", db.path, entry=code)
    if appeal.state is AppealState.THIRD_NEEDED:
        first, second = (g.total for g in appeal.gradings[:2])
        assert first is not None and second is not None
        raise JudgeAppError(
            "appeal_third_needed", db.path, entry=code, gap=Points(abs(first.centi - second.centi))
        )
    if appeal.state is AppealState.GRADING or appeal.result is None:
        done = sum(1 for g in appeal.gradings if g.total is not None)
        raise JudgeAppError(
            "appeal_waiting", db.path, entry=code, done=done, assigned=len(appeal.gradings)
        )
    state = lock_state(db)
    if state.frozen(code) or not state.locked:
        raise JudgeAppError("appeal_entry_frozen", db.path, entry=code)
    with db.read_session() as session:
        rule = _rule(session)
    change = change_rule(appeal.original, appeal.result, rule.max_total)
    difference, changed, new_final = change.difference, change.changed, change.new_final
    if change.dialogue_needed and not dialogue:
        raise JudgeAppError(
            "appeal_dialogue_required",
            db.path,
            entry=code,
            original=appeal.original.format(),
            result=appeal.result.format(),
            threshold=change.dialogue_from.format(),
        )
    submitted = [g for g in appeal.gradings if g.total is not None]
    history = {
        "appeal": appeal.number,
        "original": appeal.original,
        "original_rule": appeal.original_rule,
        "gradings": [{"judge": g.judge, "round": g.round, "total": g.total} for g in submitted],
        "result": appeal.result,
        "rule": appeal.rule,
        "difference": difference,
        "changed": changed,
        "new_final": new_final,
        "dialogue": dialogue,
    }
    with db.session() as session, session.begin():
        if lock_state(db).frozen(code):  # pragma: no cover - a lock between the two reads
            raise JudgeAppError("appeal_entry_frozen", db.path, entry=code)
        entry_id = session.scalars(select(Entry.id).where(Entry.code == code)).one()
        if changed:
            session.add(
                Decision(
                    entry_id=entry_id,
                    kind=DECISION_KIND,
                    score=new_final,
                    reason=_decision_text(appeal, submitted, new_final, dialogue),
                    decided_by=actor,
                )
            )
        data = _read(session, APPEALS_KEY)
        items = list(data.get("items", []))
        item = _open_item(items, code)
        assert item is not None
        item["outcome"] = {
            "gradings": [
                {"judge": g.judge, "round": g.round, "total": cast(Points, g.total).centi}
                for g in submitted
            ],
            "result": appeal.result.centi,
            "rule": appeal.rule,
            "changed": changed,
            "new_final": new_final.centi,
            "dialogue": dialogue,
            "by": actor,
            "at": _now(),
        }
        _write(session, APPEALS_KEY, {**data, "items": items})
        audit.record(
            session,
            actor=actor,
            action="appeal.settle",
            entity="entry",
            entity_key=code,
            before={"final": appeal.original, "reason": appeal.reason},
            after=history,
        )
    still_open = tuple(sorted(lock_state(db).open_codes - {code}))
    digest = ""
    if relock and not still_open:
        digest = lock_results(db, actor=actor)
    settled = next(a for a in list_appeals(db) if a.number == appeal.number)
    return SettledAppeal(settled, bool(digest), still_open, digest)


def _decision_text(
    appeal: Appeal, gradings: Sequence[AppealGrading], new_final: Points, dialogue: str
) -> str:
    """The decision's reason, readable in the biên bản: the whole appeal in one paragraph."""
    totals = "; ".join(f"{g.judge} {cast(Points, g.total).format()}" for g in gradings)
    how = RULE_WORDS.get(appeal.rule, appeal.rule)
    text = (
        f"Phúc khảo số {appeal.number}: {appeal.reason}. Điểm ban đầu "
        f"{appeal.original.format()}; chấm phúc khảo: {totals}; kết quả "
        f"{cast(Points, appeal.result).format()} ({how}); điểm mới {new_final.format()}."
    )
    if dialogue:
        text += f" Đối thoại trực tiếp: {dialogue}"
    return text

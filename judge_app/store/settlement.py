"""Where each entry stands after the merge: the discrepancy rule applied to the contest file.

The rule itself is pure (`judge_app.core.discrepancy`); this module gathers each entry's
submitted gradings and the board's recorded decisions, and sorts entries into the head judge's
work queues: waiting for gradings, agreed (final score), discuss (1.0–1.5: a biên bản records the
outcome), third grading (> 1.5: a third judge is assigned), head judge decides, decided, invalid.

Which gradings count: submitted ones, in every round except calibration rounds (chấm chung,
recorded as such by `assign`), a screening round and appeal rounds (`ROUND_PURPOSES_KEY`),
first the two of the main grading, then a third judge's. Entries the shortlist cut are settled
as not ranked (queue invalid, rule "shortlist", the cut's reason). A
recorded decision always wins over the rule, and the newest decision of an entry counts (an
appeal later adds another). Nothing here writes except `record_decision`, which is audited.
"""

from __future__ import annotations

import enum
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.discrepancy import Outcome, Settlement, Thresholds, settle_three, settle_two
from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points, check_score
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, session_driver
from judge_app.store.models import (
    AuditRow,
    Category,
    Contest,
    Decision,
    Entry,
    EntryStatus,
    Meta,
)

DECIDE_ACTION = "score.decide"


class Queue(enum.StrEnum):
    WAITING = "waiting"  # fewer submitted gradings than the rule needs
    AGREED = "agreed"  # the rule gives the final score
    DISCUSS = "discuss"  # gap 1.0–1.5: the judges discuss, a biên bản records the outcome
    THIRD = "third"  # gap > 1.5: needs a third judge (not assigned yet)
    THIRD_ASSIGNED = "third_assigned"  # a third judge is assigned, not submitted yet
    HEAD = "head"  # the head judge decides (three gradings too far apart)
    DECIDED = "decided"  # a recorded decision gives the final score
    INVALID = "invalid"  # a recorded board decision: not ranked


class DecisionKind(enum.StrEnum):
    DISCUSSED = "discussed"  # the two judges' agreed score after discussion
    HEAD = "head"  # the head judge's decision
    INVALID = "invalid"  # the board declares the entry invalid (identity revealed, copy…)


@dataclass(frozen=True, slots=True)
class JudgeTotal:
    judge: str
    round: int
    total: Points


@dataclass(frozen=True, slots=True)
class EntrySettlement:
    code: str
    category: str
    queue: Queue
    final: Points | None
    exact: Decimal | None
    rule: str  # what settled it: "mean of two", "two equal of three", "decision", …
    gradings: tuple[JudgeTotal, ...]
    gaps: tuple[tuple[str, Points], ...] = field(default_factory=tuple)  # part → gap
    decision: str = ""  # the reason of the deciding decision, when there is one

    @property
    def gap(self) -> Points | None:
        return next((gap for part, gap in self.gaps if part == "total"), None)


ROUND_PURPOSES_KEY = "round_purposes"  # meta JSON {"round": "screening" | "appeal"}
# meta JSON of the shortlist cut (store.shortlist): {"out": {code: why}, …}
SHORTLIST_KEY = "shortlist"


def _meta_json(session: Session, key: str) -> dict[str, Any]:
    row = session.get(Meta, key)
    value = json.loads(row.value) if row is not None else {}
    return value if isinstance(value, dict) else {}


def _calibration_rounds(session: Session) -> set[int]:
    """Rounds whose gradings the two-judge rule never counts: calibration rounds (chấm chung),
    a screening round (sơ khảo, store.shortlist) and appeal regrading rounds (phúc khảo,
    store.appeals: an appeal grading is not a third grading of the main round)."""
    rounds = {int(key) for key in _meta_json(session, ROUND_PURPOSES_KEY)}
    for key, after in session.execute(
        select(AuditRow.entity_key, AuditRow.after).where(
            AuditRow.action == "assign", AuditRow.entity == "round"
        )
    ):
        data = json.loads(after) if after else {}
        if isinstance(data, dict) and data.get("calibration"):
            rounds.add(int(key))
    return rounds


excluded_rounds = _calibration_rounds


@dataclass(frozen=True, slots=True)
class _Graded:
    judge: str
    round: int
    order: tuple[int, str]
    total: Points
    criteria: dict[str, int]  # criterion code → hundredths


def _gradings(session: Session, excluded: set[int]) -> dict[int, list[_Graded]]:
    """Plain SQL rows on the driver connection (no ORM objects, no result wrappers): a contest
    of 100,000 entries has a million scores."""
    connection = session_driver(session)
    criteria: dict[int, str] = dict(connection.execute("SELECT id, code FROM criterion"))
    key = {
        question_id: (answer, points)
        for question_id, answer, points in connection.execute(
            "SELECT id, answer, points FROM question"
        )
    }
    scores: dict[int, dict[str, int]] = defaultdict(dict)
    sums: dict[int, int] = defaultdict(int)
    for grading_id, criterion_id, centi in connection.execute(
        "SELECT s.grading_id, s.criterion_id, s.points FROM criterion_score s "
        "JOIN grading g ON g.id = s.grading_id WHERE g.status = 'SUBMITTED'"
    ):
        scores[grading_id][criteria[criterion_id]] = centi
        sums[grading_id] += centi
    for grading_id, question_id, chosen in connection.execute(
        "SELECT a.grading_id, a.question_id, a.chosen FROM choice_answer a "
        "JOIN grading g ON g.id = a.grading_id WHERE g.status = 'SUBMITTED'"
    ):
        answer, points = key[question_id]
        if chosen and chosen == answer:
            sums[grading_id] += points
    found: dict[int, list[_Graded]] = defaultdict(list)
    for grading_id, entry_id, round_, judge_code, submitted in connection.execute(
        "SELECT g.id, g.entry_id, g.round, j.code, g.submitted_at FROM grading g "
        "JOIN judge j ON j.id = g.judge_id WHERE g.status = 'SUBMITTED'"
    ):
        if round_ in excluded:
            continue
        order = (round_, submitted or "")
        total = Points(sums.get(grading_id, 0))
        found[entry_id].append(
            _Graded(judge_code, round_, order, total, scores.get(grading_id, {}))
        )
    for items in found.values():
        items.sort(key=lambda g: g.order)
    return found


def _decisions(session: Session) -> dict[int, Decision]:
    newest: dict[int, Decision] = {}
    for decision in session.scalars(select(Decision).order_by(Decision.id)):
        newest[decision.entry_id] = decision
    return newest


def _third_assigned(session: Session, excluded: set[int]) -> dict[int, int]:
    """Entry id → number of distinct judges assigned to it outside calibration rounds."""
    judges: dict[int, set[int]] = defaultdict(set)
    for entry_id, judge_id, round_ in session_driver(session).execute(
        "SELECT entry_id, judge_id, round FROM assignment"
    ):
        if round_ not in excluded:
            judges[entry_id].add(judge_id)
    return {entry_id: len(ids) for entry_id, ids in judges.items()}


@dataclass(frozen=True, slots=True)
class _Rule:
    """The contest's rule settings, read once per settlement (not per entry)."""

    thresholds: Thresholds
    max_total: Points
    rounding: str

    @classmethod
    def of(cls, contest: Contest) -> _Rule:
        thresholds = Thresholds(
            contest.agree_below,
            contest.discuss_upto,
            contest.third_mean_upto,
            contest.per_criterion_rule,
        )
        return cls(thresholds, contest.max_total, contest.rounding)


def _from_rule(graded: list[_Graded], rule: _Rule) -> tuple[Settlement | None, str]:
    if len(graded) < 2:
        return None, ""
    if len(graded) == 2:
        first, second = graded
        agree = rule.thresholds.agree_below.centi
        # Only criteria whose gap can matter: the rule ignores the others, and a merge of
        # 100,000 entries should not build 500,000 score objects to say so.
        wide = [
            (code, Points(score), Points(second.criteria[code]))
            for code, score in sorted(first.criteria.items())
            if code in second.criteria and abs(score - second.criteria[code]) >= agree
        ]
        result = settle_two(
            (first.total, second.total),
            wide,
            thresholds=rule.thresholds,
            max_total=rule.max_total,
            rounding=rule.rounding,
        )
        return result, "mean_of_two"
    a, b, c = graded[:3]
    result = settle_three(
        (a.total, b.total, c.total),
        thresholds=rule.thresholds,
        max_total=rule.max_total,
        rounding=rule.rounding,
    )
    equal = len({a.total, b.total, c.total}) < 3
    return result, "two_equal_of_three" if equal else "mean_of_three"


_QUEUE_OF = {
    Outcome.AGREED: Queue.AGREED,
    Outcome.DISCUSS: Queue.DISCUSS,
    Outcome.THIRD_GRADING: Queue.THIRD,
    Outcome.HEAD_DECIDES: Queue.HEAD,
}


def settle_entries(
    db: ContestDatabase, codes: Iterable[str] | None = None
) -> list[EntrySettlement]:
    """Every entry's standing, ordered by code (only `codes` when given)."""
    wanted = set(codes) if codes is not None else None
    with db.read_session() as session:
        rule = _Rule.of(session.scalars(select(Contest)).one())
        excluded = _calibration_rounds(session)
        graded = _gradings(session, excluded)
        decisions = _decisions(session)
        assigned = _third_assigned(session, excluded)
        categories = {c.id: c.code for c in session.scalars(select(Category))}
        rows = [
            (entry_id, code, category_id, EntryStatus[status])
            for entry_id, code, category_id, status in session_driver(session).execute(
                "SELECT id, code, category_id, status FROM entry ORDER BY code"
            )
        ]
        # Entries the shortlist cut (sơ khảo) take no main-round grading: settled, not ranked.
        cut: dict[str, Any] = _meta_json(session, SHORTLIST_KEY).get("out") or {}
        out = []
        for entry_id, code, category_id, status in rows:
            if wanted is not None and code not in wanted:
                continue
            if code in cut:
                category = categories.get(category_id, "")
                out.append(
                    EntrySettlement(
                        code,
                        category,
                        Queue.INVALID,
                        None,
                        None,
                        "shortlist",
                        (),
                        (),
                        str(cut[code]),
                    )
                )
                continue
            out.append(
                _settle_one(
                    code,
                    categories.get(category_id, ""),
                    graded.get(entry_id, []),
                    decisions.get(entry_id),
                    assigned.get(entry_id, 0),
                    status,
                    rule,
                )
            )
    return out


def _settle_one(
    code: str,
    category: str,
    graded: list[_Graded],
    decision: Decision | None,
    judges_assigned: int,
    status: EntryStatus,
    rule: _Rule,
) -> EntrySettlement:
    totals = tuple(JudgeTotal(g.judge, g.round, g.total) for g in graded)
    result, how = _from_rule(graded, rule)
    gaps = tuple((p.part, p.gap) for p in result.parts) if result is not None else ()
    if decision is not None and decision.kind == DecisionKind.INVALID:
        return EntrySettlement(
            code, category, Queue.INVALID, None, None, "decision", totals, gaps, decision.reason
        )
    if status is EntryStatus.INVALID:
        return EntrySettlement(code, category, Queue.INVALID, None, None, "status", totals, gaps)
    if decision is not None and decision.score is not None:
        return EntrySettlement(
            code,
            category,
            Queue.DECIDED,
            decision.score,
            decision.score.to_decimal(),
            f"decision_{decision.kind}",
            totals,
            gaps,
            decision.reason,
        )
    if result is None:
        return EntrySettlement(code, category, Queue.WAITING, None, None, "", totals)
    queue = _QUEUE_OF[result.outcome]
    if queue is Queue.THIRD and judges_assigned >= 3:
        queue = Queue.THIRD_ASSIGNED
    if queue is Queue.AGREED:
        return EntrySettlement(code, category, queue, result.final, result.exact, how, totals, gaps)
    return EntrySettlement(code, category, queue, None, None, "", totals, gaps)


def record_decision(
    db: ContestDatabase,
    code: str,
    *,
    kind: DecisionKind,
    score: Points | None,
    reason: str,
    actor: str,
) -> EntrySettlement:
    """Record a discussion's outcome, a head judge's decision or an invalidity, with reason."""
    reason = reason.strip()
    if not reason:
        raise JudgeAppError("decision_reason_required", db.path, entry=code)
    from judge_app.store.results_lock import check_entry_open  # results import settlement

    check_entry_open(db, code)
    (current,) = settle_entries(db, [code]) or [None]  # type: ignore[list-item]
    if current is None:
        raise JudgeAppError("decision_unknown_entry", db.path, entry=code)
    with db.session() as session, session.begin():
        contest = session.scalars(select(Contest)).one()
        entry = session.scalars(select(Entry).where(Entry.code == code)).one()
        if kind is DecisionKind.INVALID:
            score = None
        else:
            if score is None:
                raise JudgeAppError("decision_score_required", db.path, entry=code)
            try:
                check_score(score, contest.max_total, Points(1))
            except JudgeAppError as error:
                raise JudgeAppError(
                    "decision_score_invalid",
                    db.path,
                    entry=code,
                    score=score.format(),
                    maximum=contest.max_total.format(),
                ) from error
            if kind is DecisionKind.DISCUSSED and current.queue is not Queue.DISCUSS:
                raise JudgeAppError(
                    "decision_not_in_discussion", db.path, entry=code, queue=current.queue.value
                )
        decision = Decision(
            entry_id=entry.id, kind=kind.value, score=score, reason=reason, decided_by=actor
        )
        session.add(decision)
        session.flush()
        audit.record(
            session,
            actor=actor,
            action=DECIDE_ACTION,
            entity="entry",
            entity_key=code,
            before={"queue": current.queue.value, "final": current.final},
            after={"kind": kind.value, "score": score, "reason": reason},
        )
    (settled,) = settle_entries(db, [code])
    return settled


def third_grading_codes(db: ContestDatabase) -> list[str]:
    """Entries waiting for a third judge to be assigned."""
    return [s.code for s in settle_entries(db) if s.queue is Queue.THIRD]

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
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.discrepancy import (
    Outcome,
    PartCheck,
    Settlement,
    Thresholds,
    criterion_check,
    settle_checked,
    settle_three,
    total_check,
)
from judge_app.core.errors import JudgeAppError
from judge_app.core.perf import no_cyclic_gc
from judge_app.core.scores import Points, check_score
from judge_app.store import audit
from judge_app.store.database import ContestDatabase, session_driver
from judge_app.store.models import (
    AuditRow,
    Category,
    Contest,
    Criterion,
    Decision,
    Entry,
    EntryStatus,
    Meta,
)
from judge_app.store.sheet import load_raw

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


class _Graded(NamedTuple):  # a tuple: 200,000 of them per settlement
    judge: str
    round: int
    order: tuple[int, str]
    total: int  # hundredths: criteria and correct answers
    criteria: dict[str, int]  # criterion id (as the sheet spells it) → hundredths


def _only(entry_ids: list[int] | None, column: str) -> str:
    """The SQL condition keeping a few entries (ids are integers we read: safe to inline)."""
    if entry_ids is None:
        return ""
    return f" AND {column} IN ({','.join(str(int(i)) for i in entry_ids) or 'NULL'})"


def _gradings(
    session: Session, excluded: set[int], entry_ids: list[int] | None = None
) -> dict[int, list[_Graded]]:
    """Submitted gradings per entry, one plain SQL row each (the sheet is in the row): a
    contest of 100,000 entries has 200,000 gradings and a million scores."""
    connection = session_driver(session)
    key = {
        str(question_id): (answer, points)
        for question_id, answer, points in connection.execute(
            "SELECT id, answer, points FROM question"
        )
    }
    judges = dict(connection.execute("SELECT id, code FROM judge").fetchall())
    choice_points: dict[str, int] = {}  # answers text → points (a few hundred patterns)
    found: dict[int, list[_Graded]] = {}
    new = tuple.__new__  # a _Graded without NamedTuple's Python-level __new__
    for entry_id, round_, judge_id, submitted, scores_text, answers_text in connection.execute(
        "SELECT entry_id, round, judge_id, submitted_at, scores, answers FROM grading "
        "WHERE status = 'SUBMITTED'" + _only(entry_ids, "entry_id")
    ):
        if round_ in excluded:
            continue
        criteria = load_raw(scores_text)
        choice = choice_points.get(answers_text)
        if choice is None:
            choice = 0
            for question_id, chosen in load_raw(answers_text).items():
                answer, points = key.get(question_id, ("", 0))
                if chosen and chosen == answer:
                    choice += points
            choice_points[answers_text] = choice
        graded = new(
            _Graded,
            (
                judges[judge_id],
                round_,
                (round_, submitted or ""),
                sum(criteria.values()) + choice,
                criteria,
            ),
        )
        items = found.get(entry_id)
        if items is None:
            found[entry_id] = [graded]
        else:
            items.append(graded)
    for items in found.values():
        if len(items) > 1:
            items.sort(key=lambda g: g.order)
    return found


def _decisions(session: Session) -> dict[int, Decision]:
    newest: dict[int, Decision] = {}
    for decision in session.scalars(select(Decision).order_by(Decision.id)):
        newest[decision.entry_id] = decision
    return newest


def _third_assigned(
    session: Session, excluded: set[int], entry_ids: list[int] | None = None
) -> dict[int, int]:
    """Entry id → number of distinct judges assigned to it outside calibration rounds."""
    rounds = ",".join(str(int(r)) for r in sorted(excluded))
    return dict(
        session_driver(session).execute(
            "SELECT entry_id, count(DISTINCT judge_id) FROM assignment "
            f"WHERE round NOT IN ({rounds}){_only(entry_ids, 'entry_id')} GROUP BY entry_id"
        )
    )


# Settling these few entries or fewer reads only their rows (a decision on one entry).
FEW_ENTRIES = 500


@dataclass(frozen=True, slots=True)
class _Rule:
    """The contest's rule settings, read once per settlement (not per entry)."""

    thresholds: Thresholds
    max_total: Points
    rounding: str
    criterion_codes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # Outcomes already worked out in this settlement: pair or three totals → Settlement.
    memo: dict[tuple[Any, ...], _Ruled] = field(default_factory=dict, compare=False, hash=False)
    parts: dict[tuple[Any, ...], PartCheck | None] = field(
        default_factory=dict, compare=False, hash=False
    )
    totals: dict[tuple[str, int, int], JudgeTotal] = field(
        default_factory=dict, compare=False, hash=False
    )

    def judge_total(self, judge: str, round_: int, centi: int) -> JudgeTotal:
        """One shared (immutable) JudgeTotal per judge, round and total."""
        key = (judge, round_, centi)
        found = self.totals.get(key)
        if found is None:
            found = self.totals[key] = JudgeTotal(judge, round_, Points(centi))
        return found

    @classmethod
    def of(cls, contest: Contest, session: Session) -> _Rule:
        thresholds = Thresholds(
            contest.agree_below,
            contest.discuss_upto,
            contest.third_mean_upto,
            contest.per_criterion_rule,
        )
        codes = {str(i): code for i, code in session.execute(select(Criterion.id, Criterion.code))}
        return cls(thresholds, contest.max_total, contest.rounding, codes)


_Ruled = tuple[Settlement, tuple[tuple[str, Points], ...]]  # the outcome and its gaps


def _ruled(result: Settlement) -> _Ruled:
    return result, tuple((p.part, p.gap) for p in result.parts)


def _from_rule(graded: list[_Graded], rule: _Rule) -> tuple[_Ruled | None, str]:
    if len(graded) < 2:
        return None, ""
    if len(graded) == 2:
        first, second = graded
        agree = rule.thresholds.agree_below.centi
        other = second.criteria
        # Only criteria whose gap can matter: the rule ignores the others, and a merge of
        # 100,000 entries should not build 500,000 score objects to say so.
        # The rule reads a criterion only through its gap, so pairs are remembered by gaps.
        wide = tuple(
            (criterion_id, gap)
            for criterion_id, score in first.criteria.items()
            if criterion_id in other and (gap := abs(score - other[criterion_id])) >= agree
        )
        pair = (2, first.total, second.total, wide)
        result = rule.memo.get(pair)
        if result is None:
            result = rule.memo[pair] = _ruled(_settle_pair(first.total, second.total, wide, rule))
        return result, "mean_of_two"
    a, b, c = graded[:3]
    three = (3, a.total, b.total, c.total)
    result = rule.memo.get(three)
    if result is None:
        result = rule.memo[three] = _ruled(_settle_three(a.total, b.total, c.total, rule))
    equal = len({a.total, b.total, c.total}) < 3
    return result, "two_equal_of_three" if equal else "mean_of_three"


def _settle_pair(
    first: int, second: int, wide: tuple[tuple[str, int], ...], rule: _Rule
) -> Settlement:
    """The pure rule on one pair, its parts remembered one by one (`rule.parts`): the total's
    by the two totals, a criterion's by its gap; the whole outcome is remembered by the caller.
    Parts and settlements are never changed after they are made, so sharing them is safe."""
    totals = (Points(first), Points(second))
    known = rule.parts
    total = known.get(("", first, second))
    if total is None:
        total = known[("", first, second)] = total_check(
            totals, thresholds=rule.thresholds, max_total=rule.max_total
        )
    parts = [total]
    codes = rule.criterion_codes
    for criterion_id, gap in sorted(wide, key=lambda w: codes.get(w[0], w[0])):
        key = (criterion_id, gap, 0)
        if key not in known:
            code = codes.get(criterion_id, criterion_id)
            known[key] = criterion_check(code, Points(0), Points(gap), rule.thresholds)
        check = known[key]
        if check is not None:
            parts.append(check)
    return settle_checked(totals, parts, rule.rounding)


def _settle_three(a: int, b: int, c: int, rule: _Rule) -> Settlement:
    return settle_three(
        (Points(a), Points(b), Points(c)),
        thresholds=rule.thresholds,
        max_total=rule.max_total,
        rounding=rule.rounding,
    )


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
    with no_cyclic_gc(), db.read_session() as session:
        rule = _Rule.of(session.scalars(select(Contest)).one(), session)
        excluded = _calibration_rounds(session)
        driver = session_driver(session)
        only = None
        if wanted is not None and len(wanted) <= FEW_ENTRIES:
            marks = ",".join("?" * len(wanted))
            only = [
                i
                for (i,) in driver.execute(
                    f"SELECT id FROM entry WHERE code IN ({marks})", sorted(wanted)
                )
            ]
        graded = _gradings(session, excluded, only)
        decisions = _decisions(session)
        assigned = _third_assigned(session, excluded, only)
        categories = {c.id: c.code for c in session.scalars(select(Category))}
        statuses = {status.name: status for status in EntryStatus}
        rows = [
            (entry_id, code, category_id, statuses[status])
            for entry_id, code, category_id, status in driver.execute(
                "SELECT id, code, category_id, status FROM entry WHERE 1"
                + _only(only, "id")
                + " ORDER BY code"
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
    totals = tuple([rule.judge_total(g.judge, g.round, g.total) for g in graded])
    ruled, how = _from_rule(graded, rule)
    result, gaps = ruled if ruled is not None else (None, ())
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

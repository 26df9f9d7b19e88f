"""Results of a locked contest: rankings, prizes with their ties, quality, school ranking.

`compute_results` reads the contest file (final scores from `settle_entries`, the prize scheme
and tie rule from `Contest.settings`, headcounts from set-up, identities once revealed) and
hands plain values to the pure rules in `core.ranking` and `core.prizes`. It refuses before the
lock (`results_not_locked`), while an entry is open for an appeal, and when the scores no
longer give the digest recorded at the lock.

Decisions written down here (docs/results.md says them to users):
- Ranks use the exact final score (a mean of three keeps its unrounded value); equal exact
  scores share a rank. Quality ("đạt chất lượng") uses the published final score (rounded by
  the contest's rule) against `quality_threshold`; with no threshold nothing is "of quality".
- Invalid entries (a recorded board decision, or the entry's invalid status) are not ranked,
  not counted in quality shares or unit tallies, and are listed with their reason.
- The under-18 excellence prize: age counted on `reference_date`; a birthday on that date
  counts as completed (born 2001-08-20, reference 2019-08-20: 18, not eligible). It needs the
  identities revealed and a reference date; otherwise it is not given and a note says why.
  When `may_also_hold_ranked_prize` is false, it goes to the best under-18 entrant without a
  ranked prize (ranked prizes are given first).
- Entry identities (name, birth date, unit) appear only once revealed; the unit tallies use
  `Entry.unit_id`, which the board's file keeps in clear.
- Collective prizes go to units with at least one valid entry, by the school ranking score; the
  tie rule reads entries' facts, so a unit tie at a boundary is always the board's to order.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from typing import Any, cast

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render
from judge_app.core.perf import no_cyclic_gc
from judge_app.core.prizes import (
    BOARD,
    EXCELLENCE,
    BoardOrder,
    Contender,
    Level,
    Tie,
    allocate,
    respects_rule,
    tie_keys,
)
from judge_app.core.ranking import (
    DEFAULT_WEIGHTS,
    UnitTally,
    check_weights,
    is_younger_than,
    school_ranking,
    share,
)
from judge_app.core.scores import Points
from judge_app.store.database import ContestDatabase, session_driver
from judge_app.store.results_lock import (
    LockState,
    board_orders,
    check_entry_open,
    is_locked,
    lock_results,
    lock_state,
    results_digest,
    state_from_connection,
    store_board_order,
    unlock_for_appeal,
)
from judge_app.store.settlement import EntrySettlement, Queue, settle_entries

__all__ = [
    "POOLED",
    "ContestFacts",
    "InvalidEntry",
    "Person",
    "RankedEntry",
    "Results",
    "TieGroup",
    "UnitResult",
    "check_entry_open",
    "compute_results",
    "is_locked",
    "lock_results",
    "lock_state",
    "results_from",
    "school_formula",
    "settle_tie",
    "unlock_for_appeal",
]

POOLED = "*"  # the rankings key of the pooled list (prizes for the whole contest)
POOL_ALL = "all"  # the pool name in tie keys (a shell would expand "*")
POOL_U18 = "u18"
POOL_UNITS = "units"


@dataclass(frozen=True)
class RankedEntry:
    code: str
    category: str
    final: Points
    exact: Decimal
    rank: int  # 1-based, shared on equal exact scores (before any tie rule)
    participant: str | None  # None while identities are sealed
    birth_date: dt.date | None
    unit_code: str | None
    unit_name: str | None
    prize: str | None  # the ranked prize, else "excellence_u18", else None
    quality: bool  # final >= the contest's quality threshold
    tie_note: str  # "pool/rank: rules used" when a tie at a boundary decided it ("" if none)
    prizes: tuple[str, ...] = ()  # every prize held (a ranked one and the excellence prize)
    pending: bool = False  # in a tie the board has not ordered yet


@dataclass(frozen=True)
class TieGroup:
    category: str  # a category code, "*" (pooled), "u18" (excellence), "units" (collective)
    level: str  # the levels the tie's places span, "first/second", "consolation/none"
    codes: tuple[str, ...]  # entry codes (unit codes for "units"), by code
    rule_used: str  # tie rules needed ("higher_min_judge_score, more_agreement"), "board", ""
    settled: bool
    order: tuple[str, ...]  # best first: settled order, or the rule's partial order
    reason: str  # the board's reason
    key: str = ""  # what `settle_tie` / `judge-app tie settle --group` names: "all/3", "g6/10"
    rank: int = 0
    exact: Decimal = Decimal(0)
    places: tuple[str, ...] = ()  # the level each position of `order` gets ("none")


@dataclass(frozen=True)
class InvalidEntry:
    code: str
    category: str
    reason: str  # the board decision's reason; "" when only the entry status says so


@dataclass(frozen=True)
class UnitResult:
    unit_code: str
    unit_name: str
    group: str  # unit group code ("" when none)
    entries: int  # valid entries
    headcount: int
    participation: Decimal  # entries / headcount, a fraction (4 decimals)
    quality_entries: int
    quality_rate: Decimal  # quality entries / entries, a fraction (4 decimals)
    score: Decimal  # school-ranking score, 0..1
    rank: int
    prize: str | None
    pending: bool = False


@dataclass(frozen=True)
class Results:
    contest_name: str
    locked: bool
    revealed: bool
    rankings: dict[str, list[RankedEntry]]  # category code → ranked; pooled under "*"
    categories: dict[str, str]  # code → name, in set-up order
    ties: list[TieGroup]
    invalid: list[InvalidEntry]
    units: list[UnitResult]  # by rank
    quality_overall: Decimal  # quality entries / valid entries, a fraction (4 decimals)
    quality_target_percent: int
    formula: str  # the school-ranking formula in words (Vietnamese; `school_formula` for en)
    quality_entries: int = 0
    ranked_entries: int = 0
    quality_threshold: Points | None = None
    reference_date: dt.date | None = None
    weights: dict[str, Decimal] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # message codes: why a prize is missing (sealed, no date…)
    lock_digest: str = ""
    locked_at: str = ""
    pooled: bool = True  # prizes for the whole contest (False: per category)

    @property
    def unsettled(self) -> list[TieGroup]:
        return [tie for tie in self.ties if not tie.settled]


# ---------------------------------------------------------------------------------------------
# Reading the contest


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    birth_date: dt.date | None


@dataclass(slots=True)
class ContestFacts:
    """What the results read from a contest file besides the final scores (public so the
    benchmark can feed `results_from` generated data without a database)."""

    name: str
    threshold: Points | None
    target: int
    reference_date: dt.date | None
    settings: dict[str, Any]
    categories: dict[int, tuple[str, str]]  # id → (code, name), in sort order
    units: dict[int, tuple[str, str, str]]  # id → (code, name, group code)
    headcounts: dict[int, int]  # unit id → staff + pupils
    entries: dict[str, tuple[int | None, str | None]]  # code → (unit id, received_at text)
    people: dict[str, Person]  # code → person, revealed links only
    revealed: bool
    lock: LockState
    orders: list[BoardOrder]


def _date(text: Any) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _datetime(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def contest_settings(raw: str | None) -> dict[str, Any]:
    """`Contest.settings` over the defaults, key by key (older files hold "{}")."""
    from judge_app.intake.contest_config import DEFAULT_SETTINGS

    try:
        given = json.loads(raw or "{}")
    except ValueError:
        given = {}
    return _merge(DEFAULT_SETTINGS, given if isinstance(given, dict) else {})


def _merge(default: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(dict(default))
    for key, value in given.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _read_facts(db: ContestDatabase) -> ContestFacts:
    with db.read_session() as session:
        c = session_driver(session)
        name, threshold, target, reference, settings = c.execute(
            "SELECT name, quality_threshold, quality_target_percent, reference_date, settings "
            "FROM contest LIMIT 1"
        ).fetchone()
        categories = {
            row[0]: (row[1], row[2])
            for row in c.execute("SELECT id, code, name FROM category ORDER BY sort, id")
        }
        groups = dict(c.execute("SELECT id, code FROM unit_group"))
        units = {
            unit_id: (code, unit_name, groups.get(group_id, ""))
            for unit_id, code, unit_name, group_id in c.execute(
                "SELECT id, code, name, group_id FROM unit ORDER BY code"
            )
        }
        headcounts: dict[int, int] = defaultdict(int)
        for unit_id, count in c.execute("SELECT unit_id, count FROM headcount"):
            headcounts[unit_id] += count
        entries = {
            code: (unit_id, received)
            for code, unit_id, received in c.execute("SELECT code, unit_id, received_at FROM entry")
        }
        sealed = c.execute(
            "SELECT count(*) FROM identity_record WHERE sealed IS NOT NULL"
        ).fetchone()[0]
        clear = c.execute(
            "SELECT count(*) FROM identity_record WHERE participant_id IS NOT NULL"
        ).fetchone()[0]
        revealed = sealed == 0 and clear > 0
        people: dict[str, Person] = {}
        if revealed:
            for code, full_name, birth in c.execute(
                "SELECT e.code, p.full_name, p.birth_date FROM identity_record r "
                "JOIN entry e ON e.id = r.entry_id JOIN participant p ON p.id = r.participant_id"
            ):
                people[code] = Person(full_name, _date(birth))
        lock = state_from_connection(c)
        orders = [
            BoardOrder(
                str(item.get("pool", "")), tuple(item.get("order", [])), str(item.get("reason", ""))
            )
            for item in board_orders(c)
        ]
    return ContestFacts(
        name=name,
        threshold=None if threshold is None else Points(threshold),
        target=target,
        reference_date=_date(reference),
        settings=contest_settings(settings),
        categories=categories,
        units=units,
        headcounts=dict(headcounts),
        entries=entries,
        people=people,
        revealed=revealed,
        lock=lock,
        orders=orders,
    )


# ---------------------------------------------------------------------------------------------
# The school-ranking formula in words


def school_formula(weights: Mapping[str, Decimal], lang: str = "vi") -> str:
    def show(value: Decimal) -> str:
        text = format(value.normalize(), "f")
        return text.replace(".", ",") if lang == "vi" else text

    return render(
        "results_school_formula",
        lang,
        w_entries=show(weights["entries"]),
        w_participation=show(weights["participation"]),
        w_quality=show(weights["quality"]),
        w_total=show(sum(weights.values(), Decimal(0))),
    )


def school_weights(settings: Mapping[str, Any]) -> dict[str, Decimal]:
    raw = settings.get("school_ranking", {}) or {}
    weights = raw.get("weights", DEFAULT_WEIGHTS) if isinstance(raw, Mapping) else DEFAULT_WEIGHTS
    try:
        return check_weights(weights if isinstance(weights, Mapping) else DEFAULT_WEIGHTS)
    except (ValueError, ArithmeticError):
        return check_weights(DEFAULT_WEIGHTS)


# ---------------------------------------------------------------------------------------------
# Computing


def _levels(items: Sequence[Mapping[str, Any]], *, with_score: bool) -> list[Level]:
    out = []
    for item in items:
        minimum = item.get("min_score") if with_score else None
        out.append(
            Level(
                str(item["level"]),
                int(item.get("count", 0)),
                None if minimum is None else Points.parse(str(minimum)).to_decimal(),
            )
        )
    return out


def _contender(row: EntrySettlement, received: str | None) -> Contender:
    totals = [g.total for g in row.gradings]
    return Contender(
        code=row.code,
        exact=cast(Decimal, row.exact),
        min_judge=min(totals) if totals else None,
        spread=Points(max(totals).centi - min(totals).centi) if totals else None,
        received_at=_datetime(received),
    )


@dataclass(slots=True)
class _Computed:
    results: Results
    contender: Callable[[str], Contender]  # an entry's tie facts, by code
    units: dict[str, Contender]  # unit code → contender (collective prizes)
    tie_rule: tuple[str, ...]


def compute_results(db: ContestDatabase, *, lang: str = "vi") -> Results:
    """Rankings, prizes, ties, quality and the school ranking of locked results."""
    return _compute(db, lang).results


def _compute(db: ContestDatabase, lang: str) -> _Computed:
    state = lock_state(db)
    if not state.locked:
        raise JudgeAppError("results_not_locked", db.path)
    if state.open_codes:
        codes = sorted(state.open_codes)
        raise JudgeAppError(
            "results_appeal_open", db.path, count=len(codes), entries=", ".join(codes[:10])
        )
    rows = settle_entries(db)
    facts = _read_facts(db)
    if results_digest(rows) != facts.lock.digest:
        raise JudgeAppError("results_changed_since_lock", db.path, at=facts.lock.at)
    return _build(facts, rows, lang)


def results_from(facts: ContestFacts, rows: list[EntrySettlement], lang: str = "vi") -> Results:
    """The results of these final scores and facts (no lock check, no database)."""
    return _build(facts, rows, lang).results


_new = object.__new__


def _ranked_entry(fields: dict[str, Any]) -> RankedEntry:
    """A RankedEntry without the frozen dataclass's per-field `object.__setattr__` (≈ 4 µs an
    entry, two per entry: seconds at 600,000 entries). Same object, same equality."""
    entry: RankedEntry = _new(RankedEntry)
    entry.__dict__.update(fields)
    return entry


def _build(facts: ContestFacts, rows: list[EntrySettlement], lang: str) -> _Computed:
    with no_cyclic_gc():
        return _build_results(facts, rows, lang)


def _build_results(facts: ContestFacts, rows: list[EntrySettlement], lang: str) -> _Computed:
    settings = facts.settings
    scheme = settings["prize_scheme"]
    individual = scheme["individual"]
    tie_rule = tuple(str(rule) for rule in settings.get("tie_rule", ()))
    received = facts.entries
    valid = [row for row in rows if row.queue in (Queue.AGREED, Queue.DECIDED)]
    invalid = [
        InvalidEntry(row.code, row.category, row.decision)
        for row in rows
        if row.queue is Queue.INVALID
    ]
    # One sort for everything: best first, then by code; categories keep this order.
    ordered = sorted(valid, key=attrgetter("code"))
    ordered.sort(key=attrgetter("exact"), reverse=True)
    by_code = {row.code: row for row in valid}

    def contender(code: str) -> Contender:
        return _contender(by_code[code], received.get(code, (None, None))[1])

    def lazy(items: Iterable[EntrySettlement]) -> Iterator[Contender]:
        for row in items:
            yield _contender(row, received.get(row.code, (None, None))[1])

    # Prizes
    awards: dict[str, str] = {}
    notes: dict[str, str] = {}
    pending: set[str] = set()
    ties: list[Tie] = []
    levels = _levels(individual["levels"], with_score=True)
    share_cap = individual.get("max_share_percent")
    per_category = bool(individual.get("per_category", False))
    counts: dict[str, int] = defaultdict(int)
    for row in valid:
        counts[row.category] += 1
    pools = (
        [(code, [r for r in ordered if r.category == code], n) for code, n in counts.items()]
        if per_category
        else [(POOL_ALL, ordered, len(ordered))]
    )
    for pool, members, total in pools:
        allocation = allocate(
            lazy(members),
            levels,
            pool=pool,
            tie_rule=tie_rule,
            max_share_percent=share_cap,
            board=facts.orders,
            presorted=True,
            total=total,
        )
        awards.update(allocation.awards)
        notes.update(allocation.notes)
        pending |= allocation.pending
        ties.extend(allocation.ties)

    # The under-18 excellence prize
    result_notes: list[str] = []
    excellence = scheme.get("excellence_under_18", {})
    extra: dict[str, str] = {}
    if excellence.get("enabled", True) and int(excellence.get("count", 1)) > 0:
        if not facts.revealed:
            result_notes.append("results_note_u18_sealed")
        elif facts.reference_date is None:
            result_notes.append("results_note_u18_no_reference_date")
        else:
            age_below = int(excellence.get("age_below", 18))
            may_hold = bool(excellence.get("may_also_hold_ranked_prize", True))
            reference = facts.reference_date
            people = facts.people
            eligible = (
                row
                for row in ordered
                if row.code in people
                and is_younger_than(people[row.code].birth_date, reference, age_below)
                and (may_hold or (row.code not in awards and row.code not in pending))
            )
            allocation = allocate(
                lazy(eligible),
                [Level(EXCELLENCE, int(excellence.get("count", 1)))],
                pool=POOL_U18,
                tie_rule=tie_rule,
                board=facts.orders,
                presorted=True,
                total=0,
            )
            extra.update(allocation.awards)
            for code, note in allocation.notes.items():
                notes.setdefault(code, note)
            pending |= allocation.pending
            ties.extend(allocation.ties)
            if not allocation.awards and not allocation.pending:
                result_notes.append("results_note_u18_none")

    # Quality and rankings: one RankedEntry per entry and list (category, pooled).
    threshold = facts.threshold
    if threshold is None:
        result_notes.append("results_note_no_quality_threshold")
    bar = threshold.centi if threshold is not None else None
    rankings: dict[str, list[RankedEntry]] = {code: [] for code, _ in facts.categories.values()}
    pooled: list[RankedEntry] = []
    category_state: dict[str, list[Any]] = {}  # category → [position, rank, previous exact]
    pooled_rank, previous = 0, None
    quality_of: dict[str, bool] = {}
    people, units_by_id, no_unit = facts.people, facts.units, (None, None)
    for position, row in enumerate(ordered, start=1):
        code = row.code
        exact = row.exact
        if exact != previous:
            pooled_rank, previous = position, exact
        state = category_state.get(row.category)
        if state is None:
            state = category_state[row.category] = [0, 0, None]
        state[0] += 1
        if exact != state[2]:
            state[1], state[2] = state[0], exact
        person = people.get(code)
        if person is not None:
            unit_id = received.get(code, no_unit)[0]
            unit = units_by_id.get(unit_id) if unit_id is not None else None
        else:
            unit = None
        ranked_prize = awards.get(code)
        excellence_prize = extra.get(code)
        if ranked_prize and excellence_prize:
            held: tuple[str, ...] = (ranked_prize, excellence_prize)
        elif ranked_prize or excellence_prize:
            held = (ranked_prize or excellence_prize,)  # type: ignore[assignment]
        else:
            held = ()
        final = row.final
        good = bar is not None and final.centi >= bar  # type: ignore[union-attr]
        quality_of[code] = good
        fields = {
            "code": code,
            "category": row.category,
            "final": final,
            "exact": exact,
            "rank": state[1],
            "participant": person.name if person is not None else None,
            "birth_date": person.birth_date if person is not None else None,
            "unit_code": unit[0] if unit else None,
            "unit_name": unit[1] if unit else None,
            "prize": held[0] if held else None,
            "quality": good,
            "tie_note": notes.get(code, ""),
            "prizes": held,
            "pending": code in pending,
        }
        listed = rankings.get(row.category)
        if listed is None:  # a category set-up no longer lists
            listed = rankings[row.category] = []
        listed.append(_ranked_entry(fields))
        if not per_category:
            fields["rank"] = pooled_rank
            pooled.append(_ranked_entry(fields))
    if not per_category:
        rankings[POOLED] = pooled
    quality_total = sum(quality_of.values())

    # Units
    tallies: dict[int, list[int]] = {unit_id: [0, 0] for unit_id in facts.units}
    for row in valid:
        unit_id = received.get(row.code, (None, None))[0]
        tally = tallies.get(unit_id) if unit_id is not None else None
        if tally is not None:
            tally[0] += 1
            tally[1] += quality_of[row.code]
    weights = school_weights(settings)
    codes_to_id = {info[0]: unit_id for unit_id, info in facts.units.items()}
    scored = school_ranking(
        [
            UnitTally(facts.units[unit_id][0], n, facts.headcounts.get(unit_id, 0), q)
            for unit_id, (n, q) in tallies.items()
        ],
        weights,
    )
    unit_contenders = {s.code: Contender(s.code, s.score) for s in scored if s.entries > 0}
    collective = allocate(
        list(unit_contenders.values()),
        _levels(scheme["collective"]["levels"], with_score=False),
        pool=POOL_UNITS,
        tie_rule=(),
        board=facts.orders,
    )
    ties.extend(collective.ties)
    units = []
    for s in scored:
        unit_id = codes_to_id[s.code]
        units.append(
            UnitResult(
                unit_code=s.code,
                unit_name=facts.units[unit_id][1],
                group=facts.units[unit_id][2],
                entries=s.entries,
                headcount=s.headcount,
                participation=s.participation,
                quality_entries=s.quality_entries,
                quality_rate=s.quality_rate,
                score=s.score,
                rank=s.rank,
                prize=collective.awards.get(s.code),
                pending=s.code in collective.pending,
            )
        )

    categories = {code: name for code, name in facts.categories.values()}
    for code in rankings:
        if code != POOLED:
            categories.setdefault(code, code)
    results = Results(
        contest_name=facts.name,
        locked=True,
        revealed=facts.revealed,
        rankings=rankings,
        categories=categories,
        ties=[_tie_group(tie) for tie in ties],
        invalid=invalid,
        units=units,
        quality_overall=share(quality_total, len(valid)),
        quality_target_percent=facts.target,
        formula=school_formula(weights, lang),
        quality_entries=quality_total,
        ranked_entries=len(valid),
        quality_threshold=threshold,
        reference_date=facts.reference_date,
        weights=weights,
        notes=tuple(result_notes),
        lock_digest=facts.lock.digest,
        locked_at=facts.lock.at,
        pooled=not per_category,
    )
    return _Computed(results, contender, unit_contenders, tie_rule)


def _tie_group(tie: Tie) -> TieGroup:
    levels = tie.levels
    return TieGroup(
        category=POOLED if tie.pool == POOL_ALL else tie.pool,
        level="/".join(levels),
        codes=tie.codes,
        rule_used=tie.rule_used,
        settled=tie.settled,
        order=tie.order,
        reason=tie.reason,
        key=tie.key,
        rank=tie.rank,
        exact=tie.exact,
        places=tie.places,
    )


# ---------------------------------------------------------------------------------------------
# The board orders a tie


def settle_tie(
    db: ContestDatabase, tie_group_key: str, order: list[str], *, reason: str, actor: str
) -> TieGroup:
    """Record the board's order for a tie the rule could not settle; the tie as now settled."""
    reason = reason.strip()
    if not reason:
        raise JudgeAppError("tie_reason_required", db.path, group=tie_group_key)
    computed = _compute(db, "vi")
    tie = next((t for t in computed.results.ties if t.key == tie_group_key), None)
    if tie is None:
        known = ", ".join(t.key for t in computed.results.ties if not t.settled) or "—"
        raise JudgeAppError("tie_unknown_group", db.path, group=tie_group_key, known=known)
    if tie.settled and tie.rule_used != BOARD:
        raise JudgeAppError("tie_already_settled", db.path, group=tie_group_key, rule=tie.rule_used)
    order = [code.strip() for code in order if code.strip()]
    if sorted(order) != sorted(tie.codes) or len(set(order)) != len(order):
        raise JudgeAppError(
            "tie_order_mismatch", db.path, group=tie_group_key, codes=", ".join(tie.codes)
        )
    pool = tie_group_key.rsplit("/", 1)[0]
    if pool == POOL_UNITS:
        block = [computed.units[code] for code in order]
        keys = []
    else:
        block = [computed.contender(code) for code in order]
        keys = tie_keys(computed.tie_rule)
    if not respects_rule(order, block, keys):
        raise JudgeAppError(
            "tie_order_against_rule",
            db.path,
            group=tie_group_key,
            rule=", ".join(computed.tie_rule),
        )
    with db.session() as session, session.begin():
        if not state_from_connection(session_driver(session)).final:
            raise JudgeAppError("results_not_locked", db.path)
        store_board_order(session, pool, order, reason=reason, actor=actor, key=tie_group_key)
    settled = _compute(db, "vi").results
    return next(
        (t for t in settled.ties if set(t.codes) == set(order) and t.category == tie.category),
        tie,
    )

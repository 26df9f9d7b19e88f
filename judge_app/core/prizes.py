"""Prize allocation from a contest's prize scheme, with ties at prize boundaries made visible.

Pure: the results stage gives it contenders (code, exact score and the facts the tie rule
reads) and the scheme's levels; it returns who wins what and every tie it met at a boundary.

How places are given. Contenders are taken best first (exact score, not the rounded one). Each
level has `count` places; with `max_share_percent` at most ⌊n × p / 100⌋ contenders win any
prize (the lowest levels lose places first). A level's `min_score` is the lowest exact score it
may go to: its places that no contender reaches stay empty (they do not pass to the next level),
and contenders below move on to the next level. Fewer contenders than places: fewer prizes.

Ties at a boundary. Contenders with the same exact score form a block. When a block straddles
a boundary (two levels, or a prize and none), the block is ordered by the contest's tie rule, in
the rule's order: ``higher_min_judge_score`` (the lowest of the entry's judges' totals),
``more_agreement`` (smaller spread between its judges' totals), ``earlier_receipt``. A fact that
is unknown counts as the worst. If the rule separates the contenders on each side of every
boundary in the block, the tie is settled by the rule (recorded with the rules it needed);
otherwise the board orders the block (`BoardOrder`, recorded with a reason) and until then the
contenders the rule could not separate get no prize and the tie is reported unsettled. A
block that does not straddle a boundary is not a tie: all its members get the same prize.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby
from operator import attrgetter
from typing import Any

from judge_app.core.scores import Points

PRIZE_LEVELS = ("first", "second", "third", "consolation")
EXCELLENCE = "excellence_u18"
NO_PRIZE = "none"  # a tie's side without a prize, in `Tie.levels`
TIE_RULES = ("higher_min_judge_score", "more_agreement", "earlier_receipt")
BOARD = "board"  # `Tie.rule_used` when the board ordered the block


@dataclass(frozen=True, slots=True)
class Level:
    name: str
    count: int
    min_score: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Contender:
    """One entry (or unit) competing for prizes, with what the tie rule reads."""

    code: str
    exact: Decimal
    min_judge: Points | None = None  # the lowest judge's total
    spread: Points | None = None  # highest minus lowest judge's total (agreement)
    received_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class BoardOrder:
    """The board's order for a tie the rule could not settle (settle_tie), with its reason."""

    pool: str
    order: tuple[str, ...]
    reason: str = ""

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self.order)


@dataclass(frozen=True, slots=True)
class Tie:
    """A block of equal exact scores straddling a prize boundary, and how it was settled."""

    pool: str  # "all", a category code, "u18", "units"
    key: str  # "pool/rank": what `settle_tie` names
    rank: int  # the block's shared rank
    exact: Decimal
    levels: tuple[str, ...]  # the levels the block's places span, best first ("none" = no prize)
    codes: tuple[str, ...]  # the block's members by code
    rule_used: str  # the tie rules needed, comma-separated; "board"; "" when unsettled
    settled: bool
    order: tuple[str, ...]  # best first: the settled order, or the rule's partial order
    reason: str = ""  # the board's reason
    places: tuple[str, ...] = ()  # the level of each position of `order` ("none": no prize)


@dataclass(slots=True)
class Allocation:
    awards: dict[str, str] = field(default_factory=dict)  # code → level
    ties: list[Tie] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # code → how its tie was settled
    pending: set[str] = field(default_factory=set)  # codes waiting for the board


def _worst_last(value: Any) -> tuple[Any, ...]:
    return (1,) if value is None else (0, value)


def _tie_key(rule: str) -> Callable[[Contender], tuple[Any, ...]]:
    if rule == "higher_min_judge_score":
        return lambda c: _worst_last(None if c.min_judge is None else -c.min_judge.centi)
    if rule == "more_agreement":
        return lambda c: _worst_last(None if c.spread is None else c.spread.centi)
    if rule == "earlier_receipt":
        return lambda c: _worst_last(c.received_at)
    raise ValueError(rule)


def effective_counts(levels: Sequence[Level], contenders: int, max_share: int | None) -> list[int]:
    """Each level's places after the share cap (the lowest levels lose places first)."""
    cap = sum(level.count for level in levels)
    if max_share is not None:
        cap = min(cap, contenders * max_share // 100)
    out = []
    for level in levels:
        take = max(0, min(level.count, cap))
        out.append(take)
        cap -= take
    return out


def best_first(contenders: Iterable[Contender]) -> list[Contender]:
    """Highest exact score first, then by code (two stable sorts on C-level keys: 600,000
    entries must not pay a Python key function per comparison)."""
    ordered = sorted(contenders, key=attrgetter("code"))
    ordered.sort(key=attrgetter("exact"), reverse=True)
    return ordered


def allocate(
    contenders: Iterable[Contender],
    levels: Sequence[Level],
    *,
    pool: str,
    tie_rule: Sequence[str] = TIE_RULES,
    max_share_percent: int | None = None,
    board: Sequence[BoardOrder] = (),
    presorted: bool = False,
    total: int | None = None,
) -> Allocation:
    """Who of `contenders` wins which of `levels`, and every tie met at a boundary.

    With `presorted`, `contenders` is already best first (`best_first` order) and may be a lazy
    iterator: only the prize zone is read, so a results run builds tie facts (receipt times,
    judges' totals) for a few dozen entries, not for every entrant. `total` is then the number
    of contenders (for the share cap).
    """
    if presorted:
        ordered: Iterable[Contender] = contenders
    else:
        ordered = best_first(contenders)
        total = len(ordered)
    keys = [_tie_key(rule) for rule in tie_rule]
    counts = effective_counts(levels, total or 0, max_share_percent)
    result = Allocation()
    level_index, left = 0, counts[0] if counts else 0
    position = 0
    for exact, group in groupby(ordered, key=attrgetter("exact")):
        if level_index >= len(levels):
            break  # every place is given: the rest win nothing
        block = list(group)
        rank = position + 1
        position += len(block)
        labels: list[str] = []
        for _ in block:
            while level_index < len(levels) and (left <= 0 or _below(exact, levels[level_index])):
                level_index += 1
                left = counts[level_index] if level_index < len(levels) else 0
            if level_index >= len(levels):
                labels.append(NO_PRIZE)
            else:
                labels.append(levels[level_index].name)
                left -= 1
        if len(set(labels)) == 1:
            if labels[0] != NO_PRIZE:
                for member in block:
                    result.awards[member.code] = labels[0]
            continue
        _settle_block(result, pool, rank, block, labels, keys, tie_rule, board)
    return result


def _below(exact: Decimal, level: Level) -> bool:
    return level.min_score is not None and exact < level.min_score


def _settle_block(
    result: Allocation,
    pool: str,
    rank: int,
    block: list[Contender],
    labels: list[str],
    keys: list[Callable[[Contender], tuple[Any, ...]]],
    tie_rule: Sequence[str],
    board: Sequence[BoardOrder],
) -> None:
    def composite(c: Contender) -> tuple[tuple[Any, ...], ...]:
        return tuple(key(c) for key in keys)

    ordered = sorted(block, key=lambda c: (composite(c), c.code))
    boundaries = [i for i in range(1, len(labels)) if labels[i] != labels[i - 1]]
    needed = 0
    separated = True
    for i in boundaries:
        above, below = composite(ordered[i - 1]), composite(ordered[i])
        depth = next((k + 1 for k in range(len(keys)) if above[k] != below[k]), None)
        if depth is None:
            separated = False
        else:
            needed = max(needed, depth)
    codes = tuple(sorted(c.code for c in block))
    key = f"{pool}/{rank}"
    levels = tuple(dict.fromkeys(labels))
    if separated:
        order = tuple(c.code for c in ordered)
        rule_used = ", ".join(tie_rule[:needed])
        _award(result, order, labels, f"{key}: {rule_used}")
        result.ties.append(
            Tie(
                pool,
                key,
                rank,
                block[0].exact,
                levels,
                codes,
                rule_used,
                True,
                order,
                "",
                tuple(labels),
            )
        )
        return
    chosen = next(
        (
            b
            for b in board
            if b.pool == pool
            and b.codes == frozenset(codes)
            and len(b.order) == len(codes)
            and respects_rule(b.order, block, keys)
        ),
        None,
    )
    if chosen is not None:
        _award(result, chosen.order, labels, f"{key}: {BOARD}")
        result.ties.append(
            Tie(
                pool,
                key,
                rank,
                block[0].exact,
                levels,
                codes,
                BOARD,
                True,
                chosen.order,
                chosen.reason,
                tuple(labels),
            )
        )
        return
    # Unsettled: members whose rule group lies inside one label's span still get it.
    position = 0
    for _, group in _groups(ordered, composite):
        span = set(labels[position : position + len(group)])
        for member in group:
            if len(span) == 1:
                label = next(iter(span))
                if label != NO_PRIZE:
                    result.awards[member.code] = label
            else:
                result.pending.add(member.code)
                result.notes[member.code] = f"{key}: {BOARD}?"
        position += len(group)
    order = tuple(c.code for c in ordered)
    result.ties.append(
        Tie(pool, key, rank, block[0].exact, levels, codes, "", False, order, "", tuple(labels))
    )


def _groups(
    ordered: list[Contender], composite: Callable[[Contender], tuple[tuple[Any, ...], ...]]
) -> list[tuple[tuple[tuple[Any, ...], ...], list[Contender]]]:
    out: list[tuple[tuple[tuple[Any, ...], ...], list[Contender]]] = []
    for contender in ordered:
        value = composite(contender)
        if out and out[-1][0] == value:
            out[-1][1].append(contender)
        else:
            out.append((value, [contender]))
    return out


def _award(result: Allocation, order: Sequence[str], labels: list[str], note: str) -> None:
    for code, label in zip(order, labels, strict=True):
        if label != NO_PRIZE:
            result.awards[code] = label
        result.notes[code] = note


def respects_rule(
    order: Sequence[str],
    block: Sequence[Contender],
    keys: Sequence[Callable[[Contender], tuple[Any, ...]]],
) -> bool:
    """True when `order` never puts a contender above one the tie rule ranks higher."""
    by_code = {c.code: c for c in block}
    values = [tuple(key(by_code[code]) for key in keys) for code in order]
    return all(values[i] <= values[i + 1] for i in range(len(values) - 1))


def tie_keys(tie_rule: Sequence[str]) -> list[Callable[[Contender], tuple[Any, ...]]]:
    return [_tie_key(rule) for rule in tie_rule]

"""Ranking rules: shared ranks on exact scores, ages, quality shares and the school ranking.

Pure functions on plain values (no database), so the results stage and its benchmark run the
same code. Ranks are "competition" ranks (1, 2, 2, 4): entries with equal exact scores share a
rank; who of them wins a prize at a boundary is the tie rule's business (`core.prizes`), never
an order picked silently here. Within a shared rank, lists are ordered by code only to be
stable.

School (collective) ranking, as the seed contest words it ("xếp loại số lượng, chất lượng bài
dự thi"): each unit scores on three parts, each brought to 0..1 so that weights mean what they
say:
- entries: the unit's valid entries divided by the most valid entries any unit has;
- participation: valid entries / headcount (staff and grade 6–9 pupils from set-up), capped at
  1 in the score (a headcount that is too low must not outweigh the rest); shown uncapped;
- quality: entries of quality / valid entries.
The score is the weighted mean of the three, rounded to 12 decimals so equal fractions reached
by different sums compare equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

T = TypeVar("T")

SCORE_QUANTUM = Decimal("1e-12")
RATE_QUANTUM = Decimal("1e-4")
WEIGHT_PARTS = ("entries", "participation", "quality")
DEFAULT_WEIGHTS: Mapping[str, Decimal] = {part: Decimal(1) for part in WEIGHT_PARTS}


def ranked(
    items: Sequence[T], score: Callable[[T], Decimal], code: Callable[[T], str]
) -> list[tuple[int, T]]:
    """Items best first (score down, then code up) with their shared competition rank
    (1, 2, 2, 4). Two stable sorts instead of one tuple key: pass `operator.attrgetter` keys
    and the sorting runs without a Python call per item."""
    ordered = sorted(items, key=code)
    ordered.sort(key=score, reverse=True)
    out: list[tuple[int, T]] = []
    previous: Decimal | None = None
    rank = 0
    for position, item in enumerate(ordered, start=1):
        value = score(item)
        if value != previous:
            rank, previous = position, value
        out.append((rank, item))
    return out


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years on `day`. A birthday on `day` counts as completed (18 on the morning of
    the 18th birthday); someone born on 29 February completes a year on 1 March in other years.
    """
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_younger_than(birth: dt.date | None, day: dt.date | None, years: int) -> bool:
    """True only when both dates are known and the person has not completed `years` on `day`."""
    if birth is None or day is None:
        return False
    return age_on(birth, day) < years


def share(part: int, whole: int) -> Decimal:
    """part / whole as a fraction (0 when whole is 0), to 4 decimals, half up."""
    if whole <= 0:
        return Decimal(0)
    return (Decimal(part) / Decimal(whole)).quantize(RATE_QUANTUM, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class UnitTally:
    """What the school ranking needs of one unit."""

    code: str
    entries: int  # valid (ranked) entries
    headcount: int  # staff + grade 6–9 pupils from set-up
    quality_entries: int


@dataclass(frozen=True, slots=True)
class UnitScore:
    code: str
    entries: int
    headcount: int
    participation: Decimal  # entries / headcount, uncapped, 4 decimals
    quality_entries: int
    quality_rate: Decimal  # quality entries / entries, 4 decimals
    score: Decimal  # weighted mean of the three parts, 0..1, 12 decimals
    rank: int


def check_weights(weights: Mapping[str, Decimal | int | str]) -> dict[str, Decimal]:
    """The three weights as Decimals; ValueError names the part that is wrong."""
    out: dict[str, Decimal] = {}
    for part in WEIGHT_PARTS:
        value = Decimal(str(weights.get(part, 1)))
        if not value.is_finite() or value < 0:
            raise ValueError(part)
        out[part] = value
    if sum(out.values()) <= 0:
        raise ValueError("sum")
    return out


def school_ranking(
    tallies: Sequence[UnitTally], weights: Mapping[str, Decimal | int | str] = DEFAULT_WEIGHTS
) -> list[UnitScore]:
    """Every unit scored and ranked best first (shared rank on equal scores)."""
    w = check_weights(weights)
    total_weight = w["entries"] + w["participation"] + w["quality"]
    most = max((t.entries for t in tallies), default=0)
    scored: list[tuple[UnitTally, Decimal, Decimal, Decimal]] = []
    for tally in tallies:
        entries_part = Decimal(tally.entries) / most if most else Decimal(0)
        participation = (
            Decimal(tally.entries) / tally.headcount if tally.headcount > 0 else Decimal(0)
        )
        quality = (
            Decimal(tally.quality_entries) / tally.entries if tally.entries > 0 else Decimal(0)
        )
        score = (
            w["entries"] * entries_part
            + w["participation"] * min(participation, Decimal(1))
            + w["quality"] * quality
        ) / total_weight
        scored.append(
            (tally, participation, quality, score.quantize(SCORE_QUANTUM, rounding=ROUND_HALF_UP))
        )
    out = []
    for rank, (tally, participation, quality, score) in ranked(
        scored, lambda row: row[3], lambda row: row[0].code
    ):
        out.append(
            UnitScore(
                code=tally.code,
                entries=tally.entries,
                headcount=tally.headcount,
                participation=participation.quantize(RATE_QUANTUM, rounding=ROUND_HALF_UP),
                quality_entries=tally.quality_entries,
                quality_rate=quality.quantize(RATE_QUANTUM, rounding=ROUND_HALF_UP),
                score=score,
                rank=rank,
            )
        )
    return out

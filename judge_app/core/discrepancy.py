"""The board's discrepancy rule for independent gradings (GUIDE §2).

Board defaults after the national exam rule (Thông tư 15/2020/TT-BGDĐT, Điều 27), on a 10-point
total: a gap under 1.0 is agreed (the contest default settles it at the mean); 1.0 to 1.5 is
discussed and the head judge decides if the judges do not agree; over 1.5 goes to a third judge.
After three gradings two equal scores stand, else the mean when the largest gap is at most 2.5,
else the head judge decides. The rule applies to the total (thresholds scaled by max/10) and to
each criterion with the same absolute thresholds, unless the contest switches that off.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from judge_app.core.scores import Points, round_score


class Outcome(enum.IntEnum):
    """Ordered by how much work is left: the worst part decides for the entry."""

    AGREED = 0
    DISCUSS = 1
    THIRD_GRADING = 2
    HEAD_DECIDES = 3


@dataclass(frozen=True)
class Thresholds:
    """Thresholds for a 10-point total, in hundredths."""

    agree_below: Points = Points(100)
    discuss_upto: Points = Points(150)
    third_mean_upto: Points = Points(250)
    per_criterion: bool = True

    def scaled(self, max_total: Points) -> Thresholds:
        """Thresholds for a total out of `max_total` (exact: scale, then round half up)."""
        return _scaled(self, max_total)


@functools.cache
def _scaled(thresholds: Thresholds, max_total: Points) -> Thresholds:
    """Cached: a merge settles 100,000 entries against one contest's thresholds."""

    def scale(p: Points) -> Points:
        return Points((p.centi * max_total.centi + 500) // 1000)

    return Thresholds(
        scale(thresholds.agree_below),
        scale(thresholds.discuss_upto),
        scale(thresholds.third_mean_upto),
        thresholds.per_criterion,
    )


@dataclass(frozen=True)
class PartCheck:
    """One compared part: "total" or a criterion code."""

    part: str
    gap: Points
    outcome: Outcome


@dataclass(frozen=True)
class Settlement:
    outcome: Outcome
    final: Points | None  # None while a decision or another grading is needed
    exact: Decimal | None  # the unrounded value behind `final`, kept visible
    parts: list[PartCheck] = field(default_factory=list)


def _two_way(gap: Points, t: Thresholds) -> Outcome:
    if gap < t.agree_below:
        return Outcome.AGREED
    if gap <= t.discuss_upto:
        return Outcome.DISCUSS
    return Outcome.THIRD_GRADING


def _mean(scores: Sequence[Points], rounding: str) -> tuple[Points, Decimal]:
    exact = Decimal(sum(s.centi for s in scores)) / (100 * len(scores))
    return round_score(exact, rounding), exact


def total_check(
    totals: tuple[Points, Points],
    *,
    thresholds: Thresholds = Thresholds(),
    max_total: Points = Points(1000),
) -> PartCheck:
    """The total's part of a two-grading comparison (thresholds scaled to the maximum)."""
    gap = Points(abs(totals[0].centi - totals[1].centi))
    return PartCheck("total", gap, _two_way(gap, thresholds.scaled(max_total)))


def criterion_check(
    code: str, first: Points, second: Points, thresholds: Thresholds = Thresholds()
) -> PartCheck | None:
    """One criterion's part (absolute thresholds); None when it agrees or the contest does
    not compare criteria: agreed criteria are not listed."""
    gap = abs(first.centi - second.centi)
    if not thresholds.per_criterion or gap < thresholds.agree_below.centi:
        return None
    return PartCheck(code, Points(gap), _two_way(Points(gap), thresholds))


def settle_checked(
    totals: tuple[Points, Points], parts: list[PartCheck], rounding: str = "half_up_2"
) -> Settlement:
    """The outcome of two gradings from their checked parts (the total first): the worst part
    decides; only when every part agrees is the final score the mean."""
    outcome = max(part.outcome for part in parts)
    if outcome is not Outcome.AGREED:
        return Settlement(outcome, None, None, parts)
    final, exact = _mean(totals, rounding)
    return Settlement(outcome, final, exact, parts)


def settle_two(
    totals: tuple[Points, Points],
    criteria: Sequence[tuple[str, Points, Points]] = (),
    *,
    thresholds: Thresholds = Thresholds(),
    max_total: Points = Points(1000),
    rounding: str = "half_up_2",
) -> Settlement:
    """Compare two independent gradings of one entry: `criteria` holds (code, first, second).

    `parts` holds the total and each criterion that is not agreed (a merge settles 100,000
    entries; the agreed criteria are in the scores themselves). The three steps are public so
    a whole-contest pass can remember each part on its own.
    """
    parts = [total_check(totals, thresholds=thresholds, max_total=max_total)]
    for code, first, second in criteria:
        check = criterion_check(code, first, second, thresholds)
        if check is not None:
            parts.append(check)
    return settle_checked(totals, parts, rounding)


def settle_three(
    totals: tuple[Points, Points, Points],
    *,
    thresholds: Thresholds = Thresholds(),
    max_total: Points = Points(1000),
    rounding: str = "half_up_2",
) -> Settlement:
    """After a third grading: two equal scores stand; else the mean if the spread allows."""
    t = thresholds.scaled(max_total)
    counts: Mapping[Points, int] = {p: totals.count(p) for p in totals}
    spread = Points(max(totals).centi - min(totals).centi)
    parts = [PartCheck("total", spread, Outcome.AGREED)]
    for score, count in counts.items():
        if count >= 2:
            return Settlement(Outcome.AGREED, score, score.to_decimal(), parts)
    if spread <= t.third_mean_upto:
        final, exact = _mean(totals, rounding)
        return Settlement(Outcome.AGREED, final, exact, parts)
    parts = [PartCheck("total", spread, Outcome.HEAD_DECIDES)]
    return Settlement(Outcome.HEAD_DECIDES, None, None, parts)

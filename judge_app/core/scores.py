"""Exact scores: integer hundredths of a point, never floats.

Judges type `7,5` or `7.5` (Vietnamese keyboards use the comma). Every score the app stores is
a whole number of hundredths, so sums and comparisons are exact and a 0.25 grid is checked
with integer arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from judge_app.core.errors import JudgeAppError

_SCORE_TEXT = re.compile(r"^\s*(\d{1,4})(?:[.,](\d{1,2}))?\s*$")


@dataclass(frozen=True, order=True, slots=True)
class Points:
    """A score in hundredths of a point (`Points(750)` is 7.50)."""

    centi: int

    @classmethod
    def parse(cls, text: str) -> Points:
        """Read `7`, `7.5`, `7,25`; reject anything with more than two decimals or a sign."""
        match = _SCORE_TEXT.match(text)
        if match is None:
            raise JudgeAppError("score_invalid", value=text)
        whole, frac = match.group(1), (match.group(2) or "")
        return cls(int(whole) * 100 + int(frac.ljust(2, "0") or "0"))

    @classmethod
    def from_decimal(cls, value: Decimal | int | str) -> Points:
        try:
            dec = Decimal(value)
        except InvalidOperation as exc:
            raise JudgeAppError("score_invalid", value=str(value)) from exc
        centi = dec * 100
        if centi != centi.to_integral_value():
            raise JudgeAppError("score_invalid", value=str(value))
        return cls(int(centi))

    def to_decimal(self) -> Decimal:
        return Decimal(self.centi) / 100

    def __add__(self, other: Points) -> Points:
        return Points(self.centi + other.centi)

    def __sub__(self, other: Points) -> Points:
        return Points(self.centi - other.centi)

    def format(self, decimal_sep: str = ",") -> str:
        """`7,5` / `7,25` / `8`: as short as exact, with the user's separator."""
        sign = "-" if self.centi < 0 else ""
        whole, frac = divmod(abs(self.centi), 100)
        if frac == 0:
            return f"{sign}{whole}"
        text = f"{frac:02d}".rstrip("0")
        return f"{sign}{whole}{decimal_sep}{text}"

    def __str__(self) -> str:
        return self.format(".")


def check_score(value: Points, maximum: Points, step: Points) -> None:
    """Raise the reason a judge's score is not allowed for a criterion."""
    if value.centi < 0 or value.centi > maximum.centi:
        raise JudgeAppError("score_out_of_range", value=value.format(), maximum=maximum.format())
    if step.centi > 0 and value.centi % step.centi != 0:
        raise JudgeAppError("score_off_grid", value=value.format(), step=step.format())


def mean(scores: list[Points], places: int = 2) -> tuple[Points, Decimal]:
    """The mean rounded half up to `places` decimals, and the unrounded value beside it."""
    if not scores:
        raise ValueError("mean of no scores")
    exact = Decimal(sum(s.centi for s in scores)) / (100 * len(scores))
    quantum = Decimal(1).scaleb(-places)
    rounded = exact.quantize(quantum, rounding=ROUND_HALF_UP)
    return Points.from_decimal(rounded), exact


# The contest's rounding rule for derived scores (means). The exam rule rounds to two decimals,
# half up; a board may prefer one decimal or the 0.25 grid judges type on.
ROUNDING_RULES = ("half_up_2", "half_up_1", "half_up_quarter")


def round_score(exact: Decimal, rule: str = "half_up_2") -> Points:
    """`exact` rounded half up by the contest's `rule` (unknown rules are a set-up error)."""
    if rule == "half_up_2":
        quantum = Decimal("0.01")
    elif rule == "half_up_1":
        quantum = Decimal("0.1")
    elif rule == "half_up_quarter":
        quarters = (exact * 4).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return Points.from_decimal(quarters / 4)
    else:
        raise JudgeAppError("rounding_rule_unknown", rule=rule)
    return Points.from_decimal(exact.quantize(quantum, rounding=ROUND_HALF_UP))

from __future__ import annotations

from decimal import Decimal

import pytest

from judge_app.core.discrepancy import Outcome, Thresholds, settle_three, settle_two
from judge_app.core.scores import Points


def p(text: str) -> Points:
    return Points.parse(text)


@pytest.mark.parametrize(
    ("a", "b", "outcome"),
    [
        ("7", "7.75", Outcome.AGREED),
        ("7", "7.99", Outcome.AGREED),
        ("7", "8", Outcome.DISCUSS),  # 1.0 exactly is no longer "under 1.0"
        ("7", "8.5", Outcome.DISCUSS),  # 1.5 exactly is still discussed
        ("7", "8.75", Outcome.THIRD_GRADING),
    ],
)
def test_total_gap_boundaries(a: str, b: str, outcome: Outcome) -> None:
    assert settle_two((p(a), p(b))).outcome is outcome


def test_agreed_pair_settles_at_the_rounded_mean() -> None:
    result = settle_two((p("7.25"), p("7.5")))
    assert result.final == p("7.38")  # 7.375 rounds half up
    assert result.exact == Decimal("7.375")


def test_one_criterion_gap_sends_the_entry_to_discussion_even_if_totals_agree() -> None:
    result = settle_two(
        (p("7"), p("7")),
        [("HIEU", p("3"), p("2")), ("VIDU", p("1"), p("2"))],
    )
    assert result.outcome is Outcome.DISCUSS
    assert result.final is None
    assert [part.part for part in result.parts if part.part != "total"] == ["HIEU", "VIDU"]


def test_per_criterion_rule_can_be_switched_off() -> None:
    result = settle_two(
        (p("7"), p("7")),
        [("HIEU", p("3"), p("1"))],
        thresholds=Thresholds(per_criterion=False),
    )
    assert result.outcome is Outcome.AGREED


def test_thresholds_scale_with_the_total() -> None:
    # Out of 20 points, a gap of 1.5 is still agreed (threshold 2.0).
    result = settle_two((p("14"), p("15.5")), max_total=p("20"))
    assert result.outcome is Outcome.AGREED


def test_three_gradings_two_equal_stand() -> None:
    result = settle_three((p("6"), p("8"), p("6")))
    assert result.outcome is Outcome.AGREED and result.final == p("6")


def test_three_gradings_mean_when_spread_small() -> None:
    result = settle_three((p("6"), p("7"), p("8.5")))
    assert result.outcome is Outcome.AGREED
    assert result.final == p("7.17") and result.exact is not None


def test_three_gradings_head_decides_when_spread_large() -> None:
    result = settle_three((p("5"), p("6.5"), p("7.75")))
    assert result.outcome is Outcome.HEAD_DECIDES and result.final is None

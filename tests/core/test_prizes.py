"""Prize allocation: levels, minimum scores, share cap, ties at each boundary; ages; the school
ranking formula on a hand-computed example."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from judge_app.core.prizes import (
    BoardOrder,
    Contender,
    Level,
    allocate,
    effective_counts,
    respects_rule,
    tie_keys,
)
from judge_app.core.ranking import UnitTally, age_on, is_younger_than, ranked, school_ranking
from judge_app.core.scores import Points

SEED = [Level("first", 3), Level("second", 6), Level("third", 9), Level("consolation", 12)]
RULE = ("higher_min_judge_score", "more_agreement", "earlier_receipt")
DAY = dt.datetime(2019, 8, 19, 9, 0)


def _c(
    code: str,
    score: str,
    *,
    low: str | None = None,
    spread: str | None = None,
    at: dt.datetime | None = None,
) -> Contender:
    return Contender(
        code,
        Decimal(score),
        None if low is None else Points.parse(low),
        None if spread is None else Points.parse(spread),
        at,
    )


def _field(n: int) -> list[Contender]:
    """n contenders with distinct scores 9.75, 9.50, … (no ties)."""
    return [_c(f"E{i:03d}", str(Decimal(1000 - 25 * (i + 1)) / 100)) for i in range(n)]


def _count(awards: dict[str, str], level: str) -> int:
    return sum(1 for value in awards.values() if value == level)


def test_the_seed_scheme_gives_3_6_9_12_best_first() -> None:
    field = _field(40)
    result = allocate(field, SEED, pool="all", tie_rule=RULE)
    assert [_count(result.awards, lv.name) for lv in SEED] == [3, 6, 9, 12]
    assert result.awards["E000"] == "first" and result.awards["E002"] == "first"
    assert result.awards["E003"] == "second"
    assert result.awards["E029"] == "consolation" and "E030" not in result.awards
    assert result.ties == [] and not result.pending


def test_fewer_entrants_than_prizes_gives_fewer_prizes() -> None:
    result = allocate(_field(5), SEED, pool="all", tie_rule=RULE)
    assert result.awards == {
        "E000": "first",
        "E001": "first",
        "E002": "first",
        "E003": "second",
        "E004": "second",
    }
    assert allocate([], SEED, pool="all").awards == {}


def test_a_tie_inside_a_level_is_not_a_tie_at_a_boundary() -> None:
    field = [_c("A", "9"), _c("B", "9"), _c("C", "8"), _c("D", "7")]
    result = allocate(field, [Level("first", 3), Level("second", 1)], pool="all", tie_rule=RULE)
    assert result.awards == {"A": "first", "B": "first", "C": "first", "D": "second"}
    assert result.ties == []


BOUNDARIES = [
    # (places before the tied pair, the level above, the level below)
    (2, "first", "second"),
    (8, "second", "third"),
    (17, "third", "consolation"),
    (29, "consolation", "none"),
]


@pytest.mark.parametrize(("before", "above", "below"), BOUNDARIES)
def test_a_tie_at_each_boundary_is_settled_by_the_lowest_judge_score(
    before: int, above: str, below: str
) -> None:
    field = _field(before)
    # The pair shares one score below everyone before it; one place is left above.
    field += [_c("X", "1", low="0.75", spread="0.5"), _c("Y", "1", low="1", spread="0.5")]
    field += [_c("Z", "0.5")]
    result = allocate(field, SEED, pool="all", tie_rule=RULE)
    (tie,) = result.ties
    assert tie.settled and tie.rule_used == "higher_min_judge_score"
    assert tie.levels == (above, below)
    assert tie.order == ("Y", "X")  # Y's lowest judge gave 1, X's gave 0.75
    assert tie.key == f"all/{before + 1}"
    assert result.awards["Y"] == above
    assert result.awards.get("X", "none") == below
    assert "all/" in result.notes["X"] and "higher_min_judge_score" in result.notes["Y"]


@pytest.mark.parametrize(("before", "above", "below"), BOUNDARIES)
def test_a_tie_the_rule_cannot_settle_waits_for_the_board(
    before: int, above: str, below: str
) -> None:
    same = {"low": "1", "spread": "0.5", "at": DAY}
    field = [*_field(before), _c("X", "1", **same), _c("Y", "1", **same)]  # type: ignore[arg-type]
    result = allocate(field, SEED, pool="all", tie_rule=RULE)
    (tie,) = result.ties
    assert not tie.settled and tie.rule_used == ""
    assert tie.levels == (above, below)
    assert result.pending == {"X", "Y"}
    assert "X" not in result.awards and "Y" not in result.awards  # never broken silently
    # The board orders it, with a reason: Y before X.
    board = [BoardOrder("all", ("Y", "X"), "Bài Y trình bày đúng thể thức hơn")]
    again = allocate(field, SEED, pool="all", tie_rule=RULE, board=board)
    (tie,) = again.ties
    assert tie.settled and tie.rule_used == "board" and tie.reason.startswith("Bài Y")
    assert again.awards["Y"] == above and again.awards.get("X", "none") == below
    assert not again.pending


def test_the_rule_is_applied_in_order_and_records_what_it_needed() -> None:
    base = _field(2)
    # Equal lowest judge score: more agreement decides.
    agree = [*base, _c("X", "1", low="1", spread="0.75"), _c("Y", "1", low="1", spread="0.25")]
    (tie,) = allocate(agree, SEED, pool="all", tie_rule=RULE).ties
    assert tie.order == ("Y", "X") and tie.rule_used == "higher_min_judge_score, more_agreement"
    # Equal on both: earlier receipt decides.
    later = DAY + dt.timedelta(minutes=1)
    receipt = [
        *base,
        _c("X", "1", low="1", spread="0.5", at=DAY),
        _c("Y", "1", low="1", spread="0.5", at=later),
    ]
    result = allocate(receipt, SEED, pool="all", tie_rule=RULE)
    (tie,) = result.ties
    assert tie.order == ("X", "Y") and tie.rule_used == RULE[0] + ", " + RULE[1] + ", " + RULE[2]
    assert result.awards["X"] == "first" and result.awards["Y"] == "second"
    # The contest's own order of rules: receipt first.
    (tie,) = allocate(agree, SEED, pool="all", tie_rule=("earlier_receipt", "more_agreement")).ties
    assert tie.rule_used == "earlier_receipt, more_agreement"


def test_an_unknown_fact_counts_as_the_worst() -> None:
    field = [*_field(2), _c("X", "1"), _c("Y", "1", low="0.25")]
    (tie,) = allocate(field, SEED, pool="all", tie_rule=RULE).ties
    assert tie.order == ("Y", "X")


def test_only_those_the_rule_cannot_separate_wait() -> None:
    # Three tied for two places: A is clearly first by the rule, B and C cannot be told apart.
    field = [
        _c("A", "9", low="9"),
        _c("B", "9", low="8.5", spread="1", at=DAY),
        _c("C", "9", low="8.5", spread="1", at=DAY),
    ]
    result = allocate(field, [Level("first", 2)], pool="g6", tie_rule=RULE)
    assert result.awards == {"A": "first"}
    assert result.pending == {"B", "C"}
    (tie,) = result.ties
    assert tie.key == "g6/1" and tie.codes == ("A", "B", "C") and not tie.settled
    keys = tie_keys(RULE)
    assert respects_rule(("A", "C", "B"), field, keys)
    assert not respects_rule(("B", "A", "C"), field, keys)  # A is better by the rule
    # A board order that goes against the rule is not used.
    wrong = [BoardOrder("g6", ("B", "A", "C"))]
    assert allocate(field, [Level("first", 2)], pool="g6", tie_rule=RULE, board=wrong).pending
    right = [BoardOrder("g6", ("A", "C", "B"), "quyết định")]
    settled = allocate(field, [Level("first", 2)], pool="g6", tie_rule=RULE, board=right)
    assert settled.awards == {"A": "first", "C": "first"}
    # A board order for another pool or another block is not used either.
    other = [BoardOrder("g7", ("A", "C", "B"))]
    assert allocate(field, [Level("first", 2)], pool="g6", tie_rule=RULE, board=other).pending


def test_a_tie_spanning_two_boundaries() -> None:
    # Four tied for the last first place, the two second places and beyond.
    field = _field(2) + [_c(code, "1", low=low) for code, low in zip("WXYZ", "4321", strict=True)]
    result = allocate(field, [Level("first", 3), Level("second", 2)], pool="all", tie_rule=RULE)
    (tie,) = result.ties
    assert tie.levels == ("first", "second", "none")
    assert tie.places == ("first", "second", "second", "none")
    assert tie.order == ("W", "X", "Y", "Z") and tie.settled
    assert [result.awards.get(c) for c in "WXYZ"] == ["first", "second", "second", None]


def test_minimum_score_per_level_leaves_places_empty() -> None:
    levels = [
        Level("first", 3, Decimal("9")),
        Level("second", 2, Decimal("8")),
        Level("third", 5, None),
    ]
    field = [_c("A", "9.5"), _c("B", "9"), _c("C", "8.75"), _c("D", "8"), _c("E", "7.9")]
    field += [_c("F", "8")]
    result = allocate(field, levels, pool="all", tie_rule=RULE)
    # Only A and B reach 9: one first place stays empty and is not passed down.
    assert result.awards["A"] == "first" and result.awards["B"] == "first"
    # C, D and F reach 8 for two second places: D and F tie at the boundary.
    assert result.awards["C"] == "second"
    (tie,) = result.ties
    assert tie.levels == ("second", "third") and tie.codes == ("D", "F")
    assert result.awards["E"] == "third"


def test_an_entry_exactly_at_the_minimum_score_qualifies() -> None:
    result = allocate(
        [_c("A", "8"), _c("B", "7.99")], [Level("first", 2, Decimal("8"))], pool="all"
    )
    assert result.awards == {"A": "first"}


def test_the_share_cap_takes_places_from_the_lowest_levels() -> None:
    assert effective_counts(SEED, 20, 50) == [3, 6, 1, 0]
    assert effective_counts(SEED, 100, None) == [3, 6, 9, 12]
    assert effective_counts(SEED, 7, 10) == [0, 0, 0, 0]
    result = allocate(_field(20), SEED, pool="all", tie_rule=RULE, max_share_percent=50)
    assert len(result.awards) == 10
    assert [_count(result.awards, lv.name) for lv in SEED] == [3, 6, 1, 0]


def test_ranks_are_shared_on_exact_scores_only() -> None:
    rows = ranked(
        [_c("A", "8.5"), _c("B", "8.5"), _c("C", "8.333333"), _c("D", "8.3333333")],
        lambda c: c.exact,
        lambda c: c.code,
    )
    assert [(rank, c.code) for rank, c in rows] == [(1, "A"), (1, "B"), (3, "D"), (4, "C")]


def test_age_on_the_reference_date() -> None:
    reference = dt.date(2019, 8, 20)
    assert age_on(dt.date(2001, 8, 20), reference) == 18  # 18th birthday that day: 18
    assert not is_younger_than(dt.date(2001, 8, 20), reference, 18)
    assert is_younger_than(dt.date(2001, 8, 21), reference, 18)  # a day short of 18
    assert age_on(dt.date(2001, 8, 19), reference) == 18
    # Born on 29 February: a year completes on 1 March in other years.
    assert age_on(dt.date(2000, 2, 29), dt.date(2018, 2, 28)) == 17
    assert age_on(dt.date(2000, 2, 29), dt.date(2018, 3, 1)) == 18
    assert not is_younger_than(None, reference, 18)
    assert not is_younger_than(dt.date(2010, 1, 1), None, 18)


def test_school_ranking_on_a_hand_computed_example() -> None:
    tallies = [
        UnitTally("A", entries=10, headcount=20, quality_entries=2),
        UnitTally("B", entries=5, headcount=5, quality_entries=5),
        UnitTally("C", entries=0, headcount=10, quality_entries=0),
        UnitTally("D", entries=10, headcount=5, quality_entries=0),
    ]
    scores = {s.code: s for s in school_ranking(tallies)}
    # A: (10/10 + 10/20 + 2/10) / 3 = 1.7 / 3
    assert scores["A"].score == Decimal("0.566666666667")
    # B: (5/10 + 5/5 + 5/5) / 3 = 2.5 / 3
    assert scores["B"].score == Decimal("0.833333333333")
    # D: participation 2 is shown but counts at most 1: (1 + 1 + 0) / 3
    assert scores["D"].participation == Decimal("2.0000")
    assert scores["D"].score == Decimal("0.666666666667")
    assert scores["C"].score == 0 and scores["C"].participation == 0
    assert [scores[c].rank for c in "BDAC"] == [1, 2, 3, 4]
    assert scores["A"].quality_rate == Decimal("0.2000")
    # Weights: the number of entries counts double, quality not at all.
    weighted = {
        s.code: s for s in school_ranking(tallies, {"entries": 2, "participation": 1, "quality": 0})
    }
    assert weighted["A"].score == Decimal("0.833333333333")  # (2 × 1 + 0.5) / 3
    assert weighted["B"].score == Decimal("0.666666666667")  # (2 × 0.5 + 1) / 3
    assert weighted["D"].score == 1 and weighted["D"].rank == 1
    assert weighted["A"].rank == 2


def test_school_weights_must_make_sense() -> None:
    with pytest.raises(ValueError, match="quality"):
        school_ranking([], {"quality": -1})
    with pytest.raises(ValueError, match="sum"):
        school_ranking([], {"entries": 0, "participation": 0, "quality": 0})


def test_equal_unit_scores_share_a_rank() -> None:
    tallies = [UnitTally("A", 2, 4, 1), UnitTally("B", 2, 4, 1), UnitTally("C", 1, 4, 0)]
    assert [(s.code, s.rank) for s in school_ranking(tallies)] == [("A", 1), ("B", 1), ("C", 3)]

"""Agreement statistics against their published worked examples."""

from __future__ import annotations

import math
import random

import pytest

from judge_app.core.agreement import (
    alpha_with_interval,
    beta_quantile,
    f_quantile,
    icc_forms,
    icc_oneway,
    krippendorff_alpha,
    regularized_beta,
    twoway_mean_squares,
)

# Shrout & Fleiss (1979), Table 2: six targets rated by the same four judges.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]

# Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): reliability data of
# observers A-D (columns here) on 12 units (rows), None where an observer gave no value.
KRIPPENDORFF = [
    [1, 1, None, 1],
    [2, 2, 3, 2],
    [3, 3, 3, 3],
    [3, 3, 3, 3],
    [2, 2, 2, 2],
    [1, 2, 3, 4],
    [4, 4, 4, 4],
    [1, 1, 2, 1],
    [2, 2, 2, 2],
    [None, 5, 5, 5],
    [None, None, 1, 1],
    [None, None, 3, None],
]


def test_shrout_fleiss_mean_squares() -> None:
    ms = twoway_mean_squares(SHROUT_FLEISS)
    # The paper's Table 3: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02.
    assert round(ms.between_targets, 2) == 11.24
    assert round(ms.within_targets, 2) == 6.26
    assert ms.between_judges is not None and round(ms.between_judges, 2) == 32.49
    assert ms.residual is not None and round(ms.residual, 2) == 1.02


def test_shrout_fleiss_six_forms() -> None:
    forms = icc_forms(SHROUT_FLEISS)
    assert forms is not None
    published = {
        "ICC(1,1)": 0.17,
        "ICC(2,1)": 0.29,
        "ICC(3,1)": 0.71,
        "ICC(1,k)": 0.44,
        "ICC(2,k)": 0.62,
        "ICC(3,k)": 0.91,
    }
    assert {form: round(icc.value, 2) for form, icc in forms.items()} == published
    assert all(icc.ratings == 4 and icc.targets == 6 for icc in forms.values())


def test_shrout_fleiss_intervals() -> None:
    """95 % limits from the paper's formulas (ICC(2,k): McGraw & Wong 1996); these are also
    the limits R's psych::ICC prints for this table."""
    forms = icc_forms(SHROUT_FLEISS)
    assert forms is not None
    expected = {
        "ICC(1,1)": (-0.133, 0.723),
        "ICC(1,k)": (-0.884, 0.912),
        "ICC(2,1)": (0.019, 0.761),
        "ICC(2,k)": (0.071, 0.927),
        "ICC(3,1)": (0.342, 0.946),
        "ICC(3,k)": (0.676, 0.986),
    }
    for form, (low, high) in expected.items():
        interval = forms[form].interval
        assert interval.level == 0.95
        assert interval.low == pytest.approx(low, abs=0.001), form
        assert interval.high == pytest.approx(high, abs=0.001), form
    # The F tests: judges' table F(5, 15) = 11.03 for cases 2 and 3, F(5, 18) = 1.79 for case 1.
    assert forms["ICC(3,1)"].f == pytest.approx(11.03, abs=0.01)
    assert (forms["ICC(3,1)"].df1, forms["ICC(3,1)"].df2) == (5, 15)
    assert forms["ICC(1,1)"].f == pytest.approx(1.79, abs=0.01)
    assert (forms["ICC(1,1)"].df1, forms["ICC(1,1)"].df2) == (5, 18)


def test_one_way_model_ignores_which_judge_is_which() -> None:
    """Entries graded by different pairs: ICC(1,1) does not depend on the column order."""
    single, average = icc_oneway(SHROUT_FLEISS) or (None, None)
    assert single is not None and average is not None
    shuffled = [list(reversed(row)) if i % 2 else row for i, row in enumerate(SHROUT_FLEISS)]
    again, _ = icc_oneway(shuffled) or (None, None)
    assert again is not None
    assert again.value == pytest.approx(single.value)
    assert again.interval == single.interval
    assert average.form == "ICC(1,k)" and round(average.value, 2) == 0.44


def test_icc_of_perfect_agreement_is_one() -> None:
    rows = [[1.0, 1.0], [2.5, 2.5], [7.0, 7.0]]
    single, average = icc_oneway(rows) or (None, None)
    assert single is not None and average is not None
    assert single.value == 1.0 and average.value == 1.0
    assert (single.interval.low, single.interval.high) == (1.0, 1.0)


def test_icc_undefined_cases() -> None:
    assert icc_oneway([[5.0, 6.0]]) is None  # one target
    assert icc_oneway([[5.0, 5.0], [5.0, 5.0]]) is None  # nothing varies
    assert icc_forms([[5.0, 5.0], [5.0, 5.0]]) is None
    with pytest.raises(ValueError):
        icc_oneway([[1.0, 2.0], [3.0]])  # ragged


def test_krippendorff_interval_example() -> None:
    assert krippendorff_alpha(KRIPPENDORFF) == pytest.approx(0.849, abs=0.0005)
    result = alpha_with_interval(KRIPPENDORFF, resamples=500, seed=7)
    assert result is not None
    assert result.value == pytest.approx(0.849, abs=0.0005)
    # Unit 12 has one value only: not pairable.
    assert (result.units, result.values) == (11, 40)
    assert result.interval is not None
    assert result.interval.low < result.value <= result.interval.high <= 1.0


def test_alpha_bootstrap_is_reproducible_and_covers_the_estimate() -> None:
    rng = random.Random(3)
    units = []
    for _ in range(400):
        true = rng.randint(8, 36)
        units.append([true / 4, max(0, min(40, true + rng.randint(-3, 3))) / 4])
    first = alpha_with_interval(units, resamples=300, seed=11)
    second = alpha_with_interval(units, resamples=300, seed=11)
    other = alpha_with_interval(units, resamples=300, seed=12)
    assert first is not None and second is not None and other is not None
    assert first == second  # same seed, same interval: a report does not change on reprint
    assert first.interval != other.interval
    assert first.interval is not None
    assert first.interval.low < first.value < first.interval.high
    assert first.interval.high - first.interval.low < 0.1
    # With two values per unit and no missing ones, α and ICC(1,1) nearly coincide.
    single, _ = icc_oneway(units) or (None, None)
    assert single is not None
    assert first.value == pytest.approx(single.value, abs=0.01)


def test_alpha_many_distinct_units_uses_the_same_bootstrap() -> None:
    rng = random.Random(5)
    units = [[rng.random(), rng.random()] for _ in range(200)]
    result = alpha_with_interval(units, resamples=200, seed=1)
    assert result is not None and result.interval is not None
    assert result.interval.low < 0.0 < result.interval.high  # no agreement beyond chance


def test_alpha_undefined_cases() -> None:
    assert krippendorff_alpha([[1.0, None], [None, 2.0]]) is None  # nothing pairable
    assert krippendorff_alpha([[3.0, 3.0], [3.0, 3.0]]) is None  # no variation
    assert alpha_with_interval([]) is None
    assert krippendorff_alpha([[1.0, 1.0], [2.0, 2.0]]) == 1.0


@pytest.mark.parametrize(
    ("p", "df1", "df2", "expected"),
    [
        # Standard F tables (and scipy.stats.f.ppf, checked while writing these).
        (0.95, 1, 1, 161.4476),
        (0.975, 5, 15, 3.5764),
        (0.975, 5, 18, 3.3820),
        (0.99, 10, 20, 3.3682),
        (0.95, 3, 15, 3.2874),
        (0.975, 19999, 20000, 1.02811),  # a contest's 20,000 entries
        (0.5, 3, 7.3, 0.86734),  # fractional df (Satterthwaite)
    ],
)
def test_f_quantile(p: float, df1: float, df2: float, expected: float) -> None:
    assert f_quantile(p, df1, df2) == pytest.approx(expected, rel=2e-5)


def test_incomplete_beta_identities() -> None:
    assert regularized_beta(0.3, 1, 1) == pytest.approx(0.3)  # uniform
    assert regularized_beta(0.5, 4.5, 4.5) == pytest.approx(0.5)  # symmetric
    # I_x(a, 1) = x^a
    assert regularized_beta(0.7, 3, 1) == pytest.approx(0.7**3)
    for p in (0.01, 0.3, 0.975):
        x = beta_quantile(p, 2.5, 40)
        assert regularized_beta(x, 2.5, 40) == pytest.approx(p, abs=1e-12)
    assert math.isclose(f_quantile(0.5, 8, 8), 1.0, rel_tol=1e-12)


def test_counted_rows_give_the_same_coefficients() -> None:
    """Distinct rows with their counts (how the contest's 20,000 pairs are passed) and the
    rows themselves give the same ICC and α."""
    rows = [(7.0, 7.5), (7.5, 7.0), (5.0, 6.0), (9.0, 8.75), (5.0, 6.0), (3.0, 3.5)]
    counted = {(7.0, 7.5): 2, (5.0, 6.0): 2, (8.75, 9.0): 1, (3.0, 3.5): 1}
    plain, by_count = icc_oneway(rows), icc_oneway(counted)
    assert plain is not None and by_count is not None
    assert by_count[0].value == pytest.approx(plain[0].value)
    assert by_count[0].targets == 6
    assert by_count[1].interval.low == pytest.approx(plain[1].interval.low)
    a, b = alpha_with_interval(rows, seed=2), alpha_with_interval(counted, seed=2)
    assert a is not None and b is not None
    assert b.value == pytest.approx(a.value) and (b.units, b.values) == (6, 12)
    assert b.interval == a.interval

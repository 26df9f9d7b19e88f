"""Agreement between judges: intraclass correlations and Krippendorff's α, with intervals.

Pure statistics, no I/O. Scores are exact hundredths elsewhere; here they are floats, because
a reliability coefficient is an estimate shown to two decimals, never a score.

**Which ICC.** Shrout & Fleiss (1979) name six forms from the mean squares of an analysis of
variance of an n targets × k ratings table:

- ICC(1,1), ICC(1,k): one-way random model. Each target is rated by k judges drawn at random
  for *that* target. This is how a contest grades: every entry gets its own pair of judges out
  of the pool (GK3 and GK7 for one entry, GK1 and GK4 for the next), so judge effects cannot
  be separated from error. It is the right model for the board's main round
  (`icc_oneway`), and it counts a lenient judge's offset as disagreement, as the board should.
- ICC(2,1), ICC(2,k): two-way random model, absolute agreement; ICC(3,1), ICC(3,k): two-way
  mixed, consistency. They need the *same* k judges on every target (a calibration round where
  every judge grades the same sample): `icc_forms` on a complete table.

The "k" forms are the reliability of the mean of k ratings (what the final score is, for a
mean of two); the "1" forms that of one judge's rating.

**Intervals.** The F-based limits of Shrout & Fleiss (and McGraw & Wong 1996 for ICC(2,k)),
with the F quantiles from the regularized incomplete beta function (continued fraction,
Numerical Recipes §6.4) solved by safeguarded Newton steps: no statistics library needed.

**Krippendorff's α** (interval metric) takes any number of values per unit and missing ones:
α = 1 − D_o / D_e over pairable values (units with at least two). Its interval is a bootstrap
over units: `DEFAULT_RESAMPLES` resamples with a fixed seed (`DEFAULT_SEED`), so a report shows
the same interval every time it is made; the percentile interval of the resampled α is given.
Resampling units (not Krippendorff's resampling of pairs) keeps the pairs of one entry together,
which is what varies when another set of entries is graded (Zapf et al. 2016 do the same).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

DEFAULT_CONFIDENCE = 0.95
DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 20190820  # the seed contest's deadline; any fixed number would do
# Rows (one target's ratings each), or each distinct row with the number of targets that have
# it: 20,000 pairs of scores on a 0.25 grid are a few hundred distinct rows, and both
# coefficients compute from the distinct rows and their counts.
RowCounts = Mapping[tuple[float, ...], int]
_EPS = 3e-16
_TINY = 1e-300


# ---------------------------------------------------------------------------------------------
# The F distribution's quantile


def regularized_beta(x: float, a: float, b: float) -> float:
    """I_x(a, b), the regularized incomplete beta function (the Beta(a, b) distribution's CDF)."""
    if a <= 0 or b <= 0:
        raise ValueError("a and b must be positive")
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    # The continued fraction converges fast below the mean; use the symmetry above it.
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_fraction(x, a, b) / a
    return 1.0 - math.exp(log_front) * _beta_fraction(1.0 - x, b, a) / b


def _beta_fraction(x: float, a: float, b: float) -> float:
    """The continued fraction of I_x(a, b) by the modified Lentz method."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    # Iterations grow like sqrt(max(a, b)): about 300 for 100,000 ratings.
    for m in range(1, 100_000):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            delta = c * d
            h *= delta
        if abs(delta - 1.0) < _EPS:
            return h
    return h  # pragma: no cover - not reached for finite a, b


def beta_quantile(p: float, a: float, b: float) -> float:
    """x with I_x(a, b) = p: Newton steps on the CDF, kept inside a shrinking bracket."""
    if not 0.0 < p < 1.0:
        raise ValueError("p must be inside (0, 1)")
    low, high = 0.0, 1.0
    x = a / (a + b)  # the mean: a good start, and inside the bracket
    log_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    for _ in range(200):
        error = regularized_beta(x, a, b) - p
        if error > 0:
            high = x
        else:
            low = x
        if abs(error) < 1e-14 or high - low < 1e-15 * max(x, 1e-300):
            break
        density = math.exp(log_norm + (a - 1.0) * math.log(x) + (b - 1.0) * math.log1p(-x))
        step = x - error / density if density > 0 else -1.0
        x = step if low < step < high else (low + high) / 2.0
    return x


def f_quantile(p: float, df1: float, df2: float) -> float:
    """The p quantile of Snedecor's F(df1, df2) (df2 may be fractional: Satterthwaite)."""
    x = beta_quantile(p, df1 / 2.0, df2 / 2.0)
    if x >= 1.0:
        return math.inf
    return (df2 / df1) * x / (1.0 - x)


# ---------------------------------------------------------------------------------------------
# Intraclass correlations


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float
    level: float  # 0.95 for a 95 % interval


@dataclass(frozen=True, slots=True)
class MeanSquares:
    """The analysis of variance behind the ICCs (Shrout & Fleiss's BMS, WMS, JMS, EMS)."""

    targets: int  # n
    ratings: int  # k per target
    between_targets: float  # BMS
    within_targets: float  # WMS
    between_judges: float | None = None  # JMS: two-way tables only
    residual: float | None = None  # EMS: two-way tables only


@dataclass(frozen=True, slots=True)
class ICC:
    form: str  # "ICC(1,1)", "ICC(1,k)", "ICC(2,1)", …: k stays a letter, `ratings` says how many
    value: float
    interval: Interval
    f: float  # the F statistic of the test of ICC = 0
    df1: float
    df2: float
    targets: int
    ratings: int


def oneway_mean_squares(rows: Sequence[Sequence[float]] | RowCounts) -> MeanSquares:
    """BMS and WMS of targets each rated k times (by any judges: one-way model).

    Which judge gave which rating does not matter to this model, so equal rows (as sorted
    ratings) are summed once with their count.
    """
    kinds = _row_counts(rows)
    n = sum(kinds.values())
    if n == 0:
        raise ValueError("no targets")
    sizes = {len(row) for row in kinds}
    k = sizes.pop()
    if k < 2 or sizes:
        raise ValueError("every target needs the same number (≥ 2) of ratings")
    sums = {row: math.fsum(row) for row in kinds}
    grand = math.fsum(sums[row] * count for row, count in kinds.items()) / (n * k)
    between = k * math.fsum((sums[row] / k - grand) ** 2 * count for row, count in kinds.items())
    within = math.fsum(
        math.fsum((value - sums[row] / k) ** 2 for value in row) * count
        for row, count in kinds.items()
    )
    bms = between / (n - 1) if n > 1 else 0.0
    return MeanSquares(n, k, bms, within / (n * (k - 1)))


def _row_counts(rows: Sequence[Sequence[float]] | RowCounts) -> Counter[tuple[float, ...]]:
    if isinstance(rows, Mapping):
        counted: Counter[tuple[float, ...]] = Counter()
        for row, count in rows.items():
            counted[tuple(sorted(row))] += count
        return counted
    return Counter(tuple(sorted(row)) for row in rows)


def twoway_mean_squares(table: Sequence[Sequence[float]]) -> MeanSquares:
    """All four mean squares of a complete targets × judges table (column j = the same judge)."""
    base = oneway_mean_squares(table)
    n, k = base.targets, base.ratings
    grand = math.fsum(math.fsum(row) for row in table) / (n * k)
    columns = [math.fsum(row[j] for row in table) / n for j in range(k)]
    between_judges = n * math.fsum((c - grand) ** 2 for c in columns)
    within = base.within_targets * n * (k - 1)
    residual = within - between_judges
    jms = between_judges / (k - 1)
    ems = max(residual, 0.0) / ((n - 1) * (k - 1)) if n > 1 else 0.0
    return MeanSquares(n, k, base.between_targets, base.within_targets, jms, ems)


def _ratio_limits(f_value: float, df1: float, df2: float, confidence: float) -> tuple[float, float]:
    """The lower and upper F limits FL = F / F(1-a/2; df1, df2), FU = F · F(1-a/2; df2, df1)."""
    upper_p = 1.0 - (1.0 - confidence) / 2.0
    return f_value / f_quantile(upper_p, df1, df2), f_value * f_quantile(upper_p, df2, df1)


def _single(f_low: float, f_high: float, k: int) -> tuple[float, float]:
    return _spearman_single(f_low, k), _spearman_single(f_high, k)


def _spearman_single(f: float, k: int) -> float:
    return 1.0 if math.isinf(f) else (f - 1.0) / (f + k - 1.0)


def _average(f_low: float, f_high: float) -> tuple[float, float]:
    return (1.0 if math.isinf(f_low) else 1.0 - 1.0 / f_low), (
        1.0 if math.isinf(f_high) else 1.0 - 1.0 / f_high
    )


def _f(numerator: float, denominator: float) -> float:
    return math.inf if denominator == 0 else numerator / denominator


def icc_oneway(
    rows: Sequence[Sequence[float]] | RowCounts, *, confidence: float = DEFAULT_CONFIDENCE
) -> tuple[ICC, ICC] | None:
    """ICC(1,1) and ICC(1,k) of targets each rated by k judges drawn for that target.

    This is the model of a contest's main round, where each entry has its own pair of judges.
    None when it is undefined: fewer than two targets, or no variation at all.
    """
    targets = sum(rows.values()) if isinstance(rows, Mapping) else len(rows)
    if targets < 2:
        return None
    ms = oneway_mean_squares(rows)
    n, k, bms, wms = ms.targets, ms.ratings, ms.between_targets, ms.within_targets
    if bms == 0:  # no target differs from another: nothing to be reliable about
        return None
    f_value = _f(bms, wms)
    df1, df2 = n - 1, n * (k - 1)
    f_low, f_high = _ratio_limits(f_value, df1, df2, confidence)
    single = (bms - wms) / (bms + (k - 1) * wms)
    average = (bms - wms) / bms
    return (
        ICC(
            "ICC(1,1)",
            single,
            Interval(*_single(f_low, f_high, k), confidence),
            f_value,
            df1,
            df2,
            n,
            k,
        ),
        ICC(
            "ICC(1,k)",
            average,
            Interval(*_average(f_low, f_high), confidence),
            f_value,
            df1,
            df2,
            n,
            k,
        ),
    )


def icc_forms(
    table: Sequence[Sequence[float]], *, confidence: float = DEFAULT_CONFIDENCE
) -> dict[str, ICC] | None:
    """The six Shrout & Fleiss forms of a complete targets × judges table, by form name.

    Only a table where the same judges rated every target (a calibration round) has a judge
    effect to model; for pairs of judges that change from entry to entry use `icc_oneway`.
    """
    if len(table) < 2:
        return None
    ms = twoway_mean_squares(table)
    n, k = ms.targets, ms.ratings
    bms = ms.between_targets
    jms, ems = ms.between_judges or 0.0, ms.residual or 0.0
    if bms == 0:
        return None
    oneway = icc_oneway(table, confidence=confidence)
    assert oneway is not None
    forms = {icc.form: icc for icc in oneway}

    # Case 3: judges fixed; consistency.
    f3 = _f(bms, ems)
    df1, df2 = n - 1, (n - 1) * (k - 1)
    f_low, f_high = _ratio_limits(f3, df1, df2, confidence)
    forms["ICC(3,1)"] = ICC(
        "ICC(3,1)",
        (bms - ems) / (bms + (k - 1) * ems),
        Interval(*_single(f_low, f_high, k), confidence),
        f3,
        df1,
        df2,
        n,
        k,
    )
    forms["ICC(3,k)"] = ICC(
        "ICC(3,k)",
        (bms - ems) / bms,
        Interval(*_average(f_low, f_high), confidence),
        f3,
        df1,
        df2,
        n,
        k,
    )

    # Case 2: judges random; absolute agreement. Satterthwaite's df for the interval.
    single = (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n)
    average = (bms - ems) / (bms + (jms - ems) / n)
    low, high, low_k, high_k = _case2_limits(ms, single, confidence)
    forms["ICC(2,1)"] = ICC("ICC(2,1)", single, Interval(low, high, confidence), f3, df1, df2, n, k)
    forms["ICC(2,k)"] = ICC(
        "ICC(2,k)", average, Interval(low_k, high_k, confidence), f3, df1, df2, n, k
    )
    return forms


def _case2_limits(
    ms: MeanSquares, rho: float, confidence: float
) -> tuple[float, float, float, float]:
    """Shrout & Fleiss's interval for ICC(2,1) (Satterthwaite's df v) and McGraw & Wong's
    (1996, case 2A) for ICC(2,k)."""
    n, k = ms.targets, ms.ratings
    bms, jms, ems = ms.between_targets, ms.between_judges or 0.0, ms.residual or 0.0
    if ems == 0:
        return 1.0, 1.0, 1.0, 1.0
    fj = jms / ems
    spread = n * (1.0 + (k - 1) * rho) - k * rho
    denominator = (n - 1) * k * k * rho * rho * fj * fj + spread * spread
    v = (k - 1) * (n - 1) * (k * rho * fj + spread) ** 2 / denominator
    upper_p = 1.0 - (1.0 - confidence) / 2.0
    f_star = f_quantile(upper_p, n - 1, v)
    f_star2 = f_quantile(upper_p, v, n - 1)
    low = n * (bms - f_star * ems) / (f_star * (k * jms + (k * n - k - n) * ems) + n * bms)
    high = n * (f_star2 * bms - ems) / (k * jms + (k * n - k - n) * ems + n * f_star2 * bms)
    low_k = n * (bms - f_star * ems) / (f_star * (jms - ems) + n * bms)
    high_k = n * (f_star2 * bms - ems) / (jms - ems + n * f_star2 * bms)
    return low, high, low_k, high_k


# ---------------------------------------------------------------------------------------------
# Krippendorff's alpha, interval metric


@dataclass(frozen=True, slots=True)
class Alpha:
    value: float
    interval: Interval | None  # None when no resample gave a defined α
    units: int  # units with at least two values (pairable)
    values: int  # n: the pairable values
    resamples: int  # bootstrap resamples drawn (0: no interval asked for)
    seed: int


@dataclass(frozen=True, slots=True)
class _UnitSums:
    """What one unit adds to α's sums: m values, Σx, Σx², and its within-unit term."""

    m: int
    s1: float
    s2: float
    within: float  # (m Σx² − (Σx)²) / (m − 1) = half the unit's Σ over ordered pairs / (m − 1)


def _unit_sums(values: Sequence[float]) -> _UnitSums:
    m = len(values)
    s1 = math.fsum(values)
    s2 = math.fsum(v * v for v in values)
    mean = s1 / m
    # Σ (x − mean)² · m / (m − 1) equals (m Σx² − (Σx)²)/(m − 1) without the cancellation.
    spread = math.fsum((v - mean) ** 2 for v in values)
    return _UnitSums(m, s1, s2, spread * m / (m - 1))


def _pairable(units: Iterable[Sequence[float | None]]) -> list[tuple[float, ...]]:
    """Each unit's values without the missing ones (None or NaN), if at least two are left."""
    out = []
    for unit in units:
        values = tuple([v for v in unit if v is not None and v == v])  # v != v: NaN
        if len(values) >= 2:
            out.append(values)
    return out


def _alpha_from(n: float, s1: float, s2: float, within: float) -> float | None:
    """α = 1 − (n − 1) Σ_u within_u / (n Σx² − (Σx)²) (interval δ² = (c − k)²)."""
    expected = n * s2 - s1 * s1
    if n < 2 or expected <= 1e-12 * max(1.0, n * s2):
        return None
    return 1.0 - (n - 1) * within / expected


def krippendorff_alpha(units: Iterable[Sequence[float | None]]) -> float | None:
    """Krippendorff's α for interval data; a unit is the values its judges gave (None: missing).

    None when undefined: no unit with two values, or every pairable value equal.
    """
    sums = [_unit_sums(values) for values in _pairable(units)]
    if not sums:
        return None
    n = sum(u.m for u in sums)
    return _alpha_from(
        n,
        math.fsum(u.s1 for u in sums),
        math.fsum(u.s2 for u in sums),
        math.fsum(u.within for u in sums),
    )


def alpha_with_interval(
    units: Iterable[Sequence[float | None]] | RowCounts,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    confidence: float = DEFAULT_CONFIDENCE,
) -> Alpha | None:
    """α with a percentile bootstrap interval over units (`resamples`, seeded: reproducible).

    Units with the same values are one type, so a resample is a multinomial draw of how often
    each type is taken: the same as drawing units one by one, and fast for 20,000 entries
    whose pairs of scores on a 0.25 grid come in a few hundred types.
    """
    types: Counter[tuple[float, ...]] = Counter()
    if isinstance(units, Mapping):
        for unit, count in units.items():
            for values in _pairable([unit]):
                types[tuple(sorted(values))] += count
    else:
        types.update(tuple(sorted(values)) for values in _pairable(units))
    if not types:
        return None
    sums = [_unit_sums(values) for values in types]
    counts = list(types.values())
    n = sum(u.m * c for u, c in zip(sums, counts, strict=True))
    value = _alpha_from(
        n,
        math.fsum(u.s1 * c for u, c in zip(sums, counts, strict=True)),
        math.fsum(u.s2 * c for u, c in zip(sums, counts, strict=True)),
        math.fsum(u.within * c for u, c in zip(sums, counts, strict=True)),
    )
    if value is None:
        return None
    interval = None
    if resamples > 0:
        draws = _bootstrap(sums, counts, resamples, seed)
        if draws:
            draws.sort()
            tail = (1.0 - confidence) / 2.0
            interval = Interval(
                _percentile(draws, tail), _percentile(draws, 1.0 - tail), confidence
            )
    return Alpha(value, interval, sum(counts), n, resamples, seed)


def _bootstrap(
    sums: Sequence[_UnitSums], counts: Sequence[int], resamples: int, seed: int
) -> list[float]:
    import numpy as np  # only here: the rest of the module is plain Python

    rng = np.random.default_rng(seed)
    columns = np.array([[u.m, u.s1, u.s2, u.within] for u in sums], dtype=np.float64)
    total = int(sum(counts))
    # Few types (pairs of scores on a grid): draw how often each type is taken. Many types
    # (nearly every unit different): draw the units themselves; both are the same bootstrap.
    by_type = len(sums) * 4 <= total
    if not by_type:
        columns = np.repeat(columns, np.array(counts), axis=0)
    p = np.array(counts, dtype=np.float64) / total
    width = len(sums) if by_type else total
    out: list[float] = []
    # At most ~2 million numbers drawn at once, whatever the size of the data.
    chunk = max(1, min(resamples, 2_000_000 // max(1, width)))
    done = 0
    while done < resamples:
        size = min(chunk, resamples - done)
        if by_type:
            weights = rng.multinomial(total, p, size=size).astype(np.float64)
        else:
            # How often each unit is drawn, counted for `size` resamples in one bincount.
            drawn = rng.integers(0, total, size=(size, total))
            drawn += np.arange(size)[:, None] * total
            counted = np.bincount(drawn.ravel(), minlength=size * total)
            weights = counted.reshape(size, total).astype(np.float64)
        n, s1, s2, within = (weights @ columns).T
        expected = n * s2 - s1 * s1
        defined = expected > 1e-12 * np.maximum(1.0, n * s2)
        alphas = 1.0 - (n[defined] - 1.0) * within[defined] / expected[defined]
        out.extend(float(a) for a in alphas)
        done += size
    return out


def _percentile(ordered: Sequence[float], q: float) -> float:
    """Linear interpolation between order statistics (numpy's default, R's type 7)."""
    position = q * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    weight = position - below
    return ordered[below] * (1.0 - weight) + ordered[above] * weight

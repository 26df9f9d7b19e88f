"""Judge statistics for the board: who grades how, how well pairs agree, who needs calibrating.

Read from the board's contest file after the merge. The gradings counted are the submitted
ones outside calibration rounds, read by `settlement` (the same totals the discrepancy rule
uses: criteria plus the multiple-choice points of the recorded answers).

- Per judge (overall and per category): gradings, mean and standard deviation of totals,
  **leniency** = mean of (own total − mean of the other judges' totals on the same entry) over
  the entries graded with others, the mean gap to the co-judge and the agreement (ICC(1,1))
  on the judge's own pairs, and the time spent.
- **Agreement** on the main pairs (the first two judges of each entry, by round and time of
  submission; third gradings are left out because only far-apart pairs get one): ICC(1,1) and
  ICC(1,2) (one-way model: every entry has its own pair, see `core.agreement`) and
  Krippendorff's α with its bootstrap interval, for the total, each criterion and the
  multiple-choice part, and for the total per category.
- **z-scores** (optional): each grading's total as a z-score within its judge, rescaled to the
  mean and spread of all counted gradings; shown beside the raw total, never replacing it.
- **Flags** for planning a calibration round (chấm chung): leniency beyond ±0.5 point on a
  10-point total (scaled to the contest's maximum like the discrepancy thresholds), or
  ICC(1,1) below 0.5 ("poor", Koo & Li 2016), once a judge has at least `min_pairs` entries
  graded with others.

**Time spent is an estimate.** The board's file holds when each grading was *submitted* (the
judge's clock, carried by the score file) but not when it was started: a merged grading's
`created_at` is the time of the merge. So a grading's time is the gap since the same judge's
previous submission, counted only between `BULK_GAP` and `SESSION_BREAK` (a longer gap is a
break, a shorter one a batch); gradings without a counted gap are given the judge's median.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import pairwise
from typing import Any

from sqlalchemy import select

from judge_app.core.agreement import (
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    ICC,
    Alpha,
    alpha_with_interval,
    icc_oneway,
)
from judge_app.core.scores import Points
from judge_app.store.database import ContestDatabase, session_driver
from judge_app.store.models import Contest
from judge_app.store.settlement import _calibration_rounds, _Graded, _gradings

LENIENCY_ON_TEN = Decimal("0.5")  # points on a 10-point total
AGREEMENT_FLOOR = 0.5
MIN_PAIRS = 10
SESSION_BREAK = dt.timedelta(minutes=60)
BULK_GAP = dt.timedelta(seconds=10)
TOTAL = "total"
CHOICE = "choice"
_CENT = Decimal("0.01")
_DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True, slots=True)
class TimeSpent:
    """Estimated minutes (see the module's note): median per grading and the judge's total."""

    median_minutes: float | None
    total_minutes: float | None
    timed: int  # gradings with a counted gap; the others were given the median


@dataclass(frozen=True, slots=True)
class JudgeSummary:
    judge: str
    name: str
    category: str  # "" = every category
    graded: int
    mean: Decimal | None  # points, two decimals half up
    sd: Decimal | None  # sample standard deviation, points
    leniency: Decimal | None  # > 0: higher than co-judges on the same entries
    compared: int  # entries in the leniency (graded with at least one other judge)
    mean_gap: Decimal | None  # mean |own − co-judge| on the judge's main pairs
    agreement: ICC | None  # ICC(1,1) on the judge's main pairs
    pairs: int
    time: TimeSpent
    flags: tuple[str, ...] = ()  # "lenient", "severe", "low_agreement"


@dataclass(frozen=True, slots=True)
class PartAgreement:
    part: str  # "total", a criterion code, or "choice" (the multiple-choice points)
    name: str
    category: str  # "" = every category
    pairs: int
    icc: ICC | None  # ICC(1,1): one judge's score
    icc_mean: ICC | None  # ICC(1,k): the mean of the pair, i.e. the final score's reliability
    alpha: Alpha | None


@dataclass(frozen=True, slots=True)
class GradedTotal:
    code: str
    category: str
    judge: str
    round: int
    total: Points


@dataclass(frozen=True, slots=True)
class NormalisedScore:
    code: str
    category: str
    judge: str
    round: int
    raw: Points
    z: float | None  # None: the judge's totals do not vary (or one grading only)
    rescaled: Points | None  # contest mean + z × contest sd, to the hundredth (half up)


@dataclass(frozen=True, slots=True)
class CategorySummary:
    code: str
    name: str
    entries: int  # entries with at least one counted grading
    gradings: int
    mean: Decimal | None
    sd: Decimal | None


@dataclass(frozen=True)
class JudgeStatistics:
    contest_name: str
    max_total: Points
    categories: dict[str, str]  # code → name, in the contest's order
    category_summaries: list[CategorySummary]
    judges: list[JudgeSummary]  # every category together, by judge code
    by_category: dict[str, list[JudgeSummary]]
    agreement: list[PartAgreement]  # total, then criteria in rubric order, then choice
    agreement_by_category: list[PartAgreement]  # the total, per category
    calibration: PartAgreement | None  # the total in calibration rounds, when graded
    totals: list[GradedTotal]  # every counted grading (for the charts)
    normalised: list[NormalisedScore] = field(default_factory=list)  # when asked for
    contest_mean: Decimal | None = None
    contest_sd: Decimal | None = None
    leniency_limit: Decimal = LENIENCY_ON_TEN
    agreement_floor: float = AGREEMENT_FLOOR
    min_pairs: int = MIN_PAIRS
    resamples: int = DEFAULT_RESAMPLES
    seed: int = DEFAULT_SEED

    def flagged(self) -> list[JudgeSummary]:
        """Judges to bring to a calibration round, most lenient or severe first."""
        return sorted(
            (j for j in self.judges if j.flags),
            key=lambda j: (-(abs(j.leniency) if j.leniency is not None else Decimal(0)), j.judge),
        )


def natural_key(code: str) -> tuple[tuple[int, int | str], ...]:
    """GK2 before GK10: digit runs compare as numbers."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(code))


# ---------------------------------------------------------------------------------------------
# Reading


@dataclass(frozen=True, slots=True)
class Sheet:
    """One counted grading as the statistics see it."""

    entry: int
    code: str
    category: str
    judge: str
    round: int
    total: int  # hundredths
    criteria: dict[str, int]
    submitted: dt.datetime | None


@dataclass(frozen=True)
class StatsInput:
    """Everything the statistics need, read once: the benchmark times reading and computing
    apart through the same path."""

    contest_name: str
    max_total: Points
    categories: dict[str, str]
    criteria: dict[str, str]  # code → name, rubric order
    has_questions: bool
    judges: dict[str, str]  # code → name
    counted: list[Sheet]  # outside calibration rounds, by entry then (round, submission)
    calibration: list[Sheet]


def _when(text: str) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None


def read_input(db: ContestDatabase) -> StatsInput:
    with db.read_session() as session:
        contest = session.scalars(select(Contest)).one()
        connection = session_driver(session)
        calibration_rounds = _calibration_rounds(session)
        graded = _gradings(session, set())
        categories = {
            row[0]: (row[1], row[2])
            for row in connection.execute("SELECT id, code, name FROM category ORDER BY sort, id")
        }
        entries = {
            entry_id: (code, categories[category_id][0] if category_id in categories else "")
            for entry_id, code, category_id in connection.execute(
                "SELECT id, code, category_id FROM entry"
            )
        }
        criteria = dict(
            connection.execute("SELECT code, name FROM criterion ORDER BY sort, id").fetchall()
        )
        codes: dict[int, str] = dict(connection.execute("SELECT id, code FROM criterion"))
        questions = connection.execute("SELECT count(*) FROM question").fetchone()[0]
        judges = dict(connection.execute("SELECT code, name FROM judge ORDER BY code").fetchall())
        name, max_total = contest.name, contest.max_total
    counted: list[Sheet] = []
    calibration: list[Sheet] = []
    for entry_id in sorted(graded, key=lambda e: entries.get(e, ("", ""))[0]):
        code, category = entries.get(entry_id, ("", ""))
        for g in graded[entry_id]:
            sheet = _sheet(entry_id, code, category, g, codes)
            (calibration if g.round in calibration_rounds else counted).append(sheet)
    return StatsInput(
        name,
        max_total,
        {code: label for code, label in categories.values()},
        criteria,
        bool(questions),
        judges,
        counted,
        calibration,
    )


def _sheet(entry_id: int, code: str, category: str, g: _Graded, codes: dict[int, str]) -> Sheet:
    """`codes`: criterion id → code (the grading's sheet is keyed by criterion id)."""
    criteria = {codes[int(criterion_id)]: centi for criterion_id, centi in g.criteria.items()}
    return Sheet(entry_id, code, category, g.judge, g.round, g.total, criteria, _when(g.order[1]))


# ---------------------------------------------------------------------------------------------
# Computing


def judge_statistics(
    db: ContestDatabase,
    *,
    normalise: bool = False,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    leniency_on_ten: Decimal = LENIENCY_ON_TEN,
    agreement_floor: float = AGREEMENT_FLOOR,
    min_pairs: int = MIN_PAIRS,
) -> JudgeStatistics:
    """The board's judge statistics of a contest file (read only)."""
    return compute_statistics(
        read_input(db),
        normalise=normalise,
        resamples=resamples,
        seed=seed,
        leniency_on_ten=leniency_on_ten,
        agreement_floor=agreement_floor,
        min_pairs=min_pairs,
    )


def compute_statistics(
    data: StatsInput,
    *,
    normalise: bool = False,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    leniency_on_ten: Decimal = LENIENCY_ON_TEN,
    agreement_floor: float = AGREEMENT_FLOOR,
    min_pairs: int = MIN_PAIRS,
) -> JudgeStatistics:
    limit = (leniency_on_ten * data.max_total.to_decimal() / 10).quantize(_CENT, ROUND_HALF_UP)
    by_entry: dict[int, list[Sheet]] = defaultdict(list)
    for sheet in data.counted:
        by_entry[sheet.entry].append(sheet)
    pairs = [pair for pair in map(_main_pair, by_entry.values()) if pair is not None]
    minutes = _minutes(data.counted + data.calibration)
    settings = _Settings(limit, agreement_floor, min_pairs)

    judges = _summaries(data, data.counted, by_entry, pairs, minutes, "", settings)
    by_category = {
        code: _summaries(
            data,
            [s for s in data.counted if s.category == code],
            {e: s for e, s in by_entry.items() if s[0].category == code},
            [p for p in pairs if p[0].category == code],
            minutes,
            code,
            settings,
        )
        for code in data.categories
        if any(s.category == code for s in data.counted)
    }

    parts = [(TOTAL, "", lambda s: s.total)]
    parts += [(code, name, _criterion(code)) for code, name in data.criteria.items()]
    if data.has_questions:
        parts.append((CHOICE, "", lambda s: s.total - sum(s.criteria.values())))
    agreement = [
        _agreement(part, name, "", pairs, value, resamples, seed) for part, name, value in parts
    ]
    by_category_agreement = [
        _agreement(
            TOTAL,
            "",
            code,
            [p for p in pairs if p[0].category == code],
            lambda s: s.total,
            resamples,
            seed,
        )
        for code in by_category
    ]
    totals = [
        GradedTotal(s.code, s.category, s.judge, s.round, Points(s.total)) for s in data.counted
    ]
    all_totals = [s.total for s in data.counted]
    mean, sd = _mean_sd(all_totals)
    return JudgeStatistics(
        contest_name=data.contest_name,
        max_total=data.max_total,
        categories=data.categories,
        category_summaries=_category_summaries(data, by_entry),
        judges=judges,
        by_category=by_category,
        agreement=agreement,
        agreement_by_category=by_category_agreement,
        calibration=_calibration_agreement(data.calibration, resamples, seed),
        totals=totals,
        normalised=_normalised(data.counted) if normalise else [],
        contest_mean=_points(mean),
        contest_sd=_points(sd),
        leniency_limit=limit,
        agreement_floor=agreement_floor,
        min_pairs=min_pairs,
        resamples=resamples,
        seed=seed,
    )


@dataclass(frozen=True, slots=True)
class _Settings:
    leniency_limit: Decimal
    agreement_floor: float
    min_pairs: int


def _criterion(code: str) -> Any:
    def value(sheet: Sheet) -> int | None:
        return sheet.criteria.get(code)

    return value


def _main_pair(sheets: list[Sheet]) -> tuple[Sheet, Sheet] | None:
    """The first two gradings by different judges (the independent main grading)."""
    first = sheets[0]
    for other in sheets[1:]:
        if other.judge != first.judge:
            return first, other
    return None


def _points(centi: float | None) -> Decimal | None:
    """Hundredths (a float statistic) as points, two decimals half up."""
    if centi is None or math.isnan(centi):
        return None
    return (Decimal(repr(centi)) / 100).quantize(_CENT, ROUND_HALF_UP)


def _exact_points(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator) / 100).quantize(
        _CENT, ROUND_HALF_UP
    )


def _mean_sd(values: Sequence[int]) -> tuple[float | None, float | None]:
    """Mean and sample standard deviation of hundredths, from exact integer sums."""
    n = len(values)
    if n == 0:
        return None, None
    s1 = sum(values)
    mean = s1 / n
    if n < 2:
        return mean, None
    s2 = sum(v * v for v in values)
    return mean, math.sqrt((n * s2 - s1 * s1) / (n * (n - 1)))


def _exact_mean(values: Sequence[int]) -> Decimal | None:
    return _exact_points(Fraction(sum(values), len(values))) if values else None


def _summaries(
    data: StatsInput,
    sheets: Sequence[Sheet],
    by_entry: dict[int, list[Sheet]],
    pairs: Sequence[tuple[Sheet, Sheet]],
    minutes: dict[tuple[int, str, int], float],
    category: str,
    settings: _Settings,
) -> list[JudgeSummary]:
    totals: dict[str, list[int]] = defaultdict(list)
    for sheet in sheets:
        totals[sheet.judge].append(sheet.total)
    # Leniency: Σ (own − mean of others) kept exact as Σ over k others of (k·own − Σ others)/k.
    lenient: dict[tuple[str, int], int] = defaultdict(int)
    compared: dict[str, int] = defaultdict(int)
    for entry_sheets in by_entry.values():
        if len(entry_sheets) == 2:  # nearly every entry: two judges, nothing to search
            a, b = entry_sheets
            if a.judge != b.judge:
                lenient[a.judge, 1] += a.total - b.total
                lenient[b.judge, 1] += b.total - a.total
                compared[a.judge] += 1
                compared[b.judge] += 1
            continue
        for sheet in entry_sheets:
            others = [o.total for o in entry_sheets if o.judge != sheet.judge]
            if others:
                lenient[sheet.judge, len(others)] += len(others) * sheet.total - sum(others)
                compared[sheet.judge] += 1
    own_pairs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for a, b in pairs:
        own_pairs[a.judge].append((a.total, b.total))
        own_pairs[b.judge].append((b.total, a.total))
    judge_minutes: dict[str, list[float | None]] = defaultdict(list)
    for sheet in sheets:
        judge_minutes[sheet.judge].append(minutes.get((sheet.entry, sheet.judge, sheet.round)))

    out = []
    for judge in sorted(totals, key=natural_key):
        values = totals[judge]
        _, sd = _mean_sd(values)
        leniency = None
        if compared[judge]:
            summed = sum(
                (Fraction(v, k) for (who, k), v in lenient.items() if who == judge), Fraction(0)
            )
            leniency = _exact_points(summed / compared[judge])
        judged_pairs = own_pairs.get(judge, [])
        gap = (
            _exact_points(Fraction(sum(abs(a - b) for a, b in judged_pairs), len(judged_pairs)))
            if judged_pairs
            else None
        )
        icc = _pair_icc(judged_pairs)
        flags = []
        if compared[judge] >= settings.min_pairs and leniency is not None:
            if leniency > settings.leniency_limit:
                flags.append("lenient")
            elif leniency < -settings.leniency_limit:
                flags.append("severe")
        if (
            len(judged_pairs) >= settings.min_pairs
            and icc is not None
            and icc.value < settings.agreement_floor
        ):
            flags.append("low_agreement")
        out.append(
            JudgeSummary(
                judge=judge,
                name=data.judges.get(judge, ""),
                category=category,
                graded=len(values),
                mean=_exact_mean(values),
                sd=_points(sd),
                leniency=leniency,
                compared=compared[judge],
                mean_gap=gap,
                agreement=icc,
                pairs=len(judged_pairs),
                time=_time_spent(judge_minutes[judge]),
                flags=tuple(flags),
            )
        )
    return out


def _in_points(pairs: Iterable[tuple[int, int]]) -> dict[tuple[float, ...], int]:
    """Pairs of hundredths as distinct pairs of points with their counts (see RowCounts)."""
    counted = Counter((a, b) if a <= b else (b, a) for a, b in pairs)
    return {(a / 100, b / 100): count for (a, b), count in counted.items()}


def _pair_icc(pairs: Sequence[tuple[int, int]]) -> ICC | None:
    result = icc_oneway(_in_points(pairs)) if len(pairs) >= 2 else None
    return result[0] if result else None


def _agreement(
    part: str,
    name: str,
    category: str,
    pairs: Sequence[tuple[Sheet, Sheet]],
    value: Any,
    resamples: int,
    seed: int,
) -> PartAgreement:
    values = []
    for a, b in pairs:
        first, second = value(a), value(b)
        if first is not None and second is not None:
            values.append((first, second))
    rows = _in_points(values)
    icc = icc_oneway(rows) if len(values) >= 2 else None
    alpha = alpha_with_interval(rows, resamples=resamples, seed=seed) if rows else None
    return PartAgreement(
        part,
        name,
        category,
        len(values),
        icc[0] if icc else None,
        icc[1] if icc else None,
        alpha,
    )


def _calibration_agreement(
    sheets: Sequence[Sheet], resamples: int, seed: int
) -> PartAgreement | None:
    """Calibration rounds: every judge grades the same sample, so α over all their values;
    ICC(1,1) too when every sample entry has the same number of gradings."""
    if not sheets:
        return None
    units: dict[int, list[float]] = defaultdict(list)
    for sheet in sheets:
        units[sheet.entry].append(sheet.total / 100)
    rows = [values for values in units.values() if len(values) >= 2]
    sizes = {len(values) for values in rows}
    icc = icc_oneway(rows) if len(rows) >= 2 and len(sizes) == 1 else None
    alpha = alpha_with_interval(rows, resamples=resamples, seed=seed) if rows else None
    return PartAgreement(
        TOTAL,
        "",
        "",
        len(rows),
        icc[0] if icc else None,
        icc[1] if icc else None,
        alpha,
    )


def _category_summaries(
    data: StatsInput, by_entry: dict[int, list[Sheet]]
) -> list[CategorySummary]:
    out = []
    for code, name in data.categories.items():
        values = [s.total for s in data.counted if s.category == code]
        entries = sum(1 for sheets in by_entry.values() if sheets[0].category == code)
        _, sd = _mean_sd(values)
        out.append(
            CategorySummary(code, name, entries, len(values), _exact_mean(values), _points(sd))
        )
    return out


def _minutes(sheets: Iterable[Sheet]) -> dict[tuple[int, str, int], float]:
    """(entry, judge, round) → minutes since the judge's previous submission, when that gap
    looks like grading (between BULK_GAP and SESSION_BREAK)."""
    by_judge: dict[str, list[tuple[dt.datetime, tuple[int, str, int]]]] = defaultdict(list)
    for sheet in sheets:
        if sheet.submitted is not None:
            by_judge[sheet.judge].append((sheet.submitted, (sheet.entry, sheet.judge, sheet.round)))
    out = {}
    for times in by_judge.values():
        times.sort()
        for (before, _), (after, key) in pairwise(times):
            gap = after - before
            if BULK_GAP <= gap <= SESSION_BREAK:
                out[key] = gap.total_seconds() / 60
    return out


def _time_spent(minutes: Sequence[float | None]) -> TimeSpent:
    known = [m for m in minutes if m is not None]
    if not known:
        return TimeSpent(None, None, 0)
    median = statistics.median(known)
    total = math.fsum(known) + median * (len(minutes) - len(known))
    return TimeSpent(round(median, 1), round(total, 1), len(known))


def _normalised(sheets: Sequence[Sheet]) -> list[NormalisedScore]:
    mean, sd = _mean_sd([s.total for s in sheets])
    per_judge: dict[str, list[int]] = defaultdict(list)
    for sheet in sheets:
        per_judge[sheet.judge].append(sheet.total)
    moments = {judge: _mean_sd(values) for judge, values in per_judge.items()}
    out = []
    for sheet in sheets:
        judge_mean, judge_sd = moments[sheet.judge]
        z = None
        rescaled = None
        if judge_mean is not None and judge_sd and mean is not None and sd is not None:
            z = (sheet.total - judge_mean) / judge_sd
            rescaled = Points(math.floor(mean + z * sd + 0.5))
        out.append(
            NormalisedScore(
                sheet.code,
                sheet.category,
                sheet.judge,
                sheet.round,
                Points(sheet.total),
                None if z is None else round(z, 4),
                rescaled,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Plain data (the CLI's --json, the results workbook)


def _interval(low: float, high: float) -> list[float]:
    return [round(low, 4), round(high, 4)]


def icc_dict(icc: ICC | None) -> dict[str, Any] | None:
    if icc is None:
        return None
    return {
        "form": icc.form,
        "value": round(icc.value, 4),
        "interval": _interval(icc.interval.low, icc.interval.high),
        "level": icc.interval.level,
        "f": None if math.isinf(icc.f) else round(icc.f, 4),
        "df": [icc.df1, round(icc.df2, 2)],
        "targets": icc.targets,
        "ratings": icc.ratings,
    }


def alpha_dict(alpha: Alpha | None) -> dict[str, Any] | None:
    if alpha is None:
        return None
    interval = alpha.interval
    return {
        "value": round(alpha.value, 4),
        "interval": None if interval is None else _interval(interval.low, interval.high),
        "level": None if interval is None else interval.level,
        "units": alpha.units,
        "values": alpha.values,
        "resamples": alpha.resamples,
        "seed": alpha.seed,
    }


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _judge_dict(j: JudgeSummary) -> dict[str, Any]:
    return {
        "judge": j.judge,
        "name": j.name,
        "category": j.category,
        "graded": j.graded,
        "mean": _text(j.mean),
        "sd": _text(j.sd),
        "leniency": _text(j.leniency),
        "compared": j.compared,
        "mean_gap": _text(j.mean_gap),
        "agreement": icc_dict(j.agreement),
        "pairs": j.pairs,
        "minutes_median": j.time.median_minutes,
        "minutes_total": j.time.total_minutes,
        "timed": j.time.timed,
        "flags": list(j.flags),
    }


def _part_dict(p: PartAgreement) -> dict[str, Any]:
    return {
        "part": p.part,
        "name": p.name,
        "category": p.category,
        "pairs": p.pairs,
        "icc": icc_dict(p.icc),
        "icc_mean": icc_dict(p.icc_mean),
        "alpha": alpha_dict(p.alpha),
    }


def as_dict(stats: JudgeStatistics) -> dict[str, Any]:
    """The statistics as JSON-ready data (decimals as strings, floats rounded)."""
    out: dict[str, Any] = {
        "contest": stats.contest_name,
        "max_total": str(stats.max_total),
        "contest_mean": _text(stats.contest_mean),
        "contest_sd": _text(stats.contest_sd),
        "leniency_limit": str(stats.leniency_limit),
        "agreement_floor": stats.agreement_floor,
        "min_pairs": stats.min_pairs,
        "categories": [
            {
                "code": c.code,
                "name": c.name,
                "entries": c.entries,
                "gradings": c.gradings,
                "mean": _text(c.mean),
                "sd": _text(c.sd),
            }
            for c in stats.category_summaries
        ],
        "judges": [_judge_dict(j) for j in stats.judges],
        "by_category": {
            code: [_judge_dict(j) for j in rows] for code, rows in stats.by_category.items()
        },
        "agreement": [_part_dict(p) for p in stats.agreement],
        "agreement_by_category": [_part_dict(p) for p in stats.agreement_by_category],
        "calibration": None if stats.calibration is None else _part_dict(stats.calibration),
        "flagged": [j.judge for j in stats.flagged()],
    }
    if stats.normalised:
        out["normalised"] = [
            {
                "code": n.code,
                "judge": n.judge,
                "round": n.round,
                "raw": str(n.raw),
                "z": n.z,
                "rescaled": None if n.rescaled is None else str(n.rescaled),
            }
            for n in stats.normalised
        ]
    return out

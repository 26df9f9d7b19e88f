"""The contest configuration: one JSON document that describes a contest's whole set-up.

`judge-app contest init DB --config FILE` and the set-up wizard both go through `parse_config`,
so a file and a form are checked by the same rules; `config_to_dict` writes the same format back
(export, template for next year). The format is documented key by key in docs/contest-config.md
and `resources/contest-sample.json` is the seed contest written in it.

Every problem is collected with the dotted path of the key it concerns (``criteria[2].maximum``)
and all are reported in one `JudgeAppError("contest_config_invalid")`, because a board fixing a
file by hand wants the whole list, not one error per attempt. A reason is either a message code
without parameters (translated when shown) or a short language-neutral text with the numbers
(``9.5 ≠ 10``). Scores are decimal strings ("0.25") or numbers, read exactly into `Points`.

`settings` (prize scheme, tie rule, rounds) is checked for shape only and stored verbatim as
canonical JSON in `Contest.settings`; the results issue gives it meaning.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points
from judge_app.fileio import write_atomically

__all__ = [
    "CONFIG_FORMAT",
    "CONFIG_VERSION",
    "DEFAULT_SETTINGS",
    "GRID",
    "MAX_CONFIG_BYTES",
    "RUBRIC_FORMAT",
    "RUBRIC_VERSION",
    "CategoryConfig",
    "ConfigProblem",
    "ContestConfig",
    "CriterionConfig",
    "GradingRules",
    "JudgeConfig",
    "LevelConfig",
    "QuestionConfig",
    "RubricConfig",
    "StageConfig",
    "UnitConfig",
    "UnitGroupConfig",
    "config_problems",
    "config_to_dict",
    "dumps_config",
    "load_config",
    "load_rubric",
    "parse_config",
    "parse_rubric",
    "rubric_to_dict",
    "sample_config_path",
    "save_config",
    "save_rubric",
]

CONFIG_FORMAT = "judge-app-contest"
RUBRIC_FORMAT = "judge-app-rubric"
CONFIG_VERSION = 1
RUBRIC_VERSION = 1
MAX_CONFIG_BYTES = 5 * 1024 * 1024  # a real set-up with 500 units is ≈ 200 KB
GRID = Points(25)  # every maximum, step and point value sits on the 0.25 grid
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.&-]{0,31}$")  # String(32) columns
TIERS = ("school", "district", "city", "province", "national")
ROUNDINGS = ("half_up_2", "half_up_1", "half_up_0")
CATEGORY_KINDS = ("staff", "student")
STUDENT_GRADES = range(6, 10)  # lower secondary (THCS), as the seed contest
PRIZE_LEVELS = ("first", "second", "third", "consolation")
TIE_RULES = ("higher_min_judge_score", "more_agreement", "earlier_receipt")
MAX_JUDGES_PER_ENTRY = 5
MAX_SCORE = Points(100_000)  # 1000 points: far above any contest, far below overflow

# Seed contest (seeds/002, part IV): individual 3/6/9/12 plus one excellence prize for the best
# entrant under 18; collective (schools) 3/6/9/12. Calibration (chấm chung) on ≥ 10 entries is
# on by default (board defaults, GUIDE §2); no screening round.
DEFAULT_SETTINGS: dict[str, Any] = {
    "prize_scheme": {
        "individual": {
            "per_category": False,
            "max_share_percent": None,
            "levels": [
                {"level": "first", "count": 3, "min_score": None},
                {"level": "second", "count": 6, "min_score": None},
                {"level": "third", "count": 9, "min_score": None},
                {"level": "consolation", "count": 12, "min_score": None},
            ],
        },
        "excellence_under_18": {
            "enabled": True,
            "count": 1,
            "age_below": 18,
            "may_also_hold_ranked_prize": True,
        },
        "collective": {
            "levels": [
                {"level": "first", "count": 3},
                {"level": "second", "count": 6},
                {"level": "third", "count": 9},
                {"level": "consolation", "count": 12},
            ],
        },
    },
    "tie_rule": ["higher_min_judge_score", "more_agreement", "earlier_receipt"],
    "rounds": {"calibration": {"enabled": True, "size": 10}, "screening": False},
    # Collective ranking (seed: "xếp loại số lượng, chất lượng"): weights of the number of
    # entries, the participation rate and the quality rate (judge_app/core/ranking.py).
    "school_ranking": {"weights": {"entries": 1, "participation": 1, "quality": 1}},
}


# --------------------------------------------------------------------------- the parts


@dataclass(frozen=True)
class StageConfig:
    """A tier of the contest (sơ khảo, chung khảo)."""

    number: int
    name: str


@dataclass(frozen=True)
class UnitGroupConfig:
    """Units sharing a deadline; entries must arrive strictly before it (naive local time)."""

    code: str
    name: str
    deadline: dt.datetime | None = None


@dataclass(frozen=True)
class CategoryConfig:
    """Đối tượng: staff, or the students of one grade (6–9)."""

    code: str
    name: str
    kind: str  # "staff" | "student"
    grade: int | None = None


@dataclass(frozen=True)
class UnitConfig:
    """A school or office; headcounts per category code are the participation denominators."""

    code: str
    name: str
    group: str | None = None
    headcounts: Mapping[str, int] = field(default_factory=dict)
    email: str = ""


@dataclass(frozen=True)
class QuestionConfig:
    """A multiple-choice question with its answer key."""

    number: int
    prompt: str
    options: str
    answer: str
    points: Points


@dataclass(frozen=True)
class LevelConfig:
    low: Points
    high: Points
    descriptor: str


@dataclass(frozen=True)
class CriterionConfig:
    """A written-part criterion: guide text, maximum, step and level descriptors."""

    code: str
    name: str
    maximum: Points
    step: Points = GRID
    guide: str = ""
    levels: tuple[LevelConfig, ...] = ()


@dataclass(frozen=True)
class JudgeConfig:
    """A judge: own unit (never graded), head or not, optional cap and declared conflicts."""

    code: str
    name: str
    unit: str | None = None
    head: bool = False
    capacity: int | None = None
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class GradingRules:
    """How scores are given and settled (GUIDE §2); thresholds are for a 10-point total."""

    judges_per_entry: int = 2
    max_total: Points = Points(1000)
    score_step: Points = GRID
    agree_below: Points = Points(100)
    discuss_upto: Points = Points(150)
    third_mean_upto: Points = Points(250)
    per_criterion_rule: bool = True
    rounding: str = "half_up_2"
    quality_threshold: Points | None = None
    quality_target_percent: int = 10


@dataclass(frozen=True)
class RubricConfig:
    """The rubric alone, as the rubric file carries it."""

    max_total: Points
    questions: tuple[QuestionConfig, ...]
    criteria: tuple[CriterionConfig, ...]


@dataclass(frozen=True)
class ContestConfig:
    name: str
    organiser: str = ""
    tier: str = "district"
    year: int | None = None
    reference_date: dt.date | None = None
    rules: GradingRules = GradingRules()
    stages: tuple[StageConfig, ...] = ()
    unit_groups: tuple[UnitGroupConfig, ...] = ()
    categories: tuple[CategoryConfig, ...] = ()
    units: tuple[UnitConfig, ...] = ()
    questions: tuple[QuestionConfig, ...] = ()
    criteria: tuple[CriterionConfig, ...] = ()
    judges: tuple[JudgeConfig, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=lambda: copy.deepcopy(DEFAULT_SETTINGS))

    @property
    def rubric(self) -> RubricConfig:
        return RubricConfig(self.rules.max_total, self.questions, self.criteria)

    @property
    def head_judge(self) -> JudgeConfig | None:
        heads = [j for j in self.judges if j.head]
        return heads[0] if len(heads) == 1 else None


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong: the key's dotted path and why (a message code or a neutral text)."""

    field: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "reason": self.reason}


# --------------------------------------------------------------------------- reading values

T = TypeVar("T")
_MISSING = object()


class _Reader:
    """Reads typed values out of JSON-like data, noting every problem with its path."""

    def __init__(self) -> None:
        self.problems: list[ConfigProblem] = []

    def problem(self, path: str, reason: str) -> None:
        self.problems.append(ConfigProblem(path or "$", reason))

    def obj(
        self, data: Any, path: str, allowed: Sequence[str], required: Sequence[str] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(data, Mapping):
            self.problem(path, "config_reason_not_object")
            return None
        for key in data:
            if key not in allowed:
                self.problem(_join(path, str(key)), "config_reason_unknown_key")
        for key in required:
            if key not in data:
                self.problem(_join(path, key), "config_reason_required")
        return dict(data)

    def items(self, data: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = data.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(_join(path, key), "config_reason_not_list")
            return []
        return value

    def text(
        self, data: Mapping[str, Any], key: str, path: str, *, default: Any = _MISSING
    ) -> str | None:
        value = data.get(key, default)
        where = _join(path, key)
        if value is _MISSING:
            self.problem(where, "config_reason_required")
            return None
        if value is None and default is not _MISSING:
            return default  # type: ignore[no-any-return]
        if not isinstance(value, str):
            self.problem(where, "config_reason_not_text")
            return None
        value = " ".join(value.split()) if "\n" not in value else value.strip()
        if not value and default is _MISSING:
            self.problem(where, "config_reason_empty")
            return None
        return value

    def code(self, data: Mapping[str, Any], key: str, path: str) -> str | None:
        value = self.text(data, key, path)
        if value is not None and not CODE_PATTERN.match(value):
            self.problem(_join(path, key), "config_reason_bad_code")
            return None
        return value

    def integer(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        *,
        default: Any = _MISSING,
        low: int | None = None,
        high: int | None = None,
    ) -> int | None:
        value = data.get(key, default)
        where = _join(path, key)
        if value is _MISSING:
            self.problem(where, "config_reason_required")
            return None
        if value is None and default is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(where, "config_reason_not_integer")
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.problem(where, f"{value} ∉ [{_bound(low)}, {_bound(high)}]")
            return None
        return value

    def boolean(self, data: Mapping[str, Any], key: str, path: str, *, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.problem(_join(path, key), "config_reason_not_bool")
            return default
        return value

    def choice(
        self, data: Mapping[str, Any], key: str, path: str, options: Sequence[str], default: str
    ) -> str:
        value = data.get(key, default)
        if value not in options:
            self.problem(_join(path, key), f"{_show(value)} ∉ {{{', '.join(options)}}}")
            return default
        return str(value)

    def points(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        *,
        default: Any = _MISSING,
        grid: bool = True,
        positive: bool = False,
    ) -> Points | None:
        value = data.get(key, default)
        where = _join(path, key)
        if value is _MISSING:
            self.problem(where, "config_reason_required")
            return None
        if value is None and default is None:
            return None
        points = _to_points(value)
        if points is None:
            self.problem(where, "config_reason_not_score")
            return None
        if points.centi < 0 or points > MAX_SCORE or (positive and points.centi == 0):
            self.problem(where, "config_reason_out_of_range")
            return None
        if grid and points.centi % GRID.centi:
            self.problem(where, "config_reason_off_grid")
            return None
        return points

    def date(self, data: Mapping[str, Any], key: str, path: str) -> dt.date | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError:
            self.problem(_join(path, key), "config_reason_not_date")
            return None

    def datetime(self, data: Mapping[str, Any], key: str, path: str) -> dt.datetime | None:
        value = data.get(key)
        if value is None:
            return None
        where = _join(path, key)
        try:
            if not isinstance(value, str) or len(value) < 10:
                raise ValueError(value)
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            self.problem(where, "config_reason_not_datetime")
            return None
        if moment.tzinfo is not None:
            self.problem(where, "config_reason_timezone")
            return None
        return moment

    def unique(self, values: Sequence[tuple[str, Any]], label: str) -> None:
        """Report every value seen before (path of the repeat, first place in the reason)."""
        first: dict[Any, str] = {}
        for where, value in values:
            if value is None:
                continue
            key = value.casefold() if isinstance(value, str) else value
            if key in first:
                self.problem(where, f"config_reason_duplicate_{label}")
            else:
                first[key] = where


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _bound(value: int | None) -> str:
    return "…" if value is None else str(value)


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def _to_points(value: Any) -> Points | None:
    """A score from "0.25", "0,25", 0.25 or 3; None when it is not an exact hundredth."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = repr(value)  # shortest exact spelling: 0.25 → "0.25", never 0.2500000001
    elif isinstance(value, str):
        text = value.strip().replace(",", ".")
    else:
        return None
    try:
        number = Decimal(text)
        if not number.is_finite() or abs(number) > 10**6:
            return None
        return Points.from_decimal(number)  # refuses anything finer than a hundredth
    except (InvalidOperation, JudgeAppError):
        return None


def _points_text(points: Points) -> str:
    return points.format(".")


# --------------------------------------------------------------------------- the rubric

_QUESTION_KEYS = ("number", "prompt", "options", "answer", "points")
_CRITERION_KEYS = ("code", "name", "maximum", "step", "guide", "levels")
_LEVEL_KEYS = ("low", "high", "descriptor")


def _questions(reader: _Reader, data: Mapping[str, Any]) -> tuple[QuestionConfig, ...]:
    result = []
    numbers: list[tuple[str, Any]] = []
    for index, item in enumerate(reader.items(data, "questions", "")):
        path = _join("questions", index)
        obj = reader.obj(item, path, _QUESTION_KEYS, ("number", "prompt", "answer", "points"))
        if obj is None:
            continue
        number = reader.integer(obj, "number", path, low=1, high=10_000)
        numbers.append((_join(path, "number"), number))
        prompt = reader.text(obj, "prompt", path)
        options = _options(reader, obj, path)
        answer = reader.text(obj, "answer", path)
        if answer is not None and options is not None:
            answer = answer.upper()
            if len(answer) != 1 or answer not in options:
                reader.problem(_join(path, "answer"), "config_reason_answer_not_option")
                answer = None
        points = reader.points(obj, "points", path, positive=True)
        if (
            number is not None
            and prompt is not None
            and options is not None
            and answer is not None
            and points is not None
        ):
            result.append(QuestionConfig(number, prompt, options, answer, points))
    reader.unique(numbers, "number")
    return tuple(result)


def _options(reader: _Reader, obj: Mapping[str, Any], path: str) -> str | None:
    value = obj.get("options", "ABCD")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = "".join(value)
    if not isinstance(value, str):
        reader.problem(_join(path, "options"), "config_reason_not_text")
        return None
    options = value.replace(" ", "").replace(",", "").upper()
    if not 2 <= len(options) <= 16 or len(set(options)) != len(options) or not options.isalpha():
        reader.problem(_join(path, "options"), "config_reason_bad_options")
        return None
    return options


def _criteria(reader: _Reader, data: Mapping[str, Any]) -> tuple[CriterionConfig, ...]:
    result = []
    codes: list[tuple[str, Any]] = []
    for index, item in enumerate(reader.items(data, "criteria", "")):
        path = _join("criteria", index)
        obj = reader.obj(item, path, _CRITERION_KEYS, ("code", "name", "maximum"))
        if obj is None:
            continue
        code = reader.code(obj, "code", path)
        codes.append((_join(path, "code"), code))
        name = reader.text(obj, "name", path)
        maximum = reader.points(obj, "maximum", path, positive=True)
        step = reader.points(obj, "step", path, default="0.25", positive=True)
        guide = reader.text(obj, "guide", path, default="") or ""
        if maximum is not None and step is not None and maximum.centi % step.centi:
            reader.problem(_join(path, "step"), f"{maximum} / {step} ∉ ℕ")
        levels = _levels(reader, obj, path, maximum)
        if code is not None and name is not None and maximum is not None and step is not None:
            result.append(CriterionConfig(code, name, maximum, step, guide, levels))
    reader.unique(codes, "code")
    return tuple(result)


def _levels(
    reader: _Reader, obj: Mapping[str, Any], path: str, maximum: Points | None
) -> tuple[LevelConfig, ...]:
    levels = []
    for index, item in enumerate(reader.items(obj, "levels", path)):
        where = _join(_join(path, "levels"), index)
        level = reader.obj(item, where, _LEVEL_KEYS, _LEVEL_KEYS)
        if level is None:
            continue
        low = reader.points(level, "low", where)
        high = reader.points(level, "high", where)
        descriptor = reader.text(level, "descriptor", where)
        if low is None or high is None or descriptor is None:
            continue
        if low > high:
            reader.problem(where, f"low {low} > high {high}")
        elif maximum is not None and high > maximum:
            reader.problem(_join(where, "high"), f"{high} > maximum {maximum}")
        else:
            levels.append(LevelConfig(low, high, descriptor))
    ordered = sorted(levels, key=lambda lv: lv.low.centi)
    for before, after in itertools.pairwise(ordered):
        if after.low <= before.high:
            reader.problem(
                _join(path, "levels"), f"{before.low}–{before.high} ∩ {after.low}–{after.high}"
            )
    return tuple(levels)


def _check_total(
    reader: _Reader,
    max_total: Points | None,
    questions: Sequence[QuestionConfig],
    criteria: Sequence[CriterionConfig],
) -> None:
    if not questions and not criteria:
        reader.problem("criteria", "config_reason_no_rubric")
        return
    total = Points(sum(q.points.centi for q in questions) + sum(c.maximum.centi for c in criteria))
    if max_total is not None and total != max_total:
        reader.problem(
            "max_total",
            f"Σ questions.points + Σ criteria.maximum = {total} ≠ max_total = {max_total}",
        )


def _raise(problems: Sequence[ConfigProblem], source: Path | None, code: str) -> None:
    if not problems:
        return
    first = problems[0]
    raise JudgeAppError(
        code,
        source,
        source=str(source) if source is not None else "config_source_form",
        field=first.field,
        reason=first.reason,
        count=len(problems),
        problems=tuple(problems),
    )


def config_problems(error: JudgeAppError) -> tuple[ConfigProblem, ...]:
    """Every problem an invalid-config error carries (empty for other errors)."""
    problems = error.params.get("problems", ())
    return tuple(p for p in problems if isinstance(p, ConfigProblem))


def _check_header(
    data: Mapping[str, Any], expected: str, version: int, source: Path | None, code: str
) -> _Reader:
    """A reader for the document, after its header: another kind of file (a contest config
    given as a rubric) is refused on that alone, not with a problem for each of its keys."""
    reader = _Reader()
    fmt = data.get("format", expected)
    if fmt != expected:
        reader.problem("format", f"{_show(fmt)} ≠ {_show(expected)}")
        _raise(reader.problems, source, code)
    number = data.get("version", version)
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= version:
        reader.problem("version", "config_reason_version")
    return reader


def parse_rubric(data: Mapping[str, Any], source: Path | None = None) -> RubricConfig:
    """The rubric file's content, checked as strictly as the rubric inside a contest config."""
    if not isinstance(data, Mapping):
        _raise([ConfigProblem("$", "config_reason_not_object")], source, "rubric_invalid")
    reader = _check_header(data, RUBRIC_FORMAT, RUBRIC_VERSION, source, "rubric_invalid")
    obj = reader.obj(
        data, "", ("format", "version", "max_total", "questions", "criteria"), ("max_total",)
    )
    assert obj is not None
    max_total = reader.points(obj, "max_total", "", positive=True)
    questions = _questions(reader, obj)
    criteria = _criteria(reader, obj)
    if not reader.problems:
        _check_total(reader, max_total, questions, criteria)
    _raise(reader.problems, source, "rubric_invalid")
    assert max_total is not None
    return RubricConfig(max_total, questions, criteria)


# --------------------------------------------------------------------------- the contest

_TOP_KEYS = (
    "format",
    "version",
    "name",
    "organiser",
    "tier",
    "year",
    "reference_date",
    "judges_per_entry",
    "max_total",
    "score_step",
    "agree_below",
    "discuss_upto",
    "third_mean_upto",
    "per_criterion_rule",
    "rounding",
    "quality_threshold",
    "quality_target_percent",
    "stages",
    "unit_groups",
    "categories",
    "units",
    "questions",
    "criteria",
    "judges",
    "settings",
)


def _rules(reader: _Reader, data: Mapping[str, Any]) -> GradingRules:
    d = GradingRules()
    max_total = reader.points(data, "max_total", "", default="10", positive=True)
    step = reader.points(data, "score_step", "", default="0.25", positive=True)
    agree = reader.points(data, "agree_below", "", default="1", grid=False, positive=True)
    discuss = reader.points(data, "discuss_upto", "", default="1.5", grid=False)
    third = reader.points(data, "third_mean_upto", "", default="2.5", grid=False)
    if (
        agree is not None
        and discuss is not None
        and third is not None
        and not (agree <= discuss <= third)
    ):
        reader.problem("discuss_upto", f"{agree} ≤ {discuss} ≤ {third} ✗")
    quality = reader.points(data, "quality_threshold", "", default=None, grid=False)
    if quality is not None and max_total is not None and quality > max_total:
        reader.problem("quality_threshold", f"{quality} > max_total {max_total}")
    return GradingRules(
        judges_per_entry=reader.integer(
            data, "judges_per_entry", "", default=2, low=1, high=MAX_JUDGES_PER_ENTRY
        )
        or d.judges_per_entry,
        max_total=max_total or d.max_total,
        score_step=step or d.score_step,
        agree_below=agree or d.agree_below,
        discuss_upto=discuss or d.discuss_upto,
        third_mean_upto=third or d.third_mean_upto,
        per_criterion_rule=reader.boolean(data, "per_criterion_rule", "", default=True),
        rounding=reader.choice(data, "rounding", "", ROUNDINGS, "half_up_2"),
        quality_threshold=quality,
        quality_target_percent=_or(
            reader.integer(data, "quality_target_percent", "", default=10, low=0, high=100), 10
        ),
    )


def _or(value: T | None, default: T) -> T:
    return default if value is None else value


def _stages(reader: _Reader, data: Mapping[str, Any]) -> tuple[StageConfig, ...]:
    result = []
    numbers: list[tuple[str, Any]] = []
    for index, item in enumerate(reader.items(data, "stages", "")):
        path = _join("stages", index)
        obj = reader.obj(item, path, ("number", "name"), ("number", "name"))
        if obj is None:
            continue
        number = reader.integer(obj, "number", path, low=1, high=10)
        numbers.append((_join(path, "number"), number))
        name = reader.text(obj, "name", path)
        if number is not None and name is not None:
            result.append(StageConfig(number, name))
    reader.unique(numbers, "number")
    return tuple(result)


def _groups(reader: _Reader, data: Mapping[str, Any]) -> tuple[UnitGroupConfig, ...]:
    result = []
    codes: list[tuple[str, Any]] = []
    for index, item in enumerate(reader.items(data, "unit_groups", "")):
        path = _join("unit_groups", index)
        obj = reader.obj(item, path, ("code", "name", "deadline"), ("code", "name"))
        if obj is None:
            continue
        code = reader.code(obj, "code", path)
        codes.append((_join(path, "code"), code))
        name = reader.text(obj, "name", path)
        deadline = reader.datetime(obj, "deadline", path)
        if code is not None and name is not None:
            result.append(UnitGroupConfig(code, name, deadline))
    reader.unique(codes, "code")
    return tuple(result)


def _categories(reader: _Reader, data: Mapping[str, Any]) -> tuple[CategoryConfig, ...]:
    result = []
    codes: list[tuple[str, Any]] = []
    grades: list[tuple[str, Any]] = []
    items = reader.items(data, "categories", "")
    if not items and "categories" not in data:
        reader.problem("categories", "config_reason_required")
    for index, item in enumerate(items):
        path = _join("categories", index)
        obj = reader.obj(item, path, ("code", "name", "kind", "grade"), ("code", "name", "kind"))
        if obj is None:
            continue
        code = reader.code(obj, "code", path)
        codes.append((_join(path, "code"), code))
        name = reader.text(obj, "name", path)
        kind = reader.choice(obj, "kind", path, CATEGORY_KINDS, "staff")
        grade: int | None = None
        if kind == "student":
            grade = reader.integer(
                obj, "grade", path, low=STUDENT_GRADES.start, high=STUDENT_GRADES.stop - 1
            )
            grades.append((_join(path, "grade"), grade))
        elif obj.get("grade") is not None:
            reader.problem(_join(path, "grade"), "config_reason_grade_staff")
        if code is not None and name is not None and (kind == "staff" or grade is not None):
            result.append(CategoryConfig(code, name, kind, grade))
    reader.unique(codes, "code")
    reader.unique(grades, "grade")
    return tuple(result)


def _units(
    reader: _Reader,
    data: Mapping[str, Any],
    groups: Sequence[UnitGroupConfig],
    categories: Sequence[CategoryConfig],
) -> tuple[UnitConfig, ...]:
    group_codes = {g.code for g in groups}
    category_codes = {c.code for c in categories}
    result = []
    codes: list[tuple[str, Any]] = []
    for index, item in enumerate(reader.items(data, "units", "")):
        path = _join("units", index)
        obj = reader.obj(
            item, path, ("code", "name", "group", "headcounts", "email"), ("code", "name")
        )
        if obj is None:
            continue
        code = reader.code(obj, "code", path)
        codes.append((_join(path, "code"), code))
        name = reader.text(obj, "name", path)
        group = reader.text(obj, "group", path, default=None)
        if group is not None and group not in group_codes:
            reader.problem(_join(path, "group"), "config_reason_unknown_group")
        email = reader.text(obj, "email", path, default="") or ""
        headcounts: dict[str, int] = {}
        raw_counts = obj.get("headcounts", {})
        counts_path = _join(path, "headcounts")
        if not isinstance(raw_counts, Mapping):
            reader.problem(counts_path, "config_reason_not_object")
            raw_counts = {}
        for cat in raw_counts:
            if cat not in category_codes:
                reader.problem(_join(counts_path, str(cat)), "config_reason_unknown_category")
                continue
            count = reader.integer(raw_counts, cat, counts_path, low=0, high=1_000_000)
            if count is not None:
                headcounts[cat] = count
        if code is not None and name is not None:
            result.append(UnitConfig(code, name, group, headcounts, email))
    reader.unique(codes, "code")
    return tuple(result)


_JUDGE_KEYS = ("code", "name", "unit", "head", "capacity", "conflicts")


def _judges(
    reader: _Reader, data: Mapping[str, Any], units: Sequence[UnitConfig]
) -> tuple[JudgeConfig, ...]:
    unit_codes = {u.code for u in units}
    result = []
    codes: list[tuple[str, Any]] = []
    items = reader.items(data, "judges", "")
    for index, item in enumerate(items):
        path = _join("judges", index)
        obj = reader.obj(item, path, _JUDGE_KEYS, ("code", "name"))
        if obj is None:
            continue
        code = reader.code(obj, "code", path)
        codes.append((_join(path, "code"), code))
        name = reader.text(obj, "name", path)
        unit = reader.text(obj, "unit", path, default=None)
        if unit is not None and unit not in unit_codes:
            reader.problem(_join(path, "unit"), "config_reason_unknown_unit")
        head = reader.boolean(obj, "head", path, default=False)
        capacity = reader.integer(obj, "capacity", path, default=None, low=1, high=1_000_000)
        conflicts: list[str] = []
        for c_index, conflict in enumerate(reader.items(obj, "conflicts", path)):
            where = _join(_join(path, "conflicts"), c_index)
            if not isinstance(conflict, str) or conflict not in unit_codes:
                reader.problem(where, "config_reason_unknown_unit")
            elif conflict == unit:
                reader.problem(where, "config_reason_conflict_own_unit")
            elif conflict in conflicts:
                reader.problem(where, "config_reason_duplicate_code")
            else:
                conflicts.append(conflict)
        if code is not None and name is not None:
            result.append(JudgeConfig(code, name, unit, head, capacity, tuple(conflicts)))
    reader.unique(codes, "code")
    heads = sum(1 for item in items if isinstance(item, Mapping) and item.get("head") is True)
    if heads != 1:
        reader.problem("judges", "config_reason_head_count")
    return tuple(result)


# --- settings ---------------------------------------------------------------------------


def _settings(reader: _Reader, data: Mapping[str, Any], max_total: Points | None) -> dict[str, Any]:
    """`settings` with every missing part taken from DEFAULT_SETTINGS, shape checked."""
    raw = data.get("settings", {})
    if raw is None:
        raw = {}
    base = reader.obj(raw, "settings", ("prize_scheme", "tie_rule", "rounds", "school_ranking"))
    if base is None:
        return copy.deepcopy(DEFAULT_SETTINGS)
    merged = _merge(DEFAULT_SETTINGS, base)
    _check_prizes(reader, merged["prize_scheme"], max_total)
    _check_ties(reader, merged["tie_rule"])
    _check_rounds(reader, merged["rounds"])
    _check_school_ranking(reader, merged["school_ranking"])
    return merged


def _merge(default: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """Given values over the defaults, objects merged key by key, lists replaced whole."""
    result = copy.deepcopy(dict(default))
    for key, value in given.items():
        if isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = _merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def _check_prizes(reader: _Reader, scheme: Any, max_total: Points | None) -> None:
    path = "settings.prize_scheme"
    obj = reader.obj(scheme, path, ("individual", "excellence_under_18", "collective"))
    if obj is None:
        return
    individual = reader.obj(
        obj["individual"],
        _join(path, "individual"),
        ("per_category", "max_share_percent", "levels"),
    )
    if individual is not None:
        where = _join(path, "individual")
        reader.boolean(individual, "per_category", where, default=False)
        reader.integer(individual, "max_share_percent", where, default=None, low=1, high=100)
        _check_levels(reader, individual, where, max_total, with_score=True)
    excellence = reader.obj(
        obj["excellence_under_18"],
        _join(path, "excellence_under_18"),
        ("enabled", "count", "age_below", "may_also_hold_ranked_prize"),
    )
    if excellence is not None:
        where = _join(path, "excellence_under_18")
        reader.boolean(excellence, "enabled", where, default=True)
        reader.integer(excellence, "count", where, default=1, low=0, high=1000)
        reader.integer(excellence, "age_below", where, default=18, low=6, high=100)
        reader.boolean(excellence, "may_also_hold_ranked_prize", where, default=True)
    collective = reader.obj(obj["collective"], _join(path, "collective"), ("levels",))
    if collective is not None:
        _check_levels(reader, collective, _join(path, "collective"), max_total, with_score=False)


def _check_levels(
    reader: _Reader,
    obj: Mapping[str, Any],
    path: str,
    max_total: Points | None,
    *,
    with_score: bool,
) -> None:
    allowed = ("level", "count", "min_score") if with_score else ("level", "count")
    seen: list[tuple[str, Any]] = []
    order: list[int] = []
    for index, item in enumerate(reader.items(obj, "levels", path)):
        where = _join(_join(path, "levels"), index)
        level = reader.obj(item, where, allowed, ("level", "count"))
        if level is None:
            continue
        name = reader.choice(level, "level", where, PRIZE_LEVELS, "first")
        if level.get("level") in PRIZE_LEVELS:
            seen.append((_join(where, "level"), name))
            order.append(PRIZE_LEVELS.index(name))
        reader.integer(level, "count", where, low=0, high=100_000)
        if with_score:
            score = reader.points(level, "min_score", where, default=None, grid=False)
            if score is not None and max_total is not None and score > max_total:
                reader.problem(_join(where, "min_score"), f"{score} > max_total {max_total}")
    reader.unique(seen, "level")
    if order != sorted(order):
        reader.problem(_join(path, "levels"), "config_reason_level_order")


def _check_ties(reader: _Reader, rule: Any) -> None:
    path = "settings.tie_rule"
    if not isinstance(rule, list):
        reader.problem(path, "config_reason_not_list")
        return
    seen: list[tuple[str, Any]] = []
    for index, item in enumerate(rule):
        where = _join(path, index)
        if item not in TIE_RULES:
            reader.problem(where, f"{_show(item)} ∉ {{{', '.join(TIE_RULES)}}}")
        else:
            seen.append((where, item))
    reader.unique(seen, "rule")


def _check_rounds(reader: _Reader, rounds: Any) -> None:
    path = "settings.rounds"
    obj = reader.obj(rounds, path, ("calibration", "screening"))
    if obj is None:
        return
    calibration = reader.obj(obj["calibration"], _join(path, "calibration"), ("enabled", "size"))
    if calibration is not None:
        where = _join(path, "calibration")
        reader.boolean(calibration, "enabled", where, default=True)
        reader.integer(calibration, "size", where, default=10, low=10, high=1000)
    reader.boolean(obj, "screening", path, default=False)


def _check_school_ranking(reader: _Reader, ranking: Any) -> None:
    path = "settings.school_ranking"
    obj = reader.obj(ranking, path, ("weights",))
    if obj is None:
        return
    where = _join(path, "weights")
    weights = reader.obj(obj["weights"], where, ("entries", "participation", "quality"))
    if weights is None:
        return
    values = [
        reader.integer(weights, part, where, default=1, low=0, high=100)
        for part in ("entries", "participation", "quality")
    ]
    if all(value == 0 for value in values):
        reader.problem(where, "0 + 0 + 0 = 0")


def parse_config(data: Mapping[str, Any], source: Path | None = None) -> ContestConfig:
    """A checked `ContestConfig` from the JSON document (or the wizard's dict).

    Raises `JudgeAppError("contest_config_invalid", source, field=…, reason=…, count=…,
    problems=(ConfigProblem, …))` listing every problem found.
    """
    if not isinstance(data, Mapping):
        _raise([ConfigProblem("$", "config_reason_not_object")], source, "contest_config_invalid")
    reader = _check_header(data, CONFIG_FORMAT, CONFIG_VERSION, source, "contest_config_invalid")
    obj = reader.obj(data, "", _TOP_KEYS, ("name",))
    assert obj is not None
    name = reader.text(obj, "name", "")
    organiser = reader.text(obj, "organiser", "", default="") or ""
    tier = reader.choice(obj, "tier", "", TIERS, "district")
    year = reader.integer(obj, "year", "", default=None, low=1900, high=2200)
    reference_date = reader.date(obj, "reference_date", "")
    rules = _rules(reader, obj)
    stages = _stages(reader, obj)
    groups = _groups(reader, obj)
    categories = _categories(reader, obj)
    units = _units(reader, obj, groups, categories)
    questions = _questions(reader, obj)
    criteria = _criteria(reader, obj)
    judges = _judges(reader, obj, units)
    max_total_ok = not any(p.field == "max_total" for p in reader.problems)
    settings = _settings(reader, obj, rules.max_total if max_total_ok else None)
    if not any(p.field.startswith(("questions", "criteria", "max_total")) for p in reader.problems):
        _check_total(reader, rules.max_total, questions, criteria)
    _raise(reader.problems, source, "contest_config_invalid")
    assert name is not None
    return ContestConfig(
        name=name,
        organiser=organiser,
        tier=tier,
        year=year,
        reference_date=reference_date,
        rules=rules,
        stages=stages,
        unit_groups=groups,
        categories=categories,
        units=units,
        questions=questions,
        criteria=criteria,
        judges=judges,
        settings=settings,
    )


# --------------------------------------------------------------------------- writing


def _question_dict(q: QuestionConfig) -> dict[str, Any]:
    return {
        "number": q.number,
        "prompt": q.prompt,
        "options": q.options,
        "answer": q.answer,
        "points": _points_text(q.points),
    }


def _criterion_dict(c: CriterionConfig) -> dict[str, Any]:
    result: dict[str, Any] = {
        "code": c.code,
        "name": c.name,
        "maximum": _points_text(c.maximum),
        "step": _points_text(c.step),
        "guide": c.guide,
    }
    if c.levels:
        result["levels"] = [
            {
                "low": _points_text(lv.low),
                "high": _points_text(lv.high),
                "descriptor": lv.descriptor,
            }
            for lv in c.levels
        ]
    return result


def rubric_to_dict(rubric: RubricConfig) -> dict[str, Any]:
    return {
        "format": RUBRIC_FORMAT,
        "version": RUBRIC_VERSION,
        "max_total": _points_text(rubric.max_total),
        "questions": [_question_dict(q) for q in rubric.questions],
        "criteria": [_criterion_dict(c) for c in rubric.criteria],
    }


def _optional_points(points: Points | None) -> str | None:
    return None if points is None else _points_text(points)


def config_to_dict(config: ContestConfig) -> dict[str, Any]:
    """The JSON document for `config`: `parse_config(config_to_dict(c)) == c`."""
    rules = config.rules
    return {
        "format": CONFIG_FORMAT,
        "version": CONFIG_VERSION,
        "name": config.name,
        "organiser": config.organiser,
        "tier": config.tier,
        "year": config.year,
        "reference_date": config.reference_date.isoformat() if config.reference_date else None,
        "judges_per_entry": rules.judges_per_entry,
        "max_total": _points_text(rules.max_total),
        "score_step": _points_text(rules.score_step),
        "agree_below": _points_text(rules.agree_below),
        "discuss_upto": _points_text(rules.discuss_upto),
        "third_mean_upto": _points_text(rules.third_mean_upto),
        "per_criterion_rule": rules.per_criterion_rule,
        "rounding": rules.rounding,
        "quality_threshold": _optional_points(rules.quality_threshold),
        "quality_target_percent": rules.quality_target_percent,
        "stages": [{"number": s.number, "name": s.name} for s in config.stages],
        "unit_groups": [
            {
                "code": g.code,
                "name": g.name,
                "deadline": g.deadline.isoformat() if g.deadline else None,
            }
            for g in config.unit_groups
        ],
        "categories": [
            {"code": c.code, "name": c.name, "kind": c.kind}
            | ({"grade": c.grade} if c.grade is not None else {})
            for c in config.categories
        ],
        "units": [
            {"code": u.code, "name": u.name, "group": u.group, "headcounts": dict(u.headcounts)}
            | ({"email": u.email} if u.email else {})
            for u in config.units
        ],
        "questions": [_question_dict(q) for q in config.questions],
        "criteria": [_criterion_dict(c) for c in config.criteria],
        "judges": [
            {
                "code": j.code,
                "name": j.name,
                "unit": j.unit,
                "head": j.head,
                "capacity": j.capacity,
                "conflicts": list(j.conflicts),
            }
            for j in config.judges
        ],
        "settings": copy.deepcopy(dict(config.settings)),
    }


def dumps_config(data: Mapping[str, Any]) -> bytes:
    """UTF-8 JSON, indent 2, Vietnamese kept readable (ensure_ascii False), final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def save_config(config: ContestConfig, path: Path) -> None:
    write_atomically(Path(path), dumps_config(config_to_dict(config)))


def save_rubric(rubric: RubricConfig, path: Path) -> None:
    write_atomically(Path(path), dumps_config(rubric_to_dict(rubric)))


def read_json(path: Path) -> Any:
    """A JSON file's content; too big, not UTF-8 or not JSON → an error naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_CONFIG_BYTES:
            raise JudgeAppError(
                "contest_config_too_big",
                path,
                size_mb=f"{size / 1024 / 1024:.1f}",
                limit_mb=f"{MAX_CONFIG_BYTES / 1024 / 1024:.0f}",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise JudgeAppError("file_not_found", path) from None
    except IsADirectoryError:
        raise JudgeAppError("contest_config_unreadable", path, reason="directory") from None
    except OSError as exc:
        raise JudgeAppError(
            "contest_config_unreadable", path, reason=exc.strerror or str(exc)
        ) from exc
    try:
        text = raw.decode("utf-8-sig")  # Notepad's UTF-8 starts with a byte-order mark
    except UnicodeDecodeError as exc:
        raise JudgeAppError("contest_config_not_utf8", path, offset=exc.start) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JudgeAppError(
            "contest_config_bad_json", path, line=exc.lineno, column=exc.colno, reason=exc.msg
        ) from None
    except RecursionError:
        raise JudgeAppError(
            "contest_config_bad_json", path, line="?", column="?", reason="nesting"
        ) from None


def sample_config_path() -> Path:
    """The seed contest in the configuration format (also the demo contest's set-up)."""
    from judge_app.paths import resources_dir

    return resources_dir() / "contest-sample.json"


def load_config(path: Path) -> ContestConfig:
    path = Path(path)
    return parse_config(read_json(path), path)


def load_rubric(path: Path) -> RubricConfig:
    path = Path(path)
    return parse_rubric(read_json(path), path)

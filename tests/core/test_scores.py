from __future__ import annotations

from decimal import Decimal

import pytest

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points, check_score, mean


@pytest.mark.parametrize(
    ("text", "centi"),
    [("7", 700), ("7.5", 750), ("7,5", 750), ("7,25", 725), (" 0,75 ", 75), ("10", 1000)],
)
def test_judges_type_comma_or_dot(text: str, centi: int) -> None:
    assert Points.parse(text) == Points(centi)


@pytest.mark.parametrize("text", ["", "abc", "7.125", "-1", "7,5,0", "1e3", "7.5đ"])
def test_bad_text_is_refused_with_a_code(text: str) -> None:
    with pytest.raises(JudgeAppError) as info:
        Points.parse(text)
    assert info.value.code == "score_invalid"


def test_formatting_is_as_short_as_exact() -> None:
    assert Points(750).format() == "7,5"
    assert Points(725).format(".") == "7.25"
    assert Points(800).format() == "8"


def test_grid_and_range() -> None:
    check_score(Points(275), Points(300), Points(25))
    with pytest.raises(JudgeAppError) as off:
        check_score(Points(260), Points(300), Points(25))
    assert off.value.code == "score_off_grid"
    with pytest.raises(JudgeAppError) as high:
        check_score(Points(325), Points(300), Points(25))
    assert high.value.code == "score_out_of_range"


def test_mean_rounds_half_up_and_keeps_exact_value() -> None:
    rounded, exact = mean([Points(700), Points(725), Points(750)])
    assert rounded == Points(725) and exact == Decimal("7.25")
    rounded, exact = mean([Points(700), Points(725), Points(725)])
    assert exact == Decimal("7.166666666666666666666666667")
    assert rounded == Points(717)
    rounded, _ = mean([Points(700), Points(701)])  # 7.005 -> 7.01 half up, not banker's 7.00
    assert rounded == Points(701)


def test_sums_are_exact() -> None:
    total = Points(0)
    for _ in range(1000):
        total = total + Points(25)
    assert total == Points(25000)

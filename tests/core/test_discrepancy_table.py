"""The discrepancy rule's cases, one row each in tests/data/discrepancy_cases.csv: the table is
the specification a head judge can read and extend (boundaries at exactly 1.0, 1.5 and 2.5,
means that need rounding, a gap in one criterion only, three judges, other maxima)."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from judge_app.core.discrepancy import Outcome, Thresholds, settle_three, settle_two
from judge_app.core.scores import Points

TABLE = Path(__file__).resolve().parent.parent / "data" / "discrepancy_cases.csv"


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_table_covers_what_the_rule_needs() -> None:
    rows = _rows()
    assert len(rows) >= 25
    assert len({row["case"] for row in rows}) == len(rows)
    assert {row["outcome"] for row in rows} == {o.name for o in Outcome}
    assert {row["max_total"] for row in rows} >= {"10", "20", "100"}
    assert any(len(row["totals"].split(";")) == 3 for row in rows)


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row["case"])
def test_rule_case(row: dict[str, str]) -> None:
    totals = [Points.parse(t) for t in row["totals"].split(";")]
    thresholds = Thresholds(per_criterion=row["per_criterion"] == "1")
    max_total = Points.parse(row["max_total"])
    if len(totals) == 2:
        criteria = []
        for part in filter(None, row["criteria"].split(";")):
            code, _, pair = part.partition("=")
            first, second = pair.split("/")
            criteria.append((code, Points.parse(first), Points.parse(second)))
        result = settle_two(
            (totals[0], totals[1]),
            criteria,
            thresholds=thresholds,
            max_total=max_total,
            rounding=row["rounding"],
        )
    else:
        result = settle_three(
            (totals[0], totals[1], totals[2]),
            thresholds=thresholds,
            max_total=max_total,
            rounding=row["rounding"],
        )
    assert result.outcome.name == row["outcome"], row["why"]
    if row["final"]:
        assert result.final == Points.parse(row["final"]), row["why"]
        assert result.exact is not None
        assert result.exact.quantize(Decimal("0.000001")) == Decimal(row["exact"]), row["why"]
    else:
        assert result.final is None and result.exact is None

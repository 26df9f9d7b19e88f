"""Judge statistics for the result outputs, from `store.judge_stats` and `reports.charts`.

This adapter turns h15's `JudgeStatistics` into plain tables (per judge: graded, mean, spread,
leniency, mean gap, own-pair ICC, time; agreement per part: ICC(1,1), ICC(1,k), Krippendorff's
α with their intervals) and the PNG charts, so the workbook, the PDF and the GUI only lay them
out. Numbers are shown in Vietnamese (decimal comma) because the outputs are Vietnamese.
"""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from typing import Any

from judge_app.reports.results_data import JudgeStatsTable

FLAG_NAMES = {
    "lenient": "chấm rộng tay",
    "severe": "chấm chặt tay",
    "low_agreement": "ít thống nhất",
}


def available() -> bool:
    return importlib.util.find_spec("judge_app.store.judge_stats") is not None


def _number(value: Decimal | float | None, places: int = 2) -> str:
    if value is None:
        return ""
    return f"{float(value):.{places}f}".replace(".", ",")


def _coefficient(item: Any) -> str:
    """ "0,81 [0,70; 0,88]": a coefficient with its 95 % interval."""
    if item is None:
        return ""
    text = _number(item.value)
    interval = getattr(item, "interval", None)
    if interval is not None:
        text += f" [{_number(interval.low)}; {_number(interval.high)}]"
    return text


def judge_statistics(db: Any) -> tuple[tuple[JudgeStatsTable, ...], dict[str, bytes]]:
    """(tables, charts): empty when the statistics module is not there."""
    if not available():
        return (), {}
    from judge_app.reports.charts import statistics_charts
    from judge_app.store.judge_stats import judge_statistics as compute

    stats = compute(db)
    judges = JudgeStatsTable(
        title="Thống kê giám khảo",
        header=(
            "Giám khảo",
            "Họ tên",
            "Số bài chấm",
            "Điểm trung bình",
            "Độ lệch chuẩn",
            "Độ rộng tay (so với GK cùng bài)",
            "Chênh lệch TB",
            "ICC cặp chấm",
            "Phút/bài (trung vị)",
            "Ghi chú",
        ),
        rows=tuple(
            (
                j.judge,
                j.name,
                j.graded,
                _number(j.mean),
                _number(j.sd),
                _number(j.leniency),
                _number(j.mean_gap),
                _coefficient(j.agreement),
                _number(j.time.median_minutes, 1),
                ", ".join(FLAG_NAMES.get(f, f) for f in j.flags),
            )
            for j in stats.judges
        ),
        notes=("Độ rộng tay > 0: giám khảo cho điểm cao hơn các giám khảo chấm cùng bài.",),
    )
    agreement = JudgeStatsTable(
        title="Mức thống nhất giữa giám khảo",
        header=("Phần", "Tên", "Số cặp", "ICC(1,1) [KTC 95 %]", "ICC(1,k)", "Alpha Krippendorff"),
        rows=tuple(
            (
                {"total": "Tổng điểm", "choice": "Trắc nghiệm"}.get(a.part, a.part),
                a.name,
                a.pairs,
                _coefficient(a.icc),
                _coefficient(a.icc_mean),
                _coefficient(a.alpha),
            )
            for a in stats.agreement
        ),
    )
    charts = statistics_charts(stats, lang="vi")
    return (judges, agreement), charts

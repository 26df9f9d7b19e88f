"""Distribution charts of judges' totals, as PNG bytes, drawn without Qt.

Histograms of the totals per category and box plots per judge (all categories, and per
category), for the board to see who grades high, low or widely, and for the results PDF and
workbook. Drawn with matplotlib's Agg renderer through `Figure` directly (no pyplot, no global
backend, no display), so they can be made in a worker, a CLI or a test.

matplotlib costs about a second to import: it is imported inside the drawing functions only.
Text is set in the bundled Liberation Sans 2.x (resources/fonts), which has every Vietnamese
letter, registered under its own family name so that no older system copy is used instead.
"""

from __future__ import annotations

import dataclasses
import io
import threading
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judge_app.core.messages import render
from judge_app.fileio import write_atomically
from judge_app.paths import fonts_dir
from judge_app.store.judge_stats import natural_key

if TYPE_CHECKING:
    from judge_app.store.judge_stats import JudgeStatistics

DPI = 150
WIDTH_INCHES = 8.0  # 1,200 px at 150 dpi: fits an A4 page's text width when printed at 300 dpi
# The bundled files under a family name of their own: a system "Liberation Sans" 1.x (no
# precomposed Vietnamese letters) must never be picked instead.
FONT_FAMILY = "judge-app Liberation Sans"
FLAGGED_COLOUR = "#d9822b"
BOX_COLOUR = "#9ebcda"
BAR_COLOUR = "#4c72b0"
_fonts_added = False


def _matplotlib() -> Any:
    """matplotlib, with the bundled fonts registered once (lazy: it is slow to import)."""
    global _fonts_added
    import matplotlib
    from matplotlib import font_manager, ft2font

    if not _fonts_added:
        for path in sorted(fonts_dir().glob("LiberationSans-*.ttf")):
            entry = font_manager.ttfFontProperty(ft2font.FT2Font(str(path)))
            font_manager.fontManager.ttflist.append(dataclasses.replace(entry, name=FONT_FAMILY))
        _fonts_added = True
    return matplotlib


# matplotlib is not thread-safe: rc_context changes process-wide settings, and its FreeType
# text measuring crashed the process when two results windows drew charts at once (worker
# threads of two Operations). One chart at a time.
_DRAWING = threading.Lock()


def _style() -> dict[str, Any]:
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [FONT_FAMILY, "DejaVu Sans"],
        "font.size": 9,
        "axes.titlesize": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.fonttype": "none",
    }


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    # No "Software"/date metadata: the same data gives the same bytes.
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def histograms_png(
    groups: Mapping[str, Sequence[float]],
    *,
    title: str,
    x_label: str,
    y_label: str,
    maximum: float,
    bins: int = 20,
) -> bytes:
    """One histogram per group (e.g. per category), stacked, on a shared 0…maximum axis."""
    matplotlib = _matplotlib()
    from matplotlib.figure import Figure

    names = list(groups) or [""]
    rows = len(names)
    with _DRAWING, matplotlib.rc_context(_style()):
        figure = Figure(figsize=(WIDTH_INCHES, 1.0 + 1.7 * rows), dpi=DPI, layout="constrained")
        axes = figure.subplots(rows, 1, sharex=True, squeeze=False)[:, 0]
        edges = [maximum * i / bins for i in range(bins + 1)]
        for ax, name in zip(axes, names, strict=True):
            values = list(groups.get(name, ()))
            ax.hist(values, bins=edges, color=BAR_COLOUR, edgecolor="white", linewidth=0.5)
            ax.set_title(f"{name} (n = {len(values)})", loc="left")
            ax.set_ylabel(y_label)
            ax.set_xlim(0, maximum)
        axes[-1].set_xlabel(x_label)
        figure.suptitle(title, fontsize=11, fontweight="bold")
        return _png(figure)


def boxplots_png(
    groups: Mapping[str, Sequence[float]],
    *,
    title: str,
    x_label: str,
    maximum: float,
    reference: float | None = None,
    reference_label: str = "",
    highlighted: Collection[str] = (),
) -> bytes:
    """Horizontal box plots, one row per group (e.g. per judge) in the given order; groups in
    `highlighted` (flagged judges) in another colour; `reference` as a dashed line (the mean)."""
    matplotlib = _matplotlib()
    from matplotlib.figure import Figure

    names = [name for name in groups if groups[name]]
    height = 1.3 + 0.26 * max(len(names), 3)
    with _DRAWING, matplotlib.rc_context(_style()):
        figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, layout="constrained")
        ax = figure.subplots()
        if names:
            parts = ax.boxplot(
                [list(groups[name]) for name in names],
                orientation="horizontal",
                tick_labels=names,
                patch_artist=True,
                widths=0.6,
                flierprops={"markersize": 2, "alpha": 0.5},
                medianprops={"color": "black"},
            )
            for name, box in zip(names, parts["boxes"], strict=True):
                box.set_facecolor(FLAGGED_COLOUR if name in highlighted else BOX_COLOUR)
            ax.invert_yaxis()  # the first group on top, as in the table
        if reference is not None:
            ax.axvline(reference, color="grey", linestyle="--", linewidth=1, label=reference_label)
            if reference_label:  # below the axes: a legend inside would hide a judge's row
                figure.legend(loc="outside lower right", fontsize=8, frameon=False)
        ax.set_xlim(0, maximum)
        ax.set_xlabel(x_label)
        ax.set_title(title, fontsize=11, fontweight="bold")
        return _png(figure)


def statistics_charts(stats: JudgeStatistics, *, lang: str = "vi") -> dict[str, bytes]:
    """The board's charts, by file name: totals per category, per judge, per judge in each
    category (flagged judges highlighted)."""
    maximum = float(stats.max_total.to_decimal())
    by_category: dict[str, list[float]] = defaultdict(list)
    by_judge: dict[str, list[float]] = defaultdict(list)
    by_category_judge: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for row in stats.totals:
        value = row.total.centi / 100
        by_category[row.category].append(value)
        by_judge[row.judge].append(value)
        by_category_judge[row.category][row.judge].append(value)
    flagged = {j.judge for j in stats.flagged()}
    axis = render("chart_total_axis", lang, maximum=stats.max_total.format())
    mean = None if stats.contest_mean is None else float(stats.contest_mean)
    mean_label = render("chart_mean_line", lang)
    labels = {
        code: f"{code} – {name}" if name and name != code else code
        for code, name in stats.categories.items()
    }
    charts = {
        "phan-bo-diem-theo-doi-tuong.png": histograms_png(
            {labels[code]: by_category[code] for code in stats.categories if by_category[code]},
            title=render("chart_by_category_title", lang, contest=stats.contest_name),
            x_label=axis,
            y_label=render("chart_count_axis", lang),
            maximum=maximum,
        ),
        "phan-bo-diem-theo-giam-khao.png": boxplots_png(
            {judge: by_judge[judge] for judge in sorted(by_judge, key=natural_key)},
            title=render("chart_by_judge_title", lang, contest=stats.contest_name),
            x_label=axis,
            maximum=maximum,
            reference=mean,
            reference_label=mean_label,
            highlighted=flagged,
        ),
    }
    for code in stats.categories:
        judges = by_category_judge.get(code)
        if not judges:
            continue
        charts[f"phan-bo-diem-giam-khao-{_slug(code)}.png"] = boxplots_png(
            {judge: judges[judge] for judge in sorted(judges, key=natural_key)},
            title=render("chart_by_judge_in_category_title", lang, category=labels[code]),
            x_label=axis,
            maximum=maximum,
            highlighted=flagged,
        )
    return charts


def _slug(code: str) -> str:
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in code).strip("-") or "x"


def write_charts(stats: JudgeStatistics, folder: Path, *, lang: str = "vi") -> list[Path]:
    """Every chart of `statistics_charts` written (atomically) into `folder`."""
    written = []
    for name, data in statistics_charts(stats, lang=lang).items():
        target = folder / name
        write_atomically(target, data)
        written.append(target)
    return written

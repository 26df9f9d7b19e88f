"""Distribution charts: PNGs of the expected size, Vietnamese text in the bundled font, files
written, and matplotlib left out of imports until a chart is drawn."""

from __future__ import annotations

import struct
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from judge_app.paths import fonts_dir
from judge_app.reports.charts import (
    DPI,
    WIDTH_INCHES,
    boxplots_png,
    histograms_png,
    statistics_charts,
    write_charts,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))
from stats_helpers import build_graded_contest

from judge_app.store.database import open_contest_file
from judge_app.store.judge_stats import JudgeStatistics, judge_statistics

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _size(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk comes first
    return width, height


@pytest.fixture(scope="module")
def stats(tmp_path_factory: pytest.TempPathFactory) -> JudgeStatistics:
    path = tmp_path_factory.mktemp("charts") / "contest.sqlite"
    build_graded_contest(path, entries=240, judges=6, offsets={"GK1": 25}, seed=2)
    with open_contest_file(path) as db:
        return judge_statistics(db, resamples=0)


def test_histograms_have_the_expected_size_and_render_vietnamese() -> None:
    groups = {
        "GV – Cán bộ, giáo viên, nhân viên": [5.0, 6.25, 7.5, 7.75, 8.0],
        "HS6 – Học sinh lớp 6": [4.0, 6.0, 6.5],
    }
    with warnings.catch_warnings():
        # A missing glyph (ơ, ư, ệ…) is a warning from matplotlib: make it fail here.
        warnings.simplefilter("error")
        png = histograms_png(
            groups,
            title="Phân bố điểm theo đối tượng – Tìm hiểu dịch vụ công trực tuyến",
            x_label="Điểm toàn bài (thang 10)",
            y_label="Số lượt chấm",
            maximum=10.0,
        )
    assert _size(png) == (int(WIDTH_INCHES * DPI), int((1.0 + 1.7 * 2) * DPI))
    assert len(png) > 10_000  # drawn, not an empty canvas


def test_bundled_font_is_the_one_used() -> None:
    from matplotlib import font_manager

    from judge_app.reports import charts

    charts._matplotlib()
    for weight in ("normal", "bold"):
        found = font_manager.findfont(
            font_manager.FontProperties(family=charts.FONT_FAMILY, weight=weight),
            fallback_to_default=False,
        )
        assert Path(found).resolve().parent == fonts_dir().resolve()
        assert ("Bold" in Path(found).name) == (weight == "bold")


def test_box_plots_grow_with_the_number_of_judges() -> None:
    few = boxplots_png(
        {"GK1": [5, 6, 7], "GK2": [6, 7, 8]}, title="Giám khảo", x_label="Điểm", maximum=10
    )
    many = boxplots_png(
        {f"GK{i}": [5, 6, 7, 8] for i in range(40)},
        title="Giám khảo",
        x_label="Điểm",
        maximum=10,
        reference=6.5,
        reference_label="Điểm trung bình chung",
        highlighted={"GK3"},
    )
    assert _size(few) == (1200, int((1.3 + 0.26 * 3) * DPI))
    assert _size(many) == (1200, int((1.3 + 0.26 * 40) * DPI))
    # The same data draws the same bytes (no date or version in the file).
    again = boxplots_png(
        {"GK1": [5, 6, 7], "GK2": [6, 7, 8]}, title="Giám khảo", x_label="Điểm", maximum=10
    )
    assert again == few


def test_empty_groups_still_draw() -> None:
    assert _size(histograms_png({}, title="—", x_label="", y_label="", maximum=10))[0] == 1200
    assert _size(boxplots_png({}, title="—", x_label="", maximum=10))[0] == 1200


def test_statistics_charts_and_files(stats: JudgeStatistics, tmp_path: Path) -> None:
    charts = statistics_charts(stats, lang="vi")
    assert sorted(charts) == [
        "phan-bo-diem-giam-khao-GV.png",
        "phan-bo-diem-giam-khao-HS6.png",
        "phan-bo-diem-theo-doi-tuong.png",
        "phan-bo-diem-theo-giam-khao.png",
    ]
    assert _size(charts["phan-bo-diem-theo-doi-tuong.png"]) == (1200, int(4.4 * DPI))
    written = write_charts(stats, tmp_path / "bieu-do", lang="en")
    assert sorted(p.name for p in written) == sorted(charts)
    for path in written:
        assert path.read_bytes().startswith(PNG_SIGNATURE)
    assert not list((tmp_path / "bieu-do").glob(".*.tmp"))  # atomic writes leave nothing


def test_matplotlib_and_numpy_are_imported_only_when_used() -> None:
    code = (
        "import sys, judge_app.reports.charts, judge_app.store.judge_stats, "
        "judge_app.store.judge_stats_cli; "
        "print('matplotlib' in sys.modules, 'numpy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]

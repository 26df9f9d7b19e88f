"""The page shown instead of a file that cannot be shown: it names the file, the reason, and
what the board should do, in the judge's language.

Drawn by PyMuPDF with the bundled Liberation Sans (which has every Vietnamese letter), so it
looks the same on every machine and never depends on the file it stands for.
"""

from __future__ import annotations

import html
from pathlib import Path

import pymupdf

from judge_app.core.messages import render as say
from judge_app.documents.limits import Limits
from judge_app.documents.memory import resident_bytes
from judge_app.documents.model import A4_PT, DocKind, DocumentFacts, PageImage, Problem
from judge_app.documents.problems import ENCRYPTED
from judge_app.paths import fonts_dir

_CSS = """
@font-face { font-family: sans; src: url(LiberationSans-Regular.ttf); }
@font-face { font-family: sans; src: url(LiberationSans-Bold.ttf); font-weight: bold; }
body { font-family: sans; font-size: 13pt; color: #333; }
h1 { font-size: 20pt; color: #a00; margin-bottom: 12pt; }
p { margin-bottom: 10pt; }
.name { font-weight: bold; font-size: 14pt; color: #000; }
"""


def reason_text(problem: Problem, lang: str) -> str:
    """The problem as a phrase in `lang`."""
    return say(problem.code, lang, **problem.params)


def message_html(name: str, problem: Problem, lang: str) -> str:
    advice = (
        "doc_placeholder_advice_password"
        if problem.code == ENCRYPTED
        else ("doc_placeholder_advice")
    )
    parts = [
        f"<h1>{html.escape(say('doc_placeholder_title', lang))}</h1>",
        f"<p class='name'>{html.escape(name)}</p>",
        f"<p>{html.escape(say('doc_placeholder_reason', lang, reason=reason_text(problem, lang)))}"
        "</p>",
        f"<p>{html.escape(say(advice, lang))}</p>",
    ]
    return "".join(parts)


def draw_message(page: pymupdf.Page, name: str, problem: Problem, lang: str) -> None:
    """Write the placeholder text onto `page` (a margin of 1 inch, or less on small pages)."""
    rect = page.rect
    margin = min(72.0, rect.width / 8, rect.height / 8)
    box = pymupdf.Rect(rect.x0 + margin, rect.y0 + margin * 1.5, rect.x1 - margin, rect.y1 - margin)
    archive = pymupdf.Archive(str(fonts_dir()))
    page.draw_rect(rect, color=None, fill=(1, 1, 1))
    frame = pymupdf.Rect(box.x0 - 12, box.y0 - 12, box.x1 + 12, box.y1 + 12)
    page.draw_rect(frame, color=(0.8, 0.2, 0.2), width=2)
    page.insert_htmlbox(
        box, message_html(name, problem, lang), css=_CSS, archive=archive, scale_low=0
    )


class PlaceholderDocument:
    """One A4 page saying why `path` cannot be shown; behaves like any other document."""

    def __init__(
        self,
        path: Path,
        problem: Problem,
        *,
        kind: DocKind = DocKind.UNKNOWN,
        lang: str = "vi",
        notes: list[Problem] | None = None,
        size_bytes: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.kind = kind
        self.problem = problem
        self._notes = list(notes or [])
        self._size_bytes = size_bytes
        self._doc = pymupdf.open()
        page = self._doc.new_page(width=A4_PT[0], height=A4_PT[1])
        draw_message(page, self.path.name, problem, lang)

    @property
    def page_count(self) -> int:
        return 1

    def page_size(self, index: int) -> tuple[float, float]:
        _check_index(index, 1)
        return A4_PT

    def render(self, index: int, zoom: float, rotation: int = 0) -> PageImage:
        _check_index(index, 1)
        return render_page(self._doc.load_page(0), zoom, rotation, Limits().max_render_pixels)

    def text(self, index: int) -> str:
        _check_index(index, 1)
        return ""

    def facts(self) -> DocumentFacts:
        size = self._size_bytes
        if size is None:
            try:
                size = self.path.stat().st_size
            except OSError:
                size = 0
        return DocumentFacts(
            path=self.path,
            kind=self.kind,
            size_bytes=size,
            page_count=1,
            page_sizes_pt=[A4_PT],
            has_text=False,
            text_chars=0,
            fonts=[],
            problems=[self.problem, *self._notes],
        )

    def close(self) -> None:
        self._doc.close()


def _check_index(index: int, count: int) -> None:
    if not 0 <= index < count:
        raise IndexError(f"page {index} of {count}")


TRIM_ABOVE_BYTES = 128 * 1024 * 1024


def trim_mupdf_store(above: int = TRIM_ABOVE_BYTES) -> None:
    """Empty MuPDF's cache of decoded images when this process grows past `above`.

    Its default limit (256 MB) fills with the scans of a long scanned PDF, while the app's own
    page cache already keeps what the judge will look at again. PyMuPDF cannot report the
    store's size, so our resident memory is the measure (~30 µs to read).
    """
    if resident_bytes() > above:
        pymupdf.TOOLS.store_shrink(100)


def render_page(page: pymupdf.Page, zoom: float, rotation: int, max_pixels: int) -> PageImage:
    """Pixels of a PyMuPDF page at `zoom`, turned clockwise by `rotation`, within `max_pixels`."""
    rect = page.rect
    area = rect.width * rect.height * zoom * zoom
    if area > max_pixels:
        zoom *= (max_pixels / area) ** 0.5
    matrix = pymupdf.Matrix(zoom, zoom).prerotate(rotation % 360)
    pix = page.get_pixmap(matrix=matrix, alpha=False, colorspace=pymupdf.csRGB)
    trim_mupdf_store()
    samples = pix.samples
    if pix.stride != pix.width * 3:  # never seen, but PageImage promises packed rows
        samples = b"".join(
            samples[row * pix.stride : row * pix.stride + pix.width * 3]
            for row in range(pix.height)
        )
    return PageImage(pix.width, pix.height, samples)


def problem_page(
    name: str,
    problem: Problem,
    size_pt: tuple[float, float],
    zoom: float,
    rotation: int = 0,
    lang: str = "vi",
) -> PageImage:
    """The image shown instead of one page that failed to render (the others still show)."""
    with pymupdf.open() as doc:
        page = doc.new_page(width=size_pt[0], height=size_pt[1])
        draw_message(page, name, problem, lang)
        return render_page(page, zoom, rotation, Limits().max_render_pixels)

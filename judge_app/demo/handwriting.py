"""Pages of a handwritten essay, and how a phone or a scanner turns them into files.

Contest rules allow "scan bài dự thi viết tay": many entrants, mostly students, send a phone
photo or a scan of a page written in ink on ruled school paper. The demo needs such files to
exercise the image viewer, rotation fixes and scan handling, so this module fakes them with
Pillow only: words in an italic serif placed with jitter on ruled lines, a pen sketch, then
either a photo (perspective, uneven light, noise, blur) or a scan (grey or bilevel, slight skew).
Every random choice comes from the `random.Random` passed in, so output is reproducible.
"""

from __future__ import annotations

import functools
import itertools
import math
import random
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

from judge_app.paths import fonts_dir

RGB = tuple[int, int, int]

PAPER: RGB = (246, 242, 230)
RULE: RGB = (176, 196, 226)
MARGIN_RULE: RGB = (226, 150, 150)
INK_PURPLE: RGB = (62, 40, 128)  # "mực tím", the ink Vietnamese pupils traditionally write with
INK_BLUE: RGB = (28, 52, 140)
INK_BLACK: RGB = (34, 34, 44)


@dataclass(frozen=True)
class HandStyle:
    """How one writer's page looks; sizes are in pixels of the page image."""

    font_px: int
    line_px: int
    ink: RGB
    wobble: float  # standard deviation of each word's vertical offset


@dataclass(frozen=True)
class HandItem:
    """One thing written on the page, in order.

    kind: "para" (indented paragraph), "line" (unindented: headings, answers, list items) or
    "sketch" (text names a drawing in `SKETCHES`, caption is written under it).
    """

    kind: str
    text: str
    caption: str = ""


def _hand_font(size: int) -> ImageFont.FreeTypeFont:
    # One font object per thread: a FreeType face must not be used by two threads at once.
    return _hand_font_in_thread(size, threading.get_ident())


@functools.lru_cache(maxsize=64)
def _hand_font_in_thread(size: int, thread: int) -> ImageFont.FreeTypeFont:
    # BASIC layout: precomposed (NFC) Vietnamese needs no shaping, and it renders the same on
    # every machine, which keeps the demo files' hashes stable.
    path = Path(fonts_dir()) / "LiberationSerif-Italic.ttf"
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _blank_page(size: tuple[int, int], style: HandStyle, margin_x: int, top: int) -> Image.Image:
    """Ruled school paper ("giấy ô li" simplified to lines) with a red margin rule."""
    page = Image.new("RGB", size, PAPER)
    draw = ImageDraw.Draw(page)
    width, height = size
    y = top
    while y < height - style.line_px // 2:
        draw.line([(0, y), (width, y)], fill=RULE, width=1)
        y += style.line_px
    draw.line([(margin_x - 24, 0), (margin_x - 24, height)], fill=MARGIN_RULE, width=2)
    return page


class _PageWriter:
    """Places words on ruled lines of successive pages, drawing them into an ink mask."""

    def __init__(self, size: tuple[int, int], style: HandStyle, rng: random.Random) -> None:
        self.size = size
        self.style = style
        self.rng = rng
        self.margin_x = round(size[0] * 0.12)
        self.right = size[0] - round(size[0] * 0.05)
        self.top = round(size[1] * 0.06)
        self.masks: list[Image.Image] = []
        self._new_page()

    def _new_page(self) -> None:
        self.mask = Image.new("L", self.size, 0)
        self.draw = ImageDraw.Draw(self.mask)
        self.masks.append(self.mask)
        self.line = 1  # line 0 stays empty like a real page's first ruled line
        self.x = float(self.margin_x)

    @property
    def lines_per_page(self) -> int:
        return (self.size[1] - self.top) // self.style.line_px - 1

    def lines_left(self) -> int:
        return self.lines_per_page - self.line

    def _baseline(self) -> float:
        return self.top + self.line * self.style.line_px - self.style.line_px * 0.18

    def newline(self) -> None:
        self.line += 1
        self.x = float(self.margin_x)
        if self.line > self.lines_per_page:
            self._new_page()

    def _word_font(self) -> ImageFont.FreeTypeFont:
        return _hand_font(self.style.font_px + self.rng.choice((-1, 0, 0, 1)))

    def paragraph(self, text: str, indent: bool = True) -> None:
        words = unicodedata.normalize("NFC", text).split()
        space = _hand_font(self.style.font_px).getlength(" ") * 1.2
        if indent:
            self.x += self.style.font_px * 1.6
        drift = self.rng.uniform(-0.012, 0.012)  # a hand line rises or sinks a little
        start_x = self.x
        for word in words:
            font = self._word_font()  # pressure and size vary from word to word
            width = font.getlength(word)
            if self.x + width > self.right and self.x > self.margin_x:
                self.newline()
                drift = self.rng.uniform(-0.012, 0.012)
                start_x = self.x
            y = self._baseline() + drift * (self.x - start_x) + self.rng.gauss(0, self.style.wobble)
            shade = self.rng.randint(205, 255)
            self.draw.text((self.x, y), word, font=font, fill=shade, anchor="ls")
            self.x += width + space * self.rng.uniform(1.0, 1.5)
        self.newline()

    def centred(self, text: str) -> None:
        text = unicodedata.normalize("NFC", text)
        font = _hand_font(self.style.font_px + 2)
        width = font.getlength(text)
        if width > self.right - self.margin_x:  # long titles wrap like a paragraph
            self.paragraph(text, indent=False)
            return
        x = (self.margin_x + self.right - width) / 2
        self.draw.text((x, self._baseline()), text, font=font, fill=250, anchor="ls")
        self.newline()

    def sketch(self, kind: str, caption: str) -> None:
        """A small pen drawing taking about eight ruled lines, plus a caption line under it."""
        needed = 10
        if self.lines_left() < needed:
            self._new_page()
        top = self._baseline() - self.style.line_px * 0.6
        height = self.style.line_px * 7
        box = (self.margin_x + 40, top, self.right - 40, top + height)
        SKETCHES[kind](self.draw, box, self.rng, max(2, self.style.font_px // 12))
        self.line += 8
        self.x = float(self.margin_x)
        if caption:
            self.centred(caption)
        else:
            self.newline()


def _wavy_line(
    draw: ImageDraw.ImageDraw,
    points: Sequence[tuple[float, float]],
    rng: random.Random,
    width: int,
) -> None:
    """A pen stroke: the straight segments get small random bends so they look hand-drawn."""
    path: list[tuple[float, float]] = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        steps = max(2, int(math.hypot(x1 - x0, y1 - y0) // 40))
        for i in range(steps):
            t = i / steps
            path.append(
                (x0 + (x1 - x0) * t + rng.gauss(0, 1.0), y0 + (y1 - y0) * t + rng.gauss(0, 1.0))
            )
    path.append(points[-1])
    draw.line(path, fill=235, width=width, joint="curve")


def _arrow(
    draw: ImageDraw.ImageDraw,
    start: tuple[float, float],
    end: tuple[float, float],
    rng: random.Random,
    width: int,
) -> None:
    _wavy_line(draw, [start, end], rng, width)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    for side in (-1, 1):
        tip = (
            end[0] - 18 * math.cos(angle + side * 0.45),
            end[1] - 18 * math.sin(angle + side * 0.45),
        )
        _wavy_line(draw, [end, tip], rng, width)


def _label(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int) -> None:
    draw.text(xy, text, font=_hand_font(size), fill=240, anchor="mm")


def _sketch_house_computer(
    draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], rng: random.Random, w: int
) -> None:
    """A house, an arrow and a computer: "nộp hồ sơ ở nhà qua mạng"."""
    left, top, right, bottom = box
    h = bottom - top
    # House.
    hx, hw = left + 20, h * 0.8
    base = bottom - 30
    _wavy_line(
        draw,
        [
            (hx, base),
            (hx, base - hw * 0.55),
            (hx + hw, base - hw * 0.55),
            (hx + hw, base),
            (hx, base),
        ],
        rng,
        w,
    )
    _wavy_line(
        draw,
        [(hx - 12, base - hw * 0.55), (hx + hw / 2, top + 6), (hx + hw + 12, base - hw * 0.55)],
        rng,
        w,
    )
    _wavy_line(
        draw,
        [
            (hx + hw * 0.4, base),
            (hx + hw * 0.4, base - hw * 0.3),
            (hx + hw * 0.6, base - hw * 0.3),
            (hx + hw * 0.6, base),
        ],
        rng,
        w,
    )
    _label(draw, (hx + hw / 2, bottom - 8), "Nhà em", max(16, int(h / 9)))
    # Computer.
    cx1 = right - h * 1.2
    cx2 = right - 10
    ctop, cbot = top + 10, base - h * 0.22
    _wavy_line(draw, [(cx1, ctop), (cx2, ctop), (cx2, cbot), (cx1, cbot), (cx1, ctop)], rng, w)
    mid = (cx1 + cx2) / 2
    _wavy_line(draw, [(mid, cbot), (mid, base - 6)], rng, w)
    _wavy_line(draw, [(mid - 40, base - 4), (mid + 40, base - 4)], rng, w)
    _label(draw, (mid, (ctop + cbot) / 2), "dichvucong", max(14, int(h / 11)))
    _label(draw, (mid, (ctop + cbot) / 2 + h / 8), ".hanoi.gov.vn", max(14, int(h / 11)))
    _label(draw, (mid, bottom - 8), "Cổng DVC", max(16, int(h / 9)))
    # Arrow between them.
    ay = top + h * 0.45
    _arrow(draw, (hx + hw + 30, ay), (cx1 - 25, ay), rng, w)
    size = max(16, int(h / 10))
    _label(draw, ((hx + hw + cx1) / 2, ay - h / 9), "nộp hồ sơ", size)
    _label(draw, ((hx + hw + cx1) / 2, ay + h / 9), "qua mạng", size)


def _sketch_phone_steps(
    draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], rng: random.Random, w: int
) -> None:
    """Three boxed steps joined by arrows: đăng ký → nộp hồ sơ → nhận kết quả."""
    left, top, right, bottom = box
    h = bottom - top
    labels = ("Đăng ký", "Nộp hồ sơ", "Nhận kết quả")
    gap = (right - left) / len(labels)
    size = max(14, int(h / 10))
    for i, text in enumerate(labels):
        x1 = left + i * gap + 6
        x2 = x1 + max(gap * 0.68, _hand_font(size).getlength(text) + 16)
        y1, y2 = top + h * 0.25, bottom - h * 0.25
        _wavy_line(draw, [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)], rng, w)
        _label(draw, ((x1 + x2) / 2, (y1 + y2) / 2), text, size)
        _label(draw, ((x1 + x2) / 2, y1 - h * 0.1), f"Bước {i + 1}", size)
        if i < len(labels) - 1:
            _arrow(draw, (x2 + 8, (y1 + y2) / 2), (x1 + gap - 8, (y1 + y2) / 2), rng, w)


SKETCHES = {
    "house_computer": _sketch_house_computer,
    "phone_steps": _sketch_phone_steps,
}


def write_pages(
    title: str,
    items: Sequence[HandItem],
    size: tuple[int, int],
    style: HandStyle,
    rng: random.Random,
) -> list[Image.Image]:
    """Lay the text out in handwriting over as many ruled pages as it needs (RGB, clean)."""
    writer = _PageWriter(size, style, rng)
    writer.centred(title)
    for item in items:
        if item.kind == "sketch":
            writer.sketch(item.text, item.caption)
        else:
            writer.paragraph(item.text, indent=item.kind == "para")
    pages: list[Image.Image] = []
    for mask in writer.masks:
        page = _blank_page(size, style, writer.margin_x, writer.top)
        # A slight blur: ink spreads into paper, and pen strokes are not hinted glyph edges.
        page.paste(style.ink, (0, 0), mask.filter(ImageFilter.BoxBlur(0.6)))
        pages.append(page)
    return pages


def _noise(size: tuple[int, int], rng: random.Random, grain: int, amount: float) -> Image.Image:
    """Sensor-like grain from the seeded generator (Pillow's effect_noise is not seedable)."""
    small = (max(1, size[0] // grain), max(1, size[1] // grain))
    raw = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    grainy = raw.resize(size, Image.Resampling.BILINEAR)
    lo = round(128 - 128 * amount)
    return grainy.point(lambda v: lo + v * amount)


def _light(size: tuple[int, int], rng: random.Random, darkest: int) -> Image.Image:
    """Uneven lighting: a linear falloff at a random angle times a soft vignette (mode L)."""
    linear = Image.linear_gradient("L").rotate(
        rng.uniform(0, 360), resample=Image.Resampling.BILINEAR
    )
    linear = linear.crop((48, 48, 208, 208)).resize(size, Image.Resampling.BILINEAR)
    linear = linear.point(lambda v: 255 - (255 - darkest) * v // 255)
    vignette = Image.radial_gradient("L").resize(size, Image.Resampling.BILINEAR)
    vignette = vignette.point(lambda v: 255 - max(0, v - 150) // 2)
    return ImageChops.multiply(linear, vignette)


def _perspective(
    page: Image.Image,
    rng: random.Random,
    out_size: tuple[int, int],
    inward: float,
    outward: float,
    fill: RGB,
) -> Image.Image:
    """Map a jittered quadrilateral around the page onto the output: a tilted, keystoned sheet.

    Corners pushed outwards (negative offsets) show the desk around the sheet (`fill`);
    pushed inwards they crop it, as a scanner app does.
    """
    width, height = page.size
    pad_x, pad_y = width * 0.06, height * 0.05
    tilt = rng.uniform(-0.025, 0.025) * height

    def offset(pad: float) -> float:
        return pad * rng.uniform(-outward, inward)

    corners = (
        offset(pad_x) + tilt,
        offset(pad_y),
        offset(pad_x) - tilt * 0.2,
        height - offset(pad_y),
        width - offset(pad_x) - tilt * 0.2,
        height - offset(pad_y),
        width - offset(pad_x) + tilt,
        offset(pad_y),
    )
    return page.transform(
        out_size, Image.Transform.QUAD, corners, resample=Image.Resampling.BILINEAR, fillcolor=fill
    )


def photograph(
    page: Image.Image, rng: random.Random, out_size: tuple[int, int], desk: RGB = (120, 104, 88)
) -> Image.Image:
    """A phone photo of the page lying on a desk: tilted, in perspective, unevenly lit, grainy."""
    photo = _perspective(page, rng, out_size, inward=0.3, outward=1.0, fill=desk)
    # Light, paper warmth and sensor grain combine into one multiplier: a single RGB pass.
    shade = ImageChops.add(
        _light(out_size, rng, darkest=rng.randint(150, 190)),
        _noise(out_size, rng, grain=2, amount=0.12),
        scale=1.0,
        offset=-128,
    )
    warmth = (255, 246, 226)
    channels = [shade.point(lambda v, k=k: v * k // 255) for k in warmth]
    return ImageChops.multiply(photo, Image.merge("RGB", channels))


def phone_scan(page: Image.Image, rng: random.Random, out_size: tuple[int, int]) -> Image.Image:
    """What a phone "scanner" app saves: cropped to the sheet, grey, contrast pushed, 16 greys.

    Few grey levels keep the PNG small, as such apps' output is.
    """
    sheet = _perspective(page, rng, out_size, inward=0.5, outward=0.0, fill=PAPER)
    grey = ImageOps.autocontrast(sheet.convert("L"), cutoff=(1, 0))
    grey = grey.point(lambda v: 255 if v > 215 else round(v * 0.85))
    return grey.quantize(colors=16, dither=Image.Dither.NONE)


def flatbed_scan(page: Image.Image, rng: random.Random, bilevel: bool) -> Image.Image:
    """A flatbed scan: grey (or black and white) with the small skew of a hand-placed sheet."""
    grey = page.convert("L")
    grey = grey.rotate(rng.uniform(-0.8, 0.8), resample=Image.Resampling.BILINEAR, fillcolor=255)
    grey = ImageOps.autocontrast(grey, cutoff=(1, 0))
    if bilevel:
        return grey.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)
    noise = _noise(grey.size, rng, grain=3, amount=0.06)
    return ImageChops.add(grey, noise, scale=1.0, offset=-128)

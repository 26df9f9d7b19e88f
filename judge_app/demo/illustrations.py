"""Pictures entrants put in their essays, drawn with Pillow so the demo ships no image files.

Essays in this contest are expected to carry illustrations ("hình ảnh minh hoạ"); a laptop
showing the city portal, a diagram of the steps, and a screenshot kept as a supporting document
("tư liệu") are what entrants typically paste. They are flat drawings, so PNG keeps them small.
Drawing is deterministic: no randomness, fonts from the bundled Liberation set.
"""

from __future__ import annotations

import functools
import io
import math

from PIL import Image, ImageDraw, ImageFont

from judge_app.paths import fonts_dir

PORTAL_URL = "dichvucong.hanoi.gov.vn"
PORTAL_RED = (176, 28, 36)


@functools.lru_cache(maxsize=32)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    return ImageFont.truetype(str(fonts_dir() / name), size, layout_engine=ImageFont.Layout.BASIC)


def _star(cx: int, cy: int, radius: int) -> list[tuple[float, float]]:
    """A five-pointed star (the banner's emblem); no font we ship has the ★ glyph."""
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.42
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _portal_screen(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], scale: float) -> None:
    """The portal's home page as a flat mock-up: address bar, red banner, service tiles."""
    left, top, right, bottom = box
    width = right - left

    def px(value: float) -> int:
        return round(value * scale)

    draw.rectangle(box, fill=(250, 250, 250))
    # Browser address bar.
    draw.rectangle((left, top, right, top + px(34)), fill=(226, 229, 234))
    draw.rounded_rectangle(
        (left + px(60), top + px(6), right - px(20), top + px(28)), radius=px(10), fill="white"
    )
    draw.text(
        (left + px(72), top + px(17)),
        "https://" + PORTAL_URL,
        fill=(40, 40, 40),
        font=_font(px(15)),
        anchor="lm",
    )
    for i, colour in enumerate(((236, 95, 90), (245, 190, 80), (98, 196, 98))):
        draw.ellipse(
            (left + px(10 + 16 * i), top + px(12), left + px(20 + 16 * i), top + px(22)),
            fill=colour,
        )
    # Banner.
    banner_bottom = top + px(100)
    draw.rectangle((left, top + px(34), right, banner_bottom), fill=PORTAL_RED)
    draw.ellipse((left + px(16), top + px(44), left + px(62), top + px(90)), fill=(250, 204, 60))
    draw.polygon(_star(left + px(39), top + px(67), px(16)), fill=PORTAL_RED)
    draw.text(
        (left + px(76), top + px(52)),
        "CỔNG DỊCH VỤ CÔNG TRỰC TUYẾN",
        fill="white",
        font=_font(px(19), bold=True),
        anchor="lm",
    )
    draw.text(
        (left + px(76), top + px(80)),
        "THÀNH PHỐ HÀ NỘI",
        fill=(255, 228, 150),
        font=_font(px(16), bold=True),
        anchor="lm",
    )
    # Search box.
    sy = banner_bottom + px(16)
    draw.rounded_rectangle(
        (left + px(30), sy, right - px(30), sy + px(30)),
        radius=px(6),
        outline=(180, 180, 180),
        fill="white",
    )
    draw.text(
        (left + px(42), sy + px(15)),
        "Tìm kiếm thủ tục hành chính…",
        fill=(150, 150, 150),
        font=_font(px(14)),
        anchor="lm",
    )
    # Service tiles.
    tiles = ("Nộp hồ sơ", "Tra cứu hồ sơ", "Thanh toán", "Đánh giá")
    colours = ((32, 110, 190), (40, 150, 110), (230, 140, 30), (130, 80, 170))
    ty = sy + px(48)
    gap = px(14)
    tile_w = (width - px(60) - gap * 3) // 4
    for i, (label, colour) in enumerate(zip(tiles, colours, strict=True)):
        tx = left + px(30) + i * (tile_w + gap)
        draw.rounded_rectangle((tx, ty, tx + tile_w, ty + px(78)), radius=px(8), fill=colour)
        cx, cy = tx + tile_w // 2, ty + px(24)
        draw.ellipse((cx - px(14), cy - px(14), cx + px(14), cy + px(14)), fill="white")
        draw.rectangle(
            (cx - px(6), cy - px(8), cx + px(6), cy + px(8)), outline=colour, width=max(1, px(2))
        )
        draw.text(
            (tx + tile_w // 2, ty + px(58)),
            label,
            fill="white",
            font=_font(px(14), True),
            anchor="mm",
        )
    # A list of procedures.
    ly = ty + px(96)
    rows = (
        "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc – Mức độ 4",
        "Chuyển trường đối với học sinh trung học cơ sở – Mức độ 3",
        "Đăng ký khai sinh – Mức độ 3",
        "Cấp phiếu lý lịch tư pháp – Mức độ 3",
        "Tuyển sinh trực tuyến đầu cấp – Mức độ 3",
        "Xác nhận thông tin hộ gia đình – Mức độ 3",
    )
    for i, text in enumerate(rows):
        y = ly + i * px(26)
        if y + px(20) > bottom:
            break
        draw.rectangle((left + px(30), y + px(6), left + px(38), y + px(14)), fill=PORTAL_RED)
        draw.text(
            (left + px(48), y + px(10)), text, fill=(50, 50, 50), font=_font(px(14)), anchor="lm"
        )


@functools.lru_cache(maxsize=1)
def portal_laptop() -> bytes:
    """A laptop on a desk showing the city portal: the picture most essays paste in."""
    width, height = 900, 560
    image = Image.new("RGB", (width, height), (214, 232, 246))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 430, width, height), fill=(196, 160, 120))  # desk
    draw.rounded_rectangle((150, 40, 750, 420), radius=22, fill=(52, 56, 64))  # lid
    _portal_screen(draw, (172, 62, 728, 398), scale=0.92)
    draw.polygon([(100, 420), (800, 420), (860, 470), (40, 470)], fill=(160, 166, 176))  # base
    draw.rounded_rectangle((380, 432, 520, 452), radius=6, fill=(128, 134, 146))  # touchpad
    # A potted plant and a cup make it a picture rather than a diagram.
    draw.rectangle((790, 370, 840, 430), fill=(200, 90, 60))
    draw.ellipse((770, 300, 860, 385), fill=(70, 150, 80))
    draw.rounded_rectangle((60, 380, 110, 440), radius=8, fill="white", outline=(120, 120, 120))
    draw.arc((100, 392, 128, 420), start=-90, end=90, fill=(120, 120, 120), width=4)
    return _png(image)


def _arrow(
    draw: ImageDraw.ImageDraw, x1: int, x2: int, y: int, colour: tuple[int, int, int]
) -> None:
    draw.line((x1, y, x2 - 12, y), fill=colour, width=6)
    draw.polygon([(x2, y), (x2 - 18, y - 12), (x2 - 18, y + 12)], fill=colour)


@functools.lru_cache(maxsize=1)
def steps_diagram() -> bytes:
    """The four steps of an online application as boxes and arrows."""
    width, height = 960, 300
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text(
        (width // 2, 34),
        "CÁC BƯỚC NỘP HỒ SƠ TRỰC TUYẾN",
        fill=PORTAL_RED,
        font=_font(26, bold=True),
        anchor="mm",
    )
    steps = (
        ("1", "Đăng ký", "tài khoản"),
        ("2", "Chọn thủ tục,", "điền tờ khai"),
        ("3", "Nộp hồ sơ,", "lệ phí"),
        ("4", "Nhận kết quả", "qua mạng/bưu điện"),
    )
    colours = ((32, 110, 190), (40, 150, 110), (230, 140, 30), (176, 28, 36))
    box_w, gap, top = 190, 46, 90
    for i, ((number, line1, line2), colour) in enumerate(zip(steps, colours, strict=True)):
        x = 28 + i * (box_w + gap)
        draw.rounded_rectangle((x, top, x + box_w, top + 160), radius=16, fill=colour)
        draw.ellipse((x + box_w // 2 - 22, top + 12, x + box_w // 2 + 22, top + 56), fill="white")
        draw.text(
            (x + box_w // 2, top + 34), number, fill=colour, font=_font(26, True), anchor="mm"
        )
        draw.text(
            (x + box_w // 2, top + 90), line1, fill="white", font=_font(20, True), anchor="mm"
        )
        draw.text((x + box_w // 2, top + 120), line2, fill="white", font=_font(17), anchor="mm")
        if i < len(steps) - 1:
            _arrow(draw, x + box_w + 6, x + box_w + gap - 6, top + 80, (90, 90, 90))
    draw.text((width // 2, 278), PORTAL_URL, fill=(90, 90, 90), font=_font(18), anchor="mm")
    return _png(image)


@functools.lru_cache(maxsize=1)
def portal_screenshot() -> bytes:
    """A full-window screenshot of the portal, sent as a supporting document ("tư liệu")."""
    width, height = 1100, 680
    image = Image.new("RGB", (width, height), (240, 240, 240))
    draw = ImageDraw.Draw(image)
    _portal_screen(draw, (0, 0, width, height - 34), scale=1.6)
    draw.rectangle((0, height - 34, width, height), fill=(40, 44, 52))  # taskbar
    draw.text(
        (width - 16, height - 17), "20:41  18/08/2019", fill="white", font=_font(15), anchor="rm"
    )
    return _png(image)


FIGURES = {
    "laptop": portal_laptop,
    "quy_trinh": steps_diagram,
}

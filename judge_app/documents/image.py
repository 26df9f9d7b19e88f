"""Photos and scans (JPEG, PNG, TIFF incl. multi-page, BMP, GIF, WEBP, HEIC when a reader is
installed) over Pillow.

Photos are shown upright by their EXIF orientation, as the phone showed them. A 12-megapixel
photo is decoded at the size the screen needs (JPEG's DCT scaling via `draft()`), not in full:
that is the difference between 20 ms and 200 ms per page. The pixel limit is checked from the
header, before anything is decoded, so a 30,000 × 30,000 image costs nothing.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageFile, UnidentifiedImageError

from judge_app.documents.limits import Limits
from judge_app.documents.model import DocKind, DocumentFacts, PageImage, Problem
from judge_app.documents.problems import (
    CORRUPT,
    TOO_MANY_PAGES,
    TOO_MANY_PIXELS,
    TRUNCATED,
    UNSUPPORTED_FORMAT,
    UnreadableError,
    detail,
)

DEFAULT_DPI = 150.0
_PROBE_MAX_PIXELS = 4_000_000  # scans and photos without a usable DPI: A4 at 150 dpi is 1240 × 1754
_ORIENTATION_TAG = 0x0112
# EXIF orientation -> the transpose that makes the image upright.
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# The judge's clockwise rotation -> Pillow's (counter-clockwise) transpose.
_CLOCKWISE = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}


def heif_available() -> bool:
    """True when pillow-heif is installed and registered (HEIC photos from iPhones)."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


class _Frame:
    """What is known of one page (frame) without decoding it."""

    def __init__(self, width: int, height: int, orientation: int, dpi: tuple[float, float]):
        self.width = width
        self.height = height
        self.orientation = orientation
        turned = orientation in (5, 6, 7, 8)
        up_w, up_h = (height, width) if turned else (width, height)
        dpi_x, dpi_y = (dpi[1], dpi[0]) if turned else dpi
        self.size_pt = (round(up_w * 72.0 / dpi_x, 2), round(up_h * 72.0 / dpi_y, 2))


def _dpi(image: Image.Image) -> tuple[float, float]:
    """The image's DPI when believable, else 150: phones write 72 dpi on 4000-px photos."""
    raw = image.info.get("dpi")
    try:
        x, y = float(raw[0]), float(raw[1])  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return (DEFAULT_DPI, DEFAULT_DPI)
    if not (96 <= x <= 1200 and 96 <= y <= 1200):
        return (DEFAULT_DPI, DEFAULT_DPI)
    # PNG stores dots per metre: 144 dpi comes back as 143.9896.
    return (
        round(x, 1) if abs(x - round(x)) > 0.05 else round(x),
        round(y, 1) if abs(y - round(y)) > 0.05 else round(y),
    )


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(_ORIENTATION_TAG, 1)
    except Exception:  # a broken EXIF block must not hide a readable photo
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _open(path: Path) -> Image.Image:
    """Image.open with the pixel bomb check left to us (raised as UnreadableError, not a warning).

    Pillow's own check (MAX_IMAGE_PIXELS) is off while the header is read: our limit, checked
    right after from the header's size, names the size in the reason.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        pillow_limit = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = None
        try:
            return Image.open(path)
        except Image.DecompressionBombError as error:
            raise UnreadableError(CORRUPT, detail=detail(error)) from error
        except UnidentifiedImageError as error:
            fmt = _magic_name(path)
            if fmt == "HEIC" and not heif_available():  # with a reader, it is damaged
                raise UnreadableError(UNSUPPORTED_FORMAT, format="HEIC") from error
            raise UnreadableError(CORRUPT, detail=detail(error)) from error
        except (OSError, ValueError, SyntaxError) as error:
            raise UnreadableError(CORRUPT, detail=detail(error)) from error
        finally:
            Image.MAX_IMAGE_PIXELS = pillow_limit


def _magic_name(path: Path) -> str | None:
    from judge_app.documents.sniff import HEAD_BYTES, image_format

    with path.open("rb") as handle:
        return image_format(handle.read(HEAD_BYTES))


class ImageDocument:
    """An image file; each frame of a multi-page TIFF is a page."""

    kind = DocKind.IMAGE

    def __init__(
        self,
        path: Path,
        *,
        limits: Limits | None = None,
        notes: list[Problem] | None = None,
    ) -> None:
        self.path = Path(path)
        self.limits = limits or Limits()
        self._notes = list(notes or [])
        if _magic_name(self.path) == "HEIC" and not heif_available():
            raise UnreadableError(UNSUPPORTED_FORMAT, format="HEIC")
        self._frames: list[_Frame] = []
        self._truncated = False
        with _open(self.path) as image:
            self._format = image.format or "?"
            self.stored_pixels = image.size
            count = getattr(image, "n_frames", 1) if image.format == "TIFF" else 1
            shown = min(count, self.limits.max_pages)
            if count > shown:
                self._notes.append(
                    Problem(TOO_MANY_PAGES, {"pages": str(count), "shown": str(shown)})
                )
            for index in range(shown):
                if index:
                    try:
                        image.seek(index)
                    except (EOFError, OSError, ValueError):
                        break
                self._check_pixels(image.size)
                self._frames.append(
                    _Frame(image.size[0], image.size[1], _orientation(image), _dpi(image))
                )
            if not self._frames:
                raise UnreadableError(CORRUPT, detail="no image data")
        self._probe()

    def _check_pixels(self, size: tuple[int, int]) -> None:
        width, height = size
        if width <= 0 or height <= 0:
            raise UnreadableError(CORRUPT, detail=f"{width} × {height} pixels")
        if width * height > self.limits.max_image_pixels:
            raise UnreadableError(
                TOO_MANY_PIXELS,
                width=width,
                height=height,
                limit=self.limits.max_image_pixels // 1_000_000,
            )

    def _probe(self) -> None:
        """Decode page 1 at the smallest scale: a broken file fails at open, not mid-grading.

        Only where that is cheap: JPEG decodes at 1/8 scale; other formats decode in full, so
        large ones are left to the first render (a failure there shows on that page).
        """
        frame = self._frames[0]
        if self._format != "JPEG" and frame.width * frame.height > _PROBE_MAX_PIXELS:
            return
        try:
            self._decode(0, 64, 64)
        except UnreadableError:
            raise
        except OSError as error:
            if "truncated" not in str(error):
                raise UnreadableError(CORRUPT, detail=detail(error)) from error
            self._truncated = True  # show what arrived, and say the rest is missing
            self._notes.append(Problem(TRUNCATED))
            try:
                self._decode(0, 64, 64)
            except (OSError, ValueError) as again:
                raise UnreadableError(TRUNCATED) from again
        except (ValueError, SyntaxError, EOFError) as error:
            raise UnreadableError(CORRUPT, detail=detail(error)) from error

    @property
    def page_count(self) -> int:
        return len(self._frames)

    def page_size(self, index: int) -> tuple[float, float]:
        self._check(index)
        return self._frames[index].size_pt

    def render(self, index: int, zoom: float, rotation: int = 0) -> PageImage:
        self._check(index)
        width_pt, height_pt = self._frames[index].size_pt
        target_w = max(1, round(width_pt * zoom))
        target_h = max(1, round(height_pt * zoom))
        if target_w * target_h > self.limits.max_render_pixels:
            shrink = (self.limits.max_render_pixels / (target_w * target_h)) ** 0.5
            target_w, target_h = max(1, int(target_w * shrink)), max(1, int(target_h * shrink))
        image = self._decode(index, target_w, target_h)
        if rotation % 360 in _CLOCKWISE:
            image = image.transpose(_CLOCKWISE[rotation % 360])
        return PageImage(image.width, image.height, image.tobytes())

    def _decode(self, index: int, width: int, height: int) -> Image.Image:
        """Frame `index`, upright, RGB, exactly width × height (upright) pixels."""
        frame = self._frames[index]
        turned = frame.orientation in (5, 6, 7, 8)
        stored_w, stored_h = (height, width) if turned else (width, height)
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = self._truncated
        try:
            with _open(self.path) as image:
                if index:
                    image.seek(index)
                if image.format == "JPEG":
                    image.draft(image.mode, (stored_w, stored_h))  # DCT scaling: 1/2, 1/4 or 1/8
                image.load()
                picture = _to_rgb(image)
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous
        if frame.orientation in _UPRIGHT:
            picture = picture.transpose(_UPRIGHT[frame.orientation])
        if picture.size != (width, height):
            picture = picture.resize((width, height), Image.Resampling.BILINEAR, reducing_gap=2.0)
        return picture

    def text(self, index: int) -> str:
        self._check(index)
        return ""

    def facts(self) -> DocumentFacts:
        try:
            size = self.path.stat().st_size
        except OSError:
            size = 0
        return DocumentFacts(
            path=self.path,
            kind=DocKind.IMAGE,
            size_bytes=size,
            page_count=self.page_count,
            page_sizes_pt=[frame.size_pt for frame in self._frames],
            has_text=False,
            text_chars=0,
            fonts=[],
            image_pixels=self.stored_pixels,
            problems=list(self._notes),
        )

    def close(self) -> None:
        """Nothing is held open: each render reopens the file (cheap: a header parse)."""

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self._frames):
            raise IndexError(f"page {index} of {len(self._frames)}")


def _to_rgb(image: Image.Image) -> Image.Image:
    """RGB on white: transparent PNGs, palettes, CMYK scans, 16-bit and 1-bit TIFFs alike."""
    if image.mode == "RGB":
        return image.copy()
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.convert("I").point(lambda v: v * (1 / 256)).convert("L").convert("RGB")
    return image.convert("RGB")

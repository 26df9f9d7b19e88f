"""Removing what a photo says about its author (EXIF with GPS, XMP, IPTC, comments) from images.

JPEG and PNG are filtered byte-wise: metadata segments (JPEG APPn/COM) and chunks (PNG tEXt…)
are dropped and everything else is copied as it is, so the pixels stay bit-identical and the
same input always gives the same bytes. Re-encoding a JPEG would lose quality every time.

The exception is a photo whose EXIF says "turn me" (Orientation ≠ 1): removing the EXIF would
show it sideways, and turning JPEG pixels without decoding them is not possible in general,
so such a photo is decoded, turned upright and re-encoded (quality 95). Inside a DOCX the
picture's frame size is fixed by the document, so there the bytes are filtered instead and a
minimal EXIF holding only the orientation is written back (nothing else is kept).

TIFF, WEBP, HEIC/AVIF, BMP and GIF carry metadata in too many places to filter safely by hand:
they are decoded, turned upright and saved again by Pillow with no metadata but the colour
profile and resolution. The pixel limit is checked from the header before anything is decoded.
"""

from __future__ import annotations

import io
import struct
import warnings

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from judge_app.documents.image import heif_available
from judge_app.documents.limits import Limits
from judge_app.documents.problems import (
    CORRUPT,
    TOO_MANY_PIXELS,
    TRUNCATED,
    UNSUPPORTED_FORMAT,
    UnreadableError,
    detail,
)
from judge_app.documents.sniff import image_format

_ORIENTATION = 0x0112
_GPS_IFD = 0x8825
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_DROPPED = {b"tEXt": "png:text", b"iTXt": "png:text", b"zTXt": "png:text"}
_PNG_DROPPED |= {b"eXIf": "png:exif", b"tIME": "png:time"}
# Pillow's save options that are pictures, not metadata: kept when an image is saved again.
_KEPT_INFO = ("icc_profile", "dpi", "duration", "loop", "transparency", "background")
_PILLOW_FORMAT = {"HEIC": "HEIF"}
_FRAMES_BUDGET = 4  # decoded frames held at once, in units of the one-picture pixel limit
_TIFF_WRITABLE = {
    "raw",
    "tiff_lzw",
    "tiff_deflate",
    "tiff_adobe_deflate",
    "packbits",
    "group3",
    "group4",
}


def clean_image(data: bytes, limits: Limits) -> tuple[bytes, list[str]]:
    """The image without metadata, and labels of what was removed ("jpeg:exif-gps"…)."""
    fmt = image_format(data[:64])
    if fmt == "JPEG":
        stripped, removed, orientation = strip_jpeg(data)
        if orientation == 1:
            return stripped, removed
        return _resave(data, fmt, limits), [*removed, "jpeg:orientation-applied"]
    if fmt == "PNG":
        stripped, removed, orientation = strip_png(data)
        if orientation == 1:
            return stripped, removed
        return _resave(data, fmt, limits), [*removed, "png:orientation-applied"]
    if fmt in {"TIFF", "WEBP", "HEIC", "AVIF", "BMP", "GIF"}:
        return _resave(data, fmt, limits), [f"{fmt.lower()}:metadata"]
    raise UnreadableError(UNSUPPORTED_FORMAT, format=fmt or "?")


def clean_embedded_picture(data: bytes) -> tuple[bytes, list[str]] | None:
    """A DOCX picture filtered byte-wise (pixels and frame unchanged); None for other formats."""
    fmt = image_format(data[:64])
    if fmt == "JPEG":
        stripped, removed, _ = strip_jpeg(data, keep_orientation=True)
        return stripped, removed
    if fmt == "PNG":
        stripped, removed, _ = strip_png(data)
        return stripped, removed
    return None


# JPEG ------------------------------------------------------------------------------------------


def strip_jpeg(data: bytes, keep_orientation: bool = False) -> tuple[bytes, list[str], int]:
    """JPEG bytes without APP1 (EXIF, XMP), APP13 (IPTC), COM and other metadata segments.

    Returns the bytes, the labels removed and the EXIF orientation (1 when there is none).
    Kept: APP0 (JFIF), APP2 ICC_PROFILE (colours), APP14 (Adobe colour transform) and every
    segment the decoder needs. Bytes after the end-of-image marker (phones append depth maps
    and thumbnails there, each with its own EXIF) are dropped.
    """
    if not data.startswith(b"\xff\xd8"):
        raise UnreadableError(CORRUPT, detail="no JPEG start marker")
    out = bytearray(b"\xff\xd8")
    exif_at = 2  # a kept orientation goes after SOI and a leading APP0
    removed: list[str] = []
    orientation = 1
    pos, size, scanned = 2, len(data), False
    while True:
        if pos >= size:
            if not scanned:
                raise UnreadableError(TRUNCATED)
            break  # a photo cut short after its pixels began: keep what there is
        if data[pos] != 0xFF:
            raise UnreadableError(CORRUPT, detail=f"no JPEG marker at byte {pos}")
        while pos < size and data[pos] == 0xFF:  # fill bytes
            pos += 1
        if pos >= size:
            raise UnreadableError(TRUNCATED)
        marker = data[pos]
        pos += 1
        if marker == 0xD9:  # end of image
            out += b"\xff\xd9"
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            out += bytes((0xFF, marker))
            continue
        if pos + 2 > size:
            raise UnreadableError(TRUNCATED)
        length = int.from_bytes(data[pos : pos + 2], "big")
        if length < 2 or pos + length > size:
            raise UnreadableError(TRUNCATED if pos + length > size else CORRUPT, detail="segment")
        payload = data[pos + 2 : pos + length]
        segment = bytes((0xFF, marker)) + data[pos : pos + length]
        pos += length
        labels = _jpeg_metadata(marker, payload)
        if labels is None:
            out += segment
            if marker == 0xE0 and exif_at == 2 and len(out) == 2 + len(segment):
                exif_at = len(out)
        else:
            removed.extend(label for label in labels if label not in removed)
            if marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
                orientation = _exif_facts(payload[6:], removed, "jpeg")
        if marker == 0xDA:  # start of scan: entropy-coded data runs to the next real marker
            end = _scan_end(data, pos)
            out += data[pos:end]
            pos, scanned = end, True
    if pos < size:
        removed.append("jpeg:trailer")
    if keep_orientation and orientation != 1:
        exif = Image.Exif()
        exif[_ORIENTATION] = orientation
        payload = exif.tobytes()
        out[exif_at:exif_at] = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return bytes(out), removed, orientation


def _jpeg_metadata(marker: int, payload: bytes) -> list[str] | None:
    """Labels when the segment is metadata to drop; None when the decoder may need it."""
    if marker == 0xE1:
        if payload.startswith(b"Exif\x00\x00"):
            return ["jpeg:exif"]
        if payload.startswith(b"http://ns.adobe.com/"):
            return ["jpeg:xmp"]
        return ["jpeg:app1"]
    if marker == 0xED:
        return ["jpeg:iptc"]
    if marker == 0xFE:
        return ["jpeg:comment"]
    if marker == 0xE2:
        return None if payload.startswith(b"ICC_PROFILE\x00") else ["jpeg:app2"]
    if 0xE0 < marker <= 0xEF and marker != 0xEE:
        return [f"jpeg:app{marker - 0xE0}"]
    return None


def _exif_facts(tiff: bytes, removed: list[str], prefix: str) -> int:
    """The orientation in an EXIF block; adds "<prefix>:exif-gps" when it held a position."""
    exif = Image.Exif()
    try:
        exif.load(tiff)
        has_gps = bool(exif.get(_GPS_IFD)) or bool(exif.get_ifd(_GPS_IFD))
        orientation = int(exif.get(_ORIENTATION, 1))
    except (SyntaxError, ValueError, TypeError, KeyError, struct.error, OSError):
        return 1  # a malformed EXIF block is dropped all the same; it cannot turn the photo
    if has_gps and f"{prefix}:exif-gps" not in removed:
        removed.append(f"{prefix}:exif-gps")
    return orientation if orientation in range(1, 9) else 1


def _scan_end(data: bytes, pos: int) -> int:
    """Where the entropy-coded data that starts at `pos` ends (the next marker, or the end)."""
    size = len(data)
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= size:
            return size
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # stuffed byte, restart marker
            pos += 2
        elif following == 0xFF:
            pos += 1
        else:
            return pos


# PNG -------------------------------------------------------------------------------------------


def strip_png(data: bytes) -> tuple[bytes, list[str], int]:
    """PNG bytes without tEXt/iTXt/zTXt/eXIf/tIME chunks; the eXIf orientation (1 if none)."""
    if not data.startswith(_PNG_SIGNATURE):
        raise UnreadableError(CORRUPT, detail="no PNG signature")
    out = bytearray(_PNG_SIGNATURE)
    removed: list[str] = []
    orientation = 1
    pos, size = len(_PNG_SIGNATURE), len(data)
    while pos < size:
        if pos + 8 > size:
            raise UnreadableError(TRUNCATED)
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > size:
            raise UnreadableError(TRUNCATED)
        label = _PNG_DROPPED.get(kind)
        if label is None:
            out += data[pos:end]
        else:
            if label not in removed:
                removed.append(label)
            if kind == b"eXIf":
                orientation = _exif_facts(data[pos + 8 : pos + 8 + length], removed, "png")
        pos = end
        if kind == b"IEND":
            break
    if pos < size:
        removed.append("png:trailer")
    return bytes(out), removed, orientation


# Everything else: decoded and saved again -------------------------------------------------------


def _resave(data: bytes, fmt: str, limits: Limits) -> bytes:
    """The image decoded, turned upright and saved in its own format with no metadata."""
    if fmt in {"HEIC", "AVIF"} and not heif_available():
        raise UnreadableError(UNSUPPORTED_FORMAT, format=fmt)
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            frames_count = int(getattr(image, "n_frames", 1))
            # Every frame is held decoded until the save: a multi-page scan gets four times
            # the one-picture budget, which still fits the sandbox's memory.
            if width * height > limits.max_image_pixels or (
                frames_count * width * height > _FRAMES_BUDGET * limits.max_image_pixels
            ):
                raise UnreadableError(
                    TOO_MANY_PIXELS,
                    width=width,
                    height=height,
                    limit=limits.max_image_pixels // 1_000_000,
                )
            with warnings.catch_warnings():  # our own pixel limit was checked above
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                frames = [_upright_frame(frame) for frame in ImageSequence.Iterator(image)]
                compression = str(image.info.get("compression", "raw"))
            out = io.BytesIO()
            first, rest = frames[0], frames[1:]
            options = _save_options(fmt, first, data, compression)
            if rest:
                options |= {"save_all": True, "append_images": rest}
            first.save(out, format=_PILLOW_FORMAT.get(fmt, fmt), **options)
    except UnreadableError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        SyntaxError,
        EOFError,
        struct.error,
    ) as exc:
        raise UnreadableError(CORRUPT, detail=detail(exc)) from exc
    return out.getvalue()


def _upright_frame(frame: Image.Image) -> Image.Image:
    """A copy of `frame` turned by its EXIF orientation, its metadata left behind.

    The frame itself is passed, not a copy: a copy forgets a TIFF's orientation tag.
    """
    upright = ImageOps.exif_transpose(frame)
    kept = {key: upright.info[key] for key in _KEPT_INFO if key in upright.info}
    upright.info.clear()
    upright.info.update(kept)
    return upright


def _save_options(fmt: str, image: Image.Image, data: bytes, compression: str) -> dict[str, object]:
    """Encoder options that keep the picture's look (quality, colours, resolution)."""
    options: dict[str, object] = {"exif": b""}
    if "icc_profile" in image.info:
        options["icc_profile"] = image.info["icc_profile"]
    if "dpi" in image.info and fmt in {"JPEG", "PNG", "TIFF", "BMP"}:
        options["dpi"] = image.info["dpi"]
    if fmt in {"JPEG", "HEIC", "AVIF"}:
        options["quality"] = 95
    elif fmt == "WEBP":
        options |= {"lossless": True} if _webp_lossless(data) else {"quality": 95}
    elif fmt == "TIFF":
        if compression not in _TIFF_WRITABLE or (
            compression in {"group3", "group4"} and image.mode != "1"
        ):
            compression = "tiff_lzw"
        options["compression"] = compression
    for key in ("duration", "loop", "transparency", "background"):
        if key in image.info and fmt in {"GIF", "WEBP"}:
            options[key] = image.info[key]
    if fmt in {"GIF", "BMP", "HEIC", "AVIF"}:  # no EXIF written; pillow-heif refuses b""
        del options["exif"]
    return options


def _webp_lossless(data: bytes) -> bool:
    """True when the WEBP's picture is stored lossless (a VP8L chunk, not VP8)."""
    pos = 12
    while pos + 8 <= len(data):
        fourcc, size = data[pos : pos + 4], int.from_bytes(data[pos + 4 : pos + 8], "little")
        if fourcc in {b"VP8 ", b"VP8L"}:
            return fourcc == b"VP8L"
        pos += 8 + size + (size & 1)
    return False

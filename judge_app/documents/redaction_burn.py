"""Burning the head judge's redaction boxes into a judge's copy, so what is under them is gone.

A box is a rectangle on one page, in fractions (0–1) of the page as the viewer shows it before
the judge turns it (a PDF page with its own /Rotate applied, a photo upright by its EXIF
orientation, a DOCX page as our converter lays it out). `burn_boxes` edits a copy that
`cleaning.clean_copy` (and `redaction.redact_copy`) already wrote:

- PDF: each box becomes a redaction annotation, applied at once: the characters under it leave
  the text layer, the pixels of pictures under it are blanked, line art it covers is removed,
  and a black box is painted. Saved with garbage collection, so no unused object keeps them.
- Image: the copy is decoded, turned upright (a no-op after cleaning, kept so the boxes land
  where the viewer drew them whatever the copy says) and black rectangles are painted into the
  pixels of each page (a TIFF's frames are pages). JPEG is saved again with its own quantisation
  tables ("keep"), so the rest of the photo loses as little as a re-encode can; PNG and TIFF are
  lossless; other formats (WEBP, HEIC, GIF, BMP) become PNG.
- DOCX: a DOCX has no pages of its own, and a box drawn on a page of our rendering cannot be put
  back into flowing text. So a DOCX with boxes reaches the judge as the PDF our converter
  (`docx_pdf`) makes of the (already redacted) copy, with the boxes burned in as for a PDF.
  The judge then sees exactly the pages the head judge drew on; the cost is that the copy is a
  PDF (its format badge says PDF) and the DOCX's own fonts are no longer inspectable.

Every box is burned or the copy fails: a page that does not exist in the copy (a file replaced
since the boxes were drawn) is a failure, never a silent skip, since the box may be hiding a
name. PyMuPDF is not thread-safe: callers run this from one worker (package creation, or the
preview's operation), never from the GUI thread; `BURN_LOCK` keeps two such workers apart.
"""

from __future__ import annotations

import io
import math
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from judge_app.documents.model import DocKind, Problem
from judge_app.documents.problems import detail
from judge_app.documents.sniff import sniff
from judge_app.fileio import write_atomically

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["BURN_LOCK", "BurnReport", "PageBox", "burn_boxes"]

BURN_LOCK = threading.Lock()
_LOSSLESS_SAVES = {"PNG", "TIFF"}
_TIFF_WRITABLE = {"raw", "tiff_lzw", "tiff_deflate", "tiff_adobe_deflate", "packbits"}


@dataclass(frozen=True, slots=True)
class PageBox:
    """One box: `page` from 0, corners in fractions of the shown (upright) page."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class BurnReport:
    """What `burn_boxes` did. `path` is where the burned copy is now (a DOCX copy becomes a PDF
    beside it, an exotic image a PNG); `kind` its kind. `failed` when `problems` says why nothing
    usable was written (the copy must then go to nobody)."""

    path: Path
    kind: DocKind
    boxes: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def burn_boxes(copy: Path, boxes: Sequence[PageBox]) -> BurnReport:
    """Burn `boxes` into the judge's copy at `copy`; see the module's notes."""
    copy = Path(copy)
    try:
        kind = sniff(copy)
    except OSError as exc:
        return _failed(copy, DocKind.UNKNOWN, exc.strerror or str(exc))
    if not boxes:
        return BurnReport(copy, kind, 0)
    with BURN_LOCK:
        if kind is DocKind.PDF:
            return _burn_pdf(copy, copy.read_bytes(), boxes, copy)
        if kind is DocKind.DOCX:
            return _burn_docx(copy, boxes)
        if kind is DocKind.IMAGE:
            return _burn_image(copy, boxes)
    return _failed(copy, kind, "redaction_box_kind")


def _failed(path: Path, kind: DocKind, reason: str) -> BurnReport:
    return BurnReport(path, kind, 0, [Problem("redaction_burn_failed", {"reason": reason})])


def _missing_page(boxes: Sequence[PageBox], pages: int) -> PageBox | None:
    return next((box for box in boxes if not 0 <= box.page < pages), None)


# PDF -------------------------------------------------------------------------------------------


def _burn_pdf(source: Path, data: bytes, boxes: Sequence[PageBox], target: Path) -> BurnReport:
    import pymupdf  # off the start-up path

    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        return _failed(source, DocKind.PDF, detail(exc))
    try:
        if doc.needs_pass:
            return _failed(source, DocKind.PDF, "encrypted")
        missing = _missing_page(boxes, doc.page_count)
        if missing is not None:
            return _failed(source, DocKind.PDF, f"page {missing.page + 1} / {doc.page_count}")
        for number in sorted({box.page for box in boxes}):
            page = doc.load_page(number)
            shown = page.rect  # upright: the page's own /Rotate applied, as the viewer shows it
            for box in (b for b in boxes if b.page == number):
                upright = pymupdf.Rect(
                    shown.x0 + box.x0 * shown.width,
                    shown.y0 + box.y0 * shown.height,
                    shown.x0 + box.x1 * shown.width,
                    shown.y0 + box.y1 * shown.height,
                )
                # Annotations live in the unrotated page's coordinates.
                page.add_redact_annot(
                    (upright * page.derotation_matrix).normalize(), fill=(0, 0, 0)
                )
            page.apply_redactions(
                # The stubs lack these constants.
                images=pymupdf.PDF_REDACT_IMAGE_PIXELS,  # type: ignore[attr-defined]
                graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED,  # type: ignore[attr-defined]
                text=pymupdf.PDF_REDACT_TEXT_REMOVE,  # type: ignore[attr-defined]
            )
        burned: bytes = doc.tobytes(garbage=3, deflate=True)
    except RuntimeError as exc:  # MuPDF's errors on a damaged file
        return _failed(source, DocKind.PDF, detail(exc))
    finally:
        doc.close()
    write_atomically(target, burned)
    return BurnReport(target, DocKind.PDF, len(boxes))


# DOCX ------------------------------------------------------------------------------------------


def _burn_docx(copy: Path, boxes: Sequence[PageBox]) -> BurnReport:
    """The DOCX copy as our converter's PDF, boxes burned; the DOCX copy is removed."""
    from judge_app.core.errors import JudgeAppError
    from judge_app.documents.docx_pdf import convert_docx

    try:
        conversion = convert_docx(copy)
    except JudgeAppError as exc:
        return _failed(copy, DocKind.DOCX, str(exc.params.get("reason") or exc.code))
    target = copy.with_suffix(".pdf")
    report = _burn_pdf(copy, _without_metadata(conversion.pdf), boxes, target)
    if not report.failed and target != copy:
        copy.unlink()
    return report


def _without_metadata(pdf: bytes) -> bytes:
    """Our converter's PDF with no producer or dates: the judge's copy says nothing of when."""
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        doc.set_metadata({})
        doc.del_xml_metadata()
        data: bytes = doc.tobytes(garbage=3, deflate=True)
    return data


# Images ----------------------------------------------------------------------------------------


def _pixel_box(box: PageBox, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """The box in pixels, widened to whole pixels (inclusive corners for ImageDraw)."""
    width, height = size
    x0 = max(0, math.floor(box.x0 * width))
    y0 = max(0, math.floor(box.y0 * height))
    x1 = min(width, math.ceil(box.x1 * width)) - 1
    y1 = min(height, math.ceil(box.y1 * height)) - 1
    return x0, y0, max(x0, x1), max(y0, y1)


def _black(mode: str) -> int | tuple[int, ...]:
    return {"RGBA": (0, 0, 0, 255), "LA": (0, 255), "CMYK": (0, 0, 0, 255), "RGB": (0, 0, 0)}.get(
        mode, 0
    )


def _painted(frame: Image.Image, boxes: Sequence[PageBox]) -> Image.Image:
    from PIL import ImageDraw, ImageOps

    upright = ImageOps.exif_transpose(frame)
    if upright.mode in {"P", "PA"}:
        upright = upright.convert("RGBA" if "transparency" in upright.info else "RGB")
    elif upright is frame:
        upright = frame.copy()
    draw = ImageDraw.Draw(upright)
    for box in boxes:
        draw.rectangle(_pixel_box(box, upright.size), fill=_black(upright.mode))
    return upright


def _burn_image(copy: Path, boxes: Sequence[PageBox]) -> BurnReport:
    from PIL import Image, ImageSequence, UnidentifiedImageError  # off PageBox's import path

    data = copy.read_bytes()
    try:
        with warnings.catch_warnings():  # cleaning checked the pixel limit of this copy
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                fmt = image.format or "PNG"
                pages = int(getattr(image, "n_frames", 1)) if fmt == "TIFF" else 1
                missing = _missing_page(boxes, pages)
                if missing is not None:
                    return _failed(copy, DocKind.IMAGE, f"page {missing.page + 1} / {pages}")
                painted = []
                # The iterator hands back the same object seeked to each frame: copy each one.
                for number, frame in enumerate(ImageSequence.Iterator(image)):
                    if number >= pages:
                        break
                    mine = [box for box in boxes if box.page == number]
                    painted.append(_painted(frame, mine) if mine else frame.copy())
                out = io.BytesIO()
                target = copy
                if fmt == "JPEG":
                    _save_jpeg(image, painted[0], out)
                elif fmt in _LOSSLESS_SAVES:
                    options = _lossless_options(fmt, image)
                    if len(painted) > 1:
                        options |= {"save_all": True, "append_images": painted[1:]}
                    painted[0].save(out, format=fmt, **options)
                else:
                    painted[0].save(out, format="PNG")
                    target = copy.with_suffix(".png")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        return _failed(copy, DocKind.IMAGE, detail(exc))
    write_atomically(target, out.getvalue())
    if target != copy:
        copy.unlink()
    return BurnReport(target, DocKind.IMAGE, len(boxes))


def _save_jpeg(original: Image.Image, painted: Image.Image, out: io.BytesIO) -> None:
    """Saved again with the photo's own quantisation tables and subsampling when it has them."""
    options: dict[str, object] = {"quality": 95}
    tables = getattr(original, "quantization", None)
    if tables:
        options = {"qtables": tables, "subsampling": _subsampling(original)}
    if "icc_profile" in original.info:
        options["icc_profile"] = original.info["icc_profile"]
    if "dpi" in original.info:
        options["dpi"] = original.info["dpi"]
    image = painted if painted.mode in {"RGB", "L", "CMYK"} else painted.convert("RGB")
    image.save(out, format="JPEG", **options)


def _subsampling(image: Image.Image) -> int:
    from PIL import JpegImagePlugin

    value = JpegImagePlugin.get_sampling(image)
    return value if value >= 0 else 2


def _lossless_options(fmt: str, image: Image.Image) -> dict[str, object]:
    options: dict[str, object] = {}
    for key in ("icc_profile", "dpi"):
        if key in image.info:
            options[key] = image.info[key]
    if fmt == "TIFF":
        compression = str(image.info.get("compression", "raw"))
        options["compression"] = compression if compression in _TIFF_WRITABLE else "tiff_lzw"
    return options

"""Write the demo contest's entry files, as schools would have e-mailed them.

`judge-app demo DIR` calls `generate_demo_files` and imports the returned entries. The files
cover every form the documents and intake code must handle: typed DOCX (with cover pages,
tables, pictures, lists), text PDFs, phone photos and scans of handwriting, multi-page TIFF,
image-only PDF, two wrong formats, a late e-mail, an entry with two files.

Output is reproducible byte for byte: one fixed seed, each entry's randomness derived from its
own position and name (so entries do not disturb one another), fixed document dates and zip
timestamps. That lets tests compare hashes and lets the demo database reference stable files.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from judge_app.demo import handwriting as hand
from judge_app.demo import illustrations
from judge_app.demo.docx_writer import Cover, DocxLayout, DocxMeta, write_docx
from judge_app.demo.pdf_writer import A4, LETTER, PdfMeta, write_scanned_pdf, write_text_pdf
from judge_app.demo.roster import (
    DOCX,
    ENTRIES,
    PDF,
    PHONE_SCAN,
    PHOTO,
    SCAN_PDF,
    TIFF,
    PlannedEntry,
)
from judge_app.demo.spec import DemoEntry, DemoFile
from judge_app.demo.texts import ESSAYS, Block, Essay
from judge_app.paths import resources_dir

SEED = 20190820

PHOTO_SIZE = (1200, 1600)  # a phone photo scaled down by the messaging app
PHONE_SCAN_SIZE = (960, 1280)
TIFF_SIZE = (1240, 1754)  # A4 at 150 dpi
SCAN_PDF_SIZE = (827, 1169)  # A4 at 100 dpi
JPEG_QUALITY = 80
PILLOW_ONLY_FORMS = frozenset({PHOTO, PHONE_SCAN, TIFF})

INKS = {"purple": hand.INK_PURPLE, "blue": hand.INK_BLUE, "black": hand.INK_BLACK}
SKETCH_FOR_FIGURE = {"laptop": "house_computer", "quy_trinh": "phone_steps"}
# What a pupil draws when the essay itself has no picture (the rubric rewards illustrations).
DEFAULT_SKETCH = hand.HandItem("sketch", "phone_steps", "Hình vẽ: các bước làm thủ tục qua mạng")

FIGURES: dict[str, Callable[[], bytes]] = dict(illustrations.FIGURES)


@dataclass(frozen=True)
class _Unit:
    code: str
    name: str
    group: str


def _units() -> dict[str, _Unit]:
    """Unit names come from the demo contest definition, so covers match the database."""
    path = resources_dir() / "contest-sample.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {u["code"]: _Unit(u["code"], u["name"], u["group"]) for u in data["units"]}


def _blocks(essay: Essay, plan: PlannedEntry) -> list[Block]:
    for index in plan.skip:
        if not 0 <= index < len(essay.blocks):
            raise ValueError(f"{plan.name}: skip index {index} outside essay {essay.key}")
    return [block for i, block in enumerate(essay.blocks) if i not in plan.skip]


def _is_student(plan: PlannedEntry) -> bool:
    return plan.category != "staff"


def _signature(plan: PlannedEntry, unit: _Unit) -> str:
    if not plan.signature:
        return ""
    if _is_student(plan):
        return f"Học sinh: {plan.name} – Lớp {plan.class_or_role} – {unit.name}"
    return f"Người viết: {plan.name} – {plan.class_or_role}, {unit.name}"


def _cover(plan: PlannedEntry, unit: _Unit) -> Cover:
    born = plan.birth.strftime("%d/%m/%Y")
    if unit.group == "office":
        office, unit_line = "UBND QUẬN THANH XUÂN", unit.name.upper()
    else:
        office, unit_line = "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN THANH XUÂN", unit.name.upper()
    if _is_student(plan):
        lines = [
            f"Họ và tên: {plan.name}",
            f"Ngày sinh: {born}",
            f"Lớp: {plan.class_or_role}",
            f"Trường: {unit.name.removeprefix('Trường ')}",
        ]
    else:
        lines = [
            f"Họ và tên: {plan.name}",
            f"Ngày sinh: {born}",
            f"Chức vụ: {plan.class_or_role}",
            f"Đơn vị: {unit.name}",
        ]
    return Cover(office=office, unit_name=unit_line, lines=lines)


def _write_docx(plan: PlannedEntry, essay: Essay, unit: _Unit, folder: Path) -> list[DemoFile]:
    layout = DocxLayout(
        font=plan.font,
        size_pt=plan.size_pt,
        paper=plan.paper,
        cover=_cover(plan, unit) if plan.cover else None,
        pictures=plan.pictures,
        tables=plan.tables,
        answers_inline=plan.answers_inline,
        signature=_signature(plan, unit),
    )
    meta = DocxMeta(
        author=plan.author or plan.name,
        created=plan.written - dt.timedelta(hours=2, minutes=17),
        modified=plan.written,
        revision=3,
    )
    path = folder / plan.file_name
    write_docx(path, essay, _blocks(essay, plan), layout, meta, FIGURES)
    files = [DemoFile(path=path, original_name=plan.file_name, kind="docx")]
    if plan.support_file:
        support = folder / plan.support_file
        support.write_bytes(illustrations.portal_screenshot())
        files.append(DemoFile(path=support, original_name=plan.support_file, kind="image"))
    return files


def _write_pdf(plan: PlannedEntry, essay: Essay, unit: _Unit, folder: Path) -> list[DemoFile]:
    path = folder / plan.file_name
    meta = PdfMeta(
        author=plan.author or plan.name,
        creator=plan.creator,
        created=plan.written,
        title=essay.title,
    )
    write_text_pdf(
        path,
        essay,
        _blocks(essay, plan),
        meta,
        FIGURES,
        page_size=LETTER if plan.paper == "Letter" else A4,
        signature=_signature(plan, unit),
    )
    return [DemoFile(path=path, original_name=plan.file_name, kind="pdf")]


def _hand_items(essay: Essay, blocks: Sequence[Block]) -> list[hand.HandItem]:
    """Turn essay blocks into what a pupil copies onto paper: no tables, drawings for pictures."""
    items: list[hand.HandItem] = []
    number = 0
    for block in blocks:
        number = number + 1 if block.kind == "item" else 0
        if block.kind == "para":
            items.append(hand.HandItem("para", block.text))
        elif block.kind in ("heading", "line"):
            items.append(hand.HandItem("line", block.text))
        elif block.kind == "item":
            items.append(hand.HandItem("line", f"{number}. {block.text}"))
        elif block.kind == "answers":
            items.append(hand.HandItem("line", ";  ".join(essay.answer_lines())))
        elif block.kind == "figure":
            sketch = SKETCH_FOR_FIGURE.get(block.text, block.text)
            items.append(hand.HandItem("sketch", sketch, block.caption))
    if not any(item.kind == "sketch" for item in items):
        items.insert(max(1, len(items) // 2), DEFAULT_SKETCH)
    return items


def _hand_pages(
    plan: PlannedEntry, essay: Essay, size: tuple[int, int], default_px: int, rng: random.Random
) -> list[Image.Image]:
    scale = size[0] / PHOTO_SIZE[0]
    font_px = round((plan.hand_px or default_px) * scale)
    style = hand.HandStyle(
        font_px=font_px,
        line_px=round(font_px * 1.5),
        ink=INKS[plan.ink],
        wobble=max(0.8, font_px / 26),
    )
    return hand.write_pages(essay.title, _hand_items(essay, _blocks(essay, plan)), size, style, rng)


def _page_name(first: str, index: int) -> str:
    """Names of later pages: the camera's next timestamp, or "name (2).png" for others."""
    if index == 0:
        return first
    match = re.fullmatch(r"IMG_(\d{8})_(\d{6})(\.\w+)", first)
    if match:
        taken = dt.datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
        later = taken + dt.timedelta(seconds=38 * index + 3 * index * index)
        return f"IMG_{later:%Y%m%d_%H%M%S}{match[3]}"
    stem, dot, ext = first.rpartition(".")
    return f"{stem} ({index + 1}){dot}{ext}"


def _jpeg(image: Image.Image, quality: int, taken: dt.datetime | None = None) -> bytes:
    buffer = io.BytesIO()
    exif = Image.Exif()
    if taken is not None:
        # A phone's camera tags: when it was taken, and "upright" even for the sideways shot,
        # which is exactly the case a viewer cannot fix from EXIF and must let the user rotate.
        exif[0x0132] = taken.strftime("%Y:%m:%d %H:%M:%S")  # DateTime
        exif[0x0112] = 1  # Orientation: top-left
    image.save(buffer, format="JPEG", quality=quality, exif=exif.tobytes())
    return buffer.getvalue()


def _taken(name: str) -> dt.datetime | None:
    match = re.fullmatch(r"IMG_(\d{8})_(\d{6})\.\w+", name)
    return dt.datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S") if match else None


def _write_photos(
    plan: PlannedEntry, essay: Essay, folder: Path, rng: random.Random
) -> list[DemoFile]:
    files: list[DemoFile] = []
    if plan.form == PHOTO:
        pages = _hand_pages(plan, essay, PHOTO_SIZE, 32, rng)
    else:
        pages = _hand_pages(plan, essay, PHONE_SCAN_SIZE, 30, rng)
    for index, page in enumerate(pages):
        name = _page_name(plan.file_name, index)
        path = folder / name
        if plan.form == PHOTO:
            image = hand.photograph(page, rng, PHOTO_SIZE)
            if plan.rotate:
                image = image.rotate(plan.rotate, expand=True)
            path.write_bytes(_jpeg(image, JPEG_QUALITY, _taken(name)))
        else:
            hand.phone_scan(page, rng, PHONE_SCAN_SIZE).save(path, format="PNG")
        files.append(DemoFile(path=path, original_name=name, kind="image"))
    return files


def _write_scan(
    plan: PlannedEntry, essay: Essay, folder: Path, rng: random.Random
) -> list[DemoFile]:
    path = folder / plan.file_name
    if plan.form == TIFF:
        pages = _hand_pages(plan, essay, TIFF_SIZE, 34, rng)
        scans = [hand.flatbed_scan(page, rng, bilevel=True) for page in pages]
        scans[0].save(
            path,
            format="TIFF",
            save_all=True,
            append_images=scans[1:],
            compression="group4",
            dpi=(150, 150),
        )
        return [DemoFile(path=path, original_name=plan.file_name, kind="image")]
    pages = _hand_pages(plan, essay, SCAN_PDF_SIZE, 34, rng)
    jpegs = [_jpeg(hand.flatbed_scan(page, rng, bilevel=False), 70) for page in pages]
    write_scanned_pdf(path, jpegs, PdfMeta(author="", creator=plan.creator, created=plan.written))
    return [DemoFile(path=path, original_name=plan.file_name, kind="pdf")]


def _entry_rng(index: int, plan: PlannedEntry) -> random.Random:
    # A str seed is hashed with SHA-512 by `random`, independent of PYTHONHASHSEED.
    return random.Random(f"{SEED}:{index}:{plan.name}")


def _write_entry(index: int, plan: PlannedEntry, units: dict[str, _Unit], root: Path) -> DemoEntry:
    essay = ESSAYS[plan.essay]
    unit = units[plan.unit]
    folder = root / plan.unit
    folder.mkdir(parents=True, exist_ok=True)
    rng = _entry_rng(index, plan)
    if plan.form == DOCX:
        files = _write_docx(plan, essay, unit, folder)
    elif plan.form == PDF:
        files = _write_pdf(plan, essay, unit, folder)
    elif plan.form in (PHOTO, PHONE_SCAN):
        files = _write_photos(plan, essay, folder, rng)
    elif plan.form in (TIFF, SCAN_PDF):
        files = _write_scan(plan, essay, folder, rng)
    else:
        raise ValueError(f"unknown form {plan.form!r} for {plan.name}")
    stamp = plan.written.timestamp()
    for file in files:
        os.utime(file.path, (stamp, stamp))  # as unpacked from the school's zip
    return DemoEntry(
        participant_name=plan.name,
        birth_date=plan.birth,
        category_code=plan.category,
        unit_code=plan.unit,
        received_at=plan.received_at,
        files=files,
        note=plan.note,
    )


def generate_demo_files(out_dir: Path) -> list[DemoEntry]:
    """Write every demo entry's files under `out_dir/entries/<unit>/` and describe them.

    Returns one `DemoEntry` per entrant, in a fixed order, with absolute file paths.
    Existing files of the same names are overwritten; nothing else in `out_dir` is touched.

    Pillow-only entries (photos, TIFF) are written on one worker thread while this thread
    writes the DOCX and PDF files: Pillow releases the GIL in its heavy steps, so the two
    overlap on a 2-core machine. PyMuPDF stays on this thread (it is not thread-safe), and
    each entry's own random generator keeps the output independent of scheduling.
    """
    root = Path(out_dir).resolve() / "entries"
    units = _units()
    names = [unicodedata.normalize("NFC", p.unit + "/" + p.file_name) for p in ENTRIES]
    if len(set(names)) != len(names):
        raise ValueError("two demo entries share a file name in the same unit")
    results: dict[int, DemoEntry] = {}
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-images") as pool:
        pending = {
            index: pool.submit(_write_entry, index, plan, units, root)
            for index, plan in enumerate(ENTRIES)
            if plan.form in PILLOW_ONLY_FORMS
        }
        for index, plan in enumerate(ENTRIES):
            if index not in pending:
                results[index] = _write_entry(index, plan, units, root)
        for index, future in pending.items():
            results[index] = future.result()
    return [results[index] for index in range(len(ENTRIES))]

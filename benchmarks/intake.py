"""How long the intake of a whole contest takes, and how much memory it needs.

Run: `python benchmarks/intake.py [--work DIR] [--entries 20000] [--units 300] [--quick]
[--strict]`. The full run writes about 25 GB (the units' zips and the contest's stored files)
and takes minutes; `--quick` is 1,000 entries in 15 units. Generated data is cached in
`--work DIR` (a temporary folder by default), so a second run skips generating.

The issue's case: 20,000 entries sent by 300 units (schools, one district office), one zip and
one participant list (XLSX) per unit, received through `judge_app.intake.receive.receive` — the
function `judge-app intake` calls — with the format check in the sandboxed document reader, on
2 cores. Budgets: the intake of all units ≤ 10 min, peak memory (RSS of this process and its
document-reader child, summed, sampled every 0.2 s) ≤ 1 GB; then, on the contest the intake made,
assignment of the 20,000 entries to 60 judges (k = 2, by category) ≤ 5 s, and a package of
500 of those entries (mixed kinds, real files) opened by a judge ≤ 5 s.

"Typical sizes", from what schools send (a typed essay is a few pages of text, a scan-to-PDF or
a Word export embeds fonts and a picture or two, a phone photo of handwriting is sent as taken
or as the chat app resized it):
- 60 % DOCX, 10–60 KB: 2–5 A4 pages of Vietnamese in Times New Roman 14; one template in four
  holds a picture (about 30 KB);
- 25 % PDF, 50–400 KB: 2–6 A4 pages with an embedded font subset, the larger ones with
  pictures;
- 15 % photos: 2–4 JPG pages per entry, 0.5–2.5 MB each (12 MP as the phone took them, or
  resized to 3 MP; about 1.2 MB on average).
About 67 entries per unit (between 20 and 150), a list with about 5 % more people than entries.
Names as schools write them: "Nguyễn Văn An.docx", "12. Trần Thị Bình - 7A.docx",
"BAI DU THI - LE VAN CUONG.pdf", "Lop 6A/Phạm Thị Dung.docx", "Hoàng Văn Em/IMG_20190815_….jpg";
one unit in seven zipped on a Mac (names in NFD). Files are made from a handful of templates
rendered once; each entry's copy gets its own bytes (a number in the DOCX text, the PDF's
/Subject, a JPEG comment), so no two entries share a content hash and duplicate detection stays
quiet.

Reference in the same run: copying and hashing every zip once (reading all the bytes the intake
must read at least once), the floor any intake pays before parsing anything.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INTAKE_BUDGET_S = 600.0
MEMORY_BUDGET = 1024**3
ASSIGN_BUDGET_S = 5.0
OPEN_BUDGET_S = 5.0
PACKAGE_ENTRIES = 500
FULL_ENTRIES = 20_000  # the contest; smaller runs are scaled to it
JUDGES = 60
GENERATOR_VERSION = 1  # bump when the generated data changes: the cache is keyed on it
SAMPLE_S = 0.2
PASSPHRASE = b"benchmark-passphrase"
DEADLINE = dt.datetime(2019, 8, 20, 17, 0)


def _listed(words: str) -> tuple[str, ...]:
    return tuple(words.split())


FAMILY = _listed(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Trương "
    "Lương Mai Tạ Hà Cao Châu Quách Thái Kiều Lâm Tô"
)
MIDDLE = _listed("Văn Thị Hữu Đức Minh Ngọc Thanh Quang Xuân Thu Hồng Kim Gia Bảo Thành Khánh")
# "Ðông" is written with Ð (U+00D0, Latin eth), as old converters type Đ: matching must cope.
GIVEN = _listed(
    "An Bình Cường Dũng Dung Giang Hà Hải Hạnh Hiếu Hòa Hùng Hương Khoa Lan Linh Long Mai Nam "
    "Nga Ngân Nhung Oanh Phúc Phương Quân Quyên Sơn Tâm Thảo Thắng Thủy Trang Trí Trung Tuấn "
    "Uyên Vân Việt Vy Yến Ánh Đạt Ðông Khôi Lộc Nhi Quỳnh"
)
SCHOOL_NAMES = _listed(
    "Nguyễn Trãi Lê Lợi Trần Hưng Đạo Quang Trung Chu Văn An Lý Thường Kiệt Võ Thị Sáu "
    "Kim Đồng Hoa Sen Họa Mi Sơn Ca Phan Bội Châu Nguyễn Du Tô Hiến Thành Ngô Quyền"
)
TEXT = (
    "Dịch vụ công trực tuyến giúp người dân và doanh nghiệp thực hiện thủ tục hành chính "
    "mọi lúc, mọi nơi, giảm thời gian đi lại và chi phí. Em đã cùng bố mẹ đăng ký khai sinh "
    "cho em gái qua Cổng dịch vụ công quốc gia, chỉ cần điện thoại có kết nối mạng. "
    "Những khó khăn thường gặp là chữ ký số, thanh toán trực tuyến và kỹ năng sử dụng máy "
    "tính của người lớn tuổi; nhà trường có thể tổ chức các buổi hướng dẫn cho phụ huynh. "
)


# --------------------------------------------------------------------------------------------
# Generating the contest's input
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitInput:
    code: str
    name: str
    group: str  # "school" | "office"
    zip_path: Path
    list_path: Path
    received: dt.datetime
    entries: int
    files: int
    bytes: int


@dataclass
class Templates:
    docx: list[list[tuple[str, bytes]]]  # members of each template; word/document.xml has MARK
    pdf: list[bytes]  # each holds MARK in its /Subject
    jpg: list[bytes]  # baseline JPEGs; a comment segment is added per copy


MARK = "BENCH0000000"  # replaced by a number of the same length


def _numbered(number: int) -> str:
    return f"BENCH{number:07d}"


def _paragraphs(seed: int, words: int) -> list[str]:
    rng = random.Random(seed)
    pieces = TEXT.split(". ")
    paragraphs, count = [], 0
    while count < words:
        sentence = ". ".join(rng.sample(pieces, k=min(3, len(pieces))))
        paragraphs.append(sentence + ".")
        count += len(sentence.split())
    return paragraphs


def _photo(width: int, height: int, noise: int, quality: int, seed: int) -> bytes:
    """A photo of a handwritten page: paper grain, ruled lines, strokes; JPEG as a phone saves."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    page = np.full((height, width), 226, dtype=np.int16)
    page += rng.integers(-noise, noise + 1, size=(height, width), dtype=np.int16)
    for y in range(height // 12, height, max(8, height // 30)):
        page[y : y + 3, :] -= 40
        for x in range(width // 10, width - width // 10, max(6, width // 90)):
            page[y - 18 : y, x : x + 4] -= int(rng.integers(60, 140))
    gray = np.clip(page, 0, 255).astype(np.uint8)
    rgb = np.stack([gray, gray, (gray * 0.95).astype(np.uint8)], axis=-1)
    buffer = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def _docx_template(seed: int, words: int, picture: bytes | None) -> list[tuple[str, bytes]]:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"  # type: ignore[attr-defined]
    normal.font.size = Pt(14)  # type: ignore[attr-defined]
    document.add_heading("BÀI DỰ THI TÌM HIỂU DỊCH VỤ CÔNG TRỰC TUYẾN", level=1)
    document.add_paragraph(f"Mã bài: {MARK}")
    for number, text in enumerate(_paragraphs(seed, words)):
        document.add_paragraph(text)
        if picture is not None and number == 6:
            document.add_picture(io.BytesIO(picture), width=Mm(120))
        if number and number % 14 == 0:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _pdf_template(seed: int, pages: int, pictures: list[bytes]) -> bytes:
    import pymupdf

    from judge_app.paths import resources_dir

    font = resources_dir() / "fonts" / "LiberationSerif-Regular.ttf"
    doc = pymupdf.open()
    paragraphs = _paragraphs(seed, 330 * pages)
    per_page = max(1, len(paragraphs) // pages)
    for number in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_font(fontname="tnr", fontfile=str(font))
        text = "\n".join(paragraphs[number * per_page : (number + 1) * per_page])
        top = 60
        if number < len(pictures):
            page.insert_image(pymupdf.Rect(100, 60, 495, 330), stream=pictures[number])
            top = 350
        page.insert_textbox(
            pymupdf.Rect(70, top, 525, 800), text, fontname="tnr", fontsize=14, align=3
        )
    doc.subset_fonts()
    doc.set_metadata({"title": "Bài dự thi", "subject": MARK, "creator": "Microsoft Word"})
    data: bytes = doc.tobytes(garbage=3, deflate=True, use_objstms=0)
    doc.close()
    if data.count(MARK.encode()) != 1:
        raise SystemExit("PDF template: the marker is not in the file exactly once")
    return data


def make_templates(seed: int) -> Templates:
    small_picture = _photo(400, 300, 25, 70, seed)  # ~30 KB, inside DOCX
    pdf_pictures = [_photo(900, 600, 30, 80, seed + n) for n in range(3)]  # ~100 KB each
    docx = [
        _docx_template(seed + 1, 700, None),
        _docx_template(seed + 2, 1100, None),
        _docx_template(seed + 3, 1700, None),
        _docx_template(seed + 4, 900, small_picture),
    ]
    pdf = [
        _pdf_template(seed + 5, 2, []),
        _pdf_template(seed + 6, 3, pdf_pictures[:1]),
        _pdf_template(seed + 7, 4, pdf_pictures[:2]),
        _pdf_template(seed + 8, 6, pdf_pictures),
    ]
    jpg = [
        _photo(1536, 2048, 10, 80, seed + 10),
        _photo(2250, 3000, 10, 78, seed + 11),
        _photo(3000, 4000, 9, 75, seed + 12),
        _photo(3000, 4000, 12, 82, seed + 13),
        _photo(3000, 4000, 14, 88, seed + 14),
    ]
    return Templates(docx, pdf, jpg)


def docx_copy(template: list[tuple[str, bytes]], number: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in template:
            if name == "word/document.xml":
                data = data.replace(MARK.encode(), _numbered(number).encode())
            archive.writestr(name, data)
    return buffer.getvalue()


def pdf_copy(template: bytes, number: int) -> bytes:
    return template.replace(MARK.encode(), _numbered(number).encode())


def jpg_copy(template: bytes, number: int) -> bytes:
    """The template with a JPEG comment (COM) segment after SOI: same pixels, other bytes."""
    comment = f"{_numbered(number)} Samsung Galaxy A50".encode()
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return template[:2] + segment + template[2:]


def _unique_names(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add(f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}")
    ordered = sorted(names)
    rng.shuffle(ordered)
    return ordered


def _unit_sizes(rng: random.Random, entries: int, units: int) -> list[int]:
    weights = [rng.uniform(20, 150) for _ in range(units)]
    total = sum(weights)
    sizes = [max(1, int(entries * w / total)) for w in weights]
    for index in range(entries - sum(sizes)):
        sizes[index % units] += 1
    return sizes


def _file_name(rng: random.Random, name: str, klass: str, seq: int, suffix: str) -> str:
    bare = unicodedata.normalize("NFD", name)
    bare = "".join(c for c in bare if not unicodedata.combining(c)).replace("Đ", "D")
    bare = bare.replace("đ", "d")
    style = rng.random()
    if style < 0.35:
        return f"{name}{suffix}"
    if style < 0.55:
        return f"{seq}. {name} - {klass}{suffix}"
    if style < 0.7:
        return f"BAI DU THI - {bare.upper()}{suffix}"
    if style < 0.85:
        return f"Bài dự thi_{bare.replace(' ', '')}_{klass}{suffix}"
    return f"{'Lop ' + klass if klass != 'GV' else 'Giao vien'}/{name}{suffix}"


def _write_list(path: Path, title: str, people: list[tuple[str, dt.date, str]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([title.upper()])
    sheet.append(["DANH SÁCH CÁN BỘ, GIÁO VIÊN, HỌC SINH DỰ THI"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Đối tượng", "Lớp"])
    for number, (name, birth, klass) in enumerate(people, start=1):
        kind = "Giáo viên" if klass == "GV" else f"Học sinh lớp {klass[0]}"
        sheet.append([number, name, f"{birth:%d/%m/%Y}", kind, "" if klass == "GV" else klass])
    book.save(path)


def generate(work: Path, n_entries: int, n_units: int, seed: int) -> list[UnitInput]:
    """The units' zips and lists under `work/input`, made once per (size, seed, version)."""
    key = f"v{GENERATOR_VERSION}-{n_entries}-{n_units}-{seed}"
    folder = work / "input" / key
    index = folder / "units.json"
    if index.exists():
        return [_unit_from_json(item) for item in json.loads(index.read_text("utf-8"))]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    templates = make_templates(seed)
    units: list[UnitInput] = []
    number = 0
    for unit_index, size in enumerate(_unit_sizes(rng, n_entries, n_units)):
        office = unit_index == n_units - 1
        code = "PGD" if office else f"TH{unit_index:03d}"
        school = rng.choice(SCHOOL_NAMES)
        name = "Phòng GD&ĐT" if office else f"Trường THCS {school} {unit_index}"
        secondary = not office and rng.random() < 0.7
        mac = rng.random() < 1 / 7
        people_count = size + max(1, size // 20)
        names = _unique_names(rng, people_count)
        people: list[tuple[str, dt.date, str]] = []
        for person in names:
            if secondary and rng.random() < 0.75:
                grade = rng.randint(6, 9)
                klass = f"{grade}{rng.choice('ABCD')}"
                birth = dt.date(2019 - grade - 5, rng.randint(1, 12), rng.randint(1, 28))
            else:
                klass = "GV"
                birth = dt.date(rng.randint(1965, 1996), rng.randint(1, 12), rng.randint(1, 28))
            people.append((person, birth, klass))
        list_path = folder / f"{code}-danh-sach.xlsx"
        _write_list(list_path, name, people)
        zip_path = folder / f"{code}.zip"
        files = 0
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for seq, (person, _, klass) in enumerate(people[:size], start=1):
                number += 1
                shown = unicodedata.normalize("NFD", person) if mac else person
                roll = rng.random()
                if roll < 0.60:
                    data = docx_copy(rng.choice(templates.docx), number)
                    members = [(_file_name(rng, shown, klass, seq, ".docx"), data)]
                elif roll < 0.85:
                    data = pdf_copy(rng.choice(templates.pdf), number)
                    members = [(_file_name(rng, shown, klass, seq, ".pdf"), data)]
                else:
                    members = []
                    weights = (4, 3, 2, 1, 1)
                    for page in range(rng.randint(2, 4)):
                        template = rng.choices(templates.jpg, weights)[0]
                        stamp = f"201908{rng.randint(10, 19)}_{rng.randint(70000, 215959):06d}"
                        member = f"{shown}/IMG_{stamp}_{page + 1}.jpg"
                        members.append((member, jpg_copy(template, number * 10 + page)))
                for member, data in members:
                    archive.writestr(member, data)
                    files += 1
        late = rng.random() < 0.02
        received = (
            DEADLINE + dt.timedelta(minutes=rng.randint(0, 90))
            if late
            else DEADLINE - dt.timedelta(minutes=rng.randint(5, 60 * 24 * 5))
        )
        units.append(
            UnitInput(
                code,
                name,
                "office" if office else "school",
                zip_path,
                list_path,
                received,
                size,
                files,
                zip_path.stat().st_size,
            )
        )
    index.write_text(json.dumps([_unit_to_json(u) for u in units], ensure_ascii=False), "utf-8")
    return units


def _unit_to_json(unit: UnitInput) -> dict[str, Any]:
    return {
        **unit.__dict__,
        "zip_path": str(unit.zip_path),
        "list_path": str(unit.list_path),
        "received": unit.received.isoformat(),
    }


def _unit_from_json(item: dict[str, Any]) -> UnitInput:
    return UnitInput(
        **{
            **item,
            "zip_path": Path(item["zip_path"]),
            "list_path": Path(item["list_path"]),
            "received": dt.datetime.fromisoformat(item["received"]),
        }
    )


def make_contest(path: Path, units: list[UnitInput]) -> None:
    """The contest as tests/intake/test_receive.py builds it, with this run's units."""
    from judge_app.store.database import create_contest_file
    from judge_app.store.models import Category, CategoryKind, Contest, Unit, UnitGroup

    with create_contest_file(path) as db, db.session() as session, session.begin():
        contest = Contest(name="Tìm hiểu dịch vụ công trực tuyến", year=2019)
        contest.reference_date = dt.date(2019, 8, 20)
        session.add(contest)
        school = UnitGroup(code="school", name="Trường", deadline=DEADLINE)
        office = UnitGroup(code="office", name="Phòng", deadline=dt.datetime(2019, 8, 22))
        contest.unit_groups.extend([school, office])
        contest.categories.append(
            Category(code="staff", name="CBGV-NV", kind=CategoryKind.STAFF, sort=0)
        )
        for grade in range(6, 10):
            contest.categories.append(
                Category(
                    code=f"g{grade}",
                    name=f"Khối {grade}",
                    kind=CategoryKind.STUDENT,
                    grade=grade,
                    sort=grade,
                )
            )
        for unit in units:
            group = office if unit.group == "office" else school
            contest.units.append(Unit(code=unit.code, name=unit.name, group=group))


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


class PeakMemory:
    """Peak of the summed RSS of this process and all its children, sampled in a thread.

    Also the CPU seconds they used (children as last sampled): on a busy machine the wall
    time says little, the CPU time says what the work costs.
    """

    def __init__(self) -> None:
        import psutil

        self._process = psutil.Process(os.getpid())
        self.peak = 0
        self.peak_parent = 0
        self._cpu: dict[int, float] = {}
        self._cpu_start = self._cpu_of(self._process)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _sample(self) -> None:
        import psutil

        total = parent = self._process.memory_info().rss
        self._cpu[self._process.pid] = self._cpu_of(self._process) - self._cpu_start
        for child in self._process.children(recursive=True):
            try:
                total += child.memory_info().rss
                self._cpu[child.pid] = self._cpu_of(child)
            except psutil.Error:  # gone between listing and reading
                continue
        self.peak = max(self.peak, total)
        self.peak_parent = max(self.peak_parent, parent)

    @staticmethod
    def _cpu_of(process: Any) -> float:
        times = process.cpu_times()
        return float(times.user + times.system)

    @property
    def cpu_parent(self) -> float:
        return self._cpu.get(self._process.pid, 0.0)

    @property
    def cpu_children(self) -> float:
        return sum(v for pid, v in self._cpu.items() if pid != self._process.pid)

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            self._sample()

    def __enter__(self) -> PeakMemory:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def read_floor(units: list[UnitInput]) -> float:
    """Reference: read and hash every zip once (the bytes any intake must read)."""
    start = time.perf_counter()
    for unit in units:
        digest = hashlib.sha256()
        with unit.zip_path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return time.perf_counter() - start


@dataclass
class IntakeFigures:
    wall: float
    per_unit: list[float]
    peak: int
    peak_parent: int
    cpu_parent: float
    cpu_children: float
    entries: int
    files: int
    problems: dict[str, int]
    badges: dict[str, int]


def run_intake(contest: Path, units: list[UnitInput], progress: bool) -> IntakeFigures:
    from collections import Counter

    from judge_app.documents.service import DocumentService
    from judge_app.intake.receive import receive
    from judge_app.intake.receive_cli import _readers
    from judge_app.store.database import open_contest_file

    per_unit: list[float] = []
    entries = files = 0
    problems: Counter[str] = Counter()
    badges: Counter[str] = Counter()
    with PeakMemory() as memory:
        start = time.perf_counter()
        with open_contest_file(contest) as db, contextlib.ExitStack() as stack:
            # What `judge-app intake` uses: one document reader child per core (at most two).
            service = [stack.enter_context(DocumentService()) for _ in range(_readers())]
            for number, unit in enumerate(units, start=1):
                began = time.perf_counter()
                report = receive(
                    db,
                    unit.code,
                    [unit.zip_path],
                    participant_list=unit.list_path,
                    received_at=unit.received,
                    actor="benchmark",
                    service=service,
                )
                per_unit.append(time.perf_counter() - began)
                entries += len(report.entries)
                files += len(report.files)
                problems.update(p.code for p in report.problems)
                badges.update(f.badge or "none" for f in report.files)
                if progress and (number % 10 == 0 or number == len(units)):
                    elapsed = time.perf_counter() - start
                    print(
                        f"  {number}/{len(units)} units, {entries:,} entries, {elapsed:6.1f} s, "
                        f"peak {memory.peak / 1024**2:,.0f} MiB",
                        flush=True,
                    )
        wall = time.perf_counter() - start
    return IntakeFigures(
        wall,
        per_unit,
        memory.peak,
        memory.peak_parent,
        memory.cpu_parent,
        memory.cpu_children,
        entries,
        files,
        dict(problems),
        dict(badges),
    )


def run_assignment(contest: Path, units: list[UnitInput], seed: int) -> tuple[float, int, int]:
    """60 judges from 60 of the units and a head judge; `assign_round` (k = 2, by category).

    The entries are first marked ready, as the board does once it has looked at the intake.
    """
    from sqlalchemy import select, update

    from judge_app.intake.assign import assign_round
    from judge_app.store.database import open_contest_file
    from judge_app.store.models import Contest, Entry, EntryStatus, Judge, Unit

    rng = random.Random(seed)
    with open_contest_file(contest) as db:
        with db.session() as session, session.begin():
            contest_id = session.scalars(select(Contest.id)).one()
            unit_ids = {code: id_ for code, id_ in session.execute(select(Unit.code, Unit.id))}
            session.execute(update(Entry).values(status=EntryStatus.READY))
            session.add(Judge(contest_id=contest_id, code="TB", name="Trưởng ban", is_head=True))
            for number, unit in enumerate(rng.sample(units, min(JUDGES, len(units))), start=1):
                session.add(
                    Judge(
                        contest_id=contest_id,
                        code=f"GK{number:02d}",
                        name=f"Giám khảo {number}",
                        unit_id=unit_ids[unit.code],
                    )
                )
        start = time.perf_counter()
        result = assign_round(db, 1, 2, seed, by_category=True, actor="benchmark")
        took = time.perf_counter() - start
    loads = result.loads.values()
    return took, min(loads), max(loads)


def run_package(contest: Path, work: Path) -> tuple[float, float, int, int, int]:
    """GK01's package of PACKAGE_ENTRIES entries (round 9, mixed kinds), made and opened."""
    from sqlalchemy import select

    from judge_app.exchange import keys
    from judge_app.exchange.judge_keys import create_head_key
    from judge_app.exchange.package import create_package
    from judge_app.exchange.workspace import open_package
    from judge_app.store.database import open_contest_file
    from judge_app.store.models import Assignment, Entry, Judge

    key_folder = work / "keys"
    shutil.rmtree(key_folder, ignore_errors=True)
    package = work / "package" / "GK01.jgp"
    shutil.rmtree(package.parent, ignore_errors=True)
    with open_contest_file(contest) as db:
        with db.session() as session, session.begin():
            judge = session.scalars(select(Judge).where(Judge.code == "GK01")).one()
            picked = session.scalars(
                select(Entry.id)
                .where(Entry.unit_id.is_distinct_from(judge.unit_id))
                .order_by(Entry.id)
                .limit(PACKAGE_ENTRIES)
            ).all()
            for entry_id in picked:
                session.add(Assignment(entry_id=entry_id, judge_id=judge.id, round=9))
        create_head_key(db, "Trưởng ban", PASSPHRASE, "benchmark", folder=key_folder)
        fingerprint = keys.list_keys(folder=key_folder)[0].fingerprint
        private_key = keys.load_private_key(fingerprint, PASSPHRASE, folder=key_folder)
        start = time.perf_counter()
        report = create_package(db, "GK01", 9, package, private_key, actor="benchmark")
        made = time.perf_counter() - start
    start = time.perf_counter()
    opened = open_package(
        package,
        work / "package" / "workspace.sqlite",
        accept_fingerprint=fingerprint,
        pinned_keys_dir=work / "package" / "trust",
    )
    opening = time.perf_counter() - start
    return made, opening, opened.entries_added, report.files, package.stat().st_size


def _mib(value: int) -> str:
    return f"{value / 1024**2:,.0f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="folder for the generated data (cached)")
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--quick", action="store_true", help="1,000 entries in 15 units")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    if args.quick:
        args.entries, args.units = 1_000, 15
    temp = None
    if args.work is None:
        temp = tempfile.TemporaryDirectory(prefix="bench-intake-")
        args.work = Path(temp.name)
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    # Per-user folders (render cache, logs, keys) inside the work folder, not the user's.
    os.environ["JUDGE_APP_HOME"] = str(work / "home")
    try:
        return _run(args, work)
    finally:
        if temp is not None:
            temp.cleanup()


def _run(args: argparse.Namespace, work: Path) -> int:
    start = time.perf_counter()
    units = generate(work, args.entries, args.units, args.seed)
    generating = time.perf_counter() - start
    total_bytes = sum(u.bytes for u in units)
    files = sum(u.files for u in units)
    print(
        f"input: {sum(u.entries for u in units):,} entries, {files:,} files in {len(units)} "
        f"unit zips, {total_bytes / 1024**3:.2f} GiB (generated or found in {generating:.0f} s)"
    )
    run_folder = work / "run"
    shutil.rmtree(run_folder, ignore_errors=True)
    shutil.rmtree(work / "home", ignore_errors=True)
    run_folder.mkdir()
    contest = run_folder / "contest.sqlite"
    make_contest(contest, units)
    floor = read_floor(units)
    figures = run_intake(contest, units, progress=not args.quiet)
    times = sorted(figures.per_unit)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(
        f"intake: {figures.wall:.1f} s for {figures.entries:,} entries ({figures.files:,} files), "
        f"{figures.entries / figures.wall:.1f} entries/s, "
        f"{total_bytes / 1024**2 / figures.wall:.1f} MiB/s"
    )
    print(f"per unit: p50 {statistics.median(times):.2f} s, p95 {p95:.2f} s, max {times[-1]:.2f} s")
    print(
        f"peak memory: {_mib(figures.peak)} (this process {_mib(figures.peak_parent)}, "
        "plus the document reader)"
    )
    print(
        f"CPU: {figures.cpu_parent:.0f} s this process + {figures.cpu_children:.0f} s document "
        f"readers = {(figures.cpu_parent + figures.cpu_children) / figures.wall:.2f} cores busy "
        f"on average; load average at the end {os.getloadavg()[0]:.1f}"
    )
    print(f"badges: {dict(sorted(figures.badges.items()))}")
    print(f"problems: {dict(sorted(figures.problems.items()))}")
    print(f"reference, read + hash every zip once: {floor:.1f} s")
    cache = work / "home" / "data" / "render-cache"
    cached = list(cache.glob("*.pdf")) if cache.is_dir() else []
    print(
        f"render cache written by the format check (per-user folder, pruned back under 2 GiB): "
        f"{len(cached):,} converted DOCX, {sum(p.stat().st_size for p in cached) / 1024**3:.2f} GiB"
    )
    assign_s, low, high = run_assignment(contest, units, args.seed)
    print(
        f"assign_round, {figures.entries:,} entries to {JUDGES} judges, k=2: {assign_s:.2f} s "
        f"(loads {low}–{high})"
    )
    made, opening, opened, package_files, size = run_package(contest, work)
    print(
        f"package of {opened} entries ({package_files} files, {_mib(size)}): made in {made:.1f} s, "
        f"opened in {opening:.2f} s"
    )
    # A smaller run is held to the budget scaled to 20,000 entries (the work is per entry).
    projected = figures.wall * FULL_ENTRIES / max(1, figures.entries)
    intake_text = f"{figures.wall:.0f} s ≤ {INTAKE_BUDGET_S:.0f} s"
    if args.entries < FULL_ENTRIES:
        intake_text = (
            f"{projected:.0f} s projected for {FULL_ENTRIES:,} entries from "
            f"{figures.wall:.0f} s for {figures.entries:,} ≤ {INTAKE_BUDGET_S:.0f} s"
        )
    checks = [
        ("intake", projected <= INTAKE_BUDGET_S, intake_text),
        ("memory", figures.peak <= MEMORY_BUDGET, f"{_mib(figures.peak)} ≤ {_mib(MEMORY_BUDGET)}"),
        ("assignment", assign_s <= ASSIGN_BUDGET_S, f"{assign_s:.2f} s ≤ {ASSIGN_BUDGET_S:g} s"),
        ("package open", opening <= OPEN_BUDGET_S, f"{opening:.2f} s ≤ {OPEN_BUDGET_S:g} s"),
    ]
    for name, met, text in checks:
        print(f"budget {name}: {text}: {'met' if met else 'MISSED'}")
    missed = [name for name, met, _ in checks if not met]
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())

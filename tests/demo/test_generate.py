"""The demo entry files must really be what each entry claims to be, and the same every run.

Later features (format checks, redaction, rotation, scans, deadlines) are tried on these files,
so a DOCX that says Times New Roman 14 must be one, a scanned PDF must have no text layer, and
the late e-mail must arrive at exactly 17:00.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pymupdf
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt
from PIL import Image

from judge_app.demo.generate import generate_demo_files
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
from judge_app.demo.texts import ESSAYS
from judge_app.paths import resources_dir

REFERENCE_DATE = dt.date(2019, 8, 20)
SCHOOL_DEADLINE = dt.datetime(2019, 8, 20, 17, 0)
SCHOOL_UNITS = {"THCS-KD", "THCS-NC", "MN-TH"}
ONE_MB = 1024 * 1024


def _contest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (resources_dir() / "contest-sample.json").read_text(encoding="utf-8")
    )
    return data


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[DemoEntry]]:
    out = tmp_path_factory.mktemp("demo-files")
    return out, generate_demo_files(out)


@pytest.fixture(scope="module")
def entries(generated: tuple[Path, list[DemoEntry]]) -> list[DemoEntry]:
    return generated[1]


def _planned(entries: list[DemoEntry]) -> list[tuple[PlannedEntry, DemoEntry]]:
    assert len(entries) == len(ENTRIES)
    for plan, entry in zip(ENTRIES, entries, strict=True):
        assert plan.name == entry.participant_name
    return list(zip(ENTRIES, entries, strict=True))


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# ---- who entered, and when ------------------------------------------------------------------


def test_entries_cover_every_category_and_unit(entries: list[DemoEntry]) -> None:
    contest = _contest()
    assert len(entries) >= 26
    assert {e.category_code for e in entries} == {c["code"] for c in contest["categories"]}
    assert {e.unit_code for e in entries} == {u["code"] for u in contest["units"]}
    headcounts = {u["code"]: u["headcounts"] for u in contest["units"]}
    for entry in entries:
        # A unit only enters categories it has people in: no pupils from the preschool/office.
        assert entry.category_code in headcounts[entry.unit_code], entry.participant_name
        if entry.category_code != "staff":
            assert entry.unit_code.startswith("THCS"), entry.participant_name
        assert entry.files, entry.participant_name
    names = [e.participant_name for e in entries]
    assert len(set(names)) == len(names)
    assert all(name == _nfc(name) and len(name.split()) >= 3 for name in names)


def test_birth_dates_fit_the_category(entries: list[DemoEntry]) -> None:
    for entry in entries:
        assert entry.birth_date is not None
        age = _age(entry.birth_date, REFERENCE_DATE)
        if entry.category_code == "staff":
            assert 20 <= age <= 60, entry.participant_name
        else:
            grade = int(entry.category_code[1:])
            assert 11 <= age <= 15, entry.participant_name
            assert grade + 4 <= age <= grade + 6, entry.participant_name


def test_arrival_times_follow_each_unit_groups_deadline(entries: list[DemoEntry]) -> None:
    late = []
    for entry in entries:
        received = entry.received_at
        assert received.tzinfo is None  # local time, like the contest's deadlines
        if entry.unit_code == "PGD":
            assert received.date() == dt.date(2019, 8, 21)
            assert received < dt.datetime(2019, 8, 22)
        else:
            assert dt.datetime(2019, 8, 10) <= received <= SCHOOL_DEADLINE
            if received >= SCHOOL_DEADLINE:  # "trước 17h00": 17:00 itself is late
                late.append(entry)
    assert len(late) >= 1
    assert all(e.received_at == SCHOOL_DEADLINE and "muộn" in e.note for e in late)


# ---- files: existence, names, kinds --------------------------------------------------------


def test_files_exist_under_the_output_folder(generated: tuple[Path, list[DemoEntry]]) -> None:
    out, entries = generated
    root = (out / "entries").resolve()
    paths = set()
    for entry in entries:
        for file in entry.files:
            assert file.path.is_absolute()
            assert file.path.is_file(), file.path
            assert file.path.resolve().is_relative_to(root / entry.unit_code)
            assert file.kind in {"docx", "pdf", "image"}
            assert file.original_name == _nfc(file.original_name)
            assert file.path.name == file.original_name
            suffix = Path(file.original_name).suffix.lower()
            expected = {"docx": {".docx"}, "pdf": {".pdf"}, "image": {".jpg", ".png", ".tif"}}
            assert suffix in expected[file.kind], file.original_name
            paths.add(file.path)
    assert len(paths) == sum(len(e.files) for e in entries)
    # School file names come both with and without Vietnamese marks.
    names = [f.original_name for e in entries for f in e.files]
    assert any(n != n.encode("ascii", "ignore").decode() for n in names)
    assert any(re.fullmatch(r"IMG_\d{8}_\d{6}\.jpg", n) for n in names)


def test_every_form_is_present_in_the_promised_numbers(entries: list[DemoEntry]) -> None:
    forms = Counter(plan.form for plan, _ in _planned(entries))
    wrong_format = [
        p for p, _ in _planned(entries) if p.paper == "Letter" or p.font != "Times New Roman"
    ]
    good_docx = [p for p in ENTRIES if p.form == DOCX and p not in wrong_format]
    good_pdf = [p for p in ENTRIES if p.form == PDF and p not in wrong_format]
    assert len(good_docx) >= 8
    assert len(good_pdf) >= 6
    assert forms[PHOTO] + forms[PHONE_SCAN] >= 5
    assert forms[TIFF] >= 1 and forms[SCAN_PDF] >= 1
    assert {(p.form, p.font, p.paper) for p in wrong_format} >= {
        (DOCX, "Arial", "Letter"),
        (PDF, "Times New Roman", "Letter"),
    }
    assert all(p.note for p in wrong_format)
    suffixes = {Path(f.original_name).suffix for e in entries for f in e.files if f.kind == "image"}
    assert {".jpg", ".png", ".tif"} <= suffixes
    two_files = [e for e in entries if len({f.kind for f in e.files}) == 2]
    assert any({f.kind for f in e.files} == {"docx", "image"} for e in two_files)


# ---- DOCX ---------------------------------------------------------------------------------


def _rfonts(rpr: Any) -> dict[str, str]:
    element = rpr.find(qn("w:rFonts"))
    assert element is not None
    return {k.split("}")[1]: v for k, v in element.attrib.items()}


def _docx_pairs(entries: list[DemoEntry]) -> list[tuple[PlannedEntry, DemoFile]]:
    return [
        (plan, file)
        for plan, entry in _planned(entries)
        for file in entry.files
        if file.kind == "docx"
    ]


def test_docx_files_use_the_font_size_and_paper_they_claim(entries: list[DemoEntry]) -> None:
    for plan, file in _docx_pairs(entries):
        document = docx.Document(str(file.path))
        section = document.sections[0]
        if plan.paper == "Letter":
            assert abs(section.page_width - Inches(8.5)) < Cm(0.05)
            assert abs(section.page_height - Inches(11)) < Cm(0.05)
        else:
            assert abs(section.page_width - Cm(21.0)) < Cm(0.05)
            assert abs(section.page_height - Cm(29.7)) < Cm(0.05)
            for margin in (section.top_margin, section.bottom_margin, section.right_margin):
                assert abs(margin - Cm(2.0)) < Cm(0.1)
            assert Cm(2.0) <= section.left_margin <= Cm(3.0)
        # The font is named for every script, in the defaults and in Normal, with no theme
        # font left to override it (Word lets a theme attribute win).
        defaults = document.styles.element.find(qn("w:docDefaults"))
        default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        normal = document.styles["Normal"]
        for rpr in (default_rpr, normal.element.rPr):
            fonts = _rfonts(rpr)
            assert fonts == {s: plan.font for s in ("ascii", "hAnsi", "eastAsia", "cs")}
        assert normal.font.name == plan.font
        assert normal.font.size == Pt(plan.size_pt)
        # Body text takes the style's font: no run overrides the face, and body runs keep
        # the style's size (only the cover page uses other sizes).
        body = [p for p in document.paragraphs if p.style is not None and p.style.name == "Normal"]
        assert len(body) >= 4
        for paragraph in body:
            for run in paragraph.runs:
                assert run.font.name in (None, plan.font)
        sized = [r.font.size for p in body[-3:] for r in p.runs]
        assert all(size in (None, Pt(plan.size_pt)) for size in sized)


def test_docx_tables_pictures_lists_and_covers_are_where_promised(
    entries: list[DemoEntry],
) -> None:
    numbered = covers = with_pictures = with_tables = 0
    for plan, file in _docx_pairs(entries):
        essay = ESSAYS[plan.essay]
        kept = [b for i, b in enumerate(essay.blocks) if i not in plan.skip]
        document = docx.Document(str(file.path))
        text = "\n".join(p.text for p in document.paragraphs)
        assert document.paragraphs[0].text or plan.cover
        assert _nfc(essay.title) in text
        wants_table = plan.tables and any(b.kind == "table" for b in kept)
        wants_picture = plan.pictures and any(b.kind == "figure" for b in kept)
        assert (len(document.tables) >= 1) == wants_table, file.original_name
        assert (len(document.inline_shapes) >= 1) == wants_picture, file.original_name
        with_tables += wants_table
        with_pictures += wants_picture
        if wants_table:
            header = [c.text for c in document.tables[0].rows[0].cells]
            assert len(header) >= 2 and all(header)
        if any(b.kind == "item" for b in kept):
            styles = {p.style.name for p in document.paragraphs if p.style is not None}
            assert "List Number" in styles
            numbered += 1
        if plan.cover:
            covers += 1
            xml = document.element.body.xml
            assert 'w:type="page"' in xml
            cover_text = "\n".join(p.text for p in document.paragraphs[:20])
            assert f"Họ và tên: {plan.name}" in cover_text
        heading = document.paragraphs[0] if not plan.cover else None
        if heading is not None:
            assert heading.style is not None and heading.style.name == "Heading 1"
        core = document.core_properties
        # Word keeps UTC; the entrant saved the file before the unit's deadline (Hanoi = UTC+7).
        modified = core.modified
        assert modified is not None
        saved_local = modified.replace(tzinfo=None) + dt.timedelta(hours=7)
        assert saved_local == plan.written
        assert core.created is not None and core.created < modified
    assert numbered >= 1 and covers >= 2 and with_pictures >= 5 and with_tables >= 3


# ---- PDF ----------------------------------------------------------------------------------


def _pdf_pairs(entries: list[DemoEntry]) -> list[tuple[PlannedEntry, DemoFile]]:
    return [
        (plan, file)
        for plan, entry in _planned(entries)
        for file in entry.files
        if file.kind == "pdf"
    ]


def test_text_pdfs_extract_vietnamese_and_have_the_claimed_size(
    entries: list[DemoEntry],
) -> None:
    longest = 0
    for plan, file in _pdf_pairs(entries):
        if plan.form != PDF:
            continue
        with pymupdf.open(file.path) as document:
            longest = max(longest, document.page_count)
            text = _nfc("".join(page.get_text() for page in document))
            width, height = (612, 792) if plan.paper == "Letter" else (595, 842)
            for page in document:
                assert abs(page.rect.width - width) < 1 and abs(page.rect.height - height) < 1
            fonts = {font[3] for page in document for font in page.get_fonts()}
            creation = document.metadata["creationDate"]
        assert "dịch vụ công" in text.lower(), file.original_name
        for word in ("trực tuyến", "người dân", "Hà Nội"):
            assert word in text or word.lower() in text.lower(), (file.original_name, word)
        flat = " ".join(text.split())
        first_words = " ".join(ESSAYS[plan.essay].title.split()[:4])
        assert first_words in flat, file.original_name
        # Named as Word names the Times New Roman it embeds (drawn with Liberation Serif).
        assert any("TimesNewRomanPSMT" in font for font in fonts), fonts
        assert creation.startswith("D:201908")
    assert longest >= 3  # long essays run over several pages


def test_scanned_pdf_is_only_page_images(entries: list[DemoEntry]) -> None:
    scans = [(p, f) for p, f in _pdf_pairs(entries) if p.form == SCAN_PDF]
    assert scans
    for _, file in scans:
        with pymupdf.open(file.path) as document:
            assert 2 <= document.page_count <= 3
            for page in document:
                assert page.get_text().strip() == ""
                assert not page.get_fonts()
                assert len(page.get_images()) == 1


# ---- images -------------------------------------------------------------------------------


def test_handwritten_images_open_and_are_photo_sized(entries: list[DemoEntry]) -> None:
    sideways = set()
    for plan, entry in _planned(entries):
        for file in entry.files:
            if file.kind != "image":
                continue
            assert file.path.stat().st_size < ONE_MB, file.original_name
            with Image.open(file.path) as image:
                image.verify()
            with Image.open(file.path) as image:
                image.load()
                width, height = image.size
                if plan.form == PHOTO:
                    assert image.format == "JPEG" and image.mode == "RGB"
                    assert max(width, height) >= 1200
                    if plan.rotate:
                        sideways.add(plan.name)
                        assert width > height  # the page lies on its side
                    else:
                        assert height > width
                elif plan.form == PHONE_SCAN:
                    assert image.format == "PNG" and height > width
                elif plan.form == TIFF:
                    assert image.format == "TIFF"
                    assert getattr(image, "n_frames", 1) >= 2
                    assert image.mode in ("1", "L")
                    assert image.info.get("dpi") == (150, 150)
                else:  # supporting document
                    assert plan.support_file == file.original_name
                    assert image.format == "PNG"
    assert len(sideways) == 1


def test_handwriting_differs_from_page_to_page(entries: list[DemoEntry]) -> None:
    """Multi-page photos must be different pictures, not one page saved twice."""
    for entry in entries:
        images = [f for f in entry.files if f.kind == "image" and f.original_name.endswith(".jpg")]
        hashes = [_sha256(f.path) for f in images]
        assert len(set(hashes)) == len(hashes)


# ---- texts --------------------------------------------------------------------------------


def test_essays_are_vietnamese_of_the_right_length_with_varied_answers() -> None:
    key = "".join(q["answer"] for q in _contest()["questions"])
    assert len(ESSAYS) >= 10
    scores = []
    for essay in ESSAYS.values():
        words = len(essay.plain_text().split())
        assert 300 <= words <= 900, (essay.key, words)
        assert essay.plain_text() == _nfc(essay.plain_text())
        if essay.answers:
            assert len(essay.answers) == 4 and set(essay.answers) <= set("ABCD-")
            scores.append(sum(a == k for a, k in zip(essay.answers, key, strict=True)))
    assert 4 in scores and any(s <= 2 for s in scores) and 3 in scores
    assert {e.quality for e in ESSAYS.values()} == {"excellent", "good", "fair", "weak"}
    used = {plan.essay for plan in ENTRIES}
    assert used == set(ESSAYS)


# ---- reproducibility ----------------------------------------------------------------------


def test_a_second_run_writes_identical_files(
    generated: tuple[Path, list[DemoEntry]], tmp_path: Path
) -> None:
    _, first = generated
    second = generate_demo_files(tmp_path)
    assert len(first) == len(second)
    for a, b in zip(first, second, strict=True):
        assert (a.participant_name, a.birth_date, a.category_code, a.unit_code) == (
            b.participant_name,
            b.birth_date,
            b.category_code,
            b.unit_code,
        )
        assert (a.received_at, a.note) == (b.received_at, b.note)
        assert [f.original_name for f in a.files] == [f.original_name for f in b.files]
        for fa, fb in zip(a.files, b.files, strict=True):
            assert _sha256(fa.path) == _sha256(fb.path), fa.original_name

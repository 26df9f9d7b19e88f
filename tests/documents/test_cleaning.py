"""Judges' copies: metadata is read back from the cleaned files and must be absent."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pymupdf
import pytest
from doc_makers import (
    billion_laughs_docx,
    encrypted_pdf,
    exif_rotated_jpeg,
    red_box_pdf,
    scripted_pdf,
    two_page_tiff,
    zip_bomb_docx,
)
from docx import Document
from lxml import etree  # type: ignore[import-untyped]
from PIL import Image, ImageOps, PngImagePlugin

from judge_app.core.messages import render
from judge_app.documents.cleaning import CleanReport, clean_copy
from judge_app.documents.cleaning_image import strip_jpeg
from judge_app.documents.model import DocKind

NAME = "Nguyễn Văn An"
USER_FOLDER = "NguyenVanA"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
R_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PARAGRAPHS = ["Bài dự thi về an toàn giao thông.", "Đoạn thứ hai, có ghi chú.", "Kết luận."]


def _photo(size: tuple[int, int] = (64, 48)) -> Image.Image:
    """A small picture with detail in it (a gradient), so re-encoding would change pixels."""
    image = Image.new("RGB", size)
    image.putdata(
        [(x * 4 % 256, y * 5 % 256, (x * y) % 256) for y in range(size[1]) for x in range(size[0])]
    )
    return image


def gps_jpeg(path: Path, orientation: int = 1) -> Path:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x013B] = NAME  # Artist
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 0.0)}
    xmp = f"<x:xmpmeta xmlns:x='adobe:ns:meta/'><dc:creator>{NAME}</dc:creator></x:xmpmeta>"
    _photo().save(path, "JPEG", quality=90, exif=exif, comment=NAME.encode(), xmp=xmp.encode())
    return path


def pixels(data: bytes) -> tuple[tuple[int, int], bytes]:
    with Image.open(io.BytesIO(data)) as image:
        return image.size, image.convert("RGB").tobytes()


def has_exif(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        return bool(image.getexif()) or "exif" in image.info or "xmp" in image.info


# DOCX ------------------------------------------------------------------------------------------


def entry_docx(path: Path, picture: Path) -> Path:
    """A python-docx essay with everything that names its author, then hand-made extras."""
    document = Document()
    props = document.core_properties
    props.author = props.last_modified_by = props.title = NAME
    props.subject = props.keywords = props.comments = NAME
    first = document.add_paragraph(PARAGRAPHS[0])
    second = document.add_paragraph(PARAGRAPHS[1])
    document.add_comment(second.runs, text="Cần xem lại", author=NAME, initials="NVA")
    document.add_picture(str(picture))
    document.add_paragraph(PARAGRAPHS[2])
    assert first.text == PARAGRAPHS[0]
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        members = {name: source.read(name) for name in source.namelist()}
    _add_extras(members)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _add_extras(members: dict[str, bytes]) -> None:
    """A tracked insertion, custom properties, custom XML, people, a template path."""
    insertion = (
        f'<w:p><w:ins w:id="901" w:author="{NAME}" w:date="2019-08-19T10:00:00Z">'
        "<w:r><w:t>Câu chèn thêm.</w:t></w:r></w:ins></w:p>"
    )
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"<w:sectPr", insertion.encode() + b"<w:sectPr", 1
    )
    members["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        f'name="HoTen"><vt:lpwstr>{NAME}</vt:lpwstr></property></Properties>'
    ).encode()
    members["customXml/item1.xml"] = f"<hoSo><ten>{NAME}</ten></hoSo>".encode()
    members["word/people.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><w15:people xmlns:w15="http://schemas.'
        f'microsoft.com/office/word/2012/wordml"><w15:person w15:author="{NAME}"/></w15:people>'
    ).encode()
    members["word/_rels/settings.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{R_TYPES}/attachedTemplate" '
        f'Target="file:///C:\\Users\\{USER_FOLDER}\\Templates\\Normal.dotm" '
        'TargetMode="External"/></Relationships>'
    ).encode()
    members["word/settings.xml"] = re.sub(
        rb"(<w:settings[^>]*>)",
        rb'\1<w:attachedTemplate r:id="rId1"/>',
        members["word/settings.xml"],
        count=1,
    )
    if b'xmlns:r="' not in members["word/settings.xml"][:2000]:
        members["word/settings.xml"] = members["word/settings.xml"].replace(
            b"<w:settings ", f'<w:settings xmlns:r="{R_TYPES}" '.encode(), 1
        )
    members["_rels/.rels"] = members["_rels/.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdC" Type="{R_TYPES}/custom-properties" '
        'Target="docProps/custom.xml"/></Relationships>'.encode(),
    )
    members[DOCUMENT_RELS] = members[DOCUMENT_RELS].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdX" Type="{R_TYPES}/customXml" Target="../customXml/item1.xml"/>'
        '<Relationship Id="rIdP" Type="http://schemas.microsoft.com/office/2011/relationships/'
        'people" Target="people.xml"/>'
        f'<Relationship Id="rIdL" Type="{R_TYPES}/image" TargetMode="External" '
        f'Target="file:///C:\\Users\\{USER_FOLDER}\\Pictures\\lien_ket.jpg"/>'
        "</Relationships>".encode(),
    )
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/docProps/custom.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        b'<Override PartName="/word/people.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/></Types>',
    )


def _texts(data: bytes) -> list[str]:
    """Every paragraph's text as Word shows it, tracked insertions included."""
    root = etree.fromstring(data)
    return [
        "".join(t.text or "" for t in paragraph.iter(f"{{{W}}}t"))
        for paragraph in root.iter(f"{{{W}}}p")
    ]


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def docx_pair(tmp_path: Path) -> tuple[Path, Path, CleanReport]:
    source = entry_docx(tmp_path / "bai.docx", gps_jpeg(tmp_path / "anh.jpg"))
    target = tmp_path / "judges" / "A001.docx"
    return source, target, clean_copy(source, target)


def test_docx_properties_comments_and_authors_are_gone(
    docx_pair: tuple[Path, Path, CleanReport],
) -> None:
    _, target, report = docx_pair
    assert report.kind is DocKind.DOCX and report.cleaned and report.written
    assert report.problems == []
    for label in (
        "docx:creator",
        "docx:lastModifiedBy",
        "docx:title",
        "docx:comments",
        "docx:custom-properties",
        "docx:custom-xml",
        "docx:people",
        "docx:revision-authors",
        "docx:template-path",
        "docx:local-path",
        "jpeg:exif-gps",
    ):
        assert label in report.removed

    props = Document(str(target)).core_properties
    assert (props.author, props.last_modified_by, props.title) == ("", "", "")
    assert (props.subject, props.keywords, props.comments) == ("", "", "")

    members = _members(target)
    assert not any(re.search(r"comments|people|custom", name) for name in members)
    for name, data in members.items():
        assert NAME.encode() not in data, name
        assert USER_FOLDER.encode() not in data, name
    assert b"commentRangeStart" not in members["word/document.xml"]
    assert b"commentReference" not in members["word/document.xml"]
    assert b"comments" not in members[DOCUMENT_RELS]
    assert b"custom" not in members["[Content_Types].xml"]
    assert b'w:author="\xe2\x80\x94"' in members["word/document.xml"]


def test_docx_text_and_picture_are_kept(docx_pair: tuple[Path, Path, CleanReport]) -> None:
    source, target, _ = docx_pair
    before, after = _members(source), _members(target)
    assert _texts(after["word/document.xml"]) == _texts(before["word/document.xml"])
    assert [p.text for p in Document(str(target)).paragraphs] == [
        p.text for p in Document(str(source)).paragraphs
    ]
    assert "Câu chèn thêm." in _texts(after["word/document.xml"])
    assert [n for n in before if n in after] == [n for n in after]  # names and order kept
    pictures = [name for name in after if name.startswith("word/media/")]
    assert len(pictures) == 1
    original, cleaned = before[pictures[0]], after[pictures[0]]
    assert has_exif(original) and not has_exif(cleaned)
    assert pixels(cleaned) == pixels(original)


def test_docx_same_input_same_bytes(
    docx_pair: tuple[Path, Path, CleanReport], tmp_path: Path
) -> None:
    source, target, _ = docx_pair
    again = tmp_path / "again.docx"
    clean_copy(source, again)
    assert again.read_bytes() == target.read_bytes()
    cleaned_twice = tmp_path / "twice.docx"
    clean_copy(target, cleaned_twice)  # cleaning a clean copy changes nothing visible
    assert _texts(_members(cleaned_twice)["word/document.xml"]) == _texts(
        _members(target)["word/document.xml"]
    )


def test_docx_jpeg_turned_by_exif_keeps_only_its_orientation(tmp_path: Path) -> None:
    source = entry_docx(tmp_path / "bai.docx", gps_jpeg(tmp_path / "anh.jpg", orientation=6))
    clean_copy(source, tmp_path / "out.docx")
    before, after = _members(source), _members(tmp_path / "out.docx")
    picture = next(name for name in after if name.startswith("word/media/"))
    with Image.open(io.BytesIO(after[picture])) as image:
        assert dict(image.getexif()) == {0x0112: 6}
        assert "xmp" not in image.info and "comment" not in image.info
    assert pixels(after[picture]) == pixels(before[picture])


@pytest.mark.parametrize(
    ("maker", "code"),
    [
        (billion_laughs_docx, "unsafe_content"),
        (zip_bomb_docx, "too_large_unpacked"),
    ],
)
def test_hostile_docx_is_refused(tmp_path: Path, maker: object, code: str) -> None:
    source = maker(tmp_path / "bad.docx")  # type: ignore[operator]
    target = tmp_path / "out.docx"
    report = clean_copy(source, target)
    assert (report.kind, report.cleaned, report.written) == (DocKind.DOCX, False, False)
    assert [problem.code for problem in report.problems] == [code]
    assert not target.exists()


def test_damaged_docx_is_refused_not_copied(tmp_path: Path) -> None:
    """Decision: a DOCX we cannot clean is never handed over (its properties may still leak);
    the judges get the placeholder page the viewer shows for it anyway."""
    whole = entry_docx(tmp_path / "bai.docx", gps_jpeg(tmp_path / "anh.jpg")).read_bytes()
    truncated = tmp_path / "cut.docx"
    truncated.write_bytes(whole[: len(whole) // 2])
    broken_xml = tmp_path / "broken.docx"
    members = _members(tmp_path / "bai.docx")
    members["word/document.xml"] = members["word/document.xml"][:-40]
    with zipfile.ZipFile(broken_xml, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    for source in (truncated, broken_xml):
        target = tmp_path / f"out-{source.name}"
        report = clean_copy(source, target)
        assert (report.kind, report.written) == (DocKind.DOCX, False), source
        assert [problem.code for problem in report.problems] == ["corrupt"]
        assert not target.exists()
        sentence = render("corrupt", "en", **report.problems[0].params)
        assert "damaged" in sentence


# PDF -------------------------------------------------------------------------------------------


def entry_pdf(path: Path, tmp_path: Path) -> Path:
    scripted = scripted_pdf(tmp_path / "scripted.pdf")
    with pymupdf.open(scripted) as doc:
        red_box = red_box_pdf(tmp_path / "text.pdf")
        with pymupdf.open(red_box) as text:
            doc.insert_pdf(text)
        doc.set_metadata({"author": NAME, "title": NAME, "subject": NAME, "creator": NAME})
        doc.set_xml_metadata(f"<x:xmpmeta xmlns:x='adobe:ns:meta/'>{NAME}</x:xmpmeta>")
        script = doc.get_new_xref()
        doc.update_object(script, "<</S/JavaScript/JS(app.launchURL\\('http://x.vn'\\))>>")
        doc.xref_set_key(
            doc.pdf_catalog(), "Names/JavaScript", f"<</Names[(batDau) {script} 0 R]>>"
        )
        page = doc[1]
        note = page.add_text_annot((30, 30), "ghi chú")
        note.set_info(title=NAME)
        note.update()
        doc.save(path)
    return path


def test_pdf_metadata_attachments_and_scripts_are_gone(tmp_path: Path) -> None:
    source = entry_pdf(tmp_path / "bai.pdf", tmp_path)
    target = tmp_path / "A002.pdf"
    report = clean_copy(source, target)
    assert (report.kind, report.cleaned, report.written) == (DocKind.PDF, True, True)
    for label in ("pdf:author", "pdf:title", "pdf:xmp", "pdf:embedded-files", "pdf:javascript"):
        assert label in report.removed
    assert "pdf:annotation-authors" in report.removed

    raw = target.read_bytes()
    assert b"/JavaScript" not in raw and b"/OpenAction" not in raw
    assert b"payload" not in raw and b"xmpmeta" not in raw
    with pymupdf.open(target) as cleaned, pymupdf.open(source) as original:
        assert all(not value for key, value in cleaned.metadata.items() if key != "format")
        assert cleaned.get_xml_metadata() == ""
        assert cleaned.embfile_count() == 0
        assert [a.info["title"] for a in cleaned[1].annots()] == [""]
        assert [a.info["content"] for a in cleaned[1].annots()] == ["ghi chú"]
        assert cleaned.page_count == original.page_count
        for number in range(original.page_count):
            assert cleaned[number].get_text() == original[number].get_text()


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    report = clean_copy(encrypted_pdf(tmp_path / "locked.pdf"), tmp_path / "out.pdf")
    assert (report.written, [p.code for p in report.problems]) == (False, ["encrypted"])


# Images ----------------------------------------------------------------------------------------


def test_jpeg_gps_exif_is_stripped_byte_wise(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "anh.jpg")
    target = tmp_path / "A003.jpg"
    report = clean_copy(source, target)
    assert report.kind is DocKind.IMAGE and report.cleaned
    assert {"jpeg:exif", "jpeg:exif-gps", "jpeg:xmp", "jpeg:comment"} <= set(report.removed)
    cleaned = target.read_bytes()
    assert not has_exif(cleaned) and b"Exif" not in cleaned
    assert NAME.encode() not in cleaned
    assert pixels(cleaned) == pixels(source.read_bytes())
    again = tmp_path / "again.jpg"
    clean_copy(source, again)
    assert again.read_bytes() == cleaned


def test_jpeg_turned_by_exif_is_made_upright(tmp_path: Path) -> None:
    source = exif_rotated_jpeg(tmp_path / "xoay.jpg")
    target = tmp_path / "A004.jpg"
    report = clean_copy(source, target)
    assert "jpeg:orientation-applied" in report.removed
    cleaned = target.read_bytes()
    assert not has_exif(cleaned)
    with Image.open(target) as image, Image.open(source) as original:
        upright = ImageOps.exif_transpose(original).convert("RGB")
        assert image.size == upright.size == (200, 400)
        top, bottom = image.convert("RGB").getpixel((100, 50)), image.getpixel((100, 350))
        assert top[0] > 200 > top[2] and bottom[2] > 200 > bottom[0]  # type: ignore[index]


def test_png_text_chunks_are_gone_pixels_identical(tmp_path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Nguyen Van An")
    info.add_itxt("Title", NAME)
    source = tmp_path / "anh.png"
    _photo().save(source, pnginfo=info, dpi=(150, 150))
    target = tmp_path / "A005.png"
    report = clean_copy(source, target)
    assert report.removed == ["png:text"]
    cleaned = target.read_bytes()
    assert b"Author" not in cleaned and b"Nguyen" not in cleaned
    with Image.open(target) as image:
        assert "Author" not in image.info and "Title" not in image.info
        assert round(image.info["dpi"][0]) == 150
    assert pixels(cleaned) == pixels(source.read_bytes())
    again = tmp_path / "again.png"
    clean_copy(source, again)
    assert again.read_bytes() == cleaned


def test_tiff_is_saved_again_without_metadata(tmp_path: Path) -> None:
    source = two_page_tiff(tmp_path / "scan.tif")
    with Image.open(source) as image:
        frames = [frame.copy() for frame in [image]]
        image.seek(1)
        frames.append(image.copy())
    frames[0].save(source, "TIFF", save_all=True, append_images=frames[1:], tiffinfo={315: NAME})
    target = tmp_path / "A006.tif"
    report = clean_copy(source, target)
    assert report.cleaned and report.removed == ["tiff:metadata"]
    assert NAME.encode() not in target.read_bytes()
    with Image.open(target) as cleaned, Image.open(source) as original:
        assert getattr(cleaned, "n_frames", 1) == getattr(original, "n_frames", 1) == 2
        for page in range(2):
            cleaned.seek(page)
            original.seek(page)
            assert cleaned.convert("RGB").tobytes() == original.convert("RGB").tobytes()
            assert 315 not in cleaned.getexif()


def test_jpeg_filter_keeps_progressive_scans_and_drops_trailer() -> None:
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x013B] = "x"
    _photo().save(buffer, "JPEG", progressive=True, exif=exif)
    data = buffer.getvalue() + b"TRAILING-DEPTH-MAP"
    stripped, removed, orientation = strip_jpeg(data)
    assert orientation == 1 and removed == ["jpeg:exif", "jpeg:trailer"]
    assert stripped.endswith(b"\xff\xd9")
    assert pixels(stripped) == pixels(data)


# Other kinds -----------------------------------------------------------------------------------


def test_other_kinds_are_copied_and_reported(tmp_path: Path) -> None:
    source = tmp_path / "bai.txt"
    source.write_text("Bài dự thi", encoding="utf-8")
    target = tmp_path / "A007.txt"
    report = clean_copy(source, target)
    assert (report.kind, report.cleaned, report.written) == (DocKind.TEXT, False, True)
    assert target.read_bytes() == source.read_bytes()
    assert [problem.code for problem in report.problems] == ["clean_kind_not_cleaned"]
    assert "text" in render("clean_kind_not_cleaned", "en", **report.problems[0].params)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    report = clean_copy(tmp_path / "none.docx", tmp_path / "out.docx")
    assert (report.written, [p.code for p in report.problems]) == (False, ["missing"])


def test_iphone_heic_loses_gps_and_stays_upright(tmp_path: Path) -> None:
    pytest.importorskip("pillow_heif")
    from judge_app.documents.image import heif_available

    assert heif_available()
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x013B] = NAME
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0)}
    stored = Image.new("RGB", (40, 20), (0, 0, 255))
    stored.paste((255, 0, 0), (0, 0, 20, 20))  # red on the left: on top once upright
    source = tmp_path / "IMG_0001.HEIC"
    stored.save(source, "HEIF", exif=exif.tobytes(), xmp=b"<x:xmpmeta>An</x:xmpmeta>")
    target = tmp_path / "A008.heic"
    report = clean_copy(source, target)
    assert (report.cleaned, report.removed) == (True, ["heic:metadata"])
    assert NAME.encode() not in target.read_bytes()
    with Image.open(target) as image:
        assert not image.getexif() and not image.info.get("exif") and not image.info.get("xmp")
        assert image.size == (20, 40)
        upright = image.convert("RGB")
        assert upright.getpixel((10, 5))[0] > 200 and upright.getpixel((10, 35))[2] > 200  # type: ignore[index]


def test_messages_of_cleaning_say_the_same_in_both_languages() -> None:
    for code, params in (
        ("clean_kind_not_cleaned", {"kind": "odt"}),
        ("clean_part_not_cleaned", {"part": "word/embeddings/oleObject1.bin"}),
    ):
        for lang in ("vi", "en"):
            assert all(value in render(code, lang, **params) for value in params.values())


def _two_colour(size: tuple[int, int] = (40, 20)) -> Image.Image:
    image = Image.new("RGB", size, (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, size[0] // 2, size[1]))
    return image


@pytest.mark.parametrize(
    ("fmt", "options", "lossless"),
    [
        ("TIFF", {"tiffinfo": {274: 6, 315: NAME}, "compression": "tiff_lzw"}, True),
        ("WEBP", {"lossless": True, "xmp": NAME.encode()}, True),
        ("WEBP", {"quality": 90, "xmp": NAME.encode()}, False),
        ("GIF", {"comment": NAME.encode()}, True),
    ],
)
def test_other_images_are_saved_again_upright_without_metadata(
    tmp_path: Path, fmt: str, options: dict[str, object], lossless: bool
) -> None:
    source = tmp_path / f"anh.{fmt.lower()}"
    exif = Image.Exif()
    exif[0x013B] = NAME
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0)}
    extra: dict[str, object] = {"exif": exif.tobytes()} if fmt == "WEBP" else {}
    _two_colour().save(source, fmt, **options, **extra)
    target = tmp_path / f"A009.{fmt.lower()}"
    report = clean_copy(source, target)
    assert report.cleaned and report.removed == [f"{fmt.lower()}:metadata"]
    assert NAME.encode() not in target.read_bytes()
    with Image.open(target) as cleaned, Image.open(source) as original:
        assert cleaned.format == fmt
        assert not cleaned.info.get("exif") and not cleaned.info.get("xmp")
        assert 315 not in cleaned.getexif() and 0x8825 not in cleaned.getexif()
        assert "comment" not in cleaned.info
        upright = ImageOps.exif_transpose(original).convert("RGB")
        assert cleaned.size == upright.size
        if lossless:
            assert cleaned.convert("RGB").tobytes() == upright.tobytes()


def test_image_over_the_pixel_limit_is_refused_before_decoding(tmp_path: Path) -> None:
    from judge_app.documents.limits import Limits

    source = two_page_tiff(tmp_path / "scan.tif")  # 2 pages of 100 × 140
    target = tmp_path / "A010.tif"
    report = clean_copy(source, target, Limits(max_image_pixels=10_000))
    assert (report.written, [p.code for p in report.problems]) == (False, ["too_many_pixels"])
    assert not target.exists()
    small_budget = Limits(max_image_pixels=100 * 140)  # exactly one page
    assert clean_copy(source, target, small_budget).written  # 2 pages ≤ 4 × one page

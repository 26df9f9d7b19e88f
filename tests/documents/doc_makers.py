"""Small real entry files, good and hostile, made on the fly (nothing large is ever allocated)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pymupdf
from PIL import Image

from judge_app.documents.model import PageImage
from judge_app.paths import fonts_dir

RED = (255, 0, 0)
GREEN = (0, 160, 0)
BLUE = (0, 0, 255)
WHITE = (255, 255, 255)

# A page of 200 × 300 pt with a red box at x 50-100, y 60-120 pt.
PAGE_PT = (200.0, 300.0)
RED_BOX_PT = (50.0, 60.0, 100.0, 120.0)


def pixel(image: PageImage, x: int, y: int) -> tuple[int, int, int]:
    offset = y * image.stride + x * 3
    r, g, b = image.samples[offset : offset + 3]
    return (r, g, b)


def near(color: tuple[int, int, int], expected: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(color, expected, strict=True))


def red_box_pdf(path: Path, pages: int = 1, text: str = "Bài dự thi số 7") -> Path:
    with pymupdf.open() as doc:
        for _ in range(pages):
            page = doc.new_page(width=PAGE_PT[0], height=PAGE_PT[1])
            page.draw_rect(pymupdf.Rect(*RED_BOX_PT), color=None, fill=(1, 0, 0))
            page.insert_text(
                (20, 200),
                text,
                fontsize=12,
                fontname="serif",
                fontfile=str(fonts_dir() / "LiberationSerif-Regular.ttf"),
            )
        doc.save(path)
    return path


def many_pages_pdf(path: Path, pages: int) -> Path:
    with pymupdf.open() as doc:
        for _ in range(pages):
            doc.new_page(width=72, height=72)
        doc.save(path)
    return path


def encrypted_pdf(path: Path) -> Path:
    with pymupdf.open() as doc:
        doc.new_page()
        doc.save(
            path,
            encryption=pymupdf.PDF_ENCRYPT_AES_256,  # type: ignore[attr-defined]
            user_pw="secret",
            owner_pw="own",
        )
    return path


def scripted_pdf(path: Path) -> Path:
    """A PDF that runs JavaScript on open and carries an attached executable."""
    with pymupdf.open() as doc:
        page = doc.new_page(width=PAGE_PT[0], height=PAGE_PT[1])
        page.draw_rect(pymupdf.Rect(*RED_BOX_PT), color=None, fill=(1, 0, 0))
        doc.embfile_add("payload.exe", b"MZ" + b"\x00" * 64, filename="payload.exe")
        doc.xref_set_key(
            doc.pdf_catalog(), "OpenAction", "<</S/JavaScript/JS(app.alert('pwned'))>>"
        )
        doc.save(path)
    return path


def red_box_png(path: Path, size: tuple[int, int] = (200, 300)) -> Path:
    image = Image.new("RGB", size, WHITE)
    image.paste(RED, (50, 60, 100, 120))
    image.save(path, dpi=(144, 144))  # 200 px at 144 dpi = 100 pt wide
    return path


def exif_rotated_jpeg(path: Path) -> Path:
    """Stored 400 × 200 with red left, blue right, EXIF orientation 6 (turn 90° clockwise):
    upright it is 200 × 400 with red on top."""
    image = Image.new("RGB", (400, 200), BLUE)
    image.paste(RED, (0, 0, 200, 200))
    exif = Image.Exif()
    exif[0x0112] = 6
    image.save(path, "JPEG", quality=95, exif=exif.tobytes())
    return path


def two_page_tiff(path: Path) -> Path:
    first = Image.new("RGB", (100, 140), RED)
    second = Image.new("RGB", (100, 140), GREEN)
    first.save(path, "TIFF", save_all=True, append_images=[second], compression="tiff_deflate")
    return path


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png_header(path: Path, width: int = 30_000, height: int = 30_000) -> Path:
    """A PNG that declares 30,000 × 30,000 pixels and holds almost nothing."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )
    return path


def bomb_png(path: Path, side: int = 12_000) -> Path:
    """A real, valid PNG of side² grey pixels (144 MP) compressed to a few hundred KB."""
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\x00" * (side + 1)
    chunks = [compressor.compress(row) for _ in range(side)]
    idat = b"".join(chunks) + compressor.flush()
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )
    return path


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _docx(path: Path, document_xml: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document_xml)
    return path


def simple_docx(path: Path, text: str = "Bài dự thi về dịch vụ công trực tuyến") -> Path:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.font.name = "Times New Roman"
    run.font.size = Pt(14)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def zip_bomb_docx(path: Path) -> Path:
    """document.xml inflates 8 MB from a few KB (ratio ≫ 200)."""
    body = b'<?xml version="1.0"?><w:document xmlns:w="x">' + b" " * (8 * 1024 * 1024)
    return _docx(path, body + b"</w:document>")


def billion_laughs_docx(path: Path) -> Path:
    entities = "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">' + entities + "]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx(path, xml.encode())


def image_of(page: PageImage) -> Image.Image:
    return Image.frombytes("RGB", (page.width, page.height), page.samples)

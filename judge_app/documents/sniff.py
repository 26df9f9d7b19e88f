"""What a file really is, from its bytes: schools rename files, mailers mangle extensions.

A ".docx" that is really a PDF opens as a PDF (with a note); a ".pdf" that is an HTML error
page saved by a browser becomes a placeholder that says so. Reads at most the first kilobytes
and, for zips, the central directory: never the whole file.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from judge_app.documents.model import DocKind

HEAD_BYTES = 4096
PDF_MAGIC_WINDOW = 1024  # Acrobat accepts %PDF anywhere in the first 1 KB
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

# Extensions each kind is normally saved with, for the wrong-extension note.
EXTENSIONS: dict[DocKind, frozenset[str]] = {
    DocKind.PDF: frozenset({".pdf"}),
    DocKind.DOCX: frozenset({".docx", ".docm", ".dotx"}),
    DocKind.IMAGE: frozenset(
        {
            ".jpg",
            ".jpeg",
            ".jpe",
            ".jfif",
            ".png",
            ".gif",
            ".tif",
            ".tiff",
            ".bmp",
            ".webp",
            ".heic",
            ".heif",
        }
    ),
    DocKind.ODT: frozenset({".odt"}),
    DocKind.DOC: frozenset({".doc", ".dot"}),
    DocKind.RTF: frozenset({".rtf", ".doc"}),  # Word saves RTF as .doc on request
    DocKind.HTML: frozenset({".html", ".htm"}),
    DocKind.TEXT: frozenset({".txt", ".text", ".md", ".csv"}),
    DocKind.ZIP: frozenset({".zip"}),
}

_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def image_format(head: bytes) -> str | None:
    """A short name of the image format in `head`, or None when it is not an image we know."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if head.startswith(b"BM") and len(head) >= 26 and head[6:10] == b"\x00\x00\x00\x00":
        return "BMP"  # reserved fields are zero in every real BMP
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "AVIF" if head[8:12] == b"avif" else "HEIC"
    return None


def sniff(path: Path) -> DocKind:
    """The real kind of the file at `path` (OSError if it cannot be read)."""
    with Path(path).open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    return sniff_bytes(head, path)


def sniff_bytes(head: bytes, path: Path | None = None) -> DocKind:
    """The kind from the first bytes; `path` lets zips be told apart by their directory."""
    if not head:
        return DocKind.EMPTY
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(head, path)
    if head.startswith(_OLE2):
        return DocKind.DOC
    if head.startswith(b"{\\rtf"):
        return DocKind.RTF
    if b"%PDF-" in head[:PDF_MAGIC_WINDOW]:
        return DocKind.PDF
    if image_format(head) is not None:
        return DocKind.IMAGE
    text = _as_text(head)
    if text is None:
        return DocKind.UNKNOWN
    lowered = text.lstrip("\ufeff \t\r\n").lower()
    if lowered.startswith(("<!doctype html", "<html", "<head", "<body")) or (
        lowered.startswith("<?xml") and "<html" in lowered
    ):
        return DocKind.HTML
    return DocKind.TEXT


def _as_text(head: bytes) -> str | None:
    """Decoded text when `head` is mostly printable text (UTF-8, UTF-16 or a legacy 8-bit)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the end of the window
            text = head.decode("latin-1")  # TCVN3/VNI essays are 8-bit text
        else:
            text = head[: error.start].decode("utf-8")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n\f")
    return text if controls <= len(text) // 50 else None


def _zip_kind(head: bytes, path: Path | None) -> DocKind:
    """DOCX, ODT or a plain zip, from the names (and ODF's stored mimetype) in the zip."""
    if len(head) > 38 and head[30:38] == b"mimetype" and ODT_MIMETYPE in head[38:120]:
        return DocKind.ODT
    if path is None:
        return DocKind.ZIP
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return DocKind.DOCX
            if "mimetype" in names and "content.xml" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200:
                    with archive.open(info) as member:
                        if member.read(200).strip() == ODT_MIMETYPE:
                            return DocKind.ODT
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        # A truncated DOCX has no central directory: the first member's name still tells,
        # and failing that its name does, so the judge reads "damaged Word file", not "zip".
        if head[30:49] == b"[Content_Types].xml" or b"word/" in head:
            return DocKind.DOCX
        if path.suffix.lower() in {".docx", ".docm", ".dotx"}:
            return DocKind.DOCX
    return DocKind.ZIP

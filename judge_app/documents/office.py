"""DOCX entries: checked as a zip first, converted to PDF once, then shown like a PDF.

The conversion (judge_app.documents.docx_pdf, which keeps the essay's page size, fonts and
page breaks) is the slow part, so its result is kept on disk under the file's SHA-256: a judge
who reopens an essay, or the next judge on the same machine, waits for a PDF page render only.
Facts report the DOCX's own page size and fonts (what the format check must judge), not the
PDF's.
"""

from __future__ import annotations

import contextlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from judge_app.core.errors import JudgeAppError
from judge_app.documents.limits import MB, Limits
from judge_app.documents.model import DocKind, DocumentFacts, FontUse, Problem
from judge_app.documents.pdf import PdfDocument, open_pdf
from judge_app.documents.problems import (
    CORRUPT,
    TOO_LARGE_UNPACKED,
    TRUNCATED,
    UNSAFE_CONTENT,
    UnreadableError,
    detail,
)
from judge_app.fileio import sha256_file, write_atomically

CACHE_FORMAT = 2  # bump when the cached JSON's shape changes
# The converted-DOCX cache is pruned, oldest use first, back to 80 % of this: an intake of
# 12,000 DOCX once filled 9.7 GiB of the user's data folder with it.
CACHE_MAX_BYTES = 2 * 1024**3
PRUNE_EVERY = 64  # stores between two looks at the cache's size
_stores_since_prune = 0
_PROLOG_BYTES = 4096
_FORBIDDEN = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)


@dataclass
class Conversion:
    """What the DOCX converter gives: the PDF and the facts of the DOCX itself."""

    pdf: bytes
    page_size_pt: tuple[float, float]
    fonts: list[FontUse]
    text_chars: int
    problems: list[Problem] = field(default_factory=list)
    converter: str = "?"


def check_office_zip(path: Path, limits: Limits) -> None:
    """Refuse zip bombs and XML bombs from the zip directory and the XML prologs alone."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > limits.max_zip_members:
                raise UnreadableError(TOO_LARGE_UNPACKED, detail=f"{len(members)} parts")
            total = 0
            for member in members:
                total += member.file_size
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > limits.max_part_bytes or (
                    member.file_size > MB and ratio > limits.max_compression_ratio
                ):
                    raise UnreadableError(
                        TOO_LARGE_UNPACKED,
                        detail=f"{member.filename}: {member.file_size // MB} MB",
                    )
            if total > limits.max_unzipped_bytes:
                raise UnreadableError(TOO_LARGE_UNPACKED, detail=f"{total // MB} MB")
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    with archive.open(member) as part:
                        prolog = part.read(_PROLOG_BYTES)
                    if any(marker in prolog for marker in _FORBIDDEN):
                        raise UnreadableError(UNSAFE_CONTENT, detail=f"{member.filename}: DOCTYPE")
    except zipfile.BadZipFile as error:
        if not _has_end_of_central_directory(path):
            raise UnreadableError(TRUNCATED) from error
        raise UnreadableError(CORRUPT, detail=detail(error)) from error
    except (OSError, ValueError, NotImplementedError, EOFError) as error:
        raise UnreadableError(CORRUPT, detail=detail(error)) from error


def _has_end_of_central_directory(path: Path) -> bool:
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(max(0, size - 65_557))
        return b"PK\x05\x06" in handle.read()


def convert(path: Path) -> Conversion:
    """The DOCX as PDF plus its facts: by docx_pdf when present, else MuPDF's rough import."""
    try:
        from judge_app.documents import docx_pdf
    except ImportError:
        return _convert_with_mupdf(path)
    try:
        result = docx_pdf.convert_docx(path)
    except JudgeAppError as error:
        raise UnreadableError(error.code, **error.params) from error
    return Conversion(
        pdf=result.pdf,
        page_size_pt=tuple(result.page_size_pt),  # type: ignore[arg-type]
        fonts=list(result.fonts),
        text_chars=result.text_chars,
        problems=list(result.problems),
        converter=f"docx_pdf-{docx_pdf.CONVERTER_VERSION}",
    )


def _convert_with_mupdf(path: Path) -> Conversion:
    """Stand-in until docx_pdf lands: MuPDF's own DOCX import (wrong fonts and sizes)."""
    import pymupdf

    try:
        with pymupdf.open(path, filetype="docx") as source:
            pdf = source.convert_to_pdf()
    except (RuntimeError, ValueError) as error:
        raise UnreadableError(CORRUPT, detail=detail(error)) from error
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        first = doc[0].rect if doc.page_count else pymupdf.Rect(0, 0, 595.28, 841.89)
        converted = PdfDocument(path, doc)
        fonts, chars = converted.fonts_and_chars()
    return Conversion(pdf, (first.width, first.height), fonts, chars, [], "mupdf")


def file_digest(path: Path) -> str:
    return sha256_file(path)[0]


def _cached(cache_dir: Path, digest: str) -> Conversion | None:
    meta_path = cache_dir / f"{digest}.json"
    pdf_path = cache_dir / f"{digest}.pdf"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("format") != CACHE_FORMAT:
            return None
        pdf = pdf_path.read_bytes()
        if len(pdf) != meta.get("pdf_bytes") or not pdf.startswith(b"%PDF"):
            return None  # cut short by a crash (the cache is written without fsync)
        os.utime(meta_path)  # most recently used: pruned last
        return Conversion(
            pdf=pdf,
            page_size_pt=(float(meta["page_size_pt"][0]), float(meta["page_size_pt"][1])),
            fonts=[FontUse(f["name"], float(f["size_pt"]), int(f["chars"])) for f in meta["fonts"]],
            text_chars=int(meta["text_chars"]),
            problems=[Problem(p["code"], dict(p["params"])) for p in meta["problems"]],
            converter=str(meta["converter"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _store(cache_dir: Path, digest: str, conversion: Conversion) -> None:
    meta = {
        "format": CACHE_FORMAT,
        "converter": conversion.converter,
        "page_size_pt": list(conversion.page_size_pt),
        "fonts": [
            {"name": f.name, "size_pt": f.size_pt, "chars": f.chars} for f in conversion.fonts
        ],
        "text_chars": conversion.text_chars,
        "problems": [{"code": p.code, "params": p.params} for p in conversion.problems],
        "pdf_bytes": len(conversion.pdf),
    }
    global _stores_since_prune
    try:
        # The PDF first: the JSON's presence is what marks a complete entry. No fsync: a
        # cache is made again when lost, and the length check catches a file cut short.
        write_atomically(cache_dir / f"{digest}.pdf", conversion.pdf, durable=False)
        write_atomically(
            cache_dir / f"{digest}.json",
            json.dumps(meta, ensure_ascii=False).encode("utf-8"),
            durable=False,
        )
        _stores_since_prune += 1
        if _stores_since_prune >= PRUNE_EVERY:
            _stores_since_prune = 0
            prune_cache(cache_dir)
    except OSError:
        pass  # a full or read-only disk only costs speed next time


def prune_cache(cache_dir: Path, max_bytes: int = CACHE_MAX_BYTES) -> int:
    """Delete the least recently used conversions until the cache holds at most 80 % of
    `max_bytes` (when it holds more than `max_bytes`); how many were deleted."""
    entries: list[tuple[float, int, str]] = []
    total = 0
    with os.scandir(cache_dir) as found:
        for item in found:
            if not item.name.endswith(".json"):
                continue
            digest = item.name[: -len(".json")]
            try:
                used = item.stat().st_mtime
                size = item.stat().st_size + (cache_dir / f"{digest}.pdf").stat().st_size
            except OSError:
                continue
            entries.append((used, size, digest))
            total += size
    if total <= max_bytes:
        return 0
    deleted = 0
    for _used, size, digest in sorted(entries):
        if total <= max_bytes * 0.8:
            break
        for suffix in (".json", ".pdf"):  # the marker first: never a marker without its PDF
            with contextlib.suppress(OSError):
                (cache_dir / f"{digest}{suffix}").unlink()
        total -= size
        deleted += 1
    return deleted


def current_converter() -> str:
    """The converter a fresh conversion would use: a cached result by another one is stale."""
    try:
        from judge_app.documents import docx_pdf
    except ImportError:
        return "mupdf"
    return f"docx_pdf-{docx_pdf.CONVERTER_VERSION}"


class DocxDocument(PdfDocument):
    """A DOCX shown through its converted PDF; facts speak of the DOCX."""

    def __init__(
        self,
        path: Path,
        conversion: Conversion,
        *,
        limits: Limits | None = None,
        notes: list[Problem] | None = None,
    ) -> None:
        super().__init__(
            path,
            open_pdf(path, data=conversion.pdf),
            kind=DocKind.DOCX,
            limits=limits,
            notes=[*(notes or []), *conversion.problems],
        )
        self.conversion = conversion

    @classmethod
    def open_docx(
        cls,
        path: Path,
        *,
        limits: Limits | None = None,
        notes: list[Problem] | None = None,
        cache_dir: Path | None = None,
    ) -> DocxDocument:
        limits = limits or Limits()
        check_office_zip(path, limits)
        digest = file_digest(path) if cache_dir is not None else ""
        conversion = _cached(cache_dir, digest) if cache_dir is not None else None
        if conversion is not None and conversion.converter != current_converter():
            conversion = None
        if conversion is None:
            conversion = convert(path)
            if cache_dir is not None:
                _store(cache_dir, digest, conversion)
        return cls(path, conversion, limits=limits, notes=notes)

    def fonts_and_chars(self) -> tuple[list[FontUse], int]:
        """The DOCX's own fonts (what the format check judges), not the PDF's."""
        return list(self.conversion.fonts), self.conversion.text_chars

    def facts(self) -> DocumentFacts:
        pdf_facts = super().facts()
        return DocumentFacts(
            path=pdf_facts.path,
            kind=DocKind.DOCX,
            size_bytes=pdf_facts.size_bytes,
            page_count=pdf_facts.page_count,
            page_sizes_pt=[self.conversion.page_size_pt] * pdf_facts.page_count,
            has_text=pdf_facts.has_text,
            text_chars=pdf_facts.text_chars,
            fonts=pdf_facts.fonts,
            problems=pdf_facts.problems,
        )

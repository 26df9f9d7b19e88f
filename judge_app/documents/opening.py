"""`open_document`: any entry file in, an `EntryDocument` out, never an exception.

The kind comes from the bytes (sniff), not the name. Size limits are checked before any parser
sees the file; whatever goes wrong after that becomes a placeholder document naming the file
and the specific reason. Time and memory limits are the sandbox's job (a parser stuck in C
cannot be interrupted from inside its own process).
"""

from __future__ import annotations

import logging
from pathlib import Path

from judge_app.documents.limits import MB, Limits
from judge_app.documents.model import DocKind, EntryDocument, Problem
from judge_app.documents.problems import (
    CORRUPT,
    EMPTY,
    MEMORY,
    MISSING,
    TOO_LARGE,
    UNSUPPORTED_FORMAT,
    WRONG_EXTENSION,
    UnreadableError,
    detail,
)
from judge_app.documents.sniff import EXTENSIONS, sniff

log = logging.getLogger(__name__)

# Kinds with no sane reader here: the board asks the school for PDF or DOCX.
_FORMAT_NAMES = {
    DocKind.ODT: "ODT (OpenDocument)",
    DocKind.DOC: "DOC (Word 97-2003)",
    DocKind.RTF: "RTF",
    DocKind.ZIP: "ZIP",
    DocKind.UNKNOWN: "?",
}


def wrong_extension_note(path: Path, kind: DocKind) -> Problem | None:
    """A note when the name says one kind and the bytes another (the file still opens)."""
    expected = EXTENSIONS.get(kind)
    if expected is None or path.suffix.lower() in expected:
        return None
    return Problem(WRONG_EXTENSION, {"ext": path.suffix or "(none)", "kind": kind.value.upper()})


def open_document(
    path: Path,
    lang: str = "vi",
    *,
    limits: Limits | None = None,
    cache_dir: Path | None = None,
) -> EntryDocument:
    """The document for `path`, or a placeholder saying why it cannot be shown."""
    path = Path(path)
    limits = limits or Limits()
    kind = DocKind.UNKNOWN
    notes: list[Problem] = []
    try:
        kind = DocKind.EMPTY if _size(path) == 0 else DocKind.UNKNOWN
        kind = _kind(path, limits)
        note = wrong_extension_note(path, kind)
        if note is not None:
            notes.append(note)
        return _open(path, kind, limits, notes, cache_dir)
    except UnreadableError as error:
        problem = error.problem
    except MemoryError:
        problem = Problem(MEMORY, {"limit": str(limits.memory_bytes // MB)})
    except Exception as error:  # a library's surprise on a hostile file: still a placeholder
        log.warning("opening %s failed", path, exc_info=True)
        problem = Problem(CORRUPT, {"detail": detail(error)})
    return placeholder(path, problem, kind=kind, lang=lang, notes=notes)


def placeholder(
    path: Path,
    problem: Problem,
    *,
    kind: DocKind = DocKind.UNKNOWN,
    lang: str = "vi",
    notes: list[Problem] | None = None,
) -> EntryDocument:
    from judge_app.documents.placeholder import PlaceholderDocument

    return PlaceholderDocument(path, problem, kind=kind, lang=lang, notes=notes)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _kind(path: Path, limits: Limits) -> DocKind:
    try:
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise UnreadableError(MISSING) from error
    except OSError as error:
        raise UnreadableError(CORRUPT, detail=detail(error)) from error
    if size == 0:
        raise UnreadableError(EMPTY)
    if size > limits.max_file_bytes:
        raise UnreadableError(TOO_LARGE, size=size // MB, limit=limits.max_file_bytes // MB)
    try:
        return sniff(path)
    except OSError as error:
        raise UnreadableError(CORRUPT, detail=detail(error)) from error


def _open(
    path: Path, kind: DocKind, limits: Limits, notes: list[Problem], cache_dir: Path | None
) -> EntryDocument:
    if kind == DocKind.PDF:
        from judge_app.documents.pdf import PdfDocument

        return PdfDocument.open(path, limits=limits, notes=notes)
    if kind == DocKind.IMAGE:
        from judge_app.documents.image import ImageDocument

        return ImageDocument(path, limits=limits, notes=notes)
    if kind == DocKind.DOCX:
        from judge_app.documents.office import DocxDocument

        return DocxDocument.open_docx(path, limits=limits, notes=notes, cache_dir=cache_dir)
    if kind in (DocKind.TEXT, DocKind.HTML):
        from judge_app.documents.markup import open_markup

        return open_markup(path, kind, limits=limits, notes=notes)
    if kind == DocKind.EMPTY:
        raise UnreadableError(EMPTY)
    raise UnreadableError(UNSUPPORTED_FORMAT, format=_FORMAT_NAMES.get(kind, kind.value.upper()))

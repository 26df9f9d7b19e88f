"""The one interface every entry file is seen through, whatever its kind.

A judge's viewer, intake, the format check and the printed sheets all ask the same questions
of a file: how many pages, render page N at a zoom, what text is on it, what facts (size,
fonts, scan or text). Every kind (PDF, DOCX, images, unsupported or broken files) answers them;
a file that cannot be read becomes a `placeholder` document with one page that names the file
and the reason, so no caller ever has to handle a crash.

Pure data here: no PyMuPDF, no Pillow, no Qt, so the UI can import it at start-up.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

A4_PT = (595.28, 841.89)
LETTER_PT = (612.0, 792.0)


class DocKind(enum.StrEnum):
    """What the bytes really are (never the extension)."""

    PDF = "pdf"
    DOCX = "docx"
    IMAGE = "image"
    ODT = "odt"
    DOC = "doc"  # Word 97-2003 (OLE2)
    RTF = "rtf"
    HTML = "html"
    TEXT = "text"
    ZIP = "zip"  # a zip that is not an office document
    EMPTY = "empty"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PageImage:
    """Rendered pixels: tightly packed RGB, 8 bits per channel, rows top to bottom."""

    width: int
    height: int
    samples: bytes

    @property
    def stride(self) -> int:
        return self.width * 3


@dataclass(frozen=True)
class FontUse:
    """How much text (in characters) a document sets in one font at one size."""

    name: str
    size_pt: float
    chars: int


@dataclass(frozen=True)
class Problem:
    """Why a file could not be (fully) shown: a message code + parameters (core.messages)."""

    code: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentFacts:
    """What a file is, as data the format check, the badges and `judge-app inspect` use."""

    path: Path
    kind: DocKind
    size_bytes: int
    page_count: int
    page_sizes_pt: list[tuple[float, float]]  # per page, before any rotation by the judge
    has_text: bool  # any extractable text (False for scans and photos)
    text_chars: int
    fonts: list[FontUse]  # largest share first; empty when the kind has no fonts
    image_pixels: tuple[int, int] | None = None  # for images: width, height as stored
    problems: list[Problem] = field(default_factory=list)  # empty when it opened cleanly


class EntryDocument(Protocol):
    """An open entry file. Not thread-safe: one owner (a render worker) uses it."""

    path: Path
    kind: DocKind

    @property
    def page_count(self) -> int: ...

    def page_size(self, index: int) -> tuple[float, float]:
        """Width, height in points (1/72 inch) of page `index`, upright."""
        ...

    def render(self, index: int, zoom: float, rotation: int = 0) -> PageImage:
        """Page `index` at `zoom` (1.0 = 72 dpi), turned clockwise by `rotation` (0/90/180/270)."""
        ...

    def text(self, index: int) -> str:
        """The page's text ("" for scans and photos)."""
        ...

    def facts(self) -> DocumentFacts: ...

    def close(self) -> None: ...

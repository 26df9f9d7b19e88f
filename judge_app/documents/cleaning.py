"""The judges' copies of entry files, with what identifies the entrant's computer removed.

`clean_copy` writes a copy (atomically) of one entry file for the judges: DOCX properties,
comments and revision authors, PDF metadata, XMP, attachments and scripts, photos' EXIF (GPS
included) are removed; what the entrant wrote stays as it is (text, layout, pixels). The kind
comes from the bytes (`sniff`), never the extension.

Decisions:
- A DOCX, PDF or image that cannot be cleaned (damaged, password-protected, hostile, over a
  limit) is refused: nothing is written at `target` and the report carries the reason. Copying
  it unchanged could hand the judges the metadata we promise to remove, and they get the
  placeholder page for such a file anyway.
- Other kinds (ODT, DOC, RTF, HTML, text, zips, empty or unknown files) are judged through a
  placeholder or a rendering, never opened as they are: they are copied unchanged, reported as
  not cleaned ("clean_kind_not_cleaned").
- DOCX and images give the same bytes for the same input (fixed zip dates, byte-wise filters);
  a PDF gets a new file ID on each save (the hash of each judge's copy is recorded separately).

Details per kind: cleaning_docx, cleaning_pdf, cleaning_image.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from judge_app.documents.cleaning_docx import clean_docx
from judge_app.documents.cleaning_image import clean_image
from judge_app.documents.limits import MB, Limits
from judge_app.documents.model import DocKind, Problem
from judge_app.documents.problems import MISSING, TOO_LARGE, UnreadableError
from judge_app.documents.sniff import sniff
from judge_app.fileio import write_atomically

CLEANED_KINDS = frozenset({DocKind.DOCX, DocKind.PDF, DocKind.IMAGE})


@dataclass(frozen=True)
class CleanReport:
    """What `clean_copy` did to one file.

    `cleaned`: the copy at `target` had its metadata removed; `written`: a copy exists at
    `target` at all (False only when the file was refused); `removed`: labels such as
    "docx:creator", "pdf:xmp", "jpeg:exif-gps"; `problems`: message codes (core.messages).
    """

    kind: DocKind
    cleaned: bool
    written: bool
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def clean_copy(source: Path, target: Path, limits: Limits | None = None) -> CleanReport:
    """Write the judges' copy of `source` at `target`; see the module's decisions."""
    limits = limits or Limits()
    try:
        kind = sniff(source)
        size = source.stat().st_size
    except FileNotFoundError:
        return CleanReport(DocKind.UNKNOWN, False, False, [], [Problem(MISSING)])
    if kind not in CLEANED_KINDS:
        write_atomically(target, source.read_bytes())
        return CleanReport(
            kind, False, True, [], [Problem("clean_kind_not_cleaned", {"kind": str(kind)})]
        )
    if size > limits.max_file_bytes:
        problem = Problem(
            TOO_LARGE, {"size": str(size // MB), "limit": str(limits.max_file_bytes // MB)}
        )
        return CleanReport(kind, False, False, [], [problem])
    try:
        data, removed, problems = _cleaned_bytes(kind, source, limits)
    except UnreadableError as exc:
        return CleanReport(kind, False, False, [], [exc.problem])
    write_atomically(target, data)
    return CleanReport(kind, True, True, removed, problems)


def _cleaned_bytes(
    kind: DocKind, source: Path, limits: Limits
) -> tuple[bytes, list[str], list[Problem]]:
    if kind is DocKind.DOCX:
        return clean_docx(source, limits)
    if kind is DocKind.PDF:
        from judge_app.documents.cleaning_pdf import clean_pdf  # PyMuPDF: off the start-up path

        data, removed = clean_pdf(source)
        return data, removed, []
    data, removed = clean_image(source.read_bytes(), limits)
    return data, removed, []

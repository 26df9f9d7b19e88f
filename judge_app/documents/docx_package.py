"""Reading the parts of a DOCX package safely: bounded sizes, no DTDs, specific error codes.

An entry file comes from a stranger, so the zip and every XML part are treated as hostile:
members larger than a limit are refused before they are inflated (zip bombs), XML carrying a
DOCTYPE is refused before parsing (billion laughs, external entities; OOXML never needs one),
and the lxml parser is set to resolve no entity and fetch nothing. Each way a file can be broken
raises `JudgeAppError` with its own code so the viewer can say what is wrong.

We parse with lxml directly rather than `docx.Document()`: the converter only needs the XML,
and skipping python-docx's package loader saves ≈ 50 ms of import and parsing on a cold start.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]  # no stubs: see docs/docx-fidelity.md

from judge_app.core.errors import JudgeAppError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = R + "/officeDocument"

MAX_PART_BYTES = 64 * 1024 * 1024  # one inflated XML part or picture
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # everything we inflate from one file
MAX_RATIO = 200  # inflated/compressed: real documents stay far below, bombs far above

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)
_FORBIDDEN = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag or attribute."""
    return f"{{{W}}}{tag}"


@dataclass
class DocxPackage:
    """The opened zip, the main document's part name and its relationships (id → target)."""

    path: Path
    archive: zipfile.ZipFile
    document_part: str
    relationships: dict[str, tuple[str, bool]] = field(default_factory=dict)  # id→(part, ext)
    inflated: int = 0

    @classmethod
    def open(cls, path: Path) -> DocxPackage:
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise JudgeAppError("docx_not_zip", path, reason=str(exc)) from exc
        package = cls(path, archive, "")
        package.document_part = package._main_part()
        package.relationships = package.part_relationships(package.document_part)
        return package

    def close(self) -> None:
        self.archive.close()

    def _main_part(self) -> str:
        """The officeDocument target from _rels/.rels; word/document.xml when that is absent."""
        names = set(self.archive.namelist())
        if "_rels/.rels" in names:
            rels = self.xml("_rels/.rels")
            for rel in rels.iter(f"{{{PKG_R}}}Relationship"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    target = str(rel.get("Target", "")).lstrip("/")
                    if target in names:
                        return target
        if "word/document.xml" in names:
            return "word/document.xml"
        raise JudgeAppError("docx_no_document", self.path)

    def has(self, part: str) -> bool:
        try:
            self.archive.getinfo(part)
        except KeyError:
            return False
        return True

    def read(self, part: str) -> bytes:
        """The inflated bytes of `part`, refusing members that would inflate past the limits."""
        try:
            info = self.archive.getinfo(part)
        except KeyError as exc:
            raise JudgeAppError("docx_part_missing", self.path, part=part) from exc
        declared = info.file_size
        ratio_ok = declared <= 1024 * 1024 or declared <= MAX_RATIO * max(info.compress_size, 1)
        if declared > MAX_PART_BYTES or not ratio_ok:
            raise JudgeAppError("docx_too_large", self.path, part=part)
        if self.inflated + declared > MAX_TOTAL_BYTES:
            raise JudgeAppError("docx_too_large", self.path, part=part)
        try:
            with self.archive.open(info) as stream:
                data = stream.read(MAX_PART_BYTES + 1)  # the header may lie about the size
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError) as exc:
            raise JudgeAppError("docx_not_zip", self.path, reason=str(exc)) from exc
        if len(data) > MAX_PART_BYTES:
            raise JudgeAppError("docx_too_large", self.path, part=part)
        self.inflated += len(data)
        return data

    def xml(self, part: str) -> etree._Element:
        """Parse `part` with the safe parser; DTDs are refused outright, never expanded."""
        data = self.read(part)
        if any(marker in data for marker in _FORBIDDEN):
            raise JudgeAppError("docx_unsafe_xml", self.path, part=part)
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise JudgeAppError("docx_bad_xml", self.path, part=part, reason=str(exc)) from exc

    def optional_xml(self, part: str | None) -> etree._Element | None:
        """Like `xml`, for parts a document may lack (styles, numbering, theme, notes)."""
        if part is None or not self.has(part):
            return None
        return self.xml(part)

    def part_relationships(self, part: str) -> dict[str, tuple[str, bool]]:
        """Relationship id → (part name inside the zip, is external) for `part`."""
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", name + ".rels")
        found: dict[str, tuple[str, bool]] = {}
        if not self.has(rels_part):
            return found
        for rel in self.xml(rels_part).iter(f"{{{PKG_R}}}Relationship"):
            rel_id, target = rel.get("Id"), rel.get("Target", "")
            if not rel_id:
                continue
            if rel.get("TargetMode") == "External":
                found[rel_id] = (target, True)
            elif target.startswith("/"):
                found[rel_id] = (target.lstrip("/"), False)
            else:
                found[rel_id] = (posixpath.normpath(posixpath.join(folder, target)), False)
        return found

    def related_part(self, type_suffix: str) -> str | None:
        """The main document's related part whose relationship type ends with `type_suffix`."""
        rels_part = posixpath.join(
            posixpath.dirname(self.document_part),
            "_rels",
            posixpath.basename(self.document_part) + ".rels",
        )
        if not self.has(rels_part):
            return None
        folder = posixpath.dirname(self.document_part)
        for rel in self.xml(rels_part).iter(f"{{{PKG_R}}}Relationship"):
            if rel.get("Type", "").endswith(type_suffix) and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                return (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target))
                )
        return None

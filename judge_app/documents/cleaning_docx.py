"""Removing who wrote a DOCX from the judges' copy, keeping what the entrant wrote.

The zip is rewritten member by member, names and order unchanged: the document properties
(author, last editor, title, company…) are replaced by blank ones with a fixed date; custom
properties, comments (and the people who wrote them), custom XML data and the first-page
thumbnail (which shows the cover page with the name) are dropped with their relationships and
content types; tracked changes keep their text but their author becomes "—"; the template path
and document variables in the settings go; photos lose their EXIF byte-wise (cleaning_image).

Every part is read through `DocxPackage` (size caps, no DTD, no entity expansion). Members get
a fixed date and attributes, so the same entry always gives the same bytes (the judges' copies
are hashed).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from judge_app.core.errors import JudgeAppError
from judge_app.documents.cleaning_image import clean_embedded_picture
from judge_app.documents.docx_package import PKG_R, DocxPackage, w
from judge_app.documents.limits import Limits
from judge_app.documents.model import Problem
from judge_app.documents.problems import (
    CORRUPT,
    TOO_LARGE_UNPACKED,
    UNSAFE_CONTENT,
    UnreadableError,
)
from judge_app.documents.sniff import image_format

NEUTRAL_AUTHOR = "—"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_W3CDTF = "2000-01-01T00:00:00Z"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

# Relationship types (by their ending) whose targets are dropped, and the label reported.
_DROPPED_TYPES = {
    "/custom-properties": "docx:custom-properties",
    "/metadata/thumbnail": "docx:thumbnail",
    "/comments": "docx:comments",
    "/commentsExtended": "docx:comments",
    "/commentsIds": "docx:comments",
    "/commentsExtensible": "docx:comments",
    "/people": "docx:people",
    "/customXml": "docx:custom-xml",
}
# Parts dropped by name even when no relationship points at them (orphans still leak).
_DROPPED_NAMES = (
    (re.compile(r"docProps/custom\.xml"), "docx:custom-properties"),
    (re.compile(r"docProps/thumbnail\.[A-Za-z]+"), "docx:thumbnail"),
    (re.compile(r"word/comments[A-Za-z]*\.xml"), "docx:comments"),
    (re.compile(r"word/people\.xml"), "docx:people"),
    (re.compile(r"customXml/.*"), "docx:custom-xml"),
)
_COMMENT_MARKERS = {w("commentRangeStart"), w("commentRangeEnd"), w("commentReference")}
_AUTHOR_ATTRIBUTES = (w("author"), w("initials"))
_SETTINGS_DROPPED = {
    w("attachedTemplate"): "docx:template-path",
    w("docVars"): "docx:document-variables",
    w("mailMerge"): "docx:mail-merge",
}
_APP_BLANKED = ("Company", "Manager", "HyperlinkBase")
# Only parts holding one of these can change: the others are copied byte for byte.
_WORD_MARKERS = (b"author", b"initials", b"commentR", b"attachedTemplate", b"docVars", b"mailMerge")

_MINIMAL_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<cp:coreProperties xmlns:cp="{CP}" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_W3CDTF}</dcterms:created>'
    f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_W3CDTF}</dcterms:modified>'
    "</cp:coreProperties>"
).encode()


def clean_docx(path: Path, limits: Limits) -> tuple[bytes, list[str], list[Problem]]:
    """The cleaned DOCX's bytes, labels of what was removed, and what could not be cleaned."""
    try:
        package = DocxPackage.open(path)
    except JudgeAppError as exc:
        raise _unreadable(exc) from exc
    try:
        return _DocxCleaner(package, limits).run()
    except JudgeAppError as exc:
        raise _unreadable(exc) from exc
    finally:
        package.close()


def _unreadable(error: JudgeAppError) -> UnreadableError:
    """The documents' problem code for a DocxPackage error."""
    where = str(error.params.get("part", error.params.get("reason", error.code)))
    if error.code == "docx_too_large":
        return UnreadableError(TOO_LARGE_UNPACKED, detail=where)
    if error.code == "docx_unsafe_xml":
        return UnreadableError(UNSAFE_CONTENT, detail=where)
    return UnreadableError(CORRUPT, detail=f"{error.code}: {where}")


class _DocxCleaner:
    def __init__(self, package: DocxPackage, limits: Limits) -> None:
        self.package = package
        self.limits = limits
        self.removed: list[str] = []
        self.problems: list[Problem] = []

    def note(self, label: str) -> None:
        if label not in self.removed:
            self.removed.append(label)

    def run(self) -> tuple[bytes, list[str], list[Problem]]:
        infos = self._checked_members()
        names = [info.filename for info in infos]
        dropped = self._dropped_parts(names)
        for part in sorted(dropped):  # a dropped part's own relationships go with it
            folder, base = posixpath.split(part)
            rels = posixpath.join(folder, "_rels", base + ".rels")
            if rels in names:
                dropped[rels] = dropped[part]
        # By name too: a part no relationship points at is still in the zip for anyone to read.
        core = self._rel_target("_rels/.rels", "/metadata/core-properties") or "docProps/core.xml"
        app = self._rel_target("_rels/.rels", "/extended-properties") or "docProps/app.xml"
        settings = self.package.related_part("/settings")
        word_folder = posixpath.dirname(self.package.document_part) + "/"

        out = BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in names:
                if name in dropped:
                    self.note(dropped[name])
                    continue
                data = b"" if name.endswith("/") else self.package.read(name)
                if name == "[Content_Types].xml":
                    data = self._content_types(data, dropped)
                elif name.endswith(".rels"):
                    data = self._relationships(name, dropped, settings)
                elif name == core:
                    data = self._core(name)
                elif name == app:
                    data = self._app(name)
                elif name.startswith(word_folder) and name.endswith(".xml"):
                    data = self._word_part(name, data, settings)
                elif name.startswith(word_folder + "media/"):
                    data = self._picture(name, data)
                elif name.endswith(".xml"):
                    self.package.xml(name)  # refused when unsafe or broken, like the viewer
                elif name.startswith(word_folder + "embeddings/") or name.endswith(".bin"):
                    # Embedded workbooks and OLE objects, macros: their own properties remain.
                    self.problems.append(Problem("clean_part_not_cleaned", {"part": name}))
                info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0  # the same bytes on every OS
                info.external_attr = 0
                archive.writestr(info, data, compresslevel=6)
        return out.getvalue(), self.removed, self.problems

    def _checked_members(self) -> list[zipfile.ZipInfo]:
        infos = self.package.archive.infolist()
        if len(infos) > self.limits.max_zip_members:
            raise UnreadableError(TOO_LARGE_UNPACKED, detail=f"{len(infos)} members")
        if sum(info.file_size for info in infos) > self.limits.max_unzipped_bytes:
            raise UnreadableError(TOO_LARGE_UNPACKED, detail="total size")
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):  # two members, one name: which one a reader takes varies
            raise UnreadableError(CORRUPT, detail="duplicate zip member names")
        return infos

    def _dropped_parts(self, names: list[str]) -> dict[str, str]:
        """Part name → label for every part left out of the copy."""
        dropped: dict[str, str] = {}
        for name in names:
            for pattern, label in _DROPPED_NAMES:
                if pattern.fullmatch(name):
                    dropped[name] = label
        for rels in (name for name in names if name.endswith(".rels")):
            for _, target, rel_type, external in self._relations(rels):
                rel_label = _dropped_label(rel_type)
                if rel_label and not external and target in names:
                    dropped[target] = rel_label
        return dropped

    def _relations(self, rels: str) -> list[tuple[etree._Element, str, str, bool]]:
        """(element, resolved target, type, external) of each relationship in `rels`."""
        source_folder = posixpath.dirname(posixpath.dirname(rels))
        found = []
        for rel in self.package.xml(rels).iter(f"{{{PKG_R}}}Relationship"):
            target = str(rel.get("Target", ""))
            external = rel.get("TargetMode") == "External"
            if not external:
                target = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(source_folder, target))
                )
            found.append((rel, target, str(rel.get("Type", "")), external))
        return found

    def _rel_target(self, rels: str, type_suffix: str) -> str | None:
        if not self.package.has(rels):
            return None
        for _, target, rel_type, external in self._relations(rels):
            if rel_type.endswith(type_suffix) and not external:
                return target
        return None

    def _content_types(self, data: bytes, dropped: dict[str, str]) -> bytes:
        root = self.package.xml("[Content_Types].xml")
        for override in list(root.iter(f"{{{CT}}}Override")):
            if str(override.get("PartName", "")).lstrip("/") in dropped:
                root.remove(override)
        return _serialise(root)

    def _relationships(self, rels: str, dropped: dict[str, str], settings: str | None) -> bytes:
        """The relationships without dropped targets and without paths on the entrant's disk."""
        relations = self._relations(rels)
        root = relations[0][0].getroottree().getroot() if relations else self.package.xml(rels)
        settings_rels = settings is not None and rels == posixpath.join(
            posixpath.dirname(settings), "_rels", posixpath.basename(settings) + ".rels"
        )
        for rel, target, rel_type, external in relations:
            if _dropped_label(rel_type) or (not external and target in dropped):
                root.remove(rel)
            elif external and settings_rels:  # the template / mail-merge source paths
                root.remove(rel)
                self.note("docx:template-path")
            elif external and target.lower().startswith("file:"):
                rel.set("Target", "file:///")  # "C:\Users\NguyenVanA\…" of a linked picture
                self.note("docx:local-path")
        return _serialise(root)

    def _core(self, name: str) -> bytes:
        for element in self.package.xml(name):
            if not isinstance(element.tag, str):
                continue
            local = etree.QName(element).localname
            if local in {"created", "modified"}:
                self.note("docx:dates")
            elif (element.text or "").strip():
                self.note(f"docx:{local}")
        return _MINIMAL_CORE

    def _app(self, name: str) -> bytes:
        root = self.package.xml(name)
        for local in _APP_BLANKED:
            for element in root.iter(f"{{{EP}}}{local}"):
                if (element.text or "").strip():
                    element.text = ""
                    self.note(f"docx:{local.lower()}")
        for titles in root.iter(f"{{{EP}}}TitlesOfParts"):
            for text in titles.iter(f"{{{VT}}}lpstr"):
                if (text.text or "").strip():
                    text.text = ""
                    self.note("docx:titles-of-parts")
        return _serialise(root)

    def _word_part(self, name: str, data: bytes, settings: str | None) -> bytes:
        root = self.package.xml(name)  # refused when unsafe or broken, like the viewer
        if not any(marker in data for marker in _WORD_MARKERS):
            return data
        for element in list(root.iter(*_COMMENT_MARKERS)):
            parent = element.getparent()
            parent.remove(element)
            self.note("docx:comment-markers")
            if parent.tag == w("r") and all(child.tag == w("rPr") for child in parent):
                grandparent = parent.getparent()
                if grandparent is not None:
                    grandparent.remove(parent)
        for element in root.iter():
            for attribute in _AUTHOR_ATTRIBUTES:
                if element.get(attribute) not in (None, NEUTRAL_AUTHOR):
                    element.set(attribute, NEUTRAL_AUTHOR)
                    self.note("docx:revision-authors")
        if name == settings:
            for element in list(root.iter(*_SETTINGS_DROPPED)):
                element.getparent().remove(element)
                self.note(_SETTINGS_DROPPED[element.tag])
        return _serialise(root)

    def _picture(self, name: str, data: bytes) -> bytes:
        try:
            cleaned = clean_embedded_picture(data)
        except UnreadableError:
            cleaned = None
        if cleaned is None:
            if image_format(data[:64]) is not None:  # a photo format we cannot filter
                self.problems.append(Problem("clean_part_not_cleaned", {"part": name}))
            return data
        for label in cleaned[1]:
            self.note(label)
        return cleaned[0]


def _dropped_label(rel_type: str) -> str | None:
    for suffix, label in _DROPPED_TYPES.items():
        if rel_type.endswith(suffix):
            return label
    return None


def _serialise(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data

"""Removing who made a PDF from the judges' copy, keeping its pages as they are.

The Info dictionary (author, title, creator…) is emptied and every XMP packet (the document's
and those on pages or pictures) deleted; attached files go, whether in the name tree or as
attachment annotations; the authors of notes and other annotations are blanked; scripts and
automatic actions (JavaScript, OpenAction, additional actions) are removed so nothing runs or
phones home when a judge opens the copy. Saved with garbage collection so the removed objects
are really gone from the bytes. PyMuPDF is not thread-safe: call this from one worker.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from judge_app.documents.problems import CORRUPT, ENCRYPTED, UnreadableError, detail

_INFO_KEYS = ("title", "author", "subject", "keywords", "creator", "producer")
# Action types that run code or programs; links to web pages (URI) are the entrant's content.
_RUNNING_ACTIONS = ("/JavaScript", "/Launch")


def clean_pdf(path: Path) -> tuple[bytes, list[str]]:
    """The cleaned PDF's bytes and labels of what was removed ("pdf:author", "pdf:xmp"…)."""
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        raise UnreadableError(CORRUPT, detail=detail(exc)) from exc
    try:
        if doc.needs_pass:
            raise UnreadableError(ENCRYPTED)
        removed = _clean(doc)
        data: bytes = doc.tobytes(garbage=3, deflate=True)
    except RuntimeError as exc:  # MuPDF's errors on a damaged file
        raise UnreadableError(CORRUPT, detail=detail(exc)) from exc
    finally:
        doc.close()
    return data, removed


def _clean(doc: pymupdf.Document) -> list[str]:
    removed: list[str] = []
    metadata = doc.metadata or {}
    removed += [f"pdf:{key}" for key in _INFO_KEYS if metadata.get(key)]
    if metadata.get("creationDate") or metadata.get("modDate"):
        removed.append("pdf:dates")
    doc.set_metadata({})
    if doc.get_xml_metadata():
        removed.append("pdf:xmp")
    doc.del_xml_metadata()
    if doc.embfile_count():
        removed.append("pdf:embedded-files")
        for name in doc.embfile_names():
            doc.embfile_del(name)
    removed += _clean_annotations(doc)
    removed += _clean_objects(doc)
    return removed


def _clean_annotations(doc: pymupdf.Document) -> list[str]:
    removed: list[str] = []
    for number in range(doc.page_count):
        page = doc.load_page(number)
        attachments = [a for a in page.annots() if a.type[1] == "FileAttachment"]
        for annot in attachments:
            page.delete_annot(annot)
            if "pdf:embedded-files" not in removed:
                removed.append("pdf:embedded-files")
        for annot in page.annots():
            if annot.type[1] == "Widget":  # a form field's /T is its name, not an author
                continue
            # set_info(title="") ignores an empty title: remove the author key (/T) itself.
            if _delete_key(doc, annot.xref, "T") and "pdf:annotation-authors" not in removed:
                removed.append("pdf:annotation-authors")
    return removed


def _clean_objects(doc: pymupdf.Document) -> list[str]:
    """Scripts, automatic actions and object-level XMP, wherever they sit."""
    removed: list[str] = []

    def note(label: str) -> None:
        if label not in removed:
            removed.append(label)

    catalog = doc.pdf_catalog()
    if _delete_key(doc, catalog, "Names", "JavaScript"):
        note("pdf:javascript")
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "S")[1] in _RUNNING_ACTIONS:
            doc.update_object(xref, "<<>>")  # the action stays a valid, empty dictionary
            note("pdf:javascript")
            continue
        for key in ("OpenAction", "AA"):  # actions that run by themselves
            scripted = any(action in doc.xref_get_key(xref, key)[1] for action in _RUNNING_ACTIONS)
            if _delete_key(doc, xref, key):
                note("pdf:javascript" if scripted else "pdf:actions")
        kind, value = doc.xref_get_key(xref, "A")
        if kind == "dict" and any(action in value for action in _RUNNING_ACTIONS):
            _delete_key(doc, xref, "A")  # a link or button that would run a script
            note("pdf:javascript")
        if xref != catalog and _delete_key(doc, xref, "Metadata"):
            note("pdf:xmp")
    return removed


def _delete_key(doc: pymupdf.Document, xref: int, *path: str) -> bool:
    """Remove the key at `path` from object `xref`; True when it was there.

    PyMuPDF's `xref_set_key(…, "null")` leaves "/Key null" in the file; MuPDF's own
    dictionary call removes the key itself (and resolves indirect dictionaries on the way).
    """
    if doc.xref_get_key(xref, "/".join(path))[0] == "null":
        return False
    mupdf = pymupdf.mupdf
    holder = mupdf.pdf_load_object(pymupdf._as_pdf_document(doc), xref)
    for key in path[:-1]:
        holder = mupdf.pdf_dict_gets(holder, key)
    mupdf.pdf_dict_dels(holder, path[-1])
    return True

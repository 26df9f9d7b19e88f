"""Taking entry files out of what schools send: saved e-mails, zips, folders, single files.

Everything here is untrusted: zip bombs (also nested and overlapping-entry ones), zip slip,
symlinks, passwords, thousands of tiny files, names in four encodings. Nothing is trusted from
an archive's headers: bytes are counted while they are copied, every stored path is rebuilt
from safe components and checked to be inside the target, and every member that is not taken
is in the report with its reason (a message code), so the board can tell a school what to
resend. Bad input never raises; only an unwritable target does.

Layout under `target`: `<source-id>/<safe relative path>`; a nested zip's members go in a
folder named after it (`lop6.zip` → `lop6/`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import shutil
import stat
import struct
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

from judge_app.core.errors import JudgeAppError
from judge_app.documents.model import DocKind
from judge_app.documents.sniff import sniff_bytes
from judge_app.intake.archives_names import (
    UTF8_FLAG,
    decode_name,
    display_name,
    is_junk,
    name_parts,
    safe_component,
    safe_parts,
    unicode_path_extra,
)
from judge_app.intake.email_source import EmailUnreadableError, read_email

MB = 1024 * 1024
GB = 1024 * MB
HEAD_BYTES = 512

# Archive formats we recognise by their first bytes but do not open: no maintained
# pure-Python reader handles them with the guarantees above (tarfile follows links and
# devices, and gzip/bz2/xz give no size before decompressing).
_OTHER_ARCHIVES: tuple[tuple[bytes, int, str], ...] = (
    (b"Rar!\x1a\x07", 0, "RAR"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7z"),
    (b"\x1f\x8b", 0, "gzip"),
    (b"BZh", 0, "bzip2"),
    (b"\xfd7zXZ\x00", 0, "xz"),
    (b"ustar", 257, "tar"),
    (b"MSCF\x00\x00\x00\x00", 0, "CAB"),
    (b"\x60\xea", 0, "ARJ"),
)
_OTHER_SUFFIXES = {
    ".rar": "RAR",
    ".7z": "7z",
    ".tar": "tar",
    ".gz": "gzip",
    ".tgz": "gzip",
    ".bz2": "bzip2",
    ".xz": "xz",
    ".cab": "CAB",
    ".arj": "ARJ",
    ".zipx": "zipx",
}
_SUPPORTED_METHODS = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
# A zip that is really one document: kept whole, never unpacked.
_OFFICE_MARKERS = frozenset({"[Content_Types].xml", "mimetype", "META-INF/manifest.xml"})


@dataclass(frozen=True)
class ArchiveLimits:
    """Caps that turn a hostile source into refusals in seconds (all per source)."""

    max_member_bytes: int = 200 * MB  # one file; essays with photos are < 20 MB
    max_source_bytes: int = 2 * GB  # everything taken from one source, nested zips included
    max_ratio: float = 200.0  # bytes out per compressed byte; documents are ~1-30x, bombs 1000x
    ratio_floor_bytes: int = 1 * MB  # small members may compress more (text, blank scans)
    max_members: int = 5_000  # files in one source, all nesting levels together
    max_depth: int = 3  # zip in zip in zip
    # Entries a zip's directory may list before it is opened at all (zipfile reads the whole
    # directory into memory; a 100 MB zip can list two million entries).
    max_zip_entries: int = 65_535
    max_email_bytes: int = 150 * MB  # read into memory; mailboxes cap mails at 25-50 MB
    chunk_bytes: int = 1 * MB


@dataclass(frozen=True)
class SourceInfo:
    """One source as given, and what the e-mail says about it (None for other kinds)."""

    source_id: str
    path: Path
    kind: str  # "email", "zip", "folder", "file", "missing"
    received: datetime | None = None
    sender: str | None = None
    subject: str | None = None


@dataclass(frozen=True)
class UnpackedFile:
    """A file taken: where it came from (source → containers → member) and where it is now."""

    name: str  # the member's name as the sender meant it (decoded, NFC, display-safe)
    stored: PurePosixPath  # relative to the target folder
    size: int
    sha256: str
    chain: tuple[str, ...]  # source path, e-mail attachment, zip, nested zip…, member
    received: datetime | None  # the e-mail's receipt time, None when not from an e-mail


@dataclass(frozen=True)
class IgnoredFile:
    """System junk (__MACOSX, Thumbs.db, ~$ locks): neither an entry nor an error."""

    name: str
    chain: tuple[str, ...]


@dataclass(frozen=True)
class Refusal:
    """Something not taken, with a message code and its parameters."""

    name: str
    chain: tuple[str, ...]
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class UnpackReport:
    target: Path
    sources: list[SourceInfo] = field(default_factory=list)
    kept: list[UnpackedFile] = field(default_factory=list)
    ignored: list[IgnoredFile] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def when(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment else None

        return {
            "target": str(self.target),
            "sources": [
                {
                    "source_id": s.source_id,
                    "path": str(s.path),
                    "kind": s.kind,
                    "received": when(s.received),
                    "sender": s.sender,
                    "subject": s.subject,
                }
                for s in self.sources
            ],
            "kept": [
                {
                    "name": k.name,
                    "stored": str(k.stored),
                    "size": k.size,
                    "sha256": k.sha256,
                    "chain": list(k.chain),
                    "received": when(k.received),
                }
                for k in self.kept
            ],
            "ignored": [{"name": i.name, "chain": list(i.chain)} for i in self.ignored],
            "refused": [
                {"name": r.name, "chain": list(r.chain), "code": r.code, "params": r.params}
                for r in self.refused
            ],
        }


class _MemberRefusedError(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class _SourceStoppedError(Exception):
    """A per-source limit was reached: the rest of the source is not taken."""

    def __init__(self, code: str, chain: tuple[str, ...] | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.chain = chain
        self.params = params


@dataclass
class _Walk:
    """One source's running totals and where its files go."""

    source_id: str
    received: datetime | None
    bytes_used: int = 0
    members: int = 0


def unpack_sources(
    sources: list[Path], target: Path, *, limits: ArchiveLimits = ArchiveLimits()
) -> UnpackReport:
    """Take every entry file out of `sources` into `target` (see the module docstring).

    Raises JudgeAppError("unpack_target_unwritable") only when `target` cannot be written.
    """
    with _Unpacker(target, limits) as unpacker:
        for source in sources:
            unpacker.source(Path(source))
        return unpacker.report


class _Unpacker:
    def __init__(self, target: Path, limits: ArchiveLimits) -> None:
        self.limits = limits
        try:
            target.mkdir(parents=True, exist_ok=True)
            self.target = target.resolve(strict=True)
            self.staging = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=self.target))
        except OSError as error:
            raise _unwritable(target, error) from error
        self.report = UnpackReport(self.target)
        self.used: dict[str, str] = {}  # casefolded stored path → "file" | "dir"
        self.source_count = 0
        self.folders_made: set[Path] = set()

    def __enter__(self) -> _Unpacker:
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    # Sources ---------------------------------------------------------------------------

    def source(self, path: Path) -> None:
        chain = (str(path),)
        source_id = self._source_id(path)
        walk = _Walk(source_id, received=None)
        try:
            # The sources themselves are the user's choice: a symlink given here is followed
            # (only what is found inside sources is untrusted).
            if path.is_dir():
                self.report.sources.append(SourceInfo(source_id, path, "folder"))
                self._folder(walk, path, chain, [source_id], 0)
            elif path.is_file():
                kind = "email" if path.suffix.lower() == ".eml" else "file"
                if kind == "email":
                    self._email(walk, path, chain, [source_id])
                else:
                    info = SourceInfo(source_id, path, "zip" if _is_zip_file(path) else kind)
                    self.report.sources.append(info)
                    self._single(walk, path, chain, [source_id])
            else:
                self.report.sources.append(SourceInfo(source_id, path, "missing"))
                self._refuse(path.name, chain, "unpack_source_missing")
        except _SourceStoppedError as stop:
            where = stop.chain or chain
            self._refuse(where[-1], where, stop.code, **stop.params)
        except OSError as error:  # the source itself cannot be read (permissions, I/O)
            self._refuse(path.name, chain, "unpack_source_unreadable", reason=str(error))

    def _source_id(self, path: Path) -> str:
        self.source_count += 1
        stem = path.name if path.is_dir() else path.stem
        stem = stem or path.resolve().name or "source"
        return self._free_name([], f"{self.source_count:02d} {safe_component(stem)}", "dir")

    def _single(self, walk: _Walk, path: Path, chain: tuple[str, ...], folder: list[str]) -> None:
        """A file given as a source: a zip is unpacked in place, anything else kept as is."""
        if _is_zip_file(path):
            self._zip(walk, path, chain, folder, depth=1)
            return
        self._member(walk, chain, folder, path.name, lambda: path.open("rb"), depth=0)

    def _folder(
        self, walk: _Walk, root: Path, chain: tuple[str, ...], folder: list[str], depth: int
    ) -> None:
        """Every file under `root`, in name order, symlinks refused and never followed."""
        for path in _walk_folder(root, self.target):
            relative = path.relative_to(root).as_posix()
            member_chain = (*chain, display_name(relative))
            if is_junk(relative):
                self.report.ignored.append(IgnoredFile(display_name(relative), member_chain))
                continue
            if path.is_symlink():
                self._refuse(relative, member_chain, "unpack_symlink")
            elif not path.is_file():
                self._refuse(relative, member_chain, "unpack_not_a_file")
            elif path.suffix.lower() == ".eml":
                self._count(walk, member_chain)
                sub = [*folder, *safe_parts(str(PurePosixPath(relative).with_suffix("")))]
                self._email(walk, path, member_chain, sub)
            else:
                self._member(walk, member_chain, folder, relative, _opener(path), depth=depth)

    def _email(self, walk: _Walk, path: Path, chain: tuple[str, ...], folder: list[str]) -> None:
        try:
            size = path.stat().st_size
        except OSError as error:
            self._refuse(path.name, chain, "unpack_source_unreadable", reason=str(error))
            return
        if size > self.limits.max_email_bytes:
            self._source_info(walk, path, "email")
            self._refuse(
                path.name, chain, "unpack_email_too_large", limit=_mb(self.limits.max_email_bytes)
            )
            return
        try:
            mail = read_email(path)
        except EmailUnreadableError as error:
            self._source_info(walk, path, "email")
            self._refuse(path.name, chain, "unpack_email_unreadable", reason=str(error))
            return
        subject = display_name(mail.subject) if mail.subject is not None else None
        self._source_info(walk, path, "email", mail.received, mail.sender, subject)
        if not mail.attachments:
            self._refuse(path.name, chain, "unpack_email_no_attachments")
        outer, walk.received = walk.received, mail.received
        try:
            for attachment in mail.attachments:
                name = unicodedata.normalize("NFC", attachment.name)
                data = attachment.data
                self._member(
                    walk,
                    (*chain, display_name(name)),
                    folder,
                    name,
                    functools.partial(io.BytesIO, data),
                    depth=0,
                )
        finally:
            walk.received = outer

    def _source_info(
        self,
        walk: _Walk,
        path: Path,
        kind: str,
        received: datetime | None = None,
        sender: str | None = None,
        subject: str | None = None,
    ) -> None:
        """Sources as given, and every e-mail (also those found in a folder source)."""
        self.report.sources.append(
            SourceInfo(walk.source_id, path, kind, received, sender, subject)
        )

    # Zips ------------------------------------------------------------------------------

    def _zip(
        self, walk: _Walk, path: Path, chain: tuple[str, ...], folder: list[str], depth: int
    ) -> None:
        try:
            entries = _directory_entries(path)
        except OSError as error:
            self._refuse(chain[-1], chain, "unpack_source_unreadable", reason=str(error))
            return
        if entries > self.limits.max_zip_entries:
            # zipfile reads the whole directory into memory: count it before opening.
            self._refuse(
                chain[-1],
                chain,
                "unpack_zip_too_many_entries",
                count=entries,
                limit=self.limits.max_zip_entries,
            )
            return
        try:
            archive = zipfile.ZipFile(path)
        except (
            zipfile.BadZipFile,
            OSError,
            NotImplementedError,
            ValueError,
            EOFError,
            UnicodeDecodeError,
        ) as error:
            self._refuse(chain[-1], chain, "unpack_zip_damaged", reason=str(error))
            return
        with archive:
            infos = archive.infolist()
            try:
                overlapping = _overlapping_entries(path, infos, archive.start_dir)
            except OSError as error:
                self._refuse(chain[-1], chain, "unpack_zip_damaged", reason=str(error))
                return
            for index, info in enumerate(infos):
                name = member_name(info)
                mode = info.external_attr >> 16
                if info.is_dir() or (info.create_system == 3 and stat.S_ISDIR(mode)):
                    continue
                member_chain = (*chain, display_name(name))
                if is_junk(name):
                    self.report.ignored.append(IgnoredFile(display_name(name), member_chain))
                    continue
                self._count(walk, member_chain)
                refusal = _zip_member_refusal(info, index in overlapping)
                if refusal is not None:
                    code, params = refusal
                    self._refuse(name, member_chain, code, **params)
                    continue
                self._member(
                    walk,
                    member_chain,
                    folder,
                    name,
                    functools.partial(archive.open, info),
                    depth=depth,
                    compressed=info.compress_size,
                    declared=info.file_size,
                )

    # One member: copy with limits, then keep it, unpack it or refuse it ----------------

    def _member(
        self,
        walk: _Walk,
        chain: tuple[str, ...],
        folder: list[str],
        name: str,
        opener: Callable[[], IO[bytes]],
        *,
        depth: int,
        compressed: int | None = None,
        declared: int | None = None,
    ) -> None:
        if is_junk(name):
            self.report.ignored.append(IgnoredFile(display_name(name), chain))
            return
        if compressed is None:  # zip members were counted with their directory entries
            self._count(walk, chain)
        try:
            staged, size, digest = self._copy(walk, opener, compressed, declared)
        except _MemberRefusedError as refusal:
            self._refuse(name, chain, refusal.code, **refusal.params)
            return
        except _SourceStoppedError as stop:
            stop.chain = stop.chain or chain
            raise
        try:
            self._place(walk, staged, chain, folder, name, size, digest, depth)
        finally:
            with contextlib.suppress(FileNotFoundError):
                staged.unlink()

    def _place(
        self,
        walk: _Walk,
        staged: Path,
        chain: tuple[str, ...],
        folder: list[str],
        name: str,
        size: int,
        digest: str,
        depth: int,
    ) -> None:
        with staged.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
        other = _other_archive(head, name)
        if other is not None:
            self._refuse(name, chain, "unpack_not_supported", format=other)
            return
        lower = name.casefold()
        if head.startswith(b"PK") and _is_plain_zip(staged, name):
            if depth + 1 > self.limits.max_depth:
                self._refuse(name, chain, "unpack_too_deep", limit=self.limits.max_depth)
                return
            parts = safe_parts(name)
            if len(parts[-1]) > 4 and parts[-1].casefold().endswith(".zip"):
                parts[-1] = parts[-1][:-4]
            self._zip(walk, staged, chain, [*folder, *parts], depth + 1)
            return
        if lower.endswith(".zip") and not head.startswith(b"PK"):
            kind = sniff_bytes(head).value.upper()
            self._refuse(name, chain, "unpack_not_zip", kind=kind)
            return
        stored = self._allocate([*folder, *safe_parts(name)])
        final = self.target.joinpath(*stored.parts)
        self._guard(final)
        try:
            if final.parent not in self.folders_made:
                final.parent.mkdir(parents=True, exist_ok=True)
                self._guard(final)  # again: a folder made meanwhile cannot be a symlink out
                self.folders_made.add(final.parent)
            staged.replace(final)
        except OSError as error:
            raise _unwritable(final, error) from error
        self.report.kept.append(
            UnpackedFile(display_name(name), stored, size, digest, chain, walk.received)
        )

    def _guard(self, final: Path) -> None:
        """The ultimate check: whatever the name said, the file lands inside the target."""
        resolved = final.resolve()
        if resolved == self.target or not resolved.is_relative_to(self.target):
            raise JudgeAppError("unpack_outside_target", final, target=self.target)

    def _copy(
        self,
        walk: _Walk,
        opener: Callable[[], IO[bytes]],
        compressed: int | None,
        declared: int | None,
    ) -> tuple[Path, int, str]:
        """Stream the member to a staged file, counting bytes (headers can lie)."""
        limits = self.limits
        if declared is not None and declared > limits.max_member_bytes:
            raise _MemberRefusedError("unpack_member_too_large", limit=_mb(limits.max_member_bytes))
        if compressed is not None and declared is not None:
            self._check_ratio(declared, compressed)
        try:
            handle, name = tempfile.mkstemp(dir=self.staging, suffix=".part")
        except OSError as error:
            raise _unwritable(self.target, error) from error
        staged = Path(name)
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(handle, "wb") as out, _reading(opener, limits.chunk_bytes) as chunks:
                for chunk in chunks:
                    size += len(chunk)
                    if size > limits.max_member_bytes:
                        raise _MemberRefusedError(
                            "unpack_member_too_large", limit=_mb(limits.max_member_bytes)
                        )
                    if walk.bytes_used + size > limits.max_source_bytes:
                        raise _SourceStoppedError(
                            "unpack_source_too_large", limit=_mb(limits.max_source_bytes)
                        )
                    if compressed is not None:
                        self._check_ratio(size, compressed)
                    digest.update(chunk)
                    try:
                        out.write(chunk)
                    except OSError as error:
                        raise _unwritable(self.target, error) from error
        except BaseException:
            with contextlib.suppress(OSError):
                staged.unlink()
            raise
        walk.bytes_used += size
        return staged, size, digest.hexdigest()

    def _check_ratio(self, size: int, compressed: int) -> None:
        limits = self.limits
        if size > limits.ratio_floor_bytes and size > limits.max_ratio * max(compressed, 1):
            raise _MemberRefusedError(
                "unpack_member_ratio",
                ratio=round(size / max(compressed, 1)),
                limit=round(limits.max_ratio),
            )

    # Bookkeeping -----------------------------------------------------------------------

    def _count(self, walk: _Walk, chain: tuple[str, ...]) -> None:
        walk.members += 1
        if walk.members > self.limits.max_members:
            raise _SourceStoppedError("unpack_too_many_files", chain, limit=self.limits.max_members)

    def _refuse(self, name: str, chain: tuple[str, ...], code: str, **params: Any) -> None:
        self.report.refused.append(Refusal(display_name(name), chain, code, params))

    def _allocate(self, parts: list[str]) -> PurePosixPath:
        """A stored path no other file of this run (nor any file on disk) has, in any case."""
        done: list[str] = []
        for index, part in enumerate(parts):
            kind = "file" if index == len(parts) - 1 else "dir"
            done.append(self._free_name(done, part, kind))
        return PurePosixPath(*done)

    def _free_name(self, parents: list[str], part: str, kind: str) -> str:
        stem, suffix = (part, "") if kind == "dir" else _split_suffix(part)
        number = 1
        while True:
            candidate = part if number == 1 else f"{stem} ({number}){suffix}"
            key = "/".join([*parents, candidate]).casefold()
            taken = self.used.get(key)
            free = taken is None and not self.target.joinpath(*parents, candidate).exists()
            if free or (kind == "dir" and taken == "dir"):
                self.used[key] = kind
                return candidate
            number += 1


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as the sender meant it (NFC): Unicode Path field, flag, or a guess."""
    utf8 = bool(info.flag_bits & UTF8_FLAG)
    raw = info.orig_filename.encode("utf-8" if utf8 else "cp437")  # zipfile decoded it so
    return unicode_path_extra(info.extra, raw) or decode_name(raw, utf8)


def _zip_member_refusal(
    info: zipfile.ZipInfo, overlapping: bool
) -> tuple[str, dict[str, Any]] | None:
    if overlapping:
        return "unpack_zip_overlapping", {}
    if info.flag_bits & 0x1:
        return "unpack_encrypted", {}
    if info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16):
        return "unpack_symlink", {}
    if info.compress_type not in _SUPPORTED_METHODS:
        return "unpack_zip_method", {"method": info.compress_type}
    return None


def _overlapping_entries(path: Path, infos: list[zipfile.ZipInfo], start_dir: int) -> set[int]:
    """Indexes of entries whose data overlaps another entry's or the central directory.

    A real zip never shares bytes between entries; "overlapping" bombs point thousands of
    entries at one compressed stream so that a 10 MB file unpacks to terabytes.
    """
    spans: list[tuple[int, int, int]] = []
    with path.open("rb") as handle:
        for index, info in enumerate(infos):
            handle.seek(info.header_offset)
            local = handle.read(30)
            if len(local) < 30 or local[:4] != b"PK\x03\x04":
                continue  # opening it fails and says so
            name_length, extra_length = struct.unpack_from("<HH", local, 26)
            end = info.header_offset + 30 + name_length + extra_length + info.compress_size
            spans.append((info.header_offset, end, index))
    bad: set[int] = set()
    spans.sort()
    furthest_end, furthest_index = -1, -1
    for start, end, index in spans:
        if start < furthest_end:
            bad.update({index, furthest_index})
        if end > start_dir:
            bad.add(index)
        if end > furthest_end:
            furthest_end, furthest_index = end, index
    return bad


def _other_archive(head: bytes, name: str) -> str | None:
    """The name of an archive format we do not open, from the bytes (or, failing that, the
    name: a .rar that is damaged is still a .rar)."""
    for magic, offset, label in _OTHER_ARCHIVES:
        if head[offset : offset + len(magic)] == magic:
            return label
    if sniff_bytes(head) is not DocKind.UNKNOWN:
        return None  # a renamed document: the documents layer says what it is
    suffix = PurePosixPath((name_parts(name) or [name])[-1]).suffix.lower()
    return _OTHER_SUFFIXES.get(suffix)


def _is_zip_file(path: Path) -> bool:
    """A plain zip of files (not a DOCX, ODT or XLSX, which are zips too) at `path`."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except OSError:
        return False
    return head.startswith(b"PK") and _is_plain_zip(path, path.name)


def _is_plain_zip(path: Path, name: str) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (
        zipfile.BadZipFile,
        OSError,
        NotImplementedError,
        ValueError,
        EOFError,
        UnicodeDecodeError,
    ):
        # Not readable as a zip: a damaged document stays a document; a damaged .zip is
        # opened as a zip so that the refusal says "damaged zip".
        return name.casefold().endswith(".zip")
    return not (names & _OFFICE_MARKERS)


def _directory_entries(path: Path) -> int:
    """How many entries the zip at `path` says it has, from its end records (the directory's
    size stands in when the count lies low)."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        tail_length = min(size, 22 + 65_535)
        handle.seek(size - tail_length)
        tail = handle.read(tail_length)
        end = tail.rfind(b"PK\x05\x06")
        if end < 0 or end + 22 > len(tail):
            return 0  # not a zip's end: zipfile says what is wrong
        count, directory_size = struct.unpack_from("<HL", tail, end + 10)
        locator = end - 20
        if locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
            (record_offset,) = struct.unpack_from("<Q", tail, locator + 8)
            handle.seek(record_offset)
            record = handle.read(56)
            if len(record) == 56 and record[:4] == b"PK\x06\x06":
                count, directory_size = struct.unpack_from("<QQ", record, 32)
    # A count that lies low cannot shrink the directory zipfile will read: a name and its
    # extra fields rarely pass 1 KB, so a bigger directory counts as that many entries.
    return max(int(count), int(directory_size) // 1024)


def _walk_folder(root: Path, skip: Path) -> Iterator[Path]:
    """Files and symlinks under `root`, sorted, without following symlinked folders and
    without going into `skip` (the target: unpacking a folder into itself never ends)."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        if here.resolve() == skip:
            dirs.clear()
            continue
        dirs.sort()
        for name in sorted(files):
            yield here / name
        for name in list(dirs):
            if (here / name).is_symlink():
                dirs.remove(name)
                yield here / name  # refused as a symlink


# What reading an untrusted member can raise: each means "this member is damaged".
_READ_ERRORS = (
    OSError,
    zipfile.BadZipFile,
    NotImplementedError,
    RuntimeError,
    ValueError,
    EOFError,
    zlib.error,
)


@contextlib.contextmanager
def _reading(opener: Callable[[], IO[bytes]], chunk_bytes: int = MB) -> Iterator[Iterator[bytes]]:
    """The member's bytes in chunks; a read error becomes a "damaged" refusal."""
    try:
        source = opener()
    except _READ_ERRORS as error:
        raise _MemberRefusedError("unpack_member_damaged", reason=str(error)) from error

    def chunks() -> Iterator[bytes]:
        while True:
            try:
                chunk = source.read(chunk_bytes)
            except _READ_ERRORS as error:
                raise _MemberRefusedError("unpack_member_damaged", reason=str(error)) from error
            if not chunk:
                return
            yield chunk

    with source:
        yield chunks()


def _unwritable(path: Path, error: OSError) -> JudgeAppError:
    return JudgeAppError("unpack_target_unwritable", path, reason=str(error))


def _opener(path: Path) -> Callable[[], IO[bytes]]:
    return lambda: path.open("rb")


def _split_suffix(name: str) -> tuple[str, str]:
    suffix = PurePosixPath(name).suffix
    if not suffix or suffix == name:
        return name, ""
    return name[: -len(suffix)], suffix


def _mb(size: int) -> str:
    return f"{size / MB:g} MB" if size < GB else f"{size / GB:g} GB"

"""Zips written byte by byte (helpers, no tests), for what zipfile will not write: legacy
name bytes, a set password flag, duplicate names, entries sharing data, a 1 GB bomb in a second."""

from __future__ import annotations

import struct
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258_bytes(text: str) -> bytes:
    """`text` as Vietnamese Windows (cp1258) writes it: base letter, then a combining tone."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(m for m in decomposed if m in _TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONES))
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


@dataclass
class RawEntry:
    name: bytes
    data: bytes = b""  # stored as is (method 0) unless `compressed` is given
    flags: int = 0
    compressed: bytes | None = None  # raw deflate stream (method 8)
    size: int | None = None  # uncompressed size; len(data) by default
    crc: int | None = None
    extra: bytes = b""
    create_system: int = 0
    external_attr: int = 0
    offset_of: int | None = None  # central entry points at entry N's local header


def write_raw_zip(path: Path, entries: list[RawEntry]) -> Path:
    body = bytearray()
    offsets: list[int] = []
    for entry in entries:
        if entry.offset_of is not None:
            offsets.append(offsets[entry.offset_of])
            continue
        offsets.append(len(body))
        payload = entry.compressed if entry.compressed is not None else entry.data
        method = 8 if entry.compressed is not None else 0
        size = entry.size if entry.size is not None else len(entry.data)
        crc = entry.crc if entry.crc is not None else zlib.crc32(entry.data)
        body += struct.pack(
            "<4s5H3L2H",
            b"PK\x03\x04",
            20,
            entry.flags,
            method,
            0,
            0x21,
            crc,
            len(payload),
            size,
            len(entry.name),
            len(entry.extra),
        )
        body += entry.name + entry.extra + payload
    directory = bytearray()
    for index, entry in enumerate(entries):
        source = entries[entry.offset_of] if entry.offset_of is not None else entry
        payload = source.compressed if source.compressed is not None else source.data
        method = 8 if source.compressed is not None else 0
        size = source.size if source.size is not None else len(source.data)
        crc = source.crc if source.crc is not None else zlib.crc32(source.data)
        directory += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            (entry.create_system << 8) | 20,
            20,
            entry.flags,
            method,
            0,
            0x21,
            crc,
            len(payload),
            size,
            len(entry.name),
            len(entry.extra),
            0,
            0,
            0,
            entry.external_attr,
            offsets[index],
        )
        directory += entry.name + entry.extra
    end = struct.pack(
        "<4s4H2LH",
        b"PK\x05\x06",
        0,
        0,
        len(entries),
        len(entries),
        len(directory),
        len(body),
        0,
    )
    path.write_bytes(bytes(body + directory + end))
    return path


def zero_bomb(megabytes: int) -> tuple[bytes, int, int]:
    """(raw deflate stream, size, crc) of `megabytes` MB of zeros, made in well under a
    second: after a full flush the compressor forgets everything, so each MB compresses to
    the same ~1 KB, computed once."""
    zeros = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    stream = block * megabytes + compressor.flush()
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(zeros, crc)
    return stream, megabytes << 20, crc

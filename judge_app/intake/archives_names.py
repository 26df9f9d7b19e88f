"""Names inside school archives: decoded as the sender meant them, made safe to write.

Zip tools on Vietnamese Windows store names in UTF-8 without saying so, in the ANSI code page
(cp1258, which spells most toned letters as a base letter plus a combining mark) or in the
DOS code page (cp437 on Western machines); macOS sends decomposed (NFD) UTF-8. The decoding
that yields the most plausible Vietnamese (or Western) text wins, then everything is NFC.

A decoded name is only ever shown: the path written to disk is rebuilt from its components
with everything a hostile or careless archive could use removed (.., roots, drive letters,
reserved Windows names, control characters), so it cannot leave the target folder.
"""

from __future__ import annotations

import re
import struct
import unicodedata
import zlib
from pathlib import PurePosixPath

# Every Vietnamese letter (lower case), precomposed.
_VI_VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
VIETNAMESE_LETTERS = frozenset(_VI_VOWELS + "bcdđghklmnpqrstvx")
_LEGACY_CODECS = ("cp1258", "cp1252", "cp437")
UTF8_FLAG = 0x800
UNICODE_PATH_EXTRA = 0x7075

# Names the sender's computer made, not the sender: listed as ignored, never as entries.
_JUNK_DIRS = frozenset(
    {
        "__macosx",
        ".spotlight-v100",
        ".trashes",
        ".fseventsd",
        "$recycle.bin",
        "system volume information",
        ".git",
        ".svn",
    }
)
_JUNK_FILES = frozenset({"thumbs.db", "ehthumbs.db", ".ds_store", "desktop.ini", ".directory"})
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"com{i}" for i in "123456789¹²³"}
    | {f"lpt{i}" for i in "123456789¹²³"}
)
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*]')
# Bidirectional overrides and invisible marks: "gpj.exe" shown as "exe.jpg" and the like.
_INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
MAX_COMPONENT_BYTES = 180  # below every file system's 255; leaves room for " (99)"


def _plausibility(text: str) -> float:
    """How much `text` looks like a name a Vietnamese (or Western) school would type."""
    score = 0.0
    for char in text:
        if char.isascii():
            score -= 5 if ord(char) < 32 or char == "\x7f" else 0
            continue
        lower = char.lower()
        if lower in VIETNAMESE_LETTERS:
            score += 3 if ord(lower) > 0xFF else 1  # ă đ ơ ư ạ…: beyond Latin-1, cp1258 only
        elif unicodedata.category(char).startswith("M"):
            score -= 3  # a combining mark NFC could not attach: a wrong guess
        elif unicodedata.category(char) in {"Ll", "Lu"} and "LATIN" in unicodedata.name(char, ""):
            score += 0.5  # é ü ñ ç: Western names
        else:
            score -= 2  # box drawing, Greek, ‚ „ †: mojibake
    return score


def decode_name(raw: bytes, utf8_flag: bool = False) -> str:
    """The name the sender meant, NFC, from raw zip name bytes."""
    if utf8_flag:
        return unicodedata.normalize("NFC", raw.decode("utf-8", errors="replace"))
    try:
        return unicodedata.normalize("NFC", raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass  # many tools write UTF-8 without the flag; this one did not
    best: tuple[float, str] | None = None
    for codec in _LEGACY_CODECS:  # earlier codecs win ties: cp1258 is the local one
        try:
            text = unicodedata.normalize("NFC", raw.decode(codec))
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best else raw.decode("cp437")  # cp437 decodes every byte


def unicode_path_extra(extra: bytes, raw_name: bytes) -> str | None:
    """The Info-ZIP Unicode Path (0x7075) name, when present and made for this raw name."""
    offset = 0
    while offset + 4 <= len(extra):
        field_id, size = struct.unpack_from("<HH", extra, offset)
        data = extra[offset + 4 : offset + 4 + size]
        offset += 4 + size
        if field_id != UNICODE_PATH_EXTRA or len(data) < 5 or data[0] != 1:
            continue
        (crc,) = struct.unpack_from("<I", data, 1)
        if crc != zlib.crc32(raw_name):
            return None  # the name was renamed after the field was written: stale
        try:
            return unicodedata.normalize("NFC", data[5:].decode("utf-8"))
        except UnicodeDecodeError:
            return None
    return None


def display_name(name: str) -> str:
    """The name as shown in reports: NFC, control and invisible characters made visible."""
    name = unicodedata.normalize("NFC", name)
    return "".join(
        "\ufffd" if unicodedata.category(c) == "Cc" or c in _INVISIBLE else c for c in name
    )


def name_parts(name: str) -> list[str]:
    """The components of a stored name; backslashes are separators too (Windows tools)."""
    return [p for p in name.replace("\\", "/").split("/") if p not in {"", "."}]


def is_junk(name: str) -> bool:
    """True when `name` (a relative path) is system junk: __MACOSX, Thumbs.db, ~$ locks…"""
    parts = [p.casefold() for p in name_parts(name)]
    if not parts:
        return False
    if any(p in _JUNK_DIRS for p in parts[:-1]):
        return True
    leaf = parts[-1]
    return leaf in _JUNK_FILES or leaf in _JUNK_DIRS or leaf.startswith(("._", "~$", ".~lock."))


def safe_component(part: str) -> str:
    """One path component that is a plain file name on Windows, macOS and Linux."""
    part = unicodedata.normalize("NFC", part)
    part = "".join(
        "_" if unicodedata.category(c) == "Cc" else c for c in part if c not in _INVISIBLE
    )
    part = _WINDOWS_FORBIDDEN.sub("_", part).replace("/", "_").replace("\\", "_")
    part = part.strip().rstrip(". ")  # Windows drops trailing dots and spaces
    if part in {"", ".", ".."}:
        return "_"
    stem = part.partition(".")[0]
    if stem.casefold().rstrip(" ") in _WINDOWS_RESERVED:
        part = f"_{part}"
    if len(part.encode("utf-8")) > MAX_COMPONENT_BYTES:
        path = PurePosixPath(part)
        ext = path.suffix if len(path.suffix.encode("utf-8")) <= 16 else ""
        room = MAX_COMPONENT_BYTES - len(ext.encode("utf-8"))
        stem_bytes = path.name[: len(path.name) - len(ext)].encode("utf-8")[:room]
        part = stem_bytes.decode("utf-8", errors="ignore").rstrip(". ") + ext
    return part


def safe_parts(name: str) -> list[str]:
    """Safe components of a member name: no .., no root, no drive letter, never empty."""
    parts = []
    for index, raw in enumerate(name_parts(name)):
        if raw == "..":
            continue  # never climb: "../../evil" lands inside, as "evil"
        if index == 0 and re.fullmatch(r"[A-Za-z]:", raw):
            continue  # "C:\\evil" → "evil"
        parts.append(safe_component(raw))
    return parts or ["_"]

"""Which participant a received file belongs to, from its name and the folders it came in.

Schools name files after the entrant in every spelling: "Bài dự thi - Nguyễn Văn An.docx",
"NGUYEN VAN AN.pdf", "NguyenVanAn_lop6.docx", "12. An.pdf" (the list's number). Names and
file names are compared after the same normalisation (NFC, no diacritics, đ → d, lower case,
anything not a letter or digit → a space), so only words are compared, never bytes.

A participant matches when all syllables of their name appear as consecutive words, or as one
word without spaces ("nguyenvanan"). The list number ("STT 12", "12." at the start of the name)
is used only when no name matches, or to choose between namesakes. Several matches are never
settled by a guess: the board links the file in the review dialog.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SEQ_PREFIX = re.compile(r"^\s*0*(\d{1,4})\s*[.)\-_]")
_SEQ_WORD = re.compile(r"\bstt\s*[:.\-_#]?\s*0*(\d{1,4})\b")


# Đ/đ, and the look-alike Ð/ð (Latin eth) that old converters and some keyboards type for it:
# neither decomposes, so without this "Đông" and "Ðông" would both lose their first letter.
_D_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "\u00d0": "D", "\u00f0": "d"})


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case words without diacritics, separated by single spaces.

    Cached: every file of a unit is compared with every name on the unit's list.
    """
    text = unicodedata.normalize("NFC", text).translate(_D_LETTERS)
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", bare).strip()


@dataclass(frozen=True)
class Candidate:
    """A participant the file may belong to: id, name, and list number in this run ("" if none)."""

    participant_id: int
    full_name: str
    seq: str = ""


@dataclass(frozen=True)
class Match:
    """The outcome for one file: "matched" (one id), "ambiguous" (several) or "unmatched"."""

    outcome: str
    participant_ids: tuple[int, ...] = ()

    @property
    def participant_id(self) -> int | None:
        return self.participant_ids[0] if self.outcome == "matched" else None


def name_parts(chain: Sequence[str]) -> list[str]:
    """The texts a file's chain offers: the source's own name, containers, folders, the file.

    The source is named by its last component only (the board's own folders say nothing about
    the entrant), and extensions are dropped so ".docx" is never read as a word.
    """
    parts: list[str] = []
    for position, link in enumerate(chain):
        pieces = PurePosixPath(link.replace("\\", "/")).parts
        if position == 0:
            pieces = pieces[-1:]
        for piece in pieces:
            stem = PurePosixPath(piece).stem if "." in piece else piece
            parts.append(stem)
    return parts


def _contains(words: list[str], syllables: list[str]) -> bool:
    size = len(syllables)
    if not size:
        return False
    joined = "".join(syllables)
    if size > 1 and joined in words:
        return True
    return any(words[i : i + size] == syllables for i in range(len(words) - size + 1))


def _seq_numbers(parts: Iterable[str]) -> set[str]:
    numbers: set[str] = set()
    for part in parts:
        lowered = unicodedata.normalize("NFC", part).lower()
        numbers.update(m.group(1) for m in _SEQ_WORD.finditer(lowered))
        prefix = _SEQ_PREFIX.match(lowered)
        if prefix:
            numbers.add(prefix.group(1))
    return numbers


def _seq_key(seq: str) -> str:
    digits = seq.strip().rstrip(".")
    return digits.lstrip("0") or digits if digits.isdigit() else ""


def match_file(chain: Sequence[str], candidates: Sequence[Candidate]) -> Match:
    """Match one file (its chain of names) against the unit's participants."""
    parts = name_parts(chain)
    words = fold(" ".join(parts)).split()
    by_name = tuple(
        sorted(
            {c.participant_id for c in candidates if _contains(words, fold(c.full_name).split())}
        )
    )
    numbers = {n.lstrip("0") or n for n in _seq_numbers(parts)}
    by_seq = tuple(
        sorted({c.participant_id for c in candidates if c.seq and _seq_key(c.seq) in numbers})
    )
    if len(by_name) == 1:
        return Match("matched", by_name)
    if len(by_name) > 1:
        chosen = [pid for pid in by_seq if pid in by_name]
        if len(chosen) == 1:
            return Match("matched", tuple(chosen))
        return Match("ambiguous", by_name)
    if len(by_seq) == 1:
        return Match("matched", by_seq)
    if len(by_seq) > 1:
        return Match("ambiguous", by_seq)
    return Match("unmatched")

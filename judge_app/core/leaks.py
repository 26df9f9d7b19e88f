"""Identity leaks in an entry's text: the entrant's name, school, phone, e-mail, class.

Entries are anonymous (GUIDE §2); one whose text names its author or school goes to the head
judge instead of normal grading. This module only finds candidates: it never decides that an
entry is invalid (that is a recorded board decision).

Matching works on a normalised copy of the text (no diacritics, đ → d, lower case, every run of
punctuation or spaces one space), so "NGUYEN VAN AN", "Nguyễn Văn An" and a name split over two
lines all look alike; every hit is mapped back to the span of the original text, so the head
judge sees the words as written.

Why the name rules are strict: Vietnamese names are built from everyday syllables ("an",
"anh", "minh", "văn", "thị") and a handful of surnames cover most people, so one syllable, or
two lower-case syllables, match ordinary prose ("an toàn", "anh em", "ngữ văn"). A name hit
needs either all of the name's syllables close together (any order: "AN NGUYỄN VĂN"), or the
given name next to another of its syllables written as a proper name ("Nguyễn An", "Văn An"),
not inside a longer proper name ("Hồ Chí Minh" is not "Trần Chí Minh").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

LeakKind = Literal["name", "unit", "phone", "phone_any", "email", "class", "phrase"]
Confidence = Literal["strong", "weak"]

# Other words allowed among the syllables of a full name ("Văn An, con nhà họ Nguyễn"): a
# name split by a line's punctuation or a short aside still names the entrant.
NAME_GAP_WORDS = 3

# School-type words (normalised) and the long forms their abbreviations stand for.
_SCHOOL_TYPES: dict[str, tuple[str, ...]] = {
    "thcs": ("trung hoc co so",),
    "thpt": ("trung hoc pho thong",),
    "th": ("tieu hoc",),
    "mn": ("mam non",),
    "mg": ("mau giao",),
    "tieu hoc": ("th",),
    "mam non": ("mn",),
    "mau giao": ("mg",),
    "trung hoc co so": ("thcs",),
    "trung hoc pho thong": ("thpt",),
    "ptcs": ("pho thong co so",),
    "phong gd dt": ("phong giao duc va dao tao", "phong gd va dt"),
    "phong giao duc va dao tao": ("phong gd dt",),
}
# Leading words of a unit's proper name that say what kind of place it is ("quận").
_UNIT_PREFIXES = ("truong", "quan", "huyen", "phuong", "xa", "thi xa", "thanh pho")

# Phrases an entrant uses to introduce themselves (normalised).
_SELF_PHRASES = ("toi ten la", "em ten la", "ten toi la", "ten em la", "minh ten la")
# Form-field labels: only with their colon ("Họ và tên:"), since "kiểm tra họ tên, ngày
# sinh" is prose about a form.
_FIELD_LABELS = ("ho va ten", "ho ten", "nguoi viet", "nguoi du thi", "tac gia")

# A Vietnamese phone number: +84 / 0084 / 0, then 9 or 10 digits in groups split by single
# spaces, dots or hyphens (0912 345 678, 024.3856.1234, +84 912-345-678).
_PHONE = re.compile(r"(?<![\w+])(?:\+84|0084|0)[ .\-]?\(?\d{1,4}\)?(?:[ .\-]?\d){6,9}(?![\w])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# "lớp 8A3", "lop 9a1", "lớp 6 A2": grade 1-12, a letter, an optional number.
_CLASS = re.compile(r"\blop (\d{1,2}) ?([a-z])(?: ?(\d{1,2}))?\b")
# A school named after its type: "trường THCS Khương Đình", "trường mầm non Tuổi Hoa".
_SCHOOL_MENTION = re.compile(
    r"\btruong (?:thcs|thpt|th|mn|mg|tieu hoc|mam non|mau giao|trung hoc co so"
    r"|trung hoc pho thong|pho thong co so|ptcs)\b"
)


@dataclass(frozen=True)
class IdentityHints:
    """What the board knows about one entrant, to look for in their entry."""

    full_name: str
    unit_names: Sequence[str] = ()
    phones: Sequence[str] = ()
    emails: Sequence[str] = ()
    class_name: str | None = None
    # Phrases every entry may carry (organiser, contest name): never a unit hit.
    common_phrases: Sequence[str] = ()


@dataclass(frozen=True)
class LeakHit:
    """One candidate leak: `text` is exactly original[start:end]."""

    kind: LeakKind
    text: str
    start: int
    end: int
    confidence: Confidence


@dataclass(frozen=True)
class _Token:
    word: str  # normalised
    start: int  # span in the original text
    end: int
    capital: bool  # first letter upper case in the original
    marked: str  # with its diacritics (`_marked`), "" when written without any


@dataclass
class _Normalised:
    """The normalised text and, for each of its characters, the original index."""

    text: str
    origin: list[int] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Normalisation


def _fold(char: str) -> str:
    """One original character as normalised letters/digits ("" for marks, " " for the rest)."""
    if char in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    if not base:
        return ""
    folded = base.lower()
    return folded if folded.isalnum() else " "


def _normalise_mapped(text: str) -> _Normalised:
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold(char)
        if folded == " ":
            if out and out[-1] != " ":
                out.append(" ")
                origin.append(index)
            continue
        for letter in folded:
            out.append(letter)
            origin.append(index)
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return _Normalised("".join(out), origin)


def normalise(text: str) -> str:
    """Lower case, no diacritics (đ → d), punctuation and spaces as single spaces."""
    return _normalise_mapped(text).text


def _original_end(text: str, index: int) -> int:
    """End of the original character at `index`, with the combining marks that follow it."""
    end = index + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end


def _span(text: str, norm: _Normalised, start: int, end: int) -> tuple[int, int]:
    """Original span of normalised characters start..end (end exclusive, > start)."""
    return norm.origin[start], _original_end(text, norm.origin[end - 1])


def _tokens(text: str, norm: _Normalised) -> list[_Token]:
    tokens = []
    for match in re.finditer(r"\S+", norm.text):
        start, end = _span(text, norm, match.start(), match.end())
        marked = _marked(text[start:end])
        tokens.append(_Token(match.group(), start, end, text[start].isupper(), marked))
    return tokens


# Vietnamese tone marks: where a word carries one is a spelling habit ("Thùy" / "Thuỳ",
# "hòa" / "hoà"), so they are compared as a set, not by position.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _marked(word: str) -> str:
    """The word in lower case with its diacritics, tone apart; "" when it has none at all
    (typed without diacritics: it may stand for any marked spelling)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if decomposed.isascii():
        return ""
    tones = sorted(c for c in decomposed if c in _TONES)
    shape = "".join(
        c for c in decomposed if c not in _TONES and (c.isalnum() or unicodedata.combining(c))
    )
    return unicodedata.normalize("NFC", shape) + "".join(tones)


@dataclass(frozen=True)
class _Syllable:
    word: str  # normalised
    marked: str | None  # `_marked`; None when the registered name has no diacritics at all


def _same(token: _Token, syllable: _Syllable, plain: bool) -> bool:
    """The same syllable, spelt with the same diacritics ("vụ công" is not "Vũ Công", "Thanh
    Xuân" not "Xuân Thành"), or, with `plain`, typed without any ("nguyen van an")."""
    if token.word != syllable.word:
        return False
    if syllable.marked is None:
        return True  # the list gave the name without diacritics: any spelling may be it
    return token.marked == ("" if plain else syllable.marked)


def _hit(text: str, kind: LeakKind, start: int, end: int, confidence: Confidence) -> LeakHit:
    return LeakHit(kind, text[start:end], start, end, confidence)


# ---------------------------------------------------------------------------------------------
# Names


def _assign(
    tokens: list[_Token], syllables: list[_Syllable], anchor: int, reach: int, plain: bool
) -> dict[int, int] | None:
    """Name syllable index → token index, the given name at `anchor`, every other syllable at
    the nearest free token within `reach` of it; None when a syllable is missing."""
    used = {anchor}
    found = {len(syllables) - 1: anchor}
    for index, syllable in enumerate(syllables[:-1]):
        candidates = [
            t
            for t in range(max(0, anchor - reach), min(len(tokens), anchor + reach + 1))
            if t not in used and _same(tokens[t], syllable, plain)
        ]
        if not candidates:
            return None
        best = min(candidates, key=lambda t: abs(t - anchor))
        used.add(best)
        found[index] = best
    return found


def _sentence_start(text: str, token: _Token) -> bool:
    before = text[: token.start].rstrip()
    return not before or before[-1] in '.!?:;\n"“(–-'


def _joined(text: str, tokens: list[_Token], a: int, b: int) -> bool:
    """Tokens a and b (a < b, neighbours) are separated by spaces only, no punctuation."""
    return not text[tokens[a].end : tokens[b].start].strip()


def _proper_pair(text: str, tokens: list[_Token], syllables: set[str], lo: int, hi: int) -> bool:
    """Tokens lo..hi are all capitalised and not part of a longer capitalised name that has
    other syllables (a capital that only starts the sentence is not part of a name)."""
    if not all(tokens[t].capital for t in range(lo, hi + 1)):
        return False

    def foreign(index: int) -> bool:
        return (
            0 <= index < len(tokens)
            and tokens[index].capital
            and tokens[index].word not in syllables
        )

    left, right = lo - 1, hi + 1
    # "Em Hoàng Nam" is the name (a sentence's first word); "Hồ Chí Minh" is someone else's.
    joined_left = foreign(left) and _joined(text, tokens, left, lo)
    if joined_left and not _sentence_start(text, tokens[left]):
        return False
    return not (foreign(right) and _joined(text, tokens, hi, right))


def _has_core(found: dict[int, int], anchor: int) -> bool:
    """The given name sits next to another of the name's syllables ("Văn An … Nguyễn")."""
    return any(abs(t - anchor) == 1 for t in found.values())


def _name_syllables(full_name: str) -> list[_Syllable]:
    tokens = _tokens(full_name, _normalise_mapped(full_name))
    unmarked = all(not t.marked for t in tokens)
    return [_Syllable(t.word, None if unmarked else t.marked) for t in tokens]


def _name_hit_at(
    text: str, tokens: list[_Token], syllables: list[_Syllable], anchor: int, plain: bool
) -> LeakHit | None:
    """The name around the given name at `anchor`, spelt one way (see `_same`)."""
    reach = len(syllables) - 1 + NAME_GAP_WORDS
    found = _assign(tokens, syllables, anchor, reach, plain)
    if found is not None and max(found.values()) - min(found.values()) <= reach:
        lo, hi = min(found.values()), max(found.values())
        adjacent = hi - lo == len(syllables) - 1
        proper = all(tokens[t].capital for t in found.values())
        # Syllables scattered over a sentence ("Nguyễn Trãi, văn bản an toàn") are prose:
        # the given name must sit next to one of them, and a two-syllable name be whole.
        if adjacent or (len(syllables) > 2 and _has_core(found, anchor)):
            confidence: Confidence = "strong" if adjacent or proper else "weak"
            return _hit(text, "name", tokens[lo].start, tokens[hi].end, confidence)
    words = {s.word for s in syllables}
    for neighbour in (anchor - 1, anchor + 1):
        if not 0 <= neighbour < len(tokens):
            continue
        if any(_same(tokens[neighbour], other, plain) for other in syllables[:-1]):
            lo, hi = sorted((anchor, neighbour))
            if _proper_pair(text, tokens, words, lo, hi):
                return _hit(text, "name", tokens[lo].start, tokens[hi].end, "weak")
    return None


def _name_hits(text: str, tokens: list[_Token], full_name: str) -> list[LeakHit]:
    syllables = _name_syllables(full_name)
    if len(syllables) < 2:
        return []  # a one-word name is an ordinary word far more often than the entrant
    hits: list[LeakHit] = []
    for anchor, token in enumerate(tokens):
        for plain in (False, True):
            if _same(token, syllables[-1], plain):
                hit = _name_hit_at(text, tokens, syllables, anchor, plain)
                if hit is not None:
                    hits.append(hit)
                    break
    return hits


# ---------------------------------------------------------------------------------------------
# Units


def _strip_prefix(words: str, prefixes: Sequence[str]) -> str | None:
    for prefix in sorted(prefixes, key=len, reverse=True):
        if words.startswith(prefix + " "):
            return words[len(prefix) + 1 :]
    return None


def unit_forms(unit_name: str) -> tuple[list[str], list[str]]:
    """Normalised forms of a unit's name: (with its type: strong, proper name only: weak).

    "Trường THCS Khương Đình" → (["truong thcs khuong dinh", "thcs khuong dinh",
    "truong trung hoc co so khuong dinh", "trung hoc co so khuong dinh"], ["khuong dinh"]).
    """
    full = normalise(unit_name)
    if not full:
        return [], []
    typed = {full}
    rest = _strip_prefix(full, ("truong",))
    if rest:
        typed.add(rest)
    proper: set[str] = set()
    for form in list(typed):
        for short, longs in _SCHOOL_TYPES.items():
            tail = _strip_prefix(form, (short,))
            if tail is None:
                continue
            for long in longs:
                typed.add(f"{long} {tail}")
                typed.add(f"truong {long} {tail}")
            plain = _strip_prefix(tail, _UNIT_PREFIXES) or tail
            proper.add(plain)
            if tail != plain:
                typed.add(tail)  # "quận Thanh Xuân" names the unit's kind too
    # A one-word proper name ("Hoa") is an ordinary word.
    proper = {p for p in proper if len(p.split()) >= 2}
    return sorted(typed - proper), sorted(proper)


def _phrase_spans(norm: str, phrase: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(phrase)}\b", norm)]


def _unit_hits(
    text: str, norm: _Normalised, tokens: list[_Token], hints: IdentityHints
) -> list[LeakHit]:
    common = [normalise(p) for p in hints.common_phrases]
    hits: list[LeakHit] = []
    for name in hints.unit_names:
        typed, proper = unit_forms(name)
        forms: list[tuple[str, Confidence]] = [(f, "strong") for f in typed]
        forms += [(f, "weak") for f in proper]
        for form, confidence in forms:
            if any(form in phrase for phrase in common):
                continue  # the organiser's name is on every entry
            for start, end in _phrase_spans(norm.text, form):
                o_start, o_end = _span(text, norm, start, end)
                if confidence == "weak" and not text[o_start].isupper():
                    continue  # "tuổi hoa" in prose, not "Tuổi Hoa"
                hits.append(_hit(text, "unit", o_start, o_end, confidence))
    # Any other school named after its type: weak, the board looks at it.
    for match in _SCHOOL_MENTION.finditer(norm.text):
        start, end = _span(text, norm, match.start(), match.end())
        upper = text[start:end].isupper()
        names: list[_Token] = []
        for token in (t for t in tokens if t.start >= end):
            gap = text[names[-1].end if names else end : token.start]
            # The school's own name: capitalised words (upper case after an upper-case
            # "TRƯỜNG THCS"), with nothing but spaces before them.
            word = text[token.start : token.end]
            if gap.strip() or not token.capital or (upper and not word.isupper()):
                break
            names.append(token)
            if len(names) == 4:
                break
        if names:
            hits.append(_hit(text, "unit", start, names[-1].end, "weak"))
    return hits


# ---------------------------------------------------------------------------------------------
# Phones, e-mails, classes, phrases


def phone_digits(phone: str) -> str:
    """A phone number in national form, digits only: "+84 912.345.678" → "0912345678"."""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+84") or digits.startswith("0084"):
        digits = "0" + digits[2:] if digits.startswith("84") else "0" + digits[4:]
    return digits


def _phone_hits(text: str, hints: IdentityHints) -> list[LeakHit]:
    known = {phone_digits(p) for p in hints.phones if p.strip()}
    hits = []
    for match in _PHONE.finditer(text):
        digits = phone_digits(match.group())
        if not 10 <= len(digits) <= 11:
            continue
        kind: LeakKind = "phone" if digits in known else "phone_any"
        confidence: Confidence = "strong" if kind == "phone" else "weak"
        hits.append(_hit(text, kind, match.start(), match.end(), confidence))
    return hits


def _email_hits(text: str, hints: IdentityHints) -> list[LeakHit]:
    known = {e.strip().lower() for e in hints.emails if e.strip()}
    return [
        _hit(
            text,
            "email",
            m.start(),
            m.end(),
            "strong" if m.group().lower() in known else "weak",
        )
        for m in _EMAIL.finditer(text)
    ]


def _class_key(grade: str, letter: str, number: str | None) -> str:
    return f"{int(grade)}{letter}{number or ''}"


def _class_hits(text: str, norm: _Normalised, hints: IdentityHints) -> list[LeakHit]:
    own = None
    if hints.class_name:
        match = re.fullmatch(r"(\d{1,2}) ?([a-z])(?: ?(\d{1,2}))?", normalise(hints.class_name))
        own = _class_key(*match.groups()) if match else None
    hits = []
    for match in _CLASS.finditer(norm.text):
        start, end = _span(text, norm, match.start(), match.end())
        confidence: Confidence = "strong" if _class_key(*match.groups()) == own else "weak"
        hits.append(_hit(text, "class", start, end, confidence))
    return hits


def _phrase_hits(text: str, norm: _Normalised) -> list[LeakHit]:
    hits = []
    for phrase in (*_SELF_PHRASES, *_FIELD_LABELS):
        for start, end in _phrase_spans(norm.text, phrase):
            o_start, o_end = _span(text, norm, start, end)
            if phrase in _FIELD_LABELS and not text[o_end:].lstrip(" \t").startswith(":"):
                continue
            hits.append(_hit(text, "phrase", o_start, o_end, "weak"))
    return hits


# ---------------------------------------------------------------------------------------------


def _without_overlaps(hits: list[LeakHit]) -> list[LeakHit]:
    """Of hits of one kind that overlap, keep the strongest, then the longest."""

    def group(kind: LeakKind) -> str:
        return "phone" if kind == "phone_any" else kind

    ranked = sorted(hits, key=lambda h: (h.confidence != "strong", -(h.end - h.start), h.start))
    kept: list[LeakHit] = []
    for hit in ranked:
        same_kind = (k for k in kept if group(k.kind) == group(hit.kind))
        if not any(k.start < hit.end and hit.start < k.end for k in same_kind):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end, h.kind))


def find_leaks(text: str, identity: IdentityHints) -> list[LeakHit]:
    """Every candidate leak of `identity` in `text`, in text order (see the module docstring)."""
    norm = _normalise_mapped(text)
    if not norm.text:
        return []
    tokens = _tokens(text, norm)
    hits = [
        *_name_hits(text, tokens, identity.full_name),
        *_unit_hits(text, norm, tokens, identity),
        *_phone_hits(text, identity),
        *_email_hits(text, identity),
        *_class_hits(text, norm, identity),
        *_phrase_hits(text, norm),
    ]
    return _without_overlaps(hits)


def contact_details(contact: str) -> tuple[list[str], list[str]]:
    """The phone numbers and e-mail addresses in a free-text contact field."""
    phones = [
        m.group() for m in _PHONE.finditer(contact) if 10 <= len(phone_digits(m.group())) <= 11
    ]
    return phones, [m.group() for m in _EMAIL.finditer(contact)]

"""Entry codes (số phách): short, random, easy to type and to read aloud, with a check character.

A code is five random characters and one check character, shown in two groups of three:
``K7M-4QX``. The stored form (`Entry.code`) is that shown form, dash included, so screens,
score sheets, folders and the printed envelope list all spell a code the same way; typed input
goes through `normalise_code` first.

Alphabet (29 characters): ``23456789ABCDEFGHJKMNPQRSTVWXY``.
- 0/O, 1/I/L are left out: confusable in print and in handwriting.
- U is left out (U/V in handwriting), Z too (Z/2 in handwriting, and Z is not a letter of the
  Vietnamese alphabet, so it is read aloud in several ways: "dét", "zét", "di").
- 29 is prime, which is what makes the check character exact (below).
Left in on purpose: 5/S, 8/B, 6/G are distinct in the printed fonts the app uses, and any slip
between them is caught by the check character anyway.

Check character: the weighted sum ``sum((i + 1) * value(c_i) for i in 0..5)`` is 0 mod 29.
Because 29 is prime and the weights 1..6 are distinct and non-zero mod 29, every single-character
substitution and every transposition of two characters (adjacent or not) changes the sum, so
`is_valid_code` rejects it.

Space: 29**5 ≈ 20.5 million codes; a contest has at most a few thousand entries, so a random
draw rarely collides and `new_codes` simply draws again. Codes are not secrets (judges see
them); they are random so that nothing about an entry (school, order of receipt, name) can be
read from its code.
"""

from __future__ import annotations

import secrets
import unicodedata
from collections.abc import Iterable
from random import Random

from judge_app.core.errors import JudgeAppError

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXY"
BASE = len(ALPHABET)  # 29, prime
RANDOM_LENGTH = 5
CODE_LENGTH = RANDOM_LENGTH + 1  # with the check character
GROUP = 3
SEPARATOR = "-"
# Typed between groups, or pasted from a word processor: ignored by `normalise_code`.
IGNORED = frozenset(" \t-_.\u2010\u2011\u2012\u2013\u2014\u2212\u00a0")

_VALUE = {char: index for index, char in enumerate(ALPHABET)}
# Never draw more than this many codes per code asked for: a full code space must end in an
# error, not an endless loop.
_MAX_DRAWS_PER_CODE = 1000

_SYSTEM_RANDOM = secrets.SystemRandom()


def _weighted_sum(chars: Iterable[str]) -> int:
    return sum((index + 1) * _VALUE[char] for index, char in enumerate(chars))


def check_character(body: str) -> str:
    """The check character that makes `body` (five alphabet characters) a valid code."""
    if len(body) != RANDOM_LENGTH or any(char not in _VALUE for char in body):
        raise ValueError(f"not a code body: {body!r}")
    # Solve partial + CODE_LENGTH * x ≡ 0 (mod BASE) for x.
    partial = _weighted_sum(body)
    inverse = pow(CODE_LENGTH, -1, BASE)
    return ALPHABET[(-partial * inverse) % BASE]


def format_code(chars: str) -> str:
    """``K7M4QX`` → ``K7M-4QX``."""
    return SEPARATOR.join(chars[start : start + GROUP] for start in range(0, len(chars), GROUP))


def _compact(text: str) -> str:
    """Upper case, full-width folded (NFKC), separators dropped."""
    folded = unicodedata.normalize("NFKC", text).upper()
    return "".join(char for char in folded if char not in IGNORED)


def is_valid_code(text: str) -> bool:
    """True when `text` (any case, spacing or dashes) is a code whose check character holds."""
    chars = _compact(text)
    return (
        len(chars) == CODE_LENGTH
        and all(char in _VALUE for char in chars)
        and _weighted_sum(chars) % BASE == 0
    )


def normalise_code(text: str) -> str:
    """The stored form of a typed code (``k7m 4qx`` → ``K7M-4QX``), or JudgeAppError.

    No character is mapped to another: 0/O and 1/I/L are all outside the alphabet, so a typed
    ``O`` or ``1`` has no single meaning; the user is told which character is not used instead
    of the app guessing.
    """
    chars = _compact(text)
    for char in chars:
        if char not in _VALUE:
            raise JudgeAppError("code_bad_character", text=text, char=char)
    if len(chars) != CODE_LENGTH:
        raise JudgeAppError("code_wrong_length", text=text, length=CODE_LENGTH)
    if _weighted_sum(chars) % BASE:
        raise JudgeAppError("code_check_failed", text=text)
    return format_code(chars)


def new_codes(count: int, *, existing: set[str], rng: Random = _SYSTEM_RANDOM) -> list[str]:
    """`count` new codes in stored form, unique among themselves and not in `existing`.

    `rng` is the operating system's cryptographic generator by default; the demo passes a
    seeded `random.Random` so its contest is the same on every build. `existing` may hold
    codes in any typed form.
    """
    if count < 0:
        raise ValueError("count must be >= 0")
    taken = {_compact(code) for code in existing}
    codes: list[str] = []
    draws = 0
    while len(codes) < count:
        draws += 1
        if draws > _MAX_DRAWS_PER_CODE * count:
            raise JudgeAppError("code_space_exhausted", count=count)
        body = "".join(rng.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
        chars = body + check_character(body)
        if chars in taken:
            continue
        taken.add(chars)
        codes.append(format_code(chars))
    return codes

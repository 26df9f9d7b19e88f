from __future__ import annotations

import random

import pytest

from judge_app.core import codes
from judge_app.core.codes import (
    ALPHABET,
    BASE,
    CODE_LENGTH,
    check_character,
    format_code,
    is_valid_code,
    new_codes,
    normalise_code,
)
from judge_app.core.errors import JudgeAppError


def _compact(code: str) -> str:
    return code.replace("-", "")


def test_alphabet_leaves_out_the_confusable_characters() -> None:
    for char in "01OILUZ":
        assert char not in ALPHABET
    assert len(set(ALPHABET)) == len(ALPHABET) == BASE == 29
    assert all(BASE % d for d in range(2, BASE))  # prime: what makes the check exact


def test_new_codes_look_like_k7m_4qx_and_are_valid() -> None:
    for code in new_codes(200, existing=set()):
        assert len(code) == CODE_LENGTH + 1 and code[3] == "-"
        assert set(_compact(code)) <= set(ALPHABET)
        assert is_valid_code(code)
        assert normalise_code(code) == code


def test_new_codes_are_unique_over_100k_and_avoid_existing() -> None:
    rng = random.Random(7)
    existing = set(new_codes(1000, existing=set(), rng=rng))
    fresh = new_codes(100_000, existing=existing, rng=rng)
    assert len(set(fresh)) == len(fresh) == 100_000
    assert not existing & set(fresh)


def test_existing_codes_are_compared_in_any_typed_form() -> None:
    # A generator that can only draw one body: the taken code (typed in lower case with a
    # space) must be refused, so the draw runs out instead of repeating it.
    class OneBody(random.Random):
        def choice(self, seq: object) -> str:  # type: ignore[override]
            return "K"

    taken = format_code("KKKKK" + check_character("KKKKK"))
    with pytest.raises(JudgeAppError) as caught:
        new_codes(1, existing={taken.lower().replace("-", " ")}, rng=OneBody())
    assert caught.value.code == "code_space_exhausted"


def test_default_generator_is_the_system_cryptographic_one() -> None:
    assert isinstance(codes._SYSTEM_RANDOM, random.SystemRandom)
    assert (new_codes.__kwdefaults__ or {})["rng"] is codes._SYSTEM_RANDOM


def test_seeded_generator_is_reproducible() -> None:
    first = new_codes(50, existing=set(), rng=random.Random(2019))
    assert first == new_codes(50, existing=set(), rng=random.Random(2019))


def test_check_catches_every_single_substitution() -> None:
    rng = random.Random(1)
    for code in new_codes(300, existing=set(), rng=rng):
        chars = _compact(code)
        for position in range(CODE_LENGTH):
            for other in ALPHABET:
                if other == chars[position]:
                    continue
                typo = chars[:position] + other + chars[position + 1 :]
                assert not is_valid_code(typo), (code, typo)


def test_check_catches_every_adjacent_transposition() -> None:
    rng = random.Random(2)
    for code in new_codes(2000, existing=set(), rng=rng):
        chars = _compact(code)
        for position in range(CODE_LENGTH - 1):
            a, b = chars[position], chars[position + 1]
            if a == b:
                continue
            swapped = chars[:position] + b + a + chars[position + 2 :]
            assert not is_valid_code(swapped), (code, swapped)


def test_normalise_accepts_lower_case_spaces_and_dashes() -> None:
    code = new_codes(1, existing=set(), rng=random.Random(3))[0]
    plain = _compact(code)
    for typed in (
        plain.lower(),
        f" {plain[:3]} {plain[3:]} ",
        f"{plain[:2]}-{plain[2:4]}-{plain[4:]}",
        f"{plain[:3]}\u2013{plain[3:]}",  # an en dash from a word processor
        "".join(chr(ord(c) + 0xFEE0) for c in plain),  # full-width, from some IMEs
    ):
        assert normalise_code(typed) == code


@pytest.mark.parametrize(
    ("typed", "error", "params"),
    [
        ("K7M-4QO", "code_bad_character", {"char": "O"}),
        ("k7m-4q0", "code_bad_character", {"char": "0"}),
        ("K1M-4QX", "code_bad_character", {"char": "1"}),
        ("K7M-4Q", "code_wrong_length", {"length": 6}),
        ("K7M-4QXX", "code_wrong_length", {"length": 6}),
    ],
)
def test_normalise_rejects_what_is_not_a_code(
    typed: str, error: str, params: dict[str, object]
) -> None:
    with pytest.raises(JudgeAppError) as caught:
        normalise_code(typed)
    assert caught.value.code == error
    for name, value in params.items():
        assert caught.value.params[name] == value


def test_normalise_reports_a_failed_check() -> None:
    body = "K7M4Q"
    good = body + check_character(body)
    bad = body + next(c for c in ALPHABET if c != good[-1])
    assert normalise_code(good) == format_code(good)
    with pytest.raises(JudgeAppError) as caught:
        normalise_code(bad)
    assert caught.value.code == "code_check_failed"


def test_check_character_rejects_a_bad_body() -> None:
    with pytest.raises(ValueError):
        check_character("K7M4")
    with pytest.raises(ValueError):
        check_character("K7M4O")

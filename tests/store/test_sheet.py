"""The sheet in the grading row: one canonical spelling, whoever writes it."""

from __future__ import annotations

import json
from collections.abc import Mapping

from hypothesis import given
from hypothesis import strategies as st

from judge_app.store.sheet import (
    EMPTY,
    MapSpeller,
    dump_map,
    load_int_map,
    load_raw,
    load_text_map,
)

_IDS = st.integers(min_value=1, max_value=10**6)


def _reference(values: Mapping[int, object]) -> str:
    """What the general encoder writes for the same map (ids ascending)."""
    ordered = {str(key): values[key] for key in sorted(values)}
    return json.dumps(ordered, separators=(",", ":"), ensure_ascii=False)


@given(st.dictionaries(_IDS, st.integers(min_value=0, max_value=10**7)))
def test_scores_are_spelt_as_the_json_encoder_spells_them(values: dict[int, int]) -> None:
    text = dump_map(values)
    assert text == (_reference(values) if values else EMPTY)
    assert load_int_map(text) == values
    assert {int(k): v for k, v in load_raw(text).items()} == values


@given(st.dictionaries(_IDS, st.text()))
def test_answers_and_comments_keep_every_character(values: dict[int, str]) -> None:
    text = dump_map(values)
    assert text == (_reference(values) if values else EMPTY)
    assert load_text_map(text) == values


def test_ids_sort_as_numbers_and_vietnamese_stays_readable() -> None:
    text = dump_map({10: "Ý hay", 2: 'câu "trích"', 1: ""})
    assert text == '{"1":"","2":"câu \\"trích\\"","10":"Ý hay"}'
    assert load_text_map(None) == {} and load_int_map("") == {} and load_raw(EMPTY) == {}


@given(st.dictionaries(_IDS, st.integers(min_value=0, max_value=10**7), max_size=8))
def test_the_mergers_speller_writes_what_dump_map_writes(values: dict[int, int]) -> None:
    speller = MapSpeller()
    ids = tuple(values)
    for _ in range(2):  # the first time works the layout out, the second reuses it
        assert speller.ints(ids, [values[i] for i in ids]) == dump_map(values)
    letters = {key: chr(65 + value % 26) if value % 3 else "" for key, value in values.items()}
    assert speller.texts(ids, [letters[i] for i in ids]) == dump_map(letters)
    notes = {key: f'Ý "{value}" 100%' for key, value in values.items()}
    assert speller.texts(ids, [notes[i] for i in ids]) == dump_map(notes)

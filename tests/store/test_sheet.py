"""The sheet in the grading row: one canonical spelling, whoever writes it."""

from __future__ import annotations

import json
from collections.abc import Mapping

from hypothesis import given
from hypothesis import strategies as st

from judge_app.store.sheet import EMPTY, dump_map, load_int_map, load_raw, load_text_map

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

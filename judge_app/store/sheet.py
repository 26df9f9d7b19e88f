"""A grading's sheet kept in its own row: criterion scores, multiple-choice answers and
criterion comments as small canonical JSON maps (`grading.scores`, `.answers`,
`.criterion_comments`).

Why in the row and not one row per score: a grading is read and written whole (the judge's
screen, the score file, the merge, the discrepancy rule), and a board merges 200,000 gradings
with 1,000,000 scores in seconds only when each grading is one row (GUIDE: merge budget). Keys
are the criterion's or question's id (stable when a criterion is renamed), written as decimal
strings in ascending numeric order; scores are hundredths (integers, never floats); answers
are one letter or "" (left blank, recorded). The same spelling is written by the ORM type
(`store.models.PointsMap`/`TextMap`) and by the raw-SQL writers, so equal sheets are equal
bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

EMPTY = "{}"
_encode_text = json.encoder.encode_basestring


def dump_map(values: Mapping[int, int] | Mapping[int, str]) -> str:
    """Canonical JSON of an id-keyed map: ids ascending, no spaces, UTF-8 kept (exactly what
    `json.dumps(…, separators=(",", ":"), ensure_ascii=False)` writes; a test holds the two
    together). Spelt by hand: a merge writes 600,000 of these."""
    if not values:
        return EMPTY
    parts = []
    for key in sorted(values):
        value: int | str = values[key]
        if isinstance(value, int):
            parts.append(f'"{key}":{value}')
        else:
            parts.append(f'"{key}":{_encode_text(value)}')
    return "{" + ",".join(parts) + "}"


def _load(text: str | None) -> dict[str, object]:
    if not text or text == EMPTY:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {}


def load_int_map(text: str | None) -> dict[int, int]:
    """Scores: criterion id → hundredths."""
    return {int(key): int(value) for key, value in _load(text).items()}  # type: ignore[call-overload]


_scan_once = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def load_raw(text: str) -> dict[str, Any]:
    """The map as stored, keys left as strings: for whole-contest passes over 200,000 sheets
    (the C scanner straight away; the text is ours, written by `dump_map`)."""
    if text == EMPTY:
        return {}
    value, _end = _scan_once(text, 0)
    return value if isinstance(value, dict) else {}


def load_text_map(text: str | None) -> dict[int, str]:
    """Answers (question id → letter or "") and criterion comments (criterion id → text)."""
    return {int(key): str(value) for key, value in _load(text).items()}


class MapSpeller:
    """`dump_map` for many maps over the same few key sets (a merge: 200,000 sheets on one
    rubric): the order and the JSON around the values are worked out once per key set, then
    each map is one `%` formatting. Same bytes as `dump_map` (a test holds them together)."""

    def __init__(self) -> None:
        self._layouts: dict[tuple[str, tuple[int, ...]], tuple[str, tuple[int, ...]]] = {}
        self._texts: dict[str, str] = {}

    def _layout(self, ids: tuple[int, ...], value: str) -> tuple[str, tuple[int, ...]]:
        found = self._layouts.get((value, ids))  # criterion and question ids may coincide
        if found is None:
            order = tuple(sorted(range(len(ids)), key=ids.__getitem__))
            body = ",".join(f'"{ids[i]}":{value}' for i in order)
            found = self._layouts[value, ids] = ("{" + body + "}", order)
        return found

    def ints(self, ids: tuple[int, ...], values: list[int]) -> str:
        """The map ids[i] → values[i] (integers)."""
        if not ids:
            return EMPTY
        template, order = self._layout(ids, "%d")
        return template % tuple([values[i] for i in order])

    def texts(self, ids: tuple[int, ...], values: list[str]) -> str:
        """The map ids[i] → values[i] (texts; each spelt once and remembered)."""
        if not ids:
            return EMPTY
        template, order = self._layout(ids, "%s")
        spelt = self._texts
        out = []
        for i in order:
            text = values[i]
            encoded = spelt.get(text)
            if encoded is None:
                encoded = _encode_text(text)
                if len(spelt) < 10_000:
                    spelt[text] = encoded
            out.append(encoded)
        return template % tuple(out)

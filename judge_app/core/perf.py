"""Helpers for the few passes over a whole contest (merge, settlement, results)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic collector for a pass that allocates many acyclic objects.

    Each allocation burst (parsing a score file, a million result rows) triggers the collector
    over the whole, growing heap: at contest size that was a third to a half of the time.
    Reference counting still frees everything; the collector is restored afterwards.

    On the way out, what the pass allocated is moved to the oldest generation (freeze, then
    unfreeze: two list splices): left young, the first collection after the pass would walk
    every one of those millions of objects at once (0.6 s after a 100,000-entry settlement).
    The app freezes nothing else, so unfreezing everything is safe.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()

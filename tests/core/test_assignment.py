"""Assignment invariants over many random contests (hypothesis), and the edge cases by hand.

The balance check has two forms: where a balanced share is known to be feasible (judges from
outside every unit, or one judge per unit with units of equal size) loads must be within one;
everywhere else the result must carry the optimality certificate, no cost-reducing path (a
chain of moves taking an entry off a judge with load L and giving one to a judge with ≤ L − 2),
checked here by an independent search.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judge_app.core.assignment import (
    CALIBRATION_MINIMUM,
    Assignment,
    Conflicts,
    EntrySlot,
    JudgeSlot,
    assign,
    calibration,
    calibration_sample,
    reassign_dropped,
)
from judge_app.core.errors import JudgeAppError

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def eligible(judge: JudgeSlot, entry: EntrySlot, conflicts: Conflicts) -> bool:
    """Written out again here, independently of `Conflicts.allows`."""
    if not judge.active:
        return False
    if entry.unit is not None and judge.unit == entry.unit:
        return False
    if entry.unit is not None and (judge.judge_id, entry.unit) in conflicts.units:
        return False
    return (judge.judge_id, entry.entry_id) not in conflicts.pairs


def check_invariants(
    result: Assignment,
    entries: list[EntrySlot],
    judges: list[JudgeSlot],
    k: int,
    conflicts: Conflicts,
) -> None:
    by_id = {j.judge_id: j for j in judges}
    assert set(result.judges) == {e.entry_id for e in entries}
    loads = dict.fromkeys((j.judge_id for j in judges if j.active), 0)
    for entry in entries:
        chosen = result.judges[entry.entry_id]
        assert len(chosen) == len(set(chosen)) == k, entry
        for judge_id in result.added.get(entry.entry_id, ()):
            assert eligible(by_id[judge_id], entry, conflicts), (judge_id, entry)
        for judge_id in chosen:
            if judge_id in loads:
                loads[judge_id] += 1
    assert dict(result.loads) == loads


def assert_no_cost_reducing_path(
    result: Assignment, entries: list[EntrySlot], judges: list[JudgeSlot], conflicts: Conflicts
) -> None:
    active = [j for j in judges if j.active]
    load = result.loads
    edges: dict[int, set[int]] = {j.judge_id: set() for j in active}
    for entry in entries:
        on_entry = set(result.judges[entry.entry_id])
        for giver in result.added.get(entry.entry_id, ()):
            for taker in active:
                if taker.judge_id not in on_entry and eligible(taker, entry, conflicts):
                    edges[giver].add(taker.judge_id)
    capacity = {j.judge_id: j.capacity for j in active}
    for source in edges:
        seen, queue = {source}, deque([source])
        while queue:
            for other in edges[queue.popleft()]:
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
        for other in seen:
            cap = capacity[other]
            room = cap is None or load[other] < cap
            assert not (room and load[other] <= load[source] - 2), (source, other, dict(load))


@st.composite
def contests(draw: st.DrawFn) -> tuple[list[EntrySlot], list[JudgeSlot], int, Conflicts, int]:
    n_units = draw(st.integers(1, 8))
    units = [f"U{i}" for i in range(n_units)]
    categories = [f"C{i}" for i in range(draw(st.integers(1, 4)))]
    n_judges = draw(st.integers(2, 20))
    judge_units = draw(
        st.lists(st.sampled_from([*units, None]), min_size=n_judges, max_size=n_judges)
    )
    judges = [JudgeSlot(100 + i, unit) for i, unit in enumerate(judge_units)]
    n_entries = draw(st.integers(0, 300))
    unit_of = draw(st.lists(st.sampled_from(units), min_size=n_entries, max_size=n_entries))
    cat_of = draw(st.lists(st.sampled_from(categories), min_size=n_entries, max_size=n_entries))
    entries = [EntrySlot(i, u, c) for i, (u, c) in enumerate(zip(unit_of, cat_of, strict=True))]
    pairs: set[tuple[int, int]] = set()
    unit_pairs: set[tuple[int, str]] = set()
    declare = draw(st.booleans())
    if entries and declare:
        for _ in range(draw(st.integers(0, 10))):
            pairs.add(
                (draw(st.sampled_from(judges)).judge_id, draw(st.sampled_from(entries)).entry_id)
            )
        for _ in range(draw(st.integers(0, 2))):
            unit_pairs.add((draw(st.sampled_from(judges)).judge_id, draw(st.sampled_from(units))))
    k = draw(st.integers(1, 3))
    seed = draw(st.integers(0, 2**31))
    return entries, judges, k, Conflicts(frozenset(pairs), frozenset(unit_pairs)), seed


def short_entries(
    entries: Iterable[EntrySlot], judges: list[JudgeSlot], k: int, conflicts: Conflicts
) -> set[int]:
    return {e.entry_id for e in entries if sum(eligible(j, e, conflicts) for j in judges) < k}


@PROPERTY
@given(contests(), st.booleans())
def test_every_entry_gets_k_eligible_judges_or_the_short_ones_are_named(
    contest: tuple[list[EntrySlot], list[JudgeSlot], int, Conflicts, int], by_category: bool
) -> None:
    entries, judges, k, conflicts, seed = contest
    short = short_entries(entries, judges, k, conflicts)
    if short:
        with pytest.raises(JudgeAppError) as caught:
            assign(entries, judges, k, seed=seed, conflicts=conflicts, by_category=by_category)
        assert caught.value.code == "assign_infeasible"
        assert set(caught.value.params["entries"]) == short
        assert caught.value.params["count"] == len(short)
        return
    result = assign(entries, judges, k, seed=seed, conflicts=conflicts, by_category=by_category)
    check_invariants(result, entries, judges, k, conflicts)
    if not by_category:
        assert_no_cost_reducing_path(result, entries, judges, conflicts)
    again = assign(entries, judges, k, seed=seed, conflicts=conflicts, by_category=by_category)
    assert again == result


@st.composite
def balanced_contests(draw: st.DrawFn) -> tuple[list[EntrySlot], list[JudgeSlot], int, int]:
    """One judge per unit (plus some from outside), every unit sending as many entries."""
    n_units = draw(st.integers(2, 8))
    outsiders = draw(st.integers(0, 3))
    per_unit = draw(st.integers(0, 37))
    k = draw(st.integers(1, min(3, n_units - 1)))
    judges = [JudgeSlot(100 + u, f"U{u}") for u in range(n_units)]
    judges += [JudgeSlot(200 + i, None) for i in range(outsiders)]
    categories = [f"C{i}" for i in range(draw(st.integers(1, 3)))]
    entries = [
        EntrySlot(u * 1000 + i, f"U{u}", draw(st.sampled_from(categories)))
        for u in range(n_units)
        for i in range(per_unit)
    ]
    return entries, judges, k, draw(st.integers(0, 2**31))


@PROPERTY
@given(balanced_contests())
def test_loads_within_one_when_a_balanced_share_is_feasible(
    contest: tuple[list[EntrySlot], list[JudgeSlot], int, int],
) -> None:
    entries, judges, k, seed = contest
    result = assign(entries, judges, k, seed=seed)
    check_invariants(result, entries, judges, k, Conflicts())
    assert result.spread() <= 1, dict(result.loads)


@PROPERTY
@given(
    st.integers(2, 20),
    st.integers(0, 300),
    st.integers(1, 4),
    st.integers(1, 3),
    st.integers(0, 2**31),
)
def test_by_category_balances_each_category_and_the_totals(
    n_judges: int, n_entries: int, n_categories: int, k: int, seed: int
) -> None:
    """Judges from outside every unit: each category's share and the totals within one."""
    k = min(k, n_judges)
    judges = [JudgeSlot(100 + i, f"J{i}") for i in range(n_judges)]
    entries = [
        EntrySlot(i, f"U{i % 7}", f"C{(i * 7919 + seed) % n_categories}") for i in range(n_entries)
    ]
    result = assign(entries, judges, k, seed=seed, by_category=True)
    check_invariants(result, entries, judges, k, Conflicts())
    assert result.spread() <= 1
    assert all(spread <= 1 for spread in result.category_spread().values())


def test_seed_decides_the_result() -> None:
    units = [f"U{i}" for i in range(6)]
    entries = [EntrySlot(i, units[i % 6], f"C{i % 3}") for i in range(200)]
    judges = [JudgeSlot(100 + i, units[i % 6]) for i in range(12)]
    results = [assign(entries, judges, 2, seed=seed) for seed in range(6)]
    assert results[0] == assign(entries, judges, 2, seed=0)
    assert len({tuple(sorted(r.judges.items())) for r in results}) == 6
    # Pairs vary: a judge is not always paired with the same colleague.
    partners = {pair for pair in results[0].judges.values()}
    assert len(partners) > 20


@PROPERTY
@given(contests(), st.data())
def test_reassigning_a_dropped_judge_keeps_graded_entries_and_the_invariants(
    contest: tuple[list[EntrySlot], list[JudgeSlot], int, Conflicts, int], data: st.DataObject
) -> None:
    entries, judges, k, conflicts, seed = contest
    if short_entries(entries, judges, k, conflicts):
        return
    before = assign(entries, judges, k, seed=seed, conflicts=conflicts)
    dropped = data.draw(st.sampled_from(judges)).judge_id
    theirs = sorted(e for e, chosen in before.judges.items() if dropped in chosen)
    graded = set(data.draw(st.lists(st.sampled_from(theirs), unique=True))) if theirs else set()
    remaining = [j for j in judges if j.judge_id != dropped]
    ungraded = set(theirs) - graded
    cannot = {
        e.entry_id
        for e in entries
        if e.entry_id in ungraded and sum(eligible(j, e, conflicts) for j in remaining) < k
    }
    if cannot:
        with pytest.raises(JudgeAppError) as caught:
            reassign_dropped(
                before, dropped, graded, entries, judges, seed=seed, conflicts=conflicts
            )
        assert set(caught.value.params["entries"]) == cannot
        return
    after = reassign_dropped(
        before, dropped, graded, entries, judges, seed=seed, conflicts=conflicts
    )
    assert dropped not in after.loads
    assert set(after.added) == ungraded
    for entry in entries:
        chosen = after.judges[entry.entry_id]
        assert len(set(chosen)) == len(chosen) == k
        assert set(before.judges[entry.entry_id]) - {dropped} <= set(chosen)
        assert (dropped in chosen) == (entry.entry_id in graded)
        for judge_id in after.added.get(entry.entry_id, ()):
            judge = next(j for j in judges if j.judge_id == judge_id)
            assert eligible(judge, entry, conflicts)
    active = [JudgeSlot(j.judge_id, j.unit, active=j.judge_id != dropped) for j in judges]
    assert_no_cost_reducing_path(after, entries, active, conflicts)


@PROPERTY
@given(st.integers(4, 20), st.integers(0, 300), st.integers(1, 2), st.data())
def test_reassignment_stays_balanced_when_every_judge_is_eligible(
    n_judges: int, n_entries: int, k: int, data: st.DataObject
) -> None:
    """Only the dropped judge's entries move, so ≤ 1 holds where every judge may take every
    entry and a moved entry has judges to choose from (k + 3 judges or more); elsewhere the
    no-cost-reducing-path check above covers the replacements."""
    k = min(k, n_judges - 3)
    judges = [JudgeSlot(100 + i, f"J{i}") for i in range(n_judges)]
    entries = [EntrySlot(i, f"U{i % 5}", "g6") for i in range(n_entries)]
    seed = data.draw(st.integers(0, 2**31))
    before = assign(entries, judges, k, seed=seed)
    dropped = data.draw(st.sampled_from(judges)).judge_id
    theirs = sorted(e for e, chosen in before.judges.items() if dropped in chosen)
    graded = set(data.draw(st.lists(st.sampled_from(theirs), unique=True))) if theirs else set()
    after = reassign_dropped(before, dropped, graded, entries, judges, seed=seed + 1)
    assert after.spread() <= 1, dict(after.loads)


# ------------------------------------------------------------------ by hand


def test_no_entries_and_bad_k() -> None:
    judges = [JudgeSlot(1, "A"), JudgeSlot(2, "B")]
    empty = assign([], judges, 2, seed=1)
    assert empty.judges == {} and empty.loads == {1: 0, 2: 0} and empty.spread() == 0
    with pytest.raises(JudgeAppError) as caught:
        assign([EntrySlot(1, "A", "g6")], judges, 0, seed=1)
    assert caught.value.code == "assign_bad_k"


def test_existing_and_fixed_judges_stay_and_count() -> None:
    judges = [JudgeSlot(j, f"J{j}") for j in range(1, 5)]
    entries = [EntrySlot(i, "U", "g6") for i in range(8)]
    result = assign(entries, judges, 2, seed=3, existing={0: {1}, 1: {1, 2}}, fixed={2: {1}})
    assert 1 in result.judges[0] and result.judges[1] == (1, 2) and 1 in result.judges[2]
    assert 1 not in result.added.get(0, ()) and 1 not in result.added.get(1, ())
    assert 1 in result.added[2]  # an override is new: it must be written
    assert result.spread() <= 1
    with pytest.raises(JudgeAppError) as caught:
        assign([EntrySlot(9, "J1", "g6")], judges, 2, seed=3, fixed={9: {1}})
    assert caught.value.code == "assign_override_conflict"
    assert caught.value.params == {"entry": 9, "judge": 1}


def test_declared_conflicts_are_respected() -> None:
    judges = [JudgeSlot(j, None) for j in range(1, 4)]
    entries = [EntrySlot(i, f"U{i % 2}", "g6") for i in range(30)]
    conflicts = Conflicts(pairs=frozenset({(1, 0), (2, 0)}), units=frozenset({(3, "U1")}))
    result = assign(entries, judges, 1, seed=5, conflicts=conflicts)
    assert result.judges[0] == (3,)
    assert all(3 not in result.judges[e.entry_id] for e in entries if e.unit == "U1")


def test_capacity_caps_a_judge() -> None:
    judges = [JudgeSlot(1, None, capacity=2), JudgeSlot(2, None), JudgeSlot(3, None)]
    entries = [EntrySlot(i, None, "g6") for i in range(12)]
    result = assign(entries, judges, 2, seed=1)
    assert result.loads[1] == 2 and result.loads[2] == result.loads[3] == 11
    with pytest.raises(JudgeAppError) as caught:
        assign(entries, [JudgeSlot(1, None, capacity=1), JudgeSlot(2, None)], 2, seed=1)
    assert caught.value.code == "assign_infeasible"


def test_repair_evens_out_what_the_greedy_cannot_see() -> None:
    """Judge 3 can grade only unit B's entries: the others must leave those to them."""
    judges = [JudgeSlot(1, "X"), JudgeSlot(2, "Y"), JudgeSlot(3, "A")]
    conflicts = Conflicts(units=frozenset({(3, "C")}))
    entries = [EntrySlot(i, "C", "g6") for i in range(20)] + [
        EntrySlot(100 + i, "B", "g6") for i in range(10)
    ]
    for seed in range(20):
        result = assign(entries, judges, 1, seed=seed, conflicts=conflicts)
        assert sorted(result.loads.values()) == [10, 10, 10], seed


def test_calibration_sample_spans_categories() -> None:
    entries = [EntrySlot(i, "U", ["staff", "g6", "g7"][i % 3]) for i in range(40)]
    sample = calibration_sample(entries, 10, seed=4)
    assert len(sample) == 10 and {e.category for e in sample} == {"staff", "g6", "g7"}
    assert sample == calibration_sample(entries, 10, seed=4)
    assert len(calibration_sample(entries[:6], 2, seed=1)) == 3  # every category shown
    with pytest.raises(JudgeAppError) as caught:
        calibration_sample(entries[:5], 10, seed=1)
    assert caught.value.params == {"wanted": 10, "available": 5}


def test_calibration_gives_every_judge_the_same_conflict_free_samples() -> None:
    judges = [JudgeSlot(1, "A"), JudgeSlot(2, "B"), JudgeSlot(3, "C", active=False)]
    entries = [EntrySlot(i, ["A", "B", "D"][i % 3], f"g{6 + i % 4}") for i in range(60)]
    result = calibration(entries, judges, CALIBRATION_MINIMUM, seed=9)
    assert len(result.judges) == CALIBRATION_MINIMUM
    assert all(chosen == (1, 2) for chosen in result.judges.values())
    units = {e.entry_id: e.unit for e in entries}
    assert {units[e] for e in result.judges} == {"D"}
    assert result.loads == {1: CALIBRATION_MINIMUM, 2: CALIBRATION_MINIMUM}
    with pytest.raises(JudgeAppError) as caught:
        calibration(entries, judges, 9, seed=9)
    assert caught.value.code == "calibration_too_small"
    with pytest.raises(JudgeAppError) as caught:
        calibration(entries[:20], judges, 10, seed=9)
    assert caught.value.code == "calibration_too_few"

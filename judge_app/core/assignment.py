"""Who grades what: entries to judges, k distinct judges each, no conflict of interest, balanced.

Pure rules, no I/O: `judge_app.intake.assign` reads the contest file, calls these and writes
the result. The same `assign` serves every kind of round: the double-graded main round (k=2),
a screening round (k=1), third gradings (k=1 on the entries that need one, with the judges who
already graded them declared in conflict), and the top-up after a judge drops out
(`reassign_dropped`). `calibration` builds the chấm chung round: the same sample entries for
every judge.

Algorithm, and why not a min-cost flow:
1. Entries that need judges are taken most-constrained first (fewest eligible judges beyond what
   they need), ties in a seeded random order; each takes the least-loaded eligible judges, ties
   broken by the seeded generator, so pairs of judges vary from entry to entry. With
   `by_category`, "least loaded" means fewest entries of this entry's category, then fewest
   overall, so each judge's share of every category stays even. This is O(entries × judges) and
   balanced on its own whenever most judges are eligible for most entries (20,000 × 60, k=2:
   ≈ 0.5 s, benchmarks/assignment.py).
2. A repair pass then removes every *cost-reducing path*: a chain of moves "entry e from judge X
   to judge Y, another from Y to Z, …" that takes one entry off a judge with load L and gives
   one to a judge with load ≤ L − 2, keeping every entry's judges distinct and eligible. A
   balance-by-flow is optimal exactly when no such path exists (the load vectors of this
   transportation problem form a polymatroid, whose balanced base minimises the spread and
   every convex cost at once; Harvey et al. 2006 prove the same for semi-matchings), so after the
   pass max − min is as small as the conflicts allow, and ≤ 1 whenever a balanced share is
   feasible. With `by_category` the pass runs on each category's shares, then on the totals
   (first by moves that widen no category, then by any, so the totals' spread is minimal), then
   on the categories again by paths that keep the totals within their range.
A min-cost flow (convex costs on the judge arcs) reaches the same optimum, but it needs ≈ 1.2 M
entry–judge arcs and 40,000 augmenting shortest paths over them: far beyond 5 s in pure Python
(an estimate, not measured). Here the repair pass only works where conflicts left the greedy
uneven, which is rare and small.

Only the judges added by this call move: judges in `existing` (rows already in the contest file)
and in `fixed` (the board's manual overrides) stay and count toward the loads.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from judge_app.core.errors import JudgeAppError

__all__ = [
    "CALIBRATION_MINIMUM",
    "Assignment",
    "Conflicts",
    "EntrySlot",
    "JudgeSlot",
    "assign",
    "calibration",
    "calibration_sample",
    "reassign_dropped",
]

# Chấm chung: the board defaults (GUIDE §2) call for at least ten sample entries.
CALIBRATION_MINIMUM = 10


@dataclass(frozen=True, slots=True)
class EntrySlot:
    """What assignment needs to know of an entry: its unit (for conflicts) and category."""

    entry_id: int
    unit: str | None
    category: str


@dataclass(frozen=True, slots=True)
class JudgeSlot:
    """A grader: their own unit (never graded by them), an optional cap, and whether active."""

    judge_id: int
    unit: str | None
    capacity: int | None = None
    active: bool = True


@dataclass(frozen=True, slots=True)
class Conflicts:
    """Declared conflicts of interest beyond the judge's own unit.

    `pairs`: (judge_id, entry_id) the judge must not grade (also used for "already graded this
    entry in an earlier round"); `units`: (judge_id, unit) whose entries the judge must not grade.
    """

    pairs: frozenset[tuple[int, int]] = frozenset()
    units: frozenset[tuple[int, str]] = frozenset()

    def allows(self, judge: JudgeSlot, entry: EntrySlot) -> bool:
        if entry.unit is not None and (
            judge.unit == entry.unit or (judge.judge_id, entry.unit) in self.units
        ):
            return False
        return (judge.judge_id, entry.entry_id) not in self.pairs


NO_CONFLICTS = Conflicts()


@dataclass(frozen=True, slots=True)
class Assignment:
    """The judges of every entry in one round, and each judge's load.

    `judges`: entry → every judge of the round (kept ones and new ones), sorted; `added`: entry →
    the judges this call chose, or was told to (`fixed`), that `existing` lacks: what to write;
    `loads`: active judge → entries in the round; `category_loads`: (judge, category) → entries.
    Treat the mappings as read-only.
    """

    k: int
    judges: Mapping[int, tuple[int, ...]]
    added: Mapping[int, tuple[int, ...]]
    loads: Mapping[int, int]
    category_loads: Mapping[tuple[int, str], int] = field(default_factory=dict)

    def spread(self) -> int:
        """max − min of the active judges' loads (0 with no judges)."""
        return max(self.loads.values()) - min(self.loads.values()) if self.loads else 0

    def category_spread(self) -> dict[str, int]:
        """Per category: max − min over the active judges of their count in that category."""
        judges = list(self.loads)
        categories = sorted({c for _, c in self.category_loads})
        result = {}
        for category in categories:
            counts = [self.category_loads.get((j, category), 0) for j in judges]
            result[category] = max(counts) - min(counts)
        return result


# --------------------------------------------------------------------------- assign


def assign(
    entries: Iterable[EntrySlot],
    judges: Iterable[JudgeSlot],
    k: int,
    *,
    seed: int,
    existing: Mapping[int, Collection[int]] | None = None,
    fixed: Mapping[int, Collection[int]] | None = None,
    conflicts: Conflicts = NO_CONFLICTS,
    by_category: bool = False,
) -> Assignment:
    """Give every entry k distinct eligible judges, keeping `existing` and `fixed` ones.

    `fixed` (manual overrides: entry → judges) must respect the conflicts
    (`assign_override_conflict`); entries with fewer eligible judges than they need raise
    `assign_infeasible` listing them all. Same inputs and seed → same result.
    """
    if k < 1:
        raise JudgeAppError("assign_bad_k", k=k)
    plan = _Plan(list(entries), list(judges), k, existing or {}, fixed or {}, conflicts)
    plan.greedy(random.Random(seed), by_category)
    plan.repair(by_category)
    return plan.result()


def reassign_dropped(
    assignment: Assignment,
    judge_id: int,
    graded: Collection[int],
    entries: Iterable[EntrySlot],
    judges: Iterable[JudgeSlot],
    *,
    seed: int,
    conflicts: Conflicts = NO_CONFLICTS,
    by_category: bool = False,
) -> Assignment:
    """Move the dropped judge's ungraded entries to other judges; graded ones stay theirs.

    Everything else of `assignment` stays put; the replacements go least-loaded first and the
    repair pass balances them, so loads stay within one where feasible. The dropped judge is
    inactive in the result (not in `loads`); `added` holds only the replacements.
    """
    graded_set = set(graded)
    kept: dict[int, set[int]] = {}
    for entry_id, chosen in assignment.judges.items():
        kept[entry_id] = {j for j in chosen if j != judge_id or entry_id in graded_set}
    others = [
        JudgeSlot(j.judge_id, j.unit, j.capacity, active=False) if j.judge_id == judge_id else j
        for j in judges
    ]
    return assign(
        entries,
        others,
        assignment.k,
        seed=seed,
        existing=kept,
        conflicts=conflicts,
        by_category=by_category,
    )


# --------------------------------------------------------------------------- calibration


def calibration_sample(entries: Iterable[EntrySlot], n: int, seed: int) -> list[EntrySlot]:
    """At least `n` sample entries, every category represented, spread evenly across them.

    Takes categories in turn (each one's entries in seeded random order) until `n` are picked and
    every category has one; `calibration_too_few` when there are fewer than `n` entries.
    """
    pool = sorted(entries, key=lambda e: e.entry_id)
    if n < 1 or len(pool) < n:
        raise JudgeAppError("calibration_too_few", wanted=n, available=len(pool))
    rng = random.Random(seed)
    by_category: dict[str, list[EntrySlot]] = {}
    for entry in pool:
        by_category.setdefault(entry.category, []).append(entry)
    queues = []
    for category in sorted(by_category):
        members = by_category[category]
        rng.shuffle(members)
        queues.append(deque(members))
    wanted = max(n, len(queues))
    picked: list[EntrySlot] = []
    while len(picked) < wanted:
        for queue in queues:
            if queue and len(picked) < wanted:
                picked.append(queue.popleft())
    return sorted(picked, key=lambda e: e.entry_id)


def calibration(
    entries: Iterable[EntrySlot],
    judges: Iterable[JudgeSlot],
    n: int,
    *,
    seed: int,
    conflicts: Conflicts = NO_CONFLICTS,
) -> Assignment:
    """Chấm chung: the same ≥ n sample entries for every active judge.

    Samples come only from entries no active judge is in conflict with (a judge never grades
    their own school's entry, not even for practice); `calibration_too_few` when there are too
    few such entries. n below `CALIBRATION_MINIMUM` is refused (`calibration_too_small`).
    """
    if n < CALIBRATION_MINIMUM:
        raise JudgeAppError("calibration_too_small", n=n, minimum=CALIBRATION_MINIMUM)
    active = [j for j in judges if j.active]
    if not active:
        raise JudgeAppError("assign_no_judges")
    free = [e for e in entries if all(conflicts.allows(j, e) for j in active)]
    samples = calibration_sample(free, n, seed)
    everyone = tuple(sorted(j.judge_id for j in active))
    judges_of = {e.entry_id: everyone for e in samples}
    category_loads: dict[tuple[int, str], int] = {}
    for entry in samples:
        for judge_id in everyone:
            key = (judge_id, entry.category)
            category_loads[key] = category_loads.get(key, 0) + 1
    return Assignment(
        k=len(everyone),
        judges=judges_of,
        added=dict(judges_of),
        loads=dict.fromkeys(everyone, len(samples)),
        category_loads=category_loads,
    )


# --------------------------------------------------------------------------- the plan


_FULL = 1 << 60  # a judge at capacity: never the least loaded
_Guard = Literal["categories", "totals"] | None


class _Plan:
    """Working state of one `assign` call, with judges and entries as list indices."""

    def __init__(
        self,
        entries: list[EntrySlot],
        judges: list[JudgeSlot],
        k: int,
        existing: Mapping[int, Collection[int]],
        fixed: Mapping[int, Collection[int]],
        conflicts: Conflicts,
    ) -> None:
        self.k = k
        self.entries = sorted(entries, key=lambda e: e.entry_id)
        self.judges = sorted((j for j in judges if j.active), key=lambda j: j.judge_id)
        self.categories = sorted({e.category for e in self.entries})
        cat_index = {c: i for i, c in enumerate(self.categories)}
        self.cat_of = [cat_index[e.category] for e in self.entries]
        judge_index = {j.judge_id: i for i, j in enumerate(self.judges)}
        all_judges = {j.judge_id: j for j in judges}
        n_judges, n_cats = len(self.judges), len(self.categories)
        self.capacity = [j.capacity if j.capacity is not None else _FULL for j in self.judges]
        self.total = [0] * n_judges
        self.cat_load = [[0] * n_judges for _ in range(n_cats)]
        # Every judge of each entry (ids, kept ones included) and the new ones (indices).
        self.kept: list[set[int]] = []
        self.overridden: list[set[int]] = []  # fixed judges not yet in `existing`: to write
        self.members: list[set[int]] = []  # judge indices on the entry (kept + new)
        self.new: list[list[int]] = []
        self.need: list[int] = []
        self.eligible: list[list[int]] = []
        self.group: list[int] = []  # entries with the same eligible judges share a group

        # Eligible judges per unit, computed once; entry-specific conflicts filter a copy.
        by_unit: dict[str | None, list[int]] = {}
        groups: dict[tuple[str | None, int], int] = {}
        group_eligible: list[list[int]] = []
        specific = {entry_id for _, entry_id in conflicts.pairs}
        infeasible: list[int] = []
        for index, entry in enumerate(self.entries):
            kept = set(existing.get(entry.entry_id, ())) | set(fixed.get(entry.entry_id, ()))
            for judge_id in fixed.get(entry.entry_id, ()):
                judge = all_judges.get(judge_id)
                if judge is None or not judge.active or not conflicts.allows(judge, entry):
                    raise JudgeAppError(
                        "assign_override_conflict", entry=entry.entry_id, judge=judge_id
                    )
            base = by_unit.get(entry.unit)
            if base is None:
                base = [
                    i
                    for i, j in enumerate(self.judges)
                    if entry.unit is None
                    or (j.unit != entry.unit and (j.judge_id, entry.unit) not in conflicts.units)
                ]
                by_unit[entry.unit] = base
            members = {judge_index[j] for j in kept if j in judge_index}
            if members or entry.entry_id in specific:
                eligible = [
                    i
                    for i in base
                    if i not in members
                    and (self.judges[i].judge_id, entry.entry_id) not in conflicts.pairs
                ]
                group = len(group_eligible)
                group_eligible.append(eligible)
            else:
                eligible = base
                key = (entry.unit, self.cat_of[index])
                if key not in groups:
                    groups[key] = len(group_eligible)
                    group_eligible.append(base)
                group = groups[key]
            need = max(0, k - len(kept))
            if need > len(eligible):
                infeasible.append(entry.entry_id)
            self.kept.append(kept)
            self.overridden.append(
                set(fixed.get(entry.entry_id, ())) - set(existing.get(entry.entry_id, ()))
            )
            self.members.append(members)
            self.new.append([])
            self.need.append(need)
            self.eligible.append(eligible)
            self.group.append(group)
            for i in members:
                self._add_load(i, self.cat_of[index], +1)
        if infeasible:
            raise JudgeAppError(
                "assign_infeasible", entries=tuple(infeasible), count=len(infeasible)
            )
        self.group_eligible = group_eligible
        self.group_cat = [0] * len(group_eligible)
        for index, group in enumerate(self.group):
            self.group_cat[group] = self.cat_of[index]

    def _add_load(self, judge: int, cat: int, delta: int) -> None:
        self.total[judge] += delta
        self.cat_load[cat][judge] += delta

    # ----------------------------------------------------------------- greedy

    def greedy(self, rng: random.Random, by_category: bool) -> None:
        order = [i for i, need in enumerate(self.need) if need]
        tiebreak = {i: rng.random() for i in order}
        order.sort(key=lambda i: (len(self.eligible[i]) - self.need[i], tiebreak[i]))
        n_judges = len(self.judges)
        # The greedy's key per judge, one list per category: (category count, total) packed in
        # one int so `min` compares plain ints; a judge at capacity gets _FULL.
        big = len(self.entries) + 1 if by_category else 0
        keys = [
            [self.cat_load[c][j] * big + self.total[j] for j in range(n_judges)]
            for c in range(len(self.categories))
        ]
        for j in range(n_judges):
            if self.total[j] >= self.capacity[j]:
                for row in keys:
                    row[j] = _FULL
        short: list[int] = []
        for index in order:
            cat = self.cat_of[index]
            row = keys[cat]
            pool = [j for j in self.eligible[index] if row[j] < _FULL]
            for _ in range(self.need[index]):
                if not pool:
                    short.append(self.entries[index].entry_id)
                    break
                low = min(map(row.__getitem__, pool))
                best = [j for j in pool if row[j] == low]
                judge = best[0] if len(best) == 1 else best[rng.randrange(len(best))]
                pool.remove(judge)
                self.new[index].append(judge)
                self.members[index].add(judge)
                self._add_load(judge, cat, +1)
                if self.total[judge] >= self.capacity[judge]:
                    for other in keys:
                        other[judge] = _FULL
                else:
                    for other in keys:
                        other[judge] += 1
                    row[judge] += big
        if short:
            # Only judges' capacities can cause this: eligibility was checked up front.
            raise JudgeAppError("assign_infeasible", entries=tuple(short), count=len(short))

    # ----------------------------------------------------------------- repair

    def repair(self, by_category: bool) -> None:
        if not by_category:
            self._rebalance(self.total, only_cat=None, guard=None)
            return
        # Each category on its own; then the totals, first by moves that keep every category's
        # spread, then by any move (the totals' spread is what must be minimal); then the
        # categories again, by moves that keep the totals within their range.
        for cat in range(len(self.categories)):
            self._rebalance(self.cat_load[cat], only_cat=cat, guard=None)
        self._rebalance(self.total, only_cat=None, guard="categories")
        self._rebalance(self.total, only_cat=None, guard=None)
        for cat in range(len(self.categories)):
            self._rebalance(self.cat_load[cat], only_cat=cat, guard="totals")

    def _rebalance(self, load: list[int], *, only_cat: int | None, guard: _Guard) -> None:
        """Apply cost-reducing paths on `load` until none is left."""
        n_judges = len(self.judges)
        if n_judges < 2:
            return
        open_judges = [j for j in range(n_judges) if self.total[j] < self.capacity[j]]
        if not open_judges or max(load) - min(load[j] for j in open_judges) <= 1:
            return  # nothing to improve: skip building the index below
        # held[judge][group] = the movable (new) entries of that group the judge holds.
        held: list[dict[int, set[int]]] = [{} for _ in range(n_judges)]
        for index, chosen in enumerate(self.new):
            if only_cat is not None and self.cat_of[index] != only_cat:
                continue
            for judge in chosen:
                held[judge].setdefault(self.group[index], set()).add(index)
        while True:
            open_judges = [j for j in range(n_judges) if self.total[j] < self.capacity[j]]
            if not open_judges:
                return
            floor = min(load[j] for j in open_judges)
            sources = sorted(
                (j for j in range(n_judges) if load[j] >= floor + 2), key=lambda j: -load[j]
            )
            if not any(self._improve(source, load, held, guard) for source in sources):
                return

    def _improve(
        self, source: int, load: list[int], held: list[dict[int, set[int]]], guard: _Guard
    ) -> bool:
        """Find and apply one cost-reducing path from `source`; whether there was one.

        guard "categories": every move goes from a judge holding more of the entry's category to
        one holding fewer, so no category's spread widens. guard "totals" (a category's pass):
        the path's ends must stay within the totals' current range (the judges in between keep
        their totals).
        """
        target_below = load[source] - 1
        low_total, high_total = min(self.total), max(self.total)
        if guard == "totals" and self.total[source] - 1 < low_total:
            return False
        parent: dict[int, tuple[int, int]] = {}
        queue = deque([source])
        seen = {source}
        while queue:
            judge = queue.popleft()
            for group, indices in held[judge].items():
                if not indices:
                    continue
                cat_load = self.cat_load[self.group_cat[group]]
                for other in self.group_eligible[group]:
                    if other in seen:
                        continue
                    if guard == "categories" and cat_load[judge] <= cat_load[other]:
                        continue
                    index = next((i for i in indices if other not in self.members[i]), None)
                    if index is None:
                        continue
                    seen.add(other)
                    parent[other] = (judge, index)
                    if (
                        load[other] < target_below
                        and self.total[other] < self.capacity[other]
                        and not (guard == "totals" and self.total[other] + 1 > high_total)
                    ):
                        self._apply_path(other, parent, source, held)
                        return True
                    queue.append(other)
        return False

    def _apply_path(
        self,
        target: int,
        parent: dict[int, tuple[int, int]],
        source: int,
        held: list[dict[int, set[int]]],
    ) -> None:
        moves = []
        node = target
        while node != source:
            previous, index = parent[node]
            moves.append((previous, node, index))
            node = previous
        for giver, taker, index in reversed(moves):
            group, cat = self.group[index], self.cat_of[index]
            self.members[index].discard(giver)
            self.members[index].add(taker)
            chosen = self.new[index]
            chosen[chosen.index(giver)] = taker
            held[giver][group].discard(index)
            held[taker].setdefault(group, set()).add(index)
            self._add_load(giver, cat, -1)
            self._add_load(taker, cat, +1)

    # ----------------------------------------------------------------- result

    def result(self) -> Assignment:
        ids = [j.judge_id for j in self.judges]
        judges_of: dict[int, tuple[int, ...]] = {}
        added: dict[int, tuple[int, ...]] = {}
        for index, entry in enumerate(self.entries):
            new = {ids[j] for j in self.new[index]} | self.overridden[index]
            judges_of[entry.entry_id] = tuple(sorted(self.kept[index] | new))
            if new:
                added[entry.entry_id] = tuple(sorted(new))
        category_loads = {
            (ids[j], category): self.cat_load[c][j]
            for c, category in enumerate(self.categories)
            for j in range(len(ids))
        }
        return Assignment(
            k=self.k,
            judges=judges_of,
            added=added,
            loads={ids[j]: self.total[j] for j in range(len(ids))},
            category_loads=category_loads,
        )

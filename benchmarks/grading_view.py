"""Moving to the next entry in the grading view: document page and rubric on screen.

Run: `python benchmarks/grading_view.py [--steps N]`.

A workspace of 1,000 entries (the demo's rubric shape, `grading_keys.build_workspace`), each
with its own two-page PDF (distinct bytes, so no render cache is shared between entries; the
per-user folders, render cache included, start empty in a temp folder). The real grading view
and document service (sandboxed renderer) run offscreen. Timed from the action to both the
rubric filled (`entry_shown`) and the first page's pixels arriving (`page_rendered`):
- prefetched: Next entry after the view had time to read ahead (state, files opened);
- not prefetched: a jump to an entry far down the list, nothing read ahead.
Budgets (issue #6): p95 ≤ 100 ms prefetched, ≤ 300 ms not prefetched.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUDGET_PREFETCHED_MS = 100.0
BUDGET_COLD_MS = 300.0


def _keys_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("grading_keys", HERE / "grading_keys.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_files(db_path: Path) -> None:
    """One PDF per entry (two A4 pages of text naming its code; base-14 font, so small)."""
    import pymupdf
    from sqlalchemy import select

    from judge_app.fileio import sha256_file
    from judge_app.store.database import open_contest_file
    from judge_app.store.models import Entry, EntryFile, FileKind

    folder = db_path.parent / f"{db_path.stem}-files"
    folder.mkdir(exist_ok=True)
    with open_contest_file(db_path) as db, db.session() as session, session.begin():
        for entry in session.scalars(select(Entry)):
            doc = pymupdf.open()
            for page_no in range(2):
                page = doc.new_page(width=595.28, height=841.89)
                text = f"Entry {entry.code} - page {page_no + 1}\n" + (
                    "Online public services save people time and travel. " * 40
                )
                page.insert_textbox(pymupdf.Rect(60, 60, 535, 780), text, fontsize=14)
            target = folder / f"{entry.code}.pdf"
            doc.save(target)
            doc.close()
            digest, size = sha256_file(target)
            session.add(
                EntryFile(
                    entry_id=entry.id,
                    sort=0,
                    stored_path=f"{folder.name}/{target.name}",
                    sha256=digest,
                    size=size,
                    kind=FileKind.PDF,
                    original_name="",
                )
            )


def wait(condition: Callable[[], bool], timeout_s: float = 20.0) -> bool:
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.0005)
    return False


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=40)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        os.environ["JUDGE_APP_HOME"] = str(tmp / "home")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        keys = _keys_module()
        path = tmp / "GK1.sqlite"
        keys.build_workspace(path).close()
        make_files(path)

        from judge_app.documents.service import DocumentService
        from judge_app.store.database import open_contest_file
        from judge_app.ui.app import ensure_application, translations
        from judge_app.ui.grading_window import GradingView

        app = ensure_application()
        translations(app).set_language("vi")
        db = open_contest_file(path)
        service = DocumentService()
        view = GradingView(db)
        view.resize(1366, 720)
        view.show()
        view.set_service(service)
        view.load()
        if not wait(
            lambda: view.current is not None and view.viewer.rendered_pixmap(0) is not None
        ):
            print("the first entry did not show", file=sys.stderr)
            return 1

        hits = [0, 0]  # prefetched steps whose first page came from the render cache, all
        real_render = service.render

        def step(action: Callable[[], None], *, count: bool = False) -> tuple[float, float]:
            before = view.current
            rendered: list[int] = []
            first: list[bool] = []  # the first page-1 request of the step: already done?

            def render(doc_id: str, index: int, zoom: float, rotation: int = 0):  # type: ignore[no-untyped-def]
                future = real_render(doc_id, index, zoom, rotation)
                if index == 0 and not first:
                    first.append(future.done())
                return future

            service.render = render  # type: ignore[method-assign]
            view.viewer.page_rendered.connect(rendered.append)
            start, start_cpu = time.perf_counter(), time.process_time()
            action()
            ok = wait(
                lambda: (
                    view.current != before
                    and 0 in rendered
                    and view.viewer.rendered_pixmap(0) is not None
                )
            )
            elapsed = (time.perf_counter() - start) * 1000
            cpu = (time.process_time() - start_cpu) * 1000
            view.viewer.page_rendered.disconnect(rendered.append)
            service.render = real_render  # type: ignore[method-assign]
            if count:
                hits[0] += bool(first and first[0])
                hits[1] += 1
            if not ok:
                raise RuntimeError("an entry did not show in time")
            return elapsed, cpu

        prefetched: list[tuple[float, float]] = []
        for _ in range(args.steps):
            wait(lambda: False, 0.25)  # the judge reads: the view reads ahead meanwhile
            prefetched.append(step(view.next_entry, count=True))
        cold: list[tuple[float, float]] = []
        codes = view.entry_list.all_codes()
        for n in range(args.steps):
            wait(lambda: False, 0.25)
            target = codes[(300 + n * 17) % len(codes)]
            cold.append(step(lambda t=target: view.show_entry(t)))
        view.close_workspace()
        view.close()
        service.shutdown()
        db.close()

    missed = False
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"load average {load:.1f} on {os.cpu_count()} cores")
    for label, pairs, budget in (
        ("next entry, prefetched", prefetched, BUDGET_PREFETCHED_MS),
        ("entry not prefetched", cold, BUDGET_COLD_MS),
    ):
        timings = [wall for wall, _cpu in pairs]
        cpu = [c for _wall, c in pairs]
        p95 = percentile(timings, 0.95)
        # Wall time counts the other programs' turns on a busy machine; the GUI process's
        # CPU time (its threads, not the renderer child) does not, so it is the fallback
        # verdict when the machine is busier than its cores.
        p95_cpu = percentile(cpu, 0.95)
        busy = load > (os.cpu_count() or 1)
        ok = p95 <= budget or (busy and p95_cpu <= budget)
        verdict = "ok" if ok else "MISSED"
        if ok and p95 > budget:
            verdict = "ok on CPU time (machine busy)"
        missed |= not ok
        print(
            f"{label:26s} n={len(timings):3d}  wall p50 {statistics.median(timings):6.1f} ms  "
            f"p95 {p95:6.1f} ms  max {max(timings):6.1f} ms  |  CPU p50 "
            f"{statistics.median(cpu):6.1f} ms  p95 {p95_cpu:6.1f} ms  "
            f"(budget p95 ≤ {budget:.0f} ms: {verdict})"
        )
    print(f"first pages served from the render cache: {hits[0]}/{hits[1]} steps")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

"""How long the result outputs take: the workbook of 20,000 entries, 500 certificates as PDF.

Run: `python benchmarks/results_outputs.py [--entries N] [--certificates M]`.

Budgets (issue #8): results XLSX for 20,000 entries ≤ 15 s; 500 certificates as PDF ≤ 30 s.
The results book is hand-made (tests/reports/results_book.py: five categories, two or three
judges with five criteria each, units, ties), so only the outputs are timed, not the ranking.
References measured in the same run:
- the same workbook through openpyxl's write-only mode (what the app used first: its per-cell
  objects are why `reports/xlsx_writer.py` exists), on a quarter of the entries, scaled ×4;
- certificates converted one by one with the app's DOCX converter (`convert_docx` per filled
  file, the fallback path) on 20 certificates, scaled to M.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

XLSX_BUDGET_S = 15.0
CERTIFICATES_BUDGET_S = 30.0
ROOT = Path(__file__).resolve().parent.parent


def _book_module() -> ModuleType:
    path = ROOT / "tests" / "reports" / "results_book.py"
    spec = importlib.util.spec_from_file_location("results_book", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _with_prizes(book: object, count: int) -> object:
    """The book with the first `count` entries of the pooled list holding a prize."""
    results = book.results  # type: ignore[attr-defined]
    levels = ("first", "second", "third", "consolation")
    rows = []
    for n, row in enumerate(results.rankings["*"]):
        level = levels[min(n * 4 // max(count, 1), 3)] if n < count else None
        held = (level,) if level else ()
        rows.append(dataclasses.replace(row, prize=level, prizes=held, pending=False))
    rankings = dict(results.rankings) | {"*": rows}
    return dataclasses.replace(
        book, results=dataclasses.replace(results, rankings=rankings, ties=[])
    )


def openpyxl_reference(book: object) -> float:
    """The summary and the big sheets through openpyxl write-only (the previous approach)."""
    import io

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    started = time.perf_counter()
    wb = Workbook(write_only=True)
    results = book.results  # type: ignore[attr-defined]
    for key in book.ranking_keys():  # type: ignore[attr-defined]
        ws = wb.create_sheet("all" if key == "*" else key)
        for row in results.rankings[key]:
            score = WriteOnlyCell(ws, value=row.final.to_decimal())
            score.number_format = "0.00"
            ws.append([row.rank, row.code, row.participant, row.unit_name, row.category, score])
    ws = wb.create_sheet("scores")
    for row in book.scores:  # type: ignore[attr-defined]
        values: list[object] = [row.code, row.category]
        for judge in row.judges:
            for value in (judge.total, judge.choice, *judge.criteria.values()):
                cell = WriteOnlyCell(ws, value=value.to_decimal())
                cell.number_format = "0.00"
                values.append(cell)
        ws.append(values)
    wb.save(io.BytesIO())
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--certificates", type=int, default=500)
    args = parser.parse_args(argv)

    from judge_app.reports.certificates import Template, certificates_for, default_template
    from judge_app.reports.results_xlsx import results_workbook

    make_book = _book_module().make_book
    started = time.perf_counter()
    book = make_book(args.entries)
    print(f"results book of {args.entries:,} entries made in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    cpu = time.process_time()
    data = results_workbook(book)
    xlsx_s = time.perf_counter() - started
    xlsx_cpu = time.process_time() - cpu
    print(
        f"results XLSX, {args.entries:,} entries: {xlsx_s:.2f} s (CPU {xlsx_cpu:.2f} s), "
        f"{len(data) / 1e6:.1f} MB — budget {XLSX_BUDGET_S:.0f} s: "
        f"{'OK' if xlsx_s <= XLSX_BUDGET_S else 'OVER'}"
    )
    quarter = make_book(max(args.entries // 4, 1))
    reference = openpyxl_reference(quarter) * 4
    print(f"  reference: openpyxl write-only, same big sheets, scaled ×4: {reference:.2f} s")

    prized = _with_prizes(make_book(args.certificates + 20), args.certificates)
    with tempfile.TemporaryDirectory() as tmp:
        from judge_app.reports.certificates import write_certificates

        started = time.perf_counter()
        report = write_certificates(prized, Path(tmp) / "a")  # type: ignore[arg-type]
        certificates_s = time.perf_counter() - started
        print(
            f"{len(report.docx)} certificates (DOCX each + one PDF of {report.pages} pages, "
            f"{report.pdf.stat().st_size / 1e6:.1f} MB): {certificates_s:.2f} s — budget "  # type: ignore[union-attr]
            f"{CERTIFICATES_BUDGET_S:.0f} s: "
            f"{'OK' if certificates_s <= CERTIFICATES_BUDGET_S else 'OVER'}"
        )
        from judge_app.documents.docx_pdf import convert_docx

        template = Template(default_template())
        sample = certificates_for(prized)[:20]  # type: ignore[arg-type]
        scratch = Path(tmp) / "one.docx"
        started = time.perf_counter()
        for certificate in sample:
            scratch.write_bytes(template.fill(certificate.values))
            convert_docx(scratch)
        each = (time.perf_counter() - started) / len(sample)
        print(
            f"  reference: each filled DOCX converted on its own: {each * 1000:.0f} ms a "
            f"certificate, {each * args.certificates:.1f} s for {args.certificates}"
        )
    over = xlsx_s > XLSX_BUDGET_S or certificates_s > CERTIFICATES_BUDGET_S
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

"""One export of a locked contest's results into a folder: workbook, PDFs, certificates.

`judge-app results export DB -o DIR` and Board → Results… → Export results… both call
`export_results`. The book is read once, so every file shows the same results; the
certificate template is checked before anything is written (a template with an unknown field
must not leave half an export behind); each file is written atomically. Certificates need the
identities (ghép phách): while they are sealed the export still writes the workbook and the
PDFs and says that the certificates were not made, never silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judge_app.reports.certificates import CertificateReport, Template, default_template
from judge_app.reports.results_data import ResultsBook, load_book

WORKBOOK = "ket-qua-cuoc-thi.xlsx"
Progress = Callable[[int, int, str], None]  # (done, total, what) — may raise to cancel


@dataclass(frozen=True)
class ExportReport:
    folder: Path
    workbook: Path
    result_list: Path
    annex: Path
    certificates: CertificateReport | None
    prizes: int
    unsettled: int
    notes: tuple[str, ...] = field(default_factory=tuple)  # message codes (certificates_sealed)

    @property
    def files(self) -> list[Path]:
        found = [self.workbook, self.result_list, self.annex]
        if self.certificates is not None:
            found += list(self.certificates.docx)
            if self.certificates.pdf is not None:
                found.append(self.certificates.pdf)
        return found


def export_book(
    book: ResultsBook,
    folder: Path,
    *,
    template: Path | None = None,
    certificates: bool = True,
    signer: str = "",
    progress: Progress | None = None,
) -> ExportReport:
    from judge_app.reports.certificates import write_certificates
    from judge_app.reports.results_pdf import ANNEX, RESULT_LIST, annex_pdf, result_list_pdf
    from judge_app.reports.results_xlsx import results_workbook, write_output

    def step(done: int, total: int, what: str) -> None:
        if progress is not None:
            progress(done, total, what)

    if certificates:
        Template(template or default_template())  # refuse a bad template before writing
    total = 4
    step(0, total, "workbook")
    workbook = folder / WORKBOOK
    write_output(workbook, results_workbook(book))
    step(1, total, "result_list")
    write_output(folder / RESULT_LIST, result_list_pdf(book))
    step(2, total, "annex")
    write_output(folder / ANNEX, annex_pdf(book))
    step(3, total, "certificates")
    notes: list[str] = []
    made: CertificateReport | None = None
    if certificates and book.prize_list() and not book.results.revealed:
        notes.append("certificates_sealed")
    elif certificates:
        made = write_certificates(
            book,
            folder,
            template=template,
            signer=signer,
            progress=lambda done, count: step(3, total, f"certificates {done}/{count}"),
        )
    step(total, total, "done")
    return ExportReport(
        folder=folder,
        workbook=workbook,
        result_list=folder / RESULT_LIST,
        annex=folder / ANNEX,
        certificates=made,
        prizes=len(book.prize_list()),
        unsettled=len(book.results.unsettled),
        notes=tuple(notes),
    )


def export_results(
    db: Any,
    folder: Path,
    *,
    template: Path | None = None,
    date: dt.date | None = None,
    certificates: bool = True,
    signer: str | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Read the locked results (refused before the lock) and write every output."""
    if progress is not None:
        progress(0, 4, "reading")
    book = load_book(db, date=date or dt.date.today())
    if signer is None:
        from judge_app.reports.letterhead import parse_settings

        settings = parse_settings(db.read_scalar("SELECT settings FROM contest LIMIT 1"))
        value = settings.get("certificate_signer")
        signer = value if isinstance(value, str) else ""
    return export_book(
        book,
        folder,
        template=template,
        certificates=certificates,
        signer=signer,
        progress=progress,
    )

"""The code list for the board's locked envelope: code, full name, unit, category.

A CSV in UTF-8 with a byte-order mark, because that is what makes Excel on Windows read
Vietnamese letters correctly, with CRLF line ends. Written atomically (temp file, fsync,
rename): a half-written list must never be the one that goes into the envelope. Making the list
opens every sealed record in memory, so it is logged (a count, never the names).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import DEFAULT_LANGUAGE, render
from judge_app.fileio import write_atomically
from judge_app.intake.seal import read_identities, unit_and_category_names
from judge_app.store import audit
from judge_app.store.database import ContestDatabase

HEADERS = ("codes_header_code", "codes_header_name", "codes_header_unit", "codes_header_category")
# A cell starting with one of these is a formula to Excel; a name from a school's list is data.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_code_list(
    db: ContestDatabase,
    passphrases: Sequence[bytes],
    out_path: Path,
    *,
    actor: str,
    lang: str = DEFAULT_LANGUAGE,
) -> int:
    """Write the envelope list to `out_path`; how many entries it lists."""
    with db.session() as session, session.begin():
        identities = read_identities(db, passphrases, session)
        units, categories = unit_and_category_names(session)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([render(code, lang) for code in HEADERS])
        for identity in identities:
            unit = units.get(identity.unit or "", identity.unit or "")
            category = categories.get(identity.category or "", identity.category or "")
            row = (identity.code, identity.full_name, unit, category)
            writer.writerow([_cell(text) for text in row])
        audit.record(
            session,
            actor=actor,
            action="identity.code_list",
            entity="identity_record",
            entity_key="*",
            before=None,
            after={"listed": len(identities)},
        )
        # Inside the transaction: if the file cannot be written, the log row goes too.
        try:
            write_atomically(Path(out_path), buffer.getvalue().encode("utf-8-sig"))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise JudgeAppError("database_unwritable", out_path, reason=reason) from exc
    return len(identities)

"""Domain errors: a code and parameters, never a ready sentence.

The CLI and the GUI turn a code into a Vietnamese or English sentence (see `messages`), so a
rule deep in the core never decides the user's language. `path` names the offending file when
there is one, because every message about bad input must say which file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class JudgeAppError(Exception):
    """An expected failure the user must be told about (bad file, broken database, bad input)."""

    def __init__(self, code: str, path: Path | str | None = None, **params: Any) -> None:
        self.code = code
        self.path = Path(path) if path is not None else None
        self.params = params
        super().__init__(f"{code} {path or ''} {params}".strip())

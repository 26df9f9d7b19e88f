"""Why a file cannot be (fully) shown: the problem codes and the exception that carries one.

The codes are message codes (core.messages), so the placeholder page, the format report and
the CLI all say the reason in the judge's language. Failures raise `UnreadableError`; notes (a
wrong extension, ignored JavaScript) are `Problem`s in the facts of a document that opened.
"""

from __future__ import annotations

from judge_app.documents.model import Problem

# Failures: the file is shown as a placeholder page.
CORRUPT = "corrupt"
TRUNCATED = "truncated"
ENCRYPTED = "encrypted"
EMPTY = "empty"
MISSING = "missing"
TOO_MANY_PIXELS = "too_many_pixels"
TOO_LARGE = "too_large"
TOO_LARGE_UNPACKED = "too_large_unpacked"
UNSAFE_CONTENT = "unsafe_content"
TIMEOUT = "timeout"
MEMORY = "memory"
UNSUPPORTED_FORMAT = "unsupported_format"
# Notes: the file opened, but the judge (or the board) should know.
TOO_MANY_PAGES = "too_many_pages"
WRONG_EXTENSION = "wrong_extension"
JAVASCRIPT_IGNORED = "javascript_ignored"
EMBEDDED_FILES_IGNORED = "embedded_files_ignored"
PAGE_FAILED = "page_failed"

FAILURES = frozenset(
    {
        CORRUPT,
        TRUNCATED,
        ENCRYPTED,
        EMPTY,
        MISSING,
        TOO_MANY_PIXELS,
        TOO_LARGE,
        TOO_LARGE_UNPACKED,
        UNSAFE_CONTENT,
        TIMEOUT,
        MEMORY,
        UNSUPPORTED_FORMAT,
    }
)


class UnreadableError(Exception):
    """A file that cannot be shown, and why (becomes a placeholder document)."""

    def __init__(self, code: str, **params: object) -> None:
        self.problem = Problem(code, {key: str(value) for key, value in params.items()})
        super().__init__(f"{code} {self.problem.params}")


def detail(error: BaseException) -> str:
    """A short, log-friendly description of a library's exception for the `detail` parameter."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    name = type(error).__name__
    return f"{name}: {text[:120]}" if text else name

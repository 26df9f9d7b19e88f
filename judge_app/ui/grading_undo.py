"""Undo and redo of a judge's edits (QUndoStack): scores, answers and comments.

A command holds what a field showed before and after an edit, and the entry it belongs to.
Undo and redo call the very same path as typing (`FieldTarget.apply`), so the database gets
the change at once with its audit row, and the field shows it if that entry is on screen.
Keystrokes into one field merge into one command until the judge leaves the field: Ctrl+Z
takes back "2,75", not the "5" of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QUndoCommand

MERGE_ID = 6106  # any constant: all field edits may merge (only with the same field)


@dataclass(frozen=True)
class FieldKey:
    """One field of one entry: kind is "score", "criterion_comment", "comment" or "answer"."""

    code: str
    kind: str
    target: int | None = None  # criterion or question id


class FieldTarget(Protocol):
    """Whoever shows the fields and writes them (the grading view)."""

    def apply(self, key: FieldKey, text: str) -> None: ...


class FieldEdit(QUndoCommand):
    """The text of one field went from `before` to `after`."""

    def __init__(self, target: FieldTarget, key: FieldKey, before: str, after: str, label: str):
        super().__init__(label)
        self.target = target
        self.key = key
        self.before = before
        self.after = after
        self.sealed = False  # the judge left the field: the next edit is a new command
        self._first = True

    def id(self) -> int:
        return MERGE_ID

    def redo(self) -> None:
        if self._first:
            self._first = False  # the field already shows it and the view wrote it
            return
        self.target.apply(self.key, self.after)

    def undo(self) -> None:
        self.target.apply(self.key, self.before)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, FieldEdit) or self.sealed or other.key != self.key:
            return False
        if self.key.kind == "answer":
            return False  # each key press on a question is its own step
        self.after = other.after
        if self.after == self.before:
            self.setObsolete(True)  # typed back to where it was: nothing to undo
        return True

"""Opening, rendering and checking entry files (issue: documents). No Qt here.

`open_document(path)` gives any entry file as an `EntryDocument` (model.py) in this process;
the GUI uses `service.DocumentService`, which does the same in a sandboxed child process with
time and memory limits.
"""

from judge_app.documents.opening import open_document

__all__ = ["open_document"]

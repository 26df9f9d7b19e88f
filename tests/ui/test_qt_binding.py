"""The Qt binding itself must not corrupt the interpreter (a long session depends on it)."""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

CALLS = 200


class Emitter(QObject):
    ping = Signal()


def test_void_calls_and_emits_keep_their_references(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None on each call of a method that
    returns nothing, and one to True on each `emit()`; after a few thousand calls the
    interpreter aborts ("Fatal Python error: none_dealloc"), i.e. the app dies mid-session.
    PySide6 6.11.2 does not, nor does any PySide6 on Python 3.12+ (None/True are immortal).
    """
    holder = QObject()
    emitter = Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for number in range(CALLS):
        holder.setObjectName(f"n{number % 2}")
        emitter.ping.emit()
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before - sys.getrefcount(True)
    assert lost_none < CALLS // 2 and lost_true < CALLS // 2, (
        f"PySide6 {pyside_version} on Python {sys.version.split()[0]} loses references "
        f"(None: {lost_none}, True: {lost_true} per {CALLS} calls): pin another PySide6"
    )

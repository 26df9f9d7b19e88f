"""UI state kept between sessions: language, recent contest files, window geometry.

Only UI state lives here (GUIDE §3); contest data stays in the contest file. The settings
file sits in `paths.config_dir()`, so `JUDGE_APP_HOME` isolates tests and portable installs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from judge_app import paths
from judge_app.ui.i18n import normalise_language

MAX_RECENT = 8


def settings_file() -> Path:
    return paths.config_dir() / "judge-app-ui.ini"


class UiSettings:
    """Typed access to the few keys, so no caller spells a key or a type twice."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(str(settings_file()), QSettings.Format.IniFormat)

    @property
    def language(self) -> str | None:
        value = self._store.value("ui/language")
        return normalise_language(str(value)) if value else None

    @language.setter
    def language(self, lang: str) -> None:
        self._store.setValue("ui/language", normalise_language(lang))

    def recent_files(self) -> list[Path]:
        """Most recent first; files that vanished stay listed so the user sees they are gone."""
        value = self._store.value("recent/files", [])
        if isinstance(value, str):  # QSettings returns a lone string for one-item lists
            value = [value]
        if not isinstance(value, list):
            return []
        return [Path(str(item)) for item in value if item][:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        path = path.resolve()
        files = [path, *(item for item in self.recent_files() if item != path)]
        self._store.setValue("recent/files", [str(item) for item in files[:MAX_RECENT]])

    def remove_recent(self, path: Path) -> None:
        files = [item for item in self.recent_files() if item != path.resolve() and item != path]
        self._store.setValue("recent/files", [str(item) for item in files])

    def clear_recent(self) -> None:
        self._store.setValue("recent/files", [])

    @property
    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    # The judge's choice of signing key per contest (judge_key_dialogs): only which key, by
    # fingerprint; the key itself stays in the key folder.
    def signing_key(self, contest_uuid: str) -> str | None:
        value = self._store.value(f"signing-key/{contest_uuid}")
        return str(value) if value else None

    def set_signing_key(self, contest_uuid: str, fingerprint: str) -> None:
        self._store.setValue(f"signing-key/{contest_uuid}", fingerprint)

    def sync(self) -> None:
        self._store.sync()

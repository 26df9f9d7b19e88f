"""The UI language: which translators are installed, and switching them at run time.

English is the source language of every string in the code; Vietnamese comes from two
compiled catalogues in resources/translations/: `judge_app_vi.qm` for the app's own texts and
`qt_vi.qm` for the Qt strings the standard dialogs show (Qt ships no Vietnamese of its own).
Installing or removing a translator makes Qt send a LanguageChange event to every widget,
which is how open windows retranslate themselves.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from judge_app import paths

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
CATALOGUES = ("judge_app", "qt")  # file stems: judge_app_vi.qm, qt_vi.qm

_current = DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for lupdate in `context` and return it untranslated (translated on show).

    Qt's own QT_TRANSLATE_NOOP is typed as returning object; this one keeps `str`.
    """
    return text


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def current_language() -> str:
    """The language the UI shows now; core messages (`messages.describe`) follow it."""
    return _current


def normalise_language(lang: str | None) -> str:
    """`lang` if it is one the app speaks, else the default (a stale setting must not fail)."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


class Translations:
    """Owns the installed QTranslators so a language switch can remove exactly those."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def set_language(self, lang: str) -> None:
        """Install the catalogues of `lang` (none for English, the source language)."""
        global _current
        lang = normalise_language(lang)
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        if lang != "en":
            for stem in CATALOGUES:
                translator = QTranslator(self.app)
                qm = translations_dir() / f"{stem}_{lang}.qm"
                if not translator.load(str(qm)):
                    raise FileNotFoundError(qm)  # a broken install: the error hook reports it
                self.app.installTranslator(translator)
                self._installed.append(translator)
        QLocale.setDefault(
            QLocale(QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English)
        )
        self.language = lang
        _current = lang
        # Qt posts LanguageChange to every widget; deliver them now so the switch is complete
        # when this returns (menus, tables and labels all show the new language at once).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

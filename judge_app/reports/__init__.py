"""Sheets, records, result lists (later issue). No Qt here."""

"""Opening, rendering and checking entry files (issue: documents). No Qt here."""

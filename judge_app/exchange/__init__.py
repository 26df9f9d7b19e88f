"""Keys, signing, grading packages, score files and merge (later issues). No Qt here."""

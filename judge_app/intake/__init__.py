"""School zips, participant lists, anonymisation, assignment (later issue). No Qt here."""

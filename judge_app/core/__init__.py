"""Pure domain rules: no I/O, no Qt. Imported by everything else, so it must stay light."""

"""The bundled demo contest: generated entry files and the contest built from them."""

"""The limits every untrusted entry file is opened under.

Entry files come from hundreds of schools by e-mail: some are broken, a few are hostile
(zip bombs, decompression bombs, 30,000-pixel images). Each limit turns "hang or run out of
memory" into a placeholder page with a reason, in seconds. One frozen value so the sandbox
child, the tests and the CLI agree on the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps checked before parsing (sizes, pixels) and while parsing (time, memory)."""

    max_file_bytes: int = 200 * MB  # an essay is < 20 MB even with photos
    max_pages: int = 1000  # pages shown; the rest are named in a problem
    max_image_pixels: int = 80_000_000  # 80 MP: above any phone camera, 240 MB as RGB
    max_render_pixels: int = 40_000_000  # one rendered page image (~120 MB RGB)
    # Office zips (DOCX/ODT), checked from the zip directory before any XML is parsed.
    max_zip_members: int = 5_000
    max_unzipped_bytes: int = 400 * MB
    max_part_bytes: int = 100 * MB
    max_compression_ratio: float = 200.0  # XML compresses ~10-30x; bombs 1000x and more
    # Enforced on the sandbox child by the parent. Opening gets 3.5 s, not 5: killing the child,
    # starting a fresh one and drawing the placeholder take 0.5-1 s on a busy 2-core machine,
    # and the judge must see why by 5 s.
    open_timeout_s: float = 3.5
    render_timeout_s: float = 4.0
    memory_bytes: int = 1536 * MB  # the child's resident memory
    facts_pages: int = 50  # fonts and characters counted on the first 50 pages (fast open)

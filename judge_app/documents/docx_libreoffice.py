"""Optional high-fidelity DOCX → PDF through LibreOffice, when the judge's machine has it.

The in-process converter (`docx_pdf`) is what the app relies on; LibreOffice lays out Word
files more faithfully (text wrapping round pictures, columns, tab stops) but costs ≈ 1.2 s per
file and is not installed everywhere, so the document service may use this in the background
and cache the result by file hash, falling back to `convert_docx` whenever this gives None.
Each run has its own throw-away profile (no clash with a judge's open LibreOffice, no macros
or settings from it) and is killed with its whole process group at the time limit.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

_CANDIDATES = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)


def find_soffice() -> Path | None:
    """LibreOffice's soffice on PATH or in its usual install folders; None if absent."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((path for path in _CANDIDATES if path.is_file()), None)


def libreoffice_pdf(path: Path, timeout_s: float = 60.0) -> bytes | None:
    """LibreOffice's PDF of the DOCX at `path`, or None (not installed, failed, too slow)."""
    soffice = find_soffice()
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix="judge-app-lo-") as folder:
        work = Path(folder)
        source = work / "entry.docx"  # a plain name: the entrant's may confuse the CLI
        shutil.copyfile(path, source)
        command = [
            str(soffice),
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        posix = sys.platform != "win32"
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=posix,  # its own group: soffice starts soffice.bin under it
        )
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            if posix:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
            process.wait()
            return None
        result = work / "entry.pdf"
        if process.returncode != 0 or not result.is_file():
            return None
        return result.read_bytes()

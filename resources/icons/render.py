"""Render app.svg to app-256.png (the fallback icon where Qt's SVG plugin is missing).

Run after editing the SVG:  .venv/bin/python resources/icons/render.py
"""

from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "app.svg"))
    if not renderer.isValid():
        raise SystemExit("app.svg is not a valid SVG")
    image = QImage(256, 256, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    image.save(str(HERE / "app-256.png"))
    del app


if __name__ == "__main__":
    main()

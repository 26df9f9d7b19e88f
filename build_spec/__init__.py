"""Packaging of the one-folder app (PyInstaller): `python -m build_spec` builds dist/judge-app/."""

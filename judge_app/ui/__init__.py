"""The PySide6 desktop interface: the only package that imports Qt.

Importing this package is cheap on purpose (nothing is imported here); `judge_app.ui.app`
holds `run_gui`, the entry point the CLI calls.
"""

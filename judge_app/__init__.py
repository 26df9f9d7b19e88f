"""judge_app: offline grading of essay contests (Vietnamese boards' rules)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("judge-app")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

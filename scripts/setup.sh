#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine with python3:
#   bash scripts/setup.sh demo [DIR]   install, build the demo contest, open the app on it
#   bash scripts/setup.sh test         install with test tools, run ruff, mypy and the test suite
#   bash scripts/setup.sh build [--smoke]  install with PyInstaller, build dist/judge-app/ (and test it)
# It installs the few system libraries Qt needs (when missing and we may use apt-get), makes
# .venv in the repo and installs the app into it. Safe to run again: it skips what is done.
set -euo pipefail

mode="${1:-demo}"
shift || true
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

say() { printf '[judge-app setup] %s\n' "$*" >&2; }

# Qt's xcb/offscreen platforms, fonts and printing (CUPS) need these shared libraries; python3-venv is
# split out of python3 on Debian.
debs=(python3-venv libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
      libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
      libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
      libxcb-xkb1 libxrender1 libxi6 libcups2)

install_debs() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian-like: nothing to do
  local missing=()
  for pkg in "${debs[@]}"; do
    # Debian 13 / Ubuntu 24.04 renamed some libraries with a t64 suffix: either name will do.
    installed=no
    for name in "$pkg" "${pkg}t64"; do
      if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed"; then
        installed=yes
      fi
    done
    if [ "$installed" = no ]; then
      if apt-cache show "${pkg}t64" >/dev/null 2>&1; then missing+=("${pkg}t64"); else missing+=("$pkg"); fi
    fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      say "missing system packages (${missing[*]}); ask an administrator to install them"; return 0
    fi
  fi
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

python_ok() {
  python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'
}

install_debs
python_ok || { say "judge-app needs Python 3.11 or newer; found $(python3 --version 2>&1)"; exit 1; }

if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  python3 -m venv .venv
fi
extras=""
[ "$mode" = "test" ] && extras="[dev]"
[ "$mode" = "build" ] && extras="[build]"
stamp=".venv/.installed${extras}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  say "installing judge-app${extras} into .venv (first time takes a minute)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${extras}"
  touch "$stamp"
fi

case "$mode" in
  demo)
    exec .venv/bin/judge-app demo "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    say "ruff"
    .venv/bin/ruff check judge_app tests benchmarks
    say "mypy"
    .venv/bin/mypy
    say "pytest"
    # The whole suite also checks the coverage gate ([tool.coverage.*] in pyproject.toml: the
    # signing and rule modules at 100 % of their lines); a run of chosen tests skips the gate.
    gate=()
    if [ "$#" -eq 0 ]; then
      gate=(--cov --cov-report=term-missing:skip-covered --cov-fail-under=100)
    fi
    exec .venv/bin/python -m pytest -q ${gate[@]+"${gate[@]}"} "$@"
    ;;
  build)
    exec .venv/bin/python -m build_spec "$@"
    ;;
  *)
    say "usage: bash scripts/setup.sh demo [DIR] | test [pytest args] | build [--smoke] [--clean]"; exit 2
    ;;
esac

#!/bin/sh
# Adds Judge App to the applications menu of this Linux user (no administrator needed):
#   ./install-desktop-entry.sh            from the unzipped judge-app folder
#   ./install-desktop-entry.sh --remove   takes it out again
# The menu entry runs this folder's judge-app, so keep the folder where it is (or run this
# again after moving it).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/judge-app.desktop" "$icons/judge-app.png"
  echo "Removed Judge App from the applications menu."
  exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/judge-app.png" "$icons/judge-app.png"
# The Exec key wants the path in double quotes with " ` $ \ escaped, and % doubled.
exe=$(printf '%s' "$here/judge-app" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g')
while IFS= read -r line; do
  case "$line" in
    Exec=*) printf 'Exec="%s" gui %%f\n' "$exe" ;;
    TryExec=*) printf 'TryExec=%s\n' "$here/judge-app" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$here/judge-app.desktop" > "$apps/judge-app.desktop"
chmod 644 "$apps/judge-app.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "Judge App is in the applications menu (Office). Entry: $apps/judge-app.desktop"

#!/usr/bin/env bash
# Install the desktop entry, AppStream metainfo, MIME type and icons, so Transcript Editor shows
# up in the application menu and a double-click on a .tep project opens it.
#   packaging/install-desktop.sh [--prefix DIR] [--exec COMMAND]
# DIR defaults to ~/.local (per user); use /usr/local as root for everyone. COMMAND is what the
# menu runs (default: transcript-editor on the PATH; give the bundle's path for a bundle).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
prefix="${XDG_DATA_HOME:-$HOME/.local/share}/.."
exec_command="transcript-editor"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --exec) exec_command="$2"; shift 2 ;;
    *) echo "usage: $0 [--prefix DIR] [--exec COMMAND]" >&2; exit 2 ;;
  esac
done
share="$prefix/share"
app_id="io.github.transcript_editor.TranscriptEditor"
desktop="$here/resources/desktop"

install -d "$share/applications" "$share/metainfo" "$share/mime/packages"
sed "s|^Exec=transcript-editor |Exec=$exec_command |" "$desktop/$app_id.desktop" \
  > "$share/applications/$app_id.desktop"
install -m 644 "$desktop/$app_id.metainfo.xml" "$share/metainfo/"
install -m 644 "$desktop/transcript-editor-mime.xml" "$share/mime/packages/"
(cd "$here/resources/icons" && find hicolor -type f) | while read -r icon; do
  install -D -m 644 "$here/resources/icons/$icon" "$share/icons/$icon"
done

# Refresh the caches the desktop reads; each tool is optional.
if command -v update-mime-database >/dev/null; then update-mime-database "$share/mime"; fi
if command -v update-desktop-database >/dev/null; then update-desktop-database "$share/applications"; fi
if command -v gtk-update-icon-cache >/dev/null && [[ -f "$share/icons/hicolor/index.theme" ]]; then
  gtk-update-icon-cache -q "$share/icons/hicolor" || true
fi
echo "installed $app_id into $share"

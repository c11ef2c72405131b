#!/usr/bin/env bash
# Build the one-folder bundle (dist/transcript-editor/) and a tarball of it, then run it once
# headless: `doctor`, `--version` and a `--screenshot` of the demo. A bundle that cannot start
# fails here. Needs the .venv made by scripts/bootstrap.sh (app or test).
#   packaging/build-bundle.sh [--require-vlc]
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
"$python" -m pip install --quiet 'pyinstaller>=6.10'
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/transcript-editor.spec

bundle=dist/transcript-editor/transcript-editor
version="$("$bundle" --version | awk '{print $2}')"
echo "built $bundle $version ($(du -sh dist/transcript-editor | cut -f1))"

# Smoke test in a throwaway home, without a display, as a user would start it.
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
clean_env() { env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  TRANSCRIPT_EDITOR_AUDIO=dummy "$@"; }
clean_env "$bundle" doctor "$@" | tee "$home/doctor-vlc.txt"
grep -q "acoustic aligner: yes" "$home/doctor-vlc.txt"  # the model came along in the bundle
clean_env "$bundle" --demo --screenshot "$home/bundle.png"
test -s "$home/bundle.png"
# Without libVLC the bundle must still play, through QtMultimedia.
clean_env PYTHON_VLC_LIB_PATH=/nonexistent/libvlc.so "$bundle" doctor | tee "$home/doctor.txt"
grep -q "media player: QtMultimedia" "$home/doctor.txt"
clean_env PYTHON_VLC_LIB_PATH=/nonexistent/libvlc.so "$bundle" --demo --screenshot "$home/qt.png"
test -s "$home/qt.png"
mkdir -p build
cp "$home/bundle.png" build/bundle-screenshot.png
echo "bundle screenshot: build/bundle-screenshot.png"

tar -C dist -czf "dist/transcript-editor-$version-linux-$(uname -m).tar.gz" transcript-editor
echo "tarball: dist/transcript-editor-$version-linux-$(uname -m).tar.gz"

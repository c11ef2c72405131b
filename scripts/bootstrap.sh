#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine for Transcript Editor, then run it.
#
#   scripts/bootstrap.sh app    system packages + .venv + the app, then open the demo episode
#   scripts/bootstrap.sh test   the same plus test tools, then lint, type-check and run every test
#
# Safe to run again: it installs only what is missing. Uses sudo for apt-get when not root.
set -euo pipefail

mode=${1:-app}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

runtime_packages=(
  python3 python3-venv ca-certificates
  libgl1 libegl1 libglib2.0-0 libfontconfig1 fonts-dejavu-core libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxrandr2
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
  libpulse0
  libvlc5 libvlc-bin vlc-plugin-base
  espeak-ng  # automatic alignment speaks the transcript
  libenchant-2-2 hunspell-en-us hunspell-en-gb  # spell checking (en_GB: a second language, tested)
)
test_packages=(
  xvfb xauth xdotool sox libsox-fmt-mp3   # GUI tests and test audio
  python3-pyatspi at-spi2-core dbus imagemagick gdb  # journeys: the window driven through AT-SPI (gdb: C stacks of a hung app)
  desktop-file-utils appstream shared-mime-info libglib2.0-bin  # desktop integration checks
  binutils  # PyInstaller reads binaries with objdump when building the bundle
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

# Ubuntu 24.04 renamed some libraries with a t64 suffix; take whichever name apt knows.
resolve_name() {
  if apt-cache show "$1t64" >/dev/null 2>&1; then echo "$1t64"; else echo "$1"; fi
}

install_system_packages() {
  local wanted=() missing=() name
  for name in "$@"; do wanted+=("$(resolve_name "$name")"); done
  for name in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$name")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
    "${sudo_cmd[@]}" apt-get update
    "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

install_python_packages() {
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
  # The local package mirrors print a warning per missing index entry; keep real errors only.
  .venv/bin/python -m pip install --quiet -e "$1" 2> >(grep -v "^WARNING: Location" >&2)
}

case "$mode" in
  app)
    install_system_packages "${runtime_packages[@]}"
    install_python_packages .
    exec .venv/bin/transcript-editor --demo
    ;;
  test)
    install_system_packages "${runtime_packages[@]}" "${test_packages[@]}"
    install_python_packages '.[test]'
    export QT_QPA_PLATFORM=offscreen
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .
    .venv/bin/mypy
    exec .venv/bin/python -m pytest "${@:2}"
    ;;
  *)
    echo "usage: $0 app|test [pytest arguments]" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# The checks CI runs, on the current checkout's .venv (fast; no system packages installed).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff format --check .
.venv/bin/ruff check .
.venv/bin/mypy
# The crash harness runs 200 kills in CI; 40 keep this local loop quick.
RELIABILITY_KILLS="${RELIABILITY_KILLS:-40}" QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@"

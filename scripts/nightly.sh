#!/usr/bin/env bash
# The long reliability run, for a nightly job: the importers get over 100,000 generated inputs
# (Hypothesis "nightly" profile), the crash harness 1,000 kills, the keyboard monkey 200 seeds
# of 600 random keys in the window, and the core 500 random sequences of operations, undos and
# redos. Needs the .venv that `scripts/bootstrap.sh test` makes. The figures are printed at the
# end of pytest's output.
set -euo pipefail
cd "$(dirname "$0")/.."
export HYPOTHESIS_PROFILE=nightly RELIABILITY_KILLS="${RELIABILITY_KILLS:-1000}" MONKEY_SEEDS="${MONKEY_SEEDS:-200}"
# 1,000 kills outlast pytest-timeout's 10 minutes a test (pyproject.toml): an hour here.
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider --timeout=3600 \
    tests/reliability tests/ui/test_key_monkey.py tests/core/test_history_sequences.py "$@"

"""Run one journey in the real window and print what it saw as JSON (the last line of stdout).

    dbus-run-session -- python3 run_journey.py --journey editor --shots DIR --stderr FILE \\
        --params JSON -- APP ARGS…

The system Python runs it (pyatspi); ``test_journeys.py`` starts it and checks the result.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import traceback
from pathlib import Path

from atspi_driver import Driver

JOURNEYS = ("editor", "host", "producer")  # each NAME_journey.py has run(driver, params)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--journey", choices=JOURNEYS, required=True)
    parser.add_argument("--shots", type=Path, required=True)
    parser.add_argument("--stderr", type=Path, required=True)
    parser.add_argument("--params", default="{}")
    parser.add_argument("app", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.app[1:] if args.app[:1] == ["--"] else args.app
    driver = Driver(args.shots, command, args.stderr)
    try:
        journey = importlib.import_module(f"{args.journey}_journey")
        journey.run(driver, json.loads(args.params))
    except Exception as error:  # report what was seen, then let the test fail on it
        driver.seen["error"] = f"{type(error).__name__}: {error}"
        driver.seen["driver_traceback"] = traceback.format_exc()
        driver.seen["windows"] = driver.windows()
        driver.shot("failure")
    print(json.dumps(driver.close()))
    sys.stdout.flush()


if __name__ == "__main__":
    main()

#!/bin/sh
# The README's second command (and CI's): install what is missing, build,
# run every test, and end with "N passed, N failed" counting test cases.
set -eu
cd "$(dirname "$0")/.."
build-aux/install-deps.sh
build-aux/build.sh
status=0
meson test -C _build --print-errorlogs --no-rebuild "$@" || status=$?
python3 build-aux/count-tests.py _build/meson-logs/testlog.json
exit $status

#!/bin/sh
# Configures (once) and builds Waymark in _build, warnings as errors.
set -eu
cd "$(dirname "$0")/.."
if [ -f _build/build.ninja ]; then
  meson setup --reconfigure _build -Dwerror=true >/dev/null
else
  meson setup _build -Dwerror=true
fi
ninja -C _build

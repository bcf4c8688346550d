#!/bin/sh
# The README's first command: install what is missing, build, and open a
# bundled example map in Waymark. With no display to open a window on, it
# renders the map to PNG, SVG and PDF instead and says where.
set -eu
cd "$(dirname "$0")/.."
build-aux/install-deps.sh
build-aux/build.sh
map="${1:-data/examples/car-purchase.waymark}"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  # The settings schema as built, since Waymark is not installed.
  GSETTINGS_SCHEMA_DIR="$PWD/_build/data" exec _build/src/waymark "$map"
fi

echo "No display: rendering $map instead of opening it."
out="${TMPDIR:-/tmp}/waymark-example"
mkdir -p "$out"
name=$(basename "$map" .waymark)
for ext in png svg pdf; do
  _build/src/waymark --export "$out/$name.$ext" "$map"
done

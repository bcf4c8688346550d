#!/bin/sh
# The README's first command: install what is missing, build, and show a
# bundled example map. Until the editor window lands, "show" means export it
# to PNG, SVG and PDF and open the PNG.
set -eu
cd "$(dirname "$0")/.."
build-aux/install-deps.sh
build-aux/build.sh
map="${1:-data/examples/car-purchase.waymark}"
out="${TMPDIR:-/tmp}/waymark-example"
mkdir -p "$out"
name=$(basename "$map" .waymark)
for ext in png svg pdf; do
  _build/src/waymark --export "$out/$name.$ext" "$map"
done
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v xdg-open >/dev/null; then
  xdg-open "$out/$name.png" >/dev/null 2>&1 &
fi

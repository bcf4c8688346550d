#!/bin/sh
# Screenshots of the editor with each example map, in light and dark, for
# the README and for checking by eye: docs/images/screenshots/NAME-STYLE.png.
# Needs a build (build-aux/build.sh) and xvfb, xdotool and imagemagick.
#   build-aux/screenshots.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-_build}
out=docs/images/screenshots
mkdir -p "$out"

shoot () { # map style
  map=$1 style=$2
  config=$(mktemp -d)
  mkdir -p "$config/glib-2.0/settings"
  if [ "$style" = dark ]; then scheme=prefer-dark; else scheme=default; fi
  # The style comes from the desktop's setting, as on a real desktop.
  printf "[org/gnome/desktop/interface]\ncolor-scheme='%s'\n" "$scheme" \
    > "$config/glib-2.0/settings/keyfile"
  XDG_CONFIG_HOME=$config GSETTINGS_BACKEND=keyfile GTK_A11Y=none NO_AT_BRIDGE=1 GDK_BACKEND=x11 \
    xvfb-run -a -s "-screen 0 1600x1000x24" sh -c '
      "$1" "$2" &
      app=$!
      sleep 3
      window=$(xdotool search --sync --onlyvisible --class waymark | head -n 1)
      xdotool windowsize "$window" 1500 940
      sleep 1.5
      import -window "$window" "$3"
      kill $app' sh "$build/src/waymark" "data/examples/$map.waymark" "$out/$map-$style.png"
  rm -rf "$config"
  echo "$out/$map-$style.png"
}

for map in online-purchase car-purchase service-blueprint persian-rtl; do
  for style in light dark; do
    shoot "$map" "$style"
  done
done

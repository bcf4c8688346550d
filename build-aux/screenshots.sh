#!/bin/sh
# Screenshots of the editor with each example map, in light and dark, and
# the Persian map with the interface in Persian, for the README and for
# checking by eye: docs/images/screenshots/NAME-STYLE.png.
# Waymark is installed into a prefix of its own first, so that it finds its
# translations, settings schema and icons as an installed one does.
# Needs what build-aux/install-deps.sh installs, and imagemagick.
#   build-aux/screenshots.sh
set -eu
cd "$(dirname "$0")/.."
build=_build-screenshots
prefix="$PWD/$build/install"
out=docs/images/screenshots
mkdir -p "$out"

[ -d "$build" ] || meson setup "$build" --prefix="$prefix" -Dtests=false >/dev/null
ninja -C "$build" install >/dev/null

shoot () { # map style language
  map=$1 style=$2 language=$3
  config=$(mktemp -d)
  mkdir -p "$config/glib-2.0/settings"
  if [ "$style" = dark ]; then scheme=prefer-dark; else scheme=default; fi
  # The style comes from the desktop's setting, as on a real desktop.
  printf "[org/gnome/desktop/interface]\ncolor-scheme='%s'\n" "$scheme" \
    > "$config/glib-2.0/settings/keyfile"
  name="$map-$style"
  [ "$language" = en ] || name="$name-$language"
  LANGUAGE=$language XDG_CONFIG_HOME=$config XDG_STATE_HOME=$config \
    XDG_DATA_DIRS="$prefix/share:/usr/share" GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas" \
    GSETTINGS_BACKEND=keyfile GTK_A11Y=none NO_AT_BRIDGE=1 GDK_BACKEND=x11 \
    xvfb-run -a -s "-screen 0 1600x1000x24" sh -c '
      "$1" "$2" &
      app=$!
      sleep 3
      window=$(xdotool search --sync --onlyvisible --class waymark | head -n 1)
      xdotool windowsize "$window" 1500 940
      sleep 1.5
      import -window "$window" "$3"
      kill $app' sh "$prefix/bin/waymark" "data/examples/$map.waymark" "$out/$name.png"
  rm -rf "$config"
  echo "$out/$name.png"
}

for map in online-purchase car-purchase service-blueprint persian-rtl; do
  for style in light dark; do
    shoot "$map" "$style" en
  done
done
for style in light dark; do
  shoot persian-rtl "$style" fa
done

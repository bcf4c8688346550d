#!/bin/sh
# Installs, from the distribution's archive, whatever Waymark needs to build,
# run and test that is not there yet. Debian 12 / Ubuntu 22.04 or newer.
set -eu

packages="
  meson ninja-build pkg-config gcc python3
  libglib2.0-dev libjson-glib-dev libcairo2-dev libpango1.0-dev
  librsvg2-dev libgdk-pixbuf-2.0-dev libgtk-4-dev libadwaita-1-dev libcsv-dev
  libpoppler-glib-dev poppler-utils xvfb xauth xdotool dbus
  fonts-cantarell fonts-noto-core fonts-noto-color-emoji fonts-dejavu-core
  gettext
  desktop-file-utils appstream libxml2-utils shared-mime-info libgtk-4-bin
"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "Installing:$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing

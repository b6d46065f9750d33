#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk full screen on the shipped content with a
# local database. Without a display it renders the tour of every screen instead and says where.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# Everything needed, known before building: without a display the tour needs Xvfb too.
packages=("${KIOSK_BUILD_PACKAGES[@]}")
[ -z "${DISPLAY:-}" ] && packages+=(xvfb xauth)
ensure_packages "${packages[@]}"
BUILD="$KIOSK_ROOT/build/release"
mkdir -p "$BUILD"
build_kiosk "$BUILD" -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_TESTS=OFF -DDESA_BUILD_OFFICE=OFF

DATA_HOME="${XDG_DATA_HOME:-${HOME:-/root}/.local/share}/desa-kiosk"
mkdir -p "$DATA_HOME"

if [ -n "${DISPLAY:-}" ]; then
    say "Starting the kiosk (content: data/, database: $DATA_HOME/kiosk.db)"
    exec "$BUILD/kiosk/kiosk" --data "$KIOSK_ROOT/data" --db "$DATA_HOME/kiosk.db" "$@"
fi

say "No display here (DISPLAY is not set): rendering the tour of every screen instead."
TOUR="$KIOSK_ROOT/build/tour"
rm -rf "$TOUR"
for size in 1920x1080 1080x1920 1280x800; do
    xvfb-run -a -s "-screen 0 ${size}x24" \
        "$BUILD/kiosk/kiosk" --data "$KIOSK_ROOT/data" --tour "$TOUR" --size "$size" >/dev/null
done
say "The pictures are in $TOUR ($(ls "$TOUR" | wc -l) files)."

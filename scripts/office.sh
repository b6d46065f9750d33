#!/usr/bin/env bash
# The office's one command: installs what is missing, builds desa-office, and runs it on the
# embedded SQLite store (~/.local/share/desa-office/office.db, or [office] database in
# ~/.config/desa-office/office.toml). With arguments it runs them as a desa-office command:
#   scripts/office.sh import /media/$USER/KANTOR --key ~/kantor.secret
#   scripts/office.sh requests list --status baru
# Without arguments it shows the kiosks and the requests still to call (trafficking reports first).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_packages "${KIOSK_BUILD_PACKAGES[@]}" "${OFFICE_BUILD_PACKAGES[@]}"
BUILD="$KIOSK_ROOT/build/release"
build_kiosk "$BUILD" -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_TESTS=OFF --target desa-office >&2
OFFICE="$BUILD/office/desa-office"

if [ $# -gt 0 ]; then
    exec "$OFFICE" "$@"
fi
say "desa-office: the kiosks"
"$OFFICE" kiosks
say "desa-office: requests still to call (baru)"
"$OFFICE" requests list --status baru
say "More: $OFFICE --help (import, requests list, follow-up, conflicts, kiosks, report, purge)"

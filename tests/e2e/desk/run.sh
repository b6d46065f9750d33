#!/usr/bin/env bash
# The office desk's browser test: a fresh SQLite ledger, an admin and an officer made with
# `desa-office user add`, a stick with one sealed batch written by the kiosk's own code
# (desk_stick), `desa-office serve` on a free loopback port, then tests/e2e/desk/desk.mjs in
# Debian's chromium (headless, 1366×768) through puppeteer-core, installed with `npm ci` from the
# committed package-lock.json into BUILD_DIR/e2e-desk (never into the source tree; no browser is
# downloaded). Screenshots of every page: BUILD_DIR/e2e-desk/shots/.
# Usage: tests/e2e/desk/run.sh BUILD_DIR (a build with desa-office and desk_stick built).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"

build="$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)"
here="$KIOSK_ROOT/tests/e2e/desk"
office="$build/office/desa-office"
for program in "$office" "$build/tests/desk_stick"; do
    [ -x "$program" ] || { say "desk e2e: $program is not built"; exit 1; }
done
if ! "$office" --help 2>&1 | grep -qE '^ +serve'; then
    say "desk e2e: SKIPPED: $office has no serve command (the desk is not in this build)"
    exit 77
fi

# Node and npm: Debian 12's own packages on a fresh machine. A machine with another Node (one
# that brings its own npm, which conflicts with Debian's npm package) keeps it.
command -v npm >/dev/null || ensure_packages nodejs npm
ensure_packages chromium
chromium=/usr/bin/chromium

work="$build/e2e-desk"
mkdir -p "$work/modules"
# npm ci only when the lock file changed since the last install.
if ! cmp -s "$here/package-lock.json" "$work/modules/package-lock.json" || [ ! -d "$work/modules/node_modules/puppeteer-core" ]; then
    cp "$here/package.json" "$here/package-lock.json" "$work/modules/"
    (cd "$work/modules" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts >"$work/npm.log" 2>&1) ||
        { cat "$work/npm.log" >&2; say "desk e2e: npm ci failed"; exit 1; }
fi

run="$(mktemp -d)"
desk_pid=""
# shellcheck disable=SC2317 # run by the trap
cleanup() {
    [ -n "$desk_pid" ] && kill "$desk_pid" 2>/dev/null && wait "$desk_pid" 2>/dev/null
    rm -rf "$run"
}
trap cleanup EXIT

rm -rf "$work/shots"
mkdir -p "$work/shots"
"$build/tests/desk_stick" "$run/fixture" >"$run/fixture.jsonl"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
partner="Disnaker Sragen"
cat >"$run/office.toml" <<EOF
[office]
database = "sqlite:$run/office.db"
secret_key = "$run/fixture/kantor.secret"
partners = ["$partner", "BP3MI Jawa Tengah", "SAPA 129"]

[villages]
CMG = "Desa Cemeng"

[status]
signing_key = "$run/fixture/kantor.sign.secret"

[desk]
listen = "127.0.0.1:$port"
target_days = 3
upload_dir = "$run/unggah"
EOF
admin_password="kata-sandi-admin-1"
officer_password="kata-sandi-petugas-1"
printf '%s\n%s\n' "$admin_password" "$admin_password" | "$office" --config "$run/office.toml" user add kepala --role admin >/dev/null
printf '%s\n%s\n' "$officer_password" "$officer_password" | "$office" --config "$run/office.toml" user add petugas --role officer >/dev/null

"$office" --config "$run/office.toml" serve >"$work/serve.log" 2>&1 &
desk_pid=$!
for _ in $(seq 100); do
    grep -q 'Meja kantor siap' "$work/serve.log" && break
    kill -0 "$desk_pid" 2>/dev/null || { cat "$work/serve.log" >&2; say "desk e2e: the desk stopped"; exit 1; }
    sleep 0.1
done

rc=0
rm -f "$work/CMG.status"
DESK_URL="http://127.0.0.1:$port" DESK_E2E_MODULES="$work/modules" DESK_E2E_SHOTS="$work/shots" \
    DESK_E2E_STICK="$run/fixture/stick" DESK_E2E_FIXTURE="$run/fixture.jsonl" DESK_E2E_CHROMIUM="$chromium" \
    DESK_ADMIN=kepala DESK_ADMIN_PASSWORD="$admin_password" DESK_OFFICER=petugas \
    DESK_OFFICER_PASSWORD="$officer_password" DESK_PARTNER="$partner" DESK_E2E_STATUS_OUT="$work/CMG.status" \
    node "$here/desk.mjs" || rc=1

# The status file the browser downloaded, read as the kiosk CMG reads it, trusting the office's key:
# signed, for CMG, every request of the stick, Sri's (CMG-0001) no longer only received. The same
# file with one character of its body changed is refused.
status_file() {
    local entries line forged="$run/forged.status"
    [ -s "$work/CMG.status" ] || { echo "no status file was downloaded"; return 1; }
    entries="$("$build/tests/desk_stick" --check-status "$work/CMG.status" "$run/fixture/kantor.sign.public" CMG)" ||
        { echo "the kiosk refuses the status file: $entries"; return 1; }
    while IFS= read -r line; do echo "    $line"; done <<<"$entries"
    [ "$(grep -c '"reference"' <<<"$entries")" = 4 ] || { echo "not 4 entries"; return 1; }
    grep -q '"reference":"CMG-0001","status":"diterima"' <<<"$entries" && { echo "CMG-0001 is still only received"; return 1; }
    grep -q '"reference":"CMG-0004","status":"diterima"' <<<"$entries" || { echo "CMG-0004 is not received"; return 1; }
    sed '0,/CMG-0004/s//CMG-0005/' "$work/CMG.status" >"$forged"
    if "$build/tests/desk_stick" --check-status "$forged" "$run/fixture/kantor.sign.public" CMG >"$run/forged.out"; then
        echo "a changed status file was accepted"
        return 1
    fi
    grep -q '"refused":"bad-signature"' "$run/forged.out" || { echo "the changed file: $(cat "$run/forged.out")"; return 1; }
}
if status_file; then
    echo "ok: the downloaded status file is signed for CMG, read by the kiosk's code; a changed copy is refused"
else
    echo "FAILED: the downloaded status file"
    rc=1
fi

# The upload area holds nothing once the imports are done (each upload is removed after it).
if [ -d "$run/unggah" ] && [ -n "$(find "$run/unggah" -mindepth 1 -print -quit)" ]; then
    say "desk e2e: the upload area was not emptied: $(find "$run/unggah" -mindepth 1 | head -5)"
    rc=1
fi
kill -TERM "$desk_pid"
if ! wait "$desk_pid"; then
    say "desk e2e: desa-office serve did not exit 0 on SIGTERM"
    rc=1
fi
desk_pid=""
[ "$rc" -eq 0 ] || tail -20 "$work/serve.log" >&2
exit "$rc"

#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The kiosk as scripts/deploy/install.sh puts it on a village hall's machine, checked without
# touching this machine: `cmake --install` into temporary folders (every shipped file there, the
# prefix written into the session script and the unit), the unit through `systemd-analyze verify`
# in a stand-in root, the session script's contract with systemd and the kiosk, install.sh's
# options and its editing of kiosk.toml, and shellcheck where it is installed.
# Usage: deploy_test.sh BUILD_DIR (a build whose kiosk is built).
set -euo pipefail

build="$(cd "${1:?usage: deploy_test.sh BUILD_DIR}" && pwd)"
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
deploy="$source_dir/scripts/deploy"
prefix=/opt/desa-kiosk
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=checks.sh
source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

stage="$tmp/root"       # DESTDIR: the prefix as it lands on the kiosk, inside a stand-in root
installed="$stage$prefix"

install_into_destdir() {
    DESTDIR="$stage" cmake --install "$build" --prefix "$prefix" >/dev/null
}

installed_layout() {
    [ -x "$installed/bin/kiosk" ] || fail "no executable bin/kiosk"
    # Everything in data/ and media/, nothing else (install.sh replaces the prefix as a whole).
    diff -r "$source_dir/data" "$installed/share/desa-kiosk/data" || fail "share/desa-kiosk/data differs from data/"
    diff -r "$source_dir/media" "$installed/share/desa-kiosk/media" || fail "share/desa-kiosk/media differs from media/"
    local session="$installed/lib/desa-kiosk/desa-kiosk-session" file
    [ "$(stat -c %a "$session")" = 755 ] || fail "the session script is not mode 0755"
    for file in desa-kiosk.service 50-desa-kiosk-udisks.rules Xwrapper.config; do
        [ -f "$installed/share/desa-kiosk/deploy/$file" ] || fail "no share/desa-kiosk/deploy/$file"
    done
}

prefix_written_in() {
    local session="$installed/lib/desa-kiosk/desa-kiosk-session"
    local unit="$installed/share/desa-kiosk/deploy/desa-kiosk.service"
    ! grep -n '@KIOSK_PREFIX@' "$session" "$unit" || fail "a placeholder was left"
    grep -q "^KIOSK_PREFIX=\"$prefix\"\$" "$session" || fail "the session script does not name $prefix"
    grep -q "^ExecStart=/usr/bin/xinit $prefix/lib/desa-kiosk/desa-kiosk-session -- " "$unit" ||
        fail "ExecStart does not start the installed session script through xinit"
}

# A stand-in root for systemd-analyze: systemd's own units copied from this machine, the installed
# prefix, the unit where install.sh puts it, and a stand-in xinit (this machine need not have X;
# verify only asks that every command exists and is executable).
make_root() {
    mkdir -p "$stage/usr/lib/systemd" "$stage/etc/systemd/system" "$stage/usr/bin"
    cp -a /usr/lib/systemd/system "$stage/usr/lib/systemd/"
    ln -sfn usr/lib "$stage/lib"
    printf '#!/bin/sh\nexit 0\n' >"$stage/usr/bin/xinit"
    chmod 0755 "$stage/usr/bin/xinit"
    cp "$installed/share/desa-kiosk/deploy/desa-kiosk.service" "$stage/etc/systemd/system/"
}

# verify_unit: systemd-analyze verify in the stand-in root. It exits 0 after a misspelt directive
# or a wrong value (it only warns), so any word it says is a failure.
verify_unit() {
    local out
    out="$(systemd-analyze verify --root="$stage" --man=no --generators=no desa-kiosk.service 2>&1)" ||
        fail "systemd-analyze verify failed: $out"
    [ -z "$out" ] || fail "$out"
}

unit_verifies() {
    command -v systemd-analyze >/dev/null || fail "systemd-analyze is missing: apt-get install systemd"
    verify_unit
}

# The check above must see mistakes: a misspelt directive and a missing program.
verify_catches_mistakes() {
    local unit="$stage/etc/systemd/system/desa-kiosk.service"
    cp "$unit" "$tmp/unit.good"
    sed -i 's/^WatchdogSec=/WatchdogSecs=/' "$unit"
    if (verify_unit >/dev/null); then
        cp "$tmp/unit.good" "$unit"
        fail "a misspelt WatchdogSec= went unnoticed"
    fi
    cp "$tmp/unit.good" "$unit"
    rm "$stage/usr/bin/xinit"
    if (verify_unit >/dev/null); then
        fail "a missing /usr/bin/xinit went unnoticed"
    fi
    printf '#!/bin/sh\nexit 0\n' >"$stage/usr/bin/xinit"
    chmod 0755 "$stage/usr/bin/xinit"
}

unit_essentials() {
    local unit="$stage/etc/systemd/system/desa-kiosk.service" line
    for line in Type=notify NotifyAccess=all WatchdogSec=30 Restart=always RestartSec=2 User=kiosk \
        StateDirectory=desa-kiosk TTYPath=/dev/tty1 Conflicts=getty@tty1.service WantedBy=graphical.target; do
        grep -qx "$line" "$unit" || fail "the unit lacks $line"
    done
    # pam_systemd would move the kiosk out of the unit's cgroup, and its READY=1 with it.
    ! grep -q '^PAMName=' "$unit" || fail "PAMName= takes the kiosk's notifications away from the unit"
    # Xorg.wrap is setuid root: no new privileges means no X.
    ! grep -qE '^(NoNewPrivileges=(yes|true|1)|LockPersonality|MemoryDenyWriteExecute|PrivateDevices|ProtectClock|ProtectHostname|ProtectKernel|RestrictAddressFamilies|RestrictNamespaces|RestrictRealtime|RestrictSUIDSGID|SystemCallFilter|SystemCallArchitectures|DynamicUser)' "$unit" ||
        fail "a setting that implies NoNewPrivileges= would keep Xorg.wrap from becoming root"
    grep -qx 'needs_root_rights=yes' "$deploy/Xwrapper.config" || fail "Xwrapper.config lacks needs_root_rights=yes"
}

# The session script installed under a real prefix, with stand-ins for the kiosk and udiskie that
# write down how they were started.
session_contract() {
    local p="$tmp/prefix" out
    cmake --install "$build" --prefix "$p" >/dev/null
    mkdir -p "$tmp/bin"
    cat >"$p/bin/kiosk" <<'EOF'
#!/bin/sh
echo "kiosk $* WATCHDOG_PID=${WATCHDOG_PID-unset} WATCHDOG_USEC=${WATCHDOG_USEC-unset}"
EOF
    cat >"$tmp/bin/udiskie" <<EOF
#!/bin/sh
echo "\$*" >"$tmp/udiskie.args"
EOF
    chmod 0755 "$p/bin/kiosk" "$tmp/bin/udiskie"
    out="$(PATH="$tmp/bin:$PATH" WATCHDOG_PID=1 WATCHDOG_USEC=30000000 "$p/lib/desa-kiosk/desa-kiosk-session")"
    [ "$out" = "kiosk --config /etc/desa-kiosk/kiosk.toml WATCHDOG_PID=unset WATCHDOG_USEC=30000000" ] ||
        fail "the kiosk was started as: $out"
    local _
    for _ in $(seq 50); do [ -s "$tmp/udiskie.args" ] && break; sleep 0.02; done
    [ "$(cat "$tmp/udiskie.args" 2>/dev/null)" = "--automount --no-notify --no-tray" ] ||
        fail "udiskie was not started as udiskie --automount --no-notify --no-tray"
    # Options from the unit's environment (a technician's drop-in), split into words.
    out="$(PATH="$tmp/bin:$PATH" KIOSK_OPTIONS="--ui-map /run/desa-kiosk/ui-map.json  --idle-after 30" \
        "$p/lib/desa-kiosk/desa-kiosk-session")"
    [ "$out" = "kiosk --config /etc/desa-kiosk/kiosk.toml --ui-map /run/desa-kiosk/ui-map.json --idle-after 30 WATCHDOG_PID=unset WATCHDOG_USEC=unset" ] ||
        fail "with KIOSK_OPTIONS the kiosk was started as: $out"
    if "$p/lib/desa-kiosk/desa-kiosk-session" --bogus 2>/dev/null; then
        fail "an unknown argument was accepted"
    fi
}

new_cookie() {
    command -v xauth >/dev/null || fail "xauth is missing: apt-get install xauth"
    local file="$tmp/run/Xauthority"
    mkdir -p "$tmp/run"
    XAUTHORITY="$file" "$deploy/desa-kiosk-session" --new-cookie
    [ "$(stat -c %a "$file")" = 600 ] || fail "the cookie file is not mode 0600"
    xauth -f "$file" list | grep -qE '/unix:0 +MIT-MAGIC-COOKIE-1 +[0-9a-f]{32}$' ||
        fail "no cookie for display :0 in $(xauth -f "$file" list)"
    local first
    first="$(xauth -f "$file" list)"
    XAUTHORITY="$file" "$deploy/desa-kiosk-session" --new-cookie
    [ "$(xauth -f "$file" list)" != "$first" ] || fail "a second start kept the same cookie"
    [ "$(xauth -f "$file" list | wc -l)" = 1 ] || fail "old cookies piled up"
}

install_sh_options() {
    bash -n "$deploy/install.sh"
    "$deploy/install.sh" --help | grep -q -- '--office-key' || fail "--help does not explain --office-key"
    local out
    if out="$("$deploy/install.sh" --bogus 2>&1)"; then fail "--bogus was accepted"; fi
    grep -q 'unknown option: --bogus' <<<"$out" || fail "--bogus: $out"
    if out="$("$deploy/install.sh" --prefix /usr 2>&1)"; then fail "--prefix /usr was accepted"; fi
    grep -q 'shared with other programs' <<<"$out" || fail "--prefix /usr: $out"
    if out="$("$deploy/install.sh" --office-key "$tmp/kantor.secret" 2>&1)"; then fail "a missing key was accepted"; fi
    grep -q 'no such file' <<<"$out" || fail "--office-key with no file: $out"
    "$deploy/install.sh" --help | grep -q -- '--no-build' || fail "--help does not explain --no-build"
}

# build_and_install --no-build: a folder that holds no Release build is refused before anything is
# installed; a Release build is installed without being built again (a stand-in for cmake).
install_sh_no_build() {
    local nb="$tmp/nobuild" dir out
    mkdir -p "$nb/empty" "$nb/debug" "$nb/release" "$nb/bin"
    echo 'CMAKE_BUILD_TYPE:STRING=Debug' >"$nb/debug/CMakeCache.txt"
    touch "$nb/debug/cmake_install.cmake" "$nb/release/cmake_install.cmake"
    echo 'CMAKE_BUILD_TYPE:STRING=Release' >"$nb/release/CMakeCache.txt"
    # shellcheck disable=SC2016 # the stand-in's own $1, $* and $DESTDIR
    {
        printf '#!/bin/sh\n'
        printf 'echo "$*" >>"%s/cmake.args"\n' "$nb"
        printf '[ "$1" = --install ] || exit 0\n'
        printf 'mkdir -p "$DESTDIR%s/prefix/bin" && cp /bin/true "$DESTDIR%s/prefix/bin/kiosk"\n' "$nb" "$nb"
    } >"$nb/bin/cmake"
    chmod 0755 "$nb/bin/cmake"
    for dir in empty debug; do
        if out="$(
            # shellcheck source=../scripts/deploy/install.sh
            source "$deploy/install.sh"
            PATH="$nb/bin:$PATH" BUILD=no BUILD_DIR="$nb/$dir" PREFIX="$nb/prefix" build_and_install 2>&1
        )"; then fail "--no-build with a $dir folder was accepted"; fi
        grep -q -e 'holds no build' -e 'not a Release build' <<<"$out" || fail "--no-build with a $dir folder: $out"
    done
    [ ! -e "$nb/cmake.args" ] || fail "--no-build ran cmake on a folder it refused: $(cat "$nb/cmake.args")"
    (
        # shellcheck source=../scripts/deploy/install.sh
        source "$deploy/install.sh"
        PATH="$nb/bin:$PATH" BUILD=no BUILD_DIR="$nb/release" PREFIX="$nb/prefix" build_and_install >/dev/null 2>&1
    ) || fail "--no-build did not install the Release build"
    [ -x "$nb/prefix/bin/kiosk" ] || fail "--no-build installed no bin/kiosk"
    [ "$(cat "$nb/cmake.args")" = "--install $nb/release --prefix $nb/prefix" ] ||
        fail "--no-build ran cmake as: $(cat "$nb/cmake.args")"
}

# missing_libraries of install.sh: a program whose shared library is gone is named, one that has
# all of its own is not.
install_sh_missing_libraries() {
    command -v cc >/dev/null || fail "no C compiler (cc)"
    local d="$tmp/ldd"
    mkdir -p "$d"
    printf 'int gone(void) { return 0; }\n' >"$d/gone.c"
    printf 'int gone(void);\nint main(void) { return gone(); }\n' >"$d/main.c"
    cc -shared -fPIC -o "$d/libgone.so" "$d/gone.c" || fail "could not build the stand-in library"
    cc -o "$d/prog" "$d/main.c" -L"$d" -lgone || fail "could not build the stand-in program"
    (
        # shellcheck source=../scripts/deploy/install.sh
        source "$deploy/install.sh"
        [ -z "$(missing_libraries /bin/sh)" ] || fail "/bin/sh lacks: $(missing_libraries /bin/sh)"
        [ "$(missing_libraries "$d/prog")" = libgone.so ] || fail "found missing: '$(missing_libraries "$d/prog")'"
    )
}

# The technician's commands with --config, as README and install.sh give them: the PIN and the
# requests go to kiosk.db in [paths] state of that file, where the kiosk itself looks.
commands_use_configured_state() {
    local state="$tmp/cfgstate" config="$tmp/cfg.toml" out
    mkdir -p "$state"
    printf '[kiosk]\nid = "CMG"\n\n[paths]\nstate = "%s"\n' "$state" >"$config"
    printf '135790\n135790\n' | "$build/kiosk/kiosk" --config "$config" set-pin >"$tmp/set-pin.log" 2>&1 ||
        fail "set-pin --config failed: $(cat "$tmp/set-pin.log")"
    [ -s "$state/kiosk.db" ] || fail "set-pin --config wrote no $state/kiosk.db: $(cat "$tmp/set-pin.log")"
    "$build/kiosk/kiosk" --config "$config" requests seed --count 2 >/dev/null 2>&1 || fail "requests seed --config failed"
    out="$("$build/kiosk/kiosk" --config "$config" requests count 2>/dev/null)"
    [ "$out" = 2 ] || fail "requests count --config says '$out', not 2"
}

# write_config of install.sh on the real data/kiosk.example.toml, in a temporary /etc/desa-kiosk.
install_sh_config() {
    local example="$source_dir/data/kiosk.example.toml"
    if [ ! -f "$example" ]; then
        echo "note: data/kiosk.example.toml does not exist yet; a stand-in is used"
        example="$tmp/example.toml"
        printf '[paths]\nstate = ""\n\n[content]\ntrusted_keys = []\n\n[officer]\noffice_public_key = ""\nallow_plain_export = true\n' >"$example"
    fi
    echo public >"$tmp/kantor.public"
    echo public >"$tmp/kantor.sign.public"
    (
        # shellcheck source=../scripts/deploy/install.sh
        source "$deploy/install.sh"
        CONFIG_DIR="$tmp/etc"
        CONFIG="$CONFIG_DIR/kiosk.toml"
        EXAMPLE_CONFIG="$example"
        OFFICE_KEY="$tmp/kantor.public"
        CONTENT_KEY="$tmp/kantor.sign.public"
        write_config >/dev/null 2>&1
        grep -qx "state = \"$STATE_DIR\"" "$CONFIG" || fail "[paths] state was not set"
        grep -qx "office_public_key = \"$CONFIG_DIR/kantor.public\"" "$CONFIG" || fail "office_public_key was not set"
        grep -qx "allow_plain_export = false" "$CONFIG" || fail "allow_plain_export was not set to false"
        grep -qx "trusted_keys = \\[\"$CONFIG_DIR/kantor.sign.public\"\\]" "$CONFIG" || fail "trusted_keys was not set"
        [ -f "$CONFIG_DIR/kantor.public" ] || fail "the office key was not copied"
        [ -f "$CONFIG_DIR/kantor.sign.public" ] || fail "the content key was not copied"
        # Run again: the office's edits stay.
        sed -i 's/^state = .*/state = "\/srv\/kiosk"/' "$CONFIG"
        cp "$CONFIG" "$tmp/edited.toml"
        write_config >/dev/null 2>&1
        cmp -s "$CONFIG" "$tmp/edited.toml" || fail "a second run changed the settings"
    )
}

shellchecked() {
    shellcheck -x "$deploy/install.sh" "$deploy/desa-kiosk-session" "$0"
}

check "cmake --install into a DESTDIR" install_into_destdir
check "installed layout: bin/kiosk, data/, media/, session script, deploy files" installed_layout
check "the install prefix written into the session script and the unit" prefix_written_in
make_root
check "systemd-analyze verify of the installed unit" unit_verifies
check "systemd-analyze verify sees a misspelt directive and a missing program" verify_catches_mistakes
check "the unit's notify, watchdog, restart, tty and privilege settings" unit_essentials
check "session script: no WATCHDOG_PID, udiskie, the kiosk with /etc/desa-kiosk/kiosk.toml" session_contract
check "session script --new-cookie: a fresh X cookie for :0, mode 0600" new_cookie
check "install.sh: syntax, --help, refused options" install_sh_options
check "install.sh --no-build: a Release build installed as it is, anything else refused" install_sh_no_build
check "install.sh: a program built elsewhere whose libraries are missing is named" install_sh_missing_libraries
check "set-pin and requests with --config use kiosk.db in its [paths] state" commands_use_configured_state
check "install.sh: kiosk.toml from the example, keys set, kept on a second run" install_sh_config
if command -v shellcheck >/dev/null; then
    check "shellcheck" shellchecked
else
    echo "note: shellcheck is not installed; skipped"
fi

checks_done deploy

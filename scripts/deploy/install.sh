#!/usr/bin/env bash
# Turns a Debian 12 machine into the village kiosk. Run as root from a copy of this repository:
# Debian packages, a Release build, the program and its content in /opt/desa-kiosk, the user
# `kiosk`, the settings in /etc/desa-kiosk/, USB sticks, the X server wrapper, the systemd unit,
# and the officer PIN. Running it again upgrades the program and the shipped content; it keeps the
# settings, the database and the PIN. README.md ("Setting up a kiosk") walks a technician through it.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

KIOSK_USER=kiosk
# A home for the caches of fontconfig and Mesa (and udiskie's settings, if ever wanted); kept apart
# from the state folder, which holds only what the kiosk itself writes.
KIOSK_HOME=/var/lib/desa-kiosk-home
STATE_DIR=/var/lib/desa-kiosk
CONFIG_DIR=/etc/desa-kiosk
CONFIG="$CONFIG_DIR/kiosk.toml"
EXAMPLE_CONFIG="$KIOSK_ROOT/data/kiosk.example.toml"
UNIT=desa-kiosk.service
POLKIT_RULE=50-desa-kiosk-udisks.rules
# audio: the sound card (reading aloud through ALSA). video and render: the GPU, so the kiosk draws
# with it rather than with the processor. Not input: the X server runs as root and reads the touch
# screen itself, and the kiosk has no reason to read a technician's keyboard.
KIOSK_GROUPS=(audio video render)
# The X server with the wrapper that lets `kiosk` start it, touch input, drivers for screens without
# a KMS driver (modesetting, in xserver-xorg-core, serves the rest), USB automounting, and ALSA's
# tools (alsactl sets and restores the mixer levels at boot; alsamixer to check them).
DEPLOY_PACKAGES=(
    xserver-xorg-core xserver-xorg-legacy xserver-xorg-input-libinput
    xserver-xorg-video-fbdev xserver-xorg-video-vesa xinit xauth
    udisks2 polkitd udiskie alsa-utils
)

PREFIX=/opt/desa-kiosk
BUILD_DIR="$KIOSK_ROOT/build/release"
OFFICE_KEY=""
CONTENT_KEY=""
PIN=ask # ask (on a new kiosk), always, never
BUILD=yes # no: install the build in BUILD_DIR as it is
DONE=() # what this run did, for the summary

usage() {
    cat <<EOF
Usage: scripts/deploy/install.sh [OPTIONS]     (as root: su -, or sudo)

Installs or upgrades the village information kiosk on this Debian 12 machine. It needs Debian's
package mirror (or a local mirror or the Debian DVDs) the first time, for the packages.

Options:
  --office-key FILE.public  the office's public key (kiosk keygen): exports to USB sticks are
                            encrypted to it. Copied to $CONFIG_DIR/.
  --content-key FILE        the office's content signing key, NAME.sign.public (kiosk content
                            keygen): signed content packs from the office are accepted. Copied
                            to $CONFIG_DIR/.
  --no-pin                  do not ask for the officer PIN now
  --set-pin                 ask for a new officer PIN even when upgrading
  --prefix DIR              where the program goes (default: $PREFIX)
  --build-dir DIR           where it is built (default: build/release in the repository)
  --no-build                install the Release build in --build-dir as it is, made beforehand
                            on a Debian 12 machine from this same copy of the repository (at the
                            same path: its install script names the files by full path)
  -h, --help                this text

Running it again upgrades the program and its content, and keeps $CONFIG, the
database in $STATE_DIR and the PIN. A key given again is set in $CONFIG
only where that setting is still empty.
EOF
}

die() {
    say "install.sh: $*"
    exit 1
}

parse_args() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --office-key | --content-key | --prefix | --build-dir)
                if [ $# -lt 2 ] || [ -z "$2" ]; then
                    die "$1 needs a value (see --help)"
                fi
                case "$1" in
                    --office-key) OFFICE_KEY="$2" ;;
                    --content-key) CONTENT_KEY="$2" ;;
                    --prefix) PREFIX="$2" ;;
                    --build-dir) BUILD_DIR="$2" ;;
                esac
                shift 2
                ;;
            --no-pin) PIN=never && shift ;;
            --no-build) BUILD=no && shift ;;
            --set-pin) PIN=always && shift ;;
            -h | --help) usage && exit 0 ;;
            *) die "unknown option: $1 (see --help)" ;;
        esac
    done
    # The prefix is replaced as a whole on every upgrade: it must be a folder of its own.
    PREFIX="${PREFIX%/}"
    case "$PREFIX" in
        /*) ;;
        *) die "--prefix must be a full path, like /opt/desa-kiosk" ;;
    esac
    case "$PREFIX" in
        "" | /opt | /usr | /usr/local | /etc | /var | /home | /root | /srv | /tmp)
            die "--prefix $PREFIX is shared with other programs; give a folder of the kiosk's own, like /opt/desa-kiosk"
            ;;
    esac
    if [ -n "$OFFICE_KEY" ]; then
        [ -f "$OFFICE_KEY" ] || die "--office-key $OFFICE_KEY: no such file"
        case "$OFFICE_KEY" in
            *.secret) die "--office-key $OFFICE_KEY is a secret key: it stays at the office. Give NAME.public." ;;
        esac
    fi
    if [ -n "$CONTENT_KEY" ]; then
        [ -f "$CONTENT_KEY" ] || die "--content-key $CONTENT_KEY: no such file"
        case "$CONTENT_KEY" in
            *.secret) die "--content-key $CONTENT_KEY is a secret key: it stays at the office. Give NAME.sign.public." ;;
        esac
    fi
}

check_machine() {
    [ "$(id -u)" -eq 0 ] || die "run this as root (su -, or sudo $0)"
    local id="" version=""
    if [ -r /etc/os-release ]; then
        id="$(. /etc/os-release && echo "${ID:-}")"
        version="$(. /etc/os-release && echo "${VERSION_ID:-}")"
    fi
    if [ "$id" != debian ] || [ "$version" != 12 ]; then
        die "this is for Debian 12 (bookworm); this machine is ${id:-unknown} ${version:-unknown}"
    fi
    [ -f "$EXAMPLE_CONFIG" ] || die "$EXAMPLE_CONFIG is missing: is this a complete copy of the repository?"
}

# Whether a systemd runs this machine (false in a container or a chroot): systemctl's commands that
# talk to it are skipped then, with a warning.
systemd_running() {
    [ -d /run/systemd/system ]
}

# missing_libraries FILE: the shared libraries FILE needs that this machine lacks, by name.
missing_libraries() {
    ldd "$1" 2>/dev/null | awk '/=> not found/ { printf "%s%s", sep, $1; sep = " " }'
}

build_and_install() {
    if [ "$BUILD" = yes ]; then
        say "Building the kiosk (Release) in $BUILD_DIR"
        build_kiosk "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_TESTS=OFF -DDESA_BUILD_OFFICE=OFF
    else
        [ -f "$BUILD_DIR/cmake_install.cmake" ] || die "--no-build: $BUILD_DIR holds no build (no cmake_install.cmake)"
        grep -qx 'CMAKE_BUILD_TYPE:STRING=Release' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null ||
            die "--no-build: $BUILD_DIR is not a Release build"
        say "Installing the build made beforehand in $BUILD_DIR"
    fi

    # Installed beside the old one, then swapped in: nothing of an older version is left behind (a
    # page removed from the content would otherwise still show), and a running kiosk keeps its
    # program until it restarts.
    local stage="$PREFIX.new" old="$PREFIX.old"
    rm -rf "$stage" "$old"
    say "Installing into $PREFIX"
    DESTDIR="$stage" cmake --install "$BUILD_DIR" --prefix "$PREFIX" >"$BUILD_DIR.install.log" || {
        cat "$BUILD_DIR.install.log" >&2
        die "cmake --install failed"
    }
    [ -x "$stage$PREFIX/bin/kiosk" ] || die "the build installed no $PREFIX/bin/kiosk"
    local missing
    missing="$(missing_libraries "$stage$PREFIX/bin/kiosk")"
    [ -z "$missing" ] || die "the kiosk program needs libraries this machine does not have: $missing (was it built on another machine with other packages?)"
    if [ -e "$PREFIX" ]; then
        [ -x "$PREFIX/bin/kiosk" ] || [ -z "$(ls -A "$PREFIX")" ] ||
            die "$PREFIX holds something else than the kiosk; choose another --prefix"
        mv "$PREFIX" "$old"
        DONE+=("upgraded the program and the shipped content in $PREFIX")
    else
        DONE+=("installed the program and the shipped content in $PREFIX")
    fi
    mkdir -p "$(dirname "$PREFIX")"
    mv "$stage$PREFIX" "$PREFIX"
    rm -rf "$stage" "$old"
}

create_user() {
    if id -u "$KIOSK_USER" >/dev/null 2>&1; then
        say "The user $KIOSK_USER exists already"
    else
        useradd --system --user-group --create-home --home-dir "$KIOSK_HOME" \
            --shell /usr/sbin/nologin --comment "Village information kiosk" "$KIOSK_USER"
        chmod 0700 "$KIOSK_HOME"
        DONE+=("created the system user $KIOSK_USER (home $KIOSK_HOME, no login shell)")
    fi
    local home group
    home="$(getent passwd "$KIOSK_USER" | cut -d: -f6)"
    if [ -n "$home" ] && [ ! -d "$home" ]; then
        install -d -o "$KIOSK_USER" -g "$KIOSK_USER" -m 0700 "$home"
    fi
    for group in "${KIOSK_GROUPS[@]}"; do
        if getent group "$group" >/dev/null; then
            usermod -a -G "$group" "$KIOSK_USER"
        else
            say "Warning: there is no group $group on this machine; $KIOSK_USER was not added to it"
        fi
    done
    # Where the unit's StateDirectory= puts it, made now so that set-pin can write there before the
    # service ever ran. Existing contents are left alone.
    install -d -o "$KIOSK_USER" -g "$KIOSK_USER" -m 0700 "$STATE_DIR"
}

# set_in_section FILE SECTION KEY EMPTY VALUE: in [SECTION] of FILE, the line `KEY = EMPTY` becomes
# `KEY = VALUE`. A line with any other value is the office's choice and stays. Fails when the line is
# not there as KEY = EMPTY or KEY = VALUE.
set_in_section() {
    local file="$1" section="$2" key="$3" empty="$4" value="$5" sed_empty sed_value
    sed_empty="$(printf '%s' "$empty" | sed 's/[][\.*^$/]/\\&/g')"
    sed_value="$(printf '%s' "$value" | sed 's/[\&|]/\\&/g')"
    sed -i "/^\[${section}\][[:space:]]*\$/,/^\[/ s|^\([[:space:]]*${key}[[:space:]]*=[[:space:]]*\)${sed_empty}[[:space:]]*\$|\1${sed_value}|" "$file"
    awk -v section="[$section]" -v key="$key" -v want="$value" '
        /^\[/ { here = ($0 ~ "^\\" section "[[:space:]]*$") }
        here && $0 ~ "^[[:space:]]*" key "[[:space:]]*=" {
            v = $0; sub("^[^=]*=[[:space:]]*", "", v); sub("[[:space:]]*$", "", v)
            found = (v == want)
        }
        END { exit !found }' "$file"
}

# copy_key FILE: puts a public key into CONFIG_DIR (readable by all: it is public) and prints where.
copy_key() {
    local target
    target="$CONFIG_DIR/$(basename "$1")"
    if [ "$(readlink -f "$1")" != "$(readlink -f "$target")" ]; then
        install -m 0644 "$1" "$target"
    fi
    printf '%s\n' "$target"
}

# write_config: /etc/desa-kiosk/kiosk.toml from data/kiosk.example.toml when there is none; never
# overwritten. The keys given are set where the settings still leave them empty.
write_config() {
    install -d -m 0755 "$CONFIG_DIR"
    if [ -e "$CONFIG" ]; then
        say "Keeping the settings in $CONFIG"
    else
        local new="$CONFIG.new"
        install -m 0644 "$EXAMPLE_CONFIG" "$new"
        set_in_section "$new" paths state '""' "\"$STATE_DIR\"" ||
            say "Warning: no line state = \"\" under [paths] in data/kiosk.example.toml; set it to \"$STATE_DIR\" in $CONFIG"
        # A new kiosk never copies residents' data unencrypted: without an office key it refuses.
        if set_in_section "$new" officer allow_plain_export 'true' 'false'; then
            DONE+=("[officer] allow_plain_export = false: without an office key, officer mode copies nothing unencrypted")
        else
            say "Warning: no line allow_plain_export = true under [officer] in data/kiosk.example.toml; add allow_plain_export = false there in $CONFIG"
        fi
        mv "$new" "$CONFIG"
        DONE+=("wrote the settings $CONFIG from data/kiosk.example.toml: fill in id, village, contacts and hours")
    fi
    local key
    if [ -n "$OFFICE_KEY" ]; then
        key="$(copy_key "$OFFICE_KEY")"
        if set_in_section "$CONFIG" officer office_public_key '""' "\"$key\""; then
            DONE+=("office public key $key: exports are encrypted to it")
        else
            say "Warning: [officer] office_public_key in $CONFIG is set to another file already; kept. Copied $key; edit the setting if it should be used."
        fi
    fi
    if [ -n "$CONTENT_KEY" ]; then
        key="$(copy_key "$CONTENT_KEY")"
        if set_in_section "$CONFIG" content trusted_keys '[]' "[\"$key\"]"; then
            DONE+=("content signing key $key: packs signed with it are accepted")
        else
            say "Warning: [content] trusted_keys in $CONFIG lists other keys already; kept. Copied $key; add \"$key\" to that list if it should be trusted too."
        fi
    fi
}

install_system_files() {
    local shipped="$PREFIX/share/desa-kiosk/deploy"
    # USB sticks: udisks2 asks polkit; this rule lets `kiosk` mount removable drives
    # (scripts/deploy/README.md). polkitd made the folder, readable by itself alone.
    [ -d /etc/polkit-1/rules.d ] || die "/etc/polkit-1/rules.d is missing: is polkitd installed?"
    install -m 0644 "$shipped/$POLKIT_RULE" "/etc/polkit-1/rules.d/$POLKIT_RULE"
    # The X server wrapper's settings. The Debian file is kept once beside it.
    if [ -f /etc/X11/Xwrapper.config ] && [ ! -e /etc/X11/Xwrapper.config.before-desa-kiosk ] &&
        ! cmp -s /etc/X11/Xwrapper.config "$shipped/Xwrapper.config"; then
        cp -p /etc/X11/Xwrapper.config /etc/X11/Xwrapper.config.before-desa-kiosk
    fi
    install -m 0644 "$shipped/Xwrapper.config" /etc/X11/Xwrapper.config
    install -m 0644 "$shipped/$UNIT" "/etc/systemd/system/$UNIT"
    DONE+=("installed /etc/polkit-1/rules.d/$POLKIT_RULE, /etc/X11/Xwrapper.config, /etc/systemd/system/$UNIT")
}

enable_service() {
    if systemd_running; then
        systemctl daemon-reload
    else
        say "Warning: systemd is not running here (a container or chroot?): skipped systemctl daemon-reload"
    fi
    # enable and set-default only write symbolic links: they work without a running systemd too.
    systemctl enable --quiet "$UNIT"
    DONE+=("enabled $UNIT: it starts at boot on tty1")
    local target
    target="$(systemctl get-default 2>/dev/null || true)"
    if [ "$target" != graphical.target ]; then
        systemctl set-default graphical.target
        DONE+=("made graphical.target the default boot target (it was ${target:-not set})")
    fi
}

# The officer PIN, typed twice by the technician. Asked on a new kiosk (no database yet); kept on
# an upgrade unless --set-pin.
set_pin() {
    local command=(runuser -u "$KIOSK_USER" -- "$PREFIX/bin/kiosk" --config "$CONFIG" set-pin)
    local later="runuser -u $KIOSK_USER -- $PREFIX/bin/kiosk --config $CONFIG set-pin (as root)"
    if [ "$PIN" = never ]; then
        say "Not setting the officer PIN now (--no-pin). To set it later: $later"
        return 0
    fi
    if [ "$PIN" = ask ] && [ -e "$STATE_DIR/kiosk.db" ]; then
        say "Keeping the officer PIN (the database exists already). To change it: $later"
        return 0
    fi
    if [ ! -t 0 ]; then
        say "Warning: no terminal to type the officer PIN on; set it later with: $later"
        return 0
    fi
    say "Choose the officer PIN (6 to 8 digits), typed twice. Until one is set, anyone holding the shield corner could make one."
    if "${command[@]}"; then
        DONE+=("set the officer PIN")
    else
        say "Warning: the PIN was not set; try again with: $later"
    fi
}

summary() {
    say "Done. This run:"
    local line
    for line in "${DONE[@]}"; do
        echo "  - $line" >&2
    done
    cat >&2 <<EOF

Next:
  1. Fill in $CONFIG: [kiosk] id and village, [contacts], [display] opening hours
     (data/kiosk.example.toml explains every key).
  2. Reboot; the kiosk starts on tty1. (After an upgrade, systemctl restart $UNIT is enough.)
  3. Check it: systemctl status $UNIT; journalctl -u $UNIT -b
     (a mistake in the settings is named there with its line number).
EOF
}

main() {
    parse_args "$@"
    check_machine "$@"
    ensure_packages "${KIOSK_BUILD_PACKAGES[@]}" "${DEPLOY_PACKAGES[@]}"
    build_and_install
    create_user
    write_config
    install_system_files
    enable_service
    set_pin
    summary
}

# Sourced by tests/deploy_test.sh for its functions; run, it installs.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi

#!/usr/bin/env bash
# Turns a Debian 12 machine into the office's desk server. Run as root from a copy of this
# repository: Debian packages, a Release build of desa-office in /opt/desa-office, the system user
# `desa-office`, the settings in /etc/desa-office/office.toml (the desk behind the proxy), the
# systemd unit and a nightly back-up, and Debian's nginx as the HTTPS front on ports 443 and 80
# with the technician's certificate, or a self-signed one made here. Running it again upgrades the
# program and keeps the settings, the ledger and the certificate. README.md ("Meja kantor: memasang
# di server kantor") walks a district technician through it.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../lib.sh"

OFFICE_USER=desa-office
STATE_DIR=/var/lib/desa-office
BACKUP_DIR=/var/backups/desa-office
CONFIG_DIR=/etc/desa-office
CONFIG="$CONFIG_DIR/office.toml"
TLS_DIR="$CONFIG_DIR/tls"
UNIT=desa-office.service
BACKUP_UNIT=desa-office-backup.service
BACKUP_TIMER=desa-office-backup.timer
NGINX_SITE=/etc/nginx/sites-available/desa-office
NGINX_ENABLED=/etc/nginx/sites-enabled/desa-office
DESK_ADDRESS=127.0.0.1:8080
# The proxy and what the back-up uses (sqlite3's online backup; pg_dump comes with postgresql).
OFFICE_DEPLOY_PACKAGES=(nginx openssl sqlite3 ca-certificates)

PREFIX=/opt/desa-office
BUILD_DIR="$KIOSK_ROOT/build/office-release"
BUILD=yes
TLS_CERT_IN=""
TLS_KEY_IN=""
SECRET_KEY_IN=""
SIGNING_KEY_IN=""
SERVER_NAME=""
POSTGRES=no
DONE=()

usage() {
    cat <<EOF
Usage: scripts/deploy/office/install.sh [OPTIONS]     (as root: su -, or sudo)

Installs or upgrades the office desk (desa-office serve, opened in a browser) on this Debian 12
server, behind Debian's nginx on HTTPS (port 443; port 80 sends browsers there).

Options:
  --cert FILE          the server's certificate (PEM, the full chain) for HTTPS
  --cert-key FILE      its private key (PEM). Both copied to $TLS_DIR/.
                       Without them a self-signed certificate is made for this server's name
                       and addresses: browsers warn until each office PC is told to trust it.
  --server-name NAME   the name the office's PCs use for this server (default: hostname -f),
                       written into a self-signed certificate
  --secret-key FILE    the office's NAME.secret (kiosk keygen) that opens the kiosks' sealed
                       batches; copied to $CONFIG_DIR/ (mode 0600, owner $OFFICE_USER)
  --signing-key FILE   the office's NAME.sign.secret (kiosk content keygen) that signs the status
                       files for the kiosks; copied likewise
  --postgres           keep the ledger in PostgreSQL on this server (Debian's postgresql; a
                       database desa_office owned by $OFFICE_USER) instead of SQLite in $STATE_DIR
  --prefix DIR         where the program goes (default: $PREFIX)
  --build-dir DIR      where it is built (default: build/office-release in the repository)
  --no-build           install the Release build in --build-dir as it is, made beforehand
  -h, --help           this text

Running it again upgrades the program and keeps $CONFIG, the ledger, the back-ups
and the certificate in $TLS_DIR (a new --cert/--cert-key replaces it).
EOF
}

die() {
    say "install.sh: $*"
    exit 1
}

parse_args() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --cert | --cert-key | --server-name | --secret-key | --signing-key | --prefix | --build-dir)
                if [ $# -lt 2 ] || [ -z "$2" ]; then
                    die "$1 needs a value (see --help)"
                fi
                case "$1" in
                    --cert) TLS_CERT_IN="$2" ;;
                    --cert-key) TLS_KEY_IN="$2" ;;
                    --server-name) SERVER_NAME="$2" ;;
                    --secret-key) SECRET_KEY_IN="$2" ;;
                    --signing-key) SIGNING_KEY_IN="$2" ;;
                    --prefix) PREFIX="$2" ;;
                    --build-dir) BUILD_DIR="$2" ;;
                esac
                shift 2
                ;;
            --postgres) POSTGRES=yes && shift ;;
            --no-build) BUILD=no && shift ;;
            -h | --help) usage && exit 0 ;;
            *) die "unknown option: $1 (see --help)" ;;
        esac
    done
    PREFIX="${PREFIX%/}"
    case "$PREFIX" in
        /*) ;;
        *) die "--prefix must be a full path, like /opt/desa-office" ;;
    esac
    case "$PREFIX" in
        "" | /opt | /usr | /usr/local | /etc | /var | /home | /root | /srv | /tmp)
            die "--prefix $PREFIX is shared with other programs; give a folder of the desk's own, like /opt/desa-office"
            ;;
    esac
    if [ -n "$TLS_CERT_IN" ] && [ -z "$TLS_KEY_IN" ]; then die "--cert needs --cert-key (its private key) too"; fi
    if [ -z "$TLS_CERT_IN" ] && [ -n "$TLS_KEY_IN" ]; then die "--cert-key needs --cert (the certificate) too"; fi
    local f
    for f in "$TLS_CERT_IN" "$TLS_KEY_IN" "$SECRET_KEY_IN" "$SIGNING_KEY_IN"; do
        [ -z "$f" ] || [ -f "$f" ] || die "$f: no such file"
    done
    if [ -n "$TLS_CERT_IN" ]; then
        openssl x509 -in "$TLS_CERT_IN" -noout 2>/dev/null || die "--cert $TLS_CERT_IN is not a PEM certificate"
        openssl pkey -in "$TLS_KEY_IN" -noout 2>/dev/null ||
            die "--cert-key $TLS_KEY_IN is not a PEM private key (or it has a passphrase: nginx cannot type one)"
        [ "$(openssl x509 -in "$TLS_CERT_IN" -noout -pubkey | openssl pkey -pubin -outform DER | sha256sum)" = \
            "$(openssl pkey -in "$TLS_KEY_IN" -pubout -outform DER | sha256sum)" ] ||
            die "--cert-key $TLS_KEY_IN is not the key of the certificate $TLS_CERT_IN"
    fi
    if [ -n "$SECRET_KEY_IN" ]; then
        case "$SECRET_KEY_IN" in
            *.sign.secret) die "--secret-key $SECRET_KEY_IN is a signing key: give it as --signing-key, and the NAME.secret from kiosk keygen as --secret-key" ;;
            *.secret) ;;
            *) die "--secret-key $SECRET_KEY_IN: give the office's NAME.secret (from kiosk keygen)" ;;
        esac
    fi
    if [ -n "$SIGNING_KEY_IN" ]; then
        case "$SIGNING_KEY_IN" in
            *.sign.secret) ;;
            *) die "--signing-key $SIGNING_KEY_IN: give the office's NAME.sign.secret (from kiosk content keygen)" ;;
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
}

systemd_running() {
    [ -d /run/systemd/system ]
}

missing_libraries() {
    ldd "$1" 2>/dev/null | awk '/=> not found/ { printf "%s%s", sep, $1; sep = " " }'
}

build_and_install() {
    if [ "$BUILD" = yes ]; then
        say "Building desa-office (Release) in $BUILD_DIR"
        build_kiosk "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_TESTS=OFF -DDESA_BUILD_OFFICE=ON \
            --target desa-office
    else
        [ -f "$BUILD_DIR/cmake_install.cmake" ] || die "--no-build: $BUILD_DIR holds no build (no cmake_install.cmake)"
        grep -qx 'CMAKE_BUILD_TYPE:STRING=Release' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null ||
            die "--no-build: $BUILD_DIR is not a Release build"
        say "Installing the build made beforehand in $BUILD_DIR"
    fi
    # Beside the old one, then swapped in, as the kiosk's install does.
    local stage="$PREFIX.new" old="$PREFIX.old"
    rm -rf "$stage" "$old"
    say "Installing into $PREFIX"
    DESTDIR="$stage" cmake --install "$BUILD_DIR" --prefix "$PREFIX" --component office >"$BUILD_DIR.install.log" || {
        cat "$BUILD_DIR.install.log" >&2
        die "cmake --install failed"
    }
    [ -x "$stage$PREFIX/bin/desa-office" ] || die "the build installed no $PREFIX/bin/desa-office"
    local missing
    missing="$(missing_libraries "$stage$PREFIX/bin/desa-office")"
    [ -z "$missing" ] || die "desa-office needs libraries this machine does not have: $missing"
    if [ -e "$PREFIX" ]; then
        [ -x "$PREFIX/bin/desa-office" ] || [ -z "$(ls -A "$PREFIX")" ] ||
            die "$PREFIX holds something else than desa-office; choose another --prefix"
        mv "$PREFIX" "$old"
        DONE+=("upgraded desa-office in $PREFIX")
    else
        DONE+=("installed desa-office in $PREFIX")
    fi
    mkdir -p "$(dirname "$PREFIX")"
    mv "$stage$PREFIX" "$PREFIX"
    rm -rf "$stage" "$old"
    # The technician's command: desa-office as the desk's user with the server's settings.
    install -d -m 0755 /usr/local/sbin
    write_wrapper /usr/local/sbin/desa-office
}

# write_wrapper FILE: `sudo desa-office user add …` runs the installed program as the desk's user
# with the server's settings, so that it works on the desk's own ledger and files.
write_wrapper() {
    cat >"$1" <<EOF
#!/bin/sh
# desa-office on this server: as the user $OFFICE_USER, with $CONFIG (written by install.sh).
[ "\$(id -u)" -eq 0 ] || { echo "desa-office: run it as root (sudo desa-office …)" >&2; exit 2; }
exec runuser -u $OFFICE_USER -- $PREFIX/bin/desa-office --config $CONFIG "\$@"
EOF
    chmod 0755 "$1"
}

create_user() {
    if id -u "$OFFICE_USER" >/dev/null 2>&1; then
        say "The user $OFFICE_USER exists already"
    else
        useradd --system --user-group --home-dir "$STATE_DIR" --no-create-home \
            --shell /usr/sbin/nologin --comment "Office desk of the village kiosks" "$OFFICE_USER"
        DONE+=("created the system user $OFFICE_USER (no login shell)")
    fi
    # Made now so that `desa-office user add` can write there before the service ever ran.
    install -d -o "$OFFICE_USER" -g "$OFFICE_USER" -m 0700 "$STATE_DIR" "$STATE_DIR/unggah" "$BACKUP_DIR"
}

# write_config: /etc/desa-office/office.toml, when there is none; never overwritten.
write_config() {
    install -d -m 0755 "$CONFIG_DIR"
    local key_line='# secret_key = "kantor.secret"   # the office key that opens sealed batches'
    if [ -n "$SECRET_KEY_IN" ]; then
        local target
        target="$CONFIG_DIR/$(basename "$SECRET_KEY_IN")"
        if [ "$(readlink -f "$SECRET_KEY_IN")" != "$(readlink -f "$target")" ]; then
            install -m 0600 -o "$OFFICE_USER" -g "$OFFICE_USER" "$SECRET_KEY_IN" "$target"
        else
            chown "$OFFICE_USER:$OFFICE_USER" "$target" && chmod 0600 "$target"
        fi
        key_line="secret_key = \"$target\""
        DONE+=("the office key $target opens the kiosks' sealed batches (mode 0600, owner $OFFICE_USER)")
    fi
    local signing_line='# signing_key = "kantor.sign.secret"   # signs the status files for the kiosks'
    if [ -n "$SIGNING_KEY_IN" ]; then
        local signing
        signing="$CONFIG_DIR/$(basename "$SIGNING_KEY_IN")"
        if [ "$(readlink -f "$SIGNING_KEY_IN")" != "$(readlink -f "$signing")" ]; then
            install -m 0600 -o "$OFFICE_USER" -g "$OFFICE_USER" "$SIGNING_KEY_IN" "$signing"
        else
            chown "$OFFICE_USER:$OFFICE_USER" "$signing" && chmod 0600 "$signing"
        fi
        signing_line="signing_key = \"$signing\""
        DONE+=("the signing key $signing signs the status files for the kiosks (mode 0600, owner $OFFICE_USER)")
    fi
    if [ -e "$CONFIG" ]; then
        say "Keeping the settings in $CONFIG"
        [ -z "$SECRET_KEY_IN" ] || grep -q '^[[:space:]]*secret_key[[:space:]]*=' "$CONFIG" ||
            say "Warning: $CONFIG names no secret_key; add under [office]: $key_line"
        [ -z "$SIGNING_KEY_IN" ] || grep -q '^[[:space:]]*signing_key[[:space:]]*=' "$CONFIG" ||
            say "Warning: $CONFIG names no signing_key; add a section [status] with: $signing_line"
        return 0
    fi
    local database="sqlite:$STATE_DIR/office.db"
    [ "$POSTGRES" = yes ] && database="postgresql:///desa_office?host=/var/run/postgresql"
    cat >"$CONFIG.new" <<EOF
# The office desk on this server (written by scripts/deploy/office/install.sh; yours to edit).
# After a change: systemctl restart $UNIT

[office]
database = "$database"
$key_line
partners = ["Disnaker Sragen", "BP3MI Jawa Tengah", "Polres Sragen", "SAPA 129"]

[villages]                       # kiosk id -> village
CMG = "Desa Cemeng"

[kiosks]
silent_after_days = 30

[retention]
days_after_done = 90

[status]
$signing_line

[desk]
office_name = "Kantor Imigrasi Surakarta"   # in every page's header
listen = "$DESK_ADDRESS"        # nginx passes HTTPS on to here; keep it on 127.0.0.1
behind_proxy = true              # nginx in front: trust its X-Forwarded-For/-Proto; cookies Secure
target_days = 3                  # a request waiting longer is coloured in the queue
upload_dir = "$STATE_DIR/unggah"
upload_max_mb = 64               # nginx's client_max_body_size follows this (install.sh)
upload_max_files = 2000
session_idle_minutes = 30
EOF
    chown "root:$OFFICE_USER" "$CONFIG.new"
    chmod 0640 "$CONFIG.new"
    mv "$CONFIG.new" "$CONFIG"
    DONE+=("wrote the settings $CONFIG: villages, partners, the desk behind nginx")
}

# config_value SECTION KEY FALLBACK: a plain value (number or quoted text) from office.toml.
config_value() {
    local v
    v="$(awk -v section="[$1]" -v key="$2" '
        /^[[:space:]]*\[/ { line = $0; gsub(/[[:space:]]|#.*/, "", line); here = (line == section) }
        here && $0 ~ "^[[:space:]]*" key "[[:space:]]*=" {
            v = $0; sub(/^[^=]*=[[:space:]]*/, "", v); sub(/[[:space:]]*#.*$/, "", v); gsub(/"/, "", v); print v; exit
        }' "$CONFIG" 2>/dev/null)"
    printf '%s\n' "${v:-$3}"
}

setup_postgres() {
    [ "$POSTGRES" = yes ] || return 0
    ensure_packages postgresql
    if ! systemd_running; then
        say "Warning: systemd is not running here: start PostgreSQL, then create the role and database by hand (README)"
        return 0
    fi
    systemctl start postgresql
    if ! runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$OFFICE_USER'" | grep -q 1; then
        runuser -u postgres -- createuser "$OFFICE_USER"
        DONE+=("PostgreSQL role $OFFICE_USER (it logs in as the system user of that name, no password)")
    fi
    if ! runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'desa_office'" | grep -q 1; then
        runuser -u postgres -- createdb -O "$OFFICE_USER" -E UTF8 desa_office
        DONE+=("PostgreSQL database desa_office, owned by $OFFICE_USER")
    fi
}

# make_self_signed CERT KEY NAME: a certificate for NAME and this machine's addresses, 825 days.
make_self_signed() {
    local cert="$1" key="$2" name="$3" ip
    local san="DNS:$name,DNS:localhost,IP:127.0.0.1"
    for ip in $(hostname -I 2>/dev/null); do
        case "$ip" in
            *:*) ;; # IPv6: left out, the office's PCs use IPv4
            *) san="$san,IP:$ip" ;;
        esac
    done
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
        -subj "/O=Kantor Desa Binaan Imigrasi/CN=$name" -addext "subjectAltName=$san" \
        -addext "basicConstraints=critical,CA:FALSE" -addext "extendedKeyUsage=serverAuth" \
        -keyout "$key.new" -out "$cert.new" 2>/dev/null
    chmod 0600 "$key.new"
    mv "$key.new" "$key"
    mv "$cert.new" "$cert"
}

install_tls() {
    install -d -m 0755 "$TLS_DIR"
    local cert="$TLS_DIR/desa-office.crt" key="$TLS_DIR/desa-office.key"
    if [ -n "$TLS_CERT_IN" ]; then
        install -m 0644 "$TLS_CERT_IN" "$cert.new"
        install -m 0600 "$TLS_KEY_IN" "$key.new"
        mv "$key.new" "$key"
        mv "$cert.new" "$cert"
        DONE+=("HTTPS with your certificate ($(openssl x509 -in "$cert" -noout -subject), until $(openssl x509 -in "$cert" -noout -enddate | cut -d= -f2))")
    elif [ -f "$cert" ] && [ -f "$key" ]; then
        say "Keeping the certificate in $TLS_DIR"
    else
        local name="${SERVER_NAME:-$(hostname -f 2>/dev/null || hostname)}"
        make_self_signed "$cert" "$key" "$name"
        DONE+=("made a SELF-SIGNED certificate for $name ($cert): browsers will warn until each office PC trusts it (README), or give a real one with --cert/--cert-key")
    fi
}

# render_site TEMPLATE OUT HTTP_LISTEN HTTPS_LISTEN HTTPS_PORT CERT KEY DESK MAX_MB: the nginx site
# with its @…@ words filled in (tests/desk_https_test.sh renders it with this same function).
render_site() {
    local suffix=""
    [ "$5" = 443 ] || suffix=":$5"
    sed -e "s|@HTTP_LISTEN@|$3|g" -e "s|@HTTPS_LISTEN@|$4|g" -e "s|@HTTPS_PORT_SUFFIX@|$suffix|g" \
        -e "s|@TLS_CERT@|$6|g" -e "s|@TLS_KEY@|$7|g" -e "s|@DESK_ADDRESS@|$8|g" -e "s|@UPLOAD_MAX_MB@|$9|g" \
        -e "s|@UPLOAD_BODY_MB@|$(($9 + 1))|g" \
        "$1" >"$2"
    ! grep -n '@[A-Z_]*@' "$2" >&2 || die "$2: a word was left unfilled"
}

install_nginx_site() {
    local shipped="$PREFIX/share/desa-office/deploy" max_mb desk
    max_mb="$(config_value desk upload_max_mb 64)"
    case "$max_mb" in '' | *[!0-9]*) die "[desk] upload_max_mb in $CONFIG is not a number: $max_mb" ;; esac
    desk="$(config_value desk listen "$DESK_ADDRESS")"
    render_site "$shipped/desa-office-nginx.conf" "$NGINX_SITE.new" 80 443 443 \
        "$TLS_DIR/desa-office.crt" "$TLS_DIR/desa-office.key" "$desk" "$max_mb"
    mv "$NGINX_SITE.new" "$NGINX_SITE"
    ln -sfn "$NGINX_SITE" "$NGINX_ENABLED"
    # Debian's welcome page also claims port 80 as the default server.
    if [ -L /etc/nginx/sites-enabled/default ]; then
        rm /etc/nginx/sites-enabled/default
        DONE+=("disabled nginx's default welcome site (/etc/nginx/sites-enabled/default)")
    fi
    nginx -t 2>&1 | sed 's/^/  nginx -t: /' >&2
    nginx -t >/dev/null 2>&1 || die "nginx does not accept its settings (above); nothing was reloaded"
    DONE+=("nginx site $NGINX_SITE: HTTPS on 443 to the desk at $desk, HTTP 80 sent to HTTPS, uploads up to $max_mb MB")
}

install_units() {
    local shipped="$PREFIX/share/desa-office/deploy" unit
    for unit in "$UNIT" "$BACKUP_UNIT" "$BACKUP_TIMER"; do
        install -m 0644 "$shipped/$unit" "/etc/systemd/system/$unit"
    done
    if systemd_running; then
        systemctl daemon-reload
        systemctl enable --quiet --now nginx "$UNIT" "$BACKUP_TIMER"
        systemctl restart "$UNIT"
        systemctl reload nginx
        DONE+=("started $UNIT, nginx and the nightly back-up ($BACKUP_TIMER, into $BACKUP_DIR)")
    else
        systemctl enable --quiet nginx "$UNIT" "$BACKUP_TIMER"
        say "Warning: systemd is not running here (a container or chroot?): enabled the units for the next boot, started nothing"
        DONE+=("enabled $UNIT, nginx and $BACKUP_TIMER for the next boot")
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
  1. The first administrator (the password twice):  sudo desa-office user add NAMA --role admin
  2. Open https://$(hostname -f 2>/dev/null || hostname)/ from an office PC and log in.
  3. Check:  systemctl status $UNIT nginx;  journalctl -u $UNIT -b;  curl -k https://127.0.0.1/sehat
EOF
}

main() {
    parse_args "$@"
    check_machine
    if [ "$BUILD" = yes ]; then
        ensure_packages "${KIOSK_BUILD_PACKAGES[@]}" "${OFFICE_BUILD_PACKAGES[@]}" "${OFFICE_DEPLOY_PACKAGES[@]}"
    else
        ensure_packages "${OFFICE_DEPLOY_PACKAGES[@]}"
    fi
    build_and_install
    create_user
    setup_postgres
    write_config
    install_tls
    install_nginx_site
    install_units
    summary
}

# Sourced by tests/deploy_office_test.sh and tests/desk_https_test.sh for its functions; run, it installs.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi

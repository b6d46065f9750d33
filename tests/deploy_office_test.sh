#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The office desk as scripts/deploy/office/install.sh puts it on the office's server, checked
# without touching this machine: `cmake --install --component office` into a temporary folder
# (the program, the back-up script, the units and the nginx site, the prefix written in), the
# units through `systemd-analyze verify` and `systemd-analyze security` in a stand-in root,
# install.sh's options, the office.toml it writes (read back by the real desa-office), the nginx
# site with a self-signed certificate made as install.sh makes one (`nginx -t`), the nightly
# back-up of a real ledger, and shellcheck where it is installed.
# Usage: deploy_office_test.sh BUILD_DIR (a build whose desa-office is built).
set -euo pipefail

build="$(cd "${1:?usage: deploy_office_test.sh BUILD_DIR}" && pwd)"
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
deploy="$source_dir/scripts/deploy/office"
prefix=/opt/desa-office
office="$build/office/desa-office"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=checks.sh
source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

stage="$tmp/root"
installed="$stage$prefix"
units=(desa-office.service desa-office-backup.service desa-office-backup.timer)

install_into_destdir() {
    [ -x "$office" ] || fail "$office is not built"
    DESTDIR="$stage" cmake --install "$build" --prefix "$prefix" --component office >/dev/null
}

installed_layout() {
    [ -x "$installed/bin/desa-office" ] || fail "no executable bin/desa-office"
    [ "$(stat -c %a "$installed/lib/desa-office/desa-office-backup")" = 755 ] || fail "the back-up script is not mode 0755"
    local file
    for file in "${units[@]}" desa-office-nginx.conf; do
        [ -f "$installed/share/desa-office/deploy/$file" ] || fail "no share/desa-office/deploy/$file"
    done
    # The office's component only: nothing of the kiosk on the office's server.
    if [ -e "$installed/bin/kiosk" ] || [ -e "$installed/share/desa-kiosk" ]; then fail "the kiosk was installed too"; fi
    ! grep -rn '@OFFICE_PREFIX@' "$installed/share/desa-office/deploy/"*.service || fail "a placeholder was left"
    grep -qx "ExecStart=$prefix/bin/desa-office serve --config /etc/desa-office/office.toml" \
        "$installed/share/desa-office/deploy/desa-office.service" || fail "ExecStart does not serve with /etc/desa-office/office.toml"
}

# A stand-in root: systemd's own units, the installed prefix, the units where install.sh puts them.
make_root() {
    mkdir -p "$stage/usr/lib/systemd" "$stage/etc/systemd/system"
    cp -a /usr/lib/systemd/system "$stage/usr/lib/systemd/"
    ln -sfn usr/lib "$stage/lib"
    local unit
    for unit in "${units[@]}"; do
        cp "$installed/share/desa-office/deploy/$unit" "$stage/etc/systemd/system/"
    done
}

# Any word from systemd-analyze verify is a failure: it exits 0 after a misspelt directive.
verify_units() {
    local out
    out="$(systemd-analyze verify --root="$stage" --man=no --generators=no "${units[@]}" 2>&1)" ||
        fail "systemd-analyze verify failed: $out"
    [ -z "$out" ] || fail "$out"
}

units_verify() {
    command -v systemd-analyze >/dev/null || fail "systemd-analyze is missing: apt-get install systemd"
    verify_units
}

verify_catches_mistakes() {
    local unit="$stage/etc/systemd/system/desa-office.service"
    cp "$unit" "$tmp/unit.good"
    sed -i 's/^ProtectSystem=/ProtectSystems=/' "$unit"
    if (verify_units >/dev/null); then
        cp "$tmp/unit.good" "$unit"
        fail "a misspelt ProtectSystem= went unnoticed"
    fi
    cp "$tmp/unit.good" "$unit"
    mv "$installed/bin/desa-office" "$tmp/desa-office.moved"
    if (verify_units >/dev/null); then
        mv "$tmp/desa-office.moved" "$installed/bin/desa-office"
        fail "a missing $prefix/bin/desa-office went unnoticed"
    fi
    mv "$tmp/desa-office.moved" "$installed/bin/desa-office"
}

unit_essentials() {
    local unit="$stage/etc/systemd/system/desa-office.service" line
    for line in User=desa-office Group=desa-office Restart=on-failure ProtectSystem=strict ProtectHome=true \
        PrivateTmp=true NoNewPrivileges=true StateDirectory=desa-office ReadWritePaths=/var/lib/desa-office \
        CapabilityBoundingSet= WantedBy=multi-user.target; do
        grep -qx "$line" "$unit" || fail "the unit lacks $line"
    done
    ! grep -q '^User=root' "$unit" || fail "the desk runs as root"
    grep -qx 'WantedBy=timers.target' "$stage/etc/systemd/system/desa-office-backup.timer" || fail "the timer is not wanted by timers.target"
}

# systemd's own measure of how exposed the service is (0 = shut in, 10 = wide open), on the unit as
# installed. Debian 12's systemd calls 2.x "OK"; the kiosk's unit, which must let X become root, is
# far above. Printed, and held below 3.
exposure() {
    local out score
    out="$(systemd-analyze security --offline=true --root="$stage" --no-pager desa-office.service 2>&1)" ||
        fail "systemd-analyze security failed: $out"
    score="$(grep -oE 'Overall exposure level for desa-office.service: [0-9.]+' <<<"$out" | awk '{ print $NF }')"
    [ -n "$score" ] || fail "no exposure level in: $out"
    echo "exposure $score" >"$tmp/exposure"
    awk -v s="$score" 'BEGIN { exit !(s < 3.0) }' || fail "exposure level $score (want < 3.0): $out"
}

install_sh_options() {
    bash -n "$deploy/install.sh"
    "$deploy/install.sh" --help | grep -q -- '--cert-key' || fail "--help does not explain --cert-key"
    local out
    if out="$("$deploy/install.sh" --bogus 2>&1)"; then fail "--bogus was accepted"; fi
    grep -q 'unknown option: --bogus' <<<"$out" || fail "--bogus: $out"
    if out="$("$deploy/install.sh" --prefix /usr 2>&1)"; then fail "--prefix /usr was accepted"; fi
    grep -q 'shared with other programs' <<<"$out" || fail "--prefix /usr: $out"
    if out="$("$deploy/install.sh" --cert "$tmp/c.pem" 2>&1)"; then fail "--cert without --cert-key was accepted"; fi
    grep -q 'needs --cert-key' <<<"$out" || fail "--cert alone: $out"
    if out="$("$deploy/install.sh" --secret-key "$tmp/none.secret" 2>&1)"; then fail "a missing key file was accepted"; fi
    grep -q 'no such file' <<<"$out" || fail "--secret-key with no file: $out"
    echo public >"$tmp/kantor.public"
    if out="$("$deploy/install.sh" --secret-key "$tmp/kantor.public" 2>&1)"; then fail "a public key as --secret-key was accepted"; fi
    grep -q 'NAME.secret' <<<"$out" || fail "--secret-key kantor.public: $out"
    echo secret >"$tmp/k.sign.secret"
    if out="$("$deploy/install.sh" --secret-key "$tmp/k.sign.secret" 2>&1)"; then fail "a signing key as --secret-key was accepted"; fi
    grep -q 'is a signing key' <<<"$out" || fail "--secret-key k.sign.secret: $out"
    if out="$("$deploy/install.sh" --signing-key "$tmp/kantor.public" 2>&1)"; then fail "a public key as --signing-key was accepted"; fi
    grep -q 'NAME.sign.secret' <<<"$out" || fail "--signing-key kantor.public: $out"
    # A certificate with another certificate's key.
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=a \
        -keyout "$tmp/a.key" -out "$tmp/a.crt" 2>/dev/null
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=b \
        -keyout "$tmp/b.key" -out "$tmp/b.crt" 2>/dev/null
    if out="$("$deploy/install.sh" --cert "$tmp/a.crt" --cert-key "$tmp/b.key" 2>&1)"; then fail "a mismatched key was accepted"; fi
    grep -q 'is not the key of the certificate' <<<"$out" || fail "mismatched key: $out"
    if out="$("$deploy/install.sh" --cert "$tmp/a.key" --cert-key "$tmp/a.key" 2>&1)"; then fail "a key as --cert was accepted"; fi
    grep -q 'not a PEM certificate' <<<"$out" || fail "a key as --cert: $out"
}

# write_config into a temporary /etc/desa-office, as the user running the test (chown to itself).
install_sh_config() {
    (
        # shellcheck source=../scripts/deploy/office/install.sh
        source "$deploy/install.sh"
        OFFICE_USER="$(id -un)"
        CONFIG_DIR="$tmp/etc"
        CONFIG="$CONFIG_DIR/office.toml"
        printf 'key\n' >"$tmp/kantor.secret"
        chmod 0644 "$tmp/kantor.secret"
        SECRET_KEY_IN="$tmp/kantor.secret"
        printf 'key\n' >"$tmp/kantor.sign.secret"
        SIGNING_KEY_IN="$tmp/kantor.sign.secret"
        write_config >/dev/null 2>&1
        [ "$(stat -c %a "$CONFIG")" = 640 ] || fail "office.toml is not mode 0640"
        [ "$(stat -c %a "$CONFIG_DIR/kantor.secret")" = 600 ] || fail "the office key is not mode 0600"
        grep -qx 'behind_proxy = true .*' "$CONFIG" || fail "[desk] behind_proxy = true is missing"
        grep -qx "database = \"sqlite:$STATE_DIR/office.db\"" "$CONFIG" || fail "[office] database is not the SQLite file in $STATE_DIR"
        grep -qx "secret_key = \"$CONFIG_DIR/kantor.secret\"" "$CONFIG" || fail "secret_key was not set"
        grep -qx "signing_key = \"$CONFIG_DIR/kantor.sign.secret\"" "$CONFIG" || fail "[status] signing_key was not set"
        [ "$(stat -c %a "$CONFIG_DIR/kantor.sign.secret")" = 600 ] || fail "the signing key is not mode 0600"
        [ "$(config_value desk upload_max_mb 1)" = 64 ] || fail "config_value desk upload_max_mb: $(config_value desk upload_max_mb 1)"
        [ "$(config_value desk listen x)" = 127.0.0.1:8080 ] || fail "config_value desk listen: $(config_value desk listen x)"
        [ "$(config_value desk none 7)" = 7 ] || fail "config_value of a missing key is not its fallback"
        # The real program reads it (its database given on the command line: /var/lib is not ours).
        "$office" --config "$CONFIG" --database "sqlite:$tmp/read.db" kiosks >"$tmp/kiosks.out" 2>&1 ||
            fail "desa-office refused the written office.toml: $(cat "$tmp/kiosks.out")"
        # Run again: the office's edits stay.
        sed -i 's/^upload_max_mb = 64/upload_max_mb = 200/' "$CONFIG"
        cp "$CONFIG" "$tmp/edited.toml"
        write_config >/dev/null 2>&1
        cmp -s "$CONFIG" "$tmp/edited.toml" || fail "a second run changed the settings"
        [ "$(config_value desk upload_max_mb 1)" = 200 ] || fail "the edited upload_max_mb was not read"
    )
    (
        # shellcheck source=../scripts/deploy/office/install.sh
        source "$deploy/install.sh"
        OFFICE_USER="$(id -un)"
        CONFIG_DIR="$tmp/etc-pg"
        CONFIG="$CONFIG_DIR/office.toml"
        POSTGRES=yes
        write_config >/dev/null 2>&1
        grep -qx 'database = "postgresql:///desa_office?host=/var/run/postgresql"' "$CONFIG" ||
            fail "--postgres did not name the local database"
        grep -qx '# secret_key = .*' "$CONFIG" || fail "without --secret-key the key line is not a comment"
    )
}

# The site rendered with a certificate made by make_self_signed, checked by nginx itself.
nginx_site() {
    command -v nginx >/dev/null || fail "nginx is missing: apt-get install nginx"
    (
        # shellcheck source=../scripts/deploy/office/install.sh
        source "$deploy/install.sh"
        local n="$tmp/nginx"
        mkdir -p "$n/logs" "$n/tmp"
        make_self_signed "$n/c.crt" "$n/c.key" kantor.example
        [ "$(stat -c %a "$n/c.key")" = 600 ] || fail "the self-signed key is not mode 0600"
        openssl x509 -in "$n/c.crt" -noout -ext subjectAltName | grep -q 'DNS:kantor.example' ||
            fail "the certificate does not name kantor.example: $(openssl x509 -in "$n/c.crt" -noout -text)"
        render_site "$installed/share/desa-office/deploy/desa-office-nginx.conf" "$n/site.conf" 80 443 443 \
            "$n/c.crt" "$n/c.key" 127.0.0.1:8080 64
        # shellcheck disable=SC2016 # nginx's variables, as written in the file
        grep -q 'return 301 https://$host$request_uri;' "$n/site.conf" || fail "port 443 should need no port in the redirect"
        grep -q 'client_max_body_size 65m;' "$n/site.conf" || fail "client_max_body_size is not 64m and 1 for the form"
        # shellcheck disable=SC2016
        grep -q 'proxy_set_header X-Forwarded-For $remote_addr;' "$n/site.conf" || fail "X-Forwarded-For is not the peer's address"
        grep -q 'proxy_pass http://127.0.0.1:8080;' "$n/site.conf" || fail "not proxied to 127.0.0.1:8080"
        render_site "$installed/share/desa-office/deploy/desa-office-nginx.conf" "$n/site2.conf" 80 8443 8443 \
            "$n/c.crt" "$n/c.key" 127.0.0.1:8080 64
        # shellcheck disable=SC2016
        grep -q 'return 301 https://$host:8443$request_uri;' "$n/site2.conf" || fail "the redirect lacks :8443"
        cat >"$n/nginx.conf" <<EOF
error_log $n/logs/error.log;
pid $n/nginx.pid;
events {}
http {
    access_log off;
    client_body_temp_path $n/tmp/body;
    proxy_temp_path $n/tmp/proxy;
    fastcgi_temp_path $n/tmp/fastcgi;
    uwsgi_temp_path $n/tmp/uwsgi;
    scgi_temp_path $n/tmp/scgi;
    include $n/site.conf;
}
EOF
        nginx -t -q -p "$n" -c "$n/nginx.conf" 2>&1 || fail "nginx -t refused the site"
    )
}

# The back-up of a real SQLite ledger (made by desa-office itself), its check, and the pruning.
backup() {
    local b="$tmp/backup" out
    mkdir -p "$b/copies"
    "$office" --database "sqlite:$b/office.db" kiosks >/dev/null 2>&1 || fail "desa-office made no ledger"
    [ -f "$b/office.db" ] || fail "desa-office made no $b/office.db"
    printf '[office]\ndatabase = "sqlite:%s/office.db"   # the ledger\n' "$b" >"$b/office.toml"
    for _ in 1 2 3; do
        "$deploy/desa-office-backup" --config "$b/office.toml" --to "$b/copies" --keep 2 >"$b/out" 2>&1 ||
            fail "desa-office-backup failed: $(cat "$b/out")"
        sleep 1.1 # the copies are named by the second
    done
    [ "$(find "$b/copies" -name 'office-*.db' | wc -l)" = 2 ] || fail "--keep 2 left: $(ls "$b/copies")"
    out="$(find "$b/copies" -name 'office-*.db' | head -1)"
    [ "$(sqlite3 "$out" 'PRAGMA integrity_check;')" = ok ] || fail "the copy is damaged"
    "$office" --database "sqlite:$out" kiosks >/dev/null 2>&1 || fail "desa-office cannot read the copy"
    printf '[office]\ndatabase = "sqlite:%s/none.db"\n' "$b" >"$b/none.toml"
    if out="$("$deploy/desa-office-backup" --config "$b/none.toml" --to "$b/copies" 2>&1)"; then
        fail "a missing ledger was backed up"
    fi
    grep -q 'does not exist' <<<"$out" || fail "a missing ledger: $out"
    if out="$("$deploy/desa-office-backup" --keep 0 2>&1)"; then fail "--keep 0 was accepted"; fi
}

wrapper() {
    (
        # shellcheck source=../scripts/deploy/office/install.sh
        source "$deploy/install.sh"
        write_wrapper "$tmp/desa-office-wrapper"
        grep -qx "exec runuser -u desa-office -- $PREFIX/bin/desa-office --config $CONFIG \"\$@\"" \
            "$tmp/desa-office-wrapper" || fail "the wrapper: $(cat "$tmp/desa-office-wrapper")"
        sh -n "$tmp/desa-office-wrapper"
    )
}

shellchecked() {
    shellcheck -x "$deploy/install.sh" "$deploy/desa-office-backup" "$0" "$source_dir/tests/desk_https_test.sh" \
        "$source_dir/tests/e2e/desk/run.sh"
}

check "cmake --install --component office into a DESTDIR" install_into_destdir
check "installed layout: desa-office, the back-up script, units and nginx site, no kiosk" installed_layout
make_root
check "systemd-analyze verify of the installed units" units_verify
check "systemd-analyze verify sees a misspelt directive and a missing program" verify_catches_mistakes
check "the unit's user, restart and hardening settings" unit_essentials
check "systemd-analyze security: exposure below 3" exposure
[ -f "$tmp/exposure" ] && echo "    $(cat "$tmp/exposure")"
check "install.sh: syntax, --help, refused options and certificates" install_sh_options
check "install.sh: office.toml with the desk behind the proxy, read by desa-office, kept on a second run" install_sh_config
check "the nginx site with a self-signed certificate: nginx -t" nginx_site
check "desa-office-backup: a checked copy of a real ledger, the newest kept" backup
check "the root's desa-office command runs as desa-office with the server's settings" wrapper
if command -v shellcheck >/dev/null; then
    check "shellcheck" shellchecked
else
    echo "note: shellcheck is not installed; skipped"
fi

checks_done deploy_office

#!/usr/bin/env bash
# Runs COMMAND... beside a private PostgreSQL 15 cluster: made with initdb in a temporary folder,
# listening only on a Unix socket there (no TCP), run as the unprivileged user `postgres` when
# started as root (Debian's postgresql package makes that user), stopped and removed at the end.
# COMMAND gets DESA_OFFICE_TEST_PG (a libpq URI for a database of its own) and
# DESA_OFFICE_TEST_PGCTL (the pg_ctl command line for this cluster, for the tests that stop the
# server in the middle of an import). Exits with COMMAND's status; 1 when the cluster cannot start.
set -uo pipefail
PGBIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PGBIN/initdb" ]; then
    echo "with_postgres.sh: $PGBIN/initdb is missing: install Debian's postgresql (15) package" >&2
    exit 1
fi
dir="$(mktemp -d /tmp/desa-office-pg.XXXXXX)"
run=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    run=(runuser -u postgres --)
fi
chmod 700 "$dir"
ctl=("${run[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60)
cleanup() {
    "${ctl[@]}" stop -m fast >/dev/null 2>&1
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if ! "${run[@]}" "$PGBIN/initdb" -D "$dir/data" -U office -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    echo "with_postgres.sh: initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    exit 1
fi
# Only the socket in $dir; durable like a real server (fsync on), small like a test one. In the
# cluster's own settings, so that a test restarting it with DESA_OFFICE_TEST_PGCTL gets them too.
printf "listen_addresses = ''\nunix_socket_directories = '%s'\nshared_buffers = 32MB\nmax_connections = 20\n" \
    "$dir" | "${run[@]}" tee -a "$dir/data/postgresql.conf" >/dev/null
if ! "${ctl[@]}" start >/dev/null 2>&1; then
    echo "with_postgres.sh: the PostgreSQL server did not start:" >&2
    cat "$dir/server.log" >&2
    exit 1
fi
if ! "${run[@]}" "$PGBIN/createdb" -h "$dir" -U office office_test; then
    echo "with_postgres.sh: createdb failed" >&2
    exit 1
fi
export DESA_OFFICE_TEST_PG="postgresql:///office_test?host=$dir&user=office"
export DESA_OFFICE_TEST_PGCTL="${ctl[*]}"
"$@"

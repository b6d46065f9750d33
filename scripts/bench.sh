#!/usr/bin/env bash
# Measures the kiosk under Xvfb with Mesa's software renderer and prints one JSON line per figure:
# start-up to first frame (also with 100,000 stored requests), frame times on home, while
# drag-scrolling, while typing on the on-screen keyboard and while a request is being committed
# (beside an empty frame's), saving a request, exporting a batch, the officer dashboard, idle CPU
# (on the attract screen and on home), memory (PSS, also with larger text), a Listen tap to the
# first sound (cold and cached).
# Targets: first frame < 200 ms (< 250 ms with 100,000 requests), frame p99 < 16 ms, a request
# committed in < 20 ms (median), 10,000 requests exported in < 2 s, the dashboard of 100,000
# requests read in < 100 ms, idle CPU < 0.3 % of a core, PSS < 80 MiB, first sound < 300 ms.
# The office ledger (office_bench, last): 100 batches × 1,000 requests imported into SQLite in
# < 10 s and into PostgreSQL in < 30 s, the same again in < 5 s, `requests list --status baru` over
# 100,000 requests in < 100 ms, a page of the desk's queue (count and rows; first, deep, filtered,
# searched) in < 50 ms at p95, the report of each month of a year. `scripts/bench.sh --office`
# measures the office alone.
# The office desk (`scripts/bench.sh --desk`, alone): the same year of 100,000 requests in a private
# PostgreSQL, `desa-office serve` on it, and 20 users at once for 30 s, each logged in with its own
# session, through the queue (random filters, searches, pages), the requests found there and the
# monthly report (tests/bench/desk_load.cpp); per page p50, p95 (target < 200 ms), max and errors
# (target 0), beside a floor measured in the same run: the same 20 users asking GET /sehat, which
# touches no database, and each page's p95 as a multiple of the floor's.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_packages "${KIOSK_BUILD_PACKAGES[@]}" "${OFFICE_BUILD_PACKAGES[@]}" xvfb xauth xdotool
ensure_packages doctest-dev postgresql libexpat1-dev
BUILD="$KIOSK_ROOT/build/bench"
mkdir -p "$BUILD"

# The office ledger on both stores, the PostgreSQL one a private cluster started (and stopped) for it.
office_bench() {
    "$KIOSK_ROOT/tests/office/with_postgres.sh" sh -c '"$0" --dir "$1" --postgres "$DESA_OFFICE_TEST_PG"' \
        "$BUILD/tests/office_bench" "$KIOSK_ROOT/build/bench"
}
if [ "${1:-}" = "--office" ]; then
    build_kiosk "$BUILD" -DCMAKE_BUILD_TYPE=Release --target office_bench >&2
    office_bench
    exit
fi

# The desk's load test, run inside the private cluster (bench.sh calls itself through with_postgres.sh).
desk_bench() {
    local work port pass="beban-uji-2026" pid floor users=20 rc=0 think
    work="$(mktemp -d "$KIOSK_ROOT/build/bench/desk.XXXXXX")"
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    "$BUILD/tests/office_bench" --dir "$work" --seed "$DESA_OFFICE_TEST_PG" || return 1
    printf '[office]\ndatabase = "%s"\n[desk]\nlisten = "127.0.0.1:%s"\ntarget_days = 3\nupload_dir = "%s"\n' \
        "$DESA_OFFICE_TEST_PG" "$port" "$work/unggah" >"$work/office.toml"
    printf '%s\n%s\n' "$pass" "$pass" | "$BUILD/office/desa-office" --config "$work/office.toml" \
        user add beban --role officer >/dev/null || return 1
    "$BUILD/office/desa-office" --config "$work/office.toml" serve >"$work/serve.log" 2>&1 &
    pid=$!
    for _ in $(seq 200); do
        curl -fsS "http://127.0.0.1:$port/sehat" >/dev/null 2>&1 && break
        sleep 0.1
    done
    # The floor: the same users at the same pace on a page that touches no database.
    "$BUILD/tests/desk_load" --port "$port" --users "$users" --seconds 15 --floor | tee "$work/floor.json"
    floor="$(jq -r 'select(.page == "sehat") | .p95' "$work/floor.json")"
    # Officers reading a moment (0..500 ms at random) between pages; then with no pause at all.
    for think in 500 0; do
        "$BUILD/tests/desk_load" --port "$port" --users "$users" --seconds 30 --think-ms "$think" \
            --user beban --password "$pass" >"$work/load.json" || rc=1
        jq -c --argjson floor "$floor" '. + {target_p95: 200, floor_p95: $floor,
            p95_over_floor: (if $floor > 0 then ((.p95 / $floor) * 10 | round / 10) else null end)}' "$work/load.json"
    done
    kill -TERM "$pid"
    wait "$pid" || { echo "desa-office serve did not exit 0 on SIGTERM" >&2; rc=1; }
    [ "$rc" -eq 0 ] || tail -20 "$work/serve.log" >&2
    rm -rf "$work"
    return "$rc"
}
if [ "${1:-}" = "--desk-in-cluster" ]; then
    desk_bench
    exit
fi
if [ "${1:-}" = "--desk" ]; then
    ensure_packages curl jq python3
    for target in desa-office office_bench desk_load; do
        build_kiosk "$BUILD" -DCMAKE_BUILD_TYPE=Release --target "$target" >&2
    done
    # The load average says how much else this machine was doing (the figures share its cores).
    printf '{"figure": "machine", "date": "%s", "cpu": "%s", "cores": %s, "loadavg_1m": %s}\n' "$(date -u +%Y-%m-%d)" \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
    "$KIOSK_ROOT/tests/office/with_postgres.sh" "$0" --desk-in-cluster
    rc=$?
    printf '{"figure": "machine_after", "loadavg_1m": %s}\n' "$(cut -d' ' -f1 /proc/loadavg)"
    exit "$rc"
fi
build_kiosk "$BUILD" -DCMAKE_BUILD_TYPE=Release >&2
KIOSK="$BUILD/kiosk/kiosk"
WORK="$(mktemp -d)"
W=1920
H=1080

cleanup() {
    [ -n "${KIOSK_PID:-}" ] && kill "$KIOSK_PID" 2>/dev/null
    [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

start_xvfb "${W}x${H}" "$WORK" # our own X server, on the first free display
# No sound card here: OpenAL writes what the kiosk plays to a file, in real time, as a card would
# play it. The kiosk at rest then has its voice ready, as on a kiosk with speakers.
printf '[wave]\nfile=%s\n' "$WORK/voice.wav" >"$WORK/openal.conf"
export ALSOFT_DRIVERS=wave ALSOFT_CONF="$WORK/openal.conf"
ARGS=(--data "$KIOSK_ROOT/data" --db "$WORK/kiosk.db" --windowed "${W}x${H}")
DATE="$(date -u +%Y-%m-%d)"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
printf '{"figure": "machine", "date": "%s", "cpu": "%s", "cores": %s, "renderer": "Xvfb + Mesa (software)"}\n' \
    "$DATE" "$CPU" "$(nproc)"

# 1. Process start to first frame shown (after glFinish), 11 runs; the first warms the caches.
#    The same for an empty SFML window with one triangle: the floor that GL start-up sets here.
first_frame() { # PROGRAM ARGS...: figure name from $FIGURE
    local times=() run start out shown sorted
    for run in $(seq 11); do
        start=$EPOCHREALTIME
        out="$("$@" 2>/dev/null)"
        shown="${out#first_frame_epoch=}"
        [ "$run" -eq 1 ] && continue
        times+=("$(awk -v a="$start" -v b="$shown" 'BEGIN { printf "%.1f", (b - a) * 1000 }')")
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    printf '{"figure": "%s", "runs": %d, "median": %s, "max": %s%s}\n' "$FIGURE" \
        "${#sorted[@]}" "${sorted[$((${#sorted[@]} / 2))]}" "${sorted[-1]}" "$TARGET"
}
FIGURE=start_to_first_frame_ms TARGET=', "target": 200' first_frame "$KIOSK" "${ARGS[@]}" --exit-after-first-frame
FIGURE=empty_sfml_window_first_frame_ms TARGET='' first_frame "$BUILD/tests/gl_floor"
# The same kiosk with 100,000 requests waiting in its database (the database opens, and checks
# itself, on a thread of its own while the window opens).
BIG="$KIOSK_ROOT/build/bench/requests-100k.db"
rm -f "$BIG" "$BIG-wal" "$BIG-shm"
"$KIOSK" --data "$KIOSK_ROOT/data" requests seed --count 100000 --db "$BIG" >&2
FIGURE=start_to_first_frame_100k_requests_ms TARGET=', "target": 250' first_frame "$KIOSK" \
    --data "$KIOSK_ROOT/data" --db "$BIG" --windowed "${W}x${H}" --exit-after-first-frame
# Frames while a request is committed to that database behind a slow disk (200 ms before each
# commit): the save runs off the drawing thread, so frames keep their pace until the confirmation.
"$BUILD/tests/save_frame_bench" --data "$KIOSK_ROOT/data" --db "$BIG" --delay-ms 200 --saves 20
rm -f "$BIG" "$BIG-wal" "$BIG-shm"

# Saving one request with synchronous=FULL, on the disk the kiosk writes to (not a tmpfs),
# opening a database of 100,000 requests, and the officer dashboard on it (half collected).
"$BUILD/tests/store_bench" --dir "$KIOSK_ROOT/build/bench"
# A batch of 10,000 requests exported to a folder on the same disk, plain and sealed.
"$BUILD/tests/export_bench" --dir "$KIOSK_ROOT/build/bench"

# 2. Loading and checking the content: the shipped pack, and a generated one of 1,000 pages.
"$BUILD/tests/content_bench" --data "$KIOSK_ROOT/data"

# The registry of placement companies: the search per keystroke over 5,000 and 50,000 generated
# companies, and loading the content with such a registry (time, memory).
"$BUILD/tests/registry_bench" --data "$KIOSK_ROOT/data"

# Installing a signed content pack (the shipped content and pictures) as "Perbarui konten" does:
# signature, every file hashed while it is copied and flushed, the content checks, the switch.
# Two packs that differ in one line are installed in turn, so that every install copies.
pack_bench() {
    local dir="$WORK/packs" i t0 t1 times=()
    mkdir -p "$dir"
    "$KIOSK" content keygen --out "$dir/kantor" >/dev/null 2>&1
    for p in a b; do
        mkdir -p "$dir/$p"
        cp -r "$KIOSK_ROOT/data/content" "$KIOSK_ROOT/data/checklists" "$KIOSK_ROOT/data/sources.toml" \
            "$KIOSK_ROOT/media" "$dir/$p/"
        echo "# pack $p" >>"$dir/$p/content/id/pages/passport.toml"
        "$KIOSK" content sign --key "$dir/kantor.sign.secret" "$dir/$p" >/dev/null 2>&1
    done
    { cat "$KIOSK_ROOT/data/kiosk.toml"; printf '\n[content]\ntrusted_keys = ["%s"]\n' "$dir/kantor.sign.public"; } \
        >"$dir/kiosk.toml"
    for i in 1 2 3 4 5 6; do
        t0=$(date +%s%N)
        "$KIOSK" --config "$dir/kiosk.toml" --db "$dir/state/kiosk.db" content install \
            "$dir/$([ $((i % 2)) -eq 1 ] && echo a || echo b)" >/dev/null 2>&1 || return 1
        t1=$(date +%s%N)
        times+=($(((t1 - t0) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v bytes="$(du -sb "$dir/a" | cut -f1)" '
        { v[NR] = $1 } END { printf "{\"figure\": \"content_pack_install_ms\", \"runs\": %d, \"median\": %d, \"max\": %d, \"bytes\": %d, \"includes\": \"process start, signature, copy with SHA-256, fsync, checks, switch\"}\n", NR, v[int((NR + 1) / 2)], v[NR], bytes }'
}
pack_bench

# 3. Frame times on home, while dragging a long page, while typing on the keyboard, and while typing
#    companies' names in the search over 5,000 generated companies (a copy of data/ with that list).
mkdir -p "$WORK/listed" && cp -r "$KIOSK_ROOT/data" "$WORK/listed/data" && ln -s "$KIOSK_ROOT/media" "$WORK/listed/media"
"$BUILD/tests/registry_bench" --write "$WORK/listed/data/registry" 5000
"$KIOSK" --data "$WORK/listed/data" --db "$WORK/kiosk.db" --size "${W}x${H}" --bench-frames 300 2>/dev/null

# 4. and 5. The kiosk as started, left alone on the attract screen (where a kiosk spends most of its
#    day; its cards turn): CPU over 30 s. Then at rest on home: CPU over 10 s, then memory.
"$KIOSK" "${ARGS[@]}" --ui-map "$WORK/map.json" --report-taps >"$WORK/kiosk.out" 2>/dev/null &
KIOSK_PID=$!
for _ in $(seq 200); do [ -s "$WORK/map.json" ] && break; sleep 0.05; done
cpu_ns() { # CPU time of all the kiosk's threads, in nanoseconds
    local total=0 t
    for t in /proc/"$KIOSK_PID"/task/*/schedstat; do
        total=$((total + $(cut -d' ' -f1 "$t")))
    done
    echo "$total"
}
idle_cpu() { # FIGURE SECONDS: the kiosk's CPU while left alone, as a share of one core
    local screen before after t0 t1
    screen="$(grep -o '"screen": *"[^"]*"' "$WORK/map.json" | cut -d'"' -f4)"
    before=$(cpu_ns)
    t0=$EPOCHREALTIME
    sleep "$2"
    after=$(cpu_ns)
    t1=$EPOCHREALTIME
    awk -v f="$1" -v c=$((after - before)) -v a="$t0" -v b="$t1" -v s="$screen" 'BEGIN {
        printf "{\"figure\": \"%s\", \"screen\": \"%s\", \"seconds\": %.1f, \"value\": %.3f, \"target\": 0.3}\n",
            f, s, b - a, c / 1e9 / (b - a) * 100 }'
}
sleep 2 # start-up done (the database opened, the voice found)
idle_cpu idle_cpu_attract_percent_of_core 30
xdotool mousemove $((W / 2)) $((H / 2)) click 1 # wake from the attract screen to home
sleep 2
idle_cpu idle_cpu_percent_of_core 10
pss_kb=$(awk '/^Pss:/ { print $2 }' /proc/"$KIOSK_PID"/smaps_rollup)
rss_kb=$(awk '/^Rss:/ { print $2 }' /proc/"$KIOSK_PID"/smaps_rollup)
awk -v p="$pss_kb" -v r="$rss_kb" 'BEGIN {
    printf "{\"figure\": \"memory_after_startup_mib\", \"pss\": %.1f, \"rss\": %.1f, \"target_pss\": 80}\n", p / 1024, r / 1024 }'

# 6. A tap on the resting kiosk until the frame that answers it is shown: from the moment the
#    kiosk reads the press to the end of that frame (the kiosk measures; xdotool only taps).
screen_of() { grep -o '"screen": *"[^"]*"' "$WORK/map.json" | cut -d'"' -f4; }
centre_of() { # ID -> "X Y"
    tr -d '\n ' <"$WORK/map.json" | grep -o "{[^{}]*\"id\":\"$1\"[^{}]*}" |
        sed -E 's/.*"h":([0-9]+).*"w":([0-9]+).*"x":([0-9]+).*"y":([0-9]+).*/\3 \4 \2 \1/' |
        awk '{ printf "%d %d", $1 + $3 / 2, $2 + $4 / 2 }'
}
for round in 1 2 3 4 5; do
    for target in home.tile.passport:passport nav.home:home; do
        id="${target%%:*}" want="${target#*:}"
        pos=($(centre_of "$id"))
        sleep 0.5 # at rest again
        xdotool mousemove "${pos[0]}" "${pos[1]}" click 1
        for _ in $(seq 200); do [ "$(screen_of)" = "$want" ] && break; sleep 0.01; done
    done
done
# Memory once a resident has used larger text and listened to a page: the second font atlas and a
# reading in the voice's cache.
pos=($(centre_of home.tile.passport))
xdotool mousemove "${pos[0]}" "${pos[1]}" click 1
sleep 0.5
pos=($(centre_of header.text_size))
xdotool mousemove "${pos[0]}" "${pos[1]}" click 1
sleep 0.5
pos=($(centre_of voice.listen))
[ "${#pos[@]}" -eq 2 ] && xdotool mousemove "${pos[0]}" "${pos[1]}" click 1
sleep 2
pss_kb=$(awk '/^Pss:/ { print $2 }' /proc/"$KIOSK_PID"/smaps_rollup)
awk -v p="$pss_kb" -v v="${#pos[@]}" 'BEGIN {
    printf "{\"figure\": \"memory_large_text_and_reading_mib\", \"pss\": %.1f, \"listened\": %s}\n", p / 1024, v == 2 ? "true" : "false" }'
kill -TERM "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null
KIOSK_PID=""
grep tap_to_frame "$WORK/kiosk.out"

# 7. A Listen tap to the first sound handed to the sound device, every shipped page in Indonesian
#    and English, cold (synthesised on the tap) and cached (tapped again).
"$BUILD/tests/voice_bench" --data "$KIOSK_ROOT/data"

# 8. The office ledger: import into SQLite and PostgreSQL, again, the list of new requests, reports.
office_bench

#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer and UndefinedBehaviorSanitizer, and runs
# every test: the doctest suites (unit and headless UI, and the office ledger's on SQLite and on a
# private PostgreSQL 15 cluster that ctest's "office" test starts and stops itself), the tour at
# three sizes under Xvfb (its take-home QR codes decoded with zbarimg), the end-to-end test
# that clicks through the real window with xdotool, and the office desk in headless chromium
# (ctest runs its deployment and its HTTPS through nginx: deploy_office, desk_https). Exits
# non-zero on any failure.
# With --appliance, also the kiosk as an appliance in a QEMU virtual machine
# (scripts/appliance-test.sh, as root; about half an hour more on two cores).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

APPLIANCE=0
for arg in "$@"; do
    case "$arg" in
        --appliance) APPLIANCE=1 ;;
        *) say "test.sh: unknown option $arg (only --appliance)" && exit 2 ;;
    esac
done

ensure_packages "${KIOSK_BUILD_PACKAGES[@]}" "${OFFICE_BUILD_PACKAGES[@]}" "${KIOSK_TEST_PACKAGES[@]}" || exit 1
BUILD="$KIOSK_ROOT/build/asan"
mkdir -p "$BUILD"
# -O1 with line tables only: what the sanitizers need, at a third of -O2 -g's compile time
# (measured here: 14 s instead of 42 s for the heaviest screen), which keeps CI within its budget.
SANITIZER_FLAGS=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_SANITIZE=ON
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG")
build_t0=$SECONDS
build_kiosk "$BUILD" "${SANITIZER_FLAGS[@]}" || exit 1
say "== build: $((SECONDS - build_t0)) s"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Leaks inside the system's GL, X and font libraries are theirs, not ours.
export LSAN_OPTIONS="suppressions=$KIOSK_ROOT/tests/lsan.supp:print_suppressions=0"

passed=0
failed=0
step() {
    local name="$1" t0=$SECONDS
    shift
    say "== $name"
    if "$@"; then
        passed=$((passed + 1))
        say "== $name: passed in $((SECONDS - t0)) s"
    else
        failed=$((failed + 1))
        say "FAILED: $name (after $((SECONDS - t0)) s)"
    fi
}

step "unit and headless UI tests" ctest --test-dir "$BUILD" --output-on-failure

# Processes with a GL context: Mesa's driver is unloaded at exit, so its allocations reach
# LeakSanitizer without names and cannot be suppressed. Leak checks of our own code are the
# headless tests above, which run every screen without GL; address and UB checks stay on here.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1"

tour() {
    local dir="$BUILD/tour" listed="$BUILD/tour-list" size
    rm -rf "$dir" "$listed"
    # The company search with companies to find (the shipped list is empty): the test list of invented
    # names in a copy of data/.
    mkdir -p "$listed" && cp -r "$KIOSK_ROOT/data" "$listed/data" && ln -s "$KIOSK_ROOT/media" "$listed/media" &&
        cp "$KIOSK_ROOT"/tests/fixtures/registry/p3mi.* "$listed/data/registry/" || return 1
    for size in 1920x1080 1080x1920 1280x800; do
        xvfb-run -a -s "-screen 0 ${size}x24" \
            "$BUILD/kiosk/kiosk" --data "$KIOSK_ROOT/data" --tour "$dir" --size "$size" >/dev/null || return 1
        xvfb-run -a -s "-screen 0 ${size}x24" "$BUILD/kiosk/kiosk" --data "$listed/data" --tour "$dir/list" \
            --size "$size" --tour-only recruiter >/dev/null || return 1
    done
    "$BUILD/tests/tour_check" "$KIOSK_ROOT/data" "$dir" 1920x1080 1080x1920 1280x800 || return 1
    "$BUILD/tests/tour_check" "$listed/data" "$dir/list" --only recruiter 1920x1080 1080x1920 1280x800 || return 1
    # Every take-home QR code in the pictures, read with zbarimg, is exactly its button's text.
    "$BUILD/tests/takehome_check" "$KIOSK_ROOT/data" "$dir" 1920x1080 1080x1920 1280x800
}
step "tour of every screen, language and size; take-home QR codes decoded" tour

step "end to end: xdotool on the real window" "$KIOSK_ROOT/tests/e2e/e2e_xdotool.sh" "$BUILD/kiosk/kiosk"

# The office desk in Debian's chromium (headless, puppeteer-core from the committed lock file):
# login, upload, queue, request, follow-up, report, status, logout, and what a browser sees of its
# security. Screenshots in build/asan/e2e-desk/shots/. Exit 77: this build has no desk yet (said).
desk_browser() {
    "$KIOSK_ROOT/tests/e2e/desk/run.sh" "$BUILD"
    local rc=$?
    [ "$rc" -eq 77 ] && echo "SKIPPED: the desk's browser test (no desa-office serve in this build)" && return 0
    return "$rc"
}
step "the office desk in a browser (chromium headless)" desk_browser

step "content checker on the shipped data" "$BUILD/kiosk/kiosk" check-content "$KIOSK_ROOT/data"

# clang-format --dry-run --Werror on every tracked C++ file of kiosk/ and tests/, against the committed
# .clang-format; names the files that differ from it (scripts/format.sh formats them in place).
formatting() {
    local files report unformatted
    mapfile -t files < <(kiosk_cpp_files)
    [ ${#files[@]} -gt 0 ] || { echo "no tracked C++ files under kiosk/ or tests/: not a git checkout?"; return 1; }
    clang-format --version | grep -q ' version 14\.' || echo "not clang-format 14: $(clang-format --version)"
    report="$(cd "$KIOSK_ROOT" && clang-format --dry-run --Werror "${files[@]}" 2>&1)" && return 0
    unformatted="$(grep -oE '^[^ :]+:[0-9]+:[0-9]+: error: code should be clang-formatted' <<<"$report" |
        cut -d: -f1 | sort -u)"
    [ -n "$unformatted" ] || { echo "$report"; return 1; }
    echo "$(wc -l <<<"$unformatted") of ${#files[@]} files differ from .clang-format:"
    echo "$unformatted"
    return 1
}
step "formatting (clang-format)" formatting

# libFuzzer on the content parsers for 35 s, from the shipped files as seeds.
fuzz() {
    local dir="$KIOSK_ROOT/build/fuzz" corpus
    mkdir -p "$dir"
    CC=clang-14 CXX=clang++-14 build_kiosk "$dir" "${SANITIZER_FLAGS[@]}" -DKIOSK_FUZZ=ON \
        -DKIOSK_BUILD_TESTS=OFF --target fuzz_content || return 1
    corpus="$(mktemp -d)"
    # sources.toml and the registry's files as more seeds: a file named on the command line would be
    # run once, not fuzzed.
    cp "$KIOSK_ROOT/data/sources.toml" "$KIOSK_ROOT"/data/registry/p3mi.* "$corpus/"
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" "$dir/tests/fuzz/fuzz_content" -max_total_time=35 \
        -max_len=16384 -timeout=10 -dict="$KIOSK_ROOT/tests/fuzz/content.dict" -print_final_stats=1 \
        "$corpus" "$KIOSK_ROOT"/data/content/*/pages "$KIOSK_ROOT"/data/content/*/checklists \
        "$KIOSK_ROOT/data/checklists" 2>"$corpus.log"
    local rc=$?
    grep -E "^(stat::number_of_executed_units|Done|==)" "$corpus.log" | head -5
    [ "$rc" -ne 0 ] && tail -40 "$corpus.log"
    rm -rf "$corpus" "$corpus.log"
    return "$rc"
}
step "fuzzing the content parsers (35 s)" fuzz

# The appliance: a Release build installed by scripts/deploy/install.sh into a Debian 12 image,
# booted under QEMU, touched, unplugged and power-cut.
appliance() {
    build_kiosk "$KIOSK_ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_TESTS=OFF -DDESA_BUILD_OFFICE=OFF || return 1
    "$KIOSK_ROOT/scripts/appliance-test.sh" --build-dir "$KIOSK_ROOT/build/release"
}
[ "$APPLIANCE" = 1 ] && step "the kiosk as an appliance in QEMU (scripts/appliance-test.sh)" appliance

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

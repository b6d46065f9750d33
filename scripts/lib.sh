# Shared by run.sh, test.sh and bench.sh: the Debian packages the kiosk needs, installing what is
# missing, and building. Source it; do not run it.

KIOSK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# To build and run the kiosk. libopengl-dev: with it CMake links OpenGL through GLVND's libOpenGL on
# every machine (without it, through libGL), so a build made on one machine runs on a kiosk set up
# with this same list (install.sh --no-build).
KIOSK_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    libsfml-dev libimgui-dev libstb-dev libfreetype-dev libfontconfig-dev libgl-dev libopengl-dev libgl1-mesa-dri
    libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libqrencode-dev libsqlite3-dev libsodium-dev libcsv-dev
    fontconfig fonts-noto-core fonts-font-awesome
    libespeak-ng-dev espeak-ng-data libopenal-dev libxext-dev libsystemd-dev
)
# To build the office program as well (office/, CMake option DESA_BUILD_OFFICE, on by default): its
# PostgreSQL store, and the web desk (desa-office serve): cpp-httplib, ctemplate for its templates and
# HTML escaping. A kiosk is built without it (run.sh, install.sh) and never installs these.
OFFICE_BUILD_PACKAGES=(libpqxx-dev libcpp-httplib-dev libctemplate-dev)
# To test it without a screen (python3 for the layering check, zbar-tools to read the take-home QR
# codes in the tour's pictures), and to check its formatting. postgresql: the office tests start a private
# PostgreSQL 15 cluster of their own (tests/office/with_postgres.sh); libexpat1-dev: they parse the
# desk's SVG chart as XML. The office desk's deployment (tests/deploy_office_test.sh) and its HTTPS
# through Debian's nginx (tests/desk_https_test.sh) need nginx, openssl, curl, sqlite3 and the shell
# scripts' checker; its browser test (tests/e2e/desk/run.sh) Debian's chromium, driven headless (Node
# and npm come from Debian's nodejs and npm when the machine has no npm of its own).
KIOSK_TEST_PACKAGES=(doctest-dev xvfb xauth xdotool jq clang-14 libclang-rt-14-dev systemd clang-format python3
    zbar-tools postgresql libexpat1-dev nginx openssl curl sqlite3 shellcheck chromium)

# kiosk_cpp_files: the tracked C++ files of kiosk/, office/ and tests/, one a line, relative to KIOSK_ROOT: what
# clang-format checks (test.sh) and formats (format.sh).
kiosk_cpp_files() {
    git -C "$KIOSK_ROOT" ls-files -- 'kiosk/*.cpp' 'kiosk/*.hpp' 'kiosk/*.h' 'office/*.cpp' 'office/*.hpp' \
        'tests/*.cpp' 'tests/*.hpp' 'tests/*.h'
}

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }

# ensure_packages PKG...: installs the missing ones with apt-get when root; otherwise prints the
# exact command to run and fails.
ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        say "These Debian packages are missing. Install them, then run this again:"
        echo "sudo apt-get install -y ${missing[*]}"
        return 1
    fi
    say "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q --no-install-recommends "${missing[@]}"; then
        apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

# build_kiosk DIR [CMAKE ARGS...] [--target T]: configures and builds into DIR. Configuring every
# time (a second with a cache) means the arguments given always win over a cache from older ones.
# KIOSK_JOBS compiles that many files at once (default 2).
build_kiosk() {
    local dir="$1" args=() target=()
    shift
    while [ $# -gt 0 ]; do
        if [ "$1" = "--target" ]; then
            target=(--target "$2")
            shift 2
        else
            args+=("$1")
            shift
        fi
    done
    mkdir -p "$dir"
    cmake -S "$KIOSK_ROOT" -B "$dir" -G Ninja "${args[@]}" >"$dir.configure.log" 2>&1 || {
        cat "$dir.configure.log" >&2
        return 1
    }
    cmake --build "$dir" -j "${KIOSK_JOBS:-2}" "${target[@]}"
}

# start_xvfb WxH DIR: starts an X server of that size on the first free display, exports DISPLAY
# and sets XVFB_PID. DIR is a scratch folder for its log.
start_xvfb() {
    local size="$1" dir="$2" _
    exec 3>"$dir/display"
    Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp >"$dir/xvfb.log" 2>&1 &
    XVFB_PID=$!
    exec 3>&-
    for _ in $(seq 100); do [ -s "$dir/display" ] && break; sleep 0.05; done
    [ -s "$dir/display" ] || { cat "$dir/xvfb.log" >&2; return 1; }
    export DISPLAY=":$(cat "$dir/display")"
}

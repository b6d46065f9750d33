#!/usr/bin/env bash
# The kiosk as an appliance, in a virtual machine: a Debian 12 disk image made with debootstrap,
# the kiosk installed into it by scripts/deploy/install.sh itself (run in a chroot), a PIN and an
# office key set as a technician sets them, then booted under QEMU with a virtual screen, a USB
# controller, a USB tablet for touch and no network, and driven over QMP (screendumps, touches, a
# USB stick plugged in and pulled out, power cuts) and a root shell on the serial console
# (scripts/appliance/drive.py). Each step prints one line "ok: …" or "FAIL: …" with its figures.
#
# Slow (software emulation: the boot alone takes minutes), so scripts/test.sh runs it only with
# --appliance. Needs root (debootstrap, chroot) and Debian's mirror the first time; the cache folder
# keeps the Debian base system and the downloaded packages for the next runs.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CACHE="$KIOSK_ROOT/build/appliance-cache"
OUT=""
PREBUILT=""
MIRROR="http://deb.debian.org/debian"
FRESH=0
STEPS="boot,request,watchdog,usb,powercut,dpms"
CUTS="save,export,pack"
PIN_CODE=135790

usage() {
    cat <<EOF
Usage: scripts/appliance-test.sh [OPTIONS]     (as root)

Builds a Debian 12 disk image with the kiosk installed by scripts/deploy/install.sh, boots it
under QEMU (software emulation, one processor) and checks it as a village hall would use it.

Options:
  --cache DIR       keeps the Debian base system, the downloaded packages and the installed
                    system for later runs (default: build/appliance-cache)
  --out DIR         screendumps, serial console log and figures (default: CACHE/out)
  --build-dir DIR   install this Release build of the kiosk (made on a Debian 12 machine with
                    the same packages) instead of letting install.sh build it in the image
  --fresh           start again from the Debian base system instead of upgrading the installed
                    system kept in the cache (install.sh runs in both cases)
  --steps LIST      comma-separated, of: $STEPS (default: all)
  --cuts LIST       the power cuts of the powercut step, of: $CUTS (default: all)
  --mirror URL      Debian mirror for debootstrap (default: $MIRROR)
  -h, --help        this text
EOF
}

while [ $# -gt 0 ]; do
    case "$1" in
        --cache) CACHE="$2" && shift 2 ;;
        --out) OUT="$2" && shift 2 ;;
        --build-dir) PREBUILT="$(cd "$2" && pwd)" && shift 2 ;;
        --fresh) FRESH=1 && shift ;;
        --steps) STEPS="$2" && shift 2 ;;
        --cuts) CUTS="$2" && shift 2 ;;
        --mirror) MIRROR="$2" && shift 2 ;;
        -h | --help) usage && exit 0 ;;
        *) say "appliance-test.sh: unknown option $1 (see --help)" && exit 2 ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { say "appliance-test.sh: run as root (debootstrap and chroot need it)"; exit 1; }
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"
OUT="${OUT:-$CACHE/out}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

# The host's tools: QEMU, debootstrap, the FAT stick's (mkfs.vfat, mtools), ext4's (mkfs.ext4 -d
# makes the disk image from a folder: no loop mount), python3 for QMP and the serial console, Xvfb
# for the host's own picture of the attract screen.
ensure_packages qemu-system-x86 debootstrap mtools dosfstools e2fsprogs python3 xvfb xauth

BASE="$CACHE/base"      # debootstrap's Debian 12, never changed after it is made
ROOT="$CACHE/root"      # the base with the kiosk installed
ARCHIVES="$CACHE/archives" # apt's downloaded packages, kept between runs
DISK="$CACHE/disk.img"
KEYS="$CACHE/keys"      # the office's key pair: the public half goes into the image
MOUNTS=()

cleanup() {
    local m i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        m="${MOUNTS[i]}"
        umount -l "$m" 2>/dev/null || true
    done
}
trap cleanup EXIT

# The minimal Debian 12 with systemd and a kernel; what install.sh adds comes from its own lists.
make_base() {
    [ -e "$BASE/.complete" ] && return 0
    say "Making the Debian 12 base system with debootstrap (a few minutes, from $MIRROR)"
    rm -rf "$BASE.tmp"
    debootstrap --variant=minbase \
        --include=systemd,systemd-sysv,udev,dbus,linux-image-amd64,procps,kmod,ca-certificates \
        bookworm "$BASE.tmp" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 ||
        { tail -20 "$CACHE/debootstrap.log"; return 1; }
    touch "$BASE.tmp/.complete"
    mv "$BASE.tmp" "$BASE"
}

chroot_mount() {
    mount -t proc proc "$ROOT/proc" && MOUNTS+=("$ROOT/proc")
    mount -t sysfs sys "$ROOT/sys" && MOUNTS+=("$ROOT/sys")
    mount --bind /dev "$ROOT/dev" && MOUNTS+=("$ROOT/dev")
    mount --bind /dev/pts "$ROOT/dev/pts" && MOUNTS+=("$ROOT/dev/pts")
    mkdir -p "$ARCHIVES/partial"
    mount --bind "$ARCHIVES" "$ROOT/var/cache/apt/archives" && MOUNTS+=("$ROOT/var/cache/apt/archives")
}

chroot_umount() {
    cleanup
    MOUNTS=()
}

# The machine around the kiosk, as a technician's fresh Debian would have it, plus what the test
# needs to reach inside: a root shell on the serial console (the test's own, not the kiosk's).
prepare_system() {
    echo kiosk-vm >"$ROOT/etc/hostname"
    printf '/dev/vda / ext4 rw,errors=remount-ro 0 1\n' >"$ROOT/etc/fstab"
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
    # No daemon starts inside the chroot while packages are installed.
    printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
    chmod 0755 "$ROOT/usr/sbin/policy-rc.d"
    mkdir -p "$ROOT/etc/systemd/system/serial-getty@ttyS0.service.d"
    cat >"$ROOT/etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf" <<'EOF'
[Service]
ExecStart=
ExecStart=-/sbin/agetty --autologin root --noclear --keep-baud 115200,57600,38400,9600 %I $TERM
EOF
}

# The repository goes into the image as the technician brings it. With --build-dir, at the same
# path as on this machine, because the build's install script names its files by full path.
install_kiosk() {
    local repo=/root/desa-kiosk
    local args=(--office-key /root/kunci/kantor.public --content-key /root/kunci/kantor.sign.public --no-pin)
    [ -n "$PREBUILT" ] && repo="$KIOSK_ROOT"
    rm -rf "${ROOT:?}$repo"
    mkdir -p "$ROOT$repo" "$ROOT/root/kunci"
    git -C "$KIOSK_ROOT" ls-files -z | (cd "$KIOSK_ROOT" && xargs -0 cp --parents -t "$ROOT$repo")
    if [ -n "$PREBUILT" ]; then
        mkdir -p "$ROOT$PREBUILT"
        cp -a "$PREBUILT/." "$ROOT$PREBUILT/"
        args+=(--build-dir "$PREBUILT" --no-build)
    fi
    mkdir -p "$KEYS"
    [ -f "$KEYS/kantor.public" ] || "$host_kiosk" keygen --out "$KEYS/kantor" >>"$KEYS/keygen.log" 2>&1
    [ -f "$KEYS/kantor.sign.public" ] ||
        "$host_kiosk" content keygen --out "$KEYS/kantor" >>"$KEYS/keygen.log" 2>&1
    cp "$KEYS/kantor.public" "$KEYS/kantor.sign.public" "$ROOT/root/kunci/"
    say "Running scripts/deploy/install.sh ${args[*]} in the image"
    chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        bash "$repo/scripts/deploy/install.sh" "${args[@]}" </dev/null >"$OUT/install.log" 2>&1 ||
        { tail -30 "$OUT/install.log"; return 1; }
    # The test's own tool in the image: xdotool tells where the X server has the pointer, so that a
    # touch presses only once the finger's move has arrived (see Vm.rest in drive.py).
    chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends xdotool >>"$OUT/install.log" 2>&1 ||
        { tail -10 "$OUT/install.log"; return 1; }
    # The PIN, typed twice as the technician would, with the command install.sh names for it.
    printf '%s\n%s\n' "$PIN_CODE" "$PIN_CODE" |
        chroot "$ROOT" runuser -u kiosk -- /opt/desa-kiosk/bin/kiosk --config /etc/desa-kiosk/kiosk.toml set-pin \
            >>"$OUT/install.log" 2>&1 || { tail -5 "$OUT/install.log"; return 1; }
    # The test reads the kiosk's UI map to find where to touch (the root shell on the serial line
    # prints it); options for the kiosk go through the unit's environment, like a technician's
    # drop-in would.
    mkdir -p "$ROOT/etc/systemd/system/desa-kiosk.service.d"
    printf '[Service]\nEnvironment="KIOSK_OPTIONS=--ui-map /run/desa-kiosk/ui-map.json"\n' \
        >"$ROOT/etc/systemd/system/desa-kiosk.service.d/appliance-test.conf"
}

make_root() {
    if [ "$FRESH" = 1 ] || [ ! -e "$ROOT/.complete" ]; then
        say "Copying the base system"
        rm -rf "$ROOT"
        cp -a "$BASE" "$ROOT"
        rm -f "$ROOT/.complete"
    fi
    prepare_system
    chroot_mount
    install_kiosk
    chroot_umount
    rm -f "$ROOT/usr/sbin/policy-rc.d"
    touch "$ROOT/.complete"
}

# The disk: ext4 made from the folder by mkfs.ext4 -d (no loop mount needed), sparse.
make_disk() {
    say "Making the disk image"
    rm -f "$DISK"
    mkfs.ext4 -q -F -L kiosk -d "$ROOT" "$DISK" 8G
}

# A kiosk program on this machine makes the office's keys, opens the batches taken off the stick and
# draws the attract screen to compare with the virtual screen's.
host_kiosk="${PREBUILT:-$KIOSK_ROOT/build/release}/kiosk/kiosk"
[ -x "$host_kiosk" ] || host_kiosk="$KIOSK_ROOT/build/dev/kiosk/kiosk"
[ -x "$host_kiosk" ] || { say "appliance-test.sh: no kiosk built on this machine (build/release or build/dev; see --build-dir)"; exit 1; }

t0=$SECONDS
make_base
make_root
make_disk
say "== image ready in $((SECONDS - t0)) s"

kernel="$(find "$ROOT/boot" -name 'vmlinuz-*' | sort | tail -1)"
initrd="$(find "$ROOT/boot" -name 'initrd.img-*' | sort | tail -1)"
# The attract screen as this machine's kiosk draws it: the colours the virtual screen must show.
rm -rf "$OUT/reference"
xvfb-run -a -s "-screen 0 1280x800x24" "$host_kiosk" --data "$KIOSK_ROOT/data" --tour "$OUT/reference" \
    --size 1280x800 --tour-only attract >"$OUT/reference.log" 2>&1 || { cat "$OUT/reference.log"; exit 1; }
python3 "$KIOSK_ROOT/scripts/appliance/drive.py" --disk "$DISK" --kernel "$kernel" --initrd "$initrd" \
    --attract-reference "$OUT/reference/attract-id-1280x800.png" --out "$OUT" --host-kiosk "$host_kiosk" --office-secret "$KEYS/kantor.secret" --pin "$PIN_CODE" \
    --content-secret "$KEYS/kantor.sign.secret" --data "$KIOSK_ROOT/data" \
    --steps "$STEPS" --cut-kinds "$CUTS"

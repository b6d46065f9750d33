// USB sticks as the mounts show them: parsing mountinfo, which mounts count as sticks, their sizes
// for an officer, and what changed between two scans. services/usb_probe reads the machine.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// One line of /proc/<pid>/mountinfo (proc(5)).
struct MountEntry {
    unsigned major = 0, minor = 0; // st_dev of the mounted filesystem, from field 3 "MAJ:MIN"
    std::string root;       // field 4: the folder of the filesystem that is mounted ("/" unless a bind)
    std::string mountPoint; // field 5, unescaped
    bool readOnly = false;  // "ro" in the per-mount options (field 6)
    std::string fsType;     // after the " - " separator
    std::string source;     // mount source after fstype, unescaped ("/dev/sdb1")
    std::string superOptions;
};

// Parses /proc/<pid>/mountinfo text: the kernel's octal escapes (\040 space, \011 tab, \012 newline,
// \134 backslash) are undone; optional fields (shared:N master:N ...) up to the "-" separator are
// skipped; a malformed line is skipped, never thrown.
[[nodiscard]] std::vector<MountEntry> parseMountinfo(std::string_view text);

struct Stick {
    std::filesystem::path mountPoint;
    std::string label;     // the mount point's last component (udisks names it after the label); raw bytes
    std::string device;    // source, "/dev/sdb1"
    bool readOnly = false; // mounted read-only, or its filesystem was (vfat/exfat turn read-only on errors)
    std::uint64_t freeBytes = 0, totalBytes = 0; // free for an unprivileged user, and the whole size
    bool operator==(const Stick&) const = default;
};

// Whether `mountPoint` lies inside one of `roots`, by whole path components: /media/kiosk/X is
// inside /media, /mediafoo/X and /media itself are not. A root may end in "/" or hold ".."; a
// relative root matches nothing.
[[nodiscard]] bool insideMountRoots(const std::filesystem::path& mountPoint,
                                    const std::vector<std::filesystem::path>& roots);

// Whether a device's sysfs path (the part below /sys) goes through a USB bus: a component "usbN",
// the root hub of a USB controller ("usbmon" is not one).
[[nodiscard]] bool throughUsbBus(const std::filesystem::path& sysfsDevice);

// The stick of a mount that counts as one: labelled by its mount point, read-only when the mount
// or its filesystem is (errors=remount-ro turns the filesystem read-only while the mount still
// says rw).
[[nodiscard]] Stick stickOf(const MountEntry& mount, std::uint64_t freeBytes, std::uint64_t totalBytes);

// A size an officer reads at a glance, in decimal units as printed on sticks and shops' boxes
// (1 GB = 1,000,000,000 bytes), always rounded down so the kiosk never promises room that is not
// there: "95 MB" under 0.1 GB (whole megabytes, "0 MB" for less than one), "0.3 GB" and "7.2 GB"
// (one decimal) up to 999.9 GB, then "1.5 TB". `decimalMark` is '.' or, for Indonesian, ','.
[[nodiscard]] std::string formatBytes(std::uint64_t bytes, char decimalMark = '.');

// What changed between two scans: sticks that appeared and sticks that went. A stick is known by its
// mount point and device together, so another stick mounted under the same label between two scans
// counts as one gone and one appeared. Each list keeps the order of the scan it comes from.
struct StickChanges {
    std::vector<Stick> appeared;
    std::vector<Stick> gone;
};
[[nodiscard]] StickChanges diffSticks(const std::vector<Stick>& before, const std::vector<Stick>& after);

} // namespace kiosk

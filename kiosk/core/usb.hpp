// Finding the USB sticks the machine has mounted (for officer exports), from /proc/self/mountinfo and sysfs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

// Free and total bytes of a mounted folder, by statvfs: f_bavail * f_frsize (what an unprivileged
// user may still write) and f_blocks * f_frsize. Nothing if statvfs fails.
[[nodiscard]] std::optional<std::pair<std::uint64_t, std::uint64_t>>
diskSpace(const std::filesystem::path& folder);

// Where findSticks looks. Every path can point into a test's temp folder.
struct UsbProbe {
    std::filesystem::path mountinfo = "/proc/self/mountinfo";
    std::filesystem::path sysDevBlock = "/sys/dev/block"; // MAJ:MIN -> symlink into /sys/devices/...
    std::vector<std::filesystem::path> roots{"/media", "/run/media"};
    // Free and total bytes of a mounted folder; diskSpace unless a test replaces it (empty: diskSpace).
    std::function<std::optional<std::pair<std::uint64_t, std::uint64_t>>(const std::filesystem::path&)>
        space = diskSpace;
};

// Sticks mounted now, sorted by mount point: mounts whose mount point lies inside one of the roots
// (by path components: /mediafoo is not inside /media) and whose device is removable, meaning
// /sys/dev/block/MAJ:MIN/removable is "1", or for a partition its parent disk's removable is "1", or
// the resolved sysfs device path goes through a USB bus ("usbN" component; USB SSDs report
// removable 0). A mount whose sysfs entry is missing is not a stick; one whose space cannot be read
// is left out too (it is usually being pulled out, or the kiosk may not enter it). Never throws.
// A few small reads per mount, but the first statvfs of a large FAT32 stick may read its whole
// allocation table: call it away from the frame loop (once a second is fine).
[[nodiscard]] std::vector<Stick> findSticks(const UsbProbe& probe);

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

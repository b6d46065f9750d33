// Finding the USB sticks the machine has mounted (for officer exports), from /proc/self/mountinfo,
// sysfs and statvfs.
#pragma once

#include "core/usb.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace kiosk {

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

} // namespace kiosk

// Finding mounted USB sticks on this machine: mountinfo read, sysfs asked which devices are
// removable, statvfs for their sizes.
#include "services/usb_probe.hpp"

#include <sys/statvfs.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

namespace kiosk {
namespace {

namespace fs = std::filesystem;

// "1" (with its newline) in a sysfs attribute file; a missing or unreadable file is "no".
bool flagIsSet(const fs::path& file)
{
    std::ifstream in(file);
    std::string value;
    return in >> value && value == "1";
}

bool isRemovable(const fs::path& sysDevBlock, unsigned major, unsigned minor)
{
    if (major == 0) // anonymous devices: tmpfs, proc, overlay, btrfs subvolumes; never in sysfs
        return false;
    std::error_code ec;
    const fs::path device =
        fs::canonical(sysDevBlock / (std::to_string(major) + ":" + std::to_string(minor)), ec);
    if (ec)
        return false;
    if (flagIsSet(device / "removable"))
        return true;
    // Partitions have no "removable" of their own; their folder sits inside the disk's.
    if (fs::exists(device / "partition", ec) && flagIsSet(device.parent_path() / "removable"))
        return true;
    // Only the part below the sysfs root counts, so a test's temp folder can never look like a bus.
    const fs::path sysRoot = fs::canonical(sysDevBlock, ec).parent_path().parent_path();
    fs::path below = ec ? device : device.lexically_relative(sysRoot);
    if (below.empty() || *below.begin() == "..")
        below = device;
    return throughUsbBus(below);
}

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

std::optional<std::pair<std::uint64_t, std::uint64_t>> diskSpace(const std::filesystem::path& folder)
{
    struct statvfs st {};
    if (::statvfs(folder.c_str(), &st) != 0)
        return std::nullopt;
    const std::uint64_t unit = st.f_frsize ? st.f_frsize : st.f_bsize;
    return std::pair{static_cast<std::uint64_t>(st.f_bavail) * unit,
                     static_cast<std::uint64_t>(st.f_blocks) * unit};
}

std::vector<Stick> findSticks(const UsbProbe& probe)
{
    std::vector<Stick> sticks;
    // Everything below uses error codes; this catch is for what cannot: running out of memory, or
    // a space function (a test's) that throws. No stick is then the honest answer.
    try {
        // The file is read in one go: mounts that change while it is read show up in the next scan.
        for (const MountEntry& m : parseMountinfo(readAll(probe.mountinfo))) {
            const fs::path mountPoint(m.mountPoint);
            if (!insideMountRoots(mountPoint, probe.roots))
                continue;
            if (!isRemovable(probe.sysDevBlock, m.major, m.minor))
                continue;
            const auto space = probe.space ? probe.space(mountPoint) : diskSpace(mountPoint);
            if (!space)
                continue;
            sticks.push_back(stickOf(m, space->first, space->second));
        }
    } catch (const std::exception&) {
        return {};
    }
    std::sort(sticks.begin(), sticks.end(),
              [](const Stick& a, const Stick& b) { return a.mountPoint < b.mountPoint; });
    return sticks;
}

} // namespace kiosk

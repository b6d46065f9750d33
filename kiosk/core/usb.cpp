// Finding mounted USB sticks: parsing mountinfo, asking sysfs which devices are removable, sizes.
#include "core/usb.hpp"

#include <sys/statvfs.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>

namespace kiosk {
namespace {

namespace fs = std::filesystem;

// Splits on every `sep`, keeping empty pieces: the kernel writes single spaces, so two in a row
// mean an empty field (a mount whose source is ""), which must not shift the fields after it.
std::vector<std::string_view> split(std::string_view text, char sep)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(sep, start);
        parts.push_back(
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos)
            return parts;
        start = end + 1;
    }
}

bool isDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool parseUnsigned(std::string_view s, unsigned& out)
{
    if (!isDigits(s))
        return false;
    const auto [end, err] = std::from_chars(s.data(), s.data() + s.size(), out);
    return err == std::errc() && end == s.data() + s.size();
}

// The kernel writes space, tab, newline and backslash in paths as \ and three octal digits.
// A backslash not followed by such an escape is kept as it is.
std::string unescape(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' &&
            s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7') {
            out += static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
            i += 3;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool hasOption(std::string_view options, std::string_view option)
{
    for (std::string_view o : split(options, ','))
        if (o == option)
            return true;
    return false;
}

std::optional<MountEntry> parseLine(std::string_view line)
{
    const auto f = split(line, ' ');
    // id, parent id, MAJ:MIN, root, mount point, options, [optional fields...], "-", fstype, source,
    // super options.
    if (f.size() < 10 || !isDigits(f[0]) || !isDigits(f[1]))
        return std::nullopt;
    MountEntry e;
    const std::size_t colon = f[2].find(':');
    if (colon == std::string_view::npos || !parseUnsigned(f[2].substr(0, colon), e.major) ||
        !parseUnsigned(f[2].substr(colon + 1), e.minor))
        return std::nullopt;
    if (f[3].empty() || f[4].empty() || f[4].front() != '/' || f[5].empty())
        return std::nullopt;
    // Optional fields are "tag[:value]", never empty and never "-"; the first "-" ends them.
    std::size_t sep = 6;
    while (sep < f.size() && f[sep] != "-") {
        if (f[sep].empty())
            return std::nullopt;
        ++sep;
    }
    // Three fields follow the separator (fstype, source, super options). proc(5) foresees new
    // fields only among the optional ones, so anything after the super options is ignored, not refused.
    if (sep + 3 >= f.size() || f[sep + 1].empty())
        return std::nullopt;
    e.root = unescape(f[3]);
    e.mountPoint = unescape(f[4]);
    e.readOnly = hasOption(f[5], "ro");
    e.fsType = std::string(f[sep + 1]);
    e.source = unescape(f[sep + 2]);
    e.superOptions = std::string(f[sep + 3]);
    return e;
}

// "1" (with its newline) in a sysfs attribute file; a missing or unreadable file is "no".
bool flagIsSet(const fs::path& file)
{
    std::ifstream in(file);
    std::string value;
    return in >> value && value == "1";
}

// The root hubs of USB controllers are "usb1", "usb2", ... in /sys/devices paths.
bool isUsbBus(const std::string& component)
{
    return component.size() > 3 && component.compare(0, 3, "usb") == 0 &&
           isDigits(std::string_view(component).substr(3));
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
    return std::any_of(below.begin(), below.end(), [](const fs::path& c) { return isUsbBus(c.string()); });
}

// Without "." and "..", and without a trailing separator ("/media/" is "/media").
fs::path tidy(const fs::path& p)
{
    fs::path n = p.lexically_normal();
    if (!n.has_filename() && n.has_relative_path())
        n = n.parent_path();
    return n;
}

// By whole components: /media/kiosk/X is inside /media, /mediafoo/X and /media itself are not.
bool isInside(const fs::path& folder, const fs::path& root)
{
    if (!root.is_absolute())
        return false;
    auto f = folder.begin();
    for (const fs::path& component : root) {
        if (f == folder.end() || *f != component)
            return false;
        ++f;
    }
    return f != folder.end();
}

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

std::vector<MountEntry> parseMountinfo(std::string_view text)
{
    std::vector<MountEntry> entries;
    for (std::string_view line : split(text, '\n'))
        if (auto e = parseLine(line))
            entries.push_back(std::move(*e));
    return entries;
}

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
        std::vector<fs::path> roots;
        for (const fs::path& r : probe.roots)
            roots.push_back(tidy(r));
        // The file is read in one go: mounts that change while it is read show up in the next scan.
        for (const MountEntry& m : parseMountinfo(readAll(probe.mountinfo))) {
            const fs::path mountPoint(m.mountPoint);
            if (std::none_of(roots.begin(), roots.end(),
                             [&](const fs::path& r) { return isInside(mountPoint, r); }))
                continue;
            if (!isRemovable(probe.sysDevBlock, m.major, m.minor))
                continue;
            const auto space = probe.space ? probe.space(mountPoint) : diskSpace(mountPoint);
            if (!space)
                continue;
            Stick s;
            s.mountPoint = mountPoint;
            s.label = mountPoint.filename().string();
            s.device = m.source;
            // errors=remount-ro turns the filesystem read-only while the mount itself still says rw.
            s.readOnly = m.readOnly || hasOption(m.superOptions, "ro");
            s.freeBytes = space->first;
            s.totalBytes = space->second;
            sticks.push_back(std::move(s));
        }
    } catch (const std::exception&) {
        return {};
    }
    std::sort(sticks.begin(), sticks.end(),
              [](const Stick& a, const Stick& b) { return a.mountPoint < b.mountPoint; });
    return sticks;
}

std::string formatBytes(std::uint64_t bytes, char decimalMark)
{
    constexpr std::uint64_t kMB = 1'000'000, kGB = 1'000 * kMB, kTB = 1'000 * kGB;
    // Rounded down to a tenth of `unit`, so 7.29 GB free reads "7.2 GB", never more than there is.
    const auto tenths = [&](std::uint64_t unit, const char* name) {
        const std::uint64_t t = bytes / (unit / 10);
        return std::to_string(t / 10) + decimalMark + std::to_string(t % 10) + " " + name;
    };
    if (bytes < kGB / 10)
        return std::to_string(bytes / kMB) + " MB";
    if (bytes < kTB)
        return tenths(kGB, "GB");
    return tenths(kTB, "TB");
}

StickChanges diffSticks(const std::vector<Stick>& before, const std::vector<Stick>& after)
{
    const auto same = [](const Stick& a, const Stick& b) {
        return a.mountPoint == b.mountPoint && a.device == b.device;
    };
    const auto in = [&](const std::vector<Stick>& list, const Stick& s) {
        return std::any_of(list.begin(), list.end(), [&](const Stick& o) { return same(o, s); });
    };
    StickChanges changes;
    for (const Stick& s : after)
        if (!in(before, s))
            changes.appeared.push_back(s);
    for (const Stick& s : before)
        if (!in(after, s))
            changes.gone.push_back(s);
    return changes;
}

} // namespace kiosk

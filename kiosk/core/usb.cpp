// USB sticks in the mount table: parsing mountinfo, mount roots, USB buses, sizes, changes.
#include "core/usb.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

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

// The root hubs of USB controllers are "usb1", "usb2", ... in /sys/devices paths.
bool isUsbBus(const std::string& component)
{
    return component.size() > 3 && component.compare(0, 3, "usb") == 0 &&
           isDigits(std::string_view(component).substr(3));
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

} // namespace

std::vector<MountEntry> parseMountinfo(std::string_view text)
{
    std::vector<MountEntry> entries;
    for (std::string_view line : split(text, '\n'))
        if (auto e = parseLine(line))
            entries.push_back(std::move(*e));
    return entries;
}

bool insideMountRoots(const std::filesystem::path& mountPoint,
                      const std::vector<std::filesystem::path>& roots)
{
    return std::any_of(roots.begin(), roots.end(),
                       [&](const fs::path& r) { return isInside(mountPoint, tidy(r)); });
}

bool throughUsbBus(const std::filesystem::path& sysfsDevice)
{
    return std::any_of(sysfsDevice.begin(), sysfsDevice.end(),
                       [](const fs::path& c) { return isUsbBus(c.string()); });
}

Stick stickOf(const MountEntry& mount, std::uint64_t freeBytes, std::uint64_t totalBytes)
{
    Stick s;
    s.mountPoint = mount.mountPoint;
    s.label = s.mountPoint.filename().string();
    s.device = mount.source;
    // errors=remount-ro turns the filesystem read-only while the mount itself still says rw.
    s.readOnly = mount.readOnly || hasOption(mount.superOptions, "ro");
    s.freeBytes = freeBytes;
    s.totalBytes = totalBytes;
    return s;
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

// Finding USB sticks: mountinfo parsing, removable devices in a fake sysfs, mount roots, sizes, changes.
#include "core/usb.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <map>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const std::string& name)
{
    return fs::path(KIOSK_SOURCE_DIR) / "tests" / "fixtures" / "usb" / name;
}

// A /sys made of folders, "removable" and "partition" files and the /sys/dev/block symlinks, the
// way the kernel lays them out (a partition's folder sits inside its disk's).
class FakeSysfs {
public:
    explicit FakeSysfs(const fs::path& root) : m_root(root) { fs::create_directories(devBlock()); }
    [[nodiscard]] fs::path devBlock() const { return m_root / "dev" / "block"; }

    // `disk` is the disk's folder below /sys/devices; `partition` empty for a whole-disk device.
    void add(const std::string& majMin, const std::string& disk, const char* removable,
             const std::string& partition = "") const
    {
        const fs::path diskDir = m_root / "devices" / disk;
        fs::create_directories(diskDir);
        std::ofstream(diskDir / "removable") << removable << "\n";
        std::string target = "../../devices/" + disk;
        if (!partition.empty()) {
            fs::create_directories(diskDir / partition);
            std::ofstream(diskDir / partition / "partition") << "1\n";
            target += "/" + partition;
        }
        fs::create_directory_symlink(target, devBlock() / majMin);
    }

private:
    fs::path m_root;
};

constexpr const char* kXhci = "pci0000:00/0000:00:14.0";

// The devices of the fixture files (see tests/fixtures/usb/README.md).
void addDebian12Devices(const FakeSysfs& sys)
{
    const std::string usb2 = std::string(kXhci) + "/usb2/";
    const auto scsi = [](int host) {
        const std::string h = std::to_string(host);
        return "/host" + h + "/target" + h + ":0:0/" + h + ":0:0:0/block/";
    };
    const std::string nvme = "pci0000:00/0000:00:1d.0/0000:3d:00.0/nvme/nvme0/nvme0n1";
    sys.add("259:1", nvme, "0", "nvme0n1p1");
    sys.add("259:2", nvme, "0", "nvme0n1p2");
    sys.add("8:1", "pci0000:00/0000:00:17.0/ata1" + scsi(0) + "sda", "0", "sda1");
    sys.add("8:17", usb2 + "2-1/2-1:1.0" + scsi(6) + "sdb", "1", "sdb1");
    sys.add("8:33", usb2 + "2-2/2-2:1.0" + scsi(7) + "sdc", "1", "sdc1");
    sys.add("8:48", std::string(kXhci) + "/usb1/1-3/1-3:1.0" + scsi(8) + "sdd", "1");
    sys.add("8:65", usb2 + "2-3/2-3:1.0" + scsi(9) + "sde", "1", "sde1");
    sys.add("8:81", std::string(kXhci) + "/usb4/4-1/4-1:1.0" + scsi(10) + "sdf", "0", "sdf1");
    sys.add("8:97", usb2 + "2-4/2-4:1.0" + scsi(11) + "sdg", "1", "sdg1");
    sys.add("8:113", usb2 + "2-5/2-5:1.0" + scsi(12) + "sdh", "1", "sdh1");
    sys.add("8:129", usb2 + "2-6/2-6:1.0" + scsi(13) + "sdi", "1", "sdi1");
    sys.add("8:177", usb2 + "2-7/2-7:1.0" + scsi(14) + "sdl", "1", "sdl1");
    // 8:161 (HILANG) has no entry at all.
}

// Sizes by mount point; a folder not listed has no size (as if statvfs failed).
using Sizes = std::map<fs::path, std::pair<std::uint64_t, std::uint64_t>>;
std::function<std::optional<std::pair<std::uint64_t, std::uint64_t>>(const fs::path&)> sizes(Sizes table)
{
    return [table = std::move(table)](
               const fs::path& p) -> std::optional<std::pair<std::uint64_t, std::uint64_t>> {
        const auto it = table.find(p);
        if (it == table.end())
            return std::nullopt;
        return it->second;
    };
}

// Every folder the fixture mounts, 1 GB free of 2 GB, KANTOR IMIGRASI with its own figures.
Sizes debian12Sizes()
{
    Sizes s;
    for (const char* p : {"/media/kiosk/ARSIP", "/media/kiosk/DATA\\RT\t05", "/media/kiosk/LAPORAN",
                          "/media/kiosk/SSD-KANTOR", "/run/media/kiosk/DESA", "/media/kiosk/BALAI DESA",
                          "/media/kiosk/DATA-SATA", "/media/arsip-kantor", "/mediafoo/kiosk/LAIN",
                          "/media/kiosk/HILANG", "/boot/efi", "/", "/run", "/media/kiosk/TERPOTONG"})
        s[p] = {1'000'000'000, 2'000'000'000};
    s["/media/kiosk/KANTOR IMIGRASI"] = {7'234'567'890, 15'518'924'800};
    return s;
}

std::vector<std::string> mountPoints(const std::vector<Stick>& sticks)
{
    std::vector<std::string> out;
    for (const Stick& s : sticks)
        out.push_back(s.mountPoint.string());
    return out;
}

} // namespace

TEST_CASE("mountinfo: fields, octal escapes and optional fields")
{
    const auto entries = parseMountinfo(test::readFile(fixture("debian12.mountinfo")));
    // 25 lines, 3 of them malformed.
    REQUIRE(entries.size() == 22);

    const MountEntry& root = entries[5];
    CHECK(root.major == 259);
    CHECK(root.minor == 2);
    CHECK(root.root == "/");
    CHECK(root.mountPoint == "/");
    CHECK(root.fsType == "ext4");
    CHECK(root.source == "/dev/nvme0n1p2");
    CHECK(root.superOptions == "rw,errors=remount-ro");
    CHECK_FALSE(root.readOnly);

    const auto find = [&](const std::string& mountPoint) -> const MountEntry& {
        for (const MountEntry& e : entries)
            if (e.mountPoint == mountPoint)
                return e;
        FAIL("no mount at " << mountPoint);
        return entries.front();
    };
    const MountEntry& kantor = find("/media/kiosk/KANTOR IMIGRASI");
    CHECK(kantor.major == 8);
    CHECK(kantor.minor == 17);
    CHECK(kantor.fsType == "vfat");
    CHECK(kantor.source == "/dev/sdb1");
    CHECK(find("/media/kiosk/DATA\\RT\t05").source == "/dev/sde1");

    // Three optional fields before the separator do not shift the fields after it.
    const MountEntry& desa = find("/run/media/kiosk/DESA");
    CHECK(desa.fsType == "exfat");
    CHECK(desa.source == "/dev/sdc1");
    CHECK(desa.superOptions.rfind("rw,uid=1001,", 0) == 0);

    // readOnly is the mount's own flag: LAPORAN's filesystem went ro, its mount did not.
    CHECK(find("/media/kiosk/ARSIP").readOnly);
    CHECK_FALSE(find("/media/kiosk/LAPORAN").readOnly);

    const MountEntry& bind = find("/media/arsip-kantor");
    CHECK(bind.root == "/srv/arsip-kantor");
    CHECK(bind.major == 259);
}

TEST_CASE("mountinfo: every escape the kernel writes, and backslashes that are not escapes")
{
    const auto entries = parseMountinfo("1 0 8:1 /a\\040b /m/sp\\040tab\\011nl\\012bs\\134end rw - vfat "
                                        "/dev/x\\040y rw\n"
                                        "2 0 8:2 / /m/not\\x\\08\\4 rw - vfat /dev/z rw\n"
                                        "3 0 8:3 / /m/cut\\04 rw - vfat /dev/z rw\n");
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].root == "/a b");
    CHECK(entries[0].mountPoint == "/m/sp tab\tnl\nbs\\end");
    CHECK(entries[0].source == "/dev/x y");
    CHECK(entries[1].mountPoint == "/m/not\\x\\08\\4");
    CHECK(entries[2].mountPoint == "/m/cut\\04");
}

TEST_CASE("mountinfo: malformed lines are skipped and the good ones around them kept")
{
    const std::string good = "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue";
    const std::vector<std::string> bad = {
        "",
        "garbage",
        "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 ext3 /dev/root rw",     // no separator
        "36 35 98:0 /mnt1 /mnt2 rw,noatime - ext3 /dev/root",               // no super options
        "36 35 98:0 /mnt1 /mnt2 - ext3 /dev/root rw",                       // no mount options
        "x 35 98:0 /mnt1 /mnt2 rw - ext3 /dev/root rw",                     // mount id
        "36 35 98 /mnt1 /mnt2 rw - ext3 /dev/root rw",                      // MAJ:MIN
        "36 35 98:x /mnt1 /mnt2 rw - ext3 /dev/root rw",                    // MAJ:MIN
        "36 35 :0 /mnt1 /mnt2 rw - ext3 /dev/root rw",                      // MAJ:MIN
        "36 35 99999999999:0 /mnt1 /mnt2 rw - ext3 /dev/root rw",           // MAJ out of range
        "36 35 98:0 /mnt1 mnt2 rw - ext3 /dev/root rw",                     // relative mount point
        "36 35 98:0 /mnt1 /mnt2 rw shared:1  master:2 - ext3 /dev/root rw", // empty optional field
        "36 35 98:0 /mnt1 /mnt2 rw -  /dev/root rw",                        // empty fstype
    };
    std::string text;
    for (const std::string& b : bad)
        text += good + "\n" + b + "\n";
    const auto entries = parseMountinfo(text);
    CHECK(entries.size() == bad.size());
    for (const MountEntry& e : entries) {
        CHECK(e.mountPoint == "/mnt2");
        CHECK(e.source == "/dev/root");
        CHECK(e.superOptions == "rw,errors=continue");
    }
    // The example line of proc(5), an empty source, and a field after the super options.
    const auto more =
        parseMountinfo("36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue\n"
                       "37 35 0:50 / /tmp/x ro,relatime - tmpfs  rw\n"
                       "38 35 0:51 / /tmp/y rw - tmpfs none rw future");
    REQUIRE(more.size() == 3);
    CHECK(more[0].root == "/mnt1");
    CHECK(more[0].major == 98);
    CHECK(more[0].minor == 0);
    CHECK(more[1].source.empty());
    CHECK(more[1].superOptions == "rw");
    CHECK(more[1].readOnly);
    CHECK(more[2].superOptions == "rw");
    // "ro" must be a whole option, and only the mount's own options count.
    CHECK_FALSE(parseMountinfo("1 0 8:1 / /m rw,rootcontext=ro - vfat /dev/z ro\n").front().readOnly);
}

TEST_CASE("the sticks of a Debian 12 machine: removable or USB, inside the roots, sorted")
{
    test::TempDir dir;
    const FakeSysfs sys(dir.path() / "sys");
    addDebian12Devices(sys);
    UsbProbe probe;
    probe.mountinfo = fixture("debian12.mountinfo");
    probe.sysDevBlock = sys.devBlock();
    probe.space = sizes(debian12Sizes());

    const auto sticks = findSticks(probe);
    // Not: the system mounts, /boot/efi (outside the roots), the NVMe bind mount and the SATA disk
    // (not removable, not USB), /mediafoo (outside), the malformed lines, HILANG (not in sysfs).
    CHECK(mountPoints(sticks) == std::vector<std::string>{"/media/kiosk/ARSIP", "/media/kiosk/DATA\\RT\t05",
                                                          "/media/kiosk/KANTOR IMIGRASI",
                                                          "/media/kiosk/LAPORAN", "/media/kiosk/SSD-KANTOR",
                                                          "/run/media/kiosk/DESA"});
    REQUIRE(sticks.size() == 6);

    const Stick& kantor = sticks[2];
    CHECK(kantor.label == "KANTOR IMIGRASI");
    CHECK(kantor.device == "/dev/sdb1");
    CHECK_FALSE(kantor.readOnly);
    CHECK(kantor.freeBytes == 7'234'567'890);
    CHECK(kantor.totalBytes == 15'518'924'800);
    CHECK("USB: " + kantor.label + ", " + formatBytes(kantor.freeBytes) + " bebas" ==
          "USB: KANTOR IMIGRASI, 7.2 GB bebas");

    CHECK(sticks[0].label == "ARSIP");
    CHECK(sticks[0].device == "/dev/sdd"); // a whole disk, its own removable flag
    CHECK(sticks[0].readOnly);             // mounted ro
    CHECK(sticks[1].label == "DATA\\RT\t05");
    CHECK(sticks[3].readOnly); // LAPORAN: mount rw, filesystem turned ro
    CHECK(sticks[4].device == "/dev/sdf1");
    CHECK(sticks[5].label == "DESA");
    CHECK_FALSE(sticks[5].readOnly);
}

TEST_CASE("each removable rule on its own, and a temp folder that looks like a USB bus does not count")
{
    test::TempDir dir;
    // The fake /sys lives under a folder named like a USB root hub: only the path below /sys counts.
    const FakeSysfs sys(dir.path() / "usb3" / "sys");
    const std::string pci = "pci0000:00/0000:00:1c.0/0000:02:00.0";
    sys.add("8:16", pci + "/host1/target1:0:0/1:0:0:0/block/sdb", "1");         // the disk itself
    sys.add("8:33", pci + "/host2/target2:0:0/2:0:0:0/block/sdc", "1", "sdc1"); // its parent disk
    sys.add("8:49", pci + "/usb3/3-1/3-1:1.0/host3/target3:0:0/3:0:0:0/block/sdd", "0", "sdd1"); // USB
    sys.add("8:65", pci + "/host4/target4:0:0/4:0:0:0/block/sde", "0", "sde1");                  // none
    sys.add("8:81", pci + "/usbmon/host5/block/sdf", "0", "sdf1"); // "usbmon" is not a bus
    sys.add("8:97", pci + "/host6/block/sdg", "1", "sdg1");
    // A partition whose disk says removable but which has no "partition" file is a disk of its own.
    fs::remove(dir.path() / "usb3" / "sys" / "devices" / (pci + "/host6/block/sdg/sdg1/partition"));

    const std::string text = "1 0 8:16 / /media/a rw - vfat /dev/sdb rw\n"
                             "2 0 8:33 / /media/b rw - vfat /dev/sdc1 rw\n"
                             "3 0 8:49 / /media/c rw - vfat /dev/sdd1 rw\n"
                             "4 0 8:65 / /media/d rw - vfat /dev/sde1 rw\n"
                             "5 0 8:81 / /media/e rw - vfat /dev/sdf1 rw\n"
                             "6 0 8:97 / /media/f rw - vfat /dev/sdg1 rw\n"
                             "7 0 8:200 / /media/g rw - vfat /dev/sdz1 rw\n"
                             "8 0 0:60 / /media/h rw - tmpfs tmpfs rw\n";
    const auto file = dir.write("mountinfo", text);
    UsbProbe probe;
    probe.mountinfo = file;
    probe.sysDevBlock = sys.devBlock();
    probe.roots = {"/media"};
    probe.space = [](const fs::path&) { return std::pair<std::uint64_t, std::uint64_t>{1, 2}; };
    CHECK(mountPoints(findSticks(probe)) == std::vector<std::string>{"/media/a", "/media/b", "/media/c"});
}

TEST_CASE("mount roots are whole path components")
{
    test::TempDir dir;
    const FakeSysfs sys(dir.path() / "sys");
    sys.add("8:17", std::string(kXhci) + "/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb", "1",
            "sdb1");
    const auto mountAt = [&](const std::string& where) {
        dir.write("mountinfo", "520 28 8:17 / " + where + " rw,nosuid,nodev - vfat /dev/sdb1 rw\n");
    };
    UsbProbe probe;
    probe.mountinfo = dir.path() / "mountinfo";
    probe.sysDevBlock = sys.devBlock();
    probe.space = [](const fs::path&) { return std::pair<std::uint64_t, std::uint64_t>{1, 2}; };

    const std::vector<std::pair<std::string, bool>> cases = {
        {"/media/kiosk/STICK", true}, {"/media/STICK", true},      {"/run/media/kiosk/STICK", true},
        {"/mediafoo/STICK", false},   {"/media", false},           {"/run/mediax/kiosk/STICK", false},
        {"/run/STICK", false},        {"/mnt/media/STICK", false}, {"/srv/usb/STICK", false},
    };
    for (const auto& [where, found] : cases) {
        mountAt(where);
        CHECK_MESSAGE(findSticks(probe).size() == (found ? 1U : 0U), where);
    }

    // Configured roots may end in "/" or hold "..", and a relative root matches nothing.
    mountAt("/srv/usb/STICK");
    probe.roots = {"/srv/usb/"};
    CHECK(findSticks(probe).size() == 1);
    probe.roots = {"/srv/x/../usb"};
    CHECK(findSticks(probe).size() == 1);
    probe.roots = {"srv/usb"};
    CHECK(findSticks(probe).empty());
    probe.roots = {};
    CHECK(findSticks(probe).empty());
}

TEST_CASE("the space function gives free and total bytes; a stick without them is left out")
{
    test::TempDir dir;
    const FakeSysfs sys(dir.path() / "sys");
    addDebian12Devices(sys);
    UsbProbe probe;
    probe.mountinfo = fixture("debian12.mountinfo");
    probe.sysDevBlock = sys.devBlock();
    Sizes table = debian12Sizes();
    table.erase("/run/media/kiosk/DESA");
    table["/media/kiosk/ARSIP"] = {0, 4'000'000'000};
    std::vector<fs::path> asked;
    probe.space = [&asked, f = sizes(table)](const fs::path& p) {
        asked.push_back(p);
        return f(p);
    };
    const auto sticks = findSticks(probe);
    CHECK(mountPoints(sticks) == std::vector<std::string>{"/media/kiosk/ARSIP", "/media/kiosk/DATA\\RT\t05",
                                                          "/media/kiosk/KANTOR IMIGRASI",
                                                          "/media/kiosk/LAPORAN", "/media/kiosk/SSD-KANTOR"});
    REQUIRE_FALSE(sticks.empty());
    CHECK(sticks[0].freeBytes == 0);
    CHECK(sticks[0].totalBytes == 4'000'000'000);
    // Only sticks are measured: statvfs on every system mount would be wasted (and may hang on NFS).
    CHECK(asked.size() == 6);

    // A space function that throws gives no sticks, not an exception.
    probe.space = [](const fs::path&) -> std::optional<std::pair<std::uint64_t, std::uint64_t>> {
        throw std::runtime_error("statvfs exploded");
    };
    CHECK_NOTHROW((void)findSticks(probe));
    CHECK(findSticks(probe).empty());
}

TEST_CASE("missing files mean no sticks, never an exception")
{
    test::TempDir dir;
    UsbProbe probe;
    probe.mountinfo = dir.path() / "no-mountinfo";
    CHECK(findSticks(probe).empty());
    probe.mountinfo = fixture("debian12.mountinfo");
    probe.sysDevBlock = dir.path() / "no-sys" / "dev" / "block";
    probe.space = sizes(debian12Sizes());
    CHECK(findSticks(probe).empty());
}

TEST_CASE("a stick pulled out and another plugged in between two scans")
{
    test::TempDir dir;
    const FakeSysfs sys(dir.path() / "sys");
    addDebian12Devices(sys);
    UsbProbe probe;
    probe.mountinfo = fixture("debian12.mountinfo");
    probe.sysDevBlock = sys.devBlock();
    probe.space = sizes(debian12Sizes());
    const auto before = findSticks(probe);
    probe.mountinfo = fixture("debian12-after.mountinfo");
    const auto after = findSticks(probe);

    const StickChanges changes = diffSticks(before, after);
    REQUIRE(changes.appeared.size() == 1);
    CHECK(changes.appeared[0].label == "BALAI DESA");
    CHECK(changes.appeared[0].device == "/dev/sdl1");
    REQUIRE(changes.gone.size() == 1);
    CHECK(changes.gone[0].label == "KANTOR IMIGRASI");

    const StickChanges none = diffSticks(after, after);
    CHECK(none.appeared.empty());
    CHECK(none.gone.empty());
    const StickChanges first = diffSticks({}, before);
    CHECK(first.appeared == before);
    CHECK(first.gone.empty());
    const StickChanges all = diffSticks(before, {});
    CHECK(all.gone == before);
}

TEST_CASE("changes: free space is no change, another device at the same mount point is")
{
    Stick a{.mountPoint = "/media/kiosk/DESA",
            .label = "DESA",
            .device = "/dev/sdb1",
            .readOnly = false,
            .freeBytes = 5,
            .totalBytes = 10};
    Stick written = a;
    written.freeBytes = 1;
    const StickChanges same = diffSticks({a}, {written});
    CHECK(same.appeared.empty());
    CHECK(same.gone.empty());

    Stick other = a;
    other.device = "/dev/sdc1";
    const StickChanges swapped = diffSticks({a}, {other});
    REQUIRE(swapped.appeared.size() == 1);
    CHECK(swapped.appeared[0].device == "/dev/sdc1");
    REQUIRE(swapped.gone.size() == 1);
    CHECK(swapped.gone[0].device == "/dev/sdb1");
}

TEST_CASE("sizes read at a glance: MB under 0.1 GB, one decimal of GB, then TB; never rounded up")
{
    const std::vector<std::pair<std::uint64_t, std::string>> table = {
        {0, "0 MB"},
        {999'999, "0 MB"},
        {1'000'000, "1 MB"},
        {95'400'000, "95 MB"},
        {99'999'999, "99 MB"},
        {100'000'000, "0.1 GB"},
        {340'000'000, "0.3 GB"},
        {999'999'999, "0.9 GB"},
        {1'000'000'000, "1.0 GB"},
        {7'200'000'000, "7.2 GB"},
        {7'299'999'999, "7.2 GB"},
        {15'518'924'800, "15.5 GB"},
        {999'999'999'999, "999.9 GB"},
        {1'000'000'000'000, "1.0 TB"},
        {2'000'398'934'016, "2.0 TB"},
        {std::numeric_limits<std::uint64_t>::max(), "18446744.0 TB"},
    };
    for (const auto& [bytes, text] : table)
        CHECK_MESSAGE(formatBytes(bytes) == text, bytes);
    CHECK(formatBytes(7'200'000'000, ',') == "7,2 GB");
    CHECK(formatBytes(95'400'000, ',') == "95 MB");
}

TEST_CASE("the real /proc/self/mountinfo of this machine parses and scanning it does not throw")
{
    const auto entries = parseMountinfo(test::readFile("/proc/self/mountinfo"));
    CHECK_FALSE(entries.empty());
    bool hasRoot = false;
    for (const MountEntry& e : entries)
        hasRoot = hasRoot || e.mountPoint == "/";
    CHECK(hasRoot);

    const UsbProbe probe{}; // the real files, statvfs
    std::vector<Stick> sticks;
    CHECK_NOTHROW(sticks = findSticks(probe));
    // No stick is plugged into the build machine; on a developer's machine there may be.
    MESSAGE(sticks.size() << " stick(s) mounted here");
    for (const Stick& s : sticks)
        CHECK(s.totalBytes >= s.freeBytes);
    // diskSpace itself, on a folder that exists and one that does not.
    const auto tmp = diskSpace(fs::temp_directory_path());
    REQUIRE(tmp.has_value());
    CHECK(tmp->second > 0);
    CHECK(tmp->first <= tmp->second);
    CHECK_FALSE(diskSpace("/no/such/folder/here").has_value());
}

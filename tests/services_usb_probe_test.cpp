// Finding USB sticks on the machine: removable devices in a fake sysfs, mount roots, sizes, missing
// files, changes between two scans, and this machine's own mounts.
#include "services/usb_probe.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

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

TEST_CASE("scanning the real machine does not throw, and diskSpace measures a real folder")
{
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

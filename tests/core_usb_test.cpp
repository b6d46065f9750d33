// USB sticks in the mount table: mountinfo parsing, mount roots, USB buses, sticks, sizes, changes.
// (Finding them on a machine, with a fake sysfs: services_usb_probe_test.cpp.)
#include "core/usb.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const std::string& name)
{
    return fs::path(KIOSK_SOURCE_DIR) / "tests" / "fixtures" / "usb" / name;
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

TEST_CASE("mount roots are whole path components, tidied; a relative root matches nothing")
{
    const std::vector<fs::path> roots{"/media", "/run/media"};
    const std::vector<std::pair<std::string, bool>> cases = {
        {"/media/kiosk/STICK", true}, {"/media/STICK", true},      {"/run/media/kiosk/STICK", true},
        {"/mediafoo/STICK", false},   {"/media", false},           {"/run/mediax/kiosk/STICK", false},
        {"/run/STICK", false},        {"/mnt/media/STICK", false}, {"/srv/usb/STICK", false},
    };
    for (const auto& [where, inside] : cases)
        CHECK_MESSAGE(insideMountRoots(where, roots) == inside, where);
    CHECK(insideMountRoots("/srv/usb/STICK", {"/srv/usb/"}));
    CHECK(insideMountRoots("/srv/usb/STICK", {"/srv/x/../usb"}));
    CHECK_FALSE(insideMountRoots("/srv/usb/STICK", {"srv/usb"}));
    CHECK_FALSE(insideMountRoots("/srv/usb/STICK", {}));
}

TEST_CASE("a USB bus is a usbN component of the device's sysfs path")
{
    CHECK(throughUsbBus("devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/block/sdb/sdb1"));
    CHECK(throughUsbBus("devices/pci0000:00/0000:00:14.0/usb12/12-1"));
    CHECK_FALSE(throughUsbBus("devices/pci0000:00/0000:00:17.0/ata1/host0/block/sda/sda1"));
    CHECK_FALSE(throughUsbBus("devices/pci0000:00/usbmon/host5/block/sdf")); // not a bus
    CHECK_FALSE(throughUsbBus("devices/usb/host5"));
    CHECK_FALSE(throughUsbBus(""));
}

TEST_CASE("a stick from its mount: named by its mount point, read-only when the mount or its filesystem is")
{
    const auto entries = parseMountinfo(
        "1 0 8:17 / /media/kiosk/KANTOR\\040IMIGRASI rw,nosuid - vfat /dev/sdb1 rw,errors=remount-ro\n"
        "2 0 8:33 / /media/kiosk/ARSIP ro,nosuid - vfat /dev/sdc1 rw\n"
        "3 0 8:49 / /media/kiosk/LAPORAN rw,nosuid - vfat /dev/sdd1 ro,fmask=0022\n");
    REQUIRE(entries.size() == 3);
    const Stick kantor = stickOf(entries[0], 5, 10);
    CHECK(kantor.mountPoint == "/media/kiosk/KANTOR IMIGRASI");
    CHECK(kantor.label == "KANTOR IMIGRASI");
    CHECK(kantor.device == "/dev/sdb1");
    CHECK_FALSE(kantor.readOnly);
    CHECK(kantor.freeBytes == 5);
    CHECK(kantor.totalBytes == 10);
    CHECK(stickOf(entries[1], 0, 0).readOnly); // mounted ro
    CHECK(stickOf(entries[2], 0, 0).readOnly); // mount rw, filesystem turned ro
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

TEST_CASE("the real /proc/self/mountinfo of this machine parses")
{
    const auto entries = parseMountinfo(test::readFile("/proc/self/mountinfo"));
    CHECK_FALSE(entries.empty());
    bool hasRoot = false;
    for (const MountEntry& e : entries)
        hasRoot = hasRoot || e.mountPoint == "/";
    CHECK(hasRoot);
}

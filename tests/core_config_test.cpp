// kiosk.toml: the shipped file is valid; mistakes keep the default and name their line.
#include "core/config.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

using namespace kiosk;

TEST_CASE("the shipped kiosk.toml loads without a problem")
{
    Problems problems;
    const Config c = Config::load(test::dataDir() / "kiosk.toml", problems);
    CHECK(problems.empty());
    CHECK(c.kioskId == "CMG");
    CHECK(c.idleAfterMs == 90'000);
    CHECK(c.idlePromptMs == 15'000);
    CHECK_FALSE(c.village.empty());
    // The attract screen names whose service it is.
    CHECK(c.partners ==
          std::vector<std::string>{"Kantor Imigrasi Surakarta", "BP3MI Jawa Tengah", "Disnaker Sragen"});
    CHECK(c.logo.empty());
}

TEST_CASE("values out of range keep their defaults and every mistake is reported")
{
    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", "[kiosk]\nid = \"cmg\"\nvillage = \"Desa X\"\n"
                                              "[idle]\nafter_seconds = 5\nprompt_seconds = \"ten\"\n");
    Problems problems;
    const Config c = Config::load(file, problems);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].find("kiosk.toml:2:") != std::string::npos);
    CHECK(problems[1].find("kiosk.toml:5:") != std::string::npos);
    CHECK(problems[2].find("kiosk.toml:6:") != std::string::npos);
    CHECK(c.kioskId == "KIOSK");
    CHECK(c.village == "Desa X");
    CHECK(c.idleAfterMs == 90'000);
    CHECK(c.idlePromptMs == 15'000);
}

TEST_CASE("a file that is not TOML is one problem, not a crash")
{
    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", "[kiosk\nid = CMG\n");
    Problems problems;
    const Config c = Config::load(file, problems);
    CHECK(problems.size() == 1);
    CHECK(c.kioskId == "KIOSK");
    CHECK_FALSE(c.officeKeyProblem.empty()); // it may have named a key: nothing goes out plain
    Problems missing;
    (void)Config::load(dir.path() / "nothing.toml", missing);
    CHECK(missing.size() == 1);
}

namespace {

struct Loaded {
    test::TempDir dir;
    Config config;
    Problems problems;
};

// kiosk.toml with a valid [kiosk] section (lines 1-2) and `officer` from line 4 on, after "[officer]".
std::unique_ptr<Loaded> loadOfficer(const std::string& officer)
{
    auto l = std::make_unique<Loaded>();
    const auto file = l->dir.write("data/kiosk.toml", "[kiosk]\nid = \"CMG\"\n[officer]\n" + officer);
    l->config = Config::load(file, l->problems);
    return l;
}

bool hasDefaultOfficer(const Config& c)
{
    return c.exportDir.empty() && c.officePublicKey.empty() && c.retentionDays == 14 &&
           c.usbRoots == std::vector<std::filesystem::path>{"/media", "/run/media"} &&
           c.officerIdleMs == 120'000 && c.allowPlainExport && c.office == "Kantor Imigrasi Surakarta" &&
           c.registryMaxAgeDays == 90;
}

} // namespace

TEST_CASE("[officer]: the shipped file and a file without the section give the defaults")
{
    Problems problems;
    const Config shipped = Config::load(test::dataDir() / "kiosk.toml", problems);
    CHECK(problems.empty());
    CHECK(hasDefaultOfficer(shipped));

    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", "[kiosk]\nid = \"CMG\"\n");
    Problems none;
    const Config c = Config::load(file, none);
    CHECK(none.empty());
    CHECK(hasDefaultOfficer(c));
}

TEST_CASE("[officer]: good values, relative paths taken from the folder of kiosk.toml")
{
    const auto l = loadOfficer("export_dir = \"/srv/ekspor\"\n"
                               "office_public_key = \"kunci/kantor.public\"\n"
                               "retention_days = 30\n"
                               "usb_mount_roots = [\"/media/\", \"/mnt/usb\"]\n"
                               "idle_minutes = 5\n");
    for (const auto& p : l->problems)
        FAIL_CHECK(p);
    const auto data = l->dir.path() / "data";
    CHECK(l->config.exportDir == "/srv/ekspor");
    CHECK(l->config.officePublicKey == data / "kunci" / "kantor.public");
    CHECK(l->config.retentionDays == 30);
    CHECK(l->config.usbRoots == std::vector<std::filesystem::path>{"/media/", "/mnt/usb"});
    CHECK(l->config.officerIdleMs == 300'000);

    const auto up = loadOfficer("export_dir = \"../ekspor\"\noffice_public_key = \"./kantor.public\"\n"
                                "retention_days = 1\nidle_minutes = 30\nusb_mount_roots = [\"/media\"]\n");
    CHECK(up->problems.empty());
    CHECK(up->config.exportDir == up->dir.path() / "ekspor");
    CHECK(up->config.officePublicKey == up->dir.path() / "data" / "kantor.public");
    CHECK(up->config.retentionDays == 1);
    CHECK(up->config.officerIdleMs == 30 * 60'000);
    CHECK(up->config.usbRoots == std::vector<std::filesystem::path>{"/media"});

    // Empty means "none": look for sticks, do not encrypt.
    const auto empty = loadOfficer("export_dir = \"\"\noffice_public_key = \"\"\n");
    CHECK(empty->problems.empty());
    CHECK(hasDefaultOfficer(empty->config));
}

TEST_CASE("[officer]: every wrong value keeps its default and names its line and key")
{
    const auto l = loadOfficer("export_dir = 5\n"                          // 4
                               "office_public_key = \"~/kantor.public\"\n" // 5
                               "retention_days = 0\n"                      // 6
                               "usb_mount_roots = [\n"                     // 7
                               "  \"/media\",\n"                           // 8
                               "  \"media\",\n"                            // 9
                               "]\n"                                       // 10
                               "idle_minutes = \"2\"\n"                    // 11
                               "retention_day = 30\n");                    // 12
    REQUIRE(l->problems.size() == 6);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"kiosk.toml:12:", "retention_day"},
        {"kiosk.toml:4:", "officer.export_dir"},
        {"kiosk.toml:5:", "officer.office_public_key"},
        {"kiosk.toml:6:", "officer.retention_days"},
        {"kiosk.toml:11:", "officer.idle_minutes"},
        {"kiosk.toml:9:", "officer.usb_mount_roots"},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK_MESSAGE(l->problems[i].find(expected[i].first) != std::string::npos, l->problems[i]);
        CHECK_MESSAGE(l->problems[i].find(expected[i].second) != std::string::npos, l->problems[i]);
    }
    CHECK(hasDefaultOfficer(l->config));

    const auto more = loadOfficer("office_public_key = \"kantor.secret\"\n" // 4
                                  "retention_days = 366\n"                  // 5
                                  "usb_mount_roots = []\n"                  // 6
                                  "idle_minutes = true\n");                 // 7
    REQUIRE(more->problems.size() == 4);
    CHECK(more->problems[0].find("kiosk.toml:4: officer.office_public_key names a secret key") !=
          std::string::npos);
    CHECK(more->problems[1].find(
              "kiosk.toml:5: officer.retention_days must be a whole number of days from 1 to 365") !=
          std::string::npos);
    CHECK(more->problems[2].find(
              "kiosk.toml:7: officer.idle_minutes must be a whole number of minutes from 1 to 30") !=
          std::string::npos);
    CHECK(more->problems[3].find(
              "kiosk.toml:6: officer.usb_mount_roots must be a list of one or more full paths") !=
          std::string::npos);
    CHECK(hasDefaultOfficer(more->config));
    // A key asked for but refused: exports must be refused too, never written plain.
    CHECK(more->config.officeKeyProblem == more->problems[0]);

    const auto notList =
        loadOfficer("usb_mount_roots = \"/media\"\nidle_minutes = 31\nretention_days = 14.5\n");
    REQUIRE(notList->problems.size() == 3);
    CHECK(notList->problems[0].find("kiosk.toml:6: officer.retention_days") != std::string::npos);
    CHECK(notList->problems[1].find("kiosk.toml:5: officer.idle_minutes") != std::string::npos);
    CHECK(notList->problems[2].find("kiosk.toml:4: officer.usb_mount_roots") != std::string::npos);
    CHECK(hasDefaultOfficer(notList->config));

    test::TempDir dir;
    Problems problems;
    (void)Config::load(dir.write("kiosk.toml", "officer = 3\n[kiosk]\nid = \"CMG\"\n"), problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("kiosk.toml:1: officer must be a section") != std::string::npos);
}

TEST_CASE("[officer] office: the office that receives the requests, named where the kiosk promises")
{
    const auto l = loadOfficer("office = \"Kantor Imigrasi Kelas I TPI Surakarta\"\nretention_days = 10\n"
                               "callback_within_days = 5\n");
    CHECK(l->problems.empty());
    CHECK(l->config.office == "Kantor Imigrasi Kelas I TPI Surakarta");
    const CallbackPromise promise = l->config.callbackPromise();
    CHECK(promise.fill(
              "{office} menelepon dalam {days} hari; dihapus {retention_days} hari setelah diambil.") ==
          "Kantor Imigrasi Kelas I TPI Surakarta menelepon dalam 5 hari; dihapus 10 hari setelah diambil.");
    CHECK(promise.fill("Tanpa nilai.") == "Tanpa nilai.");

    // Empty, not text, too long or over two lines: the default stays, and the line is named.
    for (const char* wrong :
         {"office = \"\"\n", "office = 7\n",
          "office = \"Kantor Imigrasi Kelas I Tempat Pemeriksaan Imigrasi Kota Surakarta\"\n",
          "office = \"\"\"\nKantor\nImigrasi\"\"\"\n"}) {
        const auto bad = loadOfficer(wrong);
        INFO(wrong);
        REQUIRE(bad->problems.size() == 1);
        CHECK(bad->problems[0].find("kiosk.toml:4: officer.office must be the name of the office") !=
              std::string::npos);
        CHECK(bad->config.office == "Kantor Imigrasi Surakarta");
    }
}

TEST_CASE("[officer] registry_max_age_days: the age after which the company list is called old")
{
    const auto l = loadOfficer("registry_max_age_days = 30\n");
    CHECK(l->problems.empty());
    CHECK(l->config.registryMaxAgeDays == 30);
    for (const char* edge : {"1", "365"}) {
        const auto e = loadOfficer(std::string("registry_max_age_days = ") + edge + "\n");
        CHECK(e->problems.empty());
        CHECK(e->config.registryMaxAgeDays == std::stoi(edge));
    }
    // Anything else keeps 90 and says what is wanted, on its line.
    for (const char* wrong : {"0", "366", "-5", "\"90\"", "90.5", "true", "[90]"}) {
        INFO(wrong);
        const auto w =
            loadOfficer(std::string("retention_days = 10\nregistry_max_age_days = ") + wrong + "\n");
        REQUIRE(w->problems.size() == 1);
        CHECK(
            w->problems[0].find("kiosk.toml:5: officer.registry_max_age_days must be a whole number of days "
                                "from 1 to 365") != std::string::npos);
        CHECK(w->config.registryMaxAgeDays == 90);
        CHECK(w->config.retentionDays == 10); // the other settings are still taken
    }
}

TEST_CASE("[officer] allow_plain_export: true or false as written; missing is true; anything else is false")
{
    CHECK(loadOfficer("allow_plain_export = true\n")->config.allowPlainExport);
    const auto off = loadOfficer("allow_plain_export = false\n");
    CHECK(off->problems.empty());
    CHECK_FALSE(off->config.allowPlainExport);
    CHECK(loadOfficer("retention_days = 14\n")->config.allowPlainExport); // kiosks set up before it

    // A doubt never lets residents' data out unencrypted: the value is refused, and so are plain copies.
    for (const char* wrong : {"allow_plain_export = \"false\"\n", "allow_plain_export = \"true\"\n",
                              "allow_plain_export = 1\n", "allow_plain_export = []\n"}) {
        const auto l = loadOfficer(wrong);
        INFO(wrong);
        REQUIRE(l->problems.size() == 1);
        CHECK(l->problems[0].find("kiosk.toml:4: officer.allow_plain_export must be true or false") !=
              std::string::npos);
        CHECK_FALSE(l->config.allowPlainExport);
    }
}

TEST_CASE("unknown sections and keys anywhere are named with their line; the kiosk keeps its defaults")
{
    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", "[kiosk]\n"               // 1
                                              "id = \"CMG\"\n"          // 2
                                              "vilage = \"Desa X\"\n"   // 3
                                              "[idle]\n"                // 4
                                              "after_second = 60\n"     // 5
                                              "[dispaly]\n"             // 6
                                              "open_from = \"06:00\"\n" // 7
                                              "[display]\n"             // 8
                                              "blank_after = 5\n"       // 9
                                              "[contacts.kanim]\n"      // 10
                                              "nomor = \"0271\"\n");    // 11
    Problems problems;
    const Config c = Config::load(file, problems);
    REQUIRE(problems.size() == 5);
    CHECK(problems[0].find(
              "kiosk.toml:3: unknown key 'vilage' in [kiosk] (id, village, languages, partners, logo)") !=
          std::string::npos);
    CHECK(problems[1].find("kiosk.toml:5: unknown key 'after_second' in [idle]") != std::string::npos);
    CHECK(problems[2].find("kiosk.toml:6: unknown section [dispaly]") != std::string::npos);
    CHECK(problems[3].find("kiosk.toml:9: unknown key 'blank_after' in [display]") != std::string::npos);
    CHECK(problems[4].find("kiosk.toml:11: unknown key 'nomor'") != std::string::npos);
    CHECK(c.kioskId == "CMG");
    CHECK(c.village.empty());
    CHECK(c.idleAfterMs == 90'000);
    CHECK(c.openFromMinute == 7 * 60);
}

TEST_CASE("[paths], [content], [display], [log] and languages: good values are taken")
{
    test::TempDir dir;
    const auto file =
        dir.write("etc/kiosk.toml", "[kiosk]\nid = \"CMG\"\nlanguages = [\"jv\", \"id\"]\n"
                                    "[paths]\nstate = \"/var/lib/desa-kiosk\"\ncontent = \"konten\"\n"
                                    "[content]\ntrusted_keys = [\"/etc/desa-kiosk/kantor.sign.public\"]\n"
                                    "[display]\nopen_from = \"06:30\"\nopen_until = \"22:00\"\n"
                                    "blank_after_minutes = 3\n"
                                    "[log]\nlevel = \"warning\"\n");
    Problems problems;
    const Config c = Config::load(file, problems);
    for (const auto& p : problems)
        FAIL_CHECK(p);
    CHECK(c.languages == std::vector<Lang>{Lang::Jv, Lang::Id});
    CHECK(c.stateDir == "/var/lib/desa-kiosk");
    CHECK(c.contentDir == dir.path() / "etc" / "konten");
    CHECK(c.trustedContentKeys == std::vector<std::filesystem::path>{"/etc/desa-kiosk/kantor.sign.public"});
    CHECK(c.openFromMinute == 6 * 60 + 30);
    CHECK(c.openUntilMinute == 22 * 60);
    CHECK(c.blankAfterMs == 3 * 60'000);
    CHECK(c.logLevel == LogLevel::Warning);
    CHECK(c.openAt(6 * 60 + 30));
    CHECK_FALSE(c.openAt(6 * 60 + 29));
    CHECK(c.openAt(21 * 60 + 59));
    CHECK_FALSE(c.openAt(22 * 60));

    Config night; // open across midnight, and always open
    night.openFromMinute = 18 * 60;
    night.openUntilMinute = 2 * 60;
    CHECK(night.openAt(23 * 60));
    CHECK(night.openAt(60));
    CHECK_FALSE(night.openAt(12 * 60));
    night.openUntilMinute = night.openFromMinute;
    CHECK(night.openAt(3 * 60));
}

TEST_CASE("bad values in the new sections keep their defaults and name key and line")
{
    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", "[kiosk]\nid = \"CMG\"\n"              // 1-2
                                              "languages = [\"id\", \"fr\"]\n"       // 3
                                              "[content]\n"                          // 4
                                              "trusted_keys = [\"kantor.public\"]\n" // 5
                                              "[display]\n"                          // 6
                                              "open_from = \"7:00\"\n"               // 7
                                              "open_until = \"24:00\"\n"             // 8
                                              "blank_after_minutes = 0\n"            // 9
                                              "[log]\n"                              // 10
                                              "level = \"loud\"\n"                   // 11
                                              "[paths]\n"                            // 12
                                              "state = 3\n");                        // 13
    Problems problems;
    const Config c = Config::load(file, problems);
    REQUIRE(problems.size() == 7);
    const std::vector<std::string> expected = {
        "kiosk.toml:3: kiosk.languages",      "kiosk.toml:13: paths.state",
        "kiosk.toml:5: content.trusted_keys", "kiosk.toml:7: display.open_from",
        "kiosk.toml:8: display.open_until",   "kiosk.toml:9: display.blank_after_minutes",
        "kiosk.toml:11: log.level",
    };
    for (std::size_t i = 0; i < expected.size(); ++i)
        CHECK_MESSAGE(problems[i].find(expected[i]) != std::string::npos, problems[i]);
    const Config defaults;
    CHECK(c.languages == defaults.languages);
    CHECK(c.stateDir.empty());
    CHECK(c.trustedContentKeys.empty());
    CHECK(c.openFromMinute == defaults.openFromMinute);
    CHECK(c.openUntilMinute == defaults.openUntilMinute);
    CHECK(c.blankAfterMs == defaults.blankAfterMs);
    CHECK(c.logLevel == LogLevel::Info);
}

TEST_CASE("data/kiosk.example.toml documents every key and loads without a problem")
{
    Problems problems;
    const Config c = Config::load(test::dataDir() / "kiosk.example.toml", problems);
    for (const auto& p : problems)
        FAIL_CHECK(p);
    const std::string text = test::readFile(test::dataDir() / "kiosk.example.toml");
    for (const char* key : {"id",
                            "village",
                            "languages",
                            "partners",
                            "logo",
                            "after_seconds",
                            "prompt_seconds",
                            "attract_cycle_seconds",
                            "state",
                            "content",
                            "trusted_keys",
                            "open_from",
                            "open_until",
                            "blank_after_minutes",
                            "level",
                            "export_dir",
                            "office_public_key",
                            "allow_plain_export",
                            "retention_days",
                            "usb_mount_roots",
                            "idle_minutes",
                            "callback_within_days",
                            "office",
                            "registry_max_age_days",
                            "number",
                            "whatsapp",
                            "hours",
                            "address"})
        CHECK_MESSAGE(text.find(std::string("\n") + key + " = ") != std::string::npos, key);
}

TEST_CASE("log lines say their level; journald gets it as a priority")
{
    CHECK(levelOfLine("kiosk: error: the database is damaged\n") == LogLevel::Error);
    CHECK(levelOfLine("kiosk: warning: configuration: x\n") == LogLevel::Warning);
    CHECK(levelOfLine("kiosk: exported 3 requests\n") == LogLevel::Info);
    CHECK(levelOfLine("kiosk: debug: frame\n") == LogLevel::Debug);
    CHECK(levelOfLine("kiosk: errors were found\n") == LogLevel::Info);
    CHECK(syslogPriority(LogLevel::Error) == 3);
    CHECK(syslogPriority(LogLevel::Warning) == 4);
    CHECK(logLevelFromName("warning") == LogLevel::Warning);
    CHECK_FALSE(logLevelFromName("loud"));
}

namespace {

// A real 1x1 PNG: the generated test picture of the logo tests (no office's logo is made up).
std::string testPng()
{
    const unsigned char bytes[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
        0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00,
        0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01,
        0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

} // namespace

TEST_CASE("[kiosk] partners and logo: good values are taken; none is the default")
{
    test::TempDir dir;
    const auto file =
        dir.write("kiosk.toml", "[kiosk]\nid = \"CMG\"\n"
                                "partners = [\"Kantor Imigrasi Surakarta\", \"KP2MI\", \"Disnaker Sragen\"]\n"
                                "logo = \"logos/kanim.png\"\n");
    Problems problems;
    const Config c = Config::load(file, problems);
    CHECK(problems.empty());
    CHECK(c.partners == std::vector<std::string>{"Kantor Imigrasi Surakarta", "KP2MI", "Disnaker Sragen"});
    CHECK(c.logo == "logos/kanim.png");

    // "media/" names the media folder itself; an empty list and "" are nothing.
    const auto other =
        dir.write("other.toml", "[kiosk]\nid = \"CMG\"\npartners = []\nlogo = \"media/kanim.png\"\n");
    const Config d = Config::load(other, problems);
    CHECK(problems.empty());
    CHECK(d.partners.empty());
    CHECK(d.logo == "kanim.png");
    const auto none = dir.write("none.toml", "[kiosk]\nid = \"CMG\"\nlogo = \"\"\n");
    const Config e = Config::load(none, problems);
    CHECK(problems.empty());
    CHECK(e.partners.empty());
    CHECK(e.logo.empty());
}

TEST_CASE("[kiosk] partners and logo: every wrong value names its line and keeps the default")
{
    const std::vector<std::pair<std::string, std::string>> wrong{
        {"partners = \"Kantor Imigrasi Surakarta\"", "kiosk.partners must be a list"},
        {"partners = [\"A\", \"B\", \"C\", \"D\", \"E\"]", "at most 4 names"},
        {"partners = [\"Kantor Imigrasi\", \"\"]", "each of 1 to 60"},
        {"partners = [\"" + std::string(61, 'K') + "\"]", "each of 1 to 60"},
        {"partners = [\"KP2MI \U0001F600\"]", "kiosk.partners"},
        {"partners = [\"KP2MI\", 7]", "kiosk.partners"},
        {"logo = \"../secret/kanim.png\"", "kiosk.logo must be the name of a picture in the media folder"},
        {"logo = \"/etc/kanim.png\"", "kiosk.logo must be"},
        {"logo = 5", "kiosk.logo must be"},
        {"logo = \"media/\"", "kiosk.logo must be"},
    };
    for (const auto& [line, message] : wrong) {
        INFO(line);
        test::TempDir dir;
        const auto file =
            dir.write("kiosk.toml", "[kiosk]\nid = \"CMG\"\nvillage = \"Desa X\"\n" + line + "\n");
        Problems problems;
        const Config c = Config::load(file, problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].find("kiosk.toml:4: ") != std::string::npos);
        CHECK(problems[0].find(message) != std::string::npos);
        CHECK(c.partners.empty());
        CHECK(c.logo.empty());
        CHECK(c.village == "Desa X");
    }
}

TEST_CASE("[kiosk] logo: a file missing from the media folder is a plain message, and no logo is shown")
{
    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", "[kiosk]\nid = \"CMG\"\n\nlogo = \"kanim.png\"\n");
    Problems problems;
    Config c = Config::load(file, problems);
    REQUIRE(problems.empty());
    REQUIRE(c.logo == "kanim.png");
    const auto media = dir.path() / "media";
    c.checkLogo(media, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("kiosk.toml:4: kiosk.logo: there is no PNG or JPEG picture 'kanim.png' in the "
                           "media folder") != std::string::npos);
    CHECK(problems[0].find("shows no logo") != std::string::npos);
    CHECK(c.logo.empty());

    // A file by that name that is no picture is refused the same way.
    dir.write("media/kanim.png", "not a picture");
    Config d = Config::load(file, problems);
    problems.clear();
    d.checkLogo(media, problems);
    CHECK(problems.size() == 1);
    CHECK(d.logo.empty());

    // The picture there: kept, nothing said.
    dir.write("media/kanim.png", testPng());
    Config e = Config::load(file, problems);
    problems.clear();
    e.checkLogo(media, problems);
    CHECK(problems.empty());
    CHECK(e.logo == "kanim.png");
}

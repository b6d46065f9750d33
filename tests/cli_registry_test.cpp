// `kiosk registry import` from a terminal: a spreadsheet's CSV into DIR/registry/ that check-content
// accepts, rows not used with their lines, nothing written when nothing is usable; check-content on
// a broken registry; a signed content pack that carries a registry installs with it.
#include "cli/check_content.hpp"
#include "cli/content_cli.hpp"
#include "cli/registry_cli.hpp"
#include "core/csv.hpp"
#include "packs/content_pack.hpp"
#include "packs/content_store.hpp"
#include "registry_support.hpp"
#include "test_support.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

struct Ran {
    int code = -1;
    std::string out, err;
};

Ran import(const std::vector<std::string>& args)
{
    CLI::App cli{"kiosk"};
    const RegistryCommand command(cli);
    std::vector<std::string> all = {"registry", "import"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<std::string> reversed(all.rbegin(), all.rend()); // CLI11 takes them last first
    cli.parse(reversed);
    REQUIRE(command.parsed());
    std::ostringstream out, err;
    Ran ran;
    ran.code = command.run(out, err);
    ran.out = out.str();
    ran.err = err.str();
    return ran;
}

Ran checkContent(const fs::path& dir)
{
    CLI::App cli{"kiosk"};
    const CheckContentCommand command(cli);
    cli.parse(std::vector<std::string>{dir.string(), "check-content"});
    std::ostringstream out;
    Ran ran;
    ran.code = command.run(dir, test::dataDir(), {}, {}, dir / "no-such-kiosk.toml", out);
    ran.out = out.str();
    return ran;
}

// The generated companies as office staff's spreadsheet saves them: Indonesian headings, ";".
std::string spreadsheet(std::size_t count)
{
    std::string out = "Nama Perusahaan;Nama Lain;No. SIP3MI;Kota;Provinsi;Cabang;Status;Tanggal Status\n";
    for (const Company& c : test::generatedCompanies(count)) {
        std::string aliases, branches;
        for (const auto& a : c.aliases)
            aliases += (aliases.empty() ? "" : "; ") + a;
        for (const auto& b : c.branches)
            branches += (branches.empty() ? "" : "; ") + b;
        const std::string date =
            c.statusDate.substr(8, 2) + "/" + c.statusDate.substr(5, 2) + "/" + c.statusDate.substr(0, 4);
        out += csvField(c.name, ';') + ";" + csvField(aliases, ';') + ";" + c.licence + ";" + c.city + ";" +
               c.province + ";" + csvField(branches, ';') + ";" + companyStatusWord(c.status) + ";" + date +
               "\n";
    }
    return out;
}

} // namespace

TEST_CASE("kiosk registry import writes a registry that check-content accepts")
{
    test::Pack pack;
    const fs::path csv = pack.dir.write(
        "daftar.csv", spreadsheet(5000) + "PT Tanpa Izin;;;Sragen;Jawa Tengah;;aktif;01/01/2025\n");
    const Ran ran = import({csv.string(), "--out", pack.data.string(), "--source",
                            "SISKOP2MI (KP2MI), unduhan kantor", "--taken", "2026-03-12"});
    INFO(ran.out << ran.err);
    CHECK(ran.code == 0);
    CHECK(ran.out.find("5001 rows, 5000 companies usable, 1 not used") != std::string::npos);
    CHECK(ran.err.find(csv.string() + ":5002: no licence number") != std::string::npos);
    CHECK(ran.out.find("wrote " + (pack.data / "registry").string()) != std::string::npos);
    CHECK(!fs::exists(pack.data / ".registry.new"));
    const Ran checked = checkContent(pack.data);
    CHECK_MESSAGE(checked.code == 0, checked.out);
    const auto load = pack.load();
    REQUIRE(load.ok());
    CHECK(load.content.registry.companies.size() == 5000);
    CHECK(load.content.registry.info.taken == "2026-03-12");
    CHECK(load.content.registry.info.source == "SISKOP2MI (KP2MI), unduhan kantor");
    CHECK(load.content.registry.companies[0].name == "PT Karya Mandiri Sejahtera Abadi");
}

TEST_CASE("kiosk registry import writes nothing when nothing is usable, and asks for a real date")
{
    test::TempDir dir;
    const fs::path csv =
        dir.write("daftar.csv", "Nama;SIP3MI;Kota;Provinsi;Status;Tanggal\n;;;;;\nPT A;;;;;\n");
    const Ran none = import(
        {csv.string(), "--out", (dir.path() / "out").string(), "--source", "x", "--taken", "2026-03-12"});
    CHECK(none.code == 1);
    CHECK(none.err.find("daftar.csv:2: no name") != std::string::npos);
    CHECK(none.err.find("daftar.csv:3: no licence number") != std::string::npos);
    CHECK(none.err.find("nothing written") != std::string::npos);
    CHECK(!fs::exists(dir.path() / "out" / "registry"));

    const Ran badDate =
        import({csv.string(), "--out", dir.path().string(), "--source", "x", "--taken", "12/03/2026"});
    CHECK(badDate.code == 2);
    CHECK(badDate.err.find("is not a date written YYYY-MM-DD") != std::string::npos);

    const fs::path bytes = dir.write("rusak.csv", std::string("Nama;SIP3MI\nPT \x81\x8D;1\n"));
    const Ran refused =
        import({bytes.string(), "--out", dir.path().string(), "--source", "x", "--taken", "2026-03-12"});
    CHECK(refused.code == 1);
    CHECK(refused.err.find("rusak.csv:2: is neither UTF-8 nor Windows-1252") != std::string::npos);

    // A Windows-1252 file is converted, and the technician is told.
    const fs::path latin =
        dir.write("latin.csv", std::string("Nama;SIP3MI;Kota;Provinsi;Status;Tanggal\n"
                                           "PT S\xE9jahtera;UJI-1;Semarang;Jawa Tengah;aktif;31/01/2025\n"));
    const Ran converted =
        import({latin.string(), "--out", dir.path().string(), "--source", "x", "--taken", "2026-03-12"});
    CHECK(converted.code == 0);
    CHECK(converted.out.find("Windows-1252") != std::string::npos);
    CHECK(test::readFile(dir.path() / "registry/p3mi.csv").find("PT S\xC3\xA9jahtera") != std::string::npos);
    // Imported again: the new list replaces the old one whole.
    const fs::path other = dir.write(
        "lain.csv",
        "Nama,SIP3MI,Kota,Provinsi,Status,Tanggal\nPT Lain,UJI-9,Bandung,Jawa Barat,aktif,2025-01-01\n");
    CHECK(import({other.string(), "--out", dir.path().string(), "--source", "y", "--taken", "2026-04-01"})
              .code == 0);
    const std::string list = test::readFile(dir.path() / "registry/p3mi.csv");
    CHECK(list.find("PT Lain") != std::string::npos);
    CHECK(list.find("jahtera") == std::string::npos);
    CHECK(test::readFile(dir.path() / "registry/p3mi.toml").find("2026-04-01") != std::string::npos);
}

TEST_CASE("check-content names a broken registry's problems with FILE:LINE and fails")
{
    test::Pack pack;
    pack.append("registry/p3mi.csv", "PT Maju Jaya,,UJI-1,Semarang,Jawa Tengah,,active,2025-01-31\n"
                                     "PT Sinar,,UJI-1,Semarang,,,ditutup,2025-13-01\n");
    const Ran checked = checkContent(pack.data);
    CHECK(checked.code == 1);
    const std::string csv = (pack.data / "registry/p3mi.csv").string();
    CHECK(checked.out.find(csv + ":3: no province of the head office") != std::string::npos);
    CHECK(checked.out.find(csv + ":3: status date '2025-13-01' is not a date") != std::string::npos);
    CHECK(checked.out.find(csv + ":3: status 'ditutup' is not one of") != std::string::npos);
    CHECK(checked.out.find("p3mi.toml:1: needs 'taken'") != std::string::npos);
}

TEST_CASE("a signed content pack carries its registry, and one with a broken registry is refused")
{
    test::TempDir dir;
    fs::path pub, sec; // no structured binding: clang 14 does not let a lambda capture one
    std::tie(pub, sec) = pack::makeSigningKeys(dir.path() / "kantor");
    pack::Place kiosk;
    kiosk.root = dir.path() / "state" / "content";
    kiosk.trusted = {pack::readPublicKey(pub)};
    kiosk.check = packContentCheck(test::shippedContacts(), test::dataDir().parent_path() / "media");
    const auto make = [&dir, &sec](const std::string& name, const std::string& csv) {
        const fs::path p = dir.path() / name;
        fs::create_directories(p);
        for (const char* part : {"content", "checklists", "registry", "sources.toml"})
            fs::copy(test::dataDir() / part, p / part, fs::copy_options::recursive);
        std::ofstream(p / "registry/p3mi.csv", std::ios::binary | std::ios::trunc) << csv;
        std::ofstream(p / "registry/p3mi.toml", std::ios::binary | std::ios::trunc)
            << registryInfoToml({"SISKOP2MI (KP2MI)", "2026-03-12", ""}, 0);
        (void)pack::sign(p, sec, 1'796'000'000'000);
        return p;
    };
    const fs::path good = make("good", registryCsv(test::generatedCompanies(5000)));
    CHECK(test::readFile(good / pack::kManifest).find("registry/p3mi.csv") != std::string::npos);
    const auto outcome = pack::PackStore(kiosk.root).install(good, kiosk.trusted, kiosk.check);
    REQUIRE_MESSAGE(outcome.ok(), describe(outcome));
    const auto current = pack::PackStore(kiosk.root).current();
    REQUIRE(current);
    const auto load =
        loadContent(current->dir, test::dataDir().parent_path() / "media", test::shippedContacts());
    REQUIRE(load.ok());
    CHECK(load.content.registry.companies.size() == 5000);
    CHECK(load.content.registry.info.taken == "2026-03-12");

    const fs::path broken = make("broken", "name,aliases,licence,city,province,branches,status,status_date\n"
                                           "PT A,,UJI-1,Semarang,Jawa Tengah,,active,2025-01-31\n"
                                           "PT B,,UJI-1,Semarang,Jawa Tengah,,active,2025-01-31\n");
    const auto refused = pack::PackStore(kiosk.root).install(broken, kiosk.trusted, kiosk.check);
    CHECK(!refused.ok());
    CHECK(describe(refused).find("licence number 'UJI-1' is already on line 2") != std::string::npos);
    CHECK(pack::PackStore(kiosk.root).current()->id == outcome.pack.id);
}

TEST_CASE("the last good copy of the content keeps the registry, and shows it when data/ breaks")
{
    test::Pack pack;
    pack.replace("registry/p3mi.toml", "note =", "taken = \"2026-03-12\"\nnote =");
    std::ofstream(pack.data / "registry/p3mi.csv", std::ios::binary | std::ios::trunc)
        << registryCsv(test::generatedCompanies(50));
    const fs::path good = pack.dir.path() / "good";
    std::ostringstream log;
    const auto shown = loadShownContent(pack.data, pack.media, test::shippedContacts(), good, log);
    REQUIRE(shown.origin == ShownContent::Origin::Data);
    CHECK(shown.content.registry.companies.size() == 50);
    CHECK(test::readFile(good / "registry/p3mi.csv") == test::readFile(pack.data / "registry/p3mi.csv"));
    // A broken list in data/: the copy, with its 50 companies, is shown.
    pack.append("registry/p3mi.csv", "PT Rusak,,,,,,active,2025-01-01\n");
    const auto fallback = loadShownContent(pack.data, pack.media, test::shippedContacts(), good, log);
    REQUIRE(fallback.origin == ShownContent::Origin::LastGood);
    CHECK(fallback.content.registry.companies.size() == 50);
}

// The registry's files: p3mi.csv read and written, p3mi.toml, and check-content's messages about
// them (every problem with FILE:LINE).
#include "core/content.hpp"
#include "core/registry.hpp"
#include "core/registry_import.hpp"
#include "registry_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kiosk;
using test::all;
using test::has;

namespace {

constexpr const char* kHeader = "name,aliases,licence,city,province,branches,status,status_date\n";

} // namespace

TEST_CASE("p3mi.csv written and read back is the same list")
{
    const auto companies = test::generatedCompanies(300);
    Problems problems;
    const auto read = parseRegistryCsv(registryCsv(companies), "p3mi.csv", problems);
    CHECK_MESSAGE(problems.empty(), all(problems));
    REQUIRE(read.size() == companies.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        CHECK(read[i].name == companies[i].name);
        CHECK(read[i].aliases == companies[i].aliases);
        CHECK(read[i].licence == companies[i].licence);
        CHECK(read[i].branches == companies[i].branches);
        CHECK(read[i].status == companies[i].status);
        CHECK(read[i].statusDate == companies[i].statusDate);
        CHECK(read[i].line == i + 2);
    }
}

TEST_CASE("p3mi.csv's problems are reported with their lines")
{
    const std::string text =
        std::string(kHeader) +
        "PT Maju Jaya,\"Maju; MJ\",UJI-1,Semarang,Jawa Tengah,,active,2025-01-31\n"
        "PT Sinar Abadi,,UJI-2,Semarang,,,active,2025-01-31\n"             // 3: no province
        "PT Bumi Raya,,UJI-3,Semarang,Jawa Tengah,,closed,2025-01-31\n"    // 4: status
        "PT Langit Biru,,UJI-4,Semarang,Jawa Tengah,,active,2025-02-30\n"  // 5: date
        "P.T. Maju-Jaya,,UJI-5,Bandung,Jawa Barat,,revoked,2025-01-31\n"   // 6: same name
        "PT Laut Dalam,,UJI-1,Bandung,Jawa Barat,,sanctioned,2025-01-31\n" // 7: same licence
        "PT Pendek,UJI-6\n"                                                // 8: fields
        "\n"
        "\"PT Dua\nBaris\",,UJI-7,Bandung,Jawa Barat,,active,2025-03-01\n"; // 10, two lines
    Problems problems;
    const auto read = parseRegistryCsv(text, "p3mi.csv", problems);
    INFO(all(problems));
    CHECK(has(problems, "p3mi.csv:3: no province"));
    CHECK(has(problems, "p3mi.csv:4: status 'closed' is not one of active, sanctioned, revoked"));
    CHECK(has(problems, "p3mi.csv:5: status date '2025-02-30' is not a date"));
    CHECK(has(problems, "p3mi.csv:6: the name 'P.T. Maju-Jaya' is already on line 2"));
    CHECK(has(problems, "p3mi.csv:7: licence number 'UJI-1' is already on line 2"));
    CHECK(has(problems, "p3mi.csv:8: 2 fields; a row has 8"));
    CHECK(problems.size() == 6);
    REQUIRE(read.size() == 2);
    CHECK(read[0].aliases == std::vector<std::string>{"Maju", "MJ"});
    CHECK(read[1].line == 10);
    CHECK(read[1].name == "PT Dua\nBaris");

    Problems header;
    (void)parseRegistryCsv("nama,licence\n", "p3mi.csv", header);
    CHECK(has(header, "p3mi.csv:1: the header must be exactly: name,aliases,"));
    Problems quote;
    (void)parseRegistryCsv(std::string(kHeader) + "\"PT Terbuka,,UJI-1,A,B,,active,2025-01-01\n", "p3mi.csv",
                           quote);
    CHECK_MESSAGE(has(quote, "p3mi.csv:2: a quote"), all(quote));
}

TEST_CASE("p3mi.toml says where the list came from and when")
{
    Problems problems;
    const auto info =
        parseRegistryInfo("source = \"SISKOP2MI\"\ntaken = \"2026-03-12\"\n", "p3mi.toml", problems);
    REQUIRE(info);
    CHECK(info->taken == "2026-03-12");
    Problems bad;
    CHECK(!parseRegistryInfo("taken = \"12-03-2026\"\nwhere = \"x\"\n", "p3mi.toml", bad));
    CHECK(has(bad, "p3mi.toml:1: taken '12-03-2026' is not a date"));
    CHECK(has(bad, "p3mi.toml:2: unknown key 'where'"));
    CHECK(has(bad, "needs 'source'"));
    // Written and read back.
    Problems again;
    const auto back = parseRegistryInfo(registryInfoToml({"Daftar \"resmi\"", "2026-03-12", "catatan"}, 3),
                                        "p3mi.toml", again);
    REQUIRE(back);
    CHECK(back->source == "Daftar \"resmi\"");
    CHECK(back->note == "catatan");
}

TEST_CASE("the shipped registry is empty and says so")
{
    const Registry& registry = test::shippedContent().registry;
    CHECK(registry.present);
    CHECK(registry.companies.empty());
    CHECK(registry.info.taken.empty());
    CHECK(registry.info.source.find("Belum ada") != std::string::npos);
}

TEST_CASE("check-content checks the registry")
{
    test::Pack pack;
    pack.append("registry/p3mi.csv", "PT Maju Jaya,,UJI-1,Semarang,Jawa Tengah,,active,2025-01-31\n"
                                     "PT Maju Jaya,,UJI-1,Semarang,Jawa Tengah,,aktif,31/01/2025\n");
    const auto load = pack.load();
    INFO(all(load.errors));
    const std::string csv = (pack.data / "registry/p3mi.csv").string();
    const std::string toml = (pack.data / "registry/p3mi.toml").string();
    CHECK(has(load.errors, csv + ":3: status date '31/01/2025' is not a date written YYYY-MM-DD"));
    CHECK(has(load.errors, csv + ":3: status 'aktif' is not one of"));
    CHECK(has(load.errors, toml + ":1: needs 'taken'"));

    test::Pack missing;
    std::filesystem::remove(missing.data / "registry/p3mi.toml");
    CHECK(has(missing.load().errors, "p3mi.toml:0: missing"));

    test::Pack none; // content without a registry/ folder has no list, and no error for it
    std::filesystem::remove_all(none.data / "registry");
    const auto noList = none.load();
    CHECK(noList.ok());
    CHECK(!noList.content.registry.present);

    test::Pack full;
    full.replace("registry/p3mi.toml", "note =", "taken = \"2026-03-12\"\nnote =");
    std::ofstream(full.data / "registry/p3mi.csv", std::ios::binary | std::ios::trunc)
        << registryCsv(test::generatedCompanies(5000));
    const auto loaded = full.load();
    CHECK_MESSAGE(loaded.ok(), all(loaded.errors));
    CHECK(loaded.content.registry.companies.size() == 5000);
    CHECK(loaded.content.registry.info.taken == "2026-03-12");
}

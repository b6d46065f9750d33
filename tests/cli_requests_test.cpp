// Tests of `kiosk requests list|count|seed`: --db on either side of the subcommand, a missing
// database left missing, one line per request in the table, and JSON with every field.
#include "cli/requests_cli.hpp"

#include "export/format.hpp"
#include "store/requests.hpp"

#include "cli_support.hpp"
#include "test_support.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

using Run = test::CliRun;

Run kioskCommand(const std::string& args, const fs::path& defaultDb)
{
    return test::runKioskCommand<RequestsCommand>(args, defaultDb);
}

std::size_t lines(const std::string& text)
{
    return test::lineCount(text);
}

} // namespace

TEST_CASE("list and count never create a missing database")
{
    test::TempDir dir;
    const fs::path db = dir.path() / "missing.db";
    for (const char* command : {"requests count", "requests list", "requests list --json"}) {
        CAPTURE(command);
        const Run run =
            kioskCommand(std::string(command) + " --db " + db.string(), dir.path() / "default.db");
        CHECK(run.code == 1);
        CHECK(run.out.empty());
        CHECK(run.err.find("does not exist") != std::string::npos);
        CHECK_FALSE(fs::exists(db));
    }
}

TEST_CASE("seed, count and list, with --db before or after the subcommand")
{
    test::TempDir dir;
    const fs::path db = dir.path() / "training.db";
    const fs::path other = dir.path() / "default.db";

    Run run = kioskCommand("requests seed --count 40 --db " + db.string(), other);
    REQUIRE(run.code == 0);
    CHECK(run.out.find("added 40 synthetic requests") != std::string::npos);
    CHECK_FALSE(fs::exists(other));

    run = kioskCommand("--db " + db.string() + " requests count", other);
    CHECK(run.code == 0);
    CHECK(run.out == "40\n");
    run = kioskCommand("requests count", db); // the default
    CHECK(run.out == "40\n");

    SUBCASE("seeding a database that holds requests needs --append")
    {
        run = kioskCommand("requests seed --count 5 --db " + db.string(), other);
        CHECK(run.code == 1);
        CHECK(run.err.find("--append") != std::string::npos);
        run = kioskCommand("requests seed --count 5 --append --db " + db.string(), other);
        CHECK(run.code == 0);
        CHECK(kioskCommand("requests count --db " + db.string(), other).out == "45\n");
    }
    SUBCASE("the table has a header and one line per request")
    {
        run = kioskCommand("requests list --db " + db.string(), other);
        REQUIRE(run.code == 0);
        CHECK(lines(run.out) == 41);
        CHECK(run.out.rfind("REFERENCE", 0) == 0);
        CHECK(run.out.find("CMG-0001") != std::string::npos);
        CHECK(run.out.find("CMG-0040") != std::string::npos);
        CHECK(run.out.find("⏎") != std::string::npos); // the notes with newlines
        CHECK(run.out.find("Séno") != std::string::npos);
    }
    SUBCASE("JSON holds every field of every request")
    {
        run = kioskCommand("requests list --json --db " + db.string(), other);
        REQUIRE(run.code == 0);
        const auto json = nlohmann::json::parse(run.out);
        REQUIRE(json.is_array());
        REQUIRE(json.size() == 40);
        std::vector<StoredRequest> stored;
        {
            store::Db reader = store::openForReading(db);
            store::forEachRequest(reader, [&](const StoredRequest& r) { stored.push_back(r); });
        }
        for (std::size_t i = 0; i < stored.size(); ++i) {
            const auto& j = json[i];
            const StoredRequest& r = stored[i];
            CHECK(j.at("id") == r.id);
            CHECK(j.at("uid") == r.uid);
            CHECK(j.at("reference") == r.reference);
            CHECK(j.at("created") == exporter::isoUtc(r.createdMs));
            CHECK(j.at("lang") == std::string(langCode(r.request.lang)));
            CHECK(j.at("name") == r.request.name);
            CHECK(j.at("phone") == r.request.phone);
            CHECK(j.at("dusun") == r.request.dusun);
            CHECK(j.at("rt") == r.request.rt);
            CHECK(j.at("rw") == r.request.rw);
            CHECK(j.at("topic") == std::string(requestTopicId(r.request.topic)));
            CHECK(j.at("contact_time") == std::string(contactTimeId(r.request.time)));
            CHECK(j.at("note") == r.request.note);
        }
    }
    SUBCASE("an empty database is an empty array")
    {
        const fs::path empty = dir.path() / "empty.db";
        {
            FakeClock clock;
            std::ostringstream log;
            (void)store::RequestStore::open(empty, "CMG", clock, log);
        }
        run = kioskCommand("requests list --json --db " + empty.string(), other);
        CHECK(run.code == 0);
        CHECK(nlohmann::json::parse(run.out) == nlohmann::json::array());
    }
}

TEST_CASE("a table line shows control characters and broken UTF-8 harmlessly")
{
    StoredRequest r;
    r.reference = "CMG-0001";
    r.createdMs = 1'714'552'212'345;
    r.request.name = "Séno\x1b[2J";
    r.request.phone = "+6281234567890";
    r.request.note = "satu\ndua\ttiga\r\xC2\x9B"
                     "31m\xFF end";
    const std::string line = requestTableLine(r);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\x1b') == std::string::npos);
    CHECK(line.find('\r') == std::string::npos);
    CHECK(line.find('\t') == std::string::npos);
    CHECK(line.find("\xC2\x9B") == std::string::npos);
    CHECK(line.find("satu⏎dua") != std::string::npos);
    CHECK(line.find("2024-05-01 08:30") != std::string::npos);
    CHECK(line.find("end") != std::string::npos);
}

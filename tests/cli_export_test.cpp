// Tests of `kiosk export|keygen|decrypt` as main.cpp wires them: a sealed batch restored, exit 1
// with one line on every failure.
#include "cli/export_cli.hpp"

#include "store/requests.hpp"

#include "cli_support.hpp"
#include "test_support.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <sstream>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

using Run = test::CliRun;

Run kioskCommand(const std::vector<std::string>& args, const fs::path& defaultDb)
{
    return test::runKioskCommand<ExportCommand>(args, defaultDb);
}

std::size_t lines(const std::string& text)
{
    return test::lineCount(text);
}

} // namespace

TEST_CASE("keygen, a sealed export, decrypt; failures exit 1 with one line")
{
    test::TempDir dir;
    const fs::path db = dir.path() / "kiosk.db";
    {
        FakeClock clock;
        std::ostringstream log;
        auto opened = store::RequestStore::open(db, "CMG", clock, log);
        CallbackRequest r;
        r.name = "Séno";
        r.phone = "+6281234567890";
        r.note = "=1+1, \"kutip\"";
        REQUIRE(opened.store->submit(r).ok());
    }
    const std::string key = (dir.path() / "office").string();
    const Run keygen = kioskCommand({"keygen", "--out", key}, db);
    REQUIRE(keygen.code == 0);
    const Run again = kioskCommand({"keygen", "--out", key}, db);
    CHECK(again.code == 1);
    CHECK(lines(again.err) == 1);

    const fs::path stick = dir.path() / "stick";
    fs::create_directories(stick);
    const Run exported = kioskCommand(
        {"export", "--to", stick.string(), "--db", db.string(), "--public-key", key + ".public"}, db);
    REQUIRE_MESSAGE(exported.code == 0, exported.err);
    const fs::path batch = exported.out.substr(0, exported.out.find('\n'));
    CHECK(fs::exists(batch / "requests.csv.sealed"));
    CHECK(exported.out.find("1 requests, sealed") != std::string::npos);

    const Run nothing = kioskCommand({"export", "--to", stick.string(), "--db", db.string()}, db);
    CHECK(nothing.code == 0);
    CHECK(nothing.out.find("nothing to export") != std::string::npos);

    // The stick was lost: the same batch again, by the id at the end of its folder's name.
    const std::string folderName = batch.filename().string();
    const std::string batchId = folderName.substr(folderName.rfind('-') + 1);
    const Run copied =
        kioskCommand({"export", "--to", stick.string(), "--db", db.string(), "--again", batchId}, db);
    REQUIRE_MESSAGE(copied.code == 0, copied.err);
    const fs::path copy = copied.out.substr(0, copied.out.find('\n'));
    CHECK(copy != batch);
    CHECK(fs::exists(copy / "requests.csv"));
    CHECK(copied.out.find("1 requests, NOT sealed") != std::string::npos);
    CHECK(copied.out.find("0 newly marked collected") != std::string::npos);

    const Run decrypted = kioskCommand(
        {"decrypt", "--key", key + ".secret", batch.string(), "--out", (dir.path() / "plain").string()}, db);
    REQUIRE_MESSAGE(decrypted.code == 0, decrypted.err);
    CHECK(test::readFile(dir.path() / "plain" / "requests.csv").find("\"'=1+1, \"\"kutip\"\"\"") !=
          std::string::npos);

    for (const std::vector<std::string>& failing :
         {std::vector<std::string>{"export", "--to", (dir.path() / "no-stick").string(), "--db", db.string()},
          std::vector<std::string>{"export", "--to", stick.string(), "--db",
                                   (dir.path() / "none.db").string()},
          std::vector<std::string>{"export", "--to", stick.string(), "--db", db.string(), "--again",
                                   "0000000000"},
          std::vector<std::string>{"decrypt", "--key", (dir.path() / "office.public").string(),
                                   batch.string(), "--out", (dir.path() / "plain2").string()}}) {
        const Run run = kioskCommand(failing, db);
        CHECK(run.code == 1);
        CHECK_MESSAGE(lines(run.err) == 1, run.err);
    }
}

// Tests of `kiosk export|keygen|decrypt` as main.cpp wires them: a sealed batch restored, exit 1
// with one line on every failure.
#include "app/export_cli.hpp"

#include "store/requests.hpp"

#include "test_support.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <sstream>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

struct Run {
    int code = -1;
    std::string out, err;
};

Run kioskCommand(const std::vector<std::string>& args, const fs::path& defaultDb)
{
    CLI::App cli{"kiosk"};
    fs::path dbFile = defaultDb;
    cli.add_option("--db", dbFile, "Database file");
    ExportCommand command(cli, dbFile);
    Run run;
    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 takes them last first
    try {
        cli.parse(reversed);
    } catch (const CLI::ParseError& e) {
        std::ostringstream out, err;
        run.code = cli.exit(e, out, err);
        run.err = err.str() + out.str();
        return run;
    }
    REQUIRE(command.parsed());
    std::ostringstream out, err;
    run.code = command.run("CMG", out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

std::size_t lines(const std::string& text)
{
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
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

    const Run decrypted = kioskCommand(
        {"decrypt", "--key", key + ".secret", batch.string(), "--out", (dir.path() / "plain").string()}, db);
    REQUIRE_MESSAGE(decrypted.code == 0, decrypted.err);
    CHECK(test::readFile(dir.path() / "plain" / "requests.csv").find("\"'=1+1, \"\"kutip\"\"\"") !=
          std::string::npos);

    for (const std::vector<std::string>& failing :
         {std::vector<std::string>{"export", "--to", (dir.path() / "no-stick").string(), "--db", db.string()},
          std::vector<std::string>{"export", "--to", stick.string(), "--db",
                                   (dir.path() / "none.db").string()},
          std::vector<std::string>{"decrypt", "--key", (dir.path() / "office.public").string(),
                                   batch.string(), "--out", (dir.path() / "plain2").string()}}) {
        const Run run = kioskCommand(failing, db);
        CHECK(run.code == 1);
        CHECK_MESSAGE(lines(run.err) == 1, run.err);
    }
}

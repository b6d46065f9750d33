// Tests of `kiosk set-pin`: the PIN read twice from a stream, mismatches and bad PINs refused with
// nothing written, and the change audited without the PIN.
#include "cli/pin_cli.hpp"

#include "core/clock.hpp"
#include "store/officer.hpp"
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

// As kiosk/main.cpp does it: a top-level --db, the command line, and `input` as standard input.
Run setPin(const std::string& args, const std::string& input)
{
    CLI::App cli{"kiosk"};
    fs::path dbFile;
    cli.add_option("--db", dbFile, "Database file");
    SetPinCommand command(cli, dbFile);
    cli.parse(args, false);
    REQUIRE(command.parsed());
    std::istringstream in(input);
    std::ostringstream out, err;
    Run run;
    run.code = command.run("CMG", in, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

} // namespace

TEST_CASE("set-pin reads the PIN twice from standard input and refuses a mismatch")
{
    test::TempDir dir;
    const fs::path file = dir.path() / "kiosk.db";
    const std::string db = "set-pin --db " + file.string();

    const Run mismatch = setPin(db, "246813\n246814\n");
    CHECK(mismatch.code == 1);
    CHECK(mismatch.err == "kiosk: set-pin: the two PINs differ; nothing changed\n");
    CHECK_FALSE(fs::exists(file));
    for (const char* bad : {"12345\n12345\n", "123456789\n123456789\n", "12a456\n12a456\n"}) {
        const Run refused = setPin(db, bad);
        CHECK(refused.code == 1);
        CHECK(refused.err == "kiosk: set-pin: the PIN must be 6 to 8 digits; nothing changed\n");
    }
    CHECK(setPin(db, "246813\n").code == 1); // given once only
    CHECK_FALSE(fs::exists(file));
    CHECK_THROWS(setPin(db + " 246813", "")); // never from the arguments

    const Run ok = setPin(db, "246813\r\n246813\r\n");
    CHECK(ok.code == 0);
    CHECK(ok.out.find("PIN is set") != std::string::npos);
    CHECK(ok.out.find("246813") == std::string::npos);
    CHECK(ok.err.empty());

    const SystemClock wall;
    std::ostringstream log;
    auto opened = store::RequestStore::open(file, "CMG", wall, log);
    REQUIRE(opened.store->available());
    FakeClock clock;
    store::OfficerAccess officer(*opened.store->database(), clock);
    CHECK(officer.check("246813").status == store::PinCheck::Status::Ok);
    const auto audit = officer.auditSince(0);
    REQUIRE(audit.size() == 2);
    CHECK(audit[0].kind == store::kAuditPinChanged);
    CHECK(audit[0].detail == "first");
    for (const auto& e : audit) {
        CHECK(e.detail.find("246813") == std::string::npos);
        CHECK(e.detail.find("$argon2") == std::string::npos);
    }
}

// desa-office user add | list | unlock on both stores: the password twice on standard input, the
// refusals people read, the lockout shown and lifted, and each change in the desk's audit log.
#include "cli/office_cli.hpp"
#include "ledger/accounts.hpp"

#include "office_support.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <sstream>

using namespace kiosk;
using namespace kiosk::office;

namespace {

struct Run {
    int code = 0;
    std::string out, err;
};

// The list shows a lock by the real clock, as the command reads it.
std::int64_t systemNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE_TEMPLATE("desa-office user add, list, unlock", Kind, test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    auto store = Kind::open(dir);
    const std::string config = (dir.path() / "office.toml").string(); // none: the defaults
    const auto run = [&](std::vector<std::string> args, const std::string& input = "") {
        args.insert(args.begin(), {"desa-office", "--database", Kind::database(dir), "--config", config});
        std::vector<const char*> argv;
        for (const std::string& a : args)
            argv.push_back(a.c_str());
        std::istringstream in(input);
        std::ostringstream out, err;
        Run r;
        r.code = runOffice(static_cast<int>(argv.size()), argv.data(), in, out, err);
        r.out = out.str();
        r.err = err.str();
        return r;
    };

    Run r = run({"user", "list"});
    CHECK(r.code == 0);
    CHECK(r.out == "no users yet: desa-office user add NAME --role admin\n");

    r = run({"user", "add", "siti", "--role", "admin"}, "sandi-rahasia-7\nsandi-rahasia-7\n");
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(r.out == "user siti added (admin)\n");
    CHECK(r.err.empty()); // no prompts when standard input is not a terminal
    // Windows line ends from a piped file, and no line end at the very end.
    r = run({"user", "add", "petugas-b", "--role", "officer"}, "sandi-petugas-b\r\nsandi-petugas-b");
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(checkLogin(*store, "siti", "sandi-rahasia-7", test::kOfficeT0).outcome == LoginOutcome::Ok);
    CHECK(checkLogin(*store, "petugas-b", "sandi-petugas-b", test::kOfficeT0).outcome == LoginOutcome::Ok);
    CHECK(findUser(*store, "petugas-b")->role == Role::Officer);

    // Refused, with nothing added.
    r = run({"user", "add", "andi", "--role", "officer"}, "sandi-satu-123\nsandi-dua-1234\n");
    CHECK(r.code == 1);
    CHECK(r.err == "desa-office: the two passwords differ; no user was added\n");
    r = run({"user", "add", "andi", "--role", "officer"}, "sandi-satu-123\n");
    CHECK(r.code == 2);
    CHECK(has(r.err, "reads the password twice on standard input, one per line"));
    r = run({"user", "add", "andi", "--role", "officer"}, "");
    CHECK(r.code == 2);
    r = run({"user", "add", "andi", "--role", "officer"}, "pendek\npendek\n");
    CHECK(r.code == 1);
    CHECK(r.err == "desa-office: user not added: the password is too short: at least 10 characters\n");
    r = run({"user", "add", "siti", "--role", "officer"}, "sandi-lain-1234\nsandi-lain-1234\n");
    CHECK(r.code == 1);
    CHECK(has(r.err, "the user name 'siti' is taken"));
    r = run({"user", "add", "Andi Baru", "--role", "officer"}, "sandi-lain-1234\nsandi-lain-1234\n");
    CHECK(r.code == 1);
    CHECK(has(r.err, "a user name is 2–32 characters"));
    r = run({"user", "add", "andi", "--role", "kepala"}, "sandi-lain-1234\nsandi-lain-1234\n");
    CHECK(r.code != 0);
    CHECK(has(r.err, "--role"));
    r = run({"user", "add", "andi"}, "sandi-lain-1234\nsandi-lain-1234\n");
    CHECK(r.code != 0);
    CHECK_FALSE(findUser(*store, "andi").has_value());
    CHECK(listUsers(*store).size() == 2);

    // The list, and a lockout shown and lifted.
    for (int i = 0; i < 5; ++i)
        (void)checkLogin(*store, "petugas-b", "salah-" + std::to_string(i), systemNowMs());
    r = run({"user", "list"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "petugas-b"));
    CHECK(has(r.out, "officer"));
    CHECK(has(r.out, "LOCKED until "));
    CHECK(has(r.out, "(desa-office user unlock petugas-b)"));
    CHECK(has(r.out, "siti"));
    CHECK(r.out.find("petugas-b") < r.out.find("siti"));
    r = run({"user", "list", "--json"});
    const auto users = nlohmann::json::parse(r.out);
    REQUIRE(users.size() == 2);
    CHECK(users[0]["name"] == "petugas-b");
    CHECK(users[0]["role"] == "officer");
    CHECK(users[0]["locked_until"].is_string());
    CHECK(users[1]["name"] == "siti");
    CHECK(users[1]["role"] == "admin");
    CHECK(users[1]["locked_until"].is_null());
    CHECK(users[1]["failed_logins"] == 0);
    CHECK_FALSE(has(r.out, "argon2")); // never the hash

    r = run({"user", "unlock", "petugas-b"});
    CHECK(r.code == 0);
    CHECK(r.out == "user petugas-b unlocked\n");
    CHECK(checkLogin(*store, "petugas-b", "sandi-petugas-b", systemNowMs()).outcome == LoginOutcome::Ok);
    r = run({"user", "unlock", "tidak-ada"});
    CHECK(r.code == 1);
    CHECK(r.err == "desa-office: there is no user 'tidak-ada'\n");

    // Each change in the audit log, newest first.
    const std::vector<AuditEntry> log = listAudit(*store, 10, 0);
    REQUIRE(log.size() == 3);
    CHECK(log[0].action == "user-unlock");
    CHECK(log[0].subject == "petugas-b");
    CHECK(log[0].address == "command line");
    CHECK_FALSE(log[0].who.empty());
    CHECK(log[1].action == "user-add");
    CHECK(log[1].subject == "petugas-b (officer)");
    CHECK(log[2].subject == "siti (admin)");
}

// The desk's accounts and audit log on both stores: Argon2id hashes, logins, the lockout that
// doubles, unlock, unknown names, concurrent wrong logins, and the audit log's round trip.
#include "ledger/accounts.hpp"

#include "office_support.hpp"

#include <atomic>
#include <thread>
#include <type_traits>

using namespace kiosk;
using namespace kiosk::office;
using test::kOfficeT0;

namespace {

constexpr std::int64_t kMinute = 60'000;
const std::string kGood = "sandi-rahasia-7";

// Another connection to the same database, as a second desk worker has.
template <typename Kind> std::unique_ptr<Store> connectAgain(const test::TempDir& dir)
{
    if constexpr (std::is_same_v<Kind, test::SqliteKind>)
        return openSqlite((dir.path() / "office.db").string());
    else
        return openPostgres(test::postgresUri());
}

LoginOutcome wrongTimes(Store& store, int n, std::int64_t at)
{
    LoginOutcome last = LoginOutcome::Ok;
    for (int i = 0; i < n; ++i)
        last = checkLogin(store, "siti", "salah-sandi-" + std::to_string(i), at).outcome;
    return last;
}

} // namespace

TEST_CASE_TEMPLATE("desk accounts: Argon2id hash, names and passwords refused with a sentence", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    auto store = Kind::open(dir);
    addUser(*store, "siti", Role::Admin, kGood, kOfficeT0);
    addUser(*store, "petugas-b", Role::Officer, "sandi-petugas-b", kOfficeT0 + 1);

    const std::vector<Row> rows = store->query("SELECT password_hash FROM desk_users WHERE name = 'siti'");
    REQUIRE(rows.size() == 1);
    const std::string hash = rows[0].text(0);
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find(kGood) == std::string::npos);
    // Salted: the same password twice gives two hashes.
    addUser(*store, "siti2", Role::Officer, kGood, kOfficeT0);
    CHECK(store->query("SELECT password_hash FROM desk_users WHERE name = 'siti2'")[0].text(0) != hash);

    const std::vector<DeskUser> users = listUsers(*store);
    REQUIRE(users.size() == 3);
    CHECK(users[0].name == "petugas-b");
    CHECK(users[0].role == Role::Officer);
    CHECK(users[1].name == "siti");
    CHECK(users[1].role == Role::Admin);
    CHECK(users[1].createdMs == kOfficeT0);
    CHECK(users[1].failedLogins == 0);
    CHECK(users[1].lockedUntilMs == 0);
    CHECK(findUser(*store, "siti")->role == Role::Admin);
    CHECK_FALSE(findUser(*store, "tidak-ada").has_value());

    const auto refusal = [&](const std::string& name, const std::string& password) {
        try {
            addUser(*store, name, Role::Officer, password, kOfficeT0);
        } catch (const AccountRefused& e) {
            CHECK_FALSE(e.english().empty());
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
    CHECK(refusal("siti", "sandi-lain-panjang") == "Nama pengguna \"siti\" sudah dipakai.");
    CHECK(refusal("andi", "pendek-123").find("terlalu pendek") == std::string::npos); // 10 characters: enough
    CHECK(refusal("budi", "pendek-12").find("terlalu pendek") != std::string::npos);  // 9
    // Characters, not bytes: "sandiéééé" is 9 characters in 13 bytes.
    CHECK(refusal("cici", "sandi\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9").find("terlalu pendek") !=
          std::string::npos);
    CHECK(refusal("petugas-rt", "Petugas-RT").find("sama dengan nama") != std::string::npos);
    for (const std::string bad : {"", "a", "Siti", "siti lestari", "-siti", "../admin", "siti/x",
                                  "s\xC3\xADti", "nama-yang-terlalu-panjang-sekali-x", "<script>"})
        CHECK_MESSAGE(refusal(bad, "sandi-yang-cukup").find("Nama pengguna harus") == 0, bad);
    CHECK(roleFromId("admin") == Role::Admin);
    CHECK(roleFromId("officer") == Role::Officer);
    CHECK_FALSE(roleFromId("Admin").has_value());
    CHECK(roleId(Role::Officer) == "officer");
}

TEST_CASE_TEMPLATE("desk accounts: login right, wrong, locked after five, doubling, reset, unlock", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    auto store = Kind::open(dir);
    addUser(*store, "siti", Role::Officer, kGood, kOfficeT0);
    std::int64_t t = kOfficeT0 + kMinute;

    LoginResult ok = checkLogin(*store, "siti", kGood, t);
    CHECK(ok.outcome == LoginOutcome::Ok);
    REQUIRE(ok.user.has_value());
    CHECK(ok.user->name == "siti");
    CHECK(ok.user->role == Role::Officer);
    CHECK(checkLogin(*store, "SITI", kGood, t).outcome == LoginOutcome::Wrong);
    CHECK(checkLogin(*store, "siti", kGood + " ", t).outcome == LoginOutcome::Wrong);
    CHECK(findUser(*store, "siti")->failedLogins == 1);
    CHECK(checkLogin(*store, "siti", kGood, t).outcome == LoginOutcome::Ok);
    CHECK(findUser(*store, "siti")->failedLogins == 0);

    SUBCASE("unknown names answer Wrong, never Locked, and lock nothing")
    {
        for (int i = 0; i < 7; ++i)
            CHECK(checkLogin(*store, "tidak-ada", kGood, t).outcome == LoginOutcome::Wrong);
        CHECK(checkLogin(*store, "' OR '1'='1", "' OR '1'='1", t).outcome == LoginOutcome::Wrong);
        CHECK(checkLogin(*store, "siti", kGood, t).outcome == LoginOutcome::Ok);
    }

    SUBCASE("four wrong then right: the count starts again")
    {
        CHECK(wrongTimes(*store, 4, t) == LoginOutcome::Wrong);
        CHECK(findUser(*store, "siti")->failedLogins == 4);
        CHECK(checkLogin(*store, "siti", kGood, t).outcome == LoginOutcome::Ok);
        CHECK(findUser(*store, "siti")->failedLogins == 0);
        CHECK(wrongTimes(*store, 4, t) == LoginOutcome::Wrong);
        CHECK(checkLogin(*store, "siti", kGood, t).outcome == LoginOutcome::Ok);
    }

    SUBCASE("the fifth locks for 5 minutes, the next lock 10, then 20, and a good login resets it")
    {
        CHECK(wrongTimes(*store, 4, t) == LoginOutcome::Wrong);
        const LoginResult fifth = checkLogin(*store, "siti", "salah-lagi", t);
        CHECK(fifth.outcome == LoginOutcome::Wrong);
        CHECK(fifth.lockedUntilMs == t + 5 * kMinute);
        CHECK(findUser(*store, "siti")->lockedUntilMs == t + 5 * kMinute);
        // Locked: even the right password, and it is not counted.
        const LoginResult locked = checkLogin(*store, "siti", kGood, t + 4 * kMinute);
        CHECK(locked.outcome == LoginOutcome::Locked);
        CHECK(locked.lockedUntilMs == t + 5 * kMinute);
        CHECK_FALSE(locked.user.has_value());
        CHECK(checkLogin(*store, "siti", "salah", t + 5 * kMinute - 1).outcome == LoginOutcome::Locked);
        CHECK(findUser(*store, "siti")->failedLogins == 0);

        // Free again at the end of the lock; five more wrong lock twice as long.
        t += 5 * kMinute;
        CHECK(wrongTimes(*store, 4, t) == LoginOutcome::Wrong);
        CHECK(checkLogin(*store, "siti", "salah", t).lockedUntilMs == t + 10 * kMinute);
        CHECK(checkLogin(*store, "siti", kGood, t + 10 * kMinute - 1).outcome == LoginOutcome::Locked);
        t += 10 * kMinute;
        CHECK(wrongTimes(*store, 4, t) == LoginOutcome::Wrong);
        CHECK(checkLogin(*store, "siti", "salah", t).lockedUntilMs == t + 20 * kMinute);

        // The right password after the lock: in, and the doubling forgotten.
        t += 20 * kMinute;
        CHECK(checkLogin(*store, "siti", kGood, t).outcome == LoginOutcome::Ok);
        CHECK(wrongTimes(*store, 4, t) == LoginOutcome::Wrong);
        CHECK(checkLogin(*store, "siti", "salah", t).lockedUntilMs == t + 5 * kMinute);
    }

    SUBCASE("the doubling stops at 24 hours")
    {
        // After 8 locks the next lasts 5 min × 2^8 (21 h 20 min); after 9 it would be 42 h: 24 h.
        store->exec("UPDATE desk_users SET locks = 8");
        CHECK(wrongTimes(*store, 4, t) == LoginOutcome::Wrong);
        std::int64_t until = checkLogin(*store, "siti", "salah", t).lockedUntilMs;
        CHECK(until - t == 256 * 5 * kMinute);
        t = until;
        CHECK(wrongTimes(*store, 4, t) == LoginOutcome::Wrong);
        until = checkLogin(*store, "siti", "salah", t).lockedUntilMs;
        CHECK(until - t == kLongestLockMs);
    }

    SUBCASE("an admin unlocks: in at once, the count and the doubling forgotten")
    {
        CHECK(wrongTimes(*store, 5, t) == LoginOutcome::Wrong);
        CHECK(checkLogin(*store, "siti", kGood, t).outcome == LoginOutcome::Locked);
        unlockUser(*store, "siti");
        CHECK(findUser(*store, "siti")->lockedUntilMs == 0);
        CHECK(checkLogin(*store, "siti", kGood, t).outcome == LoginOutcome::Ok);
        CHECK(wrongTimes(*store, 5, t) == LoginOutcome::Wrong);
        CHECK(findUser(*store, "siti")->lockedUntilMs == t + 5 * kMinute);
        CHECK_THROWS_WITH_AS(unlockUser(*store, "tidak-ada"), "Tidak ada pengguna bernama \"tidak-ada\".",
                             AccountRefused);
    }
}

TEST_CASE_TEMPLATE("desk accounts: concurrent wrong logins lose no count", Kind, test::SqliteKind,
                   test::PostgresKind)
{
    test::TempDir dir;
    auto store = Kind::open(dir);
    addUser(*store, "siti", Role::Officer, kGood, kOfficeT0);
    // 4 connections × 3 wrong passwords at once: exactly five are counted (the fifth locks), the
    // rest find the account locked.
    std::atomic<int> wrong{0}, locked{0}, failed{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < 4; ++c)
        threads.emplace_back([&, c] {
            try {
                auto own = connectAgain<Kind>(dir);
                for (int i = 0; i < 3; ++i) {
                    const LoginOutcome o =
                        checkLogin(*own, "siti", "salah-" + std::to_string(c * 10 + i), kOfficeT0).outcome;
                    (o == LoginOutcome::Wrong ? wrong : o == LoginOutcome::Locked ? locked : failed) += 1;
                }
            } catch (...) {
                ++failed;
            }
        });
    for (std::thread& th : threads)
        th.join();
    CHECK(failed == 0);
    CHECK(wrong == 5);
    CHECK(locked == 7);
    const DeskUser siti = *findUser(*store, "siti");
    CHECK(siti.lockedUntilMs == kOfficeT0 + 5 * kMinute);
    CHECK(siti.failedLogins == 0);
}

TEST_CASE_TEMPLATE("desk audit log: round trip, newest first, paging, text kept as it is", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    auto store = Kind::open(dir);
    CHECK(listAudit(*store, 10, 0).empty());
    audit(*store, {kOfficeT0, "siti", "login", "siti", "127.0.0.1"});
    audit(*store, {kOfficeT0 + 1000, "siti", "view-request", "0f3c-uid", "192.168.1.20"});
    audit(*store, {kOfficeT0 + 2000, "petugas-b", "follow-up",
                   "<script>alert(1)</script>'; DROP TABLE desk_audit; --", "::1"});
    const std::vector<AuditEntry> all = listAudit(*store, 10, 0);
    REQUIRE(all.size() == 3);
    CHECK(all[0].atMs == kOfficeT0 + 2000);
    CHECK(all[0].who == "petugas-b");
    CHECK(all[0].action == "follow-up");
    CHECK(all[0].subject == "<script>alert(1)</script>'; DROP TABLE desk_audit; --");
    CHECK(all[0].address == "::1");
    CHECK(all[2].action == "login");
    CHECK(all[1].subject == "0f3c-uid");
    CHECK(all[1].address == "192.168.1.20");
    const std::vector<AuditEntry> second = listAudit(*store, 1, 1);
    REQUIRE(second.size() == 1);
    CHECK(second[0].action == "view-request");
    CHECK(listAudit(*store, 10, 3).empty());
    CHECK(listAudit(*store, static_cast<std::size_t>(-1), 0).size() == 3);

    // One subject's entries: who saw or changed that request.
    audit(*store, {kOfficeT0 + 3000, "petugas-b", "follow-up", "0f3c-uid", "192.168.1.21"});
    const std::vector<AuditEntry> of = listAuditOf(*store, "0f3c-uid", 10);
    REQUIRE(of.size() == 2);
    CHECK(of[0].action == "follow-up");
    CHECK(of[0].who == "petugas-b");
    CHECK(of[1].action == "view-request");
    CHECK(listAuditOf(*store, "0f3c-uid", 1).size() == 1);
    CHECK(listAuditOf(*store, "0f3c", 10).empty());
    CHECK(listAuditOf(*store, "' OR '1'='1", 10).empty());
}

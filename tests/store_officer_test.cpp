// Tests of the officer PIN and the audit log: Argon2id round trip, PIN rules, lockout with a fake
// clock, state across reopening, and no PIN or hash ever in the audit.
#include "store/officer.hpp"
#include "store/schema.hpp"

#include "store_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <stdexcept>

using namespace kiosk;
using namespace kiosk::store;
using Status = PinCheck::Status;

namespace {

constexpr const char* kPin = "4815162342"; // not used: too long; kept out of the audit checks
constexpr const char* kGoodPin = "736194";
constexpr const char* kWrongPin = "111111";

std::string auditText(OfficerAccess& officer)
{
    std::string text;
    for (const AuditEntry& e : officer.auditSince(0))
        text += e.kind + " " + e.detail + "\n";
    return text;
}

// Wrong attempts that are not hashed (the wrong shape), so a lockout costs no hashing time.
void wrongUnhashed(OfficerAccess& officer, int times)
{
    for (int i = 0; i < times; ++i)
        CHECK(officer.check("x").status == Status::Wrong);
}

} // namespace

TEST_CASE("PIN rules: 6 to 8 ASCII digits")
{
    CHECK(validPin("123456"));
    CHECK(validPin("12345678"));
    CHECK_FALSE(validPin("12345"));
    CHECK_FALSE(validPin("123456789"));
    CHECK_FALSE(validPin("12345a"));
    CHECK_FALSE(validPin("１２３４５６")); // full-width digits
    CHECK_FALSE(validPin("123 456"));
    CHECK_FALSE(validPin(""));
    CHECK_FALSE(validPin(kPin));

    Db db = test::migratedMemory();
    FakeClock clock;
    OfficerAccess officer(db, clock);
    for (const char* bad : {"12345", "123456789", "abcdef", "12345a", "-12345"})
        CHECK_THROWS_AS(officer.setPin(bad), std::invalid_argument);
    CHECK_FALSE(officer.hasPin());
    CHECK(officer.auditSince(0).empty());
}

TEST_CASE("lockout lengths double from 5 minutes up to 24 hours")
{
    CHECK(lockoutDuration(1) == 300'000);
    CHECK(lockoutDuration(2) == 600'000);
    CHECK(lockoutDuration(3) == 1'200'000);
    CHECK(lockoutDuration(9) == 300'000LL << 8);
    CHECK(lockoutDuration(10) == kMaxLockoutMs);
    CHECK(lockoutDuration(1'000'000) == kMaxLockoutMs);
}

TEST_CASE("a PIN is stored only as an Argon2id hash and checks round trip")
{
    Db db = test::migratedMemory();
    FakeClock clock;
    OfficerAccess officer(db, clock);
    CHECK(officer.check(kGoodPin).status == Status::NoPin);

    const auto t0 = std::chrono::steady_clock::now();
    officer.setPin(kGoodPin);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("one crypto_pwhash_str: " << ms << " ms");
    CHECK(officer.hasPin());
    const std::string hash = db.queryText("SELECT pin_hash FROM officer");
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find(kGoodPin) == std::string::npos);

    CHECK(officer.check(kGoodPin).status == Status::Ok);
    const PinCheck wrong = officer.check(kWrongPin);
    CHECK(wrong.status == Status::Wrong);
    CHECK(wrong.failures == 1);

    const std::string audit = auditText(officer);
    CHECK(audit ==
          "officer-login-no-pin \npin-changed first\nofficer-login-ok \nofficer-login-failed failures=1\n");
    CHECK(audit.find(kGoodPin) == std::string::npos);
    CHECK(audit.find(kWrongPin) == std::string::npos);
    CHECK(audit.find("$argon2") == std::string::npos);
}

TEST_CASE("5 wrong PINs lock for 5 minutes, the next lockout for 10; state survives reopening")
{
    test::TempDir dir;
    const auto file = dir.path() / "kiosk.db";
    FakeClock clock;
    {
        Db db(file, OpenMode::ReadWriteCreate);
        migrate(db);
        OfficerAccess officer(db, clock);
        officer.setPin(kGoodPin);

        // A correct PIN in between clears the failures: 4 wrong, ok, 4 wrong stays open.
        wrongUnhashed(officer, 3);
        CHECK(officer.check("1").failures == 4);
        CHECK(officer.check(kGoodPin).status == Status::Ok);
        wrongUnhashed(officer, 3);
        CHECK(officer.check("2").failures == 4);

        // The 5th in a row locks.
        const PinCheck fifth = officer.check("000000x");
        CHECK(fifth.status == Status::Locked);
        CHECK(fifth.secondsLeft == 300);
    }
    {
        // Reopened (a restart): still locked; the right PIN is not even tried.
        Db db(file, OpenMode::ReadWriteCreate);
        migrate(db);
        OfficerAccess officer(db, clock);
        CHECK(officer.hasPin());
        clock.advance(299'000);
        const PinCheck locked = officer.check(kGoodPin);
        CHECK(locked.status == Status::Locked);
        CHECK(locked.secondsLeft == 1);
        clock.advance(999);
        CHECK(officer.check(kGoodPin).secondsLeft == 1);
        clock.advance(1);
        // Open at 300 s: the next 5 wrong lock for 10 minutes.
        wrongUnhashed(officer, 4);
        const PinCheck second = officer.check("y");
        CHECK(second.status == Status::Locked);
        CHECK(second.secondsLeft == 600);
        clock.advance(600'000);
        CHECK(officer.check(kGoodPin).status == Status::Ok);
        // The correct PIN kept the lockout count: the third lockout lasts 20 minutes.
        wrongUnhashed(officer, 4);
        CHECK(officer.check("z").secondsLeft == 1200);

        // A new PIN (from a terminal) clears the lockout.
        officer.setPin("90817263");
        CHECK(officer.check("90817263").status == Status::Ok);

        // Every attempt is in the audit, none holds a PIN or a hash.
        const auto entries = officer.auditSince(0);
        int attempts = 0, lockouts = 0, changes = 0;
        for (const AuditEntry& e : entries) {
            attempts += e.kind == kAuditLoginOk || e.kind == kAuditLoginFailed || e.kind == kAuditLoginLocked;
            lockouts += e.kind == kAuditLockout;
            changes += e.kind == kAuditPinChanged;
        }
        // 4 + 5 + 5 + 5 wrong, 2 attempts while locked, 3 correct.
        CHECK(attempts == 19 + 2 + 3);
        CHECK(lockouts == 3);
        CHECK(changes == 2);
        const std::string audit = auditText(officer);
        for (const char* secret : {kGoodPin, "90817263", "$argon2"})
            CHECK(audit.find(secret) == std::string::npos);
        CHECK(audit.find("officer-lockout lockout=2 seconds=600") != std::string::npos);

        // recentAudit: newest first; auditSince: after an id, oldest first.
        const auto recent = officer.recentAudit(2);
        REQUIRE(recent.size() == 2);
        CHECK(recent[0].kind == kAuditLoginOk);
        CHECK(recent[1].kind == kAuditPinChanged);
        CHECK(recent[0].id > recent[1].id);
        const auto since = officer.auditSince(recent[1].id);
        REQUIRE(since.size() == 1);
        CHECK(since[0].id == recent[0].id);
        CHECK(since[0].atMs == clock.now());
    }
}

TEST_CASE("the audit as free functions: appended in the caller's transaction, read both ways")
{
    Db db = test::migratedMemory();
    appendAudit(db, 1'000, kAuditContent);
    appendAudit(db, 2'000, kAuditPurge, "count=3 days=14");
    {
        // Rolled back with the action it belongs to.
        Transaction transaction(db);
        appendAudit(db, 3'000, kAuditExport, "batch=x count=1 marked=1 sealed=no");
    }
    const auto all = auditSince(db, 0);
    REQUIRE(all.size() == 2);
    CHECK(all[0].kind == "content-loaded");
    CHECK(all[0].detail.empty());
    CHECK(db.queryInt("SELECT count(*) FROM audit WHERE detail IS NULL") == 0);
    CHECK(all[1].atMs == 2'000);
    CHECK(all[1].detail == "count=3 days=14");
    CHECK(auditSince(db, all[0].id).size() == 1);
    CHECK(auditSince(db, all[1].id).empty());
    const auto recent = recentAudit(db, 5);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].id == all[1].id);

    // OfficerAccess writes to the same log, at its clock's time.
    FakeClock clock;
    OfficerAccess officer(db, clock);
    officer.appendAudit(kAuditReexport, "batch=y count=1 marked=0 sealed=yes");
    CHECK(recentAudit(db, 1)[0].atMs == clock.now());
    CHECK(officer.auditSince(0).size() == 3);
    CHECK(officer.recentAudit(1)[0].kind == "re-export");
}

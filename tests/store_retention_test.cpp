// Tests of purging collected requests: which ones go, the audit row, and that their bytes are
// really gone from the database file and its WAL.
#include "store/batches.hpp"
#include "store/officer.hpp"
#include "store/requests.hpp"
#include "store/retention.hpp"

#include "store_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::store;

namespace {

constexpr Millis kDay = 24 * 60 * 60 * 1000;
constexpr Millis kNow = 1'764'400'000'000;

// A request whose name, phone and note appear nowhere else in the file.
CallbackRequest marked(const std::string& tag)
{
    CallbackRequest r = test::numberedRequest(static_cast<long>(tag.size()));
    r.name = "Nama-" + tag;
    r.phone = "+62811" + std::to_string(std::hash<std::string>{}(tag) % 10'000'000);
    r.note = "CATATAN-" + tag + "-7f3a9c";
    return r;
}

struct Fixture {
    test::TempDir dir;
    fs::path file = dir.path() / "kiosk.db";
    FakeClock clock;
    std::ostringstream log;
    RequestStore::Opened opened = RequestStore::open(file, "CMG", clock, log);
    RequestStore& store = *opened.store;
    Db& db = *store.database();

    // Requests 1–5: two collected 20 and 15 days ago, one 2 days ago, one exactly 14 days ago,
    // and one never collected though it is 30 days old.
    Fixture()
    {
        const char* const tags[] = {"old-a", "old-b", "recent", "edge", "never"};
        std::vector<NewRequest> batch;
        for (const char* tag : tags)
            batch.push_back({marked(tag), kNow - 30 * kDay});
        store.insertBatch(batch);
        collect("b-old", {1}, kNow - 20 * kDay);
        collect("b-old2", {2}, kNow - 15 * kDay);
        collect("b-new", {3}, kNow - 2 * kDay);
        collect("b-edge", {4}, kNow - 14 * kDay);
    }
    void collect(const std::string& id, std::initializer_list<std::int64_t> ids, Millis at)
    {
        BatchRecord b;
        b.id = id;
        b.createdMs = at;
        b.count = static_cast<std::int64_t>(ids.size());
        b.folder = id;
        REQUIRE(markCollected(db, b, std::span<const std::int64_t>(ids.begin(), ids.size()), at) == b.count);
    }
    // Everything SQLite has on disk for this database: the file and its WAL, after a checkpoint.
    std::string rawBytes()
    {
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        std::string bytes = test::readFile(file);
        if (fs::exists(dir.path() / "kiosk.db-wal"))
            bytes += test::readFile(dir.path() / "kiosk.db-wal");
        return bytes;
    }
    std::vector<std::int64_t> ids()
    {
        std::vector<std::int64_t> out;
        for (const StoredRequest& r : store.list())
            out.push_back(r.id);
        return out;
    }
};

bool holds(const std::string& bytes, const CallbackRequest& r)
{
    return bytes.find(r.note) != std::string::npos || bytes.find(r.name) != std::string::npos ||
           bytes.find(r.phone) != std::string::npos;
}

} // namespace

TEST_CASE("purging deletes only requests collected more than the retention ago, and audits it")
{
    Fixture f;
    const std::int64_t auditBefore = static_cast<std::int64_t>(auditSince(f.db, 0).size());
    CHECK(purgeCollected(f.db, kNow, kDefaultRetentionDays) == 2);
    // Collected 2 and exactly 14 days ago stay, and the one never collected, however old.
    CHECK(f.ids() == std::vector<std::int64_t>{3, 4, 5});
    const auto audit = auditSince(f.db, 0);
    REQUIRE(static_cast<std::int64_t>(audit.size()) == auditBefore + 1);
    CHECK(audit.back().kind == kAuditPurge);
    CHECK(audit.back().detail == "count=2 days=14");
    CHECK(audit.back().atMs == kNow);

    // Nothing more to purge: no audit row either.
    CHECK(purgeCollected(f.db, kNow, kDefaultRetentionDays) == 0);
    CHECK(auditSince(f.db, 0).size() == audit.size());
    // The batches stay (counts and times only); the purged requests' ids are never handed out again.
    CHECK(listBatches(f.db).size() == 4);
    CHECK(f.store.submit(test::numberedRequest(77)).reference == "CMG-0006");

    // A day later the one collected exactly 14 days ago goes too; with 0 days, every collected one.
    CHECK(purgeCollected(f.db, kNow + kDay, kDefaultRetentionDays) == 1);
    CHECK(purgeCollected(f.db, kNow, 0) == 1);
    CHECK(f.ids() == std::vector<std::int64_t>{5, 6});
    CHECK_THROWS_AS(purgeCollected(f.db, kNow, -1), std::invalid_argument);
    CHECK(f.db.queryText("PRAGMA foreign_key_check").empty());
}

TEST_CASE("a purge that fails deletes nothing")
{
    Fixture f;
    f.db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'refused'); END");
    CHECK_THROWS_AS(purgeCollected(f.db, kNow, kDefaultRetentionDays), SqliteError);
    CHECK(f.ids().size() == 5);
    CHECK_FALSE(f.db.inTransaction());
}

TEST_CASE("purged requests leave no bytes in the database file or its WAL")
{
    Fixture f;
    // The connection's own setting is off, so only the purge's secure_delete can overwrite.
    f.db.exec("PRAGMA secure_delete = OFF");
    const std::string before = f.rawBytes();
    for (const char* tag : {"old-a", "old-b", "recent", "edge", "never"})
        REQUIRE_MESSAGE(holds(before, marked(tag)), tag << " is not in the file before the purge");

    REQUIRE(purgeCollected(f.db, kNow, kDefaultRetentionDays) == 2);
    CHECK(f.db.queryInt("PRAGMA secure_delete") == 0); // as it was
    // Without a checkpoint of its own: the purge empties the WAL itself.
    CHECK(fs::file_size(f.dir.path() / "kiosk.db-wal") == 0);
    const std::string after = f.rawBytes();
    CHECK_FALSE(holds(after, marked("old-a")));
    CHECK_FALSE(holds(after, marked("old-b")));
    CHECK(holds(after, marked("recent")));
    CHECK(holds(after, marked("never")));
    CHECK(after.find("count=2 days=14") != std::string::npos);

    // The control: a plain DELETE without secure_delete leaves the bytes behind, so the check
    // above would see them.
    f.db.exec("DELETE FROM requests WHERE id = 3");
    CHECK(holds(f.rawBytes(), marked("recent")));
}

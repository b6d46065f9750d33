// Tests of export batches in the store: which requests are exported, marking and its audit row in
// one transaction, a batch's requests again, the newest batches.
#include "store/batches.hpp"
#include "store/officer.hpp"
#include "store/requests.hpp"

#include "store_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>

using namespace kiosk;
using namespace kiosk::store;

namespace {

struct Fixture {
    test::TempDir dir;
    FakeClock clock;
    std::ostringstream log;
    RequestStore::Opened opened = RequestStore::open(dir.path() / "kiosk.db", "CMG", clock, log);
    RequestStore& store = *opened.store;
    Db& db = *store.database();

    explicit Fixture(int count)
    {
        std::vector<NewRequest> batch;
        for (int i = 1; i <= count; ++i)
            batch.push_back({test::numberedRequest(i), 1'000'000 + i});
        store.insertBatch(batch);
    }
};

BatchRecord batchOf(const std::string& id, std::int64_t count)
{
    BatchRecord b;
    b.id = id;
    b.createdMs = 5'000'000;
    b.count = count;
    b.folder = "20261129T080102-" + id;
    return b;
}

} // namespace

TEST_CASE("markCollected marks the given requests with the batch, once, with the batch row")
{
    Fixture f(4);
    REQUIRE(requestsToExport(f.db, ExportScope::New).size() == 4);
    const std::int64_t ids[] = {1, 3};
    CHECK(markCollected(f.db, batchOf("aaaa", 2), ids, 7'000) == 2);

    const auto fresh = requestsToExport(f.db, ExportScope::New);
    REQUIRE(fresh.size() == 2);
    CHECK(fresh[0].stored.id == 2);
    CHECK(fresh[1].stored.id == 4);
    const auto all = requestsToExport(f.db, ExportScope::All);
    REQUIRE(all.size() == 4);
    CHECK(all[0].collectedBatch == "aaaa");
    CHECK(all[0].collectedMs == 7'000);
    CHECK_FALSE(all[1].collected());
    CHECK(all[2].collectedBatch == "aaaa");

    // Already collected: keeps its first batch.
    const std::int64_t again[] = {1, 2};
    CHECK(markCollected(f.db, batchOf("bbbb", 2), again, 8'000) == 1);
    const auto after = requestsToExport(f.db, ExportScope::All);
    CHECK(after[0].collectedBatch == "aaaa");
    CHECK(after[1].collectedBatch == "bbbb");

    const auto batches = listBatches(f.db);
    REQUIRE(batches.size() == 2);
    CHECK(batches[0].id == "aaaa");
    CHECK(batches[0].folder == "20261129T080102-aaaa");
    CHECK_FALSE(batches[0].firstCreatedMs.has_value());
}

TEST_CASE("markCollected marks nothing when the batch row cannot be inserted")
{
    Fixture f(3);
    const std::int64_t ids[] = {1, 2, 3};
    CHECK(markCollected(f.db, batchOf("same", 1), std::span<const std::int64_t>(ids, 1), 1) == 1);
    // The same batch id again: the insert fails, so the transaction marks nothing.
    CHECK_THROWS_AS(markCollected(f.db, batchOf("same", 3), ids, 2), SqliteError);
    CHECK(requestsToExport(f.db, ExportScope::New).size() == 2);
    CHECK(listBatches(f.db).size() == 1);
    CHECK(auditSince(f.db, 0).size() == 1); // the first batch's only
    CHECK_FALSE(f.db.inTransaction());
}

TEST_CASE("markCollected audits the batch with counts only, in the same transaction")
{
    Fixture f(4);
    BatchRecord first = batchOf("aaaa", 2);
    first.sealed = true;
    first.stick = "KANTOR-2";
    first.auditThrough = 7;
    const std::int64_t ids[] = {1, 2};
    CHECK(markCollected(f.db, first, ids, 7'000) == 2);
    // The same requests written again (a lost stick): nothing newly marked.
    BatchRecord copy = batchOf("bbbb", 2);
    copy.againOf = "aaaa";
    CHECK(markCollected(f.db, copy, ids, 8'000) == 0);

    const auto audit = auditSince(f.db, 0);
    REQUIRE(audit.size() == 2);
    CHECK(audit[0].kind == kAuditExport);
    CHECK(audit[0].detail == "batch=aaaa count=2 marked=2 sealed=yes");
    CHECK(audit[0].atMs == 7'000);
    CHECK(audit[1].kind == kAuditReexport);
    CHECK(audit[1].detail == "batch=bbbb count=2 marked=0 sealed=no");
    for (const auto& e : requestsToExport(f.db, ExportScope::All))
        for (const AuditEntry& a : audit) {
            CHECK(a.detail.find(e.stored.request.name) == std::string::npos);
            CHECK(a.detail.find(e.stored.request.phone) == std::string::npos);
        }

    const auto batches = listBatches(f.db);
    REQUIRE(batches.size() == 2);
    CHECK(batches[0].stick == "KANTOR-2");
    CHECK(batches[0].auditThrough == 7);
    CHECK(batches[0].sealed);
    CHECK_FALSE(batches[0].again());
    CHECK(batches[1].stick.empty());
    CHECK(batches[1].auditThrough == 0);
    CHECK(batches[1].againOf == "aaaa");
    REQUIRE(findBatch(f.db, "bbbb").has_value());
    CHECK(findBatch(f.db, "bbbb")->againOf == "aaaa");
    CHECK_FALSE(findBatch(f.db, "cccc").has_value());
    // A copy of a batch that never was: refused (foreign key).
    BatchRecord stray = batchOf("dddd", 0);
    stray.againOf = "none";
    CHECK_THROWS_AS(markCollected(f.db, stray, {}, 8'500), SqliteError);
    CHECK(auditExportedThrough(f.db) == 7);

    // When the audit row cannot be written, neither is the batch nor a mark.
    f.db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const std::int64_t rest[] = {3, 4};
    CHECK_THROWS_AS(markCollected(f.db, batchOf("cccc", 2), rest, 9'000), SqliteError);
    CHECK(requestsToExport(f.db, ExportScope::New).size() == 2);
    CHECK(listBatches(f.db).size() == 2);
    CHECK_FALSE(f.db.inTransaction());
}

TEST_CASE("a batch's requests still on the kiosk, and the newest batches first")
{
    Fixture f(5);
    CHECK_THROWS_AS((void)requestsOfBatch(f.db, "none"), std::invalid_argument);
    const std::int64_t some[] = {4, 1, 3};
    CHECK(markCollected(f.db, batchOf("aaaa", 3), some, 7'000) == 3);
    auto of = requestsOfBatch(f.db, "aaaa");
    REQUIRE(of.size() == 3);
    CHECK(of[0].stored.id == 1);
    CHECK(of[1].stored.id == 3);
    CHECK(of[2].stored.id == 4);
    CHECK(of[0].stored.request == test::numberedRequest(1));
    CHECK(of[0].collectedMs == 7'000);
    // One purged: the others are still there to write again.
    f.db.exec("DELETE FROM requests WHERE id = 3");
    of = requestsOfBatch(f.db, "aaaa");
    REQUIRE(of.size() == 2);
    CHECK(of[1].stored.id == 4);

    // The wall clock went back between two batches: the one written last is still first.
    BatchRecord later = batchOf("bbbb", 0);
    later.createdMs = 1'000;
    later.auditThrough = 3;
    CHECK(markCollected(f.db, later, {}, 8'000) == 0);
    BatchRecord last = batchOf("0000", 0);
    last.createdMs = 2'000;
    CHECK(markCollected(f.db, last, {}, 9'000) == 0);
    const auto recent = recentBatches(f.db, 2);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].id == "0000");
    CHECK(recent[1].id == "bbbb");
    CHECK(recentBatches(f.db, 10).size() == 3);
    CHECK(recentBatches(f.db, 0).empty());
    CHECK(requestsOfBatch(f.db, "0000").empty());
    // The highest any batch took, even when a later batch took none.
    CHECK(auditExportedThrough(f.db) == 3);
}

// Tests of export batches in the store: which requests are exported, and marking in one transaction.
#include "store/batches.hpp"
#include "store/requests.hpp"

#include "store_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <sstream>

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
    CHECK_FALSE(f.db.inTransaction());
}

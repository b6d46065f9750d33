// Tests of the schema: every earlier version migrates to the latest with its rows intact, and a
// database from a newer kiosk is refused and left as it was.
#include "store/requests.hpp"
#include "store/schema.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <sstream>

using namespace kiosk;
using namespace kiosk::store;

namespace {

// Puts rows into a database at `version`, with the SQL of that version (never with today's
// code, which may write differently), and returns them as the latest code should read them.
std::vector<StoredRequest> fillAtVersion([[maybe_unused]] Db& db, int version)
{
    switch (version) {
    case 0: return {}; // no tables yet
    default: FAIL("fillAtVersion needs the rows of schema version " << version); return {};
    }
}

std::vector<std::string> tables(Db& db)
{
    Stmt s(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    std::vector<std::string> names;
    while (s.step())
        names.push_back(s.columnText(0));
    return names;
}

} // namespace

TEST_CASE("a new database is migrated to the latest version")
{
    Db db(":memory:", OpenMode::ReadWriteCreate);
    CHECK(schemaVersion(db) == 0);
    migrate(db);
    CHECK(schemaVersion(db) == kSchemaVersion);
    CHECK(tables(db) == std::vector<std::string>{"events", "requests", "sqlite_sequence"});
    migrate(db); // again: nothing to do
    CHECK(schemaVersion(db) == kSchemaVersion);
    CHECK_THROWS_AS(migrate(db, kSchemaVersion + 1), std::invalid_argument);
}

TEST_CASE("every earlier version migrates to the latest with its rows intact")
{
    for (int version = 0; version < kSchemaVersion; ++version) {
        CAPTURE(version);
        test::TempDir dir;
        const auto file = dir.path() / "kiosk.db";
        std::vector<StoredRequest> rows;
        {
            Db db(file, OpenMode::ReadWriteCreate);
            migrate(db, version);
            REQUIRE(schemaVersion(db) == version);
            rows = fillAtVersion(db, version);
        }
        FakeClock clock;
        std::ostringstream log;
        auto opened = RequestStore::open(file, "CMG", clock, log);
        RequestStore& store = *opened.store;
        REQUIRE(store.available());
        CHECK(log.str().empty());
        CHECK(schemaVersion(*store.database()) == kSchemaVersion);
        const auto after = store.list();
        REQUIRE(after.size() == rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CHECK(after[i].id == rows[i].id);
            CHECK(after[i].uid == rows[i].uid);
            CHECK(after[i].reference == rows[i].reference);
            CHECK(after[i].createdMs == rows[i].createdMs);
            CHECK(after[i].request == rows[i].request);
        }
        // And it works: a new request gets the next reference.
        CallbackRequest r;
        r.name = "Séno";
        r.phone = "+6281234567890";
        const auto result = store.submit(r);
        CHECK(result.status == SubmitResult::Status::Saved);
        CHECK(result.reference == formatReference("CMG", static_cast<std::int64_t>(rows.size()) + 1));
    }
}

TEST_CASE("a database from a newer kiosk is refused and left untouched")
{
    test::TempDir dir;
    const auto file = dir.path() / "kiosk.db";
    {
        Db db(file, OpenMode::ReadWriteCreate);
        db.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from a newer kiosk')");
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
    }
    const std::string before = test::readFile(file);

    {
        Db db(file, OpenMode::ReadWriteCreate);
        CHECK_THROWS_AS(migrate(db), SchemaTooNew);
    }
    CHECK_THROWS_AS((void)openForReading(file), SchemaTooNew);

    FakeClock clock;
    std::ostringstream log;
    auto opened = RequestStore::open(file, "CMG", clock, log);
    CHECK_FALSE(opened.store->available());
    CHECK(opened.movedAsideTo.empty());
    CHECK(log.str().find("newer") != std::string::npos);
    CallbackRequest r;
    r.name = "Dèwi";
    r.phone = "+6285712345678";
    const auto result = opened.store->submit(r);
    CHECK(result.status == SubmitResult::Status::Failed);
    CHECK(result.failure == SaveFailure::Unavailable);
    opened.store.reset();

    CHECK(test::readFile(file) == before);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "kiosk.db-wal"));
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path()))
        ++files;
    CHECK(files == 1); // nothing moved aside, nothing new beside it
}

TEST_CASE("the schema admits exactly the topic and time ids of core")
{
    Db db(":memory:", OpenMode::ReadWriteCreate);
    migrate(db);
    Stmt insert(db, "INSERT INTO requests (uid, reference, created_ms, lang, name, phone, topic, "
                    "contact_time, fingerprint) VALUES (?1, ?1, 0, 'id', 'n', 'p', ?2, ?3, x'00')");
    int n = 0;
    for (RequestTopic topic : kAllRequestTopics)
        for (ContactTime time : kAllContactTimes) {
            insert.reset();
            insert.bind(1, std::to_string(++n))
                .bind(2, requestTopicId(topic))
                .bind(3, contactTimeId(time))
                .run();
        }
    CHECK(db.queryInt("SELECT count(*) FROM requests") == 16);
    for (const auto& [topic, time] : {std::pair{"visa", "any"}, std::pair{"other", "night"}}) {
        insert.reset();
        insert.bind(1, std::to_string(++n)).bind(2, topic).bind(3, time);
        try {
            insert.run();
            FAIL("stored an unknown id");
        } catch (const SqliteError& e) {
            CHECK(e.extendedCode() == SQLITE_CONSTRAINT_CHECK);
        }
    }
}

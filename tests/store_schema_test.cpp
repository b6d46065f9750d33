// Tests of the schema: every earlier version migrates to the latest with its rows intact, and a
// database from a newer kiosk is refused and left as it was.
#include "store/batches.hpp"
#include "store/dashboard.hpp"
#include "store/officer.hpp"
#include "store/requests.hpp"
#include "store/schema.hpp"
#include "store/usage.hpp"

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
    case 1: {
        // Version 1's columns, with notes holding quotes, commas, newlines and non-ASCII letters.
        Stmt insert(db,
                    "INSERT INTO requests (id, uid, reference, created_ms, lang, name, phone, dusun, rt, rw, "
                    "topic, contact_time, note, fingerprint) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, x'0102')");
        std::vector<StoredRequest> rows;
        for (std::int64_t id = 1; id <= 3; ++id) {
            StoredRequest r;
            r.id = id;
            r.uid = "CMG-00000000-0000-4000-8000-00000000000" + std::to_string(id);
            r.reference = formatReference("CMG", id);
            r.createdMs = 1'700'000'000'000 + id * 60'000;
            r.request.lang = kAllLangs[static_cast<std::size_t>(id % 3)];
            r.request.name = "Dèwi \"Ayu\", " + std::to_string(id);
            r.request.phone = "+62812345678" + std::to_string(id);
            r.request.dusun = id == 2 ? "" : "Krajan";
            r.request.rt = std::to_string(id);
            r.request.rw = id == 3 ? "" : "2";
            r.request.topic = kAllRequestTopics[static_cast<std::size_t>(id)];
            r.request.time = kAllContactTimes[static_cast<std::size_t>(id)];
            r.request.note = "=1+1\nbaris, dua";
            insert.reset();
            insert.bind(1, r.id)
                .bind(2, r.uid)
                .bind(3, r.reference)
                .bind(4, r.createdMs)
                .bind(5, langCode(r.request.lang))
                .bind(6, r.request.name)
                .bind(7, r.request.phone)
                .bind(8, r.request.dusun)
                .bind(9, r.request.rt)
                .bind(10, r.request.rw)
                .bind(11, requestTopicId(r.request.topic))
                .bind(12, contactTimeId(r.request.time))
                .bind(13, r.request.note)
                .run();
            rows.push_back(r);
        }
        return rows;
    }
    case 2: return fillAtVersion(db, 1); // the same columns; collected ones stay NULL (new requests)
    case 3: {
        // The same requests, and an officer with a PIN and some audit rows.
        std::vector<StoredRequest> rows = fillAtVersion(db, 2);
        db.exec("INSERT INTO officer (id, pin_hash, failures, lockouts, locked_until_ms) "
                "VALUES (1, '$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA', 2, 1, 0);"
                "INSERT INTO audit (at_ms, kind, detail) VALUES (1700000100000, 'pin-changed', 'first');"
                "INSERT INTO audit (at_ms, kind, detail) VALUES (1700000200000, 'officer-login-ok', '')");
        return rows;
    }
    case 4: {
        // The same, with a day of usage counts.
        std::vector<StoredRequest> rows = fillAtVersion(db, 3);
        db.exec("INSERT INTO usage (day, screen, lang, views) VALUES ('2023-11-14', 'passport', 'jv', 3)");
        return rows;
    }
    default: FAIL("fillAtVersion needs the rows of schema version " << version); return {};
    }
}

std::vector<std::string> schemaNames(Db& db, const char* type)
{
    Stmt s(db, "SELECT name FROM sqlite_schema WHERE type = ?1 AND name NOT LIKE 'sqlite_autoindex%' "
               "ORDER BY name");
    s.bind(1, std::string_view(type));
    std::vector<std::string> names;
    while (s.step())
        names.push_back(s.columnText(0));
    return names;
}

std::vector<std::string> tables(Db& db)
{
    return schemaNames(db, "table");
}

std::vector<std::string> indexes(Db& db)
{
    return schemaNames(db, "index");
}

} // namespace

TEST_CASE("a new database is migrated to the latest version")
{
    Db db(":memory:", OpenMode::ReadWriteCreate);
    CHECK(schemaVersion(db) == 0);
    migrate(db);
    CHECK(schemaVersion(db) == kSchemaVersion);
    CHECK(tables(db) == std::vector<std::string>{"audit", "batches", "events", "officer", "requests",
                                                 "settings", "sqlite_sequence", "usage"});
    CHECK(indexes(db) == std::vector<std::string>{"requests_by_fingerprint", "requests_for_dashboard"});
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
        // Every migrated request is new (not collected), and no batch exists yet.
        const auto fresh = requestsToExport(*store.database(), ExportScope::New);
        CHECK(fresh.size() == rows.size());
        for (const auto& e : fresh) {
            CHECK_FALSE(e.collected());
            CHECK_FALSE(e.collectedMs.has_value());
        }
        CHECK(listBatches(*store.database()).empty());
        // And it works: a new request gets the next reference.
        CallbackRequest r;
        r.name = "Séno";
        r.phone = "+6281234567890";
        const auto result = store.submit(r);
        CHECK(result.status == SubmitResult::Status::Saved);
        CHECK(result.reference == formatReference("CMG", static_cast<std::int64_t>(rows.size()) + 1));
    }
}

TEST_CASE("a version 2 database with a collected batch migrates to version 3 intact")
{
    test::TempDir dir;
    const auto file = dir.path() / "kiosk.db";
    std::vector<StoredRequest> rows;
    {
        Db db(file, OpenMode::ReadWriteCreate);
        migrate(db, 2);
        rows = fillAtVersion(db, 2);
        db.exec(
            "INSERT INTO batches (id, created_ms, count, first_created_ms, last_created_ms, folder, sealed) "
            "VALUES ('b-1', 1700000500000, 1, 1700000060000, 1700000060000, '20231114T221500Z-b-1', 1);"
            "UPDATE requests SET collected_batch = 'b-1', collected_ms = 1700000500000 WHERE id = 1;"
            "INSERT INTO events (at_ms, kind, detail) VALUES (1700000600000, 'database-moved-aside', 'x')");
    }
    {
        Db db(file, OpenMode::ReadWriteCreate);
        migrate(db, 3);
        CHECK(schemaVersion(db) == 3);
        const auto all = requestsToExport(db, ExportScope::All);
        REQUIRE(all.size() == rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CHECK(all[i].stored.id == rows[i].id);
            CHECK(all[i].stored.uid == rows[i].uid);
            CHECK(all[i].stored.request == rows[i].request);
            CHECK(all[i].collected() == (i == 0));
        }
        CHECK(all[0].collectedBatch == "b-1");
        CHECK(all[0].collectedMs == 1'700'000'500'000);
        // Read with version 3's columns (listBatches reads those of the latest version).
        CHECK(db.queryInt("SELECT count(*) FROM batches") == 1);
        CHECK(db.queryText("SELECT folder FROM batches") == "20231114T221500Z-b-1");
        CHECK(db.queryInt("SELECT sealed FROM batches") == 1);
        CHECK(readEvents(db).size() == 1);
        // The new tables start empty, and the officer row admits only id 1.
        CHECK(db.queryInt("SELECT count(*) FROM audit") == 0);
        CHECK(db.queryInt("SELECT count(*) FROM officer") == 0);
        db.exec("INSERT INTO officer (id) VALUES (1)");
        CHECK(db.queryInt("SELECT failures + lockouts + locked_until_ms FROM officer") == 0);
        CHECK_THROWS_AS(db.exec("INSERT INTO officer (id) VALUES (2)"), SqliteError);
        CHECK_THROWS_AS(db.exec("INSERT INTO audit (at_ms, kind) VALUES ('soon', 'x')"), SqliteError);
        CHECK(integrityCheck(db) == std::vector<std::string>{"ok"});
    }
}

TEST_CASE("every earlier version with batches, audit rows and events migrates to the latest intact")
{
    for (int version = 0; version < kSchemaVersion; ++version) {
        CAPTURE(version);
        test::TempDir dir;
        const auto file = dir.path() / "kiosk.db";
        std::vector<StoredRequest> rows;
        {
            // With the SQL of that version: the tables it had, and a collected request from version 2.
            Db db(file, OpenMode::ReadWriteCreate);
            migrate(db, version);
            rows = fillAtVersion(db, version);
            if (version >= 1)
                db.exec("INSERT INTO events (at_ms, kind, detail) "
                        "VALUES (1700000600000, 'database-moved-aside', '/var/kiosk.db.corrupt-x')");
            if (version >= 2)
                db.exec(
                    "INSERT INTO batches (id, created_ms, count, first_created_ms, last_created_ms, folder, "
                    "sealed) VALUES ('b-1', 1700000500000, 1, 1700000060000, 1700000060000, "
                    "'20231114T221500-b-1', 0);"
                    "UPDATE requests SET collected_batch = 'b-1', collected_ms = 1700000500000 WHERE id = 1");
        }
        Db db(file, OpenMode::ReadWriteCreate);
        db.exec("PRAGMA foreign_keys = ON");
        migrate(db);
        REQUIRE(schemaVersion(db) == kSchemaVersion);
        CHECK(integrityCheck(db) == std::vector<std::string>{"ok"});
        CHECK(db.queryText("PRAGMA foreign_key_check") == "");
        CHECK(tables(db) == std::vector<std::string>{"audit", "batches", "events", "officer", "requests",
                                                     "settings", "sqlite_sequence", "usage"});
        // requests_for_dashboard took over from requests_by_collected_batch.
        CHECK(indexes(db) == std::vector<std::string>{"requests_by_fingerprint", "requests_for_dashboard"});

        const auto all = requestsToExport(db, ExportScope::All);
        REQUIRE(all.size() == rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CHECK(all[i].stored.uid == rows[i].uid);
            CHECK(all[i].stored.request == rows[i].request);
            CHECK(all[i].collected() == (version >= 2 && i == 0));
        }
        const auto batches = listBatches(db);
        REQUIRE(batches.size() == (version >= 2 ? 1U : 0U));
        if (version >= 2) {
            // The new columns of a batch written before them: no stick known, no audit taken.
            CHECK(batches[0].id == "b-1");
            CHECK(batches[0].stick.empty());
            CHECK(batches[0].auditThrough == 0);
            CHECK_FALSE(batches[0].again());
            CHECK(batches[0].folder == "20231114T221500-b-1");
            CHECK(requestsOfBatch(db, "b-1").size() == 1);
        }
        CHECK(readEvents(db).size() == (version >= 1 ? 1U : 0U));
        const auto audit = auditSince(db, 0);
        REQUIRE(audit.size() == (version >= 3 ? 2U : 0U));
        if (version >= 3) {
            CHECK(audit[0].kind == "pin-changed");
            CHECK(audit[0].detail == "first");
            CHECK(audit[1].atMs == 1'700'000'200'000);
            CHECK(db.queryInt("SELECT failures * 10 + lockouts FROM officer") == 21);
        }

        // The dashboard reads the migrated file.
        const DashboardStats stats = loadDashboard(db, 1'700'000'700'000);
        CHECK(stats.fresh.total() + stats.collected.total() == static_cast<std::int64_t>(rows.size()));
        CHECK(stats.collected.total() == (version >= 2 ? 1 : 0));

        // usage (kept from version 4, empty before) counts up, and refuses what is not a count of a day.
        CHECK(usageSince(db, "0000-00-00").size() == (version >= 4 ? 1U : 0U));
        const UsageCount views[] = {{"2023-11-15", "home", "id", 2}, {"2023-11-15", "home", "id", 3}};
        addUsage(db, views);
        CHECK(db.queryInt("SELECT views FROM usage WHERE day = '2023-11-15'") == 5);
        // settings start with no rows: every setting has its default.
        CHECK(db.queryInt("SELECT count(*) FROM settings") == 0);
        CHECK_THROWS_AS(db.exec("INSERT INTO usage VALUES ('2023-11-15', 'page', 'en', -1)"), SqliteError);
        CHECK_THROWS_AS(db.exec("INSERT INTO usage VALUES ('15/11/2023', 'page', 'en', 1)"), SqliteError);
        CHECK_THROWS_AS(db.exec("INSERT INTO usage VALUES ('2023-11-15', 'page', 'en', 'many')"),
                        SqliteError);
        if (version >= 2) {
            CHECK_THROWS_AS(db.exec("UPDATE batches SET audit_through = -1"), SqliteError);
            CHECK_THROWS_AS(db.exec("UPDATE batches SET again_of = 'none'"), SqliteError);
        }
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

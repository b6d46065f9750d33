// Helpers shared by the office tests: each store (SQLite in a temp folder, PostgreSQL from the
// cluster tests/office/with_postgres.sh starts), and kiosks made with the kiosk's own store and
// exporter writing real batches onto a stick folder.
#pragma once

#include "core/clock.hpp"
#include "export/exporter.hpp"
#include "export/file_writer.hpp"
#include "export/seal.hpp"
#include "ledger/importer.hpp"
#include "ledger/schema.hpp"
#include "ledger/store.hpp"
#include "store/requests.hpp"

#include "store_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace kiosk::test {

// 2026-11-02 08:00 WIB: the tests' "now" starts here.
inline constexpr std::int64_t kOfficeT0 = 1'793'581'200'000;
inline constexpr std::int64_t kHourMs = 3'600'000;
inline constexpr std::int64_t kDay = 86'400'000;

// The connection string of the test cluster. Its absence is a failure, never a skip: the office
// tests are meant to run on both stores (scripts/test.sh and ctest start the cluster).
inline std::string postgresUri()
{
    const char* uri = std::getenv("DESA_OFFICE_TEST_PG");
    if (!uri || !*uri)
        FAIL("DESA_OFFICE_TEST_PG is not set: run the office tests through tests/office/with_postgres.sh "
             "(ctest and scripts/test.sh do), which starts a private PostgreSQL 15 cluster");
    return uri;
}

struct SqliteKind {
    static constexpr const char* name = "SQLite";
    static std::unique_ptr<office::Store> open(const TempDir& dir)
    {
        auto store = office::openSqlite((dir.path() / "office.db").string());
        office::migrate(*store);
        return store;
    }
    static std::string database(const TempDir& dir)
    {
        return "sqlite:" + (dir.path() / "office.db").string();
    }
};

struct PostgresKind {
    static constexpr const char* name = "PostgreSQL";
    // An empty database: the test cluster's schema dropped and made again, then migrated.
    static std::unique_ptr<office::Store> open(const TempDir&)
    {
        {
            auto reset = office::openPostgres(postgresUri());
            reset->exec("DROP SCHEMA public CASCADE");
            reset->exec("CREATE SCHEMA public");
        }
        auto store = office::openPostgres(postgresUri());
        office::migrate(*store);
        return store;
    }
    static std::string database(const TempDir&) { return postgresUri(); }
};

inline std::int64_t countOf(office::Store& store, const std::string& sql)
{
    return store.query(sql).at(0).integer(0);
}

// The office's key pair, the secret one in a private file.
struct OfficeKeys {
    TempDir dir;
    exporter::KeyPair pair = exporter::makeKeyPair();
    std::filesystem::path secretFile;
    OfficeKeys()
    {
        exporter::writeKeyFiles(dir.path() / "office", pair);
        secretFile = dir.path() / "office.secret";
    }
};

// A kiosk: its own database (the kiosk's RequestStore) and exports through the kiosk's exporter.
struct Kiosk {
    TempDir dir;
    FakeClock clock;
    std::ostringstream log;
    std::string id;
    store::RequestStore::Opened opened;
    long next = 1;

    explicit Kiosk(std::string kioskId)
        : id(std::move(kioskId)), opened(store::RequestStore::open(dir.path() / "kiosk.db", id, clock, log))
    {
        REQUIRE(opened.store->available());
    }
    store::Db& db() { return *opened.store->database(); }

    // `n` new requests made at `at`, one minute apart; `topics` cycles when given.
    void add(int n, std::int64_t at, const std::vector<RequestTopic>& topics = {})
    {
        std::vector<store::NewRequest> batch;
        for (int i = 0; i < n; ++i) {
            CallbackRequest r = numberedRequest(next++);
            if (!topics.empty())
                r.topic = topics[static_cast<std::size_t>(i) % topics.size()];
            batch.push_back({r, at + i * 60'000});
        }
        opened.store->insertBatch(batch);
    }
    // The new requests (or, with `again`, the requests of that batch once more: Salin lagi) as a
    // sealed batch on `stick`.
    exporter::ExportResult exportTo(const std::filesystem::path& stick, std::int64_t at,
                                    const exporter::PublicKey& key, const std::string& again = "")
    {
        exporter::PosixFileWriter files;
        exporter::ExportOptions o;
        o.destination = stick;
        o.kioskId = id;
        o.officeKey = key;
        o.nowMs = at;
        o.againBatch = again;
        return exporter::exportBatch(db(), files, o);
    }
};

// A stick with 3 kiosks × 5 batches of 4 requests each, a week apart, made by the kiosks' code.
struct Stick {
    TempDir dir;
    std::filesystem::path root = dir.path() / "stick";
    std::vector<std::unique_ptr<Kiosk>> kiosks;
    std::vector<exporter::ExportResult> batches;

    explicit Stick(const exporter::PublicKey& key, int perBatch = 4)
    {
        useKioskTimeZone();
        std::filesystem::create_directories(root);
        for (const char* id : {"CMG", "KRJ", "SDR"})
            kiosks.push_back(std::make_unique<Kiosk>(id));
        for (int week = 0; week < 5; ++week)
            for (auto& k : kiosks) {
                k->add(perBatch, kOfficeT0 + week * 7 * kDay);
                batches.push_back(k->exportTo(root, kOfficeT0 + week * 7 * kDay + 2 * kHourMs, key));
                REQUIRE(batches.back().count == static_cast<std::size_t>(perBatch));
            }
    }
};

inline office::ImportOptions importOptions(const exporter::SecretKey& key,
                                           std::int64_t now = kOfficeT0 + 40 * kDay)
{
    office::ImportOptions o;
    o.key = key;
    o.who = "petugas-a";
    o.nowMs = now;
    return o;
}

} // namespace kiosk::test

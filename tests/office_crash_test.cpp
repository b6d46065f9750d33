// Crash safety of the import on both stores: SIGKILL at random moments (50 rounds each), the
// PostgreSQL server stopped in the middle of an import, SQLite on a full tmpfs. After each: every
// batch whole or absent, and the next run completes with every request present exactly once.
#include "office_support.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::office;

namespace {

// Every batch of the stick is in the ledger whole (its row and all its requests, each with its
// first event) or not at all. Returns how many are in.
int wholeOrAbsent(Store& store, const test::Stick& stick)
{
    int in = 0;
    for (const exporter::ExportResult& b : stick.batches) {
        const std::int64_t rows =
            store.query("SELECT COUNT(*) FROM batches WHERE batch_id = $1", {b.batchId}).at(0).integer(0);
        const std::int64_t requests =
            store.query("SELECT COUNT(*) FROM requests WHERE batch_id = $1", {b.batchId}).at(0).integer(0);
        CHECK(rows <= 1);
        CHECK_MESSAGE(requests == (rows == 1 ? static_cast<std::int64_t>(b.count) : 0),
                      "batch " << b.batchId << ": " << requests << " requests, batch row " << rows);
        in += static_cast<int>(rows);
    }
    CHECK(test::countOf(store, "SELECT COUNT(*) FROM events") ==
          test::countOf(store, "SELECT COUNT(*) FROM requests"));
    return in;
}

void completes(Store& store, const test::Stick& stick, const exporter::SecretKey& key, std::int64_t all)
{
    const std::vector<fs::path> paths{stick.root};
    const ImportSummary s = importPaths(store, paths, test::importOptions(key));
    CHECK(s.refused() == 0);
    CHECK(s.conflicts() == 0);
    CHECK(s.added() + s.held() == all);
    CHECK(test::countOf(store, "SELECT COUNT(*) FROM requests") == all);
    CHECK(test::countOf(store, "SELECT COUNT(DISTINCT uid) FROM requests") == all);
    CHECK(wholeOrAbsent(store, stick) == static_cast<int>(stick.batches.size()));
}

std::int64_t microsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
        .count();
}

} // namespace

TEST_CASE_TEMPLATE(
    "an import killed with SIGKILL at random moments: whole batches or none, then the next run "
    "completes (50 rounds)",
    Kind, test::SqliteKind, test::PostgresKind)
{
    test::OfficeKeys keys;
    test::Stick stick(keys.pair.publicKey, 20); // 15 batches of 20 requests
    const std::int64_t all = 300;
    const std::vector<fs::path> paths{stick.root};

    // How long a whole import takes here: the kills fall anywhere in it, and a little after.
    std::int64_t span = 0;
    {
        test::TempDir dir;
        const auto store = Kind::open(dir);
        const auto t0 = std::chrono::steady_clock::now();
        REQUIRE(importPaths(*store, paths, test::importOptions(keys.pair.secretKey)).added() == all);
        span = microsSince(t0);
    }
    const unsigned seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::int64_t> delay(0, span * 13 / 10);
    int none = 0, partial = 0, whole = 0;
    for (int round = 0; round < 50; ++round) {
        CAPTURE(round);
        test::TempDir dir;
        (void)Kind::open(dir); // empty and migrated
        const std::string database = Kind::database(dir);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            try {
                const auto store = openStore(database);
                (void)importPaths(*store, paths, test::importOptions(keys.pair.secretKey));
            } catch (...) {
            }
            ::_exit(0);
        }
        ::usleep(static_cast<useconds_t>(delay(random)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        const auto store = openStore(database);
        const int in = wholeOrAbsent(*store, stick);
        (in == 0 ? none : in == 15 ? whole : partial) += 1;
        completes(*store, stick, keys.pair.secretKey, all);
    }
    MESSAGE(std::string(Kind::name) << ": 50 kills within " << span * 13 / 10 / 1000
                                    << " ms of the start of a " << span / 1000 << " ms import: " << none
                                    << " left no batch, " << partial << " some batches, " << whole
                                    << " all; each run again completed");
    CHECK(partial > 0); // the kills did fall inside imports
}

TEST_CASE("PostgreSQL stopped in the middle of an import: a clear error, nothing half-imported, the next run "
          "completes")
{
    const char* ctl = std::getenv("DESA_OFFICE_TEST_PGCTL");
    REQUIRE_MESSAGE(ctl, "DESA_OFFICE_TEST_PGCTL is not set: run through tests/office/with_postgres.sh");
    test::TempDir dir;
    test::OfficeKeys keys;
    test::Stick stick(keys.pair.publicKey);
    const std::vector<fs::path> paths{stick.root};
    ImportOptions options = test::importOptions(keys.pair.secretKey);
    int seen = 0;
    // The server stops (fast: every session ended) at the 3rd request of the 7th batch.
    options.beforeRequest = [&](std::size_t index) {
        if (index == 0)
            ++seen;
        if (seen == 7 && index == 2)
            REQUIRE(std::system((std::string(ctl) + " stop -m fast >/dev/null 2>&1").c_str()) == 0);
    };
    {
        const auto store = test::PostgresKind::open(dir);
        try {
            (void)importPaths(*store, paths, options);
            FAIL("the import went on without its server");
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreError::Kind::Unavailable);
            const std::string what = e.what();
            CHECK_MESSAGE(what.rfind("the PostgreSQL server", 0) == 0, what);
        }
    }
    REQUIRE(std::system((std::string(ctl) + " start >/dev/null 2>&1").c_str()) == 0);
    const auto store = openPostgres(test::postgresUri());
    CHECK(wholeOrAbsent(*store, stick) == 6); // the six batches before it, whole
    completes(*store, stick, keys.pair.secretKey, 60);
}

TEST_CASE("SQLite on a full disk (a small tmpfs): a clear error, nothing half-imported, then it completes")
{
    test::TempDir dir;
    const fs::path mountPoint = dir.path() / "tmpfs";
    fs::create_directories(mountPoint);
    const auto run = [](const std::string& command) { return std::system(command.c_str()) == 0; };
    if (::geteuid() != 0 ||
        !run("mount -t tmpfs -o size=192k tmpfs '" + mountPoint.string() + "' 2>/dev/null")) {
        MESSAGE("SKIPPED: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN): SQLite on a full disk "
                "untested");
        return;
    }
    struct Unmount {
        fs::path at;
        ~Unmount() { (void)std::system(("umount '" + at.string() + "' 2>/dev/null").c_str()); }
    } unmount{mountPoint};
    test::OfficeKeys keys;
    test::Stick stick(keys.pair.publicKey, 20);
    const std::vector<fs::path> paths{stick.root};
    const std::string database = "sqlite:" + (mountPoint / "office.db").string();
    {
        const auto store = openStore(database);
        try {
            (void)importPaths(*store, paths, test::importOptions(keys.pair.secretKey));
            FAIL("300 requests fitted in 192 KiB");
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreError::Kind::Full);
            CHECK(std::string(e.what()).rfind("the disk of the office database is full", 0) == 0);
        }
        const int in = wholeOrAbsent(*store, stick);
        MESSAGE("SQLite on a full 192 KiB tmpfs: " << in << " of 15 batches whole, the rest absent");
    }
    REQUIRE(run("mount -o remount,size=16m '" + mountPoint.string() + "'"));
    const auto store = openStore(database);
    CHECK(wholeOrAbsent(*store, stick) < 15);
    completes(*store, stick, keys.pair.secretKey, 300);
}

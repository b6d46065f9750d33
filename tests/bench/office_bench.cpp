// The office ledger's figures, as JSON lines for scripts/bench.sh: 100 batches × 1,000 requests
// (10 kiosks, a year of requests, sealed, written by the kiosk's own exporter) imported into each
// store, the same again, `requests list --status baru` over the 100,000, pages of the desk's queue,
// and the report of each month of that year.
//   office_bench --dir DIR [--postgres URI] [--batches N] [--per-batch N]
//   office_bench --dir DIR --seed DATABASE [--batches N] [--per-batch N]
// With --seed it only fills DATABASE (sqlite:PATH or a libpq URI) with the same year of requests
// and follow-up, for the desk's load test (scripts/bench.sh --desk), and prints how long it took.
// DIR holds the stick and the SQLite file; it should be a real disk (not tmpfs). Without
// --postgres only SQLite is measured (scripts/bench.sh runs it beside a private cluster).
#include "export/exporter.hpp"
#include "export/file_writer.hpp"
#include "ledger/importer.hpp"
#include "ledger/ledger.hpp"
#include "ledger/queue.hpp"
#include "ledger/schema.hpp"
#include "ledger/store.hpp"
#include "store/requests.hpp"

#include "bench_support.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::bench;

namespace {

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kStart = 1'764'547'200'000; // 2025-12-01 00:00 UTC

CallbackRequest request(long n)
{
    static const char* const names[] = {"Séno Widodo", "Dèwi Lestari", "Ma'ruf", "Sri Rahayu", "Bambang"};
    CallbackRequest r;
    r.name = std::string(names[n % 5]) + " " + std::to_string(n);
    r.phone = "+62812" + std::to_string(10'000'000 + n % 90'000'000);
    r.dusun = "Krajan";
    r.rt = std::to_string(1 + n % 15);
    r.rw = std::to_string(1 + n % 7);
    r.topic = kAllRequestTopics[static_cast<std::size_t>(n % 4)];
    r.time = kAllContactTimes[static_cast<std::size_t>((n / 4) % 4)];
    r.note = "Catatan nomor " + std::to_string(n);
    r.lang = kAllLangs[static_cast<std::size_t>(n % 3)];
    return r;
}

// 10 kiosks, each `batches / 10` batches spread over a year, written sealed onto `stick`.
void makeStick(const fs::path& stick, const fs::path& work, int batches, int perBatch,
               const exporter::PublicKey& key)
{
    const SystemClock clock;
    std::ostringstream log;
    const int kiosks = 10;
    const int each = std::max(1, batches / kiosks);
    long n = 0;
    for (int k = 0; k < kiosks; ++k) {
        const std::string id = std::string("DS") + static_cast<char>('A' + k);
        auto opened = store::RequestStore::open(work / (id + ".db"), id, clock, log);
        for (int b = 0; b < each; ++b) {
            const std::int64_t at = kStart + static_cast<std::int64_t>(b) * 365 * kDay / each + k * 3'600'000;
            std::vector<store::NewRequest> rows;
            for (int i = 0; i < perBatch; ++i)
                rows.push_back({request(n++), at + static_cast<std::int64_t>(i) * 300'000});
            opened.store->insertBatch(rows);
            exporter::PosixFileWriter files;
            exporter::ExportOptions o;
            o.destination = stick;
            o.kioskId = id;
            o.officeKey = key;
            o.nowMs = at + 30 * kDay / each;
            (void)exporter::exportBatch(*opened.store->database(), files, o);
        }
    }
}

void figure(const char* name, const std::string& store, double value, const char* unit, double target,
            const std::string& extra = "")
{
    std::printf("{\"figure\": \"%s\", \"store\": \"%s\", \"%s\": %.1f%s%s}\n", name, store.c_str(), unit,
                value,
                target > 0 ? (", \"target\": " + std::to_string(static_cast<int>(target))).c_str() : "",
                extra.c_str());
    std::fflush(stdout);
}

// A year of follow-up: everything made more than 60 days before `end` (the first nine batches of
// each kiosk) is selesai, with its events and the derived columns as addFollowUp writes them, in
// bulk; the rest (10,000 of 100,000) stays baru.
void closeOldRequests(office::Store& store, std::int64_t end)
{
    store.transaction([&] {
        store.exec("INSERT INTO events (uid, at_ms, who, kind, outcome) SELECT uid, created_ms + 86400000, "
                   "'bench', 'attempt', 'reached' FROM requests WHERE created_ms < $1",
                   {end - 60 * kDay});
        store.exec("INSERT INTO events (uid, at_ms, who, kind) SELECT uid, created_ms + 172800000, 'bench', "
                   "'selesai' FROM requests WHERE created_ms < $1",
                   {end - 60 * kDay});
        store.exec(
            "UPDATE requests SET status = 'selesai', first_attempt_ms = created_ms + 86400000, reached_ms = "
            "created_ms + 86400000, done_ms = created_ms + 172800000 WHERE created_ms < $1",
            {end - 60 * kDay});
    });
    // PostgreSQL's autovacuum vacuums and analyses a table within a minute of so many changes; the
    // figures are of a server in its ordinary state, not of the minute after a bulk update.
    if (store.dialect() == office::Dialect::Postgres)
        store.exec("VACUUM ANALYZE requests");
}

int measure(const std::string& label, const std::string& database, const fs::path& stick,
            const exporter::SecretKey& key, std::int64_t expected, double importTarget)
{
    auto store = office::openStore(database);
    const std::vector<fs::path> paths{stick};
    office::ImportOptions options;
    options.key = key;
    options.who = "bench";
    options.nowMs = kStart + 400 * kDay;
    auto t0 = std::chrono::steady_clock::now();
    const office::ImportSummary first = office::importPaths(*store, paths, options);
    figure("office_import_ms", label, msSince(t0), "ms", importTarget,
           ", \"batches\": " + std::to_string(first.batches.size()) +
               ", \"new\": " + std::to_string(first.added()));
    t0 = std::chrono::steady_clock::now();
    const office::ImportSummary again = office::importPaths(*store, paths, options);
    figure("office_import_again_ms", label, msSince(t0), "ms", 5000,
           ", \"new\": " + std::to_string(again.added()) + ", \"held\": " + std::to_string(again.held()));
    if (first.added() != expected || again.added() != 0)
        return 1;

    const std::int64_t end = kStart + 365 * kDay;
    closeOldRequests(*store, end);
    std::vector<double> times;
    std::size_t rows = 0;
    for (int run = 0; run < 7; ++run) {
        t0 = std::chrono::steady_clock::now();
        rows = office::listRequests(*store, {"baru", "", ""}, {}).size();
        times.push_back(msSince(t0));
    }
    figure("office_list_status_baru_ms", label, quantile(times, 0.5), "median_ms", 100,
           ", \"of\": " + std::to_string(expected) + ", \"rows\": " + std::to_string(rows));
    // The desk's queue: one page as the desk asks for it (the COUNT and the page), p95 of 21 runs
    // each: the first page, a deep page, a kiosk, a topic and an age, a name, a phone, a reference.
    struct Ask {
        const char* name;
        office::QueueQuery query;
    };
    std::vector<Ask> asks(7);
    asks[0].name = "first";
    asks[1].name = "page_150";
    asks[1].query.page = 150;
    asks[2].name = "kiosk";
    asks[2].query.village = "DSC";
    asks[3].name = "topic_age";
    asks[3].query.topic = "passport";
    asks[3].query.minAgeDays = 30;
    asks[4].name = "search_name";
    asks[4].query.search = "bambang 9999";
    asks[5].name = "search_phone";
    asks[5].query.search = "0812-1009-9990";
    asks[6].name = "search_reference";
    asks[6].query.search = "dsc-00";
    for (Ask& a : asks) {
        a.query.nowMs = end;
        times.clear();
        office::QueuePage page;
        for (int run = 0; run < 21; ++run) {
            t0 = std::chrono::steady_clock::now();
            page = office::queryQueue(*store, a.query, {});
            times.push_back(msSince(t0));
        }
        figure("office_queue_page_ms", label, quantile(times, 0.95), "p95_ms", 50,
               std::string(", \"ask\": \"") + a.name + "\", \"median_ms\": " +
                   std::to_string(quantile(times, 0.5)) + ", \"total\": " + std::to_string(page.total) +
                   ", \"rows\": " + std::to_string(page.rows.size()));
    }
    t0 = std::chrono::steady_clock::now();
    std::size_t lines = 0;
    for (int m = 0; m < 12; ++m) {
        // December 2025, then January to November 2026.
        const std::string month = m == 0 ? "2025-12" : (m < 10 ? "2026-0" : "2026-") + std::to_string(m);
        lines += office::monthlyReport(*store, month, {}, end).size();
    }
    figure("office_report_year_ms", label, msSince(t0), "ms", 0,
           ", \"months\": 12, \"lines\": " + std::to_string(lines) +
               ", \"per_month_ms\": " + std::to_string(static_cast<int>(msSince(t0) / 12)));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    fs::path dir = fs::temp_directory_path();
    std::string postgres, seed;
    int batches = 100, perBatch = 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--dir") == 0)
            dir = argv[i + 1];
        else if (std::strcmp(argv[i], "--postgres") == 0)
            postgres = argv[i + 1];
        else if (std::strcmp(argv[i], "--seed") == 0)
            seed = argv[i + 1];
        else if (std::strcmp(argv[i], "--batches") == 0)
            batches = std::max(10, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--per-batch") == 0)
            perBatch = std::max(1, std::atoi(argv[i + 1]));
    }
    const fs::path work = dir / ("office-bench-" + std::to_string(::getpid()));
    fs::create_directories(work / "stick");
    int failures = 0;
    try {
        const exporter::KeyPair keys = exporter::makeKeyPair();
        auto t0 = std::chrono::steady_clock::now();
        makeStick(work / "stick", work, batches, perBatch, keys.publicKey);
        const std::int64_t expected = static_cast<std::int64_t>(batches / 10 * 10) * perBatch;
        figure("office_bench_stick_made_ms", "kiosk", msSince(t0), "ms", 0,
               ", \"requests\": " + std::to_string(expected) + ", \"fs\": \"" + fileSystem(work) + "\"");
        if (!seed.empty()) {
            t0 = std::chrono::steady_clock::now();
            auto store = office::openStore(seed);
            office::ImportOptions options;
            options.key = keys.secretKey;
            options.who = "bench";
            options.nowMs = kStart + 400 * kDay;
            const std::vector<fs::path> paths{work / "stick"};
            const office::ImportSummary summary = office::importPaths(*store, paths, options);
            closeOldRequests(*store, kStart + 365 * kDay);
            figure("desk_seed_ms", seed.rfind("sqlite:", 0) == 0 ? "SQLite" : "PostgreSQL", msSince(t0), "ms",
                   0, ", \"new\": " + std::to_string(summary.added()));
            failures += summary.added() == expected ? 0 : 1;
        } else {
            failures += measure("SQLite", "sqlite:" + (work / "office.db").string(), work / "stick",
                                keys.secretKey, expected, 10'000);
            if (!postgres.empty())
                failures += measure("PostgreSQL", postgres, work / "stick", keys.secretKey, expected, 30'000);
        }
    } catch (const std::exception& e) {
        std::cerr << "office_bench: " << e.what() << "\n";
        failures = 1;
    }
    std::error_code ec;
    fs::remove_all(work, ec);
    return failures == 0 ? 0 : 1;
}

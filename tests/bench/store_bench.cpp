// The store's figures, as JSON lines for scripts/bench.sh: one committed request (synchronous=FULL),
// seeding 100,000 requests, opening a database of 100,000 (integrity_check and migrations
// included), with integrity_check and quick_check alone for comparison, and the officer
// dashboard's figures read from it with half of the requests collected.
//   store_bench [--dir DIR] [--requests N] [--rows N] [--keep]
// DIR must be on the disk the kiosk writes to (not tmpfs): a commit waits for fsync.
#include "store/batches.hpp"
#include "store/dashboard.hpp"
#include "store/officer.hpp"
#include "store/requests.hpp"
#include "store/seed.hpp"
#include "store/usage.hpp"

#include "bench_support.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::store;
using namespace kiosk::bench;

int main(int argc, char** argv)
{
    fs::path dir;
    int requests = 200;
    std::size_t rows = 100'000;
    bool keep = false; // leave the databases in DIR, to look at them
    for (int i = 1; i < argc; ++i)
        keep = keep || std::strcmp(argv[i], "--keep") == 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--dir") == 0)
            dir = argv[i + 1];
        else if (std::strcmp(argv[i], "--requests") == 0)
            requests = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--rows") == 0)
            rows = static_cast<std::size_t>(std::max(1, std::atoi(argv[i + 1])));
    }
    const fs::path work =
        (dir.empty() ? fs::temp_directory_path() : dir) / ("kiosk-store-bench-" + std::to_string(::getpid()));
    fs::create_directories(work);
    std::ostringstream log;
    const SystemClock clock;
    int failures = 0;

    // 1. One request, submitted and committed (fsync of the WAL), on a fresh database.
    {
        auto opened = RequestStore::open(work / "commit.db", "BEN", clock, log);
        SyntheticRequests synthetic(static_cast<std::size_t>(requests), clock.now());
        std::vector<double> ms;
        for (int i = 0; i < requests; ++i) {
            CallbackRequest r = synthetic.next().request;
            r.name += " " + std::to_string(i); // every one different: no repeats
            const auto t0 = std::chrono::steady_clock::now();
            const SubmitResult result = opened.store->submit(r);
            ms.push_back(msSince(t0));
            failures += result.status == SubmitResult::Status::Saved ? 0 : 1;
        }
        std::printf("{\"figure\": \"request_commit_ms\", \"requests\": %d, \"median\": %.2f, \"p99\": %.2f, "
                    "\"max\": %.2f, \"synchronous\": \"FULL\", \"fs\": \"%s\", \"target\": 20}\n",
                    requests, quantile(ms, 0.5), quantile(ms, 0.99), quantile(ms, 1.0),
                    fileSystem(work).c_str());
    }

    // 2. Seeding a database of `rows` requests, 1,000 per transaction.
    const fs::path big = work / "big.db";
    {
        auto opened = RequestStore::open(big, "BEN", clock, log);
        const auto t0 = std::chrono::steady_clock::now();
        const std::size_t added = seedRequests(*opened.store, rows, clock.now());
        const double ms = msSince(t0);
        failures += added == rows ? 0 : 1;
        std::printf("{\"figure\": \"seed_ms\", \"requests\": %zu, \"value\": %.1f, \"per_second\": %.0f}\n",
                    rows, ms, static_cast<double>(rows) / ms * 1000.0);
    }
    std::printf("{\"figure\": \"store_file_mib\", \"requests\": %zu, \"value\": %.1f}\n", rows,
                static_cast<double>(fs::file_size(big)) / (1024.0 * 1024.0));

    // 3. Opening it as the kiosk does at start-up (the file is in the page cache: a warm start).
    std::vector<double> open, openQuick, integrity, quick;
    for (int run = 0; run < 7; ++run) {
        auto t0 = std::chrono::steady_clock::now();
        {
            auto opened = RequestStore::open(big, "BEN", clock, log);
            failures += opened.store->available() && opened.movedAsideTo.empty() ? 0 : 1;
            open.push_back(msSince(t0));
        }
        t0 = std::chrono::steady_clock::now();
        {
            auto opened = RequestStore::open(big, "BEN", clock, log, StoreOptions{2000, StartupCheck::Quick});
            failures += opened.store->available() && opened.movedAsideTo.empty() ? 0 : 1;
            openQuick.push_back(msSince(t0));
        }
        // Each check alone, each on a connection of its own (a warm one would flatter the second).
        {
            Db db(big, OpenMode::ReadOnly);
            t0 = std::chrono::steady_clock::now();
            failures += integrityCheck(db) == std::vector<std::string>{"ok"} ? 0 : 1;
            integrity.push_back(msSince(t0));
        }
        {
            Db db(big, OpenMode::ReadOnly);
            t0 = std::chrono::steady_clock::now();
            failures += integrityCheck(db, true) == std::vector<std::string>{"ok"} ? 0 : 1;
            quick.push_back(msSince(t0));
        }
    }
    std::printf("{\"figure\": \"store_open_100k_ms\", \"requests\": %zu, \"runs\": %zu, \"median\": %.1f, "
                "\"max\": %.1f, \"includes\": \"open, pragmas, integrity_check, migrations\"}\n",
                rows, open.size(), quantile(open, 0.5), quantile(open, 1.0));
    std::printf(
        "{\"figure\": \"store_open_100k_quick_check_ms\", \"requests\": %zu, \"runs\": %zu, "
        "\"median\": %.1f, \"max\": %.1f, \"includes\": \"open, pragmas, quick_check, migrations\"}\n",
        rows, openQuick.size(), quantile(openQuick, 0.5), quantile(openQuick, 1.0));
    std::printf("{\"figure\": \"integrity_check_100k_ms\", \"requests\": %zu, \"median\": %.1f}\n", rows,
                quantile(integrity, 0.5));
    std::printf("{\"figure\": \"quick_check_100k_ms\", \"requests\": %zu, \"median\": %.1f}\n", rows,
                quantile(quick, 0.5));

    // 4. The officer dashboard on it, half of the requests collected (the older half, in 10
    //    batches), with audit rows and a week of usage; each run on a connection of its own.
    {
        auto opened = RequestStore::open(big, "BEN", clock, log, StoreOptions{2000, StartupCheck::Quick});
        Db& db = *opened.store->database();
        const Millis now = clock.now();
        std::vector<std::int64_t> ids(rows / 2);
        std::iota(ids.begin(), ids.end(), std::int64_t{1});
        const std::size_t perBatch = std::max<std::size_t>(1, ids.size() / 10);
        for (std::size_t at = 0, n = 0; at < ids.size(); at += perBatch, ++n) {
            BatchRecord batch;
            batch.id = "bench" + std::to_string(n);
            batch.createdMs = now - static_cast<Millis>(10 - n) * 86'400'000;
            const std::span<const std::int64_t> part(ids.data() + at, std::min(perBatch, ids.size() - at));
            batch.count = static_cast<std::int64_t>(part.size());
            batch.folder = batch.id;
            batch.stick = "STICK";
            (void)markCollected(db, batch, part, batch.createdMs);
        }
        for (int i = 0; i < 200; ++i)
            appendAudit(db, now - 200 + i, kAuditLoginOk);
        std::vector<UsageCount> usage;
        for (int day = 0; day < 30; ++day)
            for (const char* screen : {"home", "page", "checklist", "callback", "attract"})
                for (const char* lang : {"id", "jv", "en"})
                    usage.push_back({localDay(now - day * Millis{86'400'000}), screen, lang, 1 + day});
        addUsage(db, usage);
    }
    {
        std::vector<double> dashboard;
        std::int64_t fresh = 0;
        for (int run = 0; run < 11; ++run) {
            Db db(big, OpenMode::ReadOnly);
            const auto t0 = std::chrono::steady_clock::now();
            const DashboardStats stats = loadDashboard(db, clock.now());
            dashboard.push_back(msSince(t0));
            fresh = stats.fresh.total();
            failures +=
                stats.fresh.total() + stats.collected.total() == static_cast<std::int64_t>(rows) ? 0 : 1;
        }
        std::printf(
            "{\"figure\": \"dashboard_open_100k_ms\", \"requests\": %zu, \"new\": %lld, \"runs\": %zu, "
            "\"median\": %.1f, \"max\": %.1f, \"includes\": \"loadDashboard on a new connection\", "
            "\"target\": 100}\n",
            rows, static_cast<long long>(fresh), dashboard.size(), quantile(dashboard, 0.5),
            quantile(dashboard, 1.0));
    }

    std::error_code ec;
    if (!keep)
        fs::remove_all(work, ec);
    else
        std::cerr << "store_bench: the databases are in " << work.string() << "\n";
    if (failures > 0 || !log.str().empty())
        std::cerr << "store_bench: " << failures << " failures\n" << log.str();
    return failures == 0 ? 0 : 1;
}

// The export's figures, as JSON lines for scripts/bench.sh: a batch of 10,000 requests written
// with exportBatch and the real file writer (every fsync, the read-back and the marking included),
// plain and sealed, median of 5 runs, each on a fresh copy of the database so that every run
// collects and marks all of them.
//   export_bench [--dir DIR] [--requests N] [--runs N]
// DIR stands in for the stick; it should be a real disk (not tmpfs), or fsync costs nothing.
#include "export/exporter.hpp"
#include "store/requests.hpp"
#include "store/seed.hpp"

#include "bench_support.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::bench;

int main(int argc, char** argv)
{
    fs::path dir;
    std::size_t requests = 10'000;
    int runs = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--dir") == 0)
            dir = argv[i + 1];
        else if (std::strcmp(argv[i], "--requests") == 0)
            requests = static_cast<std::size_t>(std::max(1, std::atoi(argv[i + 1])));
        else if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::max(1, std::atoi(argv[i + 1]));
    }
    const fs::path work = (dir.empty() ? fs::temp_directory_path() : dir) /
                          ("kiosk-export-bench-" + std::to_string(::getpid()));
    fs::create_directories(work);
    std::ostringstream log;
    const SystemClock clock;
    int failures = 0;

    // The database every run starts from, closed (and so checkpointed) before it is copied.
    const fs::path base = work / "base.db";
    {
        auto opened = store::RequestStore::open(base, "BEN", clock, log);
        failures += store::seedRequests(*opened.store, requests, clock.now()) == requests ? 0 : 1;
    }

    const exporter::KeyPair office = exporter::makeKeyPair();
    for (const bool sealed : {false, true}) {
        std::vector<double> ms;
        std::uintmax_t bytes = 0;
        for (int run = 0; run < runs; ++run) {
            const fs::path copy = work / "run.db";
            const fs::path stick = work / "stick";
            fs::copy_file(base, copy, fs::copy_options::overwrite_existing);
            fs::create_directories(stick);
            {
                auto opened = store::RequestStore::open(copy, "BEN", clock, log);
                exporter::ExportOptions options;
                options.destination = stick;
                options.kioskId = "BEN";
                options.nowMs = clock.now();
                options.stickLabel = "BENCH";
                if (sealed)
                    options.officeKey = office.publicKey;
                exporter::PosixFileWriter files;
                const auto t0 = std::chrono::steady_clock::now();
                const exporter::ExportResult result =
                    exporter::exportBatch(*opened.store->database(), files, options);
                ms.push_back(msSince(t0));
                failures +=
                    result.count == requests && result.marked == static_cast<std::int64_t>(requests) ? 0 : 1;
                bytes = 0;
                for (const std::string& name : result.files)
                    bytes += fs::file_size(result.folder / name);
            }
            fs::remove_all(stick);
            for (const char* suffix : {"", "-wal", "-shm"})
                fs::remove(work / ("run.db" + std::string(suffix)));
        }
        std::printf("{\"figure\": \"export_10k_%s_ms\", \"requests\": %zu, \"runs\": %zu, \"median\": %.1f, "
                    "\"max\": %.1f, \"bytes\": %ju, \"fs\": \"%s\", \"target\": 2000}\n",
                    sealed ? "sealed" : "plain", requests, ms.size(), quantile(ms, 0.5), quantile(ms, 1.0),
                    bytes, fileSystem(work).c_str());
    }

    std::error_code ec;
    fs::remove_all(work, ec);
    if (failures > 0 || !log.str().empty())
        std::cerr << "export_bench: " << failures << " failures\n" << log.str();
    return failures == 0 ? 0 : 1;
}

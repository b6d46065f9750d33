// The registry's figures, as JSON lines for scripts/bench.sh: the search per keystroke (names typed
// letter by letter, without "PT", some with a letter wrong) over 5,000 and 50,000 generated
// companies; loading the content with such a registry; the memory the list and its index take.
//   registry_bench [--data DIR]
//   registry_bench --write DIR COUNT: writes COUNT generated companies as DIR/p3mi.csv and p3mi.toml
//   (for the frame benchmark's company search)
#include "../registry_support.hpp"
#include "bench_support.hpp"
#include "core/config.hpp"
#include "core/content.hpp"
#include "core/registry_search.hpp"

#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

// The heap in use (what malloc handed out and was not freed), in KiB: what the list and its index
// hold, whatever memory the allocator kept from earlier work.
long heapKib()
{
    return static_cast<long>(::mallinfo2().uordblks / 1024);
}

// The resident set size of this process, in KiB.
long rssKib()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

// What a resident types for `name`, a keystroke at a time: lower case, without the legal form, and
// for every third name with its fourth letter left out.
std::vector<std::string> keystrokes(const std::string& name, bool misspell)
{
    std::string typed = normalisedName(name);
    if (misspell && typed.size() > 5)
        typed.erase(3, 1);
    std::vector<std::string> out;
    for (std::size_t i = 1; i <= typed.size(); ++i)
        out.push_back(typed.substr(0, i));
    return out;
}

void benchSearch(std::size_t count)
{
    const auto companies = test::generatedCompanies(count);
    const auto t0 = std::chrono::steady_clock::now();
    const RegistryIndex index(companies);
    const double buildMs = bench::msSince(t0);
    std::vector<double> ms;
    std::size_t found = 0, names = 0;
    for (std::size_t i = 0; i < companies.size(); i += companies.size() / 200, ++names) {
        std::size_t first = 0;
        for (const auto& typed : keystrokes(companies[i].name, names % 3 == 0)) {
            const auto t = std::chrono::steady_clock::now();
            const auto result = index.search(typed, 8);
            ms.push_back(bench::msSince(t));
            first = result.empty() ? count : result[0].company;
        }
        found += first == i ? 1 : 0;
    }
    std::printf("{\"figure\": \"registry_search_keystroke_ms\", \"companies\": %zu, \"keystrokes\": %zu, "
                "\"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f, \"target_p99\": 5, \"index_build_ms\": %.1f, "
                "\"typed_names_found_first\": \"%zu/%zu\"}\n",
                count, ms.size(), bench::quantile(ms, 0.5), bench::quantile(ms, 0.99),
                bench::quantile(ms, 1.0), buildMs, found, names);
}

// Loading the whole content with a registry of `count` companies (median of `runs`), and in a child
// process of its own, how much the resident set grows for the loaded registry and its index.
int benchLoad(const fs::path& dataDir, std::size_t count, int runs)
{
    const fs::path tmp = fs::temp_directory_path() / ("kiosk-registry-bench-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::copy(dataDir, tmp, fs::copy_options::recursive, ec);
    std::ofstream(tmp / "registry/p3mi.csv", std::ios::binary | std::ios::trunc)
        << registryCsv(test::generatedCompanies(count));
    std::ofstream(tmp / "registry/p3mi.toml", std::ios::binary | std::ios::trunc)
        << registryInfoToml({"generated for the bench", "2026-03-12", ""}, count);
    const auto bytes = fs::file_size(tmp / "registry/p3mi.csv", ec);
    Problems problems;
    const Config config = Config::load(dataDir / "kiosk.toml", problems);
    const fs::path media = dataDir.parent_path() / "media";
    std::vector<double> ms, registryMs;
    bool ok = true;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        const ContentLoad load = loadContent(tmp, media, config.contacts);
        ms.push_back(bench::msSince(t0));
        ok = ok && load.ok() && load.content.registry.companies.size() == count;
        t0 = std::chrono::steady_clock::now();
        Problems errors;
        std::ifstream in(tmp / "registry/p3mi.csv", std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        const auto companies = parseRegistryCsv(text, "p3mi.csv", errors);
        registryMs.push_back(bench::msSince(t0));
    }
    // Memory in a fresh process of its own (this one's heap holds the search bench's freed memory).
    long growth[2] = {-1, -1}; // RSS, heap
    const std::string command = fs::read_symlink("/proc/self/exe", ec).string() + " --memory " +
                                tmp.string() + " " + dataDir.string();
    if (FILE* child = ::popen(command.c_str(), "r")) {
        if (std::fscanf(child, "%ld %ld", &growth[0], &growth[1]) != 2)
            growth[0] = growth[1] = -1;
        ::pclose(child);
    }
    std::printf(
        "{\"figure\": \"registry_load_ms\", \"companies\": %zu, \"csv_bytes\": %ju, "
        "\"content_load_median\": %.1f, \"registry_parse_median\": %.1f, "
        "\"rss_growth_kib\": %ld, \"heap_growth_kib\": %ld, \"note\": \"memory: the whole content "
        "(shipped pages too) with the registry and its search index, measured in a child process\"}\n",
        count, static_cast<std::uintmax_t>(bytes), bench::quantile(ms, 0.5), bench::quantile(registryMs, 0.5),
        growth[0], growth[1]);
    fs::remove_all(tmp, ec);
    return ok ? 0 : 1;
}

// In a process of its own: how much the resident set and the heap grow for loading the content in
// `dir` and indexing its registry, printed as "RSS_KIB HEAP_KIB".
int memoryChild(const fs::path& dir, const fs::path& dataDir)
{
    Problems problems;
    const Config config = Config::load(dataDir / "kiosk.toml", problems);
    const long rssBefore = rssKib(), heapBefore = heapKib();
    const ContentLoad load = loadContent(dir, dataDir.parent_path() / "media", config.contacts);
    const RegistryIndex index(load.content.registry.companies);
    std::printf("%ld %ld\n", rssKib() - rssBefore, heapKib() - heapBefore);
    return load.ok() ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 4 && std::strcmp(argv[1], "--memory") == 0)
        return memoryChild(argv[2], argv[3]);
    if (argc == 4 && std::strcmp(argv[1], "--write") == 0) {
        const auto count = static_cast<std::size_t>(std::stoul(argv[3]));
        std::ofstream(fs::path(argv[2]) / "p3mi.csv", std::ios::binary | std::ios::trunc)
            << registryCsv(test::generatedCompanies(count));
        std::ofstream(fs::path(argv[2]) / "p3mi.toml", std::ios::binary | std::ios::trunc)
            << registryInfoToml({"generated for the benchmark", "2026-03-12", ""}, count);
        return 0;
    }
    fs::path dataDir = fs::path(KIOSK_SOURCE_DIR) / "data";
    if (argc == 3 && std::strcmp(argv[1], "--data") == 0)
        dataDir = argv[2];
    else if (argc != 1) {
        std::fprintf(stderr, "usage: registry_bench [--data DIR]\n");
        return 2;
    }
    benchSearch(5'000);
    benchSearch(50'000);
    int failed = benchLoad(dataDir, 0, 11);
    failed |= benchLoad(dataDir, 5'000, 11);
    failed |= benchLoad(dataDir, 50'000, 5);
    return failed;
}

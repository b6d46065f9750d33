// The registry's figures, as JSON lines for scripts/bench.sh: the search per keystroke (names typed
// letter by letter, without "PT", some with a letter wrong) over 5,000 and 50,000 generated
// companies; loading the content with such a registry; the memory the list and its index take.
//   registry_bench [--data DIR]
#include "../registry_support.hpp"
#include "bench_support.hpp"
#include "core/config.hpp"
#include "core/content.hpp"
#include "core/registry_search.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

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
    int pipeFds[2];
    long growth = -1;
    if (::pipe(pipeFds) == 0) {
        const pid_t child = ::fork();
        if (child == 0) {
            const long before = rssKib();
            const ContentLoad load = loadContent(tmp, media, config.contacts);
            const RegistryIndex index(load.content.registry.companies);
            long kib = rssKib() - before;
            (void)!::write(pipeFds[1], &kib, sizeof kib);
            ::_exit(index.names() > 0 ? 0 : 1);
        }
        ::close(pipeFds[1]);
        if (::read(pipeFds[0], &growth, sizeof growth) != sizeof growth)
            growth = -1;
        ::close(pipeFds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
    }
    std::printf("{\"figure\": \"registry_load_ms\", \"companies\": %zu, \"csv_bytes\": %ju, "
                "\"content_load_median\": %.1f, \"registry_parse_median\": %.1f, "
                "\"rss_growth_kib_with_index\": %ld, \"note\": \"the whole content with the registry; the "
                "growth includes the shipped pages\"}\n",
                count, static_cast<std::uintmax_t>(bytes), bench::quantile(ms, 0.5),
                bench::quantile(registryMs, 0.5), growth);
    fs::remove_all(tmp, ec);
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
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

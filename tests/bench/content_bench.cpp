// The content's figures, as JSON lines for scripts/bench.sh: loading and checking the shipped
// content, and a generated pack of 1,000 pages a language (the shipped pages copied under new ids).
//   content_bench --data DIR
#include "core/config.hpp"
#include "core/content.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

int benchContentLoad(const fs::path& dataDir, const fs::path& mediaDir)
{
    Problems problems;
    const Config config = Config::load(dataDir / "kiosk.toml", problems);
    auto time = [&](const fs::path& dir, int runs, std::size_t& pages) {
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            const ContentLoad load = loadContent(dir, mediaDir, config.contacts);
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            pages = load.content.pages.size();
            if (!load.ok())
                return -1.0;
        }
        std::sort(ms.begin(), ms.end());
        return ms[ms.size() / 2];
    };
    std::size_t pages = 0;
    const double shipped = time(dataDir, 21, pages);
    std::printf(
        "{\"figure\": \"content_load_shipped_ms\", \"pages\": %zu, \"median\": %.2f, \"target\": 50}\n",
        pages, shipped);

    const fs::path tmp = fs::temp_directory_path() / ("kiosk-bench-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::copy(dataDir, tmp, fs::copy_options::recursive, ec);
    std::size_t made = 0;
    for (Lang lang : kAllLangs) {
        const fs::path dir = tmp / "content" / std::string(langCode(lang)) / "pages";
        std::vector<fs::path> originals;
        for (const auto& e : fs::directory_iterator(dir, ec))
            originals.push_back(e.path());
        for (std::size_t i = 0; made < 1000 * (static_cast<std::size_t>(lang) + 1) && !originals.empty();
             ++i, ++made)
            fs::copy_file(originals[i % originals.size()], dir / ("generated-" + std::to_string(i) + ".toml"),
                          ec);
    }
    const double generated = time(tmp, 5, pages);
    std::printf(
        "{\"figure\": \"content_load_1000_pages_ms\", \"pages\": %zu, \"languages\": 3, \"median\": %.2f, "
        "\"target\": 500}\n",
        pages, generated);
    fs::remove_all(tmp, ec);
    return shipped < 0 || generated < 0 ? 1 : 0;
}

} // namespace

int main(int argc, char** argv)
{
    fs::path dataDir = fs::path(KIOSK_SOURCE_DIR) / "data";
    if (argc == 3 && std::strcmp(argv[1], "--data") == 0)
        dataDir = argv[2];
    else if (argc != 1) {
        std::fprintf(stderr, "usage: content_bench [--data DIR]\n");
        return 2;
    }
    return benchContentLoad(dataDir, dataDir.parent_path() / "media");
}

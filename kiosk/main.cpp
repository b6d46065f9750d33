// Composition root of the village kiosk: reads the command line, configuration and content, finds
// the fonts, opens the window, and runs the kiosk, its tour, or its benchmark.
#include "app/runner.hpp"
#include "app/shell.hpp"
#include "core/config.hpp"
#include "core/strings.hpp"
#include "platform/font_files.hpp"
#include "platform/renderer.hpp"
#include "platform/window.hpp"
#include "ui/theme.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>
#include <regex>
#include <tuple>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

fs::path defaultDatabase()
{
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return fs::path(xdg) / "desa-kiosk" / "kiosk.db";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "desa-kiosk" / "kiosk.db";
    return fs::path("kiosk.db");
}

bool parseSize(const std::string& text, unsigned& w, unsigned& h)
{
    static const std::regex pattern(R"((\d{3,5})x(\d{3,5}))");
    std::smatch m;
    if (!std::regex_match(text, m, pattern))
        return false;
    w = static_cast<unsigned>(std::stoul(m[1]));
    h = static_cast<unsigned>(std::stoul(m[2]));
    return w >= 640 && h >= 480 && w <= 7680 && h <= 7680;
}

void report(const char* what, const Problems& problems)
{
    for (const auto& p : problems)
        std::cerr << "kiosk: " << what << ": " << p << "\n";
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App cli{"Village information kiosk of a Desa Binaan Imigrasi"};
    fs::path dataDir = fs::path(KIOSK_SOURCE_DIR) / "data";
    fs::path configFile;
    fs::path dbFile = defaultDatabase();
    std::string windowed;
    fs::path tourDir;
    std::string tourSize = "1920x1080";
    fs::path uiMap;
    int idleAfter = 0, idlePrompt = 0;
    bool firstFrame = false;
    int benchFrames = 0;
    cli.add_option("--data", dataDir, "Content folder (default: the shipped data/)")
        ->check(CLI::ExistingDirectory);
    cli.add_option("--config", configFile, "Kiosk configuration (default: DATA/kiosk.toml)");
    cli.add_option("--db", dbFile, "Database file (default: in the user's data directory)");
    cli.add_option("--windowed", windowed, "Open a WxH window instead of full screen");
    cli.add_option("--tour", tourDir, "Render every screen in every language to DIR and exit");
    cli.add_option("--size", tourSize, "Window size for --tour and --bench-frames (WxH)");
    cli.add_option("--ui-map", uiMap, "Rewrite FILE with the UI map after every frame");
    cli.add_option("--idle-after", idleAfter,
                   "Seconds without a touch before the idle prompt (overrides the configuration)");
    cli.add_option("--idle-prompt", idlePrompt,
                   "Seconds the idle prompt counts down (overrides the configuration)");
    cli.add_flag("--exit-after-first-frame", firstFrame, "Print when the first frame was shown, then exit");
    cli.add_option("--bench-frames", benchFrames, "Measure N frame times on home and while drag-scrolling");
    CLI11_PARSE(cli, argc, argv);

    if (configFile.empty())
        configFile = dataDir / "kiosk.toml";
    Problems configProblems;
    Config config = Config::load(configFile, configProblems);
    report("configuration", configProblems);
    if (idleAfter > 0)
        config.idleAfterMs = idleAfter * 1000L;
    if (idlePrompt > 0)
        config.idlePromptMs = idlePrompt * 1000L;

    Problems contentProblems;
    Strings strings = Strings::load(dataDir / "content", contentProblems);
    report("content", contentProblems);

    std::string why;
    const auto fonts = platform::findFontFiles(why);
    if (!fonts) {
        std::cerr << "kiosk: cannot start: " << why << "\n";
        return 2;
    }
    if (!std::getenv("DISPLAY")) {
        std::cerr
            << "kiosk: no display (DISPLAY is not set); try scripts/run.sh, which renders the tour instead\n";
        return 3;
    }

    // The database arrives with the callback form; make sure its folder can exist.
    std::error_code ec;
    fs::create_directories(dbFile.parent_path().empty() ? fs::path(".") : dbFile.parent_path(), ec);
    if (ec)
        std::cerr << "kiosk: cannot create the folder of " << dbFile << ": " << ec.message() << "\n";

    platform::WindowOptions wopts;
    const std::string& sizeText = !tourDir.empty() || benchFrames > 0 ? tourSize : windowed;
    if (!sizeText.empty()) {
        if (!parseSize(sizeText, wopts.width, wopts.height)) {
            std::cerr << "kiosk: size must look like 1920x1080, not '" << sizeText << "'\n";
            return 2;
        }
        wopts.fullscreen = false;
        wopts.vsync = tourDir.empty() && benchFrames == 0;
    } else {
        std::tie(wopts.width, wopts.height) = platform::screenSize();
    }

    try {
        SteadyClock clock;
        // The fonts are built while the window and its GL context open (no ImGui context exists
        // yet, so the two share nothing).
        auto fontJob = std::async(std::launch::async, [&] {
            return ui::buildFontSet(
                *fonts, ui::uiScale(static_cast<float>(wopts.width), static_cast<float>(wopts.height)));
        });
        platform::Window window(wopts);
        ui::FontSet fontSet = fontJob.get();
        // The shell (and its ImGui context) must outlive the renderer.
        Shell shell(config, strings, *fonts, std::move(fontSet), clock, static_cast<float>(window.width()),
                    static_cast<float>(window.height()));
        platform::ImGuiRenderer renderer;
        const Screen screen{window, renderer};
        if (!tourDir.empty())
            return runTour(shell, screen, tourDir);
        if (benchFrames > 0) {
            // A long page to drag: the topic screen with its notice many times over.
            std::string longText;
            for (int i = 0; i < 40; ++i)
                longText += strings.get(Lang::Id, "topic.preparing") + "\n\n";
            strings.set(Lang::Id, "topic.preparing", longText);
            return runFrameBench(shell, screen, clock, benchFrames);
        }
        RunOptions run;
        run.uiMap = uiMap;
        run.exitAfterFirstFrame = firstFrame;
        return runKiosk(shell, screen, clock, run);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
        return 1;
    }
}

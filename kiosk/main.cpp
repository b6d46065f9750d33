// Composition root of the village kiosk: reads the command line, configuration and content, finds
// the fonts, opens the window, and runs the kiosk, its tour, or its benchmark.
#include "cli/check_content.hpp"
#include "cli/content_cli.hpp"
#include "packs/content_store.hpp"
#include "cli/export_cli.hpp"
#include "shell/log_sink.hpp"
#include "services/officer_desk.hpp"
#include "services/voice.hpp"
#include "services/pending_store.hpp"
#include "services/request_saver.hpp"
#include "cli/pin_cli.hpp"
#include "cli/requests_cli.hpp"
#include "shell/runner.hpp"
#include "shell/service_link.hpp"
#include "shell/shell.hpp"
#include "core/config.hpp"
#include "core/content.hpp"
#include "platform/font_files.hpp"
#include "platform/pictures.hpp"
#include "platform/renderer.hpp"
#include "platform/window.hpp"
#include "platform/x11_connection.hpp"
#include "ui/theme.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <future>
#include <iostream>
#include <string_view>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

// Where the kiosk keeps its database and installed content when kiosk.toml does not say
// ([paths] state): the user's data directory.
fs::path defaultStateDir()
{
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return fs::path(xdg) / "desa-kiosk";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "desa-kiosk";
    return fs::path(".");
}

// The content shipped with the kiosk: beside the installed program (PREFIX/share/desa-kiosk/data),
// else the source tree it was built from.
fs::path shippedDataDir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "desa-kiosk" / "data";
        if (fs::is_directory(installed, ec))
            return installed;
    }
    return fs::path(KIOSK_SOURCE_DIR) / "data";
}

constexpr const char* kSystemConfig = "/etc/desa-kiosk/kiosk.toml";

bool parseSize(const std::string& text, unsigned& w, unsigned& h)
{
    // "WxH", each side 3 to 5 digits.
    const auto x = text.find('x');
    if (x == std::string::npos)
        return false;
    const auto side = [](std::string_view digits, unsigned& out) {
        if (digits.size() < 3 || digits.size() > 5)
            return false;
        out = 0;
        for (const char c : digits) {
            if (c < '0' || c > '9')
                return false;
            out = out * 10 + static_cast<unsigned>(c - '0');
        }
        return true;
    };
    const std::string_view all(text);
    if (!side(all.substr(0, x), w) || !side(all.substr(x + 1), h))
        return false;
    return w >= 640 && h >= 480 && w <= 7680 && h <= 7680;
}

void report(const char* what, const Problems& problems)
{
    for (const auto& p : problems)
        std::cerr << "kiosk: warning: " << what << ": " << p << "\n";
}

// What officer mode needs from the configuration and the content shown.
OfficerDeskSettings officerSettings(const Config& config, const Problems& configProblems, const ShownContent& shown,
                                    const fs::path& dataDir, pack::Place packs)
{
    OfficerDeskSettings s;
    s.kioskId = config.kioskId;
    s.exportDir = config.exportDir;
    s.keyProblem = config.officeKeyProblem;
    if (!config.officePublicKey.empty()) {
        try {
            s.officeKey = exporter::readPublicKey(config.officePublicKey);
        } catch (const std::exception& e) {
            // Never fall back to plain files when the office asked for sealed ones.
            s.keyProblem = e.what();
            std::cerr << "kiosk: error: the office key cannot be read, officer mode will not export: " << e.what() << "\n";
        }
    }
    s.retentionDays = config.retentionDays;
    s.usb.roots = config.usbRoots;
    s.contentDir = shown.origin == ShownContent::Origin::LastGood ? shown.mediaDir.parent_path() : dataDir;
    s.contentOldestVerified = shown.content.oldestVerified();
    s.contentProblems = shown.errors;
    s.contentFromLastGood = shown.origin == ShownContent::Origin::LastGood;
    s.configProblems = configProblems;
    s.configProblems.insert(s.configProblems.end(), packs.keyProblems.begin(), packs.keyProblems.end());
    s.packs = std::move(packs);
    return s;
}

} // namespace

int main(int argc, char** argv)
{
    installLogSink(LogLevel::Info);
    CLI::App cli{"Village information kiosk of a Desa Binaan Imigrasi"};
    fs::path dataDir;
    fs::path configFile;
    fs::path dbFile;
    std::string windowed;
    fs::path tourDir;
    std::string tourSize = "1920x1080";
    fs::path uiMap;
    int idleAfter = 0, idlePrompt = 0;
    bool firstFrame = false;
    int benchFrames = 0;
    bool reportTaps = false;
    fs::path mediaDir;
    fs::path exportDir;
    cli.add_option("--data", dataDir,
                   "Content folder (default: [paths] content of the configuration, else the shipped data/; "
                   "an installed content pack is shown instead unless this is given)")
        ->check(CLI::ExistingDirectory);
    cli.add_option("--media", mediaDir, "Pictures folder (default: media/ beside DATA)");
    cli.add_option("--config", configFile,
                   std::string("Kiosk configuration (default: DATA/kiosk.toml when --data is given, else ") + kSystemConfig +
                       " if it exists, else the shipped data/kiosk.toml)");
    cli.add_option("--db", dbFile, "Database file (default: kiosk.db in [paths] state, else in the user's data directory)");
    cli.add_option("--export-dir", exportDir,
                   "Officer mode exports to this folder instead of USB sticks (overrides the configuration)");
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
    cli.add_flag("--report-taps", reportTaps, "On exit, print how long taps took to show their answer");
    const CheckContentCommand check(cli);
    const RequestsCommand requests(cli, dbFile);
    ExportCommand exporting(cli, dbFile);
    const SetPinCommand setPin(cli, dbFile);
    const ContentCommand contentCommand(cli);
    CLI11_PARSE(cli, argc, argv);
    const bool dataGiven = !dataDir.empty();
    const fs::path shippedData = shippedDataDir();
    if (!dataGiven)
        dataDir = shippedData;
    // "data/" names the same folder as "data": the pictures are looked for beside it, not in it.
    if (!dataDir.lexically_normal().has_filename())
        dataDir = dataDir.lexically_normal().parent_path();

    if (check.parsed())
        return check.run(dataDir, shippedData, mediaDir, configFile, kSystemConfig, std::cout);

    std::error_code ec;
    if (configFile.empty())
        // A kiosk set up by install.sh reads /etc; a technician's or a test's --data brings its own.
        configFile = !dataGiven && fs::exists(kSystemConfig, ec) ? fs::path(kSystemConfig) : dataDir / "kiosk.toml";
    Problems configProblems;
    Config config = Config::load(configFile, configProblems);
    setLogThreshold(config.logLevel);
    std::cerr << "kiosk: configuration " << configFile.string() << "\n";
    report("configuration", configProblems);
    if (!dataGiven && !config.contentDir.empty())
        dataDir = config.contentDir;
    const fs::path stateDir = !dbFile.empty()            ? (dbFile.parent_path().empty() ? fs::path(".") : dbFile.parent_path())
                              : !config.stateDir.empty() ? config.stateDir
                                                         : defaultStateDir();
    if (dbFile.empty())
        dbFile = stateDir / "kiosk.db";
    const fs::path shippedMedia = mediaDir.empty() ? dataDir.parent_path() / "media" : mediaDir;
    if (mediaDir.empty())
        mediaDir = shippedMedia;
    pack::Place packs;
    packs.root = stateDir / "content";
    packs.trusted = pack::readTrustedKeys(config.trustedContentKeys, packs.keyProblems);
    packs.check = packContentCheck(config.contacts, shippedMedia);
    report("configuration", packs.keyProblems);
    if (contentCommand.parsed()) {
        SystemClock wall;
        return contentCommand.run(packs, wall.now(), std::cout, std::cerr);
    }
    if (requests.parsed())
        return requests.run(config.kioskId, std::cout, std::cerr);
    exporting.useConfiguredKey(config.officePublicKey, config.officeKeyProblem);
    if (exporting.parsed())
        return exporting.run(config.kioskId, std::cout, std::cerr);
    if (setPin.parsed())
        return setPin.run(config.kioskId, std::cin, std::cout, std::cerr);
    if (!exportDir.empty())
        config.exportDir = exportDir;
    if (idleAfter > 0)
        config.idleAfterMs = idleAfter * 1000L;
    if (idlePrompt > 0)
        config.idlePromptMs = idlePrompt * 1000L;

    // Content: the installed signed pack, else data/, if it passes its checks; else the last copy
    // that did, else a notice.
    fs::create_directories(stateDir, ec);
    if (ec)
        std::cerr << "kiosk: error: cannot create " << stateDir << ": " << ec.message() << "\n";
    // The tour and the benchmark read the content but leave the kiosk's last good copy alone.
    const bool measuring = !tourDir.empty() || benchFrames > 0 || firstFrame;
    if (const auto installed = pack::PackStore(packs.root).current(); installed && !dataGiven && !measuring) {
        std::cerr << "kiosk: showing content pack " << installed->id << " (signed " << installed->created << " UTC)\n";
        dataDir = installed->dir;
        mediaDir = packMedia(installed->dir, mediaDir);
    }
    ShownContent shown = loadShownContent(dataDir, mediaDir, config.contacts,
                                          measuring ? fs::path() : stateDir / "content-good", std::cerr);
    if (!shown.mediaDir.empty())
        mediaDir = shown.mediaDir;

    std::string why;
    const auto fonts = platform::findFontFiles(why);
    if (!fonts) {
        std::cerr << "kiosk: error: cannot start: " << why << "\n";
        return 2;
    }
    if (!std::getenv("DISPLAY")) {
        std::cerr
            << "kiosk: error: no display (DISPLAY is not set); try scripts/run.sh, which renders the tour instead\n";
        return 3;
    }

    platform::WindowOptions wopts;
    const std::string& sizeText = !tourDir.empty() || benchFrames > 0 ? tourSize : windowed;
    if (!sizeText.empty()) {
        if (!parseSize(sizeText, wopts.width, wopts.height)) {
            std::cerr << "kiosk: error: size must look like 1920x1080, not '" << sizeText << "'\n";
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
        // The database opens (and checks itself) once the first picture is up.
        SystemClock wallClock;
        std::unique_ptr<PendingStore> store;
        std::unique_ptr<RequestSaver> saver; // commits requests off the drawing thread
        std::unique_ptr<OfficerDeskService> desk;
        std::unique_ptr<VoiceService> voice;
        if (tourDir.empty() && benchFrames == 0) {
            voice = std::make_unique<VoiceService>(VoiceOptions{.mediaDir = mediaDir}, std::cerr);
            store = std::make_unique<PendingStore>(dbFile, config.kioskId, wallClock, std::cerr);
            saver = std::make_unique<RequestSaver>(*store, std::cerr);
            desk = std::make_unique<OfficerDeskService>(*store, officerSettings(config, configProblems, shown, dataDir, packs),
                                                        wallClock, std::cerr);
        }
        platform::Window window(wopts);
        ui::FontSet fontSet = fontJob.get();
        // The shell (and its ImGui context) must outlive the renderer.
        Shell shell(config, shown.content, *fonts, std::move(fontSet), clock,
                    static_cast<float>(window.width()), static_cast<float>(window.height()));
        platform::ImGuiRenderer renderer;
        platform::TexturePictures pictures(mediaDir);
        shell.setPictures(&pictures);
        shell.setServices({.saver = saver.get(), .desk = desk.get(), .usage = desk.get(), .voice = voice.get()});
        const Screen screen{window, renderer};
        if (!tourDir.empty())
            return runTour(shell, screen, shown.content, tourDir);
        if (benchFrames > 0) {
            // A long page to drag: the topic screen with its notice many times over.
            return runFrameBench(shell, screen, clock, benchFrames);
        }
        RunOptions run;
        run.uiMap = uiMap;
        run.exitAfterFirstFrame = firstFrame;
        run.reportTaps = reportTaps;
        // Only a full-screen kiosk owns the display's blanking; a window on someone's desktop
        // leaves their screen saver alone.
        ServiceLink service(config, wopts.fullscreen ? std::function<bool(int)>(platform::setScreenBlanking) : nullptr,
                            std::cerr);
        run.tick = [&service] { service.tick(); };
        run.afterFirstFrame = [&store, &desk, &voice, &service] {
            service.ready();
            if (store)
                store->start();
            if (desk)
                desk->warmUp();
            if (voice)
                voice->start(); // looks for a sound device and the Indonesian voice
        };
        const int code = runKiosk(shell, screen, clock, run);
        if (code != kRestartKiosk) {
            service.stopping();
            return code;
        }
    } catch (const std::exception& e) {
        std::cerr << "kiosk: error: " << e.what() << "\n";
        return 1;
    }
    // Other content was installed: everything above is closed (the database, the desk, the voice,
    // the window); the same program starts again with the same arguments and loads it afresh.
    std::cerr << "kiosk: starting again to show the new content\n";
    ::execv("/proc/self/exe", argv);
    std::cerr << "kiosk: error: cannot start again: " << std::strerror(errno) << "\n";
    return 1;
}

// Composition root of the village kiosk: reads the command line, configuration and content, finds
// the fonts, opens the window, and runs the kiosk, its tour, or its benchmark.
#include "cli/check_content.hpp"
#include "cli/content_cli.hpp"
#include "cli/export_cli.hpp"
#include "cli/pin_cli.hpp"
#include "cli/registry_cli.hpp"
#include "cli/requests_cli.hpp"
#include "core/config.hpp"
#include "core/content.hpp"
#include "packs/content_store.hpp"
#include "platform/font_files.hpp"
#include "platform/pictures.hpp"
#include "platform/renderer.hpp"
#include "platform/window.hpp"
#include "platform/x11_connection.hpp"
#include "services/officer_desk.hpp"
#include "services/pending_store.hpp"
#include "services/request_saver.hpp"
#include "services/voice.hpp"
#include "shell/log_sink.hpp"
#include "shell/runner.hpp"
#include "shell/service_link.hpp"
#include "shell/shell.hpp"
#include "shell/tour.hpp"
#include "ui/theme.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <future>
#include <iostream>
#include <optional>
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
OfficerDeskSettings officerSettings(const Config& config, const Problems& configProblems,
                                    const ShownContent& shown, const fs::path& dataDir, pack::Place packs,
                                    const fs::path& stateDir)
{
    OfficerDeskSettings s;
    s.kioskId = config.kioskId;
    s.exportDir = config.exportDir;
    s.keyProblem = config.officeKeyProblem;
    s.allowPlainExport = config.allowPlainExport;
    if (!config.officePublicKey.empty()) {
        try {
            s.officeKey = exporter::readPublicKey(config.officePublicKey);
        } catch (const std::exception& e) {
            // Never fall back to plain files when the office asked for sealed ones.
            s.keyProblem = e.what();
            std::cerr << "kiosk: error: the office key cannot be read, officer mode will not export: "
                      << e.what() << "\n";
        }
    }
    s.retentionDays = config.retentionDays;
    s.registryMaxAgeDays = config.registryMaxAgeDays;
    s.usb.roots = config.usbRoots;
    s.contentDir = shown.origin == ShownContent::Origin::LastGood ? shown.mediaDir.parent_path() : dataDir;
    s.contentOldestVerified = shown.content.oldestVerified();
    s.contentProblems = shown.errors;
    s.contentFromLastGood = shown.origin == ShownContent::Origin::LastGood;
    s.configProblems = configProblems;
    s.configProblems.insert(s.configProblems.end(), packs.keyProblems.begin(), packs.keyProblems.end());
    s.packs = std::move(packs);
    s.statusRoot = stateDir / "status";
    return s;
}

// The command line of the kiosk itself (the technicians' commands add their own).
struct Options {
    fs::path dataDir, configFile, dbFile, mediaDir, exportDir, tourDir, uiMap;
    std::string windowed, tourSize = "1920x1080", tourOnly;
    int idleAfter = 0, idlePrompt = 0, benchFrames = 0;
    bool firstFrame = false, reportTaps = false;

    // The tour, the frame benchmark or the first-frame time: the content is read, but the
    // kiosk's last good copy and its database are left alone.
    [[nodiscard]] bool measuring() const { return !tourDir.empty() || benchFrames > 0 || firstFrame; }
    [[nodiscard]] bool rendering() const { return !tourDir.empty() || benchFrames > 0; }
};

void addOptions(CLI::App& cli, Options& o)
{
    cli.add_option("--data", o.dataDir,
                   "Content folder (default: [paths] content of the configuration, else the shipped data/; "
                   "an installed content pack is shown instead unless this is given)")
        ->check(CLI::ExistingDirectory);
    cli.add_option("--media", o.mediaDir, "Pictures folder (default: media/ beside DATA)");
    cli.add_option("--config", o.configFile,
                   std::string("Kiosk configuration (default: DATA/kiosk.toml when --data is given, else ") +
                       kSystemConfig + " if it exists, else the shipped data/kiosk.toml)");
    cli.add_option("--db", o.dbFile,
                   "Database file (default: kiosk.db in [paths] state, else in the user's data directory)");
    cli.add_option("--export-dir", o.exportDir,
                   "Officer mode exports to this folder instead of USB sticks (overrides the configuration)");
    cli.add_option("--windowed", o.windowed, "Open a WxH window instead of full screen");
    cli.add_option("--tour", o.tourDir, "Render every screen in every language to DIR and exit");
    cli.add_option("--tour-only", o.tourOnly, "With --tour: only the stills whose names start with PREFIX");
    cli.add_option("--size", o.tourSize, "Window size for --tour and --bench-frames (WxH)");
    cli.add_option("--ui-map", o.uiMap, "Rewrite FILE with the UI map after every frame");
    cli.add_option("--idle-after", o.idleAfter,
                   "Seconds without a touch before the idle prompt (overrides the configuration)");
    cli.add_option("--idle-prompt", o.idlePrompt,
                   "Seconds the idle prompt counts down (overrides the configuration)");
    cli.add_flag("--exit-after-first-frame", o.firstFrame, "Print when the first frame was shown, then exit");
    cli.add_option("--bench-frames", o.benchFrames, "Measure N frame times on home and while drag-scrolling");
    cli.add_flag("--report-taps", o.reportTaps, "On exit, print how long taps took to show their answer");
}

// The settings and places this kiosk runs with, once the command line and kiosk.toml are read.
struct Setup {
    bool dataGiven = false;
    fs::path shippedData, dataDir, mediaDir, shippedMedia, stateDir, dbFile;
    Config config;
    Problems configProblems;
    pack::Place packs;
};

Setup settle(const Options& o)
{
    Setup s;
    s.dataGiven = !o.dataDir.empty();
    s.shippedData = shippedDataDir();
    s.dataDir = s.dataGiven ? o.dataDir : s.shippedData;
    // "data/" names the same folder as "data": the pictures are looked for beside it, not in it.
    if (!s.dataDir.lexically_normal().has_filename())
        s.dataDir = s.dataDir.lexically_normal().parent_path();
    std::error_code ec;
    fs::path configFile = o.configFile;
    if (configFile.empty())
        // A kiosk set up by install.sh reads /etc; a technician's or a test's --data brings its own.
        configFile = !s.dataGiven && fs::exists(kSystemConfig, ec) ? fs::path(kSystemConfig)
                                                                   : s.dataDir / "kiosk.toml";
    s.config = Config::load(configFile, s.configProblems);
    setLogThreshold(s.config.logLevel);
    std::cerr << "kiosk: configuration " << configFile.string() << "\n";
    report("configuration", s.configProblems);
    if (!s.dataGiven && !s.config.contentDir.empty())
        s.dataDir = s.config.contentDir;
    s.stateDir = !o.dbFile.empty() ? (o.dbFile.parent_path().empty() ? fs::path(".") : o.dbFile.parent_path())
                 : !s.config.stateDir.empty() ? s.config.stateDir
                                              : defaultStateDir();
    s.dbFile = o.dbFile.empty() ? s.stateDir / "kiosk.db" : o.dbFile;
    s.shippedMedia = o.mediaDir.empty() ? s.dataDir.parent_path() / "media" : o.mediaDir;
    s.mediaDir = s.shippedMedia;
    s.packs.root = s.stateDir / "content";
    s.packs.trusted = pack::readTrustedKeys(s.config.trustedContentKeys, s.packs.keyProblems);
    s.packs.check = packContentCheck(s.config.contacts, s.shippedMedia);
    report("configuration", s.packs.keyProblems);
    if (!o.exportDir.empty())
        s.config.exportDir = o.exportDir;
    if (o.idleAfter > 0)
        s.config.idleAfterMs = o.idleAfter * 1000L;
    if (o.idlePrompt > 0)
        s.config.idlePromptMs = o.idlePrompt * 1000L;
    return s;
}

// Content: the installed signed pack, else data/, if it passes its checks; else the last copy that
// did, else a notice.
ShownContent chooseContent(Setup& s, const Options& o)
{
    std::error_code ec;
    fs::create_directories(s.stateDir, ec);
    if (ec)
        std::cerr << "kiosk: error: cannot create " << s.stateDir << ": " << ec.message() << "\n";
    if (const auto installed = pack::PackStore(s.packs.root).current();
        installed && !s.dataGiven && !o.measuring()) {
        std::cerr << "kiosk: showing content pack " << installed->id << " (signed " << installed->created
                  << " UTC)\n";
        s.dataDir = installed->dir;
        s.mediaDir = packMedia(installed->dir, s.mediaDir);
    }
    ShownContent shown =
        loadShownContent(s.dataDir, s.mediaDir, s.config.contacts,
                         o.measuring() ? fs::path() : s.stateDir / "content-good", std::cerr);
    if (!shown.mediaDir.empty())
        s.mediaDir = shown.mediaDir;
    return shown;
}

// The window's size and kind from the command line, or the screen's; nothing when the size is bad.
std::optional<platform::WindowOptions> windowOptions(const Options& o)
{
    platform::WindowOptions w;
    const std::string& sizeText = o.rendering() ? o.tourSize : o.windowed;
    if (sizeText.empty()) {
        std::tie(w.width, w.height) = platform::screenSize();
        return w;
    }
    if (!parseSize(sizeText, w.width, w.height)) {
        std::cerr << "kiosk: error: size must look like 1920x1080, not '" << sizeText << "'\n";
        return std::nullopt;
    }
    w.fullscreen = false;
    w.vsync = !o.rendering();
    return w;
}

// The kiosk in its window (or the tour, or the frame benchmark). Returns the exit code, or
// kRestartKiosk when other content was installed.
int runWindow(const Options& o, const Setup& s, const ShownContent& shown, const FontFiles& fonts,
              const platform::WindowOptions& wopts)
{
    SteadyClock clock;
    // The fonts are built while the window and its GL context open (no ImGui context exists yet,
    // so the two share nothing).
    auto fontJob = std::async(std::launch::async, [&] {
        return ui::buildFontSet(
            fonts, ui::uiScale(static_cast<float>(wopts.width), static_cast<float>(wopts.height)));
    });
    // The services. The database opens (and checks itself) once the first picture is up.
    SystemClock wallClock;
    std::unique_ptr<PendingStore> store;
    std::unique_ptr<RequestSaver> saver; // commits requests off the drawing thread
    std::unique_ptr<OfficerDeskService> desk;
    std::unique_ptr<VoiceService> voice;
    if (!o.rendering()) {
        voice = std::make_unique<VoiceService>(VoiceOptions{.mediaDir = s.mediaDir}, std::cerr);
        store = std::make_unique<PendingStore>(s.dbFile, s.config.kioskId, wallClock, std::cerr);
        saver = std::make_unique<RequestSaver>(*store, std::cerr);
        desk = std::make_unique<OfficerDeskService>(
            *store, officerSettings(s.config, s.configProblems, shown, s.dataDir, s.packs, s.stateDir),
            wallClock, std::cerr);
    }
    platform::Window window(wopts);
    ui::FontSet fontSet = fontJob.get();
    // The shell (and its ImGui context) must outlive the renderer.
    Shell shell(s.config, shown.content, fonts, std::move(fontSet), clock, static_cast<float>(window.width()),
                static_cast<float>(window.height()));
    platform::ImGuiRenderer renderer;
    platform::TexturePictures pictures(s.mediaDir);
    shell.setPictures(&pictures);
    shell.setServices({.saver = saver.get(), .desk = desk.get(), .usage = desk.get(), .voice = voice.get()});
    // The office's news of requests comes with the desk's snapshots (the status pack kept).
    const Screen screen{window, renderer};
    if (!o.tourDir.empty()) {
        // The attract screen's stills with a logo show a test picture: no office's logo is made up.
        const TestPicture logo = testLogo();
        pictures.add(kTourLogo, logo.width, logo.height, logo.rgba.data());
        return runTour(shell, screen, shown.content, o.tourDir, o.tourOnly);
    }
    if (o.benchFrames > 0)
        return runFrameBench(shell, screen, clock, o.benchFrames);
    RunOptions run;
    run.uiMap = o.uiMap;
    run.exitAfterFirstFrame = o.firstFrame;
    run.reportTaps = o.reportTaps;
    // Only a full-screen kiosk owns the display's blanking; a window on someone's desktop leaves
    // their screen saver alone.
    ServiceLink service(s.config,
                        wopts.fullscreen ? std::function<bool(int)>(platform::setScreenBlanking) : nullptr,
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
    if (code != kRestartKiosk)
        service.stopping();
    return code;
}

} // namespace

int main(int argc, char** argv)
{
    installLogSink(LogLevel::Info);
    CLI::App cli{"Village information kiosk of a Desa Binaan Imigrasi"};
    Options options;
    addOptions(cli, options);
    const CheckContentCommand check(cli);
    const RequestsCommand requests(cli, options.dbFile);
    ExportCommand exporting(cli, options.dbFile);
    const SetPinCommand setPin(cli, options.dbFile);
    const ContentCommand contentCommand(cli);
    const RegistryCommand registry(cli);
    CLI11_PARSE(cli, argc, argv);

    if (check.parsed()) {
        const fs::path data = options.dataDir.empty() ? shippedDataDir() : options.dataDir;
        return check.run(data, shippedDataDir(), options.mediaDir, options.configFile, kSystemConfig,
                         std::cout);
    }
    if (registry.parsed())
        return registry.run(std::cout, std::cerr);
    Setup setup = settle(options);
    // set-pin, requests and export work on the database the kiosk itself uses: --db, or kiosk.db in
    // [paths] state of the settings (a kiosk set up by install.sh keeps it in /var/lib/desa-kiosk).
    options.dbFile = setup.dbFile;
    if (contentCommand.parsed()) {
        SystemClock wall;
        return contentCommand.run(setup.packs, wall.now(), std::cout, std::cerr);
    }
    if (requests.parsed())
        return requests.run(setup.config.kioskId, std::cout, std::cerr);
    exporting.useConfiguredKey(setup.config.officePublicKey, setup.config.officeKeyProblem);
    if (exporting.parsed())
        return exporting.run(setup.config.kioskId, std::cout, std::cerr);
    if (setPin.parsed())
        return setPin.run(setup.config.kioskId, std::cin, std::cout, std::cerr);

    const ShownContent shown = chooseContent(setup, options);
    // The logo is looked for in the media folder of the content shown (a pack may bring its own).
    Problems logoProblems;
    setup.config.checkLogo(setup.mediaDir, logoProblems);
    report("configuration", logoProblems);
    setup.configProblems.insert(setup.configProblems.end(), logoProblems.begin(), logoProblems.end());
    std::string why;
    const auto fonts = platform::findFontFiles(why);
    if (!fonts) {
        std::cerr << "kiosk: error: cannot start: " << why << "\n";
        return 2;
    }
    if (!std::getenv("DISPLAY")) {
        std::cerr << "kiosk: error: no display (DISPLAY is not set); try scripts/run.sh, which renders the "
                     "tour instead\n";
        return 3;
    }
    const auto wopts = windowOptions(options);
    if (!wopts)
        return 2;
    try {
        const int code = runWindow(options, setup, shown, *fonts, *wopts);
        if (code != kRestartKiosk)
            return code;
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

// Decodes the tour's pictures of every take-home QR code with zbarimg (Debian's zbar-tools) and
// compares each with the text the "Bawa pulang" button of its page or checklist carries in the UI
// map (takehome.open's value), the kiosk drawn headless at the same size, in every language.
// Usage: takehome_check DATA_DIR TOUR_DIR WxH... Exits 77 (skipped) without zbarimg.
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/content.hpp"
#include "core/language.hpp"
#include "core/qr.hpp"
#include "core/takehome.hpp"
#include "platform/font_files.hpp"
#include "shell/shell.hpp"
#include "shell/tour.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

// What zbarimg reads in the picture, QR codes only, as it prints them (each followed by a newline);
// nothing when it finds none.
std::optional<std::string> decode(const fs::path& picture)
{
    std::string quoted = "'";
    for (char c : picture.string())
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    quoted += "'";
    const std::string command = "zbarimg --quiet --raw -Sdisable -Sqrcode.enable " + quoted + " 2>/dev/null";
    struct Closer {
        void operator()(FILE* f) const { pclose(f); }
    };
    std::unique_ptr<FILE, Closer> pipe(popen(command.c_str(), "r"));
    if (!pipe)
        return std::nullopt;
    std::string out;
    std::array<char, 4096> buffer{};
    for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0;)
        out.append(buffer.data(), n);
    if (out.empty())
        return std::nullopt;
    if (out.back() == '\n')
        out.pop_back();
    return out;
}

// The button's text: the still's page or checklist shown headless, scrolled to the button.
std::string buttonValue(Shell& shell, Stage& stage, FakeClock& clock, const Still& still, Lang lang)
{
    Still from{still.name + "-from", still.route.takenFrom(), IdleTimer::Phase::Active, still.progress};
    from.scrollTo = "takehome.open";
    stage.show(from, lang);
    for (int i = 0; i < 16; ++i) {
        shell.update();
        (void)shell.frame();
        clock.advance(16);
    }
    const WidgetBox* button = shell.uiMap().find("takehome.open");
    return button ? button->value : std::string();
}

// Text with accents, quotes and a dash, encoded as the kiosk encodes it and drawn 4 pixels a module:
// zbarimg must give back the same UTF-8, as a phone's camera does (no ECI header is written).
bool utf8Survives(const fs::path& dir)
{
    const std::string text =
        "Sampun wonten: \u00e9 \u00e8 \u201cmarketing\u201d US$1.000\u20131.200\nRagad: Rp650.000";
    const auto qr = makeQr(text, kTakeHomeCorrection);
    if (!qr)
        return false;
    const int cell = 4, quiet = 4, side = (qr->size + 2 * quiet) * cell;
    const fs::path file = dir / "takehome-utf8-check.pgm";
    {
        std::ofstream out(file, std::ios::binary);
        out << "P5\n" << side << " " << side << "\n255\n";
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) {
                const int mx = x / cell - quiet, my = y / cell - quiet;
                const bool dark = mx >= 0 && my >= 0 && mx < qr->size && my < qr->size && qr->at(mx, my);
                out.put(static_cast<char>(dark ? 0 : 255));
            }
    }
    const auto got = decode(file);
    fs::remove(file);
    if (got != text)
        std::fprintf(stderr, "FAIL UTF-8 text came back as '%s'\n", got ? got->c_str() : "(nothing)");
    return got == text;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: takehome_check DATA_DIR TOUR_DIR WxH...\n");
        return 2;
    }
    if (std::system("command -v zbarimg >/dev/null 2>&1") != 0) {
        std::fprintf(stderr, "SKIPPED: zbarimg is not installed (Debian package zbar-tools)\n");
        return 77;
    }
    const fs::path data = argv[1];
    const fs::path dir = argv[2];
    Problems configProblems;
    const Config config = Config::load(data / "kiosk.toml", configProblems);
    const ContentLoad load = loadContent(data, data.parent_path() / "media", config.contacts);
    std::string why;
    const auto fonts = platform::findFontFiles(why);
    if (!load.ok() || !fonts) {
        std::fprintf(stderr, "FAIL the content in %s has errors, or no fonts: %s\n", data.c_str(),
                     why.c_str());
        return 1;
    }
    const auto stills = tourStills(load.content);
    int checked = 0, failed = utf8Survives(dir) ? 0 : 1;
    for (int i = 3; i < argc; ++i) {
        const std::string size = argv[i];
        const auto x = size.find('x');
        FakeClock clock;
        Shell shell(config, load.content, *fonts, clock, std::stof(size.substr(0, x)),
                    std::stof(size.substr(x + 1)));
        Stage stage(shell);
        for (Lang lang : kAllLangs)
            for (const Still& still : stills) {
                if (still.route.kind != ScreenKind::TakeHome || !still.pictured)
                    continue;
                ++checked;
                const fs::path file =
                    dir / (still.name + "-" + std::string(langCode(lang)) + "-" + size + ".png");
                const std::string expected = buttonValue(shell, stage, clock, still, lang);
                const auto got = decode(file);
                if (expected.empty() || got != expected) {
                    ++failed;
                    std::fprintf(stderr, "FAIL %s: the button says\n%s\n-- the picture decodes to\n%s\n",
                                 file.c_str(), expected.c_str(), got ? got->c_str() : "(nothing)");
                }
            }
    }
    std::printf("take-home QR codes: %d decoded as the button says, %d failed\n", checked - failed, failed);
    return failed == 0 && checked > 0 ? 0 : 1;
}

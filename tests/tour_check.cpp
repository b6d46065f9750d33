// Checks the tour's pictures: one per screen, language and size, none missing, none blank.
// Usage: tour_check DATA_DIR TOUR_DIR [--only PREFIX] WxH... (the stills expected are those of the
// content in DATA_DIR; with --only, those whose names start with PREFIX, as `kiosk --tour-only`)
#include "core/config.hpp"
#include "core/content.hpp"
#include "core/language.hpp"
#include "shell/tour.hpp"

#include <SFML/Graphics/Image.hpp>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: tour_check DATA_DIR TOUR_DIR [--only PREFIX] WxH...\n");
        return 2;
    }
    const std::filesystem::path data = argv[1];
    const std::filesystem::path dir = argv[2];
    kiosk::Problems configProblems;
    const kiosk::Config config = kiosk::Config::load(data / "kiosk.toml", configProblems);
    const kiosk::ContentLoad load = kiosk::loadContent(data, data.parent_path() / "media", config.contacts);
    if (!load.ok()) {
        std::fprintf(stderr, "FAIL the content in %s has errors\n", data.c_str());
        return 1;
    }
    const auto stills = kiosk::tourStills(load.content);
    int first = 3;
    std::string only;
    if (std::string(argv[3]) == "--only" && argc >= 6) {
        only = argv[4];
        first = 5;
    }

    int checked = 0, failed = 0;
    for (int i = first; i < argc; ++i) {
        const std::string size = argv[i];
        for (kiosk::Lang lang : kiosk::kAllLangs) {
            for (const auto& still : stills) {
                if (!still.pictured || still.name.rfind(only, 0) != 0)
                    continue;
                const auto file =
                    dir / (still.name + "-" + std::string(kiosk::langCode(lang)) + "-" + size + ".png");
                ++checked;
                sf::Image image;
                if (!std::filesystem::exists(file) || !image.loadFromFile(file.string())) {
                    std::fprintf(stderr, "FAIL missing or unreadable: %s\n", file.c_str());
                    ++failed;
                    continue;
                }
                const auto [w, h] = image.getSize();
                if (size != std::to_string(w) + "x" + std::to_string(h)) {
                    std::fprintf(stderr, "FAIL %s is %ux%u\n", file.c_str(), w, h);
                    ++failed;
                    continue;
                }
                // Blank: the middle of the screen (between header and footer bands) in (nearly) one
                // colour. Real content has text, whose anti-aliasing brings many colours.
                std::set<unsigned> colours;
                const unsigned top = h / 5, bottom = h - h / 5;
                const sf::Color bg = image.getPixel(w - 3, h / 2);
                unsigned long differ = 0, total = 0;
                for (unsigned y = top; y < bottom; y += 2)
                    for (unsigned x = 0; x < w; x += 2) {
                        const sf::Color c = image.getPixel(x, y);
                        if (colours.size() < 5000)
                            colours.insert(c.toInteger());
                        differ += c != bg;
                        ++total;
                    }
                if (colours.size() < 16 || differ < total / 200) {
                    std::fprintf(stderr, "FAIL blank content: %s (%zu colours, %lu of %lu pixels drawn)\n",
                                 file.c_str(), colours.size(), differ, total);
                    ++failed;
                }
            }
        }
    }
    std::printf("tour: %d passed, %d failed\n", checked - failed, failed);
    return failed == 0 ? 0 : 1;
}

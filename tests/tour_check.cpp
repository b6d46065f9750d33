// Checks the tour's pictures: one per screen, language and size, none missing, none blank.
// Usage: tour_check DIR WxH...
#include "core/language.hpp"
#include "core/navigation.hpp"

#include <SFML/Graphics/Image.hpp>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: tour_check DIR WxH...\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::vector<std::string> screens{"home", "idle-prompt", "attract"};
    for (kiosk::Topic t : kiosk::kAllTopics)
        screens.emplace_back(kiosk::topicId(t));

    int checked = 0, failed = 0;
    for (int i = 2; i < argc; ++i) {
        const std::string size = argv[i];
        for (kiosk::Lang lang : kiosk::kAllLangs) {
            for (const auto& screen : screens) {
                const auto file =
                    dir / (screen + "-" + std::string(kiosk::langCode(lang)) + "-" + size + ".png");
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
                // Blank: (nearly) one colour. A real screen has many colours (text anti-aliasing)
                // and a good share of pixels that differ from the most common one.
                std::set<unsigned> colours;
                const sf::Color bg = image.getPixel(w / 2, h / 2);
                unsigned long differ = 0;
                for (unsigned y = 0; y < h; y += 2)
                    for (unsigned x = 0; x < w; x += 2) {
                        const sf::Color c = image.getPixel(x, y);
                        if (colours.size() < 5000)
                            colours.insert(c.toInteger());
                        if (c != bg)
                            ++differ;
                    }
                if (colours.size() < 16 || differ < (w / 2) * (h / 2) / 100) {
                    std::fprintf(stderr, "FAIL blank picture: %s (%zu colours)\n", file.c_str(),
                                 colours.size());
                    ++failed;
                }
            }
        }
    }
    std::printf("tour: %d passed, %d failed\n", checked - failed, failed);
    return failed == 0 ? 0 : 1;
}

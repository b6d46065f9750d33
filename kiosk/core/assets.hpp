// What the platform hands the screens: pictures as textures the renderer can draw (with none, as in
// the headless tests, image blocks show their caption in a frame), and the font files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk {

struct Picture {
    std::uintptr_t texture = 0;  // the renderer's name for it (a GL texture); 0: none
    float width = 0, height = 0; // pixels
};

class PictureSource {
public:
    virtual ~PictureSource() = default;
    // The picture `file` from the media folder, or nothing if it cannot be shown.
    [[nodiscard]] virtual std::optional<Picture> picture(const std::string& file) = 0;
};

// The kiosk's font files: the words (regular and bold) and the icons.
struct FontFiles {
    std::string regular;
    std::string bold;
    std::string icons;
};

} // namespace kiosk

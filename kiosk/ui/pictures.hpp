// Pictures for image blocks, as textures the renderer can draw. The platform supplies them; with
// none (headless tests), image blocks show their caption in a frame.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

namespace kiosk::ui {

struct Picture {
    ImTextureID texture = nullptr;
    float width = 0, height = 0; // pixels
};

class PictureSource {
public:
    virtual ~PictureSource() = default;
    // The picture `file` from the media folder, or nothing if it cannot be shown.
    [[nodiscard]] virtual std::optional<Picture> picture(const std::string& file) = 0;
};

} // namespace kiosk::ui

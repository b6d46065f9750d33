// The kiosk's fonts in the ImGui atlas: Noto Sans (or DejaVu Sans) with the icon glyphs merged in.
#pragma once

#include "core/assets.hpp"

#include <imgui.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace kiosk::ui {

// Font files found on the system (see platform/font_files).
struct Fonts {
    ImFont* body = nullptr; // ~30 px at 1080
    ImFont* bodyBold = nullptr;
    ImFont* tile = nullptr;    // ~36 px, bold: tile and button labels
    ImFont* heading = nullptr; // ~44 px, bold
    ImFont* title = nullptr;   // ~60 px, bold: the attract screen's topic, read from afar
    ImFont* display = nullptr; // ~84 px, bold, Latin text and three icons: attract, help numbers, countdown
    ImFont* icon = nullptr;    // ~64 px: icons on tiles
    // The header band keeps its size with larger text on, so the languages stay where they were:
    // its title, words and buttons (the tile, body and bodyBold sizes of normal text).
    ImFont* chromeTitle = nullptr;
    ImFont* chromeBody = nullptr;
    ImFont* chromeBold = nullptr;
};

class FontError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A font atlas of its own with the kiosk's fonts in it, built for one UI scale.
struct FontSet {
    std::unique_ptr<ImFontAtlas> atlas;
    Fonts fonts;
    float scale = 1.f;
};

// How much larger the words are with the Aa button on.
inline constexpr float kLargeTextScale = 1.4f;

// Builds the fonts for `scale`, the words `textScale` times larger still. Needs no ImGui context, so it may
// run on another thread while none exists (the window opens meanwhile). Throws FontError when a file cannot
// be read.
[[nodiscard]] FontSet buildFontSet(const FontFiles& files, float scale, float textScale = 1.f);

} // namespace kiosk::ui

// Colours and sizes of the kiosk: one deep blue frame, near-white content, dark text, one red for
// trafficking warnings, one green for "done". Every size is a multiple of one UI scale.
#pragma once

#include "core/settings.hpp"

#include <imgui.h>

namespace kiosk::ui {

namespace colour {
inline constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255)
{
    return (a << 24) | (b << 16) | (g << 8) | r;
}
} // namespace colour

// The colours every screen draws with. Two themes: the standard one, and a high-contrast one
// (chosen in officer settings) with pure black on white, no grey text and no tinted backgrounds.
struct Palette {
    ImU32 frame; // header, footer, primary buttons, titles
    ImU32 framePressed;
    ImU32 onFrame; // words on the frame
    ImU32 onFrameMuted;
    ImU32 page; // content background
    ImU32 card;
    ImU32 cardPressed;
    ImU32 cardBorder;
    ImU32 text;
    ImU32 textMuted;
    ImU32 warning;   // trafficking warnings only
    ImU32 done;      // done / saved
    ImU32 warningBg; // behind trafficking warnings
    ImU32 tipBg;     // behind tips
    ImU32 doneBg;    // behind documents already held
    ImU32 attention; // a field to correct
    ImU32 attentionBg;
    ImU32 keyboard; // behind the on-screen keyboard
    ImU32 langActive;
    ImU32 langActiveText;
    ImU32 reading;      // behind the sentence being read aloud
    float borderWeight; // multiplies the width of card and button outlines
};

// The palette of the current theme.
[[nodiscard]] const Palette& colours();
[[nodiscard]] const Palette& paletteFor(Theme theme);
// Switches every screen to `theme` from the next frame (and ImGui's own colours with it).
void useTheme(Theme theme);
[[nodiscard]] Theme currentTheme();

// Sizes in pixels for the current window, all derived from one scale (1.0 at 1080 px).
struct Metrics {
    float scale = 1.f;
    float margin = 40.f;     // outer margin of the content
    float gap = 24.f;        // between tiles and buttons
    float tapHeight = 110.f; // smallest touch target (>= 96 px at 1080)
    float headerHeight = 150.f;
    float footerHeight = 150.f;
    int footerRows = 1; // portrait screens: Listen and Help above Back and Home
    float rounding = 14.f;
    float maxLineWidth = 1100.f; // about 60 characters of body text
    bool largeText = false;      // the words are kLargeTextScale times larger: so are targets and bands

    [[nodiscard]] static Metrics forWindow(float width, float height, bool largeText = false);
};

// The UI scale for a window: 1.0 when its shorter side is 1080 px.
[[nodiscard]] float uiScale(float width, float height);

// Sets ImGui's style: colours (with no hover states) and paddings for the scale.
void applyTheme(float scale);

} // namespace kiosk::ui

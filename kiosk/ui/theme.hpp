// Colours and sizes of the kiosk: one deep blue frame, near-white content, dark text, one red for
// trafficking warnings, one green for "done". Every size is a multiple of one UI scale.
#pragma once

#include <imgui.h>

namespace kiosk::ui {

namespace colour {
inline constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255)
{
    return (a << 24) | (b << 16) | (g << 8) | r;
}
inline constexpr ImU32 kFrame = rgb(0x0B, 0x3D, 0x7A); // deep blue: header, footer, primary
inline constexpr ImU32 kFramePressed = rgb(0x06, 0x27, 0x50);
inline constexpr ImU32 kOnFrame = rgb(0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kOnFrameMuted = rgb(0xC9, 0xDA, 0xF0);
inline constexpr ImU32 kPage = rgb(0xF6, 0xF7, 0xF9); // content background
inline constexpr ImU32 kCard = rgb(0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kCardPressed = rgb(0xD9, 0xE3, 0xF0);
inline constexpr ImU32 kCardBorder = rgb(0xB8, 0xC4, 0xD4);
inline constexpr ImU32 kText = rgb(0x1A, 0x1F, 0x29);      // 15.9:1 on kPage
inline constexpr ImU32 kTextMuted = rgb(0x3D, 0x47, 0x57); // 9.0:1 on kPage
inline constexpr ImU32 kWarning = rgb(0xB3, 0x1B, 0x1B);   // trafficking warnings only
inline constexpr ImU32 kDone = rgb(0x1E, 0x6E, 0x35);      // done / saved
inline constexpr ImU32 kWarningBg = rgb(0xFD, 0xEE, 0xEE); // behind trafficking warnings
inline constexpr ImU32 kTipBg = rgb(0xEA, 0xF1, 0xFA);     // behind tips
inline constexpr ImU32 kDoneBg = rgb(0xE8, 0xF5, 0xEC);    // behind documents already held
inline constexpr ImU32 kAttention = rgb(0x7A, 0x45, 0x00);   // a field to correct: 7.8:1 on white
inline constexpr ImU32 kAttentionBg = rgb(0xFF, 0xF4, 0xE0); // behind it (7.2:1)
inline constexpr ImU32 kKeyboard = rgb(0xDD, 0xE3, 0xEC);    // behind the on-screen keyboard
inline constexpr ImU32 kLangActive = rgb(0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kLangActiveText = rgb(0x0B, 0x3D, 0x7A);

} // namespace colour

// Sizes in pixels for the current window, all derived from one scale (1.0 at 1080 px).
struct Metrics {
    float scale = 1.f;
    float margin = 40.f;     // outer margin of the content
    float gap = 24.f;        // between tiles and buttons
    float tapHeight = 110.f; // smallest touch target (>= 96 px at 1080)
    float headerHeight = 150.f;
    float footerHeight = 150.f;
    float rounding = 14.f;
    float maxLineWidth = 1100.f; // about 60 characters of body text

    [[nodiscard]] static Metrics forWindow(float width, float height);
};

// The UI scale for a window: 1.0 when its shorter side is 1080 px.
[[nodiscard]] float uiScale(float width, float height);

// Sets ImGui's style: colours (with no hover states) and paddings for the scale.
void applyTheme(float scale);

} // namespace kiosk::ui

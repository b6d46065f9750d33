// ImGui style for the kiosk.
#include "ui/theme.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

using colour::rgb;

// Contrast ratios are of the text colour on the colour it sits on (WCAG 2 formula).
constexpr Palette kStandard{
    .frame = rgb(0x0B, 0x3D, 0x7A), // deep blue: 11.0:1 under white words
    .framePressed = rgb(0x06, 0x27, 0x50),
    .onFrame = rgb(0xFF, 0xFF, 0xFF),
    .onFrameMuted = rgb(0xC9, 0xDA, 0xF0),
    .page = rgb(0xF6, 0xF7, 0xF9),
    .card = rgb(0xFF, 0xFF, 0xFF),
    .cardPressed = rgb(0xD9, 0xE3, 0xF0),
    .cardBorder = rgb(0xB8, 0xC4, 0xD4),
    .text = rgb(0x1A, 0x1F, 0x29),      // 15.9:1 on the page
    .textMuted = rgb(0x3D, 0x47, 0x57), // 9.0:1 on the page
    .warning = rgb(0xB3, 0x1B, 0x1B),
    .done = rgb(0x1E, 0x6E, 0x35),
    .warningBg = rgb(0xFD, 0xEE, 0xEE),
    .tipBg = rgb(0xEA, 0xF1, 0xFA),
    .doneBg = rgb(0xE8, 0xF5, 0xEC),
    .attention = rgb(0x7A, 0x45, 0x00),   // 7.8:1 on white
    .attentionBg = rgb(0xFF, 0xF4, 0xE0), // 7.2:1 under the attention colour
    .keyboard = rgb(0xDD, 0xE3, 0xEC),
    .langActive = rgb(0xFF, 0xFF, 0xFF),
    .langActiveText = rgb(0x0B, 0x3D, 0x7A),
    .reading = rgb(0xFF, 0xE6, 0x99), // 14.0:1 under the text
    .borderWeight = 1.f,
};

// Black on white; the frame a navy so dark that white on it reads at 16:1; no grey words, no
// tinted card backgrounds (their meaning stays in the icon, the accent band and the words), and
// outlines twice as heavy.
constexpr Palette kHighContrast{
    .frame = rgb(0x00, 0x1F, 0x45),
    .framePressed = rgb(0x00, 0x00, 0x00),
    .onFrame = rgb(0xFF, 0xFF, 0xFF),
    .onFrameMuted = rgb(0xFF, 0xFF, 0xFF),
    .page = rgb(0xFF, 0xFF, 0xFF),
    .card = rgb(0xFF, 0xFF, 0xFF),
    .cardPressed = rgb(0xC7, 0xD6, 0xEA),
    .cardBorder = rgb(0x00, 0x00, 0x00),
    .text = rgb(0x00, 0x00, 0x00),
    .textMuted = rgb(0x00, 0x00, 0x00),
    .warning = rgb(0x8A, 0x00, 0x00), // 11.5:1 on white
    .done = rgb(0x00, 0x4D, 0x1A),    // 10.0:1 on white
    .warningBg = rgb(0xFF, 0xFF, 0xFF),
    .tipBg = rgb(0xFF, 0xFF, 0xFF),
    .doneBg = rgb(0xFF, 0xFF, 0xFF),
    .attention = rgb(0x5A, 0x2E, 0x00),
    .attentionBg = rgb(0xFF, 0xFF, 0xFF),
    .keyboard = rgb(0xE6, 0xE6, 0xE6),
    .langActive = rgb(0xFF, 0xFF, 0xFF),
    .langActiveText = rgb(0x00, 0x1F, 0x45),
    .reading = rgb(0xFF, 0xD8, 0x3D),
    .borderWeight = 2.f,
};

Theme g_theme = Theme::Standard;

} // namespace

const Palette& paletteFor(Theme theme)
{
    return theme == Theme::HighContrast ? kHighContrast : kStandard;
}

const Palette& colours()
{
    return paletteFor(g_theme);
}

void useTheme(Theme theme)
{
    g_theme = theme;
}

Theme currentTheme()
{
    return g_theme;
}

float uiScale(float width, float height)
{
    return std::clamp(std::min(width, height) / 1080.f, 0.5f, 3.f);
}

Metrics Metrics::forWindow(float width, float height, bool largeText)
{
    const float s = uiScale(width, height);
    // Larger words need taller buttons and bands, but not 1.4 times: the padding stays.
    const float grow = largeText ? 1.2f : 1.f;
    Metrics m;
    m.scale = s;
    m.largeText = largeText;
    m.margin = 40.f * s;
    m.gap = 24.f * s;
    m.tapHeight = 110.f * s * grow;
    m.headerHeight = 150.f * s * grow;
    m.footerRows = height > width ? 2 : 1;
    m.footerHeight = m.footerRows == 2 ? (2 * 110.f + 3 * 20.f) * s * grow : 150.f * s * grow;
    m.rounding = 14.f * s;
    m.maxLineWidth = 1100.f * s;
    return m;
}

void applyTheme(float scale)
{
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.WindowRounding = 0;
    style.FramePadding = ImVec2(16, 12);
    style.ItemSpacing = ImVec2(16, 16);
    style.ScrollbarSize = 14;
    style.ScrollbarRounding = 7;
    style.TouchExtraPadding = ImVec2(0, 0);
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;
    style.ScaleAllSizes(scale);

    const ImVec4 text = ImGui::ColorConvertU32ToFloat4(colours().text);
    ImVec4 grab = ImGui::ColorConvertU32ToFloat4(colours().frame);
    grab.w = currentTheme() == Theme::HighContrast ? 1.f : 0.45f;
    ImVec4* c = style.Colors;
    // The renderer clears to the page colour; painting it again under every window would cost a
    // full-screen blend per layer in a software renderer.
    c[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0.04f);
    c[ImGuiCol_ScrollbarGrab] = grab;
    // Touch has no hover: hovered looks exactly like resting.
    c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrab];
    c[ImGuiCol_ScrollbarGrabActive] = c[ImGuiCol_ScrollbarGrab];
    c[ImGuiCol_ButtonHovered] = c[ImGuiCol_Button];
    c[ImGuiCol_HeaderHovered] = c[ImGuiCol_Header];
    c[ImGuiCol_FrameBgHovered] = c[ImGuiCol_FrameBg];
    c[ImGuiCol_NavHighlight] = ImVec4(0, 0, 0, 0);
    ImGui::GetStyle() = style;
}

} // namespace kiosk::ui

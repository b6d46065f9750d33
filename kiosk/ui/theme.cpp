// ImGui style for the kiosk.
#include "ui/theme.hpp"

#include <algorithm>

namespace kiosk::ui {

float uiScale(float width, float height)
{
    return std::clamp(std::min(width, height) / 1080.f, 0.5f, 3.f);
}

Metrics Metrics::forWindow(float width, float height)
{
    const float s = uiScale(width, height);
    Metrics m;
    m.scale = s;
    m.margin = 40.f * s;
    m.gap = 24.f * s;
    m.tapHeight = 110.f * s;
    m.headerHeight = 150.f * s;
    m.footerHeight = 150.f * s;
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

    const ImVec4 page = ImGui::ColorConvertU32ToFloat4(colour::kPage);
    const ImVec4 text = ImGui::ColorConvertU32ToFloat4(colour::kText);
    ImVec4* c = style.Colors;
    // The renderer clears to the page colour; painting it again under every window would cost a
    // full-screen blend per layer in a software renderer.
    (void)page;
    c[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0.04f);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.04f, 0.24f, 0.48f, 0.45f);
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

// Between visitors: "touch the screen to start" in all three languages, and the topics in turn.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {

namespace {

// Help now, before anything else: the numbers, and a button that opens them large with their QR
// codes (the shell lets this one touch through as it wakes the kiosk). Returns the band's height.
float drawHelpBand(Frame& f, ImVec2 size)
{
    const Metrics& m = f.m;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float bandH = m.tapHeight + 2 * m.gap * 0.75f;
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, bandH), colours().framePressed);
    const std::string label = std::string(icon::kPhone) + "  " + f.t("help.open");
    const float bw = std::max(textWidth(f.fonts.tile, label) + 64.f * m.scale, 300.f * m.scale);
    const ImVec2 b(size.x - m.margin - bw, (bandH - m.tapHeight) / 2);
    dl->AddRectFilled(b, ImVec2(b.x + bw, b.y + m.tapHeight), colours().warning, m.rounding);
    drawCentred(dl, f.fonts.tile, colours().onFrame, label, b, ImVec2(b.x + bw, b.y + m.tapHeight));
    mapWidget(f, "help.open", f.t("help.open"), b, ImVec2(b.x + bw, b.y + m.tapHeight));
    const std::string line = helpLine(f.strings, f.lang);
    drawCentred(dl, f.fonts.tile, colours().onFrame, line, ImVec2(m.margin, 0), ImVec2(b.x - m.gap, bandH));
    return bandH;
}

} // namespace

void AttractScreen::draw(Frame& f, long step)
{
    const Metrics& m = f.m;
    const ImVec2 size = ImGui::GetWindowSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), size, colours().frame);

    // The whole screen is the button.
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::InvisibleButton("attract.start", size);
    const float band = drawHelpBand(f, size);
    mapWidget(f, "attract.start", f.strings.get(Lang::Id, "attract.touch"), ImVec2(0, band), size);

    CentredColumn column(dl, m.margin * 2, size.x - m.margin * 2, size.y * 0.16f);
    column.add(f.fonts.display, colours().onFrame, icon::kHandPointer, 20.f * m.scale);
    column.add(f.fonts.display, colours().onFrame, f.strings.get(Lang::Id, "attract.touch"), 24.f * m.scale);
    column.add(f.fonts.tile, colours().onFrameMuted, f.strings.get(Lang::Jv, "attract.touch"), 8.f * m.scale);
    column.add(f.fonts.tile, colours().onFrameMuted, f.strings.get(Lang::En, "attract.touch"), 0);

    // One topic at a time, on a white card near the bottom.
    const Topic topic = kAllTopics[static_cast<std::size_t>(step) % kAllTopics.size()];
    const std::string id(topicId(topic));
    const float cardW = std::min(size.x - 2 * m.margin, 1100.f * m.scale);
    const float cardH = 220.f * m.scale;
    const ImVec2 min((size.x - cardW) / 2, size.y - m.margin * 1.5f - cardH);
    const ImVec2 max(min.x + cardW, min.y + cardH);
    dl->AddRectFilled(min, max, colours().card, m.rounding * 1.5f);
    const float pad = 32.f * m.scale;
    const float iconW = f.fonts.icon->FontSize * 1.6f;
    drawCentred(dl, f.fonts.icon, topicColour(topic), topicIcon(topic), ImVec2(min.x + pad, min.y),
                ImVec2(min.x + pad + iconW, max.y));
    const float textL = min.x + 2 * pad + iconW, textR = max.x - pad;
    const std::string& label = f.strings.get(Lang::Id, "home.tile." + id + ".label");
    const std::string& hint = f.strings.get(Lang::Id, "home.tile." + id + ".hint");
    const float labelH = wrappedHeight(f.fonts.heading, label, textR - textL);
    const float hintH = wrappedHeight(f.fonts.body, hint, textR - textL);
    float ty = min.y + (cardH - labelH - hintH - 8.f * m.scale) / 2;
    dl->AddText(f.fonts.heading, f.fonts.heading->FontSize, ImVec2(textL, ty), colours().text, label.c_str(),
                nullptr, textR - textL);
    ty += labelH + 8.f * m.scale;
    dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(textL, ty), colours().textMuted, hint.c_str(),
                nullptr, textR - textL);
}

} // namespace kiosk::ui

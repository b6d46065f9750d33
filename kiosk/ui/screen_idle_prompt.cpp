// "Still there?" with a countdown, over whatever the resident left on the screen.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace kiosk::ui {

void IdlePromptScreen::draw(Frame& f, int secondsLeft)
{
    const Metrics& m = f.m;
    const ImVec2 size = ImGui::GetWindowSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), size, colour::rgb(0x10, 0x18, 0x28, 200));

    const float cardW = std::min(size.x - 2 * m.margin, 980.f * m.scale);
    const float pad = 44.f * m.scale;
    const float spacing = 14.f * m.scale;
    const float innerW = cardW - 2 * pad;
    struct Line {
        ImFont* font;
        ImU32 colour;
        std::string text;
        float height;
    };
    std::vector<Line> lines{
        {f.fonts.heading, colours().frame, std::string(icon::kClock) + "  " + f.t("idle.title"), 0},
        {f.fonts.body, colours().text, f.t("idle.countdown"), 0},
        {f.fonts.display, colours().frame, std::to_string(secondsLeft) + " " + f.t("idle.seconds"), 0},
        {f.fonts.body, colours().textMuted, f.t("idle.erase"), 0}};
    float textH = 0;
    for (Line& l : lines) {
        l.height = wrappedHeight(l.font, l.text, innerW);
        textH += l.height + spacing;
    }
    const float cardH = pad + textH + pad + m.tapHeight + pad;
    const ImVec2 min((size.x - cardW) / 2, std::max(m.margin, (size.y - cardH) / 2));
    const ImVec2 max(min.x + cardW, min.y + cardH);
    dl->AddRectFilled(min, max, colours().card, m.rounding * 1.5f);

    float y = min.y + pad;
    for (const Line& l : lines) {
        drawCentred(dl, l.font, l.colour, l.text, ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + l.height));
        y += l.height + spacing;
    }

    const float buttonW = std::min(cardW - 2 * pad, 640.f * m.scale);
    ImGui::SetCursorScreenPos(ImVec2((size.x - buttonW) / 2, max.y - pad - m.tapHeight));
    button(f, "idle.continue", icon::kHandPointer, f.t("idle.continue"), ImVec2(buttonW, m.tapHeight),
           ButtonStyle::Primary);
}

} // namespace kiosk::ui

// "Minta Dihubungi": until the callback form exists, the screen says so and names the topic the
// resident came for, so an officer nearby can help.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <string>

namespace kiosk::ui {

Action CallbackScreen::draw(Frame& f, const std::string& topic)
{
    const Metrics& m = f.m;
    const float avail = ImGui::GetWindowWidth();
    const float width = std::min(avail - 2 * m.margin, m.maxLineWidth);
    const float x0 = std::max(m.margin, (avail - width) / 2);
    ImGui::SetCursorPos(ImVec2(x0, m.margin * 0.75f));
    ImGui::BeginGroup();
    paragraph(f, std::string(icon::kComments) + "  " + f.t("home.tile.callback.label"), f.fonts.heading,
              colour::kFrame);
    paragraph(f, f.t("home.tile.callback.hint"), f.fonts.body, colour::kTextMuted);
    if (!topic.empty())
        paragraph(f, f.t("callback.topic_label") + ": " + f.t("callback.topics." + topic), f.fonts.bodyBold,
                  colour::kText);
    ImGui::Dummy(ImVec2(1, m.gap));

    const std::string text = std::string(icon::kInfo) + "  " + f.t("callback.preparing");
    const float pad = 28.f * m.scale;
    const float textH = wrappedHeight(f.fonts.body, text, width - 2 * pad);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    card(ImGui::GetWindowDrawList(), pos, ImVec2(pos.x + width, pos.y + textH + 2 * pad), m, colour::kCard,
         colour::kCardBorder);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad);
    ImGui::PushFont(f.fonts.body);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + textH + 2 * pad));
    ImGui::Dummy(ImVec2(1, m.margin));
    ImGui::EndGroup();
    return {};
}

} // namespace kiosk::ui

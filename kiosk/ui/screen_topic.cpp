// A topic's screen while its content is still being prepared: its title, what it is about, and
// where to get help meanwhile.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <string>

namespace kiosk::ui {

Action TopicScreen::draw(Frame& f, Topic topic)
{
    const Metrics& m = f.m;
    const std::string id(topicId(topic));
    ImGui::SetCursorPos(ImVec2(m.margin, m.margin * 0.75f));
    ImGui::BeginGroup();
    ImGui::PushFont(f.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, topicColour(topic));
    ImGui::TextUnformatted(topicIcon(topic));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PopFont();
    paragraph(f, f.t("home.tile." + id + ".label"), f.fonts.heading, colour::kFrame);
    paragraph(f, f.t("home.tile." + id + ".hint"), f.fonts.body, colour::kTextMuted);
    ImGui::Dummy(ImVec2(1, m.gap));

    // A calm notice card.
    const float width = std::min(ImGui::GetContentRegionAvail().x - m.margin, m.maxLineWidth);
    const std::string& text = f.t("topic.preparing");
    const float pad = 28.f * m.scale;
    const float textH = wrappedHeight(f.fonts.body, std::string(icon::kInfo) + "  " + text, width - 2 * pad);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + textH + 2 * pad), colour::kCard, m.rounding);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + textH + 2 * pad), colour::kCardBorder, m.rounding, 0,
                2.f * m.scale);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad);
    ImGui::PushFont(f.fonts.body);
    ImGui::TextUnformatted((std::string(icon::kInfo) + "  " + text).c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + textH + 2 * pad));
    ImGui::Dummy(ImVec2(1, m.margin));
    ImGui::EndGroup();
    return {};
}

} // namespace kiosk::ui

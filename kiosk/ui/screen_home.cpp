// Home screen: a welcome and the five topic tiles.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {

const char* topicIcon(Topic topic)
{
    switch (topic) {
    case Topic::Trafficking: return icon::kWarning;
    case Topic::WorkAbroad: return icon::kBriefcase;
    case Topic::Passport: return icon::kBook;
    case Topic::Callback: return icon::kComments;
    case Topic::Hotlines: return icon::kPhone;
    }
    return icon::kInfo;
}

ImU32 topicColour(Topic topic)
{
    return topic == Topic::Trafficking ? colours().warning : colours().frame;
}

Asked HomeScreen::draw(Frame& f)
{
    const Metrics& m = f.m;
    Asked action;
    ImGui::SetCursorPos(ImVec2(m.margin, m.margin * 0.75f));
    ImGui::BeginGroup();
    paragraph(f, f.t("home.welcome"), f.fonts.heading, colours().frame);
    paragraph(f, f.t("home.intro"), f.fonts.body, colours().textMuted);
    ImGui::EndGroup();

    const float top = ImGui::GetCursorPosY() + m.gap;
    const float width = ImGui::GetWindowWidth() - 2 * m.margin;
    const float height = ImGui::GetWindowHeight() - top - m.margin;
    // Wide screens: three columns of stacked tiles. Narrow: one column of wide tiles.
    const int columns = width / m.scale >= 1300.f ? 3 : 1;
    const int rows = (static_cast<int>(kAllTopics.size()) + columns - 1) / columns;
    const float tileW = (width - m.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    // As tall as the longest words need (larger text), else filling the screen within limits.
    float minTileH = (columns == 1 ? 190.f : 230.f) * m.scale;
    for (const Topic topic : kAllTopics) {
        const std::string id(topicId(topic));
        minTileH = std::max(minTileH, tileHeight(f, f.t("home.tile." + id + ".label"),
                                                 f.t("home.tile." + id + ".hint"), tileW, columns == 1));
    }
    const float tileH =
        std::max(minTileH, std::min(340.f * m.scale, (height - m.gap * static_cast<float>(rows - 1)) /
                                                         static_cast<float>(rows)));

    for (std::size_t i = 0; i < kAllTopics.size(); ++i) {
        const Topic topic = kAllTopics[i];
        const int row = static_cast<int>(i) / columns;
        const int col = static_cast<int>(i) % columns;
        // Centre a short last row.
        const int inRow = std::min(columns, static_cast<int>(kAllTopics.size()) - row * columns);
        const float rowOffset =
            (width - static_cast<float>(inRow) * tileW - static_cast<float>(inRow - 1) * m.gap) / 2;
        ImGui::SetCursorPos(ImVec2(m.margin + rowOffset + static_cast<float>(col) * (tileW + m.gap),
                                   top + static_cast<float>(row) * (tileH + m.gap)));
        const std::string id = "home.tile." + std::string(topicId(topic));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (tile(f, id, topicIcon(topic), topicColour(topic), f.t(id + ".label"), f.t(id + ".hint"),
                 ImVec2(tileW, tileH)))
            action = intent::Open{Route::forTopic(topic)};
        if (f.reading && f.reading->part == id) { // its words are being read: ringed
            const float r = 6.f * m.scale;
            ImGui::GetWindowDrawList()->AddRect(ImVec2(p.x - r, p.y - r),
                                                ImVec2(p.x + tileW + r, p.y + tileH + r), colours().reading,
                                                m.rounding + r, 0, 2 * r);
        }
    }
    // The content ends one margin below the last row: no scrolling when it all fits.
    ImGui::SetCursorPos(
        ImVec2(0, top + static_cast<float>(rows) * tileH + static_cast<float>(rows - 1) * m.gap));
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

} // namespace kiosk::ui

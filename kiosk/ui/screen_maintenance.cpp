// "Informasi sedang diperbarui": shown instead of everything else when no content passed its
// checks. The only words the kiosk keeps in its code.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <string>

namespace kiosk::ui {

void MaintenanceScreen::draw(Frame& f)
{
    const Metrics& m = f.m;
    const ImVec2 size = ImGui::GetWindowSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), size, colour::kFrame);
    const float l = m.margin * 2, r = size.x - m.margin * 2;
    float y = size.y * 0.22f;
    auto line = [&](ImFont* font, ImU32 col, const std::string& text, float after) {
        const float h = wrappedHeight(font, text, r - l);
        drawCentred(dl, font, col, text, ImVec2(l, y), ImVec2(r, y + h));
        y += h + after;
    };
    line(f.fonts.display, colour::kOnFrame, icon::kInfo, 24.f * m.scale);
    line(f.fonts.heading, colour::kOnFrame, "Informasi sedang diperbarui", 10.f * m.scale);
    line(f.fonts.body, colour::kOnFrameMuted, "Silakan bertanya kepada petugas desa.", 40.f * m.scale);
    line(f.fonts.tile, colour::kOnFrame, "Informasi lagi dianyari", 6.f * m.scale);
    line(f.fonts.body, colour::kOnFrameMuted, "Mangga takon marang petugas desa.", 40.f * m.scale);
    line(f.fonts.tile, colour::kOnFrame, "Information is being updated", 6.f * m.scale);
    line(f.fonts.body, colour::kOnFrameMuted, "Please ask the village officer.", 0);
}

} // namespace kiosk::ui

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
    dl->AddRectFilled(ImVec2(0, 0), size, colours().frame);
    CentredColumn column(dl, m.margin * 2, size.x - m.margin * 2, size.y * 0.22f);
    column.add(f.fonts.display, colours().onFrame, icon::kInfo, 24.f * m.scale);
    column.add(f.fonts.heading, colours().onFrame, "Informasi sedang diperbarui", 10.f * m.scale);
    column.add(f.fonts.body, colours().onFrameMuted, "Silakan bertanya kepada petugas desa.", 40.f * m.scale);
    column.add(f.fonts.tile, colours().onFrame, "Informasi lagi dianyari", 6.f * m.scale);
    column.add(f.fonts.body, colours().onFrameMuted, "Mangga takon marang petugas desa.", 40.f * m.scale);
    column.add(f.fonts.tile, colours().onFrame, "Information is being updated", 6.f * m.scale);
    column.add(f.fonts.body, colours().onFrameMuted, "Please ask the village officer.", 0);
}

} // namespace kiosk::ui

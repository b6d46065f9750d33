// "Minta Dihubungi", once the request is saved: its reference, in the largest type.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {

Asked CallbackDoneScreen::draw(Frame& f, const std::string& reference)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = readingColumn(m);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Asked action;

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float left = ImGui::GetWindowPos().x + x0;
    CentredColumn col(dl, left, left + width, origin.y + m.margin * 0.75f);
    col.add(f.fonts.icon, colours().done, icon::kCheck, 8.f * s);
    col.add(f.fonts.heading, colours().done, f.t("done.title"), 24.f * s);
    col.add(f.fonts.tile, colours().text, f.t("done.reference"), 12.f * s);
    f.map.values["reference"] = reference;

    // The reference, in the largest type, on a card of its own.
    const float refW =
        f.fonts.display->CalcTextSizeA(f.fonts.display->FontSize, FLT_MAX, 0, reference.c_str()).x;
    const float cardW = std::min(width, refW + 120.f * s);
    const ImVec2 p(left + (width - cardW) / 2, col.y());
    const ImVec2 q(p.x + cardW, p.y + f.fonts.display->FontSize + 48.f * s);
    card(dl, p, q, m, colours().doneBg, colours().done);
    drawCentred(dl, f.fonts.display, colours().text, reference, p, q);
    CentredColumn rest(dl, left, left + width, q.y + 20.f * s);
    rest.add(f.fonts.bodyBold, colours().text, f.t("done.note"), 20.f * s);
    rest.add(f.fonts.body, colours().textMuted, f.callback.fill(f.t("done.next")), m.gap);
    // Nobody should wait days for a call when someone is in danger now.
    rest.add(f.fonts.bodyBold, colours().warning, std::string(icon::kPhone) + "  " + f.t("done.emergency"),
             6.f * s);
    rest.add(f.fonts.tile, colours().text, helpLine(f.strings, f.lang), m.gap);
    f.map.values["emergency"] = helpLine(f.strings, f.lang);

    const float bw = std::min(width, 520.f * s);
    ImGui::SetCursorScreenPos(ImVec2(left + (width - bw) / 2, rest.y()));
    if (button(f, "form.finish", icon::kHome, f.t("done.finish"), ImVec2(bw, m.tapHeight),
               ButtonStyle::Primary))
        action = intent::Home{};
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

} // namespace kiosk::ui

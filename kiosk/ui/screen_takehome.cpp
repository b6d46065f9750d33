// Take it home: a large QR code of plain text that a phone's camera reads off the screen, one line
// of what to do, and the text itself beside or under it, so the resident knows what they take.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace kiosk::ui {
namespace {

// The QR code on a white card as wide as `side`, its quiet zone widened by the card. In the UI map
// as takehome.qr with the code's text as its value.
void qrCard(Frame& f, QrCache& cache, const std::string& text, ImVec2 pos, float side)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 10.f * f.m.scale;
    const ImVec2 max(pos.x + side, pos.y + side);
    dl->AddRectFilled(pos, max, IM_COL32_WHITE, f.m.rounding);
    dl->AddRect(pos, max, colours().cardBorder, f.m.rounding, 0, std::max(1.f, 2.f * f.m.scale));
    if (const QrCode* code = cache.get(text)) {
        const float inner = side - 2 * pad;
        const float cell = std::floor(inner / static_cast<float>(code->size + 4));
        const float drawn = cell * static_cast<float>(code->size + 4);
        const float off = pad + std::floor((inner - drawn) / 2);
        drawQr(dl, *code, ImVec2(pos.x + off, pos.y + off), drawn);
    }
    if (WidgetBox* box = mapWidget(f, "takehome.qr", f.t("takehome.open"), pos, max))
        box->value = text;
}

// What to do, and the text the code holds in a card: at the cursor, `width` wide, the card ending
// at `bottom` (screen pixels) at the latest: a longer text fades out there (it is whole on the
// phone), so the code beside it never has to scroll.
void textColumn(Frame& f, const std::string& text, float x0, float width, float bottom = FLT_MAX)
{
    const float s = f.m.scale;
    ImGui::SetCursorPosX(x0);
    wrappedText(f.fonts.bodyBold, colours().text, std::string(icon::kQrcode) + "  " + f.t("takehome.scan"),
                width);
    ImGui::Dummy(ImVec2(1, 10.f * s));
    ImGui::SetCursorPosX(x0);
    wrappedText(f.fonts.body, colours().textMuted, f.t("takehome.contents"), width);
    const float pad = 22.f * s;
    const float inner = width - 2 * pad - 6.f * s;
    const float h = f.fonts.body->CalcTextSizeA(f.fonts.body->FontSize, FLT_MAX, inner, text.c_str()).y;
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + width, std::min(p.y + h + 2 * pad, std::max(bottom, p.y + 4 * pad)));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card(dl, p, q, f.m, colours().card, colours().cardBorder, colours().frame);
    dl->PushClipRect(p, ImVec2(q.x, q.y - pad / 2), true);
    dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(p.x + pad + 6.f * s, p.y + pad), colours().text,
                text.c_str(), nullptr, inner);
    dl->PopClipRect();
    if (q.y < p.y + h + 2 * pad) { // cut: the last lines fade into the card
        const ImU32 clear = colours().card & ~IM_COL32_A_MASK;
        dl->AddRectFilledMultiColor(ImVec2(p.x + 8.f * s, q.y - 3 * pad),
                                    ImVec2(q.x - 2.f * s, q.y - pad / 2), clear, clear, colours().card,
                                    colours().card);
    }
    ImGui::Dummy(ImVec2(width, q.y - p.y));
}

} // namespace

bool takeHomeButton(Frame& f, const std::string& text, Column col, float maxWidth)
{
    if (!offeredToTakeHome(text))
        return false;
    const float w = std::min(col.width, maxWidth);
    ImGui::SetCursorPosX(col.x0);
    const bool tapped = button(f, "takehome.open", icon::kQrcode, f.t("takehome.open"),
                               ImVec2(w, f.m.tapHeight), ButtonStyle::Secondary);
    // (Not in the map while scrolled out of sight.)
    if (!f.map.widgets.empty() && f.map.widgets.back().id == "takehome.open")
        f.map.widgets.back().value = text;
    return tapped;
}

void TakeHomeScreen::draw(Frame& f, const std::string& title, const std::string& text)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const float width = ImGui::GetWindowWidth() - 2 * m.margin;
    const float height = f.areaHeight;
    ImGui::SetCursorPos(ImVec2(m.margin, m.margin * 0.75f));
    wrappedText(f.fonts.heading, colours().frame, f.t("takehome.open") + ": " + title, width);
    f.map.values["takehome"] = text;
    ImGui::Dummy(ImVec2(1, 8.f * s));
    const float top = ImGui::GetCursorPosY();
    // Beside the text where the screen is wide; above it, centred, where it is tall.
    const bool beside = ImGui::GetWindowWidth() > height * 1.2f;
    if (beside) {
        const float side = std::clamp(height - top - m.margin / 2, 300.f * s, width * 0.45f);
        const float textW = std::min(width - side - m.gap * 1.5f, m.maxLineWidth);
        const float x0 = m.margin + std::max(0.f, (width - side - m.gap * 1.5f - textW) / 2);
        ImGui::SetCursorPos(ImVec2(x0, top));
        const float codeTop = ImGui::GetCursorScreenPos().y;
        qrCard(f, m_qr, text, ImGui::GetCursorScreenPos(), side);
        ImGui::SetCursorPos(ImVec2(x0 + side + m.gap * 1.5f, top));
        textColumn(f, text, x0 + side + m.gap * 1.5f, textW, codeTop + side);
        // Ends with the code (half a margin above the footer): nothing to scroll when the words
        // fit beside it.
        ImGui::SetCursorPos(ImVec2(0, std::max(top + side, ImGui::GetCursorPosY())));
        return;
    }
    const float side = std::min({width, 760.f * s, height * 0.45f});
    ImGui::SetCursorPos(ImVec2(m.margin + (width - side) / 2, top));
    qrCard(f, m_qr, text, ImGui::GetCursorScreenPos(), side);
    ImGui::Dummy(ImVec2(side, side));
    ImGui::Dummy(ImVec2(1, m.gap));
    const float textW = std::min(width, m.maxLineWidth);
    textColumn(f, text, m.margin + (width - textW) / 2, textW);
    ImGui::Dummy(ImVec2(1, m.margin));
}

} // namespace kiosk::ui

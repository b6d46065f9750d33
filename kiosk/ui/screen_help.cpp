// Help now: the numbers to call at once, large enough to read and dial from a step away, each with
// a QR code that a phone's camera turns into a call.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace kiosk::ui {

void helpNumberCard(Frame& f, QrCache& qr, const HelpNumber& n, Column col)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = col;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 26.f * s;
    const float qrSide = 200.f * s;
    const bool qrBeside = width >= 700.f * s;
    const float inner = width - 2 * pad - 10.f * s - (qrBeside ? qrSide + pad : 0.f);
    const std::string part = "help." + n.id; // as core/speech names it
    const std::string number = std::string(icon::kPhone) + "  " + n.number;

    const float nameH = wrappedHeight(f.fonts.tile, n.name, inner);
    const float numberH = wrappedHeight(f.fonts.display, number, inner);
    const float purposeH = wrappedHeight(f.fonts.body, n.purpose, inner);
    const float textH = nameH + numberH + purposeH + 12.f * s;
    // The caption under the code, wrapped to the code's width and a little more, inside the card.
    const float captionW = qrSide + pad;
    const float qrBlock = qrSide + 4.f * s + centredHeight(f.fonts.body, f.t("contact.scan"), captionW);
    const float bodyH = qrBeside ? std::max(textH, qrBlock) : textH + pad + qrBlock;

    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + width, p.y + bodyH + 2 * pad);
    card(dl, p, q, m, colours().card, colours().cardBorder, colours().warning);
    mapWidget(f, "help.number." + n.id, n.name + " " + n.number, p, q);
    const float tx = p.x + pad + 10.f * s;
    float ty = p.y + pad;
    const auto line = [&](const std::string& id, ImFont* font, ImU32 colour, const std::string& text,
                          float h) {
        highlightReading(f, dl, part + "." + id, font, ImVec2(tx, ty), inner, text);
        dl->AddText(font, font->FontSize, ImVec2(tx, ty), colour, text.c_str(), nullptr, inner);
        ty += h;
    };
    line("name", f.fonts.tile, colours().text, n.name, nameH);
    ty += 4.f * s;
    line("number", f.fonts.display, colours().frame, number, numberH);
    ty += 8.f * s;
    line("purpose", f.fonts.body, colours().textMuted, n.purpose, purposeH);

    if (const QrCode* code = qr.get(telLink(n.number))) {
        const ImVec2 qp = qrBeside ? ImVec2(q.x - pad - qrSide, p.y + pad) : ImVec2(tx, ty + pad);
        const float side = drawQr(dl, *code, qp, qrSide);
        const float cx = qp.x + side / 2;
        drawCentred(dl, f.fonts.body, colours().textMuted, f.t("contact.scan"),
                    ImVec2(cx - captionW / 2, qp.y + side + 4.f * s),
                    ImVec2(cx + captionW / 2, qp.y + qrBlock));
    }
    ImGui::Dummy(ImVec2(width, q.y - p.y));
}

void HelpScreen::draw(Frame& f)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const float width = ImGui::GetWindowWidth() - 2 * m.margin;
    ImGui::SetCursorPos(ImVec2(m.margin, m.margin * 0.75f));
    wrappedText(f, "help.title", f.fonts.heading, colours().warning, f.t("help.title"), width);
    ImGui::SetCursorPosX(m.margin);
    wrappedText(f.fonts.body, colours().text, f.t("help.intro"), width);
    // Every number in sight at once where the screen is wide: the three numbers side by side (their
    // codes under them), or two cards in a row (the code beside the words).
    const std::vector<HelpNumber> numbers = helpNumbers(f.strings, f.lang, f.contacts);
    const bool landscape = ImGui::GetWindowWidth() > ImGui::GetWindowHeight();
    const int columns = landscape && numbers.size() == 3 && width >= 3 * 420.f * s + 2 * m.gap ? 3
                        : width >= 2 * 700.f * s + m.gap                                       ? 2
                                                                                               : 1;
    const float cardW = columns > 1
                            ? (width - m.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns)
                            : std::min(width, m.maxLineWidth);
    const float left = columns > 1 ? m.margin : m.margin + (width - cardW) / 2;
    float rowTop = ImGui::GetCursorPosY() + 8.f * s, rowBottom = rowTop;
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        const int col = static_cast<int>(i) % columns;
        if (col == 0 && i > 0)
            rowTop = rowBottom + m.gap;
        const float x = left + static_cast<float>(col) * (cardW + m.gap);
        ImGui::SetCursorPos(ImVec2(x, rowTop));
        helpNumberCard(f, m_qr, numbers[i], Column{x, cardW});
        rowBottom = std::max(rowBottom, ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y);
    }
    ImGui::SetCursorPos(ImVec2(0, rowBottom));
    ImGui::Dummy(ImVec2(1, m.margin));
}

} // namespace kiosk::ui

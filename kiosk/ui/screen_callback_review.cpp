// "Minta Dihubungi", before sending: what the form will send, as it will be stored, and Edit and
// Send below it.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace kiosk::ui {
namespace {

// Nothing was saved: say so calmly, in the resident's language; everything typed is kept.
void drawSendFailed(Frame& f, Column col)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = col;
    const float pad = 24.f * s;
    const std::string text = std::string(icon::kInfo) + "  " + f.t("review.failed");
    const float h = wrappedHeight(f.fonts.bodyBold, text, width - 2 * pad - 10.f * s) + 2 * pad;
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    card(ImGui::GetWindowDrawList(), p, ImVec2(p.x + width, p.y + h), m, colours().attentionBg,
         colours().attention, colours().attention);
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad + 10.f * s, p.y + pad));
    wrappedText(f.fonts.bodyBold, colours().text, text, width - 2 * pad - 10.f * s);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 12.f * s));
}

// The rows on one card, in large type. Label and value side by side where there is room, so that
// Send is in sight without scrolling.
void drawRows(Frame& f, Column col, const std::vector<ReviewRow>& rows)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = col;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 24.f * s;
    const float inner = width - 2 * pad;
    const bool twoColumns = width >= 900.f * s;
    const float labelW = twoColumns ? inner * 0.34f : inner;
    const float valueX = twoColumns ? labelW + 16.f * s : 0.f;
    const float valueW = inner - valueX;
    const float rowGap = 12.f * s;
    auto rowHeight = [&](const std::string& label, const std::string& value) {
        const float lh = wrappedHeight(f.fonts.body, label, labelW);
        const float vh = wrappedHeight(f.fonts.tile, value, valueW);
        return twoColumns ? std::max(lh, vh) : lh + vh;
    };
    float h = 2 * pad - rowGap;
    for (const ReviewRow& row : rows)
        h += rowHeight(row.label, row.value) + rowGap;
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    card(dl, p, ImVec2(p.x + width, p.y + h), m, colours().card, colours().cardBorder);
    float y = p.y + pad;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string& label = rows[i].label;
        const std::string& value = rows[i].value;
        const float rh = rowHeight(label, value);
        // The label sits on the value's baseline row: body text nudged down to the tile font's line.
        const float nudge = twoColumns ? (f.fonts.tile->FontSize - f.fonts.body->FontSize) * 0.7f : 0.f;
        const float vy = twoColumns ? y : y + wrappedHeight(f.fonts.body, label, labelW);
        const std::string part = "review." + std::to_string(i); // as core/speech names it
        highlightReading(f, dl, part + ".label", f.fonts.body, ImVec2(p.x + pad, y + nudge), labelW, label);
        highlightReading(f, dl, part, f.fonts.tile, ImVec2(p.x + pad + valueX, vy), valueW, value);
        dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(p.x + pad, y + nudge), colours().textMuted,
                    label.c_str(), nullptr, labelW);
        dl->AddText(f.fonts.tile, f.fonts.tile->FontSize, ImVec2(p.x + pad + valueX, vy), colours().text,
                    value.c_str(), nullptr, valueW);
        y += rh + rowGap;
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 12.f * s));
}

} // namespace

void CallbackReviewScreen::draw(Frame& f, const FormState& form)
{
    const Metrics& m = f.m;
    const Column col = readingColumn(m);
    const auto [x0, width] = col;
    ImGui::SetCursorPos(ImVec2(x0, m.margin * 0.75f));
    wrappedText(f.fonts.heading, colours().frame,
                std::string(icon::kCheckSquare) + "  " + f.t("review.title"), width);
    ImGui::SetCursorPosX(x0);
    wrappedText(f.fonts.body, colours().textMuted, f.t("review.intro"), width);
    ImGui::Dummy(ImVec2(1, 12.f * m.scale));
    if (form.sendFailure != SaveFailure::None)
        drawSendFailed(f, col);
    drawRows(f, col, reviewRows(form, f.strings, f.lang));
    ImGui::SetCursorPosX(x0);
    wrappedText(f.fonts.body, colours().done,
                std::string(icon::kCheck) + "  " + f.callback.fill(f.t("review.consent_given")), width);
    ImGui::Dummy(ImVec2(1, m.gap));
}

float CallbackReviewScreen::barHeight(const Metrics& m)
{
    return m.tapHeight + 2 * m.gap;
}

Asked CallbackReviewScreen::drawBar(Frame& f, const FormState& form, float width)
{
    // Edit and Send stay in sight below the review, however long the note.
    const Metrics& m = f.m;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + barHeight(m)), colours().keyboard);
    const float inner = std::min(width - 2 * m.margin, m.maxLineWidth);
    const float x0 = origin.x + (width - inner) / 2;
    const float bw = (inner - m.gap) / 2;
    Asked action;
    ImGui::SetCursorScreenPos(ImVec2(x0, origin.y + m.gap));
    if (button(f, "form.edit", icon::kPencil, f.t("review.edit"), ImVec2(bw, m.tapHeight),
               ButtonStyle::Secondary))
        action = intent::Back{};
    ImGui::SetCursorScreenPos(ImVec2(x0 + bw + m.gap, origin.y + m.gap));
    if (button(f, "form.send", icon::kPaperPlane,
               form.sendFailure == SaveFailure::None ? f.t("review.send") : f.t("review.retry"),
               ImVec2(bw, m.tapHeight), ButtonStyle::Primary))
        action = intent::Send{};
    return action;
}

} // namespace kiosk::ui

// "Minta Dihubungi", before sending: what the form will send, as it will be stored, and Edit and
// Send below it.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace kiosk::ui {
namespace {

// "+6281234567890" as a resident writes it: "0812-3456-7890".
std::string phoneForReading(const std::string& normalised)
{
    if (normalised.rfind("+62", 0) != 0)
        return normalised;
    const std::string national = "0" + normalised.substr(3);
    std::string out;
    for (std::size_t i = 0; i < national.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out.push_back('-');
        out.push_back(national[i]);
    }
    return out;
}

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

// Each part of the request: its label, and its value as it will be stored.
using Rows = std::array<std::pair<std::string, std::string>, 6>;

Rows rowsToSend(const Frame& f, const FormState& form)
{
    const std::string phone = checkPhone(form.at(Field::Phone).text).normalised;
    std::string address = normaliseName(form.at(Field::Dusun).text);
    const std::string rt = normaliseAreaNumber(form.at(Field::Rt).text);
    const std::string rw = normaliseAreaNumber(form.at(Field::Rw).text);
    if (!rt.empty())
        address += (address.empty() ? "" : ", ") + f.t("form.field.rt.label") + " " + rt;
    if (!rw.empty())
        address += (address.empty() ? "" : rt.empty() ? ", " : " / ") + f.t("form.field.rw.label") + " " + rw;
    const std::string note = normaliseNote(form.at(Field::Note).text);
    return {{
        {f.t("form.field.name.label"), normaliseName(form.at(Field::Name).text)},
        {f.t("form.field.phone.label"), phoneForReading(phone)},
        {f.t("form.address"), address.empty() ? "\u2013" : address},
        {f.t("form.topic.label"),
         form.topic ? f.t("form.topic." + std::string(requestTopicId(*form.topic))) : ""},
        {f.t("form.time.label"), f.t("form.time." + std::string(contactTimeId(form.time)))},
        {f.t("form.field.note.label"), note.empty() ? "\u2013" : note},
    }};
}

// The rows on one card, in large type. Label and value side by side where there is room, so that
// Send is in sight without scrolling.
void drawRows(Frame& f, Column col, const Rows& rows)
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
    for (const auto& [label, value] : rows)
        h += rowHeight(label, value) + rowGap;
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    card(dl, p, ImVec2(p.x + width, p.y + h), m, colours().card, colours().cardBorder);
    float y = p.y + pad;
    for (const auto& [label, value] : rows) {
        const float rh = rowHeight(label, value);
        // The label sits on the value's baseline row: body text nudged down to the tile font's line.
        const float nudge = twoColumns ? (f.fonts.tile->FontSize - f.fonts.body->FontSize) * 0.7f : 0.f;
        dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(p.x + pad, y + nudge), colours().textMuted,
                    label.c_str(), nullptr, labelW);
        const float vy = twoColumns ? y : y + wrappedHeight(f.fonts.body, label, labelW);
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
    drawRows(f, col, rowsToSend(f, form));
    ImGui::SetCursorPosX(x0);
    wrappedText(f.fonts.body, colours().done, std::string(icon::kCheck) + "  " + f.t("review.consent_given"),
                width);
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

// The job-offer check: a resident offered work abroad answers a few questions with big buttons; the
// result names each warning sign the answers show, why it matters and where that comes from, grave
// ones first in red with the numbers to call now, then what to do next whatever was found. It never
// calls an offer safe: with no sign, it says that none from this list was found.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace kiosk::ui {
namespace {

constexpr float kPad = 24.f; // inside a card, at scale 1

// "Sumber: Kompas.com 2022, Disnaker Banjarnegara": the short names of the sign's sources.
std::string sourceLine(Frame& f, const ChecklistRules::Item& sign)
{
    std::string names;
    for (const Source* source : f.content.citedBy(sign))
        names +=
            (names.empty() ? "" : ", ") + (source->shortName.empty() ? source->title : source->shortName);
    return names.empty() ? std::string() : f.t("page.source") + ": " + names;
}

// The card at the top of the result: how many signs were found, or that none from this list was,
// and what that means. In the UI map as offer.result.
void drawSummary(Frame& f, Column column, std::size_t found, bool grave)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = column;
    const float pad = kPad * s;
    const float inner = width - 2 * pad - 10.f * s;
    const std::string heading = found == 0
                                    ? std::string(icon::kInfo) + "  " + f.t("offer.none")
                                    : std::string(icon::kWarning) + "  " +
                                          withValues(f.t("offer.found"), {{"{n}", std::to_string(found)}});
    const std::string& note = f.t(found == 0 ? "offer.none_note" : "offer.found_note");
    const float hh = wrappedHeight(f.fonts.tile, heading, inner);
    const float nh = wrappedHeight(f.fonts.body, note, inner);
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + width, p.y + hh + 8.f * s + nh + 2 * pad);
    // No sign is no approval: the summary then keeps the calm colours of a tip, never "done" green.
    const ImU32 accent = grave ? colours().warning : colours().frame;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card(dl, p, q, m, grave ? colours().warningBg : colours().tipBg, accent, accent);
    mapWidget(f, "offer.result", heading + " " + note, p, q);
    const ImVec2 at(p.x + pad + 10.f * s, p.y + pad);
    highlightReading(f, dl, "summary", f.fonts.tile, at, inner, heading);
    dl->AddText(f.fonts.tile, f.fonts.tile->FontSize, at, grave ? colours().warning : colours().text,
                heading.c_str(), nullptr, inner);
    const ImVec2 noteAt(at.x, at.y + hh + 8.f * s);
    highlightReading(f, dl, "summary.note", f.fonts.body, noteAt, inner, note);
    dl->AddText(f.fonts.body, f.fonts.body->FontSize, noteAt, colours().text, note.c_str(), nullptr, inner);
    ImGui::Dummy(ImVec2(width, q.y - p.y));
    ImGui::Dummy(ImVec2(1, 12.f * s));
}

// One sign found: grave ones in the warning colour under "serious sign"; its name, why it matters,
// and its sources. In the UI map as offer.sign.<id>.
void drawSign(Frame& f, Column column, const ChecklistRules::Item& sign, const ChecklistText& words)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = column;
    const float pad = kPad * s;
    const float inner = width - 2 * pad - 10.f * s;
    const auto it = words.signs.find(sign.id);
    const std::string name = it != words.signs.end() ? it->second.name : sign.id;
    const std::string why = it != words.signs.end() ? it->second.why : std::string();
    const std::string tag =
        sign.grave ? std::string(icon::kWarning) + "  " + f.t("offer.grave") : std::string();
    const std::string sources = sourceLine(f, sign);
    const float gap = 6.f * s;
    const float tagH = tag.empty() ? 0.f : wrappedHeight(f.fonts.bodyBold, tag, inner) + gap;
    const float nameH = wrappedHeight(f.fonts.tile, name, inner);
    const float whyH = why.empty() ? 0.f : gap + wrappedHeight(f.fonts.body, why, inner);
    const float srcH = sources.empty() ? 0.f : gap + wrappedHeight(f.fonts.body, sources, inner);
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + width, p.y + tagH + nameH + whyH + srcH + 2 * pad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (sign.grave)
        card(dl, p, q, m, colours().warningBg, colours().warning, colours().warning);
    else
        card(dl, p, q, m, colours().card, colours().cardBorder, colours().frame);
    mapWidget(f, "offer.sign." + sign.id, name, p, q);
    const float x = p.x + pad + 10.f * s;
    float y = p.y + pad;
    if (!tag.empty()) {
        dl->AddText(f.fonts.bodyBold, f.fonts.bodyBold->FontSize, ImVec2(x, y), colours().warning,
                    tag.c_str(), nullptr, inner);
        y += tagH;
    }
    highlightReading(f, dl, "sign." + sign.id, f.fonts.tile, ImVec2(x, y), inner, name);
    dl->AddText(f.fonts.tile, f.fonts.tile->FontSize, ImVec2(x, y),
                sign.grave ? colours().warning : colours().text, name.c_str(), nullptr, inner);
    y += nameH;
    if (!why.empty()) {
        y += gap;
        highlightReading(f, dl, "sign." + sign.id + ".why", f.fonts.body, ImVec2(x, y), inner, why);
        dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(x, y), colours().text, why.c_str(), nullptr,
                    inner);
        y += whyH - gap;
    }
    if (!sources.empty())
        dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(x, y + gap), colours().textMuted,
                    sources.c_str(), nullptr, inner);
    ImGui::Dummy(ImVec2(width, q.y - p.y));
    ImGui::Dummy(ImVec2(1, 10.f * s));
}

// What to do next, one step a line.
void drawSteps(Frame& f, Column column, const ChecklistText& words)
{
    const float s = f.m.scale;
    const auto [x0, width] = column;
    if (words.steps.empty())
        return;
    ImGui::Dummy(ImVec2(1, 10.f * s));
    ImGui::SetCursorPosX(x0);
    wrappedText(f, "steps", f.fonts.tile, colours().text,
                std::string(icon::kArrowRight) + "  " + f.t("offer.next"), width);
    ImGui::Dummy(ImVec2(1, 4.f * s));
    const float indent = f.fonts.body->FontSize * 1.4f;
    for (std::size_t i = 0; i < words.steps.size(); ++i) {
        const float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPosX(x0);
        wrappedText(f.fonts.bodyBold, colours().frame, std::to_string(i + 1) + ".", indent);
        ImGui::SetCursorPos(ImVec2(x0 + indent, y));
        wrappedText(f, "step." + std::to_string(i), f.fonts.body, colours().text, words.steps[i],
                    width - indent);
        ImGui::Dummy(ImVec2(1, 6.f * s));
    }
}

// The note of the callback request made from the result, for the officer: the signs found, by name.
std::string offerNote(const Frame& f, const std::vector<const ChecklistRules::Item*>& signs,
                      const ChecklistText& words)
{
    if (signs.empty())
        return {};
    std::string names;
    for (const auto* sign : signs) {
        const auto it = words.signs.find(sign->id);
        names += (names.empty() ? "" : "; ") + (it != words.signs.end() ? it->second.name : sign->id);
    }
    return withValues(f.t("offer.note"), {{"{signs}", names}});
}

} // namespace

Asked OfferCheckScreen::draw(Frame& f, const ChecklistRules& rules, const ChecklistText& words,
                             const ChecklistProgress& progress)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const Column column = readingColumn(m);
    const auto [x0, width] = column;
    const Answers answers = progress.asMap();
    Asked action;

    if (auto asked = checklistStart(f, column, rules, words, answers, "offer.answer.", true))
        return *asked;

    // The result: the signs (grave first), the numbers to call now, the next steps, where the facts
    // come from, help and a fresh start.
    const auto signs = rules.signsFor(answers);
    const bool grave = std::any_of(signs.begin(), signs.end(), [](const auto* sign) { return sign->grave; });
    drawSummary(f, column, signs.size(), grave);
    for (const auto* sign : signs)
        drawSign(f, column, *sign, words);
    if (grave) {
        ImGui::Dummy(ImVec2(1, 8.f * s));
        ImGui::SetCursorPosX(x0);
        wrappedText(f, "danger.title", f.fonts.tile, colours().warning,
                    std::string(icon::kPhone) + "  " + f.t("danger.title"), width);
        ImGui::SetCursorPosX(x0);
        wrappedText(f, "danger.text", f.fonts.body, colours().text, f.t("danger.text"), width);
        ImGui::Dummy(ImVec2(1, 8.f * s));
        for (const HelpNumber& n : dangerNumbers(f.strings, f.lang)) {
            helpNumberCard(f, m_qr, n, column);
            ImGui::Dummy(ImVec2(1, 4.f * s));
        }
    }
    drawSteps(f, column, words);
    ImGui::Dummy(ImVec2(1, 16.f * s));
    sourceAndDate(f, column, f.content.citedBy(words), words.verified);
    ImGui::Dummy(ImVec2(1, 24.f * s));
    const float bw = std::min(width, 640.f * s);
    ImGui::SetCursorPosX(x0);
    // A grave sign: the officer hears of it as a suspected trafficking case (the form first shows
    // the numbers to call now).
    if (button(f, "offer.help", icon::kComments, f.t("offer.help"), ImVec2(bw, m.tapHeight),
               grave ? ButtonStyle::Urgent : ButtonStyle::Primary))
        action = intent::AskAbout{grave ? RequestTopic::Trafficking : RequestTopic::WorkAbroad,
                                  offerNote(f, signs, words)};
    ImGui::Dummy(ImVec2(1, 6.f * s));
    // The company that made the offer, looked up in the registry.
    ImGui::SetCursorPosX(x0);
    if (button(f, "offer.company", icon::kSearch, f.t("home.tile.recruiter.label"), ImVec2(bw, m.tapHeight),
               ButtonStyle::Secondary))
        action = intent::Open{Route::recruiter()};
    ImGui::Dummy(ImVec2(1, 6.f * s));
    ImGui::SetCursorPosX(x0);
    if (button(f, "offer.restart", icon::kRefresh, f.t("checklist.restart"), ImVec2(bw, m.tapHeight),
               ButtonStyle::Secondary))
        action = intent::RestartChecklist{};
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

} // namespace kiosk::ui

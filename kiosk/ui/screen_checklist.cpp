// The passport-requirement checklist: a few questions with big answers, each with its icon, then
// the documents that apply. The resident taps those they have; the rest is listed with where to get it, the
// fees, and a way to ask an officer for help.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace kiosk::ui {

const char* checklistIcon(const std::string& name)
{
    static const std::map<std::string, const char*> icons{{"id-card", icon::kIdCard},
                                                          {"users", icon::kUsers},
                                                          {"book", icon::kBook},
                                                          {"file", icon::kFile},
                                                          {"briefcase", icon::kBriefcase},
                                                          {"moon", icon::kMoon},
                                                          {"graduation", icon::kGraduation},
                                                          {"child", icon::kChild},
                                                          {"building", icon::kBuilding},
                                                          {"money", icon::kMoney},
                                                          {"plane", icon::kPlane},
                                                          {"refresh", icon::kRefresh},
                                                          {"user", icon::kUser},
                                                          {"heart", icon::kHeart},
                                                          {"plus", icon::kPlus},
                                                          {"history", icon::kHistory},
                                                          {"check", icon::kCheck},
                                                          {"times", icon::kTimes},
                                                          {"question", icon::kQuestion},
                                                          {"globe", icon::kGlobe},
                                                          {"laptop", icon::kLaptop},
                                                          {"comments", icon::kComments},
                                                          {"home", icon::kHome},
                                                          {"lock", icon::kLock}};
    const auto it = icons.find(name);
    return it == icons.end() ? nullptr : it->second;
}

namespace {

// The words of answer `a` to `q`, or its id.
std::string answerLabel(const ChecklistText& words, const ChecklistRules::Question& q, const std::string& a)
{
    if (const auto qt = words.questions.find(q.id); qt != words.questions.end())
        if (const auto it = qt->second.answers.find(a); it != qt->second.answers.end())
            return it->second;
    return a;
}

} // namespace

// One question: how far along, the question (and its note), and big answers, two per row where
// there is room.
Asked checklistQuestion(Frame& f, Column column, const ChecklistRules& rules, const ChecklistText& words,
                        const Answers& answers, const ChecklistRules::Question* q,
                        const std::string& idPrefix)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = column;
    Asked action;
    const auto asked = rules.asked(answers);
    const auto number = std::find(asked.begin(), asked.end(), q) - asked.begin() + 1;
    ImGui::SetCursorPosX(x0);
    wrappedText(f.fonts.body, colours().textMuted,
                withValues(f.t("checklist.progress"),
                           {{"{n}", std::to_string(number)}, {"{total}", std::to_string(asked.size())}}),
                width);
    const auto qt = words.questions.find(q->id);
    ImGui::SetCursorPosX(x0);
    wrappedText(f, "question", f.fonts.tile, colours().text,
                qt != words.questions.end() ? qt->second.text : q->id, width);
    if (qt != words.questions.end() && !qt->second.note.empty()) {
        ImGui::Dummy(ImVec2(1, 6.f * s));
        ImGui::SetCursorPosX(x0);
        wrappedText(f, "question.note", f.fonts.body, colours().text, qt->second.note, width);
    }
    ImGui::Dummy(ImVec2(1, 14.f * s));
    const int columns = width >= 900.f * s ? 2 : 1;
    const float gap = 20.f * s;
    const float w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const auto iconOf = [&](const std::string& a) {
        const auto it = q->icons.find(a);
        return it != q->icons.end() ? checklistIcon(it->second) : nullptr;
    };
    // Every answer as tall as the one whose words, beside its icon, need the most lines.
    float h = m.tapHeight * 1.15f;
    for (const std::string& a : q->answers) {
        const std::string drawn = std::string(iconOf(a) ? iconOf(a) : "") + "  " + answerLabel(words, *q, a);
        h = std::max(h, wrappedHeight(f.fonts.tile, drawn, w - 32.f * s) + 32.f * s);
    }
    const float top = ImGui::GetCursorPosY();
    for (std::size_t i = 0; i < q->answers.size(); ++i) {
        const std::string& a = q->answers[i];
        const auto row = static_cast<float>(i / static_cast<std::size_t>(columns));
        const auto col = static_cast<float>(i % static_cast<std::size_t>(columns));
        ImGui::SetCursorPos(ImVec2(x0 + col * (w + gap), top + row * (h + gap)));
        if (button(f, idPrefix + a, iconOf(a), answerLabel(words, *q, a), ImVec2(w, h),
                   ButtonStyle::Secondary))
            action = intent::Answer{q->id, a};
    }
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

namespace {

// Warnings first, in red: they matter more than any document.
void drawWarnings(Frame& f, Column column, const std::vector<const ChecklistRules::Item*>& warnings,
                  const ChecklistText& words)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = column;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 24.f * s;
    for (const auto* w : warnings) {
        const auto it = words.warnings.find(w->id);
        const std::string text = it != words.warnings.end() ? it->second : w->id;
        const std::string title = std::string(icon::kWarning) + "  " + f.t("checklist.warning");
        const float inner = width - 2 * pad - 10.f * s;
        const float th = wrappedHeight(f.fonts.tile, title, inner);
        const float bh = f.fonts.body->CalcTextSizeA(f.fonts.body->FontSize, FLT_MAX, inner, text.c_str()).y;
        ImGui::SetCursorPosX(x0);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 q(p.x + width, p.y + th + bh + 2 * pad + 8.f * s);
        card(dl, p, q, m, colours().warningBg, colours().warning, colours().warning);
        dl->AddText(f.fonts.tile, f.fonts.tile->FontSize, ImVec2(p.x + pad + 10.f * s, p.y + pad),
                    colours().warning, title.c_str());
        highlightReading(f, dl, "warn." + w->id, f.fonts.body,
                         ImVec2(p.x + pad + 10.f * s, p.y + pad + th + 8.f * s), inner, text);
        dl->AddText(f.fonts.body, f.fonts.body->FontSize,
                    ImVec2(p.x + pad + 10.f * s, p.y + pad + th + 8.f * s), colours().text, text.c_str(),
                    nullptr, inner);
        ImGui::Dummy(ImVec2(width, q.y - p.y));
    }
}

// The height of `text` wrapped at `width`, as the draw list lays it out.
float textHeight(ImFont* font, const std::string& text, float width)
{
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str()).y;
}

// The summary card: all there, or what is still needed, one document a line (a name may have
// commas of its own).
void drawSummary(Frame& f, Column column, const std::vector<const ChecklistRules::Item*>& missing,
                 const ChecklistText& words)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = column;
    const float pad = 24.f * s;
    const float inner = width - 2 * pad - 6.f * s;
    const float indent = f.fonts.body->FontSize * 1.2f; // the bullet's room
    const float gap = 6.f * s;
    const std::string heading = missing.empty()
                                    ? std::string(icon::kCheck) + "  " + f.t("checklist.all_ready")
                                    : f.t("checklist.still_needed");
    float h = textHeight(f.fonts.bodyBold, heading, inner);
    for (const auto* d : missing)
        h += gap + textHeight(f.fonts.body, words.documentName(d->id), inner - indent);
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + width, p.y + h + 2 * pad);
    const ImU32 accent = missing.empty() ? colours().done : colours().frame;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card(dl, p, q, m, missing.empty() ? colours().doneBg : colours().tipBg, accent, accent);
    const float x = p.x + pad + 6.f * s;
    float y = p.y + pad;
    highlightReading(f, dl, "summary", f.fonts.bodyBold, ImVec2(x, y), inner, heading);
    dl->AddText(f.fonts.bodyBold, f.fonts.bodyBold->FontSize, ImVec2(x, y),
                missing.empty() ? colours().done : colours().text, heading.c_str(), nullptr, inner);
    y += textHeight(f.fonts.bodyBold, heading, inner);
    for (const auto* d : missing) {
        const std::string name = words.documentName(d->id);
        y += gap;
        dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(x, y), colours().text, "\u2022");
        highlightReading(f, dl, "missing." + d->id, f.fonts.body, ImVec2(x + indent, y), inner - indent,
                         name);
        dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(x + indent, y), colours().text, name.c_str(),
                    nullptr, inner - indent);
        y += textHeight(f.fonts.body, name, inner - indent);
    }
    ImGui::Dummy(ImVec2(width, q.y - p.y));
    ImGui::Dummy(ImVec2(1, 8.f * s));
}

// One row per document: a box to tick, the icon, the name, one line of explanation, and, until
// ticked (`have`), where to get it. The whole row is the button: returns true when tapped.
bool drawDocument(Frame& f, Column column, const ChecklistRules::Item& d, const ChecklistText& words,
                  bool have)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = column;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 24.f * s;
    const auto it = words.documents.find(d.id);
    const std::string name = it != words.documents.end() ? it->second.name : d.id;
    const std::string explain = it != words.documents.end() ? it->second.explain : std::string();
    const std::string where = it != words.documents.end() ? it->second.where : std::string();
    const float boxW = f.fonts.heading->FontSize * 1.3f;
    const float iconW = f.fonts.heading->FontSize * 1.4f;
    const float inner = width - 2 * pad - boxW - iconW;
    std::string title = name;
    if (d.optional)
        title += " (" + f.t("checklist.if_any") + ")";
    std::string detail = explain;
    if (!have && !where.empty())
        detail += "\n" + f.t("checklist.where") + ": " + where;
    const float h = std::max(
        m.tapHeight - 2 * pad,
        f.fonts.tile->CalcTextSizeA(f.fonts.tile->FontSize, FLT_MAX, inner, title.c_str()).y +
            f.fonts.body->CalcTextSizeA(f.fonts.body->FontSize, FLT_MAX, inner, detail.c_str()).y + 6.f * s);
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string id = "checklist.doc." + d.id;
    const bool tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(width, h + 2 * pad));
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    mapWidget(f, id, name, p, ImVec2(p.x + width, p.y + h + 2 * pad));
    const ImVec2 q(p.x + width, p.y + h + 2 * pad);
    card(dl, p, q, m,
         pressed ? colours().cardPressed
         : have  ? colours().doneBg
                 : colours().card,
         have ? colours().done : colours().cardBorder);
    dl->AddText(f.fonts.heading, f.fonts.heading->FontSize, ImVec2(p.x + pad, p.y + pad),
                have ? colours().done : colours().frame, have ? icon::kCheckSquare : icon::kSquare);
    dl->AddText(f.fonts.heading, f.fonts.heading->FontSize, ImVec2(p.x + pad + boxW, p.y + pad),
                colours().frame, checklistIcon(d.icon) ? checklistIcon(d.icon) : icon::kFile);
    const float tx = p.x + pad + boxW + iconW;
    highlightReading(f, dl, "doc." + d.id, f.fonts.tile, ImVec2(tx, p.y + pad), inner, title);
    dl->AddText(f.fonts.tile, f.fonts.tile->FontSize, ImVec2(tx, p.y + pad), colours().text, title.c_str(),
                nullptr, inner);
    const float th = f.fonts.tile->CalcTextSizeA(f.fonts.tile->FontSize, FLT_MAX, inner, title.c_str()).y;
    highlightReading(f, dl, "doc." + d.id + ".detail", f.fonts.body, ImVec2(tx, p.y + pad + th + 6.f * s),
                     inner, detail);
    dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(tx, p.y + pad + th + 6.f * s),
                colours().textMuted, detail.c_str(), nullptr, inner);
    ImGui::Dummy(ImVec2(1, 10.f * s));
    return tapped;
}

// The fees that apply, if any.
void drawFees(Frame& f, Column column, const std::vector<const ChecklistRules::Item*>& fees,
              const ChecklistText& words)
{
    const float s = f.m.scale;
    const auto [x0, width] = column;
    if (fees.empty())
        return;
    ImGui::Dummy(ImVec2(1, 10.f * s));
    ImGui::SetCursorPosX(x0);
    wrappedText(f, "fees", f.fonts.tile, colours().text,
                std::string(icon::kMoney) + "  " + f.t("checklist.fees"), width);
    for (const auto* fee : fees) {
        const auto it = words.fees.find(fee->id);
        ImGui::SetCursorPosX(x0 + 20.f * s);
        wrappedText(f, "fee." + fee->id, f.fonts.body, colours().text,
                    "\u2022 " + (it != words.fees.end() ? it->second : fee->id), width - 20.f * s);
    }
}

} // namespace

std::optional<Asked> checklistStart(Frame& f, Column column, const ChecklistRules& rules,
                                    const ChecklistText& words, const Answers& answers,
                                    const std::string& idPrefix, bool questionInId)
{
    ImGui::SetCursorPos(ImVec2(column.x0, f.m.margin * 0.75f));
    wrappedText(f, "title", f.fonts.heading, colours().frame, words.title, column.width);
    ImGui::Dummy(ImVec2(1, 10.f * f.m.scale));
    const ChecklistRules::Question* q = rules.next(answers);
    if (!q)
        return std::nullopt;
    return checklistQuestion(f, column, rules, words, answers, q,
                             questionInId ? idPrefix + q->id + "." : idPrefix);
}

Asked ChecklistScreen::draw(Frame& f, const ChecklistRules& rules, const ChecklistText& words,
                            const ChecklistProgress& progress)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const Column column = readingColumn(m);
    const auto [x0, width] = column;
    const Answers answers = progress.asMap();
    Asked action;

    if (auto asked = checklistStart(f, column, rules, words, answers, "checklist.answer.", false))
        return *asked;

    // The result: warnings, documents, what is missing and where to get it, fees, where the facts
    // come from, help.
    drawWarnings(f, column, rules.warningsFor(answers), words);
    drawSummary(f, column, missingDocuments(rules, progress), words);
    // The resident's own list, fees, source and date to take home, under what is still needed.
    if (takeHomeButton(f, checklistTakeHome(rules, words, answers, progress.have, f.content, f.lang), column,
                       640.f * s))
        action = intent::Open{Route::takeHome(Route::checklist(rules.id))};
    ImGui::Dummy(ImVec2(1, 8.f * s));
    ImGui::SetCursorPosX(x0);
    wrappedText(f.fonts.body, colours().textMuted, f.t("checklist.tap_hint"), width);
    ImGui::Dummy(ImVec2(1, 4.f * s));
    for (const auto* d : rules.documentsFor(answers))
        if (drawDocument(f, column, *d, words, progress.have.count(d->id) > 0))
            action = intent::ToggleHave{d->id};
    drawFees(f, column, rules.feesFor(answers), words);
    ImGui::Dummy(ImVec2(1, 16.f * s));
    sourceAndDate(f, column, f.content.citedBy(words), words.verified);
    ImGui::Dummy(ImVec2(1, 24.f * s));
    const float bw = std::min(width, 640.f * s);
    ImGui::SetCursorPosX(x0);
    if (button(f, "checklist.help", icon::kComments, f.t("checklist.help"), ImVec2(bw, m.tapHeight),
               ButtonStyle::Primary))
        action = intent::Open{Route::callback(rules.id)};
    ImGui::Dummy(ImVec2(1, 6.f * s));
    ImGui::SetCursorPosX(x0);
    if (button(f, "checklist.restart", icon::kRefresh, f.t("checklist.restart"), ImVec2(bw, m.tapHeight),
               ButtonStyle::Secondary))
        action = intent::RestartChecklist{};
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

} // namespace kiosk::ui

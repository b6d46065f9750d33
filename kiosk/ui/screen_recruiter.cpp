// "Cek perusahaan / sponsor": the resident types the name of the company that offered a job abroad,
// and sees at once what the registry of licensed placement companies says of it, and nothing more:
// listed with its status, or not found in the list this kiosk holds. Whatever the answer, the next
// steps: the recruitment permit for this job at Disnaker, the official list on one's phone, and an
// officer's call.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include "core/company_search.hpp"
#include "core/dates.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

// The official list of companies and vacancies, for the resident's phone.
constexpr const char* kOfficialList = "https://siskop2mi.bp2mi.go.id";
// The sources of the next steps: the official list's address, the recruitment permit, what residents
// are told to check.
constexpr const char* kSources[] = {"not-placement-harianjogja-2025", "sip2mi-antara-sulteng-2025",
                                    "check-company-jabarnews-2025"};

ImU32 statusColour(CompanyStatus status)
{
    switch (status) {
    case CompanyStatus::Active: return colours().done;
    case CompanyStatus::Sanctioned: return colours().attention;
    case CompanyStatus::Revoked: return colours().warning;
    }
    return colours().text;
}

// A card of text lines in the column: its fill, border and accent, each line in its font and colour.
struct Line {
    std::string part; // for reading aloud ("" : not read)
    ImFont* font;
    ImU32 colour;
    std::string text;
};
// How a card of lines looks: its colours, its padding, and a thick frame (the result chosen).
struct CardLook {
    ImU32 fill, border, accent;
    float pad = 24.f; // at scale 1
    bool framed = false;
};

// A card of lines across the column, each wrapped in its font and colour. With an `id` the whole card
// is a button at least a touch target tall, in the UI map with `label` and `value`: true when tapped.
bool linesCard(Frame& f, Column column, const std::vector<Line>& lines, const CardLook& look,
               const std::string& id = {}, const std::string& label = {}, const std::string& value = {})
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const float pad = look.pad * s;
    const float inner = column.width - 2 * pad - 10.f * s;
    float h = 0;
    for (const Line& l : lines)
        h += wrappedHeight(l.font, l.text, inner) + 6.f * s;
    if (!id.empty())
        h = std::max(h, m.tapHeight - 2 * pad);
    ImGui::SetCursorPosX(column.x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + column.width, p.y + h + 2 * pad);
    bool tapped = false, pressed = false;
    if (!id.empty()) {
        tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(column.width, q.y - p.y));
        pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
        if (WidgetBox* w = mapWidget(f, id, label, p, q))
            w->value = value;
        ImGui::SetCursorScreenPos(p);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card(dl, p, q, m, pressed ? colours().cardPressed : look.fill, look.border, look.accent);
    if (look.framed)
        dl->AddRect(p, q, look.border, m.rounding, 0, 4.f * s);
    float y = p.y + pad;
    for (const Line& l : lines) {
        const ImVec2 at(p.x + pad + 10.f * s, y);
        if (!l.part.empty())
            highlightReading(f, dl, l.part, l.font, at, inner, l.text);
        dl->AddText(l.font, l.font->FontSize, at, l.colour, l.text.c_str(), nullptr, inner);
        y += wrappedHeight(l.font, l.text, inner) + 6.f * s;
    }
    ImGui::Dummy(ImVec2(column.width, q.y - p.y));
    return tapped;
}

} // namespace

const std::vector<RegistryMatch>& RecruiterScreen::results(const Content& content, const std::string& query)
{
    if (query != m_query) {
        m_query = query;
        m_results = content.registryIndex.search(query, kCompanyResults);
    }
    return m_results;
}

Asked RecruiterScreen::draw(Frame& f, const CompanySearch& search)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const Column column = readingColumn(m);
    const auto [x0, width] = column;
    const Registry& registry = f.content.registry;
    Asked action;

    // While the keyboard is open, the room above it is for the name and the first results.
    const bool typing = search.typing && !registry.companies.empty();
    ImGui::SetCursorPos(ImVec2(x0, m.margin * (typing ? 0.4f : 0.75f)));
    if (!typing) {
        wrappedText(f, "title", f.fonts.heading, colours().frame, f.t("registry.title"), width);
        ImGui::Dummy(ImVec2(1, 6.f * s));
    }

    if (registry.companies.empty()) {
        // No list: said plainly, and the same next steps.
        linesCard(f, column,
                  {{"empty", f.fonts.bodyBold, colours().text, f.t("registry.empty")},
                   {"empty.hint", f.fonts.body, colours().text, f.t("registry.empty_hint")}},
                  {colours().attentionBg, colours().attention, colours().attention});
        ImGui::Dummy(ImVec2(1, 8.f * f.m.scale));
        f.map.values["registry"] = "empty";
    } else {
        if (!typing) {
            ImGui::SetCursorPosX(x0);
            wrappedText(f, "intro", f.fonts.body, colours().text, f.t("registry.intro"), width);
            ImGui::Dummy(ImVec2(1, 6.f * s));
        }
        if (drawQuery(f, column, search))
            action = intent::FocusSearch{};
        if (!typing) {
            ImGui::SetCursorPosX(x0);
            wrappedText(
                f, "list", f.fonts.body, colours().textMuted,
                withValues(f.t("registry.list_info"), {{"{source}", registry.info.source},
                                                       {"{date}", registryDate(registry, f.lang)},
                                                       {"{n}", std::to_string(registry.companies.size())}}),
                width);
        }
        if (!typing)
            ImGui::Dummy(ImVec2(1, 10.f * s));
        f.map.values["registry"] = std::to_string(registry.companies.size());
        if (Asked a = drawResults(f, column, search))
            action = std::move(a);
    }
    // The next steps once the name is typed (the keyboard closed), or at once without a list.
    if (!typing)
        if (Asked a = drawNextSteps(f, column, search))
            action = std::move(a);
    return action;
}

bool RecruiterScreen::drawQuery(Frame& f, Column column, const CompanySearch& search)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = column;
    ImFont* font = f.fonts.tile;
    const float pad = 20.f * s;
    // While typing it need not be a target any more (the keyboard is open): a slimmer box leaves the
    // room above the keyboard to the results.
    const float h =
        search.typing ? font->FontSize + 2 * 12.f * s : std::max(m.tapHeight, font->FontSize + 2 * pad);
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + width, p.y + h);
    const bool tapped = ImGui::InvisibleButton("registry.query", ImVec2(width, h));
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    if (WidgetBox* w = mapWidget(f, "registry.query", f.t("registry.query"), p, q))
        w->value = search.query.text;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, q, pressed ? colours().cardPressed : colours().card, m.rounding);
    dl->AddRect(p, q, search.typing ? colours().frame : colours().cardBorder, m.rounding, 0,
                (search.typing ? 4.f : 2.f) * s);
    const float iconW = textWidth(f.fonts.tile, icon::kSearch) + pad;
    dl->AddText(font, font->FontSize, ImVec2(p.x + pad, p.y + (h - font->FontSize) / 2), colours().frame,
                icon::kSearch);
    const float tx = p.x + pad + iconW;
    const float room = width - 2 * pad - iconW;
    if (search.query.text.empty()) {
        dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(tx, p.y + (h - f.fonts.body->FontSize) / 2),
                    colours().textMuted, f.t("registry.placeholder").c_str(), nullptr, room);
    }
    // One line: the end of a long name stays in sight, as it is being typed.
    std::string shown = search.query.text;
    while (!shown.empty() && textWidth(font, shown) > room - 8.f * s)
        shown.erase(0, std::max<std::size_t>(1, decodeUtf8(shown, 0).value_or(Decoded{}).length));
    const float ty = p.y + (h - font->FontSize) / 2;
    dl->AddText(font, font->FontSize, ImVec2(tx, ty), colours().text, shown.c_str());
    if (search.typing) {
        const float cx = tx + textWidth(font, shown);
        dl->AddRectFilled(ImVec2(cx, ty), ImVec2(cx + 3.f * s, ty + font->FontSize), colours().frame);
    }
    ImGui::Dummy(ImVec2(1, 6.f * s));
    if (!search.notice.empty()) {
        ImGui::SetCursorPosX(x0);
        wrappedText(f.fonts.body, colours().attention, f.t(search.notice), width);
    }
    return tapped;
}

Asked RecruiterScreen::drawResults(Frame& f, Column column, const CompanySearch& search)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = column;
    const Registry& registry = f.content.registry;
    if (normaliseName(search.query.text).empty())
        return {};
    const auto& found = results(f.content, search.query.text);
    f.map.values["results"] = std::to_string(found.size());
    if (found.empty()) {
        linesCard(
            f, column,
            {{"not_found", f.fonts.bodyBold, colours().text, notFoundWords(registry, f.strings, f.lang)},
             {"not_found.hint", f.fonts.body, colours().text, f.t("registry.not_found_hint")}},
            {colours().tipBg, colours().frame, colours().frame});
        ImGui::Dummy(ImVec2(1, 8.f * s));
        return {};
    }
    Asked action;
    // While typing, the little room above the keyboard shows each result's name and status only.
    const bool compact = search.typing;
    for (std::size_t i = 0; i < found.size(); ++i) {
        const Company& c = registry.companies[found[i].company];
        const CompanyWords words = companyWords(c, registry, f.strings, f.lang);
        const bool chosen = search.chosen == c.name;
        const std::string part = "result." + std::to_string(i);
        std::vector<Line> lines{{part + ".name", f.fonts.tile, colours().text, c.name}};
        if (found[i].name > 0 && !compact)
            lines.push_back(
                {"", f.fonts.body, colours().textMuted,
                 withValues(f.t("registry.result.alias"), {{"{alias}", c.aliases[found[i].name - 1]}})});
        if (!compact)
            lines.push_back({part + ".listed", f.fonts.body, colours().text, words.listed});
        lines.push_back({part + ".status", f.fonts.bodyBold, statusColour(c.status), words.status});
        if (!compact)
            lines.push_back(
                {"", f.fonts.body, colours().textMuted,
                 withValues(f.t("registry.result.where"),
                            {{"{licence}", c.licence}, {"{city}", c.city}, {"{province}", c.province}})});
        const CardLook look{chosen ? colours().tipBg : colours().card,
                            chosen ? colours().frame : colours().cardBorder, statusColour(c.status),
                            compact ? 12.f : 24.f, chosen};
        if (linesCard(f, column, lines, look, "registry.result." + std::to_string(i), c.name,
                      companyStatusWord(c.status)))
            action = intent::ChooseCompany{c.name};
        ImGui::Dummy(ImVec2(1, (compact ? 2.f : 8.f) * s));
    }
    if (compact)
        return action;
    // A name on the list can still be borrowed by someone else.
    ImGui::SetCursorPosX(x0);
    wrappedText(f, "found.hint", f.fonts.body, colours().text, f.t("registry.found_hint"), width);
    ImGui::Dummy(ImVec2(1, 8.f * s));
    return action;
}

Asked RecruiterScreen::drawNextSteps(Frame& f, Column column, const CompanySearch& search)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = column;
    Asked action;
    ImGui::Dummy(ImVec2(1, 8.f * s));
    ImGui::SetCursorPosX(x0);
    wrappedText(f, "next.title", f.fonts.tile, colours().text, f.t("registry.next.title"), width);
    const float indent = f.fonts.body->FontSize * 1.2f; // the bullet's room
    for (const char* key : {"registry.next.sip2mi", "registry.next.wait"}) {
        ImGui::SetCursorPosX(x0);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddText(f.fonts.body, f.fonts.body->FontSize, at, colours().text,
                                            "\u2022");
        ImGui::SetCursorPosX(x0 + indent);
        wrappedText(f, std::string(key).substr(9), f.fonts.body, colours().text, f.t(key), width - indent);
    }
    ImGui::Dummy(ImVec2(1, 10.f * s));

    // The official list on the resident's phone: its address as a QR code beside the words.
    const float pad = 24.f * s;
    const float qrSide = std::min(260.f * s, width * 0.4f);
    const std::string words = f.t("registry.next.qr");
    const float inner = width - 3 * pad - qrSide;
    const float textH = wrappedHeight(f.fonts.body, words, inner) + 8.f * s +
                        wrappedHeight(f.fonts.bodyBold, "siskop2mi.bp2mi.go.id", inner);
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + width, p.y + std::max(textH, qrSide) + 2 * pad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card(dl, p, q, m, colours().card, colours().cardBorder);
    highlightReading(f, dl, "next.qr", f.fonts.body, ImVec2(p.x + pad, p.y + pad), inner, words);
    dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(p.x + pad, p.y + pad), colours().text,
                words.c_str(), nullptr, inner);
    dl->AddText(f.fonts.bodyBold, f.fonts.bodyBold->FontSize,
                ImVec2(p.x + pad, p.y + pad + wrappedHeight(f.fonts.body, words, inner) + 8.f * s),
                colours().frame, "siskop2mi.bp2mi.go.id", nullptr, inner);
    if (const QrCode* code = m_qr.get(kOfficialList)) {
        const ImVec2 qp(q.x - pad - qrSide, p.y + pad);
        const float side = drawQr(dl, *code, qp, qrSide);
        if (WidgetBox* w = mapWidget(f, "registry.qr", words, qp, ImVec2(qp.x + side, qp.y + side)))
            w->value = kOfficialList;
    }
    ImGui::Dummy(ImVec2(width, q.y - p.y));
    ImGui::Dummy(ImVec2(1, 16.f * s));

    // An officer's call about this company: the form with the topic chosen and the company named.
    const float bw = std::min(width, 720.f * s);
    ImGui::SetCursorPosX(x0);
    if (button(f, "registry.callback", icon::kComments, f.t("registry.callback"), ImVec2(bw, m.tapHeight),
               ButtonStyle::Primary))
        action = intent::AskAbout{
            RequestTopic::WorkAbroad,
            companyNote(search, f.content.registry, f.content.registryIndex, f.strings, f.lang)};
    ImGui::Dummy(ImVec2(1, 6.f * s));
    // The offer itself, checked for the warning signs.
    const Route offer = Route::offerCheck();
    if (const ChecklistText* check = f.content.checklistText(offer.id, f.lang)) {
        ImGui::SetCursorPosX(x0);
        if (button(f, "registry.offer-check", icon::kCheckSquare, check->title, ImVec2(bw, m.tapHeight),
                   ButtonStyle::Secondary))
            action = intent::Open{offer};
    }
    ImGui::Dummy(ImVec2(1, 16.f * s));
    std::vector<const Source*> cited;
    for (const char* id : kSources)
        if (const auto it = f.content.sources.find(id); it != f.content.sources.end())
            cited.push_back(&it->second);
    sourceAndDate(f, column, cited, "");
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

Asked RecruiterScreen::drawKeyboard(Frame& f, const CompanySearch& search, float width)
{
    if (auto key = m_keyboard.draw(f, Keypad::Search, search.shift, width))
        return intent::PressKey{*key};
    return {};
}

} // namespace kiosk::ui

// The officer dashboard's usage card: anonymous page views per day and language, and per screen.
#include "ui/icons.hpp"
#include "ui/officer_cards.hpp"

#include <array>
#include <functional>
#include <map>

namespace kiosk::ui::dashboard {
namespace {

using ByLang = std::array<std::int64_t, 3>; // views in each language, in Lang's order

// The counts summed per day (newest first) and per screen.
struct Tally {
    std::map<std::string, ByLang, std::greater<>> days;
    std::map<std::string, ByLang> screens;
};

Tally tally(const std::vector<OfficerDashboard::Usage>& usage)
{
    Tally t;
    for (const OfficerDashboard::Usage& u : usage) {
        const auto lang = langFromCode(u.lang);
        const std::size_t li = lang ? static_cast<std::size_t>(*lang) : 0;
        if (u.screen.rfind(kListenPrefix, 0) != 0) // a page listened to was already counted as seen
            t.days[u.day][li] += u.views;
        t.screens[u.screen][li] += u.views;
    }
    return t;
}

// The name of a counted screen in the officer's language; readings aloud after a loudspeaker.
std::string screenName(const Frame& f, const std::string& counted)
{
    const bool listened = counted.rfind(kListenPrefix, 0) == 0;
    const std::string screen = listened ? counted.substr(kListenPrefix.size()) : counted;
    std::string name = screen;
    for (Topic t : kAllTopics)
        if (screen == topicId(t))
            name = f.t("home.tile." + screen + ".label");
    // A checklist's screen of either kind ("checklist-passport", "offer-check").
    for (const auto& [id, rules] : f.content.checklists)
        if (screen == routeTo(rules).screenId()) {
            const ChecklistText* words = f.content.checklistText(id, f.lang);
            name = f.t("officer.usage.checklist") + ": " + (words ? words->title : id);
        }
    if (listened)
        name = std::string(icon::kVolumeUp) + "  " + name;
    return name;
}

} // namespace

void drawUsageCard(Frame& f, const OfficerDashboard& d, Column page)
{
    const float s = f.m.scale;
    CardScope c(f.m, page);
    line(f, c, f.fonts.tile, colours().frame,
         std::string(icon::kBarChart) + "  " + f.t("officer.usage.title"), 12.f * s);
    if (d.usage.empty()) {
        line(f, c, f.fonts.body, colours().textMuted, f.t("officer.usage.none"));
        return;
    }
    const Tally t = tally(d.usage);
    const std::initializer_list<float> widths{0.4f, 0.15f, 0.15f, 0.15f, 0.15f};
    auto langName = [&](Lang l) { return f.strings.get(l, "lang.self"); };
    // Per day: total and per language.
    row(f, c, f.fonts.bodyBold, colours().textMuted,
        {f.t("officer.usage.day"), f.t("officer.requests.total"), langName(Lang::Id), langName(Lang::Jv),
         langName(Lang::En)},
        widths);
    for (const auto& [day, v] : t.days)
        row(f, c, f.fonts.body, colours().text,
            {day, count(v[0] + v[1] + v[2]), count(v[0]), count(v[1]), count(v[2])}, widths);
    ImGui::Dummy(ImVec2(1, 12.f * s));
    // Per screen, the same.
    row(f, c, f.fonts.bodyBold, colours().textMuted,
        {f.t("officer.usage.screen"), f.t("officer.requests.total"), langName(Lang::Id), langName(Lang::Jv),
         langName(Lang::En)},
        widths);
    for (const auto& [counted, v] : t.screens)
        row(f, c, f.fonts.body, colours().text,
            {screenName(f, counted), count(v[0] + v[1] + v[2]), count(v[0]), count(v[1]), count(v[2])},
            widths);
}

} // namespace kiosk::ui::dashboard

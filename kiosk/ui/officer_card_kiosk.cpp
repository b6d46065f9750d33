// The officer dashboard's card on the kiosk itself: database, disk, content and configuration.
#include "ui/icons.hpp"
#include "ui/officer_cards.hpp"

#include <algorithm>

namespace kiosk::ui::dashboard {
namespace {

// Problems found in the content or the configuration: how many, where the first few are (their
// words are English, for the technician, who reads them in the log), and where to read them.
void drawProblems(Frame& f, const CardScope& c, const std::string& heading,
                  const std::vector<std::string>& problems)
{
    notice(f, c, colours().attention, colours().attentionBg,
           withValues(heading, {{"{n}", count(static_cast<std::int64_t>(problems.size()))}}));
    for (std::size_t i = 0; i < std::min<std::size_t>(problems.size(), 5); ++i)
        fault(f, c, problemPlace(problems[i]));
    line(f, c, f.fonts.body, colours().textMuted, f.t("officer.kiosk.problems_where"), 8.f * f.m.scale);
}

} // namespace

void drawKioskCard(Frame& f, const OfficerDashboard& d, Column page)
{
    const float s = f.m.scale;
    const bool trouble = !d.events.empty() || !d.contentProblems.empty() || !d.configProblems.empty();
    CardScope c(f.m, page, colours().card, trouble ? colours().attention : 0);
    line(f, c, f.fonts.tile, colours().frame, std::string(icon::kHdd) + "  " + f.t("officer.kiosk.title"),
         12.f * s);
    line(f, c, f.fonts.body, colours().text,
         withValues(f.t("officer.kiosk.database"),
                    {{"{size}", formatBytes(static_cast<std::uint64_t>(d.databaseBytes))}}),
         6.f * s);
    for (const OfficerDashboard::Entry& e : d.events)
        notice(f, c, colours().attention, colours().attentionBg,
               formatLocalTime(e.atMs) + " · " +
                   withValues(f.t("officer.kiosk.database_moved"), {{"{detail}", e.detail}}));
    if (d.diskFreeBytes)
        line(f, c, f.fonts.body, colours().text,
             withValues(f.t("officer.kiosk.disk"), {{"{free}", formatBytes(*d.diskFreeBytes)}}), 6.f * s);
    line(f, c, f.fonts.body, colours().text,
         withValues(f.t("officer.kiosk.content"),
                    {{"{version}", d.contentVersion}, {"{date}", d.contentOldestVerified}}),
         6.f * s);
    if (!d.contentProblems.empty())
        drawProblems(f, c,
                     f.t(d.contentFromLastGood ? "officer.kiosk.content_errors_last_good"
                                               : "officer.kiosk.content_errors"),
                     d.contentProblems);
    if (!d.configProblems.empty())
        drawProblems(f, c, f.t("officer.kiosk.config_errors"), d.configProblems);
}

} // namespace kiosk::ui::dashboard

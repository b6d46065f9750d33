// The officer dashboard's last card: the audit log, newest first.
#include "ui/icons.hpp"
#include "ui/officer_cards.hpp"

namespace kiosk::ui::dashboard {

void drawAuditCard(Frame& f, const OfficerDashboard& d, Column page)
{
    const float s = f.m.scale;
    CardScope c(f.m, page);
    line(c, f.fonts.tile, colours().frame, std::string(icon::kHistory) + "  " + f.t("officer.audit.title"),
         12.f * s);
    for (const OfficerDashboard::Entry& e : d.audit) {
        const std::string key = "officer.audit.kind." + e.kind;
        const std::string kind = f.strings.has(f.lang, key) ? f.t(key) : e.kind;
        line(c, f.fonts.body, colours().text,
             formatLocalTime(e.atMs) + " · " + kind + (e.detail.empty() ? "" : " · " + e.detail), 4.f * s);
    }
    if (d.audit.empty())
        line(c, f.fonts.body, colours().textMuted, f.t("officer.usage.none"));
}

} // namespace kiosk::ui::dashboard

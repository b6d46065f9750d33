// The officer dashboard's last card: the audit log, newest first, each entry a sentence in the
// officer's language (core/audit_words).
#include "core/audit_words.hpp"
#include "ui/icons.hpp"
#include "ui/officer_cards.hpp"

namespace kiosk::ui::dashboard {
namespace {

std::string sentence(const Frame& f, const OfficerDashboard::Entry& e)
{
    std::string out;
    for (const AuditSentence& s : auditSentences(e.kind, e.detail)) {
        std::string text = f.t(s.key);
        for (const AuditWord& w : s.words)
            text = withValues(
                std::move(text),
                {{w.placeholder, w.key.empty() ? w.text : f.strings.get(w.in.value_or(f.lang), w.key)}});
        out += (out.empty() ? "" : " ") + text;
    }
    return out;
}

} // namespace

void drawAuditCard(Frame& f, const OfficerDashboard& d, Column page)
{
    const float s = f.m.scale;
    CardScope c(f.m, page);
    line(f, c, f.fonts.tile, colours().frame, std::string(icon::kHistory) + "  " + f.t("officer.audit.title"),
         12.f * s);
    for (const OfficerDashboard::Entry& e : d.audit)
        line(f, c, f.fonts.body, colours().text, formatLocalTime(e.atMs) + " · " + sentence(f, e), 4.f * s);
    if (d.audit.empty())
        line(f, c, f.fonts.body, colours().textMuted, f.t("officer.usage.none"));
}

} // namespace kiosk::ui::dashboard

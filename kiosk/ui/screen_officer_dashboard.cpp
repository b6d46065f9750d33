// Officer mode once in: the dashboard, a column of cards (officer_card_*.cpp) under the title, the
// first with the one button that copies requests to a stick.
#include "ui/icons.hpp"
#include "ui/officer_cards.hpp"
#include "ui/screens.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace dashboard {
namespace {

// The title, and the way out beside it.
Asked drawTitle(Frame& f, Column page)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    Asked action;
    const float outW = std::min(360.f * s, page.width / 3);
    const float titleY = m.margin * 0.75f;
    ImGui::SetCursorPos(ImVec2(page.x0, titleY + (m.tapHeight - f.fonts.heading->FontSize) / 2));
    const std::string title = std::string(icon::kLock) + "  " + f.t("officer.title");
    f.map.texts.push_back(title);
    wrappedText(f.fonts.heading, colours().frame, title, page.width - outW - m.gap);
    ImGui::SetCursorPos(ImVec2(page.x0 + page.width - outW, titleY));
    if (button(f, "officer.logout", icon::kSignOut, f.t("officer.logout"), ImVec2(outW, m.tapHeight),
               ButtonStyle::Secondary, f.fonts.bodyBold))
        action = intent::Logout{};
    ImGui::SetCursorPos(ImVec2(page.x0, titleY + m.tapHeight + m.gap));
    return action;
}

// In place of the other cards until the figures are read, or when they cannot be. It ends the
// page, so the page's bottom margin is inside it.
void drawLoadingCard(Frame& f, const OfficerDashboard& d, Column page)
{
    CardScope c(f.m, page);
    line(f, c, f.fonts.bodyBold, colours().textMuted,
         d.storeError ? f.t("officer.kiosk.database_error") : f.t("officer.loading"));
    if (d.storeError)
        fault(f, c, *d.storeError);
    ImGui::Dummy(ImVec2(1, f.m.margin));
}

} // namespace
} // namespace dashboard

const ContentReview& OfficerDashboardScreen::review(const Frame& f, const OfficerDashboard& d)
{
    const std::string today = formatLocalTime(d.readAtMs).substr(0, 10);
    if (today != m_review.today || &f.content != m_reviewed || &f.contacts != m_reviewedContacts ||
        d.registryMaxAgeDays != m_reviewedMaxAge) {
        m_review = reviewContent(f.content, f.contacts, today, d.registryMaxAgeDays);
        m_reviewed = &f.content;
        m_reviewedContacts = &f.contacts;
        m_reviewedMaxAge = d.registryMaxAgeDays;
    }
    return m_review;
}

Asked OfficerDashboardScreen::draw(Frame& f, const OfficerSnapshot& desk, const OfficerSession& officer)
{
    using namespace dashboard;
    const Metrics& m = f.m;
    const float availW = ImGui::GetWindowWidth();
    const float width = std::min(availW - 2 * m.margin, 1600.f * m.scale);
    const Column page{(availW - width) / 2, width};
    const OfficerDashboard& d = desk.dashboard;

    Asked action = drawTitle(f, page);
    take(action, drawExportCard(f, desk, officer, page));
    if (!d.loaded) {
        drawLoadingCard(f, d, page);
        return action;
    }
    drawRequestsCard(f, d, page);
    drawKioskCard(f, d, page);
    take(action, drawContentCard(f, desk, review(f, d), page));
    take(action, drawStatusCard(f, desk, page));
    drawUsageCard(f, d, page);
    take(action, drawSettingsCard(f, desk, page));
    drawAuditCard(f, d, page);
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

} // namespace kiosk::ui

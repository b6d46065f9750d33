// The officer dashboard's cards, and what they are drawn with: a card around content whose height
// is known only once drawn, wrapped lines, notices on a tint, and rows of figures.
#pragma once

#include "core/content.hpp"
#include "core/intent.hpp"
#include "core/officer.hpp"
#include "core/session.hpp"
#include "ui/widgets.hpp"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace kiosk::ui::dashboard {

// Each card fills the strip `page` of the content window from the cursor down and leaves the
// cursor below it. A card with buttons returns what was tapped.
Asked drawExportCard(Frame& f, const OfficerSnapshot& desk, const OfficerSession& officer, Column page);
void drawRequestsCard(Frame& f, const OfficerDashboard& d, Column page);
void drawKioskCard(Frame& f, const OfficerDashboard& d, Column page);
Asked drawContentCard(Frame& f, const OfficerSnapshot& desk, const ContentReview& review, Column page);
// The office's status pack: the one kept, the stick's, "Ambil status permintaan".
Asked drawStatusCard(Frame& f, const OfficerSnapshot& desk, Column page);
void drawUsageCard(Frame& f, const OfficerDashboard& d, Column page);
Asked drawSettingsCard(Frame& f, const OfficerSnapshot& desk, Column page);
void drawAuditCard(Frame& f, const OfficerDashboard& d, Column page);

// A number as the dashboard writes it.
[[nodiscard]] std::string count(std::int64_t n);
// Requests of all topics.
[[nodiscard]] std::int64_t sum(const std::array<std::int64_t, 4>& byTopic);
// Keeps `tapped` as the frame's answer when something was tapped.
void take(Asked& action, Asked tapped);

// A card drawn behind content of a height known only once it is drawn: the content goes on the
// upper channel, the card below it when the scope ends.
class CardScope {
public:
    CardScope(const Metrics& m, Column strip, ImU32 fill = colours().card, ImU32 accent = 0);
    ~CardScope();
    CardScope(const CardScope&) = delete;
    CardScope& operator=(const CardScope&) = delete;

    [[nodiscard]] float pad() const { return 28.f * m_m.scale; }
    [[nodiscard]] float innerLeft() const { return m_left + pad(); }
    [[nodiscard]] float innerWidth() const { return m_width - 2 * pad(); }

private:
    const Metrics& m_m;
    float m_left, m_width;
    ImU32 m_fill, m_accent;
    ImDrawList* m_dl;
    float m_top;
};

// The strip inside a card's padding.
[[nodiscard]] Column inner(const CardScope& c);

// The words below are recorded in the UI map's `texts` as they are drawn.

// One wrapped line, and `after` pixels below it.
void line(Frame& f, Column a, ImFont* font, ImU32 colour, const std::string& text, float after = 0);
void line(Frame& f, const CardScope& c, ImFont* font, ImU32 colour, const std::string& text, float after = 0);

// A message on a tinted band.
void notice(Frame& f, Column a, ImU32 text, ImU32 fill, const std::string& message);
void notice(Frame& f, const CardScope& c, ImU32 text, ImU32 fill, const std::string& message);

// The technical detail under a message (a file, a key id, an error code), each part worded in the
// officer's language, in muted lines.
[[nodiscard]] std::vector<std::string> faultWords(const Frame& f, const FaultDetail& d);
void fault(Frame& f, Column a, const FaultDetail& d);
void fault(Frame& f, const CardScope& c, const FaultDetail& d);

// A row of cells at fractions of the card's width; numbers right-aligned.
void row(Frame& f, const CardScope& c, ImFont* font, ImU32 colour, std::initializer_list<std::string> cells,
         std::initializer_list<float> widths);

} // namespace kiosk::ui::dashboard

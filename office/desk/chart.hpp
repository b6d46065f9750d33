// The desk's report chart: a month's requests per village as grouped bars, drawn as SVG on the server.
#pragma once

#include "ledger/ledger.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::office {

// An SVG (viewBox 0 0 960 420, scales to its box) of the report's lines summed per village, in the
// order the villages first appear: four bars each — received, reached, referred, done — told
// apart by colour and by pattern (readable printed in grey), each with its number above it; a
// y axis with a few round ticks; a legend; <title> and <desc> (every number in words) for screen
// readers. Every text is escaped. An empty report gives a chart that says there were none.
// `month` is "YYYY-MM" (shown as "November 2026"; anything else is shown as it is, escaped).
[[nodiscard]] std::string reportChartSvg(const std::vector<ReportLine>& lines, const std::string& month);

// "November 2026" for "2026-11"; `month` itself when it is not a month.
[[nodiscard]] std::string monthName(std::string_view month);

// Text for HTML or SVG: & < > " ' escaped (ctemplate's html escaper), control characters as U+FFFD
// (XML has no place for them), tab and line breaks as spaces.
[[nodiscard]] std::string escapedText(std::string_view text);

} // namespace kiosk::office

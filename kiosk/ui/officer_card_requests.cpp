// The officer dashboard's requests card: new and collected by topic, the oldest waiting, the last copy.
#include "ui/icons.hpp"
#include "ui/officer_cards.hpp"

#include <algorithm>
#include <iterator>

namespace kiosk::ui::dashboard {
namespace {

// "3 hari" / "5 jam" (under a day) from a span of milliseconds.
std::string age(const Frame& f, Millis span)
{
    const Millis hour = 3'600'000;
    if (span < 24 * hour)
        return withValues(f.t("officer.age.hours"), {{"{n}", count(std::max<Millis>(0, span / hour))}});
    return withValues(f.t("officer.age.days"), {{"{n}", count(span / (24 * hour))}});
}

} // namespace

void drawRequestsCard(Frame& f, const OfficerDashboard& d, Column page)
{
    const float s = f.m.scale;
    CardScope c(f.m, page);
    line(f, c, f.fonts.tile, colours().frame,
         std::string(icon::kComments) + "  " + f.t("officer.requests.title"), 12.f * s);
    const std::initializer_list<float> widths{0.5f, 0.25f, 0.25f};
    row(f, c, f.fonts.bodyBold, colours().textMuted,
        {f.t("officer.requests.topic"), f.t("officer.requests.new"), f.t("officer.requests.collected")},
        widths);
    for (std::size_t i = 0; i < std::size(kAllRequestTopics); ++i)
        row(f, c, f.fonts.body, colours().text,
            {f.t("form.topic." + std::string(requestTopicId(kAllRequestTopics[i]))), count(d.fresh[i]),
             count(d.collected[i])},
            widths);
    const std::int64_t freshAll = sum(d.fresh), collectedAll = sum(d.collected);
    row(f, c, f.fonts.bodyBold, colours().text,
        {f.t("officer.requests.total"), count(freshAll), count(collectedAll)}, widths);
    f.map.values["requests_new"] = count(freshAll);
    f.map.values["requests_collected"] = count(collectedAll);
    ImGui::Dummy(ImVec2(1, 8.f * s));
    if (d.oldestFreshMs)
        line(f, c, f.fonts.body, colours().text,
             withValues(f.t("officer.requests.oldest"), {{"{age}", age(f, d.readAtMs - *d.oldestFreshMs)}}),
             6.f * s);
    if (!d.batches.empty()) {
        const OfficerDashboard::Batch& b = d.batches.front();
        line(f, c, f.fonts.body, colours().text,
             withValues(
                 f.t("officer.requests.last"),
                 {{"{time}", formatLocalTime(b.createdMs)}, {"{n}", count(b.count)}, {"{stick}", b.stick}}));
    } else {
        line(f, c, f.fonts.body, colours().textMuted, f.t("officer.requests.never"));
    }
}

} // namespace kiosk::ui::dashboard

// The officer dashboard's content card: the pack shown, the one the stick offers, update and rollback,
// and the shipped numbers whose sources are old enough to check again.
#include "ui/icons.hpp"
#include "ui/officer_cards.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui::dashboard {
namespace {

// How the last update or rollback went.
void drawUpdateOutcome(Frame& f, const ContentUpdate& cu, const CardScope& c)
{
    const float s = f.m.scale;
    switch (cu.phase) {
    case ContentUpdate::Phase::Running:
        line(f, c, f.fonts.bodyBold, colours().text,
             withValues(f.t("officer.content.running"), {{"{n}", count(std::lround(cu.progress * 100))}}),
             8.f * s);
        f.map.values["content_update"] = "running";
        break;
    case ContentUpdate::Phase::Done:
        notice(f, c, colours().done, colours().doneBg,
               f.t(cu.rollback ? "officer.content.rolled_back" : "officer.content.done"));
        f.map.values["content_update"] = "done";
        break;
    case ContentUpdate::Phase::Refused:
        notice(f, c, colours().attention, colours().attentionBg,
               f.t("officer.content.refused." + cu.refusal));
        fault(f, c, cu.detail);
        f.map.values["content_update"] = "refused";
        f.map.values["content_refusal"] = cu.refusal;
        break;
    case ContentUpdate::Phase::Idle: break;
    }
}

// Update from the stick, and back to the previous pack: while neither is under way or just done.
Asked drawPackButtons(Frame& f, const OfficerSnapshot& desk, const CardScope& c)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const ContentUpdate& cu = desk.content;
    Asked action;
    const bool busy = cu.phase == ContentUpdate::Phase::Running || cu.phase == ContentUpdate::Phase::Done;
    const float buttonW = std::min(c.innerWidth(), 700.f * s);
    if (!busy && cu.trusted && desk.target.ready()) {
        ImGui::SetCursorPosX(c.innerLeft());
        if (button(f, "officer.content.update", icon::kUsb, f.t("officer.content.update"),
                   ImVec2(buttonW, m.tapHeight), ButtonStyle::Primary, f.fonts.bodyBold))
            action = intent::ChangeContent{ContentChange::Update};
        ImGui::Dummy(ImVec2(1, 12.f * s));
    }
    if (!busy && !cu.previousId.empty()) {
        ImGui::SetCursorPosX(c.innerLeft());
        if (button(f, "officer.content.rollback", icon::kHistory, f.t("officer.content.rollback"),
                   ImVec2(buttonW, m.tapHeight), ButtonStyle::Secondary, f.fonts.bodyBold))
            action = intent::ChangeContent{ContentChange::Rollback};
        ImGui::Dummy(ImVec2(1, 12.f * s));
    }
    return action;
}

// Shipped numbers whose sources are more than two years old, and how the office replaces each.
void drawRecheck(Frame& f, const OfficerSnapshot& desk, const CardScope& c)
{
    const float s = f.m.scale;
    const std::string today = formatLocalTime(desk.dashboard.readAtMs);
    const auto old = numbersToRecheck(f.content, f.contacts, today);
    f.map.values["recheck_count"] = std::to_string(old.size());
    if (old.empty())
        return;
    ImGui::Dummy(ImVec2(1, 6.f * s));
    line(f, c, f.fonts.bodyBold, colours().attention,
         std::string(icon::kHistory) + "  " + f.t("officer.content.recheck.title"), 4.f * s);
    line(f, c, f.fonts.body, colours().text, f.t("officer.content.recheck.intro"), 6.f * s);
    for (std::size_t i = 0; i < old.size(); ++i) {
        const NumberToRecheck& n = old[i];
        const std::string item = withValues(f.t("officer.content.recheck.item"),
                                            {{"{page}", n.pageTitle},
                                             {"{name}", n.name},
                                             {"{number}", n.number},
                                             {"{date}", formatSourceDate(n.sourceDate, f.lang)}});
        line(f, c, f.fonts.bodyBold, colours().text, item, 2.f * s);
        line(f, c, f.fonts.body, colours().textMuted,
             n.local.empty() ? f.t("officer.content.recheck.shipped")
                             : withValues(f.t("officer.content.recheck.local"), {{"{key}", n.local}}),
             8.f * s);
        f.map.values["recheck." + std::to_string(i)] = n.page + " " + n.number;
    }
}

} // namespace

Asked drawContentCard(Frame& f, const OfficerSnapshot& desk, Column page)
{
    const float s = f.m.scale;
    const ContentUpdate& cu = desk.content;
    CardScope c(f.m, page, colours().card,
                cu.phase == ContentUpdate::Phase::Refused || !cu.trusted ? colours().attention : 0);
    line(f, c, f.fonts.tile, colours().frame, std::string(icon::kBook) + "  " + f.t("officer.content.title"),
         12.f * s);
    const auto pack = [&](const char* key, const std::string& id, const std::string& date) {
        return withValues(f.t(key), {{"{id}", id}, {"{date}", date}});
    };
    line(f, c, f.fonts.bodyBold, colours().text,
         cu.currentId.empty() ? f.t("officer.content.shipped")
                              : pack("officer.content.current", cu.currentId, cu.currentCreated),
         6.f * s);
    if (!cu.previousId.empty())
        line(f, c, f.fonts.body, colours().textMuted,
             pack("officer.content.previous", cu.previousId, cu.previousCreated), 6.f * s);
    if (!cu.trusted)
        notice(f, c, colours().attention, colours().attentionBg, f.t("officer.content.no_key"));
    else if (desk.target.ready())
        line(f, c, f.fonts.body, colours().text,
             cu.stickId.empty() ? f.t("officer.content.stick_none")
                                : pack("officer.content.stick", cu.stickId, cu.stickCreated),
             6.f * s);
    f.map.values["content_pack"] = cu.currentId;
    f.map.values["content_stick"] = cu.stickId;
    drawUpdateOutcome(f, cu, c);
    const Asked action = drawPackButtons(f, desk, c);
    drawRecheck(f, desk, c);
    return action;
}

} // namespace kiosk::ui::dashboard

// The officer dashboard's content card: the pack shown, the one the stick offers, update and rollback,
// the list of placement companies residents search (and whether it is too old), and the shipped
// numbers whose sources are old enough to check again.
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

// The list of placement companies residents search: how many, from when and where; a warning once it
// is older than the office allows. Without companies, that residents are told there is no list, and
// how the office sends one. In the UI map's areas as officer.content.registry.
void drawRegistry(Frame& f, const ContentReview& review, const CardScope& c)
{
    const float s = f.m.scale;
    const Registry& r = f.content.registry;
    ImGui::Dummy(ImVec2(1, 6.f * s));
    const float top = ImGui::GetCursorScreenPos().y;
    const std::string title = f.t("officer.content.registry.title");
    line(f, c, f.fonts.bodyBold, colours().frame, std::string(icon::kBuilding) + "  " + title, 4.f * s);
    f.map.values["registry_companies"] = std::to_string(r.companies.size());
    f.map.values["registry_taken"] = r.companies.empty() ? "" : r.info.taken;
    f.map.values["registry_age_days"] = review.registryAgeDays ? std::to_string(*review.registryAgeDays) : "";
    f.map.values["registry_old"] = review.registryOld ? "yes" : "no";
    if (r.companies.empty()) {
        line(f, c, f.fonts.body, colours().text, f.t("officer.content.registry.none"), 4.f * s);
        line(f, c, f.fonts.body, colours().textMuted, f.t("officer.content.registry.how"), 8.f * s);
    } else {
        const std::string date = formatSourceDate(r.info.taken, f.lang);
        line(f, c, f.fonts.body, colours().text,
             withValues(f.t("officer.content.registry.count"),
                        {{"{n}", count(static_cast<std::int64_t>(r.companies.size()))}, {"{date}", date}}),
             2.f * s);
        line(f, c, f.fonts.body, colours().textMuted,
             withValues(f.t("officer.content.registry.source"), {{"{source}", r.info.source}}),
             r.info.note.empty() ? 8.f * s : 2.f * s);
        if (!r.info.note.empty())
            line(f, c, f.fonts.body, colours().textMuted, r.info.note, 8.f * s);
        if (review.registryOld)
            notice(f, c, colours().attention, colours().attentionBg,
                   withValues(f.t("officer.content.registry.old"),
                              {{"{n}", count(*review.registryAgeDays)}, {"{date}", date}}));
    }
    const float left = ImGui::GetWindowPos().x + c.innerLeft();
    f.map.areas.push_back({"officer.content.registry",
                           title,
                           left,
                           top,
                           c.innerWidth(),
                           ImGui::GetCursorScreenPos().y - top,
                           false,
                           false,
                           {}});
}

// Shipped numbers whose sources are more than two years old, and how the office replaces each.
void drawRecheck(Frame& f, const ContentReview& review, const CardScope& c)
{
    const float s = f.m.scale;
    const std::vector<NumberToRecheck>& old = review.recheck;
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

Asked drawContentCard(Frame& f, const OfficerSnapshot& desk, const ContentReview& review, Column page)
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
    drawRegistry(f, review, c);
    drawRecheck(f, review, c);
    return action;
}

} // namespace kiosk::ui::dashboard

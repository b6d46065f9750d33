// The officer dashboard's status card: the office's news on this kiosk's requests that residents
// look up ("Cek permintaan saya"), whether the stick brings newer news, and taking it.
#include "core/dates.hpp"
#include "ui/icons.hpp"
#include "ui/officer_cards.hpp"

#include <algorithm>

namespace kiosk::ui::dashboard {
namespace {

// "{n} status, dari kantor 2 Desember 2026" for a book.
std::string bookLine(Frame& f, const char* key, const StatusBook& book)
{
    return withValues(f.t(key), {{"{n}", count(static_cast<std::int64_t>(book.entries.size()))},
                                 {"{date}", formatDate(book.created.substr(0, 10), f.lang)}});
}

} // namespace

Asked drawStatusCard(Frame& f, const OfficerSnapshot& desk, Column page)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const StatusUpdate& st = desk.status;
    CardScope c(m, page, colours().card,
                st.phase == StatusUpdate::Phase::Refused || !st.trusted ? colours().attention : 0);
    line(f, c, f.fonts.tile, colours().frame,
         std::string(icon::kCalendarCheck) + "  " + f.t("officer.status.title"), 12.f * s);
    line(f, c, f.fonts.body, colours().textMuted, f.t("officer.status.intro"), 6.f * s);
    line(f, c, f.fonts.bodyBold, colours().text,
         st.book ? bookLine(f, "officer.status.kept", *st.book) : f.t("officer.status.none"), 6.f * s);
    f.map.values["status_count"] = st.book ? std::to_string(st.book->entries.size()) : "";
    f.map.values["status_created"] = st.book ? st.book->created : "";
    f.map.values["status_stick"] = st.onStick ? "yes" : "no";
    if (!st.trusted)
        notice(f, c, colours().attention, colours().attentionBg, f.t("officer.status.no_key"));
    else if (desk.target.ready())
        line(f, c, f.fonts.body, colours().text,
             st.onStick ? f.t("officer.status.stick") : f.t("officer.status.stick_none"), 6.f * s);

    switch (st.phase) {
    case StatusUpdate::Phase::Running:
        line(f, c, f.fonts.bodyBold, colours().text, f.t("officer.status.running"), 8.f * s);
        f.map.values["status_update"] = "running";
        break;
    case StatusUpdate::Phase::Done:
        if (st.book)
            notice(f, c, colours().done, colours().doneBg, bookLine(f, "officer.status.done", *st.book));
        f.map.values["status_update"] = "done";
        break;
    case StatusUpdate::Phase::Refused:
        notice(f, c, colours().attention, colours().attentionBg, f.t("officer.status.refused." + st.refusal));
        fault(f, c, st.detail);
        f.map.values["status_update"] = "refused";
        f.map.values["status_refusal"] = st.refusal;
        break;
    case StatusUpdate::Phase::Idle: break;
    }

    Asked action;
    if (st.phase != StatusUpdate::Phase::Running && st.trusted && desk.target.ready()) {
        ImGui::SetCursorPosX(c.innerLeft());
        if (button(f, "officer.status.take", icon::kUsb, f.t("officer.status.take"),
                   ImVec2(std::min(c.innerWidth(), 700.f * s), m.tapHeight), ButtonStyle::Primary,
                   f.fonts.bodyBold))
            action = intent::TakeStatusPack{};
        ImGui::Dummy(ImVec2(1, 12.f * s));
    }
    return action;
}

} // namespace kiosk::ui::dashboard

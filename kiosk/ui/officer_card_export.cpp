// The officer dashboard's first card: copying requests onto a stick, and again from an earlier batch.
#include "ui/icons.hpp"
#include "ui/officer_cards.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui::dashboard {
namespace {

constexpr std::size_t kBatchesShown = 5;

// What the card may offer now.
struct Offer {
    bool keyFailed = false;  // an office key was configured but cannot be read: nothing is copied
    bool plainOff = false;   // no office key, and copies without encryption are not allowed here
    bool confirming = false; // a copy without encryption waits for the officer's yes or no
    bool canCopy = false;    // a copy may start: none running, somewhere to copy to, allowed
};

Offer offerOf(const OfficerSnapshot& desk, const OfficerSession& officer)
{
    const OfficerDashboard& d = desk.dashboard;
    Offer o;
    o.keyFailed = !d.keyProblem.empty();
    o.plainOff = d.loaded && !d.encrypted && !o.keyFailed && !d.plainAllowed;
    o.confirming = officer.plainExport.has_value();
    o.canCopy = desk.exporting.phase != ExportState::Phase::Running && desk.target.ready() && d.loaded &&
                !o.keyFailed && !o.plainOff && !o.confirming;
    return o;
}

// How many requests a copy asked for would write.
std::int64_t requestsIn(const OfficerDashboard& d, const ExportAsk& ask)
{
    if (ask.again) {
        const auto it =
            std::find_if(d.batches.begin(), d.batches.end(),
                         [&](const OfficerDashboard::Batch& b) { return b.id == ask.again->value; });
        return it != d.batches.end() ? it->count : 0;
    }
    return sum(d.fresh) + (ask.scope == ExportScope::All ? sum(d.collected) : 0);
}

std::string stickLine(const Frame& f, const Stick& stick)
{
    return withValues(f.t("officer.usb.stick"),
                      {{"{label}", stick.label}, {"{free}", formatBytes(stick.freeBytes)}});
}

// Where the copy goes, and whether it will be sealed for the office.
void drawDestination(Frame& f, const OfficerSnapshot& desk, const Offer& offer, Column words)
{
    const float s = f.m.scale;
    const OfficerDashboard& d = desk.dashboard;
    std::string where;
    if (desk.target.plainFolder)
        where = withValues(f.t("officer.usb.folder"), {{"{path}", desk.target.folder}});
    else if (!desk.target.sticks.empty())
        where = stickLine(f, desk.target.sticks.front());
    else
        where = f.t("officer.usb.none");
    line(f, words, f.fonts.bodyBold, colours().text, where, 6.f * s);
    f.map.values["usb"] = where;
    if (!desk.target.sticks.empty() && desk.target.sticks.front().readOnly)
        line(f, words, f.fonts.body, colours().attention, f.t("officer.usb.readonly"), 6.f * s);
    if (offer.keyFailed)
        notice(f, words, colours().attention, colours().attentionBg, f.t("officer.key.bad"));
    else if (d.encrypted)
        line(f, words, f.fonts.body, colours().done, std::string(icon::kKey) + "  " + f.t("officer.key.ok"),
             6.f * s);
    else if (d.loaded)
        notice(f, words, colours().attention, colours().attentionBg,
               f.t(offer.plainOff ? "officer.key.missing_off" : "officer.key.missing"));
    ImGui::Dummy(ImVec2(1, 6.f * s));
}

// A copy under way: how far, in words and as a bar.
void drawProgress(Frame& f, const ExportState& ex, Column words)
{
    const float s = f.m.scale;
    const std::string text =
        withValues(f.t("officer.export.running"), {{"{n}", count(std::lround(ex.progress * 100))}});
    line(f, words, f.fonts.bodyBold, colours().text, text, 8.f * s);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p(ImGui::GetWindowPos().x + words.x0, ImGui::GetCursorScreenPos().y);
    const float h = 28.f * s;
    const float done = words.width * static_cast<float>(std::clamp(ex.progress, 0.0, 1.0));
    dl->AddRectFilled(p, ImVec2(p.x + words.width, p.y + h), colours().keyboard, h / 2);
    dl->AddRectFilled(p, ImVec2(p.x + done, p.y + h), colours().frame, h / 2);
    ImGui::Dummy(ImVec2(1, h + 12.f * s));
}

// How the last tap ended, where the eye is, above the buttons.
void drawOutcome(Frame& f, const OfficerSnapshot& desk, Column words)
{
    const ExportState& ex = desk.exporting;
    switch (ex.phase) {
    case ExportState::Phase::Running:
        drawProgress(f, ex, words);
        f.map.values["export"] = "running";
        break;
    case ExportState::Phase::Done:
        notice(f, words, colours().done, colours().doneBg,
               withValues(f.t(ex.again ? "officer.export.done_again" : "officer.export.done"),
                          {{"{n}", count(ex.count)}, {"{stick}", ex.stick}}));
        f.map.values["export"] = "done";
        f.map.values["export_folder"] = ex.folder;
        break;
    case ExportState::Phase::Nothing:
        // Copying an earlier batch again finds nothing once retention has deleted its requests.
        notice(f, words, colours().text, colours().tipBg,
               ex.again ? withValues(f.t("officer.export.again_gone"),
                                     {{"{days}", count(desk.dashboard.retentionDays)}})
                        : f.t("officer.export.nothing"));
        f.map.values["export"] = ex.again ? "again-gone" : "nothing";
        break;
    case ExportState::Phase::Failed:
        notice(f, words, colours().attention, colours().attentionBg, f.t(ex.message));
        fault(f, words, ex.detail);
        f.map.values["export"] = "failed";
        f.map.values["export_message"] = ex.message;
        break;
    case ExportState::Phase::Idle: break;
    }
}

// A copy without encryption asked for: what it means, then Cancel (the safe way, filled) and the
// clearly-worded yes below it, where a second tap on the first button's place cannot reach it.
Asked drawPlainConfirm(Frame& f, const OfficerSnapshot& desk, const ExportAsk& ask, Column buttons)
{
    const Metrics& m = f.m;
    Asked action;
    notice(
        f, buttons, colours().attention, colours().attentionBg,
        withValues(f.t("officer.export.plain_confirm"), {{"{n}", count(requestsIn(desk.dashboard, ask))}}));
    f.map.values["export_confirm"] = "plain";
    ImGui::SetCursorPosX(buttons.x0);
    if (button(f, "officer.export.plain.cancel", icon::kArrowLeft, f.t("officer.export.plain_cancel"),
               ImVec2(buttons.width, m.tapHeight), ButtonStyle::Primary, f.fonts.bodyBold))
        action = intent::CancelPlainExport{};
    ImGui::Dummy(ImVec2(1, 12.f * m.scale));
    ImGui::SetCursorPosX(buttons.x0);
    if (button(f, "officer.export.plain.confirm", icon::kWarning, f.t("officer.export.plain_yes"),
               ImVec2(buttons.width, m.tapHeight), ButtonStyle::Secondary, f.fonts.bodyBold))
        action = intent::ConfirmPlainExport{};
    ImGui::Dummy(ImVec2(1, 12.f * m.scale));
    return action;
}

// Copy the new requests, or every request on the kiosk: when a copy can start. In their place, the
// question a copy without encryption asks, or why no copy can be made here.
Asked drawCopyButtons(Frame& f, const OfficerSnapshot& desk, const OfficerSession& officer,
                      const Offer& offer, Column buttons)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const OfficerDashboard& d = desk.dashboard;
    if (offer.confirming)
        return drawPlainConfirm(f, desk, *officer.plainExport, buttons);
    if (offer.plainOff) {
        notice(f, buttons, colours().attention, colours().attentionBg, f.t("officer.export.plain_off"));
        f.map.values["export_blocked"] = "plain-off";
        return {};
    }
    Asked action;
    if (!offer.canCopy)
        return action;
    const std::int64_t fresh = sum(d.fresh);
    ImGui::SetCursorPosX(buttons.x0);
    const std::string label = f.t("officer.export.new") + "\n" +
                              withValues(f.t("officer.export.new_count"), {{"{n}", count(fresh)}});
    if (button(f, "officer.export.new", nullptr, std::string(icon::kUsb) + "  " + label,
               ImVec2(buttons.width, m.tapHeight * 1.3f), ButtonStyle::Primary))
        action = intent::ExportBatches{ExportScope::New, std::nullopt};
    ImGui::Dummy(ImVec2(1, 12.f * s));
    ImGui::SetCursorPosX(buttons.x0);
    if (button(f, "officer.export.all", icon::kCopy,
               withValues(f.t("officer.export.all"), {{"{n}", count(fresh + sum(d.collected))}}),
               ImVec2(buttons.width, m.tapHeight), ButtonStyle::Secondary, f.fonts.bodyBold))
        action = intent::ExportBatches{ExportScope::All, std::nullopt};
    ImGui::Dummy(ImVec2(1, 12.f * s));
    return action;
}

// Earlier batches, to copy again when a stick was lost: each with its Again button `againW` wide.
Asked drawEarlierBatches(Frame& f, const OfficerSnapshot& desk, const Offer& offer, const CardScope& c,
                         float againW)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const OfficerDashboard& d = desk.dashboard;
    Asked action;
    if (d.batches.empty())
        return action;
    f.map.values["last_batch"] = d.batches.front().id;
    line(f, c, f.fonts.bodyBold, colours().text,
         std::string(icon::kHistory) + "  " + f.t("officer.export.earlier"), 8.f * s);
    for (std::size_t i = 0; i < std::min(d.batches.size(), kBatchesShown); ++i) {
        const OfficerDashboard::Batch& b = d.batches[i];
        const float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(c.innerLeft(), y + (m.tapHeight - f.fonts.body->FontSize * 2.4f) / 2));
        std::string text =
            formatLocalTime(b.createdMs) + "\n" +
            withValues(f.t("officer.export.batch"), {{"{n}", count(b.count)}, {"{stick}", b.stick}});
        f.map.texts.push_back(text);
        wrappedText(f.fonts.body, colours().text, text, c.innerWidth() - againW - m.gap);
        ImGui::SetCursorPos(ImVec2(c.innerLeft() + c.innerWidth() - againW, y));
        if (offer.canCopy && button(f, "officer.again." + b.id, icon::kRefresh, f.t("officer.export.again"),
                                    ImVec2(againW, m.tapHeight), ButtonStyle::Secondary, f.fonts.bodyBold))
            action = intent::ExportBatches{ExportScope::New, BatchId{b.id}};
        ImGui::SetCursorPosY(y + m.tapHeight + 10.f * s);
    }
    return action;
}

} // namespace

// What and where on one side, the buttons on the other (stacked when narrow); earlier batches below.
Asked drawExportCard(Frame& f, const OfficerSnapshot& desk, const OfficerSession& officer, Column page)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const OfficerDashboard& d = desk.dashboard;
    const Offer offer = offerOf(desk, officer);
    const ImU32 accent =
        offer.keyFailed || (!d.encrypted && d.loaded) ? colours().attention : colours().frame;
    CardScope c(m, page, colours().card, accent);
    line(f, c, f.fonts.tile, colours().frame, std::string(icon::kUsb) + "  " + f.t("officer.export.title"),
         12.f * s);
    const bool beside = c.innerWidth() >= 1000.f * s;
    const float buttonsW =
        beside ? std::min(560.f * s, c.innerWidth() * 0.42f) : std::min(c.innerWidth(), 700.f * s);
    const Column words = beside ? Column{c.innerLeft(), c.innerWidth() - buttonsW - m.gap} : inner(c);
    const Column buttons = beside ? Column{c.innerLeft() + c.innerWidth() - buttonsW, buttonsW}
                                  : Column{c.innerLeft(), buttonsW};
    const float top = ImGui::GetCursorPosY();
    drawDestination(f, desk, offer, words);
    drawOutcome(f, desk, words);
    const float wordsBottom = ImGui::GetCursorPosY();
    if (beside)
        ImGui::SetCursorPosY(top);
    Asked action = drawCopyButtons(f, desk, officer, offer, buttons);
    ImGui::SetCursorPosY(std::max(wordsBottom, ImGui::GetCursorPosY()));
    const float againW = beside ? buttonsW : std::min(320.f * s, c.innerWidth() * 0.4f);
    take(action, drawEarlierBatches(f, desk, offer, c, againW));
    return action;
}

} // namespace kiosk::ui::dashboard

// Officer mode once in: the dashboard, with its one button that copies requests to a stick.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace kiosk::ui {
namespace {

constexpr std::size_t kBatchesShown = 5;

std::string count(std::int64_t n)
{
    return std::to_string(n);
}

std::int64_t sum(const std::array<std::int64_t, 4>& byTopic)
{
    std::int64_t n = 0;
    for (const std::int64_t v : byTopic)
        n += v;
    return n;
}

// "3 hari" / "5 jam" (under a day) from a span of milliseconds.
std::string age(const Frame& f, Millis span)
{
    const Millis hour = 3'600'000;
    if (span < 24 * hour)
        return withValues(f.t("officer.age.hours"), {{"{n}", count(std::max<Millis>(0, span / hour))}});
    return withValues(f.t("officer.age.days"), {{"{n}", count(span / (24 * hour))}});
}

// A card drawn behind content of a height known only once it is drawn: the content goes on the
// upper channel, the card below it when it ends.
class CardScope {
public:
    CardScope(const Metrics& m, float left, float width, ImU32 fill = colours().card, ImU32 accent = 0)
        : m_m(m), m_left(left), m_width(width), m_fill(fill), m_accent(accent)
    {
        m_dl = ImGui::GetWindowDrawList();
        m_top = ImGui::GetCursorPosY();
        m_dl->ChannelsSplit(2);
        m_dl->ChannelsSetCurrent(1);
        ImGui::SetCursorPosY(m_top + pad());
    }
    ~CardScope()
    {
        const float bottom = ImGui::GetCursorPosY() + pad() - m_m.gap * 0.5f;
        m_dl->ChannelsSetCurrent(0);
        const ImVec2 origin(ImGui::GetWindowPos().x, ImGui::GetWindowPos().y - ImGui::GetScrollY());
        card(m_dl, ImVec2(origin.x + m_left, origin.y + m_top), ImVec2(origin.x + m_left + m_width, origin.y + bottom),
             m_m, m_fill, colours().cardBorder, m_accent);
        m_dl->ChannelsMerge();
        ImGui::SetCursorPosY(bottom);
        ImGui::Dummy(ImVec2(1, m_m.gap));
    }
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

// A strip of the content window: from `left` (window x), `width` wide.
struct Area {
    float left, width;
};

Area inner(const CardScope& c)
{
    return {c.innerLeft(), c.innerWidth()};
}

// One wrapped line.
void line(Area a, ImFont* font, ImU32 colour, const std::string& text, float after = 0)
{
    ImGui::SetCursorPosX(a.left);
    wrappedText(font, colour, text, a.width);
    if (after > 0)
        ImGui::Dummy(ImVec2(1, after));
}
void line(const CardScope& c, ImFont* font, ImU32 colour, const std::string& text, float after = 0)
{
    line(inner(c), font, colour, text, after);
}

// A message on a tinted band.
void notice(const Frame& f, Area a, ImU32 text, ImU32 fill, const std::string& message)
{
    const Metrics& m = f.m;
    const float pad = 16.f * m.scale;
    const float h = wrappedHeight(f.fonts.bodyBold, message, a.width - 2 * pad) + 2 * pad;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 min(ImGui::GetWindowPos().x + a.left, p.y);
    const ImVec2 max(min.x + a.width, p.y + h);
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, fill, m.rounding);
    ImGui::SetCursorPos(ImVec2(a.left + pad, ImGui::GetCursorPosY() + pad));
    wrappedText(f.fonts.bodyBold, text, message, a.width - 2 * pad);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + pad);
    ImGui::Dummy(ImVec2(1, 12.f * m.scale));
}
void notice(const Frame& f, const CardScope& c, ImU32 text, ImU32 fill, const std::string& message)
{
    notice(f, inner(c), text, fill, message);
}

// A row of cells at fractions of the card's width; numbers right-aligned.
void row(const CardScope& c, ImFont* font, ImU32 colour, std::initializer_list<std::string> cells,
         std::initializer_list<float> widths)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float x = ImGui::GetWindowPos().x + c.innerLeft();
    auto w = widths.begin();
    bool first = true;
    for (const std::string& cell : cells) {
        const float cw = c.innerWidth() * *w++;
        const float tw = textWidth(font, cell);
        const float tx = first ? x : x + cw - tw;
        const ImVec4 clip(x, origin.y, x + cw, origin.y + font->FontSize * 1.4f);
        dl->AddText(font, font->FontSize, ImVec2(tx, origin.y), colour, cell.c_str(), nullptr, 0, &clip);
        x += cw;
        first = false;
    }
    ImGui::Dummy(ImVec2(1, font->FontSize * 1.35f));
}

// A setting changed in steps: its name and value on the left, − and + on the right (below when
// narrow). Ids officer.setting.<name>.minus / .plus.
Action stepper(Frame& f, const CardScope& c, const std::string& name, const char* ic, const std::string& label,
               const std::string& value)
{
    const Metrics& m = f.m;
    Action action;
    const float bw = m.tapHeight * 1.2f;
    const float buttonsW = 2 * bw + m.gap;
    const std::string text = std::string(ic) + "  " + label + ": " + value;
    const bool beside = textWidth(f.fonts.bodyBold, text) + m.gap + buttonsW <= c.innerWidth();
    const float top = ImGui::GetCursorPosY();
    const float textW = beside ? c.innerWidth() - buttonsW - m.gap : c.innerWidth();
    const float textH = wrappedHeight(f.fonts.bodyBold, text, textW);
    ImGui::SetCursorPos(ImVec2(c.innerLeft(), beside ? top + (m.tapHeight - textH) / 2 : top));
    wrappedText(f.fonts.bodyBold, colours().text, text, textW);
    const float by = beside ? top : ImGui::GetCursorPosY() + 6.f * m.scale;
    const float bx = beside ? c.innerLeft() + c.innerWidth() - buttonsW : c.innerLeft();
    ImGui::SetCursorPos(ImVec2(bx, by));
    if (button(f, "officer.setting." + name + ".minus", icon::kMinus, "", ImVec2(bw, m.tapHeight),
               ButtonStyle::Secondary))
        action = Action::officer(Action::Kind::OfficerSetting, name, "-");
    ImGui::SetCursorPos(ImVec2(bx + bw + m.gap, by));
    if (button(f, "officer.setting." + name + ".plus", icon::kPlus, "", ImVec2(bw, m.tapHeight),
               ButtonStyle::Secondary))
        action = Action::officer(Action::Kind::OfficerSetting, name, "+");
    ImGui::SetCursorPos(ImVec2(c.innerLeft(), by + m.tapHeight + m.gap));
    return action;
}

// A setting with a few choices: its name, then a button per choice, the current one filled and
// ticked. Ids officer.setting.<name>.<choice>.
Action choices(Frame& f, const CardScope& c, const std::string& name, const char* ic, const std::string& label,
               const std::vector<std::pair<std::string, std::string>>& options, const std::string& current)
{
    const Metrics& m = f.m;
    Action action;
    line(c, f.fonts.bodyBold, colours().text, std::string(ic) + "  " + label, 6.f * m.scale);
    const auto n = static_cast<float>(options.size());
    // One row when every choice's words fit; otherwise one under another.
    float widest = 0;
    for (const auto& [id, words] : options)
        widest = std::max(widest, textWidth(f.fonts.tile, std::string(icon::kCheck) + "  " + words) + 40.f * m.scale);
    const bool oneRow = widest * n + m.gap * (n - 1) <= c.innerWidth();
    const float w = oneRow ? (c.innerWidth() - m.gap * (n - 1)) / n : c.innerWidth();
    const float top = ImGui::GetCursorPosY();
    for (std::size_t i = 0; i < options.size(); ++i) {
        const auto& [id, words] = options[i];
        const float fi = static_cast<float>(i);
        ImGui::SetCursorPos(oneRow ? ImVec2(c.innerLeft() + fi * (w + m.gap), top)
                                   : ImVec2(c.innerLeft(), top + fi * (m.tapHeight + m.gap)));
        const bool chosen = id == current;
        if (button(f, "officer.setting." + name + "." + id, chosen ? icon::kCheck : nullptr, words,
                   ImVec2(w, m.tapHeight), chosen ? ButtonStyle::Primary : ButtonStyle::Secondary))
            action = Action::officer(Action::Kind::OfficerSetting, name, id);
    }
    const float rows = oneRow ? 1.f : n;
    ImGui::SetCursorPos(ImVec2(c.innerLeft(), top + rows * (m.tapHeight + m.gap)));
    return action;
}

std::string stickLine(const Frame& f, const Stick& stick)
{
    return withValues(f.t("officer.usb.stick"), {{"{label}", stick.label}, {"{free}", formatBytes(stick.freeBytes)}});
}

} // namespace

Action OfficerDashboardScreen::draw(Frame& f, const OfficerSnapshot& desk)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    Action action;
    const float availW = ImGui::GetWindowWidth();
    const float width = std::min(availW - 2 * m.margin, 1600.f * s);
    const float left = (availW - width) / 2;
    const OfficerDashboard& d = desk.dashboard;
    const ExportState& ex = desk.exporting;

    // Title and the way out.
    const float outW = std::min(360.f * s, width / 3);
    const float titleY = m.margin * 0.75f;
    ImGui::SetCursorPos(ImVec2(left, titleY + (m.tapHeight - f.fonts.heading->FontSize) / 2));
    wrappedText(f.fonts.heading, colours().frame, std::string(icon::kLock) + "  " + f.t("officer.title"),
                width - outW - m.gap);
    ImGui::SetCursorPos(ImVec2(left + width - outW, titleY));
    if (button(f, "officer.logout", icon::kSignOut, f.t("officer.logout"), ImVec2(outW, m.tapHeight),
               ButtonStyle::Secondary, f.fonts.bodyBold))
        action = Action::officer(Action::Kind::OfficerLogout);
    ImGui::SetCursorPos(ImVec2(left, titleY + m.tapHeight + m.gap));

    // Copying to a stick: what and where on one side, the buttons on the other (stacked when narrow).
    {
        const bool keyFailed = !d.keyProblem.empty();
        const ImU32 accent = keyFailed || (!d.encrypted && d.loaded) ? colours().attention : colours().frame;
        CardScope c(m, left, width, colours().card, accent);
        line(c, f.fonts.tile, colours().frame, std::string(icon::kUsb) + "  " + f.t("officer.export.title"), 12.f * s);
        const bool beside = c.innerWidth() >= 1000.f * s;
        const float buttonsW = beside ? std::min(560.f * s, c.innerWidth() * 0.42f) : std::min(c.innerWidth(), 700.f * s);
        const Area words = beside ? Area{c.innerLeft(), c.innerWidth() - buttonsW - m.gap} : inner(c);
        const Area buttons = beside ? Area{c.innerLeft() + c.innerWidth() - buttonsW, buttonsW}
                                    : Area{c.innerLeft(), buttonsW};
        const float top = ImGui::GetCursorPosY();

        std::string where;
        if (desk.target.plainFolder)
            where = withValues(f.t("officer.usb.folder"), {{"{path}", desk.target.folder}});
        else if (!desk.target.sticks.empty())
            where = stickLine(f, desk.target.sticks.front());
        else
            where = f.t("officer.usb.none");
        line(words, f.fonts.bodyBold, colours().text, where, 6.f * s);
        f.map.values["usb"] = where;
        if (!desk.target.sticks.empty() && desk.target.sticks.front().readOnly)
            line(words, f.fonts.body, colours().attention, f.t("officer.usb.readonly"), 6.f * s);
        if (keyFailed)
            notice(f, words, colours().attention, colours().attentionBg, f.t("officer.key.bad"));
        else if (d.encrypted)
            line(words, f.fonts.body, colours().done, std::string(icon::kKey) + "  " + f.t("officer.key.ok"), 6.f * s);
        else if (d.loaded)
            notice(f, words, colours().attention, colours().attentionBg, f.t("officer.key.missing"));
        ImGui::Dummy(ImVec2(1, 6.f * s));

        // How the last tap ended, where the eye is, above the buttons.
        switch (ex.phase) {
        case ExportState::Phase::Running: {
            const std::string text =
                withValues(f.t("officer.export.running"), {{"{n}", count(std::lround(ex.progress * 100))}});
            line(words, f.fonts.bodyBold, colours().text, text, 8.f * s);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const ImVec2 p(ImGui::GetWindowPos().x + words.left, ImGui::GetCursorScreenPos().y);
            const float h = 28.f * s;
            const float done = words.width * static_cast<float>(std::clamp(ex.progress, 0.0, 1.0));
            dl->AddRectFilled(p, ImVec2(p.x + words.width, p.y + h), colours().keyboard, h / 2);
            dl->AddRectFilled(p, ImVec2(p.x + done, p.y + h), colours().frame, h / 2);
            ImGui::Dummy(ImVec2(1, h + 12.f * s));
            f.map.values["export"] = "running";
            break;
        }
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
                   ex.again ? withValues(f.t("officer.export.again_gone"), {{"{days}", count(d.retentionDays)}})
                            : f.t("officer.export.nothing"));
            f.map.values["export"] = ex.again ? "again-gone" : "nothing";
            break;
        case ExportState::Phase::Failed:
            notice(f, words, colours().attention, colours().attentionBg, f.t(ex.message));
            if (!ex.errorDetail.empty())
                line(words, f.fonts.body, colours().textMuted, ex.errorDetail, 8.f * s);
            f.map.values["export"] = "failed";
            f.map.values["export_message"] = ex.message;
            break;
        case ExportState::Phase::Idle: break;
        }
        const float wordsBottom = ImGui::GetCursorPosY();

        const std::int64_t fresh = sum(d.fresh);
        const std::int64_t onKiosk = fresh + sum(d.collected);
        if (beside)
            ImGui::SetCursorPosY(top);
        if (ex.phase != ExportState::Phase::Running && desk.target.ready() && !keyFailed && d.loaded) {
            ImGui::SetCursorPosX(buttons.left);
            const std::string label = f.t("officer.export.new") + "\n" +
                                      withValues(f.t("officer.export.new_count"), {{"{n}", count(fresh)}});
            if (button(f, "officer.export.new", nullptr, std::string(icon::kUsb) + "  " + label,
                       ImVec2(buttons.width, m.tapHeight * 1.3f), ButtonStyle::Primary))
                action = Action::officer(Action::Kind::OfficerExport, "new");
            ImGui::Dummy(ImVec2(1, 12.f * s));
            ImGui::SetCursorPosX(buttons.left);
            if (button(f, "officer.export.all", icon::kCopy,
                       withValues(f.t("officer.export.all"), {{"{n}", count(onKiosk)}}),
                       ImVec2(buttons.width, m.tapHeight), ButtonStyle::Secondary, f.fonts.bodyBold))
                action = Action::officer(Action::Kind::OfficerExport, "all");
            ImGui::Dummy(ImVec2(1, 12.f * s));
        }
        ImGui::SetCursorPosY(std::max(wordsBottom, ImGui::GetCursorPosY()));

        // Earlier batches, to copy again when a stick was lost.
        if (!d.batches.empty()) {
            f.map.values["last_batch"] = d.batches.front().id;
            line(c, f.fonts.bodyBold, colours().text, std::string(icon::kHistory) + "  " + f.t("officer.export.earlier"),
                 8.f * s);
            const float againW = beside ? buttonsW : std::min(320.f * s, c.innerWidth() * 0.4f);
            for (std::size_t i = 0; i < std::min(d.batches.size(), kBatchesShown); ++i) {
                const OfficerDashboard::Batch& b = d.batches[i];
                const float y = ImGui::GetCursorPosY();
                ImGui::SetCursorPos(ImVec2(c.innerLeft(), y + (m.tapHeight - f.fonts.body->FontSize * 2.4f) / 2));
                std::string text = formatLocalTime(b.createdMs) + "\n" +
                                   withValues(f.t("officer.export.batch"), {{"{n}", count(b.count)}, {"{stick}", b.stick}});
                wrappedText(f.fonts.body, colours().text, text, c.innerWidth() - againW - m.gap);
                ImGui::SetCursorPos(ImVec2(c.innerLeft() + c.innerWidth() - againW, y));
                if (ex.phase != ExportState::Phase::Running && desk.target.ready() && !keyFailed &&
                    button(f, "officer.again." + b.id, icon::kRefresh, f.t("officer.export.again"),
                           ImVec2(againW, m.tapHeight), ButtonStyle::Secondary, f.fonts.bodyBold))
                    action = Action::officer(Action::Kind::OfficerExport, "again", b.id);
                ImGui::SetCursorPosY(y + m.tapHeight + 10.f * s);
            }
        }
    }

    if (!d.loaded) {
        CardScope c(m, left, width);
        line(c, f.fonts.bodyBold, colours().textMuted, d.storeError.empty() ? f.t("officer.loading") : f.t("officer.kiosk.database_error"));
        if (!d.storeError.empty())
            line(c, f.fonts.body, colours().textMuted, d.storeError);
        ImGui::Dummy(ImVec2(1, m.margin));
        return action;
    }

    // The requests, by topic.
    {
        CardScope c(m, left, width);
        line(c, f.fonts.tile, colours().frame, std::string(icon::kComments) + "  " + f.t("officer.requests.title"), 12.f * s);
        const std::initializer_list<float> widths{0.5f, 0.25f, 0.25f};
        row(c, f.fonts.bodyBold, colours().textMuted,
            {f.t("officer.requests.topic"), f.t("officer.requests.new"), f.t("officer.requests.collected")}, widths);
        for (std::size_t i = 0; i < std::size(kAllRequestTopics); ++i)
            row(c, f.fonts.body, colours().text,
                {f.t("form.topic." + std::string(requestTopicId(kAllRequestTopics[i]))), count(d.fresh[i]),
                 count(d.collected[i])},
                widths);
        const std::int64_t freshAll = sum(d.fresh), collectedAll = sum(d.collected);
        row(c, f.fonts.bodyBold, colours().text, {f.t("officer.requests.total"), count(freshAll), count(collectedAll)},
            widths);
        f.map.values["requests_new"] = count(freshAll);
        f.map.values["requests_collected"] = count(collectedAll);
        ImGui::Dummy(ImVec2(1, 8.f * s));
        if (d.oldestFreshMs)
            line(c, f.fonts.body, colours().text,
                 withValues(f.t("officer.requests.oldest"), {{"{age}", age(f, d.readAtMs - *d.oldestFreshMs)}}), 6.f * s);
        if (!d.batches.empty()) {
            const OfficerDashboard::Batch& b = d.batches.front();
            line(c, f.fonts.body, colours().text,
                 withValues(f.t("officer.requests.last"),
                            {{"{time}", formatLocalTime(b.createdMs)}, {"{n}", count(b.count)}, {"{stick}", b.stick}}));
        } else {
            line(c, f.fonts.body, colours().textMuted, f.t("officer.requests.never"));
        }
    }

    // The kiosk itself: database, disk, content, settings.
    {
        const bool trouble = !d.events.empty() || !d.contentProblems.empty() || !d.configProblems.empty();
        CardScope c(m, left, width, colours().card, trouble ? colours().attention : 0);
        line(c, f.fonts.tile, colours().frame, std::string(icon::kHdd) + "  " + f.t("officer.kiosk.title"), 12.f * s);
        line(c, f.fonts.body, colours().text,
             withValues(f.t("officer.kiosk.database"), {{"{size}", formatBytes(static_cast<std::uint64_t>(d.databaseBytes))}}),
             6.f * s);
        for (const OfficerDashboard::Entry& e : d.events)
            notice(f, c, colours().attention, colours().attentionBg,
                   formatLocalTime(e.atMs) + " · " +
                       withValues(f.t("officer.kiosk.database_moved"), {{"{detail}", e.detail}}));
        if (d.diskFreeBytes)
            line(c, f.fonts.body, colours().text, withValues(f.t("officer.kiosk.disk"), {{"{free}", formatBytes(*d.diskFreeBytes)}}),
                 6.f * s);
        line(c, f.fonts.body, colours().text,
             withValues(f.t("officer.kiosk.content"),
                        {{"{version}", d.contentVersion}, {"{date}", d.contentOldestVerified}}),
             6.f * s);
        if (!d.contentProblems.empty()) {
            notice(f, c, colours().attention, colours().attentionBg,
                   withValues(f.t(d.contentFromLastGood ? "officer.kiosk.content_errors_last_good"
                                                        : "officer.kiosk.content_errors"),
                              {{"{n}", count(static_cast<std::int64_t>(d.contentProblems.size()))}}));
            for (std::size_t i = 0; i < std::min<std::size_t>(d.contentProblems.size(), 5); ++i)
                line(c, f.fonts.body, colours().textMuted, d.contentProblems[i], 4.f * s);
        }
        if (!d.configProblems.empty()) {
            notice(f, c, colours().attention, colours().attentionBg,
                   withValues(f.t("officer.kiosk.config_errors"),
                              {{"{n}", count(static_cast<std::int64_t>(d.configProblems.size()))}}));
            for (std::size_t i = 0; i < std::min<std::size_t>(d.configProblems.size(), 5); ++i)
                line(c, f.fonts.body, colours().textMuted, d.configProblems[i], 4.f * s);
        }
    }

    // Content packs: what is shown, what the stick offers, update and rollback.
    {
        const ContentUpdate& cu = desk.content;
        CardScope c(m, left, width, colours().card,
                    cu.phase == ContentUpdate::Phase::Refused || !cu.trusted ? colours().attention : 0);
        line(c, f.fonts.tile, colours().frame, std::string(icon::kBook) + "  " + f.t("officer.content.title"), 12.f * s);
        const auto pack = [&](const char* key, const std::string& id, const std::string& date) {
            return withValues(f.t(key), {{"{id}", id}, {"{date}", date}});
        };
        line(c, f.fonts.bodyBold, colours().text,
             cu.currentId.empty() ? f.t("officer.content.shipped")
                                  : pack("officer.content.current", cu.currentId, cu.currentCreated),
             6.f * s);
        if (!cu.previousId.empty())
            line(c, f.fonts.body, colours().textMuted, pack("officer.content.previous", cu.previousId, cu.previousCreated),
                 6.f * s);
        if (!cu.trusted)
            notice(f, c, colours().attention, colours().attentionBg, f.t("officer.content.no_key"));
        else if (desk.target.ready())
            line(c, f.fonts.body, colours().text,
                 cu.stickId.empty() ? f.t("officer.content.stick_none")
                                    : pack("officer.content.stick", cu.stickId, cu.stickCreated),
                 6.f * s);
        f.map.values["content_pack"] = cu.currentId;
        f.map.values["content_stick"] = cu.stickId;
        switch (cu.phase) {
        case ContentUpdate::Phase::Running:
            line(c, f.fonts.bodyBold, colours().text,
                 withValues(f.t("officer.content.running"), {{"{n}", count(std::lround(cu.progress * 100))}}), 8.f * s);
            f.map.values["content_update"] = "running";
            break;
        case ContentUpdate::Phase::Done:
            notice(f, c, colours().done, colours().doneBg,
                   f.t(cu.rollback ? "officer.content.rolled_back" : "officer.content.done"));
            f.map.values["content_update"] = "done";
            break;
        case ContentUpdate::Phase::Refused:
            notice(f, c, colours().attention, colours().attentionBg, f.t("officer.content.refused." + cu.refusal));
            if (!cu.detail.empty())
                line(c, f.fonts.body, colours().textMuted, cu.detail, 8.f * s);
            f.map.values["content_update"] = "refused";
            f.map.values["content_refusal"] = cu.refusal;
            break;
        case ContentUpdate::Phase::Idle: break;
        }
        const bool busy = cu.phase == ContentUpdate::Phase::Running || cu.phase == ContentUpdate::Phase::Done;
        const float buttonW = std::min(c.innerWidth(), 700.f * s);
        if (!busy && cu.trusted && desk.target.ready()) {
            ImGui::SetCursorPosX(c.innerLeft());
            if (button(f, "officer.content.update", icon::kUsb, f.t("officer.content.update"),
                       ImVec2(buttonW, m.tapHeight), ButtonStyle::Primary, f.fonts.bodyBold))
                action = Action::officer(Action::Kind::OfficerContent, "update");
            ImGui::Dummy(ImVec2(1, 12.f * s));
        }
        if (!busy && !cu.previousId.empty()) {
            ImGui::SetCursorPosX(c.innerLeft());
            if (button(f, "officer.content.rollback", icon::kHistory, f.t("officer.content.rollback"),
                       ImVec2(buttonW, m.tapHeight), ButtonStyle::Secondary, f.fonts.bodyBold))
                action = Action::officer(Action::Kind::OfficerContent, "rollback");
            ImGui::Dummy(ImVec2(1, 12.f * s));
        }
    }

    // Anonymous usage: page views per day and language, and per topic over the week.
    {
        CardScope c(m, left, width);
        line(c, f.fonts.tile, colours().frame, std::string(icon::kBarChart) + "  " + f.t("officer.usage.title"), 12.f * s);
        if (d.usage.empty()) {
            line(c, f.fonts.body, colours().textMuted, f.t("officer.usage.none"));
        } else {
            // Per day: total and per language.
            std::map<std::string, std::array<std::int64_t, 3>, std::greater<>> days;
            std::map<std::string, std::array<std::int64_t, 3>> screens;
            for (const OfficerDashboard::Usage& u : d.usage) {
                const auto lang = langFromCode(u.lang);
                const std::size_t li = lang ? static_cast<std::size_t>(*lang) : 0;
                if (u.screen.rfind(kListenPrefix, 0) != 0) // a page listened to was already counted as seen
                    days[u.day][li] += u.views;
                screens[u.screen][li] += u.views;
            }
            const std::initializer_list<float> widths{0.4f, 0.15f, 0.15f, 0.15f, 0.15f};
            auto langName = [&](Lang l) { return f.strings.get(l, "lang.self"); };
            row(c, f.fonts.bodyBold, colours().textMuted,
                {f.t("officer.usage.day"), f.t("officer.requests.total"), langName(Lang::Id), langName(Lang::Jv),
                 langName(Lang::En)},
                widths);
            for (const auto& [day, v] : days)
                row(c, f.fonts.body, colours().text, {day, count(v[0] + v[1] + v[2]), count(v[0]), count(v[1]), count(v[2])},
                    widths);
            ImGui::Dummy(ImVec2(1, 12.f * s));
            row(c, f.fonts.bodyBold, colours().textMuted,
                {f.t("officer.usage.screen"), f.t("officer.requests.total"), langName(Lang::Id), langName(Lang::Jv),
                 langName(Lang::En)},
                widths);
            for (const auto& [counted, v] : screens) {
                // Readings aloud: the screen's name after a loudspeaker.
                const bool listened = counted.rfind(kListenPrefix, 0) == 0;
                const std::string screen = listened ? counted.substr(kListenPrefix.size()) : counted;
                std::string name = screen;
                for (Topic t : kAllTopics)
                    if (screen == topicId(t))
                        name = f.t("home.tile." + screen + ".label");
                if (screen.rfind("checklist-", 0) == 0) {
                    const ChecklistText* words = f.content.checklistText(screen.substr(10), f.lang);
                    name = f.t("officer.usage.checklist") + ": " + (words ? words->title : screen.substr(10));
                }
                if (listened)
                    name = std::string(icon::kVolumeUp) + "  " + name;
                row(c, f.fonts.body, colours().text, {name, count(v[0] + v[1] + v[2]), count(v[0]), count(v[1]), count(v[2])},
                    widths);
            }
        }
    }

    // Settings: the voice, the language visits start in, the theme. Changes are audited.
    {
        CardScope c(m, left, width);
        line(c, f.fonts.tile, colours().frame, std::string(icon::kCog) + "  " + f.t("officer.settings.title"),
             12.f * s);
        if (!desk.settings) {
            line(c, f.fonts.body, colours().textMuted, f.t("officer.settings.unknown"));
        } else {
            const KioskSettings& st = *desk.settings;
            for (const SettingValue& v : settingValues(st))
                f.map.values["setting_" + v.name] = v.value;
            auto take = [&](Action a) {
                if (a.any())
                    action = a;
            };
            take(stepper(f, c, "volume", icon::kVolumeUp, f.t("officer.settings.volume"),
                         std::to_string(st.volume) + " %"));
            take(stepper(f, c, "rate", icon::kTachometer, f.t("officer.settings.rate"),
                         std::to_string(st.speechRate) + " " + f.t("officer.settings.rate_unit")));
            std::vector<std::pair<std::string, std::string>> langs;
            for (Lang l : f.languages)
                langs.emplace_back(std::string(langCode(l)), f.strings.get(l, "lang.self"));
            take(choices(f, c, "lang", icon::kGlobe, f.t("officer.settings.lang"), langs,
                         std::string(langCode(st.defaultLang))));
            take(choices(f, c, "theme", icon::kAdjust, f.t("officer.settings.theme"),
                         {{"standard", f.t("officer.settings.theme_standard")},
                          {"high-contrast", f.t("officer.settings.theme_high_contrast")}},
                         std::string(themeName(st.theme))));
        }
    }

    // The audit log, newest first.
    {
        CardScope c(m, left, width);
        line(c, f.fonts.tile, colours().frame, std::string(icon::kHistory) + "  " + f.t("officer.audit.title"), 12.f * s);
        for (const OfficerDashboard::Entry& e : d.audit) {
            const std::string key = "officer.audit.kind." + e.kind;
            const std::string kind = f.strings.has(f.lang, key) ? f.t(key) : e.kind;
            line(c, f.fonts.body, colours().text,
                 formatLocalTime(e.atMs) + " · " + kind + (e.detail.empty() ? "" : " · " + e.detail), 4.f * s);
        }
        if (d.audit.empty())
            line(c, f.fonts.body, colours().textMuted, f.t("officer.usage.none"));
    }
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

} // namespace kiosk::ui

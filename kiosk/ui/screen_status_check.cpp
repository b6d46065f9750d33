// "Cek permintaan saya": the resident types the reference the confirmation screen gave them, taps
// Cek, and reads what the office's last news says of it: its status in big words, what that means
// and what comes next, and since when. An unknown reference is said to be unknown and nothing else;
// after a run of wrong ones the button waits, with a calm countdown.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include "core/dates.hpp"
#include "core/help.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

// One line of a card: the screen part it is read aloud as, its font, colour and words.
struct CardLine {
    std::string part;
    ImFont* font;
    ImU32 colour;
    std::string text;
};

// A card across the column holding `lines`, each wrapped; its fill, border and accent band.
void wordsCard(Frame& f, Column column, const std::vector<CardLine>& lines, ImU32 fill, ImU32 border,
               ImU32 accent, const std::string& area = {})
{
    const float s = f.m.scale;
    const float pad = 28.f * s;
    const float inner = column.width - 2 * pad - 10.f * s;
    float h = 0;
    for (const CardLine& l : lines)
        h += wrappedHeight(l.font, l.text, inner) + 8.f * s;
    ImGui::SetCursorPosX(column.x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + column.width, p.y + h + 2 * pad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card(dl, p, q, f.m, fill, border, accent);
    float y = p.y + pad;
    std::string all;
    for (const CardLine& l : lines) {
        const ImVec2 at(p.x + pad + 10.f * s, y);
        if (!l.part.empty())
            highlightReading(f, dl, l.part, l.font, at, inner, l.text);
        dl->AddText(l.font, l.font->FontSize, at, l.colour, l.text.c_str(), nullptr, inner);
        y += wrappedHeight(l.font, l.text, inner) + 8.f * s;
        all += (all.empty() ? "" : "\n") + l.text;
    }
    if (!area.empty())
        f.map.areas.push_back({area, all, p.x, p.y, q.x - p.x, q.y - p.y, false, false, {}});
    ImGui::Dummy(ImVec2(column.width, q.y - p.y));
}

// The colours of a status: done in green, the others in the frame's blue on a calm card.
ImU32 statusColour(RequestStatus status)
{
    return status == RequestStatus::Done ? colours().done : colours().frame;
}

const char* statusIcon(RequestStatus status)
{
    switch (status) {
    case RequestStatus::Received: return icon::kInbox;
    case RequestStatus::Contacted: return icon::kPhone;
    case RequestStatus::Done: return icon::kCheck;
    }
    return icon::kInbox;
}

// The office's last news, as residents read the date ("Kabar dari kantor: 2 Desember 2026").
std::string newsLine(const Frame& f, const StatusBook& book)
{
    return withValues(f.t("status.news"), {{"{date}", formatDate(book.created.substr(0, 10), f.lang)}});
}

} // namespace

Asked StatusCheckScreen::draw(Frame& f, const StatusLookup& lookup, const StatusBook* book, int waitSeconds)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const Column column = readingColumn(m);
    const auto [x0, width] = column;
    Asked action;
    const bool news = hasNews(book);
    const bool typing = news && lookup.typing;

    // While the keyboard is open the room above it is for the reference (and the title, unless the
    // words are larger).
    ImGui::SetCursorPos(ImVec2(x0, m.margin * (typing ? 0.4f : 0.75f)));
    if (!typing || !m.largeText) {
        wrappedText(f, "title", f.fonts.heading, colours().frame, f.t("status.title"), width);
        ImGui::Dummy(ImVec2(1, 6.f * s));
    }

    if (!news) {
        // No pack yet: nothing to look up. Said plainly, with what the resident can count on.
        f.map.values["status"] = "no-news";
        wordsCard(
            f, column,
            {{"no_news", f.fonts.bodyBold, colours().text, f.t("status.no_news")},
             {"no_news.hint", f.fonts.body, colours().text, f.callback.fill(f.t("status.no_news_hint"))}},
            colours().attentionBg, colours().attention, colours().attention, "status.no-news");
        ImGui::Dummy(ImVec2(1, m.gap));
        drawEmergency(f, column);
        return action;
    }

    // The instructions until there is an answer (then the answer needs the room, in sight at once
    // even at 1280x800 with larger text) and while no wait runs (what to do then is to wait, said
    // right under the field); the date of the office's news with them.
    if (!typing && waitSeconds == 0 && lookup.outcome == StatusLookup::Outcome::None) {
        ImGui::SetCursorPosX(x0);
        wrappedText(f, "intro", f.fonts.body, colours().text, f.t("status.intro"), width);
    }
    if (!typing && waitSeconds == 0) {
        ImGui::SetCursorPosX(x0);
        wrappedText(f, "news", f.fonts.body, colours().textMuted, newsLine(f, *book), width);
        ImGui::Dummy(ImVec2(1, 10.f * s));
    }
    f.map.values["news"] = book->created;

    // The reference typed, and the big button beside it.
    if (Asked a = drawQuery(f, column, lookup, waitSeconds))
        action = std::move(a);

    if (waitSeconds > 0) {
        f.map.values["wait"] = std::to_string(waitSeconds);
        ImGui::Dummy(ImVec2(1, 8.f * s));
        wordsCard(f, column,
                  {{"wait", f.fonts.bodyBold, colours().text,
                    withValues(f.t("status.wait"), {{"{seconds}", std::to_string(waitSeconds)}})}},
                  colours().card, colours().cardBorder, colours().textMuted, "status.wait");
    }
    if (typing)
        return action;

    ImGui::Dummy(ImVec2(1, m.gap * 0.75f));
    if (lookup.outcome == StatusLookup::Outcome::Found && lookup.found) {
        const StatusEntry& e = *lookup.found;
        const std::string id(requestStatusId(e.status));
        f.map.values["status"] = id;
        f.map.values["reference"] = e.reference;
        f.map.values["date"] = e.date;
        drawFound(f, column, e);
    } else if (lookup.outcome == StatusLookup::Outcome::Unknown) {
        f.map.values["status"] = "unknown";
        // Only what was typed is named: nothing of any other reference.
        wordsCard(f, column,
                  {{"unknown", f.fonts.bodyBold, colours().text,
                    withValues(f.t("status.unknown"), {{"{reference}", lookup.asked}})},
                   {"unknown.hint", f.fonts.body, colours().text, f.t("status.unknown_hint")}},
                  colours().tipBg, colours().frame, colours().frame, "status.unknown");
        ImGui::Dummy(ImVec2(1, m.gap));
        drawEmergency(f, column);
    }
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

Asked StatusCheckScreen::drawQuery(Frame& f, Column column, const StatusLookup& lookup, int waitSeconds)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = column;
    ImFont* font = f.fonts.heading;
    const float pad = 20.f * s;
    const float h = std::max(m.tapHeight, font->FontSize + 2 * pad);
    const std::string& check = f.t("status.check");
    const float bw =
        std::clamp(textWidth(f.fonts.tile, std::string(icon::kSearch) + "  " + check) + 2 * 40.f * s,
                   260.f * s, width * 0.45f);
    const float fw = width - bw - m.gap;
    Asked action;

    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + fw, p.y + h);
    if (ImGui::InvisibleButton("status.reference", ImVec2(fw, h)))
        action = intent::FocusReference{};
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    if (WidgetBox* w = mapWidget(f, "status.reference", f.t("status.query"), p, q))
        w->value = lookup.reference.text;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, q, pressed ? colours().cardPressed : colours().card, m.rounding);
    dl->AddRect(p, q, lookup.typing ? colours().frame : colours().cardBorder, m.rounding, 0,
                (lookup.typing ? 4.f : 2.f) * s);
    const float room = fw - 2 * pad;
    if (lookup.reference.text.empty())
        dl->AddText(f.fonts.body, f.fonts.body->FontSize,
                    ImVec2(p.x + pad, p.y + (h - f.fonts.body->FontSize) / 2), colours().textMuted,
                    f.t("status.placeholder").c_str(), nullptr, room);
    // One line, its end in sight (a reference is short; a long run of keys is cut from the left).
    std::string shown = lookup.reference.text;
    while (!shown.empty() && textWidth(font, shown) > room - 8.f * s)
        shown.erase(0, 1);
    const float ty = p.y + (h - font->FontSize) / 2;
    dl->AddText(font, font->FontSize, ImVec2(p.x + pad, ty), colours().text, shown.c_str());
    if (lookup.typing) {
        const float cx = p.x + pad + textWidth(font, shown);
        dl->AddRectFilled(ImVec2(cx + 2.f * s, ty), ImVec2(cx + 5.f * s, ty + font->FontSize),
                          colours().frame);
    }

    // Cek: disabled (grey, not tappable) while a wait runs.
    ImGui::SetCursorScreenPos(ImVec2(q.x + m.gap, p.y));
    if (waitSeconds > 0) {
        const ImVec2 bp = ImGui::GetCursorScreenPos();
        const ImVec2 bq(bp.x + bw, bp.y + h);
        dl->AddRectFilled(bp, bq, colours().cardBorder, m.rounding);
        drawCentred(dl, f.fonts.tile, colours().textMuted,
                    std::string(icon::kClock) + "  " + std::to_string(waitSeconds), bp, bq);
        if (WidgetBox* w = mapWidget(f, "status.check", check, bp, bq))
            w->value = "disabled";
        ImGui::Dummy(ImVec2(bw, h));
    } else if (button(f, "status.check", icon::kSearch, check, ImVec2(bw, h), ButtonStyle::Primary)) {
        action = intent::CheckReference{};
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
    ImGui::Dummy(ImVec2(1, 6.f * s));
    if (!lookup.notice.empty()) {
        ImGui::SetCursorPosX(x0);
        wrappedText(f.fonts.body, colours().attention, f.t(lookup.notice), width);
        f.map.values["notice"] = lookup.notice;
    }
    return action;
}

void StatusCheckScreen::drawFound(Frame& f, Column column, const StatusEntry& e)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const std::string id(requestStatusId(e.status));
    const ImU32 accent = statusColour(e.status);
    const std::string reference = withValues(f.t("status.reference"), {{"{reference}", e.reference}});
    const std::string word = f.t("status." + id + ".word");
    const std::string since = withValues(f.t("status.since"), {{"{date}", formatDate(e.date, f.lang)}});
    const std::string& meaning = f.t("status." + id + ".meaning");

    const float pad = 32.f * s;
    const float iconW = f.fonts.icon->FontSize * 1.4f;
    const float inner = column.width - 3 * pad - iconW;
    const float gapY = 10.f * s;
    const float h = wrappedHeight(f.fonts.tile, reference, inner) + gapY +
                    wrappedHeight(f.fonts.title, word, inner) + gapY +
                    wrappedHeight(f.fonts.tile, since, inner) + 2 * gapY +
                    wrappedHeight(f.fonts.body, meaning, inner);
    ImGui::SetCursorPosX(column.x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + column.width, p.y + std::max(h, iconW) + 2 * pad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card(dl, p, q, m, e.status == RequestStatus::Done ? colours().doneBg : colours().tipBg, accent, accent);
    dl->AddRect(p, q, accent, m.rounding, 0, 4.f * s);
    drawCentred(dl, f.fonts.icon, accent, statusIcon(e.status), ImVec2(p.x + pad, p.y + pad),
                ImVec2(p.x + pad + iconW, p.y + pad + iconW));
    const float x = p.x + 2 * pad + iconW;
    float y = p.y + pad;
    const auto line = [&](const std::string& part, ImFont* font, ImU32 colour, const std::string& text,
                          float after) {
        highlightReading(f, dl, part, font, ImVec2(x, y), inner, text);
        dl->AddText(font, font->FontSize, ImVec2(x, y), colour, text.c_str(), nullptr, inner);
        y += wrappedHeight(font, text, inner) + after;
    };
    line("result.reference", f.fonts.tile, colours().text, reference, gapY);
    line("result.word", f.fonts.title, accent, word, gapY);
    line("result.since", f.fonts.tile, colours().text, since, 2 * gapY);
    line("result.meaning", f.fonts.body, colours().text, meaning, 0);
    f.map.areas.push_back({"status.result",
                           reference + "\n" + word + "\n" + since + "\n" + meaning,
                           p.x,
                           p.y,
                           q.x - p.x,
                           q.y - p.y,
                           false,
                           false,
                           {}});
    ImGui::Dummy(ImVec2(column.width, q.y - p.y));
}

void StatusCheckScreen::drawEmergency(Frame& f, Column column)
{
    const float s = f.m.scale;
    ImGui::SetCursorPosX(column.x0);
    wrappedText(f, "emergency", f.fonts.bodyBold, colours().warning,
                std::string(icon::kPhone) + "  " + f.t("status.emergency"), column.width);
    ImGui::SetCursorPosX(column.x0);
    const std::string numbers = helpLine(f.strings, f.lang);
    wrappedText(f, "emergency.numbers", f.fonts.tile, colours().text, numbers, column.width);
    f.map.values["emergency"] = numbers;
    ImGui::Dummy(ImVec2(1, 6.f * s));
}

Asked StatusCheckScreen::drawKeyboard(Frame& f, float width)
{
    if (auto key = m_keyboard.draw(f, Keypad::Reference, true, width))
        return intent::PressKey{*key};
    return {};
}

} // namespace kiosk::ui

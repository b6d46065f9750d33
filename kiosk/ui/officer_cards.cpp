// What the officer dashboard's cards are drawn with: the card scope, lines, notices and rows.
#include "ui/officer_cards.hpp"

namespace kiosk::ui::dashboard {

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

void take(Asked& action, Asked tapped)
{
    if (tapped)
        action = std::move(tapped);
}

CardScope::CardScope(const Metrics& m, Column strip, ImU32 fill, ImU32 accent)
    : m_m(m), m_left(strip.x0), m_width(strip.width), m_fill(fill), m_accent(accent)
{
    m_dl = ImGui::GetWindowDrawList();
    m_top = ImGui::GetCursorPosY();
    m_dl->ChannelsSplit(2);
    m_dl->ChannelsSetCurrent(1);
    ImGui::SetCursorPosY(m_top + pad());
}

CardScope::~CardScope()
{
    const float bottom = ImGui::GetCursorPosY() + pad() - m_m.gap * 0.5f;
    m_dl->ChannelsSetCurrent(0);
    const ImVec2 origin(ImGui::GetWindowPos().x, ImGui::GetWindowPos().y - ImGui::GetScrollY());
    card(m_dl, ImVec2(origin.x + m_left, origin.y + m_top),
         ImVec2(origin.x + m_left + m_width, origin.y + bottom), m_m, m_fill, colours().cardBorder, m_accent);
    m_dl->ChannelsMerge();
    ImGui::SetCursorPosY(bottom);
    ImGui::Dummy(ImVec2(1, m_m.gap));
}

Column inner(const CardScope& c)
{
    return {c.innerLeft(), c.innerWidth()};
}

void line(Frame& f, Column a, ImFont* font, ImU32 colour, const std::string& text, float after)
{
    f.map.texts.push_back(text);
    ImGui::SetCursorPosX(a.x0);
    wrappedText(font, colour, text, a.width);
    if (after > 0)
        ImGui::Dummy(ImVec2(1, after));
}

void line(Frame& f, const CardScope& c, ImFont* font, ImU32 colour, const std::string& text, float after)
{
    line(f, inner(c), font, colour, text, after);
}

void notice(Frame& f, Column a, ImU32 text, ImU32 fill, const std::string& message)
{
    f.map.texts.push_back(message);
    const Metrics& m = f.m;
    const float pad = 16.f * m.scale;
    const float h = wrappedHeight(f.fonts.bodyBold, message, a.width - 2 * pad) + 2 * pad;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 min(ImGui::GetWindowPos().x + a.x0, p.y);
    const ImVec2 max(min.x + a.width, p.y + h);
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, fill, m.rounding);
    ImGui::SetCursorPos(ImVec2(a.x0 + pad, ImGui::GetCursorPosY() + pad));
    wrappedText(f.fonts.bodyBold, text, message, a.width - 2 * pad);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + pad);
    ImGui::Dummy(ImVec2(1, 12.f * m.scale));
}

void notice(Frame& f, const CardScope& c, ImU32 text, ImU32 fill, const std::string& message)
{
    notice(f, inner(c), text, fill, message);
}

std::vector<std::string> faultWords(const Frame& f, const FaultDetail& d)
{
    std::vector<std::string> words;
    if (d.count > 0)
        words.push_back(withValues(f.t("officer.detail.count"), {{"{n}", count(d.count)}}));
    if (!d.file.empty())
        words.push_back(d.line > 0 ? withValues(f.t("officer.detail.place"),
                                                {{"{file}", d.file}, {"{line}", std::to_string(d.line)}})
                                   : withValues(f.t("officer.detail.file"), {{"{file}", d.file}}));
    if (!d.keyId.empty())
        words.push_back(withValues(f.t("officer.detail.key"), {{"{key}", d.keyId}}));
    if (d.source != FaultDetail::Source::None)
        words.push_back(withValues(f.t(d.source == FaultDetail::Source::System ? "officer.detail.system"
                                                                               : "officer.detail.database"),
                                   {{"{name}", d.codeName}, {"{code}", std::to_string(d.code)}}));
    return words;
}

void fault(Frame& f, Column a, const FaultDetail& d)
{
    const std::vector<std::string> words = faultWords(f, d);
    for (const std::string& w : words)
        line(f, a, f.fonts.body, colours().textMuted, w, 4.f * f.m.scale);
    if (!words.empty())
        ImGui::Dummy(ImVec2(1, 4.f * f.m.scale));
}

void fault(Frame& f, const CardScope& c, const FaultDetail& d)
{
    fault(f, inner(c), d);
}

void row(Frame& f, const CardScope& c, ImFont* font, ImU32 colour, std::initializer_list<std::string> cells,
         std::initializer_list<float> widths)
{
    for (const std::string& cell : cells)
        f.map.texts.push_back(cell);
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

} // namespace kiosk::ui::dashboard

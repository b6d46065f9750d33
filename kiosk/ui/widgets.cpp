// Touch widgets drawn with ImGui's draw list over invisible buttons.
#include "ui/widgets.hpp"

#include "core/dates.hpp"
#include "ui/icons.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk::ui {
namespace {

struct Line {
    const char* begin;
    const char* end;
};

std::vector<Line> wrapLines(ImFont* font, const std::string& text, float width)
{
    std::vector<Line> lines;
    const char* s = text.data();
    const char* end = s + text.size();
    while (s < end) {
        const char* nl = std::find(s, end, '\n');
        const char* lineEnd = font->CalcWordWrapPositionA(1.f, s, nl, width);
        if (lineEnd == s && s < nl) { // not even one character fits: take one anyway
            ++lineEnd;
            while (lineEnd < nl && (static_cast<unsigned char>(*lineEnd) & 0xC0) == 0x80)
                ++lineEnd;
        }
        const char* visibleEnd = lineEnd;
        while (visibleEnd > s && visibleEnd[-1] == ' ')
            --visibleEnd;
        lines.push_back({s, visibleEnd});
        s = lineEnd;
        while (s < end && *s == ' ')
            ++s;
        if (s < end && *s == '\n')
            ++s;
    }
    return lines;
}

struct ButtonColours {
    ImU32 fill, fillPressed, border, text;
};

ButtonColours coloursFor(ButtonStyle style)
{
    const Palette& c = colours();
    switch (style) {
    case ButtonStyle::Primary: return {c.frame, c.framePressed, c.frame, c.onFrame};
    case ButtonStyle::Secondary: return {c.card, c.cardPressed, c.frame, c.frame};
    case ButtonStyle::OnFrame: return {c.frame, c.framePressed, c.onFrameMuted, c.onFrame};
    case ButtonStyle::Selected: return {c.langActive, c.cardPressed, c.langActive, c.langActiveText};
    // The page colour is already there: software rendering pays for every pixel painted, and a
    // keyboard has many keys.
    case ButtonStyle::Key: return {c.page, c.cardPressed, c.frame, c.frame};
    case ButtonStyle::Active: return {c.reading, c.cardPressed, c.reading, c.text};
    case ButtonStyle::Urgent: return {c.warning, c.framePressed, c.onFrame, c.onFrame};
    }
    return {c.frame, c.framePressed, c.frame, c.onFrame};
}

} // namespace

WidgetBox* mapWidget(Frame& f, const std::string& id, const std::string& label, ImVec2 min, ImVec2 max)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 cmin = dl->GetClipRectMin();
    const ImVec2 cmax = dl->GetClipRectMax();
    const bool clipped = min.x < cmin.x || min.y < cmin.y || max.x > cmax.x || max.y > cmax.y;
    min = ImVec2(std::max(min.x, cmin.x), std::max(min.y, cmin.y));
    max = ImVec2(std::min(max.x, cmax.x), std::min(max.y, cmax.y));
    if (max.x - min.x < 1.f || max.y - min.y < 1.f)
        return nullptr; // scrolled out of sight: not tappable now
    f.map.widgets.push_back({id, label, min.x, min.y, max.x - min.x, max.y - min.y, clipped, false, {}});
    return &f.map.widgets.back();
}

float wrappedHeight(ImFont* font, const std::string& text, float width)
{
    return static_cast<float>(wrapLines(font, text, width).size()) * font->FontSize;
}

bool drawCentred(ImDrawList* dl, ImFont* font, ImU32 col, const std::string& text, ImVec2 min, ImVec2 max)
{
    const float width = max.x - min.x;
    const auto lines = wrapLines(font, text, width);
    const float lineH = font->FontSize;
    const float height = lineH * static_cast<float>(lines.size());
    bool fits = height <= (max.y - min.y) + 0.5f;
    float y = min.y + std::max(0.f, ((max.y - min.y) - height) / 2);
    for (const Line& line : lines) {
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.begin, line.end).x;
        fits = fits && w <= width + 0.5f;
        const float x = min.x + std::max(0.f, (width - w) / 2);
        dl->AddText(font, font->FontSize, ImVec2(std::floor(x), std::floor(y)), col, line.begin, line.end);
        y += lineH;
    }
    return fits;
}

float centredHeight(ImFont* font, const std::string& text, float width)
{
    return font->FontSize * static_cast<float>(wrapLines(font, text, width).size());
}

float textWidth(ImFont* font, std::string_view text)
{
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

namespace {

// A button showing `drawn`, named `mapLabel` in the UI map.
bool drawButton(Frame& f, const std::string& id, const std::string& drawn, const std::string& mapLabel,
                ImVec2 size, ButtonStyle style, ImFont* font)
{
    if (!font)
        font = f.fonts.tile;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(id.c_str(), size);
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    WidgetBox* box = mapWidget(f, id, mapLabel, pos, max);

    const ButtonColours p = coloursFor(style);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = f.m.rounding;
    // A key sits on the page: its fill would only paint the page again (software rendering pays
    // for every pixel).
    if (pressed || style != ButtonStyle::Key)
        dl->AddRectFilled(pos, max, pressed ? p.fillPressed : p.fill, r);
    dl->AddRect(pos, max, p.border, r, 0, std::max(2.f, 3.f * f.m.scale) * colours().borderWeight);

    const float pad = 16.f * f.m.scale;
    const bool fits = drawCentred(dl, font, p.text, drawn, ImVec2(pos.x + pad, pos.y + pad / 2),
                                  ImVec2(max.x - pad, max.y - pad / 2));
    if (box)
        box->overflow = !fits;
    return tapped;
}

} // namespace

bool button(Frame& f, const std::string& id, const char* icon, const std::string& label, ImVec2 size,
            ButtonStyle style, ImFont* font)
{
    return drawButton(f, id, icon ? std::string(icon) + "  " + label : label, label, size, style, font);
}

bool markButton(Frame& f, const std::string& id, const std::string& mark, const std::string& words,
                ImVec2 size, ButtonStyle style, ImFont* font)
{
    return drawButton(f, id, mark, words, size, style, font);
}

float tileHeight(const Frame& f, const std::string& label, const std::string& hint, float width,
                 bool sideBySide, bool compact)
{
    const float s = f.m.scale;
    const float pad = (compact ? 16.f : 28.f) * s;
    if (sideBySide) {
        const float iconBox = compact ? f.fonts.icon->FontSize : 120.f * s;
        const float textW = width - 3 * pad - iconBox;
        return wrappedHeight(f.fonts.tile, label, textW) + 8.f * s +
               wrappedHeight(f.fonts.body, hint, textW) + 2 * pad;
    }
    const float innerW = width - 2 * pad;
    return pad + f.fonts.icon->FontSize * 1.2f + wrappedHeight(f.fonts.tile, label, innerW) +
           wrappedHeight(f.fonts.body, hint, innerW) + 20.f * s + pad / 2;
}

bool tile(Frame& f, const std::string& id, const char* icon, ImU32 iconColour, const std::string& label,
          const std::string& hint, ImVec2 size, bool sideBySide, bool compact)
{
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(id.c_str(), size);
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    WidgetBox* box = mapWidget(f, id, label, pos, max);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float s = f.m.scale;
    const float r = f.m.rounding;
    // A shadow along the bottom edge only (cheap to fill), then the card.
    dl->AddRectFilled(ImVec2(pos.x + 2 * s, max.y - 2 * r), ImVec2(max.x + 2 * s, max.y + 5 * s),
                      colour::rgb(0, 0, 0, 30), r);
    dl->AddRectFilled(pos, max, pressed ? colours().cardPressed : colours().card, r);
    dl->AddRect(pos, max, colours().cardBorder, r, 0, 2.f * s * colours().borderWeight);

    ImFont* iconFont = f.fonts.icon;
    const float pad = (compact ? 16.f : 28.f) * s;
    if (sideBySide) {
        const float iconBox = std::min(size.y - 2 * pad, compact ? iconFont->FontSize : 120.f * s);
        const ImVec2 iconMin(pos.x + pad, pos.y + (size.y - iconBox) / 2);
        drawCentred(dl, iconFont, iconColour, icon, iconMin,
                    ImVec2(iconMin.x + iconBox, iconMin.y + iconBox));
        const float textX = iconMin.x + iconBox + pad;
        const float textW = max.x - pad - textX;
        const float labelH = wrappedHeight(f.fonts.tile, label, textW);
        const float hintH = wrappedHeight(f.fonts.body, hint, textW);
        const float gap = 8.f * s;
        if (box)
            box->overflow = labelH + gap + hintH > size.y;
        float y = pos.y + (size.y - labelH - gap - hintH) / 2;
        dl->AddText(f.fonts.tile, f.fonts.tile->FontSize, ImVec2(textX, y), colours().text, label.c_str(),
                    nullptr, textW);
        y += labelH + gap;
        dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(textX, y), colours().textMuted, hint.c_str(),
                    nullptr, textW);
    } else {
        const float innerW = size.x - 2 * pad;
        const float iconH = iconFont->FontSize * 1.2f;
        const float labelH = wrappedHeight(f.fonts.tile, label, innerW);
        const float hintH = wrappedHeight(f.fonts.body, hint, innerW);
        const float gap = 10.f * s;
        if (box)
            box->overflow = pad + iconH + labelH + hintH + 2 * gap > size.y;
        float y = pos.y + std::max(pad / 2, (size.y - iconH - labelH - hintH - 2 * gap) / 2);
        drawCentred(dl, iconFont, iconColour, icon, ImVec2(pos.x + pad, y), ImVec2(max.x - pad, y + iconH));
        y += iconH + gap;
        drawCentred(dl, f.fonts.tile, colours().text, label, ImVec2(pos.x + pad, y),
                    ImVec2(max.x - pad, y + labelH));
        y += labelH + gap;
        drawCentred(dl, f.fonts.body, colours().textMuted, hint, ImVec2(pos.x + pad, y),
                    ImVec2(max.x - pad, y + hintH));
    }
    return tapped;
}

void CentredColumn::add(ImFont* font, ImU32 colour, const std::string& text, float after)
{
    const float h = wrappedHeight(font, text, m_right - m_left);
    drawCentred(m_dl, font, colour, text, ImVec2(m_left, m_y), ImVec2(m_right, m_y + h));
    m_y += h + after;
}

void wrappedText(ImFont* font, ImU32 col, const std::string& text, float width)
{
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void wrappedText(Frame& f, const std::string& part, ImFont* font, ImU32 col, const std::string& text,
                 float width)
{
    highlightReading(f, ImGui::GetWindowDrawList(), part, font, ImGui::GetCursorScreenPos(), width, text);
    wrappedText(font, col, text, width);
}

void highlightReading(Frame& f, ImDrawList* dl, const std::string& part, ImFont* font, ImVec2 pos,
                      float wrapWidth, const std::string& text)
{
    if (!f.reading || f.reading->part != part || f.reading->text.empty())
        return;
    const std::size_t at = text.find(f.reading->text);
    if (at == std::string::npos)
        return;
    const std::size_t hb = at, he = at + f.reading->text.size();
    // Walks the text as ImFont::RenderText lays it out (the same wrapping, the same blanks skipped
    // after a wrap), marking the glyphs of the sentence line by line.
    const char* begin = text.data();
    const char* end = begin + text.size();
    const float lineH = font->FontSize;
    const float pad = 4.f * f.m.scale;
    const ImU32 col = colours().reading;
    float x = pos.x, y = pos.y;
    float runX = -1.f;
    auto flush = [&](float xEnd) {
        if (runX >= 0.f)
            dl->AddRectFilled(ImVec2(runX - pad, y), ImVec2(xEnd + pad, y + lineH), col, pad);
        runX = -1.f;
    };
    const char* eol = nullptr;
    const char* s = begin;
    while (s < end) {
        if (wrapWidth > 0.f) {
            if (!eol) {
                eol = font->CalcWordWrapPositionA(1.f, s, end, wrapWidth - (x - pos.x));
                if (eol == s)
                    ++eol;
            }
            if (s >= eol) {
                flush(x);
                x = pos.x;
                y += lineH;
                eol = nullptr;
                while (s < end && (*s == ' ' || *s == '\t'))
                    ++s;
                if (s < end && *s == '\n')
                    ++s;
                continue;
            }
        }
        const std::size_t index = static_cast<std::size_t>(s - begin);
        unsigned int c = static_cast<unsigned char>(*s);
        if (c < 0x80)
            ++s;
        else
            s += ImTextCharFromUtf8(&c, s, end);
        if (c == '\n') {
            flush(x);
            x = pos.x;
            y += lineH;
            continue;
        }
        if (c == '\r')
            continue;
        if (index >= hb && index < he) {
            if (runX < 0.f)
                runX = x;
        } else {
            flush(x);
        }
        x += font->GetCharAdvance(static_cast<ImWchar>(c));
    }
    flush(x);
}

void paragraph(Frame& f, const std::string& text, ImFont* font, ImU32 col)
{
    ImGui::PushFont(font ? font : f.fonts.body);
    ImGui::PushStyleColor(ImGuiCol_Text, col ? col : colours().text);
    const float width = std::min(ImGui::GetContentRegionAvail().x, f.m.maxLineWidth);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

Column readingColumn(const Metrics& m)
{
    const float avail = ImGui::GetWindowWidth();
    const float width = std::min(avail - 2 * m.margin, m.maxLineWidth);
    return {std::max(m.margin, (avail - width) / 2), width};
}

void sourceAndDate(Frame& f, Column column, const std::vector<const Source*>& cited,
                   const std::string& verified)
{
    const float s = f.m.scale;
    const auto [x0, width] = column;
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), colours().cardBorder,
                                        std::max(1.f, 2.f * s));
    ImGui::Dummy(ImVec2(1, 5.f * s));
    // "Sumber:", then each source as a reader follows it, one to a line.
    ImGui::SetCursorPosX(x0);
    wrappedText(f.fonts.body, colours().textMuted, f.t("page.source") + ":", width);
    std::string all;
    for (const Source* source : cited) {
        const std::string text = readableSource(*source, f.lang, f.t("page.undated"));
        ImGui::SetCursorPosX(x0);
        wrappedText(f.fonts.body, colours().textMuted, "- " + text, width);
        all += (all.empty() ? "" : "; ") + text;
    }
    f.map.values["source"] = all;
    if (verified.empty())
        return;
    const std::string date = formatDate(verified, f.lang);
    ImGui::SetCursorPosX(x0);
    wrappedText(f.fonts.body, colours().textMuted,
                std::string(icon::kCalendarCheck) + "  " + f.t("page.verified") + ": " + date, width);
    f.map.values["verified"] = date;
}

void card(ImDrawList* dl, ImVec2 min, ImVec2 max, const Metrics& m, ImU32 fill, ImU32 border, ImU32 accent)
{
    dl->AddRectFilled(min, max, fill, m.rounding);
    dl->AddRect(min, max, border, m.rounding, 0, std::max(1.f, 2.f * m.scale) * colours().borderWeight);
    if (accent)
        dl->AddRectFilled(min, ImVec2(min.x + 10.f * m.scale, max.y), accent, m.rounding,
                          ImDrawFlags_RoundCornersLeft);
}

const QrCode* QrCache::get(const std::string& text)
{
    auto it = m_codes.find(text);
    if (it == m_codes.end())
        it = m_codes.emplace(text, makeQr(text, m_correction)).first;
    return it->second ? &*it->second : nullptr;
}

float drawQr(ImDrawList* dl, const QrCode& qr, ImVec2 pos, float side)
{
    const int quiet = 2;
    const float cell = std::floor(side / static_cast<float>(qr.size + 2 * quiet));
    const float taken = cell * static_cast<float>(qr.size + 2 * quiet);
    dl->AddRectFilled(pos, ImVec2(pos.x + taken, pos.y + taken), IM_COL32_WHITE);
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.at(x, y)) {
                const ImVec2 a(pos.x + cell * static_cast<float>(x + quiet),
                               pos.y + cell * static_cast<float>(y + quiet));
                dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32_BLACK);
            }
    return taken;
}

void beginScrollArea(const char* id, ImVec2 size, float scroll, bool& blocked)
{
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoScrollWithMouse);
    if (scroll != 0.f) {
        const float y = ImGui::GetScrollY();
        const float maxY = ImGui::GetScrollMaxY();
        const float target = std::clamp(y + scroll, 0.f, maxY);
        if (std::fabs(target - y) < 0.5f)
            blocked = true;
        ImGui::SetScrollY(target);
    }
}

void endScrollArea()
{
    ImGui::EndChild();
}

bool continuesBelow(float height)
{
    // Measured on what this frame drew: ImGui's own scroll limit is the last frame's.
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    const float drawn = w->DC.CursorMaxPos.y - w->DC.CursorStartPos.y + 2 * w->WindowPadding.y;
    return drawn - w->Scroll.y > height + 1.f;
}

void fadeBottom(float height)
{
    const ImVec2 pos = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const ImU32 clear = colours().page & ~IM_COL32_A_MASK;
    ImGui::GetWindowDrawList()->AddRectFilledMultiColor(ImVec2(pos.x, pos.y + size.y - height),
                                                        ImVec2(pos.x + size.x, pos.y + size.y), clear, clear,
                                                        colours().page, colours().page);
}

float scrollCueHeight(const Metrics& m)
{
    return m.tapHeight;
}

bool scrollCue(Frame& f, ImVec2 size)
{
    const Metrics& m = f.m;
    const std::string& label = f.t("scroll.more");
    const float words = textWidth(f.fonts.body, std::string(icon::kArrowUp) + "  " + label);
    const float w = std::min(size.x - 2 * m.margin, words + 2 * m.gap + 40.f * m.scale);
    const float h = size.y - m.gap * 0.5f;
    ImGui::SetCursorPosX((size.x - w) / 2);
    return button(f, "scroll.more", icon::kArrowUp, label, ImVec2(w, h), ButtonStyle::Secondary,
                  f.fonts.body);
}

} // namespace kiosk::ui

// Between visitors: whose service this is, the numbers to call now, one topic at a time with its
// icon and one sentence (each in every language in turn), and "touch the screen to start" in all
// three languages. Readable from across the hall; only the topic card ever changes.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::ui {

namespace {

// A block of words that is no button, in the UI map's areas (tests check that it fits).
void mapArea(Frame& f, const std::string& id, const std::string& label, ImVec2 min, ImVec2 max, bool fits)
{
    f.map.areas.push_back({id, label, min.x, min.y, max.x - min.x, max.y - min.y, false, !fits, {}});
}

// Between names on one line, as in helpLine().
const std::string kDot = "  \u00b7  ";

// Names (partners, or a number's name and digits) on lines at most `width` wide, joined by a
// dot, a name never split between lines (unless it is wider than a line by itself).
std::vector<std::string> nameLines(ImFont* font, const std::vector<std::string>& names, float width)
{
    std::vector<std::string> lines;
    for (const std::string& name : names) {
        const std::string longer = lines.empty() ? name : lines.back() + kDot + name;
        if (!lines.empty() && textWidth(font, longer) <= width)
            lines.back() = longer;
        else
            lines.push_back(name);
    }
    return lines;
}

// Help now, before anything else: the numbers, and a button that opens them large with their QR
// codes (the shell lets this one touch through as it wakes the kiosk). Returns the band's height.
float drawHelpBand(Frame& f, ImVec2 size)
{
    const Metrics& m = f.m;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float bandH = m.tapHeight + 2 * m.gap * 0.75f;
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, bandH), colours().framePressed);
    const std::string label = std::string(icon::kPhone) + "  " + f.t("help.open");
    const float bw = std::max(textWidth(f.fonts.tile, label) + 64.f * m.scale, 300.f * m.scale);
    const ImVec2 b(size.x - m.margin - bw, (bandH - m.tapHeight) / 2);
    dl->AddRectFilled(b, ImVec2(b.x + bw, b.y + m.tapHeight), colours().warning, m.rounding);
    drawCentred(dl, f.fonts.tile, colours().onFrame, label, b, ImVec2(b.x + bw, b.y + m.tapHeight));
    mapWidget(f, "help.open", f.t("help.open"), b, ImVec2(b.x + bw, b.y + m.tapHeight));
    // As large as the band holds: read from across the hall. A name and its number stay together.
    const std::string line = helpLine(f.strings, f.lang);
    const ImVec2 min(m.margin, 0), max(b.x - m.gap, bandH);
    const auto broken = [&](ImFont* font) {
        std::vector<std::string> entries;
        for (std::size_t from = 0, to = 0; from <= line.size(); from = to + kDot.size()) {
            to = std::min(line.find(kDot, from), line.size());
            entries.push_back(line.substr(from, to - from));
        }
        std::string text;
        for (const std::string& l : nameLines(font, entries, max.x - min.x))
            text += (text.empty() ? "" : "\n") + l;
        return text;
    };
    std::string shown = broken(f.fonts.heading);
    ImFont* font = f.fonts.heading;
    if (centredHeight(font, shown, max.x - min.x) > bandH) {
        font = f.fonts.tile;
        shown = broken(font);
    }
    const bool fits = drawCentred(dl, font, colours().onFrame, shown, min, max);
    const float h = std::min(bandH, centredHeight(font, shown, max.x - min.x));
    mapArea(f, "attract.numbers", line, ImVec2(min.x, (bandH - h) / 2), ImVec2(max.x, (bandH + h) / 2), fits);
    f.map.values["attract.numbers"] = line;
    return bandH;
}

// Whose service this is: the office's logo (if configured), "an information service of", the
// partners (or, with none configured, the programme), and the programme and village. Returns
// where it ends.
float drawService(Frame& f, const AttractView& v, float top, float width)
{
    const Metrics& m = f.m;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string& programme = f.t("header.programme");
    const bool partners = !v.partners.empty();
    std::string below = partners ? programme : std::string();
    if (!v.village.empty())
        below += (below.empty() ? "" : "  \u00b7  ") + v.village;
    const std::string& intro = f.t("attract.service");

    // The logo as tall as the words beside it, at most twice as wide as tall.
    const std::optional<Picture> logo =
        v.logo.empty() || !f.pictures ? std::nullopt : f.pictures->picture(v.logo);
    const float logoH = 150.f * m.scale;
    const float logoW =
        logo && logo->height > 0 ? std::min(logoH * logo->width / logo->height, 2 * logoH) : 0.f;
    const float logoGap = logoW > 0 ? m.gap * 1.5f : 0.f;
    const float textW = width - 2 * m.margin - logoW - logoGap;

    const std::vector<std::string> named = partners ? v.partners : std::vector<std::string>{programme};
    const std::vector<std::string> names = nameLines(f.fonts.heading, named, textW);
    const auto blockW = [&](ImFont* font, const std::string& text) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, textW, text.c_str()).x;
    };
    float wordsW = std::max(blockW(f.fonts.tile, intro), blockW(f.fonts.tile, below));
    float wordsH = wrappedHeight(f.fonts.tile, intro, textW) + 8.f * m.scale;
    for (const std::string& line : names) {
        wordsW = std::max(wordsW, blockW(f.fonts.heading, line));
        wordsH += wrappedHeight(f.fonts.heading, line, textW);
    }
    if (!below.empty())
        wordsH += 8.f * m.scale + wrappedHeight(f.fonts.tile, below, textW);
    wordsW = std::min(wordsW, textW);

    const float blockH = std::max(wordsH, logoW > 0 ? logoH : 0.f);
    const float left = (width - (logoW + logoGap + wordsW)) / 2;
    if (logoW > 0) {
        const ImVec2 at(std::floor(left), std::floor(top + (blockH - logoH) / 2));
        // A white ground, so that a logo drawn for paper shows as it was meant to.
        const float pad = 8.f * m.scale;
        dl->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + logoW + pad, at.y + logoH + pad),
                          colours().card, m.rounding);
        dl->AddImage(reinterpret_cast<ImTextureID>(logo->texture), at, ImVec2(at.x + logoW, at.y + logoH));
        mapArea(f, "attract.logo", v.logo, at, ImVec2(at.x + logoW, at.y + logoH), true);
    }
    // Beside a logo the words start at its edge; alone they are centred.
    const float x = left + logoW + logoGap;
    float y = top + (blockH - wordsH) / 2;
    const auto line = [&](ImFont* font, ImU32 colour, const std::string& text) {
        const float w = logoW > 0 ? 0.f : (wordsW - blockW(font, text)) / 2;
        dl->AddText(font, font->FontSize, ImVec2(std::floor(x + w), std::floor(y)), colour, text.c_str(),
                    nullptr, textW);
        y += wrappedHeight(font, text, textW);
    };
    line(f.fonts.tile, colours().onFrameMuted, intro);
    y += 8.f * m.scale;
    for (const std::string& name : names)
        line(f.fonts.heading, colours().onFrame, name);
    std::string joined;
    for (const std::string& name : named)
        joined += (joined.empty() ? "" : " \u00b7 ") + name;
    if (!below.empty()) {
        y += 8.f * m.scale;
        line(f.fonts.tile, colours().onFrameMuted, below);
    }
    mapArea(f, "attract.service", intro + " " + joined, ImVec2(x, top + (blockH - wordsH) / 2),
            ImVec2(x + wordsW, top + (blockH + wordsH) / 2), x >= 0 && x + wordsW <= width + 0.5f);
    f.map.values["attract.partners"] = joined;
    return top + blockH;
}

// "Touch the screen to start": large in the screen's language, the others under it. Drawn up from
// `bottom`; returns where it starts.
float drawTouch(Frame& f, float bottom, float width)
{
    const Metrics& m = f.m;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::string others;
    for (Lang lang : f.languages)
        if (lang != f.lang)
            others += (others.empty() ? "" : "  \u00b7  ") + f.strings.get(lang, "attract.touch");
    const std::string large = std::string(icon::kHandPointer) + "  " + f.t("attract.touch");
    const float w = width - 2 * m.margin;
    const float mainH = centredHeight(f.fonts.display, large, w);
    const float othersH = others.empty() ? 0.f : centredHeight(f.fonts.tile, others, w) + 8.f * m.scale;
    const float top = bottom - mainH - othersH;
    bool fits = drawCentred(dl, f.fonts.display, colours().onFrame, large, ImVec2(m.margin, top),
                            ImVec2(width - m.margin, top + mainH));
    if (!others.empty())
        fits = drawCentred(dl, f.fonts.tile, colours().onFrameMuted, others,
                           ImVec2(m.margin, bottom - othersH), ImVec2(width - m.margin, bottom)) &&
               fits;
    mapArea(f, "attract.touch", f.t("attract.touch"), ImVec2(m.margin, top), ImVec2(width - m.margin, bottom),
            fits);
    return top;
}

// The languages the cards take turns in: the screen's own first, then the others offered.
std::vector<Lang> cardLangs(const Frame& f)
{
    std::vector<Lang> langs{f.lang};
    for (Lang lang : f.languages)
        if (lang != f.lang)
            langs.push_back(lang);
    return langs;
}

struct Card {
    Topic topic;
    Lang lang;
};

// Each topic in every language in turn, then the next topic.
Card cardAt(const Frame& f, long step)
{
    const auto langs = cardLangs(f);
    const auto n = static_cast<long>(langs.size());
    const auto topics = static_cast<long>(kAllTopics.size());
    return {kAllTopics[static_cast<std::size_t>((step / n) % topics)],
            langs[static_cast<std::size_t>(step % n)]};
}

struct CardLayout {
    float pad, iconW, textW, between;
};

CardLayout cardLayout(const Frame& f, float cardW)
{
    const Metrics& m = f.m;
    const float pad = 40.f * m.scale;
    const float iconW = f.fonts.icon->FontSize * 1.6f;
    return {pad, iconW, cardW - 3 * pad - iconW, 12.f * m.scale};
}

float cardWordsHeight(const Frame& f, const CardLayout& l, Card card)
{
    const std::string id(topicId(card.topic));
    return wrappedHeight(f.fonts.title, f.strings.get(card.lang, "home.tile." + id + ".label"), l.textW) +
           l.between +
           wrappedHeight(f.fonts.heading, f.strings.get(card.lang, "attract.topic." + id), l.textW);
}

// As tall as the card with the most words needs: the card never changes size as it turns.
float cardHeight(const Frame& f, const CardLayout& l)
{
    float h = f.fonts.icon->FontSize * 1.6f;
    for (Topic topic : kAllTopics)
        for (Lang lang : cardLangs(f))
            h = std::max(h, cardWordsHeight(f, l, {topic, lang}));
    return h + 2 * l.pad;
}

void drawCard(Frame& f, Card card, ImVec2 min, ImVec2 max, const CardLayout& l)
{
    const Metrics& m = f.m;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, colours().card, m.rounding * 1.5f);
    drawCentred(dl, f.fonts.icon, topicColour(card.topic), topicIcon(card.topic),
                ImVec2(min.x + l.pad, min.y), ImVec2(min.x + l.pad + l.iconW, max.y));
    const std::string id(topicId(card.topic));
    const std::string& label = f.strings.get(card.lang, "home.tile." + id + ".label");
    const std::string& sentence = f.strings.get(card.lang, "attract.topic." + id);
    const float textL = min.x + 2 * l.pad + l.iconW;
    const float wordsH = cardWordsHeight(f, l, card);
    float y = std::floor(min.y + (max.y - min.y - wordsH) / 2);
    dl->AddText(f.fonts.title, f.fonts.title->FontSize, ImVec2(textL, y), colours().frame, label.c_str(),
                nullptr, l.textW);
    y += wrappedHeight(f.fonts.title, label, l.textW) + l.between;
    dl->AddText(f.fonts.heading, f.fonts.heading->FontSize, ImVec2(textL, y), colours().text,
                sentence.c_str(), nullptr, l.textW);
    f.map.values["attract.card"] = id;
    f.map.values["attract.card.lang"] = std::string(langCode(card.lang));
    f.map.values["attract.card.text"] = label + " " + sentence;
}

} // namespace

std::optional<ImVec4> AttractScreen::draw(Frame& f, const AttractView& v)
{
    const Metrics& m = f.m;
    const ImVec2 size = ImGui::GetWindowSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), size, colours().frame);

    // The whole screen is the button.
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::InvisibleButton("attract.start", size);
    const float band = drawHelpBand(f, size);
    mapWidget(f, "attract.start", f.strings.get(Lang::Id, "attract.touch"), ImVec2(0, band), size);

    const float serviceEnd = drawService(f, v, band + m.gap * 1.5f, size.x);
    const float touchTop = drawTouch(f, size.y - m.margin, size.x);

    // The topic card in the middle of what is left, as large as its longest words need.
    const float cardW = std::min(size.x - 2 * m.margin, 1500.f * m.scale);
    const CardLayout layout = cardLayout(f, cardW);
    const float cardH = cardHeight(f, layout);
    const float spaceTop = serviceEnd + m.gap, spaceBottom = touchTop - m.gap;
    const float cardY = std::floor(spaceTop + std::max(0.f, (spaceBottom - spaceTop - cardH) / 2));
    const ImVec2 min(std::floor((size.x - cardW) / 2), cardY);
    const ImVec2 max(min.x + std::floor(cardW), cardY + std::ceil(cardH));
    const Card card = cardAt(f, v.step);
    drawCard(f, card, min, max, layout);
    mapArea(f, "attract.card", f.map.values["attract.card.text"], min, max,
            cardH <= spaceBottom - spaceTop + 0.5f);

    // Everything but the card as a key: while it stays the same, a new card changes only the card.
    std::string still = std::to_string(size.x) + "x" + std::to_string(size.y) + "/" +
                        std::string(langCode(f.lang)) + "/" + std::to_string(m.scale) + "/" +
                        std::to_string(reinterpret_cast<std::uintptr_t>(f.fonts.body)) + "/" +
                        std::to_string(static_cast<int>(currentTheme())) + "/" + v.logo + "/" + v.village +
                        "/" + f.map.values["attract.partners"] + "/" + f.map.values["attract.numbers"] + "/" +
                        std::to_string(min.x) + "," + std::to_string(min.y) + "," + std::to_string(max.x) +
                        "," + std::to_string(max.y);
    for (const WidgetBox& a : f.map.areas)
        still += "/" + a.id + std::to_string(a.w) + "x" + std::to_string(a.h); // a logo that came or went
    const bool same = still == m_still;
    const bool turned = v.step != m_step;
    m_still = std::move(still);
    m_step = v.step;
    if (!same)
        return std::nullopt;
    if (!turned)
        return ImVec4(0, 0, 0, 0); // nothing new
    // The card's rounded edge is drawn with soft pixels just outside it.
    const float edge = 2.f;
    return ImVec4(min.x - edge, min.y - edge, max.x + edge, max.y + edge);
}

} // namespace kiosk::ui

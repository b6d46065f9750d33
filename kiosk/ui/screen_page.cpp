// A guidance page: its blocks top to bottom in one comfortable column, then where the facts come
// from and when they were checked.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include "core/qr.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace kiosk::ui {
namespace {

float textHeight(ImFont* font, const std::string& s, float width)
{
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, s.c_str()).y;
}

// Draws wrapped text at `pos` without moving the layout cursor; returns its height.
float put(ImDrawList* dl, ImFont* font, ImU32 col, const std::string& s, ImVec2 pos, float width)
{
    dl->AddText(font, font->FontSize, pos, col, s.c_str(), nullptr, width);
    return textHeight(font, s, width);
}

// A bulleted or numbered list: the step's number in a circle that grows with the text.
void listBlock(Frame& f, const Block& b, const std::string& part, float x0, float width)
{
    const float s = f.m.scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float indent = std::max(56.f * s, f.fonts.body->FontSize * 1.24f + 18.f * s);
    for (std::size_t i = 0; i < b.items.size(); ++i) {
        ImGui::SetCursorPosX(x0);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (b.type == BlockType::Steps) {
            const float r = f.fonts.body->FontSize * 0.62f;
            const ImVec2 c(p.x + r + 2 * s, p.y + f.fonts.body->FontSize * 0.55f);
            dl->AddCircleFilled(c, r, colours().frame);
            const std::string n = std::to_string(i + 1);
            drawCentred(dl, f.fonts.bodyBold, colours().onFrame, n, ImVec2(c.x - r, c.y - r),
                        ImVec2(c.x + r, c.y + r));
        } else {
            const float r = 6.f * s;
            dl->AddCircleFilled(ImVec2(p.x + indent * 0.4f, p.y + f.fonts.body->FontSize * 0.55f), r,
                                colours().frame);
        }
        ImGui::SetCursorPosX(x0 + indent);
        wrappedText(f, part + ".i" + std::to_string(i), f.fonts.body, colours().text, b.items[i],
                    width - indent);
    }
}

// A warning or a tip: a tinted card with its icon, an optional bold title and the text.
void noteBlock(Frame& f, const Block& b, const std::string& part, float width)
{
    const float s = f.m.scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool warning = b.type == BlockType::Warning;
    const ImU32 accent = warning ? colours().warning : colours().frame;
    const char* ic = warning ? icon::kWarning : icon::kLightbulb;
    const float pad = 26.f * s;
    const float iconW = f.fonts.heading->FontSize * 1.3f;
    const float inner = width - 2 * pad - iconW - 10.f * s;
    float h = textHeight(f.fonts.body, b.text, inner);
    if (!b.title.empty())
        h += textHeight(f.fonts.bodyBold, b.title, inner) + 8.f * s;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + width, p.y + h + 2 * pad);
    card(dl, p, q, f.m, warning ? colours().warningBg : colours().tipBg, accent, accent);
    dl->AddText(f.fonts.heading, f.fonts.heading->FontSize, ImVec2(p.x + pad + 6.f * s, p.y + pad), accent,
                ic);
    const float tx = p.x + pad + iconW + 10.f * s;
    float ty = p.y + pad;
    if (!b.title.empty()) {
        highlightReading(f, dl, part + ".t", f.fonts.bodyBold, ImVec2(tx, ty), inner, b.title);
        ty += put(dl, f.fonts.bodyBold, warning ? colours().warning : colours().text, b.title, ImVec2(tx, ty),
                  inner) +
              8.f * s;
    }
    highlightReading(f, dl, part, f.fonts.body, ImVec2(tx, ty), inner, b.text);
    put(dl, f.fonts.body, colours().text, b.text, ImVec2(tx, ty), inner);
    ImGui::Dummy(ImVec2(width, q.y - p.y));
}

// A picture at its own size (never wider than the column), or a plain card while it is missing.
void imageBlock(Frame& f, const Block& b, const std::string& part, float x0, float width)
{
    const float s = f.m.scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Picture pic = f.pictures ? f.pictures->picture(b.file).value_or(Picture{}) : Picture{};
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (pic.texture && pic.width > 0) {
        const float w = std::min(width, pic.width * s);
        const float h = pic.height * (w / pic.width);
        dl->AddImage(reinterpret_cast<ImTextureID>(pic.texture), p, ImVec2(p.x + w, p.y + h));
        ImGui::Dummy(ImVec2(w, h));
    } else {
        const float h = 120.f * s;
        card(dl, p, ImVec2(p.x + width, p.y + h), f.m, colours().card, colours().cardBorder);
        ImGui::Dummy(ImVec2(width, h));
    }
    if (!b.caption.empty()) {
        ImGui::SetCursorPosX(x0);
        wrappedText(f, part + ".caption", f.fonts.body, colours().textMuted, b.caption, width);
    }
}

// Where a link block leads: a page, a checklist's screen of its kind (a document checklist, or a
// sign checklist such as the job-offer check), or the company search (the one screen kLinkScreens
// names).
Route linkTarget(const Content& content, const Block& b)
{
    if (!b.page.empty())
        return Route::page(b.page);
    if (b.checklist.empty())
        return Route::recruiter();
    if (const ChecklistRules* rules = content.checklist(b.checklist))
        return routeTo(*rules);
    return Route::checklist(b.checklist);
}

// A button to another page or to a checklist, ringed while its words are read aloud.
Asked linkBlock(Frame& f, const Block& b, const std::string& part, float width)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    // One button per target on a page (the content checks see to it): a stable map id.
    const std::string id = !b.page.empty()        ? "page.link.page." + b.page
                           : !b.checklist.empty() ? "page.link.checklist." + b.checklist
                                                  : "page.link.screen." + b.screen;
    const float w = std::min(width, 760.f * s);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    Asked action;
    const char* mark = !b.page.empty()        ? icon::kChevronRight
                       : !b.checklist.empty() ? icon::kCheckSquare
                                              : icon::kSearch;
    if (button(f, id, mark, b.label, ImVec2(w, m.tapHeight), ButtonStyle::Primary))
        action = intent::Open{linkTarget(f.content, b)};
    if (f.reading && f.reading->part == part + ".label")
        ImGui::GetWindowDrawList()->AddRect(ImVec2(p.x - 5.f * s, p.y - 5.f * s),
                                            ImVec2(p.x + w + 5.f * s, p.y + m.tapHeight + 5.f * s),
                                            colours().reading, m.rounding + 5.f * s, 0, 8.f * s);
    return action;
}

} // namespace

Asked PageScreen::draw(Frame& f, const Page& page)
{
    const Metrics& m = f.m;
    Asked action;
    const auto [x0, width] = readingColumn(m);
    const float gap = 8.f * m.scale; // plus the item spacing on both sides

    ImGui::SetCursorPos(ImVec2(x0, m.margin * 0.75f));
    wrappedText(f, "title", f.fonts.heading, colours().frame, page.title, width);
    f.map.values["title"] = page.title;
    ImGui::Dummy(ImVec2(1, gap * 0.5f));
    // Its key points and numbers to take home, near the top where it is seen.
    if (const std::string takeHome = pageTakeHome(page, f.content, f.lang, f.contacts);
        offeredToTakeHome(takeHome)) {
        if (takeHomeButton(f, takeHome, Column{x0, width}, 760.f * m.scale)) // as wide as a link
            action = intent::Open{Route::takeHome(Route::page(page.id))};
        ImGui::Dummy(ImVec2(1, gap));
    }

    for (std::size_t bi = 0; bi < page.blocks.size(); ++bi) {
        const Block& b = page.blocks[bi];
        const std::string part = "b" + std::to_string(bi); // as core/speech names it
        ImGui::SetCursorPosX(x0);
        switch (b.type) {
        case BlockType::Heading:
            ImGui::Dummy(ImVec2(1, gap * 0.5f));
            ImGui::SetCursorPosX(x0);
            wrappedText(f, part, f.fonts.tile, colours().text, b.text, width);
            break;
        case BlockType::Paragraph: wrappedText(f, part, f.fonts.body, colours().text, b.text, width); break;
        case BlockType::Bullets:
        case BlockType::Steps: listBlock(f, b, part, x0, width); break;
        case BlockType::Warning:
        case BlockType::Tip: noteBlock(f, b, part, width); break;
        case BlockType::Contact: contact(f, b, part, x0, width); break;
        case BlockType::Image: imageBlock(f, b, part, x0, width); break;
        case BlockType::Link:
            if (Asked asked = linkBlock(f, b, part, width))
                action = std::move(asked);
            break;
        }
        ImGui::Dummy(ImVec2(1, gap));
    }
    sourceAndDate(f, Column{x0, width}, f.content.citedBy(page), page.verified);
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

void PageScreen::contact(Frame& f, const Block& b, const std::string& part, float x0, float width)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const auto [number, whatsapp, hours, address, shipped] = shownContact(b, f.contacts);
    // A number shipped with the content says how old its source is ("sumber: April 2024").
    std::string sourceDate;
    if (shipped && !b.source.empty())
        if (const auto it = f.content.sources.find(b.source); it != f.content.sources.end())
            sourceDate = formatSourceDate(it->second.date, f.lang, true);
    const float pad = 26.f * s;
    const float qrSide = number.empty() ? 0.f : 190.f * s;
    const bool qrBeside = width >= 760.f * s;
    const float inner = width - 2 * pad - (qrBeside ? qrSide + pad : 0.f);

    // Lines of the card, measured first so the card can be drawn behind them.
    struct Line {
        ImFont* font;
        ImU32 colour;
        std::string text;
        std::string part; // as core/speech names it, for the highlight while reading aloud
    };
    std::vector<Line> lines{{f.fonts.tile, colours().text, b.name, part + ".name"}};
    if (!b.purpose.empty())
        lines.push_back({f.fonts.body, colours().textMuted, b.purpose, part + ".purpose"});
    if (!number.empty())
        lines.push_back(
            {f.fonts.heading, colours().frame, std::string(icon::kPhone) + "  " + number, part + ".number"});
    else
        lines.push_back(
            {f.fonts.bodyBold, colours().text, std::string(icon::kInfo) + "  " + f.t("contact.not_set"), {}});
    if (!sourceDate.empty()) {
        lines.push_back({f.fonts.body,
                         colours().textMuted,
                         withValues(f.t("contact.source"), {{"{date}", sourceDate}}),
                         {}});
        f.map.values[part + ".source"] = sourceDate;
    }
    if (!whatsapp.empty())
        lines.push_back({f.fonts.tile, colours().done, std::string(icon::kWhatsapp) + "  " + whatsapp, {}});
    if (!hours.empty())
        lines.push_back({f.fonts.body, colours().text, std::string(icon::kClock) + "  " + hours, {}});
    if (!address.empty())
        lines.push_back({f.fonts.body, colours().text, std::string(icon::kMapMarker) + "  " + address, {}});
    float h = 0;
    for (const Line& l : lines)
        h += textHeight(l.font, l.text, inner) + 6.f * s;
    const float qrBlock = qrSide > 0 ? qrSide + f.fonts.body->FontSize * 2.6f : 0.f;
    const float bodyH = qrBeside ? std::max(h, qrBlock) : h + (qrSide > 0 ? qrBlock + pad : 0.f);

    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + width, p.y + bodyH + 2 * pad);
    card(dl, p, q, m, colours().card, colours().cardBorder, colours().frame);
    float ty = p.y + pad;
    for (const Line& l : lines) {
        if (!l.part.empty())
            highlightReading(f, dl, l.part, l.font, ImVec2(p.x + pad + 6.f * s, ty), inner, l.text);
        ty += put(dl, l.font, l.colour, l.text, ImVec2(p.x + pad + 6.f * s, ty), inner) + 6.f * s;
    }

    if (qrSide > 0) {
        const ImVec2 qp = qrBeside ? ImVec2(q.x - pad - qrSide, p.y + pad)
                                   : ImVec2(p.x + pad + 6.f * s, p.y + pad + h + pad);
        if (const QrCode* code = m_qr.get(telLink(number))) {
            const float side = drawQr(dl, *code, qp, qrSide);
            drawCentred(dl, f.fonts.body, colours().textMuted, f.t("contact.scan"),
                        ImVec2(qp.x - 20.f * s, qp.y + side + 4.f * s),
                        ImVec2(qp.x + side + 20.f * s, qp.y + side + f.fonts.body->FontSize * 2.4f));
        }
    }
    ImGui::Dummy(ImVec2(width, q.y - p.y));
}

} // namespace kiosk::ui

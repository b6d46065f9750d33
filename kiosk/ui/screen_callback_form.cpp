// "Minta Dihubungi": the callback form. It is one scrolling column; while a field is edited the
// keyboard takes the bottom of the screen and the field is scrolled to sit just above it.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include "core/text.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::ui {
namespace {

const char* topicIconFor(RequestTopic t)
{
    switch (t) {
    case RequestTopic::Passport: return icon::kBook;
    case RequestTopic::WorkAbroad: return icon::kBriefcase;
    case RequestTopic::Trafficking: return icon::kWarning;
    case RequestTopic::Other: return icon::kQuestion;
    }
    return icon::kQuestion;
}

const char* fieldIcon(Field field)
{
    switch (field) {
    case Field::Name: return icon::kUser;
    case Field::Phone: return icon::kPhone;
    case Field::Dusun:
    case Field::Rt:
    case Field::Rw: return icon::kMapMarker;
    case Field::Note: return icon::kPencil;
    }
    return icon::kPencil;
}

// Lines of a text box: byte ranges [begin, end) of `text`, wrapped at `width`, breaking at newlines.
struct TextLine {
    std::size_t begin, end;
};

std::vector<TextLine> layoutLines(ImFont* font, const std::string& text, float width)
{
    std::vector<TextLine> lines;
    const char* base = text.c_str();
    const char* s = base;
    const char* end = base + text.size();
    while (true) {
        const char* nl = std::find(s, end, '\n');
        const char* wrap = s == nl ? nl : font->CalcWordWrapPositionA(1.f, s, nl, width);
        if (wrap == s && s < nl) { // one character wider than the box: take it anyway
            ++wrap;
            while (wrap < nl && (static_cast<unsigned char>(*wrap) & 0xC0) == 0x80)
                ++wrap;
        }
        lines.push_back({static_cast<std::size_t>(s - base), static_cast<std::size_t>(wrap - base)});
        if (wrap < nl) {
            // The blanks at a wrap belong to no line (as ImGui draws it); a caret among them
            // shows at the end of the line before.
            s = wrap;
            while (s < nl && *s == ' ')
                ++s;
            if (s < nl)
                continue;
        }
        if (nl == end)
            break;
        s = nl + 1; // the newline belongs to no line; the next line starts after it
    }
    return lines;
}

float textWidth(ImFont* font, const std::string& text, std::size_t from, std::size_t to)
{
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str() + from, text.c_str() + to).x;
}

// The caret offset nearest to a point, relative to the text's top left.
std::size_t caretAt(ImFont* font, const std::string& text, const std::vector<TextLine>& lines, float x,
                    float y)
{
    const auto row = static_cast<std::size_t>(
        std::clamp(std::floor(y / font->FontSize), 0.f, static_cast<float>(lines.size() - 1)));
    const TextLine& line = lines[row];
    std::size_t best = line.begin;
    float bestDistance = std::fabs(x);
    for (std::size_t pos = line.begin; pos < line.end;) {
        const auto d = decodeUtf8(text, pos);
        pos += d ? d->length : 1;
        const float distance = std::fabs(textWidth(font, text, line.begin, pos) - x);
        if (distance < bestDistance) {
            best = pos;
            bestDistance = distance;
        }
    }
    return best;
}

// A message beside a field: the attention colour, an icon, the words.
void fieldMessage(Frame& f, const std::string& key, float x0, float width)
{
    if (key.empty())
        return;
    ImGui::SetCursorPosX(x0);
    wrappedText(f.fonts.bodyBold, colours().attention, std::string(icon::kInfo) + "  " + f.t(key), width);
}

// Heading of one part of the form: icon, words, and "(optional)" where it is.
void partLabel(Frame& f, const char* ic, const std::string& label, bool optional, float x0, float width)
{
    ImGui::SetCursorPosX(x0);
    std::string text = std::string(ic) + "  " + label;
    if (optional)
        text += "  (" + f.t("form.optional") + ")";
    wrappedText(f.fonts.tile, colours().text, text, width);
}

// One pass down the form, top to bottom. The parts share the column and the frame's tap, and note
// where the part asked for begins and where the field being edited ends, to bring them into sight.
class FormDrawing {
public:
    FormDrawing(Frame& f, const FormState& form)
        : m_f(f), m_form(form), m_column(readingColumn(f.m)), m_dl(ImGui::GetWindowDrawList())
    {
    }

    void title();
    // A text box across the column, under its label.
    void field(Field field) { textBox(field, m_column.x0, m_column.width, true); }
    // Dusun, then RT and RW side by side.
    void address();
    void topic();
    void contactTime();
    // The whole card is the box to tick.
    void consent();
    void reviewButton();

    [[nodiscard]] const Asked& action() const { return m_action; }
    // Where the part asked for begins, in window content coordinates (-1: not drawn).
    [[nodiscard]] float scrollTarget() const { return m_scrollTarget; }
    // Where the field being edited ends, its messages included (-1: none edited).
    [[nodiscard]] float editedBottom() const { return m_editedBottom; }

private:
    void anchor(std::string_view part);
    // One text box: its label and hint (when `withLabel`), the text with the caret, and its message.
    void textBox(Field field, float bx, float bw, bool withLabel);
    void textBoxLabel(Field field, float bx, float bw);
    // Big buttons, one per value, two to a row where there is room.
    template <typename Values, typename IdOf, typename IconOf, typename IsChosen, typename IntentOf>
    void choices(const char* group, const Values& values, IdOf idOf, IconOf iconOf, IsChosen isChosen,
                 IntentOf intentOf);

    Frame& m_f;
    const FormState& m_form;
    Column m_column;
    ImDrawList* m_dl;
    Asked m_action;
    float m_scrollTarget = -1;
    float m_editedBottom = -1;
};

void FormDrawing::anchor(std::string_view part)
{
    if (m_form.scrollTo == part)
        m_scrollTarget = ImGui::GetCursorPosY();
}

void FormDrawing::title()
{
    Frame& f = m_f;
    const auto [x0, width] = m_column;
    ImGui::SetCursorPos(ImVec2(x0, f.m.margin * 0.75f));
    wrappedText(f, "form.title", f.fonts.heading, colours().frame,
                std::string(icon::kComments) + "  " + f.t("home.tile.callback.label"), width);
    ImGui::SetCursorPosX(x0);
    wrappedText(f, "form.intro", f.fonts.body, colours().textMuted, f.callback.fill(f.t("form.intro")),
                width);
    ImGui::Dummy(ImVec2(1, 16.f * f.m.scale));
}

void FormDrawing::textBoxLabel(Field field, float bx, float bw)
{
    Frame& f = m_f;
    const std::string id(fieldId(field));
    const FieldText& ft = m_form.at(field);
    anchor(id);
    const bool optional = field != Field::Name && field != Field::Phone;
    const float labelY = ImGui::GetCursorScreenPos().y;
    partLabel(f, fieldIcon(field), f.t("form.field." + id + ".label"), optional, bx, bw);
    if (isMultiline(field)) { // how much room is left, at the end of the label's line
        const std::string count =
            std::to_string(countCodePoints(ft.text)) + " / " + std::to_string(maxLength(field));
        const float cw = f.fonts.body->CalcTextSizeA(f.fonts.body->FontSize, FLT_MAX, 0, count.c_str()).x;
        m_dl->AddText(f.fonts.body, f.fonts.body->FontSize,
                      ImVec2(ImGui::GetWindowPos().x + bx + bw - cw,
                             labelY + f.fonts.tile->FontSize - f.fonts.body->FontSize),
                      colours().textMuted, count.c_str());
    }
    const std::string& hint = f.t("form.field." + id + ".hint");
    if (!hint.empty()) {
        ImGui::SetCursorPosX(bx);
        wrappedText(f.fonts.body, colours().textMuted, hint, bw);
    }
    ImGui::Dummy(ImVec2(1, 6.f * f.m.scale));
}

void FormDrawing::textBox(Field field, float bx, float bw, bool withLabel)
{
    Frame& f = m_f;
    const FormState& form = m_form;
    const Metrics& m = f.m;
    const float s = m.scale;
    ImDrawList* dl = m_dl;
    const std::string id(fieldId(field));
    const bool editing = form.editing == field;
    const FieldText& ft = form.at(field);
    ImFont* font = f.fonts.tile;
    const float pad = 20.f * s;
    if (withLabel)
        textBoxLabel(field, bx, bw);
    const auto lines = layoutLines(font, ft.text, bw - 2 * pad);
    const float minLines = isMultiline(field) ? 3.f : 1.f;
    const float textH = std::max(minLines, static_cast<float>(lines.size())) * font->FontSize;
    const float h = std::max(m.tapHeight, textH + 2 * pad);
    ImGui::SetCursorPosX(bx);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + bw, p.y + h);
    const std::string widget = "form.field." + id;
    if (ImGui::InvisibleButton(widget.c_str(), ImVec2(bw, h))) {
        const ImVec2 at = ImGui::GetIO().MouseClickedPos[0];
        const std::size_t caret = caretAt(font, ft.text, lines, at.x - p.x - pad, at.y - p.y - pad);
        m_action = intent::MoveCaret{field, caret};
    }
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    if (WidgetBox* w = mapWidget(f, widget, f.t("form.field." + id + ".label"), p, q))
        w->value = ft.text;
    const bool problem = !form.errorOf(field).empty();
    dl->AddRectFilled(p, q, pressed ? colours().cardPressed : colours().card, m.rounding);
    dl->AddRect(p, q,
                editing   ? colours().frame
                : problem ? colours().attention
                          : colours().cardBorder,
                m.rounding, 0, (editing ? 4.f : 2.f) * s);
    const float ty = p.y + (lines.size() == 1 && !isMultiline(field) ? (h - font->FontSize) / 2 : pad);
    if (ft.text.empty() && !editing) {
        dl->AddText(f.fonts.body, f.fonts.body->FontSize,
                    ImVec2(p.x + pad, p.y + (isMultiline(field) ? pad : (h - f.fonts.body->FontSize) / 2)),
                    colours().textMuted, f.t("form.tap_to_fill").c_str());
    }
    for (std::size_t i = 0; i < lines.size(); ++i)
        dl->AddText(font, font->FontSize, ImVec2(p.x + pad, ty + static_cast<float>(i) * font->FontSize),
                    colours().text, ft.text.c_str() + lines[i].begin, ft.text.c_str() + lines[i].end);
    if (editing) {
        // The caret: on the line that holds it (at a wrap, the start of the next line).
        std::size_t row = 0;
        while (row + 1 < lines.size() && ft.caret >= lines[row + 1].begin &&
               !(ft.caret <= lines[row].end && lines[row].end < lines[row + 1].begin))
            ++row;
        const std::size_t upTo = std::min(std::max(ft.caret, lines[row].begin), lines[row].end);
        const float cx = p.x + pad + textWidth(font, ft.text, lines[row].begin, upTo);
        const float cy = ty + static_cast<float>(row) * font->FontSize;
        dl->AddRectFilled(ImVec2(cx, cy), ImVec2(cx + 3.f * s, cy + font->FontSize), colours().frame);
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, q.y + 6.f * s));
    fieldMessage(f, form.errorOf(field), bx, bw);
    if (editing) {
        fieldMessage(f, form.notice, bx, bw);
        m_editedBottom = ImGui::GetCursorPosY();
    }
}

void FormDrawing::address()
{
    Frame& f = m_f;
    const FormState& form = m_form;
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = m_column;
    const bool addressAsked = form.scrollTo == "dusun" || form.scrollTo == "rt" || form.scrollTo == "rw";
    if (addressAsked)
        m_scrollTarget = ImGui::GetCursorPosY();
    partLabel(f, icon::kMapMarker, f.t("form.address"), true, x0, width);
    ImGui::Dummy(ImVec2(1, 6.f * s));
    ImGui::SetCursorPosX(x0);
    wrappedText(f.fonts.bodyBold, colours().text, f.t("form.field.dusun.label"), width);
    textBox(Field::Dusun, x0, width, false);
    ImGui::Dummy(ImVec2(1, 10.f * s));
    const float half = (width - m.gap) / 2;
    const float top = ImGui::GetCursorPosY();
    float bottom = top;
    for (const auto& [field, bx] : {std::pair{Field::Rt, x0}, std::pair{Field::Rw, x0 + half + m.gap}}) {
        ImGui::SetCursorPos(ImVec2(bx, top));
        ImGui::BeginGroup();
        ImGui::SetCursorPosX(bx);
        wrappedText(f.fonts.bodyBold, colours().text,
                    f.t("form.field." + std::string(fieldId(field)) + ".label"), half);
        textBox(field, bx, half, false);
        ImGui::EndGroup();
        bottom = std::max(bottom, ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetScrollY());
    }
    ImGui::SetCursorPos(ImVec2(x0, bottom));
}

template <typename Values, typename IdOf, typename IconOf, typename IsChosen, typename IntentOf>
void FormDrawing::choices(const char* group, const Values& values, IdOf idOf, IconOf iconOf,
                          IsChosen isChosen, IntentOf intentOf)
{
    Frame& f = m_f;
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = m_column;
    const int columns = width >= 900.f * s ? 2 : 1;
    const float bgap = 20.f * s;
    const float bw = (width - bgap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float top = ImGui::GetCursorPosY();
    int i = 0;
    for (const auto v : values) {
        const std::string vid(idOf(v));
        const float col = static_cast<float>(i % columns);
        ImGui::SetCursorPos(ImVec2(x0 + col * (bw + bgap), top));
        const bool chosen = isChosen(v);
        const std::string label = f.t(std::string("form.") + group + "." + vid);
        const std::string id = std::string("form.") + group + "." + vid;
        if (button(f, id, chosen ? icon::kCheck : iconOf(v), label, ImVec2(bw, m.tapHeight),
                   chosen ? ButtonStyle::Primary : ButtonStyle::Secondary, f.fonts.bodyBold))
            m_action = intentOf(v);
        if (WidgetBox* w = chosen ? f.map.find(id) : nullptr)
            w->value = "chosen";
        if (++i % columns == 0)
            top += m.tapHeight + bgap;
    }
    if (i % columns != 0)
        top += m.tapHeight + bgap;
    ImGui::SetCursorPos(ImVec2(x0, top));
}

void FormDrawing::topic()
{
    Frame& f = m_f;
    const auto [x0, width] = m_column;
    anchor("topic");
    partLabel(f, icon::kComments, f.t("form.topic.label"), false, x0, width);
    ImGui::Dummy(ImVec2(1, 6.f * f.m.scale));
    choices(
        "topic", kAllRequestTopics, requestTopicId, topicIconFor,
        [&](RequestTopic t) { return m_form.topic == t; },
        [](RequestTopic t) -> Intent { return intent::ChooseTopic{t}; });
    fieldMessage(f, m_form.topicError, x0, width);
}

void FormDrawing::contactTime()
{
    Frame& f = m_f;
    const auto [x0, width] = m_column;
    partLabel(f, icon::kClock, f.t("form.time.label"), false, x0, width);
    ImGui::Dummy(ImVec2(1, 6.f * f.m.scale));
    choices(
        "time", kAllContactTimes, contactTimeId, [](ContactTime) { return icon::kClock; },
        [&](ContactTime t) { return m_form.time == t; },
        [](ContactTime t) -> Intent { return intent::ChooseTime{t}; });
}

void FormDrawing::consent()
{
    Frame& f = m_f;
    const FormState& form = m_form;
    const Metrics& m = f.m;
    const float s = m.scale;
    const auto [x0, width] = m_column;
    ImDrawList* dl = m_dl;
    anchor("consent");
    const float pad = 24.f * s;
    const float boxW = f.fonts.heading->FontSize * 1.4f;
    const std::string text = f.callback.fill(f.t("form.consent.text"));
    const float inner = width - 2 * pad - boxW;
    const float h = std::max(m.tapHeight, wrappedHeight(f.fonts.body, text, inner) + 2 * pad);
    ImGui::SetCursorPosX(x0);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + width, p.y + h);
    if (ImGui::InvisibleButton("form.consent", ImVec2(width, h)))
        m_action = intent::ToggleConsent{};
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    if (WidgetBox* w = mapWidget(f, "form.consent", f.t("form.consent.label"), p, q); w && form.consent)
        w->value = "ticked";
    const bool problem = !form.consentError.empty();
    card(dl, p, q, m,
         pressed        ? colours().cardPressed
         : form.consent ? colours().doneBg
                        : colours().card,
         form.consent ? colours().done
         : problem    ? colours().attention
                      : colours().cardBorder);
    dl->AddText(f.fonts.heading, f.fonts.heading->FontSize, ImVec2(p.x + pad, p.y + pad),
                form.consent ? colours().done : colours().frame,
                form.consent ? icon::kCheckSquare : icon::kSquare);
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad + boxW, p.y + pad));
    wrappedText(f, "form.consent", f.fonts.body, colours().text, text, inner);
    ImGui::SetCursorScreenPos(ImVec2(p.x, q.y + 6.f * s));
    fieldMessage(f, form.consentError, x0, width);
}

void FormDrawing::reviewButton()
{
    Frame& f = m_f;
    const Metrics& m = f.m;
    const auto [x0, width] = m_column;
    ImGui::SetCursorPosX(x0);
    if (button(f, "form.review", icon::kChevronRight, f.t("form.review"),
               ImVec2(std::min(width, 640.f * m.scale), m.tapHeight), ButtonStyle::Primary))
        m_action = intent::Review{};
    ImGui::Dummy(ImVec2(1, m.margin));
}

} // namespace

Asked CallbackFormScreen::draw(Frame& f, const FormState& form)
{
    if (form.dangerCard)
        return drawDanger(f);
    m_dangerShown = false;
    const float gap = f.m.gap;
    FormDrawing d(f, form);
    d.title();
    d.field(Field::Name);
    ImGui::Dummy(ImVec2(1, gap));
    d.field(Field::Phone);
    ImGui::Dummy(ImVec2(1, gap));
    d.address();
    ImGui::Dummy(ImVec2(1, gap));
    d.topic();
    ImGui::Dummy(ImVec2(1, gap));
    d.contactTime();
    ImGui::Dummy(ImVec2(1, gap));
    d.field(Field::Note);
    ImGui::Dummy(ImVec2(1, gap));
    d.consent();
    ImGui::Dummy(ImVec2(1, gap));
    d.reviewButton();
    scrollIntoSight(f.m, form, d.scrollTarget(), d.editedBottom());
    return d.action();
}

Asked CallbackFormScreen::drawDanger(Frame& f)
{
    const Metrics& m = f.m;
    const Column col = readingColumn(m);
    const auto [x0, width] = col;
    if (!std::exchange(m_dangerShown, true))
        ImGui::SetScrollY(0); // the card from its top, wherever the topic was chosen
    ImGui::SetCursorPos(ImVec2(x0, m.margin * 0.75f));
    wrappedText(f, "danger.title", f.fonts.heading, colours().warning,
                std::string(icon::kWarning) + "  " + f.t("danger.title"), width);
    ImGui::SetCursorPosX(x0);
    wrappedText(f, "danger.text", f.fonts.tile, colours().text, f.t("danger.text"), width);
    ImGui::Dummy(ImVec2(1, 8.f * m.scale));
    for (const HelpNumber& n : dangerNumbers(f.strings, f.lang)) {
        helpNumberCard(f, m_qr, n, col);
        ImGui::Dummy(ImVec2(1, 4.f * m.scale));
    }
    ImGui::Dummy(ImVec2(1, m.gap));
    ImGui::SetCursorPosX(x0);
    Asked action;
    if (button(f, "form.danger.continue", icon::kArrowRight, f.t("danger.continue"),
               ImVec2(std::min(width, 760.f * m.scale), m.tapHeight), ButtonStyle::Primary))
        action = intent::ContinueRequest{};
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

// Brings the part asked for into sight: a part with problems to the top; the field being edited,
// with its messages, just above the keyboard (its label at the top if it is too tall for that),
// again whenever what it shows changes.
void CallbackFormScreen::scrollIntoSight(const Metrics& m, const FormState& form, float scrollTarget,
                                         float editedBottom)
{
    std::string edited;
    if (form.editing) {
        const Field e = *form.editing;
        edited =
            std::string(fieldId(e)) + '\n' + form.at(e).text + '\n' + form.errorOf(e) + '\n' + form.notice;
    }
    const bool asked = form.scrollRequest != m_scrollSeen;
    if ((asked || edited != m_editedSeen) && scrollTarget >= 0) {
        const float gap = 16.f * m.scale;
        const float viewH = ImGui::GetWindowHeight();
        const float y = ImGui::GetScrollY();
        float target = scrollTarget - gap;
        if (editedBottom >= 0) {
            const bool inSight = scrollTarget - gap >= y && editedBottom + gap <= y + viewH;
            target = inSight ? y : std::min(scrollTarget - gap, std::max(0.f, editedBottom + gap - viewH));
        }
        ImGui::SetScrollY(std::max(0.f, target));
    }
    m_scrollSeen = form.scrollRequest;
    m_editedSeen = std::move(edited);
}

Asked CallbackFormScreen::drawKeyboard(Frame& f, const FormState& form, float width)
{
    if (!form.editing)
        return {};
    if (auto key = m_keyboard.draw(f, keypadFor(*form.editing), form.shift, width))
        return intent::PressKey{*key};
    return {};
}

} // namespace kiosk::ui

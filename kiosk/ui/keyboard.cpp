// The on-screen keyboard, laid out on a grid of equal units so that no key is narrower than a
// touch target on the narrowest screen (11 units across 1080 px in portrait).
#include "ui/keyboard.hpp"

#include "ui/icons.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <vector>

namespace kiosk::ui {
namespace {

constexpr float kKeyHeight = 100.f; // at 1080; the shell's smallest target is 96
constexpr float kKeyGap = 10.f;
constexpr float kPad = 14.f;
constexpr float kMaxWidth = 1500.f;
constexpr double kRepeatDelay = 0.5;  // s before a held backspace repeats
constexpr double kRepeatRate = 0.075; // s between repeats

// One place on the grid: a key, or a gap of that width.
struct Place {
    std::optional<Key> key; // none: a gap
    float units = 1.f;      // width in grid units
};

std::vector<std::vector<Place>> letterRows(Keypad pad)
{
    const bool note = pad == Keypad::Note;
    auto letters = [](const char* s) {
        std::vector<Place> row;
        for (; *s; ++s)
            row.push_back({letterKey(*s)});
        return row;
    };
    std::vector<Place> r1 = letters("qwertyuiop");
    r1.push_back({Key::Backspace});
    std::vector<Place> r2 = letters("asdfghjkl");
    r2.push_back({Key::Apostrophe});
    // The search has one field: nothing to go on to.
    r2.push_back(pad == Keypad::Search ? Place{} : Place{Key::Next});
    std::vector<Place> r3{{Key::Shift}};
    for (Place k : letters("zxcvbnm"))
        r3.push_back(k);
    r3.push_back({Key::Comma});
    r3.push_back({Key::Period});
    r3.push_back({Key::Dash});
    std::vector<Place> r4{{Key::EAcute}, {Key::EGrave}, {Key::Slash}};
    if (note) {
        r4.push_back({Key::Space, 5.f});
        r4.push_back({Key::Newline});
    } else {
        r4.push_back({Key::Space, 6.f});
    }
    r4.push_back({Key::Done, 2.f});
    return {r1, r2, r3, r4};
}

// A reference ("CMG-0427"): the digits on top, the letters, the dash; no shift (always capitals), no
// space. Four rows of eleven units, like the letters.
std::vector<std::vector<Place>> referenceRows()
{
    auto letters = [](const char* s) {
        std::vector<Place> row;
        for (; *s; ++s)
            row.push_back({letterKey(*s)});
        return row;
    };
    std::vector<Place> r1;
    for (const int d : {1, 2, 3, 4, 5, 6, 7, 8, 9, 0})
        r1.push_back({digitKey(d)});
    r1.push_back({Key::Backspace});
    std::vector<Place> r2 = letters("qwertyuiop");
    r2.push_back({Key::Dash});
    std::vector<Place> r3 = letters("asdfghjkl");
    r3.push_back({Key::Done, 2.f});
    std::vector<Place> r4{{std::nullopt, 2.f}};
    for (Place k : letters("zxcvbnm"))
        r4.push_back(k);
    r4.push_back({std::nullopt, 2.f});
    return {r1, r2, r3, r4};
}

std::vector<std::vector<Place>> numberRows(bool phone)
{
    // Three digits and one wide command key per row; a phone number may start with +.
    const Place gap{std::nullopt, 1.f};
    return {{{digitKey(1)}, {digitKey(2)}, {digitKey(3)}, {Key::Backspace, 2.f}},
            {{digitKey(4)}, {digitKey(5)}, {digitKey(6)}, {Key::Next, 2.f}},
            {{digitKey(7)}, {digitKey(8)}, {digitKey(9)}, {Key::Done, 2.f}},
            {phone ? Place{Key::Plus} : gap,
             {digitKey(0)},
             phone ? Place{Key::Space} : gap,
             {std::nullopt, 2.f}}};
}

// The icon a command key shows beside (or above) its word.
const char* commandIcon(Key key)
{
    switch (key) {
    case Key::Backspace: return icon::kLongArrowLeft;
    case Key::Next: return icon::kArrowRight;
    case Key::Done: return icon::kCheck;
    case Key::Newline: return icon::kLevelDown;
    default: return nullptr;
    }
}

// What a key shows: its character, or an icon and a word.
struct KeyFace {
    std::string label;
    const char* icon = nullptr;
    ImFont* font;
    ButtonStyle style = ButtonStyle::Key;
};

KeyFace keyFace(Frame& f, Key key, bool shift)
{
    KeyFace face{{}, nullptr, f.fonts.heading};
    if (const auto text = FormState::keyText(key, shift); text && key != Key::Space && key != Key::Newline) {
        face.label = *text;
    } else if (key == Key::Shift) {
        face.icon = icon::kArrowUp;
        face.label = shift ? "ABC" : "abc";
        face.font = f.fonts.bodyBold;
        if (shift)
            face.style = ButtonStyle::Primary;
    } else {
        face.font = f.fonts.bodyBold;
        face.icon = commandIcon(key);
        face.label = f.t("osk." + std::string(keyId(key)));
        if (key == Key::Done)
            face.style = ButtonStyle::Primary;
    }
    return face;
}

// One key at the cursor, `w` wide. Narrow keys put the icon above the word, or show the icon
// alone (larger) where the word would have to break; the word still names the key in the UI map.
bool keyButton(Frame& f, Key key, const KeyFace& face, float w, float h, bool narrow)
{
    const float s = f.m.scale;
    const bool wordFits = textWidth(face.font, face.label) <= w - 32.f * s;
    const std::string id = "osk.key." + std::string(keyId(key));
    if (face.icon && narrow && !wordFits) {
        ImFont* mark = f.fonts.heading; // as large as fits
        for (ImFont* smaller : {f.fonts.tile, f.fonts.bodyBold})
            if (textWidth(mark, face.icon) > w - 32.f * s)
                mark = smaller;
        return markButton(f, id, face.icon, face.label, ImVec2(w, h), face.style, mark);
    }
    return button(f, id, nullptr,
                  face.icon ? std::string(face.icon) + (narrow ? "\n" : "  ") + face.label : face.label,
                  ImVec2(w, h), face.style, face.font);
}

} // namespace

float Keyboard::height(const Metrics& m)
{
    return (4 * kKeyHeight + 3 * kKeyGap + 2 * kPad) * m.scale;
}

bool Keyboard::backspaceRepeats()
{
    const ImGuiIO& io = ImGui::GetIO();
    const float t1 = io.MouseDownDuration[0];
    const float t0 = t1 - io.DeltaTime;
    // Not on the frame the finger lands (1.86 counts t1 == 0 as a repeat): a tap deletes on release
    // like every key, and a touch that turns into a drag deletes nothing.
    if (t1 > 0.f && ImGui::CalcTypematicRepeatAmount(t0, t1, static_cast<float>(kRepeatDelay),
                                                     static_cast<float>(kRepeatRate)) > 0) {
        m_repeated = true;
        return true;
    }
    return false;
}

Keypad keypadFor(Field field)
{
    if (field == Field::Phone)
        return Keypad::Phone;
    if (usesNumberPad(field))
        return Keypad::Digits;
    return field == Field::Note ? Keypad::Note : Keypad::Letters;
}

std::optional<Key> Keyboard::draw(Frame& f, Keypad pad, bool shift, float width)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const bool numbers = pad == Keypad::Digits || pad == Keypad::Phone;
    const auto rows = numbers                    ? numberRows(pad == Keypad::Phone)
                      : pad == Keypad::Reference ? referenceRows()
                                                 : letterRows(pad);
    const float unitsAcross = numbers ? 5.f : 11.f;
    const float keyH = kKeyHeight * s;
    const float gap = kKeyGap * s;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // The panel is the page's own colour (already cleared: software rendering pays per pixel
    // painted), set off from the form above by a rule.
    dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + 3.f * s), colours().cardBorder);

    // Number keys are wider than letters, but the pad stays a compact block in the middle.
    const float usable = std::min(width - 2 * kPad * s, (numbers ? 900.f : kMaxWidth) * s);
    const float unit = (usable - gap * (unitsAcross - 1)) / unitsAcross;
    const float left = origin.x + (width - usable) / 2;

    std::optional<Key> pressed;
    bool holding = false;
    float y = origin.y + kPad * s;
    for (const auto& row : rows) {
        float x = left;
        for (const Place& place : row) {
            const float w = unit * place.units + gap * (place.units - 1);
            if (!place.key) {
                x += w + gap;
                continue;
            }
            const Key key = *place.key;
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (keyButton(f, key, keyFace(f, key, shift), w, keyH, place.units < 2.f) &&
                !(key == Key::Backspace && m_repeated))
                pressed = key;
            if (key == Key::Backspace && ImGui::IsItemActive() && ImGui::IsItemHovered()) {
                holding = true;
                if (backspaceRepeats())
                    pressed = key;
            }
            x += w + gap;
        }
        y += keyH + gap;
    }
    if (!holding && !ImGui::IsMouseDown(0))
        m_repeated = false;
    m_holding = holding;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height(m)));
    return pressed;
}

} // namespace kiosk::ui

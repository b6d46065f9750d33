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

struct Key {
    std::string id;     // osk.key.<id>
    float units = 1.f;  // width in grid units
    bool blank = false; // a gap of that width
};

std::vector<std::vector<Key>> letterRows(bool note)
{
    auto letters = [](const char* s) {
        std::vector<Key> row;
        for (; *s; ++s)
            row.push_back({std::string(1, *s)});
        return row;
    };
    std::vector<Key> r1 = letters("qwertyuiop");
    r1.push_back({"backspace"});
    std::vector<Key> r2 = letters("asdfghjkl");
    r2.push_back({"apostrophe"});
    r2.push_back({"next"});
    std::vector<Key> r3{{"shift"}};
    for (Key k : letters("zxcvbnm"))
        r3.push_back(k);
    r3.push_back({"comma"});
    r3.push_back({"period"});
    r3.push_back({"dash"});
    std::vector<Key> r4{{"e-acute"}, {"e-grave"}, {"slash"}};
    if (note) {
        r4.push_back({"space", 5.f});
        r4.push_back({"newline"});
    } else {
        r4.push_back({"space", 6.f});
    }
    r4.push_back({"done", 2.f});
    return {r1, r2, r3, r4};
}

std::vector<std::vector<Key>> numberRows(bool phone)
{
    // Three digits and one wide command key per row; a phone number may start with +.
    return {{{"1"}, {"2"}, {"3"}, {"backspace", 2.f}},
            {{"4"}, {"5"}, {"6"}, {"next", 2.f}},
            {{"7"}, {"8"}, {"9"}, {"done", 2.f}},
            {phone ? Key{"plus"} : Key{"", 1.f, true}, {"0"}, phone ? Key{"space"} : Key{"", 1.f, true},
             {"", 2.f, true}}};
}

} // namespace

float Keyboard::height(const Metrics& m)
{
    return (4 * kKeyHeight + 3 * kKeyGap + 2 * kPad) * m.scale;
}

std::optional<std::string> Keyboard::draw(Frame& f, const FormState& form, float width)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const bool numbers = form.editing && usesNumberPad(*form.editing);
    const bool note = form.editing == Field::Note;
    const auto rows = numbers ? numberRows(form.editing == Field::Phone) : letterRows(note);
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

    std::optional<std::string> pressed;
    bool holding = false;
    float y = origin.y + kPad * s;
    for (const auto& row : rows) {
        float x = left;
        for (const Key& k : row) {
            const float w = unit * k.units + gap * (k.units - 1);
            if (k.blank) {
                x += w + gap;
                continue;
            }
            std::string label;
            const char* icon = nullptr;
            ImFont* font = f.fonts.heading;
            ButtonStyle style = ButtonStyle::Key;
            if (const auto text = FormState::keyText(k.id, form.shift); text && k.id != "space" &&
                                                                        k.id != "newline") {
                label = *text;
            } else if (k.id == "shift") {
                icon = icon::kArrowUp;
                label = form.shift ? "ABC" : "abc";
                font = f.fonts.bodyBold;
                if (form.shift)
                    style = ButtonStyle::Primary;
            } else {
                font = f.fonts.bodyBold;
                static constexpr std::pair<const char*, const char*> kIcons[] = {
                    {"backspace", icon::kLongArrowLeft}, {"next", icon::kArrowRight},
                    {"done", icon::kCheck},              {"newline", icon::kLevelDown},
                    {"space", nullptr}};
                for (const auto& [id, ic] : kIcons)
                    if (k.id == id)
                        icon = ic;
                label = f.t("osk." + k.id);
                if (k.id == "done")
                    style = ButtonStyle::Primary;
            }
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            // Narrow keys put the icon above the word, or show the icon alone (larger) where the word
            // would have to break; the word still names the key in the UI map.
            const bool narrow = k.units < 2.f;
            const bool wordFits = textWidth(font, label) <= w - 32.f * s;
            const std::string id = "osk.key." + k.id;
            bool tapped = false;
            if (icon && narrow && !wordFits) {
                ImFont* mark = f.fonts.heading; // as large as fits
                for (ImFont* smaller : {f.fonts.tile, f.fonts.bodyBold})
                    if (textWidth(mark, icon) > w - 32.f * s)
                        mark = smaller;
                tapped = markButton(f, id, icon, label, ImVec2(w, keyH), style, mark);
            } else {
                tapped = button(f, id, nullptr, icon ? std::string(icon) + (narrow ? "\n" : "  ") + label : label,
                                ImVec2(w, keyH), style, font);
            }
            if (tapped && !(k.id == "backspace" && m_repeated))
                pressed = k.id;
            if (k.id == "backspace" && ImGui::IsItemActive() && ImGui::IsItemHovered()) {
                holding = true;
                const ImGuiIO& io = ImGui::GetIO();
                const float t1 = io.MouseDownDuration[0];
                const float t0 = t1 - io.DeltaTime;
                // Not on the frame the finger lands (1.86 counts t1 == 0 as a repeat): a tap
                // deletes on release like every key, and a touch that turns into a drag deletes
                // nothing.
                if (t1 > 0.f && ImGui::CalcTypematicRepeatAmount(t0, t1, static_cast<float>(kRepeatDelay),
                                                                 static_cast<float>(kRepeatRate)) > 0) {
                    pressed = k.id;
                    m_repeated = true;
                }
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

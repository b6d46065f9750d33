// The officer dashboard's settings card: the voice, the language visits start in, the theme.
#include "ui/icons.hpp"
#include "ui/officer_cards.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace kiosk::ui::dashboard {
namespace {

// A setting changed in steps: its name and value on the left, − and + on the right (below when
// narrow). Ids officer.setting.<name>.minus / .plus.
Asked stepper(Frame& f, const CardScope& c, const std::string& name, const char* ic, const std::string& label,
              const std::string& value, const SettingChange& minus, const SettingChange& plus)
{
    const Metrics& m = f.m;
    Asked action;
    const float bw = m.tapHeight * 1.2f;
    const float buttonsW = 2 * bw + m.gap;
    const std::string text = std::string(ic) + "  " + label + ": " + value;
    const bool beside = textWidth(f.fonts.bodyBold, text) + m.gap + buttonsW <= c.innerWidth();
    const float top = ImGui::GetCursorPosY();
    const float textW = beside ? c.innerWidth() - buttonsW - m.gap : c.innerWidth();
    const float textH = wrappedHeight(f.fonts.bodyBold, text, textW);
    ImGui::SetCursorPos(ImVec2(c.innerLeft(), beside ? top + (m.tapHeight - textH) / 2 : top));
    f.map.texts.push_back(text);
    wrappedText(f.fonts.bodyBold, colours().text, text, textW);
    const float by = beside ? top : ImGui::GetCursorPosY() + 6.f * m.scale;
    const float bx = beside ? c.innerLeft() + c.innerWidth() - buttonsW : c.innerLeft();
    ImGui::SetCursorPos(ImVec2(bx, by));
    if (button(f, "officer.setting." + name + ".minus", icon::kMinus, "", ImVec2(bw, m.tapHeight),
               ButtonStyle::Secondary))
        action = intent::ChangeSetting{minus};
    ImGui::SetCursorPos(ImVec2(bx + bw + m.gap, by));
    if (button(f, "officer.setting." + name + ".plus", icon::kPlus, "", ImVec2(bw, m.tapHeight),
               ButtonStyle::Secondary))
        action = intent::ChangeSetting{plus};
    ImGui::SetCursorPos(ImVec2(c.innerLeft(), by + m.tapHeight + m.gap));
    return action;
}

// A setting with a few choices: its name, then a button per choice, the current one filled and
// ticked. Ids officer.setting.<name>.<choice>.
struct Choice {
    std::string id;    // in the widget's id
    std::string words; // on the button
    SettingChange change;
};
Asked choices(Frame& f, const CardScope& c, const std::string& name, const char* ic, const std::string& label,
              const std::vector<Choice>& options, const std::string& current)
{
    const Metrics& m = f.m;
    Asked action;
    line(f, c, f.fonts.bodyBold, colours().text, std::string(ic) + "  " + label, 6.f * m.scale);
    const auto n = static_cast<float>(options.size());
    // One row when every choice's words fit; otherwise one under another.
    float widest = 0;
    for (const Choice& o : options)
        widest = std::max(widest, textWidth(f.fonts.tile, std::string(icon::kCheck) + "  " + o.words) +
                                      40.f * m.scale);
    const bool oneRow = widest * n + m.gap * (n - 1) <= c.innerWidth();
    const float w = oneRow ? (c.innerWidth() - m.gap * (n - 1)) / n : c.innerWidth();
    const float top = ImGui::GetCursorPosY();
    for (std::size_t i = 0; i < options.size(); ++i) {
        const auto& [id, words, change] = options[i];
        const float fi = static_cast<float>(i);
        ImGui::SetCursorPos(oneRow ? ImVec2(c.innerLeft() + fi * (w + m.gap), top)
                                   : ImVec2(c.innerLeft(), top + fi * (m.tapHeight + m.gap)));
        const bool chosen = id == current;
        if (button(f, "officer.setting." + name + "." + id, chosen ? icon::kCheck : nullptr, words,
                   ImVec2(w, m.tapHeight), chosen ? ButtonStyle::Primary : ButtonStyle::Secondary))
            action = intent::ChangeSetting{change};
    }
    const float rows = oneRow ? 1.f : n;
    ImGui::SetCursorPos(ImVec2(c.innerLeft(), top + rows * (m.tapHeight + m.gap)));
    return action;
}

} // namespace

// Changes are audited.
Asked drawSettingsCard(Frame& f, const OfficerSnapshot& desk, Column page)
{
    const float s = f.m.scale;
    CardScope c(f.m, page);
    line(f, c, f.fonts.tile, colours().frame, std::string(icon::kCog) + "  " + f.t("officer.settings.title"),
         12.f * s);
    if (!desk.settings) {
        line(f, c, f.fonts.body, colours().textMuted, f.t("officer.settings.unknown"));
        return {};
    }
    const KioskSettings& st = *desk.settings;
    for (const SettingValue& v : settingValues(st))
        f.map.values["setting_" + v.name] = v.value;
    Asked action;
    take(action, stepper(f, c, "volume", icon::kVolumeUp, f.t("officer.settings.volume"),
                         std::to_string(st.volume) + " %", setting::Volume{-1}, setting::Volume{+1}));
    take(action, stepper(f, c, "rate", icon::kTachometer, f.t("officer.settings.rate"),
                         std::to_string(st.speechRate) + " " + f.t("officer.settings.rate_unit"),
                         setting::Rate{-1}, setting::Rate{+1}));
    std::vector<Choice> langs;
    for (Lang l : f.languages)
        langs.push_back({std::string(langCode(l)), f.strings.get(l, "lang.self"), setting::StartLanguage{l}});
    take(action, choices(f, c, "lang", icon::kGlobe, f.t("officer.settings.lang"), langs,
                         std::string(langCode(st.defaultLang))));
    take(action,
         choices(f, c, "theme", icon::kAdjust, f.t("officer.settings.theme"),
                 {{"standard", f.t("officer.settings.theme_standard"), setting::Colours{Theme::Standard}},
                  {"high-contrast", f.t("officer.settings.theme_high_contrast"),
                   setting::Colours{Theme::HighContrast}}},
                 std::string(themeName(st.theme))));
    return action;
}

} // namespace kiosk::ui::dashboard

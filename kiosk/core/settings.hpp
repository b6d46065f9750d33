// The settings an officer changes on the kiosk itself: volume and speed of the voice, the language
// each visit starts in, the colour theme. Kept in the database (store/settings), every change
// audited; what is out of range falls back to the default rather than stopping the kiosk.
#pragma once

#include "core/language.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk {

enum class Theme { Standard, HighContrast };

[[nodiscard]] std::string_view themeName(Theme theme);
[[nodiscard]] std::optional<Theme> themeFromName(std::string_view name);

struct KioskSettings {
    static constexpr int kVolumeStep = 10;                                                   // percent
    static constexpr int kRateMin = 110, kRateMax = 200, kRateStep = 15, kRateDefault = 155; // words/min

    int volume = 80;               // 0..100, in steps of 10
    int speechRate = kRateDefault; // eSpeak NG's words per minute (its own default is 175: older
                                   // listeners follow a slower voice more easily)
    Lang defaultLang = kDefaultLang;
    Theme theme = Theme::Standard;

    friend bool operator==(const KioskSettings&, const KioskSettings&) = default;
};

// One setting as stored: its name and value as text ("volume" "80", "theme" "high-contrast").
struct SettingValue {
    std::string name, value;
};

[[nodiscard]] std::vector<SettingValue> settingValues(const KioskSettings& s);
// Applies one stored value; false (and `s` unchanged) when the name is unknown or the value out of range.
bool applySettingValue(KioskSettings& s, std::string_view name, std::string_view value);

// One tap on the officer's settings card.
namespace setting {
struct Volume {
    int step; // +1 louder, -1 softer, by kVolumeStep
};
struct Rate {
    int step; // +1 faster, -1 slower, by kRateStep
};
struct StartLanguage {
    Lang lang;
};
struct Colours {
    Theme theme;
};
} // namespace setting
using SettingChange = std::variant<setting::Volume, setting::Rate, setting::StartLanguage, setting::Colours>;

// "volume", "rate", "lang" or "theme": what a tap changes, for log lines.
[[nodiscard]] std::string_view settingName(const SettingChange& change);
// The settings after a tap; volume and speed stay within their range.
[[nodiscard]] KioskSettings adjusted(const KioskSettings& s, const SettingChange& change);

// "volume: 80 -> 60" for each setting that differs, for the audit log (plain ASCII: the fonts
// have no arrow).
[[nodiscard]] std::vector<std::string> describeChanges(const KioskSettings& before,
                                                       const KioskSettings& after);

} // namespace kiosk

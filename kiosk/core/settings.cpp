// Officer settings: their stored form, their ranges and how a tap changes them.
#include "core/settings.hpp"

#include <algorithm>
#include <charconv>
#include <type_traits>
#include <variant>

namespace kiosk {
namespace {

std::optional<int> toInt(std::string_view text)
{
    int v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return v;
}

bool validVolume(int v)
{
    return v >= 0 && v <= 100 && v % KioskSettings::kVolumeStep == 0;
}

bool validRate(int v)
{
    return v >= KioskSettings::kRateMin && v <= KioskSettings::kRateMax;
}

} // namespace

std::string_view themeName(Theme theme)
{
    return theme == Theme::HighContrast ? "high-contrast" : "standard";
}

std::optional<Theme> themeFromName(std::string_view name)
{
    if (name == "standard")
        return Theme::Standard;
    if (name == "high-contrast")
        return Theme::HighContrast;
    return std::nullopt;
}

std::vector<SettingValue> settingValues(const KioskSettings& s)
{
    return {{"volume", std::to_string(s.volume)},
            {"speech_rate", std::to_string(s.speechRate)},
            {"default_language", std::string(langCode(s.defaultLang))},
            {"theme", std::string(themeName(s.theme))}};
}

bool applySettingValue(KioskSettings& s, std::string_view name, std::string_view value)
{
    if (name == "volume") {
        const auto v = toInt(value);
        if (!v || !validVolume(*v))
            return false;
        s.volume = *v;
        return true;
    }
    if (name == "speech_rate") {
        const auto v = toInt(value);
        if (!v || !validRate(*v))
            return false;
        s.speechRate = *v;
        return true;
    }
    if (name == "default_language") {
        const auto lang = langFromCode(value);
        if (!lang)
            return false;
        s.defaultLang = *lang;
        return true;
    }
    if (name == "theme") {
        const auto theme = themeFromName(value);
        if (!theme)
            return false;
        s.theme = *theme;
        return true;
    }
    return false;
}

std::string_view settingName(const SettingChange& change)
{
    static constexpr std::string_view kNames[] = {"volume", "rate", "lang", "theme"};
    return kNames[change.index()];
}

KioskSettings adjusted(const KioskSettings& s, const SettingChange& change)
{
    KioskSettings out = s;
    std::visit(
        [&out](const auto& c) {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, setting::Volume>)
                out.volume = std::clamp(out.volume + c.step * KioskSettings::kVolumeStep, 0, 100);
            else if constexpr (std::is_same_v<C, setting::Rate>)
                out.speechRate = std::clamp(out.speechRate + c.step * KioskSettings::kRateStep,
                                            KioskSettings::kRateMin, KioskSettings::kRateMax);
            else if constexpr (std::is_same_v<C, setting::StartLanguage>)
                out.defaultLang = c.lang;
            else
                out.theme = c.theme;
        },
        change);
    return out;
}

std::vector<std::string> describeChanges(const KioskSettings& before, const KioskSettings& after)
{
    std::vector<std::string> out;
    const auto a = settingValues(before);
    const auto b = settingValues(after);
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].value != b[i].value)
            out.push_back(a[i].name + ": " + a[i].value + " -> " + b[i].value);
    return out;
}

} // namespace kiosk

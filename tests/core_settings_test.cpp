// Tests of officer settings: stored values, their ranges, what a tap changes, the audit words.
#include "core/settings.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("settings: stored values read back; out of range or unknown ones change nothing")
{
    KioskSettings s;
    for (const SettingValue& v : settingValues(s)) {
        KioskSettings t;
        CHECK(applySettingValue(t, v.name, v.value));
        CHECK(t == s);
    }
    CHECK(applySettingValue(s, "volume", "0"));
    CHECK(s.volume == 0);
    for (const char* bad : {"101", "-10", "55", "", "80 ", "8O"})
        CHECK_FALSE(applySettingValue(s, "volume", bad));
    CHECK(s.volume == 0);
    CHECK_FALSE(applySettingValue(s, "speech_rate", "100"));
    CHECK_FALSE(applySettingValue(s, "speech_rate", "201"));
    CHECK(applySettingValue(s, "speech_rate", "110"));
    CHECK_FALSE(applySettingValue(s, "default_language", "fr"));
    CHECK(applySettingValue(s, "default_language", "jv"));
    CHECK(s.defaultLang == Lang::Jv);
    CHECK_FALSE(applySettingValue(s, "theme", "dark"));
    CHECK_FALSE(applySettingValue(s, "brightness", "1"));
}

TEST_CASE("settings: a tap moves one step and stops at the ends")
{
    KioskSettings s;
    KioskSettings louder = adjusted(s, setting::Volume{+1});
    CHECK(louder.volume == 90);
    louder = adjusted(louder, setting::Volume{+1});
    CHECK(louder.volume == 100);
    CHECK(adjusted(louder, setting::Volume{+1}).volume == 100);
    s.volume = 0;
    CHECK(adjusted(s, setting::Volume{-1}).volume == 0);

    KioskSettings r;
    for (int i = 0; i < 20; ++i)
        r = adjusted(r, setting::Rate{-1});
    CHECK(r.speechRate == KioskSettings::kRateMin);
    for (int i = 0; i < 20; ++i)
        r = adjusted(r, setting::Rate{+1});
    CHECK(r.speechRate == KioskSettings::kRateMax);

    CHECK(adjusted(s, setting::StartLanguage{Lang::En}).defaultLang == Lang::En);
    CHECK(adjusted(s, setting::Colours{Theme::HighContrast}).theme == Theme::HighContrast);
    // A tap names what it changes by type: "volume up" or an unknown setting is no longer a value
    // that could reach the desk.
    CHECK(settingName(setting::Volume{+1}) == "volume");
    CHECK(settingName(setting::Rate{-1}) == "rate");
    CHECK(settingName(setting::StartLanguage{Lang::Jv}) == "lang");
    CHECK(settingName(setting::Colours{Theme::Standard}) == "theme");
}

TEST_CASE("settings: each change described for the audit log, nothing for no change")
{
    KioskSettings a, b;
    CHECK(describeChanges(a, b).empty());
    b.volume = 60;
    b.theme = Theme::HighContrast;
    CHECK(describeChanges(a, b) ==
          std::vector<std::string>{"volume: 80 -> 60", "theme: standard -> high-contrast"});
}

// The words on the kiosk's buttons and screens, per language, read from data/content/<lang>/ui.toml.
#pragma once

#include "core/language.hpp"
#include "core/problems.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace kiosk {

class Strings {
public:
    // Reads ui.toml of every language under contentDir. A missing or broken file is a problem,
    // not a failure: the kiosk still starts and falls back to Indonesian.
    static Strings load(const std::filesystem::path& contentDir, Problems& problems);

    void set(Lang lang, std::string key, std::string text);

    // The text in `lang`, else in Indonesian, else the key itself in brackets (and the key is
    // remembered in missing(), which the tests require to stay empty).
    [[nodiscard]] const std::string& get(Lang lang, std::string_view key) const;
    [[nodiscard]] bool has(Lang lang, std::string_view key) const;
    [[nodiscard]] const std::map<std::string, std::string, std::less<>>& table(Lang lang) const;
    [[nodiscard]] const std::set<std::string, std::less<>>& missing() const { return m_missing; }
    // The line of `key` in the language's ui.toml (0 if unknown).
    [[nodiscard]] std::size_t line(Lang lang, std::string_view key) const;

private:
    std::array<std::map<std::string, std::string, std::less<>>, 3> m_tables;
    std::array<std::map<std::string, std::size_t, std::less<>>, 3> m_lines;
    mutable std::set<std::string, std::less<>> m_missing;
    mutable std::map<std::string, std::string, std::less<>> m_placeholders;
};

} // namespace kiosk

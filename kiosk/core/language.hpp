// The kiosk's three languages and their codes.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace kiosk {

enum class Lang { Id, Jv, En };

inline constexpr std::array<Lang, 3> kAllLangs{Lang::Id, Lang::Jv, Lang::En};
inline constexpr Lang kDefaultLang = Lang::Id;

// 0, 1, 2 in the order of kAllLangs: for arrays with one entry per language.
[[nodiscard]] constexpr std::size_t langIndex(Lang lang)
{
    return static_cast<std::size_t>(lang);
}

[[nodiscard]] std::string_view langCode(Lang lang);
[[nodiscard]] std::optional<Lang> langFromCode(std::string_view code);

} // namespace kiosk

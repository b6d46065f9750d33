// The kiosk's three languages and their codes.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace kiosk {

enum class Lang { Id, Jv, En };

inline constexpr std::array<Lang, 3> kAllLangs{Lang::Id, Lang::Jv, Lang::En};
inline constexpr Lang kDefaultLang = Lang::Id;

[[nodiscard]] std::string_view langCode(Lang lang);
[[nodiscard]] std::optional<Lang> langFromCode(std::string_view code);

} // namespace kiosk

// Dates as residents read them, in their language: "29 November 2026".
#pragma once

#include "core/language.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// "2026-11-29" as "29 November 2026" (id, en) or "29 Nopember 2026" (jv, with the month names of
// Central Java's government texts): the day without a leading zero, the month by name. Anything
// that is not a real date in that form comes back as it was.
[[nodiscard]] std::string formatDate(std::string_view iso, Lang lang);

// The days from `from` to `to`, both real dates written YYYY-MM-DD: how old a list taken on `from`
// is on `to` (negative when `to` comes first). Nothing when either is not such a date.
[[nodiscard]] std::optional<long> daysBetween(std::string_view from, std::string_view to);

} // namespace kiosk

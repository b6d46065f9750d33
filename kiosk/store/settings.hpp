// Officer settings in the database: read with defaults for anything missing or out of range,
// changed together with their audit row.
#pragma once

#include "core/clock.hpp"
#include "core/settings.hpp"
#include "store/db.hpp"

#include <ostream>
#include <string_view>

namespace kiosk::store {

inline constexpr std::string_view kAuditSettings =
    "settings"; // detail: "volume: 80 -> 60; theme: standard -> high-contrast"

// The stored settings. A row with an unknown name or a bad value is reported to `log` (name and
// value only) and its default used. Throws SqliteError.
[[nodiscard]] KioskSettings loadSettings(Db& db, std::ostream& log);

// Writes the settings that differ from `before` and one audit row naming each change, in one
// transaction. Nothing is written when nothing changed. Throws SqliteError (nothing written then).
void saveSettings(Db& db, Millis nowMs, const KioskSettings& before, const KioskSettings& after);

} // namespace kiosk::store

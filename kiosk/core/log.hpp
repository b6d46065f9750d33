// Levels of the kiosk's log lines. Every line says its level in words after "kiosk: " ("kiosk:
// warning: ...", "kiosk: error: ..."; none is information), so the same text reads well on a
// terminal, in a test's captured log and in the journal, which gets the level as a priority.
// Log lines name what happened and where, never a resident: no names, no phone numbers.
#pragma once

#include <optional>
#include <string_view>

namespace kiosk {

enum class LogLevel { Error, Warning, Info, Debug };

[[nodiscard]] std::optional<LogLevel> logLevelFromName(std::string_view name);
// The level a log line says it has ("kiosk: error: ..." → Error; no level word → Info).
[[nodiscard]] LogLevel levelOfLine(std::string_view line);
// syslog(3)'s priority of a level, as journald reads it from a "<N>" prefix.
[[nodiscard]] int syslogPriority(LogLevel level);

} // namespace kiosk

// Log levels by name and by line.
#include "core/log.hpp"

#include <array>
#include <utility>

namespace kiosk {
namespace {

constexpr std::array<std::pair<LogLevel, std::string_view>, 4> kNames{{
    {LogLevel::Error, "error"},
    {LogLevel::Warning, "warning"},
    {LogLevel::Info, "info"},
    {LogLevel::Debug, "debug"},
}};

} // namespace

std::optional<LogLevel> logLevelFromName(std::string_view name)
{
    for (const auto& [level, n] : kNames)
        if (n == name)
            return level;
    return std::nullopt;
}

LogLevel levelOfLine(std::string_view line)
{
    constexpr std::string_view kPrefix = "kiosk: ";
    if (line.substr(0, kPrefix.size()) == kPrefix)
        line.remove_prefix(kPrefix.size());
    for (const auto& [level, n] : kNames)
        if (line.size() > n.size() + 1 && line.substr(0, n.size()) == n && line.substr(n.size(), 2) == ": ")
            return level;
    return LogLevel::Info;
}

int syslogPriority(LogLevel level)
{
    switch (level) {
    case LogLevel::Error: return 3;
    case LogLevel::Warning: return 4;
    case LogLevel::Info: return 6;
    case LogLevel::Debug: return 7;
    }
    return 6;
}

} // namespace kiosk

// Officer mode helpers that need no desk.
#include "core/officer.hpp"

#include <ctime>

namespace kiosk {

std::string formatLocalTime(Millis unixMs)
{
    const std::time_t t = static_cast<std::time_t>(unixMs / 1000);
    std::tm local{};
    if (!localtime_r(&t, &local))
        return "?";
    char text[32];
    const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return std::string(text, n);
}

} // namespace kiosk

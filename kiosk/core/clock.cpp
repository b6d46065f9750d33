// Local time for what people read: dates on the dashboard, in file names, in exports.
#include "core/clock.hpp"

#include <stdexcept>

namespace kiosk {

std::tm localTime(Millis unixMs)
{
    const std::int64_t seconds = unixMs >= 0 ? unixMs / 1000 : (unixMs - 999) / 1000;
    const auto t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    if (!localtime_r(&t, &tm))
        throw std::runtime_error("cannot convert a time to local time");
    return tm;
}

namespace {

std::string format(const std::tm& tm, const char* format)
{
    char text[64];
    const std::size_t n = std::strftime(text, sizeof text, format, &tm);
    return std::string(text, n);
}

} // namespace

std::string formatLocal(Millis unixMs, const char* fmt)
{
    return format(localTime(unixMs), fmt);
}

std::string formatUtc(Millis unixMs, const char* fmt)
{
    const auto t = static_cast<std::time_t>(unixMs >= 0 ? unixMs / 1000 : (unixMs - 999) / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return format(tm, fmt);
}

} // namespace kiosk

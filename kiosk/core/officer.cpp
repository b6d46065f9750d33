// Officer mode helpers that need no desk.
#include "core/officer.hpp"

#include <stdexcept>

namespace kiosk {

std::string formatLocalTime(Millis unixMs)
{
    try {
        return formatLocal(unixMs, "%Y-%m-%d %H:%M");
    } catch (const std::runtime_error&) { // a time the C library cannot place: not worth a frame
        return "?";
    }
}

} // namespace kiosk

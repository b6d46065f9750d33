// Faults in parts for officer screens: errno names, the place of a checked file's problem.
#include "core/fault.hpp"

#include <cctype>
#include <cstring>

namespace kiosk {

std::string errnoName(int code)
{
    // glibc's own table (2.32 and later): "EIO", never the English of strerror.
    const char* name = code > 0 ? ::strerrorname_np(code) : nullptr;
    return name ? name : "errno";
}

FaultDetail systemFault(const std::error_code& code)
{
    FaultDetail d;
    if (code.category() != std::generic_category() && code.category() != std::system_category())
        return d;
    d.source = FaultDetail::Source::System;
    d.code = code.value();
    d.codeName = errnoName(code.value());
    return d;
}

FaultDetail faultOf(const std::exception& e)
{
    if (const auto* system = dynamic_cast<const std::system_error*>(&e))
        return systemFault(system->code());
    return {};
}

FaultDetail problemPlace(std::string_view problem)
{
    // FILE:LINE: message — the file may itself hold colons, the line is the last number before ": ".
    FaultDetail d;
    const std::size_t end = problem.find(": ");
    if (end == std::string_view::npos)
        return d;
    const std::string_view place = problem.substr(0, end);
    const std::size_t colon = place.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == place.size())
        return d;
    int line = 0;
    for (const char c : place.substr(colon + 1)) {
        if (!std::isdigit(static_cast<unsigned char>(c)) || line > 10'000'000)
            return d;
        line = line * 10 + (c - '0');
    }
    d.file = std::string(place.substr(0, colon));
    d.line = line;
    return d;
}

} // namespace kiosk

// Values read from the desk's HTML in the tests and the load tool: every `marker"…"` as written by
// the templates (name="csrf" value="…", data-uid="…"). A plain search rather than std::regex: GCC 12
// warns inside <regex> in the -O1 sanitizer build, and the pages' markup is our own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::test {

// The values that follow `marker` (which ends with the opening quote) up to the next quote.
inline std::vector<std::string> htmlValues(std::string_view body, std::string_view marker)
{
    std::vector<std::string> out;
    for (std::size_t at = body.find(marker); at != std::string_view::npos; at = body.find(marker, at)) {
        at += marker.size();
        const std::size_t end = body.find('"', at);
        if (end == std::string_view::npos)
            break;
        out.emplace_back(body.substr(at, end - at));
        at = end;
    }
    return out;
}

inline std::string firstHtmlValue(std::string_view body, std::string_view marker)
{
    const std::vector<std::string> all = htmlValues(body, marker);
    return all.empty() ? std::string() : all.front();
}

} // namespace kiosk::test

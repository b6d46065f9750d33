// The help numbers: national ones from ui.toml, the village's own from kiosk.toml.
#include "core/help.hpp"

#include <array>
#include <string_view>

namespace kiosk {
namespace {

constexpr std::array<std::string_view, 3> kNational{"police", "sapa", "kp2mi"};

HelpNumber national(const Strings& strings, Lang lang, std::string_view id)
{
    const std::string key = "help." + std::string(id);
    return {std::string(id), strings.get(lang, key + ".name"), strings.get(lang, key + ".short"),
            strings.get(lang, key + ".number"), strings.get(lang, key + ".purpose")};
}

} // namespace

std::vector<HelpNumber> helpNumbers(const Strings& strings, Lang lang, const LocalContacts& contacts)
{
    std::vector<HelpNumber> numbers;
    for (const std::string_view id : kNational)
        numbers.push_back(national(strings, lang, id));
    if (const auto it = contacts.find("narahubung"); it != contacts.end() && !it->second.number.empty()) {
        const std::string& name = strings.get(lang, "help.narahubung.name");
        numbers.push_back(
            {"narahubung", name, name, it->second.number, strings.get(lang, "help.narahubung.purpose")});
    }
    return numbers;
}

std::vector<HelpNumber> dangerNumbers(const Strings& strings, Lang lang)
{
    return {national(strings, lang, "police"), national(strings, lang, "sapa")};
}

std::string helpLine(const Strings& strings, Lang lang)
{
    std::string line;
    for (const std::string_view id : kNational) {
        const HelpNumber n = national(strings, lang, id);
        line += (line.empty() ? "" : "  ·  ") + n.shortName + " " + n.number;
    }
    return line;
}

} // namespace kiosk

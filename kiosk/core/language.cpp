// Language codes as used in data/content/<code>/ and in the UI map.
#include "core/language.hpp"

namespace kiosk {

std::string_view langCode(Lang lang)
{
    switch (lang) {
    case Lang::Id: return "id";
    case Lang::Jv: return "jv";
    case Lang::En: return "en";
    }
    return "id";
}

std::optional<Lang> langFromCode(std::string_view code)
{
    for (Lang lang : kAllLangs)
        if (langCode(lang) == code)
            return lang;
    return std::nullopt;
}

} // namespace kiosk

// Font lookup with fontconfig: exact family matches only, so a fallback is never silent.
#include "platform/font_files.hpp"

#include <fontconfig/fontconfig.h>

#include <memory>

namespace kiosk::platform {
namespace {

struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

// The file of `family` in `weight`, if fontconfig has that family itself (not a substitute).
std::optional<std::string> find(const char* family, int weight)
{
    Pattern pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    Pattern match(FcFontMatch(nullptr, pattern.get(), &result));
    if (!match)
        return std::nullopt;
    FcChar8* gotFamily = nullptr;
    FcChar8* file = nullptr;
    if (FcPatternGetString(match.get(), FC_FAMILY, 0, &gotFamily) != FcResultMatch ||
        FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch)
        return std::nullopt;
    if (std::string(reinterpret_cast<const char*>(gotFamily)) != family)
        return std::nullopt;
    return std::string(reinterpret_cast<const char*>(file));
}

} // namespace

std::optional<FontFiles> findFontFiles(std::string& why)
{
    if (!FcInit()) {
        why = "fontconfig could not be initialised";
        return std::nullopt;
    }
    FontFiles files;
    bool text = false;
    for (const char* family : {"Noto Sans", "DejaVu Sans"}) {
        auto regular = find(family, FC_WEIGHT_REGULAR);
        auto bold = find(family, FC_WEIGHT_BOLD);
        if (regular && bold) {
            files.regular = *regular;
            files.bold = *bold;
            text = true;
            break;
        }
    }
    auto icons = find("FontAwesome", FC_WEIGHT_REGULAR);
    if (!text || !icons) {
        why = std::string("missing fonts:") +
              (text ? "" : " Noto Sans or DejaVu Sans (install fonts-noto-core)") +
              (icons ? "" : " FontAwesome (install fonts-font-awesome)");
        return std::nullopt;
    }
    files.icons = *icons;
    return files;
}

} // namespace kiosk::platform

// Font atlas: text glyphs for Indonesian, Javanese and English, plus the icon table, at every size.
#include "ui/fonts.hpp"

#include "ui/icons.hpp"

#include "core/text.hpp"

#include <imgui_freetype.h>

#include <array>
#include <cmath>
#include <fstream>

namespace kiosk::ui {
namespace {

// Basic Latin, Latin-1 (é, è, ·) and general punctuation (dashes, quotes, •, …): all that
// Indonesian, Javanese in Latin script and English need; core/text checks typed text against the
// same table.
constexpr auto kTextRanges = [] {
    std::array<ImWchar, 2 * std::size(kDrawableRanges) + 1> r{};
    std::size_t i = 0;
    for (const CodeRange& range : kDrawableRanges) {
        r[i++] = static_cast<ImWchar>(range.first);
        r[i++] = static_cast<ImWchar>(range.last);
    }
    return r;
}();
// The largest size shows only short words and numbers (attract screen, countdown).
constexpr ImWchar kDisplayRanges[] = {0x0020, 0x007E, 0};

bool readable(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return in.good();
}

// The words of `file` at `px`, with the icons of `iconRanges` merged in (none: no icons).
ImFont* add(ImFontAtlas& atlas, const std::string& file, const std::string& icons, float px,
            const ImWchar* iconRanges, const ImWchar* textRanges = kTextRanges.data())
{
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), px, &cfg, textRanges);
    if (!font)
        throw FontError("cannot load font " + file);
    if (!iconRanges)
        return font;
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.OversampleH = 1;
    merge.OversampleV = 1;
    merge.PixelSnapH = true;
    merge.GlyphMinAdvanceX = px; // icons line up in columns
    merge.GlyphOffset = ImVec2(0, px * 0.04f);
    if (!atlas.AddFontFromFileTTF(icons.c_str(), px * 0.92f, &merge, iconRanges))
        throw FontError("cannot load icon font " + icons);
    return font;
}

} // namespace

FontSet buildFontSet(const FontFiles& files, float scale, float textScale)
{
    FontSet set;
    set.scale = scale;
    set.atlas = std::make_unique<ImFontAtlas>();
    ImFontAtlas& atlas = *set.atlas;
    for (const auto* path : {&files.regular, &files.bold, &files.icons})
        if (!readable(*path))
            throw FontError("cannot read font file '" + *path + "'");

    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    // As tall as the glyphs need, not the next power of two (OpenGL 2 takes any size): the
    // texture is up to half smaller.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    // The ranges must live until the atlas is built, so they belong to the atlas' lifetime: static.
    static ImVector<ImWchar> iconRanges;
    if (iconRanges.empty()) {
        ImFontGlyphRangesBuilder builder;
        for (unsigned cp : icon::kCodepoints)
            builder.AddChar(static_cast<ImWchar>(cp));
        builder.BuildRanges(&iconRanges);
    }

    // The display size shows words and numbers, and three icons: the maintenance notice's, the
    // attract screen's hand and the phone before each number on the help screen (icon::kInfo,
    // icon::kHandPointer, icon::kPhone). Each icon at this size is 6 KB of atlas, and the kiosk's
    // memory is tight.
    static constexpr ImWchar kDisplayIcons[] = {0xF05A, 0xF05A, 0xF095, 0xF095, 0xF25A, 0xF25A, 0};

    auto px = [scale](float size) { return std::round(size * scale); };
    // Larger text grows the words; the display size and the big icons are large enough already.
    auto textPx = [&](float size) { return px(size * textScale); };
    Fonts fonts;
    fonts.body = add(atlas, files.regular, files.icons, textPx(30), iconRanges.Data);
    fonts.bodyBold = add(atlas, files.bold, files.icons, textPx(30), iconRanges.Data);
    fonts.tile = add(atlas, files.bold, files.icons, textPx(36), iconRanges.Data);
    fonts.heading = add(atlas, files.bold, files.icons, textPx(44), iconRanges.Data);
    // Words only: the attract screen's topic names.
    fonts.title = add(atlas, files.bold, files.icons, px(60), nullptr);
    fonts.display = add(atlas, files.bold, files.icons, px(84), kDisplayIcons, kDisplayRanges);
    if (textScale == 1.f) {
        fonts.chromeTitle = fonts.tile;
        fonts.chromeBody = fonts.body;
        fonts.chromeBold = fonts.bodyBold;
    } else {
        fonts.chromeTitle = add(atlas, files.bold, files.icons, px(36), iconRanges.Data);
        fonts.chromeBody = add(atlas, files.regular, files.icons, px(30), iconRanges.Data);
        fonts.chromeBold = add(atlas, files.bold, files.icons, px(30), iconRanges.Data);
    }
    // Big icons alone (tiles, attract screen, header emblem).
    ImFontConfig iconCfg;
    iconCfg.OversampleH = 1;
    iconCfg.OversampleV = 1;
    iconCfg.PixelSnapH = true;
    fonts.icon = atlas.AddFontFromFileTTF(files.icons.c_str(), px(64), &iconCfg, iconRanges.Data);
    if (!fonts.icon)
        throw FontError("cannot load icon font " + files.icons);
    if (!atlas.Build())
        throw FontError("cannot build the font atlas");
    // The atlas holds a copy of a font file for every font added (a dozen, over 4 MB); the glyphs are
    // baked now, so the copies go. The atlas cannot be built again after this: the renderer keeps
    // its texture instead (platform/renderer).
    atlas.ClearInputData();
    set.fonts = fonts;
    return set;
}

} // namespace kiosk::ui

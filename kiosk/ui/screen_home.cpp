// Home screen: a welcome and one tile for each topic, all of them on the screen at once.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

namespace kiosk::ui {

const char* topicIcon(Topic topic)
{
    switch (topic) {
    case Topic::Trafficking: return icon::kWarning;
    case Topic::ScamJobs: return icon::kLaptop;
    case Topic::WorkAbroad: return icon::kBriefcase;
    case Topic::Passport: return icon::kBook;
    case Topic::Callback: return icon::kComments;
    case Topic::Abroad: return icon::kGlobe;
    case Topic::Hotlines: return icon::kPhone;
    case Topic::Recruiter: return icon::kSearch;
    case Topic::MyRequest: return icon::kInbox;
    }
    return icon::kInfo;
}

ImU32 topicColour(Topic topic)
{
    return topic == Topic::Trafficking || topic == Topic::ScamJobs ? colours().warning : colours().frame;
}

namespace {

// How the tiles are laid out: columns, the icon beside the words or above them, the tile size, and
// whether the one-line hint under each label has room (the label and the icon always do).
struct TileGrid {
    int columns = 1;
    bool sideBySide = true;
    bool compact = false; // beside the words, the icon in a smaller box with less padding
    bool hints = true;
    float tileW = 0, tileH = 0;
    [[nodiscard]] int rows() const { return (static_cast<int>(kAllTopics.size()) + columns - 1) / columns; }
    [[nodiscard]] float height(float gap) const
    {
        return static_cast<float>(rows()) * tileH + static_cast<float>(rows() - 1) * gap;
    }
};

// The grid with tiles as tall as the longest words need (larger text, a long language), never lower
// than a comfortable touch target.
TileGrid tightGrid(const Frame& f, int columns, bool sideBySide, bool compact, bool hints, float width)
{
    TileGrid g{columns, sideBySide, compact, hints, 0, f.m.tapHeight};
    g.tileW = (width - f.m.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (const Topic topic : kAllTopics) {
        const std::string id = "home.tile." + std::string(topicId(topic));
        g.tileH =
            std::max(g.tileH, tileHeight(f, f.t(id + ".label"), hints ? f.t(id + ".hint") : std::string(),
                                         g.tileW, sideBySide, compact));
    }
    return g;
}

// The first grid, in the order this screen's shape prefers them, that shows every tile in `height`;
// when none does (a very small window), the one that needs the least scrolling. Unless `withHints`,
// the hints give way before a tile would leave the screen.
TileGrid chooseGrid(const Frame& f, float width, float height, bool withHints = false)
{
    const Metrics& m = f.m;
    // Wide screens: four columns of stacked tiles (two rows), three columns, or two columns with the
    // icon beside the words; last, for larger text, three columns with a smaller icon beside the
    // words. Narrow: one column of wide tiles, or two columns; last, both with the smaller icon.
    const bool wide = width / m.scale >= 1300.f;
    struct Shape {
        int columns;
        bool sideBySide;
        bool compact = false;
    };
    const std::vector<Shape> shapes =
        wide ? std::vector<Shape>{{4, false}, {3, false}, {2, true}, {3, true}, {3, true, true}}
             : std::vector<Shape>{{1, true}, {2, false}, {2, true}, {1, true, true}, {2, true, true}};
    // A shape that needs as many rows as one with fewer columns of the same kind gives way to it:
    // nine tiles in three rows of three, not of four with one left over, and wider tiles for the words.
    const auto rowsOf = [](int columns) {
        return (static_cast<int>(kAllTopics.size()) + columns - 1) / columns;
    };
    const auto outdone = [&](const Shape& shape) {
        return std::any_of(shapes.begin(), shapes.end(), [&](const Shape& other) {
            return other.sideBySide == shape.sideBySide && other.compact == shape.compact &&
                   other.columns < shape.columns && rowsOf(other.columns) == rowsOf(shape.columns);
        });
    };
    std::vector<TileGrid> choices;
    for (const bool hints : {true, false})
        for (const Shape& shape : shapes)
            if ((hints || !withHints) && !outdone(shape))
                choices.push_back(tightGrid(f, shape.columns, shape.sideBySide, shape.compact, hints, width));
    TileGrid best = choices[0];
    for (const TileGrid& g : choices) {
        if (g.height(m.gap) <= height) {
            best = g;
            break;
        }
        if (g.height(m.gap) < best.height(m.gap))
            best = g;
    }
    // Room to spare: taller tiles, up to a comfortable size, filling the screen.
    const float rows = static_cast<float>(best.rows());
    const float fill = (height - m.gap * (rows - 1)) / rows;
    const float comfortable = std::min(fill, (best.columns == 1 ? 230.f : 340.f) * m.scale);
    best.tileH = std::max(best.tileH, comfortable);
    return best;
}

// The height a paragraph of `text` in `font` takes, as paragraph() wraps it.
float paragraphHeight(const Frame& f, const std::string& text, ImFont* font)
{
    const float width = std::min(ImGui::GetContentRegionAvail().x, f.m.maxLineWidth);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str()).y +
           ImGui::GetStyle().ItemSpacing.y;
}

} // namespace

Asked HomeScreen::draw(Frame& f)
{
    const Metrics& m = f.m;
    const float width = ImGui::GetWindowWidth() - 2 * m.margin;
    const float bottom = f.areaHeight - m.margin;
    // The tiles come first: with larger text on a small screen the intro gives way to them, then
    // the line under each tile's name, then the welcome (the Listen button still reads them all).
    const float above = m.margin * 0.75f;
    const float welcomeH = paragraphHeight(f, f.t("home.welcome"), f.fonts.heading);
    const float introH = paragraphHeight(f, f.t("home.intro"), f.fonts.body);
    const auto fits = [&](float wordsH, bool withHints) {
        const float room = bottom - above - wordsH - m.gap;
        return chooseGrid(f, width, room, withHints).height(m.gap) <= room;
    };
    const bool intro = !m.largeText || fits(welcomeH + introH, true);
    const bool welcome = intro || fits(welcomeH, false);
    float top = above;
    if (welcome || intro) {
        ImGui::SetCursorPos(ImVec2(m.margin, above));
        ImGui::BeginGroup();
        if (welcome)
            paragraph(f, f.t("home.welcome"), f.fonts.heading, colours().frame);
        if (intro)
            paragraph(f, f.t("home.intro"), f.fonts.body, colours().textMuted);
        ImGui::EndGroup();
        top = ImGui::GetCursorPosY() + m.gap;
    }
    const TileGrid grid = chooseGrid(f, width, bottom - top);

    Asked action;
    for (std::size_t i = 0; i < kAllTopics.size(); ++i) {
        const Topic topic = kAllTopics[i];
        const int row = static_cast<int>(i) / grid.columns;
        const int col = static_cast<int>(i) % grid.columns;
        // Centre a short last row.
        const int inRow = std::min(grid.columns, static_cast<int>(kAllTopics.size()) - row * grid.columns);
        const float rowOffset =
            (width - static_cast<float>(inRow) * grid.tileW - static_cast<float>(inRow - 1) * m.gap) / 2;
        ImGui::SetCursorPos(ImVec2(m.margin + rowOffset + static_cast<float>(col) * (grid.tileW + m.gap),
                                   top + static_cast<float>(row) * (grid.tileH + m.gap)));
        const std::string id = "home.tile." + std::string(topicId(topic));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (tile(f, id, topicIcon(topic), topicColour(topic), f.t(id + ".label"),
                 grid.hints ? f.t(id + ".hint") : std::string(), ImVec2(grid.tileW, grid.tileH),
                 grid.sideBySide, grid.compact))
            action = intent::Open{Route::forTopic(topic)};
        if (f.reading && f.reading->part == id) { // its words are being read: ringed
            const float r = 6.f * m.scale;
            ImGui::GetWindowDrawList()->AddRect(ImVec2(p.x - r, p.y - r),
                                                ImVec2(p.x + grid.tileW + r, p.y + grid.tileH + r),
                                                colours().reading, m.rounding + r, 0, 2 * r);
        }
    }
    // The content ends one margin below the last row: no scrolling when it all fits.
    ImGui::SetCursorPos(ImVec2(0, top + grid.height(m.gap)));
    ImGui::Dummy(ImVec2(1, m.margin));
    return action;
}

} // namespace kiosk::ui

// The UI map: which screen is up and where every tappable widget is, for tests that drive the window.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

struct WidgetBox {
    std::string id;                   // stable, dotted, English: "home.tile.passport"
    std::string label;                // what the resident reads on it, in the current language
    float x = 0, y = 0, w = 0, h = 0; // window pixels, of the part that can be seen
    bool clipped = false;             // partly scrolled out of sight

    [[nodiscard]] float centerX() const { return x + w / 2; }
    [[nodiscard]] float centerY() const { return y + h / 2; }
};

struct UiMap {
    std::string screen;
    std::string lang;
    std::vector<WidgetBox> widgets;

    void clear() { widgets.clear(); }
    [[nodiscard]] const WidgetBox* find(const std::string& id) const;
    // {"screen": ..., "lang": ..., "widgets": [{"id", "label", "x", "y", "w", "h"}]}
    [[nodiscard]] std::string toJson() const;
};

} // namespace kiosk

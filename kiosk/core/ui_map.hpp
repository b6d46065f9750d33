// The UI map: which screen is up and where every tappable widget is, for tests that drive the window.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kiosk {

struct WidgetBox {
    std::string id;                   // stable, dotted, English: "home.tile.passport"
    std::string label;                // what the resident reads on it, in the current language
    float x = 0, y = 0, w = 0, h = 0; // window pixels, of the part that can be seen
    bool clipped = false;             // partly scrolled out of sight
    bool overflow = false;            // its words do not fit inside it
    // What it holds, where a test must read it back: a QR code's text, a field's words, "chosen" on
    // the chosen one of a row of choices, "ticked" on a ticked box.
    std::string value;

    [[nodiscard]] float centerX() const { return x + w / 2; }
    [[nodiscard]] float centerY() const { return y + h / 2; }
};

struct UiMap {
    std::string screen;
    std::string lang;
    std::vector<WidgetBox> widgets;
    // Things shown that a test may need to read back, such as {"reference": "CMG-0427"}.
    std::map<std::string, std::string> values;
    // Words drawn outside any widget, where a screen records them (officer mode's PIN pad and
    // dashboard): tests read them to find words that did not come from ui.toml.
    std::vector<std::string> texts;
    // Parts of the picture that are not buttons, where a screen records them (the attract screen's
    // blocks of words, with `overflow` when their words do not fit): tests check them like widgets.
    std::vector<WidgetBox> areas;
    // The input the kiosk had taken when this frame was drawn. A test driving a slow machine (the
    // appliance test under emulation) waits for its touch or wheel step to be counted here, and
    // for a settled frame, before it trusts where the widgets are.
    struct Input {
        unsigned long frame = 0;        // frames drawn since the kiosk started, this one included
        unsigned long touches = 0;      // presses taken
        unsigned long wheelSteps = 0;   // wheel events taken
        float touchX = -1, touchY = -1; // where the last press came down
        bool settled = false;           // no frame is due: the picture stands until new input
    } input;

    void clear()
    {
        widgets.clear();
        values.clear();
        texts.clear();
        areas.clear();
    }
    [[nodiscard]] const WidgetBox* area(const std::string& id) const;
    [[nodiscard]] const WidgetBox* find(const std::string& id) const;
    [[nodiscard]] WidgetBox* find(const std::string& id);
    // The widget under a point: the one drawn last where several overlap; null over none.
    [[nodiscard]] const WidgetBox* at(float x, float y) const;
    // {"screen": ..., "lang": ..., "widgets": [{"id", "label", "x", "y", "w", "h", "clipped", "overflow",
    //  and "value" where it has one}],
    //  "values": {...}, "texts": [...], "areas": [like widgets],
    //  "input": {"frame", "touches", "wheel_steps", "touch": [x, y], "settled"}}
    [[nodiscard]] std::string toJson() const;
};

} // namespace kiosk

// The voice as a screen sees it for one frame: whether Listen is offered, what is being read, and
// which sentence, so the screen can mark it where it stands.
#pragma once

#include <optional>
#include <string>

namespace kiosk {

// Where a sentence is on the screen: `text` as it appears within one text the screen draws.
// `part` names that text: "title", "b3" (block 3's text), "b3.t" (its title), "b3.i2" (its item 2),
// or a screen's own names ("summary", "doc.kk.detail"...). The screen that draws the part
// highlights the first place `text` occurs in it.
struct TextSpot {
    std::string part;
    std::string text;
    friend bool operator==(const TextSpot&, const TextSpot&) = default;
};

// What the screens need to know of the voice for one frame.
struct VoiceView {
    bool available = false;       // a sound device and a voice: show the Listen buttons
    std::string reading;          // key of the script being read ("" none)
    bool preparing = false;       // tapped, no sound yet
    std::optional<TextSpot> spot; // the sentence being read, to highlight (none: no highlight)
    friend bool operator==(const VoiceView&, const VoiceView&) = default;
};

} // namespace kiosk

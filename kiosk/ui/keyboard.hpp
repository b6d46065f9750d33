// The on-screen keyboard: letters with shift, é and è, a few signs, space and backspace (held, it
// repeats); or a number pad for the phone and RT/RW. Keys are as large as every touch target.
#pragma once

#include "core/form.hpp"
#include "ui/widgets.hpp"

#include <optional>
#include <string>

namespace kiosk::ui {

// Which keys the panel shows: letters (with a new-line key for the note; without Next for the company
// search, its only field), the number pad (with + for a phone number), or a request's reference:
// digits, capital letters and the dash.
enum class Keypad { Letters, Note, Search, Digits, Phone, Reference };
[[nodiscard]] Keypad keypadFor(Field field);

class Keyboard {
public:
    // Height of the keyboard panel for a field, at this scale.
    [[nodiscard]] static float height(const Metrics& m);

    // Draws the panel at the cursor, `width` wide, its letters capitals while `shift`. Returns the
    // key tapped (or repeated, for a held backspace) on this frame.
    std::optional<Key> draw(Frame& f, Keypad pad, bool shift, float width);

    // True while a key is held that repeats: the kiosk must keep drawing frames.
    [[nodiscard]] bool repeating() const { return m_holding; }

private:
    // Backspace is held: true on each frame where it deletes once more (and remembers it did).
    bool backspaceRepeats();

    bool m_holding = false;  // backspace is down
    bool m_repeated = false; // …and has repeated, so its release deletes nothing more
};

} // namespace kiosk::ui

// Touch gestures: tells a tap from a drag, turns drags into scrolling with inertia, and says what
// the widget layer should see of the pointer so that a drag never presses a button.
#pragma once

#include "core/clock.hpp"

#include <deque>
#include <optional>

namespace kiosk {

struct PointerEvent {
    enum class Type { Down, Move, Up, Wheel, Cancel }; // Cancel: the touch ended unseen (focus lost)
    Type type = Type::Move;
    float x = 0;
    float y = 0;
    Millis t = 0;
    float wheel = 0; // notches, positive = away from the user (content moves down)
};

// The pointer as buttons should see it. Hidden when no finger is on the glass, so nothing stays
// highlighted after a tap.
struct PointerView {
    bool visible = false;
    bool down = false;
    float x = 0;
    float y = 0;
};

class TouchGesture {
public:
    struct Settings {
        float slopPx = 16.f;           // movement that turns a touch into a drag (at scale 1)
        float tauMs = 325.f;           // inertia decay time constant
        float minFlingPxPerMs = 0.15f; // slower releases just stop
        float stopPxPerMs = 0.02f;     // inertia ends below this speed
        Millis velocityWindowMs = 100; // moves older than this at release do not count
        float wheelStepPx = 90.f;      // one wheel notch (at scale 1)
    };

    TouchGesture() = default;
    explicit TouchGesture(Settings settings) : m_settings(settings) {}

    void setScale(float scale) { m_scale = scale; }

    // Call at the start of every frame, before applying events: hides the pointer one frame after
    // a release was shown.
    void beginFrame();

    // Applies one event. Returns true when the button state that buttons see changed, so the caller
    // can leave further events for the next frame (a press and its release on separate frames).
    // A swallowed touch (it woke the kiosk or dismissed a prompt) presses and scrolls nothing.
    bool apply(const PointerEvent& event, bool swallow = false);

    // Ends the current touch without a click: the pointer is lifted away from every button.
    // Returns true when buttons saw the finger down until now.
    bool cancel();

    // Scroll owed since the last call, in whole pixels, including inertia up to `now`. Positive means
    // the content moves up (the view scrolls further down the page).
    [[nodiscard]] float takeScroll(Millis now);

    // The content can scroll no further that way: stop gliding.
    void stopInertia() { m_inertia = false; }
    // Forget the current touch and any gliding (session wiped).
    void reset();

    [[nodiscard]] const PointerView& pointer() const { return m_view; }
    [[nodiscard]] bool dragging() const { return m_phase == Phase::Dragging; }
    [[nodiscard]] bool gliding() const { return m_inertia; }

private:
    // Caught: the touch stopped a glide; it presses nothing but may still become a drag.
    enum class Phase { Idle, Pressed, Caught, Dragging, Swallowed };
    struct Sample {
        float y;
        Millis t;
    };

    void startInertia(Millis t);

    Settings m_settings{};
    float m_scale = 1.f;
    Phase m_phase = Phase::Idle;
    PointerView m_view{};
    bool m_hideNextFrame = false;
    float m_startX = 0, m_startY = 0, m_lastY = 0;
    std::deque<Sample> m_samples;
    float m_pendingScroll = 0;
    bool m_inertia = false;
    float m_velocity = 0; // px/ms, content direction
    Millis m_inertiaT = 0;
};

// The way into officer mode: a finger held still on the top-left corner for 3 seconds. Residents do
// not do that by chance (the corner holds no button), and it needs no hidden button to find.
class CornerHold {
public:
    struct Settings {
        float sizePx = 140.f; // the corner square (at scale 1)
        Millis holdMs = 3'000;
        float slopPx = 24.f; // a finger may roll this far (at scale 1) and still be holding
    };

    CornerHold() = default;
    explicit CornerHold(Settings settings) : m_settings(settings) {}
    void setScale(float scale) { m_scale = scale; }

    // Every pointer event, in order (also those the idle timer swallows).
    void apply(const PointerEvent& event);
    // True once when the finger has been held long enough by `now`; the hold then ends.
    [[nodiscard]] bool fired(Millis now);
    // When the current hold would fire, for waking the frame loop.
    [[nodiscard]] std::optional<Millis> due() const;
    void reset() { m_since.reset(); }

private:
    Settings m_settings{};
    float m_scale = 1.f;
    std::optional<Millis> m_since; // a finger is down in the corner since then
    float m_x = 0, m_y = 0;
};

} // namespace kiosk

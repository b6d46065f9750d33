// Idle reset: after a quiet spell ask "still there?", count down, then wipe the session and attract.
#pragma once

#include "core/clock.hpp"

namespace kiosk {

class IdleTimer {
public:
    struct Settings {
        Millis idleAfter = 90'000;   // quiet time before the prompt appears
        Millis promptFor = 15'000;   // length of the countdown
        Millis attractCycle = 8'000; // how long the attract screen shows each card
        // A reading keeps the visit only this long after the last touch: a voice that never
        // ends must not keep one resident's screen up for the next.
        Millis listenAtMost = 20 * 60'000;
    };

    enum class Phase { Attract, Active, Prompt };
    enum class TouchResult { Passed, DismissedPrompt, Woke };

    // The kiosk starts on the attract screen, waiting for its first resident.
    IdleTimer(Settings settings, Millis now);

    // A touch anywhere. A touch that dismisses the prompt or wakes the attract screen is used up
    // by that and must not also press whatever lies underneath.
    TouchResult touch(Millis now);

    // The kiosk is reading aloud: someone is listening, so the quiet time starts again from now
    // (the prompt never interrupts a reading, and comes the usual time after it ends), up to
    // listenAtMost after the last touch.
    void keepAwake(Millis now);

    // Advances the phase. Returns true once, at the moment the countdown reaches zero: the caller
    // wipes the session then.
    [[nodiscard]] bool update(Millis now);

    [[nodiscard]] Phase phase() const { return m_phase; }
    // Whole seconds left on the prompt, rounded up (15, 14, ... 1).
    [[nodiscard]] int promptSecondsLeft(Millis now) const;
    // Which topic the attract screen shows now (an index that counts up every attractCycle).
    [[nodiscard]] long attractStep(Millis now) const;
    // When the picture next changes on its own (prompt appears, a second ticks, attract cycles).
    [[nodiscard]] Millis nextChange(Millis now) const;
    [[nodiscard]] const Settings& settings() const { return m_settings; }
    // Officer mode waits longer before asking: the quiet time can change while the kiosk runs.
    void setIdleAfter(Millis idleAfter) { m_settings.idleAfter = idleAfter; }
    // Straight to the attract screen (an officer logged out): the caller has wiped the session.
    void sleep(Millis now);

private:
    Settings m_settings;
    Phase m_phase = Phase::Attract;
    Millis m_lastTouch; // the last touch, or the last moment something was read aloud
    Millis m_lastHand;  // the last touch of a hand
    Millis m_phaseStart;
};

} // namespace kiosk

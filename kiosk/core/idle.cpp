// Idle timer phases: Active -> Prompt -> Attract, and back to Active on a touch.
#include "core/idle.hpp"

#include <algorithm>

namespace kiosk {

IdleTimer::IdleTimer(Settings settings, Millis now)
    : m_settings(settings), m_lastTouch(now), m_lastHand(now), m_phaseStart(now)
{
}

IdleTimer::TouchResult IdleTimer::touch(Millis now)
{
    const Phase before = m_phase;
    m_lastTouch = now;
    m_lastHand = now;
    if (m_phase != Phase::Active) {
        m_phase = Phase::Active;
        m_phaseStart = now;
    }
    switch (before) {
    case Phase::Prompt: return TouchResult::DismissedPrompt;
    case Phase::Attract: return TouchResult::Woke;
    case Phase::Active: break;
    }
    return TouchResult::Passed;
}

void IdleTimer::keepAwake(Millis now)
{
    if (m_phase == Phase::Active && now - m_lastHand < m_settings.listenAtMost)
        m_lastTouch = std::max(m_lastTouch, now);
}

bool IdleTimer::update(Millis now)
{
    if (m_phase == Phase::Active && now - m_lastTouch >= m_settings.idleAfter) {
        m_phase = Phase::Prompt;
        m_phaseStart = m_lastTouch + m_settings.idleAfter;
    }
    if (m_phase == Phase::Prompt && now - m_phaseStart >= m_settings.promptFor) {
        m_phase = Phase::Attract;
        m_phaseStart = now;
        return true;
    }
    return false;
}

void IdleTimer::sleep(Millis now)
{
    m_phase = Phase::Attract;
    m_phaseStart = now;
}

int IdleTimer::promptSecondsLeft(Millis now) const
{
    if (m_phase != Phase::Prompt)
        return 0;
    const Millis left = std::max<Millis>(0, m_settings.promptFor - (now - m_phaseStart));
    return static_cast<int>((left + 999) / 1000);
}

long IdleTimer::attractStep(Millis now) const
{
    if (m_phase != Phase::Attract || m_settings.attractCycle <= 0)
        return 0;
    return static_cast<long>((now - m_phaseStart) / m_settings.attractCycle);
}

Millis IdleTimer::nextChange(Millis now) const
{
    switch (m_phase) {
    case Phase::Active: return m_lastTouch + m_settings.idleAfter;
    case Phase::Prompt: {
        // Next whole-second boundary of the countdown, or its end.
        const Millis elapsed = now - m_phaseStart;
        const Millis next = m_phaseStart + (elapsed / 1000 + 1) * 1000;
        return std::min(next, m_phaseStart + m_settings.promptFor);
    }
    case Phase::Attract: {
        const Millis cycle = std::max<Millis>(1, m_settings.attractCycle);
        return m_phaseStart + ((now - m_phaseStart) / cycle + 1) * cycle;
    }
    }
    return now + 1000;
}

} // namespace kiosk

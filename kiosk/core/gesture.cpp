// Tap/drag classification and kinetic scrolling.
#include "core/gesture.hpp"

#include <cmath>

namespace kiosk {

void TouchGesture::beginFrame()
{
    if (m_hideNextFrame && !m_view.down) {
        m_view.visible = false;
        m_hideNextFrame = false;
    }
}

void TouchGesture::reset()
{
    m_phase = Phase::Idle;
    m_view = {};
    m_hideNextFrame = false;
    m_samples.clear();
    m_pendingScroll = 0;
    m_inertia = false;
    m_velocity = 0;
}

bool TouchGesture::apply(const PointerEvent& event, bool swallow)
{
    switch (event.type) {
    case PointerEvent::Type::Wheel:
        m_inertia = false;
        m_pendingScroll -= event.wheel * m_settings.wheelStepPx * m_scale;
        return false;

    case PointerEvent::Type::Cancel: return cancel();

    case PointerEvent::Type::Down: {
        // A finger already down means its release was lost: that touch ends here, unclicked.
        // (The shell ends it a frame earlier, so that this press is seen on a frame of its own.)
        if (m_view.down)
            cancel();
        // A touch that catches a gliding page stops it and presses nothing, but may drag on.
        const bool caught = m_inertia;
        m_inertia = false;
        m_samples.clear();
        m_startX = event.x;
        m_startY = m_lastY = event.y;
        m_samples.push_back({event.y, event.t});
        if (swallow) {
            m_phase = Phase::Swallowed;
            return false;
        }
        if (caught) {
            m_phase = Phase::Caught;
            return false;
        }
        m_phase = Phase::Pressed;
        m_hideNextFrame = false;
        m_view = {true, true, event.x, event.y};
        return true;
    }

    case PointerEvent::Type::Move: {
        if (m_phase == Phase::Idle || m_phase == Phase::Swallowed)
            return false;
        m_samples.push_back({event.y, event.t});
        while (m_samples.size() > 2 && event.t - m_samples.front().t > m_settings.velocityWindowMs)
            m_samples.pop_front();
        if (m_phase == Phase::Pressed || m_phase == Phase::Caught) {
            const float slop = m_settings.slopPx * m_scale;
            if (std::hypot(event.x - m_startX, event.y - m_startY) < slop) {
                if (m_phase == Phase::Pressed) {
                    m_view.x = event.x;
                    m_view.y = event.y;
                }
                return false;
            }
            // It is a drag: buttons see the finger lift far away, so nothing is pressed.
            const bool wasPressed = m_phase == Phase::Pressed;
            m_phase = Phase::Dragging;
            m_pendingScroll -= event.y - m_startY;
            m_lastY = event.y;
            m_view = {false, false, 0, 0};
            return wasPressed;
        }
        m_pendingScroll -= event.y - m_lastY;
        m_lastY = event.y;
        return false;
    }

    case PointerEvent::Type::Up: {
        const Phase was = m_phase;
        m_phase = Phase::Idle;
        if (was == Phase::Dragging)
            startInertia(event.t);
        if (was != Phase::Pressed)
            return false;
        m_view.down = false;
        m_view.x = event.x;
        m_view.y = event.y;
        m_hideNextFrame = true;
        return true;
    }
    }
    return false;
}

bool TouchGesture::cancel()
{
    const bool wasDown = m_view.down;
    m_phase = Phase::Idle;
    m_samples.clear();
    // Lifted far away from every button: nothing is clicked.
    m_view = {false, false, 0, 0};
    m_hideNextFrame = false;
    return wasDown;
}

void TouchGesture::startInertia(Millis t)
{
    m_inertia = false;
    // Only movement just before the release counts: a finger that stopped, then lifted, flings nothing.
    while (!m_samples.empty() && t - m_samples.front().t > m_settings.velocityWindowMs)
        m_samples.pop_front();
    if (m_samples.size() < 2)
        return;
    const Sample& first = m_samples.front();
    const Sample& last = m_samples.back();
    const Millis dt = last.t - first.t;
    if (dt <= 0)
        return;
    const float v = -(last.y - first.y) / static_cast<float>(dt);
    if (std::fabs(v) < m_settings.minFlingPxPerMs * m_scale)
        return;
    m_velocity = v;
    m_inertiaT = t;
    m_inertia = true;
}

float TouchGesture::takeScroll(Millis now)
{
    if (m_inertia && now > m_inertiaT) {
        const float tau = m_settings.tauMs;
        const float dt = static_cast<float>(now - m_inertiaT);
        const float decay = std::exp(-dt / tau);
        m_pendingScroll += m_velocity * tau * (1.f - decay);
        m_velocity *= decay;
        m_inertiaT = now;
        if (std::fabs(m_velocity) < m_settings.stopPxPerMs * m_scale)
            m_inertia = false;
    }
    // Whole pixels only (the widget layer keeps whole-pixel scroll positions); the rest stays owed,
    // so a glide covers the same distance up as down.
    const float out = std::trunc(m_pendingScroll);
    m_pendingScroll -= out;
    return out;
}

void CornerHold::apply(const PointerEvent& event)
{
    const float size = m_settings.sizePx * m_scale;
    switch (event.type) {
    case PointerEvent::Type::Down:
        if (event.x >= 0 && event.y >= 0 && event.x < size && event.y < size) {
            m_since = event.t;
            m_x = event.x;
            m_y = event.y;
        } else {
            m_since.reset();
        }
        break;
    case PointerEvent::Type::Move:
        if (m_since && std::hypot(event.x - m_x, event.y - m_y) > m_settings.slopPx * m_scale)
            m_since.reset();
        break;
    case PointerEvent::Type::Up:
    case PointerEvent::Type::Cancel: m_since.reset(); break;
    case PointerEvent::Type::Wheel: break;
    }
}

bool CornerHold::fired(Millis now)
{
    if (!m_since || now - *m_since < m_settings.holdMs)
        return false;
    m_since.reset();
    return true;
}

std::optional<Millis> CornerHold::due() const
{
    if (!m_since)
        return std::nullopt;
    return *m_since + m_settings.holdMs;
}

} // namespace kiosk

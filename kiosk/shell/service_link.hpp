// The kiosk as a service of systemd: it says when it is ready (its first picture is up), proves
// from its frame loop that it is alive (the unit's WatchdogSec restarts a kiosk that hangs), and
// lets the screen go dark outside the village hall's opening hours.
#pragma once

#include "core/config.hpp"

#include <chrono>
#include <functional>
#include <iosfwd>

namespace kiosk {

class ServiceLink {
public:
    // `setBlanking` applies a blanking time in seconds (0: never), see platform::setScreenBlanking;
    // none: the screen's blanking is left as it is.
    ServiceLink(const Config& config, std::function<bool(int)> setBlanking, std::ostream& log);
    ServiceLink(const ServiceLink&) = delete;
    ServiceLink& operator=(const ServiceLink&) = delete;

    void ready(); // READY=1, once
    // From the frame loop, once ready: WATCHDOG=1 at most once a second; opening hours every 30 s.
    void tick();
    void stopping(); // STOPPING=1
    // Blanking for this minute of the day: 0 within opening hours, else the configured time.
    [[nodiscard]] int blankingAt(int minuteOfDay) const;

private:
    const Config& m_config;
    std::function<bool(int)> m_setBlanking;
    std::ostream& m_log;
    bool m_ready = false;
    bool m_watchdog = false;
    std::chrono::steady_clock::time_point m_lastPing{}, m_lastHours{};
    int m_blanking = -1; // as last applied
};

} // namespace kiosk

// sd_notify(3) messages and the opening hours.
#include "shell/service_link.hpp"

#include <systemd/sd-daemon.h>

#include <ctime>
#include <ostream>

namespace kiosk {

ServiceLink::ServiceLink(const Config& config, std::function<bool(int)> setBlanking, std::ostream& log)
    : m_config(config), m_setBlanking(std::move(setBlanking)), m_log(log)
{
    std::uint64_t usec = 0;
    // With no WatchdogSec (a technician's terminal, the tests) nothing is sent.
    m_watchdog = sd_watchdog_enabled(0, &usec) > 0;
    if (m_watchdog)
        m_log << "kiosk: the service watchdog expects a sign of life every " << usec / 1'000'000 << " s\n";
}

void ServiceLink::ready()
{
    if (m_ready)
        return;
    m_ready = true;
    sd_notify(0, "READY=1");
}

int ServiceLink::blankingAt(int minuteOfDay) const
{
    return m_config.openAt(minuteOfDay) ? 0 : static_cast<int>(m_config.blankAfterMs / 1000);
}

void ServiceLink::tick()
{
    if (!m_ready)
        return; // nothing of this may delay the first picture
    const auto now = std::chrono::steady_clock::now();
    if (m_watchdog && now - m_lastPing >= std::chrono::seconds(1)) {
        m_lastPing = now;
        sd_notify(0, "WATCHDOG=1");
    }
    if (!m_setBlanking || (m_blanking >= 0 && now - m_lastHours < std::chrono::seconds(30)))
        return;
    m_lastHours = now;
    const std::tm local = localTime(SystemClock().now());
    const int blanking = blankingAt(local.tm_hour * 60 + local.tm_min);
    if (blanking == m_blanking)
        return;
    m_blanking = blanking;
    const bool dpms = m_setBlanking(blanking);
    if (blanking == 0)
        m_log << "kiosk: opening hours: the screen stays on\n";
    else
        m_log << "kiosk: outside opening hours: the screen goes dark after " << blanking / 60
              << " minutes without a touch"
              << (dpms ? "" : " (blanked, no DPMS power saving on this display)") << "\n";
}

void ServiceLink::stopping()
{
    sd_notify(0, "STOPPING=1");
}

} // namespace kiosk

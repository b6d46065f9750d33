// The officer desk's purge of collected requests past their time.
#include "services/desk_retention.hpp"

#include "store/retention.hpp"

#include <cstdint>
#include <exception>

namespace kiosk::desk {

void Retention::purge(store::Db& db, Millis nowMs, std::ostream& log)
{
    m_last = std::chrono::steady_clock::now();
    try {
        const std::int64_t n = store::purgeCollected(db, nowMs, m_days);
        if (n > 0)
            log << "kiosk: deleted " << n << " requests collected more than " << m_days << " days ago\n";
    } catch (const std::exception& e) {
        log << "kiosk: collected requests could not be deleted yet: " << e.what() << "\n";
    }
}

} // namespace kiosk::desk

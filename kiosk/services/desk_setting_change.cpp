// Storing an officer's setting change, with its audit entry, before the kiosk follows it.
#include "services/desk_setting_change.hpp"

#include "core/settings.hpp"
#include "store/settings.hpp"

#include <exception>
#include <memory>

namespace kiosk::desk {

bool applySetting(store::Db* db, const SettingChange& change, const Clock& clock, std::ostream& log,
                  Board& board)
{
    const std::shared_ptr<const OfficerSnapshot> now = board.snapshot();
    if (!db || !now->settings)
        return false; // the dashboard already says the database cannot be used
    const KioskSettings next = adjusted(*now->settings, change);
    if (next == *now->settings)
        return false;
    try {
        store::saveSettings(*db, clock.now(), *now->settings, next);
    } catch (const std::exception& e) {
        log << "kiosk: officer desk: the setting '" << settingName(change)
            << "' cannot be saved: " << e.what() << "\n";
        return false;
    }
    board.publish([&](OfficerSnapshot& s) { s.settings = next; });
    return true;
}

} // namespace kiosk::desk

// An officer's change to one of the kiosk's settings, on the desk's thread: checked, stored with its
// audit entry, then in the snapshot for the kiosk to follow.
#pragma once

#include "core/clock.hpp"
#include "core/settings.hpp"
#include "services/desk_board.hpp"

#include <ostream>
#include <string>

namespace kiosk {

namespace store {
class Db;
}

namespace desk {

// Applies an officer's tap (see kiosk::adjusted) to the snapshot's settings: stored and audited in
// `db`, then published. True when the settings changed. Nothing without a database or its settings
// (the dashboard already says so), for a value that changes nothing, or when storing fails (logged).
bool applySetting(store::Db* db, const SettingChange& change, const Clock& clock, std::ostream& log,
                  Board& board);

} // namespace desk
} // namespace kiosk

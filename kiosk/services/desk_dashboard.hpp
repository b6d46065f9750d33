// The officer dashboard's figures, read on the desk's thread from its connection into the snapshot.
#pragma once

#include "core/clock.hpp"
#include "services/desk_board.hpp"

#include <filesystem>
#include <ostream>

namespace kiosk {

namespace store {
class Db;
}

namespace desk {

// Reads the requests, batches, store events, audit and usage counts from `db` (null: the database
// is unavailable) and the free space beside `databaseFile` into the snapshot's dashboard. A failure
// is shown there (and logged), never thrown.
void readDashboard(store::Db* db, const std::filesystem::path& databaseFile, const Clock& clock,
                   std::ostream& log, Board& board);

} // namespace desk
} // namespace kiosk

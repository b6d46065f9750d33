// The database layout, versioned with PRAGMA user_version, and the forward migrations to it.
#pragma once

#include "store/db.hpp"

#include <stdexcept>

namespace kiosk::store {

// The version this code creates and understands. Every version before it has a migration.
inline constexpr int kSchemaVersion = 5;

// A database from a newer kiosk. It is refused and left exactly as it is.
class SchemaTooNew : public std::runtime_error {
public:
    SchemaTooNew(int found, int known);
    [[nodiscard]] int found() const { return m_found; }

private:
    int m_found;
};

// PRAGMA user_version: 0 for a new, empty database.
[[nodiscard]] int schemaVersion(Db& db);

// Brings the database up to `target` (tests build every earlier version with it), one migration
// per transaction that also sets user_version, so a crash leaves a whole version. Throws
// SchemaTooNew when the database is newer than this code, SqliteError when SQLite fails, and
// std::invalid_argument for a target this code does not know.
void migrate(Db& db, int target = kSchemaVersion);

} // namespace kiosk::store

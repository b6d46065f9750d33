// The ledger's schema: one ordered list of migrations, written in the SQL both engines accept.
#pragma once

#include "ledger/store.hpp"

namespace kiosk::office {

// The version the last migration leaves.
[[nodiscard]] int latestSchemaVersion();
// Brings `store` to the latest version, each step in its own transaction (PostgreSQL: under an
// advisory lock, so two programs starting at once do not both migrate). Refuses (StoreError) a
// database from a newer program.
void migrate(Store& store);
[[nodiscard]] int schemaVersion(Store& store);

} // namespace kiosk::office

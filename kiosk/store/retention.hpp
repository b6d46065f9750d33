// How long collected requests stay on the kiosk: purged, bytes overwritten, a set number of days
// after a batch took them to the office.
#pragma once

#include "core/clock.hpp"
#include "store/db.hpp"

#include <cstdint>

namespace kiosk::store {

// Collected requests stay this long, so a lost stick can still be copied again.
inline constexpr int kDefaultRetentionDays = 14;

// Deletes the requests collected more than `days` days before `nowMs` (collected_ms), with
// PRAGMA secure_delete=ON so their bytes are overwritten, in one transaction, and writes an audit
// row "purge" with detail "count=N days=D" when N > 0; then checkpoints and truncates the WAL, so
// the pages as they were before are gone from it too (best effort: not while another connection
// is reading). Never touches a request that was never collected. Returns N. Throws SqliteError
// (nothing deleted then), std::invalid_argument for negative `days`.
std::int64_t purgeCollected(Db& db, Millis nowMs, int days);

} // namespace kiosk::store

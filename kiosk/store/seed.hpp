// Realistic synthetic callback requests, for training officers and for benchmarks, with the hard
// cases an export must survive (quotes, commas, newlines, leading = + - @, é, the longest values).
#pragma once

#include "store/requests.hpp"

#include <cstddef>
#include <cstdint>
#include <random>

namespace kiosk::store {

// The same `total` requests in the same order for the same `total` and `nowMs` (a fixed seed),
// oldest first, created over the 30 days before `nowMs`. The first ones go through every hard
// case, so even a few seeded requests hold them all.
class SyntheticRequests {
public:
    SyntheticRequests(std::size_t total, Millis nowMs);
    [[nodiscard]] bool done() const { return m_next >= m_total; }
    [[nodiscard]] NewRequest next();

private:
    std::size_t m_total;
    std::size_t m_next = 0;
    Millis m_now;
    std::mt19937_64 m_random;
};

// Inserts `total` synthetic requests through the store, one transaction per `batchSize`.
// Returns how many were added; throws SqliteError (earlier batches stay). Measured for 100,000
// here: 1,000 per transaction 6.2 s, 10,000 per transaction 3.1 s (the random uid and fingerprint
// keys dirty many index pages in each transaction, and each one is written to the WAL and
// checkpointed again).
std::size_t seedRequests(RequestStore& store, std::size_t total, Millis nowMs,
                         std::size_t batchSize = 10'000);

} // namespace kiosk::store

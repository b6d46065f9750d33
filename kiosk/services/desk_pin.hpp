// Officer PINs on the desk's thread: checked against the store (Argon2id takes most of a second) or,
// the first time, stored.
#pragma once

#include "core/clock.hpp"
#include "core/officer.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace kiosk {

namespace store {
class Db;
}

namespace desk {

// The answer for the screen, and whether a PIN is stored now (unknown when the store did not answer).
struct PinReply {
    PinAnswer answer;
    std::optional<bool> hasPin;
};

// Checks `pin` (with `isNew`: stores it, where no PIN exists yet) in `db`; the answer carries
// `attempt`. No database, or one that fails: Failed (logged, never the PIN).
[[nodiscard]] PinReply answerPin(store::Db* db, const Clock& clock, std::ostream& log, const std::string& pin,
                                 bool isNew, std::uint64_t attempt);

} // namespace desk
} // namespace kiosk

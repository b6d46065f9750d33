// Status packs from the officer desk: the pack kept, loaded at start-up; whether a stick has one for
// this kiosk; taking it, and telling the log, the audit and the status card how it went.
#pragma once

#include "core/clock.hpp"
#include "core/usb.hpp"
#include "export/status_pack.hpp"
#include "services/desk_board.hpp"

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk {

namespace store {
class Db;
}

namespace desk {

// What the status work needs: where the pack is kept, the keys trusted, this kiosk's id.
struct StatusPlace {
    std::filesystem::path root; // STATE/status (empty: none is kept or taken)
    std::vector<signing::PublicKey> trusted;
    std::string kioskId;
};

// Where a status pack would be: desa-kiosk-status/ in the export folder (a technician's plain folder
// stands in for the stick; empty: none), then on each stick.
[[nodiscard]] std::vector<std::filesystem::path> statusFolders(const std::filesystem::path& exportDir,
                                                               const std::vector<Stick>& sticks);

// The pack kept, checked again, into the snapshot (its book for the resident's screen). A kept pack
// that no longer passes is logged and left out.
void loadStatusBook(const StatusPlace& place, Board& board, std::ostream& log);
// Whether one of `folders` has this kiosk's file, into the snapshot.
void readStatusOffer(const StatusPlace& place, const std::vector<std::filesystem::path>& folders,
                     Board& board);
// Takes this kiosk's file from the first of `folders` that has one (NotFound when none has).
[[nodiscard]] statuspack::Read takeStatusPack(const StatusPlace& place,
                                              const std::vector<std::filesystem::path>& folders);
// Tells the log, the audit (a failure there is only logged) and the card what taking it came to; a
// pack taken becomes the snapshot's book.
void reportStatusTaken(const statuspack::Read& outcome, store::Db* db, Millis nowMs, Board& board,
                       std::ostream& log);

} // namespace desk
} // namespace kiosk

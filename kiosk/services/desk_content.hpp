// The content the kiosk shows, for the officer desk: its version noted once per start, the signed
// packs installed and on sticks, and an update from a stick or a rollback to the previous pack.
#pragma once

#include "core/clock.hpp"
#include "core/usb.hpp"
#include "packs/content_pack.hpp"
#include "services/desk_board.hpp"

#include <filesystem>
#include <ostream>
#include <vector>

namespace kiosk {

namespace store {
class Db;
}

namespace desk {

// Publishes the version of the content in `contentDir`, and audits it when it is not the version
// audited last. Throws SqliteError.
void noteContentVersion(store::Db& db, const std::filesystem::path& contentDir, const Clock& clock,
                        Board& board);

// Where a content pack would be: desa-kiosk-konten/ in the export folder (a technician's plain folder
// stands in for the stick; empty: none), then on each stick.
[[nodiscard]] std::vector<std::filesystem::path> packFolders(const std::filesystem::path& exportDir,
                                                             const std::vector<Stick>& sticks);
// The packs installed and the first pack in `folders`, into the snapshot's content card.
void readPacks(const pack::Place& packs, const std::vector<std::filesystem::path>& folders, Board& board);

// Installs the pack in the first of `folders` that exists (NotFound when none does), publishing how
// far the copy is.
[[nodiscard]] pack::Outcome installPack(const pack::Place& packs,
                                        const std::vector<std::filesystem::path>& folders, Board& board);
// Shows the previous pack again.
[[nodiscard]] pack::Outcome rollBackPack(const pack::Place& packs);
// Logs what an update (or, with `rollback`, a rollback) came to.
void logContentChange(std::ostream& log, bool rollback, const pack::Outcome& outcome);
// Notes it in the audit; a failure is only logged.
void auditContentChange(store::Db& db, Millis nowMs, bool rollback, const pack::Outcome& outcome,
                        std::ostream& log);
// Shows it on the content card.
void showContentChange(Board& board, const pack::Outcome& outcome);

} // namespace desk
} // namespace kiosk

// Exports from the officer desk: the new requests, all of them, or a batch again, to the configured
// folder or a stick, and what the officer reads of how it went.
#pragma once

#include "core/clock.hpp"
#include "core/officer.hpp"
#include "core/request.hpp"
#include "core/usb.hpp"
#include "export/file_writer.hpp"
#include "services/desk_board.hpp"
#include "services/officer_desk_settings.hpp"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

namespace kiosk {

namespace store {
class Db;
}

namespace desk {

// What an export is handed by the desk.
struct ExportContext {
    store::Db* db;                       // the desk's connection; null: the database cannot be used
    const OfficerDeskSettings& settings; // the kiosk's id, the export folder, the office's key
    exporter::FileWriter& files;
    const Clock& clock;
    std::ostream& log;
    Board& board;                        // the sticks come from it; the progress and the outcome go to it
    std::function<void()> lookForSticks; // brings the snapshot's sticks up to date
};

// What the officer reads when writing to the stick failed with `code` (a ui.toml key). Whatever the
// cause, nothing was marked collected, so every message can promise that nothing is lost.
[[nodiscard]] const char* exportMessage(const std::error_code& code);
// The stick to copy to: the first writable one (a write-protected stick or a CD is no place to copy
// to when another is plugged in), else the first; null when there is none.
[[nodiscard]] const Stick* exportStick(const std::vector<Stick>& sticks);

// Exports what the officer asked for, publishing the progress, then the outcome, in the snapshot's
// `exporting`. True when the batch writer ran (retention and the dashboard have news then); false
// when the export was refused before it (no database, an office key that could not be read, a copy
// without encryption that this kiosk does not allow or that the officer did not say yes to, no stick).
bool exportRequests(const ExportContext& context, const ExportAsk& ask);

} // namespace desk
} // namespace kiosk

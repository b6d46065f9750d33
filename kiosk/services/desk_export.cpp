// An officer's export, from the tap to the outcome: where to, the batch writer, and the officer's
// words for each way it can fail.
#include "services/desk_export.hpp"

#include "export/exporter.hpp"
#include "store/db.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <exception>

namespace kiosk::desk {
namespace {

// Where to: the configured folder, else the first stick mounted now. False when there is none.
bool findDestination(const ExportContext& c, exporter::ExportOptions& options)
{
    if (!c.settings.exportDir.empty()) {
        options.destination = c.settings.exportDir;
        options.stickLabel = c.settings.exportDir.filename().string();
        return true;
    }
    c.lookForSticks();
    const auto current = c.board.snapshot();
    const Stick* stick = exportStick(current->target.sticks);
    if (!stick)
        return false;
    options.destination = stick->mountPoint;
    options.stickLabel = stick->label;
    return true;
}

// Runs the batch writer; its outcome into `done`, in the officer's words.
void writeBatch(const ExportContext& c, const exporter::ExportOptions& options, ExportState& done)
{
    try {
        const exporter::ExportResult result = exporter::exportBatch(*c.db, c.files, options);
        if (result.folder.empty()) {
            done.phase = ExportState::Phase::Nothing;
        } else {
            done.phase = ExportState::Phase::Done;
            done.count = static_cast<std::int64_t>(result.count);
            done.folder = result.folder.filename().string();
            c.log << "kiosk: exported " << result.count << " requests (" << result.marked
                  << " newly collected) to " << result.folder.string() << "\n";
        }
    } catch (const std::system_error& e) {
        done.phase = ExportState::Phase::Failed;
        done.message = exportMessage(e.code());
        done.detail = systemFault(e.code());
        c.log << "kiosk: export failed, nothing marked: " << e.what() << "\n";
    } catch (const store::SqliteError& e) {
        done.phase = ExportState::Phase::Failed;
        done.message = "officer.export.store";
        done.detail = store::databaseFault(e);
        c.log << "kiosk: export failed, nothing marked: " << e.what() << "\n";
    } catch (const std::exception& e) { // an unknown batch, sealing: not the stick's fault
        done.phase = ExportState::Phase::Failed;
        done.message = "officer.export.failed";
        c.log << "kiosk: export failed, nothing marked: " << e.what() << "\n";
    }
}

} // namespace

const char* exportMessage(const std::error_code& code)
{
    switch (code.value()) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG: return "officer.export.full";
    case EROFS:
    case EACCES:
    case EPERM: return "officer.export.readonly";
    default: return "officer.export.pulled"; // EIO, ENOENT, ENODEV, ENXIO: the stick went away
    }
}

const Stick* exportStick(const std::vector<Stick>& sticks)
{
    if (sticks.empty())
        return nullptr;
    const auto it = std::find_if(sticks.begin(), sticks.end(), [](const Stick& s) { return !s.readOnly; });
    return it != sticks.end() ? &*it : &sticks.front();
}

bool exportRequests(const ExportContext& c, const ExportAsk& ask)
{
    ExportState done;
    done.again = ask.again.has_value();
    const auto finish = [&] { c.board.publish([&](OfficerSnapshot& s) { s.exporting = done; }); };
    const auto refuse = [&](const char* message) {
        done.phase = ExportState::Phase::Failed;
        done.message = message;
        finish();
        return false;
    };
    if (!c.db)
        return refuse("officer.export.store");
    if (!c.settings.keyProblem.empty()) // never plain when the office asked for sealed files
        return refuse("officer.key.bad");
    if (!c.settings.officeKey && !c.settings.allowPlainExport) // [officer] allow_plain_export = false
        return refuse("officer.export.plain_off");
    if (!c.settings.officeKey && !ask.plainAccepted) // residents' data in plain only after a yes
        return refuse("officer.export.plain_unconfirmed");
    exporter::ExportOptions options;
    if (!findDestination(c, options))
        return refuse("officer.usb.none");
    done.stick = options.stickLabel;
    options.kioskId = c.settings.kioskId;
    options.scope = ask.scope;
    if (ask.again)
        options.againBatch = ask.again->value;
    options.officeKey = c.settings.officeKey;
    options.nowMs = c.clock.now();
    long shown = -1;
    options.progress = [&](double fraction) {
        const long percent = std::lround(fraction * 100);
        if (percent == shown)
            return;
        shown = percent;
        c.board.publish([&](OfficerSnapshot& s) { s.exporting.progress = fraction; });
    };
    writeBatch(c, options, done);
    finish();
    return true;
}

} // namespace kiosk::desk

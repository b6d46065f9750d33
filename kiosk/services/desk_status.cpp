// Status packs from the officer desk: loading the one kept, looking at the stick, taking one.
#include "services/desk_status.hpp"

#include "packs/status_pack.hpp"
#include "store/db.hpp"
#include "store/officer.hpp"

#include <exception>
#include <memory>
#include <system_error>

namespace kiosk::desk {

namespace {

void publishBook(Board& board, const statuspack::StatusPack& pack)
{
    auto book = std::make_shared<const StatusBook>(pack.book);
    board.publish([&](OfficerSnapshot& s) {
        s.status.book = book;
        s.status.createdMs = pack.createdMs;
    });
}

} // namespace

std::vector<std::filesystem::path> statusFolders(const std::filesystem::path& exportDir,
                                                 const std::vector<Stick>& sticks)
{
    std::vector<std::filesystem::path> folders;
    if (!exportDir.empty())
        folders.push_back(exportDir / statuspack::kStickFolder);
    for (const Stick& stick : sticks)
        folders.push_back(stick.mountPoint / statuspack::kStickFolder);
    return folders;
}

void loadStatusBook(const StatusPlace& place, Board& board, std::ostream& log)
{
    board.publish([&](OfficerSnapshot& s) { s.status.trusted = !place.trusted.empty(); });
    if (place.root.empty())
        return;
    const statuspack::Read kept = pack::StatusStore(place.root).load(place.trusted, place.kioskId);
    if (kept.ok()) {
        log << "kiosk: status pack from the office of " << kept.pack.book.created << ": "
            << kept.pack.book.entries.size() << " requests\n";
        publishBook(board, kept.pack);
    } else if (kept.refusal != statuspack::Refusal::NotFound) {
        log << "kiosk: warning: the status pack kept is not used (" << statuspack::refusalName(kept.refusal)
            << "): " << kept.detail << "\n";
    }
}

void readStatusOffer(const StatusPlace& place, const std::vector<std::filesystem::path>& folders,
                     Board& board)
{
    bool onStick = false;
    std::error_code ec;
    for (const auto& folder : folders)
        onStick = onStick || std::filesystem::exists(folder / statuspack::fileName(place.kioskId), ec);
    board.publish([&](OfficerSnapshot& s) { s.status.onStick = onStick; });
}

statuspack::Read takeStatusPack(const StatusPlace& place, const std::vector<std::filesystem::path>& folders)
{
    if (place.root.empty()) { // no state folder to keep it in (a desk set up without one)
        statuspack::Read none;
        none.refusal = statuspack::Refusal::Failed;
        none.detail = "this kiosk has no folder to keep status packs in";
        return none;
    }
    std::error_code ec;
    for (const auto& folder : folders)
        if (std::filesystem::exists(folder / statuspack::fileName(place.kioskId), ec) ||
            std::filesystem::is_symlink(folder / statuspack::fileName(place.kioskId), ec))
            return pack::StatusStore(place.root).take(folder, place.trusted, place.kioskId);
    statuspack::Read none;
    none.refusal = statuspack::Refusal::NotFound;
    none.detail = "no " + std::string(statuspack::kStickFolder) + "/" + statuspack::fileName(place.kioskId) +
                  " on a USB stick";
    none.fault.file = std::string(statuspack::kStickFolder) + "/" + statuspack::fileName(place.kioskId);
    return none;
}

void reportStatusTaken(const statuspack::Read& outcome, store::Db* db, Millis nowMs, Board& board,
                       std::ostream& log)
{
    if (outcome.ok())
        log << "kiosk: status pack taken: " << outcome.pack.book.entries.size()
            << " requests, made by the office " << outcome.pack.book.created << "\n";
    else
        log << "kiosk: warning: status pack refused (" << statuspack::refusalName(outcome.refusal)
            << "): " << outcome.detail << "\n";
    if (db) {
        try {
            // The machine form: "taken count=N day=YYYY-MM-DD" or "refused reason=NAME".
            store::appendAudit(
                *db, nowMs, "status-pack",
                outcome.ok() ? "taken count=" + std::to_string(outcome.pack.book.entries.size()) +
                                   " day=" + outcome.pack.book.created.substr(0, 10)
                             : std::string("refused reason=") + statuspack::refusalName(outcome.refusal));
        } catch (const std::exception& e) {
            log << "kiosk: warning: taking the status pack could not be audited: " << e.what() << "\n";
        }
    }
    if (outcome.ok())
        publishBook(board, outcome.pack);
    board.publish([&](OfficerSnapshot& s) {
        s.status.phase = outcome.ok() ? StatusUpdate::Phase::Done : StatusUpdate::Phase::Refused;
        s.status.refusal = statuspack::refusalName(outcome.refusal);
        s.status.detail = outcome.fault;
    });
}

} // namespace kiosk::desk

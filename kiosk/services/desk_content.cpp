// Content packs from the officer desk: reading what is installed and offered, installing, rolling
// back, and telling the log, the audit and the content card how it went.
#include "services/desk_content.hpp"

#include "packs/content_store.hpp"
#include "store/db.hpp"
#include "store/officer.hpp"

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <system_error>

namespace kiosk::desk {

void noteContentVersion(store::Db& db, const std::filesystem::path& contentDir, const Clock& clock,
                        Board& board)
{
    const std::vector<store::AuditEntry> recent = store::recentAudit(db, 200);
    std::string lastVersion;
    for (const store::AuditEntry& e : recent)
        if (e.kind == store::kAuditContent) {
            lastVersion = e.detail;
            break;
        }
    const std::string contentVersion = kiosk::contentVersion(contentDir);
    board.publish([&](OfficerSnapshot& s) { s.dashboard.contentVersion = contentVersion; });
    const std::string version = "version=" + contentVersion;
    if (lastVersion != version)
        store::appendAudit(db, clock.now(), store::kAuditContent, version);
}

std::vector<std::filesystem::path> packFolders(const std::filesystem::path& exportDir,
                                               const std::vector<Stick>& sticks)
{
    std::vector<std::filesystem::path> folders;
    if (!exportDir.empty())
        folders.push_back(exportDir / pack::kStickFolder);
    for (const Stick& stick : sticks)
        folders.push_back(stick.mountPoint / pack::kStickFolder);
    return folders;
}

void readPacks(const pack::Place& packs, const std::vector<std::filesystem::path>& folders, Board& board)
{
    const pack::PackStore installed(packs.root);
    const auto current = installed.current();
    const auto previous = installed.previous();
    std::optional<pack::PackInfo> onStick;
    for (const auto& folder : folders)
        if ((onStick = pack::peek(folder)))
            break;
    board.publish([&](OfficerSnapshot& s) {
        ContentUpdate& c = s.content;
        c.trusted = !packs.trusted.empty();
        c.currentId = current ? current->id : "";
        c.currentCreated = current ? current->created : "";
        c.previousId = previous ? previous->id : "";
        c.previousCreated = previous ? previous->created : "";
        c.stickId = onStick ? onStick->id : "";
        c.stickCreated = onStick ? onStick->created : "";
    });
}

pack::Outcome installPack(const pack::Place& packs, const std::vector<std::filesystem::path>& folders,
                          Board& board)
{
    std::optional<std::filesystem::path> source;
    std::error_code ec;
    for (const auto& folder : folders)
        if (!source && std::filesystem::exists(folder, ec))
            source = folder;
    if (!source) {
        pack::Outcome outcome;
        outcome.refusal = pack::Refusal::NotFound;
        outcome.detail = "no folder " + std::string(pack::kStickFolder) + " on a USB stick";
        return outcome;
    }
    long shown = -1;
    return pack::PackStore(packs.root)
        .install(*source, packs.trusted, packs.check, [&](std::uint64_t done, std::uint64_t total) {
            const long percent = total ? static_cast<long>(done * 100 / total) : 100;
            if (percent == shown)
                return;
            shown = percent;
            board.publish(
                [&](OfficerSnapshot& s) { s.content.progress = static_cast<double>(percent) / 100; });
        });
}

pack::Outcome rollBackPack(const pack::Place& packs)
{
    return pack::PackStore(packs.root).rollback(packs.trusted, packs.check);
}

void logContentChange(std::ostream& log, bool rollback, const pack::Outcome& outcome)
{
    const char* what = rollback ? "rollback" : "update";
    if (outcome.ok())
        log << "kiosk: content " << what << ": now showing pack " << outcome.pack.id << " (signed "
            << outcome.pack.created << " UTC)\n";
    else
        log << "kiosk: warning: content " << what << " refused (" << pack::refusalName(outcome.refusal)
            << "): " << outcome.detail << "\n";
}

void auditContentChange(store::Db& db, Millis nowMs, bool rollback, const pack::Outcome& outcome,
                        std::ostream& log)
{
    try {
        store::appendAudit(db, nowMs, rollback ? "content-rollback" : "content-update",
                           std::string(outcome.ok() ? "shown " : "refused ") +
                               pack::refusalName(outcome.refusal) + " " + outcome.pack.id);
    } catch (const std::exception& e) {
        log << "kiosk: warning: the content change could not be audited: " << e.what() << "\n";
    }
}

void showContentChange(Board& board, const pack::Outcome& outcome)
{
    board.publish([&](OfficerSnapshot& s) {
        s.content.phase = outcome.ok() ? ContentUpdate::Phase::Done : ContentUpdate::Phase::Refused;
        s.content.refusal = pack::refusalName(outcome.refusal);
        s.content.detail = outcome.fault; // its English words are for the log
        s.content.packId = outcome.pack.id;
        if (outcome.ok())
            ++s.content.shownChanges;
    });
}

} // namespace kiosk::desk

// Reading the officer dashboard: the store's figures in the words the screens use.
#include "services/desk_dashboard.hpp"

#include "store/dashboard.hpp"
#include "store/db.hpp"
#include "store/requests.hpp"

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <system_error>

namespace kiosk::desk {
namespace {

OfficerDashboard::Entry entry(Millis atMs, const std::string& kind, const std::string& detail)
{
    return {atMs, kind, detail};
}

// The figures of `stats`, read at `now`, into the dashboard.
void fill(OfficerDashboard& o, const store::DashboardStats& stats, Millis now,
          std::optional<std::uint64_t> free)
{
    o.loaded = true;
    o.storeError.reset();
    o.readAtMs = now;
    o.fresh = stats.fresh.byTopic;
    o.collected = stats.collected.byTopic;
    o.oldestFreshMs = stats.oldestFreshMs;
    o.batches.clear();
    for (const store::BatchRecord& b : stats.batches)
        o.batches.push_back({b.id, b.createdMs, b.count, b.stick, b.sealed});
    o.events.clear();
    for (const store::StoreEvent& e : stats.events)
        if (e.kind == store::kEventMovedAside)
            o.events.push_back(entry(e.atMs, e.kind, e.detail));
    o.audit.clear();
    for (const store::AuditEntry& a : stats.audit)
        o.audit.push_back(entry(a.atMs, a.kind, a.detail));
    o.usage.clear();
    for (const store::UsageCount& u : stats.usage)
        o.usage.push_back({u.day, u.screen, u.lang, u.views});
    o.databaseBytes = stats.fileBytes;
    o.diskFreeBytes = free;
}

} // namespace

void readDashboard(store::Db* db, const std::filesystem::path& databaseFile, const Clock& clock,
                   std::ostream& log, Board& board)
{
    if (!db) {
        board.publish([](OfficerSnapshot& s) {
            s.dashboard.loaded = false;
            s.dashboard.storeError = FaultDetail{}; // no connection: the sentence says all there is
        });
        return;
    }
    try {
        const Millis now = clock.now();
        const store::DashboardStats stats = store::loadDashboard(*db, now);
        std::optional<std::uint64_t> free;
        std::error_code ec;
        const std::filesystem::space_info space = std::filesystem::space(databaseFile.parent_path(), ec);
        if (!ec)
            free = space.available;
        board.publish([&](OfficerSnapshot& s) { fill(s.dashboard, stats, now, free); });
    } catch (const std::exception& e) {
        log << "kiosk: officer desk: the dashboard could not be read: " << e.what() << "\n";
        board.publish([&](OfficerSnapshot& s) { s.dashboard.storeError = store::databaseFault(e); });
    }
}

} // namespace kiosk::desk

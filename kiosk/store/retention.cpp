// Purging collected requests: one DELETE under secure_delete, audited with counts only.
#include "store/retention.hpp"

#include "store/officer.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

namespace kiosk::store {

namespace {

constexpr Millis kDayMs = 24 * 60 * 60 * 1000;

// PRAGMA secure_delete=ON while it lives, then the connection's setting as it was. SQLite then
// overwrites with zeros every cell it deletes and every page it frees, in the tables and in their
// indexes, instead of leaving the bytes in free space where a copy of the file would still show
// them.
class SecureDelete {
public:
    explicit SecureDelete(Db& db) : m_db(db), m_before(db.queryInt("PRAGMA secure_delete"))
    {
        if (db.queryInt("PRAGMA secure_delete = 1") != 1)
            throw SqliteError("secure_delete cannot be turned on", SQLITE_MISUSE);
    }
    ~SecureDelete()
    {
        try {
            // 2 is FAST (overwrite only where it costs no extra I/O), which only its name sets.
            m_db.exec(m_before == 2   ? "PRAGMA secure_delete = FAST"
                      : m_before == 1 ? "PRAGMA secure_delete = ON"
                                      : "PRAGMA secure_delete = OFF");
        } catch (...) {
        }
    }
    SecureDelete(const SecureDelete&) = delete;
    SecureDelete& operator=(const SecureDelete&) = delete;

private:
    Db& m_db;
    std::int64_t m_before;
};

} // namespace

std::int64_t purgeCollected(Db& db, Millis nowMs, int days)
{
    if (days < 0)
        throw std::invalid_argument("a retention of " + std::to_string(days) + " days");
    const SecureDelete secureDelete(db);
    Transaction transaction(db);
    // Nothing else points at a request: batches keep only counts and times, events and the audit
    // never name one, the fingerprint index goes with its rows, and AUTOINCREMENT's sqlite_sequence
    // keeps the purged ids (and so their references) from ever being handed out again.
    Stmt purge(db, "DELETE FROM requests WHERE collected_batch IS NOT NULL AND collected_ms < ?1");
    purge.bind(1, nowMs - static_cast<Millis>(days) * kDayMs).run();
    const auto purged = static_cast<std::int64_t>(sqlite3_changes(db.handle()));
    if (purged > 0)
        appendAudit(db, nowMs, kAuditPurge,
                    "count=" + std::to_string(purged) + " days=" + std::to_string(days));
    transaction.commit();
    if (purged > 0) {
        // The WAL still holds the pages as they were before, and a passive checkpoint only copies
        // the new ones into the file: TRUNCATE empties it too. Best effort once committed (a
        // reader may hold the WAL; the next checkpoint then does it).
        (void)sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    }
    return purged;
}

} // namespace kiosk::store

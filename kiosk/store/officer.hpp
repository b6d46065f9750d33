// The officer PIN (an Argon2id hash only) with its lockout, and the audit log, both in the store.
#pragma once

#include "core/clock.hpp"
#include "core/officer.hpp"
#include "store/db.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::store {

// A row of the audit log. `detail` never holds a PIN, a hash, a name or a phone number.
struct AuditEntry {
    std::int64_t id = 0;
    Millis atMs = 0;
    std::string kind;
    std::string detail;
};

// Audit kinds written here.
inline constexpr std::string_view kAuditLoginOk = "officer-login-ok";
inline constexpr std::string_view kAuditLoginFailed = "officer-login-failed"; // detail: failures=N
inline constexpr std::string_view kAuditLoginLocked = "officer-login-locked"; // detail: seconds-left=N
inline constexpr std::string_view kAuditLoginNoPin = "officer-login-no-pin";
inline constexpr std::string_view kAuditLockout = "officer-lockout"; // detail: lockout=N seconds=S
inline constexpr std::string_view kAuditPinChanged = "pin-changed";  // detail: first|replaced
// Written by the other parts of the store and by the app.
inline constexpr std::string_view kAuditExport = "export"; // detail: batch=ID count=N marked=M sealed=yes|no
inline constexpr std::string_view kAuditReexport = "re-export"; // the same, for a batch copied again
inline constexpr std::string_view kAuditPurge = "purge";        // detail: count=N days=D
inline constexpr std::string_view kAuditContent = "content-loaded";

// Appends one audit row. It joins the caller's transaction when there is one, so an action and
// its audit row are committed together or not at all. Throws SqliteError.
void appendAudit(Db& db, Millis atMs, std::string_view kind, std::string_view detail = {});
// Every entry with an id above `id`, oldest first (the export: entries since the last batch).
[[nodiscard]] std::vector<AuditEntry> auditSince(Db& db, std::int64_t id);
// The newest `n` entries, newest first (the dashboard).
[[nodiscard]] std::vector<AuditEntry> recentAudit(Db& db, std::size_t n);

// This many wrong PINs in a row lock officer mode.
inline constexpr int kPinFailuresBeforeLockout = kPinTriesBeforeLock; // the PIN screen counts the same
inline constexpr Millis kFirstLockoutMs = 5 * 60 * 1000;
inline constexpr Millis kMaxLockoutMs = 24 * 60 * 60 * 1000;

// 6 to 8 ASCII digits.
[[nodiscard]] bool validPin(std::string_view pin);
// How long the `lockout`-th lockout (1-based) lasts: 5 min, 10, 20, … at most 24 h.
[[nodiscard]] Millis lockoutDuration(std::int64_t lockout);

struct PinCheck {
    enum class Status { Ok, Wrong, Locked, NoPin };
    Status status = Status::NoPin;
    std::int64_t secondsLeft = 0; // Locked: whole seconds until a PIN is tried again (rounded up)
    int failures = 0;             // Wrong: wrong PINs in a row so far (the 5th locks: Locked)
};

// Officer access over a migrated database (schema 3 or later). The state lives in the database,
// so it survives restarts. `db` and `wallClock` (Unix ms) must outlive this. Throws SqliteError.
class OfficerAccess {
public:
    OfficerAccess(Db& db, const Clock& wallClock);

    [[nodiscard]] bool hasPin();
    // Stores only crypto_pwhash_str (Argon2id) of `pin`, clears failures and any lockout (whoever
    // can set the PIN may unlock), and audits "pin-changed". Throws std::invalid_argument for a
    // PIN that is not 6–8 ASCII digits, std::runtime_error when hashing runs out of memory.
    void setPin(std::string_view pin);
    // Tries `pin`, audits the attempt. While locked nothing is verified (Locked). The 5th wrong PIN
    // in a row starts a lockout and answers Locked with its full length. A correct PIN clears the
    // failures but not the lockout count, so repeated guessing keeps escalating between logins.
    [[nodiscard]] PinCheck check(std::string_view pin);

    // The free functions above, on this database and (for appendAudit) at this clock's time.
    void appendAudit(std::string_view kind, std::string_view detail = {});
    [[nodiscard]] std::vector<AuditEntry> recentAudit(std::size_t n);
    [[nodiscard]] std::vector<AuditEntry> auditSince(std::int64_t id);

private:
    struct State {
        std::string pinHash; // empty: no PIN
        std::int64_t failures = 0;
        std::int64_t lockouts = 0;
        Millis lockedUntilMs = 0;
    };
    [[nodiscard]] State readState();
    void writeState(const State& state);

    Db& m_db;
    const Clock& m_clock;
};

} // namespace kiosk::store

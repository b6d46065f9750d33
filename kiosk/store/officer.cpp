// Officer PIN and audit log: Argon2id via crypto_pwhash_str, lockout state and audit rows in SQLite.
#include "store/officer.hpp"

#include "store/sodium.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace kiosk::store {

namespace {

// Wipes a copy of a PIN when it goes out of scope.
class SecretCopy {
public:
    explicit SecretCopy(std::string_view text) : m_text(text) {}
    ~SecretCopy() { sodium_memzero(m_text.data(), m_text.size()); }
    SecretCopy(const SecretCopy&) = delete;
    SecretCopy& operator=(const SecretCopy&) = delete;
    [[nodiscard]] const char* c_str() const { return m_text.c_str(); }
    [[nodiscard]] unsigned long long size() const { return m_text.size(); }

private:
    std::string m_text;
};

std::int64_t secondsLeft(Millis untilMs, Millis nowMs)
{
    return (untilMs - nowMs + 999) / 1000;
}

} // namespace

bool validPin(std::string_view pin)
{
    return pin.size() >= 6 && pin.size() <= 8 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Millis lockoutDuration(std::int64_t lockout)
{
    Millis ms = kFirstLockoutMs;
    for (std::int64_t i = 1; i < lockout && ms < kMaxLockoutMs; ++i)
        ms *= 2;
    return std::min(ms, kMaxLockoutMs);
}

OfficerAccess::OfficerAccess(Db& db, const Clock& wallClock) : m_db(db), m_clock(wallClock)
{
    initSodium();
}

OfficerAccess::State OfficerAccess::readState()
{
    Stmt row(m_db, "SELECT pin_hash, failures, lockouts, locked_until_ms FROM officer WHERE id = 1");
    State state;
    if (row.step()) {
        if (!row.columnIsNull(0))
            state.pinHash = row.columnText(0);
        state.failures = row.columnInt64(1);
        state.lockouts = row.columnInt64(2);
        state.lockedUntilMs = row.columnInt64(3);
    }
    return state;
}

void OfficerAccess::writeState(const State& state)
{
    Stmt upsert(m_db,
                "INSERT INTO officer (id, pin_hash, failures, lockouts, locked_until_ms) "
                "VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET pin_hash = excluded.pin_hash, "
                "failures = excluded.failures, lockouts = excluded.lockouts, "
                "locked_until_ms = excluded.locked_until_ms");
    if (state.pinHash.empty())
        upsert.bindNull(1);
    else
        upsert.bind(1, state.pinHash);
    upsert.bind(2, state.failures).bind(3, state.lockouts).bind(4, state.lockedUntilMs).run();
}

bool OfficerAccess::hasPin()
{
    return !readState().pinHash.empty();
}

void OfficerAccess::setPin(std::string_view pin)
{
    if (!validPin(pin))
        throw std::invalid_argument("the PIN must be 6 to 8 digits");
    const SecretCopy secret(pin);
    char hash[crypto_pwhash_STRBYTES];
    // Argon2id at the interactive limits (2 passes over 64 MiB). Measured on the 2-core build
    // machine under load: 0.72–0.78 s per hash or verify, the same with ASan (libsodium itself is not
    // instrumented); OPSLIMIT_MIN saves only a quarter (0.54–0.60 s), so the interactive limit stays.
    if (crypto_pwhash_str(hash, secret.c_str(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("not enough memory to hash the PIN");
    Transaction transaction(m_db);
    State state = readState();
    const bool first = state.pinHash.empty();
    state = State{};
    state.pinHash = hash;
    writeState(state);
    store::appendAudit(m_db, m_clock.now(), kAuditPinChanged, first ? "first" : "replaced");
    transaction.commit();
}

PinCheck OfficerAccess::check(std::string_view pin)
{
    const Millis now = m_clock.now();
    const State before = readState();
    PinCheck result;
    if (before.pinHash.empty()) {
        appendAudit(kAuditLoginNoPin);
        result.status = PinCheck::Status::NoPin;
        return result;
    }
    if (before.lockedUntilMs > now) {
        result.status = PinCheck::Status::Locked;
        result.secondsLeft = secondsLeft(before.lockedUntilMs, now);
        appendAudit(kAuditLoginLocked, "seconds-left=" + std::to_string(result.secondsLeft));
        return result;
    }
    // Verified outside the transaction (it takes a while); a PIN of the wrong shape is never hashed.
    bool ok = false;
    if (validPin(pin)) {
        const SecretCopy secret(pin);
        ok = crypto_pwhash_str_verify(before.pinHash.c_str(), secret.c_str(), secret.size()) == 0;
    }

    Transaction transaction(m_db);
    State state = readState(); // again, under the write lock
    if (state.pinHash != before.pinHash)
        ok = false; // the PIN changed meanwhile: this attempt tried the old one
    if (ok) {
        state.failures = 0;
        state.lockedUntilMs = 0;
        writeState(state);
        store::appendAudit(m_db, now, kAuditLoginOk);
        result.status = PinCheck::Status::Ok;
    } else {
        ++state.failures;
        store::appendAudit(m_db, now, kAuditLoginFailed, "failures=" + std::to_string(state.failures));
        result.status = PinCheck::Status::Wrong;
        result.failures = static_cast<int>(state.failures);
        if (state.failures >= kPinFailuresBeforeLockout) {
            ++state.lockouts;
            const Millis length = lockoutDuration(state.lockouts);
            state.failures = 0;
            state.lockedUntilMs = now + length;
            store::appendAudit(m_db, now, kAuditLockout,
                               "lockout=" + std::to_string(state.lockouts) +
                                   " seconds=" + std::to_string(length / 1000));
            result.status = PinCheck::Status::Locked;
            result.secondsLeft = length / 1000;
        }
        writeState(state);
    }
    transaction.commit();
    return result;
}

void OfficerAccess::appendAudit(std::string_view kind, std::string_view detail)
{
    store::appendAudit(m_db, m_clock.now(), kind, detail);
}

std::vector<AuditEntry> OfficerAccess::recentAudit(std::size_t n)
{
    return store::recentAudit(m_db, n);
}

std::vector<AuditEntry> OfficerAccess::auditSince(std::int64_t id)
{
    return store::auditSince(m_db, id);
}

namespace {

std::vector<AuditEntry> readAudit(Stmt& rows)
{
    std::vector<AuditEntry> out;
    while (rows.step())
        out.push_back({rows.columnInt64(0), rows.columnInt64(1), rows.columnText(2), rows.columnText(3)});
    return out;
}

} // namespace

void appendAudit(Db& db, Millis atMs, std::string_view kind, std::string_view detail)
{
    Stmt insert(db, "INSERT INTO audit (at_ms, kind, detail) VALUES (?1, ?2, ?3)");
    // An empty view may have no data pointer, which SQLite would store as NULL.
    insert.bind(1, atMs).bind(2, kind).bind(3, detail.empty() ? std::string_view("") : detail).run();
}

std::vector<AuditEntry> auditSince(Db& db, std::int64_t id)
{
    Stmt rows(db, "SELECT id, at_ms, kind, detail FROM audit WHERE id > ?1 ORDER BY id");
    rows.bind(1, id);
    return readAudit(rows);
}

std::vector<AuditEntry> recentAudit(Db& db, std::size_t n)
{
    Stmt rows(db, "SELECT id, at_ms, kind, detail FROM audit ORDER BY id DESC LIMIT ?1");
    rows.bind(1, static_cast<std::int64_t>(std::min<std::size_t>(n, 1'000'000)));
    return readAudit(rows);
}

} // namespace kiosk::store

// The desk's accounts (libsodium's Argon2id), the lockout that doubles, and the audit log.
#include "ledger/accounts.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <limits>

namespace kiosk::office {

namespace {

void initSodium()
{
    // Thread-safe; returns at once when it has run before.
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
}

// An Argon2id hash of `password` with the interactive limits.
std::string hashPassword(const std::string& password)
{
    initSodium();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("the password could not be hashed (out of memory?)");
    return out.data();
}

bool verifyPassword(const std::string& hash, const std::string& password)
{
    initSodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

// The hash an unknown name is checked against, so that it takes as long as a known one: of a
// random password nobody knows, made once.
const std::string& dummyHash()
{
    static const std::string hash = [] {
        initSodium();
        std::array<unsigned char, 32> random{};
        randombytes_buf(random.data(), random.size());
        return hashPassword(std::string(random.begin(), random.end()));
    }();
    return hash;
}

// Characters, not bytes: a UTF-8 continuation byte does not start one.
std::size_t characters(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool goodName(std::string_view name)
{
    if (name.size() < 2 || name.size() > 32)
        return false;
    const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!alnum(name.front()))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

constexpr const char* kUserColumns = "name, role, created_ms, locked_until_ms, failed_logins";

DeskUser userOf(const Row& r)
{
    DeskUser u;
    u.name = r.text(0);
    u.role = roleFromId(r.text(1)).value_or(Role::Officer);
    u.createdMs = r.integer(2);
    u.lockedUntilMs = r.integer(3);
    u.failedLogins = static_cast<int>(r.integer(4));
    return u;
}

// How long the lock after `locksBefore` earlier ones lasts: 5 min, 10, 20, … at most 24 h.
std::int64_t lockLength(std::int64_t locksBefore)
{
    std::int64_t length = kFirstLockMs;
    for (std::int64_t i = 0; i < locksBefore && length < kLongestLockMs; ++i)
        length *= 2;
    return std::min(length, kLongestLockMs);
}

std::int64_t bounded(std::size_t n)
{
    return static_cast<std::int64_t>(std::min<std::size_t>(n, std::numeric_limits<std::int64_t>::max()));
}

} // namespace

std::string_view roleId(Role role)
{
    return role == Role::Admin ? "admin" : "officer";
}

std::optional<Role> roleFromId(std::string_view id)
{
    if (id == "admin")
        return Role::Admin;
    if (id == "officer")
        return Role::Officer;
    return std::nullopt;
}

void addUser(Store& store, const std::string& name, Role role, const std::string& password,
             std::int64_t nowMs)
{
    if (!goodName(name))
        throw AccountRefused(
            "Nama pengguna harus 2–32 karakter: huruf kecil a–z, angka, titik, garis bawah atau "
            "tanda hubung, diawali huruf atau angka.",
            "a user name is 2–32 characters: a–z, 0–9, '.', '_' or '-', starting with a letter "
            "or digit");
    if (characters(password) < kMinPasswordChars)
        throw AccountRefused(
            "Kata sandi terlalu pendek: paling sedikit " + std::to_string(kMinPasswordChars) + " karakter.",
            "the password is too short: at least " + std::to_string(kMinPasswordChars) + " characters");
    if (lowered(password) == lowered(name))
        throw AccountRefused("Kata sandi tidak boleh sama dengan nama pengguna.",
                             "the password must not be the user name");
    const std::string hash = hashPassword(password);
    store.transaction([&] {
        if (!store.query("SELECT 1 FROM desk_users WHERE name = $1", {name}).empty())
            throw AccountRefused("Nama pengguna \"" + name + "\" sudah dipakai.",
                                 "the user name '" + name + "' is taken");
        store.exec("INSERT INTO desk_users (name, role, password_hash, created_ms, failed_logins, locks, "
                   "locked_until_ms) VALUES ($1, $2, $3, $4, 0, 0, 0)",
                   {name, std::string(roleId(role)), hash, nowMs});
    });
}

LoginResult checkLogin(Store& store, const std::string& name, const std::string& password, std::int64_t nowMs)
{
    const std::vector<Row> found =
        store.query("SELECT password_hash, locked_until_ms FROM desk_users WHERE name = $1", {name});
    if (found.empty()) {
        (void)verifyPassword(dummyHash(), password);
        return {LoginOutcome::Wrong, std::nullopt, 0};
    }
    if (const std::int64_t until = found[0].integer(1); until > nowMs)
        return {LoginOutcome::Locked, std::nullopt, until};
    // The slow part outside the transaction: other logins do not wait for it.
    const bool right = verifyPassword(found[0].text(0), password);
    LoginResult result;
    store.transaction([&] {
        // Each UPDATE holds only while the account is not locked. On PostgreSQL a concurrent wrong
        // login that locked it first makes this UPDATE wait for that commit and check its condition
        // again on the row as committed: no failure is counted after the lock, and no right password
        // slips past it.
        const auto lockedMeanwhile = [&] {
            const std::vector<Row> now =
                store.query("SELECT locked_until_ms FROM desk_users WHERE name = $1", {name});
            if (now.empty()) // removed meanwhile
                result = {LoginOutcome::Wrong, std::nullopt, 0};
            else
                result = {LoginOutcome::Locked, std::nullopt, now[0].integer(0)};
        };
        if (right) {
            if (store
                    .query("UPDATE desk_users SET failed_logins = 0, locks = 0, locked_until_ms = 0 WHERE "
                           "name = $1 "
                           "AND locked_until_ms <= $2 RETURNING name",
                           {name, nowMs})
                    .empty())
                return lockedMeanwhile();
            result.outcome = LoginOutcome::Ok;
            result.user = findUser(store, name);
            return;
        }
        const std::vector<Row> counted =
            store.query("UPDATE desk_users SET failed_logins = failed_logins + 1 WHERE name = $1 AND "
                        "locked_until_ms <= $2 RETURNING failed_logins, locks",
                        {name, nowMs});
        if (counted.empty())
            return lockedMeanwhile();
        result.outcome = LoginOutcome::Wrong;
        if (counted[0].integer(0) >= kFailuresBeforeLock) {
            const std::int64_t until = nowMs + lockLength(counted[0].integer(1));
            store.exec(
                "UPDATE desk_users SET failed_logins = 0, locks = locks + 1, locked_until_ms = $1 WHERE "
                "name = $2",
                {until, name});
            result.lockedUntilMs = until;
        }
    });
    return result;
}

void unlockUser(Store& store, const std::string& name)
{
    store.transaction([&] {
        if (store.query("SELECT 1 FROM desk_users WHERE name = $1", {name}).empty())
            throw AccountRefused("Tidak ada pengguna bernama \"" + name + "\".",
                                 "there is no user '" + name + "'");
        store.exec("UPDATE desk_users SET failed_logins = 0, locks = 0, locked_until_ms = 0 WHERE name = $1",
                   {name});
    });
}

std::vector<DeskUser> listUsers(Store& store)
{
    std::vector<DeskUser> out;
    for (const Row& r : store.query(std::string("SELECT ") + kUserColumns + " FROM desk_users ORDER BY name"))
        out.push_back(userOf(r));
    return out;
}

std::optional<DeskUser> findUser(Store& store, const std::string& name)
{
    const std::vector<Row> rows =
        store.query(std::string("SELECT ") + kUserColumns + " FROM desk_users WHERE name = $1", {name});
    if (rows.empty())
        return std::nullopt;
    return userOf(rows[0]);
}

void audit(Store& store, const AuditEntry& e)
{
    store.exec("INSERT INTO desk_audit (at_ms, who, action, subject, address) VALUES ($1, $2, $3, $4, $5)",
               {e.atMs, e.who, e.action, e.subject, e.address});
}

std::vector<AuditEntry> listAudit(Store& store, std::size_t limit, std::size_t offset)
{
    std::vector<AuditEntry> out;
    for (const Row& r :
         store.query("SELECT at_ms, who, action, subject, address FROM desk_audit ORDER BY id DESC "
                     "LIMIT $1 OFFSET $2",
                     {bounded(limit), bounded(offset)}))
        out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)});
    return out;
}

std::vector<AuditEntry> listAuditOf(Store& store, const std::string& subject, std::size_t limit)
{
    std::vector<AuditEntry> out;
    for (const Row& r :
         store.query("SELECT at_ms, who, action, subject, address FROM desk_audit WHERE subject = $1 "
                     "ORDER BY id DESC LIMIT $2",
                     {subject, bounded(limit)}))
        out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)});
    return out;
}

} // namespace kiosk::office

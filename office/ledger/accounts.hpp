// The desk's people and its audit log: accounts with Argon2id passwords, logins with a lockout
// that doubles, and who saw or changed what, when, from which address.
#pragma once

#include "ledger/store.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::office {

enum class Role { Admin, Officer };
[[nodiscard]] std::string_view roleId(Role role); // "admin", "officer"
[[nodiscard]] std::optional<Role> roleFromId(std::string_view id);

struct DeskUser {
    std::string name;
    Role role = Role::Officer;
    std::int64_t createdMs = 0;
    std::int64_t lockedUntilMs = 0; // 0, or until when logins are refused
    int failedLogins = 0;           // wrong passwords in a row since the last success or lock
};

// Why an account was refused: what() is the Indonesian sentence the desk shows, english() the same
// for the command line, which speaks English.
class AccountRefused : public std::invalid_argument {
public:
    AccountRefused(const std::string& indonesian, std::string english)
        : std::invalid_argument(indonesian), m_english(std::move(english))
    {
    }
    [[nodiscard]] const std::string& english() const { return m_english; }

private:
    std::string m_english;
};

// The lockout: the 5th wrong password in a row locks for 5 minutes, each further lock twice as long
// as the one before (10, 20, … at most 24 hours) until a login succeeds or an admin unlocks.
inline constexpr int kFailuresBeforeLock = 5;
inline constexpr std::int64_t kFirstLockMs = 5 * 60'000;
inline constexpr std::int64_t kLongestLockMs = 24 * 3'600'000;
inline constexpr std::size_t kMinPasswordChars = 10;

// A name: 2–32 of a–z, 0–9, '.', '_', '-', starting with a letter or digit (it appears in URLs).
// Throws AccountRefused (name taken, bad name, password shorter than 10 characters or the same as
// the name), StoreError. The password is kept only as its Argon2id hash (libsodium's
// crypto_pwhash_str, interactive limits).
void addUser(Store& store, const std::string& name, Role role, const std::string& password,
             std::int64_t nowMs);

enum class LoginOutcome { Ok, Wrong, Locked };
struct LoginResult {
    LoginOutcome outcome = LoginOutcome::Wrong;
    std::optional<DeskUser> user;   // with Ok: the account as it is now
    std::int64_t lockedUntilMs = 0; // with Locked, and with the Wrong that locked it: until when
};
// An unknown name costs the same time as a known one and answers Wrong. While locked even the right
// password answers Locked (and is not counted). Concurrent wrong logins each count: the count goes
// up in one UPDATE inside a transaction. Ok resets the count and the doubling.
[[nodiscard]] LoginResult checkLogin(Store& store, const std::string& name, const std::string& password,
                                     std::int64_t nowMs);

// Lifts a lock and forgets the failures and the doubling. Throws AccountRefused for an unknown name.
void unlockUser(Store& store, const std::string& name);
[[nodiscard]] std::vector<DeskUser> listUsers(Store& store); // by name
[[nodiscard]] std::optional<DeskUser> findUser(Store& store, const std::string& name);

// One line of the audit log. `action` is a short id ("login", "view-request", "follow-up", …),
// `subject` what it was about (a request's global id, a user's name, a batch), `address` the
// client's IP address.
struct AuditEntry {
    std::int64_t atMs = 0;
    std::string who, action, subject, address;
};
void audit(Store& store, const AuditEntry& entry);
// Newest first.
[[nodiscard]] std::vector<AuditEntry> listAudit(Store& store, std::size_t limit, std::size_t offset);
// The entries about one subject (who saw or changed a request, say), newest first, at most `limit`.
[[nodiscard]] std::vector<AuditEntry> listAuditOf(Store& store, const std::string& subject,
                                                  std::size_t limit);

} // namespace kiosk::office

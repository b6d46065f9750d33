// The desk's server-side sessions: a random id (32 bytes from libsodium, as hex) in the cookie, a CSRF
// token each, a new id at sign-in, ended after a while without use or at sign-out.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace kiosk::office::desk {

struct Session {
    std::string id;
    std::string csrf;
    std::string user; // "" until signed in
    std::string role; // "admin" or "officer"
    std::int64_t lastSeenMs = 0;
    std::string flash; // one message for the next page
    bool flashError = false;
    [[nodiscard]] bool signedIn() const { return !user.empty(); }
};

// 64 hex digits of libsodium's randombytes.
[[nodiscard]] std::string randomToken();
// Constant-time comparison of two tokens (sodium_memcmp); false when the lengths differ.
[[nodiscard]] bool sameToken(const std::string& a, const std::string& b);

class Sessions {
public:
    static constexpr std::size_t kMostSessions = 20'000;
    explicit Sessions(std::int64_t idleMs) : m_idleMs(idleMs) {}

    // The live session with this id (its last use moved to `nowMs`); nullopt when unknown or idle too long.
    [[nodiscard]] std::optional<Session> touch(const std::string& id, std::int64_t nowMs);
    // A new session, not signed in (for the sign-in form's CSRF token). Past kMostSessions, the
    // sessions not signed in are dropped first.
    Session start(std::int64_t nowMs);
    // Ends `oldId` and starts a signed-in session with a fresh id and token.
    Session signIn(const std::string& oldId, const std::string& user, const std::string& role,
                   std::int64_t nowMs);
    void end(const std::string& id);
    // Ends every session of `user` (after their account changed).
    void endUser(const std::string& user);
    void setFlash(const std::string& id, const std::string& text, bool error);
    // The flash message of the session, once.
    [[nodiscard]] std::pair<std::string, bool> takeFlash(const std::string& id);
    [[nodiscard]] std::size_t size();

private:
    void sweep(std::int64_t nowMs); // drops the idle ones
    std::int64_t m_idleMs;
    std::mutex m_mutex;
    std::map<std::string, Session> m_sessions;
    std::int64_t m_lastSweepMs = 0;
};

} // namespace kiosk::office::desk

// Server-side sessions with libsodium's random ids and constant-time token comparison.
#include "desk/sessions.hpp"

#include <sodium.h>

#include <stdexcept>

namespace kiosk::office::desk {

std::string randomToken()
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not start");
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

bool sameToken(const std::string& a, const std::string& b)
{
    if (a.size() != b.size() || a.empty())
        return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<Session> Sessions::touch(const std::string& id, std::int64_t nowMs)
{
    std::lock_guard lock(m_mutex);
    sweep(nowMs);
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return std::nullopt;
    if (nowMs - it->second.lastSeenMs > m_idleMs) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    it->second.lastSeenMs = nowMs;
    return it->second;
}

Session Sessions::start(std::int64_t nowMs)
{
    Session s;
    s.id = randomToken();
    s.csrf = randomToken();
    s.lastSeenMs = nowMs;
    std::lock_guard lock(m_mutex);
    sweep(nowMs);
    // Sign-in forms opened by the thousand (a script) must not fill the memory: past a bound the
    // sessions not signed in go (such a form then asks to be loaded again); signed-in ones stay.
    if (m_sessions.size() >= kMostSessions)
        for (auto it = m_sessions.begin(); it != m_sessions.end();)
            it = it->second.signedIn() ? std::next(it) : m_sessions.erase(it);
    m_sessions[s.id] = s;
    return s;
}

Session Sessions::signIn(const std::string& oldId, const std::string& user, const std::string& role,
                         std::int64_t nowMs)
{
    Session s;
    s.id = randomToken();
    s.csrf = randomToken();
    s.user = user;
    s.role = role;
    s.lastSeenMs = nowMs;
    std::lock_guard lock(m_mutex);
    m_sessions.erase(oldId);
    m_sessions[s.id] = s;
    return s;
}

void Sessions::end(const std::string& id)
{
    std::lock_guard lock(m_mutex);
    m_sessions.erase(id);
}

void Sessions::endUser(const std::string& user)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = it->second.user == user ? m_sessions.erase(it) : std::next(it);
}

void Sessions::setFlash(const std::string& id, const std::string& text, bool error)
{
    std::lock_guard lock(m_mutex);
    if (const auto it = m_sessions.find(id); it != m_sessions.end()) {
        it->second.flash = text;
        it->second.flashError = error;
    }
}

std::pair<std::string, bool> Sessions::takeFlash(const std::string& id)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return {};
    std::pair<std::string, bool> out{std::move(it->second.flash), it->second.flashError};
    it->second.flash.clear();
    return out;
}

std::size_t Sessions::size()
{
    std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

void Sessions::sweep(std::int64_t nowMs)
{
    // At most once a minute: the map stays small even when many sign-in pages are opened.
    if (nowMs - m_lastSweepMs < 60'000 && m_sessions.size() < 10'000)
        return;
    m_lastSweepMs = nowMs;
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = nowMs - it->second.lastSeenMs > m_idleMs ? m_sessions.erase(it) : std::next(it);
}

} // namespace kiosk::office::desk

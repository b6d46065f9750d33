// Looking up a typed reference in the status book, and the guard against guessing references.
#include "core/request_check.hpp"

#include <algorithm>

namespace kiosk {

std::string normaliseReference(std::string_view typed)
{
    std::string out;
    out.reserve(typed.size());
    for (std::size_t i = 0; i < typed.size(); ++i) {
        const char c = typed[i];
        if (c == ' ' || c == '-' || c == '\t')
            continue;
        // U+2013 and U+2014 (en and em dash): E2 80 93, E2 80 94.
        if (c == '\xE2' && i + 2 < typed.size() && typed[i + 1] == '\x80' &&
            (typed[i + 2] == '\x93' || typed[i + 2] == '\x94')) {
            i += 2;
            continue;
        }
        out += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

const StatusEntry* findStatus(const StatusBook& book, std::string_view typed)
{
    const std::string wanted = normaliseReference(typed);
    if (wanted.empty())
        return nullptr;
    const auto it = std::find_if(book.entries.begin(), book.entries.end(), [&](const StatusEntry& e) {
        return normaliseReference(e.reference) == wanted;
    });
    return it == book.entries.end() ? nullptr : &*it;
}

bool hasNews(const StatusBook* book)
{
    return book && (!book->created.empty() || !book->entries.empty());
}

std::string_view requestStatusId(RequestStatus status)
{
    switch (status) {
    case RequestStatus::Received: return "received";
    case RequestStatus::Contacted: return "contacted";
    case RequestStatus::Done: return "done";
    }
    return "received";
}

Millis RequestCheck::waitAfter(int wrong)
{
    if (wrong < kFreeTries)
        return 0;
    Millis wait = kFirstWait;
    for (int i = kFreeTries; i < wrong && wait < kMaxWait; ++i)
        wait *= 2;
    return std::min(wait, kMaxWait);
}

int RequestCheck::wrongInARow(Millis now) const
{
    return m_wrong > 0 && now - m_lastWrong < kForgetAfter ? m_wrong : 0;
}

Millis RequestCheck::waitLeft(Millis now) const
{
    return std::max<Millis>(0, m_until - now);
}

int RequestCheck::secondsLeft(Millis now) const
{
    return static_cast<int>((waitLeft(now) + 999) / 1000);
}

int RequestCheck::lookups(Millis now) const
{
    return m_lookups > 0 && now - m_lastLookup < kForgetAfter ? m_lookups : 0;
}

void RequestCheck::counted(Millis now)
{
    m_lookups = lookups(now) + 1;
    m_lastLookup = now;
    // Past the free lookups, the next waits as a wrong reference past the free tries would.
    const Millis byLookups = m_lookups < kFreeLookups ? 0 : waitAfter(kFreeTries + m_lookups - kFreeLookups);
    m_until = now + std::max(waitAfter(m_wrong), byLookups);
}

void RequestCheck::wrong(Millis now)
{
    m_wrong = wrongInARow(now) + 1;
    m_lastWrong = now;
    counted(now);
}

void RequestCheck::right(Millis now)
{
    m_wrong = 0;
    counted(now);
}

KeyResult StatusLookup::key(Key key)
{
    notice.clear();
    switch (key) {
    case Key::Done:
    case Key::Next: typing = false; return KeyResult::Typed;
    case Key::Backspace: {
        const KeyResult r = eraseBeforeCaret(reference);
        if (r == KeyResult::Typed) {
            outcome = Outcome::None;
            found.reset();
        }
        return r;
    }
    default: break;
    }
    // A reference is letters, digits and a dash: letters always in capitals, as the confirmation
    // screen showed them; nothing else is typed.
    const bool letter = key >= Key::A && key <= Key::Z;
    const bool digit = key >= Key::Digit0 && key <= Key::Digit9;
    if (!letter && !digit && key != Key::Dash)
        return KeyResult::Ignored;
    const auto text = FormState::keyText(key, true);
    if (!text)
        return KeyResult::Ignored;
    const KeyResult r = insertText(reference, *text, kReferenceMax, false, notice);
    if (r == KeyResult::Typed) {
        outcome = Outcome::None;
        found.reset();
    }
    return r;
}

void StatusLookup::open()
{
    typing = true;
    notice.clear();
}

} // namespace kiosk

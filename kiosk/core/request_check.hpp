// "Cek permintaan saya": a resident types the reference the confirmation screen gave them and learns
// what the office has done with it, from the StatusBook the last status pack brought. Only the exact
// reference is found (letter case, spaces and dashes forgiven), never a partial or nearby one, and a
// run of wrong references makes the next try wait, longer each time.
#pragma once

#include "core/clock.hpp"
#include "core/form.hpp"
#include "core/request_status.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// Most characters typed for a reference: longer than any ("CMG-0427"), short enough to read whole.
inline constexpr std::size_t kReferenceMax = 16;

// A reference as it is compared: ASCII letters in capitals, spaces and dashes (also the en and em
// dash a phone's keyboard may give) left out, everything else kept as it is ("cmg 0427" and
// "CMG-0427" both give "CMG0427"; "CMG-427" gives "CMG427", another reference).
[[nodiscard]] std::string normaliseReference(std::string_view typed);

// The entry of the book whose reference is exactly the one typed, after normalisation; nullptr
// when none is (nothing partial, nothing near: an unknown reference says nothing of the others).
// Nothing typed finds nothing.
[[nodiscard]] const StatusEntry* findStatus(const StatusBook& book, std::string_view typed);

// Whether the office has sent this kiosk news at all: a book from a pack (it has its date).
[[nodiscard]] bool hasNews(const StatusBook* book);

// "received", "contacted", "done": string keys (status.<id>.*) and UI map values.
[[nodiscard]] std::string_view requestStatusId(RequestStatus status);

// The guard against guessing references, shared by every visit of the kiosk. Three wrong references
// in a row may be typed freely; after the third the next try waits 5 s, and each further wrong one
// doubles the wait (10 s, 20 s, …), up to 3 minutes. A right reference ends the run of wrong ones.
// References are numbered in order, so right ones are counted too: six lookups of any kind may be
// made freely, then each further lookup waits as a wrong one would (5 s, 10 s, … 3 minutes) — a
// family checks two or three references, a script walking CMG-0001, CMG-0002, … learns one every
// three minutes. Quiet ends both counts: ten minutes with no wrong reference forget the wrong run,
// ten minutes with no lookup forget the lookups. The end of a visit alone does not (a script would
// only have to wait for the idle reset), but the next resident never waits longer than the 3
// minutes of a wait already running, shown as a countdown, and after the quiet ten minutes starts
// afresh.
class RequestCheck {
public:
    static constexpr int kFreeTries = 3;
    static constexpr Millis kFirstWait = 5'000;
    static constexpr Millis kMaxWait = 180'000;
    static constexpr Millis kForgetAfter = 600'000;
    static constexpr int kFreeLookups = 6;

    // Whether a reference may be looked up now.
    [[nodiscard]] bool mayTry(Millis now) const { return waitLeft(now) == 0; }
    // Milliseconds until the next try may be made (0: now).
    [[nodiscard]] Millis waitLeft(Millis now) const;
    // The same in whole seconds, rounded up (5, 4, … 1; 0 when no wait runs).
    [[nodiscard]] int secondsLeft(Millis now) const;
    // Wrong references in the run that counts at `now` (0 once forgotten).
    [[nodiscard]] int wrongInARow(Millis now) const;
    // Lookups, right or wrong, since the last ten quiet minutes.
    [[nodiscard]] int lookups(Millis now) const;

    // A reference was looked up and not found / found.
    void wrong(Millis now);
    void right(Millis now);

    // The wait a run of `wrong` wrong references brings (0 for the free ones).
    [[nodiscard]] static Millis waitAfter(int wrong);

private:
    // The lookup just made counted; the wait before the next one set from both counts.
    void counted(Millis now);

    int m_wrong = 0;
    Millis m_lastWrong = 0;
    int m_lookups = 0;
    Millis m_lastLookup = 0;
    Millis m_until = 0;
};

// What a resident did on the screen: the reference typed (in capitals), whether the keyboard is open,
// and the answer to the last check.
struct StatusLookup {
    enum class Outcome { None, Found, Unknown };

    FieldText reference;
    bool typing = true; // the keyboard is open on the reference
    std::string notice; // about the last key or check ("status.notice.*"), until the next one
    Outcome outcome = Outcome::None;
    std::string asked;                // the reference checked, as typed
    std::optional<StatusEntry> found; // when Found

    // One key of the on-screen keyboard: letters in capitals, digits and the dash; Done closes the
    // keyboard. Any change to the reference takes the last answer away.
    KeyResult key(Key key);
    // The keyboard opened again on the reference.
    void open();
};

} // namespace kiosk

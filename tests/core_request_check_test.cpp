// "Cek permintaan saya" in core: the reference looked up exactly (case, spaces and dashes forgiven,
// nothing partial or near), the guard's doubling wait on a fake clock and what ends a run, the typing,
// and the reducer's check on the session.
#include "core/reducer.hpp"
#include "core/request_check.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kiosk;

namespace {

StatusBook book()
{
    StatusBook b;
    b.kioskId = "CMG";
    b.created = "2026-12-02 14:05";
    b.entries = {{"CMG-0427", RequestStatus::Contacted, "2026-12-01"},
                 {"CMG-0042", RequestStatus::Received, "2026-11-28"},
                 {"CMG-1000", RequestStatus::Done, "2026-12-02"}};
    return b;
}

void type(StatusLookup& l, const std::string& keys)
{
    for (const char c : keys) {
        const Key k = c == '-' ? Key::Dash : (c >= '0' && c <= '9') ? digitKey(c - '0') : letterKey(c);
        REQUIRE(l.key(k) == KeyResult::Typed);
    }
}

} // namespace

TEST_CASE("a reference is found with any letter case, spaces and dashes, and only when it is exact")
{
    const StatusBook b = book();
    for (const char* typed :
         {"CMG-0427", "cmg-0427", "cmg 0427", "CMG0427", " Cmg - 04 27 ", "CMG\u20130427"}) {
        INFO(typed);
        const StatusEntry* e = findStatus(b, typed);
        REQUIRE(e);
        CHECK(e->reference == "CMG-0427");
        CHECK(e->status == RequestStatus::Contacted);
    }
    // Nothing partial, nothing near, nothing longer: an unknown reference finds none of the others.
    for (const char* typed : {"CMG-427", "CMG-04", "0427", "CMG", "CMG-04270", "CMG-0428", "CMG-O427",
                              "XCMG-0427", "CMG-0427.", "CMG/0427", "", "  - "}) {
        INFO(typed);
        CHECK_FALSE(findStatus(b, typed));
    }
    CHECK(normaliseReference("cmg - 0042") == "CMG0042");
    CHECK(normaliseReference("CMG-427") != normaliseReference("CMG-0427"));
    CHECK(findStatus(b, "cmg-1000")->status == RequestStatus::Done);
}

TEST_CASE("news: none without a book or with an empty one; a pack's book, even without entries, is news")
{
    CHECK_FALSE(hasNews(nullptr));
    StatusBook empty;
    CHECK_FALSE(hasNews(&empty));
    StatusBook noEntries;
    noEntries.created = "2026-12-02 14:05";
    CHECK(hasNews(&noEntries));
    const StatusBook b = book();
    CHECK(hasNews(&b));
    CHECK(requestStatusId(RequestStatus::Received) == "received");
    CHECK(requestStatusId(RequestStatus::Contacted) == "contacted");
    CHECK(requestStatusId(RequestStatus::Done) == "done");
}

TEST_CASE("three wrong references are free; then the next try waits 5 s, doubling with each wrong one up "
          "to 3 minutes")
{
    FakeClock clock;
    RequestCheck guard;
    CHECK(RequestCheck::waitAfter(0) == 0);
    CHECK(RequestCheck::waitAfter(2) == 0);
    CHECK(RequestCheck::waitAfter(3) == 5'000);
    CHECK(RequestCheck::waitAfter(4) == 10'000);
    CHECK(RequestCheck::waitAfter(5) == 20'000);
    CHECK(RequestCheck::waitAfter(8) == 160'000);
    CHECK(RequestCheck::waitAfter(9) == 180'000);
    CHECK(RequestCheck::waitAfter(50) == 180'000);

    for (int i = 1; i <= 2; ++i) {
        guard.wrong(clock.now());
        CHECK(guard.mayTry(clock.now()));
        CHECK(guard.wrongInARow(clock.now()) == i);
    }
    guard.wrong(clock.now()); // the third
    CHECK_FALSE(guard.mayTry(clock.now()));
    CHECK(guard.secondsLeft(clock.now()) == 5);
    clock.advance(4'001);
    CHECK(guard.secondsLeft(clock.now()) == 1);
    CHECK_FALSE(guard.mayTry(clock.now()));
    clock.advance(999);
    CHECK(guard.mayTry(clock.now()));
    CHECK(guard.secondsLeft(clock.now()) == 0);
    Millis expected = 10'000;
    for (int i = 4; i <= 10; ++i) {
        guard.wrong(clock.now());
        INFO(i, " wrong in a row");
        CHECK(guard.waitLeft(clock.now()) == expected);
        clock.advance(guard.waitLeft(clock.now()));
        CHECK(guard.mayTry(clock.now()));
        expected = std::min<Millis>(expected * 2, RequestCheck::kMaxWait);
    }
    CHECK(guard.waitLeft(clock.now()) == 0);
}

TEST_CASE("a right reference ends the run; ten quiet minutes forget it; the end of a visit does not")
{
    FakeClock clock;
    Session s;
    for (int i = 0; i < 4; ++i)
        s.requestCheck.wrong(clock.now());
    CHECK(s.requestCheck.secondsLeft(clock.now()) == 10);
    // The visit ends (idle reset): what was typed goes, the guard stays.
    s.status.reference.text = "CMG-0001";
    s.reset();
    CHECK(s.status.reference.text.empty());
    CHECK(s.requestCheck.wrongInARow(clock.now()) == 4);
    CHECK_FALSE(s.requestCheck.mayTry(clock.now()));
    // Right once: the run is over, the next wrong one is free again.
    clock.advance(10'000);
    s.requestCheck.right(clock.now());
    CHECK(s.requestCheck.wrongInARow(clock.now()) == 0);
    CHECK(s.requestCheck.mayTry(clock.now()));
    s.requestCheck.wrong(clock.now());
    CHECK(s.requestCheck.wrongInARow(clock.now()) == 1);

    // Quiet: a run of five, ten minutes with no wrong reference, and the next wrong one is the first.
    RequestCheck guard;
    for (int i = 0; i < 5; ++i) {
        clock.advance(guard.waitLeft(clock.now()));
        guard.wrong(clock.now());
    }
    CHECK(guard.wrongInARow(clock.now()) == 5);
    clock.advance(RequestCheck::kForgetAfter - 1);
    CHECK(guard.wrongInARow(clock.now()) == 5);
    clock.advance(1);
    CHECK(guard.wrongInARow(clock.now()) == 0);
    guard.wrong(clock.now());
    CHECK(guard.wrongInARow(clock.now()) == 1);
    CHECK(guard.mayTry(clock.now()));
}

TEST_CASE("right references are counted too: six lookups are free, then each waits longer")
{
    FakeClock clock;
    RequestCheck guard;
    // A family checks a few references: no wait.
    for (int i = 1; i < RequestCheck::kFreeLookups; ++i) {
        guard.right(clock.now());
        INFO(i, " lookups");
        CHECK(guard.mayTry(clock.now()));
    }
    // A script walking the numbers: the sixth right lookup makes the next wait 5 s, then 10 s, …
    Millis expected = RequestCheck::kFirstWait;
    for (int i = RequestCheck::kFreeLookups; i < RequestCheck::kFreeLookups + 10; ++i) {
        guard.right(clock.now());
        INFO(i, " lookups");
        CHECK(guard.lookups(clock.now()) == i);
        CHECK(guard.waitLeft(clock.now()) == expected);
        clock.advance(guard.waitLeft(clock.now()));
        expected = std::min<Millis>(expected * 2, RequestCheck::kMaxWait);
    }
    // Wrong ones among them never wait less than the lookups ask.
    guard.wrong(clock.now());
    CHECK(guard.waitLeft(clock.now()) == RequestCheck::kMaxWait);
    // Ten quiet minutes after the last lookup: a fresh start.
    clock.advance(RequestCheck::kForgetAfter);
    CHECK(guard.lookups(clock.now()) == 0);
    guard.right(clock.now());
    CHECK(guard.mayTry(clock.now()));
}

TEST_CASE("typing a reference: capitals, digits and the dash only; a change takes the last answer away")
{
    StatusLookup l;
    type(l, "cmg-0427");
    CHECK(l.reference.text == "CMG-0427");
    CHECK(l.key(Key::Space) == KeyResult::Ignored);
    CHECK(l.key(Key::Comma) == KeyResult::Ignored);
    CHECK(l.key(Key::EAcute) == KeyResult::Ignored);
    CHECK(l.reference.text == "CMG-0427");
    l.outcome = StatusLookup::Outcome::Unknown;
    CHECK(l.key(Key::Backspace) == KeyResult::Typed);
    CHECK(l.reference.text == "CMG-042");
    CHECK(l.outcome == StatusLookup::Outcome::None);
    type(l, "777777777");
    CHECK(l.reference.text.size() == kReferenceMax);
    CHECK(l.key(digitKey(1)) == KeyResult::TooLong);
    CHECK_FALSE(l.notice.empty());
    CHECK(l.key(Key::Done) == KeyResult::Typed);
    CHECK_FALSE(l.typing);
}

TEST_CASE("the reducer checks a reference against the book the world holds, at the world's time")
{
    const StatusBook b = book();
    Content content;
    const LocalContacts contacts;
    Session s;
    Millis now = 1'000'000;
    const auto apply1 = [&](const Intent& i) {
        const World world{.content = content, .contacts = contacts, .statuses = &b, .now = now};
        return apply(s, i, &world);
    };
    apply1(intent::Open{Route::statusCheck()});
    CHECK(s.nav.current().screenId() == "my-request");
    CHECK(s.status.typing);
    // Nothing typed: nothing is looked up, and it is no wrong try.
    apply1(intent::CheckReference{});
    CHECK(s.status.outcome == StatusLookup::Outcome::None);
    CHECK(s.status.notice == "status.notice.empty");
    CHECK(s.requestCheck.wrongInARow(now) == 0);

    for (const char c : std::string("cmg0427"))
        apply1(intent::PressKey{c >= '0' && c <= '9' ? digitKey(c - '0') : letterKey(c)});
    apply1(intent::PressKey{Key::Done}); // Done checks too
    REQUIRE(s.status.outcome == StatusLookup::Outcome::Found);
    CHECK(s.status.found->reference == "CMG-0427");
    CHECK(s.status.asked == "CMG0427");
    CHECK_FALSE(s.status.typing);

    // Three wrong ones: the third starts the wait; a try during it looks nothing up.
    for (int i = 0; i < 3; ++i) {
        apply1(intent::FocusReference{});
        CHECK(s.status.typing);
        apply1(intent::PressKey{Key::Backspace});
        apply1(intent::PressKey{digitKey(i)});
        apply1(intent::CheckReference{});
        CHECK(s.status.outcome == StatusLookup::Outcome::Unknown);
        CHECK_FALSE(s.status.found);
    }
    CHECK_FALSE(s.requestCheck.mayTry(now));
    apply1(intent::FocusReference{});
    for (int i = 0; i < 4; ++i)
        apply1(intent::PressKey{Key::Backspace});
    for (const char c : std::string("0427"))
        apply1(intent::PressKey{digitKey(c - '0')});
    apply1(intent::CheckReference{});
    CHECK(s.status.outcome == StatusLookup::Outcome::None); // not looked up: still waiting
    CHECK(s.requestCheck.wrongInARow(now) == 3);
    now += 5'000;
    apply1(intent::CheckReference{});
    CHECK(s.status.outcome == StatusLookup::Outcome::Found);
    CHECK(s.requestCheck.wrongInARow(now) == 0);

    // Without a book nothing is looked up, and nothing counts as wrong.
    Session t;
    const World none{.content = content, .contacts = contacts, .statuses = nullptr, .now = now};
    apply(t, intent::Open{Route::statusCheck()}, &none);
    for (const char c : std::string("cmg0427"))
        apply(t, intent::PressKey{c >= '0' && c <= '9' ? digitKey(c - '0') : letterKey(c)}, &none);
    apply(t, intent::CheckReference{}, &none);
    CHECK(t.status.outcome == StatusLookup::Outcome::None);
    CHECK(t.requestCheck.wrongInARow(now) == 0);
}

// Idle timer with a fake clock: prompt after the quiet time, countdown, wipe, attract, wake.
#include "core/idle.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {
IdleTimer::Settings settings()
{
    IdleTimer::Settings s;
    s.idleAfter = 90'000;
    s.promptFor = 15'000;
    s.attractCycle = 4'000;
    return s;
}
} // namespace

TEST_CASE("the kiosk starts attracting, and the first touch wakes it without pressing anything")
{
    FakeClock clock;
    IdleTimer idle(settings(), clock.now());
    CHECK(idle.phase() == IdleTimer::Phase::Attract);
    clock.advance(10'000);
    CHECK(idle.touch(clock.now()) == IdleTimer::TouchResult::Woke);
    CHECK(idle.phase() == IdleTimer::Phase::Active);
    CHECK(idle.touch(clock.now()) == IdleTimer::TouchResult::Passed);
}

TEST_CASE("prompt after 90 s, countdown of 15 s, then one wipe and the attract screen")
{
    FakeClock clock;
    IdleTimer idle(settings(), clock.now());
    (void)idle.touch(clock.now());
    clock.advance(89'999);
    CHECK_FALSE(idle.update(clock.now()));
    CHECK(idle.phase() == IdleTimer::Phase::Active);
    CHECK(idle.nextChange(clock.now()) == clock.now() + 1);

    clock.advance(1);
    CHECK_FALSE(idle.update(clock.now()));
    CHECK(idle.phase() == IdleTimer::Phase::Prompt);
    CHECK(idle.promptSecondsLeft(clock.now()) == 15);
    clock.advance(1);
    CHECK(idle.promptSecondsLeft(clock.now()) == 15);
    CHECK(idle.nextChange(clock.now()) == clock.now() + 999);
    clock.advance(13'999);
    CHECK(idle.promptSecondsLeft(clock.now()) == 1);
    CHECK_FALSE(idle.update(clock.now()));
    clock.advance(999);
    CHECK_FALSE(idle.update(clock.now()));
    CHECK(idle.phase() == IdleTimer::Phase::Prompt);

    clock.advance(1);
    CHECK(idle.update(clock.now())); // exactly at zero: wipe
    CHECK(idle.phase() == IdleTimer::Phase::Attract);
    CHECK_FALSE(idle.update(clock.now())); // only once
    clock.advance(100'000);
    CHECK_FALSE(idle.update(clock.now()));
}

TEST_CASE("a touch during the countdown dismisses it and restarts the quiet time")
{
    FakeClock clock;
    IdleTimer idle(settings(), clock.now());
    (void)idle.touch(clock.now());
    clock.advance(95'000);
    (void)idle.update(clock.now());
    REQUIRE(idle.phase() == IdleTimer::Phase::Prompt);
    CHECK(idle.touch(clock.now()) == IdleTimer::TouchResult::DismissedPrompt);
    CHECK(idle.phase() == IdleTimer::Phase::Active);
    clock.advance(89'000);
    CHECK_FALSE(idle.update(clock.now()));
    CHECK(idle.phase() == IdleTimer::Phase::Active);
}

TEST_CASE("a kiosk that slept through the whole countdown still wipes once")
{
    FakeClock clock;
    IdleTimer idle(settings(), clock.now());
    (void)idle.touch(clock.now());
    clock.advance(10 * 60'000);
    CHECK(idle.update(clock.now()));
    CHECK(idle.phase() == IdleTimer::Phase::Attract);
}

TEST_CASE("the attract screen moves to the next topic every cycle")
{
    FakeClock clock;
    IdleTimer idle(settings(), clock.now());
    CHECK(idle.attractStep(clock.now()) == 0);
    CHECK(idle.nextChange(clock.now()) == clock.now() + 4'000);
    clock.advance(4'000);
    CHECK(idle.attractStep(clock.now()) == 1);
    clock.advance(8'500);
    CHECK(idle.attractStep(clock.now()) == 3);
    CHECK(idle.nextChange(clock.now()) == clock.now() + 3'500);
}

TEST_CASE("while the kiosk reads aloud the quiet time does not run; it starts again when the reading ends")
{
    FakeClock clock;
    IdleTimer idle(settings(), clock.now());
    (void)idle.touch(clock.now()); // Listen tapped; the reading lasts three minutes
    for (int s = 0; s < 180; ++s) {
        clock.advance(1'000);
        idle.keepAwake(clock.now());
        CHECK_FALSE(idle.update(clock.now()));
        REQUIRE(idle.phase() == IdleTimer::Phase::Active);
    }
    const Millis ended = clock.now();
    CHECK(idle.nextChange(clock.now()) == ended + 90'000);
    clock.advance(89'999);
    CHECK_FALSE(idle.update(clock.now()));
    CHECK(idle.phase() == IdleTimer::Phase::Active);
    clock.advance(1);
    CHECK_FALSE(idle.update(clock.now()));
    CHECK(idle.phase() == IdleTimer::Phase::Prompt); // the usual 90 s after the reading ended

    // A voice that never ends keeps the visit 20 minutes after the last touch, no longer.
    (void)idle.touch(clock.now());
    (void)idle.touch(clock.now());
    const Millis touched = clock.now();
    // Kept awake until 1 s before the 20 minutes are up; the prompt then comes 90 s later.
    while (clock.now() < touched + 20 * 60'000 - 1'000 + 89'000) {
        clock.advance(1'000);
        idle.keepAwake(clock.now());
        CHECK_FALSE(idle.update(clock.now()));
    }
    CHECK(idle.phase() == IdleTimer::Phase::Active);
    clock.advance(1'000);
    idle.keepAwake(clock.now());
    CHECK_FALSE(idle.update(clock.now()));
    CHECK(idle.phase() == IdleTimer::Phase::Prompt);

    // Nothing reads on the attract screen: keeping awake there does not wake it.
    clock.advance(15'000);
    CHECK(idle.update(clock.now()));
    idle.keepAwake(clock.now());
    CHECK(idle.phase() == IdleTimer::Phase::Attract);
}

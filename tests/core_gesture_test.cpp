// Touch gestures: taps press, drags scroll and never press, flings glide and stop.
#include "core/gesture.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using T = PointerEvent::Type;

namespace {
PointerEvent ev(T type, float x, float y, Millis t)
{
    return {type, x, y, t, 0};
}
} // namespace

TEST_CASE("a tap shows the press, then the release, then hides the pointer")
{
    TouchGesture g;
    g.beginFrame();
    CHECK(g.apply(ev(T::Down, 100, 200, 0)));
    CHECK(g.pointer().visible);
    CHECK(g.pointer().down);
    CHECK(g.pointer().x == 100);
    g.beginFrame();
    CHECK(g.apply(ev(T::Up, 102, 201, 40)));
    CHECK(g.pointer().visible); // the release is seen where the finger left
    CHECK_FALSE(g.pointer().down);
    g.beginFrame();
    CHECK_FALSE(g.pointer().visible); // then nothing stays highlighted
    CHECK(g.takeScroll(50) == 0.f);
}

TEST_CASE("a small wobble is still a tap and never scrolls")
{
    TouchGesture g;
    (void)g.apply(ev(T::Down, 100, 200, 0));
    CHECK_FALSE(g.apply(ev(T::Move, 105, 209, 10)));
    CHECK(g.pointer().down);
    CHECK_FALSE(g.dragging());
    CHECK(g.takeScroll(10) == 0.f);
    CHECK(g.apply(ev(T::Up, 105, 209, 20)));
    CHECK_FALSE(g.gliding());
}

TEST_CASE("a drag lifts the pointer away from the buttons and scrolls by the finger's travel")
{
    TouchGesture g;
    (void)g.apply(ev(T::Down, 100, 500, 0));
    CHECK(g.apply(ev(T::Move, 100, 470, 16))); // past the slop: buttons see a release, elsewhere
    CHECK(g.dragging());
    CHECK_FALSE(g.pointer().down);
    CHECK_FALSE(g.pointer().visible);
    CHECK(g.takeScroll(16) == doctest::Approx(30.f));
    CHECK_FALSE(g.apply(ev(T::Move, 100, 400, 32)));
    CHECK(g.takeScroll(32) == doctest::Approx(70.f));
    // Finger up after stopping still: no glide, and no button change.
    CHECK_FALSE(g.apply(ev(T::Up, 100, 400, 300)));
    CHECK_FALSE(g.gliding());
    CHECK(g.takeScroll(400) == 0.f);
}

TEST_CASE("a fling glides on, slows down and stops")
{
    TouchGesture g;
    (void)g.apply(ev(T::Down, 100, 800, 0));
    float y = 800;
    for (Millis t = 16; t <= 160; t += 16) {
        y -= 24; // 1.5 px/ms upwards: content moves up, scroll grows
        (void)g.apply(ev(T::Move, 100, y, t));
    }
    (void)g.takeScroll(160);
    (void)g.apply(ev(T::Up, 100, y, 170));
    REQUIRE(g.gliding());
    const float first = g.takeScroll(186);
    CHECK(first > 15.f);
    const float later = g.takeScroll(1000);
    CHECK(later > 0.f);
    float total = first + later;
    Millis t = 1000;
    while (g.gliding() && t < 10'000) {
        t += 16;
        total += g.takeScroll(t);
    }
    CHECK_FALSE(g.gliding());
    CHECK(t < 5'000);
    // The glide of an exponential decay covers at most v * tau.
    CHECK(total < 1.5f * 325.f + 1.f);
}

TEST_CASE("a touch on a gliding page stops it and presses nothing")
{
    TouchGesture g;
    (void)g.apply(ev(T::Down, 100, 800, 0));
    (void)g.apply(ev(T::Move, 100, 700, 50));
    (void)g.apply(ev(T::Move, 100, 600, 90));
    (void)g.apply(ev(T::Up, 100, 600, 95));
    REQUIRE(g.gliding());
    g.beginFrame();
    CHECK_FALSE(g.apply(ev(T::Down, 300, 300, 120)));
    CHECK_FALSE(g.gliding());
    CHECK_FALSE(g.pointer().down);
    CHECK_FALSE(g.apply(ev(T::Up, 300, 300, 160)));
    CHECK_FALSE(g.pointer().down);
}

TEST_CASE("a touch that caught a glide can drag on, and still presses nothing")
{
    TouchGesture g;
    (void)g.apply(ev(T::Down, 100, 800, 0));
    (void)g.apply(ev(T::Move, 100, 700, 50));
    (void)g.apply(ev(T::Up, 100, 690, 60));
    REQUIRE(g.gliding());
    (void)g.takeScroll(60);
    CHECK_FALSE(g.apply(ev(T::Down, 100, 500, 80)));
    CHECK_FALSE(g.apply(ev(T::Move, 100, 470, 96))); // past the slop: a drag, buttons never saw a press
    CHECK(g.dragging());
    CHECK(g.takeScroll(96) == doctest::Approx(30.f));
    CHECK_FALSE(g.pointer().down);
}

TEST_CASE("a lost release: the next touch ends the old one unclicked, then presses anew")
{
    TouchGesture g;
    CHECK(g.apply(ev(T::Down, 100, 100, 0)));
    // No Up ever came. Cancel (focus lost) lifts the finger far from every button.
    CHECK(g.cancel());
    CHECK_FALSE(g.pointer().down);
    CHECK_FALSE(g.pointer().visible);
    CHECK(g.apply(ev(T::Down, 300, 300, 50)));
    CHECK(g.pointer().down);
    CHECK(g.pointer().x == 300);
    CHECK(g.apply({T::Cancel, 0, 0, 60, 0}));
    CHECK_FALSE(g.apply({T::Cancel, 0, 0, 70, 0})); // nothing left to end
}

TEST_CASE("scroll is handed over in whole pixels; the fractions are kept, not lost")
{
    TouchGesture g;
    (void)g.apply(ev(T::Down, 100, 500.f, 0));
    (void)g.apply(ev(T::Move, 100, 480.4f, 10));
    CHECK(g.takeScroll(10) == 19.f);
    (void)g.apply(ev(T::Move, 100, 479.8f, 20));
    CHECK(g.takeScroll(20) == 1.f); // 0.6 + 0.6 of a pixel
}

TEST_CASE("a swallowed touch neither presses nor scrolls")
{
    TouchGesture g;
    CHECK_FALSE(g.apply(ev(T::Down, 100, 800, 0), true));
    CHECK_FALSE(g.apply(ev(T::Move, 100, 500, 30)));
    CHECK(g.takeScroll(30) == 0.f);
    CHECK_FALSE(g.apply(ev(T::Up, 100, 500, 40)));
    CHECK_FALSE(g.pointer().down);
    CHECK_FALSE(g.gliding());
}

TEST_CASE("the drag threshold grows with the UI scale")
{
    TouchGesture g;
    g.setScale(2.f);
    (void)g.apply(ev(T::Down, 100, 500, 0));
    CHECK_FALSE(g.apply(ev(T::Move, 100, 475, 10))); // 25 px < 32 px at scale 2
    CHECK(g.apply(ev(T::Move, 100, 465, 20)));
}

TEST_CASE("the mouse wheel scrolls without touching the buttons")
{
    TouchGesture g;
    CHECK_FALSE(g.apply({T::Wheel, 0, 0, 0, -1.f}));
    CHECK(g.takeScroll(0) == doctest::Approx(90.f));
}

// Headless tests of what fits on one screen: with larger text every home tile is whole without
// scrolling, and a screen that continues below what is shown says so under it and scrolls on when
// that cue is tapped.
#include "shell/tour.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace kiosk;
using test::Harness;

namespace {

struct Size {
    float w, h;
};
constexpr Size kSizes[] = {{1920, 1080}, {1080, 1920}, {1280, 800}};

// The bottom of the content area: the footer (and the cue, when up) begin there.
float contentBottom(const Harness& k)
{
    float bottom = 1e9f;
    for (const WidgetBox& w : k.map().widgets)
        if (w.id == "nav.back" || w.id == "nav.home" || w.id == "help.open" || w.id == "voice.listen" ||
            w.id == "scroll.more")
            bottom = std::min(bottom, w.y);
    return bottom;
}

} // namespace

TEST_CASE("larger text: every home tile is whole on the screen, with no scrolling, at every size and "
          "in every language, a touch target of at least 96 px (at 1080) that overlaps no other tile")
{
    for (const Size size : kSizes) {
        Harness k(size.w, size.h);
        Still home{"home-large", Route::home()};
        home.largeText = true;
        for (const Lang lang : kAllLangs) {
            k.stage().show(home, lang); // as the tour does: the larger fonts are ready
            k.frames(3);
            INFO(size.w, "x", size.h, " ", langCode(lang));
            CHECK(k.session().largeText);
            REQUIRE(k.map().screen == "home");
            CHECK_FALSE(k.map().find("scroll.more"));
            const float bottom = contentBottom(k);
            const float minTarget = 96.f * std::min(size.w, size.h) / 1080.f;
            std::vector<const WidgetBox*> tiles;
            for (const Topic topic : kAllTopics) {
                const std::string id = "home.tile." + std::string(topicId(topic));
                const WidgetBox* tile = k.map().find(id);
                REQUIRE_MESSAGE(tile, id << " is not on the screen");
                CHECK_MESSAGE(!tile->clipped, id << " is cut");
                CHECK_MESSAGE(!tile->overflow, id << " does not hold its words");
                CHECK(tile->y + tile->h <= bottom + 0.5f);
                CHECK_MESSAGE(tile->h >= minTarget, id << " is " << tile->h << " px high");
                CHECK_MESSAGE(tile->w >= minTarget, id << " is " << tile->w << " px wide");
                CHECK_MESSAGE(!tile->label.empty(), id << " has no words");
                for (const WidgetBox* other : tiles)
                    CHECK_MESSAGE((tile->x >= other->x + other->w || other->x >= tile->x + tile->w ||
                                   tile->y >= other->y + other->h || other->y >= tile->y + tile->h),
                                  id << " overlaps " << other->id);
                tiles.push_back(tile);
            }
        }
    }
}

TEST_CASE("a page that continues below the fold says so under it; tapping the cue scrolls on; at the end "
          "the cue is gone")
{
    for (const Size size : kSizes) {
        Harness k(size.w, size.h);
        k.wake();
        k.tap("home.tile.passport");
        k.frames(3);
        INFO(size.w, "x", size.h);
        const WidgetBox* cue = k.map().find("scroll.more");
        REQUIRE(cue);
        CHECK(cue->label == k.strings().get(Lang::Id, "scroll.more"));
        // The cue sits between the page and the footer, over nothing of the page.
        CHECK(cue->y + cue->h <= contentBottom(k) + cue->h + 0.5f);
        const WidgetBox* checklist = k.map().find("page.link.checklist.passport");
        REQUIRE(checklist);
        const float before = checklist->y;
        k.tap("scroll.more");
        k.frames(2);
        const WidgetBox* moved = k.map().find("page.link.checklist.passport");
        CHECK((moved == nullptr || moved->y < before - 100.f));
        // Tapped on and on, the cue takes the resident to the end of the page, and then goes.
        for (int i = 0; i < 40 && k.map().find("scroll.more"); ++i) {
            k.tap("scroll.more");
            k.frames(2);
        }
        CHECK_FALSE(k.map().find("scroll.more"));
        CHECK(k.map().screen == "passport");
    }
}

TEST_CASE("a screen that fits shows no cue")
{
    Harness k(1920, 1080);
    k.wake();
    CHECK(k.map().screen == "home");
    CHECK_FALSE(k.map().find("scroll.more"));
    k.tap("help.open");
    k.frames(3);
    CHECK(k.map().screen == "help");
    CHECK_FALSE(k.map().find("scroll.more"));
}

TEST_CASE("the request check at every size and in every language, with larger text too: the reference, "
          "Cek and every key of its keyboard whole on the screen; the answer's card starts in sight")
{
    const auto stillNamed = [](const Content& content, const std::string& name) {
        for (const Still& s : tourStills(content))
            if (s.name == name)
                return s;
        FAIL("no still " << name);
        return Still{name, Route::home()};
    };
    for (const Size size : kSizes) {
        Harness k(size.w, size.h);
        for (const bool large : {false, true})
            for (const Lang lang : kAllLangs) {
                INFO(size.w, "x", size.h, " ", langCode(lang), large ? " larger text" : "");
                Still typing = stillNamed(k.content(), "my-request-typing");
                typing.largeText = large;
                k.stage().show(typing, lang);
                k.frames(3);
                REQUIRE(k.map().screen == "my-request");
                std::vector<std::string> ids{"status.reference", "status.check",      "osk.key.dash",
                                             "osk.key.done",     "osk.key.backspace", "osk.key.m",
                                             "osk.key.q"};
                for (int d = 0; d <= 9; ++d)
                    ids.push_back("osk.key." + std::to_string(d));
                for (const std::string& id : ids) {
                    const WidgetBox* w = k.map().find(id);
                    REQUIRE_MESSAGE(w, id << " is not on the screen");
                    CHECK_MESSAGE(!w->clipped, id << " is cut");
                    CHECK_MESSAGE(!w->overflow, id << " does not hold its words");
                    CHECK(w->y + w->h <= size.h + 0.5f);
                }
                CHECK(k.map().find("status.reference")->value == "CMG-000");

                for (const char* name : {"my-request-found", "my-request-unknown"}) {
                    Still answer = stillNamed(k.content(), name);
                    answer.largeText = large;
                    k.stage().show(answer, lang);
                    k.frames(3);
                    const WidgetBox* card = k.map().area(
                        std::string(name) == "my-request-found" ? "status.result" : "status.unknown");
                    REQUIRE_MESSAGE(card, name);
                    // Its first lines (the reference and the status) show without scrolling.
                    CHECK_MESSAGE(card->y + 120.f * std::min(size.w, size.h) / 1080.f <= contentBottom(k),
                                  name << " starts at " << card->y);
                    CHECK_FALSE(k.map().find("osk.key.m"));
                }
            }
    }
}

// Headless tests of "Bawa pulang": the button on every page with something to take home and on the
// checklist's result carries the QR code's text in the UI map; it opens the code with that same
// text, in the screen's language; Back returns to where the resident was; the code is in sight
// without scrolling at every size, larger text too.
#include "core/takehome.hpp"
#include "shell/tour.hpp"
#include "test_support.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kiosk;
using test::Harness;

namespace {

std::string pageText(Harness& k, const std::string& id, Lang lang)
{
    return pageTakeHome(*k.content().page(id, lang), k.content(), lang, {});
}

// On the take-home screen: the code and the screen's values hold `text`.
void checkCode(Harness& k, const std::string& screen, const std::string& text)
{
    REQUIRE(k.map().screen == screen);
    const WidgetBox* qr = k.map().find("takehome.qr");
    REQUIRE(qr);
    CHECK(qr->value == text);
    CHECK(k.map().values.at("takehome") == text);
    CHECK(k.map().find("nav.back"));
    CHECK(k.map().find("nav.home"));
    CHECK(k.map().find("help.open"));
}

} // namespace

TEST_CASE("every page with key points or numbers offers Bawa pulang; its value is the code's text")
{
    Harness k;
    k.wake();
    for (const std::string page : {"trafficking", "work-abroad", "passport", "hotlines"}) {
        INFO(page);
        k.tap("home.tile." + page);
        const WidgetBox* button = k.map().find("takehome.open");
        REQUIRE(button);
        CHECK(button->label == "Bawa pulang");
        CHECK(button->value == pageText(k, page, Lang::Id));
        CHECK(offeredToTakeHome(button->value));
        k.tap("takehome.open");
        checkCode(k, "takehome-" + page, pageText(k, page, Lang::Id));
        // In another language, the code follows the screen.
        k.tap("lang.jv");
        checkCode(k, "takehome-" + page, pageText(k, page, Lang::Jv));
        k.tap("lang.id");
        k.tap("nav.back");
        CHECK(k.map().screen == page);
        k.tap("nav.home");
    }
}

TEST_CASE("the checklist's result offers the resident's own list to take home, ticks included")
{
    Harness k;
    k.wake();
    k.tap("lang.jv");
    k.tap("home.tile.passport");
    k.tap("page.link.checklist.passport");
    for (const char* answer : {"self", "work", "18-or-older", "new"}) {
        CHECK_FALSE(k.map().find("takehome.open")); // nothing to take before the result
        k.tap(std::string("checklist.answer.") + answer);
    }
    const ChecklistRules& rules = *k.content().checklist("passport");
    const ChecklistText& words = *k.content().checklistText("passport", Lang::Jv);
    const Answers answers = k.session().checklist.asMap();
    REQUIRE(k.reveal("takehome.open"));
    CHECK(k.map().find("takehome.open")->label == "Bekta mantuk");
    CHECK(k.map().find("takehome.open")->value ==
          checklistTakeHome(rules, words, answers, {}, k.content(), Lang::Jv));
    k.revealAndTap("checklist.doc.ktp");
    const std::string ticked = checklistTakeHome(rules, words, answers, {"ktp"}, k.content(), Lang::Jv);
    CHECK(ticked.find("KTP elektronik") == std::string::npos); // no longer to prepare
    REQUIRE(k.reveal("takehome.open"));
    CHECK(k.map().find("takehome.open")->value == ticked);
    k.tap("takehome.open");
    checkCode(k, "takehome-checklist-passport", ticked);
    k.tap("nav.back"); // back to the result, answers and ticks kept
    CHECK(k.map().screen == "checklist-passport");
    CHECK(k.session().checklist.have.count("ktp") == 1);
    CHECK(k.session().checklist.answers.size() == 4);
}

TEST_CASE("the take-home code is whole and in sight without scrolling, at every size, larger text too")
{
    for (const auto& [w, h] :
         {std::pair{1920.f, 1080.f}, std::pair{1080.f, 1920.f}, std::pair{1280.f, 800.f}}) {
        Harness k(w, h);
        const float scale = ui::uiScale(w, h);
        for (const Still& still : tourStills(k.content())) {
            if (still.route.kind != ScreenKind::TakeHome)
                continue;
            for (Lang lang : kAllLangs) {
                INFO(w, "x", h, " ", still.name, " ", langCode(lang));
                k.stage().show(still, lang);
                k.frames(4);
                const WidgetBox* qr = k.map().find("takehome.qr");
                REQUIRE(qr);
                CHECK_FALSE(qr->clipped);
                CHECK(qr->value == k.map().values.at("takehome"));
                // At least 4 pixels a module for a code at the limit (version 20: 97 modules and a
                // quiet zone of 2 on each side), on a white card with a margin of 10 px (at 1080p).
                CHECK(qr->w >= (97 + 4) * 4.f + 20.f * scale);
                CHECK(qr->w == doctest::Approx(qr->h));
            }
        }
    }
}

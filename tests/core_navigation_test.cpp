// Navigation stack: open, back, home.
#include "core/navigation.hpp"
#include "core/reducer.hpp"

#include <doctest/doctest.h>

#include <variant>

using namespace kiosk;

TEST_CASE("navigation starts at home and back from home stays home")
{
    Navigator nav;
    CHECK(nav.atHome());
    CHECK(nav.current().screenId() == "home");
    nav.back();
    CHECK(nav.atHome());
    CHECK(nav.depth() == 1);
}

TEST_CASE("open, back and home move along the stack")
{
    Navigator nav;
    nav.open(Route::forTopic(Topic::Passport));
    CHECK(nav.current().screenId() == "passport");
    nav.open(Route::forTopic(Topic::Callback));
    CHECK(nav.current().screenId() == "callback");
    CHECK(nav.depth() == 3);
    nav.back();
    CHECK(nav.current().screenId() == "passport");
    nav.open(Route::forTopic(Topic::Hotlines));
    nav.home();
    CHECK(nav.atHome());
    CHECK(nav.depth() == 1);
}

TEST_CASE("opening the screen already shown does not stack it twice")
{
    Navigator nav;
    nav.open(Route::forTopic(Topic::Trafficking));
    nav.open(Route::forTopic(Topic::Trafficking));
    CHECK(nav.depth() == 2);
    nav.open(Route::home());
    CHECK(nav.atHome());
}

TEST_CASE("every topic has its own stable id")
{
    CHECK(topicId(Topic::Trafficking) == "trafficking");
    CHECK(topicId(Topic::WorkAbroad) == "work-abroad");
    CHECK(topicId(Topic::Passport) == "passport");
    CHECK(topicId(Topic::Callback) == "callback");
    CHECK(topicId(Topic::Hotlines) == "hotlines");
    CHECK(topicId(Topic::ScamJobs) == "scam-jobs");
    CHECK(topicId(Topic::Abroad) == "abroad");
}

TEST_CASE("actions change the session; reset forgets all of it")
{
    Session s;
    apply(s, intent::SetLang{Lang::Jv});
    apply(s, intent::Open{Route::forTopic(Topic::WorkAbroad)});
    CHECK(s.lang == Lang::Jv);
    CHECK(s.nav.current().screenId() == "work-abroad");
    apply(s, intent::Back{});
    CHECK(s.nav.atHome());
    apply(s, intent::Open{Route::forTopic(Topic::Passport)});
    s.reset();
    CHECK(s.lang == Lang::Id);
    CHECK(s.nav.atHome());
}

TEST_CASE("tiles lead to their pages, the callback screen and checklists by stable ids")
{
    CHECK(Route::forTopic(Topic::Trafficking) == Route::page("trafficking"));
    CHECK(Route::forTopic(Topic::Hotlines) == Route::page("hotlines"));
    CHECK(Route::forTopic(Topic::ScamJobs) == Route::page("scam-jobs"));
    CHECK(Route::forTopic(Topic::Abroad) == Route::page("abroad"));
    CHECK(Route::forTopic(Topic::Callback) == Route::callback());
    CHECK(Route::checklist("passport").screenId() == "checklist-passport");
    CHECK(Route::callback("passport").screenId() == "callback");
}

TEST_CASE("on a checklist, Back takes back the last answer before it leaves")
{
    Session s;
    apply(s, intent::Open{Route::page("passport")});
    apply(s, intent::Open{Route::checklist("passport")});
    apply(s, intent::Answer{"who", "self"});
    apply(s, intent::Answer{"purpose", "work"});
    apply(s, intent::ToggleHave{"kk"});
    CHECK(s.checklist.have.count("kk") == 1);
    apply(s, intent::Back{});
    CHECK(s.checklist.answers.size() == 1);
    CHECK(s.checklist.have.empty()); // the documents depended on the answer taken back
    apply(s, intent::Back{});
    CHECK(s.checklist.answers.empty());
    CHECK(s.nav.current().screenId() == "checklist-passport");
    apply(s, intent::Back{});
    CHECK(s.nav.current().screenId() == "passport");
}

TEST_CASE("answering a question again replaces that answer and the ones after it")
{
    Session s;
    apply(s, intent::Open{Route::checklist("passport")});
    apply(s, intent::Answer{"who", "self"});
    apply(s, intent::Answer{"purpose", "work"});
    apply(s, intent::Answer{"age", "18-or-older"});
    apply(s, intent::Answer{"first", "new"});
    apply(s, intent::Answer{"purpose", "visit"});
    REQUIRE(s.checklist.answers.size() == 2);
    CHECK(s.checklist.answers[1].second == "visit");
    apply(s, intent::ToggleHave{"kk"});
    apply(s, intent::ToggleHave{"kk"});
    CHECK(s.checklist.have.empty());
    apply(s, intent::RestartChecklist{});
    CHECK(s.checklist.answers.empty());
    CHECK(s.checklist.id == "passport");
}

TEST_CASE("the job-offer check: screen id offer-check, the route of a sign checklist")
{
    CHECK(Route::offerCheck().kind == ScreenKind::OfferCheck);
    CHECK(Route::offerCheck().id == "offer");
    CHECK(Route::offerCheck().screenId() == "offer-check");
    CHECK(Route::forChecklist("offer", ChecklistKind::Signs) == Route::offerCheck());
    CHECK(Route::forChecklist("passport", ChecklistKind::Documents) == Route::checklist("passport"));
    CHECK(Route::offerCheck().isChecklist());
    CHECK(Route::checklist("passport").isChecklist());
    CHECK_FALSE(Route::page("offer").isChecklist());
    CHECK_FALSE(Route::callback("offer").isChecklist());
}

TEST_CASE("the job-offer check shares the checklist's progress: answers, Back, restart, a fresh start")
{
    Session s;
    apply(s, intent::Open{Route::checklist("passport")});
    apply(s, intent::Answer{"who", "self"});
    apply(s, intent::Open{Route::page("scam-jobs")});
    // Opened afresh: its own progress, from the first question.
    const auto effects = apply(s, intent::Open{Route::offerCheck()});
    CHECK(s.checklist.id == "offer");
    CHECK(s.checklist.answers.empty());
    REQUIRE(effects.size() == 1); // counted like the other checklists
    CHECK(std::get<effect::CountView>(effects[0]).screen == "offer-check");
    apply(s, intent::Answer{"country", "other"});
    apply(s, intent::Answer{"job", "listed"});
    apply(s, intent::Answer{"country", "cambodia-myanmar-thailand"}); // answered again: the rest goes
    REQUIRE(s.checklist.answers.size() == 1);
    apply(s, intent::Answer{"job", "online"});
    apply(s, intent::Back{});
    CHECK(s.checklist.answers.size() == 1);
    CHECK(s.nav.current().screenId() == "offer-check");
    apply(s, intent::RestartChecklist{});
    CHECK(s.checklist.answers.empty());
    CHECK(s.checklist.id == "offer");
    apply(s, intent::Back{});
    CHECK(s.nav.current().screenId() == "scam-jobs");
}

TEST_CASE("language codes round-trip")
{
    for (Lang l : kAllLangs)
        CHECK(langFromCode(langCode(l)) == l);
    CHECK_FALSE(langFromCode("fr").has_value());
}

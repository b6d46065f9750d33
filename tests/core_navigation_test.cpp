// Navigation stack: open, back, home.
#include "core/navigation.hpp"
#include "core/session.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("navigation starts at home and back from home stays home")
{
    Navigator nav;
    CHECK(nav.atHome());
    CHECK(nav.current().id() == "home");
    nav.back();
    CHECK(nav.atHome());
    CHECK(nav.depth() == 1);
}

TEST_CASE("open, back and home move along the stack")
{
    Navigator nav;
    nav.open(Route::forTopic(Topic::Passport));
    CHECK(nav.current().id() == "passport");
    nav.open(Route::forTopic(Topic::Callback));
    CHECK(nav.depth() == 3);
    nav.back();
    CHECK(nav.current().id() == "passport");
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
}

TEST_CASE("actions change the session; reset forgets all of it")
{
    Session s;
    apply(s, Action::setLang(Lang::Jv));
    apply(s, Action::open(Route::forTopic(Topic::WorkAbroad)));
    CHECK(s.lang == Lang::Jv);
    CHECK(s.nav.current().id() == "work-abroad");
    apply(s, Action::back());
    CHECK(s.nav.atHome());
    apply(s, Action::open(Route::forTopic(Topic::Passport)));
    s.reset();
    CHECK(s.lang == Lang::Id);
    CHECK(s.nav.atHome());
}

TEST_CASE("language codes round-trip")
{
    for (Lang l : kAllLangs)
        CHECK(langFromCode(langCode(l)) == l);
    CHECK_FALSE(langFromCode("fr").has_value());
}

// Headless tests of help for residents who need it now or read little: the Help button on every
// resident screen, the numbers it shows, the emergency card before a trafficking report, when the
// office calls back, and Listen on home and on the review before sending.
#include "core/help.hpp"
#include "services/voice.hpp"
#include "shell/tour.hpp"
#include "test_support.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

using namespace kiosk;
using test::Harness;

namespace {

// Remembers what it was asked to read; reads nothing aloud.
class ListeningVoice final : public Voice {
public:
    bool available() const override { return true; }
    void say(Script script) override { said.push_back(std::move(script)); }
    void stop() override {}
    VoiceView view() override { return {.available = true, .reading = {}, .preparing = false, .spot = {}}; }
    void setVolume(int) override {}
    void setRate(int) override {}
    std::vector<Script> said;
};

void checkHelpCard(Harness& k, Lang lang)
{
    REQUIRE(k.map().screen == "help");
    for (const char* id : {"police", "sapa", "kp2mi"}) {
        const WidgetBox* card = k.map().find(std::string("help.number.") + id);
        REQUIRE_MESSAGE(card, id);
        CHECK(card->label.find(k.strings().get(lang, std::string("help.") + id + ".number")) !=
              std::string::npos);
    }
    CHECK(k.map().find("help.number.police")->label.find("110") != std::string::npos);
    CHECK(k.map().find("help.number.sapa")->label.find("129") != std::string::npos);
    CHECK(k.map().find("help.number.kp2mi")->label.find("0800-1000") != std::string::npos);
    // The shipped kiosk.toml has no number for the village contact person yet: no empty card.
    CHECK_FALSE(k.map().find("help.number.narahubung"));
}

} // namespace

TEST_CASE("Help is on every resident screen, in the same place, and opens the numbers to call")
{
    for (const auto& [w, h] :
         {std::pair{1920.f, 1080.f}, std::pair{1080.f, 1920.f}, std::pair{1280.f, 800.f}}) {
        Harness k(w, h);
        const auto stills = tourStills(k.content());
        std::map<bool, WidgetBox> first; // by larger text: the footer grows with it
        for (const Still& still : stills) {
            if (still.route.officer() || still.phase == IdleTimer::Phase::Prompt ||
                still.route == Route::help())
                continue;
            INFO(w, "x", h, " ", still.name);
            k.stage().show(still, Lang::Id);
            k.frames(4);
            const WidgetBox* help = k.map().find("help.open");
            REQUIRE(help);
            CHECK_FALSE(help->clipped);
            CHECK(help->h >= 96.f * ui::uiScale(w, h) - 0.5f);
            if (still.phase != IdleTimer::Phase::Active)
                continue; // the attract screen has it in its own band
            const WidgetBox& seen = first.emplace(still.largeText, *help).first->second;
            CHECK(help->x == doctest::Approx(seen.x));
            CHECK(help->y == doctest::Approx(seen.y));
        }
    }

    Harness k;
    k.wake();
    for (const std::string tile : {"trafficking", "passport", "callback"}) {
        k.tap("home.tile." + tile);
        k.tap("help.open");
        checkHelpCard(k, Lang::Id);
        k.tap("nav.back"); // back where the resident was
        CHECK(k.map().screen == (tile == "callback" ? "callback" : tile));
        k.tap("nav.home");
    }
    k.tap("lang.jv");
    k.tap("help.open");
    checkHelpCard(k, Lang::Jv);
    CHECK_FALSE(k.map().find("help.open")); // not a button to where one is
}

TEST_CASE("Help on the attract screen wakes the kiosk straight to the numbers")
{
    Harness k;
    REQUIRE(k.map().screen == "attract");
    const WidgetBox* help = k.map().find("help.open");
    REQUIRE(help);
    CHECK_FALSE(k.map().values.count("error"));
    k.tap("help.open");
    checkHelpCard(k, Lang::Id);
    k.tap("nav.back");
    CHECK(k.map().screen == "home");

    // Elsewhere on the attract screen a touch only wakes it, as before.
    Harness other;
    other.wake();
    CHECK(other.map().screen == "home");
}

TEST_CASE("the village contact person is on the help card once the office has filled in a number")
{
    Harness k;
    LocalContacts contacts;
    contacts["narahubung"].number = "0812-2700-1234";
    const auto numbers = helpNumbers(k.strings(), Lang::Id, contacts);
    REQUIRE(numbers.size() == 4);
    CHECK(numbers.back().id == "narahubung");
    CHECK(numbers.back().number == "0812-2700-1234");
    CHECK(helpNumbers(k.strings(), Lang::Id, {}).size() == 3);
    CHECK(helpLine(k.strings(), Lang::En) == "Police 110  \u00b7  SAPA 129  \u00b7  KP2MI 0800-1000");
}

TEST_CASE("choosing trafficking on the form first shows the emergency numbers, once, then the request")
{
    Harness k;
    k.wake();
    k.tap("home.tile.callback");
    k.revealAndTap("form.topic.trafficking");
    k.frames(3);
    CHECK(k.map().find("help.number.police"));    // at the top of the card
    CHECK_FALSE(k.map().find("form.field.name")); // the card, not the form yet
    CHECK(k.reveal("help.number.sapa"));
    REQUIRE(k.reveal("form.danger.continue"));
    k.revealAndTap("form.danger.continue");
    k.frames(3);
    CHECK(k.map().find("form.topic.trafficking"));              // back at the choice just made
    CHECK(k.session().form.topic == RequestTopic::Trafficking); // the choice is kept
    k.revealAndTap("form.topic.passport");
    k.revealAndTap("form.topic.trafficking");
    CHECK_FALSE(k.map().find("form.danger.continue")); // seen once is enough for one visit
}

TEST_CASE("the form and its confirmation say when the office calls; the confirmation repeats the numbers")
{
    Harness k;
    k.wake();
    k.tap("home.tile.callback");
    ListeningVoice voice;
    k.shell().setServices({.voice = &voice});
    k.frames(2);
    k.tap("voice.listen");
    REQUIRE(voice.said.size() == 1);
    bool days = false;
    for (const Sentence& s : voice.said[0].sentences)
        days = days || s.say.find("dalam 7 hari") != std::string::npos;
    CHECK(days);

    Still done{"done", Route::callbackDone()};
    done.reference = "CMG-0427";
    k.stage().show(done, Lang::Jv);
    k.frames(3);
    REQUIRE(k.map().screen == "callback-done");
    CHECK(k.map().values.at("reference") == "CMG-0427");
    CHECK(k.map().values.at("emergency") == "Polisi 110  \u00b7  SAPA 129  \u00b7  KP2MI 0800-1000");
    CHECK(k.map().find("help.open"));
}

TEST_CASE("Listen on home reads the welcome and every tile; on the review, the phone number digit by digit")
{
    Harness k;
    ListeningVoice voice;
    k.shell().setServices({.voice = &voice});
    k.wake();
    REQUIRE(k.map().find("voice.listen"));
    k.tap("voice.listen");
    REQUIRE(voice.said.size() == 1);
    const Script& home = voice.said[0];
    CHECK(home.key == "home");
    std::string all;
    for (const Sentence& s : home.sentences)
        all += s.say + "\n";
    CHECK(all.find(k.strings().get(Lang::Id, "home.welcome")) != std::string::npos);
    for (const Topic topic : kAllTopics) {
        const std::string id = "home.tile." + std::string(topicId(topic));
        CHECK(all.find(k.strings().get(Lang::Id, id + ".label")) != std::string::npos);
        CHECK(all.find(k.strings().get(Lang::Id, id + ".hint")) != std::string::npos);
    }

    Still review{"review", Route::callbackReview()};
    review.form.insert(Field::Name, "Siti Aminah");
    review.form.insert(Field::Phone, "0812 3456 7890");
    review.form.topic = RequestTopic::Passport;
    review.form.consent = true;
    k.stage().show(review, Lang::Id);
    k.frames(3);
    REQUIRE(k.map().find("voice.listen"));
    k.tap("voice.listen");
    REQUIRE(voice.said.size() == 2);
    const Script& read = voice.said[1];
    bool phone = false, name = false;
    for (const Sentence& s : read.sentences) {
        phone = phone || (s.spot.text == "0812-3456-7890" && s.say == "0 8 1 2, 3 4 5 6, 7 8 9 0");
        name = name || s.say == "Siti Aminah";
    }
    CHECK(phone);
    CHECK(name);
}

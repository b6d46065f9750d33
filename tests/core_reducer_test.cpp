// A whole visit played through the reducer alone, as a list of intents: a resident answers the
// passport checklist, fills in and sends the callback form; an officer logs in and exports. No
// service takes part: the test reads the effects the reducer asked for and answers as services would.
#include "core/reducer.hpp"
#include "core/speech.hpp"

#include <doctest/doctest.h>

#include <string>
#include <variant>
#include <vector>

using namespace kiosk;

namespace {

// The effects of one intent, by kind.
template <typename E> std::vector<E> only(const Effects& effects)
{
    std::vector<E> out;
    for (const Effect& e : effects)
        if (const auto* x = std::get_if<E>(&e))
            out.push_back(*x);
    return out;
}

std::vector<Intent> typing(Field field, const std::string& text)
{
    std::vector<Intent> keys{intent::FocusField{field}};
    for (const char c : text)
        keys.emplace_back(intent::PressKey{c == ' ' ? Key::Space : *keyFromId(std::string(1, c))});
    return keys;
}

// Applies each intent; returns every effect asked for, in order.
Effects play(Session& s, const std::vector<Intent>& intents, const World* world = nullptr)
{
    Effects all;
    for (const Intent& i : intents)
        for (Effect& e : apply(s, i, world))
            all.push_back(std::move(e));
    return all;
}

} // namespace

TEST_CASE("a whole visit through the reducer alone: checklist, form sent and saved, officer export")
{
    Session s;
    // The resident opens the passport page, then its checklist, and answers.
    Effects fx = play(s, {intent::SetLang{Lang::Jv}, intent::Open{Route::page("passport")},
                          intent::Open{Route::checklist("passport")}, intent::Answer{"who", "self"},
                          intent::Answer{"purpose", "work"}, intent::Answer{"age", "18-or-older"},
                          intent::ToggleHave{"ktp"}});
    // Two screens opened anew, each counted once with its language; nothing else asked for.
    const auto views = only<effect::CountView>(fx);
    REQUIRE(views.size() == 2);
    CHECK(views[0].screen == "passport");
    CHECK(views[1].screen == "checklist-passport");
    CHECK(views[1].lang == Lang::Jv);
    CHECK(fx.size() == 2);
    CHECK(s.checklist.answers.size() == 3);
    CHECK(s.checklist.have.count("ktp") == 1);

    // "Ask an officer" from the checklist: the form with the topic chosen.
    fx = play(s, {intent::Open{Route::callback("passport")}});
    CHECK(only<effect::CountView>(fx).size() == 1);
    CHECK(s.form.topic == RequestTopic::Passport);
    std::vector<Intent> form = typing(Field::Name, "siti aminah");
    for (Intent& i : typing(Field::Phone, "081234567890"))
        form.push_back(std::move(i));
    form.emplace_back(intent::ChooseTime{ContactTime::Morning});
    form.emplace_back(intent::ToggleConsent{});
    form.emplace_back(intent::Review{});
    fx = play(s, form);
    CHECK(fx.empty()); // typing and reviewing touch nothing outside the session
    REQUIRE(s.nav.current().kind == ScreenKind::CallbackReview);

    // Sent: one save is asked for; nothing is confirmed until the store answers.
    fx = play(s, {intent::Send{}, intent::Send{}});
    const auto saves = only<effect::SaveRequest>(fx);
    REQUIRE(saves.size() == 1);
    CHECK(saves[0].request.name == "Siti Aminah");
    CHECK(saves[0].request.phone == "+6281234567890");
    CHECK(saves[0].request.topic == RequestTopic::Passport);
    CHECK(saves[0].request.time == ContactTime::Morning);
    CHECK(s.nav.current().kind == ScreenKind::CallbackReview);
    CHECK(s.reference.empty());
    fx = play(s, {intent::RequestSaved{saves[0].ticket, "CMG-0007"}});
    CHECK(fx.empty());
    CHECK(s.nav.current().kind == ScreenKind::CallbackDone);
    CHECK(s.reference == "CMG-0007");
    CHECK(s.form.at(Field::Name).text.empty());

    // The visit ends; the next person is an officer who holds the corner and types the PIN.
    fx = play(s, {intent::IdleTimeout{}});
    CHECK(only<effect::StopReading>(fx).size() == 1);
    CHECK(s.reference.empty());
    CHECK(s.lang == s.homeLang);
    fx = play(s, {intent::OpenOfficer{}, intent::PressPinDigit{2}, intent::PressPinDigit{4},
                  intent::PressPinDigit{6}, intent::PressPinDigit{8}, intent::PressPinDigit{1},
                  intent::PressPinDigit{0}, intent::SubmitPin{}});
    const auto pins = only<effect::CheckPin>(fx);
    REQUIRE(pins.size() == 1);
    CHECK(pins[0].pin == "246810");
    CHECK_FALSE(pins[0].isNew);
    CHECK(pins[0].attempt != saves[0].ticket); // numbers are never reused across visits
    fx = play(s, {intent::PinChecked{{PinAnswer::Status::Ok, 0, 0, pins[0].attempt}}});
    CHECK(only<effect::OpenDesk>(fx).size() == 1);
    REQUIRE(s.nav.current().kind == ScreenKind::OfficerDashboard);

    // Export the new requests, then copy an earlier batch again, change a setting, log out.
    fx = play(s, {intent::ExportBatches{ExportScope::New, std::nullopt},
                  intent::ExportBatches{ExportScope::New, BatchId{"20261201-ab12"}},
                  intent::ChangeSetting{setting::Volume{-1}}, intent::ChangeContent{ContentChange::Rollback},
                  intent::TakeStatusPack{}, intent::Logout{}});
    const auto exports = only<effect::StartExport>(fx);
    REQUIRE(exports.size() == 2);
    CHECK(exports[0].scope == ExportScope::New);
    CHECK_FALSE(exports[0].again);
    CHECK(exports[1].again == BatchId{"20261201-ab12"});
    REQUIRE(only<effect::ChangeSetting>(fx).size() == 1);
    CHECK(std::holds_alternative<setting::Volume>(only<effect::ChangeSetting>(fx)[0].change));
    CHECK(only<effect::ChangeContent>(fx).at(0).change == ContentChange::Rollback);
    CHECK(only<effect::TakeStatusPack>(fx).size() == 1);
    CHECK(only<effect::CloseDesk>(fx).size() == 1);
    CHECK(only<effect::Sleep>(fx).size() == 1);
    CHECK_FALSE(s.officer.loggedIn);
    CHECK(s.nav.atHome());

    // Officer intents from a resident's screen ask for nothing.
    fx = play(s, {intent::ExportBatches{ExportScope::All, std::nullopt},
                  intent::ChangeSetting{setting::Rate{+1}}, intent::TakeStatusPack{}});
    CHECK(fx.empty());
}

TEST_CASE("reading aloud: a tap reads the screen and counts it, a second stops, leaving the screen stops")
{
    Content content;
    LocalContacts contacts;
    const World world{content, contacts};
    Session s;
    s.voice.available = true;
    play(s, {intent::Open{Route::callback()}});
    Effects fx = play(s, {intent::Listen{}}, &world);
    const auto reads = only<effect::ReadAloud>(fx);
    REQUIRE(reads.size() == 1);
    REQUIRE(only<effect::CountView>(fx).size() == 1);
    CHECK(only<effect::CountView>(fx)[0].screen == std::string(kListenPrefix) + "callback");

    s.voice.reading = reads[0].script.key; // the voice said so (VoiceChanged)
    fx = play(s, {intent::Listen{}}, &world);
    CHECK(only<effect::StopReading>(fx).size() == 1);
    CHECK(only<effect::ReadAloud>(fx).empty());

    fx = play(s, {intent::SetLang{Lang::En}}, &world);
    CHECK(only<effect::StopReading>(fx).size() == 1); // the screen read is gone
    s.voice.reading.clear();
    fx = play(s, {intent::SetLang{Lang::Id}}, &world);
    CHECK(fx.empty()); // nothing was being read
}

TEST_CASE("a trafficking report first shows the emergency card, once a visit, however the form was opened")
{
    Session s;
    play(s, {intent::Open{Route::callback("trafficking")}});
    CHECK(s.form.topic == RequestTopic::Trafficking);
    CHECK(s.form.dangerCard);
    play(s, {intent::ContinueRequest{}});
    CHECK_FALSE(s.form.dangerCard);
    CHECK(s.form.topic == RequestTopic::Trafficking);
    play(s, {intent::ChooseTopic{RequestTopic::Other}, intent::ChooseTopic{RequestTopic::Trafficking}});
    CHECK_FALSE(s.form.dangerCard);

    // The next visit sees it again.
    play(s, {intent::IdleTimeout{}, intent::Open{Route::callback()},
             intent::ChooseTopic{RequestTopic::Passport}});
    CHECK_FALSE(s.form.dangerCard);
    play(s, {intent::ChooseTopic{RequestTopic::Trafficking}});
    CHECK(s.form.dangerCard);
}

TEST_CASE("Listen reads home, help and the review; the help numbers digit by digit")
{
    Content content;
    LocalContacts contacts;
    const World world{content, contacts, CallbackPromise{}};
    Session s;
    s.voice.available = true;
    Effects fx = play(s, {intent::Listen{}}, &world);
    REQUIRE(only<effect::ReadAloud>(fx).size() == 1);
    CHECK(only<effect::ReadAloud>(fx)[0].script.key == "home");
    play(s, {intent::Open{Route::help()}});
    fx = play(s, {intent::Listen{}}, &world);
    REQUIRE(only<effect::ReadAloud>(fx).size() == 1);
    CHECK(only<effect::ReadAloud>(fx)[0].script.key == "help");
    CHECK(spelledNumber("0800-1000") == "0 8 0 0, 1 0 0 0");
    CHECK(spelledNumber("110") == "1 1 0");
    CHECK(spelledNumber("+62 21 29244800") == "plus, 6 2, 2 1, 2 9 2 4 4 8 0 0");
}

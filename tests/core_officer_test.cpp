// Officer mode in the session: the corner hold, the PIN pad, making a PIN, answers from the desk,
// leaving. The desk here records what it was asked and answers what the test says.
#include "core/gesture.hpp"
#include "core/idle.hpp"
#include "core/reducer.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kiosk;
using T = PointerEvent::Type;

namespace {

// What the reducer asked of the officer desk, from the effects it returned.
struct Desk {
    std::vector<effect::CheckPin> sent;
    int opened = 0, closed = 0;
    std::vector<effect::StartExport> exports;
    std::shared_ptr<OfficerSnapshot> state = std::make_shared<OfficerSnapshot>();

    void take(const Effects& effects)
    {
        for (const Effect& e : effects) {
            if (const auto* pin = std::get_if<effect::CheckPin>(&e))
                sent.push_back(*pin);
            else if (const auto* ex = std::get_if<effect::StartExport>(&e))
                exports.push_back(*ex);
            opened += std::holds_alternative<effect::OpenDesk>(e) ? 1 : 0;
            closed += std::holds_alternative<effect::CloseDesk>(e) ? 1 : 0;
        }
    }
};

void act(Session& s, Desk& desk, const Intent& intent)
{
    desk.take(apply(s, intent));
}

// The desk's answer to the last PIN sent.
void answer(Session& s, Desk& desk, PinAnswer::Status status, int failures = 0, std::int64_t secondsLeft = 0)
{
    act(s, desk,
        intent::PinChecked{
            {status, failures, secondsLeft, desk.sent.empty() ? 0 : desk.sent.back().attempt}});
}

void type(Session& s, Desk& desk, const std::string& digits)
{
    for (char c : digits)
        act(s, desk, intent::PressPinDigit{c - '0'});
}

} // namespace

TEST_CASE("holding the top-left corner still for 3 s opens the way in, once; anything less does not")
{
    CornerHold hold;
    SUBCASE("held")
    {
        hold.apply({T::Down, 30, 40, 1'000, 0});
        CHECK(hold.due() == 4'000);
        CHECK_FALSE(hold.fired(3'999));
        hold.apply({T::Move, 45, 52, 2'000, 0}); // a finger rolls a little
        CHECK(hold.fired(4'000));
        CHECK_FALSE(hold.fired(9'000)); // once per hold
        CHECK_FALSE(hold.due());
    }
    SUBCASE("lifted early")
    {
        hold.apply({T::Down, 30, 40, 1'000, 0});
        hold.apply({T::Up, 30, 40, 3'900, 0});
        CHECK_FALSE(hold.fired(10'000));
    }
    SUBCASE("dragged away: a resident scrolling from the corner")
    {
        hold.apply({T::Down, 30, 40, 1'000, 0});
        hold.apply({T::Move, 30, 200, 1'200, 0});
        CHECK_FALSE(hold.fired(10'000));
    }
    SUBCASE("outside the corner, and the corner grows with the UI scale")
    {
        hold.apply({T::Down, 200, 40, 1'000, 0});
        CHECK_FALSE(hold.fired(10'000));
        hold.setScale(2.f);
        hold.apply({T::Down, 200, 40, 11'000, 0});
        CHECK(hold.fired(14'000));
    }
    SUBCASE("a touch that ends unseen")
    {
        hold.apply({T::Down, 10, 10, 1'000, 0});
        hold.apply({T::Cancel, 10, 10, 1'500, 0});
        CHECK_FALSE(hold.fired(10'000));
    }
}

TEST_CASE("the PIN pad: digits up to 8, delete, too short, sent once, and the desk's answers")
{
    Session s;
    Desk desk;
    act(s, desk, intent::Open{Route::page("passport")});
    act(s, desk, intent::OpenOfficer{});
    REQUIRE(s.nav.current().kind == ScreenKind::OfficerPin);
    CHECK(s.officer.step == OfficerSession::Step::EnterPin);

    type(s, desk, "12345");
    act(s, desk, intent::SubmitPin{});
    CHECK(s.officer.message == "officer.pin.short");
    CHECK(desk.sent.empty());
    type(s, desk, "6789x0"); // 'x' is no key; the 9th digit does not fit
    CHECK(s.officer.digits == "12345678");
    act(s, desk, intent::ErasePinDigit{});
    CHECK(s.officer.digits == "1234567");

    act(s, desk, intent::SubmitPin{});
    REQUIRE(desk.sent.size() == 1);
    CHECK(desk.sent[0].pin == "1234567");
    CHECK_FALSE(desk.sent[0].isNew);
    CHECK(s.officer.waiting);
    act(s, desk, intent::SubmitPin{}); // a second tap while checking
    type(s, desk, "9");
    CHECK(desk.sent.size() == 1);
    CHECK(s.officer.digits == "1234567");

    SUBCASE("wrong: the tries left, the digits gone")
    {
        answer(s, desk, PinAnswer::Status::Wrong, 3, 0);
        CHECK(s.officer.message == "officer.pin.wrong");
        CHECK(s.officer.messageNumber == 2);
        CHECK(s.officer.digits.empty());
        CHECK_FALSE(s.officer.waiting);
        type(s, desk, "1");
        CHECK(s.officer.message.empty()); // a new attempt
    }
    SUBCASE("locked: whole minutes, rounded up")
    {
        answer(s, desk, PinAnswer::Status::Locked, 0, 241);
        CHECK(s.officer.message == "officer.pin.locked");
        CHECK(s.officer.messageNumber == 5);
    }
    SUBCASE("right: the dashboard, the desk starts reading")
    {
        answer(s, desk, PinAnswer::Status::Ok, 0, 0);
        CHECK(s.nav.current().kind == ScreenKind::OfficerDashboard);
        CHECK(s.nav.depth() == 2); // Back leads home, not to the PIN pad
        CHECK(s.officer.loggedIn);
        CHECK(s.officer.digits.empty());
        CHECK(desk.opened == 1);

        act(s, desk, intent::ExportBatches{ExportScope::New, std::nullopt});
        act(s, desk, intent::ExportBatches{ExportScope::New, BatchId{"b1"}});
        REQUIRE(desk.exports.size() == 2);
        CHECK(desk.exports[0].scope == ExportScope::New);
        CHECK_FALSE(desk.exports[0].again);
        CHECK(desk.exports[1].again == BatchId{"b1"});

        SUBCASE("logout wipes everything")
        {
            act(s, desk, intent::Logout{});
            CHECK(desk.closed == 1);
            CHECK(s.nav.atHome());
            CHECK_FALSE(s.officer.loggedIn);
        }
        SUBCASE("Back leaves officer mode too")
        {
            act(s, desk, intent::Back{});
            CHECK(desk.closed == 1);
            CHECK(s.nav.atHome());
            CHECK_FALSE(s.officer.loggedIn);
            act(s, desk, intent::ExportBatches{ExportScope::New, std::nullopt}); // from home: nothing
            CHECK(desk.exports.size() == 2);
        }
    }
    SUBCASE("an answer that arrives after the officer left is dropped")
    {
        act(s, desk, intent::Home{});
        answer(s, desk, PinAnswer::Status::Ok, 0, 0);
        CHECK(s.nav.atHome());
        CHECK_FALSE(s.officer.loggedIn);
        CHECK(desk.opened == 0);
    }
    SUBCASE("an answer to an earlier PIN is not taken for this one")
    {
        act(s, desk, intent::PinChecked{{PinAnswer::Status::Ok, 0, 0, 42}});
        CHECK(s.officer.waiting);
        CHECK_FALSE(s.officer.loggedIn);
    }
    SUBCASE("no PIN yet: make one")
    {
        answer(s, desk, PinAnswer::Status::NoPin, 0, 0);
        CHECK(s.officer.step == OfficerSession::Step::NewPin);
        CHECK(s.officer.message == "officer.pin.none");
    }
}

TEST_CASE("making the first PIN: typed twice, a mismatch starts again, then it is sent as new")
{
    Session s;
    Desk desk;
    desk.state->hasPin = false;
    act(s, desk, intent::DeskChanged{desk.state});
    act(s, desk, intent::OpenOfficer{});
    REQUIRE(s.officer.step == OfficerSession::Step::NewPin);
    type(s, desk, "246810");
    act(s, desk, intent::SubmitPin{});
    CHECK(s.officer.step == OfficerSession::Step::ConfirmPin);
    CHECK(s.officer.digits.empty());
    type(s, desk, "246811");
    act(s, desk, intent::SubmitPin{});
    CHECK(s.officer.step == OfficerSession::Step::NewPin);
    CHECK(s.officer.message == "officer.pin.mismatch");
    CHECK(desk.sent.empty());

    type(s, desk, "246810");
    act(s, desk, intent::SubmitPin{});
    type(s, desk, "246810");
    act(s, desk, intent::SubmitPin{});
    REQUIRE(desk.sent.size() == 1);
    CHECK(desk.sent[0].pin == "246810");
    CHECK(desk.sent[0].isNew);
    answer(s, desk, PinAnswer::Status::PinSet, 0, 0);
    CHECK(s.nav.current().kind == ScreenKind::OfficerDashboard);
    CHECK(s.officer.firstPin.empty());
}

TEST_CASE("a new PIN offered after one was set from a terminal: enter that one instead")
{
    Session s;
    Desk desk;
    desk.state->hasPin = false; // as the desk last knew
    act(s, desk, intent::DeskChanged{desk.state});
    act(s, desk, intent::OpenOfficer{});
    type(s, desk, "111111");
    act(s, desk, intent::SubmitPin{});
    type(s, desk, "111111");
    act(s, desk, intent::SubmitPin{});
    answer(s, desk, PinAnswer::Status::PinExists);
    CHECK(s.officer.step == OfficerSession::Step::EnterPin);
    CHECK(s.officer.message == "officer.pin.exists");
    CHECK_FALSE(s.officer.loggedIn);
}

TEST_CASE("without a desk officer mode says it cannot open, and nothing is kept")
{
    // The shell's effect runner answers a PIN check for a kiosk without a desk with Failed.
    Session s;
    Desk desk;
    act(s, desk, intent::OpenOfficer{});
    type(s, desk, "123456");
    act(s, desk, intent::SubmitPin{});
    REQUIRE(desk.sent.size() == 1);
    answer(s, desk, PinAnswer::Status::Failed);
    CHECK(s.officer.message == "officer.pin.failed");
    CHECK(s.officer.digits.empty());
    CHECK_FALSE(s.officer.loggedIn);
}

namespace {

// Logged in, with the desk's snapshot `state` known to the session.
void loggedIn(Session& s, Desk& desk)
{
    desk.state->hasPin = true;
    desk.state->dashboard.loaded = true;
    act(s, desk, intent::DeskChanged{desk.state});
    act(s, desk, intent::OpenOfficer{});
    type(s, desk, "246810");
    act(s, desk, intent::SubmitPin{});
    answer(s, desk, PinAnswer::Status::Ok);
    REQUIRE(s.nav.current().kind == ScreenKind::OfficerDashboard);
}

} // namespace

TEST_CASE("without an office key a copy waits for the officer's yes; no asks nothing of the desk")
{
    Session s;
    Desk desk;
    desk.state->dashboard.encrypted = false; // no office key, plain copies allowed (the default)
    loggedIn(s, desk);

    act(s, desk, intent::ExportBatches{ExportScope::All, std::nullopt});
    CHECK(desk.exports.empty());
    REQUIRE(s.officer.plainExport);
    CHECK(s.officer.plainExport->scope == ExportScope::All);
    act(s, desk, intent::CancelPlainExport{});
    CHECK_FALSE(s.officer.plainExport);
    act(s, desk, intent::ConfirmPlainExport{}); // nothing waits for a yes any more
    CHECK(desk.exports.empty());

    act(s, desk, intent::ExportBatches{ExportScope::New, BatchId{"b1"}});
    act(s, desk, intent::ConfirmPlainExport{});
    REQUIRE(desk.exports.size() == 1);
    CHECK(desk.exports[0].again == BatchId{"b1"});
    CHECK(desk.exports[0].plainAccepted);
    CHECK_FALSE(s.officer.plainExport);
    act(s, desk, intent::ConfirmPlainExport{}); // a second tap: one copy only
    CHECK(desk.exports.size() == 1);

    SUBCASE("the question goes with the officer")
    {
        act(s, desk, intent::ExportBatches{ExportScope::New, std::nullopt});
        REQUIRE(s.officer.plainExport);
        act(s, desk, intent::Back{});
        CHECK_FALSE(s.officer.plainExport);
        act(s, desk, intent::ConfirmPlainExport{});
        CHECK(desk.exports.size() == 1);
    }
}

TEST_CASE("with an office key, or where plain copies are refused, a copy asks no question")
{
    Session s;
    Desk desk;
    SUBCASE("sealed to the office key")
    {
        desk.state->dashboard.encrypted = true;
    }
    SUBCASE("plain copies not allowed: the desk refuses it and says why")
    {
        desk.state->dashboard.plainAllowed = false;
    }
    SUBCASE("a key that cannot be read: the desk refuses it")
    {
        desk.state->dashboard.keyProblem = "kiosk.toml:9: no such file";
    }
    loggedIn(s, desk);
    act(s, desk, intent::ExportBatches{ExportScope::New, std::nullopt});
    CHECK_FALSE(s.officer.plainExport);
    REQUIRE(desk.exports.size() == 1);
    CHECK_FALSE(desk.exports[0].plainAccepted);
}

TEST_CASE("the idle timer waits longer while an officer works, and sleep goes straight to attract")
{
    IdleTimer idle({90'000, 15'000, 4'000}, 0);
    (void)idle.touch(0);
    idle.setIdleAfter(105'000);
    CHECK_FALSE(idle.update(100'000));
    CHECK(idle.phase() == IdleTimer::Phase::Active);
    CHECK_FALSE(idle.update(106'000));
    CHECK(idle.phase() == IdleTimer::Phase::Prompt);
    CHECK(idle.update(120'000)); // 2 minutes in all: wiped
    (void)idle.touch(130'000);
    idle.sleep(131'000);
    CHECK(idle.phase() == IdleTimer::Phase::Attract);
}

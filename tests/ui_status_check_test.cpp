// "Cek permintaan saya" driven by touches alone: the home tile, a reference typed on the on-screen
// keyboard, its status in every language; an unknown one that names no other; the wait after wrong
// ones with its countdown; no news yet; and the visit's end that forgets what was typed.
#include "core/speech.hpp"
#include "ui_harness.hpp"

#include <cctype>
#include <string>

using namespace kiosk;
using test::Harness;

namespace {

// Each character tapped on the reference keyboard: letters (its keys are named in small letters, and
// show capitals), digits and the dash.
void typeReference(Harness& k, const std::string& text)
{
    for (const char c : text)
        k.tap(c == '-' ? std::string("osk.key.dash")
                       : "osk.key." +
                             std::string(1, static_cast<char>(std::tolower(static_cast<unsigned char>(c)))));
}

// Opens the screen with the tour's sample news for kiosk CMG (CMG-0001 received, -0002 contacted,
// -0003 done).
void openCheck(Harness& k, bool news = true)
{
    if (news)
        k.shell().setStatusBook(sampleStatusBook("CMG"));
    k.wake();
    k.tap("home.tile.my-request");
    REQUIRE(k.map().screen == "my-request");
}

// Everything the screen shows in words a test can read: widget labels and values, areas, values.
std::string everything(const Harness& k)
{
    std::string all;
    for (const WidgetBox& w : k.map().widgets)
        all += w.label + "\n" + w.value + "\n";
    for (const WidgetBox& a : k.map().areas)
        all += a.label + "\n";
    for (const auto& [key, value] : k.map().values)
        all += value + "\n";
    return all;
}

// Clears the field with backspace and checks `reference`.
void check(Harness& k, const std::string& reference)
{
    if (!k.map().find("osk.key.backspace"))
        k.tap("status.reference");
    for (int i = 0; i < 20; ++i) {
        const WidgetBox* field = k.map().find("status.reference");
        REQUIRE(field);
        if (field->value.empty())
            break;
        k.tap("osk.key.backspace");
    }
    typeReference(k, reference);
    k.tap("status.check");
}

} // namespace

TEST_CASE("a reference typed on the keyboard shows its status, since when, and what it means, in every "
          "language; Listen reads it with the reference letter by letter")
{
    for (const auto& [w, h] :
         {std::pair{1920.f, 1080.f}, std::pair{1080.f, 1920.f}, std::pair{1280.f, 800.f}}) {
        INFO(w, "x", h);
        Harness k(w, h);
        openCheck(k);
        // The keyboard is ready at once, with digits and the dash; the field is empty.
        for (const char* key : {"osk.key.0", "osk.key.9", "osk.key.dash", "osk.key.c", "osk.key.done"})
            CHECK_MESSAGE(k.map().find(key), key);
        CHECK_FALSE(k.map().find("osk.key.space"));
        CHECK(k.map().find("status.reference")->value.empty());
        CHECK(k.map().values.at("news") == "2026-12-02 14:05");
        typeReference(k, "cmg-0002");
        CHECK(k.map().find("status.reference")->value == "CMG-0002");
        k.tap("status.check");
        CHECK_FALSE(k.map().find("osk.key.c")); // the keyboard gives the room to the answer
        CHECK(k.map().values.at("status") == "contacted");
        CHECK(k.map().values.at("reference") == "CMG-0002");
        const WidgetBox* result = k.map().area("status.result");
        REQUIRE(result);
        CHECK(result->label.find("Sudah dihubungi") != std::string::npos);
        CHECK(result->label.find("Sejak 1 Desember 2026") != std::string::npos);
        CHECK(result->label.find("Nomor permintaan CMG-0002") != std::string::npos);

        k.tap("lang.jv");
        result = k.map().area("status.result");
        REQUIRE(result);
        CHECK(result->label.find("Sampun dipuntelepon") != std::string::npos);
        CHECK(result->label.find("Wiwit 1 Desember 2026") != std::string::npos);
        k.tap("lang.en");
        result = k.map().area("status.result");
        REQUIRE(result);
        CHECK(result->label.find("Contacted") != std::string::npos);
        CHECK(result->label.find("Since 1 December 2026") != std::string::npos);

        const auto script =
            screenScript(k.content(), {}, CallbackPromise{}, k.session(), k.shell().statusBook());
        REQUIRE(script);
        std::string said, shown;
        for (const auto& sentence : script->sentences) {
            said += sentence.say + "\n";
            shown += sentence.spot.text + "\n";
        }
        CHECK(said.find("Request number C M G, 0 0 0 2") != std::string::npos);
        CHECK(shown.find("Request number CMG-0002") != std::string::npos);
        CHECK(shown.find("Contacted") != std::string::npos);
        CHECK(shown.find("News from the office: 2 December 2026") != std::string::npos);
    }
}

TEST_CASE("each status in its words; Done on the keyboard checks too; small letters and no dash are forgiven")
{
    Harness k;
    openCheck(k);
    typeReference(k, "cmg0003");
    k.tap("osk.key.done");
    CHECK(k.map().values.at("status") == "done");
    CHECK(k.map().area("status.result")->label.find("Selesai") != std::string::npos);
    check(k, "CMG-0001");
    CHECK(k.map().values.at("status") == "received");
    CHECK(k.map().area("status.result")->label.find("Diterima kantor") != std::string::npos);
    // Nothing typed: asked to type first, and no wrong try counted.
    check(k, "");
    CHECK(k.map().values.at("notice") == "status.notice.empty");
    CHECK(k.session().requestCheck.wrongInARow(k.clock().now()) == 0);
}

TEST_CASE("an unknown reference says so, names no other reference, and gives the numbers to call")
{
    Harness k(1080, 1920);
    openCheck(k);
    for (const char* near : {"CMG-000", "CMG-0020", "CMG-0004", "CMG-2"}) {
        INFO(near);
        check(k, near);
        CHECK(k.map().values.at("status") == "unknown");
        const WidgetBox* unknown = k.map().area("status.unknown");
        REQUIRE(unknown);
        CHECK(unknown->label.find(std::string("Nomor ") + near + " tidak ada") != std::string::npos);
        const std::string all = everything(k);
        for (const char* other : {"CMG-0001", "CMG-0002", "CMG-0003"})
            CHECK_MESSAGE(all.find(other) == std::string::npos, other);
        CHECK(k.map().values.at("emergency").find("110") != std::string::npos);
        k.wait(11'000); // no wait in this test's way (and well before the idle prompt)
    }
}

TEST_CASE("after three wrong references the Cek button waits, counting down; the wait doubles; a right "
          "reference after it is found")
{
    Harness k(1280, 800);
    openCheck(k);
    check(k, "CMG-0101");
    check(k, "CMG-0102");
    CHECK(k.map().find("status.check")->value.empty());
    check(k, "CMG-0103");
    CHECK(k.map().values.at("status") == "unknown");
    CHECK(k.map().values.at("wait") == "5");
    CHECK(k.map().find("status.check")->value == "disabled");
    CHECK(k.map().area("status.wait")->label.find("5 detik") != std::string::npos);
    // The countdown needs a frame each second, with nobody touching.
    CHECK(k.shell().nextDue() <= k.clock().now() + 1000);
    // A tap on the waiting button, and Done on the keyboard, look nothing up.
    k.tap("status.check");
    k.tap("status.reference");
    k.tap("osk.key.done");
    CHECK(k.session().requestCheck.wrongInARow(k.clock().now()) == 3);
    k.wait(2'000);
    CHECK(k.map().values.at("wait") == "3");
    k.wait(3'000);
    k.frames(1);
    CHECK_FALSE(k.map().values.count("wait"));
    CHECK(k.map().find("status.check")->value.empty());
    check(k, "CMG-0104");
    CHECK(k.map().values.at("wait") == "10");
    k.wait(10'000);
    check(k, "CMG-0002");
    CHECK(k.map().values.at("status") == "contacted");
    CHECK(k.session().requestCheck.wrongInARow(k.clock().now()) == 0);
}

TEST_CASE("before the office sent any news the screen says so, with no keyboard, and the numbers to call")
{
    for (const Lang lang : kAllLangs) {
        Harness k(1920, 1080);
        openCheck(k, false);
        k.tap("lang." + std::string(langCode(lang)));
        CHECK(k.map().values.at("status") == "no-news");
        CHECK_FALSE(k.map().find("status.reference"));
        CHECK_FALSE(k.map().find("osk.key.1"));
        const WidgetBox* said = k.map().area("status.no-news");
        REQUIRE(said);
        CHECK(said->label.find(k.strings().get(lang, "status.no_news")) != std::string::npos);
        CHECK(said->label.find("Kantor Imigrasi Surakarta") != std::string::npos);
        CHECK(k.map().values.at("emergency").find("129") != std::string::npos);
    }
}

TEST_CASE("the visit's end forgets what was typed and the answer; Back first closes the keyboard")
{
    Harness k;
    openCheck(k);
    typeReference(k, "CMG-00");
    k.tap("nav.back");
    CHECK(k.map().screen == "my-request");
    CHECK_FALSE(k.map().find("osk.key.c"));
    k.tap("status.check"); // unknown: a wrong try that outlasts the visit
    CHECK(k.map().values.at("status") == "unknown");
    // Nobody touches: the prompt, then the attract screen; a new visit starts empty.
    k.wait(90'000);
    k.wait(16'000);
    CHECK(k.map().screen == "attract");
    CHECK(k.session().status.reference.text.empty());
    CHECK(k.session().requestCheck.wrongInARow(k.clock().now()) == 1);
    k.wake();
    k.tap("home.tile.my-request");
    CHECK(k.map().find("status.reference")->value.empty());
    CHECK_FALSE(k.map().values.count("status"));
    k.tap("nav.back");
    CHECK(k.map().screen == "home");
}

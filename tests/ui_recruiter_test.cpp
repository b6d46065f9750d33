// The company search driven by touches alone: the home tile, the on-screen keyboard, a result, and
// on to the callback form with the company named; and the shipped kiosk, which has no list.
#include "core/speech.hpp"
#include "registry_support.hpp"
#include "ui_harness.hpp"

#include <fstream>

using namespace kiosk;
using test::Harness;

namespace {

// A copy of the shipped content with a generated list of 5,000 companies.
struct RegistryPack : test::Pack {
    RegistryPack()
    {
        std::ofstream(data / "registry" / "p3mi.csv", std::ios::binary | std::ios::trunc)
            << registryCsv(test::generatedCompanies(5000));
        std::ofstream(data / "registry" / "p3mi.toml", std::ios::binary | std::ios::trunc)
            << registryInfoToml({"SISKOP2MI (KP2MI)", "2026-03-12", ""}, 5000);
    }
};

// Each letter tapped on the keyboard, a space as the space bar.
void typeOnKeyboard(Harness& k, const std::string& text)
{
    for (const char c : text)
        k.tap(c == ' ' ? "osk.key.space" : "osk.key." + std::string(1, c));
}

} // namespace

TEST_CASE("a misspelt name typed on the keyboard finds the company; its result leads to the form with the "
          "company in the note")
{
    RegistryPack pack;
    Harness k(1920, 1080, {}, pack.data);
    k.wake();
    k.tap("home.tile.recruiter");
    REQUIRE(k.map().screen == "recruiter");
    // The keyboard is ready at once; the field is empty.
    REQUIRE(k.map().find("osk.key.g"));
    CHECK(k.map().find("registry.query")->value.empty());
    CHECK(k.map().values.at("registry") == "5000");

    typeOnKeyboard(k, "gemah ripa loh");
    CHECK(k.map().find("registry.query")->value == "gemah ripa loh");
    const WidgetBox* first = k.map().find("registry.result.0");
    REQUIRE(first);
    CHECK(first->label == "PT Gemah Ripah Loh Jinawi");
    CHECK(first->value == "active");

    // Done: the keyboard closes, every result shows in full with the next steps.
    k.tap("osk.key.done");
    CHECK_FALSE(k.map().find("osk.key.g"));
    k.tap("registry.result.0");
    CHECK(k.session().search.chosen == "PT Gemah Ripah Loh Jinawi");
    k.revealAndTap("registry.callback");
    REQUIRE(k.map().screen == "callback");
    CHECK(k.session().form.topic == RequestTopic::WorkAbroad);
    const std::string note = k.session().form.at(Field::Note).text;
    CHECK(note.find("PT Gemah Ripah Loh Jinawi") != std::string::npos);
    CHECK(note.find("Tercatat di daftar resmi KP2MI") != std::string::npos);

    // Back to the result and to the form again: the note is not written twice.
    k.tap("nav.back");
    CHECK(k.map().screen == "recruiter");
    CHECK(k.session().search.chosen == "PT Gemah Ripah Loh Jinawi");
    k.revealAndTap("registry.callback");
    CHECK(k.session().form.at(Field::Note).text == note);
}

TEST_CASE("a name the list does not have says so with the list's date; Back first closes the keyboard")
{
    RegistryPack pack;
    Harness k(1080, 1920, {}, pack.data);
    k.wake();
    k.tap("home.tile.recruiter");
    typeOnKeyboard(k, "wqx zyvo qurtaz");
    CHECK_FALSE(k.map().find("registry.result.0"));
    CHECK(k.map().values.at("results") == "0");
    k.tap("nav.back");
    CHECK(k.map().screen == "recruiter");
    CHECK_FALSE(k.map().find("osk.key.q"));
    // Read aloud: the answer and the next steps.
    const auto script = screenScript(k.content(), {}, CallbackPromise{}, k.session());
    REQUIRE(script);
    std::string all;
    for (const auto& sentence : script->sentences)
        all += sentence.spot.text + " ";
    CHECK(all.find("Tidak ditemukan di daftar yang dimuat di kios ini (data per 12 Maret 2026)") !=
          std::string::npos);
    CHECK(all.find("SIP2MI") != std::string::npos);
    k.tap("nav.back");
    CHECK(k.map().screen == "home");
}

TEST_CASE("the shipped kiosk has no list: the screen says so plainly and still offers the next steps")
{
    Harness k;
    k.wake();
    k.tap("home.tile.recruiter");
    REQUIRE(k.map().screen == "recruiter");
    CHECK(k.map().values.at("registry") == "empty");
    CHECK_FALSE(k.map().find("registry.query"));
    CHECK_FALSE(k.map().find("osk.key.q"));
    REQUIRE(k.reveal("registry.qr"));
    CHECK(k.map().find("registry.qr")->value == "https://siskop2mi.bp2mi.go.id");
    k.revealAndTap("registry.callback");
    CHECK(k.map().screen == "callback");
    CHECK(k.session().form.topic == RequestTopic::WorkAbroad);
    CHECK(k.session().form.at(Field::Note).text.empty());
    // The offer itself can be checked from here.
    k.tap("nav.back");
    k.revealAndTap("registry.offer-check");
    CHECK(k.map().screen == "offer-check");
}

TEST_CASE("the work-abroad page links to the company search")
{
    Harness k;
    k.wake();
    k.tap("home.tile.work-abroad");
    k.revealAndTap("page.link.screen.recruiter");
    CHECK(k.map().screen == "recruiter");
}

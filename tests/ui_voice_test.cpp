// Headless tests of reading aloud and larger text in the shell: the Listen button, what it reads,
// when reading stops, the highlight, the Aa button and its reset, and a kiosk with no sound device.
#include "services/voice.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <thread>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// The voice as the shell sees it, without a sound device: remembers what it was asked to read and
// reads it "instantly" at the sentence a test chooses.
class RecordingVoice final : public Voice {
public:
    bool available() const override { return true; }
    void say(Script script) override
    {
        said.push_back(script);
        reading = std::move(script);
        sentence = 0;
    }
    void stop() override
    {
        ++stops;
        reading.reset();
    }
    VoiceView view() override
    {
        VoiceView v;
        v.available = true;
        if (reading) {
            v.reading = reading->key;
            if (reading->highlights() && sentence < reading->sentences.size())
                v.spot = reading->sentences[sentence].spot;
        }
        return v;
    }
    void setVolume(int percent) override { volume = percent; }
    void setRate(int wpm) override { rate = wpm; }

    std::vector<Script> said;
    std::optional<Script> reading;
    std::size_t sentence = 0;
    int stops = 0;
    int volume = -1, rate = -1;
};

} // namespace

TEST_CASE("Listen reads the page in its language; a second tap stops; leaving the page stops it")
{
    Harness k;
    RecordingVoice voice;
    k.shell().setServices({.voice = &voice});
    k.wake();
    CHECK(k.map().find("voice.listen")); // home reads its welcome and tiles
    k.tap("home.tile.passport");
    REQUIRE(k.map().find("voice.listen"));
    k.tap("voice.listen");
    REQUIRE(voice.said.size() == 1);
    CHECK(voice.said[0].key == "page:passport");
    CHECK(voice.said[0].voice == Lang::Id);
    CHECK(k.map().find("voice.stop"));
    CHECK_FALSE(k.map().find("voice.listen"));
    k.tap("voice.stop");
    CHECK_FALSE(voice.reading);
    CHECK(k.map().find("voice.listen"));

    k.tap("voice.listen");
    REQUIRE(voice.reading);
    k.tap("nav.back");
    CHECK_FALSE(voice.reading); // navigation ends it

    // A language change changes the words: the reading stops too.
    k.tap("home.tile.passport");
    k.tap("voice.listen");
    k.tap("lang.en");
    CHECK_FALSE(voice.reading);
}

TEST_CASE("the new topics are read aloud in Indonesian, from a Javanese screen too")
{
    for (const char* page : {"abroad", "scam-jobs"}) {
        Harness k;
        RecordingVoice voice;
        k.shell().setServices({.voice = &voice});
        k.wake();
        k.tap("lang.jv");
        k.tap(std::string("home.tile.") + page);
        REQUIRE(k.map().screen == page);
        k.tap("voice.listen");
        INFO(page);
        REQUIRE(voice.said.size() == 1);
        const Script& script = voice.said[0];
        CHECK(script.key == std::string("page:") + page);
        CHECK(script.shown == Lang::Jv);
        CHECK(script.voice == Lang::Id); // no Javanese voice: the Indonesian text is read
        REQUIRE(script.sentences.size() > 10);
        // The Indonesian title is read, not the Javanese one.
        CHECK(script.sentences[0].say.find("Sampun") == std::string::npos);
    }
    // The placement-fee page, reached by its link from the scam-jobs page.
    Harness k;
    RecordingVoice voice;
    k.shell().setServices({.voice = &voice});
    k.wake();
    k.tap("home.tile.scam-jobs");
    k.revealAndTap("page.link.page.placement-costs");
    REQUIRE(k.map().screen == "placement-costs");
    k.tap("voice.listen");
    REQUIRE(voice.said.size() == 1);
    CHECK(voice.said[0].key == "page:placement-costs");
    CHECK(voice.said[0].sentences.size() > 10);
}

TEST_CASE("a reading longer than the idle limit keeps the visit; the prompt comes the usual time after it")
{
    Harness k;
    RecordingVoice voice;
    k.shell().setServices({.voice = &voice});
    k.wake();
    k.tap("home.tile.trafficking");
    k.tap("header.text_size");
    CHECK(k.session().largeText);
    k.tap("voice.listen");
    REQUIRE(voice.reading);
    for (int i = 0; i < 12; ++i) // two minutes of listening, longer than 90 s + 15 s
        k.wait(10'000);
    CHECK(k.map().screen == "trafficking");
    CHECK(voice.reading);
    CHECK(k.session().largeText);

    voice.reading.reset(); // the reading ends
    k.frames(2);
    CHECK(k.map().find("voice.listen"));
    k.wait(89'000);
    CHECK(k.map().screen == "trafficking");
    k.wait(2'000);
    REQUIRE(k.map().screen == "idle-prompt");
    k.wait(15'000);
    CHECK(k.map().screen == "attract");
    CHECK_FALSE(k.session().largeText); // the next resident starts with normal text
    k.wake();
    CHECK(k.map().screen == "home");
    CHECK_FALSE(k.session().largeText);
}

TEST_CASE("a voice that never ends keeps the visit 20 minutes, then the wipe stops it")
{
    Harness k;
    RecordingVoice voice;
    k.shell().setServices({.voice = &voice});
    k.wake();
    k.tap("home.tile.passport");
    k.tap("voice.listen");
    REQUIRE(voice.reading);
    for (int i = 0; i < 20 * 6; ++i)
        k.wait(10'000);
    CHECK(k.map().screen == "passport");
    k.wait(90'000);
    REQUIRE(k.map().screen == "idle-prompt");
    k.wait(15'000);
    CHECK(k.map().screen == "attract");
    CHECK_FALSE(voice.reading);
}

TEST_CASE("on a Javanese screen the button says it reads Indonesian, and nothing is highlighted")
{
    Harness k;
    RecordingVoice voice;
    k.shell().setServices({.voice = &voice});
    k.wake();
    k.tap("lang.jv");
    k.tap("home.tile.passport");
    const WidgetBox* b = k.map().find("voice.listen");
    REQUIRE(b);
    CHECK(b->label.find(k.strings().get(Lang::Jv, "voice.in_indonesian")) != std::string::npos);
    k.tap("voice.listen");
    REQUIRE(voice.reading);
    CHECK(voice.reading->voice == Lang::Id);
    CHECK_FALSE(voice.view().spot);
}

TEST_CASE("the sentence being read is highlighted where it is on the screen")
{
    Harness k;
    RecordingVoice voice;
    k.shell().setServices({.voice = &voice});
    k.wake();
    k.tap("home.tile.passport");
    k.tap("voice.listen");
    REQUIRE(voice.reading);
    // The highlight is drawn in the reading colour behind the words: count that colour's rectangles.
    auto highlighted = [&] {
        int n = 0;
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l) {
            const ImDrawList* dl = data->CmdLists[l];
            for (const ImDrawVert& v : dl->VtxBuffer)
                n += v.col == ui::colours().reading ? 1 : 0;
        }
        return n;
    };
    voice.sentence = 1;
    k.frames(2);
    CHECK(highlighted() > 0);
    voice.reading.reset();
    k.frames(2);
    CHECK(highlighted() == 0);
}

TEST_CASE("Aa makes every word 1.4 times larger, and again back")
{
    Harness k;
    k.wake();
    k.tap("home.tile.passport");
    const float before = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
    k.tap("header.text_size");
    REQUIRE(k.session().largeText);
    // The larger fonts are built on another thread the first time: the tap is answered at once.
    for (int i = 0; i < 500 && ImGui::GetIO().Fonts->Fonts[0]->FontSize == before; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        k.frame();
    }
    const float after = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
    CHECK(after == doctest::Approx(before * 1.4f).epsilon(0.03));
    k.tap("header.text_size");
    CHECK_FALSE(k.session().largeText);
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == before);
}

TEST_CASE("officer settings reach the voice, the theme and the language the next visit starts in")
{
    Harness k;
    RecordingVoice voice;
    k.shell().setServices({.voice = &voice});
    KioskSettings s;
    s.volume = 40;
    s.speechRate = 125;
    s.defaultLang = Lang::Jv;
    s.theme = Theme::HighContrast;
    k.shell().applySettings(s);
    CHECK(voice.volume == 40);
    CHECK(voice.rate == 125);
    CHECK(ui::currentTheme() == Theme::HighContrast);
    k.wake();
    CHECK(k.session().lang == Lang::Jv);
    k.tap("lang.en");
    k.wait(200'000); // gone idle: the next visit starts in Javanese again
    k.wake();
    CHECK(k.session().lang == Lang::Jv);
    k.shell().applySettings(KioskSettings{});
    CHECK(ui::currentTheme() == Theme::Standard);
}

TEST_CASE("no sound device: the Listen button is hidden and the reason logged once")
{
    // ctest runs this suite with ALSOFT_DRIVERS naming no driver, so OpenAL finds no device.
    std::ostringstream log;
    VoiceService service({}, log);
    service.start();
    service.waitUntilChecked();
    CHECK_FALSE(service.available());
    CHECK(log.str().find("reading aloud is off") != std::string::npos);
    Harness k;
    k.shell().setServices({.voice = &service});
    k.wake();
    k.tap("home.tile.passport");
    k.frames(3);
    CHECK_FALSE(k.map().find("voice.listen"));
    service.say(Script{}); // asked anyway: nothing happens
    CHECK(service.view().reading.empty());
    const std::string once = log.str();
    CHECK(once.find("reading aloud is off") == once.rfind("reading aloud is off"));
}

// The voice service as the shell uses it, through OpenAL's wave writer (ctest's audio entry):
// a reading's first sound, the highlight moving on sentence by sentence, the cache on the second
// tap, Stop, and a recorded narration played instead of the voice.
#include "services/voice.hpp"

#include "test_support.hpp"

#include <SFML/Audio/SoundBuffer.hpp>
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace kiosk;
using Steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

bool waveDevice()
{
    const char* env = std::getenv("ALSOFT_DRIVERS");
    return env != nullptr && std::string(env) == "wave";
}

Script threeSentences()
{
    Script s;
    s.key = "page:test";
    s.page = "test";
    addText(s, "b0", "Paspor adalah dokumen resmi. Bawa KTP dan Kartu Keluarga. Datang ke kantor imigrasi.");
    return s;
}

// Draws "frames" (calls view() as the shell does) until `done`, at most `limit`.
template <typename Done> bool frames(VoiceService& voice, Done done, std::chrono::milliseconds limit)
{
    const auto until = Steady::now() + limit;
    while (!done(voice.view())) {
        if (Steady::now() > until)
            return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

} // namespace

TEST_CASE("a reading starts within 300 ms, the highlight follows it, the second tap uses the cache" *
          doctest::test_suite("audio_wave"))
{
    if (!waveDevice()) {
        MESSAGE("skipped: needs OpenAL's wave writer (ctest's audio entry)");
        return;
    }
    std::ostringstream log;
    VoiceService voice({}, log);
    voice.start();
    voice.waitUntilChecked();
    REQUIRE(voice.available());

    const Script script = threeSentences();
    const auto t0 = Steady::now();
    voice.say(script);
    CHECK(voice.view().reading == "page:test");
    CHECK_FALSE(voice.lastWasCached());
    REQUIRE(frames(
        voice, [&](const VoiceView&) { return voice.firstSound().has_value(); }, 2000ms));
    CHECK(*voice.firstSound() - t0 < 300ms);

    // The highlight: each sentence in turn, in order, then nothing once the reading is over.
    std::vector<std::string> seen;
    REQUIRE(frames(
        voice,
        [&](const VoiceView& v) {
            if (v.spot && (seen.empty() || seen.back() != v.spot->text))
                seen.push_back(v.spot->text);
            return v.reading.empty();
        },
        15s));
    CHECK(seen == std::vector<std::string>{"Paspor adalah dokumen resmi.", "Bawa KTP dan Kartu Keluarga.",
                                           "Datang ke kantor imigrasi."});
    CHECK(voice.cachedBytes() > 0);

    // Again: from the cache, and Stop ends it at once.
    voice.say(script);
    CHECK(voice.lastWasCached());
    REQUIRE(frames(
        voice, [&](const VoiceView&) { return voice.firstSound().has_value(); }, 2000ms));
    voice.stop();
    CHECK(voice.view().reading.empty());
    CHECK(log.str().empty());
}

TEST_CASE("a recorded narration in the screen's language is played instead of the voice" *
          doctest::test_suite("audio_wave"))
{
    if (!waveDevice()) {
        MESSAGE("skipped: needs OpenAL's wave writer (ctest's audio entry)");
        return;
    }
    test::TempDir media;
    std::filesystem::create_directories(media.path() / "audio" / "jv");
    {
        // Half a second of a 440 Hz tone stands in for the office's recording.
        std::vector<std::int16_t> tone(22'050 / 2);
        for (std::size_t i = 0; i < tone.size(); ++i)
            tone[i] = static_cast<std::int16_t>(
                8000 * std::sin(2 * 3.14159265 * 440 * static_cast<double>(i) / 22'050));
        sf::SoundBuffer buffer;
        REQUIRE(buffer.loadFromSamples(tone.data(), tone.size(), 1, 22'050));
        REQUIRE(buffer.saveToFile((media.path() / "audio" / "jv" / "test.ogg").string()));
    }
    std::ostringstream log;
    VoiceService voice({.mediaDir = media.path()}, log);
    voice.start();
    voice.waitUntilChecked();
    REQUIRE(voice.available());

    Script script = threeSentences();
    script.shown = Lang::Jv; // a Javanese screen: its own recording, not the Indonesian voice
    script.voice = Lang::Id;
    voice.say(script);
    CHECK(voice.view().reading == "page:test");
    REQUIRE(frames(
        voice, [&](const VoiceView&) { return voice.firstSound().has_value(); }, 2000ms));
    CHECK_FALSE(voice.view().spot); // a recording has no sentences to follow
    REQUIRE(frames(
        voice, [](const VoiceView& v) { return v.reading.empty(); }, 5s));
    CHECK(voice.cachedBytes() == 0); // nothing was synthesised

    // The Indonesian screen has no recording: the voice reads it.
    script.shown = Lang::Id;
    voice.say(script);
    REQUIRE(frames(
        voice, [&](const VoiceView& v) { return v.spot.has_value(); }, 2000ms));
    voice.stop();
    CHECK(voice.cachedBytes() > 0);
}

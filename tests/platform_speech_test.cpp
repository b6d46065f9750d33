// eSpeak NG through SpeechSynth: Indonesian text becomes audible audio of a plausible length.
#include "platform/speech_synth.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

using kiosk::SpeechAudio;
using kiosk::platform::SpeechError;
using kiosk::platform::SpeechSynth;

namespace {

// Eight words.
constexpr const char* kSentence = "Paspor dibuat di kantor imigrasi, bukan lewat calo.";

struct Loudness {
    double rms = 0;
    int peak = 0;
};

Loudness loudness(const SpeechAudio& audio)
{
    std::vector<std::int16_t> samples(audio.size());
    REQUIRE(audio.read(0, samples.data(), samples.size()) == samples.size());
    Loudness l;
    double sum = 0;
    for (const std::int16_t s : samples) {
        sum += double(s) * double(s);
        l.peak = std::max(l.peak, std::abs(int{s}));
    }
    l.rms = samples.empty() ? 0.0 : std::sqrt(sum / double(samples.size()));
    return l;
}

double seconds(const SpeechAudio& audio)
{
    return double(audio.size()) / double(audio.sampleRate());
}

} // namespace

TEST_CASE("an Indonesian sentence becomes audible speech of a plausible length" *
          doctest::test_suite("speech"))
{
    SpeechSynth synth;
    CHECK(synth.sampleRate() == 22050);
    SpeechAudio audio(synth.sampleRate());
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(synth.speak(kSentence, "id", 150, audio));
    const auto took = std::chrono::steady_clock::now() - start;
    audio.finish();
    const Loudness l = loudness(audio);
    MESSAGE("8 words at 150 wpm: " << seconds(audio) << " s of speech, made in "
                                   << std::chrono::duration<double, std::milli>(took).count() << " ms; rms "
                                   << l.rms << ", peak " << l.peak);
    // 8 words at 150 wpm is about 3.2 s, with the pause at the comma and the end.
    CHECK(seconds(audio) > 1.5);
    CHECK(seconds(audio) < 6.0);
    CHECK(l.rms > 500);
    CHECK(l.peak > 5000);
    CHECK(took < std::chrono::seconds(2));
}

TEST_CASE("a faster rate gives shorter audio; rates are clamped to 80..450" * doctest::test_suite("speech"))
{
    SpeechSynth synth;
    const auto length = [&](int wpm) {
        SpeechAudio audio(synth.sampleRate());
        REQUIRE(synth.speak(kSentence, "id", wpm, audio));
        return audio.size();
    };
    const std::size_t normal = length(150);
    const std::size_t fast = length(300);
    CHECK(fast < normal * 3 / 4);
    const std::size_t fastest = length(450);
    CHECK(length(2000) == doctest::Approx(double(fastest)).epsilon(0.02));
    CHECK(length(10) == doctest::Approx(double(length(80))).epsilon(0.02));
    CHECK(length(80) > normal);
}

TEST_CASE("sentences begun between texts are found again by their samples" * doctest::test_suite("speech"))
{
    SpeechSynth synth;
    SpeechAudio audio(synth.sampleRate());
    audio.beginSentence();
    REQUIRE(synth.speak("Kenali tanda perdagangan orang.", "id", 175, audio));
    const std::size_t second = audio.size();
    audio.beginSentence();
    REQUIRE(synth.speak("Tanyakan kepada petugas imigrasi.", "id", 175, audio));
    audio.finish();
    REQUIRE(second > 0);
    CHECK(audio.size() > second + synth.sampleRate() / 2);
    CHECK(audio.sentencesBegun() == 2);
    CHECK(audio.sentenceAt(0) == 0);
    CHECK(audio.sentenceAt(second - 1) == 0);
    CHECK(audio.sentenceAt(second) == 1);
    CHECK(audio.sentenceAt(audio.size() - 1) == 1);
}

TEST_CASE("cancelling stops a long text early" * doctest::test_suite("speech"))
{
    SpeechSynth synth;
    std::string longText;
    for (int i = 0; i < 300; ++i)
        longText += std::string(kSentence) + " ";

    SUBCASE("cancelled before it starts: nothing is made")
    {
        const std::atomic<bool> cancel{true};
        SpeechAudio audio(synth.sampleRate());
        CHECK_FALSE(synth.speak(longText, "id", 175, audio, &cancel));
        CHECK(audio.size() == 0);
    }
    SUBCASE("cancelled while it is made")
    {
        // 300 sentences are about 17 minutes of speech; without the cancel they take far longer
        // to make than the 30 ms after which another thread asks to stop.
        std::atomic<bool> cancel{false};
        SpeechAudio audio(synth.sampleRate());
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
            cancel = true;
        });
        const bool whole = synth.speak(longText, "id", 175, audio, &cancel);
        canceller.join();
        CHECK_FALSE(whole);
        const double fullSeconds = 300 * 3.0;
        MESSAGE("cancelled after " << seconds(audio) << " s of speech");
        CHECK(seconds(audio) < fullSeconds / 2);
    }
}

TEST_CASE("the Indonesian voice is there; an unknown one is refused" * doctest::test_suite("speech"))
{
    SpeechSynth synth;
    CHECK(synth.hasVoice("id"));
    CHECK_FALSE(synth.hasVoice("zz-no-such-voice"));
    CHECK_FALSE(synth.hasVoice(""));
    SpeechAudio audio(synth.sampleRate());
    CHECK_THROWS_AS(synth.speak("Halo.", "zz-no-such-voice", 175, audio), SpeechError);
    CHECK(audio.size() == 0);
    // The voice is set again after a refused one.
    CHECK(synth.speak("Halo.", "id", 175, audio));
    CHECK(audio.size() > 0);
}

TEST_CASE("eSpeak is used by one SpeechSynth at a time" * doctest::test_suite("speech"))
{
    SpeechSynth first;
    CHECK_THROWS_AS(SpeechSynth(), SpeechError);
}

// eSpeak loads its data once per process, so this runs in a process of its own: ctest's
// audio_no_device entry, where nothing synthesises before it.
TEST_CASE("without eSpeak's data the synthesiser says what is missing" *
          doctest::test_suite("speech_no_data"))
{
    const char* drivers = std::getenv("ALSOFT_DRIVERS");
    if (drivers == nullptr || std::string(drivers) != "none-such") {
        MESSAGE("skipped: needs a process where eSpeak was not loaded yet (ctest's audio_no_device entry)");
        return;
    }
    kiosk::test::TempDir empty;
    std::string what;
    try {
        SpeechSynth synth(empty.path());
        FAIL("eSpeak started without its data");
    } catch (const SpeechError& e) {
        what = e.what();
    }
    MESSAGE(what);
    CHECK(what.find(empty.path().string()) != std::string::npos);
    CHECK(what.find("espeak-ng-data") != std::string::npos);
    CHECK_THROWS_AS(SpeechSynth(empty.path() / "not-there"), SpeechError);
}

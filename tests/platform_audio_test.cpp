// AudioPlayer and the device probe, through OpenAL's wave writer (ctest's audio entry) and with no
// sound device at all (ctest's audio_no_device entry).
#include "platform/audio.hpp"
#include "platform/speech_synth.hpp"

#include "test_support.hpp"

#include <SFML/Audio/SoundBuffer.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using kiosk::SpeechAudio;
using kiosk::platform::AudioPlayer;
using kiosk::platform::probeAudioDevice;
using kiosk::platform::SpeechSynth;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

bool driversAre(const std::string& drivers)
{
    const char* env = std::getenv("ALSOFT_DRIVERS");
    return env != nullptr && drivers == env;
}

// The wave file OpenAL writes in ctest's audio entry, or "" when not run that way.
std::filesystem::path waveFile()
{
    const char* file = std::getenv("KIOSK_TEST_WAV");
    return driversAre("wave") && file != nullptr ? std::filesystem::path(file) : std::filesystem::path();
}

std::size_t threadCount()
{
    const std::filesystem::directory_iterator tasks("/proc/self/task");
    return static_cast<std::size_t>(std::distance(begin(tasks), end(tasks)));
}

// Waits until `done` holds, up to `limit`; whether it did.
template <typename Done> bool waitUntil(Done done, std::chrono::milliseconds limit)
{
    const auto until = Clock::now() + limit;
    while (!done()) {
        if (Clock::now() > until)
            return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

std::shared_ptr<SpeechAudio> synthesize(const std::string& text)
{
    SpeechSynth synth;
    auto audio = std::make_shared<SpeechAudio>(synth.sampleRate());
    REQUIRE(synth.speak(text, "id", 175, *audio));
    audio->finish();
    return audio;
}

std::vector<std::int16_t> samplesOf(const SpeechAudio& audio)
{
    std::vector<std::int16_t> samples(audio.size());
    REQUIRE(audio.read(0, samples.data(), samples.size()) == samples.size());
    return samples;
}

// Whether the file has a byte other than zero after its first `skip` bytes.
bool hasSound(const std::filesystem::path& file, std::size_t skip)
{
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return bytes.size() > skip && std::any_of(bytes.begin() + static_cast<std::ptrdiff_t>(skip), bytes.end(),
                                              [](char c) { return c != 0; });
}

std::uintmax_t sizeOf(const std::filesystem::path& file)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    return ec ? 0 : size;
}

// The level of each frame of the wave file OpenAL wrote (its loudest channel, full scale 1), and its
// rate; none when it is not a wave file of the kinds OpenAL's writer makes (16-bit or float PCM).
struct Levels {
    std::vector<float> frames;
    unsigned rate = 0;
};

Levels waveLevels(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto u16 = [&](std::size_t at) {
        return unsigned(std::uint8_t(bytes[at])) | unsigned(std::uint8_t(bytes[at + 1])) << 8;
    };
    const auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    Levels levels;
    if (bytes.size() < 12 || bytes.compare(0, 4, "RIFF") != 0 || bytes.compare(8, 4, "WAVE") != 0)
        return levels;
    unsigned format = 0, channels = 0, bits = 0;
    for (std::size_t at = 12; at + 8 <= bytes.size();) {
        const std::string id = bytes.substr(at, 4);
        std::size_t size = u32(at + 4);
        at += 8;
        if (id == "fmt " && at + 16 <= bytes.size()) {
            format = u16(at);
            channels = u16(at + 2);
            levels.rate = u32(at + 4);
            bits = u16(at + 14);
            if (format == 0xFFFE && at + 26 <= bytes.size())
                format = u16(at + 24); // WAVE_FORMAT_EXTENSIBLE: the sub-format's first two bytes
        } else if (id == "data") {
            if (size == 0 || at + size > bytes.size())
                size = bytes.size() - at; // still being written
            const std::size_t frameBytes = channels * bits / 8;
            if (frameBytes == 0 || !((format == 1 && bits == 16) || (format == 3 && bits == 32)))
                return {};
            for (std::size_t frame = at; frame + frameBytes <= at + size; frame += frameBytes) {
                float level = 0;
                for (unsigned c = 0; c < channels; ++c) {
                    const std::size_t p = frame + c * bits / 8;
                    float v = 0;
                    if (bits == 16)
                        v = float(std::int16_t(u16(p))) / 32768.0f;
                    else
                        std::memcpy(&v, bytes.data() + p, sizeof v);
                    level = std::max(level, std::abs(v));
                }
                levels.frames.push_back(level);
            }
            return levels;
        }
        at += size + (size & 1);
    }
    return {};
}

Levels levelsOf(const std::vector<std::int16_t>& samples, unsigned rate)
{
    Levels levels{{}, rate};
    for (const std::int16_t s : samples)
        levels.frames.push_back(std::abs(float(s)) / 32768.0f);
    return levels;
}

// Seconds of frames louder than `fraction` of the loudest one.
double loudSeconds(const Levels& levels, float fraction)
{
    if (levels.rate == 0 || levels.frames.empty())
        return 0;
    const float peak = *std::max_element(levels.frames.begin(), levels.frames.end());
    const auto loud = std::count_if(levels.frames.begin(), levels.frames.end(),
                                    [&](float level) { return level > peak * fraction; });
    return double(loud) / levels.rate;
}

double ms(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

} // namespace

TEST_CASE("the wave device is found" * doctest::test_suite("audio_wave"))
{
    if (waveFile().empty()) {
        MESSAGE("skipped: needs OpenAL's wave writer (ctest's audio entry)");
        return;
    }
    std::string why = "not cleared";
    CHECK(probeAudioDevice(why));
    CHECK(why.empty());
}

TEST_CASE("a reading plays, its position follows the clock, and stop is quick" *
          doctest::test_suite("audio_wave"))
{
    const auto wav = waveFile();
    if (wav.empty()) {
        MESSAGE("skipped: needs OpenAL's wave writer (ctest's audio entry)");
        return;
    }
    const auto audio = synthesize("Paspor dibuat di kantor imigrasi, bukan lewat calo. Jangan percaya calo.");
    const double rate = audio->sampleRate();
    const std::size_t idleThreads = threadCount();
    AudioPlayer player;
    CHECK_FALSE(player.playing());
    CHECK_FALSE(player.firstSound());

    const auto start = Clock::now();
    player.play(audio, 80);
    const double playMs = ms(Clock::now() - start);
    CHECK(player.playing());
    REQUIRE(waitUntil([&] { return player.firstSound().has_value(); }, 1000ms));
    const double latency = ms(*player.firstSound() - start);
    CHECK(latency < 300);
    const std::size_t playingThreads = threadCount();
    CHECK(playingThreads > idleThreads);

    std::this_thread::sleep_for(200ms);
    const auto sizeBefore = sizeOf(wav);
    const std::size_t p1 = player.position();
    const auto t1 = Clock::now();
    std::this_thread::sleep_for(300ms);
    const std::size_t p2 = player.position();
    const double real = std::chrono::duration<double>(Clock::now() - t1).count();
    CHECK(player.playing());
    REQUIRE(p2 > p1);
    const double heard = double(p2 - p1) / rate;
    CHECK(heard > real * 0.5);
    CHECK(heard < real * 1.5);
    CHECK(p2 < audio->size());
    player.setVolume(100);
    CHECK(waitUntil([&] { return sizeOf(wav) > sizeBefore; }, 500ms));
    CHECK(hasSound(wav, 100));

    // A new reading replaces the one playing, from its start, on the device already open.
    const auto replay = Clock::now();
    player.play(audio, 80);
    const double replayMs = ms(Clock::now() - replay);
    CHECK(player.playing());
    CHECK(player.position() < p1);
    REQUIRE(waitUntil([&] { return player.firstSound().has_value(); }, 1000ms));
    CHECK(*player.firstSound() >= replay);
    std::this_thread::sleep_for(100ms);

    const auto stopping = Clock::now();
    player.stop();
    const double stopMs = ms(Clock::now() - stopping);
    CHECK_FALSE(player.playing());
    CHECK(stopMs < 150);
    CHECK(player.position() > 0);
    // Nothing plays: SFML closed the device, OpenAL's mixer thread ended.
    CHECK(waitUntil([&] { return threadCount() <= idleThreads; }, 1000ms));
    MESSAGE("play() " << playMs << " ms (again while playing " << replayMs << " ms), first sound " << latency
                      << " ms after play(), stop() " << stopMs << " ms; threads idle " << idleThreads
                      << ", playing " << playingThreads << ", after stop " << threadCount());
}

TEST_CASE("a reading plays while it is still being synthesised, to its end" *
          doctest::test_suite("audio_wave"))
{
    if (waveFile().empty()) {
        MESSAGE("skipped: needs OpenAL's wave writer (ctest's audio entry)");
        return;
    }
    const auto source = synthesize("Kenali tanda perdagangan orang.");
    const std::vector<std::int16_t> samples = samplesOf(*source);
    const double seconds = double(samples.size()) / source->sampleRate();
    auto live = std::make_shared<SpeechAudio>(source->sampleRate());

    AudioPlayer player;
    const auto start = Clock::now();
    player.play(live, 100);
    CHECK(player.playing()); // waits for the synthesiser
    // The synthesiser: nothing for 150 ms, then 50 ms of audio every 25 ms, with one stall of 300 ms.
    std::thread producer([&] {
        std::this_thread::sleep_for(150ms);
        const std::size_t step = live->sampleRate() / 20;
        for (std::size_t at = 0; at < samples.size(); at += step) {
            if (at / step == 10) {
                live->beginSentence();
                std::this_thread::sleep_for(300ms);
            }
            live->append(samples.data() + at, std::min(step, samples.size() - at));
            std::this_thread::sleep_for(25ms);
        }
        live->finish();
    });
    std::size_t highest = 0;
    bool ahead = false; // beyond what was synthesised
    double early = 0;   // how far the position ran ahead of the clock less the first 150 ms of waiting
    const bool ended = waitUntil(
        [&] {
            const std::size_t at = player.position();
            const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
            highest = std::max(highest, at);
            ahead = ahead || at > live->size();
            early = std::max(early, double(at) / live->sampleRate() - std::max(0.0, elapsed - 0.15));
            return !player.playing();
        },
        std::chrono::milliseconds(int(seconds * 1000) + 3000));
    producer.join();
    const double took = std::chrono::duration<double>(Clock::now() - start).count();
    CHECK(ended);
    CHECK_FALSE(ahead);
    // The silence played while waiting is not counted as reading.
    CHECK(early < 0.05);
    CHECK(player.position() == samples.size());
    CHECK(highest >= samples.size() * 8 / 10);
    REQUIRE(player.firstSound());
    // It was heard in real time, the waits for the synthesiser added.
    CHECK(took > seconds);
    CHECK(took < seconds + 0.45 + 1.5);
    // Nothing was played twice or left out: the wave file sounds as long as the synthesised audio.
    // OpenAL pans the mono voice to both channels a little softer, so levels are relative to the peak.
    const double heard = loudSeconds(waveLevels(waveFile()), 0.02f);
    const double made = loudSeconds(levelsOf(samples, source->sampleRate()), 0.02f);
    CHECK(heard == doctest::Approx(made).epsilon(0.05));
    MESSAGE(seconds << " s of speech arriving late played in " << took << " s; highest position seen "
                    << highest << " of " << samples.size() << "; position ahead of the clock by " << early
                    << " s; audible " << made << " s made, " << heard << " s heard");
}

TEST_CASE("a recorded narration plays from its file" * doctest::test_suite("audio_wave"))
{
    if (waveFile().empty()) {
        MESSAGE("skipped: needs OpenAL's wave writer (ctest's audio entry)");
        return;
    }
    kiosk::test::TempDir dir;
    const auto ogg = dir.path() / "narration.ogg";
    double seconds = 0;
    {
        const auto source = synthesize("Nomor penting.");
        const std::vector<std::int16_t> samples = samplesOf(*source);
        seconds = double(samples.size()) / source->sampleRate();
        sf::SoundBuffer buffer;
        REQUIRE(buffer.loadFromSamples(samples.data(), samples.size(), 1, source->sampleRate()));
        REQUIRE(buffer.saveToFile(ogg.string()));
    }
    AudioPlayer player;
    CHECK_FALSE(player.playFile(dir.path() / "missing.ogg", 100));
    CHECK_FALSE(player.playing());

    const auto start = Clock::now();
    REQUIRE(player.playFile(ogg, 100));
    CHECK(player.playing());
    REQUIRE(waitUntil([&] { return player.firstSound().has_value(); }, 1000ms));
    CHECK(ms(*player.firstSound() - start) < 300);
    CHECK(player.position() == 0);
    CHECK(
        waitUntil([&] { return !player.playing(); }, std::chrono::milliseconds(int(seconds * 1000) + 1500)));
    const double took = std::chrono::duration<double>(Clock::now() - start).count();
    CHECK(took > seconds * 0.8);
}

TEST_CASE("without a sound device the probe says why and nothing plays" *
          doctest::test_suite("audio_no_device"))
{
    if (!driversAre("none-such")) {
        MESSAGE("skipped: needs OpenAL without a device (ctest's audio_no_device entry)");
        return;
    }
    std::string why;
    CHECK_FALSE(probeAudioDevice(why));
    MESSAGE(why);
    CHECK_FALSE(why.empty());

    auto audio = std::make_shared<SpeechAudio>(22050);
    const std::vector<std::int16_t> tone(22050, 8000);
    audio->append(tone.data(), tone.size());
    audio->finish();
    const std::size_t idleThreads = threadCount();
    AudioPlayer player;
    player.play(audio, 100);
    CHECK_FALSE(player.playing());
    CHECK_FALSE(player.firstSound());
    CHECK(player.position() == 0);
    CHECK_FALSE(player.playFile(std::filesystem::path(KIOSK_SOURCE_DIR) / "no-such.ogg", 100));
    player.stop();
    CHECK_FALSE(player.playing());
    CHECK(threadCount() <= idleThreads);
}

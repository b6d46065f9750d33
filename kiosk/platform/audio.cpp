// Sound through SFML Audio (OpenAL Soft): a reading is a SoundStream fed from a SpeechAudio, a
// recording is an sf::Music; either lives only while it plays.
#include "platform/audio.hpp"

#include <SFML/Audio/Music.hpp>
#include <SFML/Audio/SoundStream.hpp>

#include <AL/al.h>
#include <AL/alc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace kiosk::platform {
namespace {

using Clock = std::chrono::steady_clock;

// A sample at least this loud (of 32767) counts as sound for firstSound().
constexpr int kAudible = 64;
// A reading is handed over in chunks of 50 ms. When the synthesiser is behind, the stream waits for
// it at most 20 ms per chunk (SFML's stop() joins the streaming thread, so it never waits long) and
// then fills the chunk up to 40 ms with silence. No chunk is shorter than that while the audio is
// not finished: SFML queues three, and if all three play out before it refills one, it restarts the
// source, which in OpenAL plays the queued chunks again: a stutter of speech, and with chunks of
// 5 ms a stream that replays its silence for ever (both seen here).
constexpr std::chrono::milliseconds kWaitForSynth{20};
constexpr unsigned kChunkDivisor = 20;    // 50 ms
constexpr unsigned kShortestDivisor = 25; // 40 ms

int clampVolume(int percent)
{
    return std::clamp(percent, 0, 100);
}

// The moment the first audible sample was handed over; written by SFML's streaming thread.
class FirstSound {
public:
    void note(const std::int16_t* samples, std::size_t count)
    {
        const std::lock_guard lock(m_mutex);
        if (m_when)
            return;
        if (std::any_of(samples, samples + count,
                        [](std::int16_t s) { return std::abs(int{s}) >= kAudible; }))
            m_when = Clock::now();
    }
    [[nodiscard]] std::optional<Clock::time_point> when() const
    {
        const std::lock_guard lock(m_mutex);
        return m_when;
    }

private:
    mutable std::mutex m_mutex;
    std::optional<Clock::time_point> m_when;
};

} // namespace

class AudioPlayer::Playback {
public:
    virtual ~Playback() = default;
    [[nodiscard]] virtual sf::SoundStream& stream() = 0;
    [[nodiscard]] virtual std::size_t position() const = 0;
    [[nodiscard]] virtual std::optional<Clock::time_point> firstSound() const = 0;
};

namespace {

// A reading: mono 16-bit at the audio's rate, handed to SFML in chunks as the synthesiser makes them.
class Reading final : public AudioPlayer::Playback, public sf::SoundStream {
public:
    explicit Reading(std::shared_ptr<const SpeechAudio> audio)
        : m_audio(std::move(audio)), m_chunk(std::max(2u, m_audio->sampleRate() / kChunkDivisor)),
          m_shortest(std::max(1u, m_audio->sampleRate() / kShortestDivisor))
    {
        m_buffer.resize(m_chunk);
        initialize(1, m_audio->sampleRate());
    }
    // SFML's streaming thread calls onGetData until it is joined: join it while this is whole.
    ~Reading() override { sf::SoundStream::stop(); }
    Reading(const Reading&) = delete;
    Reading& operator=(const Reading&) = delete;

    sf::SoundStream& stream() override { return *this; }

    // The stream's playing offset, less the silence handed over while the synthesiser was behind.
    // It never goes back: SFML resets the offset to 0 as its stream ends.
    std::size_t position() const override
    {
        const bool stopped = getStatus() == Stopped;
        const auto played = static_cast<std::size_t>(getPlayingOffset().asMicroseconds()) *
                            m_audio->sampleRate() / 1'000'000u;
        const std::lock_guard lock(m_mutex);
        if (stopped && m_ended)
            return m_shown = m_next;
        std::size_t silent = 0;
        for (const Gap& gap : m_gaps) {
            if (gap.streamStart >= played)
                break;
            silent += std::min(gap.length, played - gap.streamStart);
        }
        m_shown = std::max(m_shown, std::min(played - silent, m_next));
        return m_shown;
    }

    std::optional<Clock::time_point> firstSound() const override { return m_first.when(); }

private:
    // Silence handed to the device at a point of the stream.
    struct Gap {
        std::size_t streamStart = 0, length = 0;
    };

    bool onGetData(Chunk& data) override
    {
        std::size_t next = 0;
        {
            const std::lock_guard lock(m_mutex);
            next = m_next;
        }
        // Returns at once when the chunk is there or the audio is finished.
        (void)m_audio->waitFor(next + m_chunk, kWaitForSynth);
        const bool done = m_audio->finished(); // before reading: then nothing comes after the read
        const std::size_t got = m_audio->read(next, m_buffer.data(), m_chunk);
        const std::lock_guard lock(m_mutex);
        if (got == 0 && done) {
            m_ended = true;
            return false; // all read: SFML plays what it holds and stops
        }
        m_first.note(m_buffer.data(), got);
        m_next += got;
        m_streamed += got;
        std::size_t count = got;
        if (!done && got < m_shortest) {
            // The synthesiser is behind: silence keeps the stream going.
            const std::size_t silence = m_shortest - got;
            std::fill_n(m_buffer.begin() + static_cast<std::ptrdiff_t>(got), silence, std::int16_t{0});
            if (!m_gaps.empty() && m_gaps.back().streamStart + m_gaps.back().length == m_streamed)
                m_gaps.back().length += silence;
            else
                m_gaps.push_back({m_streamed, silence});
            m_streamed += silence;
            count = m_shortest;
        }
        data.samples = m_buffer.data();
        data.sampleCount = count;
        return true;
    }

    void onSeek(sf::Time offset) override
    {
        const auto sample = static_cast<std::size_t>(std::max<sf::Int64>(0, offset.asMicroseconds())) *
                            m_audio->sampleRate() / 1'000'000u;
        const std::lock_guard lock(m_mutex);
        m_next = std::min(sample, m_audio->size());
        m_streamed = m_next;
        m_shown = m_next;
        m_ended = false;
        m_gaps.clear();
    }

    std::shared_ptr<const SpeechAudio> m_audio;
    std::size_t m_chunk;                // samples handed over at most at once
    std::size_t m_shortest;             // and at least, until the audio is finished
    std::vector<std::int16_t> m_buffer; // SFML copies a chunk before asking for the next
    FirstSound m_first;
    mutable std::mutex m_mutex; // guards what follows, shared with the drawing thread
    std::size_t m_next = 0;     // the next sample of the audio to hand over
    std::size_t m_streamed = 0; // samples handed over, silence included
    std::vector<Gap> m_gaps;
    bool m_ended = false;            // the whole audio was handed over
    mutable std::size_t m_shown = 0; // what position() said last
};

// A recorded narration, streamed from its file.
class Recording final : public AudioPlayer::Playback, public sf::Music {
public:
    Recording() = default;
    ~Recording() override { sf::SoundStream::stop(); }
    Recording(const Recording&) = delete;
    Recording& operator=(const Recording&) = delete;

    sf::SoundStream& stream() override { return *this; }
    std::size_t position() const override { return 0; }
    std::optional<Clock::time_point> firstSound() const override { return m_first.when(); }

private:
    bool onGetData(Chunk& data) override
    {
        const bool more = sf::Music::onGetData(data);
        if (data.samples != nullptr && data.sampleCount > 0)
            m_first.note(data.samples, data.sampleCount);
        return more;
    }

    FirstSound m_first;
};

// Whether SFML got a sound device: its audio objects make their OpenAL context current on creation.
bool haveDevice()
{
    return alcGetCurrentContext() != nullptr;
}

struct DeviceCloser {
    void operator()(ALCdevice* device) const { alcCloseDevice(device); }
};

} // namespace

bool probeAudioDevice(std::string& why)
{
    const std::unique_ptr<ALCdevice, DeviceCloser> device(alcOpenDevice(nullptr));
    if (!device) {
        why = "no sound device: OpenAL cannot open its default output";
        return false;
    }
    why.clear();
    return true;
}

AudioPlayer::AudioPlayer() = default;

AudioPlayer::~AudioPlayer()
{
    stop();
}

void AudioPlayer::play(std::shared_ptr<const SpeechAudio> audio, int volumePercent)
{
    m_volume = clampVolume(volumePercent);
    if (!audio) {
        stop();
        return;
    }
    // The old stream stops first but goes only after the new one exists: SFML keeps its device open
    // while any audio object lives, so a new reading does not wait for the device to reopen.
    if (m_now)
        m_now->stream().stop();
    auto next = std::make_unique<Reading>(std::move(audio));
    m_now = std::move(next);
    m_endPosition = 0;
    m_lastFirstSound.reset();
    if (!haveDevice()) {
        m_now.reset();
        return;
    }
    m_now->stream().setVolume(static_cast<float>(m_volume));
    m_now->stream().play();
}

bool AudioPlayer::playFile(const std::filesystem::path& file, int volumePercent)
{
    m_volume = clampVolume(volumePercent);
    if (m_now)
        m_now->stream().stop();
    auto next = std::make_unique<Recording>();
    const bool opened = next->openFromFile(file.string());
    m_now = std::move(next);
    m_endPosition = 0;
    m_lastFirstSound.reset();
    if (!opened || !haveDevice()) {
        m_now.reset();
        return false;
    }
    m_now->stream().setVolume(static_cast<float>(m_volume));
    m_now->stream().play();
    return true;
}

void AudioPlayer::stop()
{
    if (!m_now)
        return;
    const std::size_t at = m_now->position(); // SFML's stop() rewinds
    m_now->stream().stop();
    release();
    m_endPosition = at;
}

void AudioPlayer::setVolume(int percent)
{
    m_volume = clampVolume(percent);
    if (m_now)
        m_now->stream().setVolume(static_cast<float>(m_volume));
}

bool AudioPlayer::playing()
{
    if (!m_now)
        return false;
    if (m_now->stream().getStatus() != sf::SoundSource::Stopped)
        return true;
    release();
    return false;
}

std::size_t AudioPlayer::position() const
{
    return m_now ? m_now->position() : m_endPosition;
}

std::optional<std::chrono::steady_clock::time_point> AudioPlayer::firstSound() const
{
    return m_now ? m_now->firstSound() : m_lastFirstSound;
}

void AudioPlayer::release()
{
    m_lastFirstSound = m_now->firstSound();
    m_endPosition = m_now->position();
    m_now.reset();
}

} // namespace kiosk::platform

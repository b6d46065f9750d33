// The kiosk's voice: eSpeak NG synthesis on a thread of its own, cached per screen, language and
// speed; played through SFML as it is being made, so sound starts after the first sentence; a
// recorded narration (media/audio/<lang>/<page>.ogg) played instead where the office made one.
#pragma once

#include "core/settings.hpp"
#include "core/speech.hpp"
#include "platform/audio.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

namespace kiosk {

// The voice as the shell's effects reach it (VoiceService below; tests record what it was asked).
class Voice {
public:
    virtual ~Voice() = default;
    [[nodiscard]] virtual bool available() const = 0;
    // Reads `script` (a recording replaces it when there is one); stops whatever was read before.
    virtual void say(Script script) = 0;
    virtual void stop() = 0;
    // Call once per frame from the thread that draws; finished readings end here.
    [[nodiscard]] virtual VoiceView view() = 0;
    // Volume 0..100 and eSpeak's words per minute.
    virtual void setVolume(int percent) = 0;
    virtual void setRate(int wordsPerMinute) = 0;
};

namespace platform {
class SpeechSynth;
}

struct VoiceOptions {
    std::filesystem::path mediaDir; // recordings under audio/<lang>/<page-id>.ogg
    // Synthesised audio kept for the next tap: about 4 minutes of speech (22,050 16-bit samples a
    // second). Synthesis is quick, so the cache saves little time; it is kept small for memory.
    std::size_t cacheBytes = 12u << 20;
    int volume = 80;
    int rate = KioskSettings::kRateDefault;
};

class VoiceService final : public Voice {
public:
    // Nothing starts until start(): no thread, no sound device. `log` must outlive the service.
    VoiceService(VoiceOptions options, std::ostream& log);
    ~VoiceService() override;
    VoiceService(const VoiceService&) = delete;
    VoiceService& operator=(const VoiceService&) = delete;

    // Starts the voice's thread, which first checks for a sound device and the Indonesian voice
    // (call once the first picture is up). Until that check answers yes, available() is false.
    void start();
    // Waits for the check (tests and the benchmark).
    void waitUntilChecked();

    [[nodiscard]] bool available() const override { return m_available.load(); }
    void say(Script script) override;
    void stop() override;
    [[nodiscard]] VoiceView view() override;
    void setVolume(int percent) override;
    void setRate(int wordsPerMinute) override;

    // When the first sound of the reading now under way went to the device (none before, or when
    // nothing is being read).
    [[nodiscard]] std::optional<std::chrono::steady_clock::time_point> firstSound() const;
    // Whether the last say() found its audio in the cache (the benchmark's "cached" figure).
    [[nodiscard]] bool lastWasCached() const { return m_lastCached; }
    // Synthesised audio held in the cache, in bytes.
    [[nodiscard]] std::size_t cachedBytes() const;

private:
    struct Job {
        Script script;
        std::shared_ptr<SpeechAudio> audio; // to synthesise into (and play), or null
        std::filesystem::path recording;    // to play instead, or empty
        bool synthesise = false;            // the audio is new: make it (whether or not still wanted)
        int rate = 0;
        int volume = 0;
        std::uint64_t generation = 0; // play only if nothing else was asked for since
    };
    struct Cached {
        std::string key;
        std::shared_ptr<SpeechAudio> audio;
    };
    // What is being read; guarded by m_playerMutex.
    struct Reading {
        Script script;
        std::shared_ptr<SpeechAudio> audio;
        bool recording = false;
        bool started = false; // the worker has handed it to the player
    };

    void run();
    void play(const Job& job, platform::SpeechSynth* synth);
    void trimCache();
    [[nodiscard]] std::optional<std::filesystem::path> recordingFor(const Script& script) const;

    VoiceOptions m_options;
    std::ostream& m_log;
    std::list<Cached> m_cache; // most recently used first; the drawing thread's alone, as are the next
    bool m_lastCached = false;
    VoiceView m_lastView;

    // Opening the sound device takes tens of milliseconds: the worker starts each reading, so the
    // drawing thread never waits for it. It reads the player's state only when the lock is free.
    mutable std::mutex m_playerMutex;
    platform::AudioPlayer m_player;
    std::optional<Reading> m_reading;
    std::atomic<std::uint64_t> m_generation{0};

    std::atomic<bool> m_available{false};
    std::atomic<bool> m_checked{false};
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex; // guards the queue
    std::condition_variable m_wake;
    std::condition_variable m_checkedSignal;
    std::deque<Job> m_jobs;
    std::thread m_worker;
};

} // namespace kiosk

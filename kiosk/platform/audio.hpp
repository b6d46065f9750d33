// Sound out of the kiosk's speakers: readings while they are synthesised, and recorded narrations.
#pragma once

#include "core/speech.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace kiosk::platform {

// Whether the machine can play sound: opens the default OpenAL device and closes it again. false,
// with the reason in `why`, otherwise. Call it while nothing plays (a sound card may take one user).
[[nodiscard]] bool probeAudioDevice(std::string& why);

// Plays readings and recordings; use from one thread (the one that draws). While nothing plays it
// holds no SFML audio object, so SFML closes the sound device and its mixer thread ends.
class AudioPlayer {
public:
    AudioPlayer();
    ~AudioPlayer();
    AudioPlayer(const AudioPlayer&) = delete;
    AudioPlayer& operator=(const AudioPlayer&) = delete;

    // Plays `audio` from its start while a synthesiser may still be appending to it; stops what
    // played before. Without a sound device nothing plays (playing() stays false).
    void play(std::shared_ptr<const SpeechAudio> audio, int volumePercent);
    // Plays a recorded narration (an .ogg file, streamed); false if it cannot be opened or played.
    bool playFile(const std::filesystem::path& file, int volumePercent);
    void stop();
    void setVolume(int percent); // 0..100, also for what plays now

    // True while something sounds (or waits for the synthesiser); false once it finished or was
    // stopped. Releases the finished stream.
    [[nodiscard]] bool playing();
    // The sample of the reading being heard now, for the highlight (silence waited for the
    // synthesiser does not count); after the end, where it ended. 0 for a recording.
    [[nodiscard]] std::size_t position() const;
    // When the first non-silent sample of the current (or last) reading or recording was handed to
    // the sound device; none before that.
    [[nodiscard]] std::optional<std::chrono::steady_clock::time_point> firstSound() const;

    class Playback; // one reading or recording being played (audio.cpp)

private:
    void release();

    std::unique_ptr<Playback> m_now;
    int m_volume = 100;
    std::size_t m_endPosition = 0;
    std::optional<std::chrono::steady_clock::time_point> m_lastFirstSound;
};

} // namespace kiosk::platform

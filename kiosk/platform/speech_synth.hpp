// The voice that reads screens aloud: eSpeak NG turning UTF-8 text into the samples of a SpeechAudio.
#pragma once

#include "core/speech.hpp"

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace kiosk::platform {

class SpeechError : public std::runtime_error {
public:
    using runtime_error::runtime_error;
};

// eSpeak NG in synchronous mode. eSpeak keeps global state: one SpeechSynth per process (a second
// one while the first lives throws), used from the thread that made it.
class SpeechSynth {
public:
    // Loads eSpeak's data from `dataDir` (its espeak-ng-data folder's parent), or from where the
    // system keeps it when empty. Throws SpeechError saying what is missing when it cannot.
    explicit SpeechSynth(const std::filesystem::path& dataDir = {});
    ~SpeechSynth();
    SpeechSynth(const SpeechSynth&) = delete;
    SpeechSynth& operator=(const SpeechSynth&) = delete;

    [[nodiscard]] unsigned sampleRate() const; // 22050 with eSpeak NG's own voices
    // Whether eSpeak can read with `name` (a language code such as "id", or a voice name).
    // Selects that voice as a side effect.
    [[nodiscard]] bool hasVoice(std::string_view name);

    // Appends the audio of `text` (UTF-8) read by `voice` at `wordsPerMinute` (clamped to 80..450)
    // to `out`. Returns false if `cancel` became true meanwhile (what was made until then stays in
    // `out`). Throws SpeechError if the voice cannot be set or eSpeak fails.
    bool speak(std::string_view text, std::string_view voice, int wordsPerMinute, SpeechAudio& out,
               const std::atomic<bool>* cancel = nullptr);

private:
    unsigned m_sampleRate = 0;
};

} // namespace kiosk::platform

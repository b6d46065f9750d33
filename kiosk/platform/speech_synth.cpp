// eSpeak NG in synchronous mode: its callback appends each block of samples to the SpeechAudio
// named in the request's user data.
#include "platform/speech_synth.hpp"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <mutex>
#include <string>

namespace kiosk::platform {
namespace {

// eSpeak NG 1.51 cannot be started twice in one process: after espeak_ng_Terminate a second
// Initialize succeeds, but the second Terminate waits forever inside eSpeak's command queue (seen
// here). So eSpeak is loaded by the first SpeechSynth and stays until the process ends; a
// SpeechSynth made later reuses it. Its data stays reachable from eSpeak's globals.
struct Engine {
    std::mutex mutex;
    bool loaded = false;
    bool inUse = false;
    unsigned sampleRate = 0;
    std::string voice; // the voice last set, "" none
    int rate = 0;      // the rate last set
};

Engine& engine()
{
    static Engine e;
    return e;
}

std::string statusText(espeak_ng_STATUS status)
{
    char text[256] = {};
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    return text;
}

// What one espeak_Synth call writes to: passed through eSpeak as the request's user data.
struct Request {
    SpeechAudio* out;
    const std::atomic<bool>* cancel;
    bool cancelled = false;
};

int onSamples(short* wav, int count, espeak_EVENT* events)
{
    if (events == nullptr || events->user_data == nullptr)
        return 0;
    auto& request = *static_cast<Request*>(events->user_data);
    if (request.cancel != nullptr && request.cancel->load(std::memory_order_relaxed)) {
        request.cancelled = true;
        return 1; // eSpeak stops this text
    }
    if (wav != nullptr && count > 0)
        request.out->append(wav, static_cast<std::size_t>(count));
    return 0;
}

} // namespace

SpeechSynth::SpeechSynth(const std::filesystem::path& dataDir)
{
    Engine& e = engine();
    const std::lock_guard lock(e.mutex);
    if (e.inUse)
        throw SpeechError("eSpeak NG is already in use by another SpeechSynth in this process");
    if (!e.loaded) {
        if (!dataDir.empty() && !std::filesystem::is_directory(dataDir))
            throw SpeechError("eSpeak NG's data folder " + dataDir.string() + " does not exist");
        const std::string dir = dataDir.string();
        espeak_ng_InitializePath(dir.empty() ? nullptr : dir.c_str());
        espeak_ng_ERROR_CONTEXT context = nullptr;
        const espeak_ng_STATUS status = espeak_ng_Initialize(&context);
        espeak_ng_ClearErrorContext(&context);
        if (status != ENS_OK) {
            const char* path = nullptr;
            espeak_Info(&path);
            throw SpeechError("eSpeak NG cannot load its data from " + std::string(path ? path : "?") + " (" +
                              statusText(status) + "); install the package espeak-ng-data");
        }
        if (const espeak_ng_STATUS out = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
            out != ENS_OK)
            throw SpeechError("eSpeak NG cannot prepare its output: " + statusText(out));
        espeak_SetSynthCallback(onSamples);
        e.sampleRate = static_cast<unsigned>(espeak_ng_GetSampleRate());
        e.loaded = true;
    }
    e.inUse = true;
    m_sampleRate = e.sampleRate;
}

SpeechSynth::~SpeechSynth()
{
    Engine& e = engine();
    const std::lock_guard lock(e.mutex);
    e.inUse = false;
}

unsigned SpeechSynth::sampleRate() const
{
    return m_sampleRate;
}

bool SpeechSynth::hasVoice(std::string_view name)
{
    Engine& e = engine();
    const std::string wanted(name);
    if (wanted.empty())
        return false;
    if (wanted == e.voice)
        return true;
    if (espeak_ng_SetVoiceByName(wanted.c_str()) != ENS_OK) {
        e.voice.clear(); // which voice eSpeak kept is not said: set it again next time
        return false;
    }
    e.voice = wanted;
    e.rate = 0; // a voice brings its own rate
    return true;
}

bool SpeechSynth::speak(std::string_view text, std::string_view voice, int wordsPerMinute, SpeechAudio& out,
                        const std::atomic<bool>* cancel)
{
    if (!hasVoice(voice))
        throw SpeechError("eSpeak NG has no voice \"" + std::string(voice) + "\"");
    Engine& e = engine();
    const int rate = std::clamp(wordsPerMinute, espeakRATE_MINIMUM, espeakRATE_MAXIMUM);
    if (rate != e.rate) {
        if (const espeak_ng_STATUS status = espeak_ng_SetParameter(espeakRATE, rate, 0); status != ENS_OK)
            throw SpeechError("eSpeak NG cannot set the rate: " + statusText(status));
        e.rate = rate;
    }
    if (cancel != nullptr && cancel->load())
        return false;
    const std::string copy(text); // eSpeak reads up to the terminating zero
    Request request{&out, cancel};
    const espeak_ERROR status =
        espeak_Synth(copy.c_str(), copy.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &request);
    espeak_ng_Synchronize();
    if (request.cancelled)
        return false;
    if (status != EE_OK)
        throw SpeechError("eSpeak NG could not read a text (error " + std::to_string(status) + ")");
    return true;
}

} // namespace kiosk::platform

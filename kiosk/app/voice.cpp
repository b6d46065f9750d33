// The voice: a worker thread that owns eSpeak NG, a cache of what it made, and the player.
#include "app/voice.hpp"

#include "platform/speech_synth.hpp"

#include <algorithm>

namespace kiosk {
namespace {

// eSpeak NG's output rate for every voice it ships.
constexpr unsigned kSynthRate = 22050;

std::string_view espeakVoice(Lang lang)
{
    switch (lang) {
    case Lang::En: return "en";
    case Lang::Id:
    case Lang::Jv: return "id";
    }
    return "id";
}

} // namespace

VoiceService::VoiceService(VoiceOptions options, std::ostream& log) : m_options(std::move(options)), m_log(log)
{
}

VoiceService::~VoiceService()
{
    m_player.stop();
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_worker.joinable())
        m_worker.join();
}

void VoiceService::start()
{
    if (!m_worker.joinable())
        m_worker = std::thread([this] { run(); });
}

void VoiceService::waitUntilChecked()
{
    std::unique_lock lock(m_mutex);
    m_checkedSignal.wait(lock, [&] { return m_checked.load(); });
}

void VoiceService::run()
{
    // The check: a sound device to play on. eSpeak NG itself loads with the first reading (it
    // holds a few MiB, and cannot be unloaded and loaded again in one process); should it fail
    // then, the Listen buttons go.
    std::string why;
    const bool ok = platform::probeAudioDevice(why);
    if (!ok)
        m_log << "kiosk: reading aloud is off: " << why << "; the Listen buttons are hidden\n";
    m_available = ok;
    {
        const std::lock_guard lock(m_mutex);
        m_checked = true;
    }
    m_checkedSignal.notify_all();
    if (!ok)
        return;

    std::unique_ptr<platform::SpeechSynth> synth;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop.load() || !m_jobs.empty(); });
            if (m_stop)
                break;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        try {
            if (!synth) {
                try {
                    synth = std::make_unique<platform::SpeechSynth>();
                    if (!synth->hasVoice(espeakVoice(Lang::Id)))
                        throw platform::SpeechError("eSpeak NG has no Indonesian voice (package espeak-ng-data)");
                } catch (const std::exception& e) {
                    m_log << "kiosk: reading aloud is off: " << e.what() << "; the Listen buttons are hidden\n";
                    m_available = false;
                    job.audio->fail();
                    synth.reset();
                    break; // nothing will be read: the queue is failed below
                }
            }
            if (synth->sampleRate() != job.audio->sampleRate())
                throw platform::SpeechError("eSpeak NG speaks at " + std::to_string(synth->sampleRate()) + " Hz");
            for (const Sentence& sentence : job.script.sentences) {
                job.audio->beginSentence();
                if (!synth->speak(sentence.say, espeakVoice(job.script.voice), job.rate, *job.audio, &m_stop))
                    break;
            }
            job.audio->finish();
        } catch (const std::exception& e) {
            m_log << "kiosk: reading '" << job.script.key << "' aloud failed: " << e.what() << "\n";
            job.audio->fail();
        }
    }
    {
        // Whatever is still queued will not be read: players waiting on it stop waiting.
        const std::lock_guard lock(m_mutex);
        for (Job& job : m_jobs)
            job.audio->fail();
        m_jobs.clear();
    }
}

std::optional<std::filesystem::path> VoiceService::recordingFor(const Script& script) const
{
    if (script.page.empty() || m_options.mediaDir.empty())
        return std::nullopt;
    for (const Lang lang : {script.shown, script.voice}) {
        const auto file = m_options.mediaDir / "audio" / langCode(lang) / (script.page + ".ogg");
        std::error_code ec;
        if (std::filesystem::is_regular_file(file, ec))
            return file;
    }
    return std::nullopt;
}

void VoiceService::say(Script script)
{
    stop();
    if (!available() || script.sentences.empty())
        return;
    if (const auto file = recordingFor(script)) {
        if (m_player.playFile(*file, m_options.volume)) {
            m_recording = true;
            m_script = std::move(script);
            return;
        }
        m_log << "kiosk: the recording " << file->string() << " cannot be played; reading it instead\n";
    }
    const std::string key = script.key + "|" + std::string(langCode(script.voice)) + "|" + std::to_string(m_options.rate);
    const auto hit = std::find_if(m_cache.begin(), m_cache.end(), [&](const Cached& c) { return c.key == key; });
    m_lastCached = hit != m_cache.end() && !hit->audio->failed();
    if (m_lastCached) {
        m_cache.splice(m_cache.begin(), m_cache, hit); // most recently used
        m_audio = hit->audio;
    } else {
        if (hit != m_cache.end())
            m_cache.erase(hit);
        m_audio = std::make_shared<SpeechAudio>(kSynthRate);
        m_cache.push_front({key, m_audio});
        {
            const std::lock_guard lock(m_mutex);
            m_jobs.push_back({script, m_audio, m_options.rate});
        }
        m_wake.notify_one();
        trimCache();
    }
    m_player.play(m_audio, m_options.volume);
    m_recording = false;
    m_script = std::move(script);
}

void VoiceService::stop()
{
    m_player.stop();
    m_script.reset();
    m_audio.reset();
    m_recording = false;
}

VoiceView VoiceService::view()
{
    VoiceView v;
    v.available = available();
    if (!m_script)
        return v;
    if (!m_player.playing()) { // finished (or the synthesis failed): the reading is over
        stop();
        return v;
    }
    v.reading = m_script->key;
    v.preparing = !m_player.firstSound().has_value();
    if (!m_recording && m_audio && m_script->highlights() && !v.preparing) {
        const std::size_t i = m_audio->sentenceAt(m_player.position());
        if (i < m_script->sentences.size())
            v.spot = m_script->sentences[i].spot;
    }
    return v;
}

void VoiceService::setVolume(int percent)
{
    m_options.volume = std::clamp(percent, 0, 100);
    m_player.setVolume(m_options.volume);
}

void VoiceService::setRate(int wordsPerMinute)
{
    m_options.rate = wordsPerMinute; // the next reading; the cache keeps readings per speed
}

std::optional<std::chrono::steady_clock::time_point> VoiceService::firstSound() const
{
    return m_player.firstSound();
}

std::size_t VoiceService::cachedBytes() const
{
    std::size_t total = 0;
    for (const Cached& c : m_cache)
        total += c.audio->bytes();
    return total;
}

void VoiceService::trimCache()
{
    // The least recently used readings go first; the one being made or read stays.
    std::size_t total = cachedBytes();
    while (total > m_options.cacheBytes && m_cache.size() > 1) {
        total -= m_cache.back().audio->bytes();
        m_cache.pop_back();
    }
}

} // namespace kiosk

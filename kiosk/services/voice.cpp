// The voice: a worker thread that owns eSpeak NG, a cache of what it made, and the player.
#include "services/voice.hpp"

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

VoiceService::VoiceService(VoiceOptions options, std::ostream& log)
    : m_options(std::move(options)), m_log(log)
{
}

VoiceService::~VoiceService()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_worker.joinable())
        m_worker.join();
    const std::lock_guard lock(m_playerMutex);
    m_player.stop();
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
    bool broken = false; // eSpeak NG could not start: nothing more will be synthesised
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
        if (!synth && !broken && (job.synthesise || !job.recording.empty())) {
            try {
                synth = std::make_unique<platform::SpeechSynth>();
                if (!synth->hasVoice(espeakVoice(Lang::Id)))
                    throw platform::SpeechError("eSpeak NG has no Indonesian voice (package espeak-ng-data)");
            } catch (const std::exception& e) {
                m_log << "kiosk: reading aloud is off: " << e.what() << "; the Listen buttons are hidden\n";
                m_available = false;
                broken = true;
                synth.reset();
            }
        }
        play(job, broken ? nullptr : synth.get());
    }
    const std::lock_guard lock(m_mutex);
    for (Job& job : m_jobs) // not read: whoever waits on them stops waiting
        if (job.audio)
            job.audio->fail();
    m_jobs.clear();
}

void VoiceService::play(const Job& job, platform::SpeechSynth* synth)
{
    std::shared_ptr<SpeechAudio> audio = job.audio;
    bool synthesise = job.synthesise;
    {
        const std::lock_guard lock(m_playerMutex);
        if (job.generation == m_generation && m_reading) {
            if (!job.recording.empty()) {
                if (m_player.playFile(job.recording, job.volume)) {
                    m_reading->started = true;
                } else {
                    // A recording that does not play (damaged, another format): the voice reads.
                    m_log << "kiosk: the recording " << job.recording.string()
                          << " cannot be played; reading it instead\n";
                    audio = std::make_shared<SpeechAudio>(kSynthRate);
                    synthesise = true;
                    m_reading->recording = false;
                    m_reading->audio = audio;
                }
            }
            if (audio) {
                m_player.play(audio, job.volume);
                m_reading->started = true;
            }
        }
    }
    if (!synthesise || !audio)
        return;
    try {
        if (!synth)
            throw platform::SpeechError("eSpeak NG is not available");
        if (synth->sampleRate() != audio->sampleRate())
            throw platform::SpeechError("eSpeak NG speaks at " + std::to_string(synth->sampleRate()) + " Hz");
        // Made to the end even if no longer listened to: the cache keeps it for the next tap.
        for (const Sentence& sentence : job.script.sentences) {
            audio->beginSentence();
            if (!synth->speak(sentence.say, espeakVoice(job.script.voice), job.rate, *audio, &m_stop))
                break;
        }
        audio->finish();
    } catch (const std::exception& e) {
        m_log << "kiosk: reading '" << job.script.key << "' aloud failed: " << e.what() << "\n";
        audio->fail();
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
    Job job;
    job.rate = m_options.rate;
    job.volume = m_options.volume;
    if (const auto file = recordingFor(script)) {
        job.recording = *file;
    } else {
        const std::string key =
            script.key + "|" + std::string(langCode(script.voice)) + "|" + std::to_string(m_options.rate);
        const auto hit =
            std::find_if(m_cache.begin(), m_cache.end(), [&](const Cached& c) { return c.key == key; });
        m_lastCached = hit != m_cache.end() && !hit->audio->failed();
        if (m_lastCached) {
            m_cache.splice(m_cache.begin(), m_cache, hit); // most recently used
            job.audio = hit->audio;
        } else {
            if (hit != m_cache.end())
                m_cache.erase(hit);
            trimCache();
            job.audio = std::make_shared<SpeechAudio>(kSynthRate);
            job.synthesise = true;
            m_cache.push_front({key, job.audio});
        }
    }
    job.generation = ++m_generation;
    job.script = script;
    // Until the worker has started it (and whenever it holds the player), this is what shows.
    m_lastView = VoiceView{available(), script.key, true, {}};
    {
        const std::lock_guard lock(m_playerMutex);
        m_reading = Reading{std::move(script), job.audio, !job.recording.empty(), false};
    }
    {
        const std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void VoiceService::stop()
{
    ++m_generation; // a reading the worker has not started yet never starts
    const std::lock_guard lock(m_playerMutex);
    m_player.stop();
    m_reading.reset();
    m_lastView = VoiceView{available(), {}, false, {}};
}

VoiceView VoiceService::view()
{
    // While the worker opens the sound device, the last answer stands.
    const std::unique_lock lock(m_playerMutex, std::try_to_lock);
    if (!lock.owns_lock())
        return m_lastView;
    VoiceView v;
    v.available = available();
    if (m_reading) {
        if (m_reading->started && !m_player.playing()) {
            m_reading.reset(); // finished (or the synthesis failed): the reading is over
        } else {
            v.reading = m_reading->script.key;
            v.preparing = !m_reading->started || !m_player.firstSound().has_value();
            if (!v.preparing && !m_reading->recording && m_reading->audio && m_reading->script.highlights()) {
                const std::size_t i = m_reading->audio->sentenceAt(m_player.position());
                if (i < m_reading->script.sentences.size())
                    v.spot = m_reading->script.sentences[i].spot;
            }
        }
    }
    m_lastView = v;
    return v;
}

void VoiceService::setVolume(int percent)
{
    m_options.volume = std::clamp(percent, 0, 100);
    const std::lock_guard lock(m_playerMutex);
    m_player.setVolume(m_options.volume);
}

void VoiceService::setRate(int wordsPerMinute)
{
    m_options.rate = wordsPerMinute; // the next reading; the cache keeps readings per speed
}

std::optional<std::chrono::steady_clock::time_point> VoiceService::firstSound() const
{
    const std::lock_guard lock(m_playerMutex);
    if (!m_reading || !m_reading->started) // the player still knows the reading before
        return std::nullopt;
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
    // The least recently used readings go first, to make room for the next.
    std::size_t total = cachedBytes();
    while (total > m_options.cacheBytes && !m_cache.empty()) {
        total -= m_cache.back().audio->bytes();
        m_cache.pop_back();
    }
}

} // namespace kiosk

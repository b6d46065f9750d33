// The voice's figure, as a JSON line for scripts/bench.sh: from a Listen tap (VoiceService::say, as
// the shell calls it on the tap's frame) to the first non-silent sample handed to the sound device,
// for every shipped page in Indonesian and English: cold (not yet synthesised; the very first also
// loads eSpeak NG) and cached (the second tap on the same page).
//   voice_bench --data DIR
// Needs a sound device: scripts/bench.sh points OpenAL at its file-writing driver.
#include "core/config.hpp"
#include "core/content.hpp"
#include "core/speech.hpp"
#include "services/voice.hpp"

#include "bench_support.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <thread>
#include <vector>

using namespace kiosk;
using namespace kiosk::bench;
using Steady = std::chrono::steady_clock;

namespace {

// How long say() kept the calling (drawing) thread: opening the sound device is most of it.
std::vector<double> g_sayMs;

// Taps Listen for `script` and waits for its first sound; the milliseconds it took, or nothing.
std::optional<double> tapToSound(VoiceService& voice, const Script& script)
{
    voice.stop();
    // Let the reading before end and the device close, as between two residents' taps.
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto t0 = Steady::now();
    voice.say(script);
    g_sayMs.push_back(msSince(t0));
    while (Steady::now() - t0 < std::chrono::seconds(5)) {
        (void)voice.view();
        if (const auto first = voice.firstSound())
            return std::chrono::duration<double, std::milli>(*first - t0).count();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char** argv)
{
    std::filesystem::path data;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--data") == 0)
            data = argv[i + 1];
    if (data.empty()) {
        std::fprintf(stderr, "usage: voice_bench --data DIR\n");
        return 2;
    }
    Problems problems;
    const Config config = Config::load(data / "kiosk.toml", problems);
    const ContentLoad load = loadContent(data, data.parent_path() / "media", config.contacts);
    if (!load.ok()) {
        std::fprintf(stderr, "voice_bench: the content in %s has errors\n", data.c_str());
        return 1;
    }
    VoiceService voice(VoiceOptions{}, std::cerr);
    voice.start();
    voice.waitUntilChecked();
    if (!voice.available()) {
        std::printf("{\"figure\": \"tap_to_first_audio_ms\", \"skipped\": \"no sound device\"}\n");
        return 1;
    }
    std::vector<Script> scripts;
    for (const auto& [id, pages] : load.content.pages)
        for (const Lang lang : {Lang::Id, Lang::En})
            if (const Page* page = load.content.page(id, lang))
                scripts.push_back(pageScript(*page, lang, lang, config.contacts));
    std::vector<double> cold, cached;
    double first = -1;
    for (const Script& s : scripts) {
        const auto ms = tapToSound(voice, s);
        if (!ms || voice.lastWasCached()) {
            std::fprintf(stderr, "voice_bench: no sound for %s\n", s.key.c_str());
            return 1;
        }
        if (first < 0)
            first = *ms;
        else
            cold.push_back(*ms);
        const auto again = tapToSound(voice, s);
        if (!again || !voice.lastWasCached()) {
            std::fprintf(stderr, "voice_bench: %s was not found in the cache\n", s.key.c_str());
            return 1;
        }
        cached.push_back(*again);
    }
    voice.stop();
    if (cold.empty())
        cold.push_back(first);
    std::printf("{\"figure\": \"tap_to_first_audio_ms\", \"readings\": %zu, \"first_since_start\": %.1f, "
                "\"cold_median\": %.1f, \"cold_max\": %.1f, \"cached_median\": %.1f, \"cached_max\": %.1f, "
                "\"say_blocks_ui_median\": %.1f, \"say_blocks_ui_max\": %.1f, \"cache_mib\": %.1f, "
                "\"target\": 300}\n",
                scripts.size(), first, quantile(cold, 0.5), quantile(cold, 1.0), quantile(cached, 0.5),
                quantile(cached, 1.0), quantile(g_sayMs, 0.5), quantile(g_sayMs, 1.0),
                static_cast<double>(voice.cachedBytes()) / (1 << 20));
    return 0;
}

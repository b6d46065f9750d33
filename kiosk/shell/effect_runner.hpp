// Runs the reducer's effects on the services that own them, after the frame is drawn, and brings
// their answers back as intents: a saved request, a checked PIN, the desk's news, the voice's state.
// A service the kiosk runs without (the tour, a kiosk with no sound device) answers as a missing one
// would: a save or a PIN check fails calmly, a reading does nothing.
#pragma once

#include "core/effect.hpp"
#include "core/intent.hpp"

#include <cstdint>
#include <vector>

namespace kiosk {

class OfficerDesk;
class RequestSaver;
class UsageCounter;
class Voice;

// The services effects go to; each may be missing. All must outlive the runner.
struct Services {
    RequestSaver* saver = nullptr;
    OfficerDesk* desk = nullptr;
    UsageCounter* usage = nullptr;
    Voice* voice = nullptr;
};

class EffectRunner {
public:
    EffectRunner() = default;
    explicit EffectRunner(Services services) : m_services(services) {}

    void setServices(Services services) { m_services = services; }
    [[nodiscard]] const Services& services() const { return m_services; }

    // Hands one effect to its service; returns at once. Effects that belong to the shell itself
    // (Sleep) are the shell's to run, not the runner's.
    void run(const Effect& effect);
    // Every answer since the last call, as intents: answers of missing services first, then saves,
    // PIN answers, the desk's latest state when it changed, the voice's state when it changed.
    [[nodiscard]] std::vector<Intent> answers();
    // Whether a service has work under way whose answer the shell should look for soon.
    [[nodiscard]] bool waiting() const;

private:
    Services m_services;
    std::vector<Intent> m_missing; // answers standing in for a service the kiosk runs without
    std::uint64_t m_deskSeen = 0;  // the desk's change count last reported
    bool m_deskReported = false;
    VoiceView m_voiceSeen;
    bool m_voiceReported = false;
};

} // namespace kiosk

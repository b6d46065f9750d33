// Each effect to its service, each service's answer back as an intent.
#include "shell/effect_runner.hpp"

#include "core/speech.hpp"
#include "services/officer_desk.hpp"
#include "services/request_saver.hpp"
#include "services/voice.hpp"

#include <type_traits>
#include <utility>
#include <variant>

namespace kiosk {

void EffectRunner::run(const Effect& effect)
{
    const Services& s = m_services;
    std::visit(
        [&](const auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, effect::SaveRequest>) {
                if (s.saver)
                    s.saver->save(e.ticket, e.request);
                else
                    m_missing.emplace_back(intent::RequestNotSaved{e.ticket, SaveFailure::Unavailable});
            } else if constexpr (std::is_same_v<E, effect::CheckPin>) {
                if (s.desk)
                    s.desk->checkPin(e.attempt, e.pin, e.isNew);
                else // officer mode cannot open without its desk
                    m_missing.emplace_back(intent::PinChecked{{PinAnswer::Status::Failed, 0, 0, e.attempt}});
            } else if constexpr (std::is_same_v<E, effect::OpenDesk>) {
                if (s.desk)
                    s.desk->openDashboard();
            } else if constexpr (std::is_same_v<E, effect::CloseDesk>) {
                if (s.desk)
                    s.desk->close();
            } else if constexpr (std::is_same_v<E, effect::StartExport>) {
                if (s.desk)
                    s.desk->startExport({e.scope, e.again, e.plainAccepted});
            } else if constexpr (std::is_same_v<E, effect::ChangeSetting>) {
                if (s.desk)
                    s.desk->changeSetting(e.change);
            } else if constexpr (std::is_same_v<E, effect::ChangeContent>) {
                if (s.desk)
                    s.desk->changeContent(e.change);
            } else if constexpr (std::is_same_v<E, effect::TakeStatusPack>) {
                if (s.desk)
                    s.desk->takeStatusPack();
            } else if constexpr (std::is_same_v<E, effect::CountView>) {
                if (s.usage)
                    s.usage->countView(e.screen, e.lang);
            } else if constexpr (std::is_same_v<E, effect::ReadAloud>) {
                if (s.voice)
                    s.voice->say(e.script);
            } else if constexpr (std::is_same_v<E, effect::StopReading>) {
                if (s.voice)
                    s.voice->stop();
            } else {
                static_assert(std::is_same_v<E, effect::Sleep>, "an effect with no service");
            }
        },
        effect);
}

std::vector<Intent> EffectRunner::answers()
{
    std::vector<Intent> out = std::exchange(m_missing, {});
    const Services& s = m_services;
    if (s.saver)
        for (Intent& answer : s.saver->takeAnswers())
            out.push_back(std::move(answer));
    if (s.desk) {
        if (auto answer = s.desk->takePinAnswer())
            out.emplace_back(intent::PinChecked{*answer});
        if (const std::uint64_t changes = s.desk->changes(); changes != m_deskSeen || !m_deskReported) {
            m_deskSeen = changes;
            m_deskReported = true;
            out.emplace_back(intent::DeskChanged{s.desk->snapshot()});
        }
    }
    if (s.voice) {
        VoiceView view = s.voice->view();
        if (view != m_voiceSeen || !m_voiceReported) {
            m_voiceSeen = view;
            m_voiceReported = true;
            out.emplace_back(intent::VoiceChanged{std::move(view)});
        }
    }
    return out;
}

bool EffectRunner::waiting() const
{
    return !m_missing.empty() || (m_services.saver && m_services.saver->busy());
}

} // namespace kiosk

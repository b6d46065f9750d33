// What the reducer asks of the world after applying an intent: each effect is run by the shell after
// the frame is drawn, on the service that owns it, and a service's answer comes back as an intent.
#pragma once

#include "core/language.hpp"
#include "core/officer.hpp"
#include "core/request.hpp"
#include "core/settings.hpp"
#include "core/speech.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk {
namespace effect {

// Commit this request to disk; answered by RequestSaved or RequestNotSaved with the same ticket.
struct SaveRequest {
    std::uint64_t ticket;
    CallbackRequest request;
};
// Check this PIN (or store it, when new); answered by PinChecked with the same attempt.
struct CheckPin {
    std::uint64_t attempt;
    std::string pin;
    bool isNew = false;
};
struct OpenDesk {};  // logged in: read the dashboard, watch for sticks
struct CloseDesk {}; // officer mode is over: stop watching
struct StartExport {
    ExportScope scope = ExportScope::New;
    std::optional<BatchId> again;
    bool plainAccepted = false; // the officer said yes to a copy without encryption
};
struct ChangeSetting {
    SettingChange change;
};
struct ChangeContent {
    ContentChange change;
};
// Take the status pack on the stick (packs/status_pack).
struct TakeStatusPack {};
// Anonymous usage: a screen opened (or read aloud) in a language. Counts only.
struct CountView {
    std::string screen;
    Lang lang;
};
struct ReadAloud {
    Script script;
};
struct StopReading {};
// The officer left: the kiosk goes straight to its attract screen, forgetting any touch under way.
struct Sleep {};

} // namespace effect

using Effect =
    std::variant<effect::SaveRequest, effect::CheckPin, effect::OpenDesk, effect::CloseDesk,
                 effect::StartExport, effect::ChangeSetting, effect::ChangeContent, effect::TakeStatusPack,
                 effect::CountView, effect::ReadAloud, effect::StopReading, effect::Sleep>;
using Effects = std::vector<Effect>;

} // namespace kiosk

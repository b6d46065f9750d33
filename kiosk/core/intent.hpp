// What a resident or an officer asked for on a frame, and what a service answered: one small struct
// per intent, with typed values. Screens return them, services' answers come back as them, and the
// reducer (core/session) applies each to the session. A misspelt intent is a compile error.
#pragma once

#include "core/form.hpp"
#include "core/language.hpp"
#include "core/navigation.hpp"
#include "core/officer.hpp"
#include "core/request.hpp"
#include "core/settings.hpp"
#include "core/speech.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace kiosk {
namespace intent {

// --- Going about the kiosk -------------------------------------------------------------------
struct Open {
    Route route;
};
// On a checklist, Back first takes back the last answer; on the form it first closes the keyboard.
struct Back {};
struct Home {};
struct SetLang {
    Lang lang;
};
struct ToggleLargeText {}; // the Aa button
struct Listen {};          // read this screen aloud, or stop reading it

// --- The checklists: the passport's documents, the job offer's warning signs ------------------
struct Answer {
    std::string question; // ids from the checklist's rules
    std::string answer;
};
struct ToggleHave {
    std::string document;
};
struct RestartChecklist {};

// --- The company search ---
struct FocusSearch {}; // opens the keyboard on the name being looked for
struct ChooseCompany { // a result tapped: the request to be called back names it
    std::string name;  // as registered
};
// The callback form opened about something: its topic chosen (unless one already was) and `note`
// added to the note, once.
struct AskAbout {
    RequestTopic topic;
    std::string note;
};

// --- "Cek permintaan saya" ---
struct FocusReference {}; // opens the keyboard on the reference
struct CheckReference {}; // look the reference typed up (unless a wait after wrong ones runs)

// --- The callback form -------------------------------------------------------------------------
struct FocusField { // opens the keyboard on it
    Field field;
};
struct PressKey {
    Key key;
};
struct MoveCaret {
    Field field;
    std::size_t offset; // bytes into the field's text
};
struct ChooseTopic {
    RequestTopic topic;
};
struct ChooseTime {
    ContactTime time;
};
struct ToggleConsent {};
struct Review {};          // check everything, then show the review screen
struct Send {};            // save the request; the confirmation waits for RequestSaved
struct ContinueRequest {}; // the emergency numbers read: on with the trafficking report

// --- Officer mode ------------------------------------------------------------------------------
struct OpenOfficer {}; // the corner was held: the PIN pad
struct PressPinDigit {
    int digit; // 0..9
};
struct ErasePinDigit {};
struct SubmitPin {}; // send the PIN (or take the new one, then its repetition)
// Without an office key, the copy asked for waits for ConfirmPlainExport or CancelPlainExport.
struct ExportBatches {
    ExportScope scope = ExportScope::New;
    std::optional<BatchId> again; // exactly this earlier batch, written again
};
struct ConfirmPlainExport {}; // yes: copy it without encryption
struct CancelPlainExport {};  // no: nothing is copied
struct ChangeSetting {
    SettingChange change;
};
struct ChangeContent {
    ContentChange change;
};
struct TakeStatusPack {}; // "Ambil status permintaan": the office's status pack from the stick
struct Logout {};         // officer mode closed, back to the attract screen

// --- What the kiosk itself tells the session -----------------------------------------------------
struct IdleTimeout {}; // nobody touched the screen: the visit is over
struct FrameFailed {}; // a frame could not be drawn: home, calmly

// --- Services' answers -------------------------------------------------------------------------
struct RequestSaved { // the request is committed to disk
    std::uint64_t ticket;
    std::string reference;
};
struct RequestNotSaved {
    std::uint64_t ticket;
    SaveFailure failure;
};
struct PinChecked {
    PinAnswer answer;
};
// The officer desk's latest state: the dashboard, the stick, an export or a content update under way.
struct DeskChanged {
    std::shared_ptr<const OfficerSnapshot> snapshot;
};
// The voice's state: reading or not, the sentence being read.
struct VoiceChanged {
    VoiceView view;
};

} // namespace intent

using Intent = std::variant<
    intent::Open, intent::Back, intent::Home, intent::SetLang, intent::ToggleLargeText, intent::Listen,
    intent::Answer, intent::ToggleHave, intent::RestartChecklist, intent::FocusSearch, intent::ChooseCompany,
    intent::AskAbout, intent::FocusReference, intent::CheckReference, intent::FocusField, intent::PressKey,
    intent::MoveCaret, intent::ChooseTopic, intent::ChooseTime, intent::ToggleConsent, intent::Review,
    intent::Send, intent::ContinueRequest, intent::OpenOfficer, intent::PressPinDigit, intent::ErasePinDigit,
    intent::SubmitPin, intent::ExportBatches, intent::ConfirmPlainExport, intent::CancelPlainExport,
    intent::ChangeSetting, intent::ChangeContent, intent::TakeStatusPack, intent::Logout, intent::IdleTimeout,
    intent::FrameFailed, intent::RequestSaved, intent::RequestNotSaved, intent::PinChecked,
    intent::DeskChanged, intent::VoiceChanged>;

// What a screen returns for one frame: nothing, or what was asked for.
using Asked = std::optional<Intent>;

} // namespace kiosk

// Everything one resident's visit leaves behind, wiped in one place when the kiosk goes idle.
#pragma once

#include "core/content.hpp"
#include "core/form.hpp"
#include "core/language.hpp"
#include "core/navigation.hpp"
#include "core/officer.hpp"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kiosk {

// A resident's way through one checklist: answers in the order given, documents they have.
struct ChecklistProgress {
    std::string id;
    std::vector<std::pair<std::string, std::string>> answers; // (question, answer)
    std::set<std::string> have;

    [[nodiscard]] Answers asMap() const { return {answers.begin(), answers.end()}; }
};

// The names of the documents still needed (not optional, not ticked), in the checklist's order.
[[nodiscard]] std::vector<std::string> missingDocuments(const ChecklistRules& rules, const ChecklistText& words,
                                                        const ChecklistProgress& progress);

struct Session {
    Navigator nav;
    Lang lang = kDefaultLang;
    ChecklistProgress checklist;
    FormState form;
    std::string reference; // of the request just saved, for the confirmation screen
    bool largeText = false; // the Aa button: text 1.4 times as large, until the visit ends
    OfficerSession officer; // officer mode: the PIN being typed, logged in or not
    // Counts visits, so per-visit widget state (scroll positions) starts fresh for each resident.
    unsigned visit = 0;
    // The language every visit starts in (officer settings); kept across visits.
    Lang homeLang = kDefaultLang;

    // Back to a fresh visit: home screen, the default language, normal text, nothing typed or chosen.
    void reset();
};

// What a resident asked for on a frame. Screens return it; the shell applies it.
struct Action {
    enum class Kind {
        None,
        Open,
        Back,
        Home,
        SetLang,
        Answer,
        ToggleHave,
        RestartChecklist,
        FormFocus,   // key: field id; opens the keyboard on it
        FormKey,     // key: on-screen key id
        FormCaret,   // key: field id; value: byte offset
        FormChoose,  // key: "topic" or "time"; value: its id
        FormConsent, // ticks or unticks the consent box
        FormReview,  // check everything, then show the review screen
        FormSend,    // save through the RequestSink, then show the reference
        OfficerOpen,   // the corner was held: the PIN screen
        OfficerPinKey, // key: "0".."9" or "backspace"
        OfficerPinOk,  // send the PIN (or take the new one, then its repetition)
        OfficerExport, // key: "new", "all" or "again"; value: the batch id for "again"
        OfficerLogout, // back to the attract screen, officer mode closed
        OfficerSetting, // key: "volume", "rate", "lang" or "theme"; value: "+", "-" or the choice
        OfficerContent, // key: "update" (the pack on the stick) or "rollback"
        Listen,         // read the screen aloud, or stop reading it (the shell's voice does it)
        TextSize,       // larger text on, or off again
    };
    Kind kind = Kind::None;
    Route route{};
    Lang lang = kDefaultLang;
    std::string key;   // Answer: question; ToggleHave: document; Form*: see Kind
    std::string value; // Answer: answer; Form*: see Kind

    [[nodiscard]] static Action open(Route r) { return {Kind::Open, std::move(r), kDefaultLang, {}, {}}; }
    [[nodiscard]] static Action back() { return {Kind::Back, {}, kDefaultLang, {}, {}}; }
    [[nodiscard]] static Action home() { return {Kind::Home, {}, kDefaultLang, {}, {}}; }
    [[nodiscard]] static Action setLang(Lang l) { return {Kind::SetLang, {}, l, {}, {}}; }
    [[nodiscard]] static Action answer(std::string question, std::string value)
    {
        return {Kind::Answer, {}, kDefaultLang, std::move(question), std::move(value)};
    }
    [[nodiscard]] static Action toggleHave(std::string document)
    {
        return {Kind::ToggleHave, {}, kDefaultLang, std::move(document), {}};
    }
    [[nodiscard]] static Action listen() { return {Kind::Listen, {}, kDefaultLang, {}, {}}; }
    [[nodiscard]] static Action textSize() { return {Kind::TextSize, {}, kDefaultLang, {}, {}}; }
    [[nodiscard]] static Action restartChecklist()
    {
        return {Kind::RestartChecklist, {}, kDefaultLang, {}, {}};
    }
    [[nodiscard]] static Action officer(Kind kind, std::string key = {}, std::string value = {})
    {
        return form(kind, std::move(key), std::move(value));
    }
    [[nodiscard]] static Action form(Kind kind, std::string key = {}, std::string value = {})
    {
        return {kind, {}, kDefaultLang, std::move(key), std::move(value)};
    }
    [[nodiscard]] bool any() const { return kind != Kind::None; }
};

// Applies an action. On a checklist, Back first takes back the last answer; on the form, Back
// first closes the keyboard. FormSend saves through `sink` (none: the save fails, calmly).
// Officer actions go to `desk` (none: officer mode says it cannot open); Back or Home from an
// officer screen closes officer mode.
void apply(Session& session, const Action& action, RequestSink* sink = nullptr, OfficerDesk* desk = nullptr);

// Applies the desk's answer to the PIN that was sent. Ignored unless the PIN screen still waits
// for it (the officer may have gone Home meanwhile).
void applyPinAnswer(Session& session, const PinAnswer& answer, OfficerDesk* desk);

} // namespace kiosk

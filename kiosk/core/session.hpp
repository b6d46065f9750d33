// Everything one resident's visit leaves behind, wiped in one place when the kiosk goes idle.
#pragma once

#include "core/content.hpp"
#include "core/language.hpp"
#include "core/navigation.hpp"

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

struct Session {
    Navigator nav;
    Lang lang = kDefaultLang;
    ChecklistProgress checklist;
    // Counts visits, so per-visit widget state (scroll positions) starts fresh for each resident.
    unsigned visit = 0;

    // Back to a fresh visit: home screen, default language, nothing typed or chosen.
    void reset();
};

// What a resident asked for on a frame. Screens return it; the shell applies it.
struct Action {
    enum class Kind { None, Open, Back, Home, SetLang, Answer, ToggleHave, RestartChecklist };
    Kind kind = Kind::None;
    Route route{};
    Lang lang = kDefaultLang;
    std::string key;   // Answer: question; ToggleHave: document
    std::string value; // Answer: answer

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
    [[nodiscard]] static Action restartChecklist()
    {
        return {Kind::RestartChecklist, {}, kDefaultLang, {}, {}};
    }
    [[nodiscard]] bool any() const { return kind != Kind::None; }
};

// Applies an action. On a checklist, Back first takes back the last answer.
void apply(Session& session, const Action& action);

} // namespace kiosk

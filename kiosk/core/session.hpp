// Everything one resident's visit leaves behind, wiped in one place when the kiosk goes idle; the
// reducer (core/reducer) changes it.
#pragma once

#include "core/company_search.hpp"
#include "core/content.hpp"
#include "core/form.hpp"
#include "core/language.hpp"
#include "core/navigation.hpp"
#include "core/officer.hpp"
#include "core/request_check.hpp"
#include "core/voice_view.hpp"

#include <cstdint>
#include <memory>
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

// The documents still needed (not optional, not ticked), in the checklist's order.
[[nodiscard]] std::vector<const ChecklistRules::Item*> missingDocuments(const ChecklistRules& rules,
                                                                        const ChecklistProgress& progress);

struct Session {
    Navigator nav;
    Lang lang = kDefaultLang;
    ChecklistProgress checklist;
    CompanySearch search; // the company looked for in the registry
    StatusLookup status;  // the reference typed on "Cek permintaan saya" and its answer
    FormState form;
    std::string reference;  // of the request just saved, for the confirmation screen
    bool largeText = false; // the Aa button: text 1.4 times as large, until the visit ends
    OfficerSession officer; // officer mode: the PIN being typed, logged in or not
    // Counts visits, so per-visit widget state (scroll positions) starts fresh for each resident.
    unsigned visit = 0;
    // Kept across visits: the language every visit starts in (officer settings), what the officer
    // desk and the voice last reported, and the numbers given to saves and PINs sent (so that an
    // answer is never taken for another one).
    Lang homeLang = kDefaultLang;
    std::shared_ptr<const OfficerSnapshot> desk; // none until the desk first answered
    VoiceView voice;
    std::uint64_t tickets = 0;
    // The guard against guessing references: a run of wrong ones outlasts the visit (see RequestCheck).
    RequestCheck requestCheck;

    // Back to a fresh visit: home screen, the default language, normal text, nothing typed or chosen.
    void reset();
};

} // namespace kiosk

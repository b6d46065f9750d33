// The audit log as an officer reads it: each entry a sentence of ui.toml (officer.audit.*) with its
// values, built from the entry's kind and detail. The stored rows keep their machine form ("batch=9f3c
// count=18 marked=18 sealed=yes", "volume: 80 -> 70") for the export's audit.csv; this is where they
// become words, at display, in the screen's language.
#pragma once

#include "core/language.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// A value put into a sentence's placeholder.
struct AuditWord {
    std::string placeholder; // "{n}"
    std::string text;        // put in as it is: a number, a batch or pack id…
    std::string key;         // …or, when set, the words of this ui.toml key
    std::optional<Lang> in;  // those words in this language, not the screen's (a language's own name)

    friend bool operator==(const AuditWord&, const AuditWord&) = default;
};

struct AuditSentence {
    std::string key; // "officer.audit.export_sealed"
    std::vector<AuditWord> words;

    friend bool operator==(const AuditSentence&, const AuditSentence&) = default;
};

// One sentence for each thing the entry records (a settings entry may record several changes). An
// entry whose detail is not as the kiosk writes it gives its kind's name alone (officer.audit.kind.*);
// a kind the kiosk does not know gives officer.audit.other with the kind as it is.
[[nodiscard]] std::vector<AuditSentence> auditSentences(std::string_view kind, std::string_view detail);

// Every audit kind the kiosk writes, with a sentence of its own.
[[nodiscard]] const std::vector<std::string_view>& auditKinds();
// Every refusal of a content pack, as packs::refusalName writes it, with its reason in
// officer.content.reason.*.
[[nodiscard]] const std::vector<std::string_view>& contentRefusalNames();
// Every refusal of a status pack, as statuspack::refusalName writes it, with its sentence in
// officer.status.refused.* and its reason in officer.status.reason.*.
[[nodiscard]] const std::vector<std::string_view>& statusRefusalNames();

} // namespace kiosk

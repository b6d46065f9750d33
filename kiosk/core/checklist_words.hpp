// A checklist's words in one language from their TOML table, for the loader (parseChecklistWords in
// core/content.hpp reads text).
#pragma once

#include "core/content.hpp"

#include <toml++/toml.h>

#include <optional>
#include <string>

namespace kiosk::parsing {

// The words of a checklist in `file` (content/<lang>/checklists/<id>.toml): its title, source,
// date and the words of every question, answer, document, fee, warning and sign, and the next steps
// of a sign checklist. With `rules`, every id
// they name needs words here (missing ones are errors when `reference`, the Indonesian words, and
// warnings otherwise) and every id here must be in them.
[[nodiscard]] std::optional<ChecklistText>
checklistWordsFromTable(const toml::table& root, const std::string& file, const ChecklistRules* rules,
                        bool reference, Problems& errors, Problems& warnings);

} // namespace kiosk::parsing

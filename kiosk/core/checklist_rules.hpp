// A checklist's rules from their TOML table, for the loader (parseChecklistRules in core/content.hpp
// reads text).
#pragma once

#include "core/content.hpp"

#include <toml++/toml.h>

#include <optional>
#include <string>

namespace kiosk::parsing {

// The rules of checklist `id` in `file` (checklists/<id>.toml): its questions, and its documents,
// fees and warnings or its signs, every condition checked against the questions and answers it names.
[[nodiscard]] std::optional<ChecklistRules> rulesFromTable(const toml::table& root, const std::string& file,
                                                           const std::string& id, Problems& errors);

} // namespace kiosk::parsing

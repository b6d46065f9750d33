// A page of guidance from its TOML table, for the loader (parsePage in core/content.hpp reads text).
#pragma once

#include "core/content.hpp"

#include <toml++/toml.h>

#include <string>

namespace kiosk::parsing {

// The page `id` of `file`: its title, source, date and blocks, every problem in `errors`. Blocks
// that cannot be read are left out.
[[nodiscard]] Page pageFromTable(const toml::table& root, const std::string& file, const std::string& id,
                                 Problems& errors);

} // namespace kiosk::parsing

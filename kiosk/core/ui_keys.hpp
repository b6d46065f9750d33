// The keys of ui.toml the screens use, so the loader can tell a missing word from an unknown one.
#pragma once

#include <set>
#include <string>

namespace kiosk {

// Every key of ui.toml that the screens use.
[[nodiscard]] std::set<std::string> uiKeys();

} // namespace kiosk

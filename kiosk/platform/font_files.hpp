// Finds the kiosk's font files through fontconfig.
#pragma once

#include "core/assets.hpp"

#include <optional>
#include <string>

namespace kiosk::platform {

// Noto Sans (fonts-noto-core), else DejaVu Sans, regular and bold, and Font Awesome 4.7
// (fonts-font-awesome). Returns nothing and explains in `why` when something is missing.
[[nodiscard]] std::optional<FontFiles> findFontFiles(std::string& why);

} // namespace kiosk::platform

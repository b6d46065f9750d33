// The tour: every screen and every checklist state the kiosk can show, by name.
#pragma once

#include "core/content.hpp"
#include "core/idle.hpp"
#include "core/navigation.hpp"
#include "core/session.hpp"

#include <string>
#include <vector>

namespace kiosk {

struct Still {
    std::string name; // file name stem before "-<lang>-<W>x<H>.png"
    Route route;
    IdleTimer::Phase phase = IdleTimer::Phase::Active;
    ChecklistProgress progress;
};

// Home, every page, every question of every checklist, a result for every answer to its first
// question, the callback screen, the idle prompt and the attract screen.
[[nodiscard]] std::vector<Still> tourStills(const Content& content);

} // namespace kiosk

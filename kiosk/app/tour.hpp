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
    bool atEnd = false; // scrolled to the end of the screen
};

// Every screen and checklist state worth a look: see tour.cpp.
[[nodiscard]] std::vector<Still> tourStills(const Content& content);

} // namespace kiosk

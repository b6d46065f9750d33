// USB sticks for the officer desk: looked for every second while the dashboard is open, and logged as
// they come and go.
#pragma once

#include "core/usb.hpp"
#include "services/desk_board.hpp"
#include "services/usb_probe.hpp"

#include <chrono>
#include <ostream>

namespace kiosk::desk {

// How often sticks are looked for while the dashboard is open: a stick shows within 2 s.
inline constexpr auto kStickScanEvery = std::chrono::milliseconds(1000);

// Looks for the sticks mounted now. When they are not the snapshot's, logs which came and which
// went, publishes them and returns true.
bool lookForSticks(const UsbProbe& usb, Board& board, std::ostream& log);

} // namespace kiosk::desk

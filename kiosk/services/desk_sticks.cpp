// Comparing the sticks mounted now with those the officer sees, and telling the log what changed.
#include "services/desk_sticks.hpp"

#include <utility>
#include <vector>

namespace kiosk::desk {

bool lookForSticks(const UsbProbe& usb, Board& board, std::ostream& log)
{
    std::vector<Stick> sticks = findSticks(usb);
    const auto current = board.snapshot();
    if (current->target.sticks == sticks)
        return false;
    const StickChanges changes = diffSticks(current->target.sticks, sticks);
    for (const Stick& s : changes.appeared)
        log << "kiosk: USB stick mounted at " << s.mountPoint.string() << "\n";
    for (const Stick& s : changes.gone)
        log << "kiosk: USB stick at " << s.mountPoint.string() << " is gone\n";
    board.publish([&](OfficerSnapshot& s) { s.target.sticks = std::move(sticks); });
    return true;
}

} // namespace kiosk::desk

// The snapshot the officer desk's work publishes for the screens, as each piece of that work sees it.
#pragma once

#include "core/officer.hpp"

#include <functional>
#include <memory>

namespace kiosk::desk {

using SnapshotChange = std::function<void(OfficerSnapshot&)>;

class Board {
public:
    // The latest snapshot (never null).
    [[nodiscard]] virtual std::shared_ptr<const OfficerSnapshot> snapshot() const = 0;
    // Applies `change` to a copy of the snapshot and shows the copy instead. Safe from any thread.
    virtual void publish(const SnapshotChange& change) = 0;

protected:
    Board() = default;
    ~Board() = default;
    Board(const Board&) = default;
    Board& operator=(const Board&) = default;
};

} // namespace kiosk::desk

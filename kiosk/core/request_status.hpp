// What the office has done with the requests left at this kiosk, as a signed status pack from the
// office brought it (packs/status_pack): for each reference a status and its date, nothing else —
// no name, phone, note or partner ever reaches the kiosk this way. A resident who kept the
// reference of the confirmation screen looks it up on the screen "Cek permintaan saya".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The three steps a resident is told of, in order.
enum class RequestStatus {
    Received,  // "diterima kantor": the office has the request
    Contacted, // "sudah dihubungi": an officer reached the resident (or referred the request)
    Done,      // "selesai"
};

struct StatusEntry {
    std::string reference; // as on the confirmation screen: "CMG-0427"
    RequestStatus status = RequestStatus::Received;
    std::string date; // "2026-12-02": the day the request reached this status (office's local date)
};

// One kiosk's statuses, from the newest pack accepted.
struct StatusBook {
    std::string kioskId;
    std::string created; // "2026-12-02 14:05", when the office made the pack
    std::vector<StatusEntry> entries;
};

} // namespace kiosk

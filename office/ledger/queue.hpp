// The desk's follow-up queue: one page of requests, filtered and searched, trafficking reports first,
// then oldest first, with how long each has waited.
#pragma once

#include "ledger/ledger.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::office {

struct QueueQuery {
    std::string village; // a village's name (office.toml) or a kiosk id, or "" for all
    std::string topic;   // "passport", "work-abroad", "trafficking", "other", or "" for all
    std::string status;  // "" every request not selesai (the queue); "semua" all; else one of kStatuses
    int minAgeDays = 0;  // only requests made at least this many days before nowMs
    std::string search;  // a name, a phone number (08…, +62…, 62…, or a part of it) or a reference
    std::size_t page = 1, pageSize = 50;
    std::int64_t nowMs = 0;
};

struct QueueRow {
    LedgerRequest request;
    // Whole days from when it was made to nowMs (to when it was done, once selesai).
    std::int64_t waitingDays = 0;
};

struct QueuePage {
    std::vector<QueueRow> rows;
    std::size_t total = 0; // requests that match, on every page
    std::size_t page = 1, pages = 1;
};

inline constexpr std::string_view kAllStatuses = "semua";
inline constexpr std::size_t kMaxPageSize = 500;

// Every value goes to the store as a parameter: a filter or search that is no known value finds
// nothing. The search ignores case (SQLite: ASCII letters only) and takes % and _ as themselves.
// A page beyond the last gives the last; page 0 the first; pageSize 0 is 50, at most 500.
[[nodiscard]] QueuePage queryQueue(Store& store, const QueueQuery& query, const Villages& villages);

// The digits a search for a phone number looks for in the stored form (+628…): "0812-345" ->
// "62812345", "+62 812" -> "62812", "812 3" -> "8123"; "" when the text is not a phone number
// (letters in it, or fewer than 4 digits).
[[nodiscard]] std::string phoneSearchDigits(std::string_view text);

} // namespace kiosk::office
